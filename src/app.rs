//! The page: the root component. It reads what the start depends on from the browser (the
//! choice itself is [`crate::startup`]), holds the state, keeps the link and the stored work
//! current, and lays out the calculator. Compiled only for wasm32. (Embedded views are their
//! own page, `embed/`: see src/bin/embed/page.rs; `static/redirect.js` sends old embed
//! addresses there before this app loads.)

use crate::address::Address;
use crate::browser;
use crate::codec;
use crate::components::action_toast::action_toast;
use crate::components::chart_panel::{ChartKind, ChartPanel};
use crate::components::costs_inputs::costs_inputs;
use crate::components::deal_ledger::DealLedger;
use crate::components::financing_inputs::financing_inputs;
use crate::components::funding_inputs::funding_inputs;
use crate::components::headline_figures::use_headline_figures;
use crate::components::money_by_supplier::money_by_supplier;
use crate::components::notice_list::notice_list;
use crate::components::preset_picker::preset_picker;
use crate::components::projection_table::projection_table;
use crate::components::revenue_inputs::revenue_inputs;
use crate::components::saved_panel::SavedPanel;
use crate::components::share_bar::{read_file, share_bar};
use crate::components::stale_banner::stale_banner;
use crate::components::summary_sentence::summary_sentence;
use crate::components::theme_toggle::theme_toggle;
use crate::components::undo_bar::undo_bar;
use crate::components::{Dispatch, StateHandle};
use crate::engine;
use crate::hooks::use_theme::use_theme;
use crate::link;
use crate::notices::{capitalise, NoticeAction, Notices, Tone};
use crate::presets::Preset;
use crate::saved::{SavedAction, SavedState};
use crate::scenario::Scenario;
use crate::startup::{self, preset_of, Read, Start};
use crate::state::{Action, State, Visit};
use crate::storage;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Reads what [`startup::choose`] needs from the browser and writes back what it changed.
/// (An embed address never gets here: `static/redirect.js` sends it to the embed page first.)
fn startup() -> Start {
    let (saved, saved_note) = storage::load_saved();
    let mut start = startup::choose(Read {
        query_problems: Vec::new(),
        fragment: browser::hash(),
        kept: storage::load_current(),
        saved,
        saved_note,
        now: browser::now_iso(),
    });
    if start.saved_change.is_some() {
        let written = storage::store_saved(&start.saved).map_err(|e| e.to_string());
        start.stored(written);
    }
    start
}

/// Root component of the page.
#[function_component(App)]
pub fn app() -> Html {
    let start = use_memo((), |_| startup());
    let state = use_reducer(|| {
        let mut state = State::new(Rc::new(start.scenario.clone()));
        state.form.preset = start.preset;
        state
    });
    let notices = use_reducer(|| Notices::new(start.notices.iter().cloned()));
    let saved = use_reducer(|| SavedState::new(start.saved.clone()));
    let theme = use_theme(None);
    let scenario = state.scenario.clone();
    let projection = use_memo(scenario.clone(), |s| engine::project(s));
    let headline_figures = use_headline_figures(&scenario, &projection);

    // Through the reducer, so two notices raised before the next render are both kept.
    // The dispatcher never changes, so neither do these callbacks: made once, not on every
    // render.
    let notify = {
        let notices = notices.dispatcher();
        use_callback(
            (),
            move |(tone, text, details): (Tone, String, Vec<String>), _| {
                notices.dispatch(NoticeAction::Push {
                    tone,
                    text,
                    details,
                })
            },
        )
    };
    let dismiss = {
        let notices = notices.dispatcher();
        use_callback((), move |id: u32, _| {
            notices.dispatch(NoticeAction::Dismiss { id })
        })
    };

    // Keep the link (the address, and the uncertainty link's) and the stored work in step with
    // the scenario.
    // Deflating the link (by the browser: `crate::link`) and storing take a task of their own
    // after each change, so the charts are redrawn and painted without waiting for them; a
    // newer change cancels it, or, once it is deflating, makes its result stale.
    // A switch of preset gets an address of its own (pushed, not replaced), so the browser's
    // Back returns to the scenario before it; undoing the switch goes back to that entry, and
    // redoing it pushes it again (`crate::address` says why); every other change replaces the
    // address.
    let uncertainty_link = use_node_ref();
    let suppliers_link = use_node_ref();
    let publish_link = use_node_ref();
    let push_next = use_mut_ref(|| false);
    let address = use_mut_ref(Address::default);
    let changes = use_mut_ref(|| 0u32);
    {
        let notify = notify.clone();
        let link = uncertainty_link.clone();
        let to_suppliers = suppliers_link.clone();
        let to_publish = publish_link.clone();
        let push_next = push_next.clone();
        let address = address.clone();
        use_effect_with(scenario.clone(), move |s| {
            let s = s.clone();
            let change = {
                let mut n = changes.borrow_mut();
                *n = n.wrapping_add(1);
                *n
            };
            let later = gloo::timers::callback::Timeout::new(0, move || {
                // Stored at once: the work is kept whether or not its link is ready.
                if let Err(problem) = storage::store_current(&s) {
                    notify.emit((Tone::Warning, capitalise(&problem.to_string()), Vec::new()));
                }
                spawn_local(async move {
                    let fragment = link::fragment(&s).await;
                    if *changes.borrow() != change {
                        // A newer change has its own link on the way.
                        return;
                    }
                    let how = address.borrow_mut().step(
                        &fragment,
                        &browser::hash(),
                        browser::hash_under().as_deref(),
                        push_next.replace(false),
                    );
                    browser::set_hash(&fragment, how);
                    if let Some(a) = link.cast::<web_sys::Element>() {
                        let _ = a.set_attribute("href", &format!("uncertainty/#{fragment}"));
                    }
                    // "See suppliers" shows the company being edited beside the other default.
                    if let Some(a) = to_suppliers.cast::<web_sys::Element>() {
                        let set = crate::suppliers::link::beside_defaults(&s, &fragment);
                        let _ = a.set_attribute("href", &format!("suppliers/#{set}"));
                    }
                    if let Some(a) = to_publish.cast::<web_sys::Element>() {
                        let _ = a.set_attribute("href", &format!("publish/#{fragment}"));
                    }
                })
            });
            move || drop(later)
        });
    }

    // On a wide screen the charts come first: the form (the column beside them) and the panels
    // below the charts are rendered in the next task, so the first chart is drawn without
    // waiting for the whole page to be built and laid out. On a narrow screen the form is
    // above the charts, so it is rendered at once (nothing moves when it arrives).
    let full = use_state(|| {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_none_or(|w| w <= 960.0)
    });
    // The saved list is written whenever an action changed it (not the list read at start).
    // It is shown either way, so nothing in this visit is lost even when it cannot be stored.
    {
        let notify = notify.clone();
        let list = saved.list.clone();
        use_effect_with(saved.revision, move |revision| {
            if *revision > 0 {
                if let Err(problem) = storage::store_saved(&list) {
                    notify.emit((Tone::Warning, capitalise(&problem.to_string()), Vec::new()));
                }
            }
        });
    }

    // The state as last rendered, for the Back and Forward listener (`back_and_forward`).
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    // Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, except while a text field is being
    // typed in: there the browser's own text undo applies (it steps back through the typing
    // in that box, which is what a person pressing Ctrl+Z there expects, and each step it
    // takes still reaches the form as an edit). Once the field is left, Ctrl+Z is ours again.
    let typing = use_mut_ref(|| false);
    *typing.borrow_mut() = state.history.is_open();
    // The page's own listeners and its deferred render, for the life of the page (one effect:
    // each effect is its own code in the download).
    {
        let dispatch = state.dispatcher();
        let address = address.clone();
        let full = full.clone();
        use_effect_with((), move |_| {
            let later =
                (!*full).then(|| gloo::timers::callback::Timeout::new(0, move || full.set(true)));
            let listeners = [
                back_and_forward(latest, address, dispatch.clone()),
                shortcuts(typing, dispatch),
            ];
            move || drop((later, listeners))
        });
    }
    let load = {
        let state = state.clone();
        Callback::from(move |s: Scenario| {
            let preset = preset_of(&s);
            state.dispatch(Action::Load(Rc::new(s), preset));
        })
    };
    // Switching preset: its own address, and work that is not a preset nor saved yet is kept
    // under "Your scenarios", so closing the page after the switch does not lose it.
    let on_choose = {
        let state = state.clone();
        let saved_list = saved.list.clone();
        let saved = saved.dispatcher();
        let notify = notify.clone();
        Callback::from(move |p: &'static Preset| {
            let work = state.scenario.draft().clone();
            let own = preset_of(&state.scenario).is_none()
                && !saved_list.entries.iter().any(|e| e.scenario == work);
            if own {
                saved.dispatch(SavedAction::KeepBeforeSwitch {
                    scenario: work,
                    at: browser::now_iso(),
                });
                notify.emit((
                    Tone::Info,
                    format!(
                        "Your previous work, \"{}\", was kept under \"Your scenarios\".",
                        state.scenario.name
                    ),
                    Vec::new(),
                ));
            }
            let next = p.scenario();
            // Only a change of scenario makes an address to push (else the next edit would).
            *push_next.borrow_mut() = next != *state.scenario;
            state.dispatch(Action::Load(Rc::new(next), Some(p)));
        })
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
        let saved = saved.dispatcher();
        Callback::from(move |action: SavedAction| saved.dispatch(action))
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
    let full = *full;
    html! {
            <div class="page" {ondragover} {ondrop}>
            <a class="skip-link" href="#results" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::components::stale_banner::focus_by_id("results");
            })}>{ "Skip the inputs: to the charts and tables" }</a>
            <header class="site-header calculator-header">
                <div>
                    <h1>{ "Compute Coverage" }</h1>
                    <p class="tagline">{ "Can revenue cover the compute commitments? Change any assumption and the answer updates." }</p>
                </div>
                { theme_toggle(&theme) }
            </header>
            // The answer comes first (in reading order, and on top on a phone), then the inputs,
            // then the charts and tables; on a wide screen the inputs are the left column.
            <main class="layout calculator">
                <div class={classes!("answer", stale.then_some("stale"))}>
                    { notice_list(notices.list(), &dismiss) }
                    <section class="panel results-top" aria-labelledby="results-heading">
                        <h2 id="results-heading">{ "Results: " }{ scenario.name.clone() }</h2>
                        { stale_banner(&state) }
                        { summary_sentence(&scenario, &projection) }
                        { headline_figures }
                        { share_bar(&scenario, &projection, on_import) }
                        <p class="uncertainty-link">
                            <a ref={uncertainty_link} href="uncertainty/" id="uncertainty-link">
                                { "How likely is it to run short, and which assumption decides it? Uncertainty and sensitivity →" }
                            </a>
                        </p>
                        <p class="uncertainty-link"><a ref={suppliers_link} href="suppliers/" id="suppliers-link">{ "Who is owed by whom, for several companies at once? Suppliers →" }</a></p>
                        <p class="uncertainty-link"><a ref={publish_link} href="publish/" id="publish-link">{ "A chart or the figures of this scenario in your blog post? Embed in your post →" }</a></p>
                    </section>
                </div>
                <div class="inputs">
                    if full {
                        { undo_bar(&state) }
                        { preset_picker(&state, on_choose) }
                        <DealLedger state={state.clone()} />
                        { revenue_inputs(&state) }
                        { costs_inputs(&state) }
                        { funding_inputs(&state) }
                        { financing_inputs(&state) }
                        <SavedPanel list={saved.list.clone()} scenario={scenario.clone()} on_action={on_saved} on_open={load.clone()} {now} />
                    }
                </div>
                <div class={classes!("results", stale.then_some("stale"))} id="results" tabindex="-1">
                    { for ChartKind::ALL.iter().map(|&kind| html! {
                        <ChartPanel {kind} scenario={scenario.clone()} projection={projection.clone()} dark={theme.dark} />
                    }) }
                </div>
                // The tables span both columns, so the year table's columns fit from 1024 px up.
                if full {
                    <div class="wide-results">
                        { projection_table(&projection, scenario.financing.is_some()) }
                        { money_by_supplier(&projection) }
                    </div>
                }
            </main>
            { action_toast(&state) }
            // Field messages, said once the field is left (see field_input.rs).
            <div id="field-status" class="visually-hidden" role="status"></div>
            <footer class="site-footer">
                <p>{ "All figures in billions of nominal US dollars. The model is documented in docs/MODEL.md; every default figure carries its source in the scenario notes. Runs entirely in your browser: nothing you type leaves this page. Drop a scenario JSON file anywhere on the page to import it." }</p>
            </footer>
            </div>
    }
}

/// Back and Forward: one undo or redo when the address's scenario is one away; an address
/// from before this page was loaded is opened as a link is, by loading the page again (which
/// keeps the work on screen under "Your scenarios" when it differs).
fn back_and_forward(
    latest: Rc<RefCell<StateHandle>>,
    address: Rc<RefCell<Address>>,
    dispatch: Dispatch,
) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| {
        let fragment = browser::hash();
        if address.borrow_mut().ours() {
            // Undo already showed the scenario; only a change made since then can be missing
            // from the address.
            let shown = latest.borrow().scenario.clone();
            spawn_local(async move { browser::replace_hash(&link::fragment(&shown).await) });
            return;
        }
        if !codec::is_scenario_fragment(&fragment) {
            return;
        }
        let visit = latest.borrow().visit(&fragment);
        match visit {
            Visit::Undo => {
                // The link of the scenario left, recorded once deflated (well before a Redo
                // could ask for it).
                let left = latest.borrow().scenario.clone();
                let address = address.clone();
                spawn_local(async move {
                    let from = link::fragment(&left).await;
                    address.borrow_mut().went_back(from);
                });
                dispatch.dispatch(Action::Undo);
            }
            Visit::Redo => {
                address.borrow_mut().went_forward(&fragment);
                dispatch.dispatch(Action::Redo);
            }
            Visit::Here => {}
            Visit::Elsewhere => {
                let _ = gloo::utils::window().location().reload();
            }
        }
    })
}

/// The undo and redo shortcuts (see [`shortcut`]); `typing` says whether a field's edit is open.
fn shortcuts(typing: Rc<RefCell<bool>>, dispatch: Dispatch) -> EventListener {
    // Not passive: the shortcut replaces the browser's own undo (which would do nothing outside
    // a text field).
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
        if let Some(action) = e
            .dyn_ref::<KeyboardEvent>()
            .and_then(|k| shortcut(k, *typing.borrow()))
        {
            e.prevent_default();
            dispatch.dispatch(action);
        }
    })
}

/// The history action a key press asks for: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z or Ctrl+Y, unless a
/// field is being typed in (`typing`: a field's edit is open until the field is left, so the
/// focus is in it).
fn shortcut(e: &KeyboardEvent, typing: bool) -> Option<Action> {
    if typing || !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    match (e.key().as_str(), e.shift_key()) {
        ("z" | "Z", false) => Some(Action::Undo),
        ("z" | "Z", true) | ("y" | "Y", false) => Some(Action::Redo),
        _ => None,
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
