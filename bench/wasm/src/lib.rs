//! Exports for the benchmark pages (`make bench`): the app's commitments chart drawn by the app's
//! own drawing function (`components::chart_panel::draw`, the one the page calls) on any canvas,
//! the app's projection, and the app's Monte Carlo (`uncertainty::monte_carlo`), all on the
//! default scenario.

use compute_coverage::charts::{ChartOptions, Theme};
use compute_coverage::components::chart_panel::{self, ChartKind};
use compute_coverage::engine::{self, Projection};
use compute_coverage::presets;
use compute_coverage::scenario::{Scenario, Uncertainty};
use compute_coverage::uncertainty;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

// The page's allocator (src/main.rs), so allocation costs what it costs there.
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// The default scenario, its projection, and the same scenario with `samples` Monte Carlo samples.
#[wasm_bindgen]
pub struct Bench {
    scenario: Scenario,
    projection: Projection,
    monte_carlo: Scenario,
}

#[wasm_bindgen]
impl Bench {
    /// Prepares the default scenario; the Monte Carlo uses its own settings with `samples`.
    #[wasm_bindgen(constructor)]
    pub fn new(samples: u32) -> Result<Bench, JsError> {
        let scenario = presets::openai_november_2025();
        let projection = engine::project(&scenario);
        let mut draft = scenario.draft().clone();
        draft.uncertainty = Some(Uncertainty {
            samples,
            ..scenario.uncertainty()
        });
        // Without its financing section, as examples/bench_data.rs gives it to Squiggle (whose
        // program is the original cash identity): both compute one model.
        draft.financing = None;
        let monte_carlo = Scenario::new(draft).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Bench {
            scenario,
            projection,
            monte_carlo,
        })
    }

    /// Draws the commitments chart, light theme, no crosshair, exactly as the page does: the
    /// canvas backing store must already be CSS size x `scale`. Returns whether it drew.
    pub fn draw_commitments(&self, canvas: &HtmlCanvasElement, scale: f64) -> bool {
        let opts = ChartOptions {
            scale,
            theme: Theme::light(),
            ..ChartOptions::default()
        };
        chart_panel::draw(
            canvas,
            ChartKind::Commitments,
            &self.scenario,
            &self.projection,
            &opts,
        )
        .is_some()
    }

    /// Projects the default scenario `times` times (rows, summary and the growth solver, as the
    /// page does on every edit); returns the last projection's lowest cash so nothing is elided.
    pub fn project(&self, times: u32) -> f64 {
        let mut lowest = 0.0;
        for _ in 0..times {
            lowest = engine::project(&self.scenario).summary.lowest_cash.value;
        }
        lowest
    }

    /// Runs the whole Monte Carlo (samples, per-year percentile bands, break-even and funding-gap
    /// distributions) and returns the chance of running short, then the chance of having run
    /// short by each year of the horizon.
    pub fn monte_carlo(&self) -> Vec<f64> {
        let mc = uncertainty::monte_carlo(&self.monte_carlo);
        std::iter::once(mc.chance_short)
            .chain(mc.years.iter().map(|y| y.short_by))
            .collect()
    }
}
