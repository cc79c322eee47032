//! Chart 3, the cash position: end-of-year cash as a line over a shaded area (below zero in the
//! shortfall colour), each year's net cash flow as a pale bar, raises marked with their amount,
//! the lowest point annotated with the funding gap, and reported cash and net-cash-flow figures
//! as hollow diamonds (a reported net cash flow reads against its year's bar). Under a financing
//! section, when anything is borrowed, the debt at the end of each year as a long-dashed line
//! with squares; when payments go unpaid, each year's unpaid amount as a hatched bar hanging
//! from the cash point (down to where cash would have been had they been paid), the largest
//! labelled. Neither is drawn when there is none, so a scenario without financing draws what
//! it drew before.

use super::frame::{polyline, text_width, year_span, Dash, Frame, LegendItem, Mark, Spec, FONT};
use super::{ChartOptions, ChartResult};
use coverage_model::engine::Projection;
use coverage_model::format;
use coverage_model::scenario::{Metric, Scenario};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Polygon, Rectangle};
use plotters::prelude::{Color, DrawingBackend, RGBAColor};
use plotters::style::text_anchor::{HPos, VPos};

/// Draws end-of-year cash, net cash flow per year, raises, the zero line and, when cash goes
/// below zero, the funding gap at the lowest point; and the debt and the unpaid payments, when
/// there are any.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_cash<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let theme = &opts.theme;
    let rows = &projection.rows;
    let summary = &projection.summary;
    let (first_year, last_year) = year_span(projection, scenario);

    let reported: Vec<(i32, f64)> = scenario
        .markers
        .iter()
        .filter(|m| matches!(m.metric, Metric::Cash | Metric::NetCashFlow))
        .filter(|m| (first_year..=last_year).contains(&m.year) && m.value.is_finite())
        .map(|m| (m.year, m.value))
        .collect();
    let raises: Vec<(i32, f64, f64)> = rows
        .iter()
        .filter(|r| r.raised > 0.0)
        .map(|r| (r.year, r.cash, r.raised))
        .collect();
    let has_debt = rows.iter().any(|r| r.debt > 0.0);
    // (year, cash, unpaid): the bar runs from the cash down by the unpaid amount.
    let unpaid: Vec<(i32, f64, f64)> = rows
        .iter()
        .filter(|r| r.unpaid > 0.0)
        .map(|r| (r.year, r.cash, r.unpaid))
        .collect();
    let gap = summary.funding_gap;
    let lowest = summary.lowest_cash;
    let show_gap = gap > 0.0 && gap.is_finite() && (first_year..=last_year).contains(&lowest.year);

    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for row in rows {
        lo = lo.min(row.cash).min(row.net_cash_flow);
        hi = hi.max(row.cash).max(row.net_cash_flow);
    }
    for &(_, v) in &reported {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if has_debt {
        hi = rows.iter().fold(hi, |hi, r| hi.max(r.debt));
    }
    for &(_, cash, u) in &unpaid {
        lo = lo.min(cash - u);
    }

    let flow_fill: RGBAColor = theme.muted.mix(0.35);
    let mut legend = vec![
        LegendItem::line("cash at end of year", theme.primary, false)
            .with_mark(Mark::Dot, theme.primary),
        LegendItem::bar("net cash flow in the year", flow_fill),
    ];
    if has_debt {
        legend.push(
            LegendItem::stroke("debt at end of year", theme.debt, Dash::LongDashed)
                .with_mark(Mark::Square, theme.debt),
        );
    }
    let unpaid_fill = theme.shortfall.mix(theme.fill_alpha);
    if !unpaid.is_empty() {
        legend.push(LegendItem::hatched(
            "payments left unpaid",
            unpaid_fill,
            theme.shortfall,
        ));
    }
    if !raises.is_empty() {
        legend.push(LegendItem::mark("money raised", Mark::Triangle, theme.gain));
    }
    if show_gap {
        legend.push(LegendItem::mark(
            "lowest cash: funding gap",
            Mark::Ring,
            theme.shortfall,
        ));
    }
    if !reported.is_empty() {
        legend.push(LegendItem::mark(
            "reported figures",
            Mark::Diamond,
            theme.text,
        ));
    }
    let spec = Spec {
        first_year,
        last_year,
        lo,
        hi,
        room_above: if raises.is_empty() { 0.0 } else { 26.0 },
        room_below: if show_gap || !unpaid.is_empty() {
            30.0
        } else {
            0.0
        },
        unit: "$ billions",
        legend: &legend,
    };
    let frame = Frame::new(root, opts, &spec);
    frame.draw_back(root, opts, &spec)?;
    let l = &frame.layout;

    let zero = frame.y(0.0);
    let half = frame.half_bar(0.5);
    for row in rows {
        if row.net_cash_flow != 0.0 {
            let (x, y) = (frame.x(row.year), frame.y(row.net_cash_flow));
            root.draw(&Rectangle::new(
                [(x - half, y.min(zero)), (x + half, y.max(zero))],
                flow_fill.filled(),
            ))?;
        }
    }

    // Narrower than the net-cash-flow bar behind it, so both stay readable.
    let unpaid_half = frame.half_bar(0.3);
    for &(year, cash, u) in &unpaid {
        let x = frame.x(year);
        let corners = [
            (x - unpaid_half, frame.y(cash)),
            (x + unpaid_half, frame.y(cash - u)),
        ];
        root.draw(&Rectangle::new(corners, unpaid_fill.filled()))?;
        frame.hatch(root, corners, theme.shortfall)?;
    }

    let series: Vec<(f64, f64)> = rows.iter().map(|r| (l.x_of(r.year), r.cash)).collect();
    let crossed = with_zero_crossings(&series);
    let above = theme.primary.mix(theme.fill_alpha).filled();
    let below = theme.shortfall.mix(theme.fill_alpha).filled();
    if crossed.iter().any(|&(_, v)| v > 0.0) {
        root.draw(&Polygon::new(area(&frame, &crossed, |v| v.max(0.0)), above))?;
    }
    if crossed.iter().any(|&(_, v)| v < 0.0) {
        root.draw(&Polygon::new(area(&frame, &crossed, |v| v.min(0.0)), below))?;
    }
    frame.reference(root, 0.0, theme.reference, 1.5)?;

    if has_debt {
        let debt: Vec<(i32, i32)> = rows
            .iter()
            .map(|r| (frame.x(r.year), frame.y(r.debt)))
            .collect();
        frame.stroke(root, debt.clone(), theme.debt, 2.0, Dash::LongDashed)?;
        for (r, &at) in rows.iter().zip(&debt) {
            if r.debt > 0.0 {
                frame.mark(root, theme, Mark::Square, at, theme.debt)?;
            }
        }
    }

    let line: Vec<(i32, i32)> = rows
        .iter()
        .map(|r| (frame.x(r.year), frame.y(r.cash)))
        .collect();
    polyline(root, line.clone(), theme.primary, frame.lw(2.5))?;
    for &at in &line {
        frame.mark(root, theme, Mark::Dot, at, theme.primary)?;
    }
    for &(year, value) in &reported {
        frame.mark(
            root,
            theme,
            Mark::Diamond,
            (frame.x(year), frame.y(value)),
            theme.text,
        )?;
    }

    let size = FONT * frame.s;
    let label_h = (size * 1.25).round() as i32;
    // Raises in neighbouring years (staged investments) would print their labels over each
    // other: a label goes above its mark, else below, else (both taken) is left to the mark and
    // the tooltip.
    let mut placed: Vec<[i32; 4]> = Vec::new();
    for &(year, cash, raised) in &raises {
        let (x, y) = (frame.x(year), frame.y(cash));
        frame.mark(root, theme, Mark::Triangle, (x, y), theme.gain)?;
        let label = format!("+{}", format::money(raised));
        let (hpos, x) = fit_x(&frame, &label, x);
        let above = (VPos::Bottom, y - frame.px(8.0));
        let below = (VPos::Top, y + frame.px(8.0));
        let fits_above = y - frame.px(8.0) - label_h >= l.plot_top;
        let sides = if fits_above {
            [above, below]
        } else {
            [below, above]
        };
        let free = sides.into_iter().map(|(vpos, y)| {
            let b = frame.note_box(&label, (x, y), (hpos, vpos));
            (vpos, y, b)
        });
        let mut free = free.filter(|(_, _, b)| !placed.iter().any(|p| overlap(p, b)));
        if let Some((vpos, y, b)) = free.next() {
            placed.push(b);
            frame.note(root, theme, &label, (x, y), theme.text, (hpos, vpos), false)?;
        }
    }

    // The largest unpaid amount is labelled under its bar (the legend names the rest), unless
    // the funding gap's label takes that place.
    let largest = unpaid
        .iter()
        .copied()
        .reduce(|a, b| if b.2 > a.2 { b } else { a });
    if let Some((year, cash, u)) = largest.filter(|&(y, ..)| !(show_gap && y == lowest.year)) {
        let (x, y) = (frame.x(year), frame.y(cash - u));
        let label = format!("{} unpaid", format::money(u));
        let (hpos, x) = fit_x(&frame, &label, x);
        let (vpos, y) = if y + frame.px(4.0) + label_h <= l.plot_bottom {
            (VPos::Top, y + frame.px(4.0))
        } else {
            (VPos::Bottom, y - frame.px(4.0))
        };
        frame.note(root, theme, &label, (x, y), theme.text, (hpos, vpos), false)?;
    }

    if show_gap {
        let (x, y) = (frame.x(lowest.year), frame.y(lowest.value));
        frame.mark(root, theme, Mark::Ring, (x, y), theme.shortfall)?;
        let label = format!("funding gap {}", format::money(gap));
        let (hpos, x) = fit_x(&frame, &label, x);
        let (vpos, y) = if y + frame.px(10.0) + label_h <= l.plot_bottom {
            (VPos::Top, y + frame.px(10.0))
        } else {
            (VPos::Bottom, y - frame.px(10.0))
        };
        frame.note(root, theme, &label, (x, y), theme.text, (hpos, vpos), true)?;
    }

    frame.draw_crosshair(root, opts)?;
    frame.draw_front(root, opts)?;
    root.present()?;
    Ok(frame.layout)
}

/// The points of a series with a point at zero inserted wherever it changes sign, so the areas
/// above and below zero meet exactly on the zero line.
fn with_zero_crossings(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for (i, &(x, v)) in points.iter().enumerate() {
        if let Some(&(px, pv)) = i.checked_sub(1).and_then(|j| points.get(j)) {
            if (pv < 0.0 && v > 0.0) || (pv > 0.0 && v < 0.0) {
                let t = pv / (pv - v);
                out.push((px + t * (x - px), 0.0));
            }
        }
        out.push((x, v));
    }
    out
}

/// The polygon between the zero line and `clip` of the series.
fn area(frame: &Frame, points: &[(f64, f64)], clip: impl Fn(f64) -> f64) -> Vec<(i32, i32)> {
    let zero = frame.y(0.0);
    let mut polygon = Vec::with_capacity(points.len() + 2);
    if let Some(&(x, _)) = points.first() {
        polygon.push((x.round() as i32, zero));
    }
    polygon.extend(
        points
            .iter()
            .map(|&(x, v)| (x.round() as i32, frame.y(clip(v)))),
    );
    if let Some(&(x, _)) = points.last() {
        polygon.push((x.round() as i32, zero));
    }
    polygon
}

/// Whether two boxes `[left, top, right, bottom]` overlap.
fn overlap(a: &[i32; 4], b: &[i32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Anchors a label at `x` so it stays inside the plot: centred when it fits, else flush to the
/// side it would cross.
fn fit_x(frame: &Frame, label: &str, x: i32) -> (HPos, i32) {
    let l = &frame.layout;
    let half = (text_width(label, FONT * frame.s) / 2.0).round() as i32 + frame.px(2.0);
    if x - half < l.plot_left {
        (
            HPos::Left,
            (x - frame.px(6.0)).max(l.plot_left + frame.px(2.0)),
        )
    } else if x + half > l.plot_right {
        (
            HPos::Right,
            (x + frame.px(6.0)).min(l.plot_right - frame.px(2.0)),
        )
    } else {
        (HPos::Center, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_crossings_are_inserted_where_the_sign_changes() {
        let points = [
            (0.0, 10.0),
            (10.0, -10.0),
            (20.0, -5.0),
            (30.0, 15.0),
            (40.0, 0.0),
        ];
        let crossed = with_zero_crossings(&points);
        let expected = [
            (0.0, 10.0),
            (5.0, 0.0),
            (10.0, -10.0),
            (20.0, -5.0),
            (22.5, 0.0),
            (30.0, 15.0),
            (40.0, 0.0),
        ];
        assert_eq!(crossed.len(), expected.len(), "{crossed:?}");
        for (got, want) in crossed.iter().zip(expected) {
            assert!(
                (got.0 - want.0).abs() < 1e-9 && (got.1 - want.1).abs() < 1e-9,
                "{crossed:?}"
            );
        }
    }
}
