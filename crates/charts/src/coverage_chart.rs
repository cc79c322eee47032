//! Chart 2, coverage over time: cash coverage A/P and revenue coverage R/P per year against the
//! 1× line, with the region below 1× (payments not covered) shaded. Years with nothing due have
//! no coverage, and the lines break there rather than bridge them.

use super::frame::{polyline, text, text_width, year_span, Frame, LegendItem, Mark, Spec, FONT};
use super::{ChartOptions, ChartResult};
use coverage_model::engine::Projection;
use coverage_model::scenario::Scenario;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Rectangle;
use plotters::prelude::{Color, DrawingBackend, RGBColor};
use plotters::style::text_anchor::{HPos, VPos};

/// Coverage beyond this (either sign) is drawn at the edge of the axis, so one year with tiny
/// payments does not flatten the rest.
pub const COVERAGE_CAP: f64 = 10.0;
/// The axis always reaches at least this high, so the 1× line sits well inside the plot.
pub(super) const MIN_TOP: f64 = 2.0;

/// Draws cash coverage (available ÷ payments) and revenue coverage (revenue ÷ payments) per
/// year, the 1× "covered" line and the shaded region below it. The y axis runs to
/// max(2, min(largest coverage, 10)); larger values are drawn at the top as triangles and the
/// unit line says the axis is capped.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_coverage<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let theme = &opts.theme;
    let (first_year, last_year) = year_span(projection, scenario);
    let finite = |x: Option<f64>| x.filter(|v| v.is_finite());
    let cash: Vec<(i32, Option<f64>)> = projection
        .rows
        .iter()
        .map(|r| (r.year, finite(r.coverage)))
        .collect();
    let revenue: Vec<(i32, Option<f64>)> = projection
        .rows
        .iter()
        .map(|r| (r.year, finite(r.revenue_coverage)))
        .collect();

    let observed: Vec<f64> = cash
        .iter()
        .chain(&revenue)
        .filter_map(|&(_, v)| v)
        .collect();
    let max = observed.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = observed.iter().copied().fold(f64::INFINITY, f64::min);
    let top = if observed.is_empty() {
        MIN_TOP
    } else {
        max.clamp(MIN_TOP, COVERAGE_CAP)
    };
    let bottom = if observed.is_empty() {
        0.0
    } else {
        min.clamp(-COVERAGE_CAP, 0.0)
    };
    let capped = max > COVERAGE_CAP || min < -COVERAGE_CAP;

    let mut legend = vec![
        LegendItem::line("cash coverage: available ÷ payments", theme.primary, false)
            .with_mark(Mark::Dot, theme.primary),
        LegendItem::line(
            "revenue coverage: revenue ÷ payments",
            theme.secondary,
            false,
        )
        .with_mark(Mark::Square, theme.secondary),
        LegendItem::bar(
            "below 1×: not covered",
            theme.shortfall.mix(theme.fill_alpha),
        ),
    ];
    if capped {
        legend.push(LegendItem::mark(
            "beyond the axis",
            Mark::Triangle,
            theme.muted,
        ));
    }
    let unit = if capped {
        "coverage (×), axis capped at 10×"
    } else {
        "coverage (×)"
    };
    let spec = Spec {
        first_year,
        last_year,
        lo: bottom,
        hi: top,

        room_above: 0.0,
        room_below: 0.0,
        unit,
        legend: &legend,
    };
    let frame = Frame::new(root, opts, &spec);
    frame.draw_back(root, opts, &spec)?;

    let l = &frame.layout;
    let one = frame.y(1.0);
    let shade = theme.shortfall.mix(theme.fill_alpha).filled();
    root.draw(&Rectangle::new(
        [(l.plot_left, one), (l.plot_right, l.plot_bottom)],
        shade,
    ))?;
    if l.y_min < 0.0 {
        frame.reference(root, 0.0, theme.axis, 1.0)?;
    }
    frame.reference(root, 1.0, theme.reference, 1.5)?;
    let right = l.plot_right - frame.px(4.0);
    frame.note(
        root,
        theme,
        "covered",
        (right, one - frame.px(3.0)),
        theme.text,
        (HPos::Right, VPos::Bottom),
        false,
    )?;
    // The shaded region's own label, where the region is tall enough to hold it.
    let size = FONT * frame.s;
    if f64::from(l.plot_bottom - one) >= size * 1.25 + 5.0 * frame.s {
        let below = (right, one + frame.px(3.0));
        let anchor = (HPos::Right, VPos::Top);
        text(root, "not covered", below, size, theme.muted, anchor, false)?;
    }

    draw_series(root, &frame, opts, &revenue, theme.secondary, Mark::Square)?;
    draw_series(root, &frame, opts, &cash, theme.primary, Mark::Dot)?;

    if observed.is_empty() {
        let message = "no payments due in the horizon: nothing to cover";
        let x = (l.plot_left + l.plot_right) / 2;
        let y = (l.plot_top + one) / 2;
        let fits = text_width(message, FONT * frame.s) < f64::from(l.plot_right - l.plot_left);
        let message = if fits { message } else { "no payments due" };
        frame.note(
            root,
            theme,
            message,
            (x, y),
            theme.muted,
            (HPos::Center, VPos::Center),
            false,
        )?;
    }

    frame.draw_crosshair(root, opts)?;
    frame.draw_front(root, opts)?;
    root.present()?;
    Ok(frame.layout)
}

/// One coverage series: a line through each run of consecutive years with a value, a mark at
/// every value, and a triangle where the value lies beyond the axis.
fn draw_series<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    opts: &ChartOptions,
    values: &[(i32, Option<f64>)],
    color: RGBColor,
    kind: Mark,
) -> Result<(), plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>> {
    let (lo, hi) = (frame.layout.y_min, frame.layout.y_max);
    let point = |year: i32, v: f64| (frame.x(year), frame.y(v.clamp(lo, hi)));
    let mut run: Vec<(i32, i32)> = Vec::new();
    for &(year, v) in values {
        match v {
            Some(v) => run.push(point(year, v)),
            None => polyline(root, std::mem::take(&mut run), color, frame.lw(2.5))?,
        }
    }
    polyline(root, run, color, frame.lw(2.5))?;
    for &(year, v) in values {
        if let Some(v) = v {
            let kind = if v > hi || v < lo {
                Mark::Triangle
            } else {
                kind
            };
            frame.mark(root, &opts.theme, kind, point(year, v), color)?;
        }
    }
    Ok(())
}
