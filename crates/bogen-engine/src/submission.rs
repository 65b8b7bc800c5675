//! The submission file, format version 1: a respondent's visible answers, signed, as the
//! municipality sends them to the project office. The exact contract is `docs/SUBMISSION.md`.
//!
//! The third file format of the engine, beside the questionnaire ([`crate::format`]) and the
//! draft ([`crate::draft`]). The app creates submissions ([`create_submission`]); the office's
//! CLI and page verify them ([`verify_submission`]) and check them against the questionnaire
//! they answer ([`check_against`]). The signing scheme itself is [`crate::signing`].
//!
//! The time of signing and the key are passed in: the engine has no clock and draws no randomness.

use crate::answer::AnswerValue;
use crate::file_kind::FileKind;
use crate::model::{QuestionKind, Questionnaire};
use crate::session::{RestoreIssue, Session};
use crate::signing::{
    canonical_bytes, parse_strict_json, sha256_hex, signature_of, verify_document, CanonicalError, Fingerprint,
    JsonError, KeyPair, PublicKey, SignatureError, SignatureMember, TRUSTED_KEYS_FORMAT,
};
use crate::text::Lang;
use crate::tree::from_tree;
use crate::validate::{describe_violation, ViolationKind, ViolationLocation};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The `"format"` of a submission file.
pub const SUBMISSION_FORMAT: &str = "bogen-submission";

/// The submission format this engine writes and reads.
pub const SUBMISSION_FORMAT_VERSION: u64 = 1;

/// Which questionnaire a submission answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireStamp {
    /// The questionnaire's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Lowercase hex SHA-256 of its canonical form without its own signature
    /// ([`Questionnaire::sha256`]).
    pub sha256: String,
}

/// A submission file, as it stands on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubmissionFile {
    /// Always `"bogen-submission"`.
    pub format: String,
    /// Always 1.
    pub format_version: u64,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireStamp,
    /// When it was signed: RFC 3339, UTC (`2026-11-27T10:15:00.000Z`).
    pub created_at: String,
    /// The language the respondent filled it in (`de`, `en`).
    pub language: String,
    /// The visible answers, by question id, in the JSON form of each type (FORMAT.md section 12).
    pub answers: BTreeMap<String, Json>,
    /// The signature of everything else.
    pub signature: SignatureMember,
}

/// A freshly signed submission.
#[derive(Debug, Clone)]
pub struct SignedSubmission {
    /// The file's text (pretty JSON, ending in a newline).
    pub text: String,
    /// The file.
    pub file: SubmissionFile,
    /// The name to save it under: `<questionnaire id>_<name slug>_<date>.json`.
    pub file_name: String,
    /// The signer's fingerprint.
    pub fingerprint: Fingerprint,
    /// The digest of questionnaire and answers ([`answers_digest`]).
    pub answers_digest: String,
}

/// The digest that matches a paper copy to a file: lowercase hex SHA-256 of the canonical form
/// of `{"questionnaire": …, "answers": …}`. It leaves out the time, the language and the
/// signature, so a page printed before or after the export shows the same digest as long as
/// the answers are the same.
pub fn answers_digest(questionnaire: &QuestionnaireStamp, answers: &BTreeMap<String, Json>) -> String {
    let value = serde_json::json!({ "questionnaire": questionnaire, "answers": answers });
    canonical_bytes(&value).map(|bytes| sha256_hex(&bytes)).unwrap_or_default()
}

/// The first 16 hex digits of a digest in groups of four (`3f2a 9c01 77be 0d4e`): for reading aloud and paper.
pub fn short_digest(digest: &str) -> String {
    let head: Vec<&str> = (0..4).filter_map(|i| digest.get(i * 4..i * 4 + 4)).collect();
    head.join(" ")
}

/// The stamp of the questionnaire a session fills.
pub fn stamp_of(questionnaire: &Questionnaire) -> QuestionnaireStamp {
    QuestionnaireStamp {
        id: questionnaire.id.clone(),
        version: questionnaire.version.clone(),
        sha256: questionnaire.sha256.clone(),
    }
}

/// Signs the session's visible answers. `created_at` is RFC 3339 in UTC from the caller's clock.
pub fn create_submission(
    session: &Session,
    lang: Lang,
    created_at: &str,
    key: &KeyPair,
) -> Result<SignedSubmission, CanonicalError> {
    let questionnaire = session.questionnaire();
    let stamp = stamp_of(questionnaire);
    let answers = session.visible_answers();
    let digest = answers_digest(&stamp, &answers);
    let mut document = Map::new();
    document.insert("format".into(), Json::from(SUBMISSION_FORMAT));
    document.insert("formatVersion".into(), Json::from(SUBMISSION_FORMAT_VERSION));
    document.insert("questionnaire".into(), serde_json::to_value(&stamp).map_err(|e| CanonicalError(e.to_string()))?);
    document.insert("createdAt".into(), Json::from(created_at));
    document.insert("language".into(), Json::from(lang.code()));
    document.insert("answers".into(), serde_json::to_value(&answers).map_err(|e| CanonicalError(e.to_string()))?);
    let signature = signature_of(&document, key)?;
    let name = respondent_name(questionnaire, &answers);
    // The file from its parts, not read back from the signed tree: one reader of submissions
    // less in the app, which never reads one.
    let file = SubmissionFile {
        format: SUBMISSION_FORMAT.to_owned(),
        format_version: SUBMISSION_FORMAT_VERSION,
        questionnaire: stamp,
        created_at: created_at.to_owned(),
        language: lang.code().to_owned(),
        answers,
        signature,
    };
    Ok(SignedSubmission {
        // Written from the struct, so that members stand in the documented order.
        text: serde_json::to_string_pretty(&file).map_err(|e| CanonicalError(e.to_string()))? + "\n",
        file_name: submission_file_name(&questionnaire.id, name.as_deref(), created_at),
        fingerprint: key.public_key().fingerprint(),
        answers_digest: digest,
        file,
    })
}

/// `<questionnaire id>_<name as a slug>_<YYYY-MM-DD>.json`; the slug is `unnamed` without a name.
pub fn submission_file_name(questionnaire_id: &str, name: Option<&str>, created_at: &str) -> String {
    let slug = name.map(slug).filter(|s| !s.is_empty()).unwrap_or_else(|| "unnamed".to_owned());
    let date = created_at.get(..10).filter(|d| is_date(d)).unwrap_or("undated");
    format!("{questionnaire_id}_{slug}_{date}.json")
}

/// A name as a file-name slug: lowercase ASCII letters and digits joined by `-`; German letters
/// are spelt out (`Köln` → `koeln`, `Gießen` → `giessen`), other accents dropped.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let spelt: &str = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' | 'ă' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
            'ù' | 'ú' | 'û' | 'ů' => "u",
            'ý' | 'ÿ' => "y",
            'ś' | 'š' | 'ş' => "s",
            'ź' | 'ż' | 'ž' => "z",
            'ł' => "l",
            'ř' => "r",
            'ť' => "t",
            'ď' => "d",
            _ => "",
        };
        let piece = if !spelt.is_empty() {
            spelt.to_owned()
        } else if c.is_ascii_alphanumeric() {
            c.to_string()
        } else {
            if !out.is_empty() {
                dash = true;
            }
            continue;
        };
        if dash {
            out.push('-');
            dash = false;
        }
        out.push_str(&piece);
        if out.len() >= 60 {
            break;
        }
    }
    out
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Whether `text` is an RFC 3339 time in UTC: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
pub fn is_utc_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b.get(range).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let base = b.len() >= 20
        && text.get(..10).is_some_and(is_date)
        && matches!(b[10], b'T' | b't')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !base {
        return false;
    }
    let rest = &b[19..];
    let rest = match rest.first() {
        Some(b'.') => {
            let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return false;
            }
            &rest[1 + n..]
        }
        _ => rest,
    };
    matches!(rest, [b'Z'] | [b'z'])
}

/// The respondent's name (the municipality), from the answer to the questionnaire's
/// `submission.nameQuestion`.
pub fn respondent_name(questionnaire: &Questionnaire, answers: &BTreeMap<String, Json>) -> Option<String> {
    let idx = questionnaire.submission.as_ref()?.name_question?;
    name_from(answers.get(&questionnaire.question(idx).id.0)?.as_str()?)
}

/// The respondent's name as the session holds it now: what [`respondent_name`] reads from the
/// submission once it is made (the review page warns with it before signing).
pub fn session_respondent_name(session: &Session) -> Option<String> {
    let idx = session.questionnaire().submission.as_ref()?.name_question?;
    match session.answer(idx)? {
        crate::answer::AnswerValue::Text(text) => name_from(text),
        _ => None,
    }
}

fn name_from(answer: &str) -> Option<String> {
    let name = answer.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Whether two respondent names name the same respondent: equal but for case and runs of
/// spaces ("Stadt  Gießen", "stadt gießen"). One key signs for one respondent; the office and the
/// app both warn when a key's files name two.
pub fn same_respondent_name(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    words(a) == words(b)
}

/// The respondent's kind (e.g. Landkreis), as the option label of the answer to the
/// questionnaire's `submission.kindQuestion`, in `lang`.
pub fn respondent_kind(questionnaire: &Questionnaire, answers: &BTreeMap<String, Json>, lang: Lang) -> Option<String> {
    let idx = questionnaire.submission.as_ref()?.kind_question?;
    let question = questionnaire.question(idx);
    let value = answers.get(&question.id.0)?.as_str()?;
    let label = question.kind.options().iter().find(|o| o.value == value).map(|o| o.label.get(lang).to_owned());
    Some(label.unwrap_or_else(|| value.to_owned()))
}

/// Why a file is not a valid submission.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SubmissionError {
    /// Not JSON (or too large, or with a key twice).
    NotJson(JsonError),
    /// JSON, but not a Bogen submission.
    NotASubmission {
        /// What the file is instead.
        kind: FileKind,
        /// What it lacks, or what it seems to be, in words for the office.
        reason: String,
    },
    /// A submission of a format version this engine does not read.
    UnknownFormatVersion(String),
    /// A submission whose members are not of the documented shape (path and reason).
    Malformed(String),
    /// The signature is missing, malformed or does not match.
    Signature(SignatureError),
}

impl fmt::Display for SubmissionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubmissionError::NotJson(e) => write!(f, "{e}"),
            SubmissionError::NotASubmission { reason, .. } => write!(f, "not a submission: {reason}"),
            SubmissionError::UnknownFormatVersion(v) => write!(
                f,
                "unknown submission format version {v} (this version of Bogen reads {SUBMISSION_FORMAT_VERSION}); a newer Bogen may read it"
            ),
            SubmissionError::Malformed(reason) => write!(f, "malformed submission: {reason}"),
            // "Signature invalid" would say less than the reason does.
            SubmissionError::Signature(e @ SignatureError::Missing) => write!(f, "{e}"),
            SubmissionError::Signature(e) => write!(f, "signature invalid: {e}"),
        }
    }
}

impl std::error::Error for SubmissionError {}

/// A submission whose signature is valid.
#[derive(Debug, Clone)]
pub struct VerifiedSubmission {
    /// The file.
    pub file: SubmissionFile,
    /// Who signed it.
    pub signer: PublicKey,
    /// The signer's fingerprint.
    pub fingerprint: Fingerprint,
    /// The digest of questionnaire and answers, as printed on paper ([`answers_digest`]).
    pub answers_digest: String,
}

/// Reads a submission file and checks its signature. It does not check that the answers fit the
/// questionnaire: that needs the questionnaire ([`check_against`]).
pub fn verify_submission(text: &str) -> Result<VerifiedSubmission, SubmissionError> {
    let value = parse_strict_json(text).map_err(SubmissionError::NotJson)?;
    let document = match (FileKind::of(&value), &value) {
        (FileKind::Submission, Json::Object(document)) => document,
        (kind, _) => return Err(not_a_submission(kind, &value)),
    };
    match document.get("formatVersion") {
        Some(v) if v.as_u64() == Some(SUBMISSION_FORMAT_VERSION) => {}
        Some(v) => return Err(SubmissionError::UnknownFormatVersion(v.to_string())),
        None => return Err(SubmissionError::Malformed("\"formatVersion\" is missing".to_owned())),
    }
    // A file without a signature is unsigned rather than malformed: the office's next step differs.
    if !document.contains_key("signature") {
        return Err(SubmissionError::Signature(SignatureError::Missing));
    }
    let file: SubmissionFile = from_tree(&value).map_err(|e| {
        // The reader's words quote names in backticks and call the top level "."; people read these.
        let message = e.message().replace('`', "\"");
        SubmissionError::Malformed(match e.path_text().as_str() {
            "." | "" => format!("{message} (at the top level of the file)"),
            path => format!("{path}: {message}"),
        })
    })?;
    if !is_utc_timestamp(&file.created_at) {
        return Err(SubmissionError::Malformed(format!(
            "createdAt: \"{}\" is not an RFC 3339 time in UTC, e.g. \"2026-11-27T10:15:00Z\"",
            file.created_at
        )));
    }
    if Lang::from_code(&file.language).is_none() {
        return Err(SubmissionError::Malformed(format!("language: \"{}\" is not \"de\" or \"en\"", file.language)));
    }
    let signer = verify_document(document).map_err(SubmissionError::Signature)?;
    let answers_digest = answers_digest(&file.questionnaire, &file.answers);
    Ok(VerifiedSubmission { fingerprint: signer.fingerprint(), signer, answers_digest, file })
}

/// Why a file of another kind is no submission, in words for the office.
fn not_a_submission(kind: FileKind, value: &Json) -> SubmissionError {
    let reason = match &kind {
        // A submission is an object: only what is none comes here.
        FileKind::NotAnObject | FileKind::Submission => "the file is not a JSON object".to_owned(),
        FileKind::Draft => "it is a draft file, which is not signed; ask for the signed submission, which the app \
            exports on its review page"
            .to_owned(),
        FileKind::KeyFile => "it is a key file, which is secret: ask its sender to keep it, and to send the signed \
            submission instead"
            .to_owned(),
        FileKind::TrustedKeys => format!("its \"format\" is \"{TRUSTED_KEYS_FORMAT}\", not \"{SUBMISSION_FORMAT}\""),
        FileKind::Other(format) => format!("its \"format\" is \"{format}\", not \"{SUBMISSION_FORMAT}\""),
        FileKind::Questionnaire => what_it_seems_to_be(value),
    };
    SubmissionError::NotASubmission { kind, reason }
}

/// A guess at what a JSON object without `format` is, for the message.
fn what_it_seems_to_be(document: &Json) -> String {
    let has = |member: &str| document.get(member).is_some();
    if has("sections") && has("formatVersion") {
        "it looks like a questionnaire file".to_owned()
    } else if has("savedAt") && has("answers") {
        "it looks like a draft file (drafts are not signed; export the submission on the review page)".to_owned()
    } else if document.get("signed") == Some(&Json::Bool(false)) {
        "it looks like an unsigned export of an older Bogen".to_owned()
    } else {
        format!("it has no \"format\": \"{SUBMISSION_FORMAT}\"")
    }
}

/// Something about a submission's answers that the questionnaire does not allow.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AnswerProblem {
    /// An answer to a question the questionnaire does not have.
    UnknownQuestion {
        /// The id in the file.
        id: String,
    },
    /// An answer of the wrong type.
    WrongType {
        /// The question's id.
        id: String,
        /// What it should be.
        expected: String,
    },
    /// An answer to a question that the other answers hide: the app never exports one.
    HiddenQuestion {
        /// The question's id.
        id: String,
    },
    /// A calculated value that is not what the questionnaire computes from the other answers
    /// (or is missing): the app always exports the computed one.
    CalculatedValue {
        /// The question's id.
        id: String,
        /// What the file holds (`None`: nothing).
        found: Option<Json>,
        /// What the questionnaire computes (`None`: no value, e.g. an input is missing).
        computed: Option<Json>,
    },
    /// Any other answer that differs from what the app exports for these answers (e.g. a repeat
    /// group holding an answer of a field hidden in its record).
    NotAsExported {
        /// The question's id.
        id: String,
        /// What the app exports for it (`None`: nothing).
        expected: Option<Json>,
    },
    /// A visible question whose answer breaks one of its checks (e.g. a required one missing).
    Violation {
        /// The question's id.
        id: String,
        /// In a repeat group, the record's position and the field's id (`[1].age`); empty for
        /// the answer as a whole.
        place: String,
        /// What is wrong.
        kind: ViolationKind,
    },
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerProblem::UnknownQuestion { id } => write!(f, "\"{id}\" is no question of this questionnaire"),
            AnswerProblem::WrongType { id, expected } => write!(f, "\"{id}\" should be {expected}"),
            AnswerProblem::HiddenQuestion { id } => write!(
                f,
                "\"{id}\" answers a question that the other answers hide (its condition does not hold), and the app never exports such an answer"
            ),
            AnswerProblem::CalculatedValue { id, found, computed } => {
                let value = |v: &Option<Json>| v.as_ref().filter(|v| !v.is_null()).map(Json::to_string);
                match (value(found), value(computed)) {
                    (Some(found), Some(computed)) => write!(
                        f,
                        "\"{id}\" is calculated: the file says {found}, but the questionnaire computes {computed} from these answers"
                    ),
                    (Some(found), None) => write!(
                        f,
                        "\"{id}\" is calculated: the file says {found}, but the questionnaire computes no value from these answers"
                    ),
                    (None, _) => write!(
                        f,
                        "\"{id}\" is calculated, and its value is missing from the file (the questionnaire computes {})",
                        value(computed).unwrap_or_default()
                    ),
                }
            }
            AnswerProblem::NotAsExported { id, expected } => {
                write!(f, "\"{id}\" is not what the app exports for these answers: ")?;
                match expected {
                    // E.g. a record's answer to a field its other answers hide.
                    Some(expected) => write!(f, "it would write {}", abridged(&expected.to_string())),
                    None => write!(f, "it would leave this answer out"),
                }
            }
            AnswerProblem::Violation { id, place, kind } => write!(f, "\"{id}{place}\": {}", describe_violation(kind)),
        }
    }
}

/// `text` cut to about 80 characters, with `…` where it was cut (an expected repeat group can be long).
fn abridged(text: &str) -> String {
    const MOST: usize = 80;
    match text.char_indices().nth(MOST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Whether the answers of a verified submission fit `questionnaire`: every answer belongs to a
/// visible question and has its type, calculated values are what the questionnaire computes,
/// and no visible question breaks a check. An empty list means they fit. The caller has made
/// sure that the stamp matches ([`stamp_of`]).
pub fn check_against(answers: &BTreeMap<String, Json>, questionnaire: &Arc<Questionnaire>) -> Vec<AnswerProblem> {
    // Calculated values are no input: they are left out of the restore and compared below.
    let is_calculated = |id: &str| {
        questionnaire
            .question_idx(id)
            .is_some_and(|q| matches!(questionnaire.question(q).kind, QuestionKind::Calculated { .. }))
    };
    let inputs: BTreeMap<String, Json> =
        answers.iter().filter(|(id, _)| !is_calculated(id)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let (session, issues) = Session::restore(Arc::clone(questionnaire), &inputs);
    let mut problems: Vec<AnswerProblem> = issues
        .into_iter()
        .map(|issue| match issue {
            RestoreIssue::UnknownQuestion { id } => AnswerProblem::UnknownQuestion { id },
            RestoreIssue::WrongType { id, expected } => AnswerProblem::WrongType { id, expected },
        })
        .collect();
    let reported = |problems: &[AnswerProblem], id: &str| {
        problems.iter().any(|p| matches!(p, AnswerProblem::UnknownQuestion { id: i } | AnswerProblem::WrongType { id: i, .. } if i == id))
    };
    // What the app would export for these answers must be exactly what the file holds.
    let expected = session.visible_answers();
    for (id, value) in answers {
        if reported(&problems, id) {
            continue;
        }
        let differs = match expected.get(id) {
            Some(expected) => !same_answer(expected, value),
            None => !is_empty_answer(value),
        };
        if !differs {
            continue;
        }
        // Say which it is: the engine knows the question's kind and whether it is shown.
        let hidden = questionnaire.question_idx(id).is_some_and(|q| !session.is_visible(q));
        problems.push(if hidden {
            AnswerProblem::HiddenQuestion { id: id.clone() }
        } else if is_calculated(id) {
            AnswerProblem::CalculatedValue {
                id: id.clone(),
                found: Some(value.clone()),
                computed: expected.get(id).cloned(),
            }
        } else {
            AnswerProblem::NotAsExported { id: id.clone(), expected: expected.get(id).cloned() }
        });
    }
    for (id, value) in &expected {
        if is_calculated(id) && !answers.contains_key(id) && !value.is_null() {
            problems.push(AnswerProblem::CalculatedValue {
                id: id.clone(),
                found: None,
                computed: Some(value.clone()),
            });
        }
    }
    for (q, violation) in session.all_violations() {
        let question = questionnaire.question(q);
        let place = match (violation.location, session.answer(q), &question.kind) {
            (
                ViolationLocation::RecordField { record, field },
                Some(AnswerValue::Records(records)),
                QuestionKind::Repeat { fields, .. },
            ) => {
                let position = records.iter().position(|r| r.id == record);
                let field = fields.get(field).map_or("?", |f| f.id.0.as_str());
                format!("[{}].{field}", position.map_or_else(|| "?".to_owned(), |p| p.to_string()))
            }
            _ => String::new(),
        };
        problems.push(AnswerProblem::Violation { id: question.id.0.clone(), place, kind: violation.kind.clone() });
    }
    problems
}

/// Two JSON answers are the same, numbers compared by value (`12` and `12.0` are one answer).
fn same_answer(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_answer(a, b)),
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| same_answer(a, b)))
        }
        _ => a == b,
    }
}

fn is_empty_answer(value: &Json) -> bool {
    match value {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(list) => list.is_empty(),
        Json::Object(map) => map.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_spell_out_german_letters() {
        assert_eq!(slug("Kreis Hersfeld-Rotenburg"), "kreis-hersfeld-rotenburg");
        assert_eq!(slug("  Gießen (Lahn) "), "giessen-lahn");
        assert_eq!(slug("Köln/Düsseldorf"), "koeln-duesseldorf");
        assert_eq!(slug("Łódź"), "lodz");
        assert_eq!(slug("!!!"), "");
        assert_eq!(submission_file_name("q", Some("Belm"), "2004-09-30T10:00:00Z"), "q_belm_2004-09-30.json");
        assert_eq!(submission_file_name("q", None, "2004-09-30T10:00:00Z"), "q_unnamed_2004-09-30.json");
    }

    #[test]
    fn utc_timestamps_are_checked() {
        for good in ["2026-11-27T10:15:00Z", "2026-11-27T10:15:00.123Z"] {
            assert!(is_utc_timestamp(good), "{good}");
        }
        for bad in ["2026-11-27", "2026-11-27T10:15:00+01:00", "2026-11-27T10:15:00.Z", "2026-11-27 10:15:00Z", ""] {
            assert!(!is_utc_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn short_digests_are_four_groups() {
        assert_eq!(short_digest("0123456789abcdef0123"), "0123 4567 89ab cdef");
    }
}
