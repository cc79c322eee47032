//! Financing: the cash kept at the end of a year, a credit line (limit and rate), and what
//! happens when money runs short. All at their defaults, the scenario has no financing section
//! and cash simply goes below zero.

use super::field_input::{field_value, FieldInput};
use super::StateHandle;
use crate::scenario::Shortfall;
use crate::state::{Action, Field};
use yew::prelude::*;

/// The shortfall rules, in the words the reader sees.
const RULES: [(Shortfall, &str, &str); 2] = [
    (
        Shortfall::NegativeCash,
        "negative-cash",
        "Cash goes below zero (the gap is money still to find)",
    ),
    (
        Shortfall::Unpaid,
        "unpaid",
        "Payments go unpaid (shared among the deals due)",
    ),
];

/// The financing section of the form. A plain function called by the root, which re-renders on every
/// change of the state just as a component reading the state would.
pub fn financing_inputs(state: &StateHandle) -> Html {
    let chosen = state.form.shortfall;
    html! {
        <section class="panel" aria-labelledby="financing-heading">
            <h2 id="financing-heading">{ "Financing" }</h2>
            <div class="field-grid">
                <FieldInput field={Field::MinCash} value={field_value(state, Field::MinCash)} label="Cash to keep" unit="$B"
                    hint="Borrowed on the credit line to keep at least this at each year end." />
                <FieldInput field={Field::CreditLimit} value={field_value(state, Field::CreditLimit)} label="Credit limit" unit="$B"
                    hint="The most that can be owed at any time; 0 for no credit line." />
                <FieldInput field={Field::CreditRate} value={field_value(state, Field::CreditRate)} label="Interest rate" unit="%"
                    hint="A year, on the debt at the start of the year." />
            </div>
            <fieldset class="choices">
                <legend>{ "When money runs short" }</legend>
                { for RULES.iter().map(|&(rule, id, label)| {
                    let id = format!("shortfall-{id}");
                    let dispatch = state.dispatcher();
                    let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::ChooseShortfall(rule)));
                    html! {
                        <label class="choice" for={id.clone()}>
                            <input type="radio" name="shortfall" id={id} checked={chosen == rule} {onchange} />
                            { label }
                        </label>
                    }
                }) }
            </fieldset>
        </section>
    }
}
