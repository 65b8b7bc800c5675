//! Browser tests of the app crate, in headless Chromium: drafts go through `storage.rs` into
//! the real LocalStorage and come back equal, and the app mounts and shows the default
//! questionnaire.
#![cfg(target_arch = "wasm32")]

use bogen_app::storage::{self, StorageError};
use bogen_engine::{compile, AnswerValue, DraftFile, DraftMeta, Session};
use std::sync::Arc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("the test browser has local storage")
}

fn meta(saved_at: &str) -> DraftMeta {
    DraftMeta { draft_id: "d1".into(), name: "Entwurf".into(), saved_at: saved_at.into(), revision: 1 }
}

/// The default questionnaire, which the served build's page carries (the app has none built in).
const DEFAULT_QUESTIONNAIRE: &str = include_str!("../questionnaire/erfolgreiche-integration-2005.json");

fn default_questionnaire() -> Arc<bogen_engine::Questionnaire> {
    Arc::new(compile(DEFAULT_QUESTIONNAIRE).expect("the default questionnaire compiles"))
}

/// Puts a questionnaire into the page the way index.html and `bogen bundle` do, or takes it out.
fn set_page_questionnaire(text: Option<&str>) {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    if let Some(old) = document.get_element_by_id(bogen_app::dom::QUESTIONNAIRE_ELEMENT_ID) {
        old.remove();
    }
    if let Some(text) = text {
        let script = document.create_element("script").expect("create_element works");
        script.set_attribute("type", "application/json").expect("set_attribute works");
        script.set_attribute("id", bogen_app::dom::QUESTIONNAIRE_ELEMENT_ID).expect("set_attribute works");
        script.set_text_content(Some(text));
        document.head().expect("a head").append_child(&script).expect("append_child works");
    }
}

#[wasm_bindgen_test]
fn a_draft_saved_to_local_storage_loads_back_equal() {
    let questionnaire = default_questionnaire();
    let mut session = Session::new(Arc::clone(&questionnaire));
    let name = questionnaire
        .question_idx("municipality_name")
        .expect("the default questionnaire asks for the municipality's name");
    session.set_answer(name, Some(AnswerValue::Text("Musterstadt".into())));
    let draft = DraftFile::from_session(&session, &meta("2026-01-02T03:04:05.000Z"));

    storage::save_draft(&draft).expect("saving works");
    let raw = local_storage()
        .get_item(&storage::draft_key(&questionnaire.id))
        .expect("get_item works")
        .expect("the draft is stored under bogen:draft:<id>");
    assert!(raw.contains("Musterstadt"), "stored text: {raw}");

    let loaded = storage::load_draft(&questionnaire.id).expect("loading works");
    assert_eq!(loaded, Some(draft.clone()));

    let (restored, report) = draft.restore(Arc::clone(&questionnaire)).expect("restores");
    assert!(report.newly_kept_aside.is_empty(), "{report:?}");
    assert_eq!(restored.answer(name), Some(&AnswerValue::Text("Musterstadt".into())));
    storage::delete_draft(&questionnaire.id);
}

#[wasm_bindgen_test]
fn a_missing_draft_is_none() {
    storage::delete_draft("no-such-questionnaire");
    assert_eq!(storage::load_draft("no-such-questionnaire"), Ok(None));
}

#[wasm_bindgen_test]
fn a_corrupt_stored_draft_is_an_error_value_and_can_be_set_aside() {
    let id = "corrupt-test";
    let key = storage::draft_key(id);
    local_storage().set_item(&key, "{ this is not json").expect("set_item works");
    match storage::load_draft(id) {
        Err(StorageError::Corrupt(reason)) => assert!(!reason.is_empty()),
        other => panic!("expected a Corrupt error, got {other:?}"),
    }

    // A JSON value that is not a draft is just as unreadable.
    local_storage().set_item(&key, "{\"formatVersion\": 1}").expect("set_item works");
    assert!(matches!(storage::load_draft(id), Err(StorageError::Corrupt(_))));

    storage::set_aside_unreadable_draft(id).expect("setting aside works");
    assert_eq!(storage::load_draft(id), Ok(None));
    let kept = local_storage().get_item(&storage::unreadable_draft_key(id)).expect("get_item works");
    assert_eq!(kept.as_deref(), Some("{\"formatVersion\": 1}"));
    let _ = local_storage().remove_item(&storage::unreadable_draft_key(id));
}

#[wasm_bindgen_test]
fn the_language_choice_is_remembered() {
    storage::save_lang(bogen_engine::Lang::En).expect("saving works");
    assert_eq!(storage::load_lang(), Some(bogen_engine::Lang::En));
    storage::save_lang(bogen_engine::Lang::De).expect("saving works");
    assert_eq!(storage::load_lang(), Some(bogen_engine::Lang::De));
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_default_questionnaire() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("create_element works");
    document.body().expect("a body").append_child(&root).expect("append_child works");
    let questionnaire = default_questionnaire();
    let title_de = questionnaire.title.get(bogen_engine::Lang::De).to_owned();
    let title_en = questionnaire.title.get(bogen_engine::Lang::En).to_owned();

    set_page_questionnaire(Some(DEFAULT_QUESTIONNAIRE));
    let app = yew::Renderer::<bogen_app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    set_page_questionnaire(None);

    let text = root.text_content().unwrap_or_default();
    assert!(text.contains(&title_de) || text.contains(&title_en), "the title is not shown; the page says: {text}");
    let h1 = root.query_selector("h1").expect("query_selector works").expect("the start page has a heading");
    let heading = h1.text_content().unwrap_or_default();
    assert!(heading == title_de || heading == title_en, "h1: {heading}");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_page_without_a_questionnaire_asks_for_the_file() {
    set_page_questionnaire(None);
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("create_element works");
    document.body().expect("a body").append_child(&root).expect("append_child works");

    let app = yew::Renderer::<bogen_app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let heading = root.query_selector("h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
    assert!(heading == "Kein Fragebogen geöffnet" || heading == "No questionnaire open", "h1: {heading}");
    assert!(root.query_selector("input[type=file]").ok().flatten().is_some(), "a file picker is offered");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_quota_exceeded() {
    let storage = local_storage();
    // Fill the origin's storage: big chunks first, then ever smaller ones.
    let mut filler_keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 64 {
        let key = format!("filler-{}", filler_keys.len());
        if storage.set_item(&key, &"x".repeat(size)).is_ok() {
            filler_keys.push(key);
        } else {
            size /= 2;
        }
    }
    let questionnaire = default_questionnaire();
    let mut session = Session::new(Arc::clone(&questionnaire));
    let name = questionnaire
        .question_idx("municipality_name")
        .expect("the default questionnaire asks for the municipality's name");
    session.set_answer(name, Some(AnswerValue::Text("M".repeat(4096))));
    let draft = DraftFile::from_session(&session, &meta("2026-01-02T03:04:05.000Z"));
    let result = storage::save_draft(&draft);
    for key in &filler_keys {
        let _ = storage.remove_item(key);
    }
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    // With room again, the same draft saves.
    assert_eq!(storage::save_draft(&draft), Ok(()));
    storage::delete_draft(&questionnaire.id);
}
