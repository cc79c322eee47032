//! The sensitivity tornado: one horizontal bar per input, in the order given (largest swing at
//! the top), spanning the funding gaps at the input's low and high values around a vertical
//! line at the scenario's own gap. The part reaching to the low end's gap and the part reaching
//! to the high end's gap have their own colours, and each end is labelled with the input's
//! value and the gap there.

use super::frame::{elide, nice_axis, text, text_width, tick_label, Frame, LegendItem, FONT, PAD};
use super::ChartOptions;
use crate::format;
use crate::sensitivity::{Bar, Tornado};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::{Color, DrawingBackend, RGBColor};
use plotters::style::text_anchor::{HPos, VPos};

/// Thickest bar, in CSS pixels (with few inputs the rows are tall).
const MAX_BAR: f64 = 22.0;
/// Share of its row a bar fills.
const BAR_SHARE: f64 = 0.62;
/// Widest the column of input labels gets, as a share of the width.
const LABEL_SHARE: f64 = 0.3;
/// Narrowest a bar's part is drawn (CSS pixels), so an end with no effect still shows.
const MIN_PART: f64 = 2.0;

/// Draws the tornado of `tornado.bars`, top to bottom in the order given. The x axis is the
/// funding gap in $ billions; a vertical line marks the scenario's own gap. With no bars it
/// says there is nothing to vary.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    tornado: &Tornado,
    opts: &ChartOptions,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let t = &opts.theme;
    let (low_color, high_color) = colors(opts);
    let legend = if tornado.bars.is_empty() {
        Vec::new()
    } else {
        vec![
            LegendItem::bar("low input", low_color.to_rgba()),
            LegendItem::bar("high input", high_color.to_rgba()),
        ]
    };
    let unit = "funding gap, $ billions";
    let frame = Frame::bare(root, opts, unit, &legend);
    frame.draw_chrome(root, opts, unit, &legend)?;
    let l = frame.layout;
    let size = FONT * frame.s;

    if tornado.bars.is_empty() {
        let at = (
            (l.plot_left + l.plot_right) / 2,
            (l.plot_top + l.plot_bottom) / 2,
        );
        let anchor = (HPos::Center, VPos::Center);
        frame.note(root, t, "nothing to vary", at, t.muted, anchor, false)?;
        frame.draw_footer(root, opts)?;
        return root.present();
    }

    // Columns, left to right: input labels, room for the labels at the bars' left ends, the
    // plot, room for the labels at their right ends.
    let pad = frame.px(PAD);
    let max_label = f64::from(frame.width) * LABEL_SHARE;
    let labels: Vec<String> = tornado
        .bars
        .iter()
        .map(|b| elide(&b.label, size, max_label))
        .collect();
    let label_w = labels
        .iter()
        .map(|s| text_width(s, size))
        .fold(0.0, f64::max);
    let left = pad + (label_w + 10.0 * frame.s).round() as i32;
    let right = l.plot_right;
    let room = |ends: &[Ends]| -> (i32, i32) {
        let widest = |pick: fn(&Ends) -> &str| {
            let w = ends
                .iter()
                .map(|e| text_width(pick(e), size))
                .fold(0.0, f64::max);
            (w + 10.0 * frame.s).round() as i32
        };
        (widest(|e| &e.left), widest(|e| &e.right))
    };
    // Labels read "input → gap"; where that leaves the bars too little room, just the gap.
    let mut ends: Vec<Ends> = tornado.bars.iter().map(|b| Ends::of(b, true)).collect();
    let (mut room_left, mut room_right) = room(&ends);
    if f64::from(right - left - room_left - room_right) < 0.4 * f64::from(right - left) {
        ends = tornado.bars.iter().map(|b| Ends::of(b, false)).collect();
        (room_left, room_right) = room(&ends);
    }
    let inner_left = left + room_left;
    let inner_right = (right - room_right).max(inner_left + frame.px(10.0));
    let inner_w = f64::from(inner_right - inner_left);

    // Room above the bars for the label of the line at the scenario's own gap.
    let header = (size * 1.25 + 4.0 * frame.s).round() as i32;
    let top = l.plot_top + header;
    let bottom = l.plot_bottom;
    let rows = tornado.bars.len() as i32;
    let row = f64::from(bottom - top) / f64::from(rows);
    let half = ((row * BAR_SHARE).min(MAX_BAR * frame.s) / 2.0).max(1.0);

    let gaps = tornado
        .bars
        .iter()
        .flat_map(|b| [b.low.funding_gap, b.high.funding_gap])
        .chain([tornado.funding_gap])
        .filter(|v| v.is_finite());
    let (lo, hi) = gaps.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let target = (inner_w / (90.0 * frame.s)).clamp(1.5, 6.0);
    let most = (inner_w / (55.0 * frame.s)).floor().clamp(2.0, 8.0) as usize;
    let axis = nice_axis(lo, hi, target, most);
    let x = |v: f64| -> i32 {
        let v = if v.is_finite() { v } else { axis.lo };
        let share = ((v - axis.lo) / (axis.hi - axis.lo)).clamp(0.0, 1.0);
        inner_left + (share * inner_w).round() as i32
    };

    for &tick in &axis.ticks {
        let at = x(tick);
        let grid = vec![(at, l.plot_top), (at, bottom)];
        root.draw(&PathElement::new(grid, t.grid.stroke_width(frame.lw(1.0))))?;
        let mark = vec![(at, bottom), (at, bottom + frame.px(4.0))];
        root.draw(&PathElement::new(mark, t.axis.stroke_width(frame.lw(1.0))))?;
        let label = tick_label(tick, axis.step);
        let anchor = (HPos::Center, VPos::Top);
        text(
            root,
            &label,
            (at, frame.x_label_y),
            size,
            t.muted,
            anchor,
            false,
        )?;
    }
    let axis_line = vec![(inner_left, bottom), (inner_right, bottom)];
    root.draw(&PathElement::new(
        axis_line,
        t.axis.stroke_width(frame.lw(1.0)),
    ))?;

    let base = x(tornado.funding_gap);
    let min_part = frame.px(MIN_PART).max(1);
    for (i, (bar, (label, ends))) in tornado
        .bars
        .iter()
        .zip(labels.iter().zip(&ends))
        .enumerate()
    {
        let centre = f64::from(top) + (i as f64 + 0.5) * row;
        let y = centre.round() as i32;
        let (y0, y1) = (
            (centre - half).round() as i32,
            (centre + half).round() as i32,
        );
        text(
            root,
            label,
            (pad, y),
            size,
            t.text,
            (HPos::Left, VPos::Center),
            false,
        )?;
        let mut parts = [
            (bar.low.funding_gap, low_color),
            (bar.high.funding_gap, high_color),
        ];
        // The longer part first, so a shorter one on the same side shows over it (compared
        // unrounded, so the order is the same at every scale).
        let moved = |gap: f64| (gap - tornado.funding_gap).abs();
        parts.sort_by(|a, b| moved(b.0).total_cmp(&moved(a.0)));
        let parts = parts.map(|(gap, color)| (x(gap), color));
        for (end, color) in parts {
            let (mut a, mut b) = (base.min(end), base.max(end));
            if b - a < min_part {
                let mid = (a + b) / 2;
                (a, b) = (mid - min_part / 2, mid - min_part / 2 + min_part);
            }
            root.draw(&Rectangle::new([(a, y0), (b, y1)], color.filled()))?;
        }
        let reach = [base, parts[0].0, parts[1].0];
        let (west, east) = (
            reach.iter().copied().min().unwrap_or(base),
            reach.iter().copied().max().unwrap_or(base),
        );
        let gap = frame.px(5.0);
        frame.note(
            root,
            t,
            &ends.left,
            (west - gap, y),
            t.text,
            (HPos::Right, VPos::Center),
            false,
        )?;
        frame.note(
            root,
            t,
            &ends.right,
            (east + gap, y),
            t.text,
            (HPos::Left, VPos::Center),
            false,
        )?;
    }

    let line = vec![(base, l.plot_top + header / 2), (base, bottom)];
    root.draw(&PathElement::new(
        line,
        t.reference.stroke_width(frame.lw(1.5)),
    ))?;
    let label = format!("as entered: {}", format::money(tornado.funding_gap));
    let half_w = (text_width(&label, size) / 2.0).round() as i32 + frame.px(2.0);
    let at = base.clamp(left + half_w, (right - half_w).max(left + half_w));
    frame.note(
        root,
        t,
        &label,
        (at, l.plot_top),
        t.text,
        (HPos::Center, VPos::Top),
        true,
    )?;

    frame.draw_footer(root, opts)?;
    root.present()
}

/// The colours of the parts reaching to the low and to the high end's gap.
fn colors(opts: &ChartOptions) -> (RGBColor, RGBColor) {
    (opts.theme.secondary, opts.theme.primary)
}

/// A bar's end labels: `left` goes at the bar's left end (the end with the smaller gap; the
/// low end when they are equal), `right` at its right end.
struct Ends {
    left: String,
    right: String,
}

impl Ends {
    fn of(bar: &Bar, with_input: bool) -> Ends {
        let label = |input: String, gap: f64| {
            if with_input {
                format!("{input} → {}", format::money(gap))
            } else {
                format::money(gap)
            }
        };
        let low = label(bar.low_text(), bar.low.funding_gap);
        let high = label(bar.high_text(), bar.high.funding_gap);
        if bar.high.funding_gap < bar.low.funding_gap {
            Ends {
                left: high,
                right: low,
            }
        } else {
            Ends {
                left: low,
                right: high,
            }
        }
    }
}
