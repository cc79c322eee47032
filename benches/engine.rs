//! Criterion benchmarks of the engine on the default scenario: the full projection (which
//! includes the growth solver) and the solver alone.

use compute_coverage::{engine, presets};
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

criterion_group!(benches, bench_project);
criterion_main!(benches);
