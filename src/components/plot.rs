//! A canvas for the uncertainty page's charts (fan charts, tornado, comparison): sized to its
//! container at the screen's pixel density and redrawn when the data, width or theme change.

use crate::canvas::CanvasBackend;
use crate::charts::{self, ChartOptions, ComparisonMetric, Theme};
use crate::engine::Projection;
use crate::format;
use crate::hooks::use_element_width::use_element_width;
use crate::scenario::Scenario;
use crate::sensitivity::Tornado;
use crate::uncertainty::MonteCarlo;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// What a plot draws.
#[derive(Clone, PartialEq)]
pub enum PlotData {
    CashFan(Rc<MonteCarlo>, Rc<Projection>, Rc<Scenario>),
    CoverageFan(Rc<MonteCarlo>, Rc<Projection>, Rc<Scenario>),
    Tornado(Rc<Tornado>),
    Comparison(Rc<Vec<(String, Projection)>>, ComparisonMetric),
}

#[derive(Properties, PartialEq)]
pub struct PlotProps {
    pub data: PlotData,
    /// Read out by screen readers; the tables beside each plot hold the numbers.
    pub label: AttrValue,
    pub dark: bool,
    /// CSS height in pixels.
    #[prop_or(320.0)]
    pub height: f64,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

fn draw(canvas: &HtmlCanvasElement, data: &PlotData, opts: &ChartOptions) -> bool {
    let Some(backend) = CanvasBackend::new(canvas) else {
        return false;
    };
    let root = backend.into_drawing_area();
    let ok = match data {
        PlotData::CashFan(mc, p, s) => charts::draw_cash_fan(&root, mc, p, s, opts).is_ok(),
        PlotData::CoverageFan(mc, p, s) => charts::draw_coverage_fan(&root, mc, p, s, opts).is_ok(),
        PlotData::Tornado(t) => charts::draw_tornado(&root, t, opts).is_ok(),
        PlotData::Comparison(series, metric) => {
            let refs: Vec<(String, &Projection)> =
                series.iter().map(|(n, p)| (n.clone(), p)).collect();
            charts::draw_comparison(&root, &refs, *metric, opts).is_ok()
        }
    };
    ok && root.present().is_ok()
}

/// A drawn chart.
#[function_component(Plot)]
pub fn plot(props: &PlotProps) -> Html {
    let container = use_node_ref();
    let canvas_ref = use_node_ref();
    let width = use_element_width(container.clone());
    let scale = use_memo((), |_| {
        web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .clamp(1.0, 4.0)
    });
    {
        let canvas_ref = canvas_ref.clone();
        let scale = *scale;
        use_effect_with(
            (props.data.clone(), props.dark, width, props.height),
            move |(data, dark, width, height)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    if *width > 0.0 {
                        canvas.set_width((width * scale).round() as u32);
                        canvas.set_height((height * scale).round() as u32);
                        let style = HtmlElement::style(&canvas);
                        let _ = style.set_property("width", &format::px(*width));
                        let _ = style.set_property("height", &format::px(*height));
                        let opts = ChartOptions {
                            scale,
                            theme: if *dark { Theme::dark() } else { Theme::light() },
                            ..ChartOptions::default()
                        };
                        draw(&canvas, data, &opts);
                    }
                }
            },
        );
    }
    html! {
        <div class="chart-box" ref={container}>
            <canvas ref={canvas_ref} class="chart" role="img" aria-label={props.label.clone()} id={props.id.clone()} />
        </div>
    }
}
