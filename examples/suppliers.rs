//! Prints the Suppliers page's sentence, `suppliers.csv` and each supplier's Monte Carlo odds
//! (as the page formats them, and the sentence on them) for a set of companies as JSON, so the
//! end-to-end tests can check that the page shows exactly what the model computes; and the
//! link fragment that opens the set (for the tests and `make bench`).
//!
//!     echo '["openai-2025-11", {...a scenario file...}]' | cargo run --example suppliers
//!
//! Each item of the array on stdin is a built-in scenario's id or a scenario in the file format.

use compute_coverage::{format, presets, scenario::Scenario, suppliers};
use std::io::Read;
use suppliers::odds::{self, OddsRun};

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        fail(format!("cannot read stdin: {e}"));
    }
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(format!("not a JSON array: {e}")));
    let companies: Vec<Scenario> = items
        .iter()
        .map(|item| match item {
            serde_json::Value::String(id) => presets::by_id(id)
                .unwrap_or_else(|| fail(format!("unknown preset {id}")))
                .scenario(),
            other => Scenario::from_json(&other.to_string())
                .unwrap_or_else(|e| fail(format!("invalid scenario: {e}"))),
        })
        .collect();
    let t = suppliers::suppliers(&companies);
    let mut run = OddsRun::new(&companies, &t);
    run.run_chunk(usize::MAX);
    let figures = run.odds();
    let rows: Vec<serde_json::Value> = t
        .suppliers
        .iter()
        .zip(&figures)
        .map(|(s, o)| {
            serde_json::json!({
                "supplier": s.name,
                "chance": format::percent(o.chance_unpaid),
                "expected": format::billions(o.expected_unpaid),
                "range": format!("{} – {}", format::billions(o.p5), format::billions(o.p95)),
            })
        })
        .collect();
    let out = serde_json::json!({
        "companies": t.companies,
        "headline": suppliers::headline(&t),
        "csv": suppliers::csv(&t),
        "odds": rows,
        "odds_sentence": odds::sentence(&t, &figures, run.total()),
        "fragment": suppliers::link::encode(
            &companies.iter().map(suppliers::link::Entry::of).collect::<Vec<_>>()
        ),
    });
    println!("{out}");
}
