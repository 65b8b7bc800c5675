//! The page's only dealings with the browser beyond rendering: reading a dropped file (its size
//! first), giving the browser a turn, the clock, offering a download, the title, the page's
//! language and focus. Nothing here sends anything anywhere: downloads are `blob:` URLs made
//! in the page.

use crate::words::LocalTime;
use bogen_engine::signing::MAX_FILE_BYTES;
use bogen_engine::Lang;
pub use bogen_office::batch::Loaded;
use wasm_bindgen::JsCast;

/// Reads a file with a `FileReader`, unless its size says it is too large: then it is not read.
pub async fn read(file: &web_sys::File) -> Loaded {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Loaded::TooLarge(size as u64);
    }
    let file = gloo_file::File::from(file.clone());
    match gloo_file::futures::read_as_bytes(&file).await {
        Ok(bytes) if bytes.len() > MAX_FILE_BYTES => Loaded::TooLarge(bytes.len() as u64),
        Ok(bytes) => Loaded::Bytes(bytes),
        Err(error) => Loaded::Unreadable(error.to_string()),
    }
}

/// Lets the browser render and handle input before the next chunk of work.
pub async fn yield_now() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn local_parts(date: &js_sys::Date) -> LocalTime {
    LocalTime {
        year: date.get_full_year(),
        month: date.get_month() + 1,
        day: date.get_date(),
        hour: date.get_hours(),
        minute: date.get_minutes(),
        second: date.get_seconds(),
    }
}

/// An RFC 3339 time (a submission's `createdAt`) in the browser's time zone; `None` if the
/// browser cannot read it.
pub fn local_time_of(rfc3339: &str) -> Option<LocalTime> {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    (!date.get_time().is_nan()).then(|| local_parts(&date))
}

/// Now, in the browser's time zone.
pub fn now_local() -> LocalTime {
    local_parts(&js_sys::Date::new_0())
}

/// Now as RFC 3339 in UTC (`2026-11-27T10:15:00.000Z`), for the workbook's properties.
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Offers `bytes` as a file download through a `blob:` URL. Returns whether the browser took it.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let Some(document) = gloo_utils_document() else {
        return false;
    };
    let blob = gloo_file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let Ok(anchor) = document.create_element("a") else {
        return false;
    };
    let _ = anchor.set_attribute("href", &url);
    let _ = anchor.set_attribute("download", file_name);
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlElement>() else {
        return false;
    };
    anchor.click();
    // The URL must outlive the download the click started; let it go a little later.
    gloo_timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    true
}

fn gloo_utils_document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets the document's title and `<html lang>`.
pub fn set_title_and_lang(title: &str, lang: Lang) {
    if let Some(document) = gloo_utils_document() {
        document.set_title(title);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    }
}

/// Moves the focus to the element with this id.
pub fn focus(id: &str) {
    if let Some(element) = gloo_utils_document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The files of a `FileList` (from the file input or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
