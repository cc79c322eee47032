//! One chart on the page: its heading, a canvas drawn at the screen's pixel density (repainted
//! only when its picture changes), an overlay canvas with the crosshair and a tooltip for the
//! year under the pointer or keyboard focus, and a "show data" table with the same numbers
//! (with the debt and the unpaid payments, when the chart draws them).

use crate::canvas::CanvasBackend;
use crate::charts::{self, ChartLayout, ChartOptions, Theme};
use crate::components::table::{head, names, row};
use crate::dom;
use crate::engine::Projection;
use crate::format;
use crate::hooks::use_element_width::use_element_width;
use crate::scenario::{Metric, Scenario};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlDetailsElement, HtmlElement};
use yew::prelude::*;

// The chart's names, texts and sizes are pure (the embed builder lays charts out without Yew).
pub use crate::chart_kind::{chart_height, ChartKind};

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    pub kind: ChartKind,
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
    pub dark: bool,
}

/// Draws one chart onto a canvas sized for the device pixel ratio.
pub fn draw(
    canvas: &HtmlCanvasElement,
    kind: ChartKind,
    scenario: &Scenario,
    projection: &Projection,
    opts: &ChartOptions,
) -> Option<ChartLayout> {
    let backend = CanvasBackend::new(canvas)?;
    let root = backend.into_drawing_area();
    let layout = draw_on(&root, kind, scenario, projection, opts).ok()?;
    root.present().ok()?;
    Some(layout)
}

/// The chart of `kind` on any backend.
fn draw_on(
    root: &DrawingArea<CanvasBackend, Shift>,
    kind: ChartKind,
    scenario: &Scenario,
    projection: &Projection,
    opts: &ChartOptions,
) -> charts::ChartResult<CanvasBackend> {
    match kind {
        ChartKind::Commitments => charts::draw_commitments(root, projection, scenario, opts),
        ChartKind::Coverage => charts::draw_coverage(root, projection, scenario, opts),
        ChartKind::Cash => charts::draw_cash(root, projection, scenario, opts),
    }
}

/// The fingerprint of the chart's picture at a backing-store size, and its layout: the same
/// for two draws that would paint the same pixels. Paints nothing on `canvas`.
pub fn fingerprint(
    canvas: &HtmlCanvasElement,
    size: (u32, u32),
    kind: ChartKind,
    scenario: &Scenario,
    projection: &Projection,
    opts: &ChartOptions,
) -> (Option<u64>, Option<ChartLayout>) {
    let Some((backend, hash)) = CanvasBackend::fingerprint(canvas, size) else {
        return (None, None);
    };
    let root = backend.into_drawing_area();
    let layout = draw_on(&root, kind, scenario, projection, opts).ok();
    (Some(hash.get()), layout)
}

/// Paints the hover highlight of `year` (or nothing) on the overlay canvas above a chart laid
/// out as `layout`, sized like the chart's canvas.
fn draw_overlay(
    overlay: &HtmlCanvasElement,
    size: (u32, u32),
    layout: Option<&ChartLayout>,
    year: Option<i32>,
    opts: &ChartOptions,
) {
    if (overlay.width(), overlay.height()) != size {
        // Resizing clears the canvas too.
        overlay.set_width(size.0);
        overlay.set_height(size.1);
    } else if let Some(ctx) = overlay
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    {
        ctx.clear_rect(0.0, 0.0, f64::from(size.0), f64::from(size.1));
    }
    if let (Some(layout), Some(year)) = (layout, year) {
        if let Some(backend) = CanvasBackend::new(overlay) {
            let root = backend.into_drawing_area();
            let _ = charts::draw_highlight(&root, layout, year, opts);
        }
    }
}

/// Downloads the chart as a PNG of the one fixed size (`dom::download_png`), with its title,
/// the scenario's name and a source line drawn in. The embed page's charts download through it too.
pub fn export_png(kind: ChartKind, scenario: &Scenario, projection: &Projection, dark: bool) {
    let source = match &scenario.as_of {
        Some(date) => format!(
            "{} (figures as of {date}) · Compute Coverage",
            scenario.name
        ),
        None => format!("{} · Compute Coverage", scenario.name),
    };
    let opts = ChartOptions {
        scale: dom::PNG_SCALE,
        theme: Theme::of(dark),
        highlight_year: None,
        title: Some(format!("{}: {}", kind.title(), scenario.name)),
        footer: Some(source),
    };
    dom::download_png(
        &crate::export::file_name(&scenario.name, &format!("{}-chart", kind.id()), "png"),
        chart_height(dom::PNG_WIDTH, kind),
        |canvas| draw(canvas, kind, scenario, projection, &opts).is_some(),
    );
}

/// A chart with its heading, tooltip and data table.
#[function_component(ChartPanel)]
pub fn chart_panel(props: &ChartPanelProps) -> Html {
    let container = use_node_ref();
    let canvas_ref = use_node_ref();
    let overlay_ref = use_node_ref();
    let width = use_element_width(container.clone());
    let highlight = use_state(|| None::<i32>);
    let layout = use_mut_ref(|| None::<ChartLayout>);
    // The fingerprint of what the canvas shows, and whether the overlay shows anything.
    let painted = use_mut_ref(|| None::<u64>);
    let overlay_shown = use_mut_ref(|| false);
    let scale = use_memo((), |_| {
        web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .clamp(1.0, 4.0)
    });
    let kind = props.kind;
    let options = move |scale: f64, dark: bool| ChartOptions {
        scale,
        theme: if dark { Theme::dark() } else { Theme::light() },
        highlight_year: None,
        title: None,
        footer: None,
    };
    let backing = move |width: f64, scale: f64| {
        let height = chart_height(width, kind);
        (
            (width * scale).round() as u32,
            (height * scale).round() as u32,
        )
    };
    {
        // The chart itself: repainted only when its picture changes (an edit elsewhere in the
        // form often leaves it as it was); the hover highlight is on the overlay.
        let canvas_ref = canvas_ref.clone();
        let layout = layout.clone();
        let scale = *scale;
        use_effect_with(
            (
                props.scenario.clone(),
                props.projection.clone(),
                props.dark,
                width,
            ),
            move |(scenario, projection, dark, width)| {
                let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                    return;
                };
                if *width <= 0.0 {
                    return;
                }
                let size = backing(*width, scale);
                let opts = options(scale, *dark);
                let (print, laid) = fingerprint(&canvas, size, kind, scenario, projection, &opts);
                let same_size = (canvas.width(), canvas.height()) == size;
                if same_size && print.is_some() && *painted.borrow() == print {
                    *layout.borrow_mut() = laid;
                    return;
                }
                if !same_size {
                    canvas.set_width(size.0);
                    canvas.set_height(size.1);
                    let style = HtmlElement::style(&canvas);
                    let _ = style.set_property("width", &format::px(*width));
                    let _ = style.set_property("height", &format::px(chart_height(*width, kind)));
                }
                let drawn = draw(&canvas, kind, scenario, projection, &opts);
                if drawn.is_some() {
                    // For `make bench` (bench/run.mjs), which times cold start and
                    // edit-to-repaint to these marks; named by chart id (costs no new
                    // string in the download).
                    let _ = web_sys::window()
                        .and_then(|w| w.performance())
                        .map(|p| p.mark(kind.id()));
                    // For the browser tests: how many times the canvas was painted (debug
                    // builds only; the release page carries none of it).
                    #[cfg(debug_assertions)]
                    {
                        let n = canvas
                            .get_attribute("data-draws")
                            .and_then(|n| n.parse::<u32>().ok())
                            .unwrap_or(0);
                        let _ = canvas.set_attribute("data-draws", &(n + 1).to_string());
                    }
                }
                *painted.borrow_mut() = drawn.and(print);
                *layout.borrow_mut() = drawn;
            },
        );
    }
    {
        // The hover highlight, on its own canvas above the chart: moving the pointer repaints
        // this layer only. After the chart's effect, so it uses the chart's latest layout.
        let overlay_ref = overlay_ref.clone();
        let layout = layout.clone();
        let scale = *scale;
        use_effect_with(
            (
                *highlight,
                props.scenario.clone(),
                props.projection.clone(),
                props.dark,
                width,
            ),
            move |(year, _, _, dark, width)| {
                let Some(overlay) = overlay_ref.cast::<HtmlCanvasElement>() else {
                    return;
                };
                if *width <= 0.0 || (year.is_none() && !*overlay_shown.borrow()) {
                    return;
                }
                let size = backing(*width, scale);
                draw_overlay(
                    &overlay,
                    size,
                    layout.borrow().as_ref(),
                    *year,
                    &options(scale, *dark),
                );
                *overlay_shown.borrow_mut() = year.is_some();
                // For `make bench`: the hover measure times pointer to highlight drawn.
                let _ = web_sys::window()
                    .and_then(|w| w.performance())
                    .map(|p| p.mark("hover"));
            },
        );
    }
    let first = props.scenario.start_year;
    let last = props.scenario.end_year;
    let onpointermove = {
        let highlight = highlight.clone();
        let layout = layout.clone();
        let scale = *scale;
        Callback::from(move |e: PointerEvent| {
            let year = layout
                .borrow()
                .and_then(|l| l.year_at(f64::from(e.offset_x()) * scale));
            if *highlight != year {
                highlight.set(year);
            }
        })
    };
    let onpointerleave = {
        let highlight = highlight.clone();
        Callback::from(move |_: PointerEvent| highlight.set(None))
    };
    let onkeydown = {
        let highlight = highlight.clone();
        Callback::from(move |e: KeyboardEvent| {
            let current = highlight.unwrap_or(first);
            let next = match e.key().as_str() {
                "ArrowRight" => Some((current + 1).min(last)),
                "ArrowLeft" => Some((current - 1).max(first)),
                "Home" => Some(first),
                "End" => Some(last),
                "Escape" => None,
                _ => return,
            };
            e.prevent_default();
            highlight.set(next);
        })
    };
    let onfocus = {
        let highlight = highlight.clone();
        Callback::from(move |_: FocusEvent| {
            if highlight.is_none() {
                highlight.set(Some(first));
            }
        })
    };
    let onblur = {
        let highlight = highlight.clone();
        Callback::from(move |_: FocusEvent| highlight.set(None))
    };
    let png = {
        let scenario = props.scenario.clone();
        let projection = props.projection.clone();
        let dark = props.dark;
        Callback::from(move |_: MouseEvent| export_png(kind, &scenario, &projection, dark))
    };
    let id = kind.id();
    let heading_id = format!("chart-{id}-heading");
    let tip = highlight.and_then(|year| {
        let l = (*layout.borrow())?;
        let x = l.x_of(year) / *scale;
        Some((year, x))
    });
    let label = format!(
        "{}: chart of {} to {}. Use the left and right arrow keys to read each year; the data table below has every figure.",
        kind.title(),
        first,
        last
    );
    html! {
        <section class="panel chart-panel" aria-labelledby={heading_id.clone()} id={format!("chart-{id}")}>
            <h2 id={heading_id}>{ kind.title() }</h2>
            <p class="hint">{ kind.description() }</p>
            <div class="chart-box" ref={container}>
                <canvas ref={canvas_ref} class="chart" tabindex="0" role="img" aria-label={label}
                    {onpointermove} {onpointerleave} {onkeydown} {onfocus} {onblur} />
                <canvas ref={overlay_ref} class="chart-overlay" aria-hidden="true" />
                if let Some((year, x)) = tip {
                    <ChartTooltip kind={kind} year={year} x={x} width={width}
                        scenario={props.scenario.clone()} projection={props.projection.clone()} />
                }
            </div>
            <div class="chart-actions">
                <button type="button" class="small-button" id={format!("png-{id}")} onclick={png}>{ "Download PNG" }</button>
            </div>
            <ChartData {kind} scenario={props.scenario.clone()} projection={props.projection.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChartDataProps {
    kind: ChartKind,
    scenario: Rc<Scenario>,
    projection: Rc<Projection>,
}

/// "Show data": the chart's numbers as a table, built when first opened (closed, it is neither
/// seen nor read out), and then kept current. Its own component, so hovering the chart does
/// not rebuild it.
#[function_component(ChartData)]
fn chart_data(props: &ChartDataProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            if details.open() && !*open {
                open.set(true);
            }
        })
    };
    html! {
        <details class="chart-data" {ontoggle}>
            <summary>{ "Show data" }</summary>
            if *open {
                { data_table(props.kind, &props.scenario, &props.projection) }
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct ChartTooltipProps {
    kind: ChartKind,
    year: i32,
    /// Centre of the year's band, in CSS pixels from the canvas's left edge.
    x: f64,
    width: f64,
    scenario: Rc<Scenario>,
    projection: Rc<Projection>,
}

/// The values of one year, next to the crosshair.
#[function_component(ChartTooltip)]
fn chart_tooltip(props: &ChartTooltipProps) -> Html {
    let node = use_node_ref();
    {
        // Positioned through the CSSOM (no inline style attribute, which a strict CSP forbids).
        let node = node.clone();
        let (x, width) = (props.x, props.width);
        use_effect_with((x, width), move |(x, width)| {
            if let Some(el) = node.cast::<HtmlElement>() {
                let right_half = *x > width / 2.0;
                let style = el.style();
                if right_half {
                    let _ = style.set_property("right", &format::px((width - x + 12.0).max(0.0)));
                    let _ = style.remove_property("left");
                } else {
                    let _ = style.set_property("left", &format::px(x + 12.0));
                    let _ = style.remove_property("right");
                }
            }
        });
    }
    let lines = tooltip_lines(props.kind, props.year, &props.scenario, &props.projection);
    html! {
        <div class="chart-tooltip" ref={node} role="status" aria-live="polite">
            <p class="tooltip-year">{ props.year }</p>
            <dl>
                { for lines.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
        </div>
    }
}

/// The (label, value) pairs shown for a year.
pub fn tooltip_lines(
    kind: ChartKind,
    year: i32,
    scenario: &Scenario,
    p: &Projection,
) -> Vec<(String, String)> {
    let Some(row) = p.row(year) else {
        return Vec::new();
    };
    let i = (year - scenario.start_year) as usize;
    let mut lines = Vec::new();
    match kind {
        ChartKind::Commitments => {
            lines.push(("Revenue".into(), format::money(row.revenue)));
            lines.push(("Available".into(), format::money(row.available)));
            lines.push(("Payments".into(), format::money(row.commitments)));
            if row.unpaid > 0.0 {
                lines.push(("Unpaid".into(), format::money(row.unpaid)));
            }
            for d in &p.deals {
                let pay = d.payments.get(i).copied().unwrap_or(0.0);
                if pay > 0.0 {
                    let mut value = format::money(pay);
                    if let Some(u) = d.unpaid.get(i).filter(|&&u| u > 0.0) {
                        value = format!("{value} ({} unpaid)", format::money(*u));
                    }
                    lines.push((format!("· {}", d.name), value));
                }
            }
            for m in scenario.markers.iter().filter(|m| {
                m.year == year && matches!(m.metric, Metric::Revenue | Metric::Commitments)
            }) {
                lines.push((format!("◇ {}", m.label), format::money(m.value)));
            }
        }
        ChartKind::Coverage => {
            lines.push(("Cash coverage".into(), format::ratio(row.coverage)));
            lines.push((
                "Revenue coverage".into(),
                format::ratio(row.revenue_coverage),
            ));
            lines.push(("Payments".into(), format::money(row.commitments)));
        }
        ChartKind::Cash => {
            lines.push(("Cash at year end".into(), format::money(row.cash)));
            lines.push(("Net cash flow".into(), format::money(row.net_cash_flow)));
            if row.raised > 0.0 {
                lines.push(("Raised".into(), format::money(row.raised)));
            }
            // Shown as the chart shows them: debt in every year once anything is borrowed.
            if p.summary.peak_debt.is_some() {
                lines.push(("Debt at year end".into(), format::money(row.debt)));
            }
            for (label, x) in [
                ("Interest", row.interest),
                ("Borrowed", row.borrowed),
                ("Repaid", row.repaid),
                ("Unpaid payments", row.unpaid),
            ] {
                if x > 0.0 {
                    lines.push((label.into(), format::money(x)));
                }
            }
            for m in scenario.markers.iter().filter(|m| {
                m.year == year && matches!(m.metric, Metric::NetCashFlow | Metric::Cash)
            }) {
                lines.push((format!("◇ {}", m.label), format::money(m.value)));
            }
        }
    }
    lines
}

fn data_table(kind: ChartKind, scenario: &Scenario, p: &Projection) -> Html {
    let caption = format!(
        "{}, {} to {} (billions of dollars)",
        kind.title(),
        scenario.start_year,
        scenario.end_year
    );
    // The financing columns appear exactly when the chart draws debt or unpaid payments.
    let debt = p.summary.peak_debt.is_some();
    let unpaid = p.summary.total_unpaid > 0.0;
    let money = format::billions;
    let mut columns = names(&["Year"]);
    match kind {
        ChartKind::Commitments => {
            columns.extend(p.deals.iter().map(|d| d.name.clone()));
            columns.extend(names(&["Payments"]));
            if unpaid {
                columns.extend(names(&["Unpaid"]));
            }
            columns.extend(names(&["Revenue", "Available"]));
        }
        ChartKind::Coverage => columns.extend(names(&["Cash coverage", "Revenue coverage"])),
        ChartKind::Cash => {
            columns.extend(names(&["Net cash flow", "Raised", "Cash at year end"]));
            if debt {
                columns.extend(names(&["Debt at year end"]));
            }
            if unpaid {
                columns.extend(names(&["Unpaid payments"]));
            }
        }
    }
    let cells = |i: usize, r: &crate::engine::YearRow| -> Vec<String> {
        match kind {
            ChartKind::Commitments => {
                let mut cells: Vec<String> = p
                    .deals
                    .iter()
                    .map(|d| money(d.payments.get(i).copied().unwrap_or(0.0)))
                    .collect();
                cells.push(money(r.commitments));
                if unpaid {
                    cells.push(money(r.unpaid));
                }
                cells.extend([money(r.revenue), money(r.available)]);
                cells
            }
            ChartKind::Coverage => {
                vec![format::ratio(r.coverage), format::ratio(r.revenue_coverage)]
            }
            ChartKind::Cash => {
                let mut cells = vec![money(r.net_cash_flow), money(r.raised), money(r.cash)];
                if debt {
                    cells.push(money(r.debt));
                }
                if unpaid {
                    cells.push(money(r.unpaid));
                }
                cells
            }
        }
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
            <table class="data-table">
                <caption>{ caption }</caption>
                { head(columns) }
                <tbody>
                    { for p.rows.iter().enumerate().map(|(i, r)| row(r.year.to_string(), cells(i, r), false)) }
                </tbody>
            </table>
        </div>
    }
}
