//! One question on a page: its label or legend, hint, error message and control, for every
//! question type, plus repeat groups with their records.
//!
//! [`QuestionView`] gets only (index, language) as props and watches its question in the
//! store: it redraws itself when the reducer bumped its question's version, so typing in one
//! field redraws that field (and what the engine says it affects), never the page around it.
//! It reads the session from context while rendering.

use crate::format::{add_button_dom_id, calculated_text, question_dom_id, record_field_dom_id};
use crate::i18n::{self, texts};
use crate::inputs::{
    number_answer, CheckboxGroup, DateInput, MatrixInput, NumberInput, OtherChoice, RadioGroup, Select, TextArea,
    TextInput,
};
use crate::state::{violation_text, Action, FormContext, Topic};
use bogen_engine::{
    AnswerValue, Lang, Question, QuestionIdx, QuestionKind, Record, RecordId, TextFormat, ViolationLocation,
};
use std::collections::BTreeMap;
use yew::prelude::*;

/// What the respondent did to a field, in the terms of the engine.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Typing: the answer changes, errors wait.
    Input(Option<AnswerValue>),
    /// A choice was made (radio, checkbox, dropdown): the answer changes and errors show.
    Change(Option<AnswerValue>),
    /// The field was left after a change: its errors show.
    Leave,
}

/// Everything needed to draw one field (a question or a field of a record).
pub struct Field<'a> {
    pub question: &'a Question,
    pub dom_id: String,
    pub answer: Option<&'a AnswerValue>,
    pub required: bool,
    /// The error messages on display, but for "other" left empty.
    pub errors: Vec<String>,
    /// The messages of "other" ticked and left empty: they stand with its text field.
    pub other_errors: Vec<String>,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

fn options(question: &Question, lang: Lang) -> Vec<(String, String)> {
    question.kind.options().iter().map(|o| (o.value.clone(), o.label.get(lang).to_owned())).collect()
}

fn text_value(answer: Option<&AnswerValue>) -> String {
    match answer {
        Some(AnswerValue::Text(t)) | Some(AnswerValue::NotANumber(t)) => t.clone(),
        _ => String::new(),
    }
}

fn text_answer(text: String) -> Option<AnswerValue> {
    (!text.is_empty()).then_some(AnswerValue::Text(text))
}

/// Draws a field: GOV.UK form group with label (or fieldset and legend for groups of
/// controls), hint, error message and control. Calculated and repeat questions are drawn by
/// [`QuestionView`].
pub fn render_field(field: Field<'_>) -> Html {
    let Field { question, dom_id, answer, required, errors, other_errors, lang, on_edit } = field;
    let t = texts(lang);
    let label = question.label.get(lang).to_owned();
    let hint_id = format!("{dom_id}-hint");
    let error_id = format!("{dom_id}-error");
    let help = question.help.as_ref().map(|h| h.get(lang).to_owned());
    // The questionnaire's example ("z. B. 163000") is shown as part of the hint, not as the
    // field's placeholder: a placeholder vanishes once typing starts, is cut off in a narrow
    // field and is faint (GOV.UK: no placeholders for examples).
    let example = question.placeholder.as_ref().map(|p| p.get(lang).to_owned());
    let has_hint = help.is_some() || example.is_some() || !required;
    let invalid = !errors.is_empty();
    let describedby: Option<AttrValue> = {
        let ids: Vec<&str> = [has_hint.then_some(hint_id.as_str()), invalid.then_some(error_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
        (!ids.is_empty()).then(|| ids.join(" ").into())
    };
    let hint = has_hint.then(|| {
        html! {
            <div class="hint" id={hint_id.clone()}>
                if !required { <span class="hint__optional">{ t.optional }</span>{" "} }
                { help.clone().unwrap_or_default() }
                if let Some(example) = &example {
                    <span class="hint__example">{ example.clone() }</span>
                }
            </div>
        }
    });
    let error = invalid.then(|| {
        html! {
            <p class="error-message" id={error_id.clone()}>
                { for errors.iter().map(|m| html! {
                    <span class="error-message__line">
                        <span class="visually-hidden">{ t.error_prefix }{" "}</span>{ m.clone() }
                    </span>
                }) }
            </p>
        }
    });
    let emit_input = {
        let on_edit = on_edit.clone();
        move |value: Option<AnswerValue>| on_edit.emit(Edit::Input(value))
    };
    let on_leave = {
        let on_edit = on_edit.clone();
        Callback::from(move |()| {
            let on_edit = on_edit.clone();
            crate::dom::after_press(move || on_edit.emit(Edit::Leave))
        })
    };
    let id: AttrValue = dom_id.clone().into();

    // Single controls get a <label>; groups of controls a fieldset with a legend.
    let (control, grouped): (Html, bool) = match &question.kind {
        QuestionKind::Text { multiline: false, format, .. } => {
            let (input_type, inputmode, autocomplete) = match format {
                TextFormat::Plain => ("text", None, None),
                TextFormat::Email => ("email", Some("email"), Some("email")),
                TextFormat::Url => ("url", Some("url"), Some("url")),
                TextFormat::Phone => ("tel", Some("tel"), Some("tel")),
            };
            let width = match format {
                TextFormat::Phone => Some(AttrValue::from("input--w20")),
                _ => None,
            };
            let on_input = Callback::from(move |s: String| emit_input(text_answer(s)));
            (
                html! {
                    <TextInput id={id.clone()} value={AttrValue::from(text_value(answer))}
                        input_type={input_type} inputmode={inputmode.map(AttrValue::from)}
                        autocomplete={autocomplete.map(AttrValue::from)}
                        spellcheck={(*format != TextFormat::Plain).then_some(AttrValue::from("false"))}
                        describedby={describedby.clone()} {invalid}
                        {width} {on_input} on_leave={on_leave.clone()} />
                },
                false,
            )
        }
        QuestionKind::Text { multiline: true, max_length, .. } => {
            let on_input = Callback::from(move |s: String| emit_input(text_answer(s)));
            (
                html! {
                    <TextArea id={id.clone()} value={AttrValue::from(text_value(answer))}
                        describedby={describedby.clone()} {invalid} max_length={*max_length}
                        {lang} {on_input} on_leave={on_leave.clone()} />
                },
                false,
            )
        }
        QuestionKind::Number { integer, unit, .. } => {
            let on_input = Callback::from(move |s: String| emit_input(number_answer(&s, lang)));
            (
                html! {
                    <NumberInput id={id.clone()} answer={answer.cloned()} integer={*integer}
                        unit={unit.as_ref().map(|u| AttrValue::from(u.get(lang).to_owned()))}
                        describedby={describedby.clone()} {invalid}
                        {lang} {on_input} on_leave={on_leave.clone()} />
                },
                false,
            )
        }
        QuestionKind::Date { .. } => {
            let on_input = Callback::from(emit_input);
            (
                html! {
                    <DateInput id={id.clone()} answer={answer.cloned()} {invalid} {lang} {on_input}
                        on_leave={on_leave.clone()} />
                },
                true,
            )
        }
        QuestionKind::SingleChoice { dropdown: true, .. } => {
            let selected = match answer {
                Some(AnswerValue::Choice(v)) => Some(v.clone()),
                _ => None,
            };
            let on_edit = on_edit.clone();
            let on_change = Callback::from(move |v: String| {
                on_edit.emit(Edit::Change((!v.is_empty()).then_some(AnswerValue::Choice(v))))
            });
            (
                html! {
                    <Select id={id.clone()} options={options(question, lang)} {selected}
                        placeholder={t.please_choose} describedby={describedby.clone()} {invalid} {on_change} />
                },
                false,
            )
        }
        QuestionKind::SingleChoice { .. } => {
            let selected = match answer {
                Some(AnswerValue::Choice(v)) => Some(v.clone()),
                _ => None,
            };
            let clear = clear_button(!required && selected.is_some(), &dom_id, &on_edit, lang);
            let on_edit = on_edit.clone();
            let on_change = Callback::from(move |v: String| on_edit.emit(Edit::Change(Some(AnswerValue::Choice(v)))));
            (
                html! {
                    <>
                        <RadioGroup id={id.clone()} options={options(question, lang)} {selected} {on_change} />
                        { clear }
                    </>
                },
                true,
            )
        }
        QuestionKind::YesNo => {
            let selected = match answer {
                Some(AnswerValue::Bool(true)) => Some("ja".to_owned()),
                Some(AnswerValue::Bool(false)) => Some("nein".to_owned()),
                _ => None,
            };
            let clear = clear_button(!required && selected.is_some(), &dom_id, &on_edit, lang);
            let on_edit = on_edit.clone();
            let on_change =
                Callback::from(move |v: String| on_edit.emit(Edit::Change(Some(AnswerValue::Bool(v == "ja")))));
            let choices = vec![("ja".to_owned(), t.yes.to_owned()), ("nein".to_owned(), t.no.to_owned())];
            (
                html! {
                    <>
                        <RadioGroup id={id.clone()} options={choices} {selected} inline=true {on_change} />
                        { clear }
                    </>
                },
                true,
            )
        }
        QuestionKind::MultipleChoice { other, .. } => {
            let (selected, other_text) = match answer {
                Some(AnswerValue::Choices { selected, other }) => (selected.clone(), other.clone()),
                _ => (Vec::new(), None),
            };
            let all_options: Vec<String> = question.kind.options().iter().map(|o| o.value.clone()).collect();
            let build = |selected: Vec<String>, other: Option<String>| {
                if selected.is_empty() && other.is_none() {
                    None
                } else {
                    Some(AnswerValue::Choices { selected, other })
                }
            };
            let on_toggle = {
                let on_edit = on_edit.clone();
                let selected = selected.clone();
                let other_text = other_text.clone();
                Callback::from(move |(value, checked): (String, bool)| {
                    // Keep option order, so the stored answer does not depend on click order.
                    let now: Vec<String> = all_options
                        .iter()
                        .filter(|o| if **o == value { checked } else { selected.contains(o) })
                        .cloned()
                        .collect();
                    on_edit.emit(Edit::Change(build(now, other_text.clone())))
                })
            };
            let other_choice = other.then(|| {
                let on_toggle = {
                    let on_edit = on_edit.clone();
                    let selected = selected.clone();
                    let previous = other_text.clone();
                    Callback::from(move |checked: bool| {
                        let other = checked.then(|| previous.clone().unwrap_or_default());
                        // Ticking "other" is not yet an answer to check: wait for the text.
                        let edit = if checked { Edit::Input } else { Edit::Change };
                        on_edit.emit(edit(build(selected.clone(), other)))
                    })
                };
                let on_input = {
                    let on_edit = on_edit.clone();
                    let selected = selected.clone();
                    Callback::from(move |text: String| on_edit.emit(Edit::Input(build(selected.clone(), Some(text)))))
                };
                let other_error_id = format!("{}-error", crate::format::other_text_dom_id(&dom_id));
                let other_invalid = !other_errors.is_empty();
                OtherChoice {
                    label: t.other_option.into(),
                    specify_label: t.other_specify.into(),
                    text: other_text.clone(),
                    describedby: other_invalid.then(|| AttrValue::from(other_error_id.clone())),
                    error: other_invalid.then(|| {
                        html! {
                            <p class="error-message" id={other_error_id.clone()}>
                                { for other_errors.iter().map(|m| html! {
                                    <span class="error-message__line">
                                        <span class="visually-hidden">{ t.error_prefix }{" "}</span>{ m.clone() }
                                    </span>
                                }) }
                            </p>
                        }
                    }),
                    invalid: other_invalid,
                    on_toggle,
                    on_input,
                    on_leave: on_leave.clone(),
                }
            });
            (
                html! {
                    <CheckboxGroup id={id.clone()} options={options(question, lang)} {selected}
                        {on_toggle} other={other_choice} />
                },
                true,
            )
        }
        QuestionKind::Matrix { rows, scale } => {
            let answers = match answer {
                Some(AnswerValue::Matrix(m)) => m.clone(),
                _ => BTreeMap::new(),
            };
            let on_change = {
                let on_edit = on_edit.clone();
                let answers = answers.clone();
                Callback::from(move |(row, value): (String, String)| {
                    let mut now = answers.clone();
                    now.insert(row, value);
                    on_edit.emit(Edit::Change(Some(AnswerValue::Matrix(now))))
                })
            };
            let pairs = |list: &[bogen_engine::ChoiceOption]| -> Vec<(String, String)> {
                list.iter().map(|o| (o.value.clone(), o.label.get(lang).to_owned())).collect()
            };
            (
                html! {
                    <div class="matrix-wrapper">
                        <MatrixInput id={id.clone()}
                            rows={pairs(rows)} scale={pairs(scale)} {answers} {on_change} />
                    </div>
                },
                true,
            )
        }
        // Drawn by QuestionView; a repeat field of such a kind is not drawn.
        QuestionKind::Repeat { .. } | QuestionKind::Calculated { .. } => return html! {},
    };

    let group_class = classes!("form-group", invalid.then_some("form-group--error"));
    if grouped {
        html! {
            <div class={group_class}>
                <fieldset class="fieldset" aria-describedby={describedby}>
                    <legend class="fieldset__legend">{ label }</legend>
                    { hint.unwrap_or_default() }
                    { error.unwrap_or_default() }
                    { control }
                </fieldset>
            </div>
        }
    } else {
        html! {
            <div class={group_class}>
                <label class="label" for={dom_id}>{ label }</label>
                { hint.unwrap_or_default() }
                { error.unwrap_or_default() }
                { control }
            </div>
        }
    }
}

/// "Auswahl zurücknehmen" under an optional group of radios that has an answer: a radio once
/// chosen cannot be unchosen by itself. Focus goes to the first radio, as the button goes.
fn clear_button(shown: bool, first_radio: &str, on_edit: &Callback<Edit>, lang: Lang) -> Html {
    if !shown {
        return html! {};
    }
    let onclick = {
        let on_edit = on_edit.clone();
        let first_radio = first_radio.to_owned();
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::Change(None));
            crate::dom::focus_after_render(first_radio.clone());
        })
    };
    html! {
        <p class="radios__clear">
            <button type="button" class="link-button" {onclick}>{ texts(lang).clear_selection }</button>
        </p>
    }
}

/// Properties of [`QuestionView`]: which question, the language.
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionProps {
    pub idx: QuestionIdx,
    pub lang: Lang,
}

/// A top-level question of a page. It watches its question in the store and redraws itself
/// when the engine's `ChangeSet` (or a change of its errors on display) names it.
#[function_component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    crate::render_count::count("QuestionView");
    let ctx = use_context::<FormContext>();
    let redraw = use_force_update();
    // What the repeat group's live region says: "Netzwerk 2 entfernt" after a removal, while
    // focus moves on to the add button.
    let removed_note = use_state(String::new);
    let on_removed = {
        let note = removed_note.setter();
        use_callback((), move |said: String, _| note.set(said))
    };
    // Registered while rendering, kept in a hook and dropped with the component: no change can
    // fall between this render and the registration.
    let _watch = use_memo(props.idx, |&idx| {
        ctx.as_ref().map(|ctx| ctx.store.watch(Topic::Question(idx), Callback::from(move |()| redraw.force_update())))
    });
    let Some(ctx) = ctx else {
        return html! {};
    };
    let idx = props.idx;
    let lang = props.lang;
    let store = &ctx.store;
    let questionnaire = store.questionnaire.clone();
    let question = questionnaire.question(idx);
    let Ok(session) = store.session.try_borrow() else {
        return html! {};
    };
    if !session.is_visible(idx) {
        return html! {};
    }
    let shown = store.shown_errors(idx);
    let dom_id = question_dom_id(question);
    match &question.kind {
        QuestionKind::Calculated { .. } => {
            let t = texts(lang);
            let hint_id = format!("{dom_id}-hint");
            let text = calculated_text(question, session.calculated(idx), lang);
            let help = question.help.as_ref().map(|h| h.get(lang).to_owned());
            html! {
                <div class="form-group">
                    <label class="label" for={dom_id.clone()}>{ question.label.get(lang) }</label>
                    <div class="hint" id={hint_id.clone()}>{ help.unwrap_or_else(|| t.calculated_hint.to_owned()) }</div>
                    // Announced politely as it changes with the answers it is computed from.
                    <output class="calculated" id={dom_id} aria-describedby={hint_id} aria-live="polite">{ text }</output>
                </div>
            }
        }
        QuestionKind::Repeat { fields, min_count, max_count, record_label } => {
            let t = texts(lang);
            let records: Vec<Record> = match session.answer(idx) {
                Some(AnswerValue::Records(records)) => records.clone(),
                _ => Vec::new(),
            };
            let record_name = crate::format::record_name(record_label.as_ref(), lang);
            let group_errors: Vec<String> = shown
                .iter()
                .filter(|v| v.location == ViolationLocation::Answer)
                .map(|v| violation_text(&questionnaire, &session, idx, v, lang))
                .collect();
            let n = records.len();
            let can_add = max_count.is_none_or(|max| (n as u32) < max);
            let can_remove = min_count.is_none_or(|min| (n as u32) > min);
            let record_views = records.iter().enumerate().map(|(i, record)| {
                let field_states: Vec<(bool, bool)> = (0..fields.len())
                    .map(|f| {
                        (
                            session.is_record_field_visible(idx, record.id, f),
                            session.is_record_field_required(idx, record.id, f),
                        )
                    })
                    .collect();
                let errors: Vec<(usize, String, bool)> = shown
                    .iter()
                    .filter_map(|v| match v.location {
                        ViolationLocation::RecordField { record: r, field } if r == record.id => Some((
                            field,
                            violation_text(&questionnaire, &session, idx, v, lang),
                            v.kind == bogen_engine::ViolationKind::OtherNotSpecified,
                        )),
                        _ => None,
                    })
                    .collect();
                html! {
                    <RecordView key={record.id.0} group={idx} record={record.clone()}
                        title={AttrValue::from(format!("{record_name} {}", i + 1))}
                        fields={field_states} {errors} {can_remove} {lang} on_removed={on_removed.clone()} />
                }
            });
            let hint_id = format!("{dom_id}-hint");
            let error_id = format!("{dom_id}-error");
            let help = question.help.as_ref().map(|h| h.get(lang).to_owned());
            let invalid = !group_errors.is_empty();
            let describedby: Vec<&str> =
                [help.is_some().then_some(hint_id.as_str()), invalid.then_some(error_id.as_str())]
                    .into_iter()
                    .flatten()
                    .collect();
            let describedby = (!describedby.is_empty()).then(|| describedby.join(" "));
            let onclick = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddRecord(idx)))
            };
            let add_id = add_button_dom_id(question);
            html! {
                <div class={classes!("form-group", "repeat", invalid.then_some("form-group--error"))}>
                    <fieldset class="fieldset" aria-describedby={describedby}>
                        <legend class="fieldset__legend fieldset__legend--m">{ question.label.get(lang) }</legend>
                        if let Some(help) = help {
                            <div class="hint" id={hint_id}>{ help }</div>
                        }
                        if invalid {
                            <p class="error-message" id={error_id}>
                                { for group_errors.iter().map(|m| html! {
                                    <span class="error-message__line"><span class="visually-hidden">{ t.error_prefix }{" "}</span>{ m.clone() }</span>
                                }) }
                            </p>
                        }
                        if records.is_empty() {
                            <p class="body repeat__empty">{ t.no_records }</p>
                        }
                        { for record_views }
                        <p class="visually-hidden" role="status">{ (*removed_note).clone() }</p>
                        if can_add {
                            <button type="button" class="button button--secondary" id={add_id} {onclick}>
                                { i18n::add_record(lang, &record_name) }
                            </button>
                        } else if let Some(max) = max_count {
                            // The add button's id moves here, so that error links and focus still land.
                            <p class="hint" id={add_id} tabindex="-1">{ i18n::max_records(lang, *max) }</p>
                        }
                    </fieldset>
                </div>
            }
        }
        _ => {
            let (other, rest): (Vec<_>, Vec<_>) =
                shown.iter().partition(|v| v.kind == bogen_engine::ViolationKind::OtherNotSpecified);
            let text = |v: &&bogen_engine::Violation| violation_text(&questionnaire, &session, idx, v, lang);
            let errors: Vec<String> = rest.iter().map(text).collect();
            let other_errors: Vec<String> = other.iter().map(text).collect();
            let on_edit = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |edit: Edit| match edit {
                    Edit::Input(value) => dispatch.dispatch(Action::Answer { question: idx, value, leave: false }),
                    Edit::Change(value) => dispatch.dispatch(Action::Answer { question: idx, value, leave: true }),
                    Edit::Leave => dispatch.dispatch(Action::Leave(idx, ViolationLocation::Answer)),
                })
            };
            render_field(Field {
                question,
                dom_id,
                answer: session.answer(idx),
                required: session.is_required(idx),
                errors,
                other_errors,
                lang,
                on_edit,
            })
        }
    }
}

/// Properties of [`RecordView`]: plain data, so only the record that changed re-renders.
#[derive(Properties, PartialEq, Clone)]
pub struct RecordProps {
    pub group: QuestionIdx,
    pub record: Record,
    /// "Maßnahme 2".
    pub title: AttrValue,
    /// (visible, required) per field.
    pub fields: Vec<(bool, bool)>,
    /// (field position, message, whether it is about "other" left empty) of the errors on display.
    pub errors: Vec<(usize, String, bool)>,
    pub can_remove: bool,
    pub lang: Lang,
    /// Called with what to announce once the record is removed ("Netzwerk 2 entfernt").
    pub on_removed: Callback<String>,
}

/// One record of a repeat group, in its own fieldset, with a remove button that asks first.
#[function_component]
pub fn RecordView(props: &RecordProps) -> Html {
    // Whether the inline "Wirklich entfernen?" is open: momentary, belongs to this record only.
    let confirming = use_state(|| false);
    let remove_id = format!("q{}-r{}-remove", props.group.0, props.record.id.0);
    let confirm_id = format!("{remove_id}-confirm");
    {
        // Move focus into the confirmation when it opens, so keyboard users land on it.
        let confirm_id = confirm_id.clone();
        use_effect_with(*confirming, move |open| {
            if *open {
                crate::dom::focus_element(&confirm_id, false);
            }
        });
    }
    let Some(ctx) = use_context::<FormContext>() else {
        return html! {};
    };
    let lang = props.lang;
    let t = texts(lang);
    let questionnaire = ctx.store.questionnaire.clone();
    let group = questionnaire.question(props.group);
    let QuestionKind::Repeat { fields, .. } = &group.kind else {
        return html! {};
    };
    let record_id: RecordId = props.record.id;
    let group_idx = props.group;
    let field_views = fields.iter().enumerate().map(|(f, field)| {
        let (visible, required) = props.fields.get(f).copied().unwrap_or((true, false));
        if !visible {
            return html! {};
        }
        let of_field = |other: bool| -> Vec<String> {
            props.errors.iter().filter(|(ef, _, o)| *ef == f && *o == other).map(|(_, m, _)| m.clone()).collect()
        };
        let (errors, other_errors) = (of_field(false), of_field(true));
        let on_edit = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |edit: Edit| {
                let leave = matches!(edit, Edit::Change(_));
                let action = match edit {
                    Edit::Input(value) | Edit::Change(value) => {
                        Action::RecordField { question: group_idx, record: record_id, field: f, leave, value }
                    }
                    Edit::Leave => {
                        Action::Leave(group_idx, ViolationLocation::RecordField { record: record_id, field: f })
                    }
                };
                dispatch.dispatch(action)
            })
        };
        html! {
            <div key={f}>
                { render_field(Field {
                    question: field,
                    dom_id: record_field_dom_id(group, record_id, field),
                    answer: props.record.fields.get(f).and_then(Option::as_ref),
                    required,
                    errors,
                    other_errors,
                    lang,
                    on_edit,
                }) }
            </div>
        }
    });
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        let remove_id = remove_id.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            crate::dom::focus_after_render(remove_id.clone());
        })
    };
    let remove = {
        let dispatch = ctx.dispatch.clone();
        let on_removed = props.on_removed.clone();
        let said = format!("{} {}", props.title, t.record_removed);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::RemoveRecord(group_idx, record_id));
            on_removed.emit(said.clone());
        })
    };
    let remove_label = i18n::remove_record(lang, &props.title);
    html! {
        <fieldset class="fieldset record">
            <legend class="fieldset__legend fieldset__legend--s">{ props.title.clone() }</legend>
            { for field_views }
            if props.can_remove {
                if *confirming {
                    <div class="record__confirm" role="group" aria-labelledby={format!("{confirm_id}-q")}>
                        <p class="body" id={format!("{confirm_id}-q")}><strong>{ t.remove_confirm }</strong>{" "}{ props.title.clone() }</p>
                        <div class="button-group">
                            <button type="button" class="button button--warning" id={confirm_id.clone()} onclick={remove}>{ t.remove_yes }</button>
                            <button type="button" class="button button--secondary" onclick={cancel}>{ t.cancel }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="button button--secondary button--small" id={remove_id} onclick={ask}>
                        { remove_label }
                    </button>
                }
            }
        </fieldset>
    }
}
