//! The JSON Schema (draft 2020-12) of the questionnaire format, generated from [`crate::format`].
//!
//! The committed copy, `questionnaire/questionnaire.schema.json`, is what editors use; a test
//! regenerates it and fails when the committed file is stale.

use crate::format::QuestionnaireFile;

/// The schema as pretty-printed JSON, with a trailing newline.
pub fn questionnaire_schema_json() -> String {
    let schema = schemars::schema_for!(QuestionnaireFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
