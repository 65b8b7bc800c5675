//! The only code that touches the browser's LocalStorage: drafts, the language choice and the
//! signing key.
//!
//! Keys are namespaced by questionnaire id (`bogen:draft:<questionnaire-id>`) so that several
//! questionnaires filled in the same browser never see each other's answers. A draft is stored
//! as the engine's [`DraftFile`] JSON, the same text as a draft file saved to disk.
//!
//! The signing key is stored once per browser profile, under [`SIGNING_KEY`], as the text of
//! the engine's key file (the same text as a key file saved to disk). One identity per browser,
//! not one per questionnaire: its fingerprint is what the municipality tells the office, once,
//! and every submission from this browser (a second round included) is then signed by the same
//! key. A stored value that is not a key is never replaced silently: it is moved aside
//! ([`set_aside_unreadable_key`]), and a key replaced by one loaded from a file is kept aside too
//! ([`replace_key`]), so no key is ever lost without the respondent having chosen so.
//!
//! Storage can fail for reasons the respondent controls (a full disk, a browser that blocks
//! storage, a value edited by hand): every failure is a [`StorageError`] value, never a panic.
//! `gloo_storage::LocalStorage` itself panics when the browser has no usable LocalStorage, so
//! every call first checks [`available`].

use bogen_engine::draft::DRAFT_FORMAT_VERSION;
use bogen_engine::{DraftFile, KeyPair, Lang};
use gloo::storage::errors::StorageError as GlooError;
use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

/// Why a draft could not be saved or loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no LocalStorage (blocked, or not a browser).
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

/// The key of a questionnaire's draft.
pub fn draft_key(questionnaire_id: &str) -> String {
    format!("bogen:draft:{questionnaire_id}")
}

/// Where an unreadable draft is moved, so that saving a new one does not destroy it.
pub fn unreadable_draft_key(questionnaire_id: &str) -> String {
    format!("bogen:draft-unreadable:{questionnaire_id}")
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

/// Whether the browser lets this page use LocalStorage (accessing it throws when blocked).
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
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
        Ok(e) => StorageError::Other(format!("{}: {}", e.name, e.message)),
        Err(_) => StorageError::Other("the browser refused".to_owned()),
    }
}

/// Saves a draft under its questionnaire's key, replacing the previous one.
pub fn save_draft(draft: &DraftFile) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(draft_key(&draft.questionnaire_id), draft).map_err(from_gloo)
}

/// Loads the draft of a questionnaire: `Ok(None)` when there is none.
pub fn load_draft(questionnaire_id: &str) -> Result<Option<DraftFile>, StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    match LocalStorage::get::<DraftFile>(draft_key(questionnaire_id)) {
        Ok(draft) if draft.format_version == DRAFT_FORMAT_VERSION => Ok(Some(draft)),
        Ok(draft) => {
            Err(StorageError::Corrupt(format!("draft format version {} is not supported", draft.format_version)))
        }
        Err(GlooError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(from_gloo(error)),
    }
}

/// Moves an unreadable draft aside (to [`unreadable_draft_key`]) so the next autosave does not
/// overwrite what may still be recovered by hand.
pub fn set_aside_unreadable_draft(questionnaire_id: &str) -> Result<(), StorageError> {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Err(StorageError::Unavailable);
    };
    let key = draft_key(questionnaire_id);
    let text = storage.get_item(&key).map_err(|_| StorageError::Other("get_item failed".to_owned()))?;
    if let Some(text) = text {
        storage
            .set_item(&unreadable_draft_key(questionnaire_id), &text)
            .map_err(|_| StorageError::Other("set_item failed".to_owned()))?;
        LocalStorage::delete(key);
    }
    Ok(())
}

/// Deletes a questionnaire's draft.
pub fn delete_draft(questionnaire_id: &str) {
    if available() {
        LocalStorage::delete(draft_key(questionnaire_id));
    }
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
            Err(_) => Some(free_unreadable_slot(&storage)?),
        };
        if let Some(aside) = aside {
            storage.set_item(&aside, &old).map_err(from_js)?;
        }
    }
    storage.set_item(SIGNING_KEY, &key.to_key_file(created_at)).map_err(from_js)
}

fn free_unreadable_slot(storage: &web_sys::Storage) -> Result<String, StorageError> {
    for n in 1..1000 {
        let slot = if n == 1 { UNREADABLE_KEY.to_owned() } else { format!("{UNREADABLE_KEY}-{n}") };
        if storage.get_item(&slot).map_err(from_js)?.is_none() {
            return Ok(slot);
        }
    }
    Err(StorageError::Other("no free place to set an unreadable key aside".to_owned()))
}

/// Moves a stored value that is not a key aside, to the first free one of [`UNREADABLE_KEY`],
/// `…-2`, `…-3`: never overwritten, so whatever it was can still be recovered by hand. Returns
/// where it went (`None` when nothing was stored).
pub fn set_aside_unreadable_key() -> Result<Option<String>, StorageError> {
    let storage = raw_storage()?;
    let Some(text) = storage.get_item(SIGNING_KEY).map_err(from_js)? else {
        return Ok(None);
    };
    let slot = free_unreadable_slot(&storage)?;
    storage.set_item(&slot, &text).map_err(from_js)?;
    storage.remove_item(SIGNING_KEY).map_err(from_js)?;
    Ok(Some(slot))
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
