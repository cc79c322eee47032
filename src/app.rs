//! The page: the root component. It decides what to show at start (a scenario link, the work
//! kept in this browser, or the default), holds the state, keeps the link and the stored work
//! current, and lays out the calculator. Compiled only for wasm32. (Embedded views are their own
//! page, `embed/`: see src/bin/embed/page.rs; `static/redirect.js` sends old embed
//! addresses there before this app loads.)

use crate::browser;
use crate::codec;
use crate::components::chart_panel::{ChartKind, ChartPanel};
use crate::components::costs_inputs::CostsInputs;
use crate::components::deal_ledger::DealLedger;
use crate::components::embed_dialog::EmbedDialog;
use crate::components::funding_inputs::FundingInputs;
use crate::components::headline_figures::HeadlineFigures;
use crate::components::notice_list::{Notice, NoticeList, Tone};
use crate::components::preset_picker::PresetPicker;
use crate::components::projection_table::ProjectionTable;
use crate::components::revenue_inputs::RevenueInputs;
use crate::components::saved_panel::SavedPanel;
use crate::components::share_bar::{read_file, ShareBar};
use crate::components::stale_banner::StaleBanner;
use crate::components::summary_sentence::SummarySentence;
use crate::components::theme_toggle::ThemeToggle;
use crate::components::StateHandle;
use crate::engine;
use crate::hooks::use_theme::use_theme;
use crate::presets::{Preset, PRESETS};
use crate::saved::{Saved, SavedList};
use crate::scenario::Scenario;
use crate::state::{Action, State};
use crate::storage;
use std::rc::Rc;
use yew::prelude::*;

/// What the page starts with.
struct Startup {
    scenario: Scenario,
    preset: Option<&'static Preset>,
    notices: Vec<(Tone, String)>,
    saved: SavedList,
}

/// Chooses the first scenario: a link's, else the work kept in this browser, else the default.
/// A broken link is reported and never replaces the kept work.
fn startup() -> Startup {
    let mut notices = Vec::new();
    let (mut saved, saved_note) = storage::load_saved();
    if let Some(note) = saved_note {
        notices.push((Tone::Warning, capitalise(&note)));
    }
    let kept = match storage::load_current() {
        Ok(kept) => kept,
        Err(message) => {
            // Disabled storage fails both reads with the same message: it is said once.
            let text = capitalise(&message);
            if !notices.iter().any(|(_, said)| *said == text) {
                notices.push((Tone::Warning, text));
            }
            None
        }
    };
    let hash = browser::hash();
    let from_link = if codec::is_scenario_fragment(&hash) {
        match codec::decode(&hash) {
            Ok(s) => Some(s),
            Err(e) => {
                let fallback = if kept.is_some() {
                    "your last work in this browser is shown instead"
                } else {
                    "the default scenario is shown instead"
                };
                notices.push((
                    Tone::Error,
                    format!(
                        "This link could not be opened: {e}. {}.",
                        capitalise(fallback)
                    ),
                ));
                None
            }
        }
    } else {
        None
    };
    let (scenario, preset) = match (from_link, kept) {
        (Some(link), kept) => {
            // Opening someone's link must not lose your own unsaved work: keep it in the list.
            if let Some(kept) = kept.filter(|k| *k != link) {
                let name = crate::saved::unique_name(
                    &saved.entries,
                    &format!(
                        "{} (before opening a link)",
                        kept.name.chars().take(50).collect::<String>()
                    ),
                );
                saved.entries.insert(
                    0,
                    Saved {
                        name,
                        saved_at: browser::now_iso(),
                        scenario: kept.draft().clone(),
                    },
                );
                if storage::store_saved(&saved).is_ok() {
                    notices.push((Tone::Info, "You opened a shared scenario. Your previous work was saved under \"Your scenarios\".".into()));
                }
            }
            let preset = PRESETS.iter().find(|p| p.scenario() == link);
            (link, preset)
        }
        (None, Some(kept)) => {
            let preset = PRESETS.iter().find(|p| p.scenario() == kept);
            (kept, preset)
        }
        (None, None) => (PRESETS[0].scenario(), Some(&PRESETS[0])),
    };
    Startup {
        scenario,
        preset,
        notices,
        saved,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Root component of the page.
#[function_component(App)]
pub fn app() -> Html {
    let start = use_memo((), |_| startup());
    let preset = use_state(|| start.preset);
    let state = use_reducer(|| State::new(Rc::new(start.scenario.clone())));
    let next_id = use_mut_ref(|| start.notices.len() as u32);
    let notices = use_state(|| {
        start
            .notices
            .iter()
            .enumerate()
            .map(|(i, (tone, text))| Notice {
                id: i as u32,
                tone: *tone,
                text: text.clone(),
                details: Vec::new(),
            })
            .collect::<Vec<_>>()
    });
    let saved = use_state(|| Rc::new(start.saved.clone()));
    let theme = use_theme(None);
    let scenario = state.scenario.clone();
    let projection = use_memo(scenario.clone(), |s| engine::project(s));

    let notify = {
        let notices = notices.clone();
        let next_id = next_id.clone();
        Callback::from(move |(tone, text, details): (Tone, String, Vec<String>)| {
            let mut list = (*notices).clone();
            // The same message twice (e.g. storage still full) is shown once.
            if list.iter().any(|n| n.text == text && n.details == details) {
                return;
            }
            let id = {
                let mut n = next_id.borrow_mut();
                *n += 1;
                *n
            };
            list.push(Notice {
                id,
                tone,
                text,
                details,
            });
            notices.set(list);
        })
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |id: u32| {
            notices.set(notices.iter().filter(|n| n.id != id).cloned().collect())
        })
    };

    // The link's fragment, deflated once per scenario (not on every render) for the address
    // and the uncertainty link.
    let fragment = use_memo(scenario.clone(), |s| codec::encode(s));
    // Keep the link and the stored work in step with the scenario.
    {
        let notify = notify.clone();
        let fragment = fragment.clone();
        use_effect_with(scenario.clone(), move |s| {
            browser::replace_hash(&fragment);
            if let Err(problem) = storage::store_current(s) {
                notify.emit((Tone::Warning, capitalise(&problem.to_string()), Vec::new()));
            }
        });
    }

    let load = {
        let state = state.clone();
        let preset = preset.clone();
        Callback::from(move |s: Scenario| {
            preset.set(PRESETS.iter().find(|p| p.scenario() == s));
            state.dispatch(Action::Load(Rc::new(s)));
        })
    };
    let on_choose = {
        let load = load.clone();
        Callback::from(move |p: &'static Preset| load.emit(p.scenario()))
    };
    let on_import = {
        let load = load.clone();
        let notify = notify.clone();
        Callback::from(move |text: Result<String, String>| {
            match text
                .map_err(|e| vec![e])
                .and_then(|t| Scenario::from_json(&t).map_err(|e| e.messages()))
            {
                Ok(s) => {
                    let name = s.name.clone();
                    load.emit(s);
                    notify.emit((Tone::Info, format!("Imported \"{name}\"."), Vec::new()));
                }
                Err(details) => notify.emit((
                    Tone::Error,
                    "That file was not imported; your current work is unchanged. What is wrong:"
                        .into(),
                    details,
                )),
            }
        })
    };
    let on_saved = {
        let saved = saved.clone();
        let notify = notify.clone();
        Callback::from(move |list: SavedList| {
            if let Err(problem) = storage::store_saved(&list) {
                notify.emit((Tone::Warning, capitalise(&problem.to_string()), Vec::new()));
            }
            // Shown either way, so nothing in this visit is lost even when it cannot be stored.
            saved.set(Rc::new(list));
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let on_import = on_import.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            read_file(e.data_transfer().and_then(|d| d.files()), on_import.clone());
        })
    };
    let now = Callback::from(|_: ()| browser::now_iso());
    let stale = state.is_stale();
    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class="page" {ondragover} {ondrop}>
            <a class="skip-link" href="#results" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::components::stale_banner::focus_by_id("results");
            })}>{ "Skip to the results" }</a>
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
                    <SavedPanel list={(*saved).clone()} scenario={scenario.clone()} on_change={on_saved} on_open={load.clone()} {now} />
                </div>
                <div class={classes!("results", stale.then_some("stale"))} id="results" tabindex="-1">
                    <NoticeList notices={(*notices).clone()} on_dismiss={dismiss} />
                    <section class="panel results-top" aria-labelledby="results-heading">
                        <h2 id="results-heading">{ "Results: " }{ scenario.name.clone() }</h2>
                        <StaleBanner />
                        <SummarySentence scenario={scenario.clone()} projection={projection.clone()} />
                        <HeadlineFigures scenario={scenario.clone()} projection={projection.clone()} />
                        <ShareBar scenario={scenario.clone()} projection={projection.clone()} on_import={on_import} />
                        <p class="uncertainty-link">
                            <a href={format!("uncertainty/#{fragment}")} id="uncertainty-link">
                                { "How likely is it to run short, and which assumption decides it? Uncertainty and sensitivity →" }
                            </a>
                        </p>
                    </section>
                    { for ChartKind::ALL.iter().map(|&kind| html! {
                        <ChartPanel {kind} scenario={scenario.clone()} projection={projection.clone()} dark={theme.dark} />
                    }) }
                    <ProjectionTable projection={projection.clone()} />
                    <EmbedDialog scenario={scenario.clone()} />
                </div>
            </main>
            <footer class="site-footer">
                <p>{ "All figures in billions of nominal US dollars. The model is documented in docs/MODEL.md; every default figure carries its source in the scenario notes. Runs entirely in your browser: nothing you type leaves this page. Drop a scenario JSON file anywhere on the page to import it." }</p>
            </footer>
            </div>
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
