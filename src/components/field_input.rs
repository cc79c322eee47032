//! One labelled text field bound to a form [`Field`]: shows the text as typed, its unit and
//! hint, and the message for its path, marking itself invalid for assistive technology.

use super::use_app_state;
use crate::state::{Action, Field, Kind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    pub field: Field,
    pub label: AttrValue,
    /// Unit shown after the box ("$B", "%", "GW").
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Visually hide the label (it is still read out), for table cells with a column heading.
    #[prop_or_default]
    pub compact: bool,
    #[prop_or_default]
    pub class: Classes,
}

/// Element id for a field, derived from its path (`deals[2].years` -> `f-deals-2-years`).
pub fn field_id(field: Field) -> String {
    path_id(&field.path())
}

/// Element id for a field path.
pub fn path_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => id.push(c),
            _ if !id.ends_with('-') => id.push('-'),
            _ => {}
        }
    }
    id.trim_end_matches('-').to_string()
}

/// A labelled input for one field of the form.
#[function_component(FieldInput)]
pub fn field_input(props: &FieldInputProps) -> Html {
    let state = use_app_state();
    let field = props.field;
    let id = field_id(field);
    let text = state.form.get(field).to_string();
    let error = state.errors.get(&field.path()).map(str::to_string);
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::Edit(field, input.value()));
        })
    };
    let input_mode = match field.kind() {
        Kind::Int => "numeric",
        Kind::Text => "text",
        _ => "decimal",
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let mut described = Vec::new();
    if error.is_some() {
        described.push(error_id.clone());
    }
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let label_class = if props.compact {
        "visually-hidden"
    } else {
        "field-label"
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"), props.class.clone())}>
            <label for={id.clone()} class={label_class}>{ props.label.clone() }</label>
            <div class="input-wrap">
                <input
                    id={id}
                    type="text"
                    inputmode={input_mode}
                    autocomplete="off"
                    spellcheck="false"
                    value={text}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described}
                    {oninput}
                />
                if let Some(unit) = &props.unit {
                    <span class="unit" aria-hidden="true">{ unit.clone() }</span>
                }
            </div>
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="hint">{ hint.clone() }</p>
            }
            if let Some(message) = error {
                <p id={error_id} class="error-text">{ message }</p>
            }
        </div>
    }
}
