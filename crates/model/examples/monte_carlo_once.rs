//! Runs the default scenario's Monte Carlo at 10,000 samples once and prints its chance of
//! running short: a fixed, short workload to profile (e.g. `valgrind --tool=callgrind`, whose
//! instruction counts stay stable on a busy machine where wall times do not).
//!
//! `cargo build --release -p coverage-model --example monte_carlo_once`, then
//! `valgrind --tool=callgrind target/release/examples/monte_carlo_once`. With
//! `--no-financing` it runs the scenario without its financing section, as `make bench` does
//! (bench/wasm, compared with Squiggle's program of the original cash identity).

use coverage_model::scenario::{Scenario, Uncertainty};
use coverage_model::{presets, uncertainty};

fn main() {
    let mut draft = presets::openai_november_2025().draft().clone();
    draft.uncertainty = Some(Uncertainty {
        samples: 10_000,
        ..Uncertainty::default()
    });
    if std::env::args().any(|a| a == "--no-financing") {
        draft.financing = None;
    }
    let scenario = Scenario::new(draft).expect("the default scenario with 10,000 samples is valid");
    let mc = uncertainty::monte_carlo(&scenario);
    println!("chance of running short: {}", mc.chance_short);
}
