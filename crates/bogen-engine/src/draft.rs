//! The draft file, format version 2: a respondent's answers in progress, as the browser keeps
//! them and as colleagues pass them on. The contract, member by member, is `docs/DRAFT.md`.
//!
//! A draft never loses an answer. It holds every answer that fits the questionnaire it was
//! saved with (hidden questions' answers included), the time each was last changed where
//! known, and, in `keptAside`, every answer that fit no question when a draft was opened with
//! another questionnaire version: with its old question id, its value as it was, the version it
//! came from and why. Kept-aside answers are written back on every save.
//!
//! Opening a draft ([`DraftFile::restore`]) carries each answer into the questionnaire as it is
//! now (`carry.rs` holds the compatibility table) and reports what carried, what was kept
//! aside and whether the questionnaire changed since the draft was saved ([`RestoreReport`]).
//! Drafts of format version 1 still open: they are read into a version 2 draft in memory
//! ([`DraftFile::parse`]), and their answers that no longer fit move to `keptAside` when they
//! are restored.
//!
//! The engine has no clock and draws no randomness: the draft's id, name, revision and times
//! come from the caller ([`DraftMeta`], [`Session::stamp_changes`]).

use crate::answer::AnswerValue;
use crate::carry;
use crate::location::{LineCol, PositionIndex};
use crate::model::{QuestionIdx, QuestionKind, Questionnaire};
use crate::session::Session;
use crate::tree::{from_tree, PathError};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The `"format"` of a draft file.
pub const DRAFT_FORMAT: &str = "bogen-draft";

/// The draft format this engine writes.
pub const DRAFT_FORMAT_VERSION: u32 = 2;

/// The draft formats this engine reads.
pub const DRAFT_FORMAT_VERSIONS_READ: [u32; 2] = [1, 2];

/// A draft file (format version 2; a version 1 file is read into this form).
///
/// Written with `"format": "bogen-draft"` first; read through [`DraftFile::parse`] or serde
/// (both accept versions 1 and 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "format", rename = "bogen-draft", rename_all = "camelCase", try_from = "Json")]
pub struct DraftFile {
    /// Always 2 ([`DRAFT_FORMAT_VERSION`]), also for a draft read from a version 1 file.
    pub format_version: u32,
    /// The questionnaire's id.
    pub questionnaire_id: String,
    /// The questionnaire's version when the draft was saved.
    pub questionnaire_version: String,
    /// The questionnaire's [`Questionnaire::sha256`] when the draft was saved; `None` only for
    /// a draft read from a version 1 file, which did not record it.
    pub questionnaire_sha256: Option<String>,
    /// The draft's id, given by the app (e.g. random hex); empty for a draft read from a
    /// version 1 file, until the app gives it one.
    pub draft_id: String,
    /// The draft's name, e.g. "Bewerbung 1. Runde"; empty when it has none.
    pub name: String,
    /// When it was saved: RFC 3339 in UTC, from the caller's clock.
    pub saved_at: String,
    /// How many times it was saved: the app counts it up on every save, so that two tabs notice
    /// each other's saves ([`DraftFile::compare_with`]). 0 for a draft read from version 1.
    pub revision: u64,
    /// Answers by question id, in the JSON forms of `docs/FORMAT.md` section 12: every answer
    /// that fits the questionnaire it was saved with, hidden questions' included; `null` for a
    /// question whose default the respondent cleared.
    pub answers: BTreeMap<String, Json>,
    /// When each answer was last changed (RFC 3339), by question id, where known.
    pub answered_at: BTreeMap<String, String>,
    /// Answers that fit no question of the questionnaire, never dropped.
    pub kept_aside: Vec<KeptAside>,
}

/// An answer that fits no question of the questionnaire a draft was opened with. It is shown to
/// the respondent to copy from, and written back on every save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeptAside {
    /// The id of the question it answered.
    pub question_id: String,
    /// The answer as it was (for a record of a repeat group: that record).
    pub value: Json,
    /// The version of the questionnaire it was given for.
    pub questionnaire_version: String,
    /// Why it fits no longer.
    pub reason: KeptAsideReason,
}

/// Why an answer was kept aside. The app words it; [`fmt::Display`] is English, for logs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub enum KeptAsideReason {
    /// The questionnaire has no question (or repeat group field) of this id: removed or renamed.
    UnknownQuestion,
    /// The question's type changed: the answer is not of the form it takes now.
    WrongType {
        /// What the question takes now.
        expected: Expected,
    },
    /// Options chosen are no longer offered (what is still offered carried).
    OptionsRemoved {
        /// The option values no longer offered.
        options: Vec<String>,
        /// The "other, please specify" text is no longer asked.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        other: bool,
    },
    /// Rows or scale values of a matrix are gone (the rows that still fit carried).
    MatrixChanged {
        /// Row values no longer asked.
        rows: Vec<String>,
        /// Scale values no longer offered.
        values: Vec<String>,
    },
    /// Several lines in a question that now takes one line (carried with the lines joined).
    LineBreaks,
    /// Fields of one record of a repeat group do not fit (the record carried with the fields that do).
    RecordFields {
        /// The record's position in the group, from 0.
        record: usize,
        /// Why, by field id.
        fields: BTreeMap<String, KeptAsideReason>,
    },
}

/// The form of answer a question takes, named in [`KeptAsideReason::WrongType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Expected {
    /// A text (text, long text, e-mail, web address, phone).
    Text,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A number.
    Number,
    /// Yes or no.
    YesNo,
    /// One offered option.
    Option,
    /// A list of offered options.
    Options,
    /// Rows with scale values.
    Matrix,
    /// Records of a repeat group.
    Records,
    /// Nothing: the question is calculated now.
    NoAnswer,
}

impl Expected {
    /// The form a question of this kind takes.
    pub fn of(kind: &QuestionKind) -> Expected {
        match kind {
            QuestionKind::Text { .. } => Expected::Text,
            QuestionKind::Date { .. } => Expected::Date,
            QuestionKind::Number { .. } => Expected::Number,
            QuestionKind::YesNo => Expected::YesNo,
            QuestionKind::SingleChoice { .. } => Expected::Option,
            QuestionKind::MultipleChoice { .. } => Expected::Options,
            QuestionKind::Matrix { .. } => Expected::Matrix,
            QuestionKind::Repeat { .. } => Expected::Records,
            QuestionKind::Calculated { .. } => Expected::NoAnswer,
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Text => "a text",
            Expected::Date => "a date (YYYY-MM-DD)",
            Expected::Number => "a number",
            Expected::YesNo => "yes or no",
            Expected::Option => "one option",
            Expected::Options => "a list of options",
            Expected::Matrix => "a scale value per row",
            Expected::Records => "a list of records",
            Expected::NoAnswer => "no answer (it is calculated)",
        })
    }
}

impl fmt::Display for KeptAsideReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = |list: &[String]| list.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", ");
        match self {
            KeptAsideReason::UnknownQuestion => f.write_str("no longer asked"),
            KeptAsideReason::WrongType { expected } => write!(f, "the question now takes {expected}"),
            KeptAsideReason::OptionsRemoved { options, other } => {
                let mut parts = Vec::new();
                match options.len() {
                    0 => {}
                    1 => parts.push(format!("option {} is no longer offered", quoted(options))),
                    _ => parts.push(format!("options {} are no longer offered", quoted(options))),
                }
                if *other {
                    parts.push("\"other\" is no longer asked".to_owned());
                }
                f.write_str(&parts.join("; "))
            }
            KeptAsideReason::MatrixChanged { rows, values } => {
                let mut parts = Vec::new();
                if !rows.is_empty() {
                    parts.push(format!("rows {} are no longer asked", quoted(rows)));
                }
                if !values.is_empty() {
                    parts.push(format!("scale values {} are no longer offered", quoted(values)));
                }
                f.write_str(&parts.join("; "))
            }
            KeptAsideReason::LineBreaks => f.write_str("the question now takes one line"),
            KeptAsideReason::RecordFields { record, fields } => {
                let fields: Vec<String> = fields.iter().map(|(id, why)| format!("{id}: {why}")).collect();
                write!(f, "record {}: {}", record + 1, fields.join("; "))
            }
        }
    }
}

/// What the caller gives a draft when saving it: the engine has no clock and no randomness.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftMeta {
    /// A stable id of the draft (e.g. random hex), the same on every save.
    pub draft_id: String,
    /// The draft's name.
    pub name: String,
    /// When it is saved: RFC 3339 in UTC.
    pub saved_at: String,
    /// The revision of this save: the previous one's plus one.
    pub revision: u64,
}

/// How the draft in storage stands to the save a tab knows ([`DraftFile::compare_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOrder {
    /// It is the save the tab knows: the tab may save over it.
    Same,
    /// Another tab (or window) saved since: the tab must not save over it.
    StoredNewer,
    /// Storage holds an older save than the tab knows (storage was reset or restored).
    StoredOlder,
    /// Another tab saved the same revision at another time: both saved from the same state.
    Concurrent,
}

/// How an answer carried into the questionnaire ([`RestoreReport::carried`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Carry {
    /// As it was.
    AsIs,
    /// A number into a text question, written as text.
    NumberAsText,
    /// One option into a multiple choice, as a list of one.
    ChoiceAsList,
    /// A list of one option into a single choice.
    ListAsChoice,
    /// In part; the original is kept aside (see [`RestoreReport::newly_kept_aside`]).
    Partly,
}

/// One answer that carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarriedAnswer {
    /// The question it answers now.
    pub question: QuestionIdx,
    /// How.
    pub how: Carry,
}

/// What opening a draft did: the app shows it ("the questionnaire changed since the draft was
/// saved"; the kept-aside answers to copy from).
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreReport {
    /// The questionnaire version the draft was saved with.
    pub draft_questionnaire_version: String,
    /// The questionnaire's hash the draft was saved with (`None` for a version 1 draft).
    pub draft_questionnaire_sha256: Option<String>,
    /// Whether the questionnaire changed since the draft was saved: another version, or the
    /// same version with other content (where the draft knows the hash).
    pub questionnaire_changed: bool,
    /// The answers that carried, in question order.
    pub carried: Vec<CarriedAnswer>,
    /// Answers this opening kept aside (the draft's earlier kept-aside answers are not repeated).
    pub newly_kept_aside: Vec<KeptAside>,
    /// All answers the session keeps aside now: the draft's earlier ones and the new ones.
    pub kept_aside_total: usize,
}

/// Why a draft cannot be read or opened.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DraftError {
    /// Not JSON, or not of the draft's form: where and what is wrong.
    Malformed {
        /// The JSON path of the problem (`answers`, `keptAside[0].reason.kind`); empty for the
        /// file as a whole (not JSON, not an object, a member missing).
        path: String,
        /// What is wrong, in English: serde_json's words or the engine's.
        detail: String,
        /// Where the problem at `path` stands in the text, when the draft was read from its text
        /// ([`DraftFile::parse`], [`DraftFile::from_parsed`]). `None` for a draft read without
        /// its text, for `format` and `formatVersion` (checked before the members are read), and
        /// for text that is not JSON, whose `detail`, serde_json's, ends with the line and column.
        position: Option<LineCol>,
    },
    /// Another kind of file (its `format`, e.g. `bogen-submission`).
    OtherFormat(String),
    /// A draft format version this engine does not read (the file's version).
    UnsupportedVersion(u64),
    /// The draft belongs to another questionnaire.
    OtherQuestionnaire {
        /// The draft's questionnaire id.
        draft: String,
        /// The loaded questionnaire's id.
        loaded: String,
    },
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Malformed { path, detail, position } => {
                let colon = if path.is_empty() { "" } else { ": " };
                write!(f, "not a Bogen draft file: {path}{colon}{detail}")?;
                match position {
                    Some(at) => write!(f, " at line {} column {}", at.line, at.col),
                    None => Ok(()),
                }
            }
            DraftError::OtherFormat(format) => {
                write!(f, "not a Bogen draft file: its format is \"{format}\", a draft's is \"{DRAFT_FORMAT}\"")
            }
            DraftError::UnsupportedVersion(v) => write!(
                f,
                "draft format version {v} is not supported: this version of Bogen reads versions 1 and \
                 {DRAFT_FORMAT_VERSION}; open the draft with a newer version of Bogen"
            ),
            DraftError::OtherQuestionnaire { draft, loaded } => {
                write!(f, "the draft belongs to questionnaire \"{draft}\", not to \"{loaded}\"")
            }
        }
    }
}

impl std::error::Error for DraftError {}

impl DraftError {
    /// A [`DraftError::Malformed`] at `path` (empty: the file as a whole), with no position.
    fn malformed(path: &str, detail: impl Into<String>) -> DraftError {
        DraftError::Malformed { path: path.to_owned(), detail: detail.into(), position: None }
    }
}

/// Format version 2 as read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DraftV2 {
    /// Checked before ([`format_version`]).
    #[allow(dead_code)]
    format: String,
    format_version: u32,
    questionnaire_id: String,
    questionnaire_version: String,
    questionnaire_sha256: Option<String>,
    draft_id: String,
    name: String,
    saved_at: String,
    revision: u64,
    answers: BTreeMap<String, Json>,
    answered_at: BTreeMap<String, String>,
    kept_aside: Vec<KeptAside>,
}

impl From<DraftV2> for DraftFile {
    fn from(v2: DraftV2) -> DraftFile {
        DraftFile {
            format_version: v2.format_version,
            questionnaire_id: v2.questionnaire_id,
            questionnaire_version: v2.questionnaire_version,
            questionnaire_sha256: v2.questionnaire_sha256,
            draft_id: v2.draft_id,
            name: v2.name,
            saved_at: v2.saved_at,
            revision: v2.revision,
            answers: v2.answers,
            answered_at: v2.answered_at,
            kept_aside: v2.kept_aside,
        }
    }
}

/// Format version 1: kept-aside answers stood among the answers.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DraftV1 {
    #[allow(dead_code)]
    format_version: u32,
    questionnaire_id: String,
    questionnaire_version: String,
    saved_at: String,
    answers: BTreeMap<String, Json>,
}

/// A version 1 draft in memory as version 2: with no hash, id, name, times or kept-aside list
/// (its kept-aside answers are among its answers until it is restored).
impl From<DraftV1> for DraftFile {
    fn from(v1: DraftV1) -> DraftFile {
        DraftFile {
            format_version: DRAFT_FORMAT_VERSION,
            questionnaire_id: v1.questionnaire_id,
            questionnaire_version: v1.questionnaire_version,
            questionnaire_sha256: None,
            draft_id: String::new(),
            name: String::new(),
            saved_at: v1.saved_at,
            revision: 0,
            answers: v1.answers,
            answered_at: BTreeMap::new(),
            kept_aside: Vec::new(),
        }
    }
}

/// Which draft format version the `format` and `formatVersion` members name.
fn format_version(format: Option<&Json>, version: Option<&Json>) -> Result<u64, DraftError> {
    match format {
        None => {}
        Some(Json::String(format)) if format == DRAFT_FORMAT => {}
        Some(Json::String(other)) => return Err(DraftError::OtherFormat(other.clone())),
        Some(other) => {
            return Err(DraftError::malformed("format", format!("expected \"{DRAFT_FORMAT}\", found {other}")))
        }
    }
    let version = match version {
        Some(Json::Number(n)) => n.as_u64().ok_or_else(|| {
            DraftError::malformed("formatVersion", format!("expected {DRAFT_FORMAT_VERSION}, found {n}"))
        })?,
        Some(other) => {
            return Err(DraftError::malformed(
                "formatVersion",
                format!("expected {DRAFT_FORMAT_VERSION}, found {other}"),
            ))
        }
        None => return Err(DraftError::malformed("", "missing field `formatVersion`")),
    };
    match (version, format.is_some()) {
        (1, true) => Err(DraftError::malformed(
            "format",
            "a version 1 draft has no \"format\" member; remove it or write formatVersion 2",
        )),
        (2, false) => Err(DraftError::malformed("", format!("missing field `format` (\"{DRAFT_FORMAT}\")"))),
        (1 | 2, _) => Ok(version),
        (other, _) => Err(DraftError::UnsupportedVersion(other)),
    }
}

/// The error of a draft's member, placed in `text` where it is given.
fn malformed(error: PathError, text: Option<&str>) -> DraftError {
    let mut path = error.path_text();
    // The tree forgets positions: the line and column of the path, found in the text.
    let position = text.and_then(|text| PositionIndex::new(text).nearest(&path));
    if path == "." {
        path.clear();
    }
    DraftError::Malformed { path, detail: error.message().to_owned(), position }
}

/// Reads a draft from a JSON value (the path serde takes, e.g. for LocalStorage).
impl TryFrom<Json> for DraftFile {
    type Error = DraftError;

    fn try_from(value: Json) -> Result<DraftFile, DraftError> {
        read_tree(&value)?.map_err(|error| malformed(error, None))
    }
}

/// Reads a draft from its JSON tree: `Err` when it is not a draft of a version this reads,
/// `Ok(Err(_))` when it is one but something in it is wrong (with the path of the first problem).
fn read_tree(value: &Json) -> Result<Result<DraftFile, PathError>, DraftError> {
    let Json::Object(map) = value else {
        return Err(DraftError::malformed("", "a draft file is a JSON object"));
    };
    Ok(if format_version(map.get("format"), map.get("formatVersion"))? == 1 {
        from_tree::<DraftV1>(value).map(DraftFile::from)
    } else {
        from_tree::<DraftV2>(value).map(DraftFile::from)
    })
}

impl DraftFile {
    /// Captures a session: its answers, the times of those whose change was stamped
    /// ([`Session::stamp_changes`]; an answer changed since the last stamp is written without a
    /// time) and its kept-aside answers. Call `stamp_changes(&meta.saved_at)` first.
    pub fn from_session(session: &Session, meta: &DraftMeta) -> DraftFile {
        let questionnaire = session.questionnaire();
        // Inserted one by one: collecting into a BTreeMap sorts first (another sort in the wasm).
        let mut answered_at = BTreeMap::new();
        for (q, question) in questionnaire.questions.iter().enumerate() {
            if let Some(at) = session.answered_at(QuestionIdx(q as u32)) {
                answered_at.insert(question.id.0.clone(), at.to_owned());
            }
        }
        DraftFile {
            format_version: DRAFT_FORMAT_VERSION,
            questionnaire_id: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version.clone(),
            questionnaire_sha256: Some(questionnaire.sha256.clone()),
            draft_id: meta.draft_id.clone(),
            name: meta.name.clone(),
            saved_at: meta.saved_at.clone(),
            revision: meta.revision,
            answers: session.answers_json(),
            answered_at,
            kept_aside: session.kept_aside().to_vec(),
        }
    }

    /// Reads a draft from JSON text, format version 1 or 2.
    ///
    /// Through a JSON tree, the one reader every format type has ([`crate::tree`]): reading
    /// straight from the text compiled serde_json's reader again for each draft version, 22 KiB
    /// of the app's wasm, to save well under a millisecond per draft of 2,000 answers.
    pub fn parse(text: &str) -> Result<DraftFile, DraftError> {
        // serde_json's words end with the line and column: taking them apart into `position`
        // cost the respondents' app 0.3 KiB, and its file field parses the text itself.
        let value: Json = serde_json::from_str(text).map_err(|e| DraftError::malformed("", e.to_string()))?;
        DraftFile::from_parsed(&value, text)
    }

    /// Reads a draft from the JSON tree a caller parsed from `text` already (e.g. to see what
    /// kind of file it is, [`crate::FileKind`]); `text` places a problem by line and column.
    /// The same as [`DraftFile::parse`] without parsing the text again.
    pub fn from_parsed(tree: &Json, text: &str) -> Result<DraftFile, DraftError> {
        read_tree(tree)?.map_err(|error| malformed(error, Some(text)))
    }

    /// The draft as JSON text (compact: what the browser stores and a draft file holds).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The draft's id, name, time and revision.
    pub fn meta(&self) -> DraftMeta {
        DraftMeta {
            draft_id: self.draft_id.clone(),
            name: self.name.clone(),
            saved_at: self.saved_at.clone(),
            revision: self.revision,
        }
    }

    /// How this draft, as found in storage, stands to the save a tab knows (the meta of its
    /// last load or save). Only [`SaveOrder::Same`] lets the tab save over it.
    pub fn compare_with(&self, known: &DraftMeta) -> SaveOrder {
        use std::cmp::Ordering;
        match self.revision.cmp(&known.revision) {
            Ordering::Greater => SaveOrder::StoredNewer,
            Ordering::Less => SaveOrder::StoredOlder,
            Ordering::Equal if self.saved_at == known.saved_at => SaveOrder::Same,
            Ordering::Equal => SaveOrder::Concurrent,
        }
    }

    /// Whether the questionnaire changed since the draft was saved: another version, or other
    /// content under the same version (where the draft recorded the hash).
    pub fn questionnaire_changed(&self, questionnaire: &Questionnaire) -> bool {
        self.questionnaire_version != questionnaire.version
            || self.questionnaire_sha256.as_ref().is_some_and(|sha| *sha != questionnaire.sha256)
    }

    /// Opens the draft as a session of `questionnaire` (which may be another version than the
    /// draft's): answers that fit carry, the others are kept aside with the reason, and the
    /// draft's earlier kept-aside answers stay. See the module doc and `docs/DRAFT.md`.
    pub fn restore(&self, questionnaire: Arc<Questionnaire>) -> Result<(Session, RestoreReport), DraftError> {
        if self.questionnaire_id != questionnaire.id {
            return Err(DraftError::OtherQuestionnaire {
                draft: self.questionnaire_id.clone(),
                loaded: questionnaire.id.clone(),
            });
        }
        let n = questionnaire.questions.len();
        let mut answers: Vec<Option<AnswerValue>> = questionnaire.questions.iter().map(|q| q.default.clone()).collect();
        let mut answered_at: Vec<Option<String>> = vec![None; n];
        let mut carried = Vec::new();
        let mut newly_kept_aside = Vec::new();
        let keep_aside = |question_id: &str, value: Json, reason| KeptAside {
            question_id: question_id.to_owned(),
            value,
            questionnaire_version: self.questionnaire_version.clone(),
            reason,
        };
        for (id, value) in &self.answers {
            let Some(idx) = questionnaire.question_idx(id) else {
                newly_kept_aside.push(keep_aside(id, value.clone(), KeptAsideReason::UnknownQuestion));
                continue;
            };
            let fit = carry::fit(questionnaire.question(idx), value);
            answers[idx.get()] = fit.answer;
            if let Some(how) = fit.how {
                carried.push(CarriedAnswer { question: idx, how });
                answered_at[idx.get()] = self.answered_at.get(id).cloned();
            }
            newly_kept_aside.extend(fit.aside.into_iter().map(|(value, reason)| keep_aside(id, value, reason)));
        }
        // One entry per question: no two keys are equal.
        carried.sort_unstable_by_key(|c| c.question);
        let mut kept_aside = self.kept_aside.clone();
        kept_aside.extend(newly_kept_aside.iter().cloned());
        let report = RestoreReport {
            draft_questionnaire_version: self.questionnaire_version.clone(),
            draft_questionnaire_sha256: self.questionnaire_sha256.clone(),
            questionnaire_changed: self.questionnaire_changed(&questionnaire),
            carried,
            newly_kept_aside,
            kept_aside_total: kept_aside.len(),
        };
        Ok((Session::from_parts(questionnaire, answers, answered_at, kept_aside), report))
    }
}
