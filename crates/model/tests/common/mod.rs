//! Shared strategies for the host property tests: valid scenarios spread over everything
//! validation allows (the generator first written for `tests/engine_properties.rs`), hostile
//! text, and a check that a projection holds only finite numbers. A test file uses it with
//! `mod common;`.
// Each test binary compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use coverage_model::engine::{Projection, RequiredGrowth};
use coverage_model::scenario::{
    Costs, Deal, DealValue, Draft, Funding, Growth, Profile, Raise, Revenue, RevenueShare,
    Scenario, MAX_MONEY, MAX_RATE,
};
use proptest::prelude::*;

/// Relative tolerance for sums that should be equal up to rounding.
pub const TOLERANCE: f64 = 1e-9;
pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;

/// A positive amount of money, spread over many orders of magnitude, with the edges included.
pub fn money() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (-3.0f64..=6.0).prop_map(|e| 10f64.powf(e).min(MAX_MONEY)),
        1 => prop_oneof![Just(MAX_MONEY), Just(1e-300), Just(f64::MIN_POSITIVE), Just(1e-6)],
    ]
}

/// A growth rate within validation's range (-100%, 10,000%], mostly realistic.
pub fn rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -0.5f64..=2.0,
        2 => -0.999_999f64..=MAX_RATE,
        1 => prop_oneof![Just(MAX_RATE), Just(-0.999_999), Just(0.0)],
    ]
}

pub fn deal_value() -> impl Strategy<Value = DealValue> {
    prop_oneof![
        money().prop_map(DealValue::total),
        // gw in (0, 10,000] and gw * per_gw <= MAX_MONEY
        ((-3.0f64..=4.0), (1e-9f64..=0.999)).prop_map(|(e, f)| {
            let gw = 10f64.powf(e);
            DealValue::capacity(gw, (MAX_MONEY / gw * f).min(MAX_MONEY))
        }),
    ]
}

pub fn profile(years: i32) -> impl Strategy<Value = Profile> {
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

pub fn deal() -> impl Strategy<Value = Deal> {
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
pub fn revenue(start_year: i32) -> impl Strategy<Value = Revenue> {
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

pub fn costs() -> impl Strategy<Value = Costs> {
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

pub fn funding() -> impl Strategy<Value = Funding> {
    let cash = prop_oneof![-100.0f64..=100.0, -MAX_MONEY..=MAX_MONEY, Just(-MAX_MONEY)];
    let raises = proptest::collection::vec(
        (MIN_YEAR..=MAX_YEAR, prop_oneof![0.0f64..=100.0, money()]),
        0..=3,
    );
    (cash, raises).prop_map(|(opening_cash, raises)| Funding {
        opening_cash,
        raises: raises
            .into_iter()
            .map(|(year, amount)| Raise::new(year, amount))
            .collect(),
    })
}

/// Drafts built within the validated ranges, so all of them are valid.
pub fn draft() -> impl Strategy<Value = Draft> {
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
                    financing: None,
                    firm_only,
                    discount_rate,
                    markers: Vec::new(),
                    uncertainty: None,
                },
            )
    })
}

pub fn scenario() -> impl Strategy<Value = Scenario> {
    draft().prop_filter_map("invalid draft", |d| Scenario::new(d).ok())
}

pub fn all_finite(p: &Projection) -> Result<(), String> {
    let mut bad = Vec::new();
    let mut check = |what: &str, x: f64| {
        if !x.is_finite() {
            bad.push(format!("{what} = {x}"));
        }
    };
    for r in &p.rows {
        let y = r.year;
        for (name, x) in [
            ("revenue", r.revenue),
            ("revenue_share", r.revenue_share),
            ("other_costs", r.other_costs),
            ("available", r.available),
            ("commitments", r.commitments),
            ("net_cash_flow", r.net_cash_flow),
            ("raised", r.raised),
            ("cash", r.cash),
        ] {
            check(&format!("{y} {name}"), x);
        }
        if let Some(c) = r.coverage {
            check(&format!("{y} coverage"), c);
        }
        if let Some(c) = r.revenue_coverage {
            check(&format!("{y} revenue coverage"), c);
        }
    }
    for d in &p.deals {
        check("deal value", d.value);
        check("deal before", d.before_horizon);
        check("deal after", d.after_horizon);
        for x in &d.payments {
            check("deal payment", *x);
        }
    }
    let s = &p.summary;
    for (name, x) in [
        ("total_commitments", s.total_commitments),
        ("payments_before_horizon", s.payments_before_horizon),
        ("payments_after_horizon", s.payments_after_horizon),
        ("lowest_cash", s.lowest_cash.value),
        ("funding_gap", s.funding_gap),
        ("cumulative_burn", s.cumulative_burn),
        ("pv_commitments", s.pv_commitments),
        ("pv_available", s.pv_available),
        ("raised_outside_horizon", s.raised_outside_horizon),
    ] {
        check(name, x);
    }
    if let Some(peak) = s.peak_payment {
        check("peak payment", peak.value);
    }
    if let RequiredGrowth::Reachable(g) = s.required_growth {
        check("required growth", g);
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(bad.join(", "))
    }
}

/// Text a hostile link or file may carry in a name: markup and script, right-to-left and
/// emoji, control characters, quotes and CSV specials, or anything at all.
pub fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>window.__pwned=1</script>".to_string()),
        Just("<img src=x onerror=\"window.__pwned=1\">".to_string()),
        Just("\"><svg onload=alert(1)>".to_string()),
        Just("=HYPERLINK(\"http://x\")".to_string()),
        Just("שלום עולם \u{202e}gnp.exe".to_string()),
        Just("💸🤖📈 👩‍👩‍👧‍👦".to_string()),
        Just("a,b\r\n\"c\"".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m".to_string()),
        "[\\PC]{1,80}",
        any::<String>(),
    ]
}

/// A valid scenario whose names (scenario, deals, counterparties) are hostile text, cut to the
/// length validation allows.
pub fn named_scenario() -> impl Strategy<Value = Scenario> {
    (
        draft(),
        hostile_text(),
        proptest::collection::vec(hostile_text(), 8),
    )
        .prop_filter_map("invalid draft", |(mut d, name, names)| {
            let fit = |s: &str| -> String {
                let t: String = s.chars().take(scenario_max_name()).collect();
                if t.trim().is_empty() {
                    "x".into()
                } else {
                    t
                }
            };
            d.name = fit(&name);
            for (deal, n) in d.deals.iter_mut().zip(&names) {
                deal.name = fit(n);
                deal.counterparty = fit(&n.chars().rev().collect::<String>());
            }
            Scenario::new(d).ok()
        })
}

fn scenario_max_name() -> usize {
    coverage_model::scenario::MAX_NAME_CHARS
}
