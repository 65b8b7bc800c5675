//! Verifying many submission files at once: one [`FileReport`] per input, then [`settle`]
//! decides which valid submissions supersede which.
//!
//! A file goes through these checks in order, and the first that fails is its reason
//! ([`InvalidKind`]): it could be read and is not too large; it is JSON; it is a submission; of a
//! format version this Bogen reads; well formed; its signature holds; its questionnaire (id and
//! version) is known; the known file of that id and version has the hash the submission names;
//! its answers fit that questionnaire ([`bogen_engine::submission::check_against`]).
//!
//! A submission whose questionnaire is not known is *invalid*, also when its signature holds:
//! without the questionnaire nobody can check its answers or put them in columns. Its report
//! still names the signer's fingerprint, so the office sees whose it is.

use bogen_engine::encoding::NotText;
use bogen_engine::signing::{JsonError, SignatureError, MAX_FILE_BYTES};
use bogen_engine::submission::{
    check_against, respondent_kind, respondent_name, same_respondent_name, short_digest, QuestionnaireStamp,
    SubmissionError,
};
use bogen_engine::{verify_submission, FileKind, Lang, Questionnaire};
use serde_json::{json, Value as Json};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

/// The questionnaires the office knows: submissions are checked against them.
#[derive(Debug, Clone, Default)]
pub struct KnownQuestionnaires {
    list: Vec<Arc<Questionnaire>>,
}

/// What [`KnownQuestionnaires::find`] found for a submission's stamp.
#[derive(Debug)]
pub enum Lookup<'a> {
    /// The questionnaire answered.
    Found(&'a Arc<Questionnaire>),
    /// Questionnaires of that id and version are known, but none has the hash the submission
    /// names: the file was changed without a new version.
    HashMismatch {
        /// The hashes of the known files of that id and version.
        known: Vec<&'a str>,
    },
    /// No questionnaire of that id and version is known.
    Unknown,
}

impl KnownQuestionnaires {
    /// No questionnaire yet.
    pub fn new() -> KnownQuestionnaires {
        KnownQuestionnaires::default()
    }

    /// Adds a questionnaire; the same file (id, version and hash) twice counts once.
    pub fn add(&mut self, questionnaire: Arc<Questionnaire>) {
        let same = |q: &Arc<Questionnaire>| {
            q.id == questionnaire.id && q.version == questionnaire.version && q.sha256 == questionnaire.sha256
        };
        if !self.list.iter().any(same) {
            self.list.push(questionnaire);
        }
    }

    /// Every known questionnaire, in the order added.
    pub fn list(&self) -> &[Arc<Questionnaire>] {
        &self.list
    }

    /// The questionnaire a submission names.
    pub fn find(&self, stamp: &QuestionnaireStamp) -> Lookup<'_> {
        let same_version: Vec<&Arc<Questionnaire>> =
            self.list.iter().filter(|q| q.id == stamp.id && q.version == stamp.version).collect();
        match same_version.iter().find(|q| q.sha256 == stamp.sha256) {
            Some(q) => Lookup::Found(q),
            None if same_version.is_empty() => Lookup::Unknown,
            None => Lookup::HashMismatch { known: same_version.iter().map(|q| q.sha256.as_str()).collect() },
        }
    }

    /// "`a` 1.0.0, `b` 2.0.0", for messages.
    fn names(&self) -> String {
        if self.list.is_empty() {
            return "none".to_owned();
        }
        self.list.iter().map(|q| format!("{} {}", q.id, q.version)).collect::<Vec<_>>().join(", ")
    }
}

/// One input as the caller could read it. The caller checks the size *before* reading (from the
/// file's metadata, or `File.size` in the browser) so that a huge file is never read into memory.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    /// The file's bytes.
    Bytes(&'a [u8]),
    /// The file is larger than [`MAX_FILE_BYTES`] and was not read.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// The file could not be read (the reason from the operating system or browser).
    Unreadable(&'a str),
}

/// [`Content`] that owns what was read: what the CLI and the office page keep of a file between
/// reading it and checking it.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// The file's bytes.
    Bytes(Vec<u8>),
    /// Larger than [`MAX_FILE_BYTES`]: not read.
    TooLarge(u64),
    /// Why it could not be read.
    Unreadable(String),
}

impl Loaded {
    /// The file as [`verify_file`] takes it.
    pub fn content(&self) -> Content<'_> {
        match self {
            Loaded::Bytes(bytes) => Content::Bytes(bytes),
            Loaded::TooLarge(bytes) => Content::TooLarge { bytes: *bytes },
            Loaded::Unreadable(reason) => Content::Unreadable(reason),
        }
    }
}

/// The status of one input.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// A valid submission that counts.
    Valid,
    /// A valid submission replaced by a later one of the same key and questionnaire.
    Superseded {
        /// The file that replaces it.
        by: String,
    },
    /// Not a valid submission.
    Invalid(Invalid),
}

/// Why an input is not a valid submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    /// Which check failed.
    pub kind: InvalidKind,
    /// What is wrong, in one sentence (English, like the engine's messages).
    pub message: String,
    /// For [`InvalidKind::AnswersDoNotFit`]: each problem (else empty).
    pub problems: Vec<String>,
    /// Which case of its kind it is, where the office's next step differs.
    pub cause: Cause,
}

/// Which case of its [`InvalidKind`] an invalid file is, where what the office should do differs
/// from the kind's usual advice (the CLI's hints and the office page's words follow it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Cause {
    /// Nothing more specific than the kind.
    #[default]
    Other,
    /// The file is empty (or only white space).
    Empty,
    /// The JSON ends early: the file was cut off (an incomplete download or copy).
    CutOff,
    /// A draft file instead of the signed submission.
    Draft,
    /// A key file instead of a submission.
    KeyFile,
    /// The file has no signature.
    Unsigned,
    /// The signature's public key holds its private part: the key is compromised.
    PrivateKeyLeaked,
    /// The signature does not match the content: the file was changed after it was signed.
    Changed,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if !self.problems.is_empty() {
            write!(f, ": {}", self.problems.join("; "))?;
        }
        Ok(())
    }
}

/// Which check an invalid input failed, in the order they are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvalidKind {
    /// The file could not be read.
    Unreadable,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not UTF-8 JSON, nested too deeply, or with a key twice in one object.
    NotJson,
    /// JSON, but not a Bogen submission.
    NotASubmission,
    /// A submission of a format version this Bogen does not read.
    UnknownFormatVersion,
    /// A submission whose members are not of the documented shape.
    Malformed,
    /// The signature is missing, malformed or does not match the content.
    SignatureInvalid,
    /// The questionnaire (id and version) is not known.
    UnknownQuestionnaire,
    /// A questionnaire of that id and version is known, with another hash.
    QuestionnaireHashMismatch,
    /// The answers do not fit the questionnaire.
    AnswersDoNotFit,
}

impl InvalidKind {
    /// The stable code of the kind, as in `bogen verify --json`.
    pub fn code(self) -> &'static str {
        match self {
            InvalidKind::Unreadable => "unreadable",
            InvalidKind::TooLarge => "too-large",
            InvalidKind::NotJson => "not-json",
            InvalidKind::NotASubmission => "not-a-submission",
            InvalidKind::UnknownFormatVersion => "unknown-format-version",
            InvalidKind::Malformed => "malformed",
            InvalidKind::SignatureInvalid => "signature-invalid",
            InvalidKind::UnknownQuestionnaire => "unknown-questionnaire",
            InvalidKind::QuestionnaireHashMismatch => "questionnaire-hash-mismatch",
            InvalidKind::AnswersDoNotFit => "answers-do-not-fit",
        }
    }
}

/// The answers of a valid submission, with the questionnaire they fit.
#[derive(Debug, Clone)]
pub struct CheckedAnswers {
    /// The questionnaire answered.
    pub questionnaire: Arc<Questionnaire>,
    /// The answers by question id, in the JSON form of `docs/FORMAT.md` section 12.
    pub values: BTreeMap<String, Json>,
}

/// What was found out about one input. Fields are `None` where the check that would tell them
/// was not reached: an unreadable file has no fingerprint, a submission of an unknown
/// questionnaire has a fingerprint but no municipality.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The name the caller gave (a path in the CLI, a file name in the browser).
    pub file: String,
    /// Valid, superseded or invalid.
    pub status: Status,
    /// The signer's fingerprint, once the signature holds.
    pub fingerprint: Option<String>,
    /// The questionnaire the submission names, once it is well formed.
    pub questionnaire: Option<QuestionnaireStamp>,
    /// The respondent's name (the municipality), once the questionnaire is known.
    pub municipality: Option<String>,
    /// The respondent's kind, as the option's German label (e.g. "Landkreis").
    pub kind: Option<String>,
    /// When it was signed (RFC 3339, UTC), once it is well formed.
    pub created_at: Option<String>,
    /// The digest of questionnaire and answers (lowercase hex SHA-256), once the signature holds.
    pub digest: Option<String>,
    /// The answers, for valid and superseded submissions only.
    pub answers: Option<CheckedAnswers>,
    /// For a superseded submission: the municipality the file that supersedes it names, when
    /// that is another one than this file's. One key signs for one municipality; two names mean
    /// either a renamed entry or one browser (so one key) used for two municipalities, and only
    /// the office, asking both, can tell which.
    pub superseded_by_other_name: Option<String>,
    /// For a superseded submission: the file that supersedes it holds the same answers,
    /// signed at the same time: a copy (saved twice, or sent again), not a newer submission.
    pub superseded_as_copy: bool,
}

impl FileReport {
    fn new(file: &str) -> FileReport {
        FileReport {
            file: file.to_owned(),
            status: Status::Valid,
            fingerprint: None,
            questionnaire: None,
            municipality: None,
            kind: None,
            created_at: None,
            digest: None,
            answers: None,
            superseded_by_other_name: None,
            superseded_as_copy: false,
        }
    }

    fn invalid_because(mut self, kind: InvalidKind, cause: Cause, message: String) -> FileReport {
        self.status = Status::Invalid(Invalid { kind, message, problems: Vec::new(), cause });
        self.answers = None;
        self
    }

    fn invalid(mut self, kind: InvalidKind, message: String) -> FileReport {
        self.status = Status::Invalid(Invalid { kind, message, problems: Vec::new(), cause: Cause::Other });
        self.answers = None;
        self
    }

    /// The digest as printed on paper (`3f2a 9c01 77be 0d4e`).
    pub fn short_digest(&self) -> Option<String> {
        self.digest.as_deref().map(short_digest)
    }

    /// Whether the file is a valid submission (superseded or not).
    pub fn is_valid(&self) -> bool {
        !matches!(self.status, Status::Invalid(_))
    }

    /// The report as JSON, with the keys `bogen verify --json` documents (every key always
    /// present, `null` where unknown).
    pub fn to_json(&self) -> Json {
        let (status, superseded_by, reason) = match &self.status {
            Status::Valid => ("valid", Json::Null, Json::Null),
            Status::Superseded { by } => ("superseded", Json::from(by.as_str()), Json::Null),
            Status::Invalid(invalid) => (
                "invalid",
                Json::Null,
                json!({"kind": invalid.kind.code(), "message": invalid.message, "problems": invalid.problems}),
            ),
        };
        json!({
            "file": self.file,
            "status": status,
            "supersededBy": superseded_by,
            "reason": reason,
            "fingerprint": self.fingerprint,
            "questionnaire": self.questionnaire.as_ref().map(|q| json!({"id": q.id, "version": q.version, "sha256": q.sha256})),
            "municipality": self.municipality,
            "kind": self.kind,
            "createdAt": self.created_at,
            "digest": self.digest,
            "supersededByOtherMunicipality": self.superseded_by_other_name,
        })
    }
}

/// Checks one input against the known questionnaires. Never panics on any input.
pub fn verify_file(file: &str, content: Content<'_>, known: &KnownQuestionnaires) -> FileReport {
    let report = FileReport::new(file);
    let bytes = match content {
        Content::Bytes(bytes) if bytes.len() > MAX_FILE_BYTES => {
            return too_large(report, bytes.len() as u64);
        }
        Content::Bytes(bytes) => bytes,
        Content::TooLarge { bytes } => return too_large(report, bytes),
        Content::Unreadable(reason) => {
            return report.invalid(InvalidKind::Unreadable, format!("the file could not be read: {reason}"))
        }
    };
    // An editor that saved the file again as "Unicode" wrote UTF-16; the signature is over the
    // JSON, not its encoding, so such a file is read rather than lost (`encoding`).
    let text = match bogen_engine::encoding::decode(bytes) {
        Ok(text) => text,
        Err(NotText::Binary(what)) => {
            return report.invalid(
                InvalidKind::NotJson,
                format!(
                    "not JSON: the file is {what}, not a submission; ask the municipality for the .json file the app \
                     exported"
                ),
            )
        }
        Err(not_text) => {
            return report.invalid(
                InvalidKind::NotJson,
                format!("not JSON: {not_text}: ask the municipality for the file as the app exported it"),
            )
        }
    };
    let text: &str = &text;
    if text.trim().is_empty() {
        return report.invalid_because(
            InvalidKind::NotJson,
            Cause::Empty,
            "not JSON: the file is empty; ask the municipality to send it again".to_owned(),
        );
    }
    let verified = match verify_submission(text) {
        Ok(verified) => verified,
        Err(error) => {
            let (kind, cause) = match &error {
                SubmissionError::NotJson(JsonError::TooLarge { .. }) => (InvalidKind::TooLarge, Cause::Other),
                SubmissionError::NotJson(JsonError::Syntax { line, column, .. }) if ends_early(text) => {
                    // serde_json's column is 0 just after a line break: the file ended with that line.
                    let at = if *column == 0 {
                        format!("after line {}", line.saturating_sub(1).max(1))
                    } else {
                        format!("at line {line}, column {column}")
                    };
                    let message = format!(
                        "not JSON: the file ends early ({at}): it was cut off, e.g. by an incomplete download or \
                         copy; ask the municipality to send it again"
                    );
                    return report.invalid_because(InvalidKind::NotJson, Cause::CutOff, message);
                }
                SubmissionError::NotJson(_) => (InvalidKind::NotJson, Cause::Other),
                SubmissionError::NotASubmission { kind, .. } => (InvalidKind::NotASubmission, cause_of(kind)),
                SubmissionError::UnknownFormatVersion(_) => (InvalidKind::UnknownFormatVersion, Cause::Other),
                SubmissionError::Signature(SignatureError::Missing) => (InvalidKind::SignatureInvalid, Cause::Unsigned),
                SubmissionError::Signature(SignatureError::Invalid) => (InvalidKind::SignatureInvalid, Cause::Changed),
                SubmissionError::Signature(_) if holds_private_key(text) => {
                    (InvalidKind::SignatureInvalid, Cause::PrivateKeyLeaked)
                }
                SubmissionError::Signature(_) => (InvalidKind::SignatureInvalid, Cause::Other),
                _ => (InvalidKind::Malformed, Cause::Other),
            };
            return report.invalid_because(kind, cause, error.to_string());
        }
    };
    let stamp = verified.file.questionnaire.clone();
    let mut report = FileReport {
        fingerprint: Some(verified.fingerprint.to_string()),
        questionnaire: Some(stamp.clone()),
        created_at: Some(verified.file.created_at.clone()),
        digest: Some(verified.answers_digest.clone()),
        ..report
    };
    let questionnaire = match known.find(&stamp) {
        Lookup::Found(q) => Arc::clone(q),
        Lookup::Unknown => {
            let message = format!(
                "unknown questionnaire \"{}\" version {}, so its answers could not be checked (known: {}); the signature holds",
                stamp.id,
                stamp.version,
                known.names()
            );
            return report.invalid(InvalidKind::UnknownQuestionnaire, message);
        }
        Lookup::HashMismatch { known } => {
            let message = format!(
                "questionnaire hash mismatch: the submission answers \"{}\" version {} with sha256 {}, but the known file of that id and version has sha256 {}: the questionnaire was changed without a new version; find the file the respondent filled in",
                stamp.id,
                stamp.version,
                stamp.sha256,
                known.join(" or ")
            );
            return report.invalid(InvalidKind::QuestionnaireHashMismatch, message);
        }
    };
    let answers = verified.file.answers;
    report.municipality = respondent_name(&questionnaire, &answers);
    report.kind = respondent_kind(&questionnaire, &answers, Lang::De);
    let problems = check_against(&answers, &questionnaire);
    if !problems.is_empty() {
        let n = problems.len();
        let message = format!(
            "the answers do not fit \"{}\" version {} ({n} problem{})",
            stamp.id,
            stamp.version,
            if n == 1 { "" } else { "s" }
        );
        report.status = Status::Invalid(Invalid {
            kind: InvalidKind::AnswersDoNotFit,
            message,
            problems: problems.iter().map(ToString::to_string).collect(),
            cause: Cause::Other,
        });
        return report;
    }
    report.answers = Some(CheckedAnswers { questionnaire, values: answers });
    report
}

/// Whether JSON text that does not parse ends before its values do (a cut-off file), as
/// serde_json classifies it. Only called for a file that failed already.
fn ends_early(text: &str) -> bool {
    serde_json::from_str::<Json>(text).is_err_and(|e| e.classify() == serde_json::error::Category::Eof)
}

/// What the office does about a file of another kind than a submission: a draft or a key file
/// has advice of its own.
fn cause_of(kind: &FileKind) -> Cause {
    match kind {
        FileKind::Draft => Cause::Draft,
        FileKind::KeyFile => Cause::KeyFile,
        FileKind::Questionnaire
        | FileKind::Submission
        | FileKind::TrustedKeys
        | FileKind::Other(_)
        | FileKind::NotAnObject => Cause::Other,
    }
}

/// Whether the signature's public key carries a private part `"d"` (only called for a file
/// whose signature was refused).
fn holds_private_key(text: &str) -> bool {
    serde_json::from_str::<Json>(text).is_ok_and(|v| v.pointer("/signature/publicKey/d").is_some())
}

fn too_large(report: FileReport, bytes: u64) -> FileReport {
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let message = format!(
        "the file is {:.1} MiB; files larger than {} MiB are not read",
        mib(bytes),
        MAX_FILE_BYTES / (1024 * 1024)
    );
    report.invalid(InvalidKind::TooLarge, message)
}

/// Marks superseded submissions: among the valid reports with the same fingerprint and
/// questionnaire id (any version), the one signed last counts (by `createdAt`; at the same time,
/// the later file name), and each other one becomes [`Status::Superseded`] naming it.
/// Call it once, after every input is verified.
pub fn settle(reports: &mut [FileReport]) {
    let mut latest: HashMap<(String, String), usize> = HashMap::new();
    for (i, report) in reports.iter().enumerate() {
        let (Status::Valid, Some(key)) = (&report.status, supersession_key(report)) else {
            continue;
        };
        match latest.get(&key) {
            Some(&j) if is_later(&reports[j], report) => {}
            _ => {
                latest.insert(key, i);
            }
        }
    }
    let winners: Vec<(usize, usize)> = reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == Status::Valid)
        .filter_map(|(i, r)| {
            let winner = *latest.get(&supersession_key(r)?)?;
            (winner != i).then_some((i, winner))
        })
        .collect();
    for (i, winner) in winners {
        let other_name = match (&reports[i].municipality, &reports[winner].municipality) {
            (Some(mine), Some(theirs)) if !same_respondent_name(mine, theirs) => Some(theirs.clone()),
            _ => None,
        };
        let copy = reports[i].created_at == reports[winner].created_at && reports[i].digest == reports[winner].digest;
        reports[i].status = Status::Superseded { by: reports[winner].file.clone() };
        reports[i].superseded_by_other_name = other_name;
        reports[i].superseded_as_copy = copy;
    }
}

fn supersession_key(report: &FileReport) -> Option<(String, String)> {
    Some((report.fingerprint.clone()?, report.questionnaire.as_ref()?.id.clone()))
}

/// Whether `a` was signed after `b` (or at the same time, with a later file name).
fn is_later(a: &FileReport, b: &FileReport) -> bool {
    let time = |r: &FileReport| r.created_at.as_deref().map(time_key);
    match time(a).cmp(&time(b)) {
        Ordering::Equal => a.file > b.file,
        order => order == Ordering::Greater,
    }
}

/// An RFC 3339 UTC time (`2026-11-27T10:15:00.5Z`) as something that sorts by time: the
/// seconds part as written (digits in fixed places), then the fraction padded to nanoseconds.
/// Text comparison alone would put `…:00.5Z` before `…:00Z`.
pub fn time_key(created_at: &str) -> (String, u64) {
    let head: String = created_at.chars().take(19).map(|c| c.to_ascii_uppercase()).collect();
    let fraction: String = created_at
        .get(19..)
        .and_then(|rest| rest.strip_prefix('.'))
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).take(9).collect())
        .unwrap_or_default();
    let nanos = format!("{fraction:0<9}").parse().unwrap_or(0);
    (head, nanos)
}

/// How many inputs are valid, superseded and invalid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Valid and counting.
    pub valid: usize,
    /// Valid but replaced by a later submission.
    pub superseded: usize,
    /// Not valid submissions.
    pub invalid: usize,
}

/// Counts the reports by status.
pub fn count(reports: &[FileReport]) -> Counts {
    let mut counts = Counts::default();
    for report in reports {
        match report.status {
            Status::Valid => counts.valid += 1,
            Status::Superseded { .. } => counts.superseded += 1,
            Status::Invalid(_) => counts.invalid += 1,
        }
    }
    counts
}

/// The reports as the JSON of `bogen verify --json`:
/// `{"files": [FileReport::to_json…], "summary": {"valid": n, "superseded": n, "invalid": n}}`.
pub fn reports_json(reports: &[FileReport]) -> Json {
    let counts = count(reports);
    json!({
        "files": reports.iter().map(FileReport::to_json).collect::<Vec<_>>(),
        "summary": {"valid": counts.valid, "superseded": counts.superseded, "invalid": counts.invalid},
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{fingerprint, probe, session, signed};

    const AT: &str = "2004-09-29T14:05:00Z";

    fn known() -> KnownQuestionnaires {
        let mut known = KnownQuestionnaires::new();
        known.add(probe());
        known
    }

    fn verify(text: &str) -> FileReport {
        verify_file("a.json", Content::Bytes(text.as_bytes()), &known())
    }

    fn invalid(report: &FileReport) -> &Invalid {
        match &report.status {
            Status::Invalid(invalid) => invalid,
            other => panic!("{} is {other:?}, not invalid", report.file),
        }
    }

    fn valid_text() -> String {
        signed(&session(&probe(), "Gießen", &["Sprachkurse"]), AT, 42)
    }

    #[test]
    fn a_valid_submission_reports_its_signer_municipality_kind_time_and_digest() {
        let report = verify(&valid_text());
        assert_eq!(report.status, Status::Valid);
        assert_eq!(report.fingerprint.as_deref(), Some(fingerprint(42).as_str()));
        assert_eq!(report.municipality.as_deref(), Some("Gießen"));
        assert_eq!(report.kind.as_deref(), Some("Landkreis"));
        assert_eq!(report.created_at.as_deref(), Some(AT));
        let stamp = report.questionnaire.as_ref().unwrap();
        assert_eq!((stamp.id.as_str(), stamp.version.as_str()), ("probe", "1.0.0"));
        assert_eq!(report.digest.as_ref().unwrap().len(), 64);
        assert_eq!(report.short_digest().unwrap().len(), 19);
        let answers = report.answers.as_ref().unwrap();
        assert_eq!(answers.values["name"], json!("Gießen"));
    }

    #[test]
    fn a_file_signed_by_another_key_is_valid_and_shows_that_key() {
        let text = signed(&session(&probe(), "Gießen", &[]), AT, 7);
        let report = verify(&text);
        assert_eq!(report.status, Status::Valid);
        assert_eq!(report.fingerprint.as_deref(), Some(fingerprint(7).as_str()));
        assert_ne!(report.fingerprint.as_deref(), Some(fingerprint(42).as_str()));
    }

    #[test]
    fn a_byte_order_mark_before_the_json_is_accepted() {
        let text = format!("\u{feff}{}", valid_text());
        assert_eq!(verify(&text).status, Status::Valid);
    }

    #[test]
    fn a_submission_saved_again_as_utf_16_is_read_and_still_verifies() {
        let text = valid_text();
        for little_endian in [true, false] {
            let mut bytes: Vec<u8> = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
            for unit in text.encode_utf16() {
                bytes.extend(if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
            let report = verify_file("a", Content::Bytes(&bytes), &known());
            assert_eq!(report.status, Status::Valid, "little endian: {little_endian}");
        }
        // Without its byte order mark it is not guessed at.
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let report = verify_file("a", Content::Bytes(&bytes), &known());
        assert!(matches!(report.status, Status::Invalid(Invalid { kind: InvalidKind::NotJson, .. })), "{report:?}");
    }

    #[test]
    fn every_failed_check_has_its_own_kind_and_message() {
        let text = valid_text();
        let cases: Vec<(FileReport, InvalidKind, &str)> = vec![
            (
                verify_file("a", Content::Unreadable("Permission denied (os error 13)"), &known()),
                InvalidKind::Unreadable,
                "the file could not be read: Permission denied (os error 13)",
            ),
            (
                verify_file("a", Content::TooLarge { bytes: 100 * 1024 * 1024 }, &known()),
                InvalidKind::TooLarge,
                "the file is 100.0 MiB; files larger than 16 MiB are not read",
            ),
            (verify("{\"format\": "), InvalidKind::NotJson, "not JSON: the file ends early (at line 1, column 11)"),
            (
                verify_file("a", Content::Bytes(b"{\"a\": \"\xff\"}"), &known()),
                InvalidKind::NotJson,
                "not JSON: the file is not UTF-8 text (byte 8 is not, on line 1); it was saved in another encoding: \
                 ask the municipality for the file as the app exported it",
            ),
            (
                verify_file("a", Content::Bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), &known()),
                InvalidKind::NotJson,
                "not JSON: the file is a PDF document, not a submission; ask the municipality for the .json file the \
                 app exported",
            ),
            (
                verify(&("[".repeat(10_000) + &"]".repeat(10_000))),
                InvalidKind::NotJson,
                "not JSON: nested too deeply (more than 128 lists or objects inside each other; no Bogen file is)",
            ),
            (verify("[1, 2]"), InvalidKind::NotASubmission, "not a submission: the file is not a JSON object"),
            (
                verify(crate::fixtures::PROBE),
                InvalidKind::NotASubmission,
                "not a submission: it looks like a questionnaire file",
            ),
            (
                verify(&text.replace("\"formatVersion\": 1", "\"formatVersion\": 2")),
                InvalidKind::UnknownFormatVersion,
                "unknown submission format version 2",
            ),
            (verify(&text.replace(AT, "yesterday")), InvalidKind::Malformed, "malformed submission: createdAt"),
            (verify(&text.replace("\"Gießen\"", "\"Marburg\"")), InvalidKind::SignatureInvalid, "signature invalid: "),
        ];
        for (report, kind, message) in cases {
            let invalid = invalid(&report);
            assert_eq!(invalid.kind, kind, "{invalid}");
            assert!(invalid.message.starts_with(message), "{kind:?}: {}", invalid.message);
            assert_eq!(report.fingerprint, None, "{kind:?}: the signature was not checked");
            assert!(report.answers.is_none());
        }
    }

    #[test]
    fn cases_that_need_another_next_step_are_told_apart() {
        let text = valid_text();
        let cause = |report: &FileReport| (invalid(report).kind, invalid(report).cause);
        let empty = verify(" \n");
        assert_eq!(cause(&empty), (InvalidKind::NotJson, Cause::Empty));
        assert_eq!(invalid(&empty).message, "not JSON: the file is empty; ask the municipality to send it again");
        let cut = verify(&text[..text.len() / 2]);
        assert_eq!(cause(&cut), (InvalidKind::NotJson, Cause::CutOff));
        assert!(invalid(&cut).message.contains("cut off") && invalid(&cut).message.contains("send it again"));
        let cut_at_a_line_end = verify("{\n\"format\": \"bogen-submission\",\n");
        assert!(invalid(&cut_at_a_line_end).message.contains("(after line 2)"), "{}", invalid(&cut_at_a_line_end));
        assert_eq!(cause(&verify("{\"format\": \"x\" oops}")), (InvalidKind::NotJson, Cause::Other));
        assert_eq!(cause(&verify(r#"{"format": "bogen-draft"}"#)), (InvalidKind::NotASubmission, Cause::Draft));
        assert_eq!(cause(&verify(r#"{"format": "bogen-key"}"#)), (InvalidKind::NotASubmission, Cause::KeyFile));
        // A draft of format version 1 has no `format`; it is still a draft, with the draft's advice.
        let v1_draft = r#"{"formatVersion": 1, "questionnaireId": "q", "questionnaireVersion": "1", "savedAt": "x", "answers": {}}"#;
        assert_eq!(cause(&verify(v1_draft)), (InvalidKind::NotASubmission, Cause::Draft));
        assert!(invalid(&verify(v1_draft)).message.contains("it is a draft file"), "{}", invalid(&verify(v1_draft)));
        assert_eq!(cause(&verify(r#"{"format": "bogen-trusted-keys"}"#)), (InvalidKind::NotASubmission, Cause::Other));
        let mut unsigned: Json = serde_json::from_str(&text).unwrap();
        unsigned.as_object_mut().unwrap().remove("signature");
        assert_eq!(cause(&verify(&unsigned.to_string())), (InvalidKind::SignatureInvalid, Cause::Unsigned));
        let changed = verify(&text.replace("\"Gießen\"", "\"Marburg\""));
        assert_eq!(cause(&changed), (InvalidKind::SignatureInvalid, Cause::Changed));
        let mut leaked: Json = serde_json::from_str(&text).unwrap();
        leaked["signature"]["publicKey"]["d"] = Json::from("AAAA");
        assert_eq!(cause(&verify(&leaked.to_string())), (InvalidKind::SignatureInvalid, Cause::PrivateKeyLeaked));
        let mut no_algorithm: Json = serde_json::from_str(&text).unwrap();
        no_algorithm["signature"]["algorithm"] = Json::from("RSA");
        assert_eq!(cause(&verify(&no_algorithm.to_string())), (InvalidKind::SignatureInvalid, Cause::Other));
    }

    #[test]
    fn a_submission_of_an_unknown_questionnaire_is_invalid_but_names_its_signer() {
        let report = verify_file("a.json", Content::Bytes(valid_text().as_bytes()), &KnownQuestionnaires::new());
        let problem = invalid(&report);
        assert_eq!(problem.kind, InvalidKind::UnknownQuestionnaire);
        assert_eq!(
            problem.message,
            "unknown questionnaire \"probe\" version 1.0.0, so its answers could not be checked (known: none); the signature holds"
        );
        assert_eq!(report.fingerprint.as_deref(), Some(fingerprint(42).as_str()));
        assert_eq!(report.municipality, None);
    }

    #[test]
    fn a_questionnaire_changed_without_a_new_version_is_a_hash_mismatch() {
        let changed = crate::fixtures::PROBE.replace("\"Einwohner\"", "\"Einwohnerzahl\"");
        let changed = Arc::new(bogen_engine::compile(&changed).unwrap());
        let mut known = KnownQuestionnaires::new();
        known.add(Arc::clone(&changed));
        let report = verify_file("a.json", Content::Bytes(valid_text().as_bytes()), &known);
        let problem = invalid(&report);
        assert_eq!(problem.kind, InvalidKind::QuestionnaireHashMismatch);
        assert!(problem.message.contains(&probe().sha256), "{}", problem.message);
        assert!(problem.message.contains(&changed.sha256), "{}", problem.message);
        // With the file that was filled in known as well, the same submission is valid.
        known.add(probe());
        let report = verify_file("a.json", Content::Bytes(valid_text().as_bytes()), &known);
        assert_eq!(report.status, Status::Valid);
    }

    #[test]
    fn answers_that_do_not_fit_are_invalid_with_every_problem_listed() {
        let questionnaire = probe();
        let mut unfinished = Session::new(Arc::clone(&questionnaire));
        let name = questionnaire.question_idx("name").unwrap();
        unfinished.set_answer(name, Some(bogen_engine::AnswerValue::Text("Belm".into())));
        let report = verify(&signed(&unfinished, AT, 42));
        let problem = invalid(&report);
        assert_eq!(problem.kind, InvalidKind::AnswersDoNotFit);
        assert_eq!(problem.message, "the answers do not fit \"probe\" version 1.0.0 (1 problem)");
        assert_eq!(problem.problems, vec!["\"kind\": a required answer is missing".to_owned()]);
        assert_eq!(
            problem.to_string(),
            "the answers do not fit \"probe\" version 1.0.0 (1 problem): \"kind\": a required answer is missing"
        );
        assert_eq!(report.municipality.as_deref(), Some("Belm"));
        assert_eq!(report.fingerprint.as_deref(), Some(fingerprint(42).as_str()));
    }

    use bogen_engine::Session;

    fn report_of(file: &str, seed: u8, created_at: &str) -> FileReport {
        let text = signed(&session(&probe(), "Gießen", &[]), created_at, seed);
        verify_file(file, Content::Bytes(text.as_bytes()), &known())
    }

    fn statuses(reports: &[FileReport]) -> Vec<(&str, Status)> {
        reports.iter().map(|r| (r.file.as_str(), r.status.clone())).collect()
    }

    fn superseded_by(by: &str) -> Status {
        Status::Superseded { by: by.to_owned() }
    }

    #[test]
    fn the_latest_submission_of_a_key_and_questionnaire_supersedes_the_earlier_ones() {
        let mut reports = vec![
            report_of("b.json", 1, "2004-09-29T14:05:00Z"),
            report_of("a.json", 1, "2004-09-30T08:00:00Z"),
            report_of("c.json", 1, "2004-09-28T23:59:59Z"),
            report_of("other-key.json", 2, "2004-09-01T00:00:00Z"),
        ];
        settle(&mut reports);
        assert_eq!(
            statuses(&reports),
            vec![
                ("b.json", superseded_by("a.json")),
                ("a.json", Status::Valid),
                ("c.json", superseded_by("a.json")),
                ("other-key.json", Status::Valid),
            ]
        );
        assert_eq!(count(&reports), Counts { valid: 2, superseded: 2, invalid: 0 });
    }

    #[test]
    fn a_copy_of_a_submission_counts_once_and_is_called_a_copy() {
        let text = signed(&session(&probe(), "Gießen", &[]), AT, 1);
        let later = signed(&session(&probe(), "Gießen", &[]), "2004-09-30T00:00:00Z", 1);
        let mut reports = vec![
            verify_file("giessen.json", Content::Bytes(text.as_bytes()), &known()),
            verify_file("giessen-kopie.json", Content::Bytes(text.as_bytes()), &known()),
            verify_file("giessen-neu.json", Content::Bytes(later.as_bytes()), &known()),
        ];
        settle(&mut reports);
        assert_eq!(count(&reports), Counts { valid: 1, superseded: 2, invalid: 0 });
        // Both copies are superseded by the later file; neither is a copy of it.
        assert!(!reports[0].superseded_as_copy && !reports[1].superseded_as_copy);
        reports.pop();
        reports.iter_mut().for_each(|r| r.status = Status::Valid);
        settle(&mut reports);
        // At the same time, the later file name counts.
        assert_eq!(reports[0].status, Status::Valid);
        assert_eq!(reports[1].status, superseded_by("giessen.json"));
        assert!(reports[1].superseded_as_copy);
        let workbook = crate::table::build_workbook(&reports, None);
        let files = workbook.sheets.iter().find(|sheet| sheet.name == crate::table::FILES_SHEET).unwrap();
        let copy = crate::table::Cell::Text(
            "a copy of giessen.json: the same answers, signed at the same time; they count once".to_owned(),
        );
        assert!(files.rows.iter().any(|row| row.contains(&copy)), "{:?}", files.rows);
    }

    #[test]
    fn a_submission_superseded_by_one_naming_another_municipality_says_which() {
        let of = |file: &str, name: &str, at: &str| {
            let text = signed(&session(&probe(), name, &[]), at, 1);
            verify_file(file, Content::Bytes(text.as_bytes()), &known())
        };
        let mut reports = vec![
            of("giessen.json", "Gießen", "2004-09-01T00:00:00Z"),
            of("wetzlar.json", "Wetzlar", "2004-09-03T00:00:00Z"),
        ];
        settle(&mut reports);
        assert_eq!(reports[0].status, superseded_by("wetzlar.json"));
        assert_eq!(reports[0].superseded_by_other_name.as_deref(), Some("Wetzlar"));
        assert_eq!(reports[0].to_json()["supersededByOtherMunicipality"], "Wetzlar");
        assert_eq!(reports[1].superseded_by_other_name, None);
        // Only case and spaces differ: the same municipality.
        let mut reports = vec![
            of("giessen.json", "Gießen", "2004-09-01T00:00:00Z"),
            of("neu.json", " gießen ", "2004-09-02T00:00:00Z"),
        ];
        settle(&mut reports);
        assert_eq!(reports[0].status, superseded_by("neu.json"));
        assert_eq!(reports[0].superseded_by_other_name, None);
        assert_eq!(reports[0].to_json()["supersededByOtherMunicipality"], Json::Null);
        assert!(same_respondent_name("Stadt  Gießen", "stadt gießen"));
        assert!(!same_respondent_name("Gießen", "Wetzlar"));
    }

    #[test]
    fn at_the_same_time_the_later_file_name_wins_and_fractions_of_a_second_count() {
        let mut reports = vec![
            report_of("y.json", 1, "2004-09-29T14:05:00Z"),
            report_of("x.json", 1, "2004-09-29T14:05:00Z"),
            report_of("frac.json", 2, "2004-09-29T14:05:00.5Z"),
            report_of("whole.json", 2, "2004-09-29T14:05:00Z"),
        ];
        settle(&mut reports);
        assert_eq!(
            statuses(&reports),
            vec![
                ("y.json", Status::Valid),
                ("x.json", superseded_by("y.json")),
                ("frac.json", Status::Valid),
                ("whole.json", superseded_by("frac.json")),
            ]
        );
    }

    #[test]
    fn an_invalid_file_supersedes_nothing_and_another_questionnaire_is_counted_apart() {
        let tampered = {
            let text = signed(&session(&probe(), "Gießen", &[]), "2005-01-01T00:00:00Z", 1);
            verify_file("late-but-tampered.json", Content::Bytes(text.replace("Gießen", "Kassel").as_bytes()), &known())
        };
        let other =
            Arc::new(bogen_engine::compile(&crate::fixtures::PROBE.replace("\"probe\"", "\"andere\"")).unwrap());
        let mut known = known();
        known.add(Arc::clone(&other));
        let other_questionnaire = {
            let text = signed(&session(&other, "Gießen", &[]), "2005-01-01T00:00:00Z", 1);
            verify_file("andere.json", Content::Bytes(text.as_bytes()), &known)
        };
        let mut reports = vec![report_of("early.json", 1, "2004-09-29T14:05:00Z"), tampered, other_questionnaire];
        settle(&mut reports);
        assert_eq!(reports[0].status, Status::Valid);
        assert_eq!(invalid(&reports[1]).kind, InvalidKind::SignatureInvalid);
        assert_eq!(reports[2].status, Status::Valid);
        assert_eq!(reports[2].questionnaire.as_ref().unwrap().id, "andere");
    }

    #[test]
    fn times_sort_by_time_not_by_text() {
        assert!(time_key("2004-09-29T14:05:00.5Z") > time_key("2004-09-29T14:05:00Z"));
        assert!(time_key("2004-09-29T14:05:00.05Z") < time_key("2004-09-29T14:05:00.5Z"));
        assert_eq!(time_key("2004-09-29t14:05:00.500z"), time_key("2004-09-29T14:05:00.5Z"));
        assert!(time_key("2004-09-29T14:05:01Z") > time_key("2004-09-29T14:05:00.999999999Z"));
    }

    #[test]
    fn the_json_of_a_report_has_every_key_always() {
        let mut reports = vec![
            report_of("a.json", 1, "2004-09-29T14:05:00Z"),
            report_of("b.json", 1, "2004-09-30T14:05:00Z"),
            verify("[]"),
        ];
        settle(&mut reports);
        let json = reports_json(&reports);
        let keys = [
            "file",
            "status",
            "supersededBy",
            "supersededByOtherMunicipality",
            "reason",
            "fingerprint",
            "questionnaire",
            "municipality",
            "kind",
            "createdAt",
            "digest",
        ];
        for file in json["files"].as_array().unwrap() {
            let object = file.as_object().unwrap();
            assert_eq!(object.len(), keys.len(), "{object:?}");
            assert!(keys.iter().all(|k| object.contains_key(*k)), "{object:?}");
        }
        assert_eq!(json["files"][0]["status"], "superseded");
        assert_eq!(json["files"][0]["supersededBy"], "b.json");
        assert_eq!(json["files"][1]["status"], "valid");
        assert_eq!(json["files"][1]["questionnaire"]["id"], "probe");
        assert_eq!(json["files"][1]["municipality"], "Gießen");
        assert_eq!(json["files"][2]["status"], "invalid");
        assert_eq!(json["files"][2]["reason"]["kind"], "not-a-submission");
        assert_eq!(json["files"][2]["reason"]["problems"], json!([]));
        assert_eq!(json["files"][2]["fingerprint"], Json::Null);
        assert_eq!(json["summary"], json!({"valid": 1, "superseded": 1, "invalid": 1}));
    }
}
