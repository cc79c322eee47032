//! One labelled text field bound to a form [`Field`]: shows the text as typed, its unit and
//! hint, and the message for its path, marking itself invalid for assistive technology.
//!
//! It is given its text and message as props (see [`field_value`]) and sends edits through the
//! state's dispatcher, which never changes: a keystroke in one field re-renders that field
//! only, as Yew skips every field whose props are equal.

use super::{Dispatch, StateHandle};
use crate::state::{Action, DealField, Errors, Field, Kind, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A field's text as typed and the message for its path, if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldValue {
    pub text: AttrValue,
    pub error: Option<AttrValue>,
}

impl FieldValue {
    /// A field's `text` and its message among `errors`.
    pub fn new(field: Field, text: &str, errors: &Errors) -> FieldValue {
        FieldValue {
            text: AttrValue::from(text.to_string()),
            error: errors
                .get(&field.path())
                .map(|m| AttrValue::from(m.to_string())),
        }
    }
}

/// The current text and message of a field.
pub fn field_value(state: &State, field: Field) -> FieldValue {
    FieldValue::new(field, state.form.get(field), &state.errors)
}

/// The words of a field whose label is fixed: its label, unit and hint ("" for none). `None`
/// for the fields labelled by where they are (table cells, the first year's revenue).
fn words(field: Field) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match field {
        Field::Name => ("Scenario name", "", ""),
        Field::AsOf => ("Figures as of", "", "The date the figures were current."),
        Field::StartYear => ("First year", "year", ""),
        Field::EndYear => ("Last year", "year", "Up to 50 years in all."),
        Field::ConstantRate => ("Growth per year", "%", "e.g. 40 for 40% a year."),
        Field::DecayInitial => ("Growth in the second year", "%", ""),
        Field::Decay => (
            "Decay per year",
            "×",
            "Each year the excess over the floor is multiplied by this (0 to 1).",
        ),
        Field::DecayFloor => ("Long-run growth", "%", "The floor growth approaches."),
        Field::LogisticInitial => (
            "Initial growth",
            "%",
            "Growth while revenue is far from the ceiling (up to 200%).",
        ),
        Field::Ceiling => (
            "Revenue ceiling",
            "$B",
            "The market size revenue approaches.",
        ),
        Field::PathAfter => ("Growth after the last point", "%", ""),
        Field::RevenueShareRate => (
            "Revenue share to partners",
            "%",
            "e.g. Microsoft's share of OpenAI's revenue (about 20%).",
        ),
        Field::RevenueShareUntil => ("Revenue share paid through", "year", ""),
        Field::DiscountRate => (
            "Discount rate",
            "%",
            "For the present values of payments and cash.",
        ),
        Field::MinCash => (
            "Cash to keep",
            "$B",
            "Borrowed on the credit line to keep at least this at each year end.",
        ),
        Field::CreditLimit => (
            "Credit limit",
            "$B",
            "The most that can be owed at any time; 0 for no credit line.",
        ),
        Field::CreditRate => (
            "Interest rate",
            "%",
            "A year, on the debt at the start of the year.",
        ),
        Field::Deal(_, f) => match f {
            DealField::Name => ("Name", "", "Up to 80 characters."),
            DealField::Counterparty => ("Counterparty", "", ""),
            DealField::Total => ("Total value", "$B", "e.g. 38, $38B, 1.4T, 650M."),
            DealField::Gw => ("Capacity", "GW", "Gigawatts of compute."),
            DealField::PerGw => ("Cost per GW", "$B", "Billions per gigawatt, e.g. 35."),
            DealField::StartYear => ("First year of payments", "year", ""),
            DealField::Years => ("Term", "years", "1 to 30."),
            DealField::FleetGrowth => (
                "Yearly growth of capacity added",
                "%",
                "0% is the same as ramp up.",
            ),
            DealField::Source => (
                "Source (web address)",
                "",
                "Where the figures come from, starting with https://.",
            ),
            DealField::Note => (
                "Note",
                "",
                "Which numbers are reported and which are assumptions.",
            ),
        },
        Field::RevenueBase
        | Field::OpeningCash
        | Field::RaiseFrom(_)
        | Field::Weight(..)
        | Field::PairYear(..)
        | Field::PairValue(..) => return None,
    })
}

/// A field with fixed words (see [`words`]), given its text and message: the one place such a
/// field's props are written, so a section of the form is a list of calls rather than the
/// component's props spelled out at each field (each spelled-out use costs the download its
/// own copy of that code).
pub fn input(dispatch: &Dispatch, field: Field, value: FieldValue) -> Html {
    let (label, unit, hint) = words(field).unwrap_or_default();
    let some = |s: &'static str| (!s.is_empty()).then_some(AttrValue::Static(s));
    let wide = matches!(field, Field::Deal(_, DealField::Source | DealField::Note));
    html! {
        <FieldInput dispatch={dispatch.clone()} {field} {value} label={label} unit={some(unit)} hint={some(hint)}
            class={classes!(wide.then_some("wide"))} />
    }
}

/// [`input`] for a field of the form, reading its text and message from the state.
pub fn form_input(state: &StateHandle, field: Field) -> Html {
    input(&state.dispatcher(), field, field_value(state, field))
}

#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    /// Where edits go: the state's dispatcher, which never changes (so it never makes a
    /// field re-render).
    pub dispatch: Dispatch,
    pub field: Field,
    pub value: FieldValue,
    pub label: AttrValue,
    /// Unit shown after the box ("$B", "%", "GW").
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The id of a hint shared by several fields (a table column's), read out with this one.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
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
    let dispatch = props.dispatch.clone();
    let field = props.field;
    let id = field_id(field);
    let text = props.value.text.clone();
    let error = props.value.error.clone();
    // Leaving the field ends its change for undo (so "typing" in the history always means the
    // focus is in the field typed in). A changed value, once left or committed with Enter,
    // says its message once: said on every keystroke, it would interrupt the typing.
    let onblur = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.dispatch(Action::Commit))
    };
    let onchange = {
        let said = error.as_ref().map(|m| spoken(&props.label, m));
        Callback::from(move |_: Event| {
            if let Some(said) = &said {
                say(said);
            }
        })
    };
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        dispatch.dispatch(Action::Edit(field, input.value()));
    });
    // For the browser tests: how many times this field rendered (debug builds only).
    #[cfg(debug_assertions)]
    let count = use_mut_ref(|| 0u32);
    #[cfg(debug_assertions)]
    let renders = {
        *count.borrow_mut() += 1;
        Some(count.borrow().to_string())
    };
    #[cfg(not(debug_assertions))]
    let renders: Option<String> = None;
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
    if let Some(shared) = &props.described_by {
        described.push(shared.to_string());
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
                    list={props.list.clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described}
                    data-renders={renders}
                    {oninput}
                    {onchange}
                    {onblur}
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

/// A field's message as said aloud: with the field's label first unless the message already
/// opens with it, since the focus may be elsewhere by the time it is heard.
fn spoken(label: &str, message: &str) -> String {
    // ASCII case only: full Unicode lowering would add its tables to the download.
    let opens_with_label = message
        .get(..label.len())
        .is_some_and(|m| m.eq_ignore_ascii_case(label));
    if opens_with_label {
        message.to_string()
    } else {
        format!("{label}: {message}")
    }
}

/// Puts text in the page's hidden polite live region (`#field-status`, in the app's root),
/// straight into the DOM: Yew renders the region empty and never touches its text. The same
/// text twice gets a no-break space, so it is a change that screen readers say again.
fn say(text: &str) {
    if let Some(region) = gloo::utils::document().get_element_by_id("field-status") {
        let text = if region.text_content().as_deref() == Some(text) {
            format!("{text}\u{a0}")
        } else {
            text.to_string()
        };
        region.set_text_content(Some(&text));
    }
}
