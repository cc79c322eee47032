//! Revenue: the first year's revenue and the growth model, showing only the chosen model's
//! fields; the path model edits its points as a small table.

use super::field_input::{field_value, form_input, FieldInput};
use super::pair_table::{pair_table, PairTable};
use super::StateHandle;
use crate::state::{Action, Field, GrowthKind, Table};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The revenue section of the form. A plain function called by the root, which re-renders on
/// every change of the state just as a component reading the state would (and a component
/// type costs the download about 1 KB of Yew's lifecycle code).
pub fn revenue_inputs(state: &StateHandle) -> Html {
    let on_model = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = GrowthKind::from_id(&select.value()) {
                state.dispatch(Action::ChooseGrowth(kind));
            }
        })
    };
    let kind = state.form.growth;
    let first_year = state.form.start_year.trim().to_string();
    html! {
        <section class="panel" aria-labelledby="revenue-heading">
            <h2 id="revenue-heading">{ "Revenue" }</h2>
            <div class="field-grid">
                <FieldInput dispatch={state.dispatcher()} field={Field::RevenueBase} value={field_value(state, Field::RevenueBase)} label={format!("Revenue in {first_year}")} unit="$B"
                    hint="The first year's revenue. Accepts 13, $13B, 650M, 1.4T." />
                <div class="field">
                    <label for="growth-model" class="field-label">{ "Growth model" }</label>
                    <select id="growth-model" onchange={on_model}>
                        { for GrowthKind::ALL.iter().map(|k| html! {
                            <option value={k.id()} selected={*k == kind}>{ k.label() }</option>
                        }) }
                    </select>
                    <p class="hint">{ model_hint(kind) }</p>
                </div>
            </div>
            <div class="field-grid">
                { for growth_fields(kind).iter().map(|&f| form_input(state, f)) }
            </div>
            if kind == GrowthKind::Path {
                { pair_table(state, PairTable {
                    table: Table::PathPoints, caption: "Revenue path", value_label: "Revenue", value_unit: "$B", min_rows: 0,
                    hint: Some("Revenue grows at a steady rate between consecutive points, from the first year's revenue."),
                    add_label: "Add point",
                }) }
            }
        </section>
    }
}

/// The fields of a growth model, in the order shown.
fn growth_fields(kind: GrowthKind) -> &'static [Field] {
    match kind {
        GrowthKind::Constant => &[Field::ConstantRate],
        GrowthKind::Decaying => &[Field::DecayInitial, Field::Decay, Field::DecayFloor],
        GrowthKind::Logistic => &[Field::LogisticInitial, Field::Ceiling],
        GrowthKind::Path => &[Field::PathAfter],
    }
}

fn model_hint(kind: GrowthKind) -> &'static str {
    match kind {
        GrowthKind::Constant => "The same growth rate every year.",
        GrowthKind::Decaying => "Fast growth that slows towards a long-run rate.",
        GrowthKind::Logistic => "Growth that slows as revenue nears a ceiling.",
        GrowthKind::Path => "Revenue through planned figures, then a steady rate.",
    }
}
