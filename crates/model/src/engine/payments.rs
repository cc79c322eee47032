//! Deal payment schedules: the weights of each payment profile and where each payment falls
//! relative to the horizon (before it, in it, after it — never silently dropped).

use crate::scenario::{Deal, Profile, Scenario};

/// Where one deal's payments fall.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Index of the deal in the scenario.
    pub index: usize,
    /// The deal's value V.
    pub value: f64,
    /// Payment per year of the horizon.
    pub in_horizon: Vec<f64>,
    /// Total due before the horizon.
    pub before: f64,
    /// Total due after the horizon.
    pub after: f64,
}

/// The unnormalised weights w_1..w_n of a profile over `years` years.
///
/// # Examples
/// ```
/// use coverage_model::{engine::deal_weights, scenario::Profile};
/// assert_eq!(deal_weights(&Profile::RampUp, 3), vec![1.0, 2.0, 3.0]);
/// assert_eq!(deal_weights(&Profile::Fleet { growth: 1.0 }, 3), vec![1.0, 3.0, 7.0]);
/// ```
pub fn deal_weights(profile: &Profile, years: usize) -> Vec<f64> {
    match profile {
        Profile::Even => vec![1.0; years],
        Profile::RampUp => (1..=years).map(|k| k as f64).collect(),
        Profile::FrontLoaded => (1..=years).map(|k| (years - k + 1) as f64).collect(),
        Profile::Fleet { growth } => {
            // w_k = sum_{j<k} (1+g)^j: capacity added each year, each increment paid while in service.
            let mut weights = Vec::with_capacity(years);
            let (mut increment, mut total) = (1.0, 0.0);
            for _ in 0..years {
                total += increment;
                weights.push(total);
                increment *= 1.0 + growth;
            }
            weights
        }
        Profile::Custom { weights } => weights.clone(),
    }
}

/// The payment schedule of deal `index` against the scenario's horizon.
pub fn schedule(scenario: &Scenario, index: usize, deal: &Deal) -> Schedule {
    let n = deal.years.max(0) as usize;
    let weights = deal_weights(&deal.profile, n);
    let sum: f64 = weights.iter().sum();
    let value = deal.value.amount();
    let mut in_horizon = vec![0.0; scenario.horizon_len()];
    let (mut before, mut after) = (0.0, 0.0);
    if sum > 0.0 {
        for (k, w) in weights.iter().enumerate() {
            // w / sum first: value * w could underflow to 0 for tiny values and weights.
            let payment = value * (w / sum);
            let year = deal.start_year + k as i32;
            if year < scenario.start_year {
                before += payment;
            } else if year > scenario.end_year {
                after += payment;
            } else {
                in_horizon[(year - scenario.start_year) as usize] += payment;
            }
        }
    }
    Schedule {
        index,
        value,
        in_horizon,
        before,
        after,
    }
}
