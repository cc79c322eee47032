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
            ParseError::Empty => write!(f, "enter a number"),
            ParseError::NotANumber(text) => write!(f, "\"{}\" is not a number", clip(text)),
            ParseError::UnknownUnit(unit) => {
                write!(
                    f,
                    "unknown unit \"{}\": use M, B or T (millions, billions, trillions)",
                    clip(unit)
                )
            }
            ParseError::TooLarge => write!(f, "that number is too large"),
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
    let x: f64 = format!("{mantissa}e{exponent}")
        .parse()
        .map_err(|_| ParseError::NotANumber(t.to_string()))?;
    if !x.is_finite() {
        return Err(ParseError::TooLarge);
    }
    Ok(x + 0.0) // -0 reads as 0
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
        .take_while(|(_, c)| c.is_alphabetic())
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
            ("", "enter a number"),
            ("abc", "\"abc\" is not a number"),
            ("NaN", "\"NaN\" is not a number"),
            ("Infinity", "\"Infinity\" is not a number"),
            ("inf", "\"inf\" is not a number"),
            ("1e309", "that number is too large"),
            ("38X", "unknown unit \"X\""),
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
    fn long_input_is_clipped_in_messages() {
        let long = "x".repeat(10_000);
        let msg = parse_money(&long).unwrap_err().to_string();
        assert!(msg.len() < 80, "{msg}");
    }
}
