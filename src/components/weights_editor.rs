//! The small editor for a deal's custom payment weights: one box per year of the term.

use super::field_input::{FieldInput, FieldValue};
use crate::parse::parse_int;
use crate::state::{DealForm, Errors, Field};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WeightsEditorProps {
    /// Index of the deal.
    pub deal: usize,
    /// The deal as typed.
    pub form: DealForm,
    /// The form's messages.
    pub errors: Rc<Errors>,
}

/// Custom weights, one per year from the deal's first year.
#[function_component(WeightsEditor)]
pub fn weights_editor(props: &WeightsEditorProps) -> Html {
    let deal = &props.form;
    let first = parse_int(&deal.start_year).ok();
    let shown = parse_int(&deal.years)
        .ok()
        .filter(|n| (1..=30).contains(n))
        .map_or(deal.weights.len(), |n| n as usize)
        .min(deal.weights.len());
    let path = format!("deals[{}].profile.weights", props.deal);
    let error = props.errors.get(&path).map(str::to_string);
    html! {
        <fieldset class="weights">
            <legend>{ "Payment weights by year" }</legend>
            <p class="hint">{ "Relative sizes of the yearly payments: 1, 2, 1 pays a quarter, a half, a quarter." }</p>
            <div class="weights-grid">
                { for (0..shown).map(|k| {
                    let label = match first {
                        Some(y) => format!("{}", y + k as i32),
                        None => format!("Year {}", k + 1),
                    };
                    let field = Field::Weight(props.deal, k);
                    let value = FieldValue::new(field, &deal.weights[k], &props.errors);
                    html! { <FieldInput key={k} {field} {value} {label} class="weight" /> }
                }) }
            </div>
            if let Some(message) = error {
                <p class="error-text">{ message }</p>
            }
        </fieldset>
    }
}
