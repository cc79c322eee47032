//! The Monte Carlo's fan charts: per year, a light band holding the middle 90% of the samples, a
//! darker band holding the middle half and the median as a line, with the projection as
//! entered dashed over them. [`draw_cash_fan`] shows end-of-year cash against the zero line,
//! [`draw_coverage_fan`] cash coverage against the 1× line (on the axis of the coverage chart).

use super::coverage_chart::MIN_TOP;
use super::frame::{polyline, runs, text_width, year_span, Frame, LegendItem, Mark, Spec, FONT};
use super::{ChartOptions, ChartResult, COVERAGE_CAP};
use coverage_model::engine::{Projection, YearRow};
use coverage_model::scenario::Scenario;
use coverage_model::uncertainty::{MonteCarlo, Percentiles, YearBand};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::Polygon;
use plotters::prelude::{Color, DrawingBackend, RGBAColor};
use plotters::style::text_anchor::{HPos, VPos};

/// Share of a year's band that a lone year's bands and line fill (with no neighbour to reach).
const LONE_YEAR: f64 = 0.5;

/// One year of a fan: the bands (missing in years without them) and the value as entered.
struct FanYear {
    year: i32,
    bands: Option<Percentiles>,
    entered: Option<f64>,
}

/// Draws the fan of end-of-year cash: the 5–95% and 25–75% bands of the samples, their median,
/// the projection as entered (dashed) and the zero line.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_cash_fan<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mc: &MonteCarlo,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let fan = fan_years(
        mc,
        projection,
        scenario,
        |band| Some(band.cash),
        |row| Some(row.cash),
    );
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in observed(&fan) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let legend = legend(opts, false);
    let spec = Spec {
        first_year: fan.first().map_or(scenario.start_year, |f| f.year),
        last_year: fan.last().map_or(scenario.end_year, |f| f.year),
        lo,
        hi,
        room_above: 0.0,
        room_below: 0.0,
        unit: "$ billions",
        legend: &legend,
    };
    let frame = Frame::new(root, opts, &spec);
    frame.draw_back(root, opts, &spec)?;
    draw_bands(root, &frame, opts, &fan)?;
    frame.reference(root, 0.0, opts.theme.reference, 1.5)?;
    draw_lines(root, &frame, opts, &fan)?;
    frame.draw_crosshair(root, opts)?;
    frame.draw_front(root, opts)?;
    root.present()?;
    Ok(frame.layout)
}

/// Draws the fan of cash coverage (available ÷ payments) over the samples with payments due:
/// the 5–95% and 25–75% bands, their median, the projection as entered (dashed) and the 1×
/// "covered" line. Years without payments leave gaps. The axis is capped like the coverage
/// chart's, at [`COVERAGE_CAP`]; bands reaching beyond it are cut at its edge, and a median
/// beyond it is marked with a triangle.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_coverage_fan<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mc: &MonteCarlo,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let theme = &opts.theme;
    let fan = fan_years(
        mc,
        projection,
        scenario,
        |band| band.coverage,
        |row| row.coverage,
    );
    let values: Vec<f64> = observed(&fan).collect();
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let (top, bottom) = if values.is_empty() {
        (MIN_TOP, 0.0)
    } else {
        (
            max.clamp(MIN_TOP, COVERAGE_CAP),
            min.clamp(-COVERAGE_CAP, 0.0),
        )
    };
    let capped = max > COVERAGE_CAP || min < -COVERAGE_CAP;
    let legend = legend(opts, capped);
    let unit = if capped {
        "cash coverage (×), axis capped at 10×"
    } else {
        "cash coverage (×)"
    };
    let spec = Spec {
        first_year: fan.first().map_or(scenario.start_year, |f| f.year),
        last_year: fan.last().map_or(scenario.end_year, |f| f.year),
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
    draw_bands(root, &frame, opts, &fan)?;
    if l.y_min < 0.0 {
        frame.reference(root, 0.0, theme.axis, 1.0)?;
    }
    frame.reference(root, 1.0, theme.reference, 1.5)?;
    let one = frame.y(1.0);
    frame.note(
        root,
        theme,
        "covered",
        (l.plot_right - frame.px(4.0), one - frame.px(3.0)),
        theme.text,
        (HPos::Right, VPos::Bottom),
        false,
    )?;
    draw_lines(root, &frame, opts, &fan)?;

    if values.is_empty() {
        let message = "no payments due in the horizon: nothing to cover";
        let fits = text_width(message, FONT * frame.s) < f64::from(l.plot_right - l.plot_left);
        frame.note(
            root,
            theme,
            if fits { message } else { "no payments due" },
            ((l.plot_left + l.plot_right) / 2, (l.plot_top + one) / 2),
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

/// The years of the fan: the projection's horizon (or the scenario's), widened to the Monte
/// Carlo's years if they differ (a run still under way for an earlier horizon), each with its
/// bands and value as entered. Values that are not finite count as missing.
fn fan_years(
    mc: &MonteCarlo,
    projection: &Projection,
    scenario: &Scenario,
    bands: impl Fn(&YearBand) -> Option<Percentiles>,
    entered: impl Fn(&YearRow) -> Option<f64>,
) -> Vec<FanYear> {
    let (mut first, mut last) = year_span(projection, scenario);
    if let (Some(a), Some(b)) = (mc.years.first(), mc.years.last()) {
        first = first.min(a.year);
        last = last.max(b.year);
    }
    (first..=last)
        .map(|year| FanYear {
            year,
            bands: mc
                .years
                .iter()
                .find(|b| b.year == year)
                .and_then(&bands)
                .filter(|p| p.to_array().iter().all(|v| v.is_finite())),
            entered: projection
                .rows
                .iter()
                .find(|r| r.year == year)
                .and_then(&entered)
                .filter(|v| v.is_finite()),
        })
        .collect()
}

/// Every value the fan draws.
fn observed(fan: &[FanYear]) -> impl Iterator<Item = f64> + '_ {
    fan.iter().flat_map(|f| {
        let bands = f.bands.map(|p| [p.p5, p.p95]);
        bands.into_iter().flatten().chain(f.entered)
    })
}

/// The fill of the outer (5–95%) band, and that of the inner (25–75%) band drawn over it.
fn band_fills(opts: &ChartOptions) -> (RGBAColor, RGBAColor) {
    let t = &opts.theme;
    let outer = t.fill_alpha;
    let inner = (2.0 * t.fill_alpha).min(0.6);
    (t.primary.mix(outer), t.primary.mix(inner))
}

fn legend(opts: &ChartOptions, capped: bool) -> Vec<LegendItem> {
    let t = &opts.theme;
    let (outer, inner) = band_fills(opts);
    // The middle half is seen through the outer band: its swatch shows the two together.
    let seen = 1.0 - (1.0 - outer.3) * (1.0 - inner.3);
    let mut legend = vec![
        LegendItem::bar("90% of samples", outer),
        LegendItem::bar("middle half", t.primary.mix(seen)),
        LegendItem::line("median", t.primary, false).with_mark(Mark::Dot, t.primary),
        LegendItem::line("as entered", t.text, true),
    ];
    if capped {
        legend.push(LegendItem::mark(
            "beyond the axis",
            Mark::Triangle,
            t.primary,
        ));
    }
    legend
}

/// The runs of consecutive years with a value (a fan breaks where a year has none).
fn runs_of<T>(fan: &[FanYear], value: impl Fn(&FanYear) -> Option<T>) -> Vec<Vec<(i32, T)>> {
    runs(fan.iter().map(|f| value(f).map(|v| (f.year, v))))
}

/// The x positions a run spans: its years' centres, or around a lone year's centre.
fn xs(frame: &Frame, run_len: usize, year: i32) -> Vec<i32> {
    let x = frame.x(year);
    if run_len == 1 {
        let half = frame.half_bar(LONE_YEAR);
        vec![x - half, x + half]
    } else {
        vec![x]
    }
}

/// The 5–95% band, then the 25–75% band over it, one polygon each per run of years.
fn draw_bands<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    opts: &ChartOptions,
    fan: &[FanYear],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (lo, hi) = (frame.layout.y_min, frame.layout.y_max);
    let y = |v: f64| frame.y(v.clamp(lo, hi));
    let (outer, inner) = band_fills(opts);
    for run in runs_of(fan, |f| f.bands) {
        // Indices into `Percentiles::to_array`: 5th to 95th, then 25th to 75th.
        for (fill, low, high) in [(outer, 0, 4), (inner, 1, 3)] {
            let mut upper = Vec::with_capacity(run.len() + 1);
            let mut lower = Vec::with_capacity(run.len() + 1);
            for (year, p) in &run {
                let p = p.to_array();
                for x in xs(frame, run.len(), *year) {
                    upper.push((x, y(p[high])));
                    lower.push((x, y(p[low])));
                }
            }
            upper.extend(lower.into_iter().rev());
            root.draw(&Polygon::new(upper, fill.filled()))?;
        }
    }
    Ok(())
}

/// The median (solid, with a dot a year, a triangle where beyond the axis) and the projection
/// as entered (dashed, over the median so it shows where the two agree).
fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    opts: &ChartOptions,
    fan: &[FanYear],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let t = &opts.theme;
    let (lo, hi) = (frame.layout.y_min, frame.layout.y_max);
    let y = |v: f64| frame.y(v.clamp(lo, hi));
    let line = |run: &[(i32, f64)]| -> Vec<(i32, i32)> {
        run.iter()
            .flat_map(|&(year, v)| xs(frame, run.len(), year).into_iter().map(move |x| (x, v)))
            .map(|(x, v)| (x, y(v)))
            .collect()
    };
    let medians = runs_of(fan, |f| f.bands.map(|p| p.p50));
    for run in &medians {
        polyline(root, line(run), t.primary, frame.lw(2.5))?;
    }
    for run in runs_of(fan, |f| f.entered) {
        frame.dashed(root, line(&run), t.text, 2.0)?;
    }
    for &(year, v) in medians.iter().flatten() {
        let kind = if v > hi || v < lo {
            Mark::Triangle
        } else {
            Mark::Dot
        };
        frame.mark(root, t, kind, (frame.x(year), y(v)), t.primary)?;
    }
    Ok(())
}
