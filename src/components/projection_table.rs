//! The projection year by year, as a table with the same numbers as the charts.

use crate::engine::Projection;
use crate::format;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProjectionTableProps {
    pub projection: Rc<Projection>,
}

/// Year-by-year table.
#[function_component(ProjectionTable)]
pub fn projection_table(props: &ProjectionTableProps) -> Html {
    let p = &props.projection;
    html! {
        <section class="panel" aria-labelledby="table-heading">
            <h2 id="table-heading">{ "Year by year" }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-heading">
                <table class="projection" id="projection-table">
                    <caption class="visually-hidden">{ "The projection by year, in billions of dollars" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col">{ "Revenue" }</th>
                            <th scope="col">{ "Revenue share" }</th>
                            <th scope="col">{ "Other costs" }</th>
                            <th scope="col">{ "Available" }</th>
                            <th scope="col">{ "Commitments" }</th>
                            <th scope="col">{ "Net cash flow" }</th>
                            <th scope="col">{ "Raised" }</th>
                            <th scope="col">{ "Cash" }</th>
                            <th scope="col">{ "Coverage" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for p.rows.iter().map(|r| html! {
                            <tr key={r.year}>
                                <th scope="row">{ r.year }</th>
                                <td>{ format::billions(r.revenue) }</td>
                                <td>{ format::billions(r.revenue_share) }</td>
                                <td>{ format::billions(r.other_costs) }</td>
                                <td>{ format::billions(r.available) }</td>
                                <td>{ format::billions(r.commitments) }</td>
                                <td class={classes!((r.net_cash_flow < 0.0).then_some("negative"))}>{ format::billions(r.net_cash_flow) }</td>
                                <td>{ format::billions(r.raised) }</td>
                                <td class={classes!((r.cash < 0.0).then_some("negative"))}>{ format::billions(r.cash) }</td>
                                <td>{ format::ratio(r.coverage) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="hint">{ "Billions of nominal dollars. Available = revenue − revenue share − other costs; coverage = available ÷ commitments." }</p>
        </section>
    }
}
