//! The leaf input components: the only code that handles DOM input events.
//!
//! Each takes plain data (its value, ids, labels) and callbacks with plain values (`String`,
//! `bool`), so the components above them never see an event. Labels, legends, hints and error
//! messages are drawn by the field around them (`crate::question`); these draw just the control.

use bogen_engine::{parse_number_input, AnswerValue, DatePart, DateParts, Lang};
use gloo::file::callbacks::FileReader;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, Node};
use yew::prelude::*;

fn join_ids(ids: &[Option<&str>]) -> Option<AttrValue> {
    let joined: Vec<&str> = ids.iter().flatten().copied().collect();
    (!joined.is_empty()).then(|| AttrValue::from(joined.join(" ")))
}

/// Properties of [`TextInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextInputProps {
    pub id: AttrValue,
    pub value: AttrValue,
    /// `text`, `email`, `url` or `tel`.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub invalid: bool,
    /// A width class, e.g. `input--w10`.
    #[prop_or_default]
    pub width: Option<AttrValue>,
    #[prop_or_default]
    pub spellcheck: Option<AttrValue>,
    pub on_input: Callback<String>,
    pub on_leave: Callback<()>,
}

/// A one-line input (text, e-mail, URL, phone).
#[function_component]
pub fn TextInput(props: &TextInputProps) -> Html {
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onchange = {
        let cb = props.on_leave.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let class = classes!("input", props.invalid.then_some("input--error"), props.width.clone().map(|w| w.to_string()));
    html! {
        <input
            {class}
            id={props.id.clone()}
            name={props.id.clone()}
            type={props.input_type.clone()}
            value={props.value.clone()}
            inputmode={props.inputmode.clone()}
            autocomplete={props.autocomplete.clone()}
            spellcheck={props.spellcheck.clone()}
            aria-describedby={props.describedby.clone()}
            aria-invalid={props.invalid.then_some("true")}
            {oninput}
            {onchange}
        />
    }
}

/// Properties of [`TextArea`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextAreaProps {
    pub id: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub max_length: Option<u32>,
    pub lang: Lang,
    pub on_input: Callback<String>,
    pub on_leave: Callback<()>,
}

/// A multi-line text with, when it has a maximum length, a live character counter.
#[function_component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let onchange = {
        let cb = props.on_leave.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let info_id = format!("{}-info", props.id);
    let counter = props.max_length.map(|max| {
        let used = props.value.chars().count();
        let over = used > max as usize;
        html! {
            // Polite, so that a screen reader hears the count when the typing pauses.
            <div id={info_id.clone()} class={classes!("hint", "character-count__message", over.then_some("character-count__message--over"))} aria-live="polite">
                { crate::i18n::chars_remaining(props.lang, max, used) }
            </div>
        }
    });
    let describedby = join_ids(&[props.describedby.as_deref(), props.max_length.map(|_| info_id.as_str())]);
    let invalid = props.invalid;
    html! {
        <div class="character-count">
            <textarea
                class={classes!("textarea", invalid.then_some("textarea--error"))}
                id={props.id.clone()}
                name={props.id.clone()}
                rows="5"
                value={props.value.clone()}
                    aria-describedby={describedby}
                aria-invalid={invalid.then_some("true")}
                {oninput}
                {onchange}
            />
            { counter.unwrap_or_default() }
        </div>
    }
}

/// Properties of [`NumberInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberInputProps {
    pub id: AttrValue,
    pub answer: Option<AnswerValue>,
    pub integer: bool,
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub invalid: bool,
    pub lang: Lang,
    /// What was typed (the caller parses it with the engine).
    pub on_input: Callback<String>,
    pub on_leave: Callback<()>,
}

/// What a typed text means as an answer in the interface language (empty is no answer).
pub fn number_answer(typed: &str, lang: Lang) -> Option<AnswerValue> {
    if typed.trim().is_empty() {
        None
    } else {
        Some(parse_number_input(typed, lang))
    }
}

/// An integer or decimal as a text field (`inputmode` numeric/decimal, so "12,5" can be typed),
/// with its unit beside it.
///
/// It shows what the respondent typed as long as that still means the stored answer: "12,"
/// and "12" are both 12, and re-formatting the number while typing would eat the comma.
#[function_component]
pub fn NumberInput(props: &NumberInputProps) -> Html {
    let typed = use_mut_ref(|| None::<String>);
    let shown = {
        let typed = typed.borrow();
        match typed.as_deref() {
            Some(t) if number_answer(t, props.lang) == props.answer => t.to_owned(),
            _ => match &props.answer {
                Some(AnswerValue::Number(n)) => crate::format::number_for_input(*n, props.lang),
                Some(AnswerValue::NotANumber(text)) => text.clone(),
                _ => String::new(),
            },
        }
    };
    let oninput = {
        let cb = props.on_input.clone();
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            *typed.borrow_mut() = Some(value.clone());
            cb.emit(value)
        })
    };
    let onchange = {
        let cb = props.on_leave.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let unit_id = format!("{}-unit", props.id);
    let describedby = join_ids(&[props.describedby.as_deref(), props.unit.as_ref().map(|_| unit_id.as_str())]);
    let inputmode = if props.integer { "numeric" } else { "decimal" };
    html! {
        <div class="input-wrapper">
            <input
                class={classes!("input", "input--w10", props.invalid.then_some("input--error"))}
                id={props.id.clone()}
                name={props.id.clone()}
                type="text"
                {inputmode}
                autocomplete="off"
                spellcheck="false"
                value={shown}
                    aria-describedby={describedby}
                aria-invalid={props.invalid.then_some("true")}
                {oninput}
                {onchange}
            />
            if let Some(unit) = &props.unit {
                <span class="input-suffix" id={unit_id.clone()}>{ unit.clone() }</span>
            }
        </div>
    }
}

/// Properties of [`DateInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct DateInputProps {
    /// The id of the day field (the target of error links); the month's and the year's add
    /// `-month` and `-year`.
    pub id: AttrValue,
    pub answer: Option<AnswerValue>,
    #[prop_or_default]
    pub invalid: bool,
    pub lang: Lang,
    /// The answer the three fields make now ([`DateParts::answer`]).
    pub on_input: Callback<Option<AnswerValue>>,
    /// Focus left the date (not just one of its fields for another).
    pub on_leave: Callback<()>,
}

/// A date as three text fields, day, month and year (GOV.UK's date input), inside the
/// question's fieldset, whose legend is the question.
///
/// Like [`NumberInput`] it shows what was typed as long as that still makes the stored answer:
/// "1" and "01" are the same day. Errors show when focus leaves the date after typing in it, not
/// when it moves from the day to the month.
#[function_component]
pub fn DateInput(props: &DateInputProps) -> Html {
    let typed = use_mut_ref(DateParts::default);
    // Typed in since focus came into the date: like a text field's `change`, leaving an untouched
    // date (tabbing through it) shows no error.
    let changed = use_mut_ref(|| false);
    let shown = {
        let typed = typed.borrow();
        if typed.answer() == props.answer {
            typed.clone()
        } else {
            DateParts::of_answer(props.answer.as_ref())
        }
    };
    *typed.borrow_mut() = shown.clone();
    let t = crate::i18n::texts(props.lang);
    // GOV.UK marks the fields an error is about: the missing ones of an incomplete date, else all.
    let missing = DateParts::missing_in(props.answer.as_ref());
    let field = |part: DatePart, label: &'static str, value: &str, width: &'static str| {
        let invalid = props.invalid && (missing.is_empty() || missing.contains(&part));
        let id = match part {
            DatePart::Day => props.id.to_string(),
            DatePart::Month => format!("{}-month", props.id),
            DatePart::Year => format!("{}-year", props.id),
        };
        let oninput = {
            let typed = typed.clone();
            let changed = changed.clone();
            let cb = props.on_input.clone();
            Callback::from(move |e: InputEvent| {
                *changed.borrow_mut() = true;
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let value = input.value();
                let answer = {
                    let mut parts = typed.borrow_mut();
                    if let Some(whole) = DateParts::from_pasted(&value) {
                        // A whole date pasted (or typed) into one field fills all three; this
                        // field shows its own part at once, the others when they are drawn.
                        let own = match part {
                            DatePart::Day => &whole.day,
                            DatePart::Month => &whole.month,
                            DatePart::Year => &whole.year,
                        };
                        input.set_value(own);
                        *parts = whole;
                    } else {
                        match part {
                            DatePart::Day => parts.day = value,
                            DatePart::Month => parts.month = value,
                            DatePart::Year => parts.year = value,
                        }
                    }
                    parts.answer()
                };
                cb.emit(answer)
            })
        };
        html! {
            <div class="date-input__item">
                <label class="label date-input__label" for={id.clone()}>{ label }</label>
                <input
                    class={classes!("input", "date-input__input", width, invalid.then_some("input--error"))}
                    id={id.clone()}
                    name={id}
                    type="text"
                    inputmode="numeric"
                    spellcheck="false"
                    value={value.to_owned()}
                    aria-invalid={invalid.then_some("true")}
                    {oninput}
                />
            </div>
        }
    };
    // Yew delegates events to its root, so the event's current target is not this element.
    let group = use_node_ref();
    let onfocusout = {
        let cb = props.on_leave.clone();
        let group = group.clone();
        let changed = changed.clone();
        Callback::from(move |e: FocusEvent| {
            let next = e.related_target().and_then(|t| t.dyn_into::<Node>().ok());
            let left = group.get().is_some_and(|group| !group.contains(next.as_ref()));
            if left && changed.replace(false) {
                cb.emit(())
            }
        })
    };
    html! {
        <div class="date-input" ref={group} {onfocusout}>
            { field(DatePart::Day, t.date_day, &shown.day, "input--w2") }
            { field(DatePart::Month, t.date_month, &shown.month, "input--w2") }
            { field(DatePart::Year, t.date_year, &shown.year, "input--w4") }
        </div>
    }
}

/// Properties of [`RadioGroup`].
#[derive(Properties, PartialEq, Clone)]
pub struct RadioGroupProps {
    /// The id of the first radio (the target of error links); the others get `-1`, `-2`, ….
    pub id: AttrValue,
    /// (value, label) per option.
    pub options: Vec<(String, String)>,
    pub selected: Option<String>,
    #[prop_or_default]
    pub inline: bool,
    /// A hint under each option (by position; none where missing), tied to its radio.
    #[prop_or_default]
    pub hints: Vec<Html>,
    pub on_change: Callback<String>,
}

/// Radio buttons; the fieldset and legend are the caller's.
#[function_component]
pub fn RadioGroup(props: &RadioGroupProps) -> Html {
    let items = props.options.iter().enumerate().map(|(i, (value, label))| {
        let id = if i == 0 { props.id.to_string() } else { format!("{}-{i}", props.id) };
        let onchange = {
            let cb = props.on_change.clone();
            let value = value.clone();
            Callback::from(move |_: Event| cb.emit(value.clone()))
        };
        let checked = props.selected.as_deref() == Some(value.as_str());
        let hint = props.hints.get(i).map(|hint| (format!("{id}-hint"), hint.clone()));
        html! {
            <div class="radios__item" key={value.clone()}>
                <input class="radios__input" id={id.clone()} name={props.id.clone()} type="radio"
                    value={value.clone()} {checked} {onchange}
                    aria-describedby={hint.as_ref().map(|(hint_id, _)| hint_id.clone())} />
                <label class="radios__label" for={id}>{ label.clone() }</label>
                if let Some((hint_id, hint)) = hint {
                    <div class="hint radios__hint" id={hint_id}>{ hint }</div>
                }
            </div>
        }
    });
    html! {
        <div class={classes!("radios", props.inline.then_some("radios--inline"))}>
            { for items }
        </div>
    }
}

/// Properties of [`Select`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectProps {
    pub id: AttrValue,
    pub options: Vec<(String, String)>,
    pub selected: Option<String>,
    /// The text of the empty first entry.
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub invalid: bool,
    /// The chosen value; empty for the placeholder.
    pub on_change: Callback<String>,
}

/// A dropdown for long single choices.
#[function_component]
pub fn Select(props: &SelectProps) -> Html {
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let selected = props.selected.clone().unwrap_or_default();
    html! {
        <select class={classes!("select", props.invalid.then_some("select--error"))}
            id={props.id.clone()} name={props.id.clone()}
            aria-describedby={props.describedby.clone()}
            aria-invalid={props.invalid.then_some("true")}
            {onchange}>
            <option value="" selected={selected.is_empty()}>{ props.placeholder.clone() }</option>
            { for props.options.iter().map(|(value, label)| html! {
                <option key={value.clone()} value={value.clone()} selected={*value == selected}>{ label.clone() }</option>
            }) }
        </select>
    }
}

/// Properties of [`CheckboxGroup`].
#[derive(Properties, PartialEq, Clone)]
pub struct CheckboxGroupProps {
    /// The id of the first checkbox; the others get `-1`, `-2`, ….
    pub id: AttrValue,
    pub options: Vec<(String, String)>,
    pub selected: Vec<String>,
    /// (value, checked) of the box that changed.
    pub on_toggle: Callback<(String, bool)>,
    /// The "other, please specify" box: its label, and the text while it is ticked.
    #[prop_or_default]
    pub other: Option<OtherChoice>,
}

/// The "Sonstiges, bitte angeben" part of a multiple choice.
#[derive(PartialEq, Clone)]
pub struct OtherChoice {
    pub label: AttrValue,
    pub specify_label: AttrValue,
    /// `Some` while ticked.
    pub text: Option<String>,
    pub describedby: Option<AttrValue>,
    /// Its error message, drawn with the text field (GOV.UK's conditional reveal).
    pub error: Option<Html>,
    pub invalid: bool,
    pub on_toggle: Callback<bool>,
    pub on_input: Callback<String>,
    pub on_leave: Callback<()>,
}

/// Checkboxes, with the optional "other" box that reveals a text field.
#[function_component]
pub fn CheckboxGroup(props: &CheckboxGroupProps) -> Html {
    let item_id = |i: usize| {
        if i == 0 {
            props.id.to_string()
        } else {
            format!("{}-{i}", props.id)
        }
    };
    let items = props.options.iter().enumerate().map(|(i, (value, label))| {
        let id = item_id(i);
        let onchange = {
            let cb = props.on_toggle.clone();
            let value = value.clone();
            Callback::from(move |e: Event| {
                cb.emit((value.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()))
            })
        };
        let checked = props.selected.contains(value);
        html! {
            <div class="checkboxes__item" key={value.clone()}>
                <input class="checkboxes__input" id={id.clone()} name={props.id.clone()} type="checkbox"
                    value={value.clone()} {checked} {onchange} />
                <label class="checkboxes__label" for={id}>{ label.clone() }</label>
            </div>
        }
    });
    let other = props.other.as_ref().map(|other| {
        let id = item_id(props.options.len());
        let text_id = crate::format::other_text_dom_id(&props.id);
        let onchange = {
            let cb = other.on_toggle.clone();
            Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
        };
        let checked = other.text.is_some();
        html! {
            <>
                <div class="checkboxes__item" key="__other">
                    <input class="checkboxes__input" id={id.clone()} name={props.id.clone()} type="checkbox"
                        value="__other" {checked} {onchange}
                        aria-expanded={if checked { "true" } else { "false" }}
                        aria-controls={format!("{text_id}-wrap")} />
                    <label class="checkboxes__label" for={id}>{ other.label.clone() }</label>
                </div>
                <div class={classes!("checkboxes__conditional", (!checked).then_some("checkboxes__conditional--hidden"),
                        other.invalid.then_some("checkboxes__conditional--error"))}
                    id={format!("{text_id}-wrap")} key="__other_text">
                    if let Some(text) = &other.text {
                        <div class="form-group">
                            <label class="label" for={text_id.clone()}>{ other.specify_label.clone() }</label>
                            { other.error.clone().unwrap_or_default() }
                            <TextInput id={text_id.clone()} value={AttrValue::from(text.clone())}
                                describedby={other.describedby.clone()} invalid={other.invalid}
                                on_input={other.on_input.clone()} on_leave={other.on_leave.clone()} />
                        </div>
                    }
                </div>
            </>
        }
    });
    html! {
        <div class="checkboxes">
            { for items }
            { other.unwrap_or_default() }
        </div>
    }
}

/// Properties of [`MatrixInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct MatrixProps {
    /// The id of the first radio of the first row.
    pub id: AttrValue,
    pub rows: Vec<(String, String)>,
    pub scale: Vec<(String, String)>,
    pub answers: BTreeMap<String, String>,
    /// (row value, scale value) of the radio chosen.
    pub on_change: Callback<(String, String)>,
}

/// A matrix: a table whose every row is a radio group named by its row header. It has no
/// caption: the question's fieldset legend names it, and a caption too is read twice.
#[function_component]
pub fn MatrixInput(props: &MatrixProps) -> Html {
    let head = props.scale.iter().enumerate().map(|(c, (_, label))| {
        html! { <th scope="col" class="matrix__scale" id={format!("{}-c{c}", props.id)} key={c}>{ label.clone() }</th> }
    });
    let rows = props.rows.iter().enumerate().map(|(r, (row_value, row_label))| {
        let row_head = format!("{}-r{r}", props.id);
        let chosen = props.answers.get(row_value);
        let cells = props.scale.iter().enumerate().map(|(c, (value, label))| {
            let id = if r == 0 && c == 0 { props.id.to_string() } else { format!("{}-r{r}-c{c}", props.id) };
            let onchange = {
                let cb = props.on_change.clone();
                let pair = (row_value.clone(), value.clone());
                Callback::from(move |_: Event| cb.emit(pair.clone()))
            };
            let checked = chosen == Some(value);
            html! {
                <td class="matrix__cell" key={c}>
                    <input class="matrix__input" type="radio" id={id.clone()} name={format!("{}-r{r}", props.id)}
                        value={value.clone()} {checked} {onchange} />
                    // The visible column header names the choice for sighted users; the
                    // label names it for everyone, also in the narrow layout without a header.
                    <label class="matrix__label" for={id}>{ label.clone() }</label>
                </td>
            }
        });
        html! {
            <tr class="matrix__row" key={row_value.clone()} role="radiogroup" aria-labelledby={row_head.clone()}>
                <th scope="row" class="matrix__row-head" id={row_head}>{ row_label.clone() }</th>
                { for cells }
            </tr>
        }
    });
    html! {
        <table class="matrix">
            <thead>
                <tr><td class="matrix__corner"></td>{ for head }</tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// Properties of [`FilePicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct FilePickerProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The file's name and text.
    pub on_file: Callback<(String, String)>,
    /// A read failure, as a message for the respondent.
    pub on_error: Callback<()>,
}

/// A file input that also accepts a file dropped onto it; reads the file as text.
#[function_component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    // The reader must live until it calls back: dropping it cancels the read.
    let reader = use_mut_ref(|| None::<FileReader>);
    let dragging = use_state(|| false);
    let read = {
        let reader = reader.clone();
        let on_file = props.on_file.clone();
        let on_error = props.on_error.clone();
        move |file: web_sys::File| {
            let file = gloo::file::File::from(file);
            let name = file.name();
            let on_file = on_file.clone();
            let on_error = on_error.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |result| match result {
                Ok(text) => on_file.emit((name, text)),
                Err(_) => on_error.emit(()),
            });
            *reader.borrow_mut() = Some(task);
        }
    };
    let onchange = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read(file);
            }
            // Clear it, so that choosing the same file again (after fixing it) reads it again.
            input.set_value("");
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
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0)) {
                read(file);
            }
        })
    };
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class={classes!("drop-zone", dragging.then_some("drop-zone--active"))}
            {ondragover} {ondragleave} {ondrop}>
            <label class="label" for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="hint" id={hint_id.clone()}>{ props.hint.clone() }</div>
            <input class="file-upload" type="file" id={props.id.clone()} accept=".json,application/json"
                aria-describedby={hint_id} {onchange} />
        </div>
    }
}
