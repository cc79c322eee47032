//! Formatting numbers for people: the one place where figures are rounded, grouped in
//! thousands and trimmed — for the page, the charts' axes and tooltips, validation messages
//! and the words of the summary. The engine keeps full precision; rounding happens only here.

/// Rounds to `digits` significant digits (never into the integer part) and drops trailing
/// zeros: `significant(0.012345, 3)` is `0.0123`, `significant(1234.56, 3)` is `1235`; `0` for
/// zero and for what is not finite.
pub fn significant(x: f64, digits: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return "0".into();
    }
    let decimals = (digits - 1 - x.abs().log10().floor() as i32).max(0) as usize;
    trim_zeros(&format!("{x:.decimals$}"))
}

/// At most `decimals` decimals, trailing zeros dropped: `trimmed(2.5, 2)` is `2.5`,
/// `trimmed(3.0, 2)` is `3`.
pub fn trimmed(x: f64, decimals: usize) -> String {
    trim_zeros(&format!("{x:.decimals$}"))
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
        return format!("{x:e}");
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
    let s = format!("{:.1}", x);
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
        format!("{p:.0}")
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
                format!("{r:.0}")
            } else {
                format!("{r:.2}")
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

/// A number for CSV and other machine-readable output: plain decimal, full precision, no
/// separators or exponent; never NaN or infinity (empty instead).
pub fn plain(x: f64) -> String {
    if x.is_finite() {
        format!("{}", x + 0.0)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(plain(f64::INFINITY), "");
    }
}
