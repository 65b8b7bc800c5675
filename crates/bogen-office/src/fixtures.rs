//! Test fixtures: a small questionnaire with a condition, a calculation, a choice and a repeat
//! group, and signed submissions of it made with the engine, as a municipality's app makes them.

use bogen_engine::{create_submission, AnswerValue, KeyPair, Lang, Questionnaire, Session};
use std::sync::Arc;

pub const PROBE: &str = r#"{
  "formatVersion": 1, "id": "probe", "version": "1.0.0", "title": "Probe",
  "submission": {"email": "buero@example.org", "nameQuestion": "name", "kindQuestion": "kind"},
  "sections": [{"id": "s", "title": "S", "questions": [
    {"id": "name", "type": "text", "label": "Name der Kommune", "required": true},
    {"id": "kind", "type": "singleChoice", "label": "Art", "required": true,
     "options": [{"value": "stadt", "label": "Stadt"}, {"value": "landkreis", "label": "Landkreis"}]},
    {"id": "inhabitants", "type": "integer", "label": "Einwohner", "min": 1},
    {"id": "foreign", "type": "integer", "label": "Ausländer", "min": 0},
    {"id": "share", "type": "calculated", "label": "Anteil", "calculate": "foreign / inhabitants * 100"},
    {"id": "measures", "type": "repeat", "label": "Maßnahmen", "fields": [
      {"id": "title", "type": "text", "label": "Titel", "required": true},
      {"id": "year", "type": "integer", "label": "Jahr"}
    ]}
  ]}]
}"#;

pub fn probe() -> Arc<Questionnaire> {
    Arc::new(bogen_engine::compile(PROBE).unwrap())
}

/// A session of `questionnaire` (the probe) with a name, a kind, numbers and `measures` records.
pub fn session(questionnaire: &Arc<Questionnaire>, name: &str, measures: &[&str]) -> Session {
    let mut session = Session::new(Arc::clone(questionnaire));
    let idx = |id: &str| questionnaire.question_idx(id).unwrap();
    session.set_answer(idx("name"), Some(AnswerValue::Text(name.into())));
    session.set_answer(idx("kind"), Some(AnswerValue::Choice("landkreis".into())));
    session.set_answer(idx("inhabitants"), Some(AnswerValue::Number(589_000.0)));
    session.set_answer(idx("foreign"), Some(AnswerValue::Number(40_123.0)));
    for (i, title) in measures.iter().enumerate() {
        let (record, _) = session.add_record(idx("measures")).unwrap();
        session.set_record_field(idx("measures"), record, 0, Some(AnswerValue::Text((*title).into())));
        session.set_record_field(idx("measures"), record, 1, Some(AnswerValue::Number(2000.0 + i as f64)));
    }
    session
}

/// The text of a signed submission of `session` by key `seed`, signed at `created_at`.
pub fn signed(session: &Session, created_at: &str, seed: u8) -> String {
    create_submission(session, Lang::De, created_at, &KeyPair::from_seed([seed; 32])).unwrap().text
}

/// The fingerprint of key `seed`.
pub fn fingerprint(seed: u8) -> String {
    KeyPair::from_seed([seed; 32]).public_key().fingerprint().to_string()
}
