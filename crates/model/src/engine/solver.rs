//! The growth needed: the smallest constant growth rate at which cash never goes below zero
//! (and, under the "unpaid" shortfall rule, every payment is made), found by bisection. Sound because validation keeps 1 - opex share - revenue share > 0, so
//! available cash (and cash) rise with revenue, and revenue rises with the growth rate.

use super::CostBasis;
use crate::scenario::Scenario;

/// Lower end of the growth searched (-99% a year).
pub const GROWTH_SEARCH_MIN: f64 = -0.99;
/// Upper end of the growth searched (2,000% a year).
pub const GROWTH_SEARCH_MAX: f64 = 20.0;
/// Width of the final bracket: the rate found is within this of the true threshold.
pub const GROWTH_TOLERANCE: f64 = 1e-6;

/// The answer of the growth solver.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RequiredGrowth {
    /// Cash never goes below zero at this constant growth rate or any higher one.
    Reachable(f64),
    /// Cash stays at or above zero even at the lowest growth searched.
    AnyGrowth,
    /// Even the highest growth searched leaves cash below zero at some point (for example in
    /// the first year, which growth cannot change).
    NotReachable,
}

/// Revenue base * (1 + g)^t for every year of the horizon.
fn constant_path(base: f64, g: f64, n: usize, out: &mut Vec<f64>) {
    out.clear();
    let mut r = base;
    for _ in 0..n {
        out.push(r);
        r *= 1.0 + g;
    }
}

/// Solves for the constant growth rate needed, holding everything else in the scenario fixed.
pub(crate) fn required_growth(scenario: &Scenario, basis: &CostBasis) -> RequiredGrowth {
    let n = scenario.horizon_len();
    let base = scenario.revenue.base;
    let mut revenue = Vec::with_capacity(n);
    let mut solvent = |g: f64| {
        constant_path(base, g, n, &mut revenue);
        basis.solvent(&revenue)
    };
    if solvent(GROWTH_SEARCH_MIN) {
        return RequiredGrowth::AnyGrowth;
    }
    if !solvent(GROWTH_SEARCH_MAX) {
        return RequiredGrowth::NotReachable;
    }
    let (mut lo, mut hi) = (GROWTH_SEARCH_MIN, GROWTH_SEARCH_MAX);
    while hi - lo > GROWTH_TOLERANCE {
        let mid = lo + (hi - lo) / 2.0;
        if solvent(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    RequiredGrowth::Reachable(hi)
}

/// Whether cash stays at or above zero in every year with revenue growing at constant `g`
/// (revenue base * (1 + g)^t, everything else as in the scenario).
///
/// # Examples
/// ```
/// use coverage_model::{engine, presets};
/// let scenario = presets::openai_november_2025();
/// if let engine::RequiredGrowth::Reachable(g) = engine::project(&scenario).summary.required_growth {
///     assert!(engine::solvent_at(&scenario, g));
///     assert!(!engine::solvent_at(&scenario, g - engine::GROWTH_TOLERANCE));
/// }
/// ```
pub fn solvent_at(scenario: &Scenario, g: f64) -> bool {
    at_constant_growth(scenario, g, |basis, revenue| basis.solvent(revenue))
}

/// `run` given the scenario's cost basis and its revenue path at constant growth `g`.
fn at_constant_growth<T>(
    scenario: &Scenario,
    g: f64,
    run: impl FnOnce(&CostBasis, &[f64]) -> T,
) -> T {
    let schedules = super::counted_schedules(scenario);
    let basis = CostBasis::new(scenario, &schedules);
    let mut revenue = Vec::new();
    constant_path(
        scenario.revenue.base,
        g,
        scenario.horizon_len(),
        &mut revenue,
    );
    run(&basis, &revenue)
}

/// The first year in which cash goes below zero or a payment goes unpaid with revenue growing
/// at constant `g`; `None` when neither happens. Just below the growth needed this is the
/// year that decides it, so the page can say "revenue must reach $X by YEAR".
///
/// # Examples
/// ```
/// use coverage_model::{engine, presets};
/// let s = presets::openai_november_2025();
/// if let engine::RequiredGrowth::Reachable(g) = engine::project(&s).summary.required_growth {
///     assert_eq!(engine::first_short_year(&s, g), None);
///     assert!(engine::first_short_year(&s, g - engine::GROWTH_TOLERANCE).is_some());
/// }
/// ```
pub fn first_short_year(scenario: &Scenario, g: f64) -> Option<i32> {
    at_constant_growth(scenario, g, |basis, revenue| {
        let mut flow = basis.flow();
        scenario
            .years()
            .zip(revenue)
            .enumerate()
            .find_map(|(t, (year, &r))| {
                let y = flow.year(basis.inputs(t, r));
                (y.cash < 0.0 || y.unpaid > 0.0).then_some(year)
            })
    })
}
