//! What is drawn about drafts: the list of drafts on the start page ("Ihre Entwürfe") and the
//! start page's notices, the banners above every page (another tab saved this draft; storage
//! full or unavailable), the pages to name, rename and delete a draft, the page that asks what
//! to do with a draft file, the confirmation before it replaces the open draft, the merge page
//! (each difference with both answers, one choice each, nothing changed before "Zusammenführen"),
//! and the page of the answers kept aside.
//!
//! The work behind the buttons (storage, engine) is `drafts.rs`; these components map its
//! outcome to the reducer or, when another draft opens, to [`FormContext::reopen`].

use crate::drafts;
use crate::format::{answer_lines, json_answer_text, question_dom_id, record_lines};
use crate::i18n::{self, texts};
use crate::inputs::{RadioGroup, TextInput};
use crate::layout::ErrorSummary;
use crate::state::{Action, Conflict, FormContext, FormState, MergeSource, Notice, Route, SaveStatus, Task};
use crate::storage::{DraftEntry, StorageError};
use bogen_engine::{AnswerValue, KeptAsideReason, Lang, Newer, Questionnaire, Side};
use std::rc::Rc;
use yew::prelude::*;

/// Local date and time of a stored time, for reading; "unbekannt" when it is not a time.
fn local(iso: &str, lang: Lang) -> String {
    known_local(iso, lang).unwrap_or_else(|| texts(lang).time_unknown.to_owned())
}

/// Local date and time of a stored time, `None` when it is not one (a hand-edited file).
fn known_local(iso: &str, lang: Lang) -> Option<String> {
    crate::format::is_rfc3339(iso).then(|| crate::dom::local_date_time(iso, lang))
}

/// "gespeichert am …", or that the time is unknown.
fn saved_on(iso: &str, lang: Lang) -> String {
    i18n::saved_on(lang, known_local(iso, lang).as_deref())
}

/// GOV.UK's warning text: an icon, a hidden "Warnung", and the text.
pub fn warning_text(lang: Lang, text: String) -> Html {
    html! {
        <div class="warning-text">
            <span class="warning-text__icon" aria-hidden="true">{"!"}</span>
            <strong class="warning-text__text">
                <span class="visually-hidden">{ texts(lang).warning_word }{" "}</span>{ text }
            </strong>
        </div>
    }
}

/// A draft's name, or "Ohne Namen".
fn shown_name(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        texts(lang).draft_unnamed.to_owned()
    } else {
        name.to_owned()
    }
}

/// Dispatches what a step produced, or opens the form again with its notices. A step that
/// could not save the open draft first leaves it open and says so on the start page: the
/// failure alone changed nothing visible when storage had already failed.
fn finish(ctx: &FormContext, outcome: Result<Vec<Notice>, Action>) {
    match outcome {
        Ok(notices) => ctx.reopen.emit(notices),
        Err(action) => {
            let kept_open = matches!(action, Action::Saved(Err(_)) | Action::Conflicted(_));
            ctx.dispatch.dispatch(action);
            if kept_open {
                ctx.dispatch.dispatch(Action::Notify { notice: Notice::StayedOpen, drafts: None });
            }
        }
    }
}

/// The start page's messages, each a region labelled by its first line; the first takes focus
/// after an action that produced it.
pub fn notices_html(ctx: &FormContext, notices: &[Notice], lang: Lang, questionnaire: &Questionnaire) -> Html {
    let t = texts(lang);
    let items = notices.iter().enumerate().map(|(i, notice)| {
        let (text, more) = i18n::notice(lang, notice, &|iso| local(iso, lang));
        let title_id = if i == 0 { "notice-title".to_owned() } else { format!("notice-title-{}", i + 1) };
        let warning = i18n::notice_is_warning(notice);
        let extra = match notice {
            Notice::QuestionnaireChanged { kept_aside, .. } if *kept_aside > 0 => html! {
                <p class="body"><a href={Route::KeptAside.to_hash(questionnaire)}>{ t.kept_aside_link }</a></p>
            },
            Notice::Unreadable { text, .. } => {
                let onclick = {
                    let store = ctx.store.clone();
                    let text = text.clone();
                    Callback::from(move |_: MouseEvent| drafts::download_unreadable(&store, &text))
                };
                html! {
                    <button type="button" class="button button--secondary" {onclick}>{ t.unreadable_download }</button>
                }
            }
            _ => html! {},
        };
        html! {
            <div class={classes!("notification", warning.then_some("notification--warning"))} key={i}
                role="region" aria-labelledby={title_id.clone()}>
                <p class="notification__text" id={title_id} tabindex="-1">{ text }</p>
                { for more.into_iter().map(|line| html! { <p class="body">{ line }</p> }) }
                { extra }
            </div>
        }
    });
    html! { <>{ for items }</> }
}

/// Properties of [`DraftsPart`].
#[derive(Properties, PartialEq, Clone)]
pub struct DraftsPartProps {
    pub lang: Lang,
    pub revision: u64,
    pub drafts: Rc<Vec<DraftEntry>>,
    /// Whether the browser keeps nothing (then the list has only the open draft, and no actions
    /// that would need storage).
    pub unavailable: bool,
    /// The browser refused to promise to keep the drafts.
    pub persist_refused: bool,
}

/// "Ihre Entwürfe": every draft of this questionnaire with its progress and last save, the open
/// one marked; open, rename, copy, delete; a new draft; the open draft as a file.
#[function_component]
pub fn DraftsPart(props: &DraftsPartProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let store = ctx.store.clone();
    let handle = store.draft.borrow().clone();
    let questionnaire = store.questionnaire.clone();
    let open_progress = store.session.try_borrow().ok().map(|s| s.progress());
    let mut rows: Vec<DraftEntry> = props.drafts.iter().cloned().collect();
    if !rows.iter().any(|d| d.id == handle.id) {
        // Not in storage (yet): listed all the same, so the respondent sees what is open.
        rows.push(DraftEntry {
            id: handle.id.clone(),
            name: handle.name.clone(),
            saved_at: String::new(),
            revision: 0,
            questionnaire_version: questionnaire.version.clone(),
            progress: None,
        });
    }
    let body = rows.iter().map(|row| {
        let open = row.id == handle.id;
        let name = shown_name(if open { &handle.name } else { &row.name }, lang);
        let progress = if open {
            open_progress.map(|p| (p.pages_completed, p.pages_needed))
        } else {
            row.progress.map(|p| (p.completed, p.needed))
        };
        let progress = match progress {
            Some((done, total)) => i18n::draft_progress(lang, done, total),
            None => t.progress_unknown.to_owned(),
        };
        let saved = if row.saved_at.is_empty() { t.draft_not_saved.to_owned() } else { local(&row.saved_at, lang) };
        let other_version = (!row.questionnaire_version.is_empty()
            && row.questionnaire_version != questionnaire.version)
            .then(|| i18n::draft_saved_with(lang, &row.questionnaire_version));
        let suffix = i18n::draft_action_suffix(lang, &name);
        let action = |label: &'static str, onclick: Callback<MouseEvent>| {
            html! {
                <li>
                    <button type="button" class="link-button" {onclick}>
                        { label }<span class="visually-hidden">{ suffix.clone() }</span>
                    </button>
                </li>
            }
        };
        let switch = {
            let ctx = ctx.clone();
            let (id, name) = (row.id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| finish(&ctx, drafts::switch_to(&ctx.store, &id, &name)))
        };
        let rename = {
            let dispatch = ctx.dispatch.clone();
            let (id, name) = (row.id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::OpenTask(Task::Rename { id: id.clone(), name: name.clone() }))
            })
        };
        let duplicate = {
            let ctx = ctx.clone();
            let (id, name) = (row.id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                let copy = i18n::draft_copy_name(lang, &name);
                ctx.dispatch.dispatch(drafts::duplicate(&ctx.store, lang, &id, &copy))
            })
        };
        let delete = {
            let dispatch = ctx.dispatch.clone();
            let (id, name) = (row.id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::OpenTask(Task::Delete { id: id.clone(), name: name.clone() }))
            })
        };
        let stored = !row.saved_at.is_empty() && !props.unavailable;
        html! {
            <tr class={classes!("table__row", open.then_some("table__row--open"))} key={row.id.clone()}>
                <th scope="row" class="table__cell table__header--row">
                    { name.clone() }
                    if open { {" "}<strong class="tag tag--blue">{ t.draft_open_tag }</strong> }
                </th>
                // data-label: the column's name where narrow screens stack the cells (main.css).
                <td class="table__cell" data-label={t.col_progress}>{ progress }</td>
                <td class="table__cell" data-label={t.col_saved}>
                    { saved }
                    if let Some(version) = other_version { <span class="table__note">{ version }</span> }
                </td>
                <td class="table__cell table__cell--actions">
                    if stored {
                        <ul class="action-list">
                            if !open { { action(t.action_open, switch) } }
                            { action(t.action_rename, rename) }
                            { action(t.action_duplicate, duplicate) }
                            { action(t.action_delete, delete) }
                        </ul>
                    }
                </td>
            </tr>
        }
    });
    let new_draft = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::OpenTask(Task::NewDraft)))
    };
    let download = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| drafts::download_current(&store))
    };
    html! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 class="heading-m" id="drafts-title">{ t.drafts_heading }</h2>
            <p class="body">{ if props.unavailable { t.drafts_intro_unavailable } else { t.drafts_intro } }</p>
            <table class="table">
                <caption class="visually-hidden">{ t.drafts_caption }</caption>
                <thead>
                    <tr class="table__row">
                        <th scope="col" class="table__header">{ t.col_name }</th>
                        <th scope="col" class="table__header">{ t.col_progress }</th>
                        <th scope="col" class="table__header">{ t.col_saved }</th>
                        <th scope="col" class="table__header"><span class="visually-hidden">{ t.col_actions }</span></th>
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
            <div class="button-group">
                if !props.unavailable {
                    <button type="button" class="button button--secondary" onclick={new_draft}>{ t.new_draft_button }</button>
                }
                <button type="button" class="button button--secondary" onclick={download}>{ t.draft_download }</button>
            </div>
            if props.persist_refused && !props.unavailable {
                <p class="hint inset">{ t.persist_refused }</p>
            }
        </section>
    }
}

/// Properties of [`Banners`].
#[derive(Properties, PartialEq, Clone)]
pub struct BannersProps {
    pub lang: Lang,
    pub conflict: Option<Conflict>,
    pub save_status: SaveStatus,
    pub flash: Option<Notice>,
}

/// Above every page: what just happened (a flash), that another tab saved or deleted this
/// draft (the form is read-only), and that storage is full or keeps nothing; each with what to
/// do, the draft file at once.
#[function_component]
pub fn Banners(props: &BannersProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let download = {
        let store = ctx.store.clone();
        Callback::from(move |_: MouseEvent| drafts::download_current(&store))
    };
    let download_button = html! {
        <button type="button" class="button button--secondary" onclick={download}>{ t.draft_download }</button>
    };
    let flash = props.flash.as_ref().map(|notice| {
        let (text, more) = i18n::notice(lang, notice, &|iso| local(iso, lang));
        let warning = i18n::notice_is_warning(notice);
        let kept_aside = matches!(notice, Notice::LoadedNewer { kept_aside: 1.. });
        html! {
            <div class={classes!("notification", warning.then_some("notification--warning"))} role="status">
                <p class="notification__text" id="flash-title" tabindex="-1">{ text }</p>
                { for more.into_iter().map(|line| html! { <p class="body">{ line }</p> }) }
                if kept_aside {
                    <p class="body"><a href={Route::KeptAside.to_hash(&ctx.store.questionnaire)}>{ t.kept_aside_link }</a></p>
                }
            </div>
        }
    });
    let conflict = props.conflict.map(|conflict| {
        let (title, text) = match conflict {
            Conflict::Newer { diverged: false } => (t.conflict_title, t.conflict_text),
            Conflict::Newer { diverged: true } => (t.conflict_title, t.conflict_diverged_text),
            Conflict::Deleted => (t.deleted_title, t.deleted_text),
        };
        let action = match conflict {
            Conflict::Newer { .. } => {
                let store = ctx.store.clone();
                let dispatch = ctx.dispatch.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    for action in drafts::load_stored(&store, conflict) {
                        dispatch.dispatch(action);
                    }
                });
                html! { <button type="button" class="button" {onclick}>{ t.conflict_load }</button> }
            }
            Conflict::Deleted => {
                let store = ctx.store.clone();
                let dispatch = ctx.dispatch.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(drafts::recreate(&store)));
                html! { <button type="button" class="button" {onclick}>{ t.recreate }</button> }
            }
        };
        html! {
            <div class="notification notification--warning" role="alert" aria-labelledby="conflict-title">
                <p class="notification__text" id="conflict-title">{ title }</p>
                <p class="body">{ text }</p>
                <div class="button-group">
                    { action }
                    if conflict != (Conflict::Newer { diverged: false }) { { download_button.clone() } }
                </div>
            </div>
        }
    });
    let storage = match &props.save_status {
        SaveStatus::Failed(error) => {
            let (title, text) = match error {
                StorageError::QuotaExceeded => (t.storage_full_title, t.storage_full_text),
                StorageError::Unavailable => (t.storage_unavailable_title, t.storage_unavailable_text),
                _ => (t.storage_failed_title, t.storage_failed_text),
            };
            Some(html! {
                <div class="notification notification--warning" role="alert" aria-labelledby="storage-title">
                    <p class="notification__text" id="storage-title">{ title }</p>
                    <p class="body">{ text }</p>
                    { download_button.clone() }
                </div>
            })
        }
        _ => None,
    };
    html! {
        <>
            { flash.unwrap_or_default() }
            { conflict.unwrap_or_default() }
            { storage.unwrap_or_default() }
        </>
    }
}

/// Properties of the drafts pages.
#[derive(Properties, PartialEq, Clone)]
pub struct DraftPageProps {
    pub lang: Lang,
    pub revision: u64,
    pub task: Option<Task>,
    /// The questionnaire's drafts.
    pub drafts: Rc<Vec<DraftEntry>>,
}

/// Properties of [`NameForm`].
#[derive(Properties, PartialEq, Clone)]
struct NameFormProps {
    lang: Lang,
    title: AttrValue,
    #[prop_or_default]
    intro: Option<AttrValue>,
    initial: AttrValue,
    button: AttrValue,
    on_name: Callback<String>,
    /// The questionnaire's drafts, whose names a new name must not take.
    drafts: Rc<Vec<DraftEntry>>,
    /// The draft being renamed (its own name is not taken by it).
    #[prop_or_default]
    except: Option<String>,
}

/// The longest name a draft may have.
const MAX_NAME: usize = 100;

/// A page with one field, the draft's name, checked before it is used.
#[function_component]
fn NameForm(props: &NameFormProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let name = use_state(|| props.initial.to_string());
    let error = use_state(|| None::<&'static str>);
    let on_input = {
        let name = name.clone();
        Callback::from(move |value: String| name.set(value))
    };
    let onsubmit = {
        let name = name.clone();
        let error = error.clone();
        let on_name = props.on_name.clone();
        let (drafts, except) = (props.drafts.clone(), props.except.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let trimmed = name.trim().to_owned();
            let problem = if trimmed.is_empty() {
                Some(t.name_missing)
            } else if trimmed.chars().count() > MAX_NAME {
                Some(t.name_too_long)
            } else if drafts::name_taken(&trimmed, &drafts, except.as_deref()) {
                // Two drafts of one name cannot be told apart in the list, nor their actions.
                Some(t.name_taken)
            } else {
                None
            };
            error.set(problem);
            match problem {
                Some(_) => crate::dom::focus_after_render("error-summary".to_owned()),
                None => on_name.emit(trimmed),
            }
        })
    };
    let cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseTask))
    };
    let problem = *error;
    let described = match problem {
        Some(_) => AttrValue::from("draft-name-hint draft-name-error"),
        None => AttrValue::from("draft-name-hint"),
    };
    html! {
        <>
            if let Some(message) = problem {
                <ErrorSummary {lang} entries={vec![("draft-name".to_owned(), message.to_owned())]} />
            }
            <h1 class="heading-l" tabindex="-1">{ props.title.clone() }</h1>
            if let Some(intro) = &props.intro {
                <p class="body">{ intro.clone() }</p>
            }
            <form class="form" novalidate=true {onsubmit}>
                <div class={classes!("form-group", problem.is_some().then_some("form-group--error"))}>
                    <label class="label" for="draft-name">{ t.draft_name_label }</label>
                    <div class="hint" id="draft-name-hint">{ t.draft_name_hint }</div>
                    if let Some(message) = problem {
                        <p class="error-message" id="draft-name-error">
                            <span class="visually-hidden">{ t.error_prefix }{" "}</span>{ message }
                        </p>
                    }
                    <TextInput id="draft-name" value={AttrValue::from((*name).clone())} describedby={described}
                        invalid={problem.is_some()} width={AttrValue::from("input--w20")} autocomplete={AttrValue::from("off")}
                        {on_input} on_leave={Callback::noop()} />
                </div>
                <div class="button-group">
                    <button type="submit" class="button">{ props.button.clone() }</button>
                    <button type="button" class="button button--secondary" onclick={cancel}>{ t.cancel }</button>
                </div>
            </form>
        </>
    }
}

/// "Neuen Entwurf anlegen": its name (a free default offered), then it opens.
#[function_component]
pub fn NewDraftPage(props: &DraftPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let initial = drafts::default_name(lang, &props.drafts);
    let on_name = {
        let ctx = ctx.clone();
        Callback::from(move |name: String| finish(&ctx, drafts::create(&ctx.store, &name)))
    };
    html! {
        <NameForm {lang} title={t.new_draft_title} intro={Some(AttrValue::from(t.new_draft_text))}
            initial={AttrValue::from(initial)} button={t.create_button} {on_name} drafts={props.drafts.clone()} />
    }
}

/// Renaming a draft.
#[function_component]
pub fn RenamePage(props: &DraftPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let Some(Task::Rename { id, name }) = props.task.clone() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let on_name = {
        let ctx = ctx.clone();
        let id = id.clone();
        Callback::from(move |name: String| ctx.dispatch.dispatch(drafts::rename(&ctx.store, &id, &name)))
    };
    html! {
        <NameForm key={name.clone()} {lang} title={t.rename_title} initial={AttrValue::from(name.clone())}
            button={t.rename_button} {on_name} drafts={props.drafts.clone()} except={Some(id)} />
    }
}

/// Deleting a draft: first the draft as a file, then "Endgültig löschen".
#[function_component]
pub fn DeletePage(props: &DraftPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let Some(Task::Delete { id, name }) = props.task.clone() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let open = ctx.store.draft.borrow().id == id;
    let only = props.drafts.iter().all(|entry| entry.id == id);
    let download = {
        let ctx = ctx.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(error) = drafts::download(&ctx.store, &id) {
                ctx.dispatch.dispatch(Action::StorageFailed(error));
            }
        })
    };
    let delete = {
        let ctx = ctx.clone();
        let (id, name) = (id.clone(), name.clone());
        Callback::from(move |_: MouseEvent| match drafts::delete(&ctx.store, &id, &name) {
            Ok(drafts::Deleted::Other(action)) | Err(action) => ctx.dispatch.dispatch(action),
            Ok(drafts::Deleted::Open(notices)) => ctx.reopen.emit(notices),
        })
    };
    let cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseTask))
    };
    html! {
        <>
            <h1 class="heading-l" tabindex="-1">{ i18n::delete_title(lang, &name) }</h1>
            if open {
                <p class="body">{ if only { t.delete_only_note } else { t.delete_open_note } }</p>
            }
            { warning_text(lang, t.delete_text.to_owned()) }
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={download}>{ t.draft_download }</button>
            </div>
            <div class="button-group">
                <button type="button" class="button button--warning" onclick={delete}>{ t.delete_confirm }</button>
                <button type="button" class="button button--secondary" onclick={cancel}>{ t.cancel }</button>
            </div>
        </>
    }
}

/// A draft file was opened: as a new draft, replacing the open draft, or merged into it.
#[function_component]
pub fn OpenFilePage(props: &DraftPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let choice = use_state(|| None::<String>);
    let error = use_state(|| false);
    let Some(Task::OpenFile { file_name, draft }) = props.task.clone() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let questionnaire = ctx.store.questionnaire.clone();
    let open_name = shown_name(&ctx.store.draft.borrow().name, lang);
    let options = vec![
        ("new".to_owned(), t.option_new.to_owned()),
        ("replace".to_owned(), t.option_replace.to_owned()),
        ("merge".to_owned(), t.option_merge.to_owned()),
    ];
    let hints = vec![
        html! { { i18n::open_file_option_hint(lang, false, &open_name) } },
        html! { { i18n::open_file_option_hint(lang, true, &open_name) } },
        html! { { t.option_merge_hint } },
    ];
    let on_change = {
        let choice = choice.clone();
        let error = error.clone();
        Callback::from(move |value: String| {
            choice.set(Some(value));
            error.set(false);
        })
    };
    let onsubmit = {
        let ctx = ctx.clone();
        let choice = choice.clone();
        let error = error.clone();
        let (file_name, draft) = (file_name.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match choice.as_deref() {
                Some("new") => finish(&ctx, drafts::open_file_as_new(&ctx.store, lang, &file_name, &draft)),
                Some("replace") => ctx
                    .dispatch
                    .dispatch(Action::OpenTask(Task::Replace { file_name: file_name.clone(), draft: draft.clone() })),
                Some(_) => ctx.dispatch.dispatch(drafts::plan_merge(&ctx.store, &file_name, &draft)),
                None => {
                    error.set(true);
                    crate::dom::focus_after_render("error-summary".to_owned());
                }
            }
        })
    };
    let cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseTask))
    };
    let changed = draft.questionnaire_changed(&questionnaire);
    html! {
        <>
            if *error {
                <ErrorSummary {lang} entries={vec![("open-file-choice".to_owned(), t.choose_missing.to_owned())]} />
            }
            <h1 class="heading-l" tabindex="-1">{ t.open_file_title }</h1>
            <p class="body">{ i18n::draft_file_about(lang, &file_name, &draft.name, &saved_on(&draft.saved_at, lang)) }</p>
            if changed {
                <p class="body">{ i18n::draft_file_version(lang, &draft.questionnaire_version, &questionnaire.version) }</p>
            }
            <form class="form" novalidate=true {onsubmit}>
                <div class={classes!("form-group", error.then_some("form-group--error"))}>
                    <fieldset class="fieldset" aria-describedby={error.then_some("open-file-choice-error")}>
                        <legend class="fieldset__legend fieldset__legend--m">{ t.open_file_legend }</legend>
                        if *error {
                            <p class="error-message" id="open-file-choice-error">
                                <span class="visually-hidden">{ t.error_prefix }{" "}</span>{ t.choose_missing }
                            </p>
                        }
                        <RadioGroup id="open-file-choice" {options} selected={(*choice).clone()} {hints} {on_change} />
                    </fieldset>
                </div>
                <div class="button-group">
                    <button type="submit" class="button">{ t.continue_ }</button>
                    <button type="button" class="button button--secondary" onclick={cancel}>{ t.cancel }</button>
                </div>
            </form>
        </>
    }
}

/// Before a draft file replaces the open draft: the open draft as a file, then confirm.
#[function_component]
pub fn ReplacePage(props: &DraftPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let Some(Task::Replace { file_name, draft }) = props.task.clone() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let open_name = shown_name(&ctx.store.draft.borrow().name, lang);
    let download = {
        let store = ctx.store.clone();
        Callback::from(move |_: MouseEvent| drafts::download_current(&store))
    };
    let replace = {
        let ctx = ctx.clone();
        let file_name = file_name.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch.dispatch(drafts::replace_with_file(&ctx.store, &file_name, &draft))
        })
    };
    let cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseTask))
    };
    html! {
        <>
            <h1 class="heading-l" tabindex="-1">{ i18n::replace_title(lang, &open_name) }</h1>
            { warning_text(lang, i18n::replace_text(lang, &file_name)) }
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={download}>{ t.replace_save_current }</button>
            </div>
            <div class="button-group">
                <button type="button" class="button button--warning" onclick={replace}>{ t.replace_confirm }</button>
                <button type="button" class="button button--secondary" onclick={cancel}>{ t.cancel }</button>
            </div>
        </>
    }
}

/// An answer of a merge for reading: lines of text (a record field by field).
fn merge_value(
    questionnaire: &Questionnaire,
    q: bogen_engine::QuestionIdx,
    value: &AnswerValue,
    lang: Lang,
) -> Vec<String> {
    let question = questionnaire.question(q);
    match value {
        AnswerValue::Records(records) => records.iter().flat_map(|r| record_lines(question, r, lang)).collect(),
        value if value.is_empty() => vec![texts(lang).not_answered.to_owned()],
        value => answer_lines(question, value, lang),
    }
}

fn value_html(lines: Vec<String>) -> Html {
    if lines.len() == 1 {
        html! { <span class="merge__value">{ lines[0].clone() }</span> }
    } else {
        html! { <ul class="merge__lines">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
    }
}

/// The merge page: every difference with both answers and which is newer, one choice each (or
/// all of one side), what is added; nothing changes before "Zusammenführen".
#[function_component]
pub fn MergePage(props: &DraftPageProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let Some(Task::Merge { task, choices }) = props.task.clone() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let questionnaire = ctx.store.questionnaire.clone();
    let plan = &task.plan;
    let (theirs_label, all_theirs) = match task.source {
        MergeSource::File(_) => (t.merge_theirs_file, t.merge_all_theirs_file),
        MergeSource::OtherTab => (t.merge_theirs_tab, t.merge_all_theirs_tab),
    };
    let intro = match &task.source {
        MergeSource::File(file_name) => i18n::merge_file_intro(
            lang,
            file_name,
            &shown_name(&task.their_name, lang),
            &saved_on(&task.their_saved_at, lang),
            &shown_name(&ctx.store.draft.borrow().name, lang),
        ),
        MergeSource::OtherTab => t.merge_other_tab_intro.to_owned(),
    };
    let differences = plan.differences.iter().enumerate().map(|(i, d)| {
        let question = questionnaire.question(d.question);
        let label = question.label.get(lang).to_owned();
        let legend = match (d.record, &question.kind) {
            (Some(pair), bogen_engine::QuestionKind::Repeat { record_label, .. }) => {
                let record = crate::format::record_name(record_label.as_ref(), lang);
                i18n::merge_record_legend(lang, &label, &record, pair.ours, pair.theirs)
            }
            _ => label,
        };
        let side_hint = |value: &AnswerValue, at: &Option<String>, newer: bool| {
            let lines = merge_value(&questionnaire, d.question, value, lang);
            let when = at.as_ref().map(|at| i18n::changed_at(lang, &local(at, lang)));
            html! {
                <>
                    { value_html(lines) }
                    if when.is_some() || newer {
                        <span class="merge__when">
                            { when.unwrap_or_default() }
                            if newer { {" – "}<strong class="tag tag--green">{ t.merge_newer }</strong> }
                        </span>
                    }
                </>
            }
        };
        let hints = vec![
            side_hint(&d.ours, &d.ours_answered_at, d.newer == Newer::Ours),
            side_hint(&d.theirs, &d.theirs_answered_at, d.newer == Newer::Theirs),
        ];
        let options =
            vec![("ours".to_owned(), t.merge_mine.to_owned()), ("theirs".to_owned(), theirs_label.to_owned())];
        let selected = Some(if choices.get(i) == Some(&Side::Theirs) { "theirs" } else { "ours" }.to_owned());
        let on_change = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |value: String| {
                let side = if value == "theirs" { Side::Theirs } else { Side::Ours };
                dispatch.dispatch(Action::MergeChoose(i, side))
            })
        };
        html! {
            <div class="form-group merge__difference" key={i}>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend fieldset__legend--s">{ legend }</legend>
                    <RadioGroup id={format!("merge-{i}")} {options} {selected} {hints} {on_change} />
                </fieldset>
            </div>
        }
    });
    let additions = plan.additions.iter().enumerate().map(|(i, a)| {
        let question = questionnaire.question(a.question);
        let label = question.label.get(lang).to_owned();
        let key = match (a.record, &question.kind) {
            (Some(j), bogen_engine::QuestionKind::Repeat { record_label, .. }) => {
                let record = crate::format::record_name(record_label.as_ref(), lang);
                i18n::merge_record_addition(lang, &label, &record, j)
            }
            _ => label,
        };
        html! {
            <div class="summary-list__row" key={i}>
                <dt class="summary-list__key">{ key }</dt>
                <dd class="summary-list__value">{ value_html(merge_value(&questionnaire, a.question, &a.value, lang)) }</dd>
            </div>
        }
    });
    let all = |side: Side| {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::MergeChooseAll(side)))
    };
    let confirm = {
        let ctx = ctx.clone();
        let task = task.clone();
        let choices = choices.clone();
        Callback::from(move |_: MouseEvent| {
            for action in drafts::apply_merge(&ctx.store, &task, &choices) {
                ctx.dispatch.dispatch(action);
            }
        })
    };
    let cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseTask))
    };
    let report = &plan.theirs_report;
    html! {
        <>
            <h1 class="heading-l" tabindex="-1">{ t.merge_title }</h1>
            if task.again {
                <div class="notification notification--warning" role="alert" aria-labelledby="merge-again-title">
                    <p class="notification__text" id="merge-again-title">{ t.merge_again_title }</p>
                    <p class="body">{ t.merge_again_text }</p>
                </div>
            }
            <p class="body">{ intro }</p>
            if report.questionnaire_changed {
                <p class="body">{ i18n::draft_file_version(lang, &report.draft_questionnaire_version, &questionnaire.version) }</p>
            }
            <p class="body">{ t.merge_never_deletes }</p>
            <h2 class="heading-m">{ i18n::merge_differences_heading(lang, plan.differences.len()) }</h2>
            if plan.differences.is_empty() {
                <p class="body">{ t.merge_no_differences }</p>
            } else {
                <p class="body">{ t.merge_choose_text }</p>
                <div class="button-group">
                    <button type="button" class="button button--secondary" onclick={all(Side::Ours)}>{ t.merge_all_mine }</button>
                    <button type="button" class="button button--secondary" onclick={all(Side::Theirs)}>{ all_theirs }</button>
                </div>
                { for differences }
            }
            if !plan.additions.is_empty() {
                <h2 class="heading-m">{ i18n::merge_additions_heading(lang, &task.source, plan.additions.len()) }</h2>
                <p class="body">{ t.merge_additions_text }</p>
                <dl class="summary-list">{ for additions }</dl>
            }
            if !plan.kept_aside.is_empty() {
                <p class="body">{ i18n::merge_kept_aside(lang, plan.kept_aside.len()) }</p>
            }
            <div class="button-group">
                <button type="button" class="button" onclick={confirm}>{ t.merge_confirm }</button>
                <button type="button" class="button button--secondary" onclick={cancel}>{ t.cancel }</button>
            </div>
        </>
    }
}

/// Properties of [`KeptAsidePage`].
#[derive(Properties, PartialEq, Clone)]
pub struct KeptAsideProps {
    pub lang: Lang,
    pub revision: u64,
}

/// The answers kept aside: each with its old question id, the version it came from, why, the
/// question it may belong to now, and its value as text to copy.
#[function_component]
pub fn KeptAsidePage(props: &KeptAsideProps) -> Html {
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let questionnaire = ctx.store.questionnaire.clone();
    let Ok(session) = ctx.store.session.try_borrow() else {
        return html! {};
    };
    let items = session.kept_aside().iter().enumerate().map(|(i, kept)| {
        let now = questionnaire.question_idx(&kept.question_id);
        let title = match now {
            Some(q) => questionnaire.question(q).label.get(lang).to_owned(),
            None => kept.question_id.clone(),
        };
        let options = now.map(|q| questionnaire.question(q).kind.options()).unwrap_or_default();
        let text = json_answer_text(&kept.value, options, lang);
        let rows = text.lines().count().clamp(1, 12).to_string();
        let link = now.map(|q| {
            let question = questionnaire.question(q);
            let route = Route::Section(question.section);
            let target = question_dom_id(question);
            let onclick = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    dispatch.dispatch(Action::NavigateToField(route, target.clone()))
                })
            };
            html! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{ t.kept_now }</dt>
                    <dd class="summary-list__value">
                        <a href={route.to_hash(&questionnaire)} {onclick}>{ question.label.get(lang) }</a>
                    </dd>
                </div>
            }
        });
        // Fits again (a draft opened with an older version, then with this one): one click puts
        // it back; never by itself (docs/DRAFT.md).
        let title_id = format!("kept-{i}-title");
        let take_back = session.kept_aside_fits(i).map(|_| {
            let dispatch = ctx.dispatch.clone();
            let question_id = kept.question_id.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::TakeBackKeptAside { index: i, question_id: question_id.clone() })
            });
            html! {
                <>
                    <p class="body">{ t.kept_fits }</p>
                    <div class="button-group">
                        <button type="button" class="button button--secondary" aria-describedby={title_id.clone()} {onclick}>
                            { t.kept_take_back }
                        </button>
                    </div>
                </>
            }
        });
        let value_id = format!("kept-{i}-value");
        html! {
            <section class="kept-aside" key={i} aria-labelledby={title_id.clone()}>
                <h2 class="heading-m" id={title_id}>{ title }</h2>
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{ t.kept_question_id }</dt>
                        <dd class="summary-list__value"><code class="code">{ kept.question_id.clone() }</code></dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{ t.kept_version }</dt>
                        <dd class="summary-list__value">{ kept.questionnaire_version.clone() }</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{ t.kept_reason }</dt>
                        <dd class="summary-list__value">
                            if now.is_some() && kept.reason == KeptAsideReason::UnknownQuestion {
                                { i18n::kept_aside_question_back(lang) }
                            } else {
                                { i18n::kept_aside_reason(lang, &kept.reason) }
                            }
                        </dd>
                    </div>
                    { link.unwrap_or_default() }
                </dl>
                <div class="form-group">
                    <label class="label" for={value_id.clone()}>{ t.kept_value }</label>
                    <textarea class="textarea kept-aside__value" id={value_id} readonly=true {rows} value={text} />
                </div>
                { take_back.unwrap_or_default() }
            </section>
        }
    });
    let none = session.kept_aside().is_empty();
    html! {
        <>
            <a class="back-link" href={Route::Start.to_hash(&questionnaire)}>{ t.back_to_overview }</a>
            <h1 class="heading-l" tabindex="-1">{ t.kept_title }</h1>
            if none {
                <p class="body">{ t.kept_none }</p>
            } else {
                <p class="body">{ i18n::kept_intro(lang, &questionnaire.version) }</p>
                { for items }
            }
        </>
    }
}

/// The drafts page of the route, or nothing when its task is gone.
pub fn draft_page(page: crate::state::DraftPage, lang: Lang, state: &FormState) -> Html {
    use crate::state::DraftPage;
    let revision = state.revision;
    let task = state.task.clone();
    let drafts = state.drafts.clone();
    match page {
        DraftPage::New => html! { <NewDraftPage {lang} {revision} {task} {drafts} /> },
        DraftPage::Rename => html! { <RenamePage {lang} {revision} {task} {drafts} /> },
        DraftPage::Delete => html! { <DeletePage {lang} {revision} {task} {drafts} /> },
        DraftPage::OpenFile => html! { <OpenFilePage {lang} {revision} {task} {drafts} /> },
        DraftPage::Replace => html! { <ReplacePage {lang} {revision} {task} {drafts} /> },
        DraftPage::Merge => html! { <MergePage {lang} {revision} {task} {drafts} /> },
    }
}

/// The line on the start page that the open draft keeps answers aside, with the link to them.
pub fn kept_aside_note(lang: Lang, n: usize, questionnaire: &Questionnaire) -> Html {
    if n == 0 {
        return html! {};
    }
    html! {
        <p class="body inset">
            { i18n::kept_aside_line(lang, n) }{" "}
            <a href={Route::KeptAside.to_hash(questionnaire)}>{ texts(lang).kept_aside_link }</a>
        </p>
    }
}
