//! The pages of an open questionnaire: the start page with the task list (and where the
//! questionnaire comes from, the notices about the open draft and the list of drafts, drawn by
//! `draft_pages.rs`), one page per section, "Antworten prüfen" with the signing key,
//! the signed export and how to send it, and the print view (with the fingerprint and the
//! checksum that match the paper to the file).
//!
//! The start, review and print pages get the reducer's `revision` as a prop and redraw on every
//! change (nobody types there). A section page does not: its questions, in chunks the browser
//! may skip while they are off screen, watch the store and redraw themselves, and so does its
//! error summary; the page itself redraws only when what makes it up changes.

use crate::draft_pages::warning_text;
use crate::format::{answer_lines, calculated_text, question_dom_id};
use crate::i18n::{self, texts};
use crate::inputs::FilePicker;
use crate::layout::{paragraphs, ErrorSummary};
use crate::question::QuestionView;
use crate::state::{
    violation_entry, Action, ExportRecord, FormContext, KeyNotice, Notice, Route, Signing, Topic, UploadStatus,
    EXPORT_DONE_ID, KEY_NOTICE_ID, KEY_REPLACE_ID,
};
use crate::storage::DraftEntry;
use crate::trust::Origin;
use bogen_engine::submission::{answers_digest, session_respondent_name, short_digest, stamp_of};
use bogen_engine::{
    AnswerValue, Lang, QuestionIdx, QuestionKind, Questionnaire, SectionIdx, SectionStatus, Session, ViolationKind,
};
use std::rc::Rc;
use yew::prelude::*;

fn status_tag(status: SectionStatus, lang: Lang) -> (&'static str, &'static str) {
    let t = texts(lang);
    match status {
        SectionStatus::NotNeeded => (t.status_not_needed, "tag--grey"),
        SectionStatus::NotStarted => (t.status_not_started, "tag--blue"),
        SectionStatus::InProgress => (t.status_in_progress, "tag--light-blue"),
        SectionStatus::Completed => (t.status_completed, "tag--green"),
        SectionStatus::HasErrors => (t.status_has_errors, "tag--red"),
    }
}

/// Properties of [`TaskListItem`].
#[derive(Properties, PartialEq, Clone)]
pub struct TaskListItemProps {
    pub section: SectionIdx,
    pub version: u32,
    pub lang: Lang,
}

/// One page of the task list: its title as a link, and its status tag.
#[function_component]
pub fn TaskListItem(props: &TaskListItemProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let Ok(session) = ctx.store.session.try_borrow() else {
        return html! {};
    };
    let questionnaire = &ctx.store.questionnaire;
    let section = questionnaire.section(props.section);
    let status = session.section_status(props.section);
    let (text, class) = status_tag(status, props.lang);
    let status_id = format!("status-{}", section.id.0);
    let title = section.title.get(props.lang).to_owned();
    html! {
        <li class="task-list__item">
            <span class="task-list__name">
                if status == SectionStatus::NotNeeded {
                    { title }
                } else {
                    <a class="task-list__link" href={Route::Section(props.section).to_hash(questionnaire)}
                        aria-describedby={status_id.clone()}>{ title }</a>
                }
            </span>
            <strong class={classes!("tag", class, "task-list__status")} id={status_id}>{ text }</strong>
        </li>
    }
}

/// Properties of [`StartPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct StartPageProps {
    pub lang: Lang,
    pub revision: u64,
    pub notices: Vec<Notice>,
    /// The questionnaire's drafts.
    pub drafts: Rc<Vec<DraftEntry>>,
    /// The browser keeps nothing.
    #[prop_or_default]
    pub unavailable: bool,
    /// The browser refused to promise to keep the drafts.
    #[prop_or_default]
    pub persist_refused: bool,
    /// Where the questionnaire comes from (its signature).
    pub origin: Origin,
    /// A questionnaire file was chosen (name, text).
    pub on_open_file: Callback<(String, String)>,
    /// A chosen file could not be read.
    pub on_file_error: Callback<()>,
    /// Why the file chosen last was not opened.
    #[prop_or_default]
    pub file_error: Option<crate::picked::FileError>,
    /// The drafts this browser holds of other questionnaires.
    #[prop_or_default]
    pub others: Rc<Vec<crate::storage::OtherDrafts>>,
}

/// The start page: what this is, by when, the notices, the task list of the open draft with
/// status, the list of drafts, and the file tools.
#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let store = ctx.store.clone();
    let questionnaire = store.questionnaire.clone();
    let Ok(session) = store.session.try_borrow() else {
        return html! {};
    };
    let visible_pages: Vec<SectionIdx> = questionnaire.pages().filter(|&s| session.is_section_visible(s)).collect();
    let done = visible_pages.iter().filter(|&&s| session.section_status(s) == SectionStatus::Completed).count();

    // Top-level sections in order: a chapter with its pages under a heading; runs of pages
    // without a chapter in one list.
    let item = |s: SectionIdx| {
        html! { <TaskListItem key={s.0} section={s} version={store.section_version(s)} {lang} /> }
    };
    let mut groups: Vec<Html> = Vec::new();
    let mut loose: Vec<Html> = Vec::new();
    for (i, section) in questionnaire.sections.iter().enumerate() {
        let idx = SectionIdx(i as u32);
        if section.parent.is_some() {
            continue;
        }
        if section.children.is_empty() {
            loose.push(item(idx));
            continue;
        }
        if !loose.is_empty() {
            let items = std::mem::take(&mut loose);
            groups.push(html! {
                <li class="task-list-group task-list-group--loose" key={format!("loose-{i}")}>
                    <ul class="task-list">{ for items }</ul>
                </li>
            });
        }
        let chapter_status = if session.is_section_visible(idx) {
            html! {}
        } else {
            html! { <>{" "}<strong class="tag tag--grey">{ t.status_not_needed }</strong></> }
        };
        groups.push(html! {
            <li class="task-list-group" key={format!("chapter-{i}")}>
                <h3 class="task-list-group__title">{ section.title.get(lang) }{ chapter_status }</h3>
                <ul class="task-list">{ for section.children.iter().map(|&c| item(c)) }</ul>
            </li>
        });
    }
    if !loose.is_empty() {
        groups.push(html! {
            <li class="task-list-group task-list-group--loose" key="loose-end">
                <ul class="task-list">{ for loose }</ul>
            </li>
        });
    }
    let groups = html! { <ol class="task-list-groups">{ for groups }</ol> };

    let notices = crate::draft_pages::notices_html(&ctx, &props.notices, lang, &questionnaire);
    // Said by the notice about a changed questionnaire already, where there is one.
    let kept_aside = if props.notices.iter().any(|n| matches!(n, Notice::QuestionnaireChanged { .. })) {
        0
    } else {
        session.kept_aside().len()
    };
    let open_name = store.draft.borrow().name.clone();

    let submission = questionnaire.submission.as_ref().map(|s| {
        html! {
            <>
                <dl class="facts">
                    if let Some(deadline) = &s.deadline {
                        <div class="facts__row">
                            <dt class="facts__key">{ t.deadline }</dt>
                            <dd class="facts__value">{ crate::format::format_date(deadline, lang) }</dd>
                        </div>
                    }
                    <div class="facts__row">
                        <dt class="facts__key">{ t.submit_to }</dt>
                        <dd class="facts__value"><a href={format!("mailto:{}", s.email)}>{ s.email.clone() }</a></dd>
                    </div>
                </dl>
                if let Some(instructions) = &s.instructions {
                    { paragraphs(instructions.get(lang), "body") }
                }
            </>
        }
    });

    html! {
        <>
            { crate::app::file_error_summary(lang, props.file_error.as_ref()) }
            <h1 class="heading-xl" tabindex="-1">{ questionnaire.title.get(lang) }</h1>
            { origin_notice(&props.origin, lang) }
            if let Some(intro) = &questionnaire.introduction {
                { paragraphs(intro.get(lang), "body-l") }
            }
            { submission.unwrap_or_default() }
            { notices }
            { other_drafts(&props.others, lang) }
            <h2 class="heading-l">{ t.sections_heading }</h2>
            <p class="body open-draft">{ t.open_draft_label }{": "}<strong>{ open_name }</strong></p>
            <p class="body progress-line"><strong>{ i18n::progress(lang, done, visible_pages.len()) }</strong></p>
            { crate::draft_pages::kept_aside_note(lang, kept_aside, &questionnaire) }
            { groups }
            <h2 class="heading-l">{ t.finish_heading }</h2>
            <ul class="task-list">
                <li class="task-list__item"><span class="task-list__name"><a class="task-list__link" href={Route::Review.to_hash(&questionnaire)}>{ t.review_link }</a></span></li>
                <li class="task-list__item"><span class="task-list__name"><a class="task-list__link" href={Route::Print.to_hash(&questionnaire)}>{ t.print_link }</a></span></li>
            </ul>
            <crate::draft_pages::DraftsPart {lang} revision={props.revision} drafts={props.drafts.clone()}
                unavailable={props.unavailable} persist_refused={props.persist_refused} />
            <h2 class="heading-m">{ t.open_other_heading }</h2>
            <p class="body">{ t.open_other_text }</p>
            if let Some(error) = &props.file_error {
                <p class="error-message" id="questionnaire-file-error">
                    <span class="visually-hidden">{ t.error_prefix }{" "}</span>
                    { i18n::file_problem(lang, &error.file_name, &error.problem) }
                </p>
            }
            <FilePicker id="questionnaire-file" label={t.open_file_label} hint={t.drop_hint}
                on_file={props.on_open_file.clone()} on_error={props.on_file_error.clone()} />
        </>
    }
}

/// "Sie haben auch Entwürfe zu: …": the other questionnaires this browser holds drafts of, each
/// with its title, version, last save and how to open it again (a link where it came by one;
/// otherwise its file, whose text is not kept here).
fn other_drafts(others: &[crate::storage::OtherDrafts], lang: Lang) -> Html {
    if others.is_empty() {
        return html! {};
    }
    let items = others.iter().map(|other| {
        let note = other.note.as_ref();
        let title = note
            .map(|n| if lang == Lang::En && !n.title_en.is_empty() { n.title_en.clone() } else { n.title_de.clone() })
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| other.questionnaire_id.clone());
        let last = other.drafts.iter().filter(|d| !d.saved_at.is_empty()).max_by(|a, b| a.saved_at.cmp(&b.saved_at));
        let version = last
            .map(|d| d.questionnaire_version.clone())
            .filter(|v| !v.is_empty())
            .or_else(|| note.map(|n| n.version.clone()))
            .unwrap_or_default();
        let saved = last.map(|d| crate::dom::local_date_time(&d.saved_at, lang));
        let facts = i18n::other_drafts_facts(lang, &version, saved.as_deref(), other.drafts.len());
        // Only a link the app made (a path on this site): storage can be edited by hand.
        let way = match note.and_then(|n| n.link.clone()).filter(|l| l.starts_with('/') && !l.starts_with("//")) {
            Some(link) => html! { <a href={link}>{ i18n::other_drafts_link(lang) }{ format!(": {title}") }</a> },
            None => html! { { i18n::other_drafts_open_file(lang, note.and_then(|n| n.file_name.as_deref())) } },
        };
        html! {
            <li key={other.questionnaire_id.clone()}>
                <strong>{ title.clone() }</strong>{" "}{ facts }{" – "}{ way }
            </li>
        }
    });
    html! {
        <section class="other-drafts" aria-labelledby="other-drafts-title">
            <h2 class="heading-m" id="other-drafts-title">{ i18n::other_drafts_heading(lang) }</h2>
            <p class="body">{ i18n::other_drafts_intro(lang) }</p>
            <ul class="body">{ for items }</ul>
        </section>
    }
}

/// Where the questionnaire comes from: a quiet line when a trusted office key signed it, a
/// warning otherwise (strongest when it was changed after signing).
fn origin_notice(origin: &Origin, lang: Lang) -> Html {
    let t = texts(lang);
    let warning = |title: &str, text: String, danger: bool, detail: Option<&str>| {
        html! {
            <div class={classes!("notification", "notification--warning", danger.then_some("notification--danger"))}
                role="region" aria-labelledby="origin-title">
                <h2 class="notification__title" id="origin-title">{ title.to_owned() }</h2>
                <p class="body">{ text }</p>
                if let Some(detail) = detail {
                    <p class="hint">{ t.origin_technical }{": "}{ detail.to_owned() }</p>
                }
            </div>
        }
    };
    match origin {
        Origin::Trusted { name, fingerprint } => {
            html! { <p class="origin-note">{ i18n::origin_trusted(lang, name, fingerprint) }</p> }
        }
        Origin::Unsigned => warning(t.origin_unsigned_title, t.origin_unsigned_text.to_owned(), false, None),
        Origin::UnknownKey { fingerprint } => {
            warning(t.origin_unknown_title, i18n::origin_unknown_text(lang, fingerprint), false, None)
        }
        Origin::Invalid { reason } => {
            warning(t.origin_invalid_title, t.origin_invalid_text.to_owned(), true, Some(reason))
        }
    }
}

/// How many questions one chunk of a section page holds. A page is drawn as chunks
/// ([`QuestionChunk`]): the browser styles, lays out and paints only the chunks near the
/// viewport (`content-visibility: auto`, styles/main.css), and a chunk never redraws as a whole
/// (its questions redraw themselves).
pub const CHUNK_SIZE: usize = 20;

/// The first chunk is smaller: about a screenful (main.css draws a question 100 to 250 px
/// high), the only chunk built when the page opens. The first paint, and so the first typed
/// character, waits for what can be seen, not for a whole page of 25 or 2,000 questions; the
/// rest follows while the browser is idle. Measured with `bench/` (a page of 25 questions of
/// a 2,000-question file, cold loads): 12 ms less main-thread time and the first character
/// about 30 ms sooner.
pub const FIRST_CHUNK_SIZE: usize = 6;

/// The chunks after the first are built while the browser is idle ([`crate::dom::when_idle`]),
/// as many at a time as the idle time allows at about `MS_PER_CHUNK` each (a chunk of 20
/// questions takes 5 to 10 ms of a slow machine's main thread), at most `MORE_CHUNKS`, and
/// at the latest `IDLE_TIMEOUT_MS` after the last: a page of 2,000 questions can be read and
/// typed into before all of it is built, and a keystroke meanwhile waits for at most one task.
const MORE_CHUNKS: usize = 4;
const MS_PER_CHUNK: f64 = 12.0;
const IDLE_TIMEOUT_MS: u32 = 500;

/// The positions (in the section) of the questions of each chunk of a page of `n` questions:
/// [`FIRST_CHUNK_SIZE`], then [`CHUNK_SIZE`] each.
pub fn chunk_ranges(n: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    let first = FIRST_CHUNK_SIZE.min(n);
    let rest = (first..n).step_by(CHUNK_SIZE).map(move |start| start..(start + CHUNK_SIZE).min(n));
    std::iter::once(0..first).filter(|first| !first.is_empty()).chain(rest)
}

/// Properties of [`SectionPage`]: only what makes up the page itself. Answers are not among
/// them: a change of answers redraws the questions it names, never the page.
#[derive(Properties, PartialEq, Clone)]
pub struct SectionPageProps {
    pub section: SectionIdx,
    pub lang: Lang,
    /// Whether the section is shown (else the page says that it is not needed).
    pub visible: bool,
    /// Whether the error summary is open (after Weiter).
    pub summary: bool,
    /// Another tab saved this draft: nothing can be changed until its answers are loaded.
    #[prop_or_default]
    pub read_only: bool,
}

/// One page: its questions in chunks, the error summary, and Weiter / Zurück. It redraws only
/// when its props change (the summary opens or closes, the section is shown or hidden, the
/// language, another tab's save): typing redraws the questions the engine names, not the page.
#[function_component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    crate::render_count::count("SectionPage");
    let ctx = use_context::<FormContext>();
    let n_questions = ctx.as_ref().map_or(0, |ctx| ctx.store.questionnaire.section(props.section).questions.len());
    let total = chunk_ranges(n_questions).count();
    // The chunks built so far: the first at once, the others while the browser is idle, or all
    // at once when focus must land in one not built yet (dom::focus_field).
    let built = use_state(|| 1.min(total));
    {
        let built = built.clone();
        use_effect_with((*built, total), move |&(n, total)| {
            let more = (n < total).then(|| {
                crate::dom::when_idle(IDLE_TIMEOUT_MS, move |idle_ms| {
                    let chunks = ((idle_ms / MS_PER_CHUNK) as usize).clamp(1, MORE_CHUNKS);
                    built.set((n + chunks).min(total))
                })
            });
            move || drop(more)
        });
    }
    // Focus meant for a question not built yet (an error or change link) asks for all of them,
    // and so does the browser's own print: paper shows every question (Yew renders in the
    // microtask after the `beforeprint` handler, before the page is laid out for print).
    {
        let built = built.clone();
        use_effect_with(total, move |&total| {
            let listeners = web_sys::window().map(|window| {
                [crate::dom::BUILD_WHOLE_PAGE_EVENT, "beforeprint"].map(|event| {
                    let built = built.clone();
                    gloo::events::EventListener::new(&window, event, move |_| built.set(total))
                })
            });
            move || drop(listeners)
        });
    }
    let Some(ctx) = ctx else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let questionnaire = ctx.store.questionnaire.clone();
    let section = questionnaire.section(props.section);
    let chapter = section.parent.map(|p| questionnaire.section(p).title.get(lang).to_owned());
    let chunks = chunk_ranges(section.questions.len()).enumerate().map(|(i, range)| {
        let (start, end) = (range.start as u32, range.end as u32);
        html! {
            <QuestionChunk key={start} section={props.section} {start} {end} built={i < *built} {lang} />
        }
    });
    let onsubmit = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Continue)
        })
    };
    let back = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Back))
    };
    html! {
        <>
            <a class="back-link" href={Route::Start.to_hash(&questionnaire)}>{ t.back_to_overview }</a>
            if props.summary {
                <SectionSummary section={props.section} {lang} />
            }
            if let Some(chapter) = chapter {
                <span class="caption-l">{ chapter }</span>
            }
            <h1 class="heading-l" tabindex="-1">{ section.title.get(lang) }</h1>
            if let Some(description) = &section.description {
                { paragraphs(description.get(lang), "body") }
            }
            if !props.visible {
                <p class="body inset">{ t.section_not_needed }</p>
            }
            <form class="form" novalidate=true {onsubmit}>
                if props.read_only {
                    // A disabled fieldset disables every control in it: nothing can be typed
                    // that could not be saved.
                    <fieldset class="fieldset form-lock" disabled=true>{ for chunks }</fieldset>
                } else {
                    { for chunks }
                }
                <div class="button-group">
                    <button type="submit" class="button">{ t.continue_ }</button>
                    <button type="button" class="button button--secondary" onclick={back}>{ t.back }</button>
                </div>
            </form>
        </>
    }
}

/// Properties of [`QuestionChunk`].
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionChunkProps {
    pub section: SectionIdx,
    /// The positions of its questions in the section: `start..end` ([`chunk_ranges`]).
    pub start: u32,
    pub end: u32,
    /// Whether its questions are built yet (else it only stands in for their height).
    pub built: bool,
    pub lang: Lang,
}

/// Up to [`CHUNK_SIZE`] questions of a page in one block that the browser skips while it is
/// far from the viewport. It draws its question components once (again only for another
/// language); each of them watches its own question. Until the page has built it, it is an
/// empty block of about its height.
#[function_component]
pub fn QuestionChunk(props: &QuestionChunkProps) -> Html {
    crate::render_count::count("QuestionChunk");
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let questionnaire = &ctx.store.questionnaire;
    let questions = &questionnaire.section(props.section).questions;
    let Some(chunk) = questions.get(props.start as usize..props.end as usize) else {
        return html! {};
    };
    // Stands in for the chunk's height until the browser has drawn it once ("auto" then keeps
    // the real one), so that the page is about as long as it will be.
    let height: u32 = match ctx.store.session.try_borrow() {
        Ok(session) => chunk
            .iter()
            .filter(|&&q| session.is_visible(q))
            .map(|&q| estimated_height(&questionnaire.question(q).kind))
            .sum(),
        Err(_) => 0,
    };
    let style = format!("contain-intrinsic-size: auto {height}px");
    if !props.built {
        // aria-busy: its questions are still to come. It is empty, so a screen reader misses
        // nothing meanwhile; the e2e tests know from it when the page is whole.
        return html! { <div class="question-chunk" {style} aria-busy="true"></div> };
    }
    html! {
        <div class="question-chunk" {style}>
            { for chunk.iter().map(|&q| html! { <QuestionView idx={q} {lang} /> }) }
        </div>
    }
}

/// A rough height in CSS pixels of a question as main.css draws it on a wide screen: label,
/// hint, control and the space below.
fn estimated_height(kind: &QuestionKind) -> u32 {
    let choices = |n: usize| 75 + 50 * n as u32;
    match kind {
        QuestionKind::Text { multiline: true, .. } => 230,
        QuestionKind::SingleChoice { dropdown: false, options } => choices(options.len()),
        QuestionKind::MultipleChoice { options, other, .. } => choices(options.len() + usize::from(*other)),
        QuestionKind::Matrix { rows, .. } => 110 + 55 * rows.len() as u32,
        QuestionKind::Repeat { .. } => 190,
        _ => 130,
    }
}

/// Properties of [`SectionSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct SectionSummaryProps {
    pub section: SectionIdx,
    pub lang: Lang,
}

/// The error summary of a page after Weiter: every error on display of the page's visible
/// questions, as links. It watches the errors on display and redraws itself when they change
/// (a fixed error's link goes at once), without redrawing the page.
#[function_component]
pub fn SectionSummary(props: &SectionSummaryProps) -> Html {
    crate::render_count::count("SectionSummary");
    let ctx = use_context::<FormContext>();
    let redraw = use_force_update();
    let _watch = use_memo((), |_| {
        ctx.as_ref().map(|ctx| ctx.store.watch(Topic::Errors, Callback::from(move |()| redraw.force_update())))
    });
    let Some(ctx) = ctx else {
        return html! {};
    };
    let store = &ctx.store;
    let questionnaire = &store.questionnaire;
    let Ok(session) = store.session.try_borrow() else {
        return html! {};
    };
    let entries: Vec<(String, String)> = questionnaire
        .section(props.section)
        .questions
        .iter()
        .filter(|&&q| session.is_visible(q))
        .flat_map(|&q| {
            store
                .shown_errors(q)
                .iter()
                .map(|v| violation_entry(questionnaire, &session, q, v, props.lang))
                .collect::<Vec<_>>()
        })
        .collect();
    if entries.is_empty() {
        return html! {};
    }
    html! { <ErrorSummary lang={props.lang} {entries} /> }
}

/// Answers of the visible questions of a page section, as a GOV.UK summary list.
fn summary_rows(
    questionnaire: &Questionnaire,
    session: &Session,
    section: SectionIdx,
    lang: Lang,
    change: Option<&UseReducerDispatcher<crate::state::FormState>>,
) -> Html {
    let t = texts(lang);
    let rows = questionnaire.section(section).questions.iter().filter(|&&q| session.is_visible(q)).map(|&q| {
        let question = questionnaire.question(q);
        let label = question.label.get(lang).to_owned();
        let value = answer_html(questionnaire, session, q, lang);
        // A calculated value has nothing to change: no link that would lead nowhere.
        let changeable = question.kind.takes_input();
        let action = change.filter(|_| changeable).map(|dispatch| {
            let target = match &question.kind {
                QuestionKind::Repeat { .. } => crate::format::add_button_dom_id(question),
                _ => question_dom_id(question),
            };
            let route = Route::Section(section);
            let onclick = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    dispatch.dispatch(Action::NavigateToField(route, target.clone()))
                })
            };
            html! {
                <dd class="summary-list__actions">
                    <a href={route.to_hash(questionnaire)} {onclick}>
                        { t.change }<span class="visually-hidden">{ i18n::change_suffix(&label) }</span>
                    </a>
                </dd>
            }
        });
        // On the review page, what still stops the export is said at the answer itself: a
        // required answer missing looked like an optional one left empty, and an answer the
        // form rejects ("12.345,67" in a whole-number field) like a good one.
        let problem = change.and_then(|_| session.violations(q).first()).map(|violation| {
            let text = match violation.kind {
                ViolationKind::Required if violation.custom_message.is_none() => t.review_missing.to_owned(),
                _ => i18n::violation_message(lang, violation, question, &label),
            };
            html! {
                <span class="summary-list__problem">
                    <span class="visually-hidden">{ t.error_prefix }{" "}</span>{ text }
                </span>
            }
        });
        html! {
            <div class="summary-list__row" key={q.0}>
                <dt class="summary-list__key">{ label.clone() }</dt>
                <dd class="summary-list__value">{ value }{ problem.unwrap_or_default() }</dd>
                { action.unwrap_or_default() }
            </div>
        }
    });
    html! { <dl class="summary-list">{ for rows }</dl> }
}

/// One answer for reading.
fn answer_html(questionnaire: &Questionnaire, session: &Session, q: QuestionIdx, lang: Lang) -> Html {
    let t = texts(lang);
    let question = questionnaire.question(q);
    if let QuestionKind::Calculated { .. } = question.kind {
        return html! { { calculated_text(question, session.calculated(q), lang) } };
    }
    let not_answered = html! { <span class="summary-list__empty">{ t.not_answered }</span> };
    let Some(answer) = session.answer(q).filter(|a| !a.is_empty()) else {
        return not_answered;
    };
    match (&question.kind, answer) {
        (QuestionKind::Repeat { fields, record_label, .. }, AnswerValue::Records(records)) => {
            let name = crate::format::record_name(record_label.as_ref(), lang);
            html! {
                <ol class="record-summary">
                    { for records.iter().enumerate().map(|(i, record)| {
                        let lines = fields.iter().enumerate().filter(|&(f, _)| session.is_record_field_visible(q, record.id, f)).map(|(f, field)| {
                            let value = record.fields.get(f).and_then(Option::as_ref).filter(|a| !a.is_empty());
                            let text = match value {
                                Some(v) => answer_lines(field, v, lang).join(", "),
                                None => t.not_answered.to_owned(),
                            };
                            html! { <li key={f}><span class="record-summary__key">{ crate::format::label_before_value(field.label.get(lang)) }</span>{ text }</li> }
                        });
                        html! {
                            <li key={record.id.0}>
                                <strong>{ format!("{name} {}", i + 1) }</strong>
                                <ul class="record-summary__fields">{ for lines }</ul>
                            </li>
                        }
                    }) }
                </ol>
            }
        }
        _ => {
            let lines = answer_lines(question, answer, lang);
            if lines.len() == 1 {
                html! { <span class="summary-list__text">{ lines[0].clone() }</span> }
            } else {
                html! { <ul class="summary-list__lines">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
            }
        }
    }
}

/// Every visible page with its answers, grouped by chapter. `closing` (the print view's
/// signature lines) is kept on one sheet with the last page's answers, the declaration signed.
fn all_answers(
    questionnaire: &Questionnaire,
    session: &Session,
    lang: Lang,
    change: Option<&UseReducerDispatcher<crate::state::FormState>>,
    closing: Option<Html>,
) -> Html {
    let pages: Vec<SectionIdx> = questionnaire.pages().filter(|&s| session.is_section_visible(s)).collect();
    let block = |s: SectionIdx| {
        let section = questionnaire.section(s);
        let chapter = section.parent.map(|p| questionnaire.section(p).title.get(lang).to_owned());
        html! {
            <section class="answers-section" key={s.0}>
                if let Some(chapter) = chapter {
                    <span class="caption-m">{ chapter }</span>
                }
                <h2 class="heading-m">{ section.title.get(lang) }</h2>
                { summary_rows(questionnaire, session, s, lang, change) }
            </section>
        }
    };
    match (closing, pages.split_last()) {
        (Some(closing), Some((&last, before))) => html! {
            <>
                { for before.iter().map(|&s| block(s)) }
                <div class="print-closing">
                    { block(last) }
                    { closing }
                </div>
            </>
        },
        (closing, _) => html! { <>{ for pages.iter().map(|&s| block(s)) }{ closing.unwrap_or_default() }</> },
    }
}

/// Properties of [`ReviewPage`] and [`PrintPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReviewProps {
    pub lang: Lang,
    pub revision: u64,
    /// Whether the last export attempt was refused.
    #[prop_or_default]
    pub refused: bool,
    /// The signing key, the last export and its upload.
    #[prop_or_default]
    pub signing: Signing,
}

/// "Antworten prüfen": every visible answer with a change link, and the export.
#[function_component]
pub fn ReviewPage(props: &ReviewProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let store = ctx.store.clone();
    let questionnaire = store.questionnaire.clone();
    let Ok(session) = store.session.try_borrow() else {
        return html! {};
    };
    // Errors anywhere, by page: the export is refused while there are any.
    let problems: Vec<(SectionIdx, Vec<(String, String)>)> = questionnaire
        .pages()
        .filter(|&s| session.is_section_visible(s))
        .filter_map(|s| {
            let list: Vec<(String, String)> = questionnaire
                .section(s)
                .questions
                .iter()
                .filter(|&&q| session.is_visible(q))
                .flat_map(|&q| {
                    session
                        .violations(q)
                        .iter()
                        .map(|v| violation_entry(&questionnaire, &session, q, v, lang))
                        .collect::<Vec<_>>()
                })
                .collect();
            (!list.is_empty()).then_some((s, list))
        })
        .collect();
    // The municipality about to sign, and others this browser's key signed for already.
    let respondent = session_respondent_name(&session);
    let signed_for_others = match (&respondent, &props.signing.key) {
        (Some(name), Some(_)) => props.signing.signed_for_others(&questionnaire.id, name),
        _ => Vec::new(),
    };
    let other_respondents = respondent.filter(|_| !signed_for_others.is_empty()).map(|name| (name, signed_for_others));
    let export = {
        let store = store.clone();
        let dispatch = ctx.dispatch.clone();
        let signing = props.signing.clone();
        Callback::from(move |_: MouseEvent| {
            let action = match store.session.try_borrow() {
                Ok(session) if session.all_violations().next().is_some() => Action::ExportRefused,
                Ok(session) => crate::keys::export(&session, lang, &signing),
                Err(_) => return,
            };
            dispatch.dispatch(action);
        })
    };
    let problem_list = (!problems.is_empty()).then(|| {
        let items = problems.iter().map(|(s, list)| {
            let route = Route::Section(*s);
            let links = list.iter().enumerate().map(|(i, (target, message))| {
                let onclick = {
                    let dispatch = ctx.dispatch.clone();
                    let target = target.clone();
                    Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        dispatch.dispatch(Action::NavigateToField(route, target.clone()))
                    })
                };
                html! { <li key={i}><a href={route.to_hash(&questionnaire)} {onclick}>{ message.clone() }</a></li> }
            });
            html! {
                <li key={s.0}>
                    <span class="export-problems__section">{ questionnaire.section(*s).title.get(lang) }</span>
                    <ul class="error-summary__list">{ for links }</ul>
                </li>
            }
        });
        html! {
            <div class="error-summary" id="export-problems" tabindex="-1"
                role={props.refused.then_some("alert")} aria-labelledby="export-problems-title">
                <h3 class="error-summary__title" id="export-problems-title">{ t.export_refused_title }</h3>
                <p class="body">{ t.export_refused_text }</p>
                <ul class="export-problems">{ for items }</ul>
            </div>
        }
    });
    html! {
        <>
            <a class="back-link" href={Route::Start.to_hash(&questionnaire)}>{ t.back_to_overview }</a>
            <h1 class="heading-l" tabindex="-1">{ t.review_title }</h1>
            { all_answers(&questionnaire, &session, lang, Some(&ctx.dispatch), None) }
            <h2 class="heading-m">{ t.submit_heading }</h2>
            { problem_list.unwrap_or_default() }
            if let Some(submission) = &questionnaire.submission {
                <p class="body">{ t.submit_to }{": "}<a href={format!("mailto:{}", submission.email)}>{ submission.email.clone() }</a>
                    if let Some(deadline) = &submission.deadline {
                        {" · "}{ t.deadline }{" "}{ crate::format::format_date(deadline, lang) }
                    }
                </p>
            }
            { key_part(&props.signing, other_respondents.as_ref(), lang, &ctx.dispatch) }
            { outdated_export(&props.signing, lang) }
            <p class="body">{ t.export_note }</p>
            <div class="button-group">
                <button type="button" class="button" onclick={export}>{ t.export_button }</button>
                <a class="button button--secondary" href={Route::Print.to_hash(&questionnaire)}>{ t.print_link }</a>
            </div>
            if let Some(record) = props.signing.current_export() {
                { export_done(&questionnaire, record, &props.signing, lang, &ctx.dispatch) }
            }
        </>
    }
}

/// The warning that the signed file no longer holds the answers (an answer changed after it was
/// made), or nothing.
fn outdated_export(signing: &Signing, lang: Lang) -> Html {
    match signing.outdated_export() {
        Some(record) => warning_text(lang, i18n::export_outdated(lang, &record.file_name)),
        None => Html::default(),
    }
}

/// A fingerprint as a fact: "Fingerabdruck …: M55N-WCQH-I2A2-DCGK".
fn fact(key: &str, value: &str, code: bool) -> Html {
    html! {
        <div class="facts__row">
            <dt class="facts__key">{ key.to_owned() }</dt>
            <dd class="facts__value">
                if code { <code class="fingerprint">{ value.to_owned() }</code> } else { { value.to_owned() } }
            </dd>
        </div>
    }
}

/// The "Signatur" part of the review page: the key's fingerprint (or that one will be made),
/// its messages, a warning when the key signed for another municipality here (`others`: the one
/// about to sign, and those), saving it to a key file and loading one.
fn key_part(
    signing: &Signing,
    others: Option<&(String, Vec<String>)>,
    lang: Lang,
    dispatch: &UseReducerDispatcher<crate::state::FormState>,
) -> Html {
    let t = texts(lang);
    let signed_for_others = others.map(|(name, others)| {
        html! {
            <div class="key-others" id="key-signed-for-others">
                { warning_text(lang, i18n::key_signed_for_others(lang, name, others)) }
            </div>
        }
    });
    let save_key =
        signing.key.clone().map(|key| Callback::from(move |_: MouseEvent| crate::keys::download_key_file(&key)));
    let notice = signing.notice.as_ref().map(|notice| {
        let problem = matches!(
            notice,
            KeyNotice::Refused { .. }
                | KeyNotice::NoRandom
                | KeyNotice::FileUnreadable
                | KeyNotice::SignFailed(_)
                | KeyNotice::StoredUnreadable { .. }
        );
        html! {
            <div class={classes!("notification", problem.then_some("notification--warning"))}
                id={KEY_NOTICE_ID} tabindex="-1" role={if problem { "alert" } else { "status" }}>
                <p class="notification__text">{ i18n::key_notice(lang, notice) }</p>
            </div>
        }
    });
    let not_kept = signing.not_kept.as_ref().map(|error| warning_text(lang, i18n::key_not_kept(lang, error)));
    let pending = signing.pending.as_ref().map(|pending| {
        let current = signing.key.as_ref().map(|k| k.fingerprint()).unwrap_or_default();
        let confirm = {
            let dispatch = dispatch.clone();
            let pending = pending.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(crate::keys::confirm_replace(&pending)))
        };
        let cancel = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::KeyReplaceCancelled))
        };
        html! {
            <div class="notification notification--warning" id={KEY_REPLACE_ID} tabindex="-1"
                role="region" aria-labelledby="key-replace-title">
                <h4 class="notification__title" id="key-replace-title">{ t.key_replace_title }</h4>
                <p class="body">{ i18n::key_replace_text(lang, &pending.file_name, &pending.key.fingerprint(), &current) }</p>
                <div class="button-group">
                    if let Some(save) = save_key.clone() {
                        <button type="button" class="button button--secondary" onclick={save}>{ t.key_replace_save_current }</button>
                    }
                    <button type="button" class="button button--warning" onclick={confirm}>{ t.key_replace_confirm }</button>
                    <button type="button" class="button button--secondary" onclick={cancel}>{ t.key_replace_cancel }</button>
                </div>
            </div>
        }
    });
    let on_key_file = {
        let dispatch = dispatch.clone();
        let signing = signing.clone();
        Callback::from(move |(name, text): (String, String)| {
            dispatch.dispatch(crate::keys::read_key_file(name, &text, &signing))
        })
    };
    let on_key_error = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::KeyNotice(KeyNotice::FileUnreadable)))
    };
    html! {
        <section class="key-part" aria-labelledby="signing-title">
            <h3 class="heading-s" id="signing-title">{ t.signing_heading }</h3>
            // The fingerprint's explanation stands with a fingerprint only.
            if let Some(key) = &signing.key {
                <dl class="facts">{ fact(t.fingerprint_label, &key.fingerprint(), true) }</dl>
                <p class="body">{ t.fingerprint_explain }</p>
            } else {
                <p class="body">{ t.key_none }</p>
            }
            { signed_for_others.unwrap_or_default() }
            { notice.unwrap_or_default() }
            { not_kept.unwrap_or_default() }
            { pending.unwrap_or_default() }
            if let Some(save) = save_key {
                { warning_text(lang, t.key_secret_warning.to_owned()) }
                <button type="button" class="button button--secondary" onclick={save}>{ t.key_save_button }</button>
            }
            <FilePicker id="key-file" label={t.key_load_label} hint={t.key_load_hint}
                on_file={on_key_file} on_error={on_key_error} />
        </section>
    }
}

/// After an export: the file, its fingerprint and checksum, and how to send it (e-mail with
/// the file attached by hand; an upload where the questionnaire names an address).
fn export_done(
    questionnaire: &Questionnaire,
    record: &std::rc::Rc<ExportRecord>,
    signing: &Signing,
    lang: Lang,
    dispatch: &UseReducerDispatcher<crate::state::FormState>,
) -> Html {
    let t = texts(lang);
    let title = questionnaire.title.get(lang);
    let download_again = {
        let record = record.clone();
        Callback::from(move |_: MouseEvent| {
            crate::dom::download(&record.file_name, crate::submit::SUBMISSION_MIME, &record.text);
        })
    };
    let submission = questionnaire.submission.as_ref();
    let mail = submission.map(|s| {
        let subject = i18n::mail_subject(lang, title, record.respondent.as_deref());
        let body = i18n::mail_body(lang, title, record);
        let href = crate::submit::mailto(&s.email, &subject, &body);
        html! { <li><a href={href}>{ i18n::mail_link(lang, &s.email) }</a></li> }
    });
    let upload = submission.and_then(|s| s.upload_url.clone()).map(|url| {
        let running = signing.upload == UploadStatus::Running;
        let onclick = {
            let record = record.clone();
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                if running {
                    return;
                }
                dispatch.dispatch(Action::Upload(UploadStatus::Running));
                let record = record.clone();
                let dispatch = dispatch.clone();
                let url = url.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome =
                        crate::dom::upload(&url, &record.file_name, crate::submit::SUBMISSION_MIME, &record.text).await;
                    dispatch.dispatch(Action::Upload(match outcome {
                        Ok(()) => UploadStatus::Done { time: crate::dom::local_time() },
                        Err(failure) => UploadStatus::Failed(failure),
                    }));
                });
            })
        };
        let failed = matches!(signing.upload, UploadStatus::Failed(_));
        html! {
            <>
                <p class="body">{ t.upload_intro }</p>
                <button type="button" class="button" {onclick}>{ t.upload_button }</button>
                <p class={classes!("upload-status", failed.then_some("error-message"))} role="status">
                    { i18n::upload_status(lang, &signing.upload) }
                </p>
            </>
        }
    });
    let not_kept = signing.not_kept.as_ref().zip(signing.key.clone()).map(|(error, key)| {
        let save = Callback::from(move |_: MouseEvent| crate::keys::download_key_file(&key));
        html! {
            <>
                { warning_text(lang, i18n::key_not_kept(lang, error)) }
                <button type="button" class="button button--secondary" onclick={save}>{ t.key_save_button }</button>
            </>
        }
    });
    html! {
        <section class="export-done" aria-labelledby="export-done-title">
            <div class="panel" id={EXPORT_DONE_ID} tabindex="-1">
                <h3 class="panel__title" id="export-done-title">{ t.export_done_title }</h3>
                <dl class="panel__facts">
                    { fact(&format!("{}:", t.file_label), &record.file_name, false) }
                    { fact(&format!("{}:", t.key_fingerprint), &record.fingerprint, true) }
                    { fact(&format!("{}:", t.digest_label), &record.short_digest, true) }
                </dl>
            </div>
            { not_kept.unwrap_or_default() }
            <h3 class="heading-s">{ t.send_heading }</h3>
            <ol class="steps">
                { mail.unwrap_or_default() }
                <li>{ i18n::attach_note(lang, &record.file_name) }</li>
                <li>{ i18n::tell_fingerprint(lang, &record.fingerprint) }</li>
            </ol>
            <button type="button" class="button button--secondary" onclick={download_again}>{ t.download_again }</button>
            { upload.unwrap_or_default() }
        </section>
    }
}

/// The print view: all visible answers, and lines for place, date and signature.
#[function_component]
pub fn PrintPage(props: &ReviewProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let questionnaire = ctx.store.questionnaire.clone();
    let Ok(session) = ctx.store.session.try_borrow() else {
        return html! {};
    };
    let print = Callback::from(|_: MouseEvent| crate::dom::print());
    // The same digest `bogen verify` shows for the file made from these answers.
    let digest = short_digest(&answers_digest(&stamp_of(&questionnaire), &session.visible_answers()));
    let fingerprint = props.signing.key.as_ref().map(|k| k.fingerprint());
    let signature = html! {
        <section class="signature" aria-labelledby="signature-title">
            <h2 class="heading-m" id="signature-title">{ t.signature_heading }</h2>
            <div class="signature__grid">
                <div class="signature__field"><div class="signature__line"></div><p class="signature__label">{ t.signature_place_date }</p></div>
                <div class="signature__field"><div class="signature__line"></div><p class="signature__label">{ t.signature_sign }</p></div>
                <div class="signature__field"><div class="signature__line"></div><p class="signature__label">{ t.signature_name }</p></div>
            </div>
        </section>
    };
    html! {
        <>
            <a class="back-link no-print" href={Route::Start.to_hash(&questionnaire)}>{ t.back_to_overview }</a>
            <span class="caption-l no-print">{ t.print_title }</span>
            <h1 class="heading-l" tabindex="-1">{ questionnaire.title.get(lang) }</h1>
            <p class="body no-print">{ t.print_intro }</p>
            <div class="no-print">{ outdated_export(&props.signing, lang) }</div>
            <div class="button-group no-print">
                <button type="button" class="button" onclick={print}>{ t.print_button }</button>
            </div>
            <section class="file-match" aria-labelledby="file-match-title">
                <h2 class="heading-s" id="file-match-title">{ t.print_match_heading }</h2>
                <p class="file-match__line">
                    <span class="file-match__key">{ t.key_fingerprint }{": "}</span>
                    if let Some(fingerprint) = fingerprint {
                        <code class="fingerprint">{ fingerprint }</code>
                    } else {
                        { t.print_no_key }
                    }
                </p>
                <p class="file-match__line">
                    <span class="file-match__key">{ t.digest_label }{": "}</span>
                    <code class="fingerprint">{ digest }</code>
                </p>
                <p class="hint">{ t.print_match_text }</p>
            </section>
            { all_answers(&questionnaire, &session, lang, None, Some(signature)) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(n: usize) -> Vec<std::ops::Range<usize>> {
        chunk_ranges(n).collect()
    }

    #[test]
    fn a_page_is_a_small_first_chunk_then_chunks_of_twenty_covering_every_question_once() {
        assert_eq!(ranges(0), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(ranges(4), vec![0..4]);
        assert_eq!(ranges(6), vec![0..6]);
        assert_eq!(ranges(25), vec![0..6, 6..25]);
        assert_eq!(ranges(60), vec![0..6, 6..26, 26..46, 46..60]);
        for n in 0..130 {
            let ranges = ranges(n);
            let covered: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(covered, (0..n).collect::<Vec<_>>(), "{n} questions: {ranges:?}");
            assert!(ranges.iter().all(|r| !r.is_empty() && r.len() <= CHUNK_SIZE), "{n} questions: {ranges:?}");
        }
    }
}
