//! The headline figures, each with a one-line explanation; the coverage figure's year is
//! chosen by the reader.

use crate::components::fixed_html;
use crate::engine::Projection;
use crate::narrative::{self, Tone};
use crate::scenario::Scenario;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A card's classes for its tone (see [`Tone::class`]), written out rather than joined at each
/// render.
fn card_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "figure good",
        Tone::Neutral => "figure",
        Tone::Alarm => "figure alarm",
    }
}

/// The grid of headline figures. A hook that returns the figures' markup, called once per render
/// by the page's root (which re-renders with every new projection anyway): the reader's chosen
/// year is the one piece of state, and a hook holds it without a component type of its own
/// (each costs the download a copy of Yew's lifecycle).
#[hook]
pub fn use_headline_figures(s: &Scenario, projection: &Projection) -> Html {
    // Default: five years in, where the big deals are being paid.
    let year = use_state(|| None::<i32>);
    let chosen = year
        .unwrap_or(s.start_year + 5)
        .clamp(s.start_year, s.end_year);
    let figures = narrative::headline_figures(s, projection, chosen);
    let on_year = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        year.set(select.value().parse().ok());
    });
    html! {
        <div class="figures" id="headline-figures">
            { for figures.into_iter().map(|f| html! {
                <div class={card_class(f.tone)} id={format!("fig-{}", f.id)}>
                    <h3 class="figure-label">{ f.label }</h3>
                    <p class="figure-value">{ f.value }</p>
                    <p class="figure-note">{ f.explanation }</p>
                    if f.id == "coverage" {
                        <label class="figure-year">
                            { fixed_html("<span>Year </span>") }
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
