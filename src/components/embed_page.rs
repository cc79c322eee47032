//! The page as an embed: one view (a chart, the headline figures or the summary sentence),
//! optionally a few sliders for readers, a link to the full calculator with the same scenario,
//! and the source line. It tells the host page its height whenever that changes.

use super::chart_panel::{ChartKind, ChartPanel};
use super::headline_figures::HeadlineFigures;
use super::notice_list::{Notice, NoticeList};
use super::summary_sentence::SummarySentence;
use crate::adjust;
use crate::browser;
use crate::codec;
use crate::embed::{Controls, Embed, View};
use crate::engine;
use crate::scenario::Scenario;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement, ResizeObserver};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedPageProps {
    pub embed: Embed,
    pub scenario: Rc<Scenario>,
    pub dark: bool,
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<u32>,
}

/// The embedded view.
#[function_component(EmbedPage)]
pub fn embed_page(props: &EmbedPageProps) -> Html {
    let growth = use_state(|| 1.0_f64);
    let opex = use_state(|| 0.0_f64);
    let firm_only = use_state(|| props.scenario.firm_only);
    // The readers' adjustments apply to a copy; a combination that fails validation (it cannot
    // with these ranges, but a file may be unusual) shows the scenario as given.
    let shown = {
        let base = props.scenario.clone();
        use_memo((base, *growth, *opex, *firm_only), |(base, g, o, f)| {
            let mut d = adjust::shift_opex(&adjust::scale_growth(base.draft(), *g), *o);
            d.firm_only = *f;
            Rc::new(Scenario::new(d).unwrap_or_else(|_| (**base).clone()))
        })
    };
    let shown: Rc<Scenario> = (*shown).clone();
    let projection = use_memo(shown.clone(), |s| engine::project(s));
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let mut keep = None;
            if let Some(el) = root.cast::<Element>() {
                let report =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
                        let height = gloo::utils::document()
                            .document_element()
                            .map_or(0.0, |d| f64::from(d.scroll_height()));
                        browser::post_height(height);
                    });
                if let Ok(ro) = ResizeObserver::new(report.as_ref().unchecked_ref()) {
                    ro.observe(&el);
                    keep = Some((ro, report));
                }
            }
            move || {
                if let Some((ro, _report)) = keep {
                    ro.disconnect();
                }
            }
        });
    }
    let slider = |state: &UseStateHandle<f64>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            // The browser's reading of the range input (NaN if none): Rust's own f64 reader
            // would add its tables to the download for this one call.
            let v = input.value_as_number();
            if v.is_finite() {
                state.set(v);
            }
        })
    };
    let on_firm = {
        let firm_only = firm_only.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            firm_only.set(input.checked());
        })
    };
    let full_link = format!("{}#{}", browser::page_url(), codec::encode(&props.scenario));
    let s = &props.scenario;
    let source = match &s.as_of {
        Some(date) => format!("Scenario: {}, figures as of {date}.", s.name),
        None => format!("Scenario: {}.", s.name),
    };
    let view = match props.embed.view {
        View::Commitments => chart(ChartKind::Commitments, &shown, &projection, props.dark),
        View::Coverage => chart(ChartKind::Coverage, &shown, &projection, props.dark),
        View::Cash => chart(ChartKind::Cash, &shown, &projection, props.dark),
        View::Figures => html! {
            <section class="panel">
                <SummarySentence scenario={shown.clone()} projection={projection.clone()} />
                <HeadlineFigures scenario={shown.clone()} projection={projection.clone()} />
            </section>
        },
        View::Summary => html! {
            <section class="panel"><SummarySentence scenario={shown.clone()} projection={projection.clone()} /></section>
        },
    };
    html! {
        <div class="embed-page" ref={root} id="embed-page">
            <NoticeList notices={props.notices.clone()} on_dismiss={props.on_dismiss.clone()} />
            { view }
            if props.embed.controls == Controls::Key {
                <section class="panel embed-controls" aria-label="Try other assumptions">
                    <div class="slider">
                        <label for="embed-growth">{ "Revenue growth " }<strong>{ format!("×{:.2}", *growth) }</strong></label>
                        <input type="range" id="embed-growth" min="0.5" max="1.5" step="0.05" value={growth.to_string()} oninput={slider(&growth)} />
                    </div>
                    <div class="slider">
                        <label for="embed-opex">{ "Non-compute costs " }<strong>{ format!("{:+.0} points", *opex * 100.0) }</strong></label>
                        <input type="range" id="embed-opex" min="-0.15" max="0.15" step="0.01" value={opex.to_string()} oninput={slider(&opex)} />
                    </div>
                    <label class="switch">
                        <input type="checkbox" id="embed-firm-only" checked={*firm_only} onchange={on_firm} />
                        <span>{ "Firm contracts only" }</span>
                    </label>
                </section>
            }
            <p class="embed-footer">
                <a href={full_link} target="_blank" rel="noopener" id="open-calculator">{ "Open in the calculator" }</a>
                { " · " }{ source }{ " Compute Coverage." }
            </p>
        </div>
    }
}

fn chart(
    kind: ChartKind,
    scenario: &Rc<Scenario>,
    projection: &Rc<engine::Projection>,
    dark: bool,
) -> Html {
    html! { <ChartPanel {kind} scenario={scenario.clone()} projection={projection.clone()} {dark} /> }
}
