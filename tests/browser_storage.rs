//! Browser tests of the app crate's storage, in headless Chromium: several drafts per
//! questionnaire (an index and one entry per draft) go through `storage.rs` into the real
//! LocalStorage and come back equal; the index is repaired from the entries; the one draft of
//! the old layout moves into the new one; a save checks the stored revision first and never
//! writes over another tab's save; a full storage is an error value and loses nothing; an
//! unreadable entry is set aside with its text kept; the app mounts and shows the default
//! questionnaire.
#![cfg(target_arch = "wasm32")]

use bogen_app::drafts;
use bogen_app::state::{Action, Conflict, DraftHandle, Notice, Store};
use bogen_app::storage::{self, DraftEntry, Migration, StorageError};
use bogen_engine::{compile, AnswerValue, DraftFile, DraftMeta, Lang, Questionnaire, SaveOrder, Session, Side};
use std::sync::Arc;
use wasm_bindgen_test::*;

mod support;
use support::set_page_questionnaire;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("the test browser has local storage")
}

/// Removes every key of a questionnaire's drafts (the tests share one LocalStorage, each with
/// its own questionnaire id).
fn clear(questionnaire_id: &str) {
    let storage = local_storage();
    let n = storage.length().expect("length works");
    let keys: Vec<String> = (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.contains(&format!(":{questionnaire_id}"))) {
        storage.remove_item(key).expect("remove_item works");
    }
    if let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = session.remove_item(&storage::open_draft_key(questionnaire_id));
    }
}

fn meta(id: &str, saved_at: &str, revision: u64) -> DraftMeta {
    DraftMeta { draft_id: id.into(), name: format!("Entwurf {id}"), saved_at: saved_at.into(), revision }
}

/// A small questionnaire with the id `id`.
fn questionnaire(id: &str) -> Arc<Questionnaire> {
    let text = format!(
        r#"{{"formatVersion": 1, "id": "{id}", "version": "1.0.0", "title": "Test",
            "sections": [{{"id": "a", "title": "A", "questions": [
              {{"id": "name", "type": "text", "label": "Name"}},
              {{"id": "n", "type": "integer", "label": "N"}}
            ]}}]}}"#
    );
    Arc::new(compile(&text).expect("the test questionnaire compiles"))
}

fn session_with_name(questionnaire: &Arc<Questionnaire>, name: &str) -> Session {
    let mut session = Session::new(Arc::clone(questionnaire));
    let q = questionnaire.question_idx("name").expect("the test questionnaire asks for a name");
    session.set_answer(q, Some(AnswerValue::Text(name.into())));
    session
}

fn entry(id: &str, saved_at: &str, revision: u64) -> DraftEntry {
    DraftEntry {
        id: id.into(),
        name: format!("Entwurf {id}"),
        saved_at: saved_at.into(),
        revision,
        questionnaire_version: "1.0.0".into(),
        progress: None,
    }
}

/// The default questionnaire, which the served build names beside its page (the app has none built in).
const DEFAULT_QUESTIONNAIRE: &str = include_str!("../questionnaire/erfolgreiche-integration-2005.json");

fn default_questionnaire() -> Arc<Questionnaire> {
    Arc::new(compile(DEFAULT_QUESTIONNAIRE).expect("the default questionnaire compiles"))
}

#[wasm_bindgen_test]
fn two_drafts_of_one_questionnaire_are_stored_apart_and_load_back_equal() {
    let q = questionnaire("two-drafts");
    clear(&q.id);
    let first = DraftFile::from_session(&session_with_name(&q, "Erster"), &meta("a1", "2026-01-02T03:04:05.000Z", 1));
    let second = DraftFile::from_session(&session_with_name(&q, "Zweiter"), &meta("b2", "2026-01-03T03:04:05.000Z", 4));
    storage::save_draft(&q.id, &entry("a1", &first.saved_at, 1), &first.to_json()).expect("saving works");
    let index = storage::save_draft(&q.id, &entry("b2", &second.saved_at, 4), &second.to_json()).expect("saving works");
    assert_eq!(index.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a1", "b2"], "in the order they were made");

    let raw = local_storage().get_item("bogen:draft:two-drafts:a1").expect("get_item works").expect("stored");
    assert_eq!(raw, first.to_json(), "an entry is the draft file's text");
    let raw_index = local_storage().get_item("bogen:drafts:two-drafts").expect("get_item works").expect("stored");
    assert!(raw_index.contains("\"formatVersion\":1") && raw_index.contains("\"id\":\"b2\""), "{raw_index}");

    assert_eq!(storage::load_draft(&q.id, "a1"), Ok(Some(first.clone())));
    assert_eq!(storage::load_draft(&q.id, "b2"), Ok(Some(second.clone())));
    assert_eq!(storage::stored_meta(&q.id, "b2"), Ok(Some(second.meta())));
    assert_eq!(storage::list_drafts(&q.id), Ok(index));

    // Saving again replaces that draft's row, nothing else.
    let index =
        storage::save_draft(&q.id, &entry("a1", "2026-01-04T00:00:00.000Z", 2), &first.to_json()).expect("saves");
    assert_eq!(index.len(), 2);
    assert_eq!(index[0].revision, 2);

    // Another questionnaire sees none of them.
    assert_eq!(storage::list_drafts("another-questionnaire"), Ok(Vec::new()));

    let index = storage::delete_draft(&q.id, "a1").expect("deleting works");
    assert_eq!(index.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b2"]);
    assert_eq!(storage::load_draft(&q.id, "a1"), Ok(None));
    clear(&q.id);
}

#[wasm_bindgen_test]
fn the_index_is_repaired_from_the_entries() {
    let q = questionnaire("repair");
    clear(&q.id);
    let draft =
        DraftFile::from_session(&session_with_name(&q, "Ohne Index"), &meta("x9", "2026-02-01T00:00:00.000Z", 3));
    // An entry the index does not list, and a row whose entry is gone.
    local_storage().set_item("bogen:draft:repair:x9", &draft.to_json()).expect("set_item works");
    local_storage()
        .set_item("bogen:drafts:repair", r#"{"formatVersion":1,"drafts":[{"id":"gone","name":"Weg","savedAt":"2026-01-01T00:00:00.000Z","revision":1}]}"#)
        .expect("set_item works");
    let list = storage::list_drafts(&q.id).expect("listing works");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!((list[0].id.as_str(), list[0].name.as_str(), list[0].revision), ("x9", "Entwurf x9", 3));
    assert_eq!(list[0].saved_at, "2026-02-01T00:00:00.000Z");

    // An index that is not JSON is rebuilt the same way.
    local_storage().set_item("bogen:drafts:repair", "{ kaputt").expect("set_item works");
    assert_eq!(storage::list_drafts(&q.id), Ok(list));
    clear(&q.id);
}

#[wasm_bindgen_test]
fn the_one_draft_of_the_old_layout_moves_into_the_new_one_losing_nothing() {
    let old = include_str!("fixtures/versions/integration-kurzbogen-draft-v1.json");
    clear("integration-kurzbogen");
    local_storage().set_item("bogen:draft:integration-kurzbogen", old).expect("set_item works");

    let moved = storage::migrate_single_draft("integration-kurzbogen", "neu1", "Entwurf 1").expect("moving works");
    let Migration::Moved(entry) = moved else {
        panic!("expected the draft to move, got {moved:?}");
    };
    assert_eq!((entry.id.as_str(), entry.name.as_str()), ("neu1", "Entwurf 1"));
    assert_eq!(local_storage().get_item("bogen:draft:integration-kurzbogen").expect("get_item works"), None);
    let draft = storage::load_draft("integration-kurzbogen", "neu1").expect("loads").expect("stored");
    let original = DraftFile::parse(old).expect("the fixture is a draft");
    assert_eq!(draft.answers, original.answers, "every answer moved, the kept-aside `fax` included");
    assert_eq!(draft.saved_at, original.saved_at);
    assert_eq!(draft.draft_id, "neu1");
    assert_eq!(storage::list_drafts("integration-kurzbogen").expect("lists"), vec![entry]);
    assert_eq!(storage::migrate_single_draft("integration-kurzbogen", "neu2", "x"), Ok(Migration::Nothing));

    // An old draft that cannot be read is set aside, with its text.
    local_storage().set_item("bogen:draft:integration-kurzbogen", "{ kaputt").expect("set_item works");
    match storage::migrate_single_draft("integration-kurzbogen", "neu3", "x") {
        Ok(Migration::Unreadable { slot, text }) => {
            assert_eq!(slot, "bogen:draft-unreadable:integration-kurzbogen");
            assert_eq!(text, "{ kaputt");
            assert_eq!(local_storage().get_item(&slot).expect("get_item works").as_deref(), Some("{ kaputt"));
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
    assert_eq!(local_storage().get_item("bogen:draft:integration-kurzbogen").expect("get_item works"), None);
    clear("integration-kurzbogen");
}

#[wasm_bindgen_test]
fn a_save_checks_the_stored_revision_and_never_writes_over_another_tabs_save() {
    let q = questionnaire("two-tabs");
    clear(&q.id);
    let handle = DraftHandle { id: "t1".into(), name: "Entwurf 1".into(), known: None, from_single: false };
    let store = Store::with_draft(session_with_name(&q, "Tab eins"), handle);
    store.unsaved.set(true);
    let Action::Saved(Ok(report)) = drafts::save(&store) else {
        panic!("the first save writes");
    };
    assert_eq!(report.drafts.len(), 1);
    assert!(!store.unsaved.get());
    let known = store.draft.borrow().known.clone().expect("the tab knows its save");
    assert_eq!(known.revision, 1);
    let stored = storage::load_draft(&q.id, "t1").expect("loads").expect("stored");
    assert_eq!(stored.compare_with(&known), SaveOrder::Same);
    assert_eq!(stored.answers["name"], "Tab eins");

    // Another tab saves revision 2 of the same draft.
    let other = DraftFile::from_session(&session_with_name(&q, "Tab zwei"), &meta("t1", "2099-01-01T00:00:00.000Z", 2));
    storage::save_draft(&q.id, &entry("t1", &other.saved_at, 2), &other.to_json()).expect("saves");
    assert!(matches!(drafts::check_stored(&store), Some(Action::Conflicted(Conflict::Newer { diverged: false }))));

    // This tab changes something and saves: refused, the other tab's save stays.
    store.unsaved.set(true);
    assert!(matches!(drafts::save(&store), Action::Conflicted(Conflict::Newer { diverged: true })));
    assert_eq!(storage::load_draft(&q.id, "t1").expect("loads"), Some(other.clone()));
    assert!(store.unsaved.get(), "what this tab typed is still marked unsaved");

    // Loading the stored draft merges the two (they differ at "name": the merge page asks).
    let task = match drafts::load_stored(&store, Conflict::Newer { diverged: true }).as_slice() {
        [Action::OpenTask(bogen_app::state::Task::Merge { task, choices })] => {
            assert_eq!(task.plan.differences.len(), 1);
            assert_eq!(choices.len(), 1);
            assert!(!task.again);
            task.clone()
        }
        other => panic!("expected the merge page, got {other:?}"),
    };

    // The other tab saves again while the merge page is open: "Zusammenführen" writes nothing
    // and plans anew against that save.
    let third = DraftFile::from_session(&session_with_name(&q, "Tab drei"), &meta("t1", "2099-01-02T00:00:00.000Z", 3));
    storage::save_draft(&q.id, &entry("t1", &third.saved_at, 3), &third.to_json()).expect("saves");
    let task = match drafts::apply_merge(&store, &task, &[Side::Ours]).as_slice() {
        [Action::OpenTask(bogen_app::state::Task::Merge { task, choices })] => {
            assert!(task.again, "the page says that the other tab saved again");
            assert_eq!(task.base.as_ref().map(|b| b.revision), Some(3), "planned against the newer save");
            assert_eq!(choices, &[Side::Ours], "the choice made is kept where the plan asks the same");
            task.clone()
        }
        other => panic!("expected the merge page again, got {other:?}"),
    };
    assert_eq!(storage::load_draft(&q.id, "t1").expect("loads"), Some(third), "nothing was written");
    // Confirmed again: written at once over that save, before the page says "merged".
    match drafts::apply_merge(&store, &task, &[Side::Ours]).as_slice() {
        [Action::ReplaceSession { unsaved: false, known: Some(known), .. }, Action::Saved(Ok(_))] => {
            assert_eq!(known.revision, 4);
        }
        other => panic!("expected the merge saved, got {other:?}"),
    }
    let merged = storage::load_draft(&q.id, "t1").expect("loads").expect("stored");
    assert_eq!((merged.revision, merged.answers["name"].as_str()), (4, Some("Tab eins")));

    // Deleted in another tab: saving would bring it back unasked; refused too.
    storage::delete_draft(&q.id, "t1").expect("deletes");
    assert!(matches!(drafts::save(&store), Action::Conflicted(Conflict::Deleted)));
    assert_eq!(storage::load_draft(&q.id, "t1"), Ok(None));
    // Until the respondent asks for it again.
    assert!(matches!(drafts::recreate(&store), Action::Saved(Ok(_))));
    assert!(storage::load_draft(&q.id, "t1").expect("loads").is_some());
    clear(&q.id);
}

#[wasm_bindgen_test]
fn an_unreadable_entry_is_set_aside_with_its_text_and_another_draft_opens() {
    let q = questionnaire("unreadable");
    clear(&q.id);
    let good = DraftFile::from_session(&session_with_name(&q, "Lesbar"), &meta("ok", "2026-01-01T00:00:00.000Z", 1));
    storage::save_draft(&q.id, &entry("ok", &good.saved_at, 1), &good.to_json()).expect("saves");
    storage::save_draft(&q.id, &entry("bad", "2026-06-01T00:00:00.000Z", 1), "{ kaputt").expect("saves");
    assert!(matches!(storage::load_draft(&q.id, "bad"), Err(StorageError::Corrupt(_))));

    // "bad" was saved last, so it would open first: it is set aside, and "ok" opens.
    let opening = drafts::open_at_start(Arc::clone(&q), Lang::De);
    assert_eq!(opening.handle.id, "ok");
    assert!(opening.problem.is_none());
    let unreadable = opening.notices.iter().find_map(|n| match n {
        Notice::Unreadable { slot, text } => Some((slot.clone(), text.to_string())),
        _ => None,
    });
    assert_eq!(unreadable, Some(("bogen:draft-unreadable:unreadable:bad".to_owned(), "{ kaputt".to_owned())));
    assert_eq!(
        local_storage().get_item("bogen:draft-unreadable:unreadable:bad").expect("get_item works").as_deref(),
        Some("{ kaputt")
    );
    assert_eq!(opening.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["ok"]);
    let name = q.question_idx("name").expect("asked");
    assert_eq!(opening.session.answer(name), Some(&AnswerValue::Text("Lesbar".into())));

    // A second unreadable text of the same id goes to the next free place.
    storage::save_draft(&q.id, &entry("bad", "2026-06-02T00:00:00.000Z", 1), "nochmal kaputt").expect("saves");
    let (slot, _) = storage::set_aside_unreadable_draft(&q.id, "bad").expect("sets aside").expect("was stored");
    assert_eq!(slot, "bogen:draft-unreadable:unreadable:bad-2");
    clear(&q.id);
}

#[wasm_bindgen_test]
fn with_no_draft_a_new_one_is_made_and_saved_at_once_and_the_tab_remembers_it() {
    let q = questionnaire("first-visit");
    clear(&q.id);
    let opening = drafts::open_at_start(Arc::clone(&q), Lang::De);
    assert_eq!(opening.handle.name, "Entwurf 1");
    assert_eq!(opening.handle.id.len(), 16, "16 hex digits: {}", opening.handle.id);
    assert_eq!(opening.drafts.len(), 1);
    assert_eq!(storage::open_draft_id(&q.id), Some(opening.handle.id.clone()));
    // The next visit opens the same draft.
    let again = drafts::open_at_start(Arc::clone(&q), Lang::De);
    assert_eq!(again.handle.id, opening.handle.id);
    assert_eq!(drafts::default_name(Lang::De, &again.drafts), "Entwurf 2");
    clear(&q.id);
}

#[wasm_bindgen_test]
fn renaming_keeps_the_revision_so_a_tab_holding_the_draft_open_may_still_save() {
    let q = questionnaire("rename");
    clear(&q.id);
    let draft = DraftFile::from_session(&session_with_name(&q, "x"), &meta("r1", "2026-01-01T00:00:00.000Z", 5));
    storage::save_draft(&q.id, &entry("r1", &draft.saved_at, 5), &draft.to_json()).expect("saves");
    let list = storage::rename_draft(&q.id, "r1", "Zuarbeit Sozialamt").expect("renames");
    assert_eq!(list[0].name, "Zuarbeit Sozialamt");
    let stored = storage::stored_meta(&q.id, "r1").expect("reads").expect("stored");
    assert_eq!(stored.name, "Zuarbeit Sozialamt");
    assert_eq!((stored.revision, stored.saved_at.as_str()), (5, "2026-01-01T00:00:00.000Z"));
    clear(&q.id);
}

#[wasm_bindgen_test]
fn storage_keys_of_a_questionnaire_are_told_apart_for_the_storage_event() {
    use storage::DraftKey;
    assert_eq!(storage::classify_key("q-1", "bogen:drafts:q-1"), Some(DraftKey::Index));
    assert_eq!(storage::classify_key("q-1", "bogen:draft:q-1:ab12"), Some(DraftKey::Draft("ab12".into())));
    assert_eq!(storage::classify_key("q-1", "bogen:draft:q-10:ab12"), None);
    assert_eq!(storage::classify_key("q-1", "bogen:draft:q-1"), None);
    assert_eq!(storage::classify_key("q-1", "bogen:lang"), None);
}

#[wasm_bindgen_test]
fn the_language_choice_is_remembered() {
    storage::save_lang(Lang::En).expect("saving works");
    assert_eq!(storage::load_lang(), Some(Lang::En));
    storage::save_lang(Lang::De).expect("saving works");
    assert_eq!(storage::load_lang(), Some(Lang::De));
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_default_questionnaire() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("create_element works");
    document.body().expect("a body").append_child(&root).expect("append_child works");
    let questionnaire = default_questionnaire();
    let title_de = questionnaire.title.get(Lang::De).to_owned();
    let title_en = questionnaire.title.get(Lang::En).to_owned();

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
    clear(&questionnaire.id);
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
fn a_full_storage_is_reported_as_quota_exceeded_and_the_last_save_stays_whole() {
    let q = questionnaire("quota");
    clear(&q.id);
    let before = DraftFile::from_session(&session_with_name(&q, "vorher"), &meta("f1", "2026-01-01T00:00:00.000Z", 1));
    storage::save_draft(&q.id, &entry("f1", &before.saved_at, 1), &before.to_json()).expect("saves");
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
    let big =
        DraftFile::from_session(&session_with_name(&q, &"M".repeat(4096)), &meta("f1", "2026-01-02T00:00:00.000Z", 2));
    let result = storage::save_draft(&q.id, &entry("f1", &big.saved_at, 2), &big.to_json());
    let kept = storage::load_draft(&q.id, "f1");
    for key in &filler_keys {
        let _ = storage.remove_item(key);
    }
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(kept, Ok(Some(before)), "the previous save is still there, whole");
    // With room again, the same draft saves.
    assert!(storage::save_draft(&q.id, &entry("f1", &big.saved_at, 2), &big.to_json()).is_ok());
    clear(&q.id);
}

#[wasm_bindgen_test]
fn drafts_of_other_questionnaires_are_listed_with_their_note_and_nothing_is_written() {
    clear("others-open");
    clear("others-file");
    clear("others-old");
    let file = questionnaire("others-file");
    let text = DraftFile::from_session(&session_with_name(&file, "Kita"), &meta("f1", "2026-03-01T10:00:00.000Z", 2))
        .to_json();
    storage::save_draft("others-file", &entry("f1", "2026-03-01T10:00:00.000Z", 2), &text).expect("saved");
    let note = storage::QuestionnaireNote {
        title_de: "Elternbefragung".into(),
        title_en: "Parents' survey".into(),
        version: "1.0.0".into(),
        link: None,
        file_name: Some("kita-umfrage.json".into()),
    };
    storage::note_questionnaire("others-file", &note).expect("noted");
    // A draft of the old single-draft layout, from before notes: listed by its id.
    local_storage()
        .set_item(&storage::single_draft_key("others-old"), &text.replace("others-file", "others-old"))
        .expect("set_item works");
    let before: Vec<String> = {
        let storage = local_storage();
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
    };

    let others = storage::drafts_of_others("others-open");
    let file_entry = others.iter().find(|o| o.questionnaire_id == "others-file").expect("the file's questionnaire");
    assert_eq!(file_entry.note.as_ref(), Some(&note));
    assert_eq!(file_entry.drafts.len(), 1);
    assert_eq!(file_entry.drafts[0].saved_at, "2026-03-01T10:00:00.000Z");
    let old = others.iter().find(|o| o.questionnaire_id == "others-old").expect("the old layout's questionnaire");
    assert_eq!((old.note.as_ref(), old.drafts.len()), (None, 1));
    assert!(storage::drafts_of_others("others-file").iter().all(|o| o.questionnaire_id != "others-file"));
    let after: Vec<String> = {
        let storage = local_storage();
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
    };
    assert_eq!(before, after, "listing writes no key");
    clear("others-file");
    clear("others-old");
}
