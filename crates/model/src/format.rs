//! Formatting numbers for people: the one place where figures are rounded, grouped in
//! thousands and trimmed — for the page, the charts' axes and tooltips, validation messages
//! and the words of the summary. The engine keeps full precision; rounding happens only here.
//!
//! Every number is written by [`fixed`], [`display`], [`exponent`] and [`exponent_fixed`]
//! (the same text as std's `{:.N}`, `{}`, `{:e}` and `{:.Ne}`), never by std's float
//! formatting, which would add about 4 KiB gzip to each page's download.

mod digits;

use digits::Decimal;

/// std's text for what is not finite (`NaN`, `inf`, `-inf`).
fn not_finite(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x < 0.0 { "-inf" } else { "inf" }.into())
    } else {
        None
    }
}

/// `-` for a negative number, negative zero included (as std writes it).
fn sign(x: f64) -> String {
    if x.is_sign_negative() {
        "-".into()
    } else {
        String::new()
    }
}

/// `|x|` when x is a whole number below 2^53, whose text is just its integer digits: the
/// common case (font and pixel sizes, tick values on every chart redraw) skips the exact
/// expansion.
fn whole(x: f64) -> Option<u64> {
    (x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0).then(|| x.abs() as u64)
}

/// `x` with exactly `decimals` decimals, correctly rounded (ties to even): the same text as
/// `format!("{x:.decimals$}")`.
pub fn fixed(x: f64, decimals: usize) -> String {
    if let Some(s) = not_finite(x) {
        return s;
    }
    if let Some(n) = whole(x) {
        let mut out = sign(x);
        out.push_str(&n.to_string());
        if decimals > 0 {
            out.push('.');
            out.extend(std::iter::repeat_n('0', decimals));
        }
        return out;
    }
    let mut d = Decimal::exact(x);
    d.round(d.point.saturating_add(decimals as i32));
    let mut out = sign(x);
    d.write_fixed(decimals, &mut out);
    out
}

/// The shortest decimal that reads back to `x`, without exponent: the same text as
/// `format!("{x}")` (`1225.4`, `0.00000015`, `100000000000000000000`, `-0`).
pub fn display(x: f64) -> String {
    if let Some(s) = not_finite(x) {
        return s;
    }
    if let Some(n) = whole(x) {
        let mut out = sign(x);
        out.push_str(&n.to_string());
        return out;
    }
    let d = Decimal::shortest(x);
    let mut out = sign(x);
    d.write_fixed(d.decimals(), &mut out);
    out
}

/// A CSS length in pixels, `12.5px` (what `format!("{x}px")` writes).
pub fn px(x: f64) -> String {
    let mut s = display(x);
    s.push_str("px");
    s
}

/// The shortest digits that read back to `x`, in exponent form: the same text as
/// `format!("{x:e}")` (`1e15`, `-1.5e-7`).
pub fn exponent(x: f64) -> String {
    if let Some(s) = not_finite(x) {
        return s;
    }
    let d = Decimal::shortest(x);
    let mut out = sign(x);
    d.write_exponent(d.digits.len().saturating_sub(1), &mut out);
    out
}

/// Exponent form with `decimals` digits after the first, correctly rounded: the same text as
/// `format!("{x:.decimals$e}")` (`1.23e9`).
pub fn exponent_fixed(x: f64, decimals: usize) -> String {
    if let Some(s) = not_finite(x) {
        return s;
    }
    let mut d = Decimal::exact(x);
    d.round(decimals as i32 + 1);
    let mut out = sign(x);
    d.write_exponent(decimals, &mut out);
    out
}

/// Rounds to `digits` significant digits (never into the integer part) and drops trailing
/// zeros: `significant(0.012345, 3)` is `0.0123`, `significant(1234.56, 3)` is `1235`; `0` for
/// zero and for what is not finite.
pub fn significant(x: f64, digits: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return "0".into();
    }
    let decimals = (digits - 1 - x.abs().log10().floor() as i32).max(0) as usize;
    trim_zeros(&fixed(x, decimals))
}

/// At most `decimals` decimals, trailing zeros dropped: `trimmed(2.5, 2)` is `2.5`,
/// `trimmed(3.0, 2)` is `3`.
pub fn trimmed(x: f64, decimals: usize) -> String {
    trim_zeros(&fixed(x, decimals))
}

/// Drops trailing zeros after a decimal point (and the point if nothing follows it); `-0`
/// reads `0`.
pub fn trim_zeros(s: &str) -> String {
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// Inserts thousands separators into the integer part of a plain decimal:
/// `group("-1234567.5")` is `-1,234,567.5`.
pub fn group(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A count with thousands separators: `10,000`.
pub fn count(n: usize) -> String {
    group(&n.to_string())
}

/// A number in a message (validation): up to 6 significant digits without trailing zeros,
/// exponent form for the very large and very small, and words for what is not a number.
pub fn message_number(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "not a number".into()
        } else {
            "infinity".into()
        };
    }
    if x == 0.0 {
        return "0".into();
    }
    if x.abs() >= 1e12 || x.abs() < 1e-4 {
        return exponent(x);
    }
    significant(x, 6)
}

/// Money in billions, short: `$38B`, `$8.5B`, `$1.23T`, `$650M`, `-$8.5B`.
///
/// # Examples
/// ```
/// use coverage_model::format::money;
/// assert_eq!(money(38.0), "$38B");
/// assert_eq!(money(1225.4), "$1.23T");
/// assert_eq!(money(0.65), "$650M");
/// assert_eq!(money(-8.49), "-$8.49B");
/// ```
pub fn money(billions: f64) -> String {
    if !billions.is_finite() {
        return "—".into();
    }
    let sign = if billions < 0.0 { "-" } else { "" };
    let a = billions.abs();
    let body = if a >= 1000.0 {
        format!("{}T", group(&significant(a / 1000.0, 3)))
    } else if a >= 1.0 {
        format!("{}B", significant(a, 3))
    } else if a >= 0.0005 {
        format!("{}M", significant(a * 1000.0, 3))
    } else {
        return "$0".into();
    };
    format!("{sign}${body}")
}

/// Money in billions for tables: one decimal with thousands separators, `1,225.4`.
pub fn billions(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = fixed(x, 1);
    let s = if s == "-0.0" { "0.0".to_string() } else { s };
    group(&s)
}

/// A fraction as a percentage: `25%`, `12.5%`, `-3.25%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".into();
    }
    let p = fraction * 100.0;
    let s = if p.abs() >= 100.0 {
        fixed(p, 0)
    } else {
        significant(p, 3)
    };
    format!("{}%", group(&s))
}

/// A ratio such as coverage: `0.85×`, `12.3×`; `—` when there is nothing to cover.
pub fn ratio(x: Option<f64>) -> String {
    match x {
        Some(r) if r.is_finite() => {
            let s = if r.abs() >= 100.0 {
                fixed(r, 0)
            } else {
                fixed(r, 2)
            };
            format!("{}×", group(&s))
        }
        _ => "—".into(),
    }
}

/// A year, or "never within the horizon".
pub fn year_or_never(year: Option<i32>) -> String {
    year.map_or_else(|| "never within the horizon".into(), |y| y.to_string())
}

/// The text with its first letter capitalised (`the term …` -> `The term …`): every message is
/// shown as a sentence of its own, while its parts are written to read inside a sentence.
/// ASCII only: the messages are ours and start in ASCII, and Unicode case tables would add
/// about 3 KiB gzip to every page.
pub fn sentence(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// Decimals a CSV number keeps: billions to the nearest dollar. Sums of binary fractions carry
/// noise in the 15th digit (`5.015999999999999`); no figure here is known to a dollar, so the
/// noise is dropped and a spreadsheet reads what a person would type.
pub const CSV_DECIMALS: usize = 9;

/// A number for CSV and other machine-readable output: plain decimal rounded to
/// [`CSV_DECIMALS`] places, trailing zeros trimmed, no separators or exponent; never NaN or
/// infinity (empty instead), never `-0`.
pub fn plain(x: f64) -> String {
    if x.is_finite() {
        trimmed(x, CSV_DECIMALS)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values where float formatting goes wrong if it is going to: zeros and signs, the ends
    /// of the range, subnormals, powers of two and ten and their neighbours, exact ties, and
    /// decimals that have no exact binary form.
    fn awkward() -> Vec<f64> {
        let mut xs = vec![
            0.0,
            -0.0,
            5e-324,
            1e-323,
            f64::MIN_POSITIVE,
            f64::MIN_POSITIVE - 5e-324,
            f64::MAX,
            f64::EPSILON,
            1e23,
            0.1,
            0.2,
            0.3,
            1.0 / 3.0,
            2.0 / 3.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            1.005,
            0.045,
            1225.44,
            1225.45,
            9.995,
            9.9999999,
            99.5,
            999.9999999999999,
            123456789.0,
            4503599627370495.5,
            9007199254740992.0,
            9007199254740994.0,
            1e15,
            1e16,
            1e17,
            1e21,
            1e22,
            1.5e-7,
            2.5e-5,
            0.00001,
        ];
        // Every power of two near the ends of the range and around 1, every 7th elsewhere
        // (the rest behave alike and each costs a long exact expansion in a debug build).
        xs.push(next(1e23, -1));
        for k in (-1074..=1023)
            .filter(|&k: &i32| k % 7 == 0 || !(-1000..=990).contains(&k) || k.abs() < 70)
        {
            let p = 2f64.powi(k);
            xs.extend([p, next(p, 1), next(p, -1)]);
        }
        for k in (-323..=308).filter(|&k: &i32| k % 5 == 0 || k.abs() < 25) {
            let p: f64 = format!("1e{k}").parse().unwrap();
            xs.extend([p, next(p, 1), next(p, -1), 5.0 * p, 2.5 * p]);
        }
        for i in 0..2000 {
            xs.push(f64::from(i) / 8.0);
            xs.push(f64::from(i) / 100.0);
            xs.push(f64::from(i) * 0.001);
        }
        let more: Vec<f64> = xs.iter().map(|x| -x).collect();
        xs.extend(more);
        xs.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        xs
    }

    /// `n`, or `n` times `FORMAT_CASES` (a longer run: `FORMAT_CASES=1000 cargo test --release
    /// -p coverage-model format`).
    fn cases(n: usize) -> usize {
        n * std::env::var("FORMAT_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1)
    }

    /// The next representable value up (`dir` 1) or down (-1) from a positive finite `x`.
    fn next(x: f64, dir: i64) -> f64 {
        f64::from_bits((x.to_bits() as i64 + dir) as u64)
    }

    /// Random finite values, all bit patterns alike (so every exponent), and random decimals
    /// of a few digits (what people type), from a fixed seed.
    fn random(bit_patterns: usize, decimals: usize) -> Vec<f64> {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next_u64 = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut xs = Vec::with_capacity(bit_patterns + decimals);
        while xs.len() < bit_patterns {
            let x = f64::from_bits(next_u64());
            if x.is_finite() {
                xs.push(x);
            }
        }
        for _ in 0..decimals {
            let digits = (next_u64() % 100_000_000) as f64;
            let scale = 10f64.powi((next_u64() % 24) as i32 - 12);
            let x = if next_u64() % 2 == 0 {
                digits * scale
            } else {
                -digits / (1.0 / scale)
            };
            xs.push(x);
        }
        xs
    }

    #[test]
    fn writes_what_std_writes() {
        let mut xs = awkward();
        xs.extend(random(cases(1_000), cases(10_000)));
        for x in xs {
            assert_eq!(display(x), format!("{x}"), "display of {:e}", x);
            assert_eq!(exponent(x), format!("{x:e}"), "exponent of {:e}", x);
            for decimals in [0, 1, 2, 3, 6, 17] {
                assert_eq!(
                    fixed(x, decimals),
                    format!("{x:.decimals$}"),
                    "{:e} to {decimals}",
                    x
                );
                assert_eq!(
                    exponent_fixed(x, decimals),
                    format!("{x:.decimals$e}"),
                    "{:e} to {decimals} in exponent form",
                    x
                );
            }
        }
    }

    #[test]
    fn fixed_agrees_with_std_at_every_precision_it_is_used_with() {
        // input_text tries 0..=17 decimals; significant() asks for up to ~330 for tiny values.
        let mut xs = random(cases(200), cases(1_000));
        xs.extend([1e-300, -2.5e-320, 0.1, 1.0 / 3.0, 1e300]);
        for x in xs {
            for decimals in (0..=20).chain([40, 100, 330]) {
                assert_eq!(
                    fixed(x, decimals),
                    format!("{x:.decimals$}"),
                    "{:e} to {decimals}",
                    x
                );
            }
        }
    }

    #[test]
    fn money_is_short_and_signed() {
        let cases = [
            (38.0, "$38B"),
            (8.5, "$8.5B"),
            (310.2, "$310B"),
            (1225.4, "$1.23T"),
            (1400.0, "$1.4T"),
            (0.65, "$650M"),
            (-8.49, "-$8.49B"),
            (0.0, "$0"),
            (-0.0, "$0"),
            (2_500_000.0, "$2,500T"),
        ];
        for (x, expected) in cases {
            assert_eq!(money(x), expected, "input {x}");
        }
    }

    #[test]
    fn table_numbers_group_thousands() {
        assert_eq!(billions(1225.44), "1,225.4");
        assert_eq!(billions(-1234567.0), "-1,234,567.0");
        assert_eq!(billions(-0.01), "0.0");
        assert_eq!(billions(f64::NAN), "—");
    }

    #[test]
    fn percents_and_ratios() {
        assert_eq!(percent(0.25), "25%");
        assert_eq!(percent(0.125), "12.5%");
        assert_eq!(percent(12.3456), "1,235%");
        assert_eq!(ratio(Some(0.8512)), "0.85×");
        assert_eq!(ratio(None), "—");
        assert_eq!(year_or_never(None), "never within the horizon");
    }

    #[test]
    fn building_blocks() {
        let cases = [
            (significant(1234.56, 3), "1235"),
            (significant(0.012345, 3), "0.0123"),
            (significant(-0.0001, 1), "-0.0001"),
            (trimmed(2.5, 2), "2.5"),
            (trimmed(3.0, 2), "3"),
            (trimmed(-0.001, 2), "0"),
            (group("-1234567.5"), "-1,234,567.5"),
            (group("999"), "999"),
            (count(10_000), "10,000"),
            (message_number(1e15), "1e15"),
            (message_number(123.456789), "123.457"),
            (message_number(f64::NAN), "not a number"),
            (message_number(f64::NEG_INFINITY), "infinity"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn plain_is_machine_readable() {
        assert_eq!(plain(1225.4), "1225.4");
        assert_eq!(plain(1e20), "100000000000000000000");
        assert_eq!(plain(-0.0), "0");
        // Float noise goes; a dollar stays; a tiny negative rounds to plain 0.
        assert_eq!(plain(5.015999999999999), "5.016");
        assert_eq!(plain(0.1 + 0.2), "0.3");
        assert_eq!(plain(1.000000001), "1.000000001");
        assert_eq!(plain(1.0000000004), "1");
        assert_eq!(plain(-1e-12), "0");
        assert_eq!(plain(-2.0000000006), "-2.000000001");
        assert_eq!(plain(f64::INFINITY), "");
    }
}
