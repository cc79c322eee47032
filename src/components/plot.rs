//! A canvas for the uncertainty page's charts (fan charts, tornado, comparison): sized to its
//! container at the screen's pixel density and redrawn when the data, width or theme change.
//! A chart of horizontal bars given [`RowTip`]s (the tornado) is also read a bar at a time, by
//! pointer or by the arrow keys, in a tooltip with that bar's figures.

use crate::canvas::CanvasBackend;
use crate::charts::{self, ChartLayout, ChartOptions, ComparisonMetric, Theme};
use crate::embed::escape_html;
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

/// What the tooltip says of one bar: a heading (the bar's full name, which the chart may
/// shorten) and (label, value) lines.
#[derive(Debug, Clone, PartialEq)]
pub struct RowTip {
    pub title: String,
    pub lines: Vec<(String, String)>,
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
    /// One tip per bar, top to bottom, for a chart read a bar at a time (none: not read).
    #[prop_or_default]
    pub tips: Rc<Vec<RowTip>>,
}

/// Draws `data`, returning where it put its plot (`None` if drawing failed).
fn draw(canvas: &HtmlCanvasElement, data: &PlotData, opts: &ChartOptions) -> Option<ChartLayout> {
    let root = CanvasBackend::new(canvas)?.into_drawing_area();
    let layout = match data {
        PlotData::CashFan(mc, p, s) => charts::draw_cash_fan(&root, mc, p, s, opts),
        PlotData::CoverageFan(mc, p, s) => charts::draw_coverage_fan(&root, mc, p, s, opts),
        PlotData::Tornado(t) => charts::draw_tornado(&root, t, opts),
        PlotData::Comparison(series, metric) => {
            let refs: Vec<(String, &Projection)> =
                series.iter().map(|(n, p)| (n.clone(), p)).collect();
            charts::draw_comparison(&root, &refs, *metric, opts)
        }
    }
    .ok()?;
    root.present().ok()?;
    Some(layout)
}

/// The row the keys lead to from `current` among `rows`; `None` for Escape; `Err` for a key
/// that does not read the chart.
fn row_key(key: &str, current: Option<usize>, rows: usize) -> Result<Option<usize>, ()> {
    let last = rows.saturating_sub(1);
    Ok(match key {
        "ArrowDown" => Some(current.map_or(0, |r| (r + 1).min(last))),
        "ArrowUp" => Some(current.map_or(0, |r| r.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(last),
        "Escape" => None,
        _ => return Err(()),
    })
}

/// The tooltip's markup, every text escaped (a bar's name can hold a deal's name as typed).
/// Written as text rather than as elements: the smaller download, for a view with no state.
fn tip_html(tip: &RowTip) -> String {
    let mut h = format!(
        r#"<p class="tooltip-year">{}</p><dl>"#,
        escape_html(&tip.title)
    );
    for (k, v) in &tip.lines {
        h += &format!("<dt>{}</dt><dd>{}</dd>", escape_html(k), escape_html(v));
    }
    h + "</dl>"
}

/// Places a tooltip beside a row centred `y` CSS pixels down a chart `height` tall, as the
/// Suppliers page's balance chart does: below the row in the upper half, above it in the
/// lower half, at the right edge. Through the CSSOM (no inline style attribute, which a strict
/// CSP forbids).
fn place_by_row(tip: &HtmlElement, y: f64, height: f64) {
    let style = tip.style();
    if y > height / 2.0 {
        let _ = style.set_property("bottom", &format::px((height - y + 14.0).round()));
        let _ = style.set_property("top", "auto");
    } else {
        let _ = style.set_property("top", &format::px((y + 14.0).round()));
        let _ = style.remove_property("bottom");
    }
    let _ = style.set_property("right", "12px");
}

/// What reading the bars needs between events: where the last draw put them, and the bar read.
#[derive(Default)]
struct Reading {
    layout: Option<ChartLayout>,
    row: Option<usize>,
}

/// How the reader moved.
enum Read {
    /// The pointer at this height (CSS pixels from the canvas's top).
    At(f64),
    /// A key pressed on the focused chart.
    Key(String),
    /// Focus came to the chart: the first bar, unless one is read already.
    First,
    /// The pointer or the focus left.
    Off,
}

/// Shows the tip of the row read beside its bar, or hides the tooltip. The tooltip is set
/// through the DOM rather than by rendering, so reading the chart renders nothing.
fn show(tooltip: &HtmlElement, tips: &[RowTip], reading: &Reading, scale: f64, height: f64) {
    let tip = reading
        .row
        .and_then(|r| Some((r, tips.get(r)?, reading.layout?)));
    if let Some((r, tip, layout)) = tip {
        tooltip.set_inner_html(&tip_html(tip));
        place_by_row(tooltip, layout.row_centre(tips.len(), r) / scale, height);
    }
    tooltip.set_hidden(tip.is_none());
}

/// A drawn chart.
#[function_component(Plot)]
pub fn plot(props: &PlotProps) -> Html {
    let container = use_node_ref();
    let canvas_ref = use_node_ref();
    let tip_ref = use_node_ref();
    let width = use_element_width(container.clone());
    let reading = use_mut_ref(Reading::default);
    let scale = use_memo((), |_| {
        web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .clamp(1.0, 4.0)
    });
    {
        let canvas_ref = canvas_ref.clone();
        let tip_ref = tip_ref.clone();
        let reading = reading.clone();
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
                        // A redrawn chart is read afresh.
                        *reading.borrow_mut() = Reading {
                            layout: draw(&canvas, data, &opts),
                            row: None,
                        };
                        if let Some(tooltip) = tip_ref.cast::<HtmlElement>() {
                            tooltip.set_hidden(true);
                        }
                    }
                }
            },
        );
    }
    let tips = props.tips.clone();
    let rows = tips.len();
    let read = {
        let (tip_ref, scale, height) = (tip_ref.clone(), *scale, props.height);
        Callback::from(move |how: Read| {
            let mut r = reading.borrow_mut();
            let next = match how {
                Read::At(y) => r.layout.and_then(|l| l.row_at(rows, y * scale)),
                Read::Key(key) => row_key(&key, r.row, rows).unwrap_or(r.row),
                Read::First => r.row.or(Some(0)),
                Read::Off => None,
            };
            if next != r.row {
                r.row = next;
                if let Some(tooltip) = tip_ref.cast::<HtmlElement>() {
                    show(&tooltip, &tips, &r, scale, height);
                }
            }
        })
    };
    let onkeydown = read.reform(|e: KeyboardEvent| {
        let key = e.key();
        // Only the keys that read the chart; Tab and the rest keep their use.
        if row_key(&key, None, 1).is_ok() {
            e.prevent_default();
        }
        Read::Key(key)
    });
    // Every chart listens, but only one with bars to read is in the tab order and has a
    // tooltip (a pointer over the others finds no row).
    html! {
        <div class="chart-box" ref={container}>
            <canvas ref={canvas_ref} class="chart" role="img" aria-label={props.label.clone()} id={props.id.clone()}
                tabindex={(rows > 0).then_some("0")}
                onpointermove={read.reform(|e: PointerEvent| Read::At(f64::from(e.offset_y())))}
                onpointerleave={read.reform(|_: PointerEvent| Read::Off)} {onkeydown}
                onfocus={read.reform(|_: FocusEvent| Read::First)} onblur={read.reform(|_: FocusEvent| Read::Off)} />
            if rows > 0 {
                <div class="chart-tooltip" ref={tip_ref} role="status" aria-live="polite" hidden=true />
            }
        </div>
    }
}
