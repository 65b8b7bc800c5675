//! Fuzz target: the expression parser, alone and inside a questionnaire where names resolve
//! and types are checked, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let _ = bogen_engine::expr::parse(source);
    let questionnaire = format!(
        r#"{{"formatVersion": 1, "id": "f", "version": "1", "title": "F", "sections": [{{"id": "s", "title": "S", "questions": [
        {{"id": "n", "type": "integer", "label": "N"}},
        {{"id": "kind", "type": "singleChoice", "label": "K", "options": [{{"value": "a", "label": "A"}}]}},
        {{"id": "many", "type": "multipleChoice", "label": "M", "options": [{{"value": "a", "label": "A"}}]}},
        {{"id": "r", "type": "repeat", "label": "R", "fields": [{{"id": "x", "type": "integer", "label": "X"}}]}},
        {{"id": "c", "type": "calculated", "label": "C", "calculate": {}}},
        {{"id": "t", "type": "text", "label": "T", "visibleIf": {}}}
        ]}}]}}"#,
        serde_json::Value::String(source.to_owned()),
        serde_json::Value::String(source.to_owned())
    );
    if let Ok(q) = bogen_engine::compile(&questionnaire) {
        let _ = bogen_engine::Session::new(std::sync::Arc::new(q));
    }
});
