//! Prints, as JSON, the data the benchmarks (`make bench`, `bench/run.mjs`) give the peer
//! libraries, so that they draw and sample exactly what this app does:
//!
//! - `chart`: the default scenario's commitments-vs-revenue chart data (years, each counted
//!   deal's payments per year, revenue, cash available for commitments, reported figures);
//! - `mc`: the inputs of the scenario's Monte Carlo model (see `crates/model/src/uncertainty/model.rs`) with
//!   the sample count set to `--samples` (default 10,000), for the Squiggle version of the same
//!   model; `engine`: the chance of running short (ever, and by each year) this engine gives
//!   for them, on the host.
//!
//! ```text
//! cargo run --example bench_data                      # default scenario, 10,000 samples
//! cargo run --example bench_data -- --samples 2000
//! ```

use compute_coverage::engine::{self, deal_weights, opex_share, path_rates};
use compute_coverage::presets;
use compute_coverage::scenario::{Growth, Metric, Scenario, Uncertainty};
use compute_coverage::uncertainty::{self, MAX_COST_SHARE, MULTIPLIER_CAP};
use serde_json::json;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut samples = 10_000u32;
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next().and_then(|v| v.parse().ok())) {
            ("--samples", Some(n)) => samples = n,
            _ => {
                eprintln!("usage: bench_data [--samples N]");
                std::process::exit(2);
            }
        }
    }

    let default = presets::openai_november_2025();
    let projection = engine::project(&default);
    let chart = json!({
        "scenario": default.name,
        "years": projection.rows.iter().map(|r| r.year).collect::<Vec<_>>(),
        "deals": projection.deals.iter().map(|d| json!({ "name": d.name, "payments": d.payments })).collect::<Vec<_>>(),
        "revenue": projection.rows.iter().map(|r| r.revenue).collect::<Vec<_>>(),
        "available": projection.rows.iter().map(|r| r.available).collect::<Vec<_>>(),
        // The reported figures the chart marks with diamonds (as `charts::draw_commitments`).
        "reported": default
            .markers
            .iter()
            .filter(|m| matches!(m.metric, Metric::Revenue | Metric::Commitments))
            .filter(|m| default.years().contains(&m.year) && m.value.is_finite())
            .map(|m| json!([m.year, m.value]))
            .collect::<Vec<_>>(),
    });

    let mut draft = default.draft().clone();
    draft.uncertainty = Some(Uncertainty {
        samples,
        ..default.uncertainty()
    });
    // The Squiggle program is the original cash identity (no credit line, no cash kept, no
    // unpaid payments): the benchmark's Monte Carlo is the default scenario without its
    // financing section, the same in bench/wasm, so both compute one model.
    draft.financing = None;
    let scenario = match Scenario::new(draft) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("the default scenario with {samples} samples is invalid: {e}");
            std::process::exit(1);
        }
    };
    let mc = uncertainty::monte_carlo(&scenario);
    let out = json!({
        "chart": chart,
        "mc": model_inputs(&scenario),
        "engine": {
            "chance_short": mc.chance_short,
            "short_by": mc.years.iter().map(|y| y.short_by).collect::<Vec<_>>(),
        },
    });
    println!("{out}");
}

/// The Monte Carlo model's inputs, computed the way `uncertainty::model::Model::new` does.
fn model_inputs(s: &Scenario) -> serde_json::Value {
    let n = s.horizon_len();
    // Growth rate g_t for t = 1..n-1 (revenue_t = revenue_{t-1} * (1 + m * g_t)).
    let rates: Vec<f64> = match &s.revenue.growth {
        Growth::Constant { rate } => vec![*rate; n.saturating_sub(1)],
        Growth::Decaying {
            initial,
            decay,
            floor,
        } => (0..n.saturating_sub(1))
            .map(|t| floor + (initial - floor) * decay.powi(t as i32))
            .collect(),
        Growth::Path { points, after } => {
            path_rates(s.start_year, s.revenue.base, points, *after, n)[1..].to_vec()
        }
        Growth::Logistic { .. } => {
            eprintln!("bench_data: logistic growth is not supported by the benchmark model");
            std::process::exit(1);
        }
    };
    let rs = &s.costs.revenue_share;
    let revenue_share: Vec<f64> = s
        .years()
        .map(|y| if y <= rs.until { rs.rate } else { 0.0 })
        .collect();
    let opex: Vec<f64> = s
        .years()
        .map(|y| opex_share(&s.costs.opex_share, y))
        .collect();
    let opex_cap: Vec<f64> = opex
        .iter()
        .zip(&revenue_share)
        .map(|(&o, &r)| (MAX_COST_SHARE - r).max(o))
        .collect();
    let mut raised = vec![0.0; n];
    for r in &s.funding.raises {
        if s.years().contains(&r.year) {
            raised[(r.year - s.start_year) as usize] += r.amount;
        }
    }
    let deals: Vec<serde_json::Value> = s
        .deals
        .iter()
        .filter(|d| s.counts(d))
        .map(|d| {
            let weights = deal_weights(&d.profile, d.years.max(0) as usize);
            let sum: f64 = weights.iter().sum();
            let payments: Vec<f64> = if sum > 0.0 {
                weights
                    .iter()
                    .map(|w| d.value.amount() * (w / sum))
                    .collect()
            } else {
                Vec::new()
            };
            json!({
                "name": d.name,
                "firm": d.firm,
                "delayable": d.start_year > s.start_year,
                "first": d.start_year - s.start_year,
                "payments": payments,
            })
        })
        .collect();
    let u = s.uncertainty();
    json!({
        "samples": u.samples,
        "seed": u.seed,
        "growth_multiplier": [u.growth_multiplier.0, u.growth_multiplier.1],
        "multiplier_cap": MULTIPLIER_CAP,
        "opex_shift": [u.opex_shift.0, u.opex_shift.1],
        "cancel_chance": u.cancel_chance,
        "max_delay": u.max_delay,
        "base": s.revenue.base,
        "rates": rates,
        "opex": opex,
        "opex_cap": opex_cap,
        "revenue_share": revenue_share,
        "raised": raised,
        "opening_cash": s.funding.opening_cash,
        "deals": deals,
    })
}
