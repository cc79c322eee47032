//! The sensitivity tornado: one horizontal bar per input, in the order given (largest swing at
//! the top), spanning the funding gaps at the input's low and high values around a vertical
//! line at the scenario's own gap. The part reaching to the low end's gap and the part reaching
//! to the high end's gap have their own colours, and each end is labelled with the input's
//! value and the gap there.

use super::frame::{
    elide, nice_axis, text, text_width, tick_label, Axis, Frame, LegendItem, FONT, PAD,
};
use super::{ChartOptions, ChartResult, Theme};
use coverage_model::format;
use coverage_model::sensitivity::{Bar, Tornado};
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
/// Line height of a label of two lines, in font sizes.
const LINE: f64 = 1.15;
/// Narrowest a bar's part is drawn (CSS pixels), so an end with no effect still shows.
const MIN_PART: f64 = 2.0;

/// Draws the tornado of `tornado.bars`, top to bottom in the order given. The x axis is the
/// funding gap in $ billions; a vertical line marks the scenario's own gap. With no bars it
/// says there is nothing to vary. Returns the frame of the bars' rows (from the first row's
/// top to the axis), which [`row_at`](crate::ChartLayout::row_at) shares among the bars for
/// the tooltip.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    tornado: &Tornado,
    opts: &ChartOptions,
) -> ChartResult<DB> {
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
    let frame = Frame::bare(root, opts, UNIT, &legend);
    frame.draw_chrome(root, opts, UNIT, &legend)?;
    let mut rows = frame.layout;
    if tornado.bars.is_empty() {
        let l = &frame.layout;
        let at = (
            (l.plot_left + l.plot_right) / 2,
            (l.plot_top + l.plot_bottom) / 2,
        );
        let anchor = (HPos::Center, VPos::Center);
        frame.note(root, t, "nothing to vary", at, t.muted, anchor, false)?;
    } else {
        let layout = Layout::new(&frame, tornado);
        layout.draw_axis(root, &frame, opts)?;
        for (i, bar) in tornado.bars.iter().enumerate() {
            layout.draw_bar(root, &frame, opts, tornado, i, bar)?;
        }
        layout.draw_base(root, &frame, opts, tornado)?;
        // The label of the line at the scenario's own gap sits above the first row.
        rows.plot_top = layout.top;
    }
    frame.draw_footer(root, opts)?;
    root.present()?;
    Ok(rows)
}

/// The unit line, which names the x axis.
const UNIT: &str = "funding gap, $ billions";

/// The colours of the parts reaching to the low and to the high end's gap.
fn colors(opts: &ChartOptions) -> (RGBColor, RGBColor) {
    (opts.theme.secondary, opts.theme.primary)
}

/// Where a tornado's parts go, in backend pixels. Left to right: the input labels, room for the
/// labels at the bars' left ends, the plot, room for the labels at their right ends; top to
/// bottom: the label of the line at the scenario's own gap, then one row per bar.
struct Layout {
    /// Left edge of the input labels.
    pad: i32,
    /// Left and right edges of the bars' columns, end labels included.
    left: i32,
    right: i32,
    /// Left and right edges of the plot: where the axis's lowest and highest values fall.
    inner_left: i32,
    inner_right: i32,
    /// The plot's top (the base line's label), the first row's top, and the plot's bottom.
    plot_top: i32,
    top: i32,
    bottom: i32,
    /// Height of a row, and half the thickness of a bar.
    row: f64,
    half: f64,
    axis: Axis,
    /// Input labels (short), on one or two lines, elided only if still too long.
    labels: Vec<Vec<String>>,
    ends: Vec<Ends>,
}

impl Layout {
    fn new(frame: &Frame, tornado: &Tornado) -> Layout {
        let l = &frame.layout;
        let (s, size) = (frame.s, FONT * frame.s);
        let pad = frame.px(PAD);
        let max_label = f64::from(frame.width) * LABEL_SHARE;
        let labels: Vec<Vec<String>> = tornado
            .bars
            .iter()
            .map(|b| wrap(&b.short_label(), size, max_label))
            .collect();
        let label_w = widest(labels.iter().flatten().map(String::as_str), size);
        let left = pad + (label_w + 10.0 * s).round() as i32;
        let right = l.plot_right;
        let room = |ends: &[Ends]| -> (i32, i32) {
            let room = |w: f64| (w + 10.0 * s).round() as i32;
            (
                room(widest(
                    ends.iter().flat_map(|e| &e.left).map(String::as_str),
                    size,
                )),
                room(widest(
                    ends.iter().flat_map(|e| &e.right).map(String::as_str),
                    size,
                )),
            )
        };
        // Labels read "input → gap" where that leaves the bars 40% of their columns; else the
        // input above the gap where that leaves them 30% (a phone); else just the gap.
        let tight = |(l, r): (i32, i32), share: f64| {
            f64::from(right - left - l - r) < share * f64::from(right - left)
        };
        let mut ends: Vec<Ends> = tornado
            .bars
            .iter()
            .map(|b| Ends::of(b, Some(false)))
            .collect();
        let (mut room_left, mut room_right) = room(&ends);
        for (stacked, share) in [(Some(true), 0.4), (None, 0.3)] {
            if !tight((room_left, room_right), share) {
                break;
            }
            ends = tornado.bars.iter().map(|b| Ends::of(b, stacked)).collect();
            (room_left, room_right) = room(&ends);
        }
        let inner_left = left + room_left;
        let inner_right = (right - room_right).max(inner_left + frame.px(10.0));
        let inner_w = f64::from(inner_right - inner_left);

        let header = (size * 1.25 + 4.0 * s).round() as i32;
        let top = l.plot_top + header;
        let row = f64::from(l.plot_bottom - top) / tornado.bars.len().max(1) as f64;
        let half = ((row * BAR_SHARE).min(MAX_BAR * s) / 2.0).max(1.0);

        let (lo, hi) = tornado
            .bars
            .iter()
            .flat_map(|b| [b.low.funding_gap, b.high.funding_gap])
            .chain([tornado.funding_gap])
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        // About one tick per 90 px, never closer than 55 px (room for "1,000").
        let target = (inner_w / (90.0 * s)).clamp(1.5, 6.0);
        let most = (inner_w / (55.0 * s)).floor().clamp(2.0, 8.0) as usize;
        Layout {
            pad,
            left,
            right,
            inner_left,
            inner_right,
            plot_top: l.plot_top,
            top,
            bottom: l.plot_bottom,
            row,
            half,
            axis: nice_axis(lo, hi, target, most),
            labels,
            ends,
        }
    }

    /// The x of a funding gap.
    fn x(&self, gap: f64) -> i32 {
        let a = &self.axis;
        let gap = if gap.is_finite() { gap } else { a.lo };
        let share = ((gap - a.lo) / (a.hi - a.lo)).clamp(0.0, 1.0);
        self.inner_left + (share * f64::from(self.inner_right - self.inner_left)).round() as i32
    }

    /// Vertical grid lines at the ticks, their labels under the plot, and the axis line.
    fn draw_axis<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        opts: &ChartOptions,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let t = &opts.theme;
        let width = frame.lw(1.0);
        for &tick in &self.axis.ticks {
            let x = self.x(tick);
            let grid = vec![(x, self.plot_top), (x, self.bottom)];
            root.draw(&PathElement::new(grid, t.grid.stroke_width(width)))?;
            let mark = vec![(x, self.bottom), (x, self.bottom + frame.px(4.0))];
            root.draw(&PathElement::new(mark, t.axis.stroke_width(width)))?;
            text(
                root,
                &tick_label(tick, self.axis.step),
                (x, frame.x_label_y),
                FONT * frame.s,
                t.muted,
                (HPos::Center, VPos::Top),
                false,
            )?;
        }
        let line = vec![
            (self.inner_left, self.bottom),
            (self.inner_right, self.bottom),
        ];
        root.draw(&PathElement::new(line, t.axis.stroke_width(width)))
    }

    /// Bar `i`: its input label, its two parts from the scenario's own gap to each end's gap,
    /// and the labels at its ends.
    fn draw_bar<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        opts: &ChartOptions,
        tornado: &Tornado,
        i: usize,
        bar: &Bar,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let t = &opts.theme;
        let (low_color, high_color) = colors(opts);
        let centre = f64::from(self.top) + (i as f64 + 0.5) * self.row;
        let y = centre.round() as i32;
        let (y0, y1) = (
            (centre - self.half).round() as i32,
            (centre + self.half).round() as i32,
        );
        lines(
            root,
            frame,
            t,
            &self.labels[i],
            (self.pad, y),
            HPos::Left,
            false,
        )?;

        let base = self.x(tornado.funding_gap);
        let mut parts = [
            (bar.low.funding_gap, low_color),
            (bar.high.funding_gap, high_color),
        ];
        // The longer part first, so a shorter one on the same side shows over it (compared
        // unrounded, so the order is the same at every scale).
        let moved = |gap: f64| (gap - tornado.funding_gap).abs();
        parts.sort_by(|a, b| moved(b.0).total_cmp(&moved(a.0)));
        let parts = parts.map(|(gap, color)| (self.x(gap), color));
        let min_part = frame.px(MIN_PART).max(1);
        for (end, color) in parts {
            let (mut a, mut b) = (base.min(end), base.max(end));
            if b - a < min_part {
                let mid = (a + b) / 2;
                (a, b) = (mid - min_part / 2, mid - min_part / 2 + min_part);
            }
            root.draw(&Rectangle::new([(a, y0), (b, y1)], color.filled()))?;
        }

        let west = base.min(parts[0].0).min(parts[1].0);
        let east = base.max(parts[0].0).max(parts[1].0);
        let gap = frame.px(5.0);
        let ends = &self.ends[i];
        lines(
            root,
            frame,
            t,
            &ends.left,
            (west - gap, y),
            HPos::Right,
            true,
        )?;
        lines(
            root,
            frame,
            t,
            &ends.right,
            (east + gap, y),
            HPos::Left,
            true,
        )
    }

    /// The line at the scenario's own funding gap, labelled above the bars.
    fn draw_base<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        opts: &ChartOptions,
        tornado: &Tornado,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let t = &opts.theme;
        let base = self.x(tornado.funding_gap);
        let line = vec![(base, (self.plot_top + self.top) / 2), (base, self.bottom)];
        root.draw(&PathElement::new(
            line,
            t.reference.stroke_width(frame.lw(1.5)),
        ))?;
        let label = format!("as entered: {}", format::money(tornado.funding_gap));
        let half = (text_width(&label, FONT * frame.s) / 2.0).round() as i32 + frame.px(2.0);
        let at = base.clamp(self.left + half, (self.right - half).max(self.left + half));
        let anchor = (HPos::Center, VPos::Top);
        frame.note(root, t, &label, (at, self.plot_top), t.text, anchor, true)
    }
}

/// The widest of `texts` at `size` pixels.
fn widest<'a>(texts: impl Iterator<Item = &'a str>, size: f64) -> f64 {
    texts.map(|s| text_width(s, size)).fold(0.0, f64::max)
}

/// Lines of text centred as a block on `at`'s height; `note` draws them over a halo of the
/// background, so they stay readable over a bar or a grid line.
fn lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    t: &Theme,
    lines: &[String],
    at: (i32, i32),
    h: HPos,
    note: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let size = FONT * frame.s;
    let first = f64::from(at.1) - (lines.len() as f64 - 1.0) * size * LINE / 2.0;
    for (k, line) in lines.iter().enumerate() {
        let y = (first + k as f64 * size * LINE).round() as i32;
        if note {
            frame.note(root, t, line, (at.0, y), t.text, (h, VPos::Center), false)?;
        } else {
            text(
                root,
                line,
                (at.0, y),
                size,
                t.text,
                (h, VPos::Center),
                false,
            )?;
        }
    }
    Ok(())
}

/// `text` on one line if it fits `max_px`, else on two broken at a space (the second elided
/// only if it still does not fit).
fn wrap(text: &str, size_px: f64, max_px: f64) -> Vec<String> {
    if text_width(text, size_px) <= max_px {
        return vec![text.to_string()];
    }
    // The longest first line that fits; a word too long for a line goes on the first alone.
    let words: Vec<&str> = text.split(' ').collect();
    let mut split = 1;
    while split < words.len() && text_width(&words[..=split].join(" "), size_px) <= max_px {
        split += 1;
    }
    let first = words[..split].join(" ");
    let rest = words[split..].join(" ");
    if rest.is_empty() {
        return vec![elide(&first, size_px, max_px)];
    }
    vec![
        elide(&first, size_px, max_px),
        elide(&rest, size_px, max_px),
    ]
}

/// A bar's end labels: `left` goes at the bar's left end (the end with the smaller gap; the
/// low end when they are equal), `right` at its right end. Each is one or two lines.
struct Ends {
    left: Vec<String>,
    right: Vec<String>,
}

impl Ends {
    /// With the input's value beside the gap (`Some(false)`: "×0.6 → $900B"), above it
    /// (`Some(true)`), or the gap alone (`None`).
    fn of(bar: &Bar, input: Option<bool>) -> Ends {
        let label = |value: String, gap: f64| {
            let gap = format::money(gap);
            match input {
                Some(false) => vec![format!("{value} → {gap}")],
                Some(true) => vec![value, format!("→ {gap}")],
                None => vec![gap],
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
