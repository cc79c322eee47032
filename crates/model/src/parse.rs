//! Reading numbers the way people type them into the form: money with units and separators
//! (`38`, `$38B`, `1.4T`, `650M`, `1,225`), percentages (`25`, `25%`), whole years. Every
//! rejection is a message for the person typing; nothing here panics or returns NaN/infinity.

use std::fmt;

/// Why a typed number could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number.
    NotANumber(String),
    /// A unit that is not B, T or M (or % for percentages).
    UnknownUnit(String),
    /// The number is too large to work with.
    TooLarge,
    /// A fraction where a whole number is needed.
    NotWhole(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "Enter a number"),
            ParseError::NotANumber(text) => write!(f, "\"{}\" is not a number", clip(text)),
            ParseError::UnknownUnit(unit) => {
                write!(
                    f,
                    "Unknown unit \"{}\": use M, B or T (millions, billions, trillions)",
                    clip(unit)
                )
            }
            ParseError::TooLarge => write!(f, "That number is too large"),
            ParseError::NotWhole(text) => write!(f, "\"{}\" must be a whole number", clip(text)),
        }
    }
}

impl std::error::Error for ParseError {}

/// Shortens echoed input so a pasted novel does not become the message.
fn clip(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// Reads a plain decimal number: digits, one point, an optional sign and exponent, and
/// thousands separators in groups of three (`1,225.5`). Words such as `NaN` or `inf` that
/// Rust's own parser accepts are refused.
///
/// # Errors
/// [`ParseError`] when the text is empty, not a number, or beyond the range of finite numbers.
pub fn parse_number(text: &str) -> Result<f64, ParseError> {
    parse_scaled(text, 0)
}

/// Reads a plain decimal number times 10^`shift`, moving the decimal point in the text rather
/// than multiplying, so that `33.3` percent reads as exactly the same number as `0.333`.
fn parse_scaled(text: &str, shift: i32) -> Result<f64, ParseError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let cleaned = strip_thousands(t).ok_or_else(|| ParseError::NotANumber(t.to_string()))?;
    let unsigned = cleaned.strip_prefix(['-', '+', '−']).unwrap_or(&cleaned);
    let valid = !unsigned.is_empty()
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && unsigned.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(ParseError::NotANumber(t.to_string()));
    }
    let normalised = cleaned.replace('−', "-");
    let (mantissa, exponent) = match normalised.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            e.parse::<i32>()
                .map_err(|_| ParseError::NotANumber(t.to_string()))?,
        ),
        None => (normalised.as_str(), 0),
    };
    if mantissa.trim_start_matches(['+', '-']).contains(['+', '-']) {
        return Err(ParseError::NotANumber(t.to_string()));
    }
    let exponent = exponent.saturating_add(shift);
    let x = decimal(mantissa, exponent).ok_or_else(|| ParseError::NotANumber(t.to_string()))?;
    if !x.is_finite() {
        return Err(ParseError::TooLarge);
    }
    Ok(x + 0.0) // -0 reads as 0
}

/// The nearest f64 to `mantissa` × 10^`exponent` (ties to even; infinity beyond the largest
/// finite number), where `mantissa` is an optional sign, digits and at most one point with a digit
/// somewhere; `None` for anything else. Exactly what `str::parse::<f64>` returns, written here
/// because the standard library's reader carries a 10 KB table of powers of five (about 13 KB of
/// the gzip download with its code) and this one needs none.
fn decimal(mantissa: &str, exponent: i32) -> Option<f64> {
    let (negative, body) = match mantissa.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let mut digits = Vec::new();
    let mut point = None;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => digits.push(b - b'0'),
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    if digits.is_empty() {
        return None;
    }
    let after_point = point.map_or(0, |p| body.len() - p - 1) as i64;
    let magnitude = nearest(&digits, i64::from(exponent) - after_point);
    Some(if negative { -magnitude } else { magnitude })
}

/// The significant digits kept exactly; beyond them only "some digit was not zero" counts, which
/// is enough because a midpoint between two f64 values never has this many digits.
const MAX_DIGITS: usize = 800;

/// The nearest f64 to the decimal digits × 10^`exp10` (digits are 0..=9, most significant first).
fn nearest(digits: &[u8], exp10: i64) -> f64 {
    let Some(start) = digits.iter().position(|&d| d != 0) else {
        return 0.0;
    };
    let end = digits
        .iter()
        .rposition(|&d| d != 0)
        .map_or(start, |i| i + 1);
    let trailing_zeros = (digits.len() - end) as i64;
    let digits = &digits[start..end];
    // value = 0.d1d2... × 10^point, d1 not zero
    let point = exp10 + trailing_zeros + digits.len() as i64;
    if point > 310 {
        return f64::INFINITY;
    }
    if point < -324 {
        return 0.0;
    }
    let kept = &digits[..digits.len().min(MAX_DIGITS)];
    let truncated = kept.len() < digits.len();
    // value = kept × 10^e (kept read as an integer), plus a nonzero tail if truncated.
    let e = point - kept.len() as i64;
    let head: u64 = kept.iter().take(19).fold(0, |n, &d| n * 10 + u64::from(d));
    let head_exp = point - kept.len().min(19) as i64;
    // Exact when the head is all the digits, within 2^53 and 10^e is exact: one rounding.
    if !truncated && kept.len() <= 15 && (-22..=22).contains(&head_exp) {
        let p = POW10[head_exp.unsigned_abs() as usize];
        return if head_exp < 0 {
            head as f64 / p
        } else {
            head as f64 * p
        };
    }
    // Otherwise a guess within a few units in the last place, then exact comparisons with the
    // midpoints between neighbouring f64 values move it to the nearest.
    // Two factors, so that neither overflows nor loses digits below the normal range.
    let half = (head_exp / 2) as i32;
    let guess = head as f64 * 10f64.powi(half) * 10f64.powi(head_exp as i32 - half);
    let mut z = if guess.is_infinite() {
        f64::MAX
    } else if guess == 0.0 {
        f64::from_bits(1)
    } else {
        guess
    };
    let value = Big::from_digits(kept);
    loop {
        let bits = z.to_bits();
        let biased = (bits >> 52) as i64;
        let (k, q) = if biased == 0 {
            (bits & ((1 << 52) - 1), -1074)
        } else {
            ((bits & ((1 << 52) - 1)) | (1 << 52), biased - 1075)
        };
        // Above the upper midpoint (2k+1)·2^(q-1): one step up.
        match compare(&value, truncated, e, 2 * k + 1, q - 1) {
            std::cmp::Ordering::Greater => {
                z = f64::from_bits(bits + 1);
                if z.is_infinite() {
                    return z;
                }
                continue;
            }
            std::cmp::Ordering::Equal => {
                return if k % 2 == 1 {
                    f64::from_bits(bits + 1)
                } else {
                    z
                }
            }
            std::cmp::Ordering::Less => {}
        }
        // Below the lower midpoint: one step down. At the bottom of a binade the lower neighbour
        // is half as far, so its midpoint is (4k-1)·2^(q-2).
        let (c, p) = if k == 1 << 52 && biased > 1 {
            (4 * k - 1, q - 2)
        } else {
            (2 * k - 1, q - 1)
        };
        return match compare(&value, truncated, e, c, p) {
            std::cmp::Ordering::Less => {
                if bits == 1 {
                    return 0.0;
                }
                z = f64::from_bits(bits - 1);
                continue;
            }
            std::cmp::Ordering::Equal if k % 2 == 1 => f64::from_bits(bits - 1),
            _ => z,
        };
    }
}

/// Exact powers of ten as f64 (10^22 is the largest).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Compares `value` × 10^`e` (plus a nonzero tail when `tail`) with `c` × 2^`p`, exactly.
fn compare(value: &Big, tail: bool, e: i64, c: u64, p: i64) -> std::cmp::Ordering {
    // value·5^e·2^e against c·2^p: powers of five go to the side where they are whole, then the
    // smaller power of two is divided out of both sides.
    let mut lhs = value.clone();
    let mut rhs = Big::from_u64(c);
    let (mut lhs2, mut rhs2) = (0, p);
    if e >= 0 {
        lhs.mul_pow5(e as u32);
        lhs2 += e;
    } else {
        rhs.mul_pow5((-e) as u32);
        rhs2 -= e;
    }
    let low = lhs2.min(rhs2);
    lhs.shl((lhs2 - low) as u32);
    rhs.shl((rhs2 - low) as u32);
    lhs.cmp(&rhs).then(if tail {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    })
}

/// A non-negative integer in base 2^32, least significant limb first, no trailing zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let n = chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
            b.mul_add(10u32.pow(chunk.len() as u32), n);
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self = self × m + a.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(m) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(13); // 5^13 < 2^32
            self.mul_add(5u32.pow(step), 0);
            n -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let x = (u64::from(*limb) << bits) | carry;
                *limb = x as u32;
                carry = x >> 32;
            }
            if carry > 0 {
                self.0.push(carry as u32);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// Removes thousands separators if they are well placed (`1,225`, `12,345,678.5`); `None` if a
/// comma is out of place, which usually means a decimal comma or a typo.
fn strip_thousands(t: &str) -> Option<String> {
    if !t.contains(',') {
        return Some(t.to_string());
    }
    let (int_part, rest) = match t.find(['.', 'e', 'E']) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    if rest.contains(',') {
        return None;
    }
    let digits = int_part.trim_start_matches(['-', '+', '−', '$']);
    let mut groups = digits.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    if !groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    Some(t.replace(',', ""))
}

/// Reads an amount of money in billions of dollars: `38`, `38B`, `$38B`, `$38 bn`, `1.4T`,
/// `650M`, `1,225`, `-2.5B`.
///
/// # Errors
/// [`ParseError`] for empty text, text that is not a number, or an unknown unit.
///
/// # Examples
/// ```
/// use coverage_model::parse::parse_money;
/// assert_eq!(parse_money("$38B"), Ok(38.0));
/// assert_eq!(parse_money("1.4T"), Ok(1400.0));
/// assert_eq!(parse_money("650M"), Ok(0.65));
/// assert_eq!(parse_money("1,225"), Ok(1225.0));
/// ```
pub fn parse_money(text: &str) -> Result<f64, ParseError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let (sign, t) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (-1.0, rest.trim_start()),
        None => (1.0, t),
    };
    let t = t.strip_prefix('$').unwrap_or(t).trim_start();
    let split = t
        .char_indices()
        .rev()
        // A unit is the run of letters at the end: ASCII letters, and any character beyond
        // ASCII (a unit in another script, or a sign such as €), so that it is named in the
        // message. Not `char::is_alphabetic`, whose Unicode tables would ride in every page.
        .take_while(|(_, c)| c.is_ascii_alphabetic() || !c.is_ascii())
        .last()
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(split);
    let scale = match unit.to_ascii_lowercase().as_str() {
        "" | "b" | "bn" | "billion" | "billions" => 1.0,
        "t" | "tn" | "trillion" | "trillions" => 1000.0,
        "m" | "mn" | "million" | "millions" => 0.001,
        // "1e3" ends in a digit, so only a trailing letter run is a unit; but "1e" is an
        // exponent cut short, not a unit.
        "e" => return Err(ParseError::NotANumber(text.trim().to_string())),
        _ if number.is_empty() => return Err(ParseError::NotANumber(text.trim().to_string())),
        _ => return Err(ParseError::UnknownUnit(unit.to_string())),
    };
    if number.trim().starts_with(['-', '+', '$']) {
        return Err(ParseError::NotANumber(text.trim().to_string()));
    }
    let x = parse_number(number).map_err(|e| match e {
        ParseError::Empty => ParseError::NotANumber(text.trim().to_string()),
        other => other,
    })?;
    let value = sign * x * scale;
    if value.is_finite() {
        Ok(value + 0.0)
    } else {
        Err(ParseError::TooLarge)
    }
}

/// Reads a percentage and returns it as a fraction: `25` and `25%` give 0.25.
///
/// # Errors
/// [`ParseError`] for empty text or text that is not a number.
///
/// # Examples
/// ```
/// use coverage_model::parse::parse_percent;
/// assert_eq!(parse_percent("25%"), Ok(0.25));
/// assert_eq!(parse_percent("12.5"), Ok(0.125));
/// ```
pub fn parse_percent(text: &str) -> Result<f64, ParseError> {
    let t = text.trim();
    let t = t.strip_suffix('%').map_or(t, str::trim_end);
    parse_scaled(t, -2)
}

/// Reads a whole number such as a year or a count of years.
///
/// # Errors
/// [`ParseError`] for empty text, text that is not a number, a fraction, or a number beyond
/// ±1,000,000.
pub fn parse_int(text: &str) -> Result<i32, ParseError> {
    let x = parse_number(text)?;
    if x.fract() != 0.0 {
        return Err(ParseError::NotWhole(text.trim().to_string()));
    }
    if x.abs() > 1.0e6 {
        return Err(ParseError::TooLarge);
    }
    Ok(x as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_accepts_what_people_type() {
        let cases = [
            ("38", 38.0),
            ("38B", 38.0),
            ("$38B", 38.0),
            ("$38 bn", 38.0),
            ("38 billion", 38.0),
            ("1.4T", 1400.0),
            ("1.4 trillion", 1400.0),
            ("650M", 0.65),
            ("1,225", 1225.0),
            ("$1,225.5B", 1225.5),
            ("-2.5B", -2.5),
            ("-$2.5B", -2.5),
            ("  17.5 ", 17.5),
            ("1e3", 1000.0),
            ("-0", 0.0),
            (".5", 0.5),
            ("5.", 5.0),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_money(text), Ok(expected), "input {text:?}");
        }
        assert!(parse_money("-0").unwrap().is_sign_positive());
    }

    #[test]
    fn money_rejects_with_a_message() {
        let cases = [
            ("", "Enter a number"),
            ("abc", "\"abc\" is not a number"),
            ("NaN", "\"NaN\" is not a number"),
            ("Infinity", "\"Infinity\" is not a number"),
            ("inf", "\"inf\" is not a number"),
            ("1e309", "That number is too large"),
            ("38X", "Unknown unit \"X\""),
            ("38 млрд", "Unknown unit \"млрд\""),
            ("38€", "Unknown unit \"€\""),
            ("1,22", "\"1,22\" is not a number"),
            ("1.2.3", "\"1.2.3\" is not a number"),
            ("$", "\"$\" is not a number"),
            ("B", "\"B\" is not a number"),
            ("--5", "\"--5\" is not a number"),
            ("1e", "\"1e\" is not a number"),
        ];
        for (text, expected) in cases {
            let err = parse_money(text).expect_err(text).to_string();
            assert!(err.starts_with(expected), "input {text:?}: got {err:?}");
        }
    }

    #[test]
    fn percent_reads_as_fraction() {
        let cases = [
            ("25", 0.25),
            ("25%", 0.25),
            ("25 %", 0.25),
            ("-5%", -0.05),
            ("0", 0.0),
            ("150", 1.5),
        ];
        for (text, expected) in cases {
            let got = parse_percent(text).unwrap();
            assert!((got - expected).abs() < 1e-15, "input {text:?}: got {got}");
        }
        assert!(parse_percent("%").is_err());
        assert!(parse_percent("NaN%").is_err());
    }

    #[test]
    fn int_needs_a_whole_number() {
        assert_eq!(parse_int("2030"), Ok(2030));
        assert_eq!(parse_int("-5"), Ok(-5));
        assert_eq!(
            parse_int("2030.5"),
            Err(ParseError::NotWhole("2030.5".into()))
        );
        assert_eq!(
            parse_int("123456789012345678901234567890"),
            Err(ParseError::TooLarge)
        );
        assert_eq!(parse_int(""), Err(ParseError::Empty));
    }

    #[test]
    fn reads_exactly_what_the_standard_library_reads() {
        let cases = [
            "0.1",
            "33.3e-2",
            "0.333",
            "1225.4",
            "9007199254740993",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "123456789012345678901234567890",
            "0.000001",
            "1e-400",
            "1e400",
            "89255.0e-22",
            "8.98846567431158e307",
            "5e-324",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            ".5",
            "5.",
            "007",
        ];
        for text in cases {
            let expected: f64 = text.parse().unwrap();
            let (m, e) = text
                .split_once('e')
                .map_or((text, 0), |(m, e)| (m, e.parse().unwrap()));
            let got = decimal(m, e).unwrap();
            assert_eq!(got.to_bits(), expected.to_bits(), "input {text}");
        }
        // A midpoint written with 1,000 more digits: only the tail decides the rounding.
        let long = format!(
            "1.00000000000000011102230246251565404236316680908203125{}1",
            "0".repeat(1000)
        );
        assert_eq!(decimal(&long, 0), long.parse().ok());
        for bad in ["", ".", "-", "1.2.3", "1-", "+-1", "1e5"] {
            assert_eq!(decimal(bad, 0), None, "input {bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn reads_any_decimal_as_the_standard_library_does(
            digits in "[0-9]{1,40}",
            point in 0usize..41,
            exponent in -360i32..330,
        ) {
            let point = point.min(digits.len());
            let text = format!("{}.{}", &digits[..point], &digits[point..]);
            let expected: f64 = format!("{text}e{exponent}").parse().unwrap();
            proptest::prop_assert_eq!(decimal(&text, exponent).map(f64::to_bits), Some(expected.to_bits()), "{}e{}", text, exponent);
        }

        #[test]
        fn reads_back_any_f64(bits in proptest::num::u64::ANY) {
            let x = f64::from_bits(bits & !(1 << 63));
            proptest::prop_assume!(x.is_finite());
            for text in [format!("{x}"), format!("{x:e}"), format!("{x:.30e}")] {
                let (m, e) = text.split_once('e').map_or((text.as_str(), 0), |(m, e)| (m, e.parse().unwrap()));
                proptest::prop_assert_eq!(decimal(m, e).map(f64::to_bits), Some(x.to_bits()), "{}", text);
            }
        }
    }

    #[test]
    fn long_input_is_clipped_in_messages() {
        let long = "x".repeat(10_000);
        let msg = parse_money(&long).unwrap_err().to_string();
        assert!(msg.len() < 80, "{msg}");
    }
}
