//! The pages of an open questionnaire: the start page with the task list, one page per
//! section, "Antworten prüfen" with the export, and the print view.
//!
//! Pages get the reducer's `revision` as a prop, so they re-render on every change; that only
//! rebuilds their list of question components, each of which Yew skips unless its own
//! version moved.

use crate::format::{answer_lines, calculated_text, question_dom_id};
use crate::i18n::{self, texts};
use crate::inputs::FilePicker;
use crate::layout::{paragraphs, ErrorSummary};
use crate::question::QuestionView;
use crate::state::{violation_entry, Action, FormContext, Notice, Route};
use bogen_engine::{
    AnswerValue, DraftFile, Lang, QuestionIdx, QuestionKind, Questionnaire, SectionIdx, SectionStatus, Session,
};
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
    pub notice: Option<Notice>,
    /// A questionnaire file was chosen (name, text).
    pub on_open_file: Callback<(String, String)>,
    /// A chosen file could not be read.
    pub on_file_error: Callback<()>,
    /// The message about the last file opened, if it failed.
    #[prop_or_default]
    pub file_message: Option<AttrValue>,
}

/// The start page: what this is, by when, the task list with status, and the file tools.
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

    let notice = props.notice.as_ref().map(|notice| match notice {
        Notice::Restored {
            saved_at,
            kept_aside,
        } => html! {
            <div class="notification" role="region" aria-labelledby="notice-title">
                <p class="notification__text" id="notice-title" tabindex="-1">{ i18n::restored(lang, &crate::dom::local_date_time(saved_at, lang)) }</p>
                if *kept_aside > 0 { <p class="notification__text">{ t.restore_kept_aside }</p> }
            </div>
        },
        Notice::OtherQuestionnaire(id) => html! {
            <div class="notification notification--warning" role="region" aria-labelledby="notice-title">
                <p class="notification__text" id="notice-title" tabindex="-1">{ i18n::draft_of_other(lang, id) }</p>
            </div>
        },
        Notice::Unreadable => html! {
            <div class="notification notification--warning" role="region" aria-labelledby="notice-title">
                <p class="notification__text" id="notice-title">{ t.restore_unreadable }</p>
            </div>
        },
    });

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

    let download_draft = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let text = match store.session.try_borrow() {
                Ok(session) => {
                    let meta = bogen_engine::DraftMeta { saved_at: crate::dom::now_iso(), ..Default::default() };
                    DraftFile::from_session(&session, &meta).to_json()
                }
                Err(_) => return,
            };
            crate::dom::download(&format!("{}-entwurf.json", store.questionnaire.id), "application/json", &text);
        })
    };

    html! {
        <>
            <h1 class="heading-xl" tabindex="-1">{ questionnaire.title.get(lang) }</h1>
            if let Some(intro) = &questionnaire.introduction {
                { paragraphs(intro.get(lang), "body-l") }
            }
            { submission.unwrap_or_default() }
            { notice.unwrap_or_default() }
            <h2 class="heading-l">{ t.sections_heading }</h2>
            <p class="body progress-line"><strong>{ i18n::progress(lang, done, visible_pages.len()) }</strong></p>
            { groups }
            <h2 class="heading-l">{ t.finish_heading }</h2>
            <ul class="task-list">
                <li class="task-list__item"><span class="task-list__name"><a class="task-list__link" href={Route::Review.to_hash(&questionnaire)}>{ t.review_link }</a></span></li>
                <li class="task-list__item"><span class="task-list__name"><a class="task-list__link" href={Route::Print.to_hash(&questionnaire)}>{ t.print_link }</a></span></li>
            </ul>
            <h2 class="heading-m">{ t.draft_heading }</h2>
            <p class="body">{ t.draft_text }</p>
            <button type="button" class="button button--secondary" onclick={download_draft}>{ t.draft_download }</button>
            <h2 class="heading-m">{ t.open_other_heading }</h2>
            <p class="body">{ t.open_other_text }</p>
            if let Some(message) = &props.file_message {
                <p class="error-message" role="alert">{ message.clone() }</p>
            }
            <FilePicker id="questionnaire-file" label={t.open_file_label} hint={t.drop_hint}
                on_file={props.on_open_file.clone()} on_error={props.on_file_error.clone()} />
        </>
    }
}

/// Properties of [`SectionPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct SectionPageProps {
    pub section: SectionIdx,
    pub lang: Lang,
    pub revision: u64,
    /// Whether the error summary is open (after Weiter).
    pub summary: bool,
}

/// One page: its questions, the error summary, and Weiter / Zurück.
#[function_component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let store = ctx.store.clone();
    let questionnaire = store.questionnaire.clone();
    let section = questionnaire.section(props.section);
    let Ok(session) = store.session.try_borrow() else {
        return html! {};
    };
    let entries: Vec<(String, String)> = if props.summary {
        section
            .questions
            .iter()
            .filter(|&&q| session.is_visible(q))
            .flat_map(|&q| {
                store
                    .shown_errors(q)
                    .iter()
                    .map(|v| violation_entry(&questionnaire, &session, q, v, lang))
                    .collect::<Vec<_>>()
            })
            .collect()
    } else {
        Vec::new()
    };
    let chapter = section.parent.map(|p| questionnaire.section(p).title.get(lang).to_owned());
    let questions = section.questions.iter().map(|&q| {
        html! { <QuestionView key={q.0} idx={q} version={store.question_version(q)} {lang} /> }
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
    let visible = session.is_section_visible(props.section);
    html! {
        <>
            <a class="back-link" href={Route::Start.to_hash(&questionnaire)}>{ t.back_to_overview }</a>
            if !entries.is_empty() {
                <ErrorSummary {lang} {entries} />
            }
            if let Some(chapter) = chapter {
                <span class="caption-l">{ chapter }</span>
            }
            <h1 class="heading-l" tabindex="-1">{ section.title.get(lang) }</h1>
            if let Some(description) = &section.description {
                { paragraphs(description.get(lang), "body") }
            }
            if !visible {
                <p class="body inset">{ t.section_not_needed }</p>
            }
            <form class="form" novalidate=true {onsubmit}>
                { for questions }
                <div class="button-group">
                    <button type="submit" class="button">{ t.continue_ }</button>
                    <button type="button" class="button button--secondary" onclick={back}>{ t.back }</button>
                </div>
            </form>
        </>
    }
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
        html! {
            <div class="summary-list__row" key={q.0}>
                <dt class="summary-list__key">{ label.clone() }</dt>
                <dd class="summary-list__value">{ value }</dd>
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
                            html! { <li key={f}><span class="record-summary__key">{ field.label.get(lang) }{": "}</span>{ text }</li> }
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

/// Every visible page with its answers, grouped by chapter.
fn all_answers(
    questionnaire: &Questionnaire,
    session: &Session,
    lang: Lang,
    change: Option<&UseReducerDispatcher<crate::state::FormState>>,
) -> Html {
    let blocks = questionnaire.pages().filter(|&s| session.is_section_visible(s)).map(|s| {
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
    });
    html! { <>{ for blocks }</> }
}

/// Properties of [`ReviewPage`] and [`PrintPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReviewProps {
    pub lang: Lang,
    pub revision: u64,
    /// Whether the last export attempt was refused.
    #[prop_or_default]
    pub refused: bool,
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
    let export = {
        let store = store.clone();
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let outcome = match store.session.try_borrow() {
                Ok(session) if session.all_violations().next().is_some() => None,
                Ok(session) => Some(export_json(&session)),
                Err(_) => return,
            };
            match outcome {
                Some(text) => {
                    crate::dom::download(
                        &format!("{}-antworten.json", store.questionnaire.id),
                        "application/json",
                        &text,
                    );
                }
                None => dispatch.dispatch(Action::ExportRefused),
            }
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
            { all_answers(&questionnaire, &session, lang, Some(&ctx.dispatch)) }
            <h2 class="heading-m">{ t.submit_heading }</h2>
            { problem_list.unwrap_or_default() }
            if let Some(submission) = &questionnaire.submission {
                <p class="body">{ t.submit_to }{": "}<a href={format!("mailto:{}", submission.email)}>{ submission.email.clone() }</a>
                    if let Some(deadline) = &submission.deadline {
                        {" · "}{ t.deadline }{" "}{ crate::format::format_date(deadline, lang) }
                    }
                </p>
            }
            <p class="body">{ t.export_note }</p>
            <div class="button-group">
                <button type="button" class="button" onclick={export}>{ t.export_button }</button>
                <a class="button button--secondary" href={Route::Print.to_hash(&questionnaire)}>{ t.print_link }</a>
            </div>
        </>
    }
}

/// The export: the visible answers with the questionnaire's id and version (unsigned for now).
fn export_json(session: &Session) -> String {
    let questionnaire = session.questionnaire();
    let value = serde_json::json!({
        "questionnaireId": questionnaire.id,
        "questionnaireVersion": questionnaire.version,
        "exportedAt": crate::dom::now_iso(),
        "signed": false,
        "answers": session.visible_answers(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
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
    html! {
        <>
            <a class="back-link no-print" href={Route::Start.to_hash(&questionnaire)}>{ t.back_to_overview }</a>
            <span class="caption-l">{ t.print_title }</span>
            <h1 class="heading-l" tabindex="-1">{ questionnaire.title.get(lang) }</h1>
            <p class="body no-print">{ t.print_intro }</p>
            <div class="button-group no-print">
                <button type="button" class="button" onclick={print}>{ t.print_button }</button>
            </div>
            { all_answers(&questionnaire, &session, lang, None) }
            <section class="signature" aria-labelledby="signature-title">
                <h2 class="heading-m" id="signature-title">{ t.signature_heading }</h2>
                <div class="signature__grid">
                    <div class="signature__field"><div class="signature__line"></div><p class="signature__label">{ t.signature_place_date }</p></div>
                    <div class="signature__field"><div class="signature__line"></div><p class="signature__label">{ t.signature_sign }</p></div>
                    <div class="signature__field"><div class="signature__line"></div><p class="signature__label">{ t.signature_name }</p></div>
                </div>
            </section>
        </>
    }
}
