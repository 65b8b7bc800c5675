//! The root components: [`App`] decides which questionnaire is open (the page's own, from a
//! file, or from `?questionnaire=<url>`) and in which language, and asks the browser once to
//! keep its storage; [`FormRoot`] holds the reducer of one open draft of that questionnaire and
//! its side effects: the autosave (debounced off the typing path, flushed when the page is left),
//! the `storage` event (another tab saved or deleted this draft), URL, focus and title. Opening
//! another draft (new, from the list, from a file, after deleting the open one) mounts a new
//! `FormRoot` on it, with the notices its start page shows.
//!
//! The questionnaire is not compiled into the app: the page names it or carries it. The served
//! build's index.html names its file (`<meta name="bogen-questionnaire">`, filled by
//! `scripts/post-build.mjs`), which the page starts fetching before the app's code has loaded,
//! as it does for `?questionnaire=<url>`; a file made by `bogen bundle` carries the text as
//! `<script type="application/json" id="bogen-questionnaire">`. So one app build serves any
//! questionnaire, its module does not carry a questionnaire it may never show, and a page opened
//! with `?questionnaire=` never downloads the default one.

use crate::draft_pages::{Banners, KeptAsidePage};
use crate::drafts;
use crate::i18n::{self, texts};
use crate::layout::Header;
use crate::pages::{PrintPage, ReviewPage, SectionPage, StartPage};
use crate::picked::{classify, FileError, FileProblem, Picked};
use crate::state::{
    Action, Conflict, DraftPage, FocusTarget, FormContext, FormState, MergeSource, Notice, Route, SaveStatus, Task,
};
use crate::storage::{self, DraftKey, StorageError};
use bogen_engine::{compile, Lang, Problem, Questionnaire};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the draft is saved.
const AUTOSAVE_DELAY_MS: u32 = 400;

/// How long a questionnaire may take to arrive before the page says that it is loading: on a
/// quick load the page shows the form at once, without a loading page drawn, laid out and torn
/// down first, and without it flashing by.
const LOADING_NOTICE_DELAY_MS: u32 = 400;

/// A compiled questionnaire as a prop: equal when it is the same one.
#[derive(Clone)]
pub struct QuestionnaireRef(pub Arc<Questionnaire>);

impl PartialEq for QuestionnaireRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the app shows.
#[derive(Clone, PartialEq)]
enum Opened {
    /// Fetching the questionnaire (`?questionnaire=<url>`, or the page's own file).
    Loading,
    /// A questionnaire is open; `serial` re-keys the form when another one is opened.
    Ready { questionnaire: QuestionnaireRef, serial: u32 },
    /// A questionnaire file with problems; `back` is the questionnaire that was open when it was
    /// chosen, which stays as it was (its draft too) and is one click away.
    Broken { file_name: String, problems: Vec<Problem>, back: Option<QuestionnaireRef> },
    /// The questionnaire could not be fetched.
    FetchFailed { url: String, reason: String },
    /// The page carries no questionnaire and none was asked for.
    Missing,
}

/// The questionnaire file to fetch first, with its name for messages: `?questionnaire=<url>`,
/// else the file the page names; `None` when the page carries its questionnaire (or has none).
fn file_to_fetch() -> Option<(String, String)> {
    if let Some(url) = crate::dom::query_param("questionnaire") {
        let name = file_name_of(&url);
        return Some((url, name));
    }
    crate::dom::page_questionnaire_file()
}

/// The questionnaire at `url`, fetched and compiled. The browser hashes it (WebCrypto) while the
/// engine compiles it: the quicker way on the load of a served page (see
/// `bogen_engine::compile::read`).
async fn open_url(url: String, file_name: String, serial: u32) -> Opened {
    let text = match fetch_text(&url).await {
        Ok(text) => text,
        Err(reason) => return Opened::FetchFailed { url, reason },
    };
    crate::dom::performance_mark("bogen-load-questionnaire-read");
    let reading = match bogen_engine::compile::read(&text) {
        Ok(reading) => reading,
        Err(problems) => return opened(&file_name, Err(problems), serial),
    };
    let compiled = match reading.canonical().and_then(crate::dom::BrowserSha256::start) {
        Some(hashing) => match reading.compile_unhashed() {
            Ok(unhashed) => match hashing.hex().await {
                Some(sha256) => Ok(unhashed.hashed(sha256)),
                // The browser started but could not finish: the engine does it all again.
                None => compile(&text),
            },
            Err(problems) => Err(problems),
        },
        None => reading.compile(),
    };
    crate::dom::performance_mark("bogen-load-compiled");
    opened(&file_name, compiled, serial)
}

/// The page's own questionnaire, or the page that says there is none.
fn open_page_questionnaire(serial: u32) -> Opened {
    match crate::dom::page_questionnaire() {
        Some((file_name, text)) => open_text(&file_name, &text, serial),
        None => Opened::Missing,
    }
}

/// A questionnaire file the page carries or the respondent chose, compiled (and hashed) by the
/// engine: no wait for the browser's hash, so the page carrying it renders it at once.
fn open_text(file_name: &str, text: &str, serial: u32) -> Opened {
    crate::dom::performance_mark("bogen-load-questionnaire-read");
    let compiled = compile(text);
    crate::dom::performance_mark("bogen-load-compiled");
    opened(file_name, compiled, serial)
}

fn opened(file_name: &str, compiled: Result<Questionnaire, bogen_engine::Problems>, serial: u32) -> Opened {
    match compiled {
        Ok(questionnaire) => Opened::Ready { questionnaire: QuestionnaireRef(Arc::new(questionnaire)), serial },
        Err(problems) => Opened::Broken { file_name: file_name.to_owned(), problems: problems.0, back: None },
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    // index.html started this fetch while the app's code was still loading.
    if let Some(early) = crate::dom::take_early_fetch(url) {
        return early.await;
    }
    let response = gloo::net::http::Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    response.text().await.map_err(|e| e.to_string())
}

/// How a questionnaire came to be open, so that the start page of another one can say how to
/// open it again ([`storage::QuestionnaireNote`]): a link that opens it, or the name of the file.
#[derive(Clone, PartialEq, Default)]
pub struct Source {
    pub link: Option<String>,
    pub file_name: Option<String>,
}

impl Source {
    /// What the page opened first: `?questionnaire=<url>` or the page's own file (a link back),
    /// or the questionnaire the page carries (a file made by `bogen bundle`: no link).
    fn at_start() -> Source {
        let location = web_sys::window().map(|w| w.location());
        let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_else(|| "/".to_owned());
        if let Some(url) = crate::dom::query_param("questionnaire") {
            let link = format!("{path}?questionnaire={}", js_sys::encode_uri_component(&url));
            return Source { link: Some(link), file_name: None };
        }
        Source::own_page()
    }

    /// The page's own questionnaire: the page itself opens it again, when it names a file.
    fn own_page() -> Source {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".to_owned());
        match crate::dom::page_questionnaire_file() {
            Some(_) => Source { link: Some(path), file_name: None },
            None => Source::default(),
        }
    }
}

fn file_name_of(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').find(|s| !s.is_empty()).unwrap_or(url).to_owned()
}

/// The application: chooses the questionnaire and the language, and shows the form or the
/// page that explains why a questionnaire cannot be opened.
#[function_component]
pub fn App() -> Html {
    let to_fetch = use_memo((), |_| file_to_fetch());
    let serial = use_mut_ref(|| 0u32);
    // How the open questionnaire came (changed only once another one has opened).
    let source = use_mut_ref(Source::at_start);
    let opened = {
        let to_fetch = to_fetch.clone();
        use_state(move || match to_fetch.as_ref() {
            Some(_) => Opened::Loading,
            None => open_page_questionnaire(0),
        })
    };
    // Whether the questionnaire is taking long enough to say so (LOADING_NOTICE_DELAY_MS).
    let slow = use_state(|| false);
    {
        let slow = slow.clone();
        let loading = matches!(*opened, Opened::Loading);
        use_effect_with(loading, move |&loading| {
            let notice = loading.then(|| Timeout::new(LOADING_NOTICE_DELAY_MS, move || slow.set(true)));
            move || drop(notice)
        });
    }
    // Whether this build is new since the last visit: asked once per page load.
    let app_updated = *use_memo((), |_| crate::dom::page_build().is_some_and(|build| storage::note_build(&build)));
    // The language the respondent chose (remembered); otherwise the questionnaire's first.
    let chosen_lang = use_state(storage::load_lang);
    // Why the file chosen last was not opened (shown beside the file field; what is open stays).
    let file_error = use_state(|| None::<FileError>);
    let file_error_serial = use_mut_ref(|| 0u32);
    // A refused file: the focus goes to the message once it is drawn (again when the same file
    // is chosen once more: each refusal has its own serial).
    use_effect_with(file_error.as_ref().map(|e| e.serial), |serial| {
        if serial.is_some() {
            crate::dom::focus_after_render("error-summary".to_owned());
        }
    });
    // The notices for the start page of a draft that opens next (see `FormContext::reopen`).
    let carried = use_state(Vec::<Notice>::new);
    // Whether the browser promised to keep the drafts (`navigator.storage.persist()`), asked once.
    let persisted = use_state(|| None::<bool>);
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persisted.set(Some(storage::request_persistence().await.unwrap_or(false)));
            });
        });
    }

    {
        let opened = opened.clone();
        use_effect_with(to_fetch.clone(), move |to_fetch| {
            if let Some((url, file_name)) = to_fetch.as_ref().clone() {
                wasm_bindgen_futures::spawn_local(async move { opened.set(open_url(url, file_name, 0).await) });
            }
        });
    }

    let lang = match (&*chosen_lang, &*opened) {
        (Some(lang), _) => *lang,
        (None, Opened::Ready { questionnaire, .. }) => questionnaire.0.default_lang(),
        (None, _) => Lang::De,
    };
    {
        use_effect_with(lang, |lang| crate::dom::set_html_lang(lang.code()));
    }
    let on_lang = {
        let chosen_lang = chosen_lang.clone();
        Callback::from(move |lang: Lang| {
            // Not being able to remember the choice is no reason to refuse it.
            let _ = storage::save_lang(lang);
            chosen_lang.set(Some(lang));
        })
    };
    let on_reopen = {
        let opened = opened.clone();
        let serial = serial.clone();
        let carried = carried.clone();
        Callback::from(move |notices: Vec<Notice>| {
            if let Opened::Ready { questionnaire, .. } = &*opened {
                let next = {
                    let mut serial = serial.borrow_mut();
                    *serial += 1;
                    Opened::Ready { questionnaire: questionnaire.clone(), serial: *serial }
                };
                carried.set(notices);
                opened.set(next);
            }
        })
    };
    // A chosen file was not opened (`None`: the message goes, e.g. a draft from a file opened).
    let on_file_problem = {
        let file_error = file_error.clone();
        let file_error_serial = file_error_serial.clone();
        Callback::from(move |problem: Option<(String, FileProblem)>| {
            let next = problem.map(|(file_name, problem)| {
                let mut serial = file_error_serial.borrow_mut();
                *serial += 1;
                FileError { file_name, problem, serial: *serial }
            });
            file_error.set(next);
        })
    };
    // A file chosen to be opened as a questionnaire (a draft goes to the open form first, which
    // hands on only what is not its draft). An error about the file leaves what is open as it
    // is: a file that is no questionnaire is refused beside the file field, and a broken
    // questionnaire's page leads back to the one that was open (same version, same draft), so
    // the URL changes only once another questionnaire has opened.
    let on_open_file = {
        let opened = opened.clone();
        let serial = serial.clone();
        let on_file_problem = on_file_problem.clone();
        let carried = carried.clone();
        let source = source.clone();
        Callback::from(move |(name, text): (String, String)| {
            match classify(&text, None) {
                Picked::Questionnaire => {}
                Picked::Draft(draft) => {
                    let questionnaire_id = draft.questionnaire_id;
                    on_file_problem.emit(Some((name, FileProblem::DraftOfOther { questionnaire_id })));
                    return;
                }
                Picked::Refused(problem) => {
                    on_file_problem.emit(Some((name, problem)));
                    return;
                }
            }
            let back = match &*opened {
                Opened::Ready { questionnaire, .. } => Some(questionnaire.clone()),
                Opened::Broken { back, .. } => back.clone(),
                _ => None,
            };
            let next = {
                let mut serial = serial.borrow_mut();
                *serial += 1;
                open_text(&name, &text, *serial)
            };
            on_file_problem.emit(None);
            let next = match next {
                Opened::Broken { file_name, problems, .. } => Opened::Broken { file_name, problems, back },
                ready => {
                    carried.set(Vec::new());
                    crate::dom::reset_url();
                    *source.borrow_mut() = Source { link: None, file_name: Some(name) };
                    ready
                }
            };
            opened.set(next);
        })
    };
    let on_file_error = {
        let on_file_problem = on_file_problem.clone();
        Callback::from(move |()| on_file_problem.emit(Some((String::new(), FileProblem::Unreadable))))
    };
    // Back from a broken questionnaire's page to the questionnaire that was open: the form
    // mounts again on it and opens the draft this tab had open.
    let on_back = {
        let opened = opened.clone();
        let serial = serial.clone();
        Callback::from(move |_: MouseEvent| {
            if let Opened::Broken { back: Some(questionnaire), .. } = &*opened {
                let next = {
                    let mut serial = serial.borrow_mut();
                    *serial += 1;
                    Opened::Ready { questionnaire: questionnaire.clone(), serial: *serial }
                };
                opened.set(next);
            }
        })
    };
    let on_open_default = {
        let opened = opened.clone();
        let serial = serial.clone();
        let carried = carried.clone();
        let source = source.clone();
        Callback::from(move |_: MouseEvent| {
            carried.set(Vec::new());
            *source.borrow_mut() = Source::own_page();
            let serial = {
                let mut serial = serial.borrow_mut();
                *serial += 1;
                *serial
            };
            crate::dom::reset_url();
            match crate::dom::page_questionnaire_file() {
                Some((url, file_name)) => {
                    opened.set(Opened::Loading);
                    let opened = opened.clone();
                    wasm_bindgen_futures::spawn_local(
                        async move { opened.set(open_url(url, file_name, serial).await) },
                    );
                }
                None => opened.set(open_page_questionnaire(serial)),
            }
        })
    };
    let t = texts(lang);
    let file_error = (*file_error).clone();

    match &*opened {
        Opened::Ready { questionnaire, serial } => html! {
            <FormRoot key={*serial} questionnaire={questionnaire.clone()} {lang} {on_lang}
                on_open_file={on_open_file} {on_file_error} {on_file_problem} file_error={file_error.clone()} {app_updated}
                {on_reopen} initial_notices={(*carried).clone()} persist_refused={*persisted == Some(false)}
                source={source.borrow().clone()} />
        },
        Opened::Loading if !*slow => html! {},
        Opened::Loading => {
            crate::dom::set_title(t.loading);
            html! {
                <>
                    <Header title={t.service_name} {lang} {on_lang} />
                    <div class="width-container">
                        <main class="main" id="main" tabindex="-1">
                            <h1 class="heading-l" tabindex="-1">{ t.loading }</h1>
                        </main>
                    </div>
                </>
            }
        }
        Opened::Broken { file_name, problems, back } => {
            crate::dom::set_title(t.broken_title);
            // The questionnaire that is still open, behind this page, keeps its title in the header.
            let title = back
                .as_ref()
                .map_or(AttrValue::from(t.service_name), |q| AttrValue::from(q.0.title.get(lang).to_owned()));
            let back_title = back.as_ref().map(|q| AttrValue::from(q.0.title.get(lang).to_owned()));
            html! {
                <>
                    <Header {title} {lang} {on_lang} />
                    <div class="width-container">
                        <main class="main" id="main" tabindex="-1">
                            <BrokenPage {lang} file_name={AttrValue::from(file_name.clone())} problems={problems.clone()}
                                {on_open_file} {on_file_error} {on_open_default} {back_title} {on_back}
                                file_error={file_error.clone()} />
                        </main>
                    </div>
                </>
            }
        }
        Opened::FetchFailed { url, reason } => {
            crate::dom::set_title(t.fetch_failed_title);
            html! {
                <>
                    <Header title={t.service_name} {lang} {on_lang} />
                    <div class="width-container">
                        <main class="main" id="main" tabindex="-1">
                            <h1 class="heading-l" tabindex="-1">{ t.fetch_failed_title }</h1>
                            <p class="body">{ t.fetch_failed_text }</p>
                            <p class="body"><code class="code">{ url.clone() }</code></p>
                            <p class="body">{ reason.clone() }</p>
                            if crate::dom::page_has_questionnaire() {
                                <button type="button" class="button" onclick={on_open_default}>{ t.open_default }</button>
                            }
                        </main>
                    </div>
                </>
            }
        }
        Opened::Missing => {
            crate::dom::set_title(t.missing_title);
            html! {
                <>
                    <Header title={t.service_name} {lang} {on_lang} />
                    <div class="width-container">
                        <main class="main" id="main" tabindex="-1">
                            <h1 class="heading-l" tabindex="-1">{ t.missing_title }</h1>
                            <p class="body">{ t.missing_text }</p>
                            { file_error_summary(lang, file_error.as_ref()) }
                            <crate::inputs::FilePicker id="questionnaire-file" label={t.broken_open_label} hint={t.drop_hint}
                                on_file={on_open_file} on_error={on_file_error} />
                        </main>
                    </div>
                </>
            }
        }
    }
}

/// Why the file chosen last was not opened, as an error summary that links to the file field.
/// A plain function, not a component of its own (that would cost the bundle more); `App` moves
/// the focus to it whenever a file is refused.
pub fn file_error_summary(lang: Lang, error: Option<&FileError>) -> Html {
    let Some(error) = error else {
        return html! {};
    };
    let message = i18n::file_problem(lang, &error.file_name, &error.problem);
    html! { <crate::layout::ErrorSummary {lang} entries={vec![("questionnaire-file".to_owned(), message)]} /> }
}

/// Properties of [`BrokenPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct BrokenPageProps {
    pub lang: Lang,
    pub file_name: AttrValue,
    pub problems: Vec<Problem>,
    pub on_open_file: Callback<(String, String)>,
    pub on_file_error: Callback<()>,
    pub on_open_default: Callback<MouseEvent>,
    /// The title of the questionnaire that was open when this file was chosen, if one was.
    #[prop_or_default]
    pub back_title: Option<AttrValue>,
    /// Back to that questionnaire.
    pub on_back: Callback<MouseEvent>,
    #[prop_or_default]
    pub file_error: Option<FileError>,
}

/// Every problem of a questionnaire file, with line, column and JSON path, in plain words.
#[function_component]
pub fn BrokenPage(props: &BrokenPageProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    // A new page: the focus goes to its heading (it was on the file field, now gone).
    use_effect_with(props.file_name.clone(), |_| crate::dom::focus_heading());
    let items = props.problems.iter().enumerate().map(|(i, problem)| {
        let position = match problem.position {
            Some(p) => i18n::problem_position(lang, p.line, p.col),
            None => t.broken_no_position.to_owned(),
        };
        let path = if problem.path.is_empty() { t.broken_whole_file.to_owned() } else { problem.path.clone() };
        html! {
            <li class="problem-list__item" key={i}>
                <span class="problem-list__position">{ position }</span>
                <span class="problem-list__path">{ t.broken_path }{": "}<code class="code">{ path }</code></span>
                <span class="problem-list__message">{ problem.message.clone() }</span>
            </li>
        }
    });
    html! {
        <>
            <h1 class="heading-l" tabindex="-1">{ t.broken_title }</h1>
            <p class="body">{ t.broken_text }</p>
            <p class="body">{ t.broken_file }{": "}<code class="code">{ props.file_name.clone() }</code></p>
            <ol class="problem-list">{ for items }</ol>
            if let Some(title) = &props.back_title {
                <p class="body">{ i18n::still_open(lang, title) }</p>
                <div class="button-group">
                    <button type="button" class="button" onclick={props.on_back.clone()}>
                        { i18n::back_to_questionnaire(lang, title) }
                    </button>
                </div>
            } else if crate::dom::page_has_questionnaire() {
                <div class="button-group">
                    <button type="button" class="button" onclick={props.on_open_default.clone()}>{ t.open_default }</button>
                </div>
            }
            <h2 class="heading-m">{ t.broken_open_heading }</h2>
            { file_error_summary(lang, props.file_error.as_ref()) }
            <crate::inputs::FilePicker id="questionnaire-file" label={t.broken_open_label} hint={t.drop_hint}
                on_file={props.on_open_file.clone()} on_error={props.on_file_error.clone()} />
        </>
    }
}

/// Whether closing this form now (the tab, or another questionnaire opened in it) would lose
/// answers that no storage has ([`crate::state::unstored_on_leave`]): unsaved changes are saved
/// now, as `pagehide` would, and only what that cannot store counts.
fn answers_only_here(
    store: &crate::state::Store,
    conflict: Option<Conflict>,
    dispatch: &UseReducerDispatcher<FormState>,
) -> bool {
    crate::state::unstored_on_leave(
        conflict,
        store.unsaved.get(),
        || store.session.borrow().holds_answers(),
        || {
            let action = drafts::save(store);
            let saved = matches!(action, Action::Saved(Ok(_)));
            dispatch.dispatch(action);
            saved
        },
    )
}

/// Properties of [`FormRoot`].
#[derive(Properties, PartialEq, Clone)]
pub struct FormRootProps {
    pub questionnaire: QuestionnaireRef,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    pub on_open_file: Callback<(String, String)>,
    pub on_file_error: Callback<()>,
    /// A chosen file was not opened (or, `None`, the message about one goes).
    pub on_file_problem: Callback<Option<(String, FileProblem)>>,
    /// Why the file chosen last was not opened.
    #[prop_or_default]
    pub file_error: Option<FileError>,
    /// The app was updated since the last visit: the start page says so.
    #[prop_or_default]
    pub app_updated: bool,
    /// Opens the form again on the draft storage says is open, with these notices.
    pub on_reopen: Callback<Vec<Notice>>,
    /// What the start page says first (a draft was made, opened from a file, deleted).
    #[prop_or_default]
    pub initial_notices: Vec<Notice>,
    /// The browser refused to promise to keep the drafts.
    #[prop_or_default]
    pub persist_refused: bool,
    /// How the questionnaire came (noted for the start pages of other questionnaires).
    #[prop_or_default]
    pub source: Source,
}

fn route_from_url(questionnaire: &Questionnaire) -> Route {
    Route::from_hash(&crate::dom::current_hash(), questionnaire).unwrap_or(Route::Start)
}

/// One open questionnaire: the reducer, the context, the autosave and the page shown.
#[function_component]
pub fn FormRoot(props: &FormRootProps) -> Html {
    let questionnaire = props.questionnaire.0.clone();
    let state = {
        let questionnaire = questionnaire.clone();
        let lang = props.lang;
        let initial = props.initial_notices.clone();
        use_reducer(move || {
            let route = route_from_url(&questionnaire);
            let opening = drafts::open_at_start(questionnaire, lang);
            crate::dom::performance_mark("bogen-load-draft-opened");
            let notices = if initial.is_empty() {
                opening.notices
            } else {
                // The notice of what just happened says which draft opened.
                let rest = opening.notices.into_iter().filter(|n| !matches!(n, Notice::Restored { .. }));
                initial.into_iter().chain(rest).collect()
            };
            let mut state = FormState::with_draft(opening.session, opening.handle, route, notices);
            state.drafts = Rc::new(opening.drafts);
            if let Some(problem) = opening.problem {
                state.save_status = SaveStatus::Failed(problem);
            }
            state.signing = crate::keys::at_start();
            state
        })
    };
    let context =
        FormContext { store: state.store.clone(), dispatch: state.dispatcher(), reopen: props.on_reopen.clone() };
    // This questionnaire's title and way back, for the start pages of others; and the drafts
    // this browser holds of others, for this one's (read once: other questionnaires' drafts
    // change only when they are open).
    {
        let questionnaire = questionnaire.clone();
        let source = props.source.clone();
        use_effect_with((), move |_| {
            let note = storage::QuestionnaireNote {
                title_de: questionnaire.title.get(Lang::De).to_owned(),
                title_en: questionnaire.title.get(Lang::En).to_owned(),
                version: questionnaire.version.clone(),
                link: source.link,
                file_name: source.file_name,
            };
            // Not being able to note it loses nothing: the list then names the id.
            let _ = storage::note_questionnaire(&questionnaire.id, &note);
        });
    }
    let others = use_memo(questionnaire.id.clone(), |id| storage::drafts_of_others(id));
    // The message about a refused file belongs to the start page it was chosen on: gone once
    // the respondent moves on, so that coming back does not show (and focus) it again.
    {
        let on_file_problem = props.on_file_problem.clone();
        let shown = props.file_error.is_some();
        use_effect_with(state.route, move |route| {
            if *route != Route::Start && shown {
                on_file_problem.emit(None);
            }
        });
    }
    let lang = props.lang;
    let t = texts(lang);

    // Autosave, off the typing path: every change of answers re-arms a timer, and only the
    // last one fires. Dropping the previous `Timeout` cancels it.
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let store = state.store.clone();
        let dispatch = state.dispatcher();
        let timer = timer.clone();
        use_effect_with(state.answers_revision, move |revision| {
            if *revision > 0 {
                let task = Timeout::new(AUTOSAVE_DELAY_MS, move || {
                    if store.unsaved.get() {
                        dispatch.dispatch(drafts::save(&store));
                    }
                });
                *timer.borrow_mut() = Some(task);
            }
        });
    }
    // Leaving the page (closing the tab, switching apps on a phone) saves at once.
    {
        let store = state.store.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let flush = {
                let store = store.clone();
                move || {
                    if store.unsaved.get() {
                        dispatch.dispatch(drafts::save(&store));
                    }
                }
            };
            let listeners = web_sys::window().map(|window| {
                let on_hide = {
                    let flush = flush.clone();
                    EventListener::new(&window, "pagehide", move |_| flush())
                };
                let on_visibility = window.document().map(|document| {
                    let flush = flush.clone();
                    let doc = document.clone();
                    EventListener::new(&document, "visibilitychange", move |_| {
                        if doc.hidden() {
                            flush()
                        }
                    })
                });
                (on_hide, on_visibility)
            });
            move || {
                // Opening another questionnaire unmounts this form: keep what was typed.
                if store.unsaved.get() {
                    let _ = drafts::save(&store);
                }
                drop(listeners);
            }
        });
    }
    // The draft the app named by itself and nobody answered yet follows the language.
    {
        let store = state.store.clone();
        let dispatch = state.dispatcher();
        use_effect_with(lang, move |&lang| {
            if let Some(action) = drafts::name_in_language(&store, lang) {
                dispatch.dispatch(action);
            }
        });
    }
    // Closing or reloading the tab asks first exactly while it holds answers that no storage
    // has: another tab's save is not loaded and this tab holds answers it may lack, or saving
    // fails (storage full or blocked). Normally the unsaved changes are saved here (as
    // `pagehide` would), and nothing asks.
    let leave_state = use_mut_ref(|| (None::<Conflict>, lang));
    *leave_state.borrow_mut() = (state.conflict, lang);
    {
        let store = state.store.clone();
        let dispatch = state.dispatcher();
        let leave_state = leave_state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&window, "beforeunload", options, move |event| {
                    let (conflict, lang) = *leave_state.borrow();
                    if answers_only_here(&store, conflict, &dispatch) {
                        event.prevent_default();
                        // Older browsers show this text; newer ones their own words.
                        let text = wasm_bindgen::JsValue::from_str(texts(lang).leave_unsaved);
                        let _ = js_sys::Reflect::set(event, &"returnValue".into(), &text);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Another tab (or window) wrote this questionnaire's drafts: the list follows, and when it
    // saved or deleted the open draft this tab stops saving over it (the `storage` event never
    // fires in the tab that wrote, and may come late: every save checks again first).
    {
        let store = state.store.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let qid = store.questionnaire.id.clone();
                    let open = store.draft.try_borrow().map(|h| h.id.clone()).unwrap_or_default();
                    let ours = match event.key() {
                        // The whole storage was cleared.
                        None => true,
                        Some(key) => match storage::classify_key(&qid, &key) {
                            Some(DraftKey::Index) => {
                                if let Ok(list) = storage::list_drafts(&qid) {
                                    dispatch.dispatch(Action::DraftsChanged(list));
                                }
                                false
                            }
                            Some(DraftKey::Draft(id)) => id == open,
                            None => false,
                        },
                    };
                    if ours {
                        if let Some(action) = drafts::check_stored(&store) {
                            dispatch.dispatch(action);
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The browser's back and forward buttons, and plain links to "#/…".
    {
        let questionnaire = questionnaire.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    let hash = crate::dom::current_hash();
                    // A page's address ("#/…") that names no page of this questionnaire (an
                    // old bookmark, a typo) leads to the start page, as on a fresh load; other
                    // fragments are the page's own anchors (an error summary's links).
                    let route = if hash.is_empty() || hash == "#" {
                        Some(Route::Start)
                    } else if hash.starts_with("#/") {
                        Some(Route::from_hash(&hash, &questionnaire).unwrap_or(Route::Start))
                    } else {
                        Route::from_hash(&hash, &questionnaire)
                    };
                    if let Some(route) = route {
                        dispatch.dispatch(Action::Navigate(route));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // After a render that moved to another page or asked for focus: URL, then focus.
    {
        let questionnaire = questionnaire.clone();
        let focus = state.focus.clone();
        use_effect_with((state.route, state.focus_serial), move |(route, serial)| {
            let hash = route.to_hash(&questionnaire);
            let current = crate::dom::current_hash();
            let at_start = *route == Route::Start && (current.is_empty() || current == "#");
            if current != hash && !at_start {
                crate::dom::set_hash(&hash);
            }
            if *serial > 0 {
                match focus {
                    Some(FocusTarget::Heading) => crate::dom::focus_heading(),
                    Some(FocusTarget::Summary) => {
                        crate::dom::focus_block("error-summary");
                    }
                    Some(FocusTarget::ExportProblems) => {
                        crate::dom::focus_block("export-problems");
                    }
                    Some(FocusTarget::Field(id)) => crate::dom::focus_field(id),
                    Some(FocusTarget::Block(id)) => {
                        crate::dom::focus_block(id);
                    }
                    None => {}
                }
            }
        });
    }

    let page_title = match state.route {
        Route::Start => String::new(),
        Route::Section(s) => questionnaire.section(s).title.get(lang).to_owned(),
        Route::Review => t.review_title.to_owned(),
        Route::Print => t.print_title.to_owned(),
        Route::KeptAside => t.kept_title.to_owned(),
        Route::Draft(_) => t.drafts_heading.to_owned(),
    };
    let summary_open = matches!(state.route, Route::Section(s) if state.summary_for == Some(s));
    crate::dom::set_title(&i18n::document_title(lang, &page_title, questionnaire.title.get(lang), summary_open));

    // A file chosen on the start page: a draft of this questionnaire goes to the page that asks
    // what to do with it; a questionnaire is handed up to be opened, which closes this form, so
    // only once no answer is left in this tab alone (as before the tab closes: saved now, or
    // refused while storage fails or another tab's save is not loaded); anything else is refused
    // beside the file field, and this form stays as it is.
    let on_open_file = {
        let dispatch = state.dispatcher();
        let open_questionnaire = props.on_open_file.clone();
        let on_file_problem = props.on_file_problem.clone();
        let questionnaire = questionnaire.clone();
        let store = state.store.clone();
        let conflict = state.conflict;
        Callback::from(move |(name, text): (String, String)| match classify(&text, Some(&questionnaire.id)) {
            Picked::Draft(draft) => {
                on_file_problem.emit(None);
                dispatch.dispatch(drafts::file_opened(name, draft));
            }
            Picked::Questionnaire => {
                if answers_only_here(&store, conflict, &dispatch) {
                    on_file_problem.emit(Some((name, FileProblem::AnswersOnlyHere)));
                } else {
                    open_questionnaire.emit((name, text));
                }
            }
            Picked::Refused(problem) => on_file_problem.emit(Some((name, problem))),
        })
    };
    let revision = state.revision;
    // Where the questionnaire comes from: worked out once per questionnaire.
    let origin = (*use_memo(props.questionnaire.clone(), |q| crate::trust::origin(&q.0))).clone();
    let unavailable = state.save_status == SaveStatus::Failed(StorageError::Unavailable);
    let merging_other_tab = state.route == Route::Draft(DraftPage::Merge)
        && matches!(&state.task, Some(Task::Merge { task, .. }) if task.source == MergeSource::OtherTab);
    let page = match state.route {
        Route::Start => html! {
            <StartPage {lang} {revision} notices={state.notices.clone()} origin={origin.clone()}
                drafts={state.drafts.clone()} {unavailable} persist_refused={props.persist_refused}
                {on_open_file} on_file_error={props.on_file_error.clone()}
                file_error={props.file_error.clone()} others={others.clone()} />
        },
        Route::Section(section) => {
            // What makes up the page, never the answers: typing redraws only its questions.
            let visible = state.store.session.try_borrow().map_or(true, |s| s.is_section_visible(section));
            html! {
                <SectionPage key={section.0} {section} {lang} {visible} summary={summary_open}
                    read_only={state.conflict.is_some()} />
            }
        }
        Route::KeptAside => html! { <KeptAsidePage {lang} {revision} /> },
        Route::Draft(page) => crate::draft_pages::draft_page(page, lang, &state),
        Route::Review => html! {
            <ReviewPage {lang} {revision} refused={state.export_refused} signing={state.signing.clone()} />
        },
        Route::Print => html! { <PrintPage {lang} {revision} signing={state.signing.clone()} /> },
    };
    html! {
        <ContextProvider<FormContext> context={context}>
            <Header title={AttrValue::from(questionnaire.title.get(lang).to_owned())} title_links=true
                {lang} on_lang={props.on_lang.clone()} save_status={Some(state.save_status.clone())} />
            <div class="width-container">
                <main class="main" id="main" tabindex="-1">
                    if props.app_updated && state.route == Route::Start {
                        <div class="notification" role="status">
                            <p class="notification__text">{ t.app_updated }</p>
                        </div>
                    }
                    // The merge page that "Neuere Antworten laden" opened is that banner's answer: the
                    // banner, with its button, stays away while it is open.
                    <Banners {lang} conflict={state.conflict.filter(|_| !merging_other_tab)}
                        save_status={state.save_status.clone()} flash={state.flash.clone()} />
                    { page }
                </main>
            </div>
        </ContextProvider<FormContext>>
    }
}
