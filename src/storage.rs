//! The only code that touches the browser's LocalStorage: drafts and the language choice.
//!
//! Keys are namespaced by questionnaire id (`bogen:draft:<questionnaire-id>`) so that several
//! questionnaires filled in the same browser never see each other's answers. A draft is stored
//! as the engine's [`DraftFile`] JSON, the same text as a draft file saved to disk.
//!
//! Storage can fail for reasons the respondent controls (a full disk, a browser that blocks
//! storage, a value edited by hand): every failure is a [`StorageError`] value, never a panic.
//! `gloo_storage::LocalStorage` itself panics when the browser has no usable LocalStorage, so
//! every call first checks [`available`].

use bogen_engine::draft::DRAFT_FORMAT_VERSION;
use bogen_engine::{DraftFile, Lang};
use gloo::storage::errors::StorageError as GlooError;
use gloo::storage::{LocalStorage, Storage};

/// Why a draft could not be saved or loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no LocalStorage (blocked, or not a browser).
    Unavailable,
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// A stored value is not a readable draft; the reason is for the console.
    Corrupt(String),
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("local storage is not available"),
            StorageError::QuotaExceeded => f.write_str("local storage is full"),
            StorageError::Corrupt(reason) => write!(f, "stored draft is unreadable: {reason}"),
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
