//! The charts, drawn with plotters on any [`DrawingBackend`]: the app draws them on a `<canvas>`
//! (plotters-canvas) and the host tests draw them into an SVG string. The three of a projection:
//!
//! - [`draw_commitments`]: payments per year stacked by deal, against revenue and the cash
//!   available for commitments, with the scenario's reported figures as points (and the
//!   unpaid top of each year's stack hatched, when payments go unpaid);
//! - [`draw_coverage`]: cash coverage (A/P) and revenue coverage (R/P) against the 1× line;
//! - [`draw_cash`]: end-of-year cash, net cash flow, raises and the funding gap, and under a
//!   financing section the debt and the payments left unpaid.
//!
//! And those of the uncertainty page:
//!
//! - [`draw_cash_fan`], [`draw_coverage_fan`]: the Monte Carlo's bands of cash and of coverage
//!   per year, with the projection as entered;
//! - [`draw_tornado`]: the sensitivity tornado, the funding gap at each input's low and high;
//! - [`draw_comparison`]: up to four scenarios' cash or coverage overlaid.
//!
//! And those of the Suppliers page: [`draw_supplier_dues`] (dues per year stacked by supplier)
//! and [`draw_supplier_balance`] (owed, put in and unpaid per supplier).
//!
//! Each function fills the whole drawing area and returns a [`ChartLayout`]: for those with
//! years on the x axis it maps a pointer position back to a year, for the tornado and the
//! suppliers' balance back to a bar's row (for the crosshair and tooltip). Nothing here
//! touches the browser: plotters-canvas ignores the device pixel ratio, so the caller sizes the
//! canvas backing store to CSS size × ratio and passes the ratio as [`ChartOptions::scale`];
//! every length below is multiplied by it. No text is measured through the backend (on wasm
//! that costs a DOM layout per label): layout uses [`text_width`], a fixed estimate of
//! sans-serif glyph widths.

mod cash_chart;
mod commitments_chart;
mod comparison_chart;
mod coverage_chart;
mod fan_chart;
mod fingerprint;
mod frame;
mod suppliers_chart;
mod tornado_chart;

pub use cash_chart::draw_cash;
pub use commitments_chart::draw_commitments;
pub use comparison_chart::{draw_comparison, ComparisonMetric, MAX_COMPARED};
pub use coverage_chart::{draw_coverage, COVERAGE_CAP};
pub use fan_chart::{draw_cash_fan, draw_coverage_fan};
pub use fingerprint::Fingerprint;
pub use frame::text_width;
pub use suppliers_chart::{
    balance_row_at, balance_row_centre, balance_series, draw_supplier_balance, draw_supplier_dues,
    supplier_color, MAX_BALANCE_ROWS,
};
pub use tornado_chart::draw_tornado;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::{Color, DrawingBackend, RGBColor};

/// What a chart function returns: the layout, or the backend's drawing error.
pub type ChartResult<DB> =
    Result<ChartLayout, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The Okabe–Ito palette (Okabe & Ito, 2008), distinguishable with every common form of colour
/// blindness. Black is left out: it is the ink of the light theme.
pub const OKABE_ITO: [RGBColor; 7] = [
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
];

/// The colours of a chart. Every colour drawn comes from here, including the background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    /// Titles, legend text and the model's own lines (revenue, available).
    pub text: RGBColor,
    /// Axis labels, footers, notes.
    pub muted: RGBColor,
    /// Horizontal grid lines.
    pub grid: RGBColor,
    /// The x axis line and tick marks.
    pub axis: RGBColor,
    /// The zero line of money charts and the 1× line of the coverage chart.
    pub reference: RGBColor,
    /// Series colours: the seven Okabe–Ito hues, then a neutral grey used for "other deals".
    pub series: [RGBColor; 8],
    /// Cash and cash coverage (Okabe–Ito blue).
    pub primary: RGBColor,
    /// Revenue coverage (Okabe–Ito orange).
    pub secondary: RGBColor,
    /// Shortfalls: the region below 1×, cash below zero, the funding gap (vermillion).
    pub shortfall: RGBColor,
    /// Money coming in: raises (bluish green).
    pub gain: RGBColor,
    /// Debt on the credit line (Okabe–Ito reddish purple): apart from cash's blue, the
    /// shortfall's vermillion and the raises' green for every common form of colour blindness,
    /// and drawn long-dashed with square marks so it reads apart in greyscale too.
    pub debt: RGBColor,
    /// Opacity of filled regions (shading, areas): stronger on dark backgrounds.
    pub fill_alpha: f64,
}

impl Theme {
    /// The dark theme when `dark`, else the light one.
    pub fn of(dark: bool) -> Theme {
        if dark {
            Theme::dark()
        } else {
            Theme::light()
        }
    }

    /// Dark ink on white.
    pub fn light() -> Theme {
        Theme {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1F, 0x23, 0x28),
            muted: RGBColor(0x5C, 0x63, 0x6E),
            grid: RGBColor(0xE3, 0xE6, 0xEA),
            axis: RGBColor(0x8A, 0x92, 0x9C),
            reference: RGBColor(0x33, 0x38, 0x3F),
            series: Theme::series_with_grey(RGBColor(0x99, 0x99, 0x99)),
            primary: OKABE_ITO[4],
            secondary: OKABE_ITO[0],
            shortfall: OKABE_ITO[5],
            gain: OKABE_ITO[2],
            debt: OKABE_ITO[6],
            fill_alpha: 0.14,
        }
    }

    /// Light ink on a near-black background. The Okabe–Ito blue is too dark to read as a line
    /// there, so the primary colour is its sky blue.
    pub fn dark() -> Theme {
        Theme {
            background: RGBColor(0x16, 0x19, 0x1D),
            text: RGBColor(0xE8, 0xEA, 0xED),
            muted: RGBColor(0xA3, 0xA9, 0xB2),
            grid: RGBColor(0x2F, 0x34, 0x3B),
            axis: RGBColor(0x6E, 0x76, 0x80),
            reference: RGBColor(0xD0, 0xD4, 0xD9),
            series: Theme::series_with_grey(RGBColor(0x8C, 0x8C, 0x8C)),
            primary: OKABE_ITO[1],
            secondary: OKABE_ITO[0],
            shortfall: OKABE_ITO[5],
            gain: OKABE_ITO[2],
            debt: OKABE_ITO[6],
            fill_alpha: 0.22,
        }
    }

    fn series_with_grey(grey: RGBColor) -> [RGBColor; 8] {
        let o = OKABE_ITO;
        [o[0], o[1], o[2], o[3], o[4], o[5], o[6], grey]
    }

    /// The colour of the deal at `position` among `count` counted deals (the order of
    /// `Projection::deals`). Up to [`MAX_LEGEND_DEALS`] deals each get their own colour; beyond
    /// that the first seven do and the rest share the grey of "other deals".
    pub fn deal_color(&self, position: usize, count: usize) -> RGBColor {
        let shown = shown_deals(count);
        self.series[position.min(shown).min(self.series.len() - 1)]
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::light()
    }
}

/// Most deals the commitments chart shows one by one; with more, the first seven are shown and
/// the rest are summed as "other deals".
pub const MAX_LEGEND_DEALS: usize = 8;

/// How many deals are drawn on their own when `count` are counted.
pub(crate) fn shown_deals(count: usize) -> usize {
    if count <= MAX_LEGEND_DEALS {
        count
    } else {
        MAX_LEGEND_DEALS - 1
    }
}

/// A colour as CSS hex (`#0072B2`), so HTML legends and tables can match the charts.
pub fn css_hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// How to draw a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Device pixel ratio: every coordinate, font size and line width is multiplied by it
    /// (plotters-canvas ignores the ratio). Values that are not finite and positive count as 1.
    pub scale: f64,
    pub theme: Theme,
    /// Draws a crosshair (a vertical line and a light band) at this year.
    pub highlight_year: Option<i32>,
    /// A title at the top (for PNG export; on screen the page shows an HTML heading instead).
    pub title: Option<String>,
    /// A line at the bottom, e.g. the scenario name and sources (for PNG export).
    pub footer: Option<String>,
}

impl Default for ChartOptions {
    fn default() -> ChartOptions {
        ChartOptions {
            scale: 1.0,
            theme: Theme::light(),
            highlight_year: None,
            title: None,
            footer: None,
        }
    }
}

/// Where a chart put its plot, in backend pixels relative to the drawing area (on a DPR-scaled
/// canvas: CSS pixels × scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartLayout {
    pub plot_left: i32,
    pub plot_right: i32,
    pub plot_top: i32,
    pub plot_bottom: i32,
    pub first_year: i32,
    pub last_year: i32,
    /// The value at the bottom of the y axis.
    pub y_min: f64,
    /// The value at the top of the y axis.
    pub y_max: f64,
}

impl ChartLayout {
    /// Number of years on the x axis (at least 1).
    pub fn years(&self) -> i32 {
        (self.last_year - self.first_year + 1).max(1)
    }

    /// Width of one year's band in pixels.
    pub fn band(&self) -> f64 {
        f64::from(self.plot_right - self.plot_left) / f64::from(self.years())
    }

    /// The x of the centre of a year's band (where its bar and points are drawn).
    pub fn x_of(&self, year: i32) -> f64 {
        f64::from(self.plot_left) + (f64::from(year - self.first_year) + 0.5) * self.band()
    }

    /// The y of a value (values beyond the axis map beyond the plot).
    pub fn y_of(&self, value: f64) -> f64 {
        let span = self.y_max - self.y_min;
        let top = f64::from(self.plot_top);
        let bottom = f64::from(self.plot_bottom);
        if span > 0.0 && span.is_finite() {
            bottom - (value - self.y_min) / span * (bottom - top)
        } else {
            bottom
        }
    }

    /// The row at height `y_px` (backend pixels) of a chart of horizontal bars that shares its
    /// plot's height equally among `rows` rows (the tornado, the suppliers' balance), for the
    /// tooltip; `None` above or below the plot, or with no rows.
    pub fn row_at(&self, rows: usize, y_px: f64) -> Option<usize> {
        let (top, bottom) = (f64::from(self.plot_top), f64::from(self.plot_bottom));
        if rows == 0 || !(top..bottom).contains(&y_px) {
            return None;
        }
        let row = ((y_px - top) / ((bottom - top) / rows as f64)) as usize;
        Some(row.min(rows - 1))
    }

    /// The centre height of `row` among `rows` (as [`ChartLayout::row_at`] divides the plot).
    pub fn row_centre(&self, rows: usize, row: usize) -> f64 {
        let (top, bottom) = (f64::from(self.plot_top), f64::from(self.plot_bottom));
        top + (row as f64 + 0.5) * (bottom - top) / rows.max(1) as f64
    }

    /// The year whose band holds a pointer at `x_px` (backend pixels: multiply a pointer's CSS
    /// offset by the scale first); `None` left or right of the plot.
    pub fn year_at(&self, x_px: f64) -> Option<i32> {
        let (left, right) = (f64::from(self.plot_left), f64::from(self.plot_right));
        if !x_px.is_finite() || x_px < left || x_px > right || self.band() <= 0.0 {
            return None;
        }
        let i = ((x_px - left) / self.band()).floor() as i32;
        Some(self.first_year + i.clamp(0, self.years() - 1))
    }
}

/// The highlight of one year alone — the light band and the vertical line a chart draws for
/// [`ChartOptions::highlight_year`] — at the place `layout` (returned by the chart's draw) gives
/// it, for an overlay canvas above the chart: moving the pointer then repaints the overlay
/// only, not the chart under it. Draws nothing for a year off the axis. The caller clears the
/// overlay first.
///
/// # Errors
/// The backend's error, if drawing fails.
pub fn draw_highlight<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &ChartLayout,
    year: i32,
    opts: &ChartOptions,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if !(layout.first_year..=layout.last_year).contains(&year) {
        return Ok(());
    }
    let muted = opts.theme.muted;
    let half = (layout.band() / 2.0).round() as i32;
    let x = layout.x_of(year).round() as i32;
    let (top, bottom) = (layout.plot_top, layout.plot_bottom);
    root.draw(&Rectangle::new(
        [(x - half, top), (x + half, bottom)],
        muted.mix(0.12).filled(),
    ))?;
    let width = frame::scale_of(opts).round().max(1.0) as u32;
    root.draw(&PathElement::new(
        vec![(x, top), (x, bottom)],
        muted.stroke_width(width),
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
