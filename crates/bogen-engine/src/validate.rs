//! Validation: what is wrong with an answer, as data.
//!
//! The engine returns [`Violation`]s with a [`ViolationKind`] and, when the office wrote one, a
//! custom message. It never invents display text: the app turns a kind into a German or English
//! sentence. Hidden questions are never validated (the session does not call in here for them).

use crate::answer::{AnswerValue, DatePart, DateParts, DateProblem, Record, RecordId};
use crate::eval::{evaluate, Answers, RecordScope};
use crate::formats::{is_email, is_phone, web_address_problem, UrlProblem};
use crate::model::{Question, QuestionKind, TextFormat};
use crate::resolve::is_iso_date;
use crate::text::LocalizedText;
use validator::{ValidateLength, ValidateRange};

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ViolationKind {
    /// A required answer is missing.
    Required,
    /// A number field holds text that is not a number.
    NotANumber,
    /// An integer field holds a fraction.
    NotAWholeNumber,
    /// A number is below `min`.
    BelowMin {
        /// The minimum.
        min: f64,
    },
    /// A number is above `max`.
    AboveMax {
        /// The maximum.
        max: f64,
    },
    /// A date field does not hold a valid date (a text from elsewhere, not typed in its fields).
    InvalidDate,
    /// A date's three fields are all filled in but make no real date, for this reason.
    DateNotReal {
        /// What is wrong.
        problem: DateProblem,
    },
    /// Some of a date's fields are filled in, these are not.
    DateIncomplete {
        /// The empty fields, in the order they are shown (day, month, year).
        missing: Vec<DatePart>,
    },
    /// A date is before `min`.
    DateBeforeMin {
        /// Earliest allowed, `YYYY-MM-DD`.
        min: String,
    },
    /// A date is after `max`.
    DateAfterMax {
        /// Latest allowed, `YYYY-MM-DD`.
        max: String,
    },
    /// A text is shorter than `minLength`.
    TooShort {
        /// Fewest characters.
        min_length: u32,
    },
    /// A text is longer than `maxLength`.
    TooLong {
        /// Most characters.
        max_length: u32,
    },
    /// A text does not match `pattern`.
    PatternMismatch,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not an http(s) URL, for this reason.
    InvalidUrl {
        /// What is wrong.
        problem: UrlProblem,
    },
    /// Not a telephone number.
    InvalidPhone,
    /// A choice holds a value that is not one of the options.
    UnknownOption {
        /// The value.
        value: String,
    },
    /// Fewer options selected than `minSelected`.
    TooFewSelected {
        /// Fewest.
        min: u32,
    },
    /// More options selected than `maxSelected`.
    TooManySelected {
        /// Most.
        max: u32,
    },
    /// "Other" is ticked but not specified.
    OtherNotSpecified,
    /// Fewer records than `minCount`.
    TooFewRecords {
        /// Fewest.
        min: u32,
    },
    /// More records than `maxCount`.
    TooManyRecords {
        /// Most.
        max: u32,
    },
    /// Matrix rows left unanswered in a required matrix (their values).
    MatrixRowsMissing {
        /// Row values.
        rows: Vec<String>,
    },
    /// A rule of the office failed; its message is the custom message.
    RuleFailed {
        /// Position of the rule in the question's `rules`.
        rule: usize,
    },
}

/// Where in a question's answer a violation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViolationLocation {
    /// The answer as a whole.
    Answer,
    /// A field of a record of a repeat group.
    RecordField {
        /// The record.
        record: RecordId,
        /// The field's position.
        field: usize,
    },
}

/// One problem with one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where.
    pub location: ViolationLocation,
    /// What.
    pub kind: ViolationKind,
    /// The office's message, which replaces the default one.
    pub custom_message: Option<LocalizedText>,
}

/// Checks an answer against the question's own settings (not required-ness, not rules).
pub(crate) fn intrinsic(
    question: &Question,
    answer: &AnswerValue,
    location: ViolationLocation,
    out: &mut Vec<Violation>,
) {
    let messages = &question.messages;
    let mut push = |kind: ViolationKind, custom: &Option<LocalizedText>| {
        out.push(Violation { location, kind, custom_message: custom.clone() });
    };
    match (&question.kind, answer) {
        (QuestionKind::Text { format, min_length, max_length, pattern, .. }, AnswerValue::Text(text)) => {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            // validator counts characters, not bytes, as a person counts them.
            if let Some(min) = min_length.filter(|&min| !text.validate_length(Some(u64::from(min)), None, None)) {
                push(ViolationKind::TooShort { min_length: min }, &messages.length);
            }
            if let Some(max) = max_length.filter(|&max| !text.validate_length(None, Some(u64::from(max)), None)) {
                push(ViolationKind::TooLong { max_length: max }, &messages.length);
            }
            let malformed = match format {
                TextFormat::Plain => None,
                TextFormat::Email => (!is_email(text)).then_some(ViolationKind::InvalidEmail),
                TextFormat::Url => web_address_problem(text).map(|problem| ViolationKind::InvalidUrl { problem }),
                TextFormat::Phone => (!is_phone(text)).then_some(ViolationKind::InvalidPhone),
            };
            if let Some(kind) = malformed {
                push(kind, &messages.format);
            }
            if let Some(pattern) = pattern {
                if !pattern.is_match(text) {
                    push(ViolationKind::PatternMismatch, &messages.pattern);
                }
            }
        }
        (QuestionKind::Number { .. }, AnswerValue::NotANumber(text)) if !text.trim().is_empty() => {
            push(ViolationKind::NotANumber, &messages.format);
        }
        (QuestionKind::Number { integer, min, max, .. }, AnswerValue::Number(n)) => {
            if *integer && n.fract() != 0.0 {
                push(ViolationKind::NotAWholeNumber, &messages.format);
            }
            if let Some(min) = min.filter(|&min| !n.validate_range(Some(min), None, None, None)) {
                push(ViolationKind::BelowMin { min }, &messages.min);
            }
            if let Some(max) = max.filter(|&max| !n.validate_range(None, Some(max), None, None)) {
                push(ViolationKind::AboveMax { max }, &messages.max);
            }
        }
        (QuestionKind::Date { .. }, AnswerValue::NotADate(typed)) if !typed.trim().is_empty() => {
            let missing = DateParts::missing_in(Some(answer));
            if let Some(problem) = DateParts::problem_in(Some(answer)) {
                push(ViolationKind::DateNotReal { problem }, &messages.format);
            } else if missing.is_empty() {
                push(ViolationKind::InvalidDate, &messages.format);
            } else {
                push(ViolationKind::DateIncomplete { missing }, &messages.format);
            }
        }
        (QuestionKind::Date { min, max }, AnswerValue::Text(date)) if !date.is_empty() => {
            if !is_iso_date(date) {
                push(ViolationKind::InvalidDate, &messages.format);
                return;
            }
            if let Some(min) = min.as_ref().filter(|min| date < *min) {
                push(ViolationKind::DateBeforeMin { min: min.clone() }, &messages.min);
            }
            if let Some(max) = max.as_ref().filter(|max| date > *max) {
                push(ViolationKind::DateAfterMax { max: max.clone() }, &messages.max);
            }
        }
        (QuestionKind::SingleChoice { options, .. }, AnswerValue::Choice(value))
            if !value.is_empty() && !options.iter().any(|o| &o.value == value) =>
        {
            push(ViolationKind::UnknownOption { value: value.clone() }, &None);
        }
        (
            QuestionKind::MultipleChoice { options, min_selected, max_selected, .. },
            AnswerValue::Choices { selected, other },
        ) => {
            for value in selected {
                if !options.iter().any(|o| &o.value == value) {
                    push(ViolationKind::UnknownOption { value: value.clone() }, &None);
                }
            }
            if other.as_ref().is_some_and(|o| o.trim().is_empty()) {
                push(ViolationKind::OtherNotSpecified, &None);
            }
            let n_selected = selected.len() as u32 + u32::from(other.is_some());
            if n_selected > 0 {
                if let Some(min) = min_selected.filter(|&min| n_selected < min) {
                    push(ViolationKind::TooFewSelected { min }, &messages.min);
                }
            }
            if let Some(max) = max_selected.filter(|&max| n_selected > max) {
                push(ViolationKind::TooManySelected { max }, &messages.max);
            }
        }
        (QuestionKind::Matrix { rows, scale }, AnswerValue::Matrix(answers)) => {
            for (row, value) in answers {
                if !scale.iter().any(|o| &o.value == value) || !rows.iter().any(|r| &r.value == row) {
                    push(ViolationKind::UnknownOption { value: format!("{row}: {value}") }, &None);
                }
            }
        }
        (QuestionKind::Repeat { min_count, max_count, .. }, AnswerValue::Records(records)) => {
            let n_records = records.len() as u32;
            if let Some(min) = min_count.filter(|&min| n_records < min && n_records > 0) {
                push(ViolationKind::TooFewRecords { min }, &messages.min);
            }
            if let Some(max) = max_count.filter(|&max| n_records > max) {
                push(ViolationKind::TooManyRecords { max }, &messages.max);
            }
        }
        _ => {}
    }
}

/// Full validation of a visible question: required-ness, its own checks, its rules, and for a
/// repeat group every record's visible fields.
pub(crate) fn validate_question(
    question: &Question,
    answer: Option<&AnswerValue>,
    required: bool,
    answers: &dyn Answers,
    out: &mut Vec<Violation>,
) {
    let location = ViolationLocation::Answer;
    let is_empty = answer.is_none_or(AnswerValue::is_empty);
    if is_empty {
        if required {
            out.push(Violation {
                location,
                kind: ViolationKind::Required,
                custom_message: question.messages.required.clone(),
            });
        }
    } else if let Some(answer) = answer {
        intrinsic(question, answer, location, out);
        if let (QuestionKind::Matrix { rows, .. }, AnswerValue::Matrix(given), true) =
            (&question.kind, answer, required)
        {
            let missing: Vec<String> =
                rows.iter().filter(|r| !given.contains_key(&r.value)).map(|r| r.value.clone()).collect();
            if !missing.is_empty() {
                out.push(Violation {
                    location,
                    kind: ViolationKind::MatrixRowsMissing { rows: missing },
                    custom_message: question.messages.required.clone(),
                });
            }
        }
    }
    for (rule_idx, rule) in question.rules.iter().enumerate() {
        if evaluate(&rule.check, answers, None).is_false() {
            out.push(Violation {
                location,
                kind: ViolationKind::RuleFailed { rule: rule_idx },
                custom_message: Some(rule.message.clone()),
            });
        }
    }
    if let (QuestionKind::Repeat { fields, .. }, Some(AnswerValue::Records(records))) = (&question.kind, answer) {
        for record in records {
            validate_record(fields, record, answers, out);
        }
    }
}

fn validate_record(fields: &[Question], record: &Record, answers: &dyn Answers, out: &mut Vec<Violation>) {
    let scope = RecordScope { record, fields };
    for (field_idx, field) in fields.iter().enumerate() {
        if !scope.field_visible(field_idx, answers) {
            continue;
        }
        let location = ViolationLocation::RecordField { record: record.id, field: field_idx };
        let answer = record.fields.get(field_idx).and_then(Option::as_ref);
        let required = record_field_required(fields, field_idx, record, answers);
        match answer.filter(|a| !a.is_empty()) {
            None if required => out.push(Violation {
                location,
                kind: ViolationKind::Required,
                custom_message: field.messages.required.clone(),
            }),
            None => {}
            Some(answer) => intrinsic(field, answer, location, out),
        }
        for (rule_idx, rule) in field.rules.iter().enumerate() {
            if evaluate(&rule.check, answers, Some(scope)).is_false() {
                out.push(Violation {
                    location,
                    kind: ViolationKind::RuleFailed { rule: rule_idx },
                    custom_message: Some(rule.message.clone()),
                });
            }
        }
    }
}

/// Whether a field of a record is shown, by the field's own condition.
pub(crate) fn record_field_visible(fields: &[Question], field: usize, record: &Record, answers: &dyn Answers) -> bool {
    RecordScope { record, fields }.field_visible(field, answers)
}

/// Whether a field of a record is required.
pub(crate) fn record_field_required(fields: &[Question], field: usize, record: &Record, answers: &dyn Answers) -> bool {
    let Some(question) = fields.get(field) else { return false };
    question.required
        || question
            .required_if
            .as_ref()
            .is_some_and(|e| evaluate(e, answers, Some(RecordScope { record, fields })).is_true())
}

/// A violation in plain English, for the office's tools (problems with defaults in `bogen check`,
/// answers of a submission that do not fit): not for respondents, whose texts the app words.
pub fn describe_violation(kind: &ViolationKind) -> String {
    match kind {
        ViolationKind::Required => "a required answer is missing".to_owned(),
        ViolationKind::NotANumber => "not a number".to_owned(),
        ViolationKind::NotAWholeNumber => "not a whole number".to_owned(),
        ViolationKind::BelowMin { min } => format!("below the minimum {min}"),
        ViolationKind::AboveMax { max } => format!("above the maximum {max}"),
        ViolationKind::InvalidDate => "not a date written YYYY-MM-DD".to_owned(),
        ViolationKind::DateNotReal { problem } => match problem {
            DateProblem::NotDigits => "a date with other characters than digits".to_owned(),
            DateProblem::DayOutOfRange => "a date whose day is not 1 to 31".to_owned(),
            DateProblem::MonthOutOfRange => "a date whose month is not 1 to 12".to_owned(),
            DateProblem::YearNotFourDigits => "a date whose year does not have four digits".to_owned(),
            DateProblem::NoSuchDay { day, month, year } => format!("{year}-{month:02}-{day:02} does not exist"),
        },
        ViolationKind::DateIncomplete { missing } => {
            let names: Vec<&str> = missing
                .iter()
                .map(|part| match part {
                    DatePart::Day => "day",
                    DatePart::Month => "month",
                    DatePart::Year => "year",
                })
                .collect();
            format!("a date without its {}", names.join(" and "))
        }
        ViolationKind::DateBeforeMin { min } => format!("before the earliest date {min}"),
        ViolationKind::DateAfterMax { max } => format!("after the latest date {max}"),
        ViolationKind::TooShort { min_length } => format!("shorter than {min_length} characters"),
        ViolationKind::TooLong { max_length } => format!("longer than {max_length} characters"),
        ViolationKind::PatternMismatch => "it does not match the pattern".to_owned(),
        ViolationKind::InvalidEmail => "not an e-mail address".to_owned(),
        ViolationKind::InvalidUrl { problem } => match problem {
            UrlProblem::NoScheme => "not a web address starting with https:// or http://".to_owned(),
            UrlProblem::Space => "a web address with a space in it".to_owned(),
            UrlProblem::NoHost => "a web address without a host name".to_owned(),
            UrlProblem::NoDot => "a web address whose host name has no dot".to_owned(),
            UrlProblem::BadHost => "a web address whose host name has characters a host name cannot have".to_owned(),
            UrlProblem::BadPort => "a web address with a port that is not a number".to_owned(),
        },
        ViolationKind::InvalidPhone => "not a telephone number".to_owned(),
        ViolationKind::UnknownOption { value } => format!("\"{value}\" is not one of the options"),
        ViolationKind::TooFewSelected { min } => format!("fewer than {min} options selected"),
        ViolationKind::TooManySelected { max } => format!("more than {max} options selected"),
        ViolationKind::OtherNotSpecified => "\"other\" is not specified".to_owned(),
        ViolationKind::TooFewRecords { min } => format!("fewer than {min} records"),
        ViolationKind::TooManyRecords { max } => format!("more than {max} records"),
        other => format!("{other:?}"),
    }
}
