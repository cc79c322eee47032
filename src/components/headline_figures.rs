//! The headline figures, each with a one-line explanation; the coverage figure's year is
//! chosen by the reader.

use crate::engine::Projection;
use crate::narrative;
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineFiguresProps {
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
}

/// The grid of headline figures.
#[function_component(HeadlineFigures)]
pub fn headline_figures(props: &HeadlineFiguresProps) -> Html {
    let s = &props.scenario;
    // Default: five years in, where the big deals are being paid.
    let year = use_state(|| None::<i32>);
    let chosen = year
        .unwrap_or(s.start_year + 5)
        .clamp(s.start_year, s.end_year);
    let figures = narrative::headline_figures(s, &props.projection, chosen);
    let on_year = {
        let year = year.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            year.set(select.value().parse().ok());
        })
    };
    html! {
        <div class="figures" id="headline-figures">
            { for figures.into_iter().map(|f| html! {
                <div class={classes!("figure", f.tone.class())} id={format!("fig-{}", f.id)}>
                    <h3 class="figure-label">{ f.label }</h3>
                    <p class="figure-value">{ f.value }</p>
                    <p class="figure-note">{ f.explanation }</p>
                    if f.id == "coverage" {
                        <label class="figure-year">
                            <span>{ "Year " }</span>
                            <select id="coverage-year" onchange={on_year.clone()}>
                                { for s.years().map(|y| html! { <option value={y.to_string()} selected={y == chosen}>{ y }</option> }) }
                            </select>
                        </label>
                    }
                </div>
            }) }
        </div>
    }
}
