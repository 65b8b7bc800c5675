//! The one place where the state of filling a questionnaire lives: the reducer of [`FormState`]
//! and its [`Action`]s, which mirror the engine's calls.
//!
//! The [`Session`] sits in a [`Store`] behind `Rc<RefCell<…>>`, shared by the reducer and,
//! read-only, by the components (through [`FormContext`]). It is never cloned: a keystroke
//! mutates it in place. Next to it the store keeps a version counter per question and per
//! section. The reducer bumps exactly the counters the engine's [`ChangeSet`] names, and once
//! it is done tells the components that watch those questions ([`Store::watch`]): each question
//! view watches its own question and draws itself again, so a change reaches the questions it
//! names and never the page around them. Section counters are props of the task list's items.
//! Which errors are *on display* (GOV.UK style: after leaving a field or pressing Weiter,
//! never while typing) is kept here too, per question; the open error summary watches them.
//!
//! The drafts side lives here too: which draft is open ([`DraftHandle`], in the store, because
//! the autosave reads and updates it outside the reducer), the list of the questionnaire's
//! drafts, a conflict with another tab ([`Conflict`]: the form is then read-only), and the task
//! in progress on the drafts pages ([`Task`]: naming, deleting, a draft file opened, a merge
//! with its choices). The storage and engine work behind it is done by `drafts.rs`; the reducer
//! records the outcome.
//!
//! The signing side ([`Signing`]) lives here as well: the browser's key as far as this form
//! knows it, the last message about it, a key file waiting for the respondent to confirm that
//! it replaces the kept key, what the last export produced (so the page after it can offer
//! the file again), and the state of an upload. The browser work behind it (storage, random
//! numbers, downloads) is done by `keys.rs` and the page's callbacks; the reducer only records
//! the outcome.

use crate::format::{add_button_dom_id, question_dom_id, record_field_dom_id};
use crate::storage::{DraftEntry, SignedFor, StorageError};
use crate::submit::UploadFailure;
use bogen_engine::submission::{answers_digest, same_respondent_name, stamp_of};
use bogen_engine::{
    AnswerValue, ChangeSet, DraftFile, DraftMeta, KeyError, KeyPair, Lang, MergePlan, QuestionIdx, QuestionKind,
    Questionnaire, RecordId, SectionIdx, Session, Side, Violation, ViolationKind, ViolationLocation,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use yew::prelude::*;

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The start page with the task list.
    Start,
    /// One page section.
    Section(SectionIdx),
    /// "Antworten prüfen".
    Review,
    /// The print view.
    Print,
    /// The answers kept aside because they fit no question (`#/beiseitegelegt`).
    KeptAside,
    /// A page about drafts; its data is the reducer's [`Task`] (a reload returns to the start).
    Draft(DraftPage),
}

/// The pages about drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftPage {
    /// "Neuen Entwurf anlegen": its name.
    New,
    /// Renaming a draft.
    Rename,
    /// Deleting a draft, after offering it as a file.
    Delete,
    /// A draft file was opened: as a new draft, replacing the open one, or merged into it.
    OpenFile,
    /// Confirming that a draft file replaces the open draft.
    Replace,
    /// The differences of a merge, one choice each.
    Merge,
}

impl DraftPage {
    const ALL: [DraftPage; 6] = [
        DraftPage::New,
        DraftPage::Rename,
        DraftPage::Delete,
        DraftPage::OpenFile,
        DraftPage::Replace,
        DraftPage::Merge,
    ];

    fn slug(self) -> &'static str {
        match self {
            DraftPage::New => "neu",
            DraftPage::Rename => "umbenennen",
            DraftPage::Delete => "loeschen",
            DraftPage::OpenFile => "datei",
            DraftPage::Replace => "ersetzen",
            DraftPage::Merge => "zusammenfuehren",
        }
    }
}

impl Route {
    /// The URL fragment of the route, so that reload and the browser's back button work.
    pub fn to_hash(self, questionnaire: &Questionnaire) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Section(s) => format!("#/abschnitt/{}", questionnaire.section(s).id.0),
            Route::Review => "#/pruefen".to_owned(),
            Route::Print => "#/druck".to_owned(),
            Route::KeptAside => "#/beiseitegelegt".to_owned(),
            Route::Draft(page) => format!("#/entwuerfe/{}", page.slug()),
        }
    }

    /// Reads a URL fragment; `None` for fragments that are not routes (such as `#main`).
    pub fn from_hash(hash: &str, questionnaire: &Questionnaire) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/')?;
        match path {
            "" => Some(Route::Start),
            "pruefen" => Some(Route::Review),
            "druck" => Some(Route::Print),
            "beiseitegelegt" => Some(Route::KeptAside),
            _ if path.starts_with("entwuerfe/") => {
                let slug = path.strip_prefix("entwuerfe/")?;
                DraftPage::ALL.into_iter().find(|p| p.slug() == slug).map(Route::Draft)
            }
            _ => {
                let id = path.strip_prefix("abschnitt/")?;
                let section = questionnaire.section_idx(id)?;
                // Only pages (sections without sub-sections) have a page of their own.
                questionnaire.section(section).children.is_empty().then_some(Route::Section(section))
            }
        }
    }
}

/// The session and the per-question bookkeeping that the components read.
pub struct Store {
    /// The questionnaire being filled (also inside the session; kept here to read without a borrow).
    pub questionnaire: Arc<Questionnaire>,
    /// The respondent's answers and all derived state.
    pub session: RefCell<Session>,
    question_versions: RefCell<Vec<u32>>,
    section_versions: RefCell<Vec<u32>>,
    /// The violations on display per question (a subset of the session's).
    shown: RefCell<Vec<Vec<Violation>>>,
    /// Set by every answer change, cleared by a successful save.
    pub unsaved: Cell<bool>,
    /// Which draft the session is, and the save this tab knows of it.
    pub draft: RefCell<DraftHandle>,
    /// The components to tell when what they draw changed.
    watchers: RefCell<Watchers>,
}

/// What a component watches in the [`Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// One question: its answer, visibility, requiredness, calculated value, errors on display.
    Question(QuestionIdx),
    /// The errors on display, of any question (the error summary lists them).
    Errors,
}

/// The callbacks of the components that watch the store, and what changed since they were
/// last told. Kept apart from the counters so that telling happens once, after the reducer
/// let go of the session.
#[derive(Default)]
struct Watchers {
    next_token: u32,
    /// By question index: (token, callback) of each view of the question (one, as a rule).
    questions: Vec<Vec<(u32, Callback<()>)>>,
    errors: Vec<(u32, Callback<()>)>,
    /// Questions whose version moved since the last [`Store::notify`].
    changed: Vec<QuestionIdx>,
    /// Whether the errors on display (or the text of one) may have changed since then.
    errors_changed: bool,
}

/// A component's registration with the store: dropping it (the component is gone) ends it.
pub struct Watch {
    store: Rc<Store>,
    topic: Topic,
    token: u32,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.store.unwatch(self.topic, self.token);
    }
}

/// The open draft: its id and name, and the meta (revision, time) of this tab's last load or
/// save of it, which a save compares with the stored draft before writing over it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftHandle {
    /// The draft's id (random hex).
    pub id: String,
    /// Its name.
    pub name: String,
    /// The last load or save this tab made; `None` until the draft is first in storage.
    pub known: Option<DraftMeta>,
    /// Opened from the one draft of the old storage layout, which could not be moved yet: the
    /// first save that succeeds removes the old key.
    pub from_single: bool,
}

impl Store {
    /// A store around a session.
    pub fn new(session: Session) -> Store {
        Store::with_draft(session, DraftHandle::default())
    }

    /// A store around a session that is the draft `draft`.
    pub fn with_draft(session: Session, draft: DraftHandle) -> Store {
        let questionnaire = Arc::clone(session.questionnaire());
        let n_questions = questionnaire.questions.len();
        let n_sections = questionnaire.sections.len();
        Store {
            questionnaire,
            session: RefCell::new(session),
            question_versions: RefCell::new(vec![0; n_questions]),
            section_versions: RefCell::new(vec![0; n_sections]),
            shown: RefCell::new(vec![Vec::new(); n_questions]),
            unsaved: Cell::new(false),
            draft: RefCell::new(draft),
            watchers: RefCell::new(Watchers { questions: vec![Vec::new(); n_questions], ..Watchers::default() }),
        }
    }

    /// Calls `redraw` after every action that changed what `topic` shows, until the returned
    /// [`Watch`] is dropped. A component registers while it renders (so that no change can
    /// slip in between its render and its registration) and keeps the `Watch` in a hook.
    pub fn watch(self: &Rc<Self>, topic: Topic, redraw: Callback<()>) -> Watch {
        let mut watchers = self.watchers.borrow_mut();
        let token = watchers.next_token;
        watchers.next_token = token.wrapping_add(1);
        match topic {
            Topic::Question(q) => {
                if let Some(list) = watchers.questions.get_mut(q.get()) {
                    list.push((token, redraw));
                }
            }
            Topic::Errors => watchers.errors.push((token, redraw)),
        }
        Watch { store: Rc::clone(self), topic, token }
    }

    fn unwatch(&self, topic: Topic, token: u32) {
        // A component may go while the store tells others to redraw: then it is told no more.
        let Ok(mut watchers) = self.watchers.try_borrow_mut() else {
            return;
        };
        let list = match topic {
            Topic::Question(q) => watchers.questions.get_mut(q.get()),
            Topic::Errors => Some(&mut watchers.errors),
        };
        if let Some(list) = list {
            list.retain(|(t, _)| *t != token);
        }
    }

    /// Tells the watchers of every question whose version moved since the last call (and of
    /// the errors on display, when they may have changed) to redraw. The reducer calls it once
    /// per action, after it let go of the session; the redraws themselves run later, when Yew's
    /// scheduler gets to them.
    pub fn notify(&self) {
        let callbacks: Vec<Callback<()>> = {
            let Ok(mut watchers) = self.watchers.try_borrow_mut() else {
                return;
            };
            let mut changed = std::mem::take(&mut watchers.changed);
            changed.sort_unstable_by_key(|q| q.0);
            changed.dedup();
            let mut callbacks: Vec<Callback<()>> = changed
                .iter()
                .filter_map(|q| watchers.questions.get(q.get()))
                .flat_map(|list| list.iter().map(|(_, cb)| cb.clone()))
                .collect();
            if std::mem::take(&mut watchers.errors_changed) {
                callbacks.extend(watchers.errors.iter().map(|(_, cb)| cb.clone()));
            }
            callbacks
        };
        for callback in callbacks {
            callback.emit(());
        }
    }

    fn errors_changed(&self) {
        self.watchers.borrow_mut().errors_changed = true;
    }

    /// The render version of a question: it changes whenever anything shown for it changes.
    pub fn question_version(&self, q: QuestionIdx) -> u32 {
        self.question_versions.borrow().get(q.get()).copied().unwrap_or(0)
    }

    /// The render version of a section (visibility or the status of its questions).
    pub fn section_version(&self, s: SectionIdx) -> u32 {
        self.section_versions.borrow().get(s.get()).copied().unwrap_or(0)
    }

    /// The violations of a question that are on display.
    pub fn shown_errors(&self, q: QuestionIdx) -> Vec<Violation> {
        self.shown.borrow().get(q.get()).cloned().unwrap_or_default()
    }

    /// Whether any error is on display for the questions of a section.
    pub fn section_has_shown_errors(&self, s: SectionIdx) -> bool {
        let shown = self.shown.borrow();
        self.questionnaire.section(s).questions.iter().any(|q| shown.get(q.get()).is_some_and(|v| !v.is_empty()))
    }

    /// After the whole session was replaced: everything re-renders, nothing is on display.
    fn bump_all(&self) {
        for v in self.question_versions.borrow_mut().iter_mut() {
            *v = v.wrapping_add(1);
        }
        {
            let mut watchers = self.watchers.borrow_mut();
            let n = watchers.questions.len() as u32;
            watchers.changed = (0..n).map(QuestionIdx).collect();
            watchers.errors_changed = true;
        }
        for v in self.section_versions.borrow_mut().iter_mut() {
            *v = v.wrapping_add(1);
        }
        for list in self.shown.borrow_mut().iter_mut() {
            list.clear();
        }
    }

    fn bump_question(&self, q: QuestionIdx) {
        if let Some(v) = self.question_versions.borrow_mut().get_mut(q.get()) {
            *v = v.wrapping_add(1);
            self.watchers.borrow_mut().changed.push(q);
        }
    }

    fn bump_section(&self, s: SectionIdx) {
        if let Some(v) = self.section_versions.borrow_mut().get_mut(s.get()) {
            *v = v.wrapping_add(1);
        }
    }

    /// Bumps what a change set names, and takes back errors on display that were fixed.
    fn apply_changes(&self, session: &Session, changes: &ChangeSet) {
        for &s in &changes.sections {
            self.bump_section(s);
        }
        let mut shown = self.shown.borrow_mut();
        for &q in &changes.questions {
            self.bump_question(q);
            // A question's answers decide its section's status in the task list.
            self.bump_section(self.questionnaire.question(q).section);
            if let Some(list) = shown.get_mut(q.get()) {
                if !list.is_empty() {
                    // Fixed errors disappear at once; new ones wait until the field is left.
                    // The summary redraws: an entry went, or its text may have changed
                    // (a record's number in "Maßnahme 2 – Titel").
                    let current = session.violations(q);
                    list.retain(|v| current.contains(v));
                    self.errors_changed();
                }
            }
        }
    }

    /// Puts a question's current violations at `location` on display (after leaving a field).
    /// Errors that only mean "not finished yet" wait for Weiter.
    fn show_at(&self, session: &Session, q: QuestionIdx, location: ViolationLocation) {
        let mut shown = self.shown.borrow_mut();
        let Some(list) = shown.get_mut(q.get()) else {
            return;
        };
        let before = list.len();
        for v in session.violations(q) {
            let in_progress =
                matches!(v.kind, ViolationKind::MatrixRowsMissing { .. } | ViolationKind::TooFewSelected { .. });
            if v.location == location && !in_progress && !list.contains(v) {
                list.push(v.clone());
            }
        }
        if list.len() != before {
            drop(shown);
            self.bump_question(q);
            self.errors_changed();
        }
    }

    /// Puts every current violation of a question on display (Weiter).
    fn show_all(&self, session: &Session, q: QuestionIdx) -> bool {
        let mut shown = self.shown.borrow_mut();
        let Some(list) = shown.get_mut(q.get()) else {
            return false;
        };
        let current = session.violations(q);
        if list.as_slice() != current {
            *list = current.to_vec();
            drop(shown);
            self.bump_question(q);
            self.errors_changed();
        }
        !current.is_empty()
    }
}

/// Where focus goes after the next render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusTarget {
    /// The page's `<h1>` (after moving to another page).
    Heading,
    /// The error summary (after Weiter with errors).
    Summary,
    /// The review page's export problem list.
    ExportProblems,
    /// A field, by DOM id; its label or legend is scrolled into view.
    Field(String),
    /// A block with `tabindex="-1"`, by DOM id (the panel after an export, a question to confirm).
    Block(&'static str),
}

/// The DOM id of the panel shown after an export.
pub const EXPORT_DONE_ID: &str = "export-done";

/// The DOM id of the question whether a loaded key replaces the kept one.
pub const KEY_REPLACE_ID: &str = "key-replace";

/// The DOM id of the message about the key.
pub const KEY_NOTICE_ID: &str = "key-notice";

/// The respondent's signing key. Shared, never copied: the private key stays in one place.
#[derive(Clone)]
pub struct SigningKey(pub Rc<KeyPair>);

impl SigningKey {
    /// Wraps a key pair.
    pub fn new(pair: KeyPair) -> SigningKey {
        SigningKey(Rc::new(pair))
    }

    /// Its fingerprint, e.g. `M55N-WCQH-I2A2-DCGK`.
    pub fn fingerprint(&self) -> String {
        self.0.public_key().fingerprint().to_string()
    }
}

impl PartialEq for SigningKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.public_key() == other.0.public_key()
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // KeyPair's Debug shows only the fingerprint, never the private part.
        write!(f, "{:?}", self.0)
    }
}

/// A message about the signing key, shown in the review page's "Signatur" part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyNotice {
    /// The value stored as this browser's key was not a key; it was moved aside (to `slot`).
    StoredUnreadable { slot: Option<String> },
    /// A key was made for this export.
    Made,
    /// The browser offers no secure random numbers: no key can be made, so nothing is exported.
    NoRandom,
    /// A key file was loaded and is now this browser's key.
    Loaded { file_name: String },
    /// The key file holds the key already in use.
    AlreadyInUse { file_name: String },
    /// A chosen file is not a key file.
    Refused { file_name: String, error: KeyError },
    /// A chosen file could not be read at all.
    FileUnreadable,
    /// Signing failed: the answers have no canonical form (a bug; the reason is technical).
    SignFailed(String),
}

/// A key file the respondent chose while another key is kept: it replaces that key only once
/// they confirm.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingKey {
    /// The chosen file's name.
    pub file_name: String,
    /// The key in it.
    pub key: SigningKey,
}

/// What the last export produced: the page after it offers the same file again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord {
    /// The file's name, `<questionnaire id>_<municipality>_<date>.json`.
    pub file_name: String,
    /// The file's text.
    pub text: String,
    /// The signing key's fingerprint.
    pub fingerprint: String,
    /// The short digest of questionnaire and answers, as on paper.
    pub short_digest: String,
    /// The whole digest ([`bogen_engine::submission::answers_digest`]): whether the answers
    /// shown are still the file's, after a change was undone.
    pub digest: String,
    /// The respondent's name (the municipality), for the e-mail.
    pub respondent: Option<String>,
}

/// The state of an upload of the last export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum UploadStatus {
    /// Not tried (or a new export was made).
    #[default]
    Idle,
    /// The request is on its way.
    Running,
    /// The server answered 2xx, at this local time ("14:32").
    Done { time: String },
    /// It failed; the file is kept for another try.
    Failed(UploadFailure),
}

/// The signing side of the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signing {
    /// This browser's key, once there is one.
    pub key: Option<SigningKey>,
    /// Why the key is only in this page and not kept in the browser (storage failed).
    pub not_kept: Option<StorageError>,
    /// The last message about the key.
    pub notice: Option<KeyNotice>,
    /// A loaded key that waits for the respondent's confirmation.
    pub pending: Option<PendingKey>,
    /// What the last export of this form produced, and whether it still holds the answers.
    pub export: Option<LastExport>,
    /// The upload of the last export.
    pub upload: UploadStatus,
    /// The respondents the key signed for in this browser (see `storage::note_signed_for`).
    pub signed_for: Rc<Vec<SignedFor>>,
}

/// The last export of a form: one file, which holds the answers shown until one changes.
#[derive(Debug, Clone, PartialEq)]
pub enum LastExport {
    /// It holds the answers shown: the review page offers it (download, upload, e-mail).
    Current(Rc<ExportRecord>),
    /// An answer changed after it was made: that file, perhaps sent already, no longer holds the
    /// answers shown (nor their checksum on paper). It is not offered again; the pages say so
    /// until a new one is signed.
    Outdated(Rc<ExportRecord>),
}

impl Signing {
    /// The export that still holds the answers shown, if there is one.
    pub fn current_export(&self) -> Option<&Rc<ExportRecord>> {
        match &self.export {
            Some(LastExport::Current(record)) => Some(record),
            _ => None,
        }
    }

    /// The last export once an answer changed after it, if there is one.
    pub fn outdated_export(&self) -> Option<&Rc<ExportRecord>> {
        match &self.export {
            Some(LastExport::Outdated(record)) => Some(record),
            _ => None,
        }
    }

    /// The other respondents this browser's key already signed a submission of `questionnaire_id`
    /// for, when the one about to be signed is `name`: the office would count only the later
    /// file of the two, so the review page warns.
    pub fn signed_for_others(&self, questionnaire_id: &str, name: &str) -> Vec<String> {
        let mut others: Vec<String> = Vec::new();
        for signed in self.signed_for.iter().filter(|s| s.questionnaire_id == questionnaire_id) {
            let differs = !same_respondent_name(&signed.name, name);
            if differs && !others.iter().any(|o| same_respondent_name(o, &signed.name)) {
                others.push(signed.name.clone());
            }
        }
        others
    }
}

/// The state of the draft autosave, shown in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing saved in this visit yet.
    Idle,
    /// Saved at this local time ("14:32").
    Saved(String),
    /// The last save failed.
    Failed(StorageError),
}

/// What the last successful save reports: the local time ("14:32") and the index of drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    /// When, as local time.
    pub time: String,
    /// The questionnaire's drafts after the save.
    pub drafts: Vec<DraftEntry>,
}

/// Why this tab must not save over the stored draft: the form is read-only until the
/// respondent loads what is stored (nothing is overwritten, nothing lost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// Another tab saved the draft since this tab's last load or save. `diverged`: this tab
    /// holds answers the stored draft may lack (changes not saved yet, or both tabs saved the
    /// same revision), so loading merges instead of replacing.
    Newer { diverged: bool },
    /// Another tab deleted the draft.
    Deleted,
}

/// Whether leaving the page (or opening another questionnaire in it) now would lose answers:
/// whether this tab holds answers that no storage has, so that the browser must ask before the
/// tab closes or reloads. Another tab's save not loaded while this tab holds answers it may lack
/// (`diverged`), or any answers at all (`holds_answers`) once another tab deleted the draft (the
/// page says they are now only in this tab): yes. Otherwise the unsaved changes are saved now
/// (`save_now`, as `pagehide` would; `true` when that worked): only a save that fails (storage
/// full or blocked) leaves them in this tab alone. Nothing unsaved: never.
pub fn unstored_on_leave(
    conflict: Option<Conflict>,
    unsaved: bool,
    holds_answers: impl FnOnce() -> bool,
    save_now: impl FnOnce() -> bool,
) -> bool {
    match conflict {
        Some(Conflict::Newer { diverged }) => diverged,
        Some(Conflict::Deleted) => unsaved || holds_answers(),
        None => unsaved && !save_now(),
    }
}

/// Where the other side of a merge comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeSource {
    /// A draft file (its name).
    File(String),
    /// The same draft as another tab saved it.
    OtherTab,
}

/// A merge waiting for the respondent's choices: nothing has changed yet.
#[derive(Debug)]
pub struct MergeTask {
    /// The differences and additions.
    pub plan: MergePlan,
    /// Where "theirs" comes from.
    pub source: MergeSource,
    /// The draft's name in the file.
    pub their_name: String,
    /// When the file's draft was saved.
    pub their_saved_at: String,
    /// For a merge with the stored draft: its meta, which the merged draft saves over.
    pub base: Option<DraftMeta>,
    /// The other tab saved again while an earlier plan was shown: this plan is the new one.
    pub again: bool,
}

/// What the drafts pages are working on.
#[derive(Debug, Clone)]
pub enum Task {
    /// Naming a new draft.
    NewDraft,
    /// Renaming the draft `id`.
    Rename { id: String, name: String },
    /// Deleting the draft `id`.
    Delete { id: String, name: String },
    /// A draft file was opened (its file name and the draft in it).
    OpenFile { file_name: String, draft: Rc<DraftFile> },
    /// The respondent chose to replace the open draft by the file: confirm first.
    Replace { file_name: String, draft: Rc<DraftFile> },
    /// A merge and the choice per difference.
    Merge { task: Rc<MergeTask>, choices: Vec<Side> },
}

impl Task {
    /// The page that shows this task.
    pub fn page(&self) -> DraftPage {
        match self {
            Task::NewDraft => DraftPage::New,
            Task::Rename { .. } => DraftPage::Rename,
            Task::Delete { .. } => DraftPage::Delete,
            Task::OpenFile { .. } => DraftPage::OpenFile,
            Task::Replace { .. } => DraftPage::Replace,
            Task::Merge { .. } => DraftPage::Merge,
        }
    }
}

impl PartialEq for Task {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Task::NewDraft, Task::NewDraft) => true,
            (Task::Rename { id: a, name: n }, Task::Rename { id: b, name: m })
            | (Task::Delete { id: a, name: n }, Task::Delete { id: b, name: m }) => a == b && n == m,
            (Task::OpenFile { draft: a, .. }, Task::OpenFile { draft: b, .. })
            | (Task::Replace { draft: a, .. }, Task::Replace { draft: b, .. }) => Rc::ptr_eq(a, b),
            (Task::Merge { task: a, choices: x }, Task::Merge { task: b, choices: y }) => Rc::ptr_eq(a, b) && x == y,
            _ => false,
        }
    }
}

/// A message on the start page (or, for [`FormState::flash`], at the top of any page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The open draft was restored from this browser (its name, saved at, ISO).
    Restored { name: String, saved_at: String },
    /// The questionnaire changed since the draft was saved (the draft's version, the version
    /// now, equal when only the content changed); `kept_aside` answers fit no question.
    /// `merged`: the answers of the other side of a merge (a file, another tab) came from that
    /// version, not the open draft.
    QuestionnaireChanged { draft_version: String, current_version: String, kept_aside: usize, merged: bool },
    /// A stored draft could not be read: its text was moved aside (to `slot`) and is offered as a file.
    Unreadable { slot: String, text: Rc<str> },
    /// A draft file was opened that belongs to another questionnaire (its id).
    OtherQuestionnaire(String),
    /// A draft was made (its name).
    Created(String),
    /// Another draft of the list was opened (its name).
    Switched(String),
    /// A copy was made (the copy's name).
    Duplicated(String),
    /// A draft was renamed (the new name).
    Renamed(String),
    /// A draft was deleted (its name).
    Deleted(String),
    /// A draft file was opened as a new draft (file name, draft name).
    OpenedAsNew { file_name: String, name: String },
    /// The open draft's answers were replaced by a file's.
    Replaced { file_name: String },
    /// A merge was applied: `chosen` differences decided, `added` answers taken.
    Merged { source: MergeSource, differences: usize, added: usize },
    /// Merging found nothing to change.
    NothingToMerge { source: MergeSource },
    /// The newer answers another tab saved were loaded; `kept_aside` of them fit no question of
    /// this tab's questionnaire version and were kept aside.
    LoadedNewer { kept_aside: usize },
    /// The answers of the other tab were merged in this tab, but the merged draft could not be
    /// saved (storage failed): they are only in this tab.
    MergedNotSaved,
    /// The draft, deleted in another tab, was saved again.
    Recreated,
    /// A kept-aside answer was put back into its question.
    TakenBack,
    /// Another draft was to be opened or made, but the open one could not be saved first (storage
    /// failed, or another tab changed or deleted it): it stays open, nothing changed.
    StayedOpen,
}

/// The state of filling one questionnaire.
#[derive(Clone)]
pub struct FormState {
    /// The session and the render bookkeeping.
    pub store: Rc<Store>,
    /// The page shown.
    pub route: Route,
    /// Bumped by every change of answers or of errors on display: the start, review, print and
    /// drafts pages re-render on it. Section pages do not take it: their questions watch the
    /// store and redraw when their own version moved.
    pub revision: u64,
    /// Bumped by every change of answers: the autosave waits for it to settle.
    pub answers_revision: u64,
    /// The section whose error summary is open (after Weiter).
    pub summary_for: Option<SectionIdx>,
    /// Where focus goes after the render with this `focus_serial`.
    pub focus: Option<FocusTarget>,
    /// Bumped with every focus request, so the same target can be asked for twice.
    pub focus_serial: u64,
    /// The autosave's state.
    pub save_status: SaveStatus,
    /// The messages on the start page (a restored draft, a changed questionnaire, …).
    pub notices: Vec<Notice>,
    /// A message at the top of the page shown, dropped on the next move to another page.
    pub flash: Option<Notice>,
    /// The questionnaire's drafts (the index), for the start page's list.
    pub drafts: Rc<Vec<DraftEntry>>,
    /// Another tab saved or deleted this draft: the form is read-only until it is resolved.
    pub conflict: Option<Conflict>,
    /// The task of the drafts pages.
    pub task: Option<Task>,
    /// Whether the last export attempt was refused (the problem list then takes focus).
    pub export_refused: bool,
    /// The page was opened by a change link of the review page: Weiter goes back there
    /// (GOV.UK "check answers": after changing one answer the person returns to the summary).
    pub return_to_review: bool,
    /// The key, the last export and its upload.
    pub signing: Signing,
}

/// What can happen to the form. The first four mirror the engine's calls.
#[derive(Debug, Clone)]
pub enum Action {
    /// Set a question's answer; `leave` also puts its errors on display (a radio click, a change).
    Answer { question: QuestionIdx, value: Option<AnswerValue>, leave: bool },
    /// Set a field of a record.
    RecordField { question: QuestionIdx, record: RecordId, field: usize, value: Option<AnswerValue>, leave: bool },
    /// Add a record to a repeat group; focus goes to its first field.
    AddRecord(QuestionIdx),
    /// Put the kept-aside answer at `index` back into its question `question_id`, which it fits
    /// again ([`Session::take_back_kept_aside`]). The id guards against a second click on a
    /// page not yet drawn anew, whose positions have moved.
    TakeBackKeptAside { index: usize, question_id: String },
    /// Remove a record from a repeat group; focus goes to the group's add button.
    RemoveRecord(QuestionIdx, RecordId),
    /// The respondent left a field: its errors at `location` go on display.
    Leave(QuestionIdx, ViolationLocation),
    /// "Weiter": show the page's errors, or go on to the next visible page.
    Continue,
    /// "Zurück": the previous visible page, or the start page.
    Back,
    /// Go to a page (links, the browser's back button).
    Navigate(Route),
    /// Go to a page and focus a field there ("Ändern", error links on the review page).
    NavigateToField(Route, String),
    /// The export was attempted while errors remain.
    ExportRefused,
    /// The autosave finished.
    Saved(Result<SaveReport, StorageError>),
    /// A storage operation (on the drafts pages) failed.
    StorageFailed(StorageError),
    /// Another tab saved or deleted this draft: the form becomes read-only.
    Conflicted(Conflict),
    /// The list of drafts changed (another tab, or an operation here).
    DraftsChanged(Vec<DraftEntry>),
    /// The session becomes another one (a draft file replaced it, a merge, the stored draft
    /// loaded). `known`: the save it now equals; `unsaved`: it differs from what is stored;
    /// `to_start`: show the start page with `notices`, else the first as a flash on this page.
    ReplaceSession {
        session: Box<Session>,
        known: Option<DraftMeta>,
        unsaved: bool,
        notices: Vec<Notice>,
        to_start: bool,
    },
    /// Show a message on the start page (with the list of drafts, when it changed).
    Notify { notice: Notice, drafts: Option<Vec<DraftEntry>> },
    /// Start a task of the drafts pages and show its page.
    OpenTask(Task),
    /// Leave the drafts page: back to the start page.
    CloseTask,
    /// Choose a side for one difference of the merge.
    MergeChoose(usize, Side),
    /// Choose a side for every difference.
    MergeChooseAll(Side),
    /// A signed submission was downloaded, with this key; `not_kept` when a new key could not
    /// be stored; `notice` about the key (made, stored one unreadable); whom the key has signed
    /// for now.
    Exported {
        record: Rc<ExportRecord>,
        key: SigningKey,
        not_kept: Option<StorageError>,
        notice: Option<KeyNotice>,
        signed_for: Rc<Vec<SignedFor>>,
    },
    /// A message about the key (a refused file, no random numbers, signing failed).
    KeyNotice(KeyNotice),
    /// A key from a file is now this browser's key (which had signed for `signed_for` here).
    KeyLoaded { key: SigningKey, not_kept: Option<StorageError>, file_name: String, signed_for: Rc<Vec<SignedFor>> },
    /// A key from a file differs from the kept one: ask before replacing it.
    KeyReplaceAsked(PendingKey),
    /// The respondent kept the current key.
    KeyReplaceCancelled,
    /// The upload of the last export moved on.
    Upload(UploadStatus),
}

impl FormState {
    /// The state for a freshly opened questionnaire.
    pub fn new(session: Session, route: Route, notices: Vec<Notice>) -> FormState {
        FormState::with_draft(session, DraftHandle::default(), route, notices)
    }

    /// The state for a freshly opened draft: its session and handle.
    pub fn with_draft(session: Session, draft: DraftHandle, route: Route, notices: Vec<Notice>) -> FormState {
        // A drafts page has nothing to show after a reload: its task is gone.
        let route = if matches!(route, Route::Draft(_)) { Route::Start } else { route };
        FormState {
            store: Rc::new(Store::with_draft(session, draft)),
            route,
            revision: 0,
            answers_revision: 0,
            summary_for: None,
            focus: None,
            focus_serial: 0,
            save_status: SaveStatus::Idle,
            notices,
            flash: None,
            drafts: Rc::new(Vec::new()),
            conflict: None,
            task: None,
            export_refused: false,
            return_to_review: false,
            signing: Signing::default(),
        }
    }

    fn focus_on(&mut self, target: FocusTarget) {
        self.focus = Some(target);
        self.focus_serial += 1;
    }

    fn go(&mut self, route: Route) {
        if self.route != route {
            self.route = route;
            self.summary_for = None;
            self.export_refused = false;
            self.return_to_review = false;
            self.flash = None;
            // Leaving a drafts page (the browser's back button included) ends its task.
            if !matches!(route, Route::Draft(page) if self.task.as_ref().is_some_and(|t| t.page() == page)) {
                self.task = None;
            }
            self.focus_on(FocusTarget::Heading);
        }
    }

    /// An answer changed after the last export and was changed back (a letter typed and
    /// deleted): the file holds the answers shown again, and the pages that show it say so
    /// rather than ask for a new signature. Checked where the export is shown, not per change:
    /// a digest per keystroke would sit on the typing path.
    fn revive_export_if_answers_are_its(&mut self, session: &Session) {
        let Some(LastExport::Outdated(record)) = &self.signing.export else { return };
        let digest = answers_digest(&stamp_of(session.questionnaire()), &session.visible_answers());
        if digest == record.digest {
            self.signing.export = Some(LastExport::Current(record.clone()));
        }
    }

    /// The last export no longer matches the answers: it is not offered again.
    fn drop_export(&mut self) {
        if let Some(LastExport::Current(record)) = &self.signing.export {
            self.signing.export = Some(LastExport::Outdated(record.clone()));
        }
        self.signing.upload = UploadStatus::Idle;
    }

    fn answers_changed(&mut self, session: &Session, changes: &ChangeSet) {
        if !changes.questions.is_empty() {
            self.drop_export();
        }
        self.store.apply_changes(session, changes);
        self.store.unsaved.set(true);
        self.revision += 1;
        self.answers_revision += 1;
        if self.summary_for.is_some_and(|s| !self.store.section_has_shown_errors(s)) {
            self.summary_for = None;
        }
    }
}

/// The visible pages after (or before) `from`, in document order.
pub fn neighbour_page(session: &Session, from: SectionIdx, forward: bool) -> Option<SectionIdx> {
    let q = session.questionnaire();
    let pages: Vec<SectionIdx> = q.pages().filter(|&s| s == from || session.is_section_visible(s)).collect();
    let at = pages.iter().position(|&s| s == from)?;
    if forward {
        pages.get(at + 1).copied()
    } else {
        at.checked_sub(1).and_then(|i| pages.get(i).copied())
    }
}

/// The first visible page.
pub fn first_page(session: &Session) -> Option<SectionIdx> {
    session.questionnaire().pages().find(|&s| session.is_section_visible(s))
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let store = Rc::clone(&self.store);
        let next = self.apply(action);
        // The questions the action changed redraw themselves; the page around them does not.
        store.notify();
        next
    }
}

impl FormState {
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let store = Rc::clone(&self.store);
        // Reducing while a component holds a borrow would be a bug; refuse instead of panicking.
        let Ok(mut session) = store.session.try_borrow_mut() else {
            web_sys::console::error_1(&"bogen: action ignored, the session is in use".into());
            return self;
        };
        // While another tab's save is not loaded, the answers are read-only: a change here
        // could not be saved without overwriting that tab's answers.
        let changes_answers = matches!(
            action,
            Action::Answer { .. }
                | Action::RecordField { .. }
                | Action::AddRecord(_)
                | Action::RemoveRecord(..)
                | Action::TakeBackKeptAside { .. }
        );
        if changes_answers && self.conflict.is_some() {
            return self;
        }
        match action {
            Action::Answer { question, value, leave } => {
                let changes = session.set_answer(question, value);
                next.answers_changed(&session, &changes);
                if leave {
                    store.show_at(&session, question, ViolationLocation::Answer);
                }
            }
            Action::RecordField { question, record, field, value, leave } => {
                let changes = session.set_record_field(question, record, field, value);
                next.answers_changed(&session, &changes);
                if leave {
                    store.show_at(&session, question, ViolationLocation::RecordField { record, field });
                }
            }
            Action::TakeBackKeptAside { index, question_id } => {
                if session.kept_aside().get(index).is_none_or(|kept| kept.question_id != question_id) {
                    return self;
                }
                let Some(changes) = session.take_back_kept_aside(index) else {
                    return self;
                };
                next.answers_changed(&session, &changes);
                next.flash = Some(Notice::TakenBack);
                next.focus_on(FocusTarget::Field("flash-title".to_owned()));
            }
            Action::AddRecord(question) => {
                let Some((record, changes)) = session.add_record(question) else {
                    return self;
                };
                next.answers_changed(&session, &changes);
                let q = store.questionnaire.question(question);
                if let QuestionKind::Repeat { fields, .. } = &q.kind {
                    if let Some(first) = fields.first() {
                        next.focus_on(FocusTarget::Field(record_field_dom_id(q, record, first)));
                    }
                }
            }
            Action::RemoveRecord(question, record) => {
                let changes = session.remove_record(question, record);
                next.answers_changed(&session, &changes);
                let q = store.questionnaire.question(question);
                next.focus_on(FocusTarget::Field(add_button_dom_id(q)));
            }
            Action::Leave(question, location) => {
                let before = store.question_version(question);
                store.show_at(&session, question, location);
                if store.question_version(question) == before {
                    return self;
                }
                next.revision += 1;
            }
            Action::Continue => {
                let Route::Section(section) = self.route else {
                    return self;
                };
                let mut has_errors = false;
                for &q in &store.questionnaire.section(section).questions {
                    if session.is_visible(q) {
                        has_errors |= store.show_all(&session, q);
                    }
                }
                next.revision += 1;
                if has_errors {
                    next.summary_for = Some(section);
                    next.focus_on(FocusTarget::Summary);
                } else if self.return_to_review {
                    next.go(Route::Review);
                } else {
                    match neighbour_page(&session, section, true) {
                        Some(page) => next.go(Route::Section(page)),
                        None => next.go(Route::Review),
                    }
                }
            }
            Action::Back => {
                let route = match self.route {
                    Route::Section(section) => {
                        neighbour_page(&session, section, false).map(Route::Section).unwrap_or(Route::Start)
                    }
                    _ => Route::Start,
                };
                next.go(route);
            }
            Action::Navigate(route) => {
                if route == self.route {
                    return self;
                }
                // A drafts page is reached only through its task (not by a URL or the history).
                if let Route::Draft(page) = route {
                    if self.task.as_ref().is_none_or(|t| t.page() != page) {
                        return self;
                    }
                }
                next.go(route);
            }
            Action::NavigateToField(route, field) => {
                next.go(route);
                next.return_to_review = self.route == Route::Review;
                next.focus_on(FocusTarget::Field(field));
            }
            Action::ExportRefused => {
                next.export_refused = true;
                next.focus_on(FocusTarget::ExportProblems);
            }
            Action::StorageFailed(error) => {
                next.save_status = SaveStatus::Failed(error);
            }
            Action::Conflicted(conflict) => {
                if self.conflict == Some(conflict) {
                    return self;
                }
                // Once diverged, stays so: this tab's answers may be missing from storage.
                let diverged = matches!(self.conflict, Some(Conflict::Newer { diverged: true }));
                next.conflict = Some(match conflict {
                    Conflict::Newer { diverged: d } => Conflict::Newer { diverged: d || diverged },
                    Conflict::Deleted => Conflict::Deleted,
                });
                next.revision += 1;
            }
            Action::DraftsChanged(drafts) => {
                if *self.drafts == drafts {
                    return self;
                }
                next.drafts = Rc::new(drafts);
            }
            Action::ReplaceSession { session: replacement, known, unsaved, notices, to_start } => {
                *session = *replacement;
                store.bump_all();
                if let Some(known) = known {
                    store.draft.borrow_mut().known = Some(known);
                }
                store.unsaved.set(unsaved);
                next.revision += 1;
                if unsaved {
                    // The autosave waits for this counter to settle.
                    next.answers_revision += 1;
                }
                next.summary_for = None;
                next.conflict = None;
                next.drop_export();
                if to_start {
                    next.task = None;
                    next.notices = notices;
                    next.go(Route::Start);
                    next.focus_on(FocusTarget::Field("notice-title".to_owned()));
                } else {
                    next.flash = notices.into_iter().next();
                    next.focus_on(FocusTarget::Field("flash-title".to_owned()));
                }
            }
            Action::Notify { notice, drafts } => {
                if let Some(drafts) = drafts {
                    next.drafts = Rc::new(drafts);
                }
                next.notices = vec![notice];
                next.task = None;
                next.go(Route::Start);
                next.focus_on(FocusTarget::Field("notice-title".to_owned()));
            }
            Action::OpenTask(task) => {
                let page = task.page();
                next.task = Some(task);
                next.go(Route::Draft(page));
                // A new task on the same page (a second file) still moves the focus.
                next.focus_on(FocusTarget::Heading);
            }
            Action::CloseTask => {
                next.task = None;
                next.go(Route::Start);
            }
            Action::MergeChoose(difference, side) => {
                let Some(Task::Merge { choices, .. }) = &mut next.task else {
                    return self;
                };
                match choices.get_mut(difference) {
                    Some(choice) if *choice != side => *choice = side,
                    _ => return self,
                }
            }
            Action::MergeChooseAll(side) => {
                let Some(Task::Merge { choices, .. }) = &mut next.task else {
                    return self;
                };
                choices.iter_mut().for_each(|c| *c = side);
            }
            Action::Exported { record, key, not_kept, notice, signed_for } => {
                next.signing.key = Some(key);
                next.signing.signed_for = signed_for;
                next.signing.not_kept = not_kept;
                next.signing.notice = notice;
                next.signing.pending = None;
                next.signing.export = Some(LastExport::Current(record));
                next.signing.upload = UploadStatus::Idle;
                next.export_refused = false;
                next.focus_on(FocusTarget::Block(EXPORT_DONE_ID));
            }
            Action::KeyNotice(notice) => {
                next.signing.notice = Some(notice);
                next.focus_on(FocusTarget::Block(KEY_NOTICE_ID));
            }
            Action::KeyLoaded { key, not_kept, file_name, signed_for } => {
                next.signing.key = Some(key);
                next.signing.signed_for = signed_for;
                next.signing.not_kept = not_kept;
                next.signing.pending = None;
                next.signing.notice = Some(KeyNotice::Loaded { file_name });
                next.focus_on(FocusTarget::Block(KEY_NOTICE_ID));
            }
            Action::KeyReplaceAsked(pending) => {
                next.signing.pending = Some(pending);
                next.signing.notice = None;
                next.focus_on(FocusTarget::Block(KEY_REPLACE_ID));
            }
            Action::KeyReplaceCancelled => {
                next.signing.pending = None;
            }
            Action::Upload(status) => {
                if next.signing.current_export().is_none() {
                    return self;
                }
                next.signing.upload = status;
            }
            Action::Saved(result) => {
                next.save_status = match result {
                    Ok(report) => {
                        // Saved over the stored draft: no other tab's save stood in the way.
                        next.conflict = None;
                        if *next.drafts != report.drafts {
                            next.drafts = Rc::new(report.drafts);
                        }
                        SaveStatus::Saved(report.time)
                    }
                    Err(e) => SaveStatus::Failed(e),
                };
                if next.save_status == self.save_status
                    && Rc::ptr_eq(&next.drafts, &self.drafts)
                    && next.conflict == self.conflict
                {
                    return self;
                }
            }
        }
        if next.route != self.route && matches!(next.route, Route::Review | Route::Print) {
            next.revive_export_if_answers_are_its(&session);
        }
        drop(session);
        Rc::new(next)
    }
}

/// What the components get from context: the store to read, and the dispatcher to act.
/// Equal as long as the store is the same, so providing it never re-renders anyone.
#[derive(Clone)]
pub struct FormContext {
    /// The session and the render bookkeeping.
    pub store: Rc<Store>,
    /// Sends an [`Action`] to the reducer.
    pub dispatch: UseReducerDispatcher<FormState>,
    /// Opens the form again on the draft storage now says is open (after making, opening or
    /// deleting a draft), with these notices on its start page.
    pub reopen: Callback<Vec<Notice>>,
}

impl PartialEq for FormContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

/// The DOM id a violation's error link points at: the field; for "other" left empty, its text
/// field (GOV.UK's conditional reveal); for a matrix's unanswered rows, the first of them.
pub fn violation_target(questionnaire: &Questionnaire, q: QuestionIdx, violation: &Violation) -> String {
    let question = questionnaire.question(q);
    let field = match (violation.location, &question.kind) {
        (ViolationLocation::RecordField { record, field }, QuestionKind::Repeat { fields, .. }) => {
            fields.get(field).map(|f| (record_field_dom_id(question, record, f), f))
        }
        (_, QuestionKind::Repeat { .. }) => None,
        _ => Some((question_dom_id(question), question)),
    };
    let Some((dom_id, about)) = field else {
        return add_button_dom_id(question);
    };
    match (&violation.kind, &about.kind) {
        (ViolationKind::OtherNotSpecified, _) => crate::format::other_text_dom_id(&dom_id),
        (ViolationKind::MatrixRowsMissing { rows: missing }, QuestionKind::Matrix { rows, .. }) => {
            let first = rows.iter().position(|r| missing.contains(&r.value)).unwrap_or(0);
            // The first radio of that row (MatrixInput's ids; the very first one is the field's).
            if first == 0 {
                dom_id
            } else {
                format!("{dom_id}-r{first}-c0")
            }
        }
        _ => dom_id,
    }
}

/// The label under which a violation is reported: the question's, or for a record field
/// "Maßnahme 2 – Titel".
pub fn violation_label(
    questionnaire: &Questionnaire,
    session: &Session,
    q: QuestionIdx,
    violation: &Violation,
    lang: Lang,
) -> String {
    let question = questionnaire.question(q);
    match (violation.location, &question.kind, session.answer(q)) {
        (
            ViolationLocation::RecordField { record, field },
            QuestionKind::Repeat { fields, record_label, .. },
            Some(AnswerValue::Records(records)),
        ) => {
            let number = records.iter().position(|r| r.id == record).unwrap_or(0) + 1;
            let name = crate::format::record_name(record_label.as_ref(), lang);
            let field_label = fields.get(field).map(|f| f.label.get(lang)).unwrap_or("");
            format!("{name} {number} – {field_label}")
        }
        _ => question.label.get(lang).to_owned(),
    }
}

/// The question (or record field) a violation is about, for its default message.
pub fn violation_question<'a>(
    questionnaire: &'a Questionnaire,
    q: QuestionIdx,
    violation: &Violation,
) -> &'a bogen_engine::Question {
    let question = questionnaire.question(q);
    match (violation.location, &question.kind) {
        (ViolationLocation::RecordField { field, .. }, QuestionKind::Repeat { fields, .. }) => {
            fields.get(field).unwrap_or(question)
        }
        _ => question,
    }
}

/// A violation as the respondent reads it: (DOM id to link to, message).
pub fn violation_entry(
    questionnaire: &Questionnaire,
    session: &Session,
    q: QuestionIdx,
    violation: &Violation,
    lang: Lang,
) -> (String, String) {
    let label = violation_label(questionnaire, session, q, violation, lang);
    let about = violation_question(questionnaire, q, violation);
    (violation_target(questionnaire, q, violation), crate::i18n::violation_summary(lang, violation, about, &label))
}

/// A violation's message as shown at its field.
pub fn violation_text(
    questionnaire: &Questionnaire,
    session: &Session,
    q: QuestionIdx,
    violation: &Violation,
    lang: Lang,
) -> String {
    let about = violation_question(questionnaire, q, violation);
    // A record field's "required" names the field, not the record: the record is its legend.
    let label = match violation.location {
        ViolationLocation::RecordField { .. } => about.label.get(lang).to_owned(),
        ViolationLocation::Answer => violation_label(questionnaire, session, q, violation, lang),
    };
    crate::i18n::violation_message(lang, violation, about, &label)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bogen_engine::compile;

    const FORM: &str = r#"{
      "formatVersion": 1, "id": "t", "version": "1", "languages": ["de", "en"],
      "title": "T",
      "sections": [
        { "id": "a", "title": "A", "questions": [
          { "id": "name", "type": "text", "label": "Name", "required": true },
          { "id": "n", "type": "integer", "label": "N", "max": 10 },
          { "id": "double", "type": "calculated", "label": "D", "calculate": "n * 2" },
          { "id": "other", "type": "text", "label": "Other" }
        ] },
        { "id": "b", "title": "B", "visibleIf": "name = 'b'", "questions": [
          { "id": "yn", "type": "yesNo", "label": "YN" }
        ] },
        { "id": "c", "title": "C", "questions": [
          { "id": "free", "type": "text", "label": "Free" }
        ] }
      ]
    }"#;

    fn state() -> Rc<FormState> {
        let questionnaire = Arc::new(compile(FORM).expect("the test form compiles"));
        let start = Route::Section(SectionIdx(0));
        Rc::new(FormState::new(Session::new(questionnaire), start, Vec::new()))
    }

    fn q(state: &FormState, id: &str) -> QuestionIdx {
        state.store.questionnaire.question_idx(id).expect("known id")
    }

    fn versions(state: &FormState) -> Vec<u32> {
        (0..state.store.questionnaire.questions.len() as u32)
            .map(|i| state.store.question_version(QuestionIdx(i)))
            .collect()
    }

    fn type_text(state: Rc<FormState>, id: &str, text: &str) -> Rc<FormState> {
        let question = q(&state, id);
        state.reduce(Action::Answer { question, value: Some(AnswerValue::Text(text.into())), leave: false })
    }

    #[test]
    fn typing_bumps_only_the_question_and_what_it_affects() {
        let s = state();
        let before = versions(&s);
        let n = q(&s, "n");
        let s = s.reduce(Action::Answer { question: n, value: Some(AnswerValue::Number(3.0)), leave: false });
        let after = versions(&s);
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .enumerate()
            .filter(|(_, (b, a))| b != a)
            .map(|(i, _)| s.store.questionnaire.questions[i].id.0.as_str())
            .collect();
        assert_eq!(changed, ["n", "double"]);
        assert_eq!(s.answers_revision, 1);
    }

    /// Watches every question and the errors on display; returns what each action told.
    fn watch_all(state: &FormState) -> (Vec<Watch>, Rc<RefCell<Vec<String>>>) {
        let told = Rc::new(RefCell::new(Vec::new()));
        let mut watches: Vec<Watch> = state
            .store
            .questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| {
                let told = told.clone();
                let id = question.id.0.clone();
                state.store.watch(
                    Topic::Question(QuestionIdx(i as u32)),
                    Callback::from(move |()| told.borrow_mut().push(id.clone())),
                )
            })
            .collect();
        let summary = told.clone();
        watches.push(
            state.store.watch(Topic::Errors, Callback::from(move |()| summary.borrow_mut().push("errors".into()))),
        );
        (watches, told)
    }

    #[test]
    fn each_action_tells_exactly_the_watchers_of_what_it_changed_once_it_is_done() {
        let s = state();
        let (watches, told) = watch_all(&s);
        let n = q(&s, "n");
        let s = s.reduce(Action::Answer { question: n, value: Some(AnswerValue::Number(3.0)), leave: false });
        assert_eq!(told.take(), ["n", "double"], "the ChangeSet's questions, each once; no summary");

        let s = s.reduce(Action::Answer { question: n, value: Some(AnswerValue::Number(11.0)), leave: false });
        assert_eq!(told.take(), ["n", "double"], "a new error waits: the summary is not told");
        let s = s.reduce(Action::Leave(n, ViolationLocation::Answer));
        assert_eq!(told.take(), ["n", "errors"], "leaving the field puts its error on display");
        let s = s.reduce(Action::Leave(n, ViolationLocation::Answer));
        assert!(told.take().is_empty(), "nothing changed, nobody is told");
        let s = s.reduce(Action::Answer { question: n, value: Some(AnswerValue::Number(1.0)), leave: false });
        assert_eq!(told.take(), ["n", "double", "errors"], "the fixed error leaves the summary");

        let s = s.reduce(Action::Continue);
        assert_eq!(told.take(), ["name", "errors"], "Weiter puts the page's errors on display");
        let s = type_text(s, "other", "x");
        assert_eq!(told.take(), ["other"], "a field without errors on display leaves the summary alone");

        drop(watches);
        let _ = type_text(s, "other", "xy");
        assert!(told.take().is_empty(), "a dropped watch is told nothing");
    }

    #[test]
    fn replacing_the_session_tells_every_watcher() {
        let s = state();
        let (_watches, told) = watch_all(&s);
        let questionnaire = Arc::clone(&s.store.questionnaire);
        let _ = s.reduce(Action::ReplaceSession {
            session: Box::new(Session::new(questionnaire)),
            known: None,
            unsaved: false,
            notices: Vec::new(),
            to_start: false,
        });
        assert_eq!(told.take(), ["name", "n", "double", "other", "yn", "free", "errors"]);
    }

    #[test]
    fn errors_show_when_the_field_is_left_and_go_as_soon_as_they_are_fixed() {
        let s = state();
        let n = q(&s, "n");
        let s = s.reduce(Action::Answer { question: n, value: Some(AnswerValue::Number(11.0)), leave: false });
        assert!(s.store.shown_errors(n).is_empty(), "not while typing");
        let s = s.reduce(Action::Leave(n, ViolationLocation::Answer));
        assert_eq!(s.store.shown_errors(n).len(), 1);
        let s = s.reduce(Action::Answer { question: n, value: Some(AnswerValue::Number(1.0)), leave: false });
        assert!(s.store.shown_errors(n).is_empty(), "fixed errors go at once");
    }

    #[test]
    fn continue_shows_the_summary_or_moves_on_skipping_hidden_pages() {
        let s = state();
        let s = s.reduce(Action::Continue);
        assert_eq!(s.route, Route::Section(SectionIdx(0)));
        assert_eq!(s.summary_for, Some(SectionIdx(0)));
        assert_eq!(s.focus, Some(FocusTarget::Summary));
        assert_eq!(s.store.shown_errors(q(&s, "name")).len(), 1);

        let s = type_text(s, "name", "Anna");
        assert_eq!(s.summary_for, None, "the summary closes when nothing is left");
        let s = s.reduce(Action::Continue);
        let c = s.store.questionnaire.section_idx("c").expect("section c");
        assert_eq!(s.route, Route::Section(c), "B is hidden and skipped");
        let s = s.reduce(Action::Back);
        assert_eq!(s.route, Route::Section(SectionIdx(0)));

        let s = type_text(s, "name", "b");
        let s = s.reduce(Action::Continue);
        let b = s.store.questionnaire.section_idx("b").expect("section b");
        assert_eq!(s.route, Route::Section(b), "B shows once the condition holds");
        let s = s.reduce(Action::Navigate(Route::Section(c)));
        let s = s.reduce(Action::Continue);
        assert_eq!(s.route, Route::Review, "after the last page comes the review");
    }

    #[test]
    fn after_a_change_link_of_the_review_page_weiter_returns_to_the_review() {
        let s = type_text(state(), "name", "Anna");
        let s = s.reduce(Action::Navigate(Route::Review));
        let s = s.reduce(Action::NavigateToField(Route::Section(SectionIdx(0)), "name".to_owned()));
        assert!(s.return_to_review);
        let s = s.reduce(Action::Continue);
        assert_eq!(s.route, Route::Review, "back to the summary, not on to the next page");
        let s = s.reduce(Action::Navigate(Route::Section(SectionIdx(0))));
        let s = s.reduce(Action::Continue);
        assert_ne!(s.route, Route::Review, "an ordinary visit moves on to the next page");
    }

    /// The record of a file signed over the answers `s` holds now.
    fn record(key: &SigningKey, s: &FormState) -> Rc<ExportRecord> {
        let session = s.store.session.borrow();
        let digest = answers_digest(&stamp_of(session.questionnaire()), &session.visible_answers());
        Rc::new(ExportRecord {
            file_name: "t_anna_2026-11-27.json".to_owned(),
            text: "{}".to_owned(),
            fingerprint: key.fingerprint(),
            short_digest: bogen_engine::submission::short_digest(&digest),
            digest,
            respondent: Some("Anna".to_owned()),
        })
    }

    #[test]
    fn an_export_is_kept_across_pages_takes_the_focus_and_goes_when_an_answer_changes() {
        let s = type_text(state(), "name", "Anna");
        let key = SigningKey::new(KeyPair::from_seed([1; 32]));
        let made = record(&key, &s);
        let s = s.reduce(Action::Exported {
            record: made.clone(),
            key: key.clone(),
            not_kept: None,
            notice: Some(KeyNotice::Made),
            signed_for: Rc::default(),
        });
        assert_eq!(s.signing.export, Some(LastExport::Current(made.clone())));
        assert_eq!(s.signing.key, Some(key.clone()));
        assert_eq!(s.focus, Some(FocusTarget::Block(EXPORT_DONE_ID)));
        let s = s.reduce(Action::Upload(UploadStatus::Running));
        let s = s.reduce(Action::Navigate(Route::Print));
        let s = s.reduce(Action::Navigate(Route::Review));
        assert!(s.signing.current_export().is_some(), "the file is offered again after visiting another page");
        assert_eq!(s.signing.upload, UploadStatus::Running);

        let s = type_text(s, "name", "Berta");
        assert_eq!(
            s.signing.export,
            Some(LastExport::Outdated(made.clone())),
            "a file that no longer matches the answers is not offered, but the pages say that it no longer matches"
        );
        assert_eq!(s.signing.upload, UploadStatus::Idle);
        assert_eq!(s.signing.key, Some(key.clone()), "the key stays");
        let s = s.reduce(Action::Upload(UploadStatus::Done { time: "14:32".to_owned() }));
        assert_eq!(s.signing.upload, UploadStatus::Idle, "a late answer for a dropped file is ignored");

        let s = type_text(s, "name", "Carla");
        assert_eq!(s.signing.outdated_export(), Some(&made), "still the file that was made");
        let s = s.reduce(Action::Navigate(Route::Review));
        assert_eq!(s.signing.outdated_export(), Some(&made), "the review page sees that it differs");
        // The change undone: the file holds the answers shown again, and is offered again.
        let s = type_text(s, "name", "Anna");
        assert_eq!(s.signing.outdated_export(), Some(&made), "not worked out while typing");
        let s = s.reduce(Action::Navigate(Route::Print));
        assert_eq!(s.signing.current_export(), Some(&made), "the print view shows the file as current");
        let s = type_text(s, "name", "Carla");
        let s = s.reduce(Action::Exported {
            record: made.clone(),
            key,
            not_kept: None,
            notice: None,
            signed_for: Rc::default(),
        });
        assert_eq!(s.signing.export, Some(LastExport::Current(made)), "a new file matches the answers again");
    }

    #[test]
    fn a_key_from_a_file_that_differs_waits_for_the_respondent_and_never_replaces_silently() {
        let s = state();
        let kept = SigningKey::new(KeyPair::from_seed([1; 32]));
        let other = SigningKey::new(KeyPair::from_seed([2; 32]));
        let s = s.reduce(Action::KeyLoaded {
            key: kept.clone(),
            not_kept: None,
            file_name: "a.json".to_owned(),
            signed_for: Rc::default(),
        });
        assert_eq!(s.signing.key, Some(kept.clone()));
        let pending = PendingKey { file_name: "b.json".to_owned(), key: other.clone() };
        let s = s.reduce(Action::KeyReplaceAsked(pending.clone()));
        assert_eq!(s.signing.key, Some(kept.clone()), "asking replaces nothing");
        assert_eq!(s.signing.pending, Some(pending));
        assert_eq!(s.focus, Some(FocusTarget::Block(KEY_REPLACE_ID)));
        let cancelled = s.clone().reduce(Action::KeyReplaceCancelled);
        assert_eq!(cancelled.signing.key, Some(kept));
        assert_eq!(cancelled.signing.pending, None);
        let s = s.reduce(Action::KeyLoaded {
            key: other.clone(),
            not_kept: None,
            file_name: "b.json".to_owned(),
            signed_for: Rc::default(),
        });
        assert_eq!(s.signing.key, Some(other));
        assert_eq!(s.signing.pending, None);
        assert_eq!(s.signing.notice, Some(KeyNotice::Loaded { file_name: "b.json".to_owned() }));
    }

    #[test]
    fn while_another_tabs_save_is_not_loaded_no_answer_changes_and_loading_it_ends_that() {
        let s = type_text(state(), "name", "Anna");
        let s = s.reduce(Action::Conflicted(Conflict::Newer { diverged: false }));
        let revision = s.answers_revision;
        let s = type_text(s, "name", "Berta");
        assert_eq!(s.answers_revision, revision, "the change was refused");
        let name = q(&s, "name");
        assert_eq!(s.store.session.borrow().answer(name), Some(&AnswerValue::Text("Anna".into())));
        let n = q(&s, "n");
        let s = s.reduce(Action::AddRecord(n));
        assert_eq!(s.answers_revision, revision);

        // Unsaved changes found later make it diverged, and it stays so.
        let s = s.reduce(Action::Conflicted(Conflict::Newer { diverged: true }));
        let s = s.reduce(Action::Conflicted(Conflict::Newer { diverged: false }));
        assert_eq!(s.conflict, Some(Conflict::Newer { diverged: true }));

        let questionnaire = Arc::clone(&s.store.questionnaire);
        let mut stored = Session::new(questionnaire);
        stored.set_answer(name, Some(AnswerValue::Text("Carla".into())));
        let s = s.reduce(Action::ReplaceSession {
            session: Box::new(stored),
            known: None,
            unsaved: false,
            notices: vec![Notice::LoadedNewer { kept_aside: 0 }],
            to_start: false,
        });
        assert_eq!(s.conflict, None);
        assert_eq!(s.flash, Some(Notice::LoadedNewer { kept_aside: 0 }));
        assert_eq!(s.route, Route::Section(SectionIdx(0)), "the respondent stays where they were");
        assert!(!s.store.unsaved.get(), "what was loaded is what is stored");
        let s = type_text(s, "name", "Dora");
        assert_eq!(s.store.session.borrow().answer(name), Some(&AnswerValue::Text("Dora".into())));
    }

    #[test]
    fn leaving_asks_first_exactly_while_the_tab_holds_answers_no_storage_has() {
        let saves = Cell::new(0);
        let save = |works: bool| {
            let saves = &saves;
            move || {
                saves.set(saves.get() + 1);
                works
            }
        };
        let holds = |answers: bool| move || answers;
        // The normal case: what is unsaved is saved now, and nothing asks.
        assert!(!unstored_on_leave(None, true, holds(true), save(true)));
        assert_eq!(saves.get(), 1);
        assert!(!unstored_on_leave(None, false, holds(true), save(true)), "nothing unsaved, nothing to ask");
        assert_eq!(saves.get(), 1, "and nothing to save");
        // Storage full or blocked: the save fails, the answers are only here.
        assert!(unstored_on_leave(None, true, holds(true), save(false)));
        // Read-only after another tab saved: only where this tab holds answers the stored draft may lack.
        assert!(unstored_on_leave(Some(Conflict::Newer { diverged: true }), false, holds(true), save(true)));
        assert!(unstored_on_leave(Some(Conflict::Newer { diverged: true }), true, holds(true), save(true)));
        assert!(!unstored_on_leave(Some(Conflict::Newer { diverged: false }), false, holds(true), save(true)));
        // Deleted in another tab: every answer this tab holds is in no storage now.
        assert!(unstored_on_leave(Some(Conflict::Deleted), true, holds(true), save(true)));
        assert!(unstored_on_leave(Some(Conflict::Deleted), false, holds(true), save(true)));
        assert!(!unstored_on_leave(Some(Conflict::Deleted), false, holds(false), save(true)));
        assert_eq!(saves.get(), 2, "a tab in conflict never saves over the other tab's save");
    }

    #[test]
    fn a_drafts_page_is_reached_only_through_its_task_and_leaving_it_ends_the_task() {
        let s = state();
        let s = s.reduce(Action::Navigate(Route::Draft(DraftPage::New)));
        assert_eq!(s.route, Route::Section(SectionIdx(0)), "a URL alone does not open it");
        let s = s.reduce(Action::OpenTask(Task::NewDraft));
        assert_eq!(s.route, Route::Draft(DraftPage::New));
        // The URL effect's own hashchange names the same page: nothing happens.
        let s = s.reduce(Action::Navigate(Route::Draft(DraftPage::New)));
        assert_eq!(s.task, Some(Task::NewDraft));
        // The browser's back button.
        let s = s.reduce(Action::Navigate(Route::Start));
        assert_eq!(s.task, None);
        let s = s.reduce(Action::Navigate(Route::Draft(DraftPage::New)));
        assert_eq!(s.route, Route::Start);
        // After a reload a drafts page opens the start page.
        let questionnaire = Arc::clone(&s.store.questionnaire);
        let fresh = FormState::new(Session::new(questionnaire), Route::Draft(DraftPage::Merge), Vec::new());
        assert_eq!(fresh.route, Route::Start);
    }

    #[test]
    fn a_merge_waits_for_its_choices_one_by_one_or_all_of_one_side() {
        let s = type_text(state(), "name", "Anna");
        let name = q(&s, "name");
        let questionnaire = Arc::clone(&s.store.questionnaire);
        let mut theirs = Session::new(Arc::clone(&questionnaire));
        theirs.set_answer(name, Some(AnswerValue::Text("Berta".into())));
        theirs.set_answer(q(&s, "other"), Some(AnswerValue::Text("nur dort".into())));
        let file = DraftFile::from_session(&theirs, &DraftMeta::default());
        let plan = MergePlan::new(&s.store.session.borrow(), &file).expect("same questionnaire");
        assert_eq!((plan.differences.len(), plan.additions.len()), (1, 1));
        let task = Rc::new(MergeTask {
            plan,
            source: MergeSource::File("b.json".into()),
            their_name: String::new(),
            their_saved_at: String::new(),
            base: None,
            again: false,
        });
        let s = s.reduce(Action::OpenTask(Task::Merge { task, choices: vec![Side::Ours] }));
        assert_eq!(s.route, Route::Draft(DraftPage::Merge));
        let s = s.reduce(Action::MergeChoose(0, Side::Theirs));
        let choices = |s: &FormState| match &s.task {
            Some(Task::Merge { choices, .. }) => choices.clone(),
            _ => Vec::new(),
        };
        assert_eq!(choices(&s), [Side::Theirs]);
        let s = s.reduce(Action::MergeChooseAll(Side::Ours));
        assert_eq!(choices(&s), [Side::Ours]);
        assert_eq!(
            s.store.session.borrow().answer(name),
            Some(&AnswerValue::Text("Anna".into())),
            "nothing changed before the merge is confirmed"
        );
        let s = s.reduce(Action::CloseTask);
        assert_eq!((s.route, s.task.is_none()), (Route::Start, true));
    }

    #[test]
    fn routes_round_trip_through_the_url_fragment() {
        let s = state();
        let questionnaire = &s.store.questionnaire;
        for route in [
            Route::Start,
            Route::Review,
            Route::Print,
            Route::Section(SectionIdx(2)),
            Route::KeptAside,
            Route::Draft(DraftPage::New),
            Route::Draft(DraftPage::Merge),
        ] {
            assert_eq!(Route::from_hash(&route.to_hash(questionnaire), questionnaire), Some(route));
        }
        assert_eq!(Route::from_hash("#main", questionnaire), None);
        assert_eq!(Route::from_hash("#/abschnitt/nope", questionnaire), None);
    }

    #[test]
    fn the_names_a_key_signed_for_other_than_this_one_are_named_once_each() {
        let signed = |q: &str, name: &str| SignedFor { questionnaire_id: q.to_owned(), name: name.to_owned() };
        let signing = Signing {
            signed_for: Rc::new(vec![
                signed("wettbewerb", "Stadt Gießen"),
                signed("wettbewerb", "stadt  gießen"),
                signed("wettbewerb", "Wetzlar"),
                signed("andere-umfrage", "Marburg"),
            ]),
            ..Signing::default()
        };
        assert_eq!(signing.signed_for_others("wettbewerb", "Stadt Gießen"), vec!["Wetzlar".to_owned()]);
        assert_eq!(
            signing.signed_for_others("wettbewerb", "Marburg"),
            vec!["Stadt Gießen".to_owned(), "Wetzlar".to_owned()]
        );
        assert_eq!(signing.signed_for_others("andere-umfrage", "Marburg"), Vec::<String>::new());
        assert_eq!(Signing::default().signed_for_others("wettbewerb", "Gießen"), Vec::<String>::new());
    }
}
