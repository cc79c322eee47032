//! Exports of a projection and its scenario: the yearly CSV (RFC 4180) and file names that say
//! what a file holds. Pure text, so the exact output is checked by host tests.

use crate::engine::Projection;
use crate::format::plain;

/// The CSV columns before the one-per-deal columns, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "year",
    "revenue",
    "revenue_share",
    "other_costs",
    "available",
    "commitments",
    "net_cash_flow",
    "raised",
    "cash",
    "coverage",
    "revenue_coverage",
    "interest",
    "borrowed",
    "repaid",
    "debt",
    "unpaid",
];

/// Quotes a CSV field when RFC 4180 requires it (comma, quote, CR or LF), doubling quotes. A
/// name that a spreadsheet would run as a formula (`=HYPERLINK(…)` in a shared scenario) gets a
/// leading apostrophe, as OWASP advises against CSV injection.
pub(crate) fn field(text: &str) -> String {
    let defused;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        defused = format!("'{text}");
        defused.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn ratio(x: Option<f64>) -> String {
    x.map(plain).unwrap_or_default()
}

/// The yearly projection as CSV: the fixed columns, then one column per counted deal named by
/// the deal's name. Money in billions as plain decimals; coverage empty where nothing is due.
/// Lines end in CRLF, as RFC 4180 says.
///
/// # Examples
/// ```
/// use coverage_model::{engine, export, presets};
/// let s = presets::blank();
/// let csv = export::projection_csv(&engine::project(&s));
/// assert!(csv.starts_with("year,revenue,revenue_share,other_costs,available,commitments,net_cash_flow,raised,cash,coverage,revenue_coverage,interest,borrowed,repaid,debt,unpaid,New deal\r\n2026,5,0,1.5,3.5,2,1.5,0,6.5,1.75,2.5,0,0,0,0,0,2\r\n"));
/// ```
pub fn projection_csv(p: &Projection) -> String {
    let mut out = String::new();
    let header: Vec<String> = CSV_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(p.deals.iter().map(|d| field(&d.name)))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (i, r) in p.rows.iter().enumerate() {
        let mut cells = vec![
            r.year.to_string(),
            plain(r.revenue),
            plain(r.revenue_share),
            plain(r.other_costs),
            plain(r.available),
            plain(r.commitments),
            plain(r.net_cash_flow),
            plain(r.raised),
            plain(r.cash),
            ratio(r.coverage),
            ratio(r.revenue_coverage),
            plain(r.interest),
            plain(r.borrowed),
            plain(r.repaid),
            plain(r.debt),
            plain(r.unpaid),
        ];
        cells.extend(
            p.deals
                .iter()
                .map(|d| plain(d.payments.get(i).copied().unwrap_or(0.0))),
        );
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A file-name stem from a scenario name: lowercase ASCII words joined by hyphens
/// (`OpenAI, November 2025` -> `openai-november-2025`); `scenario` if nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "scenario".into()
    } else {
        out
    }
}

/// The file name of an export: `<slug>-<what>.<ext>`, e.g. `openai-november-2025-projection.csv`.
pub fn file_name(scenario_name: &str, what: &str, ext: &str) -> String {
    format!("{}-{what}.{ext}", slug(scenario_name))
}

// Host only: the tests read the CSV back with the csv crate, a host dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{engine, presets};

    /// The fixture's 2025 and 2026 rows were checked by hand from the OpenAI preset as it was
    /// before financing (kept as `tests/fixtures/openai-november-2025-before-financing.json`, a
    /// file from before raises could name a source): 2025 revenue 13, revenue share 0.2 x 13 =
    /// 2.6, other costs 0.35 x 13 = 4.55, available 5.85, payments 8.5 + 38/28 + 22.4/5 =
    /// 14.3371..., cash 17.5 - 8.4871... + 30 = 39.0128...; 2026 other costs 0.33 x 30, payments
    /// 76/28 + 250/7 + 4.48 + 615 x 1/13.477 (fleet weights 1, 2.3, 3.99, 6.187), coverage
    /// 14.1 / 88.54... = 0.1592...; 2033-2035 have no payments, so the coverage cells are empty;
    /// no financing section, so the five financing columns are 0. The file reads and computes
    /// exactly as it did before financing existed.
    #[test]
    fn a_file_from_before_financing_gives_the_hand_checked_csv() {
        let text = include_str!("../tests/fixtures/openai-november-2025-before-financing.json");
        let s = crate::scenario::Scenario::from_json(text).unwrap();
        let csv = projection_csv(&engine::project(&s));
        let expected =
            include_str!("../tests/fixtures/openai-november-2025-before-financing-projection.csv");
        assert_eq!(csv, expected);
    }

    /// The preset as shipped, with its reported supplier money and credit line. Its 2025 and
    /// 2026 rows by hand: the same revenue, costs and payments as above; 2025 raises 8.3 + 22.5,
    /// cash 17.5 - 8.4871... + 30.8 = 39.8128...; 2026: Nvidia's 10 raised, pre = 39.8128... -
    /// 74.4418... + 10 = -24.6290... < 0, so the whole $4B line is borrowed (min(24.63, 4)),
    /// cash -20.6290..., debt 4; 2027 pays 5% x 4 = 0.2 of interest. The download in the
    /// end-to-end tests is compared with this file too.
    #[test]
    fn default_csv_matches_the_checked_file() {
        let s = presets::openai_november_2025();
        let csv = projection_csv(&engine::project(&s));
        let expected = include_str!("../tests/fixtures/openai-november-2025-projection.csv");
        assert_eq!(csv, expected);
    }

    #[test]
    fn a_csv_reader_reads_it_back() {
        let mut d = presets::blank().draft().clone();
        d.deals[0].name = "Cloud, \"big\" deal".into();
        let s = crate::scenario::Scenario::new(d).unwrap();
        let p = engine::project(&s);
        let text = projection_csv(&p);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), CSV_COLUMNS.len() + 1);
        assert_eq!(&headers[CSV_COLUMNS.len()], "Cloud, \"big\" deal");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), p.rows.len());
        for (record, row) in rows.iter().zip(&p.rows) {
            // Rounded to the dollar (9 decimals of a billion), so it reads back that close.
            let cash = record[8].parse::<f64>().unwrap();
            assert!(
                (cash - row.cash).abs() <= 0.5e-9 + 1e-15 * row.cash.abs(),
                "cash reads back to the dollar: {cash} vs {}",
                row.cash
            );
        }
    }

    #[test]
    fn names_are_quoted_by_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn names_a_spreadsheet_would_run_are_defused() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"),
            ("a=b", "a=b"),
        ];
        for (name, expected) in cases {
            assert_eq!(field(name), expected, "name {name:?}");
        }
    }

    #[test]
    fn file_names_say_what_they_hold() {
        assert_eq!(
            file_name("OpenAI, November 2025", "projection", "csv"),
            "openai-november-2025-projection.csv"
        );
        assert_eq!(slug("<script>alert(1)</script>"), "script-alert-1-script");
        assert_eq!(slug("🚀🚀"), "scenario");
        assert_eq!(slug(&"x".repeat(500)).len(), 60);
    }
}
