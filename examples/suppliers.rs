//! Prints the Suppliers page's sentence and `suppliers.csv` for a set of companies as JSON, so
//! the end-to-end tests can check that the page shows exactly what the model computes.
//!
//!     echo '["openai-2025-11", {...a scenario file...}]' | cargo run --example suppliers
//!
//! Each item of the array on stdin is a built-in scenario's id or a scenario in the file format.

use compute_coverage::{presets, scenario::Scenario, suppliers};
use std::io::Read;

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
    let out = serde_json::json!({
        "companies": t.companies,
        "headline": suppliers::headline(&t),
        "csv": suppliers::csv(&t),
    });
    println!("{out}");
}
