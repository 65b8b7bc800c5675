//! What the browser tests share: putting a questionnaire into the page.
#![cfg(target_arch = "wasm32")]

/// Puts a questionnaire's text into the page the way a `bogen bundle` file carries it
/// (`<script type="application/json" id="bogen-questionnaire">`), or takes it out.
pub fn set_page_questionnaire(text: Option<&str>) {
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
