//! The scenario header: the built-in scenario picker, the scenario's name and "as of" date, and
//! its notes and sources.

use super::field_input::form_input;
use super::StateHandle;
use crate::presets::{Preset, PRESETS};
use crate::state::Field;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresetPickerProps {
    /// The app's state (the scenario's name, date and deal sources are shown from it).
    pub state: StateHandle,
    /// The preset last loaded, if the scenario started from one.
    pub preset: Option<&'static Preset>,
    pub on_choose: Callback<&'static Preset>,
}

/// Preset picker, scenario name, date, notes and sources.
#[function_component(PresetPicker)]
pub fn preset_picker(props: &PresetPickerProps) -> Html {
    let state = &props.state;
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = crate::presets::by_id(&select.value()) {
                on_choose.emit(p);
            }
        })
    };
    let current = props.preset.map(|p| p.id);
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
            <h2 id="scenario-heading">{ "Scenario" }</h2>
            <div class="field-grid">
                <div class="field">
                    <label for="preset" class="field-label">{ "Start from" }</label>
                    <select id="preset" {onchange}>
                        if current.is_none() {
                            <option value="" selected=true>{ "Your own scenario" }</option>
                        }
                        { for PRESETS.iter().map(|p| html! {
                            <option value={p.id} selected={Some(p.id) == current}>{ p.title }</option>
                        }) }
                    </select>
                    <p class="hint">{ "Choosing one replaces the current figures." }</p>
                </div>
                { form_input(state, Field::Name) }
                { form_input(state, Field::AsOf) }
            </div>
            <details class="sources">
                <summary>{ "Notes and sources" }</summary>
                if let Some(p) = props.preset {
                    <p>{ p.summary }</p>
                    <ul>
                        { for p.notes.iter().map(|n| html! { <li>{ *n }</li> }) }
                    </ul>
                    <h3>{ "Sources" }</h3>
                    <ul>
                        { for p.sources.iter().map(|s| match s.url {
                            Some(url) => html! { <li><a href={url} target="_blank" rel="noopener noreferrer">{ s.label }</a></li> },
                            None => html! { <li>{ s.label }</li> },
                        }) }
                    </ul>
                }
                if !deal_sources.is_empty() {
                    <h3>{ "Deal sources" }</h3>
                    <ul>
                        { for deal_sources.into_iter().map(|(name, url)| html! {
                            <li><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ name }</a></li>
                        }) }
                    </ul>
                }
                <p class="hint">{ "Each deal's note says which of its numbers are reported and which are assumptions." }</p>
            </details>
        </section>
    }
}
