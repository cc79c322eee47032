//! Prints the engine's headline figures and summary sentence as JSON, so the end-to-end tests
//! can check that the page shows exactly what the engine computes.
//!
//!     cargo run --example headlines -- openai-2025-11      # a built-in scenario by id
//!     cargo run --example headlines -- - < scenario.json   # a scenario file on stdin

use compute_coverage::{engine, narrative, presets, scenario::Scenario};
use std::io::Read;

fn main() {
    let arg = std::env::args()
        .nth(1)
        .unwrap_or_else(|| presets::PRESETS[0].id.to_string());
    let scenario = if arg == "-" {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("cannot read stdin: {e}");
            std::process::exit(1);
        }
        match Scenario::from_json(&text) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("invalid scenario: {e}");
                std::process::exit(1);
            }
        }
    } else {
        match presets::by_id(&arg) {
            Some(p) => p.scenario(),
            None => {
                eprintln!("unknown preset {arg}");
                std::process::exit(1);
            }
        }
    };
    let projection = engine::project(&scenario);
    let coverage_year = scenario.start_year + 5;
    let figures: serde_json::Map<String, serde_json::Value> =
        narrative::headline_figures(&scenario, &projection, coverage_year)
            .into_iter()
            .map(|f| (f.id.to_string(), serde_json::Value::String(f.value)))
            .collect();
    let out = serde_json::json!({
        "name": scenario.name,
        "sentence": narrative::summary_sentence(&scenario, &projection),
        "figures": figures,
    });
    println!("{out}");
}
