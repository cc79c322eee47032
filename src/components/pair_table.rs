//! A small editable table of (year, value) rows: revenue path points, non-compute cost shares,
//! raises. Raises have a third column, who put the money in, with the counted deals'
//! counterparties as suggestions.

use super::field_input::{field_value, FieldInput};
use super::{send, StateHandle};
use crate::engine::name_key;
use crate::scenario::Scenario;
use crate::state::{Action, Field, Table};
use yew::prelude::*;

const FROM_HINT: &str =
    "From: who put the money in (a supplier, for circular financing); optional.";

/// The counterparties of the deals that count, each once (in its first spelling), in deal order.
fn counterparties(s: &Scenario) -> Vec<&str> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for d in s.deals.iter().filter(|d| s.counts(d)) {
        let key = name_key(&d.counterparty);
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            out.push(d.counterparty.trim());
        }
    }
    out
}

/// What a pair table shows: which table of the form, and its words.
pub struct PairTable {
    pub table: Table,
    pub caption: &'static str,
    pub value_label: &'static str,
    pub value_unit: &'static str,
    /// Rows that must remain (the cost shares need at least one).
    pub min_rows: usize,
    pub hint: Option<&'static str>,
    /// Text of the add button ("Add point").
    pub add_label: &'static str,
}

/// An editable (year, value) table. A plain function called by the form's sections: it reads
/// the whole state, so as a component it would re-render on every change all the same (and a
/// component type costs the download about 1 KB of Yew's lifecycle code).
pub fn pair_table(state: &StateHandle, props: PairTable) -> Html {
    let t = props.table;
    let rows = state.form.table(t).len();
    let table_path = Field::PairYear(t, 0).path();
    let table_path = table_path.split('[').next().unwrap_or_default().to_string();
    let table_error = state.errors.get(&table_path).map(str::to_string);
    let from = t == Table::Raises;
    html! {
        <div class={classes!("pair-table", from.then_some("with-from"), table_error.is_some().then_some("invalid"))}>
            <table>
                <caption>{ props.caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Year" }</th>
                        <th scope="col">{ format!("{} ({})", props.value_label, props.value_unit) }</th>
                        if from {
                            <th scope="col">{ "From" }</th>
                        }
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for (0..rows).map(|i| {
                        let year_label = format!("{}: year of row {}", props.caption, i + 1);
                        let value_label = format!("{}: {} in row {}", props.caption, props.value_label, i + 1);
                        html! {
                            <tr key={i}>
                                <td><FieldInput dispatch={state.dispatcher()} field={Field::PairYear(t, i)} value={field_value(state, Field::PairYear(t, i))} label={year_label} compact=true /></td>
                                <td><FieldInput dispatch={state.dispatcher()} field={Field::PairValue(t, i)} value={field_value(state, Field::PairValue(t, i))} label={value_label} unit={props.value_unit} compact=true /></td>
                                if from {
                                    <td class="from"><FieldInput dispatch={state.dispatcher()} field={Field::RaiseFrom(i)} value={field_value(state, Field::RaiseFrom(i))}
                                        label={format!("{}: from, in row {}", props.caption, i + 1)} compact=true
                                        list="raise-sources" described_by="raise-from-hint" /></td>
                                }
                                <td>
                                    <button type="button" class="icon-button"
                                        disabled={rows <= props.min_rows}
                                        aria-label={format!("Remove row {} of {}", i + 1, props.caption)}
                                        title="Remove row"
                                        onclick={send(state, Action::RemoveRow(t, i))}>{ "✕" }</button>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if let Some(message) = table_error {
                <p class="error-text">{ message }</p>
            }
            if let Some(hint) = &props.hint {
                <p class="hint">{ *hint }</p>
            }
            if from {
                <p class="hint" id="raise-from-hint">{ FROM_HINT }</p>
                <datalist id="raise-sources">
                    { for counterparties(&state.scenario).into_iter().map(|name| html! { <option value={name.to_string()} /> }) }
                </datalist>
            }
            <button type="button" class="small-button" onclick={send(state, Action::AddRow(t))}>{ props.add_label }</button>
        </div>
    }
}
