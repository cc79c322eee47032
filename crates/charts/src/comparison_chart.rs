//! Scenarios side by side: up to [`MAX_COMPARED`] projections overlaid as lines on one chart of
//! end-of-year cash or of cash coverage, over the union of their years. Each scenario has its
//! own colour, dash pattern and mark, so the lines stay apart without colour.

use super::coverage_chart::MIN_TOP;
use super::frame::{elide, runs, scale_of, text_width, Dash, Frame, LegendItem, Mark, Spec, FONT};
use super::{ChartOptions, ChartResult, COVERAGE_CAP};
use coverage_model::engine::Projection;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::{DrawingBackend, RGBColor};
use plotters::style::text_anchor::{HPos, VPos};

/// Most scenarios the comparison draws; any beyond are left out.
pub const MAX_COMPARED: usize = 4;

/// Widest a scenario's name gets in the legend, in CSS pixels (and at most 40% of the width).
const MAX_NAME: f64 = 220.0;
/// Narrowest year band (CSS pixels) that still gets a mark a year; narrower, only the lines.
const MIN_MARKED_BAND: f64 = 10.0;

/// What the comparison chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonMetric {
    /// End-of-year cash, against the zero line.
    Cash,
    /// Cash coverage (available ÷ payments), against the 1× line, on the coverage chart's
    /// capped axis.
    Coverage,
}

/// How the scenario at `position` is drawn: colour, dash pattern and mark. The colours are
/// Okabe–Ito hues other than the shortfall colour and the yellow that is hard to see on white.
fn style(opts: &ChartOptions, position: usize) -> (RGBColor, Dash, Mark) {
    let t = &opts.theme;
    match position % MAX_COMPARED {
        0 => (t.primary, Dash::Solid, Mark::Dot),
        1 => (t.secondary, Dash::Dashed, Mark::Square),
        2 => (t.series[2], Dash::Dotted, Mark::Diamond),
        _ => (t.series[6], Dash::LongDashed, Mark::Ring),
    }
}

/// Draws the first [`MAX_COMPARED`] of `series` (name, projection) as lines of `metric`, with
/// their names in the legend. The x axis spans every year any of them covers; a scenario's
/// line runs over its own years only, and a coverage line breaks at years without payments.
/// With no series, the chart says so (and the layout's years are 0).
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_comparison<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[(String, &Projection)],
    metric: ComparisonMetric,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let theme = &opts.theme;
    let series = &series[..series.len().min(MAX_COMPARED)];
    let lines: Vec<Vec<(i32, Option<f64>)>> =
        series.iter().map(|(_, p)| values(p, metric)).collect();
    let values: Vec<f64> = lines.iter().flatten().filter_map(|&(_, v)| v).collect();
    let (lo, hi, unit) = extent(&values, metric);
    let years = lines.iter().flatten().map(|&(year, _)| year);
    let (Some(first_year), Some(last_year)) = (years.clone().min(), years.max()) else {
        let frame = Frame::bare(root, opts, unit, &[]);
        frame.draw_chrome(root, opts, unit, &[])?;
        let l = &frame.layout;
        let centre = (
            (l.plot_left + l.plot_right) / 2,
            (l.plot_top + l.plot_bottom) / 2,
        );
        let message = "no scenarios to compare";
        let anchor = (HPos::Center, VPos::Center);
        frame.note(root, theme, message, centre, theme.muted, anchor, false)?;
        frame.draw_footer(root, opts)?;
        root.present()?;
        return Ok(frame.layout);
    };

    let legend = legend(root, opts, series);
    let spec = Spec {
        first_year,
        last_year,
        lo,
        hi,
        room_above: 0.0,
        room_below: 0.0,
        unit,
        legend: &legend,
    };
    let frame = Frame::new(root, opts, &spec);
    frame.draw_back(root, opts, &spec)?;
    let l = &frame.layout;
    match metric {
        ComparisonMetric::Cash => frame.reference(root, 0.0, theme.reference, 1.5)?,
        ComparisonMetric::Coverage => {
            if l.y_min < 0.0 {
                frame.reference(root, 0.0, theme.axis, 1.0)?;
            }
            frame.reference(root, 1.0, theme.reference, 1.5)?;
            frame.note(
                root,
                theme,
                "covered",
                (l.plot_right - frame.px(4.0), frame.y(1.0) - frame.px(3.0)),
                theme.text,
                (HPos::Right, VPos::Bottom),
                false,
            )?;
        }
    }

    let (y_min, y_max) = (l.y_min, l.y_max);
    let point = |(year, v): (i32, f64)| (frame.x(year), frame.y(v.clamp(y_min, y_max)));
    let marked = l.band() >= MIN_MARKED_BAND * frame.s;
    // The first scenario is drawn last, on top.
    for (i, line) in lines.iter().enumerate().rev() {
        let (color, dash, mark) = style(opts, i);
        for run in runs(line.iter().map(|&(year, v)| v.map(|v| point((year, v))))) {
            frame.stroke(root, run.clone(), color, 2.5, dash)?;
            // A lone year has no line to show: it always gets its mark.
            if marked || run.len() == 1 {
                for at in run {
                    frame.mark(root, theme, mark, at, color)?;
                }
            }
        }
    }

    if metric == ComparisonMetric::Coverage && values.is_empty() {
        let message = "no payments due in the horizon: nothing to cover";
        let fits = text_width(message, FONT * frame.s) < f64::from(l.plot_right - l.plot_left);
        frame.note(
            root,
            theme,
            if fits { message } else { "no payments due" },
            (
                (l.plot_left + l.plot_right) / 2,
                (l.plot_top + frame.y(1.0)) / 2,
            ),
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

/// A projection's value of `metric` per year; missing where there is none (coverage in a year
/// without payments) or it is not finite.
fn values(projection: &Projection, metric: ComparisonMetric) -> Vec<(i32, Option<f64>)> {
    projection
        .rows
        .iter()
        .map(|r| {
            let v = match metric {
                ComparisonMetric::Cash => Some(r.cash),
                ComparisonMetric::Coverage => r.coverage,
            };
            (r.year, v.filter(|v| v.is_finite()))
        })
        .collect()
}

/// The lowest and highest value the y axis must show, and the unit line. Cash includes zero;
/// coverage runs like the coverage chart's axis, from at most 0 to at least 2, capped at
/// ±[`COVERAGE_CAP`].
fn extent(values: &[f64], metric: ComparisonMetric) -> (f64, f64, &'static str) {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    match metric {
        ComparisonMetric::Cash => (
            min.min(0.0),
            max.max(0.0),
            "cash at end of year, $ billions",
        ),
        ComparisonMetric::Coverage if values.is_empty() => (0.0, MIN_TOP, "cash coverage (×)"),
        ComparisonMetric::Coverage => {
            let capped = max > COVERAGE_CAP || min < -COVERAGE_CAP;
            let unit = if capped {
                "cash coverage (×), axis capped at 10×"
            } else {
                "cash coverage (×)"
            };
            (
                min.clamp(-COVERAGE_CAP, 0.0),
                max.clamp(MIN_TOP, COVERAGE_CAP),
                unit,
            )
        }
    }
}

/// A legend entry per scenario: its name (elided; "scenario 2" if blank) in its line's style.
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    opts: &ChartOptions,
    series: &[(String, &Projection)],
) -> Vec<LegendItem> {
    let s = scale_of(opts);
    let width = f64::from(root.dim_in_pixel().0);
    let max_name = (MAX_NAME * s).min(0.4 * width);
    series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let (color, dash, mark) = style(opts, i);
            let name = match name.trim() {
                "" => format!("scenario {}", i + 1),
                name => elide(name, FONT * s, max_name),
            };
            LegendItem::stroke(name, color, dash).with_mark(mark, color)
        })
        .collect()
}
