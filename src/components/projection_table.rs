//! The projection year by year, as a table with the same numbers as the charts; under a
//! financing section it gains the financing columns (interest, borrowed, repaid, debt, unpaid).

use crate::components::fixed_html;
use crate::components::table::{names, row};
use crate::engine::Projection;
use crate::format;
use yew::prelude::*;

/// Year-by-year table. `financing`: whether the scenario has a financing section (the
/// projection cannot tell a neutral section from none); without one the table stays as narrow
/// as it was. A plain function called by the root, which re-renders on every change of the
/// state, as the component reading the state that it was did.
pub fn projection_table(p: &Projection, financing: bool) -> Html {
    // Compact headers, so the whole table fits from 1024 px up: soft hyphens let long words
    // break, and the one abbreviation carries its full name.
    let mut columns = names(&[
        "Year",
        "Revenue",
        "Rev. share",
        "Other costs",
        "Avail\u{ad}able",
        "Commit\u{ad}ments",
        "Net cash flow",
        "Raised",
    ]);
    if financing {
        columns.extend(names(&[
            "Inter\u{ad}est",
            "Bor\u{ad}rowed",
            "Repaid",
            "Debt",
            "Unpaid",
        ]));
    }
    columns.extend(names(&["Cash", "Cover\u{ad}age"]));
    let cells = |r: &crate::engine::YearRow| {
        let mut values = vec![
            r.revenue,
            r.revenue_share,
            r.other_costs,
            r.available,
            r.commitments,
            r.net_cash_flow,
            r.raised,
        ];
        if financing {
            values.extend([r.interest, r.borrowed, r.repaid, r.debt, r.unpaid]);
        }
        values.push(r.cash);
        let mut cells: Vec<String> = values.into_iter().map(format::billions).collect();
        cells.push(format::ratio(r.coverage));
        cells
    };
    html! {
        <section class="panel" aria-labelledby="table-heading">
            { fixed_html(r#"<h2 id="table-heading">Year by year</h2><p class="scroll-cue" aria-hidden="true">Swipe sideways for more columns →</p>"#) }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-heading">
                <table class="projection" id="projection-table">
                    <caption class="visually-hidden">{ "The projection by year, in billions of dollars" }</caption>
                    <thead><tr>
                        { for columns.into_iter().map(|n| if n == "Rev. share" {
                            html! { <th scope="col"><abbr title="Revenue share">{ n }</abbr></th> }
                        } else {
                            html! { <th scope="col">{ n }</th> }
                        }) }
                    </tr></thead>
                    <tbody>
                        { for p.rows.iter().map(|r| row(r.year.to_string(), cells(r), true)) }
                    </tbody>
                </table>
            </div>
            { fixed_html(if financing {
                r#"<p class="hint">Billions of nominal dollars. Available = revenue − revenue share − other costs; coverage = available ÷ commitments. Interest is on the debt at the start of the year; unpaid = payments due but not made.</p>"#
            } else {
                r#"<p class="hint">Billions of nominal dollars. Available = revenue − revenue share − other costs; coverage = available ÷ commitments.</p>"#
            }) }
        </section>
    }
}
