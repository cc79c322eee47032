//! The page: the root component that holds the state, lays out inputs and results, and mounts
//! on `#root`. Compiled only for wasm32.

use crate::components::chart_panel::{ChartKind, ChartPanel};
use crate::components::costs_inputs::CostsInputs;
use crate::components::deal_ledger::DealLedger;
use crate::components::funding_inputs::FundingInputs;
use crate::components::headline_figures::HeadlineFigures;
use crate::components::preset_picker::PresetPicker;
use crate::components::projection_table::ProjectionTable;
use crate::components::revenue_inputs::RevenueInputs;
use crate::components::stale_banner::StaleBanner;
use crate::components::summary_sentence::SummarySentence;
use crate::components::theme_toggle::ThemeToggle;
use crate::components::StateHandle;
use crate::engine;
use crate::hooks::use_theme::use_theme;
use crate::presets::{Preset, PRESETS};
use crate::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// Root component of the page.
#[function_component(App)]
pub fn app() -> Html {
    let preset = use_state(|| Some(&PRESETS[0]));
    let state = use_reducer(|| State::new(Rc::new(PRESETS[0].scenario())));
    let theme = use_theme(None);
    let scenario = state.scenario.clone();
    let projection = use_memo(scenario.clone(), |s| engine::project(s));
    let on_choose = {
        let state = state.clone();
        let preset = preset.clone();
        Callback::from(move |p: &'static Preset| {
            preset.set(Some(p));
            state.dispatch(Action::Load(Rc::new(p.scenario())));
        })
    };
    let stale = state.is_stale();
    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <a class="skip-link" href="#results">{ "Skip to the results" }</a>
            <header class="site-header">
                <div>
                    <h1>{ "Compute Coverage" }</h1>
                    <p class="tagline">{ "Can revenue cover the compute commitments? Change any assumption and the answer updates." }</p>
                </div>
                <ThemeToggle theme={theme.clone()} />
            </header>
            <main class="layout">
                <div class="inputs">
                    <PresetPicker preset={*preset} {on_choose} />
                    <DealLedger />
                    <RevenueInputs />
                    <CostsInputs />
                    <FundingInputs />
                </div>
                <div class={classes!("results", stale.then_some("stale"))} id="results" tabindex="-1">
                    <section class="panel results-top" aria-labelledby="results-heading">
                        <h2 id="results-heading">{ "Results: " }{ scenario.name.clone() }</h2>
                        <StaleBanner />
                        <SummarySentence scenario={scenario.clone()} projection={projection.clone()} />
                        <HeadlineFigures scenario={scenario.clone()} projection={projection.clone()} />
                    </section>
                    { for ChartKind::ALL.iter().map(|&kind| html! {
                        <ChartPanel {kind} scenario={scenario.clone()} projection={projection.clone()} dark={theme.dark} />
                    }) }
                    <ProjectionTable projection={projection.clone()} />
                </div>
            </main>
            <footer class="site-footer">
                <p>{ "All figures in billions of nominal US dollars. The model is documented in docs/MODEL.md; every default figure carries its source in the scenario notes. Runs entirely in your browser: nothing you type leaves this page." }</p>
            </footer>
        </ContextProvider<StateHandle>>
    }
}

/// Mounts the app on the page's `#root` element (or the body if it is missing).
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("root") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
