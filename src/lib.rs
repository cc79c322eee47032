//! Compute Coverage: can an AI company's revenue cover its multi-year compute commitments?
//!
//! The crate is layered as inputs -> validated [`scenario::Scenario`] -> [`engine::project`]
//! (and, over ranges of the inputs, [`uncertainty::monte_carlo`] and [`sensitivity::tornado`])
//! -> views. Everything but the `app` module is pure Rust and runs on the host in tests; `app`
//! (Yew components, canvas drawing, browser storage) is compiled only for wasm32.

pub mod adjust;
pub mod charts;
pub mod codec;
pub mod embed;
pub mod engine;
pub mod export;
pub mod format;
pub mod narrative;
pub mod parse;
pub mod presets;
pub mod saved;
pub mod scenario;
pub mod sensitivity;
pub mod state;
pub mod uncertainty;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod uncertainty_page;
