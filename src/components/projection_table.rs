//! The projection year by year, as a table with the same numbers as the charts; under a
//! financing section it gains the financing columns (interest, borrowed, repaid, debt, unpaid).

use crate::components::use_app_state;
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
    // Whether the scenario has a financing section is read from the state (the projection
    // cannot tell a neutral section from none); without one the table stays as narrow as it was.
    let financing = use_app_state().scenario.financing.is_some();
    let money = |x: f64| html! { <td>{ format::billions(x) }</td> };
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
                            if financing {
                                <th scope="col">{ "Interest" }</th>
                                <th scope="col">{ "Borrowed" }</th>
                                <th scope="col">{ "Repaid" }</th>
                                <th scope="col">{ "Debt" }</th>
                                <th scope="col">{ "Unpaid" }</th>
                            }
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
                                if financing {
                                    { money(r.interest) }
                                    { money(r.borrowed) }
                                    { money(r.repaid) }
                                    { money(r.debt) }
                                    <td class={classes!((r.unpaid > 0.0).then_some("negative"))}>{ format::billions(r.unpaid) }</td>
                                }
                                <td class={classes!((r.cash < 0.0).then_some("negative"))}>{ format::billions(r.cash) }</td>
                                <td>{ format::ratio(r.coverage) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="hint">
                { "Billions of nominal dollars. Available = revenue − revenue share − other costs; coverage = available ÷ commitments." }
                if financing {
                    { " Interest is on the debt at the start of the year; unpaid = payments due but not made." }
                }
            </p>
        </section>
    }
}
