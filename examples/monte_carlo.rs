//! Prints the Monte Carlo's financing figures of a scenario file (stdin) as JSON, so the
//! end-to-end tests can check that the uncertainty page shows what the engine computes.
//!
//!     cargo run --example monte_carlo < scenario.json

use compute_coverage::{format, scenario::Scenario, uncertainty};
use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read stdin: {e}");
        std::process::exit(1);
    }
    let scenario = match Scenario::from_json(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("invalid scenario: {e}");
            std::process::exit(1);
        }
    };
    let mc = uncertainty::monte_carlo(&scenario);
    let out = match mc.financing {
        None => serde_json::json!({ "chance_short": mc.chance_short, "financing": null }),
        Some(f) => serde_json::json!({
            "chance_short": mc.chance_short,
            "financing": {
                "chance_unpaid": f.chance_unpaid,
                "expected_unpaid": format::money(f.expected_unpaid),
                "chance_borrowing": f.chance_borrowing,
                "median_peak_debt": format::money(f.peak_debt.p50),
                "unpaid_by_counterparty": f.unpaid_by_counterparty.iter().map(|c| {
                    serde_json::json!({ "name": c.name, "amount": format::money(c.amount) })
                }).collect::<Vec<_>>(),
            },
        }),
    };
    println!("{out}");
}
