//! A generated questionnaire of 2,000 questions and 500+ conditions, shared by the engine
//! benchmark (`benches/engine.rs`) and the example that writes it to a file for the browser
//! benchmark (`examples/large_questionnaire.rs`).

/// 100 sections of 20 questions; every fourth question has a condition on an earlier answer of
/// its section (500 conditions), and each section has a calculation and a cross-field rule.
pub fn generated_questionnaire() -> String {
    let mut sections = Vec::new();
    for s in 0..100 {
        let mut questions = Vec::new();
        for i in 0..20 {
            let id = format!("q{s}_{i}");
            let question = match i {
                0 => format!(
                    r#"{{"id": "{id}", "type": "singleChoice", "label": "Art {id}", "required": true, "options": [{{"value": "a", "label": "A"}}, {{"value": "b", "label": "B"}}]}}"#
                ),
                1 => format!(r#"{{"id": "{id}", "type": "integer", "label": "Einwohner {id}", "min": 0}}"#),
                2 => format!(
                    r#"{{"id": "{id}", "type": "integer", "label": "Teil {id}", "min": 0, "rules": [{{"check": "{id} <= q{s}_1", "message": "zu viele"}}]}}"#
                ),
                3 => format!(
                    r#"{{"id": "{id}", "type": "calculated", "label": "Anteil {id}", "calculate": "q{s}_2 / q{s}_1 * 100", "visibleIf": "not empty(q{s}_1)"}}"#
                ),
                i if i % 4 == 0 => {
                    format!(r#"{{"id": "{id}", "type": "text", "label": "Text {id}", "visibleIf": "q{s}_0 = 'b'"}}"#)
                }
                i if i % 4 == 1 => format!(
                    r#"{{"id": "{id}", "type": "longText", "label": "Text {id}", "maxLength": 500, "visibleIf": "q{s}_1 > 1000"}}"#
                ),
                i if i % 4 == 2 => format!(
                    r#"{{"id": "{id}", "type": "yesNo", "label": "Ja/Nein {id}", "visibleIf": "q{s}_0 in ['a', 'b']"}}"#
                ),
                _ => format!(
                    r#"{{"id": "{id}", "type": "text", "label": "Text {id}", "requiredIf": "q{s}_0 = 'a'", "visibleIf": "q{s}_2 >= 0"}}"#
                ),
            };
            questions.push(question);
        }
        sections
            .push(format!(r#"{{"id": "s{s}", "title": "Abschnitt {s}", "questions": [{}]}}"#, questions.join(",\n")));
    }
    format!(
        r#"{{"formatVersion": 1, "id": "bench", "version": "1", "title": "Benchmark", "sections": [{}]}}"#,
        sections.join(",\n")
    )
}
