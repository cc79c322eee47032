//! The scenario header: the built-in scenario picker, the scenario's name and "as of" date, and
//! its notes and sources.

use super::field_input::form_input;
use super::{fixed_html, StateHandle};
use crate::presets::{Preset, PRESETS};
use crate::state::Field;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Preset picker, scenario name, date, notes and sources. A plain function called by the root
/// with the state (no state of its own; it showed the whole state as a component too, so it was
/// re-rendered on every change either way), not a component type with its own copy of Yew's
/// lifecycle in the download. `on_choose`: a built-in scenario was chosen.
pub fn preset_picker(state: &StateHandle, on_choose: Callback<&'static Preset>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(p) = crate::presets::by_id(&select.value()) {
            on_choose.emit(p);
        }
    });
    let preset = state.form.preset;
    let current = preset.map(|p| p.id);
    let deal_sources: Vec<(String, String)> = state
        .form
        .deals
        .iter()
        .filter(|d| {
            d.source.trim().starts_with("https://") || d.source.trim().starts_with("http://")
        })
        .map(|d| (d.name.clone(), d.source.trim().to_string()))
        .collect();
    html! {
        <section class="panel scenario-panel" aria-labelledby="scenario-heading">
            { fixed_html(r#"<h2 id="scenario-heading">Scenario</h2>"#) }
            <div class="field-grid">
                <div class="field">
                    { fixed_html(r#"<label for="preset" class="field-label">Start from</label>"#) }
                    <select id="preset" {onchange}>
                        if current.is_none() {
                            <option value="" selected=true>{ "Your own scenario" }</option>
                        }
                        { for PRESETS.iter().map(|p| html! {
                            <option value={p.id} selected={Some(p.id) == current}>{ p.title }</option>
                        }) }
                    </select>
                    { fixed_html(r#"<p class="hint">Choosing one replaces the current figures.</p>"#) }
                </div>
                { form_input(state, Field::Name) }
                { form_input(state, Field::AsOf) }
            </div>
            <details class="sources">
                { fixed_html("<summary>Notes and sources</summary>") }
                if let Some(p) = preset {
                    <p>{ p.summary }</p>
                    <ul>
                        { for p.notes.iter().map(|n| html! { <li>{ *n }</li> }) }
                    </ul>
                    { fixed_html("<h3>Sources</h3>") }
                    <ul>
                        { for p.sources.iter().map(|s| match s.url {
                            Some(url) => html! { <li><a href={url} target="_blank" rel="noopener noreferrer">{ s.label }</a></li> },
                            None => html! { <li>{ s.label }</li> },
                        }) }
                    </ul>
                }
                if !deal_sources.is_empty() {
                    { fixed_html("<h3>Deal sources</h3>") }
                    <ul>
                        { for deal_sources.into_iter().map(|(name, url)| html! {
                            <li><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ name }</a></li>
                        }) }
                    </ul>
                }
                { fixed_html(r#"<p class="hint">Each deal's note says which of its numbers are reported and which are assumptions.</p>"#) }
            </details>
        </section>
    }
}
