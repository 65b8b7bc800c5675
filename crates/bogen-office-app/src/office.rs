//! The office page's state without the browser: the dropped files in the order they came, each
//! checked through `bogen-office` exactly as `bogen verify` checks it, and the questionnaires
//! they are checked against. Pure and tested natively; the page only reads it and feeds it files.
//!
//! A dropped file is one of two things:
//!
//! - a **questionnaire file** (a JSON object with `formatVersion` and `sections`, as the engine
//!   recognises one): when it compiles, it joins the known questionnaires, so that submissions
//!   of it can be checked and tabulated, as `bogen verify --questionnaire FILE` does; when it
//!   does not, its row lists the problems;
//! - anything else is a **submission** as far as the page is concerned, valid or not
//!   ([`batch::verify_file`]).
//!
//! Files may come in any order and in several drops, so a submission whose questionnaire is
//! not known yet keeps its bytes and is checked again once a new questionnaire arrives
//! ([`Office::settle`]). The same file dropped twice (same name and content) is counted once.

use bogen_engine::{compile, Questionnaire};
use bogen_office::batch::{self, Content, FileReport, InvalidKind, KnownQuestionnaires, Status};
use bogen_office::table::{self, Workbook};
use std::collections::HashSet;
use std::sync::Arc;

/// The default questionnaire, built into the page (this page is not the respondents' bundle).
pub const DEFAULT_QUESTIONNAIRE: &str = include_str!("../../../questionnaire/erfolgreiche-integration-2005.json");

/// What the page holds: the known questionnaires and every dropped file.
#[derive(Debug, Clone)]
pub struct Office {
    built_in: KnownQuestionnaires,
    known: KnownQuestionnaires,
    rows: Vec<Row>,
    reports: Vec<FileReport>,
    /// Per report: bumped whenever its status changes, so the page redraws only those rows.
    revisions: Vec<u32>,
    waiting: Vec<Waiting>,
    seen: HashSet<(String, usize, u64)>,
    known_changed: bool,
}

/// One dropped file, in the order dropped.
#[derive(Debug, Clone)]
pub enum Row {
    /// A submission (valid or not): the index of its report in [`Office::reports`].
    Submission(usize),
    /// A questionnaire file.
    Questionnaire(QuestionnaireFile),
}

/// A dropped questionnaire file.
#[derive(Debug, Clone)]
pub struct QuestionnaireFile {
    /// The file's name.
    pub file: String,
    /// The questionnaire, or its problems as `bogen check` prints them (`FILE:line:col: path: message`).
    pub loaded: Result<LoadedQuestionnaire, Vec<String>>,
}

/// A dropped questionnaire that compiled.
#[derive(Debug, Clone)]
pub struct LoadedQuestionnaire {
    /// The questionnaire.
    pub questionnaire: Arc<Questionnaire>,
    /// Whether the same file (id, version and hash) was known already, e.g. the built-in one.
    pub already_known: bool,
}

/// A submission of a questionnaire not known when it was checked, kept to be checked again.
#[derive(Debug, Clone)]
struct Waiting {
    report: usize,
    bytes: Vec<u8>,
}

/// What [`Office::add`] did with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A new row.
    Row,
    /// The same file (name and content) is in the list already; nothing was added.
    Duplicate,
}

/// How many files are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Valid submissions that count.
    pub valid: usize,
    /// Valid submissions replaced by a later one of the same key and questionnaire.
    pub superseded: usize,
    /// Invalid files, broken questionnaire files included.
    pub invalid: usize,
    /// Questionnaire files that loaded.
    pub questionnaires: usize,
}

/// Which questionnaire (file) a table is made of: id, version and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireKey {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// The hash of its file.
    pub sha256: String,
}

impl QuestionnaireKey {
    /// The key of a questionnaire.
    pub fn of(questionnaire: &Questionnaire) -> QuestionnaireKey {
        QuestionnaireKey {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            sha256: questionnaire.sha256.clone(),
        }
    }

    /// Whether `questionnaire` is this one.
    pub fn is(&self, questionnaire: &Questionnaire) -> bool {
        self.id == questionnaire.id && self.version == questionnaire.version && self.sha256 == questionnaire.sha256
    }
}

impl Office {
    /// An empty list that knows the given questionnaires (the built-in ones).
    pub fn new(built_in: KnownQuestionnaires) -> Office {
        Office {
            known: built_in.clone(),
            built_in,
            rows: Vec::new(),
            reports: Vec::new(),
            revisions: Vec::new(),
            waiting: Vec::new(),
            seen: HashSet::new(),
            known_changed: false,
        }
    }

    /// An empty list that knows the default questionnaire, or its problems (a bug of the build).
    pub fn with_default_questionnaire() -> Result<Office, String> {
        let questionnaire =
            compile(DEFAULT_QUESTIONNAIRE).map_err(|problems| problems.render("built-in questionnaire"))?;
        let mut known = KnownQuestionnaires::new();
        known.add(Arc::new(questionnaire));
        Ok(Office::new(known))
    }

    /// Checks one file and adds its row. Call [`Office::settle`] after a batch of files (before
    /// the rows are shown): only then are supersession and late questionnaires taken into account.
    pub fn add(&mut self, name: &str, content: Content<'_>) -> Added {
        if let Content::Bytes(bytes) = content {
            if !self.seen.insert((name.to_owned(), bytes.len(), fnv1a(bytes))) {
                return Added::Duplicate;
            }
        }
        // Files of the same name (from different folders, or a name the app gives every
        // unnamed submission) get a number, so that their rows and spreadsheet lines differ.
        let name = &self.unique_name(name);
        let report = batch::verify_file(name, content, &self.known);
        if let (Status::Invalid(invalid), Content::Bytes(bytes)) = (&report.status, content) {
            match invalid.kind {
                InvalidKind::NotASubmission => {
                    if let Some(questionnaire) = self.questionnaire_file(name, bytes) {
                        self.rows.push(Row::Questionnaire(questionnaire));
                        return Added::Row;
                    }
                }
                InvalidKind::UnknownQuestionnaire | InvalidKind::QuestionnaireHashMismatch => {
                    self.waiting.push(Waiting { report: self.reports.len(), bytes: bytes.to_vec() });
                }
                _ => {}
            }
        }
        self.rows.push(Row::Submission(self.reports.len()));
        self.reports.push(report);
        self.revisions.push(0);
        Added::Row
    }

    /// `name`, or `name (2)`, `name (3)`, … when a row has that name already.
    fn unique_name(&self, name: &str) -> String {
        let taken = |candidate: &str| {
            self.reports.iter().any(|r| r.file == candidate)
                || self.rows.iter().any(|row| matches!(row, Row::Questionnaire(q) if q.file == candidate))
        };
        if !taken(name) {
            return name.to_owned();
        }
        (2..).map(|n| format!("{name} ({n})")).find(|candidate| !taken(candidate)).unwrap_or_else(|| name.to_owned())
    }

    /// The file as a questionnaire, if it is one (see the module doc); a new questionnaire joins
    /// the known ones.
    fn questionnaire_file(&mut self, name: &str, bytes: &[u8]) -> Option<QuestionnaireFile> {
        // Read as the submissions are (`encoding`): a questionnaire saved again as UTF-16 is one too.
        let text = bogen_engine::encoding::decode(bytes).ok()?;
        let text: &str = &text;
        let json: serde_json::Value = serde_json::from_str(text).ok()?;
        let object = json.as_object()?;
        if !(object.contains_key("formatVersion") && object.contains_key("sections")) {
            return None;
        }
        let loaded = match compile(text) {
            Ok(questionnaire) => {
                let questionnaire = Arc::new(questionnaire);
                let key = QuestionnaireKey::of(&questionnaire);
                let already_known = self.known.list().iter().any(|q| key.is(q));
                if !already_known {
                    self.known.add(Arc::clone(&questionnaire));
                    self.known_changed = true;
                }
                Ok(LoadedQuestionnaire { questionnaire, already_known })
            }
            Err(problems) => Err(problems.render(name).lines().map(str::to_owned).collect()),
        };
        Some(QuestionnaireFile { file: name.to_owned(), loaded })
    }

    /// Brings the statuses up to date after files were added: submissions that waited for their
    /// questionnaire are checked again if a new one came, then supersession is decided afresh
    /// over all valid submissions (a later drop may replace an earlier winner).
    pub fn settle(&mut self) {
        let before: Vec<Status> = self.reports.iter().map(|r| r.status.clone()).collect();
        if self.known_changed {
            self.known_changed = false;
            let (known, reports) = (&self.known, &mut self.reports);
            self.waiting.retain(|waiting| {
                let report = batch::verify_file(&reports[waiting.report].file, Content::Bytes(&waiting.bytes), known);
                let still_waiting = waits_for_questionnaire(&report);
                reports[waiting.report] = report;
                still_waiting
            });
        }
        for report in &mut self.reports {
            if matches!(report.status, Status::Superseded { .. }) {
                report.status = Status::Valid;
            }
        }
        batch::settle(&mut self.reports);
        for ((report, old), revision) in self.reports.iter().zip(&before).zip(&mut self.revisions) {
            if report.status != *old {
                *revision = revision.wrapping_add(1);
            }
        }
    }

    /// Forgets every dropped file and dropped questionnaire.
    pub fn clear(&mut self) {
        *self = Office::new(self.built_in.clone());
    }

    /// The rows, in the order the files were added.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The reports of the submission rows (a [`Row::Submission`] holds an index into this).
    pub fn reports(&self) -> &[FileReport] {
        &self.reports
    }

    /// The revision of a report: it changes whenever the report's status does (a submission
    /// superseded by a later drop, or checked again once its questionnaire came).
    pub fn revision(&self, report: usize) -> u32 {
        self.revisions.get(report).copied().unwrap_or_default()
    }

    /// The questionnaires submissions are checked against: built in, then dropped.
    pub fn known(&self) -> &[Arc<Questionnaire>] {
        self.known.list()
    }

    /// How many files are in each state.
    pub fn tally(&self) -> Tally {
        let counts = batch::count(&self.reports);
        let mut tally =
            Tally { valid: counts.valid, superseded: counts.superseded, invalid: counts.invalid, questionnaires: 0 };
        for row in &self.rows {
            match row {
                Row::Questionnaire(QuestionnaireFile { loaded: Ok(_), .. }) => tally.questionnaires += 1,
                Row::Questionnaire(QuestionnaireFile { loaded: Err(_), .. }) => tally.invalid += 1,
                Row::Submission(_) => {}
            }
        }
        tally
    }

    /// The questionnaires the valid, not superseded submissions answer, each with how many.
    pub fn answered(&self) -> Vec<(Arc<Questionnaire>, usize)> {
        table::questionnaires_answered(&self.reports)
    }

    /// The questionnaire a table is made of: the chosen one if valid submissions answer it,
    /// else the one most of them answer (the first of those on a tie); `None` when none is valid.
    pub fn table_questionnaire(&self, chosen: Option<&QuestionnaireKey>) -> Option<Arc<Questionnaire>> {
        let answered = self.answered();
        if let Some((questionnaire, _)) = chosen.and_then(|key| answered.iter().find(|(q, _)| key.is(q))) {
            return Some(Arc::clone(questionnaire));
        }
        let most = answered.iter().map(|(_, n)| *n).max()?;
        answered.into_iter().find(|(_, n)| *n == most).map(|(q, _)| q)
    }

    /// The workbook of the submissions of `questionnaire` (see `bogen_office::table`): the
    /// dropped questionnaire files are not in it, since they are no submissions.
    pub fn workbook(&self, questionnaire: Option<&Questionnaire>) -> Workbook {
        table::build_workbook(&self.reports, questionnaire)
    }
}

fn waits_for_questionnaire(report: &FileReport) -> bool {
    matches!(
        &report.status,
        Status::Invalid(invalid)
            if matches!(invalid.kind, InvalidKind::UnknownQuestionnaire | InvalidKind::QuestionnaireHashMismatch)
    )
}

/// FNV-1a over the bytes: enough to tell a file dropped twice from another of the same name and
/// size (not a security measure: a file that differs is checked on its own anyway).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bogen_engine::{create_submission, AnswerValue, KeyPair, Lang, Session};

    const LANDKREIS: &str = include_str!(
        "../../../tests/fixtures/submissions/erfolgreiche-integration-2005_landkreis-musterland_2026-11-27.json"
    );
    const STADT: &str = include_str!(
        "../../../tests/fixtures/submissions/erfolgreiche-integration-2005_stadt-musterstadt_2026-11-27.json"
    );

    /// A small questionnaire of another id, as an office would drop it beside its submissions.
    const OTHER: &str = r#"{
      "formatVersion": 1, "id": "kita-kurz", "version": "1.0.0", "title": "Kita kurz",
      "submission": {"email": "buero@example.org", "nameQuestion": "name", "kindQuestion": "kind"},
      "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "name", "type": "text", "label": "Name der Kommune", "required": true},
        {"id": "kind", "type": "singleChoice", "label": "Art", "required": true,
         "options": [{"value": "stadt", "label": "Stadt"}, {"value": "landkreis", "label": "Landkreis"}]}
      ]}]
    }"#;

    fn other_submission(name: &str, seed: u8, created_at: &str) -> String {
        let questionnaire = Arc::new(compile(OTHER).unwrap());
        let mut session = Session::new(Arc::clone(&questionnaire));
        session.set_answer(questionnaire.question_idx("name").unwrap(), Some(AnswerValue::Text(name.into())));
        session.set_answer(questionnaire.question_idx("kind").unwrap(), Some(AnswerValue::Choice("stadt".into())));
        create_submission(&session, Lang::De, created_at, &KeyPair::from_seed([seed; 32])).unwrap().text
    }

    fn office() -> Office {
        Office::with_default_questionnaire().unwrap()
    }

    fn add(office: &mut Office, name: &str, text: &str) -> Added {
        office.add(name, Content::Bytes(text.as_bytes()))
    }

    fn report<'a>(office: &'a Office, name: &str) -> &'a FileReport {
        office.reports().iter().find(|r| r.file == name).unwrap()
    }

    fn kind_of(report: &FileReport) -> Option<InvalidKind> {
        match &report.status {
            Status::Invalid(invalid) => Some(invalid.kind),
            _ => None,
        }
    }

    #[test]
    fn the_sample_submissions_are_valid_with_their_municipalities_against_the_built_in_questionnaire() {
        let mut office = office();
        add(&mut office, "landkreis.json", LANDKREIS);
        add(&mut office, "stadt.json", STADT);
        office.settle();
        let landkreis = report(&office, "landkreis.json");
        assert_eq!(landkreis.status, Status::Valid);
        assert_eq!(landkreis.municipality.as_deref(), Some("Landkreis Musterland"));
        assert_eq!(landkreis.kind.as_deref(), Some("Landkreis"));
        assert_eq!(landkreis.fingerprint.as_deref(), Some("J2OC-KBOM-SMYZ-HUCG"));
        assert_eq!(report(&office, "stadt.json").fingerprint.as_deref(), Some("CGSA-B3PQ-HF6T-RJE2"));
        assert_eq!(office.tally(), Tally { valid: 2, superseded: 0, invalid: 0, questionnaires: 0 });
    }

    #[test]
    fn files_of_one_name_get_numbers_and_the_same_file_again_is_skipped() {
        let mut office = office();
        let name = "kita-umfrage_unnamed_2026-11-28.json";
        assert_eq!(add(&mut office, name, LANDKREIS), Added::Row);
        assert_eq!(add(&mut office, name, STADT), Added::Row);
        assert_eq!(add(&mut office, name, LANDKREIS), Added::Duplicate);
        office.settle();
        let files: Vec<&str> = office.reports().iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, [name, "kita-umfrage_unnamed_2026-11-28.json (2)"]);
    }

    #[test]
    fn a_questionnaire_file_is_recognised_and_the_same_as_the_built_in_one_is_known_already() {
        let mut office = office();
        add(&mut office, "fragebogen.json", DEFAULT_QUESTIONNAIRE);
        office.settle();
        let Row::Questionnaire(file) = &office.rows()[0] else {
            panic!("not a questionnaire row: {:?}", office.rows())
        };
        let loaded = file.loaded.as_ref().unwrap();
        assert!(loaded.already_known);
        assert_eq!(loaded.questionnaire.id, "erfolgreiche-integration-2005");
        assert_eq!(office.known().len(), 1);
        assert!(office.reports().is_empty(), "a questionnaire is no submission");
        assert_eq!(office.tally(), Tally { questionnaires: 1, ..Tally::default() });
    }

    #[test]
    fn a_questionnaire_saved_again_as_utf_16_is_recognised() {
        let mut office = office();
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(OTHER.encode_utf16().flat_map(u16::to_le_bytes));
        office.add("kita-utf16.json", Content::Bytes(&bytes));
        office.settle();
        assert!(matches!(&office.rows()[0], Row::Questionnaire(file) if file.loaded.is_ok()), "{:?}", office.rows());
        assert_eq!(office.known().len(), 2);
    }

    #[test]
    fn a_submission_dropped_before_its_questionnaire_becomes_valid_once_the_questionnaire_comes() {
        let mut office = office();
        add(&mut office, "kita-a.json", &other_submission("Belm", 3, "2026-11-27T10:00:00Z"));
        office.settle();
        let waiting = report(&office, "kita-a.json");
        assert_eq!(kind_of(waiting), Some(InvalidKind::UnknownQuestionnaire));
        assert_eq!(
            waiting.fingerprint.as_deref(),
            Some(KeyPair::from_seed([3; 32]).public_key().fingerprint().to_string().as_str())
        );
        // A later drop brings the questionnaire.
        add(&mut office, "kita-kurz.json", OTHER);
        office.settle();
        let now = report(&office, "kita-a.json");
        assert_eq!(now.status, Status::Valid);
        assert_eq!(now.municipality.as_deref(), Some("Belm"));
        assert_eq!(now.kind.as_deref(), Some("Stadt"));
        assert_eq!(office.known().len(), 2);
        assert_eq!(office.tally(), Tally { valid: 1, questionnaires: 1, ..Tally::default() });
    }

    #[test]
    fn a_questionnaire_in_the_same_drop_checks_the_submissions_before_it() {
        let mut office = office();
        add(&mut office, "a.json", &other_submission("Belm", 3, "2026-11-27T10:00:00Z"));
        add(&mut office, "z-fragebogen.json", OTHER);
        add(&mut office, "b.json", &other_submission("Solingen", 4, "2026-11-27T10:00:00Z"));
        office.settle();
        assert_eq!(report(&office, "a.json").status, Status::Valid);
        assert_eq!(report(&office, "b.json").status, Status::Valid);
        assert!(matches!(office.rows()[1], Row::Questionnaire(_)), "rows keep the order dropped");
    }

    #[test]
    fn a_broken_questionnaire_file_lists_its_problems_and_counts_as_invalid() {
        let mut office = office();
        let broken = OTHER.replace("\"required\": true}", "\"required\": \"yes\"}");
        add(&mut office, "kaputt.json", &broken);
        office.settle();
        let Row::Questionnaire(file) = &office.rows()[0] else { panic!("not a questionnaire row") };
        let problems = file.loaded.as_ref().unwrap_err();
        assert!(!problems.is_empty());
        assert!(problems[0].starts_with("kaputt.json:"), "{problems:?}");
        assert_eq!(office.known().len(), 1, "a broken questionnaire is not used");
        assert_eq!(office.tally(), Tally { invalid: 1, ..Tally::default() });
    }

    #[test]
    fn a_later_drop_can_supersede_the_winner_of_an_earlier_one() {
        let mut office = office();
        add(&mut office, "fragebogen.json", OTHER);
        add(&mut office, "erst.json", &other_submission("Belm", 5, "2026-11-27T10:00:00Z"));
        add(&mut office, "zweit.json", &other_submission("Belm", 5, "2026-11-28T10:00:00Z"));
        office.settle();
        assert_eq!(report(&office, "erst.json").status, Status::Superseded { by: "zweit.json".into() });
        add(&mut office, "dritt.json", &other_submission("Belm", 5, "2026-11-29T10:00:00Z"));
        office.settle();
        assert_eq!(report(&office, "erst.json").status, Status::Superseded { by: "dritt.json".into() });
        assert_eq!(report(&office, "zweit.json").status, Status::Superseded { by: "dritt.json".into() });
        assert_eq!(report(&office, "dritt.json").status, Status::Valid);
        assert_eq!(office.tally(), Tally { valid: 1, superseded: 2, invalid: 0, questionnaires: 1 });
    }

    #[test]
    fn a_row_s_revision_changes_exactly_when_its_status_does() {
        let mut office = office();
        add(&mut office, "erst.json", &other_submission("Belm", 5, "2026-11-27T10:00:00Z"));
        add(&mut office, "stadt.json", STADT);
        office.settle();
        let (first, stadt) = (office.revision(0), office.revision(1));
        add(&mut office, "fragebogen.json", OTHER);
        add(&mut office, "zweit.json", &other_submission("Belm", 5, "2026-11-28T10:00:00Z"));
        office.settle();
        assert_eq!(office.reports()[0].status, Status::Superseded { by: "zweit.json".into() });
        assert_ne!(office.revision(0), first, "checked again and superseded");
        assert_eq!(office.revision(1), stadt, "nothing changed for the Stadt");
        let first = office.revision(0);
        add(&mut office, "notiz.txt", "Notiz");
        office.settle();
        assert_eq!(office.revision(0), first, "still superseded by the same file");
    }

    #[test]
    fn the_same_file_dropped_twice_is_counted_once_but_a_changed_one_of_the_same_name_is_added() {
        let mut office = office();
        assert_eq!(add(&mut office, "stadt.json", STADT), Added::Row);
        assert_eq!(add(&mut office, "stadt.json", STADT), Added::Duplicate);
        assert_eq!(add(&mut office, "kopie.json", STADT), Added::Row, "another name is another file");
        let changed = STADT.replace("Stadt Musterstadt", "Stadt Fälschungen");
        assert_eq!(add(&mut office, "stadt.json", &changed), Added::Row);
        office.settle();
        assert_eq!(office.rows().len(), 3);
        assert_eq!(kind_of(&office.reports()[2]), Some(InvalidKind::SignatureInvalid));
    }

    #[test]
    fn files_too_large_or_unreadable_are_rows_with_their_reason() {
        let mut office = office();
        office.add("riesig.json", Content::TooLarge { bytes: 40 * 1024 * 1024 });
        office.add("weg.json", Content::Unreadable("NotFoundError"));
        office.add("notiz.txt", Content::Bytes(b"Bitte bis Freitag"));
        office.settle();
        let kinds: Vec<_> = office.reports().iter().map(kind_of).collect();
        assert_eq!(kinds, vec![Some(InvalidKind::TooLarge), Some(InvalidKind::Unreadable), Some(InvalidKind::NotJson)]);
        assert_eq!(office.tally(), Tally { invalid: 3, ..Tally::default() });
    }

    #[test]
    fn clearing_forgets_files_and_dropped_questionnaires_but_keeps_the_built_in_one() {
        let mut office = office();
        add(&mut office, "fragebogen.json", OTHER);
        add(&mut office, "stadt.json", STADT);
        office.settle();
        office.clear();
        assert!(office.rows().is_empty() && office.reports().is_empty());
        assert_eq!(office.known().len(), 1);
        assert_eq!(add(&mut office, "stadt.json", STADT), Added::Row, "after clearing, a file is new again");
    }

    #[test]
    fn the_table_is_of_the_chosen_questionnaire_or_else_of_the_one_most_submissions_answer() {
        let mut office = office();
        add(&mut office, "fragebogen.json", OTHER);
        add(&mut office, "a.json", &other_submission("Belm", 6, "2026-11-27T10:00:00Z"));
        add(&mut office, "landkreis.json", LANDKREIS);
        add(&mut office, "stadt.json", STADT);
        office.settle();
        let answered = office.answered();
        assert_eq!(answered.len(), 2);
        let default = office.table_questionnaire(None).unwrap();
        assert_eq!(default.id, "erfolgreiche-integration-2005", "two submissions answer it, one the other");
        let other = QuestionnaireKey::of(&answered.iter().find(|(q, _)| q.id == "kita-kurz").unwrap().0);
        assert_eq!(office.table_questionnaire(Some(&other)).unwrap().id, "kita-kurz");
        let workbook = office.workbook(Some(&default));
        let main = &workbook.sheets[0];
        assert_eq!(main.rows.len(), table::HEADER_ROWS + 2);
        let files = workbook.sheets.last().unwrap();
        assert_eq!(files.rows.len(), table::HEADER_ROWS + 3, "every submission file, no questionnaire file");
        assert!(Office::with_default_questionnaire().unwrap().table_questionnaire(None).is_none());
    }
}
