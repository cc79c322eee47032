//! "Money in and out by supplier": for each counterparty of the deals (and each other named
//! source of a raise), the payments due to it in the horizon, the part left unpaid, the money
//! it put in and the net, with a total; and, under the table, the circular flows named: the
//! suppliers that put money into the company they are owed by.

use crate::engine::{Counterparty, Projection};
use crate::format;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoneyBySupplierProps {
    pub projection: Rc<Projection>,
}

/// The table, or nothing when there are no deals and no named sources of money.
#[function_component(MoneyBySupplier)]
pub fn money_by_supplier(props: &MoneyBySupplierProps) -> Html {
    let p = &props.projection;
    let rows = &p.counterparties;
    if rows.is_empty() {
        return Html::default();
    }
    let any_unpaid = rows.iter().any(|c| c.unpaid > 0.0);
    let total = rows.iter().fold(
        Counterparty {
            name: String::new(),
            deals: 0,
            due: 0.0,
            unpaid: 0.0,
            received: 0.0,
        },
        |t, c| Counterparty {
            deals: t.deals + c.deals,
            due: t.due + c.due,
            unpaid: t.unpaid + c.unpaid,
            received: t.received + c.received,
            ..t
        },
    );
    let cells = |c: &Counterparty| {
        html! { <>
            <td>{ c.deals }</td>
            <td>{ format::billions(c.due) }</td>
            if any_unpaid {
                <td class={classes!((c.unpaid > 0.0).then_some("negative"))}>{ format::billions(c.unpaid) }</td>
            }
            <td>{ format::billions(c.received) }</td>
            <td>{ format::billions(c.net()) }</td>
        </> }
    };
    let circular: Vec<String> = rows
        .iter()
        .filter(|c| c.received > 0.0 && c.due > 0.0)
        .map(|c| {
            format!(
                "{} put in {} and is owed {}",
                c.name,
                format::money(c.received),
                format::money(c.due)
            )
        })
        .collect();
    let (first, last) = match (p.rows.first(), p.rows.last()) {
        (Some(f), Some(l)) => (f.year, l.year),
        _ => (0, 0),
    };
    let caption = format!("Billions of dollars, {first} to {last}");
    html! {
        <section class="panel" aria-labelledby="money-heading" id="money-by-supplier">
            <h2 id="money-heading">{ "Money in and out by supplier" }</h2>
            <p class="hint">
                { "Due: payments due to the supplier in the horizon. " }
                if any_unpaid {
                    { "Unpaid: the part of them left unpaid. " }
                }
                { "Received: money the supplier put in. Net = due" }
                if any_unpaid {
                    { " − unpaid" }
                }
                { " − received: what the company pays it on balance (below zero: it put in more than it is paid)." }
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="money-heading">
                <table class="data-table" id="money-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ "Supplier" }</th>
                        <th scope="col">{ "Deals" }</th>
                        <th scope="col">{ "Due" }</th>
                        if any_unpaid {
                            <th scope="col">{ "Unpaid" }</th>
                        }
                        <th scope="col">{ "Received" }</th>
                        <th scope="col">{ "Net" }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|c| html! {
                            <tr><th scope="row">{ c.name.clone() }</th>{ cells(c) }</tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr><th scope="row">{ "Total" }</th>{ cells(&total) }</tr>
                    </tfoot>
                </table>
            </div>
            if !circular.is_empty() {
                <p class="hint" id="circular-flows">
                    { "Circular flows: " }{ circular.join("; ") }{ "." }
                </p>
            }
        </section>
    }
}
