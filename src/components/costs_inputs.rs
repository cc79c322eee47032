//! Costs other than the commitments: the non-compute share of revenue (anchors, linear between)
//! and the revenue share paid to partners with its last year.

use super::field_input::form_input;
use super::pair_table::{pair_table, PairTable};
use super::StateHandle;
use crate::state::{Field, Table};
use yew::prelude::*;

/// The costs section of the form. A plain function called by the root, which re-renders on
/// every change of the state just as a component reading the state would (and a component
/// type costs the download about 1 KB of Yew's lifecycle code).
pub fn costs_inputs(state: &StateHandle) -> Html {
    html! {
        <section class="panel" aria-labelledby="costs-heading">
            <h2 id="costs-heading">{ "Other costs" }</h2>
            { pair_table(state, PairTable {
                table: Table::OpexShares, caption: "Non-compute costs", value_label: "Share of revenue", value_unit: "%", min_rows: 1,
                hint: Some("Staff, sales and other operating costs as a share of revenue: straight lines between the years given, flat before and after."),
                add_label: "Add year",
            }) }
            <div class="field-grid">
                { form_input(state, Field::RevenueShareRate) }
                { form_input(state, Field::RevenueShareUntil) }
            </div>
        </section>
    }
}
