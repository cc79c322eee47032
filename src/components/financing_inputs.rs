//! Financing: the cash kept at the end of a year, a credit line (limit and rate), and what
//! happens when money runs short. All at their defaults, the scenario has no financing section
//! and cash simply goes below zero.

use super::field_input::form_input;
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
                { form_input(state, Field::MinCash) }
                { form_input(state, Field::CreditLimit) }
                { form_input(state, Field::CreditRate) }
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
