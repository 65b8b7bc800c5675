//! The frame around every page: skip link, header with the language switch and the save
//! status, and the GOV.UK error summary; plus paragraphs of questionnaire text.

use crate::i18n::{self, texts};
use crate::state::SaveStatus;
use crate::storage::StorageError;
use bogen_engine::Lang;
use yew::prelude::*;

/// Properties of [`Header`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    /// The questionnaire's title (or the service name while none is open).
    pub title: AttrValue,
    /// Whether the title links to the start page.
    #[prop_or_default]
    pub title_links: bool,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    /// The autosave's state, when a questionnaire is open.
    #[prop_or_default]
    pub save_status: Option<SaveStatus>,
}

/// The skip link, the header bar and the save status line.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let t = texts(props.lang);
    // The skip link focuses <main> itself: following "#main" would replace the route in the URL.
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::dom::focus_element("main", false);
    });
    let switches = Lang::ALL.iter().map(|&lang| {
        let on_lang = props.on_lang.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_lang.emit(lang));
        let current = lang == props.lang;
        html! {
            <li class="language-switch__item" key={lang.code()}>
                <button type="button" class="language-switch__button" lang={lang.code()}
                    aria-pressed={if current { "true" } else { "false" }} {onclick}>
                    { lang.native_name() }
                </button>
            </li>
        }
    });
    let status = match &props.save_status {
        Some(SaveStatus::Saved(time)) => {
            html! { <p class="save-status">{ i18n::saved_at(props.lang, time) }</p> }
        }
        Some(SaveStatus::Failed(error)) => {
            let text = match error {
                StorageError::QuotaExceeded => t.storage_quota,
                StorageError::Unavailable => t.storage_unavailable,
                _ => t.storage_failed,
            };
            html! { <p class="save-status save-status--failed" role="alert">{ text }</p> }
        }
        _ => html! {},
    };
    let offline_ready = use_offline_ready();
    html! {
        <>
            <a href="#main" class="skip-link" onclick={skip}>{ t.skip_link }</a>
            <header class="header">
                <div class="header__container width-container">
                    if props.title_links {
                        <a class="header__title" href="#/">{ props.title.clone() }</a>
                    } else {
                        <span class="header__title">{ props.title.clone() }</span>
                    }
                    <nav class="language-switch" aria-label={t.language_nav}>
                        <ul class="language-switch__list">{ for switches }</ul>
                    </nav>
                </div>
                <div class="width-container status-line">
                    { status }
                    // Always there, empty until the copy is ready: a screen reader announces a
                    // status that appears in a region it already knows.
                    <p class="offline-status" role="status">
                        if offline_ready { { t.offline_ready } }
                    </p>
                </div>
            </header>
        </>
    }
}

/// Whether the page opens again without a network (the app's service worker controls it); turns
/// true while the page is open when the first visit's install finishes.
#[hook]
fn use_offline_ready() -> bool {
    let ready = use_state(crate::dom::offline_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let set = {
                let ready = ready.clone();
                move || ready.set(crate::dom::offline_ready())
            };
            let listener = crate::dom::on_offline_ready(set.clone());
            // The worker may have taken over between this header's render and now (effects
            // run after the render, possibly a task later): that `controllerchange` is gone.
            set();
            move || drop(listener)
        });
    }
    *ready
}

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorSummaryProps {
    pub lang: Lang,
    /// (DOM id of the field, message) per error.
    pub entries: Vec<(String, String)>,
}

/// "Es gibt ein Problem": every error of the page as a link to its field. It is an alert, and
/// takes focus after Weiter (the focus is moved by the form root).
#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let t = texts(props.lang);
    let items = props.entries.iter().enumerate().map(|(i, (target, message))| {
        let onclick = {
            let target = target.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                crate::dom::focus_field(target.clone());
            })
        };
        html! { <li key={i}><a href={format!("#{target}")} {onclick}>{ message.clone() }</a></li> }
    });
    html! {
        <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 class="error-summary__title" id="error-summary-title">{ t.error_summary_title }</h2>
            <ul class="error-summary__list">{ for items }</ul>
        </div>
    }
}

/// Questionnaire text as paragraphs: blank lines separate them. Always text nodes: a
/// questionnaire file may come from anyone, so nothing in it is ever read as HTML.
pub fn paragraphs(text: &str, class: &'static str) -> Html {
    let blocks = crate::format::split_paragraphs(text);
    html! {
        { for blocks.into_iter().enumerate().map(|(i, p)| html! { <p class={class} key={i}>{ p }</p> }) }
    }
}
