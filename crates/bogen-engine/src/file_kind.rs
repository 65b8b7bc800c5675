//! Which of Bogen's files a JSON document is, decided once for every reader that must tell them
//! apart before reading: the app's file field, `bogen check` (and the CLI commands that take a
//! questionnaire), and the office's check of submissions. Each words the answer for its own
//! audience; the decision is this one, so that a new file format is known to all of them or to
//! none.
//!
//! The `format` member decides. A file without it is a questionnaire (which has none), except a
//! draft of format version 1, which had none either: it has `questionnaireId` and no `sections`.

use crate::draft::DRAFT_FORMAT;
use crate::signing::{KEY_FORMAT, TRUSTED_KEYS_FORMAT};
use crate::submission::SUBMISSION_FORMAT;
use serde_json::Value as Json;

/// What kind of file a JSON document is ([`FileKind::of`]).
///
/// Not `#[non_exhaustive]` on purpose: a new kind must fail to compile every `match` on it
/// until its caller has words for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// No `format` member, and not a draft of version 1: meant to be a questionnaire (whether it
    /// is one, [`crate::compile()`] says).
    Questionnaire,
    /// A draft ([`DRAFT_FORMAT`], or a version 1 draft without `format`).
    Draft,
    /// A signed submission ([`SUBMISSION_FORMAT`]).
    Submission,
    /// A key file ([`KEY_FORMAT`]): secret.
    KeyFile,
    /// The list of keys the app trusts ([`TRUSTED_KEYS_FORMAT`]).
    TrustedKeys,
    /// Another `format`: a string member's text, any other member as JSON (e.g. `3`).
    Other(String),
    /// JSON, but not an object: none of Bogen's files.
    NotAnObject,
}

impl FileKind {
    /// The kind of the parsed document `value`. It looks at the top-level members only; the
    /// file's reader finds whatever else is wrong.
    pub fn of(value: &Json) -> FileKind {
        let Json::Object(members) = value else {
            return FileKind::NotAnObject;
        };
        match members.get("format") {
            Some(Json::String(format)) => match format.as_str() {
                DRAFT_FORMAT => FileKind::Draft,
                SUBMISSION_FORMAT => FileKind::Submission,
                KEY_FORMAT => FileKind::KeyFile,
                TRUSTED_KEYS_FORMAT => FileKind::TrustedKeys,
                other => FileKind::Other(other.to_owned()),
            },
            Some(other) => FileKind::Other(other.to_string()),
            None if members.contains_key("questionnaireId") && !members.contains_key("sections") => FileKind::Draft,
            None => FileKind::Questionnaire,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileKind;

    fn kind(text: &str) -> FileKind {
        FileKind::of(&serde_json::from_str(text).expect("the test's JSON"))
    }

    #[test]
    fn the_format_member_decides_and_a_file_without_one_is_a_questionnaire_or_a_version_1_draft() {
        assert_eq!(kind(r#"{"format": "bogen-draft", "formatVersion": 2}"#), FileKind::Draft);
        assert_eq!(kind(r#"{"format": "bogen-submission", "formatVersion": 1}"#), FileKind::Submission);
        assert_eq!(kind(r#"{"format": "bogen-key", "formatVersion": 1}"#), FileKind::KeyFile);
        assert_eq!(kind(r#"{"format": "bogen-trusted-keys", "keys": []}"#), FileKind::TrustedKeys);
        assert_eq!(kind(r#"{"format": "xlsx"}"#), FileKind::Other("xlsx".to_owned()));
        assert_eq!(kind(r#"{"format": "Bogen-Draft"}"#), FileKind::Other("Bogen-Draft".to_owned()));
        assert_eq!(kind(r#"{"format": 3}"#), FileKind::Other("3".to_owned()));
        assert_eq!(kind(r#"{"format": null, "sections": []}"#), FileKind::Other("null".to_owned()));

        let v1_draft = r#"{"formatVersion": 1, "questionnaireId": "q", "questionnaireVersion": "1", "answers": {}}"#;
        assert_eq!(kind(v1_draft), FileKind::Draft);
        assert_eq!(kind(r#"{"formatVersion": 1, "id": "q", "sections": []}"#), FileKind::Questionnaire);
        // A questionnaire that happens to have a `questionnaireId` member is still one.
        assert_eq!(kind(r#"{"questionnaireId": "q", "sections": []}"#), FileKind::Questionnaire);
        assert_eq!(kind("{}"), FileKind::Questionnaire);

        assert_eq!(kind("[]"), FileKind::NotAnObject);
        assert_eq!(kind(r#""bogen-draft""#), FileKind::NotAnObject);
    }
}
