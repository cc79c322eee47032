//! The small editor for a deal's custom payment weights: one box per year of the term.

use super::field_input::{FieldInput, FieldValue};
use super::Dispatch;
use crate::parse::parse_int;
use crate::state::{DealForm, Errors, Field};
use yew::prelude::*;

/// Custom weights of deal `i` (`deal` as typed), one per year from the deal's first year. A
/// plain function called by the deal's row, which re-renders whenever the deal or the messages
/// change, as a component given the same props would.
pub fn weights_editor(dispatch: &Dispatch, i: usize, deal: &DealForm, errors: &Errors) -> Html {
    let first = parse_int(&deal.start_year).ok();
    let shown = parse_int(&deal.years)
        .ok()
        .filter(|n| (1..=30).contains(n))
        .map_or(deal.weights.len(), |n| n as usize)
        .min(deal.weights.len());
    let path = format!("deals[{i}].profile.weights");
    let error = errors.get(&path).map(str::to_string);
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
                    let field = Field::Weight(i, k);
                    let value = FieldValue::new(field, &deal.weights[k], errors);
                    html! { <FieldInput key={k} dispatch={dispatch.clone()} {field} {value} {label} class="weight" /> }
                }) }
            </div>
            if let Some(message) = error {
                <p class="error-text">{ message }</p>
            }
        </fieldset>
    }
}
