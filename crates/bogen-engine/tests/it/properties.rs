//! Property tests: for generated questionnaires (random conditions, calculations and rules over
//! earlier questions) and random sequences of changes, no change panics, and the incrementally
//! maintained state always equals a full evaluation of the same answers from scratch, and a
//! draft's round trip loses no answer.

use crate::support::render;
use bogen_engine::{compile, AnswerValue, DraftFile, DraftMeta, QuestionKind, Session};
use proptest::prelude::*;
use std::sync::Arc;

/// Reads choices from proptest's bytes, so that shrinking shrinks the questionnaire and the script.
struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn below(&mut self, n: usize) -> usize {
        self.0.next().map_or(0, |b| *b as usize % n.max(1))
    }
}

const KINDS: [&str; 6] = ["integer", "singleChoice", "yesNo", "calculated", "multipleChoice", "repeat"];

/// Builds a questionnaire whose expressions only read earlier questions (so it has no cycles).
fn questionnaire(bytes: &mut Bytes<'_>) -> String {
    let n_questions = 3 + bytes.below(10);
    let mut sections: Vec<Vec<String>> = vec![Vec::new(), Vec::new(), Vec::new()];
    let mut section_conditions = [None, None, None];
    let mut numeric: Vec<String> = Vec::new();
    let mut choices: Vec<String> = Vec::new();
    let mut bools: Vec<String> = Vec::new();
    let mut multis: Vec<String> = Vec::new();
    let mut repeats: Vec<String> = Vec::new();
    for i in 0..n_questions {
        let id = format!("q{i}");
        // q0 is always a plain integer in the first section: section conditions read only it, so they cannot form cycles.
        let kind = if i == 0 { "integer" } else { KINDS[bytes.below(KINDS.len())] };
        let mut condition = String::new();
        let pick = if i == 0 { 5 } else { bytes.below(6) };
        if pick == 0 && !numeric.is_empty() {
            condition = format!(r#", "visibleIf": "{} > {}""#, numeric[bytes.below(numeric.len())], bytes.below(5));
        } else if pick == 1 && !choices.is_empty() {
            condition = format!(r#", "visibleIf": "{} in ['a', 'b']""#, choices[bytes.below(choices.len())]);
        } else if pick == 2 && !bools.is_empty() {
            condition =
                format!(r#", "requiredIf": "{} = true or not empty({})""#, bools[bytes.below(bools.len())], bools[0]);
        } else if pick == 3 && !multis.is_empty() {
            condition = format!(
                r#", "visibleIf": "'a' in {} and count({}) < 3""#,
                multis[0],
                multis[bytes.below(multis.len())]
            );
        } else if pick == 4 && !repeats.is_empty() {
            condition = format!(r#", "visibleIf": "count({}) >= 1""#, repeats[bytes.below(repeats.len())]);
        }
        let body = match kind {
            "integer" => {
                let rule = if i > 0 && !numeric.is_empty() && bytes.below(2) == 0 {
                    format!(r#", "rules": [{{"check": "{id} <= {} + 3", "message": "m"}}]"#, numeric[bytes.below(numeric.len())])
                } else {
                    String::new()
                };
                format!(r#""type": "integer", "min": 0, "max": 6, "required": {}{rule}"#, bytes.below(2) == 0)
            }
            "singleChoice" => r#""type": "singleChoice", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}, {"value": "c", "label": "C"}]"#.to_owned(),
            "yesNo" => r#""type": "yesNo", "required": true"#.to_owned(),
            "multipleChoice" => r#""type": "multipleChoice", "other": true, "maxSelected": 2, "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]"#.to_owned(),
            "repeat" => r#""type": "repeat", "maxCount": 2, "fields": [{"id": "n", "type": "integer", "label": "N", "min": 0}, {"id": "flag", "type": "yesNo", "label": "F"}, {"id": "why", "type": "text", "label": "W", "required": true, "visibleIf": "record.flag = true"}]"#.to_owned(),
            _ if numeric.is_empty() => r#""type": "calculated", "calculate": "1 + 1""#.to_owned(),
            _ => {
                let a = &numeric[bytes.below(numeric.len())];
                let b = &numeric[bytes.below(numeric.len())];
                let sum = repeats.first().map(|r| format!(" + sum({r}.n)")).unwrap_or_default();
                format!(r#""type": "calculated", "calculate": "{a} * 2 - {b} / 2{sum}""#)
            }
        };
        // Conditions on calculated questions are allowed, but calculated questions cannot be required.
        let condition = if kind == "calculated" {
            condition.replace("requiredIf", "visibleIf").replace(" = true or not empty", " = true or empty")
        } else {
            condition
        };
        let section = if i == 0 { 0 } else { bytes.below(3) };
        sections[section].push(format!(r#"{{"id": "{id}", "label": "{id}", {body}{condition}}}"#));
        match kind {
            "integer" | "calculated" => numeric.push(id),
            "singleChoice" => choices.push(id),
            "yesNo" => bools.push(id),
            "multipleChoice" => multis.push(id),
            _ => repeats.push(id),
        }
    }
    for condition in section_conditions.iter_mut().skip(1) {
        if bytes.below(2) == 0 {
            *condition = Some(format!("q0 >= {}", bytes.below(5)));
        }
    }
    let sections: Vec<String> = sections
        .iter()
        .enumerate()
        .filter(|(_, qs)| !qs.is_empty())
        .map(|(i, qs)| {
            let condition =
                section_conditions[i].as_ref().map(|c| format!(r#", "visibleIf": "{c}""#)).unwrap_or_default();
            format!(r#"{{"id": "s{i}", "title": "S{i}"{condition}, "questions": [{}]}}"#, qs.join(", "))
        })
        .collect();
    format!(r#"{{"formatVersion": 1, "id": "p", "version": "1", "title": "P", "sections": [{}]}}"#, sections.join(", "))
}

fn random_answer(kind: &QuestionKind, bytes: &mut Bytes<'_>) -> Option<AnswerValue> {
    let choice = |bytes: &mut Bytes<'_>| ["a", "b", "c", "x"][bytes.below(4)].to_owned();
    Some(match kind {
        _ if bytes.below(8) == 0 => return None,
        QuestionKind::Number { .. } => match bytes.below(6) {
            0 => AnswerValue::NotANumber("12a".into()),
            1 => AnswerValue::Number(-1.0),
            2 => AnswerValue::Number(2.5),
            n => AnswerValue::Number(n as f64 * 2.0),
        },
        QuestionKind::SingleChoice { .. } => AnswerValue::Choice(choice(bytes)),
        QuestionKind::YesNo => AnswerValue::Bool(bytes.below(2) == 0),
        QuestionKind::MultipleChoice { .. } => AnswerValue::Choices {
            selected: (0..bytes.below(3)).map(|_| choice(bytes)).collect(),
            other: [None, Some(String::new()), Some("o".into())][bytes.below(3)].clone(),
        },
        QuestionKind::Text { .. } => AnswerValue::Text(["", "x", "why"][bytes.below(3)].into()),
        _ => return None,
    })
}

fn step(session: &mut Session, bytes: &mut Bytes<'_>) {
    let questionnaire = Arc::clone(session.questionnaire());
    let q = bogen_engine::QuestionIdx(bytes.below(questionnaire.questions.len()) as u32);
    let question = questionnaire.question(q);
    match &question.kind {
        QuestionKind::Calculated { .. } => {
            session.set_answer(q, Some(AnswerValue::Number(1.0)));
        }
        QuestionKind::Repeat { fields, .. } => {
            let records: Vec<_> = match session.answer(q) {
                Some(AnswerValue::Records(r)) => r.iter().map(|r| r.id).collect(),
                _ => Vec::new(),
            };
            match bytes.below(4) {
                0 => {
                    session.add_record(q);
                }
                1 if !records.is_empty() => {
                    session.remove_record(q, records[bytes.below(records.len())]);
                }
                _ if !records.is_empty() => {
                    let field = bytes.below(fields.len());
                    let answer = random_answer(&fields[field].kind, bytes);
                    session.set_record_field(q, records[bytes.below(records.len())], field, answer);
                }
                _ => {}
            }
        }
        kind => {
            let answer = random_answer(kind, bytes);
            session.set_answer(q, answer);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn incremental_evaluation_always_equals_a_full_evaluation(seed in proptest::collection::vec(any::<u8>(), 16..400)) {
        let mut bytes = Bytes(seed.iter());
        let json = questionnaire(&mut bytes);
        let questionnaire = match compile(&json) {
            Ok(q) => Arc::new(q),
            Err(problems) => panic!("generated questionnaire does not load:\n{}\n{json}", problems.render("generated.json")),
        };
        let mut session = Session::new(Arc::clone(&questionnaire));
        let n_steps = 1 + bytes.below(30);
        for _ in 0..n_steps {
            step(&mut session, &mut bytes);
            let (fresh, issues) = Session::restore(Arc::clone(&questionnaire), &session.answers_json());
            prop_assert!(issues.is_empty(), "restore issues {issues:?}");
            prop_assert_eq!(render(&session), render(&fresh), "questionnaire: {}", json);
            prop_assert_eq!(session.visible_answers(), fresh.visible_answers());
        }
    }

    #[test]
    fn a_draft_round_trip_keeps_every_answer_carried_or_kept_aside_and_is_stable(seed in proptest::collection::vec(any::<u8>(), 16..400)) {
        let mut bytes = Bytes(seed.iter());
        let json = questionnaire(&mut bytes);
        let questionnaire = match compile(&json) {
            Ok(q) => Arc::new(q),
            Err(problems) => panic!("generated questionnaire does not load:\n{}\n{json}", problems.render("generated.json")),
        };
        let mut session = Session::new(Arc::clone(&questionnaire));
        for _ in 0..1 + bytes.below(30) {
            step(&mut session, &mut bytes);
        }
        let meta = DraftMeta { draft_id: "d".into(), name: "n".into(), saved_at: "2026-01-01T00:00:00Z".into(), revision: 1 };
        session.stamp_changes(&meta.saved_at);
        let first = DraftFile::from_session(&session, &meta);
        let read = DraftFile::parse(&first.to_json());
        prop_assert_eq!(read.as_ref(), Ok(&first));
        let (restored, _) = first.restore(Arc::clone(&questionnaire)).expect("same questionnaire");
        let second = DraftFile::from_session(&restored, &meta);
        for (id, value) in &first.answers {
            let carried = second.answers.get(id) == Some(value);
            let aside = second.kept_aside.iter().any(|k| &k.question_id == id && &k.value == value);
            prop_assert!(carried || aside, "{} = {} is lost: {:?}", id, value, second);
        }
        // Opening the second save again changes nothing.
        let (again, report) = second.restore(Arc::clone(&questionnaire)).expect("same questionnaire");
        prop_assert!(report.newly_kept_aside.is_empty(), "{:?}", report);
        prop_assert_eq!(DraftFile::from_session(&again, &meta), second);
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in "\\PC{0,200}") {
        let _ = compile(&text);
    }

    #[test]
    fn arbitrary_expressions_never_panic_the_parser(text in "[a-z0-9_ '\\[\\]().,=<>!+*/-]{0,60}") {
        let _ = bogen_engine::expr::parse(&text);
    }
}
