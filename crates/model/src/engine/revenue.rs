//! Revenue paths: the four growth models, with an optional multiplier on every year's growth
//! rate (used by the uncertainty analysis).

use crate::scenario::{Growth, Scenario};

/// Revenue in each year of the horizon, with every year's growth rate g_t scaled by
/// `multiplier` (1.0 gives the scenario's own path).
///
/// # Examples
/// ```
/// use coverage_model::{engine, presets};
/// let mut draft = presets::blank().draft().clone();
/// draft.revenue.base = 10.0;
/// draft.revenue.growth = coverage_model::scenario::Growth::Constant { rate: 0.5 };
/// draft.end_year = draft.start_year + 2;
/// let s = coverage_model::scenario::Scenario::new(draft).unwrap();
/// assert_eq!(engine::revenue_series(&s, 1.0), vec![10.0, 15.0, 22.5]);
/// ```
pub fn revenue_series(scenario: &Scenario, multiplier: f64) -> Vec<f64> {
    let mut revenue = vec![0.0; scenario.horizon_len()];
    RevenueModel::new(scenario).series_into(multiplier, &mut revenue);
    revenue
}

/// A scenario's revenue model prepared for many multipliers (the Monte Carlo runs thousands):
/// every growth term that does not depend on the revenue itself is computed once, with the
/// same operations as [`revenue_series`] (which is built on it), so both give the same bits.
#[derive(Debug, Clone)]
pub(crate) struct RevenueModel {
    base: f64,
    growth: Prepared,
}

#[derive(Debug, Clone)]
enum Prepared {
    /// Constant, decaying and path growth: g_t for t = 1..n, the factor being 1 + m g_t. For a
    /// path, also each year's factor as the segment gives it, used as it is at m = 1.
    Rates {
        rates: Vec<f64>,
        factors: Option<Vec<f64>>,
    },
    Logistic {
        initial: f64,
        ceiling: f64,
    },
}

impl RevenueModel {
    pub fn new(scenario: &Scenario) -> RevenueModel {
        let n = scenario.horizon_len();
        let base = scenario.revenue.base;
        let years = n.saturating_sub(1);
        let growth = match &scenario.revenue.growth {
            Growth::Constant { rate } => Prepared::Rates {
                rates: vec![*rate; years],
                factors: None,
            },
            Growth::Decaying {
                initial,
                decay,
                floor,
            } => {
                let mut factor = 1.0; // decay^(t-1)
                let mut rates = Vec::with_capacity(years);
                for _ in 1..n {
                    rates.push(floor + (initial - floor) * factor);
                    factor *= decay;
                }
                Prepared::Rates {
                    rates,
                    factors: None,
                }
            }
            Growth::Logistic { initial, ceiling } => Prepared::Logistic {
                initial: *initial,
                ceiling: *ceiling,
            },
            Growth::Path { points, after } => {
                let steps = &path_steps(scenario.start_year, base, points, n)[n.min(1)..];
                Prepared::Rates {
                    // The factor itself at m = 1, not 1 + (factor - 1): a segment that falls
                    // steeply has a factor near 0 that the subtraction would round away.
                    factors: Some(steps.iter().map(|s| s.unwrap_or(1.0 + after)).collect()),
                    rates: steps
                        .iter()
                        .map(|s| s.map_or(*after, |f| f - 1.0))
                        .collect(),
                }
            }
        };
        RevenueModel { base, growth }
    }

    /// Writes revenue for every year of the horizon into `revenue` (one entry per year), with
    /// every year's growth rate g_t scaled by `multiplier`.
    #[cfg_attr(coverage_speed, optimize(speed))]
    pub fn series_into(&self, multiplier: f64, revenue: &mut [f64]) {
        let Some((first, rest)) = revenue.split_first_mut() else {
            return;
        };
        *first = self.base;
        let mut prev = self.base;
        match &self.growth {
            Prepared::Rates {
                factors: Some(factors),
                ..
            } if multiplier == 1.0 => {
                for (r, &factor) in rest.iter_mut().zip(factors) {
                    prev = next(prev, factor);
                    *r = prev;
                }
            }
            Prepared::Rates { rates, .. } => {
                for (r, &g) in rest.iter_mut().zip(rates) {
                    prev = next(prev, 1.0 + multiplier * g);
                    *r = prev;
                }
            }
            Prepared::Logistic { initial, ceiling } => {
                for r in rest {
                    let g = initial * (1.0 - prev / ceiling);
                    prev = next(prev, 1.0 + multiplier * g);
                    *r = prev;
                }
            }
        }
    }
}

/// Next year's revenue from this year's and the growth factor 1 + g. A multiplied rate can
/// fall to -100% or below (a sampled multiplier far above 1 on a shrinking path); revenue then
/// stops at zero, and stays there, instead of turning negative. Clamping each year (not the
/// finished series) matters: a negative factor applied to a negative revenue would turn it
/// positive again. With validated rates and multiplier 1 every factor is positive, so this
/// changes nothing there.
fn next(prev: f64, factor: f64) -> f64 {
    (prev * factor).max(0.0)
}

/// Growth rate g_t of the path model for t = 0..n (g_0 is unused and 0): the constant rate
/// joining consecutive points, from (start_year, base), then `after`.
pub fn path_rates(
    start_year: i32,
    base: f64,
    points: &[(i32, f64)],
    after: f64,
    n: usize,
) -> Vec<f64> {
    let mut rates: Vec<f64> = path_steps(start_year, base, points, n)
        .into_iter()
        .map(|step| step.map_or(after, |factor| factor - 1.0))
        .collect();
    if let Some(g0) = rates.first_mut() {
        *g0 = 0.0;
    }
    rates
}

/// For t = 0..n, the growth factor 1 + g_t of the segment joining two points, or `None` after
/// the last point (where the growth is `after`). The entry for t = 0 is unused.
fn path_steps(start_year: i32, base: f64, points: &[(i32, f64)], n: usize) -> Vec<Option<f64>> {
    let mut steps = vec![Some(1.0); n];
    let mut from = (start_year, base);
    let mut next = points.iter();
    let mut to = next.next().copied();
    for (t, step) in steps.iter_mut().enumerate().skip(1) {
        let year = start_year + t as i32;
        while let Some(point) = to {
            if year > point.0 {
                from = point;
                to = next.next().copied();
            } else {
                break;
            }
        }
        *step = to.map(|(y1, r1)| (r1 / from.1).powf(1.0 / f64::from(y1 - from.0)));
    }
    steps
}
