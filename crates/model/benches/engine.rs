//! Criterion benchmarks of the engine on the default scenario: the full projection (which
//! includes the growth solver), the solver alone, the Monte Carlo and the tornado.

use coverage_model::scenario::{Scenario, Uncertainty};
use coverage_model::{engine, presets, sensitivity, uncertainty};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench_project(c: &mut Criterion) {
    let scenario = presets::openai_november_2025();
    c.bench_function("project (default scenario, with solver)", |b| {
        b.iter(|| engine::project(black_box(&scenario)))
    });
    c.bench_function("revenue path (default scenario)", |b| {
        b.iter(|| engine::revenue_series(black_box(&scenario), 1.0))
    });
    c.bench_function("solvent_at (one solver step, default scenario)", |b| {
        b.iter(|| engine::solvent_at(black_box(&scenario), black_box(0.5)))
    });
}

fn bench_uncertainty(c: &mut Criterion) {
    let mut draft = presets::openai_november_2025().draft().clone();
    draft.uncertainty = Some(Uncertainty {
        samples: 10_000,
        ..Uncertainty::default()
    });
    let scenario = Scenario::new(draft).expect("the default scenario with 10,000 samples is valid");
    c.bench_function("monte carlo 10,000 samples (default scenario)", |b| {
        b.iter(|| uncertainty::monte_carlo(black_box(&scenario)))
    });
    let default = presets::openai_november_2025();
    c.bench_function("tornado (default scenario)", |b| {
        b.iter(|| sensitivity::tornado(black_box(&default)))
    });
}

criterion_group!(benches, bench_project, bench_uncertainty);
criterion_main!(benches);
