//! "Money in and out by supplier": for each counterparty of the deals (and each other named
//! source of a raise), the payments due to it in the horizon, the part left unpaid, the money
//! it put in and the net, with a total; and, under the table, the circular flows named: the
//! suppliers that put money into the company they are owed by.

use crate::components::fixed_html;
use crate::components::table::{head, names, row};
use crate::engine::{Counterparty, Projection};
use crate::format;
use yew::prelude::*;

/// The table, or nothing when there are no deals and no named sources of money. A plain function
/// called by the root: the projection it shows changes with every edit anyway, and a component
/// type costs the download its own copy of Yew's lifecycle.
pub fn money_by_supplier(p: &Projection) -> Html {
    let rows = &p.counterparties;
    if rows.is_empty() {
        return Html::default();
    }
    let any_unpaid = rows.iter().any(|c| c.unpaid > 0.0);
    let total = rows.iter().fold(
        Counterparty {
            name: String::new(),
            deals: 0,
            commitments: 0.0,
            due: 0.0,
            unpaid: 0.0,
            received: 0.0,
        },
        |t, c| Counterparty {
            deals: t.deals + c.deals,
            commitments: t.commitments + c.commitments,
            due: t.due + c.due,
            unpaid: t.unpaid + c.unpaid,
            received: t.received + c.received,
            ..t
        },
    );
    let cells = |c: &Counterparty| {
        let mut cells = vec![c.deals.to_string(), format::billions(c.due)];
        if any_unpaid {
            cells.push(format::billions(c.unpaid));
        }
        cells.extend([format::billions(c.received), format::billions(c.net())]);
        cells
    };
    let mut columns = names(&["Supplier", "Deals", "Due"]);
    if any_unpaid {
        columns.extend(names(&["Unpaid"]));
    }
    columns.extend(names(&["Received", "Net"]));
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
            { fixed_html(if any_unpaid {
                r#"<h2 id="money-heading">Money in and out by supplier</h2><p class="hint">Due: payments due to the supplier in the horizon. Unpaid: the part of them left unpaid. Received: money the supplier put in. Net = due − unpaid − received: what the company pays it on balance (below zero: it put in more than it is paid).</p>"#
            } else {
                r#"<h2 id="money-heading">Money in and out by supplier</h2><p class="hint">Due: payments due to the supplier in the horizon. Received: money the supplier put in. Net = due − received: what the company pays it on balance (below zero: it put in more than it is paid).</p>"#
            }) }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="money-heading">
                <table class="data-table" id="money-table">
                    <caption>{ caption }</caption>
                    { head(columns) }
                    <tbody>
                        { for rows.iter().map(|c| row(c.name.clone(), cells(c), true)) }
                    </tbody>
                    <tfoot>
                        { row("Total".into(), cells(&total), true) }
                    </tfoot>
                </table>
            </div>
            if !circular.is_empty() {
                <p class="hint" id="circular-flows">
                    { format!("Circular flows: {}.", circular.join("; ")) }
                </p>
            }
        </section>
    }
}
