//! The model of Compute Coverage: can an AI company's revenue cover its multi-year compute
//! commitments?
//!
//! Layered as inputs -> validated [`scenario::Scenario`] -> [`engine::project`] (and, over
//! ranges of the inputs, [`uncertainty::monte_carlo`] and [`sensitivity::tornado`]) -> views.
//! Everything here is pure Rust with no browser crate in its dependency tree: the chart crate
//! and the web app depend on it, never the other way round, and its tests build without either.

// The release build (scripts/build-release.sh, bench/build-wasm.sh: the pinned nightly) passes
// `--cfg coverage_speed`: the Monte Carlo's inner loops are then compiled for speed inside a
// crate built for size (`#[optimize(speed)]`), the whole crate at opt-level 3 costing every page
// kilobytes. Stable builds (tests, clippy) ignore it.
#![cfg_attr(coverage_speed, feature(optimize_attribute))]

pub mod adjust;
pub mod codec;
pub mod engine;
pub mod export;
pub mod format;
pub mod narrative;
pub mod parse;
pub mod presets;
pub mod scenario;
pub mod sensitivity;
pub mod suppliers;
pub mod uncertainty;
