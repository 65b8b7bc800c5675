//! Small browser helpers that are not rendering: focus, document title and language, the URL,
//! the clock, randomness for new keys and draft ids, performance marks, downloads and uploads. Every one of them does nothing
//! (rather than panic) when the browser does not offer what it needs.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Focuses the element with `id`. With `scroll_label`, the field's label (or its fieldset's
/// legend) is scrolled into view too, as GOV.UK's error summary does: a focused input alone
/// would sit at the top edge with its question cut off.
pub fn focus_element(id: &str, scroll_label: bool) -> bool {
    let Some(doc) = document() else {
        return false;
    };
    let Some(element) = doc.get_element_by_id(id) else {
        return false;
    };
    let Ok(html) = element.clone().dyn_into::<HtmlElement>() else {
        return false;
    };
    if html.focus().is_err() {
        return false;
    }
    if scroll_label {
        if let Some(target) = label_of(&doc, &element, id) {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Start);
            target.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
    true
}

fn label_of(doc: &Document, element: &Element, id: &str) -> Option<Element> {
    // A radio or checkbox belongs to a group named by its fieldset's legend (as does a repeat
    // group's add button); any other field has its own label.
    let kind = element.get_attribute("type").unwrap_or_default();
    let grouped = kind == "radio" || kind == "checkbox" || element.tag_name() == "BUTTON";
    let own_label = || doc.query_selector(&format!("label[for=\"{id}\"]")).ok().flatten();
    if !grouped {
        if let Some(label) = own_label() {
            return Some(label);
        }
    }
    element
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|fieldset| fieldset.query_selector("legend").ok().flatten())
        .or_else(own_label)
}

/// The event that asks the open section page to build all its chunks now
/// ([`crate::pages::SectionPage`]; otherwise it builds them while the browser is idle).
pub const BUILD_WHOLE_PAGE_EVENT: &str = "bogen-build-whole-page";

/// Focuses the field `id` as [`focus_element`] does (its label scrolled into view). A page
/// builds its questions a chunk at a time, so a field may not be in the document yet: then this
/// asks the page to build the rest at once ([`BUILD_WHOLE_PAGE_EVENT`]) and tries again every
/// frame's time until the field is there, for at most about two seconds.
pub fn focus_field(id: String) {
    fn attempt(id: String, left: u32) {
        let present = document().is_some_and(|d| d.get_element_by_id(&id).is_some());
        if present {
            focus_element(&id, true);
        } else if left > 0 {
            gloo::timers::callback::Timeout::new(16, move || attempt(id, left - 1)).forget();
        }
    }
    if document().is_some_and(|d| d.get_element_by_id(&id).is_none()) {
        if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(BUILD_WHOLE_PAGE_EVENT)) {
            let _ = window.dispatch_event(&event);
        }
    }
    attempt(id, 120);
}

/// Work for when the browser is idle ([`when_idle`]); dropping it cancels the work.
pub struct IdleTask {
    id: Option<u32>,
    _callback: Option<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::IdleDeadline)>>,
    _fallback: Option<gloo::timers::callback::Timeout>,
}

impl Drop for IdleTask {
    fn drop(&mut self) {
        if let (Some(id), Some(window)) = (self.id, web_sys::window()) {
            window.cancel_idle_callback(id);
        }
    }
}

/// Runs `task` once the browser is idle (`requestIdleCallback`), at the latest after
/// `timeout_ms`, with the milliseconds it expects to stay idle (up to 50). Input, rendering and
/// the app's other tasks go first, so work that nobody waits for (the rest of a long page)
/// never delays a keystroke by more than one such task. Where the browser has no idle callbacks
/// (Safari), `task` runs after a zero timeout with one frame's time.
pub fn when_idle(timeout_ms: u32, task: impl FnOnce(f64) + 'static) -> IdleTask {
    let window = web_sys::window()
        .filter(|w| js_sys::Reflect::has(w, &JsValue::from_str("requestIdleCallback")).unwrap_or(false));
    let Some(window) = window else {
        let fallback = gloo::timers::callback::Timeout::new(0, move || task(16.0));
        return IdleTask { id: None, _callback: None, _fallback: Some(fallback) };
    };
    let callback =
        wasm_bindgen::closure::Closure::once(move |deadline: web_sys::IdleDeadline| task(deadline.time_remaining()));
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    let id = window.request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options).ok();
    IdleTask { id, _callback: Some(callback), _fallback: None }
}

/// Whether a mouse button (or pen, or finger) is down on the page, and the work waiting for it to
/// come up ([`after_press`]).
#[derive(Default)]
struct Press {
    down: bool,
    waiting: Vec<Box<dyn FnOnce()>>,
}

thread_local! {
    static PRESS: std::cell::RefCell<Press> = std::cell::RefCell::default();
}

/// Starts following the pointer's presses, for [`after_press`]; called once, at start. Capture
/// listeners on the window: they see a press before the page's own handlers and whatever they do.
pub fn follow_presses() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let capture = gloo::events::EventListenerOptions::run_in_capture_phase();
    gloo::events::EventListener::new_with_options(&window, "pointerdown", capture, |_| {
        PRESS.with(|p| p.borrow_mut().down = true)
    })
    .forget();
    for name in ["pointerup", "pointercancel"] {
        gloo::events::EventListener::new_with_options(&window, name, capture, |_| {
            let waiting = PRESS.with(|p| {
                let mut press = p.borrow_mut();
                press.down = false;
                std::mem::take(&mut press.waiting)
            });
            if !waiting.is_empty() {
                // After the `click` that follows this `pointerup` in the same task.
                gloo::timers::callback::Timeout::new(0, move || waiting.into_iter().for_each(|task| task())).forget();
            }
        })
        .forget();
    }
}

/// Runs `task` now, or, while a pointer is pressed, once it is released and its click has been
/// handled. A field's error appears when focus leaves it, and a mouse press on a button or a
/// radio is what takes the focus: drawn at once, the message would push the control down
/// under the pointer before the button comes up, and the click would land elsewhere, lost.
pub fn after_press(task: impl FnOnce() + 'static) {
    let task: Box<dyn FnOnce()> = Box::new(task);
    let waiting = PRESS.with(|p| {
        let mut press = p.borrow_mut();
        if press.down {
            press.waiting.push(task);
            None
        } else {
            Some(task)
        }
    });
    if let Some(task) = waiting {
        task();
    }
}

/// Focuses a block (the error summary, the export's problem list) and brings its top into
/// view: focusing a tall element would otherwise scroll only its bottom edge into view.
pub fn focus_block(id: &str) {
    if focus_element(id, false) {
        if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Start);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// Focuses an element once the current render has reached the DOM.
pub fn focus_after_render(id: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        focus_element(&id, false);
    })
    .forget();
}

/// Focuses the page's `<h1>` (it has `tabindex="-1"`) and scrolls to the top: after moving to
/// another page a screen reader then reads the new heading.
pub fn focus_heading() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let heading = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        if doc.title() != title {
            doc.set_title(title);
        }
    }
}

/// Sets `<html lang>`.
pub fn set_html_lang(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// The URL fragment, with its `#`.
pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets the URL fragment (a new history entry, so the back button works).
pub fn set_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// A query parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// Drops the query (`?questionnaire=…`) and the page fragment from the URL without reloading:
/// another questionnaire was opened, so a reload must not bring back the old one, and it
/// starts on its own start page.
pub fn reset_url() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_else(|_| "/".to_owned());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// The time now as ISO 8601 (UTC), for drafts and exports.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The local time now as "14:32", for the save status.
pub fn local_time() -> String {
    let date = js_sys::Date::new_0();
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// An ISO time (as stored in a draft) as local date and time for reading.
pub fn local_date_time(iso: &str, lang: bogen_engine::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let (d, m, y) = (date.get_date(), date.get_month() + 1, date.get_full_year());
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    match lang {
        bogen_engine::Lang::De => format!("{d:02}.{m:02}.{y}, {time} Uhr"),
        bogen_engine::Lang::En => format!("{y}-{m:02}-{d:02} {time}"),
    }
}

/// Offers `text` as a file download. Returns whether the browser accepted it.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = document() else {
        return false;
    };
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(anchor) = doc.create_element("a") else {
        return false;
    };
    let _ = anchor.set_attribute("href", &url);
    let _ = anchor.set_attribute("download", file_name);
    let Ok(anchor) = anchor.dyn_into::<HtmlElement>() else {
        return false;
    };
    anchor.click();
    // The object URL must outlive the click's navigation; revoke it a little later.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    true
}

/// 32 bytes from the browser's cryptographically secure random source
/// (`crypto.getRandomValues`): the seed of a new signing key. `None` when the browser offers
/// none; then no key is made (a key from a weaker source could be guessed).
pub fn random_seed() -> Option<[u8; 32]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut seed = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut seed).ok()?;
    // A browser that returned without filling anything is no source either.
    (seed != [0u8; 32]).then_some(seed)
}

/// A SHA-256 the browser computes on another thread (WebCrypto's `crypto.subtle.digest`), many
/// times faster than the engine's `sha2` in WebAssembly on a fresh page: the app hashes a fetched
/// questionnaire this way while the engine compiles it (see `bogen_engine::compile::read`).
pub struct BrowserSha256(js_sys::Promise);

impl BrowserSha256 {
    /// Starts hashing (the browser copies `bytes` first). `None` where the page has no WebCrypto:
    /// only secure contexts have it (https, localhost, files; not plain http to another host).
    pub fn start(bytes: &[u8]) -> Option<Self> {
        let crypto = web_sys::window()?.crypto().ok()?;
        // `subtle` is undefined outside a secure context; web-sys's getter would not say so.
        let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok().filter(JsValue::is_object)?;
        let digest = subtle.unchecked_into::<web_sys::SubtleCrypto>().digest_with_str_and_u8_array("SHA-256", bytes);
        digest.ok().map(Self)
    }

    /// The hash in lowercase hex; `None` if the browser failed to make it.
    pub async fn hex(self) -> Option<String> {
        let digest = js_sys::Uint8Array::new(&wasm_bindgen_futures::JsFuture::from(self.0).await.ok()?).to_vec();
        (digest.len() == 32).then(|| bogen_engine::signing::hex(&digest))
    }
}

/// `N` random bytes for ids (a draft's): from `crypto.getRandomValues` where the browser offers
/// it, else from `Math.random` and the clock (an id only has to differ from the others here,
/// it guards nothing).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let secure = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !secure || bytes.iter().all(|&b| b == 0) {
        let mut seed = js_sys::Date::now() as u64;
        for byte in &mut bytes {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add((js_sys::Math::random() * 1e9) as u64);
            *byte = (seed >> 33) as u8;
        }
    }
    bytes
}

/// Sets a performance mark (`performance.mark`), for the browser benchmark; one of a name at
/// a time, so that marks do not pile up over a long session.
pub fn performance_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}

/// Measures from the mark `start` to now (`performance.measure`), for the browser benchmark;
/// one measure of a name at a time.
pub fn performance_measure(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_measures_with_measure_name(name);
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// Uploads a file to `url` with `POST`, as `multipart/form-data` with one part named
/// [`UPLOAD_FIELD`](crate::submit::UPLOAD_FIELD) carrying `file_name` and `mime`, as an HTML
/// form with `<input type="file" name="file">` would. `Ok` on a 2xx answer.
pub async fn upload(url: &str, file_name: &str, mime: &str, text: &str) -> Result<(), crate::submit::UploadFailure> {
    use crate::submit::UploadFailure;
    let describe = |e: wasm_bindgen::JsValue| {
        gloo::utils::errors::JsError::try_from(e).map(|e| e.to_string()).unwrap_or_else(|_| "unknown".to_owned())
    };
    let form = web_sys::FormData::new().map_err(|e| UploadFailure::Request(describe(e)))?;
    let blob = web_sys::Blob::from(gloo::file::Blob::new_with_options(text, Some(mime)));
    form.append_with_blob_and_filename(crate::submit::UPLOAD_FIELD, &blob, file_name)
        .map_err(|e| UploadFailure::Request(describe(e)))?;
    // No content type of our own: the browser sets multipart/form-data with its boundary.
    let request = gloo::net::http::Request::post(url).body(form).map_err(|e| UploadFailure::Request(e.to_string()))?;
    let response = request.send().await.map_err(|e| match web_sys::window().map(|w| w.navigator().on_line()) {
        // Offline, the browser's own words ("Failed to fetch") would only puzzle.
        Some(false) => UploadFailure::Offline,
        _ => UploadFailure::Network(e.to_string()),
    })?;
    if crate::submit::is_success(response.status()) {
        Ok(())
    } else {
        Err(UploadFailure::Http { status: response.status(), status_text: response.status_text() })
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The id of the `<script type="application/json">` element that carries the page's questionnaire.
pub const QUESTIONNAIRE_ELEMENT_ID: &str = "bogen-questionnaire";

/// The questionnaire the page carries: its file name (`data-file-name`) and its text.
pub fn page_questionnaire() -> Option<(String, String)> {
    let element = document()?.get_element_by_id(QUESTIONNAIRE_ELEMENT_ID)?;
    let text = element.text_content().filter(|t| !t.trim().is_empty())?;
    let file_name = element.get_attribute("data-file-name").unwrap_or_else(|| "questionnaire.json".to_owned());
    Some((file_name, text))
}

/// The page's own questionnaire file, when the page names one instead of carrying it (the
/// served build: `<meta name="bogen-questionnaire" content="URL" data-file-name="NAME">`, filled
/// by `scripts/post-build.mjs`): its URL and its file name.
pub fn page_questionnaire_file() -> Option<(String, String)> {
    let meta = document()?.query_selector("meta[name=\"bogen-questionnaire\"]").ok()??;
    let url = meta.get_attribute("content").filter(|v| !v.is_empty())?;
    let file_name = meta.get_attribute("data-file-name").unwrap_or_else(|| "questionnaire.json".to_owned());
    Some((url, file_name))
}

/// Whether the page has a questionnaire of its own: in it, or named by it.
pub fn page_has_questionnaire() -> bool {
    page_questionnaire_file().is_some() || page_questionnaire().is_some()
}

/// The build version the page was made with (`<meta name="bogen-build">`, written by
/// `scripts/post-build.mjs` and `bogen bundle`), if any.
pub fn page_build() -> Option<String> {
    let meta = document()?.query_selector("meta[name=\"bogen-build\"]").ok()??;
    meta.get_attribute("content").filter(|v| !v.is_empty())
}

/// The browser's service workers of this page (`navigator.serviceWorker`); `None` where there
/// are none: a file opened from disk, plain http to another host, a browser without them.
/// Read through `Reflect`: web-sys's bindings for the container would cost the bundle more than
/// the two members used here.
fn service_workers() -> Option<web_sys::EventTarget> {
    let navigator = web_sys::window()?.navigator();
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    container.is_object().then(|| container.unchecked_into())
}

/// Whether the app's service worker controls this page: its copy of the build is complete
/// (pwa/sw.js takes control only once it has cached every file), so the page opens again
/// without a network.
pub fn offline_ready() -> bool {
    service_workers()
        .and_then(|container| js_sys::Reflect::get(&container, &JsValue::from_str("controller")).ok())
        .is_some_and(|controller| controller.is_object())
}

/// Calls `ready` when the app's service worker takes control of the page (`controllerchange`:
/// on the first visit, once its install has finished). Listens while the handle is kept.
pub fn on_offline_ready(ready: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let container = service_workers()?;
    Some(gloo::events::EventListener::new(&container, "controllerchange", move |_| ready()))
}

/// The fetch of the questionnaire (`?questionnaire=<url>`, else the page's own file) that
/// index.html started before the app's code was loaded (`window.bogenQuestionnaire`: the URL
/// and a promise of the file's text, rejected with "HTTP <status> <text>" or the browser's
/// error). Taken once, and only for `url`; the app fetches anything else itself.
pub fn take_early_fetch(url: &str) -> Option<impl std::future::Future<Output = Result<String, String>>> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("bogenQuestionnaire");
    let early = js_sys::Reflect::get(&window, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let early_url = js_sys::Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    if early_url != url {
        return None;
    }
    let text = js_sys::Reflect::get(&early, &"text".into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    Some(async move {
        match wasm_bindgen_futures::JsFuture::from(text).await {
            Ok(value) => value.as_string().ok_or_else(|| "the response is not text".to_owned()),
            Err(error) => Err(error.as_string().unwrap_or_else(|| {
                gloo::utils::errors::JsError::try_from(error)
                    .map(|e| e.to_string())
                    .unwrap_or_else(|_| "unknown".to_owned())
            })),
        }
    })
}
