//! The typed answer model, and its JSON form in drafts, defaults and submissions.
//!
//! An [`AnswerValue`] is what the respondent gave, typed by the question's kind. Numbers keep
//! what was typed when it is not a number yet ("12a"), so that nothing typed is ever lost; the
//! validator then reports it; so do dates, typed into three fields (day, month, year) that are
//! a date only once all three are ([`DateParts`]). Converting to and from JSON is done here by
//! hand, against the question's kind, because the same JSON (`"2004"`) means different answers
//! for different kinds.

use crate::model::{Question, QuestionKind};
use crate::resolve::is_iso_date;
use crate::text::Lang;
use serde_json::{json, Map, Value as Json};
use std::collections::BTreeMap;

/// A record of a repeat group has an id that stays stable while records are added and removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub u64);

/// One record of a repeat group: the answers of its fields, by field position.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Stable id (for keys in the UI; not exported).
    pub id: RecordId,
    /// Answers by field position; `None` is unanswered.
    pub fields: Vec<Option<AnswerValue>>,
}

/// An answer.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// Text, e-mail, URL, phone, and dates (`YYYY-MM-DD`).
    Text(String),
    /// A number.
    Number(f64),
    /// What was typed into a number field that is not a number (kept, and reported).
    NotANumber(String),
    /// What was typed into a date's three fields that is not a date yet, as [`DateParts::text`]
    /// writes it (kept, and reported; expressions see no answer).
    NotADate(String),
    /// A yes/no answer.
    Bool(bool),
    /// The chosen option of a single choice.
    Choice(String),
    /// The chosen options of a multiple choice, and the "other" text.
    Choices {
        /// Selected option values, in option order.
        selected: Vec<String>,
        /// The "other, please specify" text; `Some` while "other" is ticked.
        other: Option<String>,
    },
    /// Matrix: chosen scale value per row value.
    Matrix(BTreeMap<String, String>),
    /// The records of a repeat group.
    Records(Vec<Record>),
}

impl AnswerValue {
    /// Whether this counts as no answer (empty text, nothing selected, no records).
    pub fn is_empty(&self) -> bool {
        match self {
            AnswerValue::Text(t) | AnswerValue::Choice(t) | AnswerValue::NotANumber(t) | AnswerValue::NotADate(t) => {
                t.trim().is_empty()
            }
            AnswerValue::Number(_) | AnswerValue::Bool(_) => false,
            AnswerValue::Choices { selected, other } => selected.is_empty() && other.is_none(),
            AnswerValue::Matrix(rows) => rows.is_empty(),
            AnswerValue::Records(records) => records.is_empty(),
        }
    }
}

/// Parses what a person typed into a number field, in the way of the interface language.
///
/// German writes `1.234.567,5`, English `1,234,567.5`. A group mark counts only where it groups
/// thousands (`589.000` is 589000 in German); a lone mark that cannot be a group mark is read as
/// the decimal mark the person is used to from the other language (`12.5` in German is 12.5).
/// Spaces and apostrophes may group digits too. Anything else stays text and is reported, so
/// that a number is never silently read as a different number.
pub fn parse_number_input(input: &str, lang: Lang) -> AnswerValue {
    let (group_mark, decimal_mark) = match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    };
    let compact: String =
        input.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '\u{2019}' | '\u{202f}')).collect();
    let unsigned = compact.strip_prefix(['-', '+']).unwrap_or(&compact);
    let negative = compact.starts_with('-');
    let not_a_number = || AnswerValue::NotANumber(input.to_owned());
    if unsigned.matches(decimal_mark).count() > 1 {
        return not_a_number();
    }
    let (whole, fraction) = match unsigned.split_once(decimal_mark) {
        Some((whole, fraction)) => (whole.to_owned(), Some(fraction)),
        None => (unsigned.to_owned(), None),
    };
    let (whole, fraction) = if !whole.contains(group_mark) {
        (whole, fraction.map(str::to_owned))
    } else if groups_thousands(&whole, group_mark) {
        (whole.replace(group_mark, ""), fraction.map(str::to_owned))
    } else if fraction.is_none() && whole.matches(group_mark).count() == 1 {
        // "12.5" in German, "12,5" in English: the other language's decimal mark.
        let (w, f) = whole.split_once(group_mark).unwrap_or((&whole, ""));
        (w.to_owned(), Some(f.to_owned()))
    } else {
        return not_a_number();
    };
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let fraction = fraction.unwrap_or_default();
    if whole.is_empty() && fraction.is_empty() || !digits_only(&whole) || !digits_only(&fraction) {
        return not_a_number();
    }
    let sign = if negative { "-" } else { "" };
    match format!("{sign}{}.{fraction}", if whole.is_empty() { "0" } else { &whole }).parse::<f64>() {
        Ok(n) if n.is_finite() => AnswerValue::Number(n),
        _ => not_a_number(),
    }
}

/// Whether `whole` is digits grouped in threes by `mark`: `1.234.567`, not `12.34`.
fn groups_thousands(whole: &str, mark: char) -> bool {
    let mut groups = whole.split(mark);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// Reads a number kept as text in a draft (what was typed and did not parse): only plain
/// `12.5` notation counts, since the draft does not say which language it was typed in.
fn number_from_draft_text(text: &str) -> AnswerValue {
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && text.trim().chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+')) => {
            AnswerValue::Number(n)
        }
        _ => AnswerValue::NotANumber(text.to_owned()),
    }
}

/// One of a date's three fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The day of the month.
    Day,
    /// The month, 1 to 12.
    Month,
    /// The year, four digits.
    Year,
}

/// Why a date's three fields, all filled in, do not make a real date: what the message names
/// (GOV.UK's date input: "Month must be between 1 and 12", "Year must include 4 numbers").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// A field holds something other than digits.
    NotDigits,
    /// The day is not 1 to 31.
    DayOutOfRange,
    /// The month is not 1 to 12.
    MonthOutOfRange,
    /// The year does not have four digits.
    YearNotFourDigits,
    /// Each part is possible, but this month has no such day (31.02.2003, 29.02.2003).
    NoSuchDay {
        /// The day typed.
        day: u32,
        /// The month typed.
        month: u32,
        /// The year typed.
        year: u32,
    },
}

/// A date as a person fills it in: three text fields, day, month and year (GOV.UK's date input
/// pattern: a memorable date is quicker typed than picked, and every browser shows it alike).
///
/// [`DateParts::answer`] makes the answer: a real date is stored as `YYYY-MM-DD`, anything else
/// as [`AnswerValue::NotADate`] holding [`DateParts::text`], `year-month-day` as typed, so that a
/// half-typed date survives the draft and shows again in its fields ([`DateParts::of_answer`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    /// What is in the day field.
    pub day: String,
    /// What is in the month field.
    pub month: String,
    /// What is in the year field.
    pub year: String,
}

impl DateParts {
    /// The fields that show `answer`: a stored date, or what was typed before it was one. A text
    /// that is neither (from an older draft) shows whole in the day field, so it is seen and fixed.
    pub fn of_answer(answer: Option<&AnswerValue>) -> DateParts {
        match answer {
            Some(AnswerValue::Text(text) | AnswerValue::NotADate(text)) => DateParts::of_text(text),
            _ => DateParts::default(),
        }
    }

    fn of_text(text: &str) -> DateParts {
        DateParts::of_fields_text(text).unwrap_or_else(|| DateParts { day: text.to_owned(), ..DateParts::default() })
    }

    /// The parts of a text the three fields wrote ([`DateParts::text`]: exactly two `-`), or
    /// `None` for a text from elsewhere.
    fn of_fields_text(text: &str) -> Option<DateParts> {
        let mut parts = text.split('-');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(year), Some(month), Some(day), None) => {
                Some(DateParts { day: day.to_owned(), month: month.to_owned(), year: year.to_owned() })
            }
            _ => None,
        }
    }

    /// The parts in the order a stored text has them, `year-month-day`, each trimmed and without
    /// the `-` that separates them (a `-` typed into a field would move the others).
    pub fn text(&self) -> String {
        let clean = |part: &str| part.trim().replace('-', "");
        format!("{}-{}-{}", clean(&self.year), clean(&self.month), clean(&self.day))
    }

    /// The answer these fields make: none while all are empty; `YYYY-MM-DD` once they are a real
    /// date (day and month of one or two digits, a four-digit year); else what was typed.
    pub fn answer(&self) -> Option<AnswerValue> {
        let text = self.text();
        if text == "--" {
            return None;
        }
        let padded = |part: &str| if part.len() == 1 { format!("0{part}") } else { part.to_owned() };
        let (day, month, year) = (self.day.trim(), self.month.trim(), self.year.trim());
        let iso = format!("{year}-{}-{}", padded(month), padded(day));
        Some(if is_iso_date(&iso) { AnswerValue::Text(iso) } else { AnswerValue::NotADate(text) })
    }

    /// The fields a stored answer lacks: for what the three fields wrote ([`DateParts::text`]),
    /// those left empty while others are filled in. Nothing for a real date or no answer, nor for
    /// a text from elsewhere (a default, an older draft), which is just not a date.
    pub fn missing_in(answer: Option<&AnswerValue>) -> Vec<DatePart> {
        match answer {
            Some(AnswerValue::NotADate(text)) => DateParts::of_fields_text(text).map(|parts| parts.missing()),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// Why a stored answer the three fields wrote, all filled in, is not a date; `None` for a
    /// real date, no answer, a date with empty fields ([`DateParts::missing_in`]), or a text from
    /// elsewhere.
    pub fn problem_in(answer: Option<&AnswerValue>) -> Option<DateProblem> {
        match answer {
            Some(AnswerValue::NotADate(text)) => DateParts::of_fields_text(text)?.problem(),
            _ => None,
        }
    }

    /// Why these fields, all filled in, are not a real date: the first wrong field in the order
    /// they are shown, or the day the month does not have.
    pub fn problem(&self) -> Option<DateProblem> {
        let (day, month, year) = (self.day.trim(), self.month.trim(), self.year.trim());
        if day.is_empty() || month.is_empty() || year.is_empty() {
            return None;
        }
        let number = |part: &str| part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse::<u32>().ok()).flatten();
        let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
            return Some(DateProblem::NotDigits);
        };
        if !(1..=31).contains(&d) || day.len() > 2 {
            Some(DateProblem::DayOutOfRange)
        } else if !(1..=12).contains(&m) || month.len() > 2 {
            Some(DateProblem::MonthOutOfRange)
        } else if year.len() != 4 {
            Some(DateProblem::YearNotFourDigits)
        } else if self.answer().is_some_and(|a| matches!(a, AnswerValue::NotADate(_))) {
            Some(DateProblem::NoSuchDay { day: d, month: m, year: y })
        } else {
            None
        }
    }

    /// A whole date pasted or typed into one field, "31.12.2003", "31/12/2003", "31-12-2003" or
    /// "2003-12-31", split into its three fields; `None` for anything else (a day alone). The
    /// year must have its four digits: "1.3.2" is a date still being typed into the day field.
    pub fn from_pasted(text: &str) -> Option<DateParts> {
        let parts: Vec<&str> = text.trim().split(['.', '/', '-', ' ']).filter(|p| !p.is_empty()).collect();
        let [a, b, c] = parts.as_slice() else { return None };
        let digits = |p: &str, lengths: std::ops::RangeInclusive<usize>| {
            lengths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        let (day, month, year) = if a.len() == 4 { (c, b, a) } else { (a, b, c) };
        (digits(day, 1..=2) && digits(month, 1..=2) && digits(year, 4..=4)).then(|| DateParts {
            day: (*day).to_owned(),
            month: (*month).to_owned(),
            year: (*year).to_owned(),
        })
    }

    /// The fields left empty while others are filled in, in the order they are shown.
    pub fn missing(&self) -> Vec<DatePart> {
        let fields = [(&self.day, DatePart::Day), (&self.month, DatePart::Month), (&self.year, DatePart::Year)];
        if fields.iter().all(|(text, _)| text.trim().is_empty()) {
            return Vec::new();
        }
        fields.into_iter().filter(|(text, _)| text.trim().is_empty()).map(|(_, part)| part).collect()
    }
}

/// A date's stored text as an answer: a real `YYYY-MM-DD` date, or (from a draft) what was typed.
fn date_from_text(text: &str) -> AnswerValue {
    if text.is_empty() || is_iso_date(text) {
        AnswerValue::Text(text.to_owned())
    } else {
        AnswerValue::NotADate(text.to_owned())
    }
}

/// Why a JSON value is not an answer to a question.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerJsonError {
    /// What was expected, e.g. "a number".
    pub expected: String,
}

fn expected(what: &str) -> AnswerJsonError {
    AnswerJsonError { expected: what.to_owned() }
}

/// Reads an answer for `question` from its JSON form.
pub fn answer_from_json(
    question: &Question,
    value: &Json,
    next_record_id: &mut u64,
) -> Result<AnswerValue, AnswerJsonError> {
    match &question.kind {
        QuestionKind::Text { .. } => {
            value.as_str().map(|s| AnswerValue::Text(s.to_owned())).ok_or_else(|| expected("a text"))
        }
        QuestionKind::Date { .. } => value.as_str().map(date_from_text).ok_or_else(|| expected("a text")),
        QuestionKind::Number { .. } => match value {
            Json::Number(n) => n.as_f64().map(AnswerValue::Number).ok_or_else(|| expected("a number")),
            Json::String(s) => Ok(number_from_draft_text(s)),
            _ => Err(expected("a number")),
        },
        QuestionKind::YesNo => value.as_bool().map(AnswerValue::Bool).ok_or_else(|| expected("true or false")),
        QuestionKind::SingleChoice { .. } => value
            .as_str()
            .map(|s| AnswerValue::Choice(s.to_owned()))
            .ok_or_else(|| expected("an option value (a text)")),
        QuestionKind::MultipleChoice { .. } => {
            let wanted = "a list of option values, e.g. [\"a\", \"b\"], or {\"selected\": [...], \"other\": \"...\"}";
            let (list, other) = match value {
                Json::Array(list) => (list, None),
                Json::Object(map) => {
                    let list = map.get("selected").and_then(Json::as_array).ok_or_else(|| expected(wanted))?;
                    let other = match map.get("other") {
                        None | Some(Json::Null) => None,
                        Some(Json::String(s)) => Some(s.clone()),
                        Some(_) => return Err(expected(wanted)),
                    };
                    (list, other)
                }
                _ => return Err(expected(wanted)),
            };
            let selected = list
                .iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(|| expected(wanted)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(AnswerValue::Choices { selected, other })
        }
        QuestionKind::Matrix { .. } => {
            let wanted = "an object of row value to scale value";
            let map = value.as_object().ok_or_else(|| expected(wanted))?;
            // Inserted one by one: collecting into a BTreeMap sorts first (another sort in the wasm).
            let mut rows = BTreeMap::new();
            for (row, v) in map {
                rows.insert(row.clone(), v.as_str().ok_or_else(|| expected(wanted))?.to_owned());
            }
            Ok(AnswerValue::Matrix(rows))
        }
        QuestionKind::Repeat { fields, .. } => {
            let wanted = "a list of records, each an object of field id to answer";
            let list = value.as_array().ok_or_else(|| expected(wanted))?;
            let mut records = Vec::with_capacity(list.len());
            for item in list {
                let map = item.as_object().ok_or_else(|| expected(wanted))?;
                // A key that names no field would be lost on the next save: refuse the answer instead,
                // so that a draft keeps it aside whole.
                if let Some(unknown) = map.keys().find(|k| !fields.iter().any(|f| &f.id.0 == *k)) {
                    return Err(AnswerJsonError {
                        expected: format!("{wanted} (\"{unknown}\" is not a field of this group)"),
                    });
                }
                let mut record = Record { id: RecordId(*next_record_id), fields: vec![None; fields.len()] };
                *next_record_id += 1;
                for (field_idx, field) in fields.iter().enumerate() {
                    if let Some(v) = map.get(&field.id.0).filter(|v| !v.is_null()) {
                        record.fields[field_idx] = Some(answer_from_json(field, v, next_record_id)?);
                    }
                }
                records.push(record);
            }
            Ok(AnswerValue::Records(records))
        }
        QuestionKind::Calculated { .. } => Err(expected("nothing: calculated values are not answered")),
    }
}

/// Writes an answer for `question` in its JSON form.
pub fn answer_to_json(question: &Question, answer: &AnswerValue) -> Json {
    match answer {
        AnswerValue::Text(t) | AnswerValue::Choice(t) | AnswerValue::NotANumber(t) | AnswerValue::NotADate(t) => {
            Json::String(t.clone())
        }
        AnswerValue::Number(n) => number_to_json(*n),
        AnswerValue::Bool(b) => Json::Bool(*b),
        AnswerValue::Choices { selected, other: None } => json!(selected),
        AnswerValue::Choices { selected, other: Some(other) } => json!({ "selected": selected, "other": other }),
        AnswerValue::Matrix(rows) => json!(rows),
        AnswerValue::Records(records) => {
            let fields: &[Question] = match &question.kind {
                QuestionKind::Repeat { fields, .. } => fields,
                _ => &[],
            };
            Json::Array(
                records
                    .iter()
                    .map(|record| {
                        let mut map = Map::new();
                        for (field, value) in fields.iter().zip(&record.fields) {
                            if let Some(value) = value {
                                map.insert(field.id.0.clone(), answer_to_json(field, value));
                            }
                        }
                        Json::Object(map)
                    })
                    .collect(),
            )
        }
    }
}

/// Whole numbers are written without a fraction, so that `12` stays `12` and not `12.0`.
pub fn number_to_json(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Json::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map(Json::Number).unwrap_or(Json::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_number_input_groups_with_points_and_decimals_with_a_comma() {
        let de = |s| parse_number_input(s, Lang::De);
        assert_eq!(de("589.000"), AnswerValue::Number(589000.0));
        assert_eq!(de("1.234.567,5"), AnswerValue::Number(1234567.5));
        assert_eq!(de("12,5"), AnswerValue::Number(12.5));
        assert_eq!(de("12,"), AnswerValue::Number(12.0));
        assert_eq!(de(" 589 000 "), AnswerValue::Number(589000.0));
        assert_eq!(de("-3"), AnswerValue::Number(-3.0));
        assert_eq!(de(",5"), AnswerValue::Number(0.5));
        // The English habit, where it cannot be a group mark.
        assert_eq!(de("12.5"), AnswerValue::Number(12.5));
        for bad in ["12a", "1.23.4", "1,2,3", "1.234.5,6.7", "inf", "-", ",", "1e5", "589,000.5"] {
            assert_eq!(de(bad), AnswerValue::NotANumber(bad.into()), "{bad}");
        }
    }

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts { day: day.into(), month: month.into(), year: year.into() }
    }

    #[test]
    fn three_date_fields_make_an_iso_date_once_they_are_a_real_date() {
        let text = |s: &str| Some(AnswerValue::Text(s.into()));
        let typed = |s: &str| Some(AnswerValue::NotADate(s.into()));
        assert_eq!(parts("", "", "").answer(), None);
        assert_eq!(parts(" ", "", " ").answer(), None);
        assert_eq!(parts("31", "12", "2003").answer(), text("2003-12-31"));
        assert_eq!(parts("1", "3", "2005").answer(), text("2005-03-01"));
        assert_eq!(parts(" 01", "03 ", "2005").answer(), text("2005-03-01"));
        assert_eq!(parts("29", "2", "2004").answer(), text("2004-02-29"));
        // Not a date yet, or not a real one: kept as typed, year first.
        assert_eq!(parts("1", "", "").answer(), typed("--1"));
        assert_eq!(parts("1", "3", "").answer(), typed("-3-1"));
        assert_eq!(parts("29", "2", "2005").answer(), typed("2005-2-29"));
        assert_eq!(parts("1", "3", "05").answer(), typed("05-3-1"));
        assert_eq!(parts("001", "3", "2005").answer(), typed("2005-3-001"));
        assert_eq!(parts("1.", "3.", "2005").answer(), typed("2005-3.-1."));
        // A typed '-' would move the fields apart when read back: it is dropped from what is kept.
        assert_eq!(parts("-1", "3", "2005").answer(), typed("2005-3-1"));
    }

    #[test]
    fn a_date_that_is_not_real_says_which_field_is_wrong() {
        let problem = |d: &str, m: &str, y: &str| parts(d, m, y).problem();
        assert_eq!(problem("31", "12", "2003"), None);
        assert_eq!(problem("31", "", "2003"), None, "an empty field is DateIncomplete's");
        assert_eq!(problem("0", "12", "2003"), Some(DateProblem::DayOutOfRange));
        assert_eq!(problem("32", "12", "2003"), Some(DateProblem::DayOutOfRange));
        assert_eq!(problem("31", "13", "2003"), Some(DateProblem::MonthOutOfRange));
        assert_eq!(problem("31", "0", "2003"), Some(DateProblem::MonthOutOfRange));
        assert_eq!(problem("31", "12", "03"), Some(DateProblem::YearNotFourDigits));
        assert_eq!(problem("31", "12", "20003"), Some(DateProblem::YearNotFourDigits));
        assert_eq!(problem("1a", "12", "2003"), Some(DateProblem::NotDigits));
        assert_eq!(problem("31", "Dez", "2003"), Some(DateProblem::NotDigits));
        assert_eq!(problem("31", "2", "2003"), Some(DateProblem::NoSuchDay { day: 31, month: 2, year: 2003 }));
        assert_eq!(problem("29", "02", "2005"), Some(DateProblem::NoSuchDay { day: 29, month: 2, year: 2005 }));
        assert_eq!(problem("29", "02", "2004"), None);
        let stored = |d: &str, m: &str, y: &str| DateParts::problem_in(parts(d, m, y).answer().as_ref());
        assert_eq!(stored("31", "2", "2003"), Some(DateProblem::NoSuchDay { day: 31, month: 2, year: 2003 }));
        assert_eq!(stored("31", "13", "2003"), Some(DateProblem::MonthOutOfRange));
        assert_eq!(stored("31", "12", "2003"), None);
        assert_eq!(DateParts::problem_in(Some(&AnswerValue::NotADate("Ende 2004".into()))), None);
    }

    #[test]
    fn a_whole_date_pasted_into_one_field_is_split_into_day_month_and_year() {
        assert_eq!(DateParts::from_pasted("31.12.2003"), Some(parts("31", "12", "2003")));
        assert_eq!(DateParts::from_pasted(" 1.3.2005 "), Some(parts("1", "3", "2005")));
        assert_eq!(DateParts::from_pasted("31/12/2003"), Some(parts("31", "12", "2003")));
        assert_eq!(DateParts::from_pasted("2003-12-31"), Some(parts("31", "12", "2003")));
        assert_eq!(DateParts::from_pasted("31. 12. 2003"), Some(parts("31", "12", "2003")));
        // Typed one key at a time into the day field, "1.3.2005" is not split at "1.3.2".
        for not_a_date in ["31", "31.12", "", "31.Dezember.2003", "1.2.3.4", "31.12.20034", "1.3.2", "1.3.200"] {
            assert_eq!(DateParts::from_pasted(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn a_stored_date_shows_again_in_its_fields() {
        let of = |answer: AnswerValue| DateParts::of_answer(Some(&answer));
        assert_eq!(of(AnswerValue::Text("2003-12-31".into())), parts("31", "12", "2003"));
        assert_eq!(of(AnswerValue::NotADate("-3-1".into())), parts("1", "3", ""));
        assert_eq!(of(AnswerValue::NotADate("2005--".into())), parts("", "", "2005"));
        // A text from elsewhere (an older draft) shows whole, in the first field.
        assert_eq!(of(AnswerValue::NotADate("Ende 2004".into())), parts("Ende 2004", "", ""));
        assert_eq!(DateParts::of_answer(None), DateParts::default());
        for typed in [parts("1", "", ""), parts("", "3", "2005"), parts("31", "2", "2005"), parts("x", "y", "z")] {
            let answer = typed.answer();
            assert_eq!(DateParts::of_answer(answer.as_ref()).answer(), answer, "{typed:?}");
        }
    }

    #[test]
    fn only_what_the_fields_wrote_names_missing_fields() {
        let missing = |answer: AnswerValue| DateParts::missing_in(Some(&answer));
        assert_eq!(missing(AnswerValue::NotADate("--1".into())), vec![DatePart::Month, DatePart::Year]);
        assert_eq!(missing(AnswerValue::NotADate("2005-3-".into())), vec![DatePart::Day]);
        assert_eq!(missing(AnswerValue::NotADate("2005-2-30".into())), vec![]);
        assert_eq!(missing(AnswerValue::NotADate("01.01.2004".into())), vec![]);
        assert_eq!(missing(AnswerValue::Text("2004-01-01".into())), vec![]);
        assert_eq!(DateParts::missing_in(None), vec![]);
    }

    #[test]
    fn a_date_names_the_fields_left_empty_once_one_is_filled_in() {
        assert_eq!(parts("", "", "").missing(), vec![]);
        assert_eq!(parts("1", "", "").missing(), vec![DatePart::Month, DatePart::Year]);
        assert_eq!(parts("", "3", "2005").missing(), vec![DatePart::Day]);
        assert_eq!(parts("1", " ", "2005").missing(), vec![DatePart::Month]);
        assert_eq!(parts("1", "3", "2005").missing(), vec![]);
    }

    #[test]
    fn english_number_input_groups_with_commas_and_decimals_with_a_point() {
        let en = |s| parse_number_input(s, Lang::En);
        assert_eq!(en("589,000"), AnswerValue::Number(589000.0));
        assert_eq!(en("1,234,567.5"), AnswerValue::Number(1234567.5));
        assert_eq!(en("12.5"), AnswerValue::Number(12.5));
        assert_eq!(en("12,5"), AnswerValue::Number(12.5));
        assert_eq!(en("589.000"), AnswerValue::Number(589.0));
        assert_eq!(en("1.234,5"), AnswerValue::NotANumber("1.234,5".into()));
    }
}
