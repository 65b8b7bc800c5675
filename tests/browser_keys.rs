//! Browser tests of the signing key's storage and randomness, in headless Chromium: the key
//! goes through `storage.rs` into the real LocalStorage and comes back the same key; a stored
//! value that is not a key is an error, moved aside and never overwritten; a key loaded from a
//! file keeps the replaced one aside; `crypto.getRandomValues` gives a fresh seed each time;
//! WebCrypto's SHA-256 (the app's hash of a fetched questionnaire) is the engine's.
#![cfg(target_arch = "wasm32")]

use bogen_app::dom::BrowserSha256;
use bogen_app::storage::{self, StorageError};
use bogen_engine::KeyPair;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("the test browser has local storage")
}

/// Removes the key and everything set aside, so that each test starts from an empty browser.
fn clear_keys() {
    let storage = local_storage();
    let n = storage.length().expect("length works");
    let keys: Vec<String> = (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.starts_with("bogen:signing-key")) {
        storage.remove_item(key).expect("remove_item works");
    }
}

// The tests share one LocalStorage and run one after another in one page: each clears first.

#[wasm_bindgen_test]
fn with_no_key_kept_loading_gives_none() {
    clear_keys();
    assert!(matches!(storage::load_key(), Ok(None)));
}

#[wasm_bindgen_test]
fn a_saved_key_loads_back_as_the_same_key_and_is_stored_as_a_key_file() {
    clear_keys();
    let key = KeyPair::from_seed([7; 32]);
    let other = storage::save_new_key(&key, "2026-11-27T10:00:00.000Z").expect("saving works");
    assert!(other.is_none(), "no key was kept before");
    let raw = local_storage().get_item(storage::SIGNING_KEY).expect("get_item works").expect("stored");
    assert!(raw.contains("\"format\": \"bogen-key\""), "stored as the engine's key file: {raw}");
    let loaded = storage::load_key().expect("loading works").expect("a key is kept");
    assert_eq!(loaded.public_key(), key.public_key());

    // A second key made meanwhile (another tab) does not replace the kept one.
    let second = KeyPair::from_seed([8; 32]);
    let kept = storage::save_new_key(&second, "2026-11-27T10:01:00.000Z").expect("saving works");
    assert_eq!(kept.map(|k| k.public_key()), Some(key.public_key()));
    assert_eq!(storage::load_key().expect("loads").map(|k| k.public_key()), Some(key.public_key()));
    clear_keys();
}

#[wasm_bindgen_test]
fn a_stored_value_that_is_not_a_key_is_corrupt_and_is_moved_aside_never_overwritten() {
    clear_keys();
    let storage = local_storage();
    storage.set_item(storage::SIGNING_KEY, "{ not a key").expect("set_item works");
    match storage::load_key() {
        Err(StorageError::Corrupt(reason)) => assert!(reason.contains("not a key file"), "{reason}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    // Saving a new key refuses to overwrite it.
    assert!(matches!(
        storage::save_new_key(&KeyPair::from_seed([1; 32]), "2026-11-27T10:00:00.000Z"),
        Err(StorageError::Corrupt(_))
    ));
    assert_eq!(storage::set_aside_unreadable_key(), Ok(Some(storage::UNREADABLE_KEY.to_owned())));
    assert!(matches!(storage::load_key(), Ok(None)));
    assert_eq!(storage.get_item(storage::UNREADABLE_KEY).expect("get_item works").as_deref(), Some("{ not a key"));

    // A second unreadable value goes to the next free place; the first stays.
    storage.set_item(storage::SIGNING_KEY, "{\"format\": \"bogen-submission\"}").expect("set_item works");
    let second = format!("{}-2", storage::UNREADABLE_KEY);
    assert_eq!(storage::set_aside_unreadable_key(), Ok(Some(second.clone())));
    assert_eq!(storage.get_item(storage::UNREADABLE_KEY).expect("get_item works").as_deref(), Some("{ not a key"));
    assert_eq!(
        storage.get_item(&second).expect("get_item works").as_deref(),
        Some("{\"format\": \"bogen-submission\"}")
    );
    clear_keys();
}

#[wasm_bindgen_test]
fn replacing_the_key_keeps_the_old_one_aside_under_its_fingerprint() {
    clear_keys();
    let old = KeyPair::from_seed([3; 32]);
    let new = KeyPair::from_seed([4; 32]);
    storage::save_new_key(&old, "2026-11-27T10:00:00.000Z").expect("saving works");
    storage::replace_key(&new, "2026-11-27T11:00:00.000Z").expect("replacing works");
    assert_eq!(storage::load_key().expect("loads").map(|k| k.public_key()), Some(new.public_key()));
    let aside = storage::replaced_key_key(old.public_key().fingerprint().as_str());
    let text = local_storage().get_item(&aside).expect("get_item works").expect("the old key is kept aside");
    assert_eq!(KeyPair::from_key_file(&text).expect("a key file").public_key(), old.public_key());
    clear_keys();
}

#[wasm_bindgen_test]
fn the_browser_gives_a_fresh_random_seed_each_time() {
    let a = bogen_app::dom::random_seed().expect("Chromium offers crypto.getRandomValues");
    let b = bogen_app::dom::random_seed().expect("Chromium offers crypto.getRandomValues");
    assert_ne!(a, b);
    assert_ne!(a, [0; 32]);
    assert_ne!(KeyPair::from_seed(a).public_key(), KeyPair::from_seed(b).public_key());
}

#[wasm_bindgen_test]
async fn the_browser_s_sha_256_of_a_questionnaire_is_the_engine_s() {
    let text = include_str!("../questionnaire/erfolgreiche-integration-2005.json");
    let reading = bogen_engine::compile::read(text).expect("the default questionnaire is JSON");
    let canonical = reading.canonical().expect("it has a canonical form").to_vec();
    let hashing = BrowserSha256::start(&canonical).expect("the test page is a secure context");
    let by_browser = hashing.hex().await.expect("the browser hashes");
    assert_eq!(by_browser, bogen_engine::signing::sha256_hex(&canonical));
    // The questionnaire the app opens with that hash is the one the engine compiles alone.
    let opened = reading.compile_unhashed().expect("compiles").hashed(by_browser);
    assert_eq!(opened.sha256, bogen_engine::compile(text).expect("compiles").sha256);
    // Bytes that are not a questionnaire, e.g. none: the standard test vector.
    let empty = BrowserSha256::start(&[]).expect("WebCrypto").hex().await.expect("digest of nothing");
    assert_eq!(empty, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
