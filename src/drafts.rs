//! The drafts of the open questionnaire: which one opens, the autosave (with its check that no
//! other tab saved the draft meanwhile), the list of drafts (new, open, rename, duplicate,
//! delete), draft files (opened as a new draft, replacing the open one, or merged into it), and
//! loading what another tab saved. Glue between [`crate::storage`] (the only code that keeps
//! drafts), [`crate::dom`] (clock, random ids, downloads) and the engine's draft and merge
//! functions, as `keys.rs` is for the signing key: no rendering; each step's outcome is an
//! [`Action`] for the reducer (or, for steps that open another draft, the notices for the form
//! that opens next).
//!
//! Nothing typed is lost:
//!
//! - A save first reads what is stored ([`storage::stored_meta`]) and compares it with the
//!   save this tab knows ([`DraftFile::compare_with`]): when another tab saved or deleted the
//!   draft since, this tab does not write, and becomes read-only ([`Conflict`]) until the
//!   respondent loads the stored answers ([`load_stored`]; merged with this tab's, where it holds
//!   changes the stored draft may lack).
//! - Loading another tab's save merged with this tab's answers writes the merge at once, over
//!   exactly that save ([`apply_merge`]): when the other tab saved again meanwhile, nothing is
//!   written and the merge is planned anew with its newer answers, and the page says so.
//! - A save that fails leaves the change marked unsaved: the next change, leaving the page and
//!   every further save try again, and the page offers the draft as a file. Closing the tab
//!   then asks first (`app.rs`, [`crate::state::unstored_on_leave`]).
//! - A draft that cannot be read is moved aside (never overwritten) and offered as a file.
//! - Before another draft opens, the open one is saved; if that fails, it stays open.

use crate::state::{Action, Conflict, DraftHandle, MergeSource, MergeTask, Notice, Store, Task};
use crate::storage::{self, DraftEntry, EntryProgress, Migration, StorageError};
use bogen_engine::{
    DraftFile, DraftMeta, Lang, MergePlan, Newer, QuestionIdx, Questionnaire, SaveOrder, Session, Side,
};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

/// The performance measure around one autosave (what `tests/e2e/bench/autosave.mjs` reads).
pub const AUTOSAVE_MEASURE: &str = "bogen-autosave";

/// What opening a questionnaire found: the session of the draft that opens, and what to say.
pub struct Opening {
    /// The open draft's answers.
    pub session: Session,
    /// Which draft it is.
    pub handle: DraftHandle,
    /// What the start page says about it.
    pub notices: Vec<Notice>,
    /// The questionnaire's drafts.
    pub drafts: Vec<DraftEntry>,
    /// Why nothing can be saved, when storage failed already.
    pub problem: Option<StorageError>,
}

/// A new draft id: 16 hex digits from the browser's random numbers.
pub fn new_id() -> String {
    crate::dom::random_bytes::<8>().iter().map(|b| format!("{b:02x}")).collect()
}

/// The first free default name, "Entwurf 2" when there is one draft.
pub fn default_name(lang: Lang, drafts: &[DraftEntry]) -> String {
    (drafts.len() + 1..)
        .map(|n| crate::i18n::draft_default_name(lang, n))
        .find(|name| !name_taken(name, drafts, None))
        .unwrap_or_default()
}

/// Whether two draft names are the same to a reader (spaces around and ASCII case aside).
fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The number of a default name ("Entwurf 3", "Draft 3") in either language.
fn default_number(name: &str) -> Option<usize> {
    ["Entwurf ", "Draft "].iter().find_map(|prefix| {
        let n = name.trim().strip_prefix(prefix)?;
        n.bytes().all(|b| b.is_ascii_digit()).then(|| n.parse().ok()).flatten()
    })
}

/// Whether `name` is a default name ("Entwurf 3", "Draft 3") in either language.
fn is_default_name(name: &str) -> bool {
    default_number(name).is_some()
}

/// After the page's language changed: the open draft, when the app named it ("Entwurf 1") and
/// nothing is answered in it yet, takes the default name in that language ("Draft 1"); the name
/// is still the app's word, not the respondent's. Nothing else changes; `None` when nothing did.
pub fn name_in_language(store: &Store, lang: Lang) -> Option<Action> {
    let qid = &store.questionnaire.id;
    let (id, name) = store.draft.try_borrow().ok().map(|h| (h.id.clone(), h.name.clone()))?;
    let renamed = crate::i18n::draft_default_name(lang, default_number(&name)?);
    if renamed == name {
        return None;
    }
    {
        let session = store.session.try_borrow().ok()?;
        let questions = store.questionnaire.questions.iter().enumerate();
        let untouched = questions.into_iter().all(|(i, q)| session.answer(QuestionIdx(i as u32)) == q.default.as_ref());
        if !untouched || !session.kept_aside().is_empty() {
            return None;
        }
    }
    let drafts = storage::list_drafts(qid).ok()?;
    if name_taken(&renamed, &drafts, Some(&id)) || !drafts.iter().any(|d| d.id == id) {
        return None;
    }
    let list = storage::rename_draft(qid, &id, &renamed).ok()?;
    let mut handle = store.draft.try_borrow_mut().ok()?;
    handle.name = renamed.clone();
    if let Some(known) = &mut handle.known {
        known.name = renamed;
    }
    Some(Action::DraftsChanged(list))
}

/// Whether another draft of the list than `except` is called `name`.
pub fn name_taken(name: &str, drafts: &[DraftEntry], except: Option<&str>) -> bool {
    drafts.iter().any(|d| Some(d.id.as_str()) != except && same_name(&d.name, name))
}

/// `wanted` when no draft of the questionnaire has that name yet; else a name none has, so that
/// the list (and its actions, "Löschen Entwurf „…“") tells them apart: the next free default
/// name for a default name ("Entwurf 1" → "Entwurf 2"), else the name with a number
/// ("Bewerbung" → "Bewerbung (2)").
pub fn unique_name(lang: Lang, wanted: &str, drafts: &[DraftEntry]) -> String {
    if !name_taken(wanted, drafts, None) {
        return wanted.to_owned();
    }
    if is_default_name(wanted) {
        return default_name(lang, drafts);
    }
    (2..).map(|n| format!("{} ({n})", wanted.trim())).find(|name| !name_taken(name, drafts, None)).unwrap_or_default()
}

/// How the stored draft stands to the save this tab knows (the engine's comparison, on the
/// meta alone: the stored draft's answers are not read for it).
fn order(stored: &DraftMeta, known: &DraftMeta) -> SaveOrder {
    let stored = DraftFile {
        format_version: bogen_engine::draft::DRAFT_FORMAT_VERSION,
        questionnaire_id: String::new(),
        questionnaire_version: String::new(),
        questionnaire_sha256: None,
        draft_id: stored.draft_id.clone(),
        name: stored.name.clone(),
        saved_at: stored.saved_at.clone(),
        revision: stored.revision,
        answers: BTreeMap::new(),
        answered_at: BTreeMap::new(),
        kept_aside: Vec::new(),
    };
    stored.compare_with(known)
}

fn progress_of(session: &Session) -> EntryProgress {
    let p = session.progress();
    EntryProgress { completed: p.pages_completed, needed: p.pages_needed }
}

fn entry_of(session: &Session, meta: &DraftMeta) -> DraftEntry {
    DraftEntry {
        id: meta.draft_id.clone(),
        name: meta.name.clone(),
        saved_at: meta.saved_at.clone(),
        revision: meta.revision,
        questionnaire_version: session.questionnaire().version.clone(),
        progress: Some(progress_of(session)),
    }
}

/// The draft saved last, of those listed. The app writes every time the same way
/// (`Date.toISOString`, UTC), so they sort as text.
fn latest(drafts: &[DraftEntry]) -> Option<String> {
    drafts.iter().max_by(|a, b| a.saved_at.cmp(&b.saved_at)).map(|d| d.id.clone())
}

/// The notice that the questionnaire changed since a draft was saved, when it did.
fn changed_notice(report: &bogen_engine::RestoreReport, current: &str, merged: bool) -> Option<Notice> {
    report.questionnaire_changed.then(|| Notice::QuestionnaireChanged {
        draft_version: report.draft_questionnaire_version.clone(),
        current_version: current.to_owned(),
        kept_aside: report.kept_aside_total,
        merged,
    })
}

/// The notices about a draft that opened: restored, and the questionnaire changed since.
fn opened_notices(draft: &DraftFile, name: &str, report: &bogen_engine::RestoreReport, current: &str) -> Vec<Notice> {
    let mut notices = vec![Notice::Restored { name: name.to_owned(), saved_at: draft.saved_at.clone() }];
    notices.extend(changed_notice(report, current, false));
    notices
}

/// A stored draft opened with the questionnaire. `Err(Some(notice))`: it could not be read or
/// belongs to another questionnaire, and was moved aside.
fn open_stored(
    questionnaire: &Arc<Questionnaire>,
    id: &str,
) -> Result<(Session, DraftFile, bogen_engine::RestoreReport), Result<Notice, StorageError>> {
    let qid = &questionnaire.id;
    let unreadable = |reason: String| {
        web_sys::console::warn_1(&format!("bogen: the stored draft {id} is unreadable, set aside: {reason}").into());
        match storage::set_aside_unreadable_draft(qid, id) {
            Ok(Some((slot, text))) => Err(Ok(Notice::Unreadable { slot, text: text.into() })),
            Ok(None) => Err(Err(StorageError::Corrupt(reason))),
            Err(error) => Err(Err(error)),
        }
    };
    let draft = match storage::load_draft(qid, id) {
        Ok(Some(draft)) => draft,
        Ok(None) => return Err(Err(StorageError::Other(format!("draft {id} is gone")))),
        Err(StorageError::Corrupt(reason)) => return unreadable(reason),
        Err(error) => return Err(Err(error)),
    };
    match draft.restore(Arc::clone(questionnaire)) {
        Ok((session, report)) => Ok((session, draft, report)),
        Err(error) => unreadable(error.to_string()),
    }
}

/// A new draft: its session and handle, and whether it could be saved (then the index).
struct NewDraft {
    session: Session,
    handle: DraftHandle,
    saved: Result<Vec<DraftEntry>, StorageError>,
}

/// Makes a new, empty draft named `name`, saved at once (so that another tab opening the
/// questionnaire opens the same draft), and remembers it as open.
fn create_entry(questionnaire: &Arc<Questionnaire>, name: &str) -> NewDraft {
    let session = Session::new(Arc::clone(questionnaire));
    let id = new_id();
    let meta = DraftMeta { draft_id: id.clone(), name: name.to_owned(), saved_at: crate::dom::now_iso(), revision: 1 };
    let text = DraftFile::from_session(&session, &meta).to_json();
    let mut handle = DraftHandle { id: id.clone(), name: name.to_owned(), known: None, from_single: false };
    let saved = storage::save_draft(&questionnaire.id, &entry_of(&session, &meta), &text);
    if saved.is_ok() {
        storage::remember_open_draft(&questionnaire.id, &id);
        handle.known = Some(meta);
    }
    NewDraft { session, handle, saved }
}

/// A new, empty draft that storage cannot keep (`problem` says why): the form still works.
fn unsaved_opening(
    questionnaire: Arc<Questionnaire>,
    lang: Lang,
    notices: Vec<Notice>,
    problem: StorageError,
) -> Opening {
    let handle = DraftHandle { id: new_id(), name: default_name(lang, &[]), known: None, from_single: false };
    Opening { session: Session::new(questionnaire), handle, notices, drafts: Vec::new(), problem: Some(problem) }
}

/// Opens the questionnaire's draft: the one this tab had open (after a reload), else the one
/// opened last in this browser, else the one saved last; a new one when there is none. The
/// one draft of the old storage layout is moved first. `lang` names a new draft.
pub fn open_at_start(questionnaire: Arc<Questionnaire>, lang: Lang) -> Opening {
    let qid = questionnaire.id.clone();
    let mut notices = Vec::new();
    if !storage::available() {
        return unsaved_opening(questionnaire, lang, notices, StorageError::Unavailable);
    }
    match storage::migrate_single_draft(&qid, &new_id(), &default_name(lang, &[])) {
        Ok(Migration::Nothing) => {}
        Ok(Migration::Moved(entry)) => storage::remember_open_draft(&qid, &entry.id),
        Ok(Migration::Unreadable { slot, text }) => notices.push(Notice::Unreadable { slot, text: text.into() }),
        Err(error) => {
            // Too full to move it: it opens from the old key, and the first save that succeeds
            // moves it (the page meanwhile says that storage is full and offers the file).
            web_sys::console::warn_1(&format!("bogen: the stored draft could not be moved yet: {error}").into());
            let single = storage::single_draft_text(&qid).ok().flatten().and_then(|t| DraftFile::parse(&t).ok());
            if let Some(draft) = single {
                if let Ok((session, report)) = draft.restore(Arc::clone(&questionnaire)) {
                    let id = if draft.draft_id.is_empty() { new_id() } else { draft.draft_id.clone() };
                    let name = if draft.name.is_empty() { default_name(lang, &[]) } else { draft.name.clone() };
                    notices.extend(opened_notices(&draft, &name, &report, &questionnaire.version));
                    return Opening {
                        session,
                        handle: DraftHandle { id, name, known: None, from_single: true },
                        notices,
                        drafts: storage::list_drafts(&qid).unwrap_or_default(),
                        problem: Some(error),
                    };
                }
            }
        }
    }
    let mut drafts = match storage::list_drafts(&qid) {
        Ok(drafts) => drafts,
        Err(error) => return unsaved_opening(questionnaire, lang, notices, error),
    };
    loop {
        let remembered = storage::open_draft_id(&qid).filter(|id| drafts.iter().any(|d| &d.id == id));
        let Some(id) = remembered.or_else(|| latest(&drafts)) else {
            break;
        };
        match open_stored(&questionnaire, &id) {
            Ok((session, draft, report)) => {
                let row = drafts.iter().find(|d| d.id == id);
                let name = row.map(|r| r.name.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| draft.name.clone());
                notices.extend(opened_notices(&draft, &name, &report, &questionnaire.version));
                storage::remember_open_draft(&qid, &id);
                // The list shows how far each draft is: keep it true for this one.
                let progress = progress_of(&session);
                if row.is_some_and(|r| r.progress != Some(progress)) {
                    if let Ok(list) = storage::set_progress(&qid, &id, progress) {
                        drafts = list;
                    }
                }
                let handle = DraftHandle { id, name, known: Some(draft.meta()), from_single: false };
                return Opening { session, handle, notices, drafts, problem: None };
            }
            Err(Ok(notice)) => {
                notices.push(notice);
                drafts.retain(|d| d.id != id);
            }
            Err(Err(error)) => {
                web_sys::console::warn_1(&format!("bogen: the stored draft {id} could not be opened: {error}").into());
                drafts.retain(|d| d.id != id);
            }
        }
    }
    let name = default_name(lang, &drafts);
    let new = create_entry(&questionnaire, &name);
    let (drafts, problem) = match new.saved {
        Ok(list) => (list, None),
        Err(error) => (drafts, Some(error)),
    };
    Opening { session: new.session, handle: new.handle, notices, drafts, problem }
}

/// Saves the open draft over the stored one, unless another tab saved or deleted it since
/// this tab's last load or save: then nothing is written and the answer is a [`Conflict`].
/// Stamps the answers' times (the typing path never reads a clock). Measured as
/// [`AUTOSAVE_MEASURE`].
pub fn save(store: &Store) -> Action {
    crate::dom::performance_mark("bogen-autosave-start");
    let questionnaire = &store.questionnaire;
    let qid = &questionnaire.id;
    let Ok(mut session) = store.session.try_borrow_mut() else {
        return Action::Saved(Err(StorageError::Other("the session is in use".to_owned())));
    };
    let Ok(mut handle) = store.draft.try_borrow_mut() else {
        return Action::Saved(Err(StorageError::Other("the draft is in use".to_owned())));
    };
    let unsaved = store.unsaved.get();
    let stored = match storage::stored_meta(qid, &handle.id) {
        Ok(stored) => stored,
        Err(StorageError::Corrupt(reason)) => {
            // Not a save of this tab's: keep it, aside, and save ours.
            web_sys::console::warn_1(&format!("bogen: the stored draft is unreadable, set aside: {reason}").into());
            if let Err(error) = storage::set_aside_unreadable_draft(qid, &handle.id) {
                return Action::Saved(Err(error));
            }
            handle.known = None;
            None
        }
        Err(error) => return Action::Saved(Err(error)),
    };
    match (&stored, &handle.known) {
        (Some(stored), Some(known)) => match order(stored, known) {
            SaveOrder::Same | SaveOrder::StoredOlder => {}
            SaveOrder::StoredNewer => return Action::Conflicted(Conflict::Newer { diverged: unsaved }),
            SaveOrder::Concurrent => return Action::Conflicted(Conflict::Newer { diverged: true }),
        },
        // Stored under this tab's id, but never by this tab: never write over it.
        (Some(_), None) => return Action::Conflicted(Conflict::Newer { diverged: true }),
        (None, Some(_)) => return Action::Conflicted(Conflict::Deleted),
        (None, None) => {}
    }
    crate::dom::performance_measure("bogen-autosave-check", "bogen-autosave-start");
    let now = crate::dom::now_iso();
    session.stamp_changes(&now);
    let revision = stored.as_ref().map_or(0, |s| s.revision).max(handle.known.as_ref().map_or(0, |k| k.revision)) + 1;
    // Another tab may have renamed the draft: the stored name wins.
    let name = stored.map(|s| s.name).filter(|n| !n.is_empty()).unwrap_or_else(|| handle.name.clone());
    let meta = DraftMeta { draft_id: handle.id.clone(), name, saved_at: now, revision };
    let text = DraftFile::from_session(&session, &meta).to_json();
    let entry = entry_of(&session, &meta);
    drop(session);
    crate::dom::performance_mark("bogen-autosave-serialised");
    let result = storage::save_draft(qid, &entry, &text);
    crate::dom::performance_measure("bogen-autosave-write", "bogen-autosave-serialised");
    match result {
        Ok(drafts) => {
            handle.name = meta.name.clone();
            handle.known = Some(meta);
            if handle.from_single && storage::remove_single_draft(qid).is_ok() {
                handle.from_single = false;
            }
            store.unsaved.set(false);
            crate::dom::performance_measure(AUTOSAVE_MEASURE, "bogen-autosave-start");
            Action::Saved(Ok(crate::state::SaveReport { time: crate::dom::local_time(), drafts }))
        }
        Err(error) => Action::Saved(Err(error)),
    }
}

/// Saves the open draft if it has unsaved changes; `Err` with what to tell when that failed
/// (then another draft must not open: this one's changes are only in this page).
pub fn flush(store: &Store) -> Result<(), Action> {
    if !store.unsaved.get() {
        return Ok(());
    }
    match save(store) {
        Action::Saved(Ok(_)) => Ok(()),
        other => Err(other),
    }
}

/// After the `storage` event for this draft's key: whether another tab saved or deleted it.
/// A rename there only updates the name here.
pub fn check_stored(store: &Store) -> Option<Action> {
    let qid = &store.questionnaire.id;
    let mut handle = store.draft.try_borrow_mut().ok()?;
    let known = handle.known.clone()?;
    match storage::stored_meta(qid, &handle.id) {
        Ok(None) => Some(Action::Conflicted(Conflict::Deleted)),
        Ok(Some(stored)) => match order(&stored, &known) {
            SaveOrder::StoredNewer => Some(Action::Conflicted(Conflict::Newer { diverged: store.unsaved.get() })),
            SaveOrder::Concurrent => Some(Action::Conflicted(Conflict::Newer { diverged: true })),
            SaveOrder::Same | SaveOrder::StoredOlder => {
                if !stored.name.is_empty() && stored.name != handle.name {
                    handle.name = stored.name;
                }
                None
            }
        },
        // Unreadable: the next save sets it aside.
        Err(_) => None,
    }
}

/// The choices a merge starts with: the newer side where known, else ours.
pub fn default_choices(plan: &MergePlan) -> Vec<Side> {
    plan.differences.iter().map(|d| if d.newer == Newer::Theirs { Side::Theirs } else { Side::Ours }).collect()
}

/// "Neuere Antworten laden": takes what another tab saved. When this tab holds nothing the
/// stored draft lacks, the stored draft replaces the session; otherwise the two are merged:
/// at once when they differ nowhere, else on the merge page.
pub fn load_stored(store: &Store, conflict: Conflict) -> Vec<Action> {
    let questionnaire = &store.questionnaire;
    let id = store.draft.borrow().id.clone();
    let draft = match storage::load_draft(&questionnaire.id, &id) {
        Ok(Some(draft)) => draft,
        Ok(None) => return vec![Action::Conflicted(Conflict::Deleted)],
        Err(error) => return vec![Action::StorageFailed(error)],
    };
    if conflict == (Conflict::Newer { diverged: false }) {
        return vec![match draft.restore(Arc::clone(questionnaire)) {
            Ok((session, report)) => Action::ReplaceSession {
                session: Box::new(session),
                known: Some(draft.meta()),
                unsaved: false,
                // A tab on another questionnaire version keeps aside what fits none of its questions.
                notices: vec![Notice::LoadedNewer { kept_aside: report.newly_kept_aside.len() }],
                to_start: false,
            },
            Err(error) => Action::StorageFailed(StorageError::Corrupt(error.to_string())),
        }];
    }
    merge_with_stored(store, &draft, None)
}

/// The merge of this tab's answers with the stored draft: saved at once when they differ
/// nowhere, else the merge page. `previous`: the plan (and choices) shown before the other tab
/// saved again; the new plan keeps those choices where it asks the same.
fn merge_with_stored(store: &Store, draft: &DraftFile, previous: Option<(&MergeTask, &[Side])>) -> Vec<Action> {
    let plan = {
        let Ok(mut ours) = store.session.try_borrow_mut() else {
            return vec![Action::StorageFailed(StorageError::Other("the session is in use".to_owned()))];
        };
        ours.stamp_changes(&crate::dom::now_iso());
        MergePlan::new(&ours, draft)
    };
    match plan {
        Ok(plan) if plan.differences.is_empty() => {
            let mut notices =
                vec![Notice::Merged { source: MergeSource::OtherTab, differences: 0, added: plan.additions.len() }];
            notices.extend(changed_notice(&plan.theirs_report, &store.questionnaire.version, true));
            let merged = plan.apply_all(Side::Theirs);
            save_merged(store, merged, &draft.meta(), notices, previous.is_some())
                // Saved yet again in between: the banner stays, and the next load plans anew.
                .unwrap_or_else(|()| vec![Action::Conflicted(Conflict::Newer { diverged: true })])
        }
        Ok(plan) => {
            let mut choices = default_choices(&plan);
            if let Some((before, chosen)) = previous {
                for (choice, difference) in choices.iter_mut().zip(&plan.differences) {
                    let same = before.plan.differences.iter().position(|d| {
                        d.question == difference.question && d.record == difference.record && d.ours == difference.ours
                    });
                    if let Some(side) = same.and_then(|i| chosen.get(i)) {
                        *choice = *side;
                    }
                }
            }
            vec![Action::OpenTask(Task::Merge {
                task: Rc::new(MergeTask {
                    plan,
                    source: MergeSource::OtherTab,
                    their_name: draft.name.clone(),
                    their_saved_at: draft.saved_at.clone(),
                    base: Some(draft.meta()),
                    again: previous.is_some(),
                }),
                choices,
            })]
        }
        Err(error) => vec![Action::StorageFailed(StorageError::Corrupt(error.to_string()))],
    }
}

/// Saves a session merged with the stored draft `base` over it at once, so that the page says
/// "merged" only for a merge that is stored. `Err(())` when another tab saved again since
/// `base` (nothing written: the merge must be planned anew). When the write fails, the merged
/// answers are this tab's only, and it says so.
fn save_merged(
    store: &Store,
    mut merged: Session,
    base: &DraftMeta,
    notices: Vec<Notice>,
    to_start: bool,
) -> Result<Vec<Action>, ()> {
    let qid = &store.questionnaire.id;
    let Ok(mut handle) = store.draft.try_borrow_mut() else {
        return Ok(vec![Action::StorageFailed(StorageError::Other("the draft is in use".to_owned()))]);
    };
    let not_saved = |merged: Session, error: StorageError| {
        vec![
            Action::ReplaceSession {
                session: Box::new(merged),
                known: Some(base.clone()),
                unsaved: true,
                notices: vec![Notice::MergedNotSaved],
                to_start,
            },
            Action::Saved(Err(error)),
        ]
    };
    let stored = match storage::stored_meta(qid, &handle.id) {
        Ok(Some(stored)) if order(&stored, base) == SaveOrder::Same => stored,
        Ok(Some(_)) => return Err(()),
        Ok(None) => return Ok(vec![Action::Conflicted(Conflict::Deleted)]),
        Err(error) => return Ok(not_saved(merged, error)),
    };
    let now = crate::dom::now_iso();
    merged.stamp_changes(&now);
    let name = Some(stored.name).filter(|n| !n.is_empty()).unwrap_or_else(|| handle.name.clone());
    let meta = DraftMeta { draft_id: handle.id.clone(), name, saved_at: now, revision: base.revision + 1 };
    let text = DraftFile::from_session(&merged, &meta).to_json();
    match storage::save_draft(qid, &entry_of(&merged, &meta), &text) {
        Ok(drafts) => {
            handle.name = meta.name.clone();
            Ok(vec![
                Action::ReplaceSession {
                    session: Box::new(merged),
                    known: Some(meta),
                    unsaved: false,
                    notices,
                    to_start,
                },
                Action::Saved(Ok(crate::state::SaveReport { time: crate::dom::local_time(), drafts })),
            ])
        }
        Err(error) => Ok(not_saved(merged, error)),
    }
}

/// "Entwurf wieder anlegen": the draft another tab deleted is saved again from this tab.
pub fn recreate(store: &Store) -> Action {
    if let Ok(mut handle) = store.draft.try_borrow_mut() {
        handle.known = None;
    }
    save(store)
}

/// A draft file of the open questionnaire was chosen (`crate::picked` read it): the page that
/// asks what to do with it.
pub fn file_opened(file_name: String, draft: DraftFile) -> Action {
    Action::OpenTask(Task::OpenFile { file_name, draft: Rc::new(draft) })
}

/// The name a draft from a file gets here: its own, else the file's name without `.json`.
fn name_from_file(draft: &DraftFile, file_name: &str) -> String {
    if !draft.name.trim().is_empty() {
        return draft.name.clone();
    }
    file_name.strip_suffix(".json").unwrap_or(file_name).to_owned()
}

/// `draft` as a new draft named `name`: a new id (so that it never overwrites the one it came
/// from), saved now, revision 1; and its entry in the index.
fn as_new_draft(mut draft: DraftFile, name: String, progress: Option<EntryProgress>) -> (DraftFile, DraftEntry) {
    draft.draft_id = new_id();
    draft.name = name;
    draft.saved_at = crate::dom::now_iso();
    draft.revision = 1;
    let entry = DraftEntry {
        id: draft.draft_id.clone(),
        name: draft.name.clone(),
        saved_at: draft.saved_at.clone(),
        revision: 1,
        questionnaire_version: draft.questionnaire_version.clone(),
        progress,
    };
    (draft, entry)
}

/// "Als neuen Entwurf öffnen": the file's draft is stored as a new draft (a new id, so that it
/// never overwrites one here; a name no other draft of the questionnaire has) and opens. It is
/// stored as opened with this questionnaire, so that answers that fit no question (a hand
/// edit, another version) are in `keptAside` at once, as `docs/DRAFT.md` wants of every stored
/// draft. Returns the notices for the form that opens.
pub fn open_file_as_new(store: &Store, lang: Lang, file_name: &str, draft: &DraftFile) -> Result<Vec<Notice>, Action> {
    flush(store)?;
    let questionnaire = &store.questionnaire;
    let qid = &questionnaire.id;
    let (session, report) = draft.restore(Arc::clone(questionnaire)).map_err(|_| Action::Notify {
        notice: Notice::OtherQuestionnaire(draft.questionnaire_id.clone()),
        drafts: None,
    })?;
    let drafts = storage::list_drafts(qid).map_err(Action::StorageFailed)?;
    let name = unique_name(lang, &name_from_file(draft, file_name), &drafts);
    let meta = DraftMeta { draft_id: new_id(), name: name.clone(), saved_at: crate::dom::now_iso(), revision: 1 };
    let text = DraftFile::from_session(&session, &meta).to_json();
    storage::save_draft(qid, &entry_of(&session, &meta), &text).map_err(Action::StorageFailed)?;
    storage::remember_open_draft(qid, &meta.draft_id);
    let mut notices = vec![Notice::OpenedAsNew { file_name: file_name.to_owned(), name }];
    // Stored with this version now: the next opening would not tell that the file's was another.
    notices.extend(changed_notice(&report, &questionnaire.version, false));
    Ok(notices)
}

/// "Den geöffneten Entwurf ersetzen", confirmed: the file's answers replace the open draft's
/// (the draft keeps its id and name; the autosave writes it).
pub fn replace_with_file(store: &Store, file_name: &str, draft: &DraftFile) -> Action {
    match draft.restore(Arc::clone(&store.questionnaire)) {
        Ok((session, report)) => {
            let mut notices = vec![Notice::Replaced { file_name: file_name.to_owned() }];
            notices.extend(changed_notice(&report, &store.questionnaire.version, false));
            Action::ReplaceSession { session: Box::new(session), known: None, unsaved: true, notices, to_start: true }
        }
        // The only reason: another questionnaire's draft, which `file_opened` turned away already.
        Err(_) => Action::Notify { notice: Notice::OtherQuestionnaire(draft.questionnaire_id.clone()), drafts: None },
    }
}

/// "In den geöffneten Entwurf übernehmen": the merge plan, shown before anything changes (or,
/// when there is nothing to merge, a notice saying so).
pub fn plan_merge(store: &Store, file_name: &str, draft: &DraftFile) -> Action {
    let plan = {
        let Ok(mut ours) = store.session.try_borrow_mut() else {
            return Action::StorageFailed(StorageError::Other("the session is in use".to_owned()));
        };
        ours.stamp_changes(&crate::dom::now_iso());
        MergePlan::new(&ours, draft)
    };
    let source = MergeSource::File(file_name.to_owned());
    match plan {
        Ok(plan) if plan.is_empty() => Action::Notify { notice: Notice::NothingToMerge { source }, drafts: None },
        Ok(plan) => {
            let choices = default_choices(&plan);
            Action::OpenTask(Task::Merge {
                task: Rc::new(MergeTask {
                    plan,
                    source,
                    their_name: draft.name.clone(),
                    their_saved_at: draft.saved_at.clone(),
                    base: None,
                    again: false,
                }),
                choices,
            })
        }
        Err(_) => Action::Notify { notice: Notice::OtherQuestionnaire(draft.questionnaire_id.clone()), drafts: None },
    }
}

/// "Zusammenführen": the merged session replaces the open one. A merge with a file is written
/// by the autosave; a merge with what another tab saved is written at once, over exactly that
/// save: when that tab saved again meanwhile, nothing changes and the merge is planned anew
/// with its newer answers (the page says so).
pub fn apply_merge(store: &Store, task: &MergeTask, choices: &[Side]) -> Vec<Action> {
    let session = match task.plan.apply(choices) {
        Ok(session) => session,
        Err(error) => return vec![Action::StorageFailed(StorageError::Other(error.to_string()))],
    };
    let mut notices = vec![Notice::Merged {
        source: task.source.clone(),
        differences: task.plan.differences.len(),
        added: task.plan.additions.len(),
    }];
    notices.extend(changed_notice(&task.plan.theirs_report, &store.questionnaire.version, true));
    match (&task.source, &task.base) {
        (MergeSource::OtherTab, Some(base)) => save_merged(store, session, base, notices, true).unwrap_or_else(|()| {
            let id = store.draft.borrow().id.clone();
            match storage::load_draft(&store.questionnaire.id, &id) {
                Ok(Some(draft)) => merge_with_stored(store, &draft, Some((task, choices))),
                Ok(None) => vec![Action::Conflicted(Conflict::Deleted)],
                Err(error) => vec![Action::StorageFailed(error)],
            }
        }),
        _ => vec![Action::ReplaceSession {
            session: Box::new(session),
            known: task.base.clone(),
            unsaved: true,
            notices,
            to_start: true,
        }],
    }
}

/// "Neuen Entwurf anlegen": saves the open draft, makes the new one and opens it. Returns the
/// notices for the form that opens.
pub fn create(store: &Store, name: &str) -> Result<Vec<Notice>, Action> {
    flush(store)?;
    match create_entry(&store.questionnaire, name).saved {
        Ok(_) => Ok(vec![Notice::Created(name.to_owned())]),
        Err(error) => Err(Action::StorageFailed(error)),
    }
}

/// Opens another draft of the list (named `name`): saves the open one first. The start page
/// says which draft is open now, not that it was "restored", as after a new visit.
pub fn switch_to(store: &Store, id: &str, name: &str) -> Result<Vec<Notice>, Action> {
    flush(store)?;
    storage::remember_open_draft(&store.questionnaire.id, id);
    Ok(vec![Notice::Switched(name.to_owned())])
}

/// Renames a draft (the open one or another).
pub fn rename(store: &Store, id: &str, name: &str) -> Action {
    match storage::rename_draft(&store.questionnaire.id, id, name) {
        Ok(drafts) => {
            if let Ok(mut handle) = store.draft.try_borrow_mut() {
                if handle.id == id {
                    handle.name = name.to_owned();
                    if let Some(known) = &mut handle.known {
                        known.name = name.to_owned();
                    }
                }
            }
            Action::Notify { notice: Notice::Renamed(name.to_owned()), drafts: Some(drafts) }
        }
        Err(error) => Action::StorageFailed(error),
    }
}

/// Makes a copy of a draft, named `name` or, when a draft has that name already, a name none
/// has (the open draft is saved first, so the copy has all of it).
pub fn duplicate(store: &Store, lang: Lang, id: &str, name: &str) -> Action {
    let qid = &store.questionnaire.id;
    if store.draft.borrow().id == id {
        if let Err(action) = flush(store) {
            return action;
        }
    }
    let source = match storage::load_draft(qid, id) {
        Ok(Some(draft)) => draft,
        Ok(None) => return Action::StorageFailed(StorageError::Other(format!("draft {id} is gone"))),
        Err(error) => return Action::StorageFailed(error),
    };
    let list = storage::list_drafts(qid).unwrap_or_default();
    let progress = list.iter().find(|d| d.id == id).and_then(|d| d.progress);
    let name = unique_name(lang, name, &list);
    let (copy, entry) = as_new_draft(source, name.clone(), progress);
    match storage::save_draft(qid, &entry, &copy.to_json()) {
        Ok(drafts) => Action::Notify { notice: Notice::Duplicated(name), drafts: Some(drafts) },
        Err(error) => Action::StorageFailed(error),
    }
}

/// What deleting a draft did.
pub enum Deleted {
    /// Another draft was deleted: the list changed.
    Other(Action),
    /// The open draft was deleted: another one opens, with these notices.
    Open(Vec<Notice>),
}

/// "Endgültig löschen" (after the draft was offered as a file).
pub fn delete(store: &Store, id: &str, name: &str) -> Result<Deleted, Action> {
    let qid = &store.questionnaire.id;
    let open = store.draft.borrow().id == id;
    let drafts = storage::delete_draft(qid, id).map_err(Action::StorageFailed)?;
    if !open {
        return Ok(Deleted::Other(Action::Notify { notice: Notice::Deleted(name.to_owned()), drafts: Some(drafts) }));
    }
    // What was typed into it since the last save goes too: the respondent chose so.
    store.unsaved.set(false);
    storage::remember_open_draft(qid, "");
    Ok(Deleted::Open(vec![Notice::Deleted(name.to_owned())]))
}

/// The file name of a draft file: `<questionnaire id>-entwurf-<name>-<date>.json`.
fn file_name(store: &Store, name: &str) -> String {
    let date: String = crate::dom::now_iso().chars().take(10).collect();
    crate::format::draft_file_name(&store.questionnaire.id, name, &date)
}

/// The open draft as a draft file's text (its answers as they are in this page, saved or not).
pub fn current_text(store: &Store) -> Option<(String, String)> {
    let mut session = store.session.try_borrow_mut().ok()?;
    let handle = store.draft.try_borrow().ok()?;
    let now = crate::dom::now_iso();
    session.stamp_changes(&now);
    let revision = handle.known.as_ref().map_or(0, |k| k.revision);
    let meta = DraftMeta { draft_id: handle.id.clone(), name: handle.name.clone(), saved_at: now, revision };
    Some((file_name(store, &handle.name), DraftFile::from_session(&session, &meta).to_json()))
}

/// "Entwurf als Datei speichern": downloads a draft: the open one as it is in this page,
/// another as stored.
pub fn download(store: &Store, id: &str) -> Result<(), StorageError> {
    let open = store.draft.borrow().id == id;
    let (name, text) = if open {
        current_text(store).ok_or_else(|| StorageError::Other("the session is in use".to_owned()))?
    } else {
        let text = storage::load_draft_text(&store.questionnaire.id, id)?
            .ok_or_else(|| StorageError::Other(format!("draft {id} is gone")))?;
        let name = storage::list_drafts(&store.questionnaire.id)
            .ok()
            .and_then(|list| list.into_iter().find(|d| d.id == id))
            .map(|d| d.name)
            .unwrap_or_default();
        (file_name(store, &name), text)
    };
    crate::dom::download(&name, "application/json", &text);
    Ok(())
}

/// Downloads the open draft (the banners' button).
pub fn download_current(store: &Store) {
    if let Some((name, text)) = current_text(store) {
        crate::dom::download(&name, "application/json", &text);
    }
}

/// Downloads the text of a draft that could not be read, exactly as it was stored.
pub fn download_unreadable(store: &Store, text: &str) {
    let date: String = crate::dom::now_iso().chars().take(10).collect();
    let name = crate::format::draft_file_name(&store.questionnaire.id, "unlesbar", &date);
    crate::dom::download(&name, "application/json", text);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn row(name: &str, saved_at: &str) -> DraftEntry {
        DraftEntry {
            id: name.to_lowercase(),
            name: name.to_owned(),
            saved_at: saved_at.to_owned(),
            revision: 1,
            questionnaire_version: "1".to_owned(),
            progress: None,
        }
    }

    #[test]
    fn a_new_draft_gets_the_first_default_name_not_taken() {
        assert_eq!(default_name(Lang::De, &[]), "Entwurf 1");
        let drafts = [row("Entwurf 1", "a"), row("Entwurf 3", "b")];
        assert_eq!(default_name(Lang::De, &drafts), "Entwurf 4", "from the count on, never a name in use");
        assert_eq!(default_name(Lang::En, &[row("Bewerbung", "a")]), "Draft 2");
    }

    #[test]
    fn a_draft_from_a_file_or_a_copy_never_takes_a_name_another_draft_has() {
        let drafts = [row("Entwurf 1", "a"), row("Bewerbung", "b"), row("Bewerbung (2)", "c")];
        assert_eq!(unique_name(Lang::De, "Zuarbeit", &drafts), "Zuarbeit", "a free name stays");
        assert_eq!(unique_name(Lang::De, "Entwurf 1", &drafts), "Entwurf 4", "a default name: the next free one");
        assert_eq!(unique_name(Lang::En, "Entwurf 1", &drafts), "Draft 4", "in the language of the page");
        assert_eq!(unique_name(Lang::De, "bewerbung ", &drafts), "bewerbung (3)", "the name with a number");
        // The file opened twice: each time a name of its own.
        let mut list = drafts.to_vec();
        for expected in ["Entwurf 4", "Entwurf 5"] {
            let name = unique_name(Lang::De, "Entwurf 1", &list);
            assert_eq!(name, expected);
            list.push(row(&name, "d"));
        }
        assert_eq!((default_number("Entwurf 12"), default_number("Draft 3")), (Some(12), Some(3)));
        assert_eq!(
            (default_number("Entwurf"), default_number("Entwurf 1a"), default_number("Bewerbung 2")),
            (None, None, None)
        );
        assert!(name_taken("ENTWURF 1", &drafts, None));
        assert!(!name_taken("Entwurf 1", &drafts, Some("entwurf 1")), "a draft's own name is not taken by itself");
    }

    #[test]
    fn the_draft_saved_last_opens_when_the_tab_remembers_none() {
        let drafts = [
            row("A", "2026-01-02T10:00:00.000Z"),
            row("B", "2026-03-01T09:00:00.000Z"),
            row("C", "2026-02-01T10:00:00.000Z"),
        ];
        assert_eq!(latest(&drafts).as_deref(), Some("b"));
        assert_eq!(latest(&[]), None);
    }

    #[test]
    fn the_stored_meta_alone_tells_whether_another_tab_saved() {
        let known = DraftMeta { draft_id: "d".into(), name: "n".into(), saved_at: "t1".into(), revision: 3 };
        assert_eq!(order(&known, &known), SaveOrder::Same);
        assert_eq!(order(&DraftMeta { revision: 4, ..known.clone() }, &known), SaveOrder::StoredNewer);
        assert_eq!(order(&DraftMeta { saved_at: "t2".into(), ..known.clone() }, &known), SaveOrder::Concurrent);
        assert_eq!(order(&DraftMeta { revision: 2, ..known.clone() }, &known), SaveOrder::StoredOlder);
    }
}
