//! The decimal digits of an f64, exact or shortest round-trip, computed with a small big-integer
//! routine instead of core's float formatting (Grisu, Dragon and their tables): the page then
//! carries one short routine rather than about 4 KiB gzip of std code, and the text is the
//! same byte for byte (`format!("{x}")`, `{x:.N}`, `{x:e}`, `{x:.Ne}`; tested against std
//! over many values in `format::tests`).

/// A finite f64's magnitude in decimal: `0.d1 d2 d3… × 10^point`. `digits` are values 0..=9
/// with no leading or trailing zeros; empty for zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decimal {
    pub digits: Vec<u8>,
    pub point: i32,
}

/// `|x| = mantissa × 2^exponent` (x finite).
fn parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

const LIMB: u64 = 1_000_000_000;

/// `n × 2^e2` written out exactly in decimal: its digits (most significant first, at least one)
/// and how many of them lie after the point. A power of two times n has finitely many decimals:
/// `n × 2^-k = n × 5^k / 10^k`.
fn exact_decimal(n: u64, e2: i32) -> (Vec<u8>, i32) {
    // Base-10^9 limbs, least significant first.
    let mut limbs = vec![
        (n % LIMB) as u32,
        (n / LIMB % LIMB) as u32,
        (n / LIMB / LIMB) as u32,
    ];
    // 2^29 and 5^13 are the largest powers below 2^31: limb × factor + carry stays in a u64.
    let (mut left, base, chunk, per_chunk) = if e2 >= 0 {
        (e2 as u32, 2u64, 1u64 << 29, 29)
    } else {
        (e2.unsigned_abs(), 5, 1_220_703_125, 13)
    };
    while left > 0 {
        let step = left.min(per_chunk);
        let factor = if step == per_chunk {
            chunk
        } else {
            base.pow(step)
        };
        let mut carry = 0u64;
        for limb in &mut limbs {
            let t = u64::from(*limb) * factor + carry;
            *limb = (t % LIMB) as u32;
            carry = t / LIMB;
        }
        while carry > 0 {
            limbs.push((carry % LIMB) as u32);
            carry /= LIMB;
        }
        left -= step;
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut digits = Vec::with_capacity(limbs.len() * 9);
    for (i, &limb) in limbs.iter().rev().enumerate() {
        let mut chunk = [0u8; 9];
        let mut v = limb;
        for d in chunk.iter_mut().rev() {
            *d = (v % 10) as u8;
            v /= 10;
        }
        // The top limb without its leading zeros.
        let skip = if i == 0 {
            chunk.iter().position(|&d| d != 0).unwrap_or(8)
        } else {
            0
        };
        digits.extend_from_slice(&chunk[skip..]);
    }
    (digits, (-e2).max(0))
}

impl Decimal {
    /// `digits × 10^-after_point`.
    fn from_parts(mut digits: Vec<u8>, after_point: i32) -> Self {
        let lead = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
        let point = (digits.len() - lead) as i32 - after_point;
        digits.drain(..lead);
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Decimal { digits, point }
    }

    /// The exact value of |x| (x finite).
    pub fn exact(x: f64) -> Self {
        let (m, e) = parts(x);
        if m == 0 {
            return Decimal {
                digits: Vec::new(),
                point: 0,
            };
        }
        let (digits, after) = exact_decimal(m, e);
        Decimal::from_parts(digits, after)
    }

    /// The shortest digits that read back to |x| (x finite), the closest to |x| when several
    /// are as short: what `format!("{x}")` prints.
    pub fn shortest(x: f64) -> Self {
        let (m, e) = parts(x);
        if m == 0 {
            return Decimal {
                digits: Vec::new(),
                point: 0,
            };
        }
        // Everything that reads back to x lies between the midpoints to its neighbours,
        // including them when the mantissa is even (reading rounds ties to even). At a power
        // of two (the smallest mantissa of its binade) the lower neighbour is half as far.
        // Scaled by 4 so that all three are whole multiples of 2^(e-2).
        let min_normal = m == 1 << 52 && e > -1074;
        let (low, high) = (4 * m - if min_normal { 1 } else { 2 }, 4 * m + 2);
        let inclusive = m % 2 == 0;
        let (hi, after) = exact_decimal(high, e - 2);
        let width = hi.len();
        let aligned = |n: u64| {
            let (d, _) = exact_decimal(n, e - 2);
            let mut out = vec![0u8; width - d.len()];
            out.extend_from_slice(&d);
            out
        };
        let (lo, mid) = (aligned(low), aligned(4 * m));
        // No candidate is cut before hi's first digit: there both would be zero.
        let first = hi.iter().position(|&d| d != 0).unwrap_or(0);
        for p in first..width {
            // `down`: mid cut after digit p; `up`: one more in digit p.
            let down_ok = match lo[..=p].cmp(&mid[..=p]) {
                core::cmp::Ordering::Less => true,
                core::cmp::Ordering::Equal => inclusive && lo[p + 1..].iter().all(|&d| d == 0),
                core::cmp::Ordering::Greater => false,
            } && mid[..=p].iter().any(|&d| d != 0);
            let mut up = mid[..=p].to_vec();
            let mut carried = true;
            for d in up.iter_mut().rev() {
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    carried = false;
                    break;
                }
            }
            let up_ok = !carried
                && match up[..].cmp(&hi[..=p]) {
                    core::cmp::Ordering::Less => true,
                    // Equal so far: below hi unless hi ends here too.
                    core::cmp::Ordering::Equal => inclusive || hi[p + 1..].iter().any(|&d| d != 0),
                    core::cmp::Ordering::Greater => false,
                };
            if down_ok || up_ok {
                // Both fit: the one nearer x (the rest of x's digits against one half); at
                // exactly half way (next to a power of two) std rounds up.
                let half_or_more = mid.get(p + 1).is_some_and(|&d| d >= 5);
                let digits = if up_ok && (!down_ok || half_or_more) {
                    up
                } else {
                    mid[..=p].to_vec()
                };
                return Decimal::from_parts(digits, after - (width - p - 1) as i32);
            }
        }
        // Unreachable: x itself (all of mid's digits) always fits.
        Decimal::from_parts(mid, after)
    }

    /// Rounds to the first `keep` digits (ties to even, as std does on the exact value); a
    /// negative `keep` leaves zero.
    pub fn round(&mut self, keep: i32) {
        if keep < 0 {
            self.digits.clear();
            return;
        }
        let keep = keep as usize;
        let Some(&next) = self.digits.get(keep) else {
            return;
        };
        let more = self.digits.len() > keep + 1;
        let odd = keep > 0 && self.digits[keep - 1] % 2 == 1;
        self.digits.truncate(keep);
        if next > 5 || (next == 5 && (more || odd)) {
            while let Some(d) = self.digits.pop() {
                if d < 9 {
                    self.digits.push(d + 1);
                    return;
                }
            }
            // All nines (or nothing kept): one unit of the next place up.
            self.digits.push(1);
            self.point += 1;
        } else {
            while self.digits.last() == Some(&0) {
                self.digits.pop();
            }
        }
    }

    /// The digit at `place` (0 = the first after the point, -1 = the units, …).
    pub fn at(&self, place: i32) -> u8 {
        usize::try_from(self.point + place)
            .ok()
            .and_then(|i| self.digits.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The integer part and then `decimals` decimals (a point between them when there are any).
    pub fn write_fixed(&self, decimals: usize, out: &mut String) {
        if self.digits.is_empty() || self.point <= 0 {
            out.push('0');
        } else {
            for place in -self.point..0 {
                out.push(char::from(b'0' + self.at(place)));
            }
        }
        if decimals > 0 {
            out.push('.');
            for place in 0..decimals as i32 {
                out.push(char::from(b'0' + self.at(place)));
            }
        }
    }

    /// How many digits lie after the point.
    pub fn decimals(&self) -> usize {
        (self.digits.len() as i32 - self.point).max(0) as usize
    }

    /// `d.ddd` with `decimals` digits after the first, then `e` and the exponent.
    pub fn write_exponent(&self, decimals: usize, out: &mut String) {
        let mut digits = self.digits.iter().copied().chain(core::iter::repeat(0));
        out.push(char::from(b'0' + digits.next().unwrap_or(0)));
        if decimals > 0 {
            out.push('.');
            for d in digits.take(decimals) {
                out.push(char::from(b'0' + d));
            }
        }
        out.push('e');
        let exponent = if self.digits.is_empty() {
            0
        } else {
            self.point - 1
        };
        if exponent < 0 {
            out.push('-');
        }
        push_u32(exponent.unsigned_abs(), out);
    }
}

/// A whole number in decimal (integer formatting is cheap; this keeps it self-contained).
fn push_u32(n: u32, out: &mut String) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}
