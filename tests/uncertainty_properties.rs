//! Properties of the Monte Carlo and the tornado over arbitrary valid scenarios with arbitrary
//! valid uncertainty settings (proptest): no sample and no output is ever NaN or infinite,
//! percentiles are ordered, collapsed ranges give the projection exactly — also at the extremes
//! validation allows. The scenario generator is the one of `tests/engine_properties.rs`
//! (copied: integration tests cannot share code without a helper module).
#![cfg(not(target_arch = "wasm32"))]

use compute_coverage::engine;
use compute_coverage::scenario::{
    Costs, Deal, DealValue, Draft, Funding, Growth, Profile, Revenue, RevenueShare, Scenario,
    Uncertainty, MAX_DEALS, MAX_GROWTH_MULTIPLIER, MAX_MONEY, MAX_RATE,
};
use compute_coverage::sensitivity::tornado;
use compute_coverage::uncertainty::{MonteCarlo, MonteCarloRun, Percentiles, Sample};
use proptest::prelude::*;

const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

/// A positive amount of money, spread over many orders of magnitude, with the edges included.
fn money() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (-3.0f64..=6.0).prop_map(|e| 10f64.powf(e).min(MAX_MONEY)),
        1 => prop_oneof![Just(MAX_MONEY), Just(1e-300), Just(f64::MIN_POSITIVE), Just(1e-6)],
    ]
}

/// A growth rate within validation's range (-100%, 10,000%], mostly realistic.
fn rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -0.5f64..=2.0,
        2 => -0.999_999f64..=MAX_RATE,
        1 => prop_oneof![Just(MAX_RATE), Just(-0.999_999), Just(0.0)],
    ]
}

fn deal_value() -> impl Strategy<Value = DealValue> {
    prop_oneof![
        money().prop_map(DealValue::total),
        // gw in (0, 10,000] and gw * per_gw <= MAX_MONEY
        ((-3.0f64..=4.0), (1e-9f64..=0.999)).prop_map(|(e, f)| {
            let gw = 10f64.powf(e);
            DealValue::capacity(gw, (MAX_MONEY / gw * f).min(MAX_MONEY))
        }),
    ]
}

fn profile(years: i32) -> impl Strategy<Value = Profile> {
    let weight = prop_oneof![Just(0.0), 0.0f64..=10.0, 0.0f64..=MAX_MONEY, Just(1e-300)];
    prop_oneof![
        Just(Profile::Even),
        Just(Profile::RampUp),
        Just(Profile::FrontLoaded),
        rate().prop_map(|growth| Profile::Fleet { growth }),
        proptest::collection::vec(weight, years as usize).prop_map(|mut weights| {
            if weights.iter().sum::<f64>() <= 0.0 {
                weights[0] = 1.0;
            }
            Profile::Custom { weights }
        }),
    ]
}

fn deal() -> impl Strategy<Value = Deal> {
    prop_oneof![1..=7i32, 1..=30i32]
        .prop_flat_map(|years| {
            (
                deal_value(),
                MIN_YEAR..=MAX_YEAR,
                Just(years),
                profile(years),
                any::<bool>(),
                any::<bool>(),
            )
        })
        .prop_map(|(value, start_year, years, profile, firm, include)| Deal {
            name: "deal".into(),
            counterparty: "counterparty".into(),
            value,
            start_year,
            years,
            profile,
            firm,
            include,
            source: None,
            note: None,
        })
}

/// Revenue and a growth model valid from `start_year` (for logistic, the base is lowered if
/// needed to leave room under the ceiling).
fn revenue(start_year: i32) -> impl Strategy<Value = Revenue> {
    let constant = rate().prop_map(|rate| Growth::Constant { rate });
    let decaying = (rate(), prop_oneof![1e-6f64..=1.0, Just(1.0)], rate()).prop_map(
        |(initial, decay, floor)| Growth::Decaying {
            initial,
            decay,
            floor,
        },
    );
    // The ceiling is set relative to the base below.
    let logistic =
        (prop_oneof![1e-6f64..=2.0, Just(2.0)], 1.001f64..=100.0).prop_map(|(initial, ratio)| {
            Growth::Logistic {
                initial,
                ceiling: ratio,
            }
        });
    let steps = proptest::collection::vec((1..=5i32, -0.99f64..=50.0), 0..=6);
    let path = (steps, rate());
    (
        money(),
        prop_oneof![
            constant.prop_map(|g| (g, None)),
            decaying.prop_map(|g| (g, None)),
            logistic.prop_map(|g| (g, None)),
            path.prop_map(|p| (Growth::Constant { rate: 0.0 }, Some(p))),
        ],
    )
        .prop_map(move |(base, (growth, path))| match (growth, path) {
            (
                Growth::Logistic {
                    initial,
                    ceiling: ratio,
                },
                _,
            ) => {
                // ceiling = base * ratio within MAX_MONEY, above the base
                let base = base.min(MAX_MONEY / ratio);
                Revenue {
                    base,
                    growth: Growth::Logistic {
                        initial,
                        // rounding can put base * ratio an ulp above the maximum
                        ceiling: (base * ratio).min(MAX_MONEY),
                    },
                }
            }
            (_, Some((steps, after))) => {
                // points after the start, each reached at under 5,100% a year
                let mut points = Vec::new();
                let (mut year, mut prev) = (start_year, base);
                for (gap, r) in steps {
                    year += gap;
                    if year > MAX_YEAR {
                        break;
                    }
                    prev = (prev * (1.0 + r).powi(gap)).min(MAX_MONEY);
                    if prev <= 0.0 {
                        break;
                    }
                    points.push((year, prev));
                }
                Revenue {
                    base,
                    growth: Growth::Path { points, after },
                }
            }
            (growth, None) => Revenue { base, growth },
        })
}

fn costs() -> impl Strategy<Value = Costs> {
    // Shares below 60% and a revenue share below 39%: never 100% together.
    let anchors = proptest::collection::vec((MIN_YEAR..=MAX_YEAR, 0.0f64..0.6), 1..=4);
    (anchors, 0.0f64..0.39, MIN_YEAR..=MAX_YEAR).prop_map(|(mut anchors, rate, until)| {
        anchors.sort_by_key(|a| a.0);
        anchors.dedup_by_key(|a| a.0);
        Costs {
            opex_share: anchors,
            revenue_share: RevenueShare { rate, until },
        }
    })
}

fn funding() -> impl Strategy<Value = Funding> {
    let cash = prop_oneof![-100.0f64..=100.0, -MAX_MONEY..=MAX_MONEY, Just(-MAX_MONEY)];
    let raises = proptest::collection::vec(
        (MIN_YEAR..=MAX_YEAR, prop_oneof![0.0f64..=100.0, money()]),
        0..=3,
    );
    (cash, raises).prop_map(|(opening_cash, raises)| Funding {
        opening_cash,
        raises,
    })
}

/// Drafts built within the validated ranges, so all of them are valid.
fn draft() -> impl Strategy<Value = Draft> {
    let horizon = (
        MIN_YEAR..=MAX_YEAR,
        prop_oneof![1..=15i32, 1..=50i32, Just(50)],
    )
        .prop_map(|(start, len)| (start, (start + len - 1).min(MAX_YEAR)));
    horizon.prop_flat_map(|(start_year, end_year)| {
        (
            proptest::collection::vec(deal(), 0..=8),
            revenue(start_year),
            costs(),
            funding(),
            any::<bool>(),
            prop_oneof![0.0f64..=0.2, 0.0f64..=1.0],
        )
            .prop_map(
                move |(deals, revenue, costs, funding, firm_only, discount_rate)| Draft {
                    version: 1,
                    name: "generated".into(),
                    as_of: None,
                    start_year,
                    end_year,
                    deals,
                    revenue,
                    costs,
                    funding,
                    firm_only,
                    discount_rate,
                    markers: Vec::new(),
                    uncertainty: None,
                },
            )
    })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    draft().prop_filter_map("invalid draft", |d| Scenario::new(d).ok())
}

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
                    raises: vec![(2060, MAX_MONEY); 100],
                },
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
