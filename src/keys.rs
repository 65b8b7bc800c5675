//! The respondent's signing key in the browser: found when a form opens, made on the first
//! export, saved to a key file and loaded from one. Glue between [`crate::storage`] (the only
//! place that keeps it), [`crate::dom`] (random numbers, downloads) and the engine; no
//! rendering. The outcome of each step is an [`Action`] for the reducer.
//!
//! The private key never leaves the browser except as a key file the respondent asks for
//! ("Schlüssel als Datei sichern"): it is not in drafts, not in submissions, not in uploads.
//! No key is ever lost silently: a stored value that is no key is moved aside, a key loaded
//! from a file replaces the kept one only after the respondent confirmed it (and the replaced
//! one is kept aside too), and a key that could not be stored is offered as a file at once.

use crate::state::{Action, ExportRecord, KeyNotice, PendingKey, Signing, SigningKey};
use crate::storage::{self, SignedFor, StorageError};
use bogen_engine::submission::{respondent_name, short_digest};
use bogen_engine::{create_submission, KeyPair, Lang, Session};
use std::rc::Rc;

/// The signing state of a form that has just opened: the key kept in this browser, if any. A
/// stored value that is not a key is moved aside and reported, never used or overwritten.
pub fn at_start() -> Signing {
    match storage::load_key() {
        Ok(Some(pair)) => {
            let key = SigningKey::new(pair);
            let signed_for = Rc::new(storage::signed_for(&key.fingerprint()));
            Signing { key: Some(key), signed_for, ..Signing::default() }
        }
        Ok(None) | Err(StorageError::Unavailable) => Signing::default(),
        Err(StorageError::Corrupt(reason)) => {
            web_sys::console::warn_1(&format!("bogen: the stored signing key is unreadable: {reason}").into());
            let slot = storage::set_aside_unreadable_key().ok().flatten();
            Signing { notice: Some(KeyNotice::StoredUnreadable { slot }), ..Signing::default() }
        }
        Err(error) => {
            web_sys::console::warn_1(&format!("bogen: {error}").into());
            Signing::default()
        }
    }
}

/// The key to sign with: the one in use; else one kept in the browser meanwhile (another tab
/// may have made or loaded it); else a new one from the browser's secure random numbers,
/// stored at once. Returns the key, why it could not be stored (if so) and what to tell.
fn key_for_export(
    signing: &Signing,
    now: &str,
) -> Result<(SigningKey, Option<StorageError>, Option<KeyNotice>), KeyNotice> {
    if let Some(key) = &signing.key {
        return Ok((key.clone(), signing.not_kept.clone(), None));
    }
    let mut notice = None;
    match storage::load_key() {
        Ok(Some(pair)) => return Ok((SigningKey::new(pair), None, None)),
        Ok(None) | Err(StorageError::Unavailable) => {}
        Err(StorageError::Corrupt(_)) => {
            let slot = storage::set_aside_unreadable_key().ok().flatten();
            notice = Some(KeyNotice::StoredUnreadable { slot });
        }
        Err(_) => {}
    }
    let seed = crate::dom::random_seed().ok_or(KeyNotice::NoRandom)?;
    let pair = KeyPair::from_seed(seed);
    match storage::save_new_key(&pair, now) {
        Ok(None) => Ok((SigningKey::new(pair), None, notice.or(Some(KeyNotice::Made)))),
        Ok(Some(existing)) => Ok((SigningKey::new(existing), None, notice)),
        // Still sign: the page says the key could not be kept and offers the key file at once.
        Err(error) => Ok((SigningKey::new(pair), Some(error), notice)),
    }
}

/// Signs the session's visible answers and downloads the file. The caller has made sure that
/// no errors remain. Returns what the reducer records.
pub fn export(session: &Session, lang: Lang, signing: &Signing) -> Action {
    let now = crate::dom::now_iso();
    let (key, not_kept, notice) = match key_for_export(signing, &now) {
        Ok(found) => found,
        Err(notice) => return Action::KeyNotice(notice),
    };
    let signed = match create_submission(session, lang, &now, &key.0) {
        Ok(signed) => signed,
        Err(error) => return Action::KeyNotice(KeyNotice::SignFailed(error.to_string())),
    };
    crate::dom::download(&signed.file_name, crate::submit::SUBMISSION_MIME, &signed.text);
    let respondent = respondent_name(session.questionnaire(), &signed.file.answers);
    let fingerprint = signed.fingerprint.to_string();
    let signed_for = match &respondent {
        Some(name) => storage::note_signed_for(
            &fingerprint,
            SignedFor { questionnaire_id: session.questionnaire().id.clone(), name: name.clone() },
        ),
        None => storage::signed_for(&fingerprint),
    };
    let record = ExportRecord {
        respondent,
        short_digest: short_digest(&signed.answers_digest),
        digest: signed.answers_digest,
        fingerprint,
        file_name: signed.file_name,
        text: signed.text,
    };
    Action::Exported { record: Rc::new(record), key, not_kept, notice, signed_for: Rc::new(signed_for) }
}

/// Downloads the key as a key file (`bogen-schluessel-<fingerprint>.json`).
pub fn download_key_file(key: &SigningKey) {
    let text = key.0.to_key_file(&crate::dom::now_iso());
    crate::dom::download(&crate::submit::key_file_name(&key.fingerprint()), "application/json", &text);
}

/// A file chosen as a key file: refused with its reason when it is none; the same key as the
/// one in use is only reported; with no key in use it becomes the key at once; a different one
/// waits for the respondent to confirm (the fingerprint will change).
pub fn read_key_file(file_name: String, text: &str, signing: &Signing) -> Action {
    let pair = match KeyPair::from_key_file(text) {
        Ok(pair) => pair,
        Err(error) => return Action::KeyNotice(KeyNotice::Refused { file_name, error }),
    };
    let key = SigningKey::new(pair);
    match &signing.key {
        Some(current) if *current == key => Action::KeyNotice(KeyNotice::AlreadyInUse { file_name }),
        Some(_) => Action::KeyReplaceAsked(PendingKey { file_name, key }),
        None => keep(key, file_name),
    }
}

/// The respondent confirmed: the pending key replaces the one in use.
pub fn confirm_replace(pending: &PendingKey) -> Action {
    keep(pending.key.clone(), pending.file_name.clone())
}

fn keep(key: SigningKey, file_name: String) -> Action {
    let not_kept = storage::replace_key(&key.0, &crate::dom::now_iso()).err();
    let signed_for = Rc::new(storage::signed_for(&key.fingerprint()));
    Action::KeyLoaded { key, not_kept, file_name, signed_for }
}
