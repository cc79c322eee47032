//! The uncertainty page (`uncertainty/`): how likely the money is to run short and which input
//! decides it, for the scenario in the link. A separate page with its own download, loaded only
//! when a reader opens it, so the calculator's own page stays small. Its state lives in the
//! host-tested reducers of [`crate::uncertainty_state`]; what derives from the scenario is
//! memoised, so the Monte Carlo's progress updates project nothing and redraw no chart.
//! Compiled only for wasm32.

use crate::browser;
use crate::charts::ComparisonMetric;
use crate::codec;
use crate::components::notice_list::notice_list;
use crate::components::plot::{Plot, PlotData, RowTip};
use crate::components::theme_toggle::theme_toggle;
use crate::components::uncertainty_settings::UncertaintySettings;
use crate::engine::{self, Projection};
use crate::format;
use crate::hooks::use_theme::use_theme;
use crate::narrative;
use crate::notices::{capitalise, NoticeAction, Notices, Tone};
use crate::scenario::{Scenario, Shortfall};
use crate::sensitivity::{self, Tornado};
use crate::startup;
use crate::storage;
use crate::uncertainty::{FinancingOdds, MonteCarlo, MonteCarloRun, Percentiles};
use crate::uncertainty_state::{
    Run, RunAction, Settings, SettingsAction, SettingsText, MAX_COMPARED,
};
use std::rc::Rc;
use std::time::Duration;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Samples run between two yields to the browser, so the page stays responsive.
const CHUNK: usize = 1000;

/// Reads what [`startup::choose_uncertainty`] needs from the browser.
fn startup() -> (Scenario, Vec<(Tone, String)>) {
    startup::choose_uncertainty(&browser::hash(), storage::load_current())
}

/// Root of the uncertainty page.
#[function_component(UncertaintyPage)]
pub fn uncertainty_page() -> Html {
    let start = use_memo((), |_| startup());
    let settings = use_reducer(|| Settings::new(Rc::new(start.0.clone())));
    let notices = use_reducer(|| Notices::new(start.1.iter().cloned()));
    let theme = use_theme(None);
    let run = use_reducer(Run::default);
    let generation = use_mut_ref(|| 0_u64);
    let scenario: Rc<Scenario> = settings.scenario.clone();
    // Everything derived from the scenario is computed once per scenario: the Monte Carlo's
    // progress updates re-render the page many times a second and must not redo it.
    let projection = use_memo(scenario.clone(), |s| engine::project(s));
    let tornado = use_memo(scenario.clone(), |s| sensitivity::tornado(s));
    let fragment = use_memo(scenario.clone(), |s| codec::encode(s));
    // The projection the finished result is drawn against (its scenario may be older than the
    // page's while a new run goes on).
    let result_projection = {
        let projection = projection.clone();
        let scenario = scenario.clone();
        use_memo(run.result.as_ref().map(|(_, of)| of.clone()), move |of| {
            of.as_ref().map(|of| {
                if Rc::ptr_eq(of, &scenario) {
                    projection
                } else {
                    Rc::new(engine::project(of))
                }
            })
        })
    };

    // Run the Monte Carlo in slices whenever the scenario changes; a newer run cancels an older.
    {
        let run = run.dispatcher();
        let notices = notices.dispatcher();
        let generation = generation.clone();
        let fragment = fragment.clone();
        use_effect_with(scenario.clone(), move |s| {
            browser::replace_hash(&fragment);
            if let Err(problem) = storage::store_current(s) {
                notices.dispatch(NoticeAction::push(
                    Tone::Warning,
                    capitalise(&problem.to_string()),
                ));
            }
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            run.dispatch(RunAction::Start { generation: mine });
            let mut job = MonteCarloRun::new(s);
            let s = s.clone();
            yew::platform::spawn_local(async move {
                loop {
                    job.run_chunk(CHUNK);
                    if *generation.borrow() != mine {
                        return;
                    }
                    if job.is_finished() {
                        break;
                    }
                    run.dispatch(RunAction::Progress {
                        generation: mine,
                        done: job.progress(),
                    });
                    yew::platform::time::sleep(Duration::ZERO).await;
                }
                run.dispatch(RunAction::Finish {
                    generation: mine,
                    result: Rc::new(job.finish()),
                    of: s,
                });
            });
        });
    }

    let on_change = {
        let settings = settings.dispatcher();
        Callback::from(move |next: SettingsText| settings.dispatch(SettingsAction::Edit(next)))
    };
    let on_reset = {
        let settings = settings.dispatcher();
        Callback::from(move |_| settings.dispatch(SettingsAction::Reset))
    };
    let on_compare = {
        let settings = settings.dispatcher();
        Callback::from(move |(index, on): (usize, bool)| {
            settings.dispatch(SettingsAction::Compare { index, on })
        })
    };
    let dismiss = {
        let notices = notices.dispatcher();
        Callback::from(move |id: u32| notices.dispatch(NoticeAction::Dismiss { id }))
    };
    let back = format!("../#{fragment}");
    let errors = &settings.errors;
    let stale = !errors.is_empty() || run.progress.is_some();
    html! {
        <div class="page uncertainty">
            // As on the calculator: past the ranges to the answer, without touching the link
            // in the address (a plain "#results" would replace the scenario there).
            <a class="skip-link" href="#results" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::components::stale_banner::focus_by_id("results");
            })}>{ "Skip the ranges: to the results" }</a>
            <header class="site-header">
                <div>
                    <p class="back-link"><a href={back} id="back-to-calculator">{ "← Back to the calculator" }</a>{ " · " }<a href="../suppliers/" id="to-suppliers">{ "Suppliers" }</a></p>
                    <h1>{ "Uncertainty and what matters most" }</h1>
                    <p class="tagline">{ format!("{}: how likely is it that the money runs out, and which assumption decides it?", scenario.name) }</p>
                </div>
                { theme_toggle(&theme) }
            </header>
            <main class="layout">
                <div class="inputs">
                    <UncertaintySettings text={settings.text.clone()} errors={errors.clone()} {on_change} {on_reset} />
                    <ComparisonPanel scenario={scenario.clone()} projection={projection.clone()} compared={settings.compared.clone()} {on_compare} dark={theme.dark} />
                </div>
                <div class={classes!("results", stale.then_some("stale"))} id="results" tabindex="-1">
                    { notice_list(notices.list(), &dismiss) }
                    if !errors.is_empty() {
                        <div class="stale-banner" role="status" id="stale-banner">
                            <p><strong>{ "These results are from your last valid ranges." }</strong>{ " Fix the ranges marked to update them." }</p>
                        </div>
                    }
                    if let Some(p) = run.progress {
                        <div class="progress" role="status" aria-live="polite" id="mc-progress">
                            <span>{ format!("Running samples… {}%", format::fixed(p * 100.0, 0)) }</span>
                            <progress max="1" value={format::display(p)} />
                        </div>
                    }
                    { match (&run.result, &*result_projection) {
                        (Some((mc, of)), Some(p)) => results(mc.clone(), of.clone(), p.clone(), theme.dark),
                        _ => html! { <section class="panel"><p>{ "Running the samples…" }</p></section> },
                    } }
                    <TornadoPanel tornado={tornado.clone()} dark={theme.dark} />
                </div>
            </main>
            <footer class="site-footer">
                <p>{ "Seeded Monte Carlo: the same seed and sample count always give the same numbers, so a link shows everyone the same figures. The model is documented in docs/MODEL.md." }</p>
            </footer>
        </div>
    }
}

fn share(x: f64) -> String {
    format!("{}%", format::fixed((x * 100.0).round(), 0))
}

fn results(
    mc: Rc<MonteCarlo>,
    scenario: Rc<Scenario>,
    projection: Rc<Projection>,
    dark: bool,
) -> Html {
    let n = mc.samples as f64;
    let never = mc.break_even.not_within_horizon as f64 / n.max(1.0);
    let gap = mc.funding_gap;
    html! { <>
        <section class="panel results-top" aria-labelledby="mc-heading">
            <h2 id="mc-heading">{ format!("{} samples", format::count(mc.samples)) }</h2>
            <p class="summary-sentence" id="mc-sentence" aria-live="polite">
                { format!(
                    "Across these ranges, the chance that {} runs short of cash is {}; the funding gap is {} in the middle case and {} in the worst one in twenty.{}",
                    narrative::company(&scenario), share(mc.chance_short), format::money(gap.p50), format::money(gap.p95),
                    unpaid_clause(&scenario, mc.financing.as_ref())
                ) }
            </p>
            <div class="figures">
                <div class={classes!("figure", (mc.chance_short > 0.5).then_some("alarm"))} id="fig-chance-short">
                    <h3 class="figure-label">{ "Chance of running short" }</h3>
                    <p class="figure-value">{ share(mc.chance_short) }</p>
                    <p class="figure-note">{ "Share of samples in which cash ends some year below zero." }</p>
                </div>
                <div class="figure" id="fig-gap-range">
                    <h3 class="figure-label">{ "Funding gap, 90% range" }</h3>
                    <p class="figure-value">{ format!("{} – {}", format::money(gap.p5), format::money(gap.p95)) }</p>
                    <p class="figure-note">{ format!("Median {}; as entered {}.", format::money(gap.p50), format::money(projection.summary.funding_gap)) }</p>
                </div>
                <div class={classes!("figure", (never > 0.5).then_some("alarm"))} id="fig-never">
                    <h3 class="figure-label">{ "Never covered in the horizon" }</h3>
                    <p class="figure-value">{ share(never) }</p>
                    <p class="figure-note">{ format!("Samples where revenue never covers the payments by {}.", scenario.end_year) }</p>
                </div>
                { financing_figures(&scenario, mc.financing.as_ref()) }
            </div>
            { unpaid_table(&scenario, mc.financing.as_ref()) }
            <details class="chart-data">
                <summary>{ "Break-even year, all samples" }</summary>
                <table class="data-table" id="break-even-table">
                    <caption>{ "Share of samples by the year revenue starts to cover the payments for good" }</caption>
                    <thead><tr><th scope="col">{ "Year" }</th><th scope="col">{ "Share of samples" }</th></tr></thead>
                    <tbody>
                        { for mc.break_even.by_year.iter().filter(|c| c.count > 0).map(|c| html! {
                            <tr><th scope="row">{ c.year }</th><td>{ share(c.count as f64 / n) }</td></tr>
                        }) }
                        <tr><th scope="row">{ "not within the horizon" }</th><td>{ share(never) }</td></tr>
                    </tbody>
                </table>
            </details>
        </section>
        <section class="panel" aria-labelledby="cash-fan-heading">
            <h2 id="cash-fan-heading">{ "Cash: the range of outcomes" }</h2>
            <p class="hint">{ "End-of-year cash across the samples: the light band holds 90% of them, the dark band the middle half; the dashed line is the scenario as entered." }</p>
            <Plot id="cash-fan" data={PlotData::CashFan(mc.clone(), projection.clone(), scenario.clone())} label="Fan chart of end-of-year cash across the samples; the table below has the figures." {dark} />
            { band_table("Cash at year end, percentiles of the samples ($ billions)", mc.years.iter().map(|y| (y.year, Some(y.cash))).collect(), format::billions) }
        </section>
        <section class="panel" aria-labelledby="coverage-fan-heading">
            <h2 id="coverage-fan-heading">{ "Coverage: the range of outcomes" }</h2>
            <p class="hint">{ "Cash available for commitments divided by the payments due, across the samples. Below 1× the year is not covered." }</p>
            <Plot id="coverage-fan" data={PlotData::CoverageFan(mc.clone(), projection.clone(), scenario.clone())} label="Fan chart of coverage across the samples; the table below has the figures." {dark} />
            { band_table("Coverage, percentiles of the samples (×)", mc.years.iter().map(|y| (y.year, y.coverage)).collect(), |x| format::ratio(Some(x))) }
        </section>
    </> }
}

/// The summary sentence's word on unpaid payments, when the scenario leaves them unpaid.
fn unpaid_clause(scenario: &Scenario, odds: Option<&FinancingOdds>) -> String {
    match odds {
        Some(f) if rules(scenario).0 => format!(
            " Payments go unpaid when cash runs out: some payment goes unpaid in {} of samples, {} in all on average.",
            share(f.chance_unpaid),
            format::money(f.expected_unpaid)
        ),
        _ => String::new(),
    }
}

/// Whether the scenario leaves payments unpaid in a shortfall, and whether it has a credit line.
fn rules(scenario: &Scenario) -> (bool, bool) {
    scenario.financing.as_ref().map_or((false, false), |f| {
        (f.shortfall == Shortfall::Unpaid, f.credit.is_some())
    })
}

/// The headline chances the financing rules add: payments going unpaid, and borrowing.
fn financing_figures(scenario: &Scenario, odds: Option<&FinancingOdds>) -> Html {
    let Some(f) = odds else {
        return Html::default();
    };
    let (unpaid, credit) = rules(scenario);
    html! { <>
        if unpaid {
            <div class={classes!("figure", (f.chance_unpaid > 0.5).then_some("alarm"))} id="fig-chance-unpaid">
                <h3 class="figure-label">{ "Chance a payment goes unpaid" }</h3>
                <p class="figure-value">{ share(f.chance_unpaid) }</p>
                <p class="figure-note">{ format!(
                    "Expected unpaid {}; 90% range {} – {}.",
                    format::money(f.expected_unpaid), format::money(f.unpaid.p5), format::money(f.unpaid.p95)
                ) }</p>
            </div>
        }
        if credit {
            <div class="figure" id="fig-chance-borrowing">
                <h3 class="figure-label">{ "Chance of borrowing" }</h3>
                <p class="figure-value">{ share(f.chance_borrowing) }</p>
                <p class="figure-note">{ format!(
                    "Peak debt {} in the middle case, {} in the worst one in twenty.",
                    format::money(f.peak_debt.p50), format::money(f.peak_debt.p95)
                ) }</p>
            </div>
        }
    </> }
}

/// Who is left unpaid, on average over the samples, under the "unpaid" shortfall rule.
fn unpaid_table(scenario: &Scenario, odds: Option<&FinancingOdds>) -> Html {
    let Some(f) = odds.filter(|_| rules(scenario).0) else {
        return Html::default();
    };
    if f.expected_unpaid <= 0.0 {
        return html! { <p class="empty" id="unpaid-none">{ "No sample leaves a payment unpaid." }</p> };
    }
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Expected unpaid by supplier">
            <table class="data-table" id="unpaid-table">
                <caption>{ "Expected unpaid by supplier (mean over the samples)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Counterparty" }</th><th scope="col">{ "Expected unpaid" }</th><th scope="col">{ "Share" }</th>
                </tr></thead>
                <tbody>
                    { for f.unpaid_by_counterparty.iter().map(|c| html! { <tr>
                        <th scope="row">{ if c.name.is_empty() { "(not named)".to_string() } else { c.name.clone() } }</th>
                        <td>{ format::money(c.amount) }</td>
                        <td>{ format::percent(c.amount / f.expected_unpaid) }</td>
                    </tr> }) }
                </tbody>
            </table>
        </div>
    }
}

fn band_table(
    caption: &str,
    rows: Vec<(i32, Option<Percentiles>)>,
    fmt: fn(f64) -> String,
) -> Html {
    html! {
        <details class="chart-data">
            <summary>{ "Show data" }</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label={caption.to_string()}>
                <table class="data-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ "Year" }</th><th scope="col">{ "5th" }</th><th scope="col">{ "25th" }</th>
                        <th scope="col">{ "median" }</th><th scope="col">{ "75th" }</th><th scope="col">{ "95th" }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|(year, p)| html! { <tr>
                            <th scope="row">{ year }</th>
                            { for (0..5).map(|i| html! { <td>{ p.map_or_else(|| "—".to_string(), |p| fmt(p.to_array()[i])) }</td> }) }
                        </tr> }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct TornadoPanelProps {
    tornado: Rc<Tornado>,
    dark: bool,
}

/// Which input decides the funding gap.
#[function_component(TornadoPanel)]
fn tornado_panel(props: &TornadoPanelProps) -> Html {
    let t = &props.tornado;
    let height = (80.0 + 34.0 * t.bars.len() as f64).max(160.0);
    let year = |y: Option<i32>| format::year_or_never(y);
    // The chart shortens and wraps the inputs' names; its tooltip gives each bar in full,
    // with the same figures as the table below. (Built once per tornado: the panel renders
    // only when its props change.)
    let tips = Rc::new(tornado_tips(t));
    html! {
        <section class="panel" aria-labelledby="tornado-heading">
            <h2 id="tornado-heading">{ "What matters most" }</h2>
            <p class="hint">{ format!("Each input moved to the ends of its range, one at a time, everything else as entered (funding gap as entered: {}). The longest bars decide the answer.", format::money(t.funding_gap)) }</p>
            <Plot id="tornado" data={PlotData::Tornado(props.tornado.clone())} label="Tornado chart of the funding gap at each input's low and high value. Use the up and down arrow keys to read each input; the table below has the figures." dark={props.dark} {height} {tips} />
            <details class="chart-data">
                <summary>{ "Show data" }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Sensitivity of the funding gap">
                    <table class="data-table" id="tornado-table">
                        <caption>{ "Funding gap and break-even year at each end of each input" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Input" }</th><th scope="col">{ "Low" }</th><th scope="col">{ "Gap" }</th><th scope="col">{ "Break-even" }</th>
                            <th scope="col">{ "High" }</th><th scope="col">{ "Gap" }</th><th scope="col">{ "Break-even" }</th>
                        </tr></thead>
                        <tbody>
                            { for t.bars.iter().map(|b| html! { <tr>
                                <th scope="row">{ b.label.clone() }</th>
                                <td>{ b.low_text() }</td><td>{ format::money(b.low.funding_gap) }</td><td>{ year(b.low.break_even_year) }</td>
                                <td>{ b.high_text() }</td><td>{ format::money(b.high.funding_gap) }</td><td>{ year(b.high.break_even_year) }</td>
                            </tr> }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// Each bar's tooltip: the input's full name, and its low and high values with the funding
/// gap and break-even year at each (the table's row).
fn tornado_tips(t: &Tornado) -> Vec<RowTip> {
    let end = |at: &str, value: String, end: &sensitivity::End| {
        [
            (at.to_string(), value),
            ("Funding gap".to_string(), format::money(end.funding_gap)),
            (
                "Break-even".to_string(),
                format::year_or_never(end.break_even_year),
            ),
        ]
    };
    t.bars
        .iter()
        .map(|b| RowTip {
            title: b.label.clone(),
            lines: end("Low", b.low_text(), &b.low)
                .into_iter()
                .chain(end("High", b.high_text(), &b.high))
                .collect(),
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct ComparisonPanelProps {
    scenario: Rc<Scenario>,
    projection: Rc<Projection>,
    /// Chosen scenarios: 0 is this page's, i >= 1 the saved entry i - 1.
    compared: Vec<usize>,
    on_compare: Callback<(usize, bool)>,
    dark: bool,
}

/// Up to four scenarios side by side: this one and saved ones.
#[function_component(ComparisonPanel)]
fn comparison_panel(props: &ComparisonPanelProps) -> Html {
    let saved: Rc<Vec<(String, Rc<Scenario>)>> = use_memo((), |_| {
        storage::load_saved()
            .0
            .entries
            .into_iter()
            .filter_map(|e| Scenario::new(e.scenario).ok().map(|s| (e.name, Rc::new(s))))
            .collect()
    });
    let this_name = format!("{} (this page)", props.scenario.name);
    // Projected once per choice and scenario, not on every render.
    let chosen = {
        let saved = saved.clone();
        let projection = props.projection.clone();
        let this_name = this_name.clone();
        use_memo(
            (props.scenario.clone(), props.compared.clone()),
            move |(scenario, compared)| {
                let picked: Vec<(String, Rc<Scenario>, Projection)> = compared
                    .iter()
                    .filter_map(|&i| match i {
                        0 => Some((this_name.clone(), scenario.clone(), (*projection).clone())),
                        i => saved
                            .get(i - 1)
                            .map(|(name, s)| (name.clone(), s.clone(), engine::project(s))),
                    })
                    .collect();
                let figures: Vec<Vec<narrative::Figure>> = picked
                    .iter()
                    .map(|(_, s, p)| narrative::headline_figures(s, p, s.start_year + 5))
                    .collect();
                let series: Rc<Vec<(String, Projection)>> =
                    Rc::new(picked.into_iter().map(|(n, _, p)| (n, p)).collect());
                (series, figures)
            },
        )
    };
    let (series, figures) = (&chosen.0, &chosen.1);
    let candidates: Vec<&str> = std::iter::once(this_name.as_str())
        .chain(saved.iter().map(|(name, _)| name.as_str()))
        .collect();
    let toggle = |i: usize| {
        props.on_compare.reform(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            (i, input.checked())
        })
    };
    let compared = &props.compared;
    html! {
        <section class="panel" aria-labelledby="compare-heading" id="comparison">
            <h2 id="compare-heading">{ "Scenarios side by side" }</h2>
            <p class="hint">{ format!("Pick up to {MAX_COMPARED}: this one and scenarios saved in the calculator under \"Your scenarios\".") }</p>
            <fieldset class="compare-choices">
                <legend class="visually-hidden">{ "Scenarios to compare" }</legend>
                { for candidates.iter().enumerate().map(|(i, name)| html! {
                    <label class="switch">
                        <input type="checkbox" checked={compared.contains(&i)} onchange={toggle(i)}
                            disabled={!compared.contains(&i) && compared.len() >= MAX_COMPARED} />
                        <span>{ name.to_string() }</span>
                    </label>
                }) }
            </fieldset>
            if candidates.len() == 1 {
                <p class="empty">{ "Save scenarios in the calculator to compare them here." }</p>
            }
            <h3>{ "Coverage" }</h3>
            <Plot id="compare-coverage" data={PlotData::Comparison(series.clone(), ComparisonMetric::Coverage)} label="Coverage of each chosen scenario over time; the table below has the headline figures." dark={props.dark} height={260.0} />
            <h3>{ "Cash" }</h3>
            <Plot id="compare-cash" data={PlotData::Comparison(series.clone(), ComparisonMetric::Cash)} label="Cash of each chosen scenario over time; the table below has the headline figures." dark={props.dark} height={260.0} />
            <div class="table-scroll" tabindex="0" role="region" aria-label="Headline figures side by side">
                <table class="data-table" id="compare-table">
                    <caption>{ "Headline figures side by side" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Figure" }</th>
                        { for series.iter().map(|(name, _)| html! { <th scope="col">{ name.clone() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for (0..figures.first().map_or(0, Vec::len)).map(|row| html! { <tr>
                            <th scope="row">{ figures[0][row].label.clone() }</th>
                            { for figures.iter().map(|f| html! { <td>{ f.get(row).map(|x| x.value.clone()).unwrap_or_default() }</td> }) }
                        </tr> }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Mounts the uncertainty page on `#root`.
pub fn start() {
    match gloo::utils::document().get_element_by_id("root") {
        Some(root) => {
            yew::Renderer::<UncertaintyPage>::with_root(root).render();
        }
        None => {
            yew::Renderer::<UncertaintyPage>::new().render();
        }
    }
}
