//! The frame the charts share, in backend pixels: the layout (title, legend, unit line,
//! plot, year labels, footer), nice y ticks, the grid, legend swatches, point marks and text.
//! Lengths are written in CSS pixels and multiplied by the scale in one place ([`Frame::px`]).

use super::{ChartLayout, ChartOptions, Theme};
use coverage_model::engine::Projection;
use coverage_model::format;
use coverage_model::scenario::Scenario;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{Color, DrawingBackend, RGBAColor, RGBColor};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

pub(super) type Area<DB> = DrawingArea<DB, Shift>;
pub(super) type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Outer padding.
pub(super) const PAD: f64 = 10.0;
/// Tick labels, legend, unit line and annotations.
pub(super) const FONT: f64 = 12.0;
const TITLE_FONT: f64 = 16.0;
const FOOTER_FONT: f64 = 11.0;
const LEGEND_ROW: f64 = 18.0;
const SWATCH: f64 = 16.0;
/// Most year labels on the x axis.
const MAX_YEAR_LABELS: i32 = 12;

/// Estimated width in pixels of `text` in a sans-serif font of `size_px`, from typical glyph
/// widths (Helvetica/Arial-like), rounded up a little so estimates err towards more room. Used
/// for all layout so that nothing is measured through the backend.
pub fn text_width(text: &str, size_px: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '|' | '!' | '\'' | '.' | ',' | ':' | ';' => 0.25,
            ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.34,
            'm' | 'w' | '%' => 0.86,
            'M' | 'W' | '…' | '—' => 0.95,
            '0'..='9' | '$' | '+' | '×' | '÷' | '=' | '<' | '>' => 0.57,
            'A'..='Z' => 0.69,
            c if c.is_ascii() => 0.54,
            _ => 0.62,
        })
        .sum();
    em * size_px * 1.06
}

/// The scale to use: the option when it is finite and positive, else 1.
pub(super) fn scale_of(opts: &ChartOptions) -> f64 {
    if opts.scale.is_finite() && opts.scale > 0.0 {
        opts.scale.clamp(0.1, 16.0)
    } else {
        1.0
    }
}

/// First and last year of the x axis: the projection's rows, else the scenario's horizon.
pub(super) fn year_span(projection: &Projection, scenario: &Scenario) -> (i32, i32) {
    match (projection.rows.first(), projection.rows.last()) {
        (Some(first), Some(last)) => (first.year, last.year.max(first.year)),
        _ => (
            scenario.start_year,
            scenario.end_year.max(scenario.start_year),
        ),
    }
}

/// A y axis with round ticks covering the data.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
}

/// Round steps: 1, 2, 2.5 or 5 times a power of ten.
const MANTISSAS: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// Round ticks from below `lo` to above `hi`. Among the round steps giving at most `most`
/// intervals, picks the one that wastes least of the plot while giving close to `target`
/// intervals (2.5 steps only when clearly better, one interval only when nothing else fits). Never degenerate: an empty or non-finite
/// extent becomes 0..1, a single value is padded.
pub(super) fn nice_axis(lo: f64, hi: f64, target: f64, most: usize) -> Axis {
    const LIMIT: f64 = 1e300;
    let fix = |x: f64| {
        if x.is_finite() {
            x.clamp(-LIMIT, LIMIT)
        } else {
            0.0
        }
    };
    let (mut lo, mut hi) = (fix(lo), fix(hi));
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    let magnitude = lo.abs().max(hi.abs());
    if hi - lo <= magnitude * 1e-9 {
        if magnitude == 0.0 {
            hi = 1.0;
        } else {
            let pad = magnitude * 0.1;
            hi += pad;
            lo = if lo >= 0.0 && lo - pad < 0.0 {
                0.0
            } else {
                lo - pad
            };
        }
    }
    let span = hi - lo;
    let most = most.max(1) as f64;
    let intervals = |step: f64| (hi / step).ceil() - (lo / step).floor();
    let exp = (span / most).log10().floor();
    let mut best: Option<(f64, f64)> = None;
    for e in 0..4 {
        let base = 10f64.powf(exp + f64::from(e));
        for m in MANTISSAS {
            let step = m * base;
            let n = intervals(step);
            if n > most {
                continue;
            }
            let waste = n * step / span;
            let quarter = if m == 2.5 { 0.05 } else { 0.0 };
            let lone = if n < 2.0 { 0.2 } else { 0.0 };
            let score = waste + 0.1 * (n - target).abs() + quarter + lone;
            if best.is_none_or(|(_, b)| score < b - 1e-12) {
                best = Some((step, score));
            }
        }
    }
    // Nothing fits only if `most` is tiny: one step spanning everything does.
    let step = best.map_or_else(|| 10f64.powf(span.log10().ceil() + 1.0), |(s, _)| s);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let count = ((end - start) / step).round().clamp(1.0, 100.0) as usize;
    let ticks: Vec<f64> = (0..=count)
        .map(|i| {
            let t = start + i as f64 * step;
            // -0 and 1e-17 both read "0".
            if t.abs() < step * 1e-9 {
                0.0
            } else {
                t
            }
        })
        .collect();
    Axis {
        lo: ticks[0],
        hi: ticks[ticks.len() - 1],
        step,
        ticks,
    }
}

/// A tick label with as many decimals as the step needs: `0`, `250`, `1,000`, `0.5`; huge
/// values (absurd growth inputs) in exponent form.
pub(super) fn tick_label(v: f64, step: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    if v.abs() >= 1e9 {
        let s = format::exponent_fixed(v, 2);
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        // Trimmed as text: parsing it back would pull float parsing into the download.
        let mantissa = format::trim_zeros(mantissa);
        return format!("{mantissa}e{exp}");
    }
    // As many decimals as the step has: 0.25 needs two, 2.5 one, 250 none.
    let decimals = (0..10)
        .find(|&d| {
            let scaled = step * 10f64.powi(d);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(10) as usize;
    format::group(&format::fixed(v, decimals))
}

/// The runs of consecutive present values: a line breaks where a value is missing.
pub(super) fn runs<T>(values: impl IntoIterator<Item = Option<T>>) -> Vec<Vec<T>> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    for value in values {
        match value {
            Some(v) => run.push(v),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// Shortens `text` with an ellipsis to fit `max_px` at `size_px`.
pub(super) fn elide(text: &str, size_px: f64, max_px: f64) -> String {
    if text_width(text, size_px) <= max_px {
        return text.to_string();
    }
    let mut out: String = text.chars().collect();
    while !out.is_empty() && text_width(&out, size_px) + text_width("…", size_px) > max_px {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// A point mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Dot,
    Square,
    /// Hollow: the reported figures.
    Diamond,
    /// Pointing up: raises, and values above a capped axis.
    Triangle,
    /// Hollow circle: the funding gap.
    Ring,
}

/// How a line is stroked. Lines told apart by their pattern as well as their colour stay
/// distinct in greyscale and for every form of colour blindness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dash {
    Solid,
    /// 6 px dashes, 4 px apart.
    Dashed,
    /// 2 px dots, 3 px apart.
    Dotted,
    /// 10 px dashes, 3 px apart.
    LongDashed,
}

impl Dash {
    /// Dash length and gap in CSS pixels; `None` for a solid line.
    fn pattern(self) -> Option<(f64, f64)> {
        match self {
            Dash::Solid => None,
            Dash::Dashed => Some((6.0, 4.0)),
            Dash::Dotted => Some((2.0, 3.0)),
            Dash::LongDashed => Some((10.0, 3.0)),
        }
    }
}

/// One legend entry: any of a filled box (hatched or not), a (dashed) line and a mark.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LegendItem {
    pub label: String,
    pub fill: Option<RGBAColor>,
    /// Diagonal lines of this colour over the box, and its outline: payments left unpaid.
    pub hatch: Option<RGBColor>,
    pub line: Option<(RGBColor, Dash)>,
    pub mark: Option<(Mark, RGBColor)>,
}

impl LegendItem {
    pub fn bar(label: impl Into<String>, color: RGBAColor) -> Self {
        LegendItem {
            label: label.into(),
            fill: Some(color),
            hatch: None,
            line: None,
            mark: None,
        }
    }

    /// A box filled with `color` under diagonal lines of `lines`, outlined in `lines`.
    pub fn hatched(label: impl Into<String>, color: RGBAColor, lines: RGBColor) -> Self {
        LegendItem {
            hatch: Some(lines),
            ..LegendItem::bar(label, color)
        }
    }

    pub fn line(label: impl Into<String>, color: RGBColor, dashed: bool) -> Self {
        let dash = if dashed { Dash::Dashed } else { Dash::Solid };
        LegendItem::stroke(label, color, dash)
    }

    /// A line in any [`Dash`] pattern.
    pub fn stroke(label: impl Into<String>, color: RGBColor, dash: Dash) -> Self {
        LegendItem {
            label: label.into(),
            fill: None,
            hatch: None,
            line: Some((color, dash)),
            mark: None,
        }
    }

    pub fn mark(label: impl Into<String>, mark: Mark, color: RGBColor) -> Self {
        LegendItem {
            label: label.into(),
            fill: None,
            hatch: None,
            line: None,
            mark: Some((mark, color)),
        }
    }

    pub fn with_mark(mut self, mark: Mark, color: RGBColor) -> Self {
        self.mark = Some((mark, color));
        self
    }
}

/// What a chart asks of the frame.
pub(super) struct Spec<'a> {
    pub first_year: i32,
    pub last_year: i32,
    /// Smallest and largest value the y axis must show.
    pub lo: f64,
    pub hi: f64,
    /// Pixels (CSS) to keep free above `hi` and below `lo`, for labels at the extremes.
    pub room_above: f64,
    pub room_below: f64,
    /// The unit line above the plot, e.g. "$ billions per year".
    pub unit: &'a str,
    pub legend: &'a [LegendItem],
}

/// A laid-out chart: where everything goes, and the scale.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub s: f64,
    pub width: i32,
    pub height: i32,
    pub layout: ChartLayout,
    pub axis: Axis,
    legend_at: Vec<(i32, i32)>,
    title_y: i32,
    unit_y: i32,
    /// Top of the labels under the plot's x axis.
    pub x_label_y: i32,
    year_labels: Vec<i32>,
}

impl Frame {
    /// Lays out a chart on `root`.
    pub fn new<DB: DrawingBackend>(root: &Area<DB>, opts: &ChartOptions, spec: &Spec) -> Frame {
        let s = scale_of(opts);
        let (w, h) = root.dim_in_pixel();
        let width = i32::try_from(w).unwrap_or(i32::MAX);
        let height = i32::try_from(h).unwrap_or(i32::MAX);
        let (wf, hf) = (f64::from(width), f64::from(height));
        let pad = PAD * s;

        let mut y = pad;
        let title_y = y;
        if opts.title.is_some() {
            y += TITLE_FONT * s * 1.3 + 4.0 * s;
        }

        // Legend entries flow left to right and wrap.
        let narrow = wf < 480.0 * s;
        let row_h = if narrow { LEGEND_ROW - 2.0 } else { LEGEND_ROW } * s;
        let gap = if narrow { 12.0 } else { 16.0 } * s;
        let (mut x, mut row) = (pad, 0.0);
        let mut legend_at = Vec::with_capacity(spec.legend.len());
        for item in spec.legend {
            let w = (SWATCH + 6.0) * s + text_width(&item.label, FONT * s);
            if x > pad && x + w > wf - pad {
                row += 1.0;
                x = pad;
            }
            legend_at.push((
                x.round() as i32,
                (y + row * row_h + row_h / 2.0).round() as i32,
            ));
            x += w + gap;
        }
        if !spec.legend.is_empty() {
            y += (row + 1.0) * row_h + 4.0 * s;
        }
        let unit_y = y;
        y += FONT * s * 1.25 + 4.0 * s;
        let plot_top = y + FONT * s * 0.5;

        let mut bottom = hf - pad;
        if opts.footer.is_some() {
            bottom -= FOOTER_FONT * s * 1.3 + 6.0 * s;
        }
        let plot_bottom = (bottom - FONT * s * 1.2 - 8.0 * s).max(plot_top + 10.0);

        let (mut lo, mut hi) = (spec.lo, spec.hi);
        // Label room takes at most 40% of a short plot.
        let plot_h = plot_bottom - plot_top;
        let room = (spec.room_above + spec.room_below) * s;
        let fit = if room > 0.4 * plot_h {
            0.4 * plot_h / room
        } else {
            1.0
        };
        let free = plot_h - room * fit;
        if free > 0.0 && hi > lo && (hi - lo).is_finite() {
            let per_px = (hi - lo) / free;
            lo -= spec.room_below * s * fit * per_px;
            hi += spec.room_above * s * fit * per_px;
        }
        // About one gridline per 50 px, never closer than 22 px.
        let target = (plot_h / (50.0 * s)).clamp(1.5, 8.0);
        let most = (plot_h / (22.0 * s)).floor().clamp(2.0, 12.0) as usize;
        let axis = nice_axis(lo, hi, target, most);
        let label_w = axis
            .ticks
            .iter()
            .map(|&t| text_width(&tick_label(t, axis.step), FONT * s))
            .fold(0.0, f64::max);
        let plot_left = (pad + label_w + 8.0 * s).min(wf * 0.45);
        let plot_right = (wf - pad).max(plot_left + 10.0);

        let layout = ChartLayout {
            plot_left: plot_left.round() as i32,
            plot_right: plot_right.round() as i32,
            plot_top: plot_top.round() as i32,
            plot_bottom: plot_bottom.round() as i32,
            first_year: spec.first_year,
            last_year: spec.last_year.max(spec.first_year),
            y_min: axis.lo,
            y_max: axis.hi,
        };

        // One label per year while they fit (at most 12), else every 2nd, 5th, 10th... year.
        let years = layout.years();
        let need = text_width("2030", FONT * s) + 10.0 * s;
        let step = [1, 2, 5, 10, 20, 25, 50]
            .into_iter()
            .find(|&k| {
                (years + k - 1) / k <= MAX_YEAR_LABELS && layout.band() * f64::from(k) >= need
            })
            .unwrap_or(50);
        let mut year_labels: Vec<i32> = (layout.first_year..=layout.last_year)
            .filter(|y| step == 1 || y.rem_euclid(step) == 0)
            .collect();
        if year_labels.is_empty() {
            year_labels.push(layout.first_year);
        }

        Frame {
            s,
            width,
            height,
            layout,
            axis,
            legend_at,
            title_y: title_y.round() as i32,
            unit_y: unit_y.round() as i32,
            x_label_y: (plot_bottom + 8.0 * s).round() as i32,
            year_labels,
        }
    }

    /// A frame for a chart that maps its own plot (not years against values): title, legend,
    /// unit line and footer as on the other charts, and the plot's top and bottom (the x axis's
    /// labels go below it, where the year labels go). Its layout's year and value axes are
    /// placeholders; draw with [`Frame::draw_chrome`] and [`Frame::draw_footer`].
    pub fn bare<DB: DrawingBackend>(
        root: &Area<DB>,
        opts: &ChartOptions,
        unit: &str,
        legend: &[LegendItem],
    ) -> Frame {
        let spec = Spec {
            first_year: 0,
            last_year: 0,
            lo: 0.0,
            hi: 1.0,
            room_above: 0.0,
            room_below: 0.0,
            unit,
            legend,
        };
        Frame::new(root, opts, &spec)
    }

    /// A length in CSS pixels, scaled to backend pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.s).round() as i32
    }

    /// A line width in CSS pixels, scaled (at least 1).
    pub fn lw(&self, css: f64) -> u32 {
        (css * self.s).round().max(1.0) as u32
    }

    /// The x of a year's band centre.
    pub fn x(&self, year: i32) -> i32 {
        self.layout.x_of(year).round() as i32
    }

    /// The y of a value, kept within a sane distance of the plot.
    pub fn y(&self, value: f64) -> i32 {
        let l = &self.layout;
        let reach = f64::from(self.height.max(1)) * 4.0;
        let y = l.y_of(value);
        let y = if y.is_finite() {
            y
        } else {
            f64::from(l.plot_bottom)
        };
        y.clamp(
            f64::from(l.plot_top) - reach,
            f64::from(l.plot_bottom) + reach,
        )
        .round() as i32
    }

    /// Half the width of a bar in its year band.
    pub fn half_bar(&self, share: f64) -> i32 {
        (self.layout.band() * share / 2.0).round().max(1.0) as i32
    }

    /// Whether `year` is on the x axis.
    pub fn has_year(&self, year: i32) -> bool {
        (self.layout.first_year..=self.layout.last_year).contains(&year)
    }

    /// Background, title, legend, unit line, grid with y labels, axis line and the band of the
    /// highlighted year: everything drawn under the data.
    pub fn draw_back<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        opts: &ChartOptions,
        spec: &Spec,
    ) -> Drawn<DB> {
        self.draw_chrome(root, opts, spec.unit, spec.legend)?;
        let t = &opts.theme;
        let l = &self.layout;
        if let Some(year) = opts.highlight_year.filter(|&y| self.has_year(y)) {
            let half = (l.band() / 2.0).round() as i32;
            let x = self.x(year);
            let band = t.muted.mix(0.12).filled();
            root.draw(&Rectangle::new(
                [(x - half, l.plot_top), (x + half, l.plot_bottom)],
                band,
            ))?;
        }
        for &tick in &self.axis.ticks {
            let y = self.y(tick);
            hline(root, l, y, t.grid, self.lw(1.0))?;
            let label = tick_label(tick, self.axis.step);
            text(
                root,
                &label,
                (l.plot_left - self.px(6.0), y),
                FONT * self.s,
                t.muted,
                (HPos::Right, VPos::Center),
                false,
            )?;
        }
        hline(root, l, l.plot_bottom, t.axis, self.lw(1.0))
    }

    /// Background, title, legend and unit line: what every chart has around its plot. The
    /// legend is laid out by [`Frame::new`], so `legend` must be the one given there.
    pub fn draw_chrome<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        opts: &ChartOptions,
        unit: &str,
        legend: &[LegendItem],
    ) -> Drawn<DB> {
        let t = &opts.theme;
        root.fill(&t.background)?;
        if let Some(title) = &opts.title {
            let title = elide(
                title,
                TITLE_FONT * self.s,
                f64::from(self.width) - 2.0 * PAD * self.s,
            );
            text(
                root,
                &title,
                (self.px(PAD), self.title_y),
                TITLE_FONT * self.s,
                t.text,
                (HPos::Left, VPos::Top),
                true,
            )?;
        }
        for (item, &(x, y)) in legend.iter().zip(&self.legend_at) {
            self.swatch(root, t, item, (x, y))?;
            let at = (x + self.px(SWATCH + 6.0), y);
            text(
                root,
                &item.label,
                at,
                FONT * self.s,
                t.text,
                (HPos::Left, VPos::Center),
                false,
            )?;
        }
        if !unit.is_empty() {
            text(
                root,
                unit,
                (self.px(PAD), self.unit_y),
                FONT * self.s,
                t.muted,
                (HPos::Left, VPos::Top),
                false,
            )?;
        }
        Ok(())
    }

    /// Year labels, their ticks and the footer: drawn over the data.
    pub fn draw_front<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        opts: &ChartOptions,
    ) -> Drawn<DB> {
        let t = &opts.theme;
        let l = &self.layout;
        for &year in &self.year_labels {
            let x = self.x(year);
            let tick = vec![(x, l.plot_bottom), (x, l.plot_bottom + self.px(4.0))];
            root.draw(&PathElement::new(tick, t.axis.stroke_width(self.lw(1.0))))?;
            text(
                root,
                &year.to_string(),
                (x, self.x_label_y),
                FONT * self.s,
                t.muted,
                (HPos::Center, VPos::Top),
                false,
            )?;
        }
        self.draw_footer(root, opts)
    }

    /// The footer, if any.
    pub fn draw_footer<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        opts: &ChartOptions,
    ) -> Drawn<DB> {
        let t = &opts.theme;
        if let Some(footer) = &opts.footer {
            let max = f64::from(self.width) - 2.0 * PAD * self.s;
            let footer = elide(footer, FOOTER_FONT * self.s, max);
            let at = (self.px(PAD), self.height - self.px(PAD));
            text(
                root,
                &footer,
                at,
                FOOTER_FONT * self.s,
                t.muted,
                (HPos::Left, VPos::Bottom),
                false,
            )?;
        }
        Ok(())
    }

    /// The vertical crosshair line at the highlighted year, if any.
    pub fn draw_crosshair<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        opts: &ChartOptions,
    ) -> Drawn<DB> {
        if let Some(year) = opts.highlight_year.filter(|&y| self.has_year(y)) {
            let l = &self.layout;
            let x = self.x(year);
            let line = vec![(x, l.plot_top), (x, l.plot_bottom)];
            root.draw(&PathElement::new(
                line,
                opts.theme.muted.stroke_width(self.lw(1.0)),
            ))?;
        }
        Ok(())
    }

    /// A horizontal reference line across the plot at `value`.
    pub fn reference<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        value: f64,
        color: RGBColor,
        width: f64,
    ) -> Drawn<DB> {
        hline(root, &self.layout, self.y(value), color, self.lw(width))
    }

    fn swatch<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        t: &Theme,
        item: &LegendItem,
        (x, y): (i32, i32),
    ) -> Drawn<DB> {
        let w = self.px(SWATCH);
        if let Some(fill) = item.fill {
            let h = self.px(5.0);
            let corners = [(x + self.px(1.0), y - h), (x + w - self.px(1.0), y + h)];
            root.draw(&Rectangle::new(corners, fill.filled()))?;
            if let Some(lines) = item.hatch {
                self.hatch(root, corners, lines)?;
            }
        }
        if let Some((color, dash)) = item.line {
            let points = vec![(x, y), (x + w, y)];
            let width = if dash == Dash::Dashed { 2.0 } else { 2.5 };
            self.stroke(root, points, color, width, dash)?;
        }
        if let Some((kind, color)) = item.mark {
            self.mark(root, t, kind, (x + w / 2, y), color)?;
        }
        Ok(())
    }

    /// Diagonal lines 5 px apart across the rectangle `[(left, top), (right, bottom)]`, and its
    /// outline, in `color`: the mark of payments left unpaid, legible in any colour vision and
    /// in greyscale.
    pub fn hatch<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        [(x0, y0), (x1, y1)]: [(i32, i32); 2],
        color: RGBColor,
    ) -> Drawn<DB> {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        let style = color.stroke_width(self.lw(1.0));
        let step = self.px(5.0).max(2) as usize;
        // Lines rising to the right satisfy x + y = c; each is cut to the rectangle.
        for c in (x0 + y0 + step as i32..x1 + y1).step_by(step) {
            let (xa, xb) = ((c - y1).max(x0), (c - y0).min(x1));
            if xa < xb {
                root.draw(&PathElement::new(vec![(xa, c - xa), (xb, c - xb)], style))?;
            }
        }
        let outline = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
        root.draw(&PathElement::new(outline, style))
    }

    /// A dashed line of `width` CSS pixels.
    pub fn dashed<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: f64,
    ) -> Drawn<DB> {
        self.stroke(root, points, color, width, Dash::Dashed)
    }

    /// A line of `width` CSS pixels in a [`Dash`] pattern (the pattern runs on across the
    /// points, so short segments still read as dashed).
    pub fn stroke<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: f64,
        dash: Dash,
    ) -> Drawn<DB> {
        match dash.pattern() {
            None => polyline(root, points, color, self.lw(width)),
            Some((on, off)) => {
                let style = color.stroke_width(self.lw(width));
                root.draw(&DashedPathElement::new(
                    points,
                    self.px(on).max(2),
                    self.px(off).max(1),
                    style,
                ))
            }
        }
    }

    /// A point mark of the usual size.
    pub fn mark<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        t: &Theme,
        kind: Mark,
        at: (i32, i32),
        color: RGBColor,
    ) -> Drawn<DB> {
        let r = match kind {
            Mark::Dot | Mark::Square => self.px(3.0),
            Mark::Diamond | Mark::Triangle => self.px(5.0),
            Mark::Ring => self.px(6.0),
        };
        mark(root, t, kind, at, r.max(1), color, self.lw(1.5))
    }

    /// Text on a backdrop of the background colour, so it reads over bars and lines.
    #[allow(clippy::too_many_arguments)]
    pub fn note<DB: DrawingBackend>(
        &self,
        root: &Area<DB>,
        t: &Theme,
        label: &str,
        (x, y): (i32, i32),
        color: RGBColor,
        anchor: (HPos, VPos),
        bold: bool,
    ) -> Drawn<DB> {
        let [left, top, right, bottom] = self.note_box(label, (x, y), anchor);
        let backdrop = t.background.mix(0.8).filled();
        root.draw(&Rectangle::new([(left, top), (right, bottom)], backdrop))?;
        text(root, label, (x, y), FONT * self.s, color, anchor, bold)
    }

    /// The box `[left, top, right, bottom]` that [`Frame::note`] fills behind a label, so a
    /// chart can keep its labels apart.
    pub fn note_box(&self, label: &str, (x, y): (i32, i32), anchor: (HPos, VPos)) -> [i32; 4] {
        let size = FONT * self.s;
        let w = (text_width(label, size) + 4.0 * self.s).round() as i32;
        let h = (size * 1.25).round() as i32;
        let left = match anchor.0 {
            HPos::Left => x - self.px(2.0),
            HPos::Center => x - w / 2,
            HPos::Right => x - w + self.px(2.0),
        };
        let top = match anchor.1 {
            VPos::Top => y,
            VPos::Center => y - h / 2,
            VPos::Bottom => y - h,
        };
        [left, top, left + w, top + h]
    }
}

/// A horizontal line across the plot.
fn hline<DB: DrawingBackend>(
    root: &Area<DB>,
    l: &ChartLayout,
    y: i32,
    color: RGBColor,
    width: u32,
) -> Drawn<DB> {
    root.draw(&PathElement::new(
        vec![(l.plot_left, y), (l.plot_right, y)],
        color.stroke_width(width),
    ))
}

/// A solid polyline.
pub(super) fn polyline<DB: DrawingBackend>(
    root: &Area<DB>,
    points: Vec<(i32, i32)>,
    color: RGBColor,
    width: u32,
) -> Drawn<DB> {
    if points.len() < 2 {
        return Ok(());
    }
    root.draw(&PathElement::new(points, color.stroke_width(width)))
}

/// Text at a point with an anchor.
pub(super) fn text<DB: DrawingBackend>(
    root: &Area<DB>,
    label: &str,
    at: (i32, i32),
    size: f64,
    color: RGBColor,
    (h, v): (HPos, VPos),
    bold: bool,
) -> Drawn<DB> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let font = FontDesc::new(FontFamily::SansSerif, size, style);
    let style = font.color(&color).pos(Pos::new(h, v));
    root.draw(&Text::new(label, at, style))
}

/// A point mark of radius `r`.
fn mark<DB: DrawingBackend>(
    root: &Area<DB>,
    t: &Theme,
    kind: Mark,
    (x, y): (i32, i32),
    r: i32,
    color: RGBColor,
    width: u32,
) -> Drawn<DB> {
    match kind {
        Mark::Dot => root.draw(&Circle::new((x, y), r, color.filled())),
        Mark::Square => root.draw(&Rectangle::new(
            [(x - r, y - r), (x + r, y + r)],
            color.filled(),
        )),
        Mark::Diamond => {
            let points = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
            root.draw(&Polygon::new(points.clone(), t.background.filled()))?;
            let mut outline = points;
            outline.push((x, y - r));
            root.draw(&PathElement::new(outline, color.stroke_width(width)))
        }
        Mark::Triangle => {
            let dy = (f64::from(r) * 0.8).round() as i32;
            let points = vec![(x, y - r), (x + r, y + dy), (x - r, y + dy)];
            root.draw(&Polygon::new(points, color.filled()))
        }
        Mark::Ring => {
            root.draw(&Circle::new((x, y), r, t.background.filled()))?;
            root.draw(&Circle::new((x, y), r, color.stroke_width(width)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axes_cover_the_data_with_round_ticks() {
        let cases = [
            // (lo, hi, target, most, expected lo, expected hi, expected step)
            (0.0, 93.0, 5.0, 12, 0.0, 100.0, 20.0),
            (0.0, 403.0, 5.3, 12, 0.0, 500.0, 100.0),
            (0.0, 7.4, 5.3, 12, 0.0, 8.0, 2.0),
            (-870.0, 390.0, 5.3, 12, -1000.0, 400.0, 200.0),
            // Short plots (phones): few intervals, little waste.
            (0.0, 403.0, 1.7, 3, 0.0, 500.0, 250.0),
            (-1150.0, 630.0, 2.3, 5, -1500.0, 1000.0, 500.0),
            (0.0, 1.0, 4.0, 8, 0.0, 1.0, 0.25),
            (0.0, 0.0, 5.0, 12, 0.0, 1.0, 0.2),
            (5.0, 5.0, 5.0, 12, 4.5, 5.5, 0.25),
            (f64::NAN, f64::INFINITY, 5.0, 12, 0.0, 1.0, 0.2),
            (3.0, -2.0, 5.0, 12, -2.0, 3.0, 1.0),
            (0.0, 10.0, 5.0, 1, 0.0, 10.0, 10.0),
            (-1.0, 1.0, 1.0, 1, -100.0, 100.0, 100.0),
        ];
        for (lo, hi, target, most, elo, ehi, estep) in cases {
            let a = nice_axis(lo, hi, target, most);
            let ok = (a.lo - elo).abs() < 1e-9
                && (a.hi - ehi).abs() < 1e-9
                && (a.step - estep).abs() < 1e-9;
            assert!(ok, "input ({lo}, {hi}, {target}, {most}): got {a:?}");
            assert!(a.ticks.len() >= 2, "input ({lo}, {hi}): {a:?}");
            assert!(a.ticks.len() <= most.max(1) + 1 || most == 1, "{a:?}");
            assert!(a.ticks.iter().all(|t| t.is_finite()));
        }
    }

    #[test]
    fn tick_labels_are_short_and_exact() {
        let cases = [
            (0.0, 200.0, "0"),
            (1000.0, 200.0, "1,000"),
            (-800.0, 200.0, "-800"),
            (0.5, 0.5, "0.5"),
            (0.2, 0.2, "0.2"),
            (0.05, 0.05, "0.05"),
            (0.75, 0.25, "0.75"),
            (7.5, 2.5, "7.5"),
            (750.0, 250.0, "750"),
            (2.5e12, 5e11, "2.5e12"),
        ];
        for (v, step, expected) in cases {
            assert_eq!(tick_label(v, step), expected, "input {v} step {step}");
        }
    }

    #[test]
    fn runs_break_where_a_value_is_missing() {
        let cases = [
            (vec![Some(1), Some(2), Some(3)], vec![vec![1, 2, 3]]),
            (
                vec![Some(1), None, Some(3), Some(4)],
                vec![vec![1], vec![3, 4]],
            ),
            (vec![None, None], vec![]),
            (vec![None, Some(2), None], vec![vec![2]]),
            (vec![], vec![]),
        ];
        for (values, expected) in cases {
            assert_eq!(runs(values.clone()), expected, "input {values:?}");
        }
    }

    #[test]
    fn text_width_grows_with_text_and_size() {
        assert!(text_width("2030", 12.0) > 20.0 && text_width("2030", 12.0) < 35.0);
        assert!((text_width("revenue", 24.0) - 2.0 * text_width("revenue", 12.0)).abs() < 1e-9);
        assert_eq!(text_width("", 12.0), 0.0);
        let short = elide("Existing compute (calibrated)", 12.0, 80.0);
        assert!(
            short.ends_with('…') && text_width(&short, 12.0) <= 80.0,
            "{short}"
        );
        assert_eq!(elide("AWS", 12.0, 80.0), "AWS");
    }
}
