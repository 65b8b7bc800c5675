//! Browser test of what a change redraws, in headless Chromium, with the renders the debug build
//! counts (`render_count.rs`): a page of 60 questions builds its small first chunk at once and
//! the other three when the browser is idle, or at once for focus meant for one of them or
//! for the browser's print; then a keystroke redraws the question typed into and what the engine's
//! `ChangeSet` says it affects, and never the page, its chunks or any other question; a choice
//! that shows a question redraws the two questions; Weiter with errors opens the page's error
//! summary (the page redraws for that), and fixing one error redraws the summary, not the page.
#![cfg(target_arch = "wasm32")]

use bogen_app::render_count::renders;
use bogen_engine::compile;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;
use support::set_page_questionnaire;

wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "render-counts";

/// One page of 60 questions: a choice that shows a question, a required name, a number and a
/// value calculated from it, and 54 more text fields.
fn form() -> String {
    let mut questions = vec![
        r#"{"id": "kind", "type": "singleChoice", "label": "Art", "options": [
            {"value": "a", "label": "A"}, {"value": "b", "label": "B"}]}"#
            .to_owned(),
        r#"{"id": "shown", "type": "text", "label": "Nur bei B", "visibleIf": "kind = 'b'"}"#.to_owned(),
        r#"{"id": "name", "type": "text", "label": "Name", "required": true}"#.to_owned(),
        r#"{"id": "n", "type": "integer", "label": "Anzahl"}"#.to_owned(),
        r#"{"id": "twice", "type": "calculated", "label": "Doppelt", "calculate": "n * 2"}"#.to_owned(),
    ];
    questions.extend((5..60).map(|i| format!(r#"{{"id": "t{i}", "type": "text", "label": "Text {i}"}}"#)));
    format!(
        r#"{{"formatVersion": 1, "id": "{ID}", "version": "1.0.0", "title": "Zählen",
            "sections": [{{"id": "a", "title": "Alles", "questions": [{}]}}]}}"#,
        questions.join(",")
    )
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn clear_storage() {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("local storage");
    let n = storage.length().expect("length works");
    let keys: Vec<String> = (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.contains(&format!(":{ID}"))) {
        storage.remove_item(key).expect("remove_item works");
    }
    if let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = session.remove_item(&bogen_app::storage::open_draft_key(ID));
    }
}

/// Renders so far of the components a page is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    page: u64,
    chunks: u64,
    questions: u64,
    summary: u64,
}

fn counts() -> Counts {
    Counts {
        page: renders("SectionPage"),
        chunks: renders("QuestionChunk"),
        questions: renders("QuestionView"),
        summary: renders("SectionSummary"),
    }
}

fn since(before: Counts) -> Counts {
    let now = counts();
    Counts {
        page: now.page - before.page,
        chunks: now.chunks - before.chunks,
        questions: now.questions - before.questions,
        summary: now.summary - before.summary,
    }
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("the page has the field {id}"))
        .dyn_into::<web_sys::HtmlInputElement>()
        .expect("an input")
}

/// Types `text` into a field as the browser reports it: the value changes, then `input`.
async fn type_into(id: &str, text: &str) {
    let field = input(id);
    field.set_value(&format!("{}{text}", field.value()));
    let event = web_sys::Event::new("input").expect("an event");
    field.dispatch_event(&event).expect("dispatch_event works");
    yew::scheduler::flush().await;
}

async fn click(id: &str) {
    input(id).click();
    yew::scheduler::flush().await;
}

/// Waits `ms` milliseconds (a browser timer), then for Yew's renders.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).expect("set_timeout works");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("the timer fires");
    yew::scheduler::flush().await;
}

fn quiet() -> Counts {
    Counts { page: 0, chunks: 0, questions: 0, summary: 0 }
}

/// The form's page "Alles" mounted in a fresh element, rendered once (its first chunk).
struct OpenPage {
    app: yew::AppHandle<bogen_app::App>,
    root: web_sys::Element,
}

async fn open_page() -> OpenPage {
    let text = form();
    compile(&text).expect("the test questionnaire compiles");
    clear_storage();
    let window = web_sys::window().expect("a window");
    window.location().set_hash("#/abschnitt/a").expect("set_hash works");
    set_page_questionnaire(Some(&text));
    let root = document().create_element("div").expect("create_element works");
    document().body().expect("a body").append_child(&root).expect("append_child works");
    let app = yew::Renderer::<bogen_app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    set_page_questionnaire(None);
    OpenPage { app, root }
}

impl OpenPage {
    fn close(self) {
        self.app.destroy();
        self.root.remove();
        clear_storage();
        web_sys::window().expect("a window").location().set_hash("").expect("set_hash works");
    }
}

#[wasm_bindgen_test]
async fn typing_redraws_the_questions_the_change_set_names_and_never_the_page() {
    let before = counts();
    let page = open_page().await;
    let first = since(before);
    // Chunks of 6, 20, 20 and 14 questions (`pages::chunk_ranges`): only the first is built at once.
    assert_eq!((first.page, first.chunks, first.questions), (1, 4, 6), "the first chunk built at once: {first:?}");
    // The other three are built while the browser is idle, one to three at a time (as the idle
    // time allows): the page redraws for each step, every chunk once more, for its questions.
    // Focus meant for a question not built yet (an error or change link) builds them at once.
    assert!(document().get_element_by_id("q-t59").is_none(), "the last chunk waits for idle time");
    bogen_app::dom::focus_field("q-t59".to_owned());
    yew::scheduler::flush().await;
    assert!(document().get_element_by_id("q-t59").is_some(), "asked for, the whole page is built at once");
    for _ in 0..100 {
        if document().get_element_by_id("q-t59").is_some() {
            break;
        }
        sleep(10).await;
    }

    let mounted = since(before);
    assert!((2..=4).contains(&mounted.page), "the page redrawn once per step: {mounted:?}");
    assert_eq!((mounted.chunks, mounted.summary), (7, 0), "the page in four chunks: {mounted:?}");
    assert_eq!(mounted.questions, 60, "every question drawn once: {mounted:?}");
    assert!(document().get_element_by_id("q-shown").is_none(), "the conditional question is hidden at first");

    // A text field nothing depends on: that question alone, for every keystroke.
    let before = counts();
    type_into("q-t45", "M").await;
    type_into("q-t45", "u").await;
    assert_eq!(since(before), Counts { questions: 2, ..quiet() });
    assert_eq!(input("q-t45").value(), "Mu");

    // A number the calculated value reads: both, nothing else.
    let before = counts();
    type_into("q-n", "4").await;
    assert_eq!(since(before), Counts { questions: 2, ..quiet() });
    let twice = document().get_element_by_id("q-twice").and_then(|e| e.text_content()).unwrap_or_default();
    assert_eq!(twice.trim(), "8");

    // A choice that shows a question: the choice and the question that appears.
    let before = counts();
    click("q-kind-1").await;
    assert_eq!(since(before), Counts { questions: 2, ..quiet() });
    assert!(document().get_element_by_id("q-shown").is_some(), "B shows the conditional question");

    // Weiter with the required name missing: the page redraws for its error summary once.
    let form = page.root.query_selector("form").ok().flatten().expect("the page has a form");
    let before = counts();
    form.dyn_ref::<web_sys::HtmlElement>()
        .and_then(|f| f.query_selector("button[type=submit]").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("a Weiter button")
        .click();
    yew::scheduler::flush().await;
    let opened = since(before);
    assert_eq!((opened.page, opened.chunks, opened.summary), (1, 0, 1), "{opened:?}");
    assert_eq!(opened.questions, 1, "only the question whose error went on display: {opened:?}");
    assert!(document().get_element_by_id("error-summary").is_some(), "the summary is open");

    // Typing into a field without an error leaves the summary alone; fixing the error closes it.
    let before = counts();
    type_into("q-t50", "x").await;
    assert_eq!(since(before), Counts { questions: 1, ..quiet() });
    let before = counts();
    type_into("q-name", "A").await;
    let fixed = since(before);
    assert_eq!(fixed.chunks, 0, "{fixed:?}");
    assert_eq!(fixed.questions, 1, "{fixed:?}");
    assert!(document().get_element_by_id("error-summary").is_none(), "the summary closes when nothing is left");

    page.close();
}

#[wasm_bindgen_test]
async fn the_browsers_print_gets_every_question_of_a_page_not_yet_built_in_full() {
    let page = open_page().await;
    assert!(document().get_element_by_id("q-t59").is_none(), "the last chunk waits for idle time");

    // What the browser fires before it lays the page out for paper (Ctrl+P, its print menu).
    let event = web_sys::Event::new("beforeprint").expect("an event");
    web_sys::window().expect("a window").dispatch_event(&event).expect("dispatch_event works");
    yew::scheduler::flush().await;
    assert!(document().get_element_by_id("q-t59").is_some(), "printing builds the whole page first");

    page.close();
}
