//! A backend that paints nothing and keeps a hash of every drawing call it is given, in order.
//! Two draws with the same fingerprint would paint the same pixels, so the page can run a
//! chart's function here first (layout and shapes, no canvas work) and repaint the canvas only
//! when the fingerprint changed: an edit that leaves a chart's picture as it was (the opening
//! cash does not move the commitments chart) then costs that chart no repaint.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::cell::Cell;
use std::rc::Rc;

/// Never returned: drawing into a fingerprint cannot fail.
#[derive(Debug)]
pub struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no error")
    }
}

impl std::error::Error for NoError {}

/// The hash of a sequence of drawing calls on an area of a given size.
#[derive(Debug)]
pub struct Fingerprint {
    size: (u32, u32),
    /// Shared with the caller, who reads it after drawing (plotters keeps the backend).
    hash: Rc<Cell<u64>>,
}

/// FNV-1a, 64 bits: small and fast; a collision would only skip one repaint.
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

impl Fingerprint {
    /// An empty fingerprint of an area `size` backend pixels wide and high, and the cell
    /// holding its hash (read it once drawing is done).
    pub fn new(size: (u32, u32)) -> (Fingerprint, Rc<Cell<u64>>) {
        let hash = Rc::new(Cell::new(OFFSET));
        let mut f = Fingerprint {
            size,
            hash: Rc::clone(&hash),
        };
        f.u64(u64::from(size.0) << 32 | u64::from(size.1));
        (f, hash)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        let mut h = self.hash.get();
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        self.hash.set(h);
    }

    fn u64(&mut self, x: u64) {
        self.bytes(&x.to_le_bytes());
    }

    fn point(&mut self, (x, y): BackendCoord) {
        self.u64((x as u32 as u64) << 32 | y as u32 as u64);
    }

    fn color(&mut self, c: BackendColor) {
        let (r, g, b) = c.rgb;
        self.u64(u64::from(r) << 16 | u64::from(g) << 8 | u64::from(b));
        self.u64(c.alpha.to_bits());
    }

    fn style<S: BackendStyle>(&mut self, s: &S) {
        self.color(s.color());
        self.u64(u64::from(s.stroke_width()));
    }

    fn op(&mut self, tag: u8) {
        self.bytes(&[tag]);
    }
}

type Drawn = Result<(), DrawingErrorKind<NoError>>;

impl DrawingBackend for Fingerprint {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.op(1);
        self.point(point);
        self.color(color);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        self.op(2);
        self.point(from);
        self.point(to);
        self.style(s);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        self.op(if fill { 3 } else { 4 });
        self.point(upper_left);
        self.point(bottom_right);
        self.style(s);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        self.op(5);
        self.style(s);
        let mut n = 0u64;
        for p in path {
            self.point(p);
            n += 1;
        }
        self.u64(n);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        self.op(if fill { 6 } else { 7 });
        self.point(center);
        self.u64(u64::from(radius));
        self.style(s);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        self.op(8);
        self.style(s);
        let mut n = 0u64;
        for p in path {
            self.point(p);
            n += 1;
        }
        self.u64(n);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Drawn {
        self.op(9);
        self.point(pos);
        self.color(s.color());
        self.u64(s.size().to_bits());
        self.bytes(s.family().as_str().as_bytes());
        self.bytes(s.style().as_str().as_bytes());
        let a = s.anchor();
        self.bytes(&[a.h_pos as u8, a.v_pos as u8, s.transform() as u8]);
        self.u64(text.len() as u64);
        self.bytes(text.as_bytes());
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<NoError>> {
        let size = s.size();
        Ok((
            super::text_width(text, size).ceil() as u32,
            (size * 1.2).ceil() as u32,
        ))
    }
}
