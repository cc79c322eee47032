//! Funding and the horizon: opening cash, raises, the years projected and the discount rate.

use super::field_input::{field_value, form_input, FieldInput};
use super::pair_table::{pair_table, PairTable};
use super::StateHandle;
use crate::state::{Field, Table};
use yew::prelude::*;

/// The funding and horizon section of the form. A plain function called by the root, which re-renders on every
/// change of the state just as a component reading the state would.
pub fn funding_inputs(state: &StateHandle) -> Html {
    // A negative amount is allowed (a company can start in debt to its suppliers or owners), but
    // it is rarely what someone meant to type, so the hint says what it does.
    let opening = state.scenario.funding.opening_cash;
    let cash_hint = if opening < 0.0 {
        format!(
            "Below zero: the company starts {} short, so that much is missing from the first year on (part of the funding gap).",
            crate::format::money(-opening)
        )
    } else {
        "Cash at the start of the first year.".to_string()
    };
    html! {
        <section class="panel" aria-labelledby="funding-heading">
            <h2 id="funding-heading">{ "Funding and horizon" }</h2>
            <div class="field-grid">
                <FieldInput dispatch={state.dispatcher()} field={Field::OpeningCash} value={field_value(state, Field::OpeningCash)} label="Cash at the start" unit="$B" hint={cash_hint} />
                { form_input(state, Field::DiscountRate) }
                { form_input(state, Field::StartYear) }
                { form_input(state, Field::EndYear) }
            </div>
            { pair_table(state, PairTable {
                table: Table::Raises, caption: "Money raised", value_label: "Amount", value_unit: "$B", min_rows: 0,
                hint: Some("Equity or debt raised in a year; raises outside the years projected are not counted."),
                add_label: "Add raise",
            }) }
        </section>
    }
}
