//! The charts of the Suppliers page:
//!
//! - [`draw_supplier_dues`]: payments due per year, stacked by supplier (summed over the
//!   companies), so a reader sees who is owed how much and when; the largest seven suppliers
//!   have their own colours and the rest are summed as "other suppliers";
//! - [`draw_supplier_balance`]: one row per supplier (the largest first) with three bars side by
//!   side: what the companies owe it in their horizons, the money it put into them, and what goes
//!   unpaid when they run short.

use super::frame::{
    elide, nice_axis, text, text_width, tick_label, Axis, Frame, LegendItem, Spec, FONT, PAD,
};
use super::{shown_deals, ChartLayout, ChartOptions, ChartResult};
use coverage_model::suppliers::years::DueByYear;
use coverage_model::suppliers::Suppliers;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::{Color, DrawingBackend, RGBColor};
use plotters::style::text_anchor::{HPos, VPos};

/// Most suppliers the balance chart shows (the largest dues first); the data table has all.
pub const MAX_BALANCE_ROWS: usize = 8;
/// Thickest bar of the balance chart, in CSS pixels.
const MAX_BAR: f64 = 9.0;
/// Widest the column of supplier names gets, as a share of the width.
const LABEL_SHARE: f64 = 0.28;

/// The colour of the supplier at `position` among `count` suppliers, as the dues chart draws
/// it (for an HTML legend or table to match).
pub fn supplier_color(opts: &ChartOptions, position: usize, count: usize) -> RGBColor {
    opts.theme.deal_color(position, count)
}

/// Draws payments due per year stacked by supplier, in the table's order (largest dues at the
/// bottom). `names` are the suppliers' names in the order of `dues.due`.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_supplier_dues<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    dues: &DueByYear,
    names: &[String],
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let count = dues.due.len();
    let shown = shown_deals(count);
    let span = dues.years().count();
    let mut layers: Vec<(String, RGBColor, Vec<f64>)> = dues.due[..shown]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let name = names.get(i).map_or("", String::as_str);
            (short(name), supplier_color(opts, i, count), d.clone())
        })
        .collect();
    if count > shown {
        let mut other = vec![0.0; span];
        for d in &dues.due[shown..] {
            for (sum, v) in other.iter_mut().zip(d) {
                *sum += v;
            }
        }
        layers.push((
            format!("other suppliers ({})", count - shown),
            supplier_color(opts, shown, count),
            other,
        ));
    }
    let hi = (0..span)
        .map(|i| layers.iter().map(|l| value(&l.2, i)).sum::<f64>())
        .fold(0.0, f64::max);
    let legend: Vec<LegendItem> = layers
        .iter()
        .map(|(label, color, _)| LegendItem::bar(label.clone(), color.to_rgba()))
        .collect();
    let spec = Spec {
        first_year: dues.first_year,
        last_year: dues.last_year,
        lo: 0.0,
        hi,
        room_above: 0.0,
        room_below: 0.0,
        unit: "payments due, $ billions per year",
        legend: &legend,
    };
    let frame = Frame::new(root, opts, &spec);
    frame.draw_back(root, opts, &spec)?;
    frame.draw_crosshair(root, opts)?;
    let half = frame.half_bar(0.68);
    let mut bases = vec![0.0; span];
    // Layer by layer: each colour is given to the canvas once.
    for (_, color, values) in &layers {
        for (i, (year, base)) in dues.years().zip(bases.iter_mut()).enumerate() {
            let v = value(values, i);
            if v <= 0.0 {
                continue;
            }
            let x = frame.x(year);
            let (y0, y1) = (frame.y(*base + v), frame.y(*base));
            root.draw(&Rectangle::new(
                [(x - half, y0), (x + half, y1)],
                color.filled(),
            ))?;
            *base += v;
        }
    }
    frame.reference(root, 0.0, opts.theme.reference, 1.0)?;
    frame.draw_front(root, opts)?;
    root.present()?;
    Ok(frame.layout)
}

/// The three measures of the balance chart, in drawing order: their legend labels and colours.
pub fn balance_series(opts: &ChartOptions) -> [(&'static str, RGBColor); 3] {
    let t = &opts.theme;
    [
        ("owed in the horizon", t.primary),
        ("put in by the supplier", t.gain),
        ("unpaid if short", t.shortfall),
    ]
}

/// Draws, for each of the first [`MAX_BALANCE_ROWS`] suppliers of `table`, its dues, the money
/// it put in and its unpaid payments as three bars on one dollar axis. With no supplier it says
/// so. Returns the plot's frame, whose height [`balance_row_at`] shares among the rows.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_supplier_balance<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    table: &Suppliers,
    opts: &ChartOptions,
) -> ChartResult<DB> {
    let t = &opts.theme;
    let series = balance_series(opts);
    let rows: Vec<_> = table.suppliers.iter().take(MAX_BALANCE_ROWS).collect();
    let legend: Vec<LegendItem> = series
        .iter()
        .map(|(label, color)| LegendItem::bar(*label, color.to_rgba()))
        .collect();
    let unit = "$ billions over each company's horizon";
    let frame = Frame::bare(root, opts, unit, &legend);
    frame.draw_chrome(root, opts, unit, &legend)?;
    let l = frame.layout;
    let s = frame.s;
    if rows.is_empty() {
        let at = (
            (l.plot_left + l.plot_right) / 2,
            (l.plot_top + l.plot_bottom) / 2,
        );
        frame.note(
            root,
            t,
            "no suppliers",
            at,
            t.muted,
            (HPos::Center, VPos::Center),
            false,
        )?;
        return frame.draw_footer(root, opts).map(|()| l);
    }
    let size = FONT * s;
    let pad = frame.px(PAD);
    let max_label = f64::from(frame.width) * LABEL_SHARE;
    let labels: Vec<String> = rows
        .iter()
        .map(|r| elide(&r.name, size, max_label))
        .collect();
    let label_w = labels
        .iter()
        .map(|x| text_width(x, size))
        .fold(0.0, f64::max);
    let left = pad + (label_w + 10.0 * s).round() as i32;
    // Room on the right for the last tick's label.
    let right = (l.plot_right - frame.px(16.0)).max(left + frame.px(10.0));
    let hi = rows
        .iter()
        .flat_map(|r| [r.due(), r.received(), r.unpaid()])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let width = f64::from(right - left);
    let target = (width / (90.0 * s)).clamp(1.5, 6.0);
    let most = (width / (55.0 * s)).floor().clamp(2.0, 8.0) as usize;
    let axis: Axis = nice_axis(0.0, hi, target, most);
    let x_of = |v: f64| {
        let v = if v.is_finite() { v } else { 0.0 };
        let share = ((v - axis.lo) / (axis.hi - axis.lo)).clamp(0.0, 1.0);
        left + (share * width).round() as i32
    };
    let line = frame.lw(1.0);
    for &tick in &axis.ticks {
        let x = x_of(tick);
        root.draw(&PathElement::new(
            vec![(x, l.plot_top), (x, l.plot_bottom)],
            t.grid.stroke_width(line),
        ))?;
        text(
            root,
            &tick_label(tick, axis.step),
            (x, frame.x_label_y),
            size,
            t.muted,
            (HPos::Center, VPos::Top),
            false,
        )?;
    }
    let row = f64::from(l.plot_bottom - l.plot_top) / rows.len() as f64;
    let bar = (row * 0.8 / 3.0).min(MAX_BAR * s).max(1.0);
    for (i, (supplier, label)) in rows.iter().zip(&labels).enumerate() {
        let centre = f64::from(l.plot_top) + (i as f64 + 0.5) * row;
        text(
            root,
            label,
            (pad, centre.round() as i32),
            size,
            t.text,
            (HPos::Left, VPos::Center),
            false,
        )?;
        let values = [supplier.due(), supplier.received(), supplier.unpaid()];
        for (k, (v, (_, color))) in values.iter().zip(&series).enumerate() {
            if !(v.is_finite() && *v > 0.0) {
                continue;
            }
            let top = centre + (k as f64 - 1.5) * bar;
            let (y0, y1) = (top.round() as i32, (top + bar).round() as i32 - 1);
            let x1 = x_of(*v).max(left + 1);
            root.draw(&Rectangle::new(
                [(left, y0), (x1, y1.max(y0))],
                color.filled(),
            ))?;
        }
    }
    root.draw(&PathElement::new(
        vec![(left, l.plot_top), (left, l.plot_bottom)],
        t.axis.stroke_width(line),
    ))?;
    frame.draw_footer(root, opts)?;
    root.present()?;
    Ok(l)
}

/// The row of the balance chart (its supplier's index in the table) at height `y` of the
/// canvas, given the layout it was drawn with and the number of suppliers; `None` outside the
/// rows.
pub fn balance_row_at(layout: &ChartLayout, suppliers: usize, y: f64) -> Option<usize> {
    layout.row_at(suppliers.min(MAX_BALANCE_ROWS), y)
}

/// The centre height of a row of the balance chart (as [`balance_row_at`] divides it).
pub fn balance_row_centre(layout: &ChartLayout, suppliers: usize, row: usize) -> f64 {
    layout.row_centre(suppliers.min(MAX_BALANCE_ROWS), row)
}

fn value(values: &[f64], i: usize) -> f64 {
    values
        .get(i)
        .copied()
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(0.0)
}

/// A supplier name short enough for the legend.
fn short(name: &str) -> String {
    const MAX: usize = 28;
    let name = name.trim();
    if name.chars().count() <= MAX {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
