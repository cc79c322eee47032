//! Chart 1, commitments against revenue: payments per year as bars stacked by counted deal,
//! revenue (solid line) and cash available for commitments A_y (dashed line), and the scenario's
//! reported revenue and commitment figures as hollow diamonds. Under the "unpaid" shortfall rule
//! the top U_y of each year's stack is the part left unpaid: each deal's unpaid share in a
//! lighter tint of its colour, stacked above the paid parts, hatched and outlined as one block.

use super::frame::{polyline, year_span, Frame, LegendItem, Mark, Spec};
use super::{shown_deals, ChartOptions, ChartResult};
use coverage_model::engine::Projection;
use coverage_model::scenario::{Metric, Scenario};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Rectangle;
use plotters::prelude::{Color, DrawingBackend, RGBColor};

/// Longest deal name shown in the legend, in characters.
const MAX_LABEL_CHARS: usize = 32;

/// Opacity of a deal's colour in the unpaid part of its bar: a lighter tint of the same hue.
pub(crate) const UNPAID_TINT: f64 = 0.4;

/// One layer of the bar stack.
struct Layer {
    label: String,
    color: RGBColor,
    payments: Vec<f64>,
    /// The part of each year's payment left unpaid (`DealLine::unpaid`).
    unpaid: Vec<f64>,
}

/// Draws payments per year stacked by deal, with the revenue and available-cash lines and the
/// reported figures (markers with metric revenue or commitments). Deals beyond the eighth are
/// summed as "other deals".
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_commitments<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let theme = &opts.theme;
    let rows = &projection.rows;
    let (first_year, last_year) = year_span(projection, scenario);

    let count = projection.deals.len();
    let shown = shown_deals(count);
    let mut layers: Vec<Layer> = projection.deals[..shown]
        .iter()
        .enumerate()
        .map(|(i, deal)| Layer {
            label: short_name(&deal.name),
            color: theme.deal_color(i, count),
            payments: deal.payments.clone(),
            unpaid: deal.unpaid.clone(),
        })
        .collect();
    if count > shown {
        let mut other = vec![0.0; rows.len()];
        let mut other_unpaid = vec![0.0; rows.len()];
        for deal in &projection.deals[shown..] {
            for (sum, p) in other.iter_mut().zip(&deal.payments) {
                *sum += p;
            }
            for (sum, u) in other_unpaid.iter_mut().zip(&deal.unpaid) {
                *sum += u;
            }
        }
        layers.push(Layer {
            label: format!("other deals ({})", count - shown),
            color: theme.deal_color(shown, count),
            payments: other,
            unpaid: other_unpaid,
        });
    }
    let any_unpaid = (0..rows.len()).any(|i| layers.iter().any(|l| unpaid(l, i) > 0.0));

    let reported: Vec<(i32, f64)> = scenario
        .markers
        .iter()
        .filter(|m| matches!(m.metric, Metric::Revenue | Metric::Commitments))
        .filter(|m| (first_year..=last_year).contains(&m.year) && m.value.is_finite())
        .map(|m| (m.year, m.value))
        .collect();

    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for (i, row) in rows.iter().enumerate() {
        let stack: f64 = layers.iter().map(|l| payment(l, i)).sum();
        hi = hi.max(stack).max(row.revenue).max(row.available);
        lo = lo.min(row.revenue).min(row.available);
    }
    for &(_, v) in &reported {
        hi = hi.max(v);
        lo = lo.min(v);
    }

    let mut legend: Vec<LegendItem> = layers
        .iter()
        .map(|l| LegendItem::bar(l.label.clone(), l.color.to_rgba()))
        .collect();
    let unpaid_tint = |c: RGBColor| c.mix(UNPAID_TINT);
    if any_unpaid {
        legend.push(LegendItem::hatched(
            "unpaid",
            unpaid_tint(theme.muted),
            theme.text,
        ));
    }
    legend.push(LegendItem::line("revenue", theme.text, false).with_mark(Mark::Dot, theme.text));
    legend.push(LegendItem::line(
        "available for commitments",
        theme.text,
        true,
    ));
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

        room_above: 0.0,
        room_below: 0.0,
        unit: "$ billions per year",
        legend: &legend,
    };
    let frame = Frame::new(root, opts, &spec);
    frame.draw_back(root, opts, &spec)?;
    frame.draw_crosshair(root, opts)?;

    let half = frame.half_bar(0.68);
    // Layer by layer (the bars do not overlap, so the order changes no pixel): the canvas is
    // then given each colour once, not once per bar. The paid parts first, then the unpaid
    // ones above them, so that the unpaid part of a year is the top of its stack.
    let mut bases = vec![0.0; rows.len()];
    for paid in [true, false] {
        for layer in &layers {
            for (i, (row, base)) in rows.iter().zip(bases.iter_mut()).enumerate() {
                let (p, u) = (payment(layer, i), unpaid(layer, i));
                let part = if paid { p - u } else { u };
                if part <= 0.0 {
                    continue;
                }
                let top = *base + part;
                let x = frame.x(row.year);
                let (y0, y1) = (frame.y(top), frame.y(*base));
                let color = if paid {
                    layer.color.filled()
                } else {
                    unpaid_tint(layer.color).filled()
                };
                root.draw(&Rectangle::new([(x - half, y0), (x + half, y1)], color))?;
                *base = top;
            }
        }
    }
    if any_unpaid {
        // Each year's unpaid block, the top of its stack, hatched and outlined as one.
        for (i, row) in rows.iter().enumerate() {
            let u: f64 = layers.iter().map(|l| unpaid(l, i)).sum();
            if u > 0.0 {
                let x = frame.x(row.year);
                let (top, bottom) = (frame.y(bases[i]), frame.y(bases[i] - u));
                frame.hatch(root, [(x - half, top), (x + half, bottom)], theme.text)?;
            }
        }
    }
    frame.reference(root, 0.0, theme.reference, 1.0)?;

    let available: Vec<(i32, i32)> = rows
        .iter()
        .map(|r| (frame.x(r.year), frame.y(r.available)))
        .collect();
    if available.len() > 1 {
        frame.dashed(root, available.clone(), theme.text, 2.0)?;
    } else if let Some(&(x, y)) = available.first() {
        // A single year has no line to dash: a short stroke marks the value.
        polyline(
            root,
            vec![(x - half, y), (x + half, y)],
            theme.text,
            frame.lw(2.0),
        )?;
    }
    let revenue: Vec<(i32, i32)> = rows
        .iter()
        .map(|r| (frame.x(r.year), frame.y(r.revenue)))
        .collect();
    polyline(root, revenue.clone(), theme.text, frame.lw(2.5))?;
    for &at in &revenue {
        frame.mark(root, theme, Mark::Dot, at, theme.text)?;
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

    frame.draw_front(root, opts)?;
    root.present()?;
    Ok(frame.layout)
}

/// A layer's payment in the year at `i`, treating anything missing or not finite as nothing.
fn payment(layer: &Layer, i: usize) -> f64 {
    layer
        .payments
        .get(i)
        .copied()
        .filter(|p| p.is_finite() && *p > 0.0)
        .unwrap_or(0.0)
}

/// The part of a layer's payment in the year at `i` left unpaid: never more than the payment,
/// nothing when missing or not finite.
fn unpaid(layer: &Layer, i: usize) -> f64 {
    layer
        .unpaid
        .get(i)
        .copied()
        .filter(|u| u.is_finite() && *u > 0.0)
        .map_or(0.0, |u| u.min(payment(layer, i)))
}

/// A deal name short enough for the legend.
fn short_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= MAX_LABEL_CHARS {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}
