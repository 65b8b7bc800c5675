//! The office's page as Yew components: the header with the language switch, the drop zone
//! and file input, progress and status messages (in an `aria-live` region), the table of
//! checked files, and the downloads. The components map [`PageState`] to HTML and events to
//! calls of [`crate::office::Office`]; reading files and downloads go through [`crate::browser`].

use crate::browser::{self, Loaded};
use crate::office::{Added, Office, QuestionnaireFile, QuestionnaireKey, Row, Tally};
use crate::words::{self, texts};
use bogen_engine::{Lang, Questionnaire, SignatureStatus};
use bogen_office::batch::{FileReport, Status};
use bogen_office::table::{self, Workbook};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many files are read and checked before the browser gets a turn to draw and to handle input.
pub const CHUNK: usize = 50;

/// The id of the file input (the focus returns there when the list is cleared).
const INPUT_ID: &str = "office-files";

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// What the status line (an `aria-live` region) says; worded in the current language when drawn.
#[derive(Debug, Clone, PartialEq)]
enum Announcement {
    Nothing,
    /// Files are being checked.
    Checking,
    /// A drop was checked: how many files, how many of them were in the list already.
    Done {
        checked: usize,
        skipped: usize,
    },
    Cleared,
    Downloaded(String),
    DownloadFailed(String),
}

/// The page's state: the office's files, the queue of files still to read, and what to say.
struct PageState {
    office: Result<Office, String>,
    queue: VecDeque<web_sys::File>,
    running: bool,
    /// Bumped by "Liste leeren", so that a read that was under way is thrown away.
    generation: u64,
    batch_total: usize,
    batch_done: usize,
    batch_skipped: usize,
    announcement: Announcement,
    chosen: Option<QuestionnaireKey>,
}

type Shared = Rc<RefCell<PageState>>;

/// The page.
#[function_component]
pub fn OfficePage() -> Html {
    let lang = use_state(|| Lang::De);
    let state: Shared = use_mut_ref(|| PageState {
        office: Office::with_default_questionnaire(),
        queue: VecDeque::new(),
        running: false,
        generation: 0,
        batch_total: 0,
        batch_done: 0,
        batch_skipped: 0,
        announcement: Announcement::Nothing,
        chosen: None,
    });
    let redraw = use_force_update();
    let t = texts(*lang);
    {
        let lang = *lang;
        use_effect_with(lang, move |_| browser::set_title_and_lang(&words::document_title(lang), lang));
    }
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |new: Lang| lang.set(new))
    };
    let on_files = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |files: Vec<web_sys::File>| enqueue(&state, &redraw, files))
    };
    let on_clear = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |_: MouseEvent| {
            {
                let mut s = state.borrow_mut();
                s.generation += 1;
                s.queue.clear();
                s.running = false;
                s.batch_total = 0;
                s.batch_done = 0;
                s.batch_skipped = 0;
                s.chosen = None;
                if let Ok(office) = &mut s.office {
                    office.clear();
                }
                s.announcement = Announcement::Cleared;
            }
            redraw.force_update();
            browser::focus(INPUT_ID);
        })
    };
    let on_choose = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |key: QuestionnaireKey| {
            state.borrow_mut().chosen = Some(key);
            redraw.force_update();
        })
    };
    let on_download = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |what: Download| {
            let announcement = download(&state.borrow(), what);
            state.borrow_mut().announcement = announcement;
            redraw.force_update();
        })
    };

    let s = state.borrow();
    let body = match &s.office {
        Err(problems) => html! {
            <>
                <p class="error-message" role="alert">{ t.built_in_broken }</p>
                <pre class="office-problems">{ problems.clone() }</pre>
            </>
        },
        Ok(office) => html! {
            <>
                <KnownList lang={*lang} names={known_names(office, *lang)} />
                <DropZone lang={*lang} on_files={on_files} />
                <StatusLine lang={*lang} announcement={s.announcement.clone()} running={s.running}
                    done={s.batch_done} total={s.batch_total} tally={office.tally()} />
                if office.rows().is_empty() {
                    <p class="body">{ t.nothing_yet }</p>
                } else {
                    <div class="button-group">
                        <button type="button" class="button button--secondary" onclick={on_clear}>{ t.clear }</button>
                    </div>
                    { downloads(office, &s, *lang, on_choose, on_download) }
                    { files_table(&state, &s, office, *lang) }
                }
            </>
        },
    };
    html! {
        <>
            <Header lang={*lang} {on_lang} />
            <div class="width-container office-width">
                <main class="main office-main" id="main" tabindex="-1">
                    <h1 class="heading-l">{ t.title }</h1>
                    <p class="body">{ t.intro }</p>
                    <div class="inset office-private"><p class="body">{ t.private }</p></div>
                    { body }
                </main>
            </div>
        </>
    }
}

/// Queues dropped files and starts working through them unless that is under way.
fn enqueue(state: &Shared, redraw: &UseForceUpdateHandle, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let start = {
        let mut s = state.borrow_mut();
        if !s.running {
            s.batch_total = 0;
            s.batch_done = 0;
            s.batch_skipped = 0;
        }
        s.batch_total += files.len();
        s.queue.extend(files);
        s.announcement = Announcement::Checking;
        let start = !s.running;
        s.running = true;
        start.then_some(s.generation)
    };
    redraw.force_update();
    if let Some(generation) = start {
        wasm_bindgen_futures::spawn_local(work(state.clone(), redraw.clone(), generation));
    }
}

/// Reads and checks the queued files, [`CHUNK`] at a time, giving the browser a turn after each.
/// One worker runs at a time; "Liste leeren" ends it (it bumps the generation the worker belongs
/// to), and what it was reading then is thrown away.
async fn work(state: Shared, redraw: UseForceUpdateHandle, generation: u64) {
    loop {
        let chunk = {
            let mut s = state.borrow_mut();
            if s.generation != generation {
                return;
            }
            if s.queue.is_empty() {
                s.running = false;
                s.announcement = Announcement::Done { checked: s.batch_done, skipped: s.batch_skipped };
                break;
            }
            let n = s.queue.len().min(CHUNK);
            s.queue.drain(..n).collect::<Vec<_>>()
        };
        let mut loaded: Vec<(String, Loaded)> = Vec::with_capacity(chunk.len());
        for file in &chunk {
            loaded.push((file.name(), browser::read(file).await));
        }
        {
            let mut s = state.borrow_mut();
            if s.generation != generation {
                return;
            }
            let mut skipped = 0;
            if let Ok(office) = &mut s.office {
                for (name, file) in &loaded {
                    if office.add(name, file.content()) == Added::Duplicate {
                        skipped += 1;
                    }
                }
                office.settle();
            }
            s.batch_done += loaded.len() - skipped;
            s.batch_skipped += skipped;
        }
        redraw.force_update();
        browser::yield_now().await;
    }
    redraw.force_update();
}

fn known_names(office: &Office, lang: Lang) -> Vec<AttrValue> {
    office.known().iter().map(|q| AttrValue::from(name_of(q, lang))).collect()
}

fn name_of(questionnaire: &Questionnaire, lang: Lang) -> String {
    words::questionnaire_name(lang, questionnaire.title.get(lang), &questionnaire.id, &questionnaire.version)
}

/// Properties of [`Header`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

/// The skip link and the header bar with the language switch (as in the respondents' app).
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let t = texts(props.lang);
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        browser::focus("main");
    });
    let switches = Lang::ALL.iter().map(|&lang| {
        let on_lang = props.on_lang.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_lang.emit(lang));
        html! {
            <li class="language-switch__item" key={lang.code()}>
                <button type="button" class="language-switch__button" lang={lang.code()}
                    aria-pressed={if lang == props.lang { "true" } else { "false" }} {onclick}>
                    { lang.native_name() }
                </button>
            </li>
        }
    });
    html! {
        <>
            <a href="#main" class="skip-link" onclick={skip}>{ t.skip_link }</a>
            <header class="header">
                <div class="header__container width-container office-width">
                    <span class="header__title">{ t.service_name }</span>
                    <nav class="language-switch" aria-label={t.language_nav}>
                        <ul class="language-switch__list">{ for switches }</ul>
                    </nav>
                </div>
            </header>
        </>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct KnownListProps {
    lang: Lang,
    names: Vec<AttrValue>,
}

/// The questionnaires files are checked against.
#[function_component]
fn KnownList(props: &KnownListProps) -> Html {
    let t = texts(props.lang);
    html! {
        <>
            <p class="body">{ t.known_intro }</p>
            <ul class="office-known">
                { for props.names.iter().map(|name| html! { <li>{ name.clone() }</li> }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct DropZoneProps {
    lang: Lang,
    on_files: Callback<Vec<web_sys::File>>,
}

/// The file input for many files, inside a zone that takes dropped files too.
#[function_component]
fn DropZone(props: &DropZoneProps) -> Html {
    let t = texts(props.lang);
    let dragging = use_state(|| false);
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let files = browser::files_of(input.files());
            // Cleared, so that choosing the same files again (say, after the list was cleared) works.
            input.set_value("");
            on_files.emit(files);
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_files = props.on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            on_files.emit(browser::files_of(e.data_transfer().and_then(|dt| dt.files())));
        })
    };
    let hint_id = format!("{INPUT_ID}-hint");
    html! {
        <div class={classes!("drop-zone", "office-drop-zone", dragging.then_some("drop-zone--active"))}
            {ondragover} {ondragleave} {ondrop}>
            <label class="label" for={INPUT_ID}>{ t.pick_label }</label>
            <div class="hint" id={hint_id.clone()}>{ t.pick_hint }</div>
            <input class="file-upload" type="file" id={INPUT_ID} multiple=true accept=".json,application/json"
                aria-describedby={hint_id} {onchange} />
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct StatusLineProps {
    lang: Lang,
    announcement: Announcement,
    running: bool,
    done: usize,
    total: usize,
    tally: Tally,
}

/// Progress while files are checked (a `<progress>` bar, not announced at every step) and the
/// status line, an `aria-live` region that says when checking starts and what it found.
#[function_component]
fn StatusLine(props: &StatusLineProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let said = match &props.announcement {
        Announcement::Nothing => String::new(),
        Announcement::Checking => words::checking(lang, props.total),
        Announcement::Done { checked, skipped } => words::done(lang, *checked, &props.tally, *skipped),
        Announcement::Cleared => words::cleared(lang).to_owned(),
        Announcement::Downloaded(name) => words::downloaded(lang, name),
        Announcement::DownloadFailed(message) => format!("{} {message}", t.download_failed),
    };
    html! {
        <>
            if props.running {
                <div class="office-progress">
                    <label class="label" for="office-progress">{ t.progress_label }</label>
                    <progress id="office-progress" max={props.total.to_string()} value={props.done.to_string()}>
                        { words::progress(lang, props.done, props.total) }
                    </progress>
                    <p class="body" aria-hidden="true">{ words::progress(lang, props.done, props.total) }</p>
                </div>
            }
            <div class="office-status" role="status" aria-live="polite">
                if !said.is_empty() {
                    <p class="body">{ said }</p>
                }
            </div>
        </>
    }
}

/// What a download button asks for.
#[derive(Debug, Clone, PartialEq)]
enum Download {
    Xlsx,
    /// One sheet as CSV, by its position in the workbook.
    Csv(usize),
}

/// Makes the requested file of the chosen questionnaire's table and offers it for download.
fn download(s: &PageState, what: Download) -> Announcement {
    let Ok(office) = &s.office else {
        return Announcement::Nothing;
    };
    let questionnaire = office.table_questionnaire(s.chosen.as_ref());
    let workbook = office.workbook(questionnaire.as_deref());
    let date = words::file_date(&browser::now_local());
    let (name, mime, bytes) = match what {
        Download::Xlsx => match bogen_office::xlsx::workbook_xlsx(&workbook, &browser::now_rfc3339()) {
            Ok(bytes) => (words::download_name(&date, None, "xlsx"), XLSX_MIME, bytes),
            Err(error) => return Announcement::DownloadFailed(error.to_string()),
        },
        Download::Csv(i) => {
            let Some(sheet) = workbook.sheets.get(i) else {
                return Announcement::Nothing;
            };
            (
                words::download_name(&date, sheet.file_suffix.as_deref(), "csv"),
                CSV_MIME,
                bogen_office::csv::sheet_csv(sheet),
            )
        }
    };
    if browser::download(&name, mime, &bytes) {
        Announcement::Downloaded(name)
    } else {
        Announcement::DownloadFailed(String::new())
    }
}

/// The downloads, with the choice of questionnaire when valid submissions answer several.
fn downloads(
    office: &Office,
    s: &PageState,
    lang: Lang,
    on_choose: Callback<QuestionnaireKey>,
    on_download: Callback<Download>,
) -> Html {
    if s.running || office.reports().is_empty() {
        return html! {};
    }
    let t = texts(lang);
    let answered = office.answered();
    let questionnaire = office.table_questionnaire(s.chosen.as_ref());
    let choice = if answered.len() > 1 {
        let current = questionnaire.as_deref().map(QuestionnaireKey::of);
        let options = answered.iter().enumerate().map(|(i, (q, n))| {
            let key = QuestionnaireKey::of(q);
            let id = format!("office-questionnaire-{i}");
            let checked = current.as_ref() == Some(&key);
            let on_choose = on_choose.clone();
            let onchange = Callback::from(move |_: Event| on_choose.emit(key.clone()));
            html! {
                <div class="radios__item" key={i}>
                    <input class="radios__input" type="radio" name="office-questionnaire" id={id.clone()}
                        {checked} {onchange} />
                    <label class="radios__label" for={id}>{ words::answered_by(lang, &name_of(q, lang), *n) }</label>
                </div>
            }
        });
        html! {
            <div class="form-group">
                <fieldset class="fieldset" aria-describedby="office-questionnaire-hint">
                    <legend class="fieldset__legend fieldset__legend--s">{ t.choose_legend }</legend>
                    <div class="hint" id="office-questionnaire-hint">{ words::several_questionnaires(lang, answered.len()) }</div>
                    <div class="radios">{ for options }</div>
                </fieldset>
            </div>
        }
    } else {
        html! {}
    };
    // The sheets' names depend on the questionnaire only: a workbook of no files names them cheaply.
    let sheets: Workbook = table::build_workbook(&[], questionnaire.as_deref());
    let xlsx = {
        let on_download = on_download.clone();
        Callback::from(move |_: MouseEvent| on_download.emit(Download::Xlsx))
    };
    let csv_buttons = sheets.sheets.iter().enumerate().map(|(i, sheet)| {
        let on_download = on_download.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_download.emit(Download::Csv(i)));
        html! {
            <li key={i}>
                <button type="button" class="button button--secondary button--small" {onclick}>
                    { words::csv_button(lang, &sheet.name) }
                </button>
            </li>
        }
    });
    html! {
        <section class="office-downloads" aria-labelledby="office-downloads-heading">
            <h2 class="heading-m" id="office-downloads-heading">{ t.downloads_heading }</h2>
            { choice }
            <p class="body">{ t.downloads_intro }</p>
            <div class="button-group">
                <button type="button" class="button" onclick={xlsx}>{ t.xlsx_button }</button>
            </div>
            <p class="body">{ t.csv_intro }</p>
            <ul class="office-csv">{ for csv_buttons }</ul>
        </section>
    }
}

/// The table of every dropped file. Each row is a component that redraws only when its report's
/// revision changes, so a chunk of new files costs the new rows, not the whole table again.
fn files_table(state: &Shared, s: &PageState, office: &Office, lang: Lang) -> Html {
    let t = texts(lang);
    let rows = office.rows().iter().enumerate().map(|(index, row)| {
        let revision = match row {
            Row::Submission(report) => office.revision(*report),
            Row::Questionnaire(_) => 0,
        };
        html! {
            <FileRow key={format!("{}-{index}", s.generation)} state={StateRef(state.clone())} {index} {revision} {lang} />
        }
    });
    // The counts stand above the table, outside its scrolling region, so a narrow window shows them whole.
    html! {
        <>
        <p class="body office-counts">{ words::tally(lang, &office.tally()) }</p>
        <div class="office-table-wrapper" role="region" aria-labelledby="office-caption" tabindex="0">
            <table class="office-table">
                <caption class="office-table__caption" id="office-caption">
                    { format!("{} ({})", t.caption, office.rows().len()) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_file }</th>
                        <th scope="col">{ t.col_status }</th>
                        <th scope="col">{ t.col_municipality }</th>
                        <th scope="col">{ t.col_kind }</th>
                        <th scope="col">{ t.col_fingerprint }</th>
                        <th scope="col">{ t.col_time }</th>
                        <th scope="col">{ t.col_digest }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
        </>
    }
}

/// The page state as a property: equal when it is the same state.
#[derive(Clone)]
struct StateRef(Shared);

impl PartialEq for StateRef {
    fn eq(&self, other: &StateRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
struct FileRowProps {
    state: StateRef,
    /// The row's place in [`Office::rows`] (rows are only ever appended, until the list is cleared).
    index: usize,
    /// The report's revision: the row is drawn again only when it changes.
    revision: u32,
    lang: Lang,
}

/// One row of the table.
#[function_component]
fn FileRow(props: &FileRowProps) -> Html {
    let s = props.state.0.borrow();
    let Ok(office) = &s.office else {
        return html! {};
    };
    match office.rows().get(props.index) {
        Some(Row::Submission(report)) => match office.reports().get(*report) {
            Some(report) => submission_row(report, props.lang),
            None => html! {},
        },
        Some(Row::Questionnaire(file)) => questionnaire_row(file, props.lang),
        None => html! {},
    }
}

fn text_cell(text: Option<&str>) -> Html {
    html! { <td>{ text.unwrap_or_default().to_owned() }</td> }
}

fn submission_row(report: &FileReport, lang: Lang) -> Html {
    let t = texts(lang);
    let status = match &report.status {
        Status::Valid => html! { <strong class="office-status-tag office-status-tag--valid">{ t.valid }</strong> },
        Status::Superseded { by } => html! {
            <>
                <strong class="office-status-tag office-status-tag--superseded">
                    if report.superseded_as_copy { { words::copy_of(lang, by) } } else { { words::superseded_by(lang, by) } }
                </strong>
                if let Some(other) = &report.superseded_by_other_name {
                    // A warning like the page's others, not grey detail: only the office can settle it.
                    <strong class="office-warning">
                        <span class="visually-hidden">{ t.warning_word }{ " " }</span>
                        { words::superseded_by_other(lang, other) }
                    </strong>
                }
            </>
        },
        Status::Invalid(invalid) => html! {
            <>
                <strong class="office-status-tag office-status-tag--invalid">
                    { words::invalid_because(lang, words::reason(lang, invalid.kind)) }
                </strong>
                <span class="office-detail">{ words::what_to_do(lang, invalid.kind, invalid.cause) }</span>
                <span class="office-detail">
                    { t.message }{ ": " }<span lang="en">{ invalid.message.clone() }</span>
                </span>
                // One answer per line: fourteen of them in one sentence were a wall of text.
                if !invalid.problems.is_empty() {
                    <ul class="office-detail office-problems" lang="en">
                        { for invalid.problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }
                    </ul>
                }
            </>
        },
    };
    let time = match report.created_at.as_deref() {
        Some(at) => {
            let shown =
                browser::local_time_of(at).map_or_else(|| at.to_owned(), |local| words::local_time(lang, &local));
            html! { <td><time datetime={at.to_owned()}>{ shown }</time></td> }
        }
        None => html! { <td></td> },
    };
    html! {
        <tr>
            <th scope="row" class="office-file">{ report.file.clone() }</th>
            <td class="office-status-cell">{ status }</td>
            { text_cell(report.municipality.as_deref()) }
            { text_cell(report.kind.as_deref()) }
            <td class="office-code">{ report.fingerprint.clone().unwrap_or_default() }</td>
            { time }
            <td class="office-code">{ report.short_digest().unwrap_or_default() }</td>
        </tr>
    }
}

fn questionnaire_row(file: &QuestionnaireFile, lang: Lang) -> Html {
    let t = texts(lang);
    let (status, signer) = match &file.loaded {
        Ok(loaded) => {
            let q = &loaded.questionnaire;
            let signer = match &q.signature {
                SignatureStatus::Signed(key) => key.fingerprint().to_string(),
                _ => String::new(),
            };
            let said = if loaded.already_known { t.questionnaire_known } else { t.questionnaire_used };
            (
                html! {
                    <>
                        <strong class="office-status-tag office-status-tag--questionnaire">{ said }</strong>
                        <span class="office-detail">{ name_of(q, lang) }</span>
                    </>
                },
                signer,
            )
        }
        Err(problems) => (
            html! {
                <>
                    <strong class="office-status-tag office-status-tag--invalid">
                        { words::invalid_because(lang, t.questionnaire_broken) }
                    </strong>
                    <span class="office-detail">{ t.questionnaire_broken_hint }</span>
                    <ul class="office-detail office-problems" lang="en">
                        { for problems.iter().take(5).map(|p| html! { <li>{ p.clone() }</li> }) }
                    </ul>
                </>
            },
            String::new(),
        ),
    };
    html! {
        <tr>
            <th scope="row" class="office-file">{ file.file.clone() }</th>
            <td class="office-status-cell">{ status }</td>
            <td></td>
            <td>{ t.questionnaire_kind }</td>
            <td class="office-code">{ signer }</td>
            <td></td>
            <td></td>
        </tr>
    }
}
