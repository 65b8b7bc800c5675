//! What a file the respondent chose on a start page ("Datei auswählen (Fragebogen oder
//! Entwurf)") is meant to be, decided by its `format` member and its shape before anything is
//! opened ([`FileKind`], the decision `bogen check` and the office make too): a draft (opened,
//! or refused as another questionnaire's), a questionnaire (compiled by the engine, which lists
//! its problems), or another file, refused in its own terms: a signed submission, a key file, the
//! office's list of trusted keys, a draft of an unknown format version, a damaged draft (with the
//! JSON path), an empty, cut-off or not-JSON file (with line and column).
//!
//! Pure: no rendering, no storage. `i18n::file_problem` words a [`FileProblem`]; the app shows
//! it beside the file field and leaves whatever is open untouched.

use bogen_engine::location::LineCol;
use bogen_engine::{DraftError, DraftFile, FileKind};
use serde_json::Value as Json;

/// What a chosen file turned out to be.
#[derive(Debug)]
pub enum Picked {
    /// A draft of the questionnaire that is open.
    Draft(DraftFile),
    /// Meant to be a questionnaire (no `format` member, not a draft): the engine compiles it.
    Questionnaire,
    /// Nothing to open here.
    Refused(FileProblem),
}

/// Why a chosen file is not opened.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// The browser could not read the file.
    Unreadable,
    /// Nothing in it (or only white space).
    Empty,
    /// Not JSON: a syntax error at `line`/`col`, or (`cut_off`) the text ends before its JSON does.
    NotJson { line: usize, col: usize, cut_off: bool },
    /// JSON, but not an object: neither a questionnaire nor a draft.
    NotAnObject,
    /// A signed submission (`bogen-submission`): for the project office.
    Submission,
    /// A key file (`bogen-key`).
    KeyFile,
    /// The project office's list of trusted keys (`bogen-trusted-keys`), for checking submissions.
    TrustedKeys,
    /// Another `format` (the member's value as written).
    UnknownFormat(String),
    /// A draft of a format version this app does not read (the file's version).
    DraftVersion(u64),
    /// A draft file that does not read: where (`path`, empty for the file as a whole; line and
    /// column where known) and what is wrong (the engine's words, in English).
    DamagedDraft { path: String, position: Option<LineCol>, detail: String },
    /// A draft of another questionnaire than the open one (or of one, where none is open).
    DraftOfOther { questionnaire_id: String },
    /// A questionnaire, not opened: the open form holds answers that no storage has (saving
    /// fails, or another tab changed or deleted the draft), which opening it would lose.
    AnswersOnlyHere,
}

/// A refused file: its name and why.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub file_name: String,
    pub problem: FileProblem,
    /// Counts up with every refusal, so that choosing the same wrong file twice moves the focus
    /// to the message again.
    pub serial: u32,
}

/// What `text` (the file's content) is, with the id of the open questionnaire (`None` where
/// none is open: then a draft is refused, naming its questionnaire).
pub fn classify(text: &str, open_id: Option<&str>) -> Picked {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Picked::Refused(FileProblem::Empty);
    }
    // A tree of the whole file (a reader of its own for three members would cost the
    // respondents' bundle more than the tree costs a file chosen by hand); a draft is read from it.
    let tree: Json = match serde_json::from_str(text) {
        Ok(tree) => tree,
        Err(e) => {
            let cut_off = e.classify() == serde_json::error::Category::Eof;
            return Picked::Refused(FileProblem::NotJson { line: e.line(), col: e.column(), cut_off });
        }
    };
    let problem = match FileKind::of(&tree) {
        FileKind::Draft => return draft(&tree, text, open_id),
        FileKind::Questionnaire => return Picked::Questionnaire,
        FileKind::Submission => FileProblem::Submission,
        FileKind::KeyFile => FileProblem::KeyFile,
        // The office's own file, sent along by mistake: it says whose it is and that filling in
        // needs none of it.
        FileKind::TrustedKeys => FileProblem::TrustedKeys,
        FileKind::Other(format) => FileProblem::UnknownFormat(format),
        FileKind::NotAnObject => FileProblem::NotAnObject,
    };
    Picked::Refused(problem)
}

/// A draft file's tree (parsed from `text`): opened if it is of the open questionnaire.
fn draft(tree: &Json, text: &str, open_id: Option<&str>) -> Picked {
    match DraftFile::from_parsed(tree, text) {
        Ok(draft) if Some(draft.questionnaire_id.as_str()) == open_id => Picked::Draft(draft),
        Ok(draft) => Picked::Refused(FileProblem::DraftOfOther { questionnaire_id: draft.questionnaire_id }),
        Err(DraftError::UnsupportedVersion(version)) => Picked::Refused(FileProblem::DraftVersion(version)),
        Err(DraftError::Malformed { path, detail, position }) => {
            Picked::Refused(FileProblem::DamagedDraft { path, position, detail })
        }
        // Not from a file of the draft's kind (its other errors are of another format, or of
        // restoring); should the engine say more one day, its words stand for the file as a whole.
        Err(other) => Picked::Refused(FileProblem::DamagedDraft {
            path: String::new(),
            position: None,
            detail: other.to_string(),
        }),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const DRAFT: &str = r#"{"format": "bogen-draft", "formatVersion": 2, "questionnaireId": "q", "questionnaireVersion": "1",
        "questionnaireSha256": null, "draftId": "d", "name": "", "savedAt": "2026-01-01T00:00:00Z",
        "revision": 1, "answers": {}, "answeredAt": {}, "keptAside": []}"#;

    fn refused(text: &str) -> FileProblem {
        match classify(text, Some("q")) {
            Picked::Refused(problem) => problem,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_draft_of_the_open_questionnaire_opens_and_a_questionnaire_goes_to_the_engine() {
        assert!(matches!(classify(DRAFT, Some("q")), Picked::Draft(_)));
        assert!(matches!(classify(&format!("\u{FEFF}{DRAFT}"), Some("q")), Picked::Draft(_)));
        let v1 = r#"{"formatVersion": 1, "questionnaireId": "q", "questionnaireVersion": "1", "savedAt": "x", "answers": {}}"#;
        assert!(matches!(classify(v1, Some("q")), Picked::Draft(_)));
        assert!(matches!(
            classify(r#"{"formatVersion": 1, "id": "q", "sections": []}"#, Some("q")),
            Picked::Questionnaire
        ));
        assert!(matches!(classify(r#"{"id": "q"}"#, None), Picked::Questionnaire));
    }

    #[test]
    fn files_that_are_no_questionnaire_are_named_by_what_they_are() {
        assert_eq!(refused(""), FileProblem::Empty);
        assert_eq!(refused(" \n"), FileProblem::Empty);
        assert_eq!(refused("[]"), FileProblem::NotAnObject);
        assert_eq!(
            refused(r#"{"format": "bogen-submission", "formatVersion": 1, "answers": {}}"#),
            FileProblem::Submission
        );
        assert_eq!(refused(r#"{"format": "bogen-key", "formatVersion": 1}"#), FileProblem::KeyFile);
        assert_eq!(
            refused(r#"{"format": "bogen-trusted-keys", "formatVersion": 1, "keys": []}"#),
            FileProblem::TrustedKeys
        );
        assert_eq!(refused(r#"{"format": "xlsx"}"#), FileProblem::UnknownFormat("xlsx".to_owned()));
        assert_eq!(
            refused(&DRAFT.replace(r#""formatVersion": 2"#, r#""formatVersion": 3"#)),
            FileProblem::DraftVersion(3)
        );
        assert_eq!(
            refused(&DRAFT.replace(r#""questionnaireId": "q""#, r#""questionnaireId": "kita-umfrage""#)),
            FileProblem::DraftOfOther { questionnaire_id: "kita-umfrage".to_owned() }
        );
        assert!(matches!(classify(DRAFT, None), Picked::Refused(FileProblem::DraftOfOther { .. })));
    }

    #[test]
    fn text_that_is_not_json_is_placed_by_line_and_column_and_a_cut_off_file_is_told_apart() {
        assert_eq!(refused("Hallo Kollegin"), FileProblem::NotJson { line: 1, col: 1, cut_off: false });
        assert_eq!(
            refused("{\n  \"format\": \"bogen-draft\",\n  savedAt\": 1}"),
            FileProblem::NotJson { line: 3, col: 3, cut_off: false }
        );
        assert!(matches!(refused(&DRAFT[..120]), FileProblem::NotJson { cut_off: true, .. }));
    }

    #[test]
    fn a_damaged_draft_names_the_json_path_and_what_is_wrong() {
        let answers = refused(&DRAFT.replace(r#""answers": {}"#, r#""answers": "nope""#));
        let FileProblem::DamagedDraft { path, position, detail } = answers else { panic!("{answers:?}") };
        assert_eq!(path, "answers");
        assert!(position.is_some());
        assert!(detail.starts_with("invalid type: string \"nope\""), "{detail}");

        let extra = refused(&DRAFT.replace(r#""keptAside": []"#, r#""keptAside": [], "extra": 1"#));
        assert!(
            matches!(&extra, FileProblem::DamagedDraft { path, detail, .. }
            if path == "extra" && detail.starts_with("unknown field `extra`")),
            "{extra:?}"
        );

        // The engine's fields, not its message taken apart: a member's name may hold what the
        // message's words hold.
        let spaced = refused(&DRAFT.replace(r#""keptAside": []"#, r#""keptAside": [], "a: b at line 9 column 9": 1"#));
        assert!(
            matches!(&spaced, FileProblem::DamagedDraft { path, position: Some(LineCol { line: 3, col: 74 }), detail }
            if path == "a: b at line 9 column 9" && detail.starts_with("unknown field `a: b at line 9 column 9`")),
            "{spaced:?}"
        );

        let no_time = refused(&DRAFT.replace(r#""savedAt": "2026-01-01T00:00:00Z","#, ""));
        assert!(
            matches!(&no_time, FileProblem::DamagedDraft { path, position: Some(_), detail }
            if path.is_empty() && detail == "missing field `savedAt`"),
            "{no_time:?}"
        );
    }
}
