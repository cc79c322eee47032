//! The plotters backend for a `<canvas>` 2D context, in place of plotters-canvas: the same
//! drawing calls, but the context's state (fill and stroke colour, line width, font, text
//! anchor) is set only when it changes, and consecutive opaque strokes of one style go into one
//! path stroked once. plotters sends every shape with its full style, and each dash of a dashed
//! line as its own path; setting the same state again and stroking each piece apart was most of
//! what a redraw cost.

use crate::charts::{text_width, Fingerprint};
use crate::format;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use std::cell::Cell;
use std::fmt::Write;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A colour as the context is given it, compared by value (alpha by its bits).
type ColorKey = (u8, u8, u8, u64);

fn key(c: BackendColor) -> ColorKey {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

/// CSS text of a colour: `#rrggbb` when opaque (the canvas parses it fastest), else `rgba()`.
fn css(c: BackendColor, out: &mut String) {
    out.clear();
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        let _ = write!(out, "#{r:02x}{g:02x}{b:02x}");
    } else {
        let _ = write!(out, "rgba({r},{g},{b},{})", format::display(c.alpha));
    }
}

/// A drawing error from the canvas (the context refused an arc or a transform).
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas refused a drawing call")
    }
}

impl std::error::Error for CanvasError {}

/// Draws on a canvas's 2D context. Create one per redraw (state is cached from creation on).
pub struct CanvasBackend {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<ColorKey>,
    stroke: Option<ColorKey>,
    line_width: f64,
    font: String,
    align: &'static str,
    baseline: &'static str,
    /// The style of the path begun but not yet stroked, if any.
    open_stroke: Option<(ColorKey, u32)>,
    scratch: String,
    /// When set, the calls are hashed instead of painted (see [`CanvasBackend::fingerprint`]).
    print: Option<Fingerprint>,
}

impl CanvasBackend {
    /// A backend for the canvas, at its backing-store size; `None` without a 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<CanvasBackend> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(CanvasBackend {
            context,
            size: (canvas.width(), canvas.height()),
            fill: None,
            stroke: None,
            line_width: -1.0,
            font: String::new(),
            align: "",
            baseline: "",
            open_stroke: None,
            scratch: String::new(),
            print: None,
        })
    }

    /// A backend that paints nothing on the canvas and hashes every call instead, as if the
    /// canvas were `size` backend pixels: the same chart drawn twice gives the same hash exactly
    /// when it would paint the same pixels. One backend type for both (not a second plotters
    /// backend), so the chart functions are compiled once into the download.
    pub fn fingerprint(
        canvas: &HtmlCanvasElement,
        size: (u32, u32),
    ) -> Option<(CanvasBackend, Rc<Cell<u64>>)> {
        let mut backend = CanvasBackend::new(canvas)?;
        let (print, hash) = Fingerprint::new(size);
        backend.size = size;
        backend.print = Some(print);
        Some((backend, hash))
    }

    /// Strokes the open path, if any.
    fn flush(&mut self) {
        if self.open_stroke.take().is_some() {
            self.context.stroke();
        }
    }

    fn set_fill(&mut self, c: BackendColor) {
        let k = key(c);
        if self.fill != Some(k) {
            css(c, &mut self.scratch);
            self.context.set_fill_style_str(&self.scratch);
            self.fill = Some(k);
        }
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let k = key(c);
        if self.stroke != Some(k) {
            css(c, &mut self.scratch);
            self.context.set_stroke_style_str(&self.scratch);
            self.stroke = Some(k);
        }
        let w = f64::from(width);
        if self.line_width != w {
            self.context.set_line_width(w);
            self.line_width = w;
        }
    }

    /// Starts (or continues) a path to be stroked in `style`. Opaque strokes of the same style
    /// share one path: drawn apart or together they cover the same pixels.
    fn begin_stroke<S: BackendStyle>(&mut self, style: &S) {
        let c = style.color();
        let width = style.stroke_width();
        let k = (key(c), width);
        if c.alpha >= 1.0 && self.open_stroke == Some(k) {
            return;
        }
        self.flush();
        self.set_stroke(c, width);
        self.context.begin_path();
        self.open_stroke = Some(k);
        if c.alpha < 1.0 {
            // Translucent strokes overlapping would blend differently in one path: stroke now.
            self.open_stroke = Some((k.0, u32::MAX));
        }
    }

    /// Ends a stroke begun by [`CanvasBackend::begin_stroke`], stroking at once unless it may
    /// be shared.
    fn end_stroke(&mut self) {
        if matches!(self.open_stroke, Some((_, u32::MAX))) {
            self.flush();
        }
    }
}

impl Drop for CanvasBackend {
    fn drop(&mut self) {
        self.flush();
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.draw_pixel(point, color);
            return Ok(());
        }
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(color);
        self.context
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.draw_line(from, to, style);
            return Ok(());
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // Horizontal and vertical lines on the half pixel, so a 1 px line is not blurred over
        // two (as plotters-canvas does).
        let (mut x0, mut y0) = (f64::from(from.0), f64::from(from.1));
        let (mut x1, mut y1) = (f64::from(to.0), f64::from(to.1));
        if x0 == x1 {
            x0 -= 0.5;
            x1 -= 0.5;
        }
        if y0 == y1 {
            y0 -= 0.5;
            y1 -= 0.5;
        }
        self.begin_stroke(style);
        self.context.move_to(x0, y0);
        self.context.line_to(x1, y1);
        self.end_stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.draw_rect(upper_left, bottom_right, style, fill);
            return Ok(());
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let w = f64::from(bottom_right.0 - upper_left.0);
        let h = f64::from(bottom_right.1 - upper_left.1);
        self.flush();
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style.color(), style.stroke_width());
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.draw_path(path, style);
            return Ok(());
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        let Some(start) = path.next() else {
            return Ok(());
        };
        self.begin_stroke(style);
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for p in path {
            self.context.line_to(f64::from(p.0), f64::from(p.1));
        }
        self.end_stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.fill_polygon(path, style);
            return Ok(());
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let mut path = path.into_iter();
        self.context.begin_path();
        if let Some(start) = path.next() {
            self.set_fill(style.color());
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for p in path {
                self.context.line_to(f64::from(p.0), f64::from(p.1));
            }
            self.context.close_path();
        }
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.draw_circle(center, radius, style, fill);
            return Ok(());
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_stroke(style.color(), style.stroke_width());
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError))?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if let Some(print) = self.print.as_mut() {
            let _ = print.draw_text(text, style, pos);
            return Ok(());
        }
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        let degrees = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        if degrees != 0.0 {
            self.context.save();
            self.context
                .translate(x, y)
                .and_then(|()| self.context.rotate(f64::to_radians(degrees)))
                .map_err(|_| DrawingErrorKind::DrawingError(CanvasError))?;
            x = 0.0;
            y = 0.0;
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.baseline != baseline {
            self.context.set_text_baseline(baseline);
            self.baseline = baseline;
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.align != align {
            self.context.set_text_align(align);
            self.align = align;
        }
        self.set_fill(color);
        self.scratch.clear();
        let _ = write!(
            self.scratch,
            "{} {}px {}",
            style.style().as_str(),
            format::display(style.size()),
            style.family().as_str()
        );
        if self.font != self.scratch {
            self.context.set_font(&self.scratch);
            std::mem::swap(&mut self.font, &mut self.scratch);
        }
        let drawn = self
            .context
            .fill_text(text, x, y)
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError));
        if degrees != 0.0 {
            self.context.restore();
            // The restore put back whatever was set before the save: forget what is cached.
            self.fill = None;
            self.stroke = None;
            self.line_width = -1.0;
            self.font.clear();
            self.align = "";
            self.baseline = "";
        }
        drawn
    }

    /// The charts' own estimate of glyph widths (plotters would measure through the page).
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let size = style.size();
        Ok((
            text_width(text, size).ceil() as u32,
            (size * 1.2).ceil() as u32,
        ))
    }
}
