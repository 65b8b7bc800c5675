//! The only code that touches the browser's storage: drafts, the language choice, the signing
//! key and the build last seen (LocalStorage), which draft a tab has open (SessionStorage), and
//! the request to keep all of it (`navigator.storage.persist()`).
//!
//! # Drafts
//!
//! A questionnaire has any number of drafts. Per questionnaire id:
//!
//! - `bogen:drafts:<questionnaire id>`, the **index**: `{"formatVersion": 1, "drafts": […]}` with one
//!   [`DraftEntry`] per draft (id, name, time and revision of its last save, progress, the
//!   questionnaire version it was saved with), in the order the drafts were made. It is what the
//!   list of drafts shows without reading every draft.
//! - `bogen:draft:<questionnaire id>:<draft id>`, one **entry** per draft: the engine's
//!   `DraftFile` JSON (format version 2), the same text as a draft file saved to disk.
//! - `bogen:draft-open:<questionnaire id>`: the draft opened last, which the next visit opens.
//!   Each tab also keeps its own under the same key in SessionStorage, so that a reload stays
//!   on the tab's draft while another tab works on another one.
//!
//! The entries are the truth; the index is derived from them and repaired whenever it is read
//! ([`list_drafts`]): an entry the index lacks is listed again from the entry's own id, name,
//! time and revision, and a row without an entry is dropped.
//!
//! Before there were several drafts, a questionnaire had one, under `bogen:draft:<questionnaire id>`
//! (format version 1 or 2). [`migrate_single_draft`] moves it into the layout above on the first
//! load and removes the old key only once the new entry is written.
//!
//! Drafts of different questionnaires never mix: every key carries the questionnaire id (ids
//! have no `:`, so `bogen:draft:<id>` and `bogen:draft:<id>:<draft id>` cannot collide). **Pages
//! opened from files:** Chromium gives every `file://` page one origin, so the files `bogen bundle`
//! makes for different questionnaires, and for different versions of one questionnaire, share
//! this storage. Different questionnaires stay apart by their ids; the versions of one
//! questionnaire share its drafts, and a draft saved with version 1.0.0 opens with 1.1.0 (its
//! answers carry or are kept aside, `docs/DRAFT.md`).
//!
//! **Other questionnaires' drafts.** When a questionnaire opens, its title, version and the way
//! it came (a link, or a file's name; never its text) are noted under
//! `bogen:questionnaire:<questionnaire id>` ([`note_questionnaire`]), so that the start page of
//! another questionnaire can say which other questionnaires this browser holds drafts of and how
//! to open them again ([`drafts_of_others`]): the page opens its own questionnaire, and drafts of
//! one opened from a file would otherwise seem gone.
//!
//! A stored draft that cannot be read is never overwritten or dropped: it is moved aside to
//! `bogen:draft-unreadable:<questionnaire id>:<draft id>` (with `-2`, `-3`, … when taken), and the
//! app offers its text as a file.
//!
//! # The signing key
//!
//! The signing key is stored once per browser profile, under [`SIGNING_KEY`], as the text of
//! the engine's key file (the same text as a key file saved to disk). One identity per browser,
//! not one per questionnaire: its fingerprint is what the municipality tells the office, once,
//! and every submission from this browser (a second round included) is then signed by the same
//! key. A stored value that is not a key is never replaced silently: it is moved aside
//! ([`set_aside_unreadable_key`]), and a key replaced by one loaded from a file is kept aside too
//! ([`replace_key`]), so no key is ever lost without the respondent having chosen so.
//!
//! Because the key belongs to the browser, two municipalities filled in one browser would sign
//! with one key, and the office counts only a key's latest file. So the names a key signed for
//! are noted under `bogen:signed-for:<fingerprint>` ([`note_signed_for`]), and the review page
//! warns before a submission for another name is signed with it.
//!
//! # Failures
//!
//! Storage can fail for reasons the respondent controls (a full disk, a browser that blocks site
//! data, a value edited by hand): every failure is a [`StorageError`] value, never a panic. A
//! browser that blocks site data throws on the `localStorage` getter (or on each call): that is
//! [`StorageError::Unavailable`]. `gloo_storage::LocalStorage` itself panics when the browser
//! has no usable LocalStorage, so the few calls through it first check [`available`]; drafts and
//! keys go through `web_sys::Storage` directly.

use bogen_engine::{DraftFile, DraftMeta, KeyPair, Lang};
use gloo::storage::errors::StorageError as GlooError;
use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Why a draft could not be saved or loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no LocalStorage (blocked site data, or not a browser).
    Unavailable,
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// A stored value is not a readable draft or key; the reason is for the console.
    Corrupt(String),
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("local storage is not available"),
            StorageError::QuotaExceeded => f.write_str("local storage is full"),
            StorageError::Corrupt(reason) => write!(f, "a stored value is unreadable: {reason}"),
            StorageError::Other(reason) => write!(f, "local storage failed: {reason}"),
        }
    }
}

/// How far a draft is, as the list of drafts shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryProgress {
    /// Pages completed.
    pub completed: usize,
    /// Pages not hidden by a condition.
    pub needed: usize,
}

/// A respondent a key signed a submission for, in this browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedFor {
    /// The questionnaire's id.
    pub questionnaire_id: String,
    /// The respondent's name as exported (the municipality).
    pub name: String,
}

/// One draft in a questionnaire's index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftEntry {
    /// The draft's id (random hex), also in its key.
    pub id: String,
    /// Its name, e.g. "Bewerbung 1. Runde".
    pub name: String,
    /// When it was last saved (RFC 3339).
    pub saved_at: String,
    /// The revision of its last save.
    pub revision: u64,
    /// The questionnaire version it was last saved with.
    #[serde(default)]
    pub questionnaire_version: String,
    /// How far it is, when known (an index repaired from the entries does not know).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<EntryProgress>,
}

/// The index as stored.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DraftIndex {
    format_version: u32,
    drafts: Vec<DraftEntry>,
}

/// What a stored draft says about itself, read without reading its answers (serde skips the
/// members it does not name).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DraftHead {
    #[serde(default)]
    draft_id: String,
    #[serde(default)]
    name: String,
    saved_at: String,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    questionnaire_version: String,
}

/// Which of a questionnaire's draft keys a storage key is (for the `storage` event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftKey {
    /// The index.
    Index,
    /// The entry of the draft with this id.
    Draft(String),
}

/// The key of a questionnaire's index of drafts.
pub fn index_key(questionnaire_id: &str) -> String {
    format!("bogen:drafts:{questionnaire_id}")
}

/// The key of one draft.
pub fn draft_key(questionnaire_id: &str, draft_id: &str) -> String {
    format!("bogen:draft:{questionnaire_id}:{draft_id}")
}

/// The key of the one draft a questionnaire had before there were several.
pub fn single_draft_key(questionnaire_id: &str) -> String {
    format!("bogen:draft:{questionnaire_id}")
}

/// Where an unreadable draft is moved (with `-2`, `-3`, … when taken), so that nothing overwrites it.
pub fn unreadable_draft_key(questionnaire_id: &str, draft_id: &str) -> String {
    format!("bogen:draft-unreadable:{questionnaire_id}:{draft_id}")
}

/// Where an unreadable single draft of the old layout is moved.
pub fn unreadable_single_draft_key(questionnaire_id: &str) -> String {
    format!("bogen:draft-unreadable:{questionnaire_id}")
}

/// The key that remembers which draft was open last.
pub fn open_draft_key(questionnaire_id: &str) -> String {
    format!("bogen:draft-open:{questionnaire_id}")
}

/// Which of the questionnaire's draft keys `key` is, if any.
pub fn classify_key(questionnaire_id: &str, key: &str) -> Option<DraftKey> {
    if key == index_key(questionnaire_id) {
        return Some(DraftKey::Index);
    }
    let prefix = draft_key(questionnaire_id, "");
    key.strip_prefix(&prefix).filter(|id| !id.is_empty()).map(|id| DraftKey::Draft(id.to_owned()))
}

const LANG_KEY: &str = "bogen:lang";

/// The build of the app that last ran in this browser (see [`note_build`]).
const BUILD_KEY: &str = "bogen:build";

/// Where the signing key is kept: one per browser profile (see the module doc).
pub const SIGNING_KEY: &str = "bogen:signing-key";

/// Where a stored value that is not a key is moved (with `-2`, `-3`, … when taken).
pub const UNREADABLE_KEY: &str = "bogen:signing-key-unreadable";

/// Where a key replaced by one loaded from a file is kept: `bogen:signing-key-replaced:<fingerprint>`.
pub fn replaced_key_key(fingerprint: &str) -> String {
    format!("bogen:signing-key-replaced:{fingerprint}")
}

/// Which respondents a key signed for here: `bogen:signed-for:<fingerprint>` (see [`signed_for`]).
fn signed_for_key(fingerprint: &str) -> String {
    format!("bogen:signed-for:{fingerprint}")
}

/// Whether the browser lets this page use LocalStorage (accessing it throws when blocked).
pub fn available() -> bool {
    raw_storage().is_ok()
}

fn from_gloo(error: GlooError) -> StorageError {
    match error {
        GlooError::SerdeError(e) => StorageError::Corrupt(e.to_string()),
        GlooError::KeyNotFound(key) => StorageError::Other(format!("key {key} not found")),
        GlooError::JsError(e) if e.name == "QuotaExceededError" => StorageError::QuotaExceeded,
        GlooError::JsError(e) => StorageError::Other(format!("{}: {}", e.name, e.message)),
    }
}

fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(StorageError::Unavailable)
}

fn from_js(error: JsValue) -> StorageError {
    match gloo::utils::errors::JsError::try_from(error) {
        Ok(e) if e.name == "QuotaExceededError" => StorageError::QuotaExceeded,
        // What a browser that blocks site data throws on each call.
        Ok(e) if e.name == "SecurityError" => StorageError::Unavailable,
        Ok(e) => StorageError::Other(format!("{}: {}", e.name, e.message)),
        Err(_) => StorageError::Other("the browser refused".to_owned()),
    }
}

fn get(storage: &web_sys::Storage, key: &str) -> Result<Option<String>, StorageError> {
    storage.get_item(key).map_err(from_js)
}

fn set(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), StorageError> {
    storage.set_item(key, value).map_err(from_js)
}

fn remove(storage: &web_sys::Storage, key: &str) -> Result<(), StorageError> {
    storage.remove_item(key).map_err(from_js)
}

/// Every key in the storage that starts with `prefix`.
fn keys_with_prefix(storage: &web_sys::Storage, prefix: &str) -> Result<Vec<String>, StorageError> {
    let n = storage.length().map_err(from_js)?;
    Ok((0..n).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect())
}

/// The first of `base`, `base-2`, `base-3`, … that holds nothing.
fn free_slot(storage: &web_sys::Storage, base: &str) -> Result<String, StorageError> {
    for n in 1..1000 {
        let slot = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        if get(storage, &slot)?.is_none() {
            return Ok(slot);
        }
    }
    Err(StorageError::Other(format!("no free place to set {base} aside")))
}

fn head_of(text: &str) -> Result<DraftHead, StorageError> {
    serde_json::from_str::<DraftHead>(text).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// The index as stored: `None` when there is none or it cannot be read (it is then rebuilt
/// from the entries).
fn stored_index(storage: &web_sys::Storage, questionnaire_id: &str) -> Result<Option<Vec<DraftEntry>>, StorageError> {
    let Some(text) = get(storage, &index_key(questionnaire_id))? else {
        return Ok(None);
    };
    match serde_json::from_str::<DraftIndex>(&text) {
        Ok(index) => Ok(Some(index.drafts)),
        Err(e) => {
            web_sys::console::warn_1(&format!("bogen: the index of drafts is unreadable, rebuilt: {e}").into());
            Ok(None)
        }
    }
}

fn write_index(storage: &web_sys::Storage, questionnaire_id: &str, drafts: &[DraftEntry]) -> Result<(), StorageError> {
    let index = DraftIndex { format_version: 1, drafts: drafts.to_vec() };
    let text = serde_json::to_string(&index).map_err(|e| StorageError::Other(e.to_string()))?;
    set(storage, &index_key(questionnaire_id), &text)
}

/// The index, repaired against the entries present (see the module doc); written back when
/// the repair changed it.
fn repaired_index(storage: &web_sys::Storage, questionnaire_id: &str) -> Result<Vec<DraftEntry>, StorageError> {
    let (stored, rows) = index_rows(storage, questionnaire_id)?;
    if stored.as_ref() != Some(&rows) {
        // The index is derived: failing to write it back loses nothing.
        let _ = write_index(storage, questionnaire_id, &rows);
    }
    Ok(rows)
}

/// The index as stored, and as the entries present make it, without writing anything.
type IndexRows = (Option<Vec<DraftEntry>>, Vec<DraftEntry>);

fn index_rows(storage: &web_sys::Storage, questionnaire_id: &str) -> Result<IndexRows, StorageError> {
    let stored = stored_index(storage, questionnaire_id)?;
    let prefix = draft_key(questionnaire_id, "");
    let present: Vec<String> = keys_with_prefix(storage, &prefix)?
        .into_iter()
        .filter_map(|k| k.strip_prefix(&prefix).map(str::to_owned))
        .filter(|id| !id.is_empty())
        .collect();
    let mut rows: Vec<DraftEntry> =
        stored.clone().unwrap_or_default().into_iter().filter(|row| present.contains(&row.id)).collect();
    for id in &present {
        if rows.iter().any(|row| &row.id == id) {
            continue;
        }
        // An entry the index does not list: list it from what it says about itself.
        let head = get(storage, &draft_key(questionnaire_id, id))?.and_then(|text| head_of(&text).ok());
        rows.push(match head {
            Some(head) => DraftEntry {
                id: id.clone(),
                name: head.name,
                saved_at: head.saved_at,
                revision: head.revision,
                questionnaire_version: head.questionnaire_version,
                progress: None,
            },
            // Unreadable: listed all the same, so that opening it sets it aside and offers it.
            None => DraftEntry {
                id: id.clone(),
                name: String::new(),
                saved_at: String::new(),
                revision: 0,
                questionnaire_version: String::new(),
                progress: None,
            },
        });
    }
    Ok((stored, rows))
}

/// What the app keeps of a questionnaire it opened, under `bogen:questionnaire:<id>`: not its
/// text, only what the start page of another questionnaire needs to name the drafts this browser
/// holds of it ([`drafts_of_others`]) and to say how to open it again.
///
/// Stored as a JSON object (`titleDe`, `titleEn`, `version`, `link`, `fileName`) written and read
/// through `serde_json::Value`: a derived reader and writer of its own would cost the
/// respondents' bundle more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireNote {
    pub title_de: String,
    pub title_en: String,
    /// The version opened last.
    pub version: String,
    /// A link that opens it again (`?questionnaire=<url>`, or the page that carries it by
    /// name), where it came by one.
    pub link: Option<String>,
    /// The name of the file it was opened from, where it came as a file.
    pub file_name: Option<String>,
}

impl QuestionnaireNote {
    fn to_json(&self) -> String {
        let mut map = serde_json::Map::new();
        let text = |s: &str| serde_json::Value::String(s.to_owned());
        map.insert("titleDe".to_owned(), text(&self.title_de));
        map.insert("titleEn".to_owned(), text(&self.title_en));
        map.insert("version".to_owned(), text(&self.version));
        for (key, value) in [("link", &self.link), ("fileName", &self.file_name)] {
            if let Some(value) = value {
                map.insert(key.to_owned(), text(value));
            }
        }
        serde_json::Value::Object(map).to_string()
    }

    fn from_json(text: &str) -> Option<QuestionnaireNote> {
        let value = serde_json::from_str::<serde_json::Value>(text).ok()?;
        let get = |key: &str| value.get(key).and_then(serde_json::Value::as_str).map(str::to_owned);
        Some(QuestionnaireNote {
            title_de: get("titleDe")?,
            title_en: get("titleEn").unwrap_or_default(),
            version: get("version").unwrap_or_default(),
            link: get("link"),
            file_name: get("fileName"),
        })
    }
}

fn note_key(questionnaire_id: &str) -> String {
    format!("bogen:questionnaire:{questionnaire_id}")
}

/// Notes an opened questionnaire's title, version and way back (see [`QuestionnaireNote`]).
pub fn note_questionnaire(questionnaire_id: &str, note: &QuestionnaireNote) -> Result<(), StorageError> {
    let storage = raw_storage()?;
    let text = note.to_json();
    if get(&storage, &note_key(questionnaire_id))?.as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    set(&storage, &note_key(questionnaire_id), &text)
}

/// The drafts this browser holds of a questionnaire other than the open one.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherDrafts {
    pub questionnaire_id: String,
    /// What was noted when it was last opened; `None` for drafts from before such notes.
    pub note: Option<QuestionnaireNote>,
    /// Its drafts (a draft of the old single-draft layout with an empty id).
    pub drafts: Vec<DraftEntry>,
}

/// Every other questionnaire this browser holds drafts of (read only: nothing is written, and a
/// draft that cannot be read still counts), in the order of their ids.
pub fn drafts_of_others(open_id: &str) -> Vec<OtherDrafts> {
    let Ok(storage) = raw_storage() else {
        return Vec::new();
    };
    let prefix = "bogen:draft:";
    let mut ids: Vec<String> = keys_with_prefix(&storage, prefix)
        .unwrap_or_default()
        .iter()
        .filter_map(|key| key.strip_prefix(prefix))
        .map(|rest| rest.split(':').next().unwrap_or(rest).to_owned())
        .filter(|id| !id.is_empty() && id != open_id)
        .collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let mut drafts = index_rows(&storage, &id).map(|(_, rows)| rows).unwrap_or_default();
            // The one draft of the old layout, until that questionnaire is opened again.
            if let Ok(Some(text)) = get(&storage, &single_draft_key(&id)) {
                let head = head_of(&text).ok();
                drafts.push(DraftEntry {
                    id: String::new(),
                    name: String::new(),
                    saved_at: head.as_ref().map(|h| h.saved_at.clone()).unwrap_or_default(),
                    revision: 0,
                    questionnaire_version: head.map(|h| h.questionnaire_version).unwrap_or_default(),
                    progress: None,
                });
            }
            let note = get(&storage, &note_key(&id)).ok().flatten().and_then(|t| QuestionnaireNote::from_json(&t));
            OtherDrafts { questionnaire_id: id, note, drafts }
        })
        .filter(|other| !other.drafts.is_empty())
        .collect()
}

/// A questionnaire's drafts, in the order they were made.
pub fn list_drafts(questionnaire_id: &str) -> Result<Vec<DraftEntry>, StorageError> {
    repaired_index(&raw_storage()?, questionnaire_id)
}

/// The stored text of a draft: `Ok(None)` when there is none.
pub fn load_draft_text(questionnaire_id: &str, draft_id: &str) -> Result<Option<String>, StorageError> {
    get(&raw_storage()?, &draft_key(questionnaire_id, draft_id))
}

/// A stored draft, read from its text with the engine (`DraftFile::parse`, versions 1 and 2):
/// `Ok(None)` when there is none; `Corrupt` when it cannot be read.
pub fn load_draft(questionnaire_id: &str, draft_id: &str) -> Result<Option<DraftFile>, StorageError> {
    match load_draft_text(questionnaire_id, draft_id)? {
        None => Ok(None),
        Some(text) => DraftFile::parse(&text).map(Some).map_err(|e| StorageError::Corrupt(e.to_string())),
    }
}

/// The id, name, time and revision of a stored draft, read without reading its answers: what a
/// tab compares with the save it knows before saving over it. `Ok(None)` when there is none.
pub fn stored_meta(questionnaire_id: &str, draft_id: &str) -> Result<Option<DraftMeta>, StorageError> {
    let Some(text) = load_draft_text(questionnaire_id, draft_id)? else {
        return Ok(None);
    };
    let head = head_of(&text)?;
    Ok(Some(DraftMeta { draft_id: head.draft_id, name: head.name, saved_at: head.saved_at, revision: head.revision }))
}

/// Saves a draft's text under its entry and its row in the index (added, or replaced by id).
/// The entry is written first: when it fails, the stored draft is the previous save, whole.
/// Returns the index.
pub fn save_draft(questionnaire_id: &str, entry: &DraftEntry, text: &str) -> Result<Vec<DraftEntry>, StorageError> {
    let storage = raw_storage()?;
    set(&storage, &draft_key(questionnaire_id, &entry.id), text)?;
    let mut rows = repaired_index(&storage, questionnaire_id)?;
    match rows.iter_mut().find(|row| row.id == entry.id) {
        Some(row) => *row = entry.clone(),
        None => rows.push(entry.clone()),
    }
    if let Err(error) = write_index(&storage, questionnaire_id, &rows) {
        // The draft itself is saved; the index is repaired from it on the next read.
        web_sys::console::warn_1(&format!("bogen: the index of drafts was not updated: {error}").into());
    }
    Ok(rows)
}

/// Sets how far a draft is in its row of the index (after it was opened: the list shows it).
/// Returns the index.
pub fn set_progress(
    questionnaire_id: &str,
    draft_id: &str,
    progress: EntryProgress,
) -> Result<Vec<DraftEntry>, StorageError> {
    let storage = raw_storage()?;
    let mut rows = repaired_index(&storage, questionnaire_id)?;
    if let Some(row) = rows.iter_mut().find(|row| row.id == draft_id) {
        row.progress = Some(progress);
    }
    write_index(&storage, questionnaire_id, &rows)?;
    Ok(rows)
}

/// Renames a draft: its row in the index, and the name inside its entry (its time and revision
/// stay, so that a tab holding it open is not told it was changed). Returns the index.
pub fn rename_draft(questionnaire_id: &str, draft_id: &str, name: &str) -> Result<Vec<DraftEntry>, StorageError> {
    let storage = raw_storage()?;
    let key = draft_key(questionnaire_id, draft_id);
    if let Some(text) = get(&storage, &key)? {
        let mut draft = DraftFile::parse(&text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
        draft.name = name.to_owned();
        set(&storage, &key, &draft.to_json())?;
    }
    let mut rows = repaired_index(&storage, questionnaire_id)?;
    if let Some(row) = rows.iter_mut().find(|row| row.id == draft_id) {
        row.name = name.to_owned();
    }
    write_index(&storage, questionnaire_id, &rows)?;
    Ok(rows)
}

/// Deletes a draft: its entry and its row. Returns the index.
pub fn delete_draft(questionnaire_id: &str, draft_id: &str) -> Result<Vec<DraftEntry>, StorageError> {
    let storage = raw_storage()?;
    remove(&storage, &draft_key(questionnaire_id, draft_id))?;
    let rows: Vec<DraftEntry> =
        repaired_index(&storage, questionnaire_id)?.into_iter().filter(|row| row.id != draft_id).collect();
    // The entry is gone; a row left behind would be dropped by the next repair anyway.
    let _ = write_index(&storage, questionnaire_id, &rows);
    Ok(rows)
}

/// Moves an unreadable draft aside (to [`unreadable_draft_key`]) and out of the index, so that
/// no save overwrites what may still be recovered. Returns the key it went to and its text
/// (`None` when there was nothing stored).
pub fn set_aside_unreadable_draft(
    questionnaire_id: &str,
    draft_id: &str,
) -> Result<Option<(String, String)>, StorageError> {
    let storage = raw_storage()?;
    let key = draft_key(questionnaire_id, draft_id);
    let Some(text) = get(&storage, &key)? else {
        return Ok(None);
    };
    let slot = free_slot(&storage, &unreadable_draft_key(questionnaire_id, draft_id))?;
    set(&storage, &slot, &text)?;
    remove(&storage, &key)?;
    let rows: Vec<DraftEntry> =
        repaired_index(&storage, questionnaire_id)?.into_iter().filter(|row| row.id != draft_id).collect();
    let _ = write_index(&storage, questionnaire_id, &rows);
    Ok(Some((slot, text)))
}

/// What [`migrate_single_draft`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Migration {
    /// There was no draft under the old key.
    Nothing,
    /// The old draft is now this entry (its key is gone).
    Moved(DraftEntry),
    /// The old draft could not be read: its text was moved to `slot`.
    Unreadable { slot: String, text: String },
}

/// Moves the one draft a questionnaire had under [`single_draft_key`] (format version 1 or 2)
/// into the layout of several drafts: an entry with the id `new_id` (unless it has one) and the
/// name `name` (unless it has one), and its row in the index. The old key is removed only once
/// the entry is written; when storage is too full for a second copy, the old key makes room
/// and is written back if the entry still does not fit (then `QuotaExceeded`, nothing lost).
pub fn migrate_single_draft(questionnaire_id: &str, new_id: &str, name: &str) -> Result<Migration, StorageError> {
    let storage = raw_storage()?;
    let old_key = single_draft_key(questionnaire_id);
    let Some(text) = get(&storage, &old_key)? else {
        return Ok(Migration::Nothing);
    };
    let mut draft = match DraftFile::parse(&text) {
        Ok(draft) => draft,
        Err(error) => {
            web_sys::console::warn_1(&format!("bogen: the stored draft is unreadable, set aside: {error}").into());
            let slot = free_slot(&storage, &unreadable_single_draft_key(questionnaire_id))?;
            set(&storage, &slot, &text)?;
            remove(&storage, &old_key)?;
            return Ok(Migration::Unreadable { slot, text });
        }
    };
    if draft.draft_id.is_empty() {
        draft.draft_id = new_id.to_owned();
    }
    if draft.name.is_empty() {
        draft.name = name.to_owned();
    }
    let entry = DraftEntry {
        id: draft.draft_id.clone(),
        name: draft.name.clone(),
        saved_at: draft.saved_at.clone(),
        revision: draft.revision,
        questionnaire_version: draft.questionnaire_version.clone(),
        progress: None,
    };
    let new_text = draft.to_json();
    let key = draft_key(questionnaire_id, &entry.id);
    match set(&storage, &key, &new_text) {
        Ok(()) => {}
        Err(StorageError::QuotaExceeded) => {
            remove(&storage, &old_key)?;
            if let Err(error) = set(&storage, &key, &new_text) {
                // It fitted before: put it back as it was.
                set(&storage, &old_key, &text)?;
                return Err(error);
            }
        }
        Err(error) => return Err(error),
    }
    remove(&storage, &old_key)?;
    let mut rows = repaired_index(&storage, questionnaire_id)?;
    match rows.iter_mut().find(|row| row.id == entry.id) {
        Some(row) => *row = entry.clone(),
        None => rows.push(entry.clone()),
    }
    let _ = write_index(&storage, questionnaire_id, &rows);
    Ok(Migration::Moved(entry))
}

/// The text of the one draft of the old layout, when it could not be moved
/// ([`migrate_single_draft`] said `QuotaExceeded`): the app opens it from here.
pub fn single_draft_text(questionnaire_id: &str) -> Result<Option<String>, StorageError> {
    get(&raw_storage()?, &single_draft_key(questionnaire_id))
}

/// Removes the one draft of the old layout, once it has been saved as an entry.
pub fn remove_single_draft(questionnaire_id: &str) -> Result<(), StorageError> {
    remove(&raw_storage()?, &single_draft_key(questionnaire_id))
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The draft this tab had open (after a reload), else the one opened last in this browser.
pub fn open_draft_id(questionnaire_id: &str) -> Option<String> {
    let key = open_draft_key(questionnaire_id);
    session_storage()
        .and_then(|s| s.get_item(&key).ok().flatten())
        .or_else(|| raw_storage().ok().and_then(|s| s.get_item(&key).ok().flatten()))
        .filter(|id| !id.is_empty())
}

/// Remembers the draft this tab has open. Not being able to only means the next visit may
/// open another draft.
pub fn remember_open_draft(questionnaire_id: &str, draft_id: &str) {
    let key = open_draft_key(questionnaire_id);
    if let Some(session) = session_storage() {
        let _ = session.set_item(&key, draft_id);
    }
    if let Ok(local) = raw_storage() {
        let _ = local.set_item(&key, draft_id);
    }
}

/// Asks the browser to keep this site's storage until the respondent clears it
/// (`navigator.storage.persist()`), unless it does already. `Some(true)` when it will,
/// `Some(false)` when it refused, `None` when the browser cannot say.
pub async fn request_persistence() -> Option<bool> {
    use wasm_bindgen_futures::JsFuture;
    let manager = web_sys::window()?.navigator().storage();
    if JsFuture::from(manager.persisted().ok()?).await.ok()?.as_bool()? {
        return Some(true);
    }
    JsFuture::from(manager.persist().ok()?).await.ok()?.as_bool()
}

/// Remembers the chosen interface language.
pub fn save_lang(lang: Lang) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(LANG_KEY, lang.code()).map_err(from_gloo)
}

/// The interface language chosen last time, if any.
pub fn load_lang() -> Option<Lang> {
    if !available() {
        return None;
    }
    LocalStorage::get::<String>(LANG_KEY).ok().and_then(|code| Lang::from_code(&code))
}

/// The signing key kept in this browser: `Ok(None)` when there is none yet; `Corrupt` when the
/// stored value is not a key file (then [`set_aside_unreadable_key`] before making a new one).
pub fn load_key() -> Result<Option<KeyPair>, StorageError> {
    let storage = raw_storage()?;
    match storage.get_item(SIGNING_KEY).map_err(from_js)? {
        None => Ok(None),
        Some(text) => KeyPair::from_key_file(&text).map(Some).map_err(|e| StorageError::Corrupt(e.to_string())),
    }
}

/// Keeps `key` as this browser's signing key, only if none is kept yet (another tab may have
/// made one meanwhile: then that one is returned, and `key` is not kept). `created_at` goes
/// into the key file's text.
pub fn save_new_key(key: &KeyPair, created_at: &str) -> Result<Option<KeyPair>, StorageError> {
    if let Some(existing) = load_key()? {
        return Ok(Some(existing));
    }
    raw_storage()?.set_item(SIGNING_KEY, &key.to_key_file(created_at)).map_err(from_js)?;
    Ok(None)
}

/// Makes `key` this browser's signing key, replacing the one kept (the respondent chose so,
/// after being told the fingerprint will change). The replaced key's text is kept aside under
/// [`replaced_key_key`], so that it can still be recovered by hand.
pub fn replace_key(key: &KeyPair, created_at: &str) -> Result<(), StorageError> {
    let storage = raw_storage()?;
    if let Some(old) = storage.get_item(SIGNING_KEY).map_err(from_js)? {
        let aside = match KeyPair::from_key_file(&old) {
            Ok(pair) if pair.public_key() == key.public_key() => None,
            Ok(pair) => Some(replaced_key_key(pair.public_key().fingerprint().as_str())),
            Err(_) => Some(free_slot(&storage, UNREADABLE_KEY)?),
        };
        if let Some(aside) = aside {
            storage.set_item(&aside, &old).map_err(from_js)?;
        }
    }
    storage.set_item(SIGNING_KEY, &key.to_key_file(created_at)).map_err(from_js)
}

/// Moves a stored value that is not a key aside, to the first free one of [`UNREADABLE_KEY`],
/// `…-2`, `…-3`: never overwritten, so whatever it was can still be recovered by hand. Returns
/// where it went (`None` when nothing was stored).
pub fn set_aside_unreadable_key() -> Result<Option<String>, StorageError> {
    let storage = raw_storage()?;
    let Some(text) = storage.get_item(SIGNING_KEY).map_err(from_js)? else {
        return Ok(None);
    };
    let slot = free_slot(&storage, UNREADABLE_KEY)?;
    storage.set_item(&slot, &text).map_err(from_js)?;
    storage.remove_item(SIGNING_KEY).map_err(from_js)?;
    Ok(Some(slot))
}

/// The respondents (questionnaire id, name) the key with `fingerprint` signed submissions for in
/// this browser, oldest first; empty when none, or when storage is unavailable or unreadable
/// (this only feeds a warning, so it never stops an export). Stored as JSON pairs,
/// `[["<questionnaire id>", "<name>"], …]`, read through `serde_json::Value` (no serde code of
/// its own in the module for a warning).
pub fn signed_for(fingerprint: &str) -> Vec<SignedFor> {
    let text = raw_storage().ok().and_then(|storage| storage.get_item(&signed_for_key(fingerprint)).ok().flatten());
    let Some(Ok(serde_json::Value::Array(pairs))) = text.map(|t| serde_json::from_str(&t)) else {
        return Vec::new();
    };
    pairs
        .iter()
        .filter_map(|pair| match pair.as_array()?.as_slice() {
            [id, name] => {
                Some(SignedFor { questionnaire_id: id.as_str()?.to_owned(), name: name.as_str()?.to_owned() })
            }
            _ => None,
        })
        .collect()
}

/// Notes that the key with `fingerprint` signed for `respondent`, and returns the list as now
/// kept (one entry per questionnaire and name, the latest last, at most 20).
pub fn note_signed_for(fingerprint: &str, respondent: SignedFor) -> Vec<SignedFor> {
    let mut list = signed_for(fingerprint);
    list.retain(|r| r != &respondent);
    list.push(respondent);
    let excess = list.len().saturating_sub(20);
    list.drain(..excess);
    let pairs: Vec<serde_json::Value> =
        list.iter().map(|r| serde_json::json!([r.questionnaire_id.as_str(), r.name.as_str()])).collect();
    if let Ok(storage) = raw_storage() {
        // Not being able to note it only means one warning fewer.
        let _ = storage.set_item(&signed_for_key(fingerprint), &serde_json::Value::Array(pairs).to_string());
    }
    list
}

/// Remembers that `build` (the page's `bogen-build` version) runs now, and says whether another
/// build ran here before: then the app was updated since the last visit (a new service worker, a
/// new bundle file) and the respondent is told so. `false` on a first visit or without storage.
pub fn note_build(build: &str) -> bool {
    if !available() {
        return false;
    }
    let previous = LocalStorage::get::<String>(BUILD_KEY).ok();
    if previous.as_deref() != Some(build) {
        // Not being able to remember the build only means the notice may show once more.
        let _ = LocalStorage::set(BUILD_KEY, build);
    }
    previous.is_some_and(|p| p != build)
}
