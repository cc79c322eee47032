//! Adjustments behind the embed's key controls: scale the growth of any growth model, shift the
//! non-compute cost share. Each returns a new draft, which is validated again before use.

use crate::scenario::{Draft, Growth};

/// Scales growth in log terms: every compound growth factor (1 + g) becomes (1 + g)^m, so
/// m = 1 is the scenario itself, m = 0.5 half the growth, m = 1.5 half again as much. For the
/// path model the points move so the growth between them scales the same way.
pub fn scale_growth(draft: &Draft, m: f64) -> Draft {
    let mut d = draft.clone();
    let scale = |g: f64| (1.0 + g).powf(m) - 1.0;
    d.revenue.growth = match &draft.revenue.growth {
        Growth::Constant { rate } => Growth::Constant { rate: scale(*rate) },
        Growth::Decaying {
            initial,
            decay,
            floor,
        } => Growth::Decaying {
            initial: scale(*initial),
            decay: *decay,
            floor: scale(*floor),
        },
        Growth::Logistic { initial, ceiling } => Growth::Logistic {
            initial: (initial * m).min(2.0),
            ceiling: *ceiling,
        },
        Growth::Path { points, after } => {
            let base = draft.revenue.base;
            Growth::Path {
                points: points
                    .iter()
                    .map(|&(y, r)| (y, base * (r / base).powf(m)))
                    .collect(),
                after: scale(*after),
            }
        }
    };
    d
}

/// Adds `delta` to every non-compute share anchor, kept between 0 and just under what the
/// revenue share leaves.
pub fn shift_opex(draft: &Draft, delta: f64) -> Draft {
    let mut d = draft.clone();
    let max = (0.95 - draft.costs.revenue_share.rate).max(0.0);
    for anchor in &mut d.costs.opex_share {
        anchor.1 = (anchor.1 + delta).clamp(0.0, max);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::{engine, presets};

    #[test]
    fn unit_multiplier_changes_nothing() {
        for p in presets::PRESETS.iter() {
            let s = p.scenario();
            let d = scale_growth(s.draft(), 1.0);
            let a = engine::project(&s);
            let b = engine::project(&Scenario::new(d).unwrap());
            for (x, y) in a.rows.iter().zip(&b.rows) {
                assert!(
                    (x.revenue - y.revenue).abs() <= 1e-9 * x.revenue.abs().max(1.0),
                    "{}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn more_growth_more_revenue_less_gap() {
        let s = presets::openai_november_2025();
        let lo = engine::project(&Scenario::new(scale_growth(s.draft(), 0.8)).unwrap());
        let hi = engine::project(&Scenario::new(scale_growth(s.draft(), 1.2)).unwrap());
        assert!(hi.rows.last().unwrap().revenue > lo.rows.last().unwrap().revenue);
        assert!(hi.summary.funding_gap < lo.summary.funding_gap);
    }

    #[test]
    fn opex_shift_stays_valid() {
        let s = presets::openai_november_2025();
        for delta in [-1.0, -0.1, 0.1, 1.0] {
            assert!(
                Scenario::new(shift_opex(s.draft(), delta)).is_ok(),
                "delta {delta}"
            );
        }
        let up = shift_opex(s.draft(), 0.05);
        assert!((up.costs.opex_share[0].1 - 0.40).abs() < 1e-12);
    }
}
