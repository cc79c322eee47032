//! The ranges of the uncertainty analysis, given as 90% intervals the way people think of them
//! (Guesstimate style), with the defaults explained. Text is kept as typed; a bad value shows
//! its message and the last valid results stay.

use web_sys::HtmlInputElement;
use yew::prelude::*;

// The text and its reading are host-tested with the page's reducer in `crate::uncertainty_state`.
pub use crate::uncertainty_state::SettingsText;

#[derive(Properties, PartialEq)]
pub struct UncertaintySettingsProps {
    pub text: SettingsText,
    /// Messages by path (from reading the text and from validation).
    pub errors: Vec<(String, String)>,
    pub on_change: Callback<SettingsText>,
    pub on_reset: Callback<()>,
}

/// The form of ranges.
#[function_component(UncertaintySettings)]
pub fn uncertainty_settings(props: &UncertaintySettingsProps) -> Html {
    let field = |id: &'static str,
                 path: &'static str,
                 label: &'static str,
                 unit: &'static str,
                 hint: &'static str,
                 get: fn(&SettingsText) -> &String,
                 set: fn(&mut SettingsText, String)| {
        let text = props.text.clone();
        let on_change = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = text.clone();
            set(&mut next, input.value());
            on_change.emit(next);
        });
        // A message about the whole interval shows under its first box; the model names an
        // end by its place ("[0]", "[1]"), the form by its name.
        let (interval, end) = path.rsplit_once('.').unwrap_or((path, ""));
        let place = match end {
            "low" => format!("{interval}[0]"),
            "high" => format!("{interval}[1]"),
            _ => String::new(),
        };
        let error = props
            .errors
            .iter()
            .find(|(p, _)| p == path || *p == place || (end == "low" && p == interval))
            .map(|(_, m)| m.clone());
        let error_id = format!("{id}-error");
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={id} class="field-label">{ label }</label>
                <div class="input-wrap">
                    <input type="text" id={id} inputmode="decimal" autocomplete="off" value={get(&props.text).clone()}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())} {oninput} />
                    <span class="unit" aria-hidden="true">{ unit }</span>
                </div>
                <p class="hint">{ hint }</p>
                if let Some(message) = error {
                    <p class="error-text" id={error_id}>{ message }</p>
                }
            </div>
        }
    };
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <section class="panel" aria-labelledby="ranges-heading">
            <h2 id="ranges-heading">{ "How uncertain is each input?" }</h2>
            <p class="hint">{ "Give each range as a 90% interval: you would be surprised, once in ten, to see the truth outside it. Every sample draws all of them at once." }</p>
            <div class="field-grid">
                { field("u-growth-low", "uncertainty.growth_multiplier.low", "Growth: low end", "×", "Every year's growth rate times this. Default 0.6: growth 40% below plan.", |t| &t.growth_low, |t, v| t.growth_low = v) }
                { field("u-growth-high", "uncertainty.growth_multiplier.high", "Growth: high end", "×", "Default 1.3: plans tend to miss more often than they beat.", |t| &t.growth_high, |t, v| t.growth_high = v) }
                { field("u-opex-low", "uncertainty.opex_shift.low", "Other costs: low end", "pts", "Points added to the non-compute share. Default −5.", |t| &t.opex_low, |t, v| t.opex_low = v) }
                { field("u-opex-high", "uncertainty.opex_shift.high", "Other costs: high end", "pts", "Default +10: costs more often overrun.", |t| &t.opex_high, |t, v| t.opex_high = v) }
                { field("u-cancel", "uncertainty.cancel_chance", "Chance a deal not signed is dropped", "%", "Letters of intent and options. Default 25%.", |t| &t.cancel, |t, v| t.cancel = v) }
                { field("u-delay", "uncertainty.max_delay", "Delay of each deal: up to", "years", "Each deal starts 0 to this many years late. Default 1.", |t| &t.delay, |t, v| t.delay = v) }
                { field("u-deal-low", "uncertainty.deal_value_range.low", "Deal values in the tornado: low end", "%", "Change of each large deal's value. Default −50%.", |t| &t.deal_low, |t, v| t.deal_low = v) }
                { field("u-deal-high", "uncertainty.deal_value_range.high", "Deal values in the tornado: high end", "%", "Default +50%: half to one and a half times.", |t| &t.deal_high, |t, v| t.deal_high = v) }
                { field("u-samples", "uncertainty.samples", "Samples", "", "100 to 100,000. Default 5,000.", |t| &t.samples, |t, v| t.samples = v) }
                { field("u-seed", "uncertainty.seed", "Seed", "", "The same seed and samples always give the same numbers.", |t| &t.seed, |t, v| t.seed = v) }
            </div>
            <button type="button" class="small-button" id="u-reset" onclick={reset}>{ "Back to the defaults" }</button>
        </section>
    }
}
