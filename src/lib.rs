//! Compute Coverage: can an AI company's revenue cover its multi-year compute commitments?
//!
//! The crate is layered as inputs -> validated [`scenario::Scenario`] -> [`engine::project`]
//! (and, over ranges of the inputs, [`uncertainty::monte_carlo`] and [`sensitivity::tornado`])
//! -> views. Everything but the `app` module is pure Rust and runs on the host in tests; `app`
//! (Yew components, canvas drawing, browser storage) is compiled only for wasm32.

// The model and the charts are their own crates (crates/model, crates/charts): re-exported
// under their old paths so the app, its tests and its examples name them as before.
pub use coverage_charts as charts;
pub use coverage_model::{
    adjust, codec, engine, export, format, narrative, parse, presets, scenario, sensitivity,
    suppliers, uncertainty,
};

pub mod address;
pub mod chart_kind;
pub mod embed;
pub mod history;
pub mod notices;
pub mod saved;
pub mod sources_markup;
pub mod startup;
pub mod state;
pub mod suppliers_state;
pub mod uncertainty_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod link;
#[cfg(target_arch = "wasm32")]
pub mod publish_page;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod suppliers_embed;
#[cfg(target_arch = "wasm32")]
pub mod suppliers_page;
#[cfg(target_arch = "wasm32")]
pub mod uncertainty_page;
