//! Properties of the Monte Carlo and the tornado over arbitrary valid scenarios with arbitrary
//! valid uncertainty settings (proptest): no sample and no output is ever NaN or infinite,
//! percentiles are ordered, collapsed ranges give the projection exactly — also at the extremes
//! validation allows. The scenario generator is the shared one in `tests/common/mod.rs`.
#![cfg(not(target_arch = "wasm32"))]

use coverage_model::engine;
use coverage_model::scenario::{
    Costs, Deal, DealValue, Draft, Funding, Growth, Profile, Raise, Revenue, RevenueShare,
    Scenario, Uncertainty, MAX_DEALS, MAX_GROWTH_MULTIPLIER, MAX_MONEY, MAX_RATE,
};
use coverage_model::sensitivity::tornado;
use coverage_model::uncertainty::{MonteCarlo, MonteCarloRun, Percentiles, Sample};
use proptest::prelude::*;

mod common;
use common::{draft, scenario};

/// An end of a growth multiplier interval: mostly realistic, sometimes at the limits.
fn multiplier_end() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.1f64..=3.0,
        2 => 1e-6f64..=MAX_GROWTH_MULTIPLIER,
        1 => prop_oneof![Just(MAX_GROWTH_MULTIPLIER), Just(1e-300), Just(1.0)],
    ]
}

fn shift_end() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -0.2f64..=0.2,
        2 => -1.0f64..=1.0,
        1 => prop_oneof![Just(-1.0), Just(1.0), Just(0.0)],
    ]
}

/// Valid uncertainty settings (few samples, to keep the property fast).
fn settings() -> impl Strategy<Value = Uncertainty> {
    (
        (multiplier_end(), multiplier_end()),
        (shift_end(), shift_end()),
        prop_oneof![0.0f64..=1.0, Just(0.0), Just(1.0)],
        0u32..=10,
        100u32..=300,
        any::<u64>(),
    )
        .prop_map(
            |((a, b), (c, d), cancel_chance, max_delay, samples, seed)| Uncertainty {
                growth_multiplier: (a.min(b), a.max(b)),
                opex_shift: (c.min(d), c.max(d)),
                cancel_chance,
                max_delay,
                samples,
                seed,
                ..Uncertainty::default()
            },
        )
}

fn uncertain_scenario() -> impl Strategy<Value = Scenario> {
    (draft(), settings()).prop_filter_map("invalid draft", |(mut d, u)| {
        d.uncertainty = Some(u);
        Scenario::new(d).ok()
    })
}

fn finite_bands(p: &Percentiles, what: &str) -> Result<(), String> {
    let a = p.to_array();
    if !a.iter().all(|x| x.is_finite()) {
        return Err(format!("{what}: not finite {a:?}"));
    }
    if !a.windows(2).all(|w| w[0] <= w[1]) {
        return Err(format!("{what}: out of order {a:?}"));
    }
    Ok(())
}

fn check_run(mc: &MonteCarlo) -> Result<(), String> {
    for band in &mc.years {
        finite_bands(&band.revenue, &format!("{} revenue", band.year))?;
        finite_bands(&band.cash, &format!("{} cash", band.year))?;
        if let Some(c) = &band.coverage {
            finite_bands(c, &format!("{} coverage", band.year))?;
        }
        if band.revenue.p5 < 0.0 {
            return Err(format!("{}: negative revenue", band.year));
        }
        for share in [band.with_payments, band.short_by] {
            if !(0.0..=1.0).contains(&share) {
                return Err(format!("{}: share {share}", band.year));
            }
        }
    }
    finite_bands(&mc.funding_gap, "gap")?;
    if !(0.0..=1.0).contains(&mc.chance_short) {
        return Err(format!("chance {}", mc.chance_short));
    }
    let counted: usize = mc.break_even.by_year.iter().map(|c| c.count).sum();
    if counted + mc.break_even.not_within_horizon != mc.samples {
        return Err("break-even counts do not add up".into());
    }
    Ok(())
}

fn check_sample(s: &Sample) -> Result<(), String> {
    let numbers = [s.multiplier, s.opex_shift, s.funding_gap];
    if !numbers.iter().all(|x| x.is_finite()) {
        return Err(format!("draw {numbers:?}"));
    }
    for r in &s.rows {
        let values = [
            r.revenue,
            r.available,
            r.commitments,
            r.net_cash_flow,
            r.cash,
        ];
        if !values.iter().all(|x| x.is_finite()) || !r.coverage.is_none_or(f64::is_finite) {
            return Err(format!("{}: {r:?}", r.year));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_sample_or_output_is_nan_or_infinite(s in uncertain_scenario()) {
        let run = MonteCarloRun::new(&s);
        for i in [0, 1, 2, 99] {
            let sample = run.sample(i);
            prop_assert!(check_sample(&sample).is_ok(), "sample {i}: {:?}", check_sample(&sample));
        }
        let mc = run.finish();
        prop_assert!(check_run(&mc).is_ok(), "{:?}", check_run(&mc));
        let t = tornado(&s);
        prop_assert!(t.funding_gap.is_finite());
        for bar in &t.bars {
            prop_assert!(bar.low.funding_gap.is_finite() && bar.high.funding_gap.is_finite());
            prop_assert!(bar.low.value.is_finite() && bar.high.value.is_finite());
        }
        prop_assert!(t.bars.windows(2).all(|w| w[0].swing() >= w[1].swing()));
    }

    #[test]
    fn collapsed_ranges_give_the_projection_for_any_scenario(s in scenario(), seed in any::<u64>()) {
        let mut d = s.draft().clone();
        d.uncertainty = Some(Uncertainty {
            growth_multiplier: (1.0, 1.0),
            opex_shift: (0.0, 0.0),
            cancel_chance: 0.0,
            max_delay: 0,
            samples: 100,
            seed,
            ..Uncertainty::default()
        });
        let s = Scenario::new(d).unwrap();
        let p = engine::project(&s);
        let sample = MonteCarloRun::new(&s).sample(seed as usize % 1000);
        for (got, want) in sample.rows.iter().zip(&p.rows) {
            prop_assert_eq!(got.revenue.to_bits(), want.revenue.to_bits());
            prop_assert_eq!(got.cash.to_bits(), want.cash.to_bits());
            prop_assert_eq!(got.coverage.map(f64::to_bits), want.coverage.map(f64::to_bits));
        }
        prop_assert_eq!(sample.funding_gap.to_bits(), p.summary.funding_gap.to_bits());
        prop_assert_eq!(sample.break_even_year, p.summary.break_even_year);
    }
}

/// The largest scenario validation allows (as in `tests/engine_properties.rs`): 50 years at
/// 10,000% growth from $1,000,000B, 100 deals of $1,000,000B each, with the widest ranges.
#[test]
fn extreme_but_valid_settings_stay_finite() {
    let deals: Vec<Deal> = (0..MAX_DEALS)
        .map(|i| Deal {
            name: format!("deal {i}"),
            counterparty: String::new(),
            value: DealValue::total(MAX_MONEY),
            start_year: 2051 + (i as i32 % 50),
            years: 30,
            profile: if i % 2 == 0 {
                Profile::Fleet { growth: MAX_RATE }
            } else {
                Profile::FrontLoaded
            },
            firm: i % 3 == 0,
            include: true,
            source: None,
            note: None,
        })
        .collect();
    let growths = [
        Growth::Constant { rate: MAX_RATE },
        Growth::Constant { rate: -0.999_999 },
        Growth::Path {
            points: vec![(2052, 1e-6), (2100, MAX_MONEY)],
            after: MAX_RATE,
        },
        Growth::Logistic {
            initial: 2.0,
            ceiling: MAX_MONEY,
        },
    ];
    let ranges = [
        ((MAX_GROWTH_MULTIPLIER, MAX_GROWTH_MULTIPLIER), (1.0, 1.0)),
        ((1e-300, MAX_GROWTH_MULTIPLIER), (-1.0, 1.0)),
        ((1e-3, MAX_GROWTH_MULTIPLIER), (-1.0, -1.0)),
    ];
    for growth in growths {
        for (growth_multiplier, opex_shift) in ranges {
            let base = if matches!(growth, Growth::Logistic { .. }) {
                1.0
            } else {
                MAX_MONEY
            };
            let d = Draft {
                version: 1,
                name: "extreme".into(),
                as_of: None,
                start_year: 2051,
                end_year: 2100,
                deals: deals.clone(),
                revenue: Revenue {
                    base,
                    growth: growth.clone(),
                },
                costs: Costs {
                    opex_share: vec![(2051, 0.0), (2100, 0.999_999)],
                    revenue_share: RevenueShare {
                        rate: 0.0,
                        until: 2051,
                    },
                },
                funding: Funding {
                    opening_cash: -MAX_MONEY,
                    raises: vec![Raise::new(2060, MAX_MONEY); 100],
                },
                financing: None,
                firm_only: false,
                discount_rate: 1.0,
                markers: Vec::new(),
                uncertainty: Some(Uncertainty {
                    growth_multiplier,
                    opex_shift,
                    cancel_chance: 0.5,
                    max_delay: 10,
                    samples: 300,
                    seed: 1,
                    ..Uncertainty::default()
                }),
            };
            let s = Scenario::new(d).unwrap_or_else(|e| panic!("input {growth:?}: {e}"));
            let run = MonteCarloRun::new(&s);
            for i in 0..20 {
                let sample = run.sample(i);
                assert!(
                    check_sample(&sample).is_ok(),
                    "input {growth:?} {growth_multiplier:?}: {:?}",
                    check_sample(&sample)
                );
            }
            let mc = run.finish();
            assert!(
                check_run(&mc).is_ok(),
                "input {growth:?} {growth_multiplier:?}: {:?}",
                check_run(&mc)
            );
            let t = tornado(&s);
            assert!(t
                .bars
                .iter()
                .all(|b| b.low.funding_gap.is_finite() && b.high.funding_gap.is_finite()));
        }
    }
}
