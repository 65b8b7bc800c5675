//! How an answer from a draft fits a question of the questionnaire it is opened with: the
//! compatibility table of `docs/DRAFT.md`, in code.
//!
//! A draft may have been saved with another version of the questionnaire, so its answers are
//! read against the question as it is *now*. The rule behind every row of the table: an answer
//! carries when the question's control can show it as it is, because then the respondent sees
//! it and nothing can be lost unseen. A number that breaks a check (12.5 in a whole-number
//! question, "ca. 500" in a number question) carries, and validation reports it in place. What
//! the control cannot show (an option no longer offered, a yes/no in a choice, line breaks in a
//! one-line field) is kept aside whole, with the reason, and where part of it still fits, that
//! part carries too. Nothing is ever dropped.

use crate::answer::{answer_from_json, AnswerValue, Record, RecordId};
use crate::draft::{Carry, Expected, KeptAsideReason};
use crate::model::{Question, QuestionKind};
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// What became of one answer of a draft.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fit {
    /// What carries into the session; `None` when nothing does.
    pub answer: Option<AnswerValue>,
    /// How it carried; `None` when nothing carried.
    pub how: Option<Carry>,
    /// Values kept aside, each as it was, and why: the whole answer, or single records of a
    /// repeat group.
    pub aside: Vec<(Json, KeptAsideReason)>,
}

impl Fit {
    fn carried(answer: AnswerValue, how: Carry) -> Fit {
        Fit { answer: Some(answer), how: Some(how), aside: Vec::new() }
    }

    fn nothing() -> Fit {
        Fit { answer: None, how: None, aside: Vec::new() }
    }

    fn aside(value: &Json, reason: KeptAsideReason) -> Fit {
        Fit { answer: None, how: None, aside: vec![(value.clone(), reason)] }
    }

    fn wrong_type(value: &Json, expected: Expected) -> Fit {
        Fit::aside(value, KeptAsideReason::WrongType { expected })
    }

    /// Part of `value` carries as `answer` (or nothing, when `answer` is empty); the original is kept aside.
    fn partly(answer: AnswerValue, value: &Json, reason: KeptAsideReason) -> Fit {
        let answer = (!answer.is_empty()).then_some(answer);
        let how = answer.as_ref().map(|_| Carry::Partly);
        Fit { answer, how, aside: vec![(value.clone(), reason)] }
    }
}

/// Reads `value`, a draft's answer, against `question` as the loaded questionnaire has it.
pub(crate) fn fit(question: &Question, value: &Json) -> Fit {
    if value.is_null() {
        return Fit::nothing();
    }
    match &question.kind {
        QuestionKind::Text { multiline, .. } => match value {
            Json::String(text) if !multiline && text.contains(['\n', '\r']) => {
                let one_line: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                Fit::partly(AnswerValue::Text(one_line.join(" ")), value, KeptAsideReason::LineBreaks)
            }
            Json::String(text) => Fit::carried(AnswerValue::Text(text.clone()), Carry::AsIs),
            Json::Number(n) => Fit::carried(AnswerValue::Text(n.to_string()), Carry::NumberAsText),
            _ => Fit::wrong_type(value, Expected::Text),
        },
        // A date's fields show what was typed, so any text carries and is reported until it is a date.
        QuestionKind::Date { .. } => match answer_from_json(question, value, &mut 0) {
            Ok(answer) => Fit::carried(answer, Carry::AsIs),
            Err(_) => Fit::wrong_type(value, Expected::Date),
        },
        // Numbers show what was typed, so text carries too and is reported as "not a number".
        QuestionKind::Number { .. } => match answer_from_json(question, value, &mut 0) {
            Ok(answer) => Fit::carried(answer, Carry::AsIs),
            Err(_) => Fit::wrong_type(value, Expected::Number),
        },
        QuestionKind::YesNo => match value {
            Json::Bool(b) => Fit::carried(AnswerValue::Bool(*b), Carry::AsIs),
            _ => Fit::wrong_type(value, Expected::YesNo),
        },
        QuestionKind::SingleChoice { options, .. } => {
            let offered = |v: &str| options.iter().any(|o| o.value == v);
            let removed = |v: &str| KeptAsideReason::OptionsRemoved { options: vec![v.to_owned()], other: false };
            match value {
                Json::String(v) if v.is_empty() => Fit::nothing(),
                Json::String(v) if offered(v) => Fit::carried(AnswerValue::Choice(v.clone()), Carry::AsIs),
                Json::String(v) => Fit::aside(value, removed(v)),
                _ => match choices_of(value) {
                    Some((selected, None)) if selected.is_empty() => Fit::nothing(),
                    Some((selected, None)) if selected.len() == 1 => {
                        let v = &selected[0];
                        if offered(v) {
                            Fit::carried(AnswerValue::Choice(v.clone()), Carry::ListAsChoice)
                        } else {
                            Fit::aside(value, removed(v))
                        }
                    }
                    _ => Fit::wrong_type(value, Expected::Option),
                },
            }
        }
        QuestionKind::MultipleChoice { options, other: other_asked, .. } => {
            let (selected, other, how) = match value {
                Json::String(v) => (vec![v.clone()], None, Carry::ChoiceAsList),
                _ => match choices_of(value) {
                    Some((selected, other)) => (selected, other, Carry::AsIs),
                    None => return Fit::wrong_type(value, Expected::Options),
                },
            };
            let (kept, removed): (Vec<String>, Vec<String>) =
                selected.into_iter().partition(|v| options.iter().any(|o| &o.value == v));
            let other_removed = other.is_some() && !other_asked;
            let answer = AnswerValue::Choices { selected: kept, other: other.filter(|_| *other_asked) };
            if removed.is_empty() && !other_removed {
                return Fit::carried(answer, how);
            }
            Fit::partly(answer, value, KeptAsideReason::OptionsRemoved { options: removed, other: other_removed })
        }
        QuestionKind::Matrix { rows, scale } => {
            let Some(map) = value.as_object() else {
                return Fit::wrong_type(value, Expected::Matrix);
            };
            let mut carried = BTreeMap::new();
            let (mut removed_rows, mut removed_values) = (Vec::new(), Vec::new());
            for (row, choice) in map {
                let Some(choice) = choice.as_str() else {
                    return Fit::wrong_type(value, Expected::Matrix);
                };
                if !rows.iter().any(|r| &r.value == row) {
                    removed_rows.push(row.clone());
                } else if !scale.iter().any(|s| s.value == choice) {
                    if !removed_values.iter().any(|v| v == choice) {
                        removed_values.push(choice.to_owned());
                    }
                } else {
                    carried.insert(row.clone(), choice.to_owned());
                }
            }
            let answer = AnswerValue::Matrix(carried);
            if removed_rows.is_empty() && removed_values.is_empty() {
                return Fit::carried(answer, Carry::AsIs);
            }
            Fit::partly(answer, value, KeptAsideReason::MatrixChanged { rows: removed_rows, values: removed_values })
        }
        QuestionKind::Repeat { fields, .. } => fit_records(fields, value),
        QuestionKind::Calculated { .. } => Fit::wrong_type(value, Expected::NoAnswer),
    }
}

/// Records carry one by one, fields by id. A record with a field that does not fit carries with
/// the fields that do, and is kept aside whole as it was.
fn fit_records(fields: &[Question], value: &Json) -> Fit {
    let Some(list) = value.as_array().filter(|list| list.iter().all(Json::is_object)) else {
        return Fit::wrong_type(value, Expected::Records);
    };
    let mut records = Vec::with_capacity(list.len());
    let mut aside = Vec::new();
    let mut how = Carry::AsIs;
    for (position, item) in list.iter().enumerate() {
        let map = item.as_object().into_iter().flatten();
        let mut record = Record { id: RecordId(0), fields: vec![None; fields.len()] };
        let mut reasons = BTreeMap::new();
        for (key, field_value) in map {
            let Some(field_idx) = fields.iter().position(|f| &f.id.0 == key) else {
                reasons.insert(key.clone(), KeptAsideReason::UnknownQuestion);
                continue;
            };
            let fit = fit(&fields[field_idx], field_value);
            record.fields[field_idx] = fit.answer;
            if let Some((_, reason)) = fit.aside.into_iter().next() {
                reasons.insert(key.clone(), reason);
            } else if let Some(field_how) = fit.how.filter(|h| *h != Carry::AsIs) {
                how = field_how;
            }
        }
        if !reasons.is_empty() {
            aside.push((item.clone(), KeptAsideReason::RecordFields { record: position, fields: reasons }));
        }
        records.push(record);
    }
    if !aside.is_empty() {
        how = Carry::Partly;
    }
    Fit { answer: Some(AnswerValue::Records(records)), how: Some(how), aside }
}

/// The selected values and the "other" text of a multiple choice's JSON form.
fn choices_of(value: &Json) -> Option<(Vec<String>, Option<String>)> {
    let (list, other) = match value {
        Json::Array(list) => (list, None),
        Json::Object(map) => {
            if map.keys().any(|k| k != "selected" && k != "other") {
                return None;
            }
            let other = match map.get("other") {
                None | Some(Json::Null) => None,
                Some(Json::String(s)) => Some(s.clone()),
                Some(_) => return None,
            };
            (map.get("selected")?.as_array()?, other)
        }
        _ => return None,
    };
    let selected = list.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>()?;
    Some((selected, other))
}
