//! Unit tests of the Monte Carlo's parts: percentiles, and the prepared model against the
//! engine (payments, delays, cancellation, clamping, caps).

use super::model::{Draw, Model, Outcome, MAX_COST_SHARE, MULTIPLIER_CAP};
use super::*;
use crate::engine::{self, CostBasis};
use crate::presets;
use crate::scenario::{
    Credit, Deal, DealValue, Draft, Financing, Growth, Profile, RevenueShare, Shortfall,
};

#[test]
fn percentiles_interpolate_between_sorted_values() {
    // (values, expected p5, p25, p50, p75, p95), worked out by hand with h = p (n - 1)
    let cases: [(&[f64], [f64; 5]); 5] = [
        (&[7.0], [7.0; 5]),
        (&[2.0, 1.0], [1.05, 1.25, 1.5, 1.75, 1.95]),
        (&[5.0, 1.0, 4.0, 2.0, 3.0], [1.2, 2.0, 3.0, 4.0, 4.8]),
        (&[-3.0, 0.0, 3.0], [-2.7, -1.5, 0.0, 1.5, 2.7]),
        (&[4.0; 6], [4.0; 5]),
    ];
    for (values, expected) in cases {
        let got = Percentiles::of(values).unwrap().to_array();
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "input {values:?}: got {got:?}");
        }
    }
    assert_eq!(Percentiles::of(&[]), None);
}

#[test]
fn percentiles_match_a_full_sort() {
    // 1,001 values in a scrambled order: h = 50, 250, 500, 750, 950 exactly.
    let values: Vec<f64> = (0..1001)
        .map(|i| f64::from((i * 7919) % 1001) - 300.0)
        .collect();
    let p = Percentiles::of(&values).unwrap();
    assert_eq!(p.to_array(), [-250.0, -50.0, 200.0, 450.0, 650.0]);
}

/// Keys of many shapes for the radix selection: spread, bunched round one value, straddling
/// zero, one far outlier, many repeats, and exactly the few that are sorted instead.
fn awkward_key_sets() -> Vec<Vec<f64>> {
    let scrambled = |n: u32, f: &dyn Fn(f64) -> f64| -> Vec<f64> {
        (0..n)
            .map(|i| f(f64::from((i * 7919) % n)))
            .collect::<Vec<_>>()
    };
    let mut with_outlier = scrambled(5000, &|x| 100.0 + x * 1e-9);
    with_outlier[17] = -1e300;
    vec![
        scrambled(10_000, &|x| x * 0.37 - 900.0),
        scrambled(10_000, &|x| 250.0 + x * 1e-12),
        scrambled(9_999, &|x| (x - 4000.0) * 1e3),
        with_outlier,
        scrambled(7_000, &|x| (x % 3.0) - 1.0),
        scrambled(4_096, &|x| if x < 4000.0 { 0.0 } else { x }),
        scrambled(24, &|x| -x),
        scrambled(25, &|x| x * x - 30.0),
        scrambled(2, &|x| x),
    ]
}

#[test]
fn selected_ranks_are_those_of_a_full_sort() {
    for values in awkward_key_sets() {
        let n = values.len();
        let keys: Vec<u64> = values.iter().map(|&x| order_key(x)).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        let ranks: Vec<usize> = [0, 1, n / 20, n / 4, n / 2, n / 2 + 1, n - 2, n - 1]
            .into_iter()
            .filter(|&r| r < n)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut out = vec![0; ranks.len()];
        select_ranks(&keys, &ranks, &mut out);
        let want: Vec<u64> = ranks.iter().map(|&r| sorted[r]).collect();
        assert_eq!(out, want, "{n} values, ranks {ranks:?}");
    }
}

/// The percentiles `PERCENTILE.INC` gives over a copy sorted by `f64::total_cmp`.
fn percentiles_by_sorting(values: &[f64]) -> [f64; 5] {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    LEVELS.map(|p| {
        let h = p * (n - 1) as f64;
        let i = (h as usize).min(n - 1);
        let frac = h - i as f64;
        let (lo, hi) = (sorted[i], sorted[(i + 1).min(n - 1)]);
        if frac == 0.0 || lo == hi {
            lo
        } else {
            (lo + frac * (hi - lo)).clamp(lo, hi)
        }
    })
}

#[test]
fn percentiles_of_awkward_values_equal_those_of_a_full_sort() {
    // Through the public path: values spread, bunched, with outliers and repeats, and with a
    // NaN, infinities, the largest floats and both zeros among them.
    let mut sets = awkward_key_sets();
    let with = |i: usize, x: f64| {
        let mut v = sets[0].clone();
        v[i] = x;
        v
    };
    let extra = [
        with(3, f64::NAN),
        with(5, f64::INFINITY),
        with(7, f64::NEG_INFINITY),
        with(9, -f64::MAX),
        with(11, f64::MAX),
        with(13, -0.0),
    ];
    sets.extend(extra);
    sets.push(
        (0..3000)
            .map(|i| if i % 2 == 0 { 0.0 } else { -0.0 })
            .collect(),
    );
    for values in sets {
        let got = Percentiles::of(&values).unwrap().to_array();
        let want = percentiles_by_sorting(&values);
        assert_eq!(
            got.map(f64::to_bits),
            want.map(f64::to_bits),
            "{} values: got {got:?}, expected {want:?}",
            values.len()
        );
    }
}

proptest::proptest! {
    #[test]
    fn percentiles_equal_those_of_a_sorted_copy(
        values in proptest::collection::vec(
            proptest::prop_oneof![
                -1e6..1e6f64,
                proptest::sample::select(vec![0.0, -0.0, 1.0, -1e300, 1e300, 5e-324]),
            ],
            1..400,
        )
    ) {
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let expected = LEVELS.map(|p| {
            let h = p * (n - 1) as f64;
            let i = (h as usize).min(n - 1);
            let frac = h - i as f64;
            let (lo, hi) = (sorted[i], sorted[(i + 1).min(n - 1)]);
            if frac == 0.0 || lo == hi { lo } else { (lo + frac * (hi - lo)).clamp(lo, hi) }
        });
        let got = Percentiles::of(&values).unwrap().to_array();
        proptest::prop_assert_eq!(
            got.map(f64::to_bits),
            expected.map(f64::to_bits),
            "got {:?}, expected {:?}", got, expected
        );
    }
}

#[test]
fn order_keys_sort_like_total_cmp() {
    let mut values = vec![
        3.5,
        -0.0,
        0.0,
        -1e300,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        1e300,
        -2.0,
    ];
    let mut by_key = values.clone();
    by_key.sort_by_key(|&x| order_key(x));
    values.sort_by(f64::total_cmp);
    assert_eq!(
        by_key.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        values.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
    );
    for x in values {
        assert_eq!(from_order_key(order_key(x)).to_bits(), x.to_bits());
    }
}

fn valid(draft: Draft) -> Scenario {
    Scenario::new(draft).expect("test scenario is valid")
}

/// 2025..=2029, revenue 10 flat, opex 20%, revenue share 10% through 2027, no cash.
fn plain() -> Draft {
    let mut d = presets::blank().draft().clone();
    d.start_year = 2025;
    d.end_year = 2029;
    d.deals.clear();
    d.revenue.base = 10.0;
    d.revenue.growth = Growth::Constant { rate: 0.0 };
    d.costs.opex_share = vec![(2025, 0.2)];
    d.costs.revenue_share = RevenueShare {
        rate: 0.1,
        until: 2027,
    };
    d.funding.opening_cash = 0.0;
    d.funding.raises.clear();
    d
}

fn deal(value: f64, start_year: i32, years: i32, firm: bool) -> Deal {
    Deal {
        name: format!("{value} from {start_year}"),
        counterparty: String::new(),
        value: DealValue::total(value),
        start_year,
        years,
        profile: Profile::Even,
        firm,
        include: true,
        source: None,
        note: None,
    }
}

fn outcome(model: &Model, draw: &Draw) -> Outcome {
    let mut out = Outcome::default();
    model.evaluate(draw, &mut out);
    out
}

#[test]
fn undelayed_payments_equal_the_engines_bit_for_bit() {
    for p in presets::PRESETS.iter() {
        let s = p.scenario();
        let basis = CostBasis::new(&s, &engine::counted_schedules(&s));
        let model = Model::new(&s);
        let out = outcome(&model, &Draw::identity(s.deals.len()));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            bits(&out.commitments),
            bits(&basis.payments),
            "preset {}",
            p.id
        );
    }
}

#[test]
fn delays_move_payments_and_deals_under_way_stay_put() {
    let mut d = plain();
    // 4 a year 2024..=2026 (under way), 6 a year 2027..=2029, 10 in 2029 (horizon 2025..=2029)
    d.deals = vec![
        deal(12.0, 2024, 3, true),
        deal(18.0, 2027, 3, true),
        deal(10.0, 2029, 1, true),
    ];
    let model = Model::new(&valid(d));
    let mut draw = Draw::identity(3);
    assert_eq!(
        outcome(&model, &draw).commitments,
        [4.0, 4.0, 6.0, 6.0, 16.0]
    );
    draw.delay = vec![0, 2, 1];
    // the second deal now pays 2029..=2031 (two payments past the horizon), the third 2030
    assert_eq!(
        outcome(&model, &draw).commitments,
        [4.0, 4.0, 0.0, 0.0, 6.0]
    );
    // The tornado's delay leaves the deal under way alone.
    assert_eq!(model.delayed(1).delay, [0, 1, 1]);
    // So does a drawn delay: every sample of a run with delays of up to 3 years.
    let mut d = plain();
    d.deals = vec![deal(12.0, 2024, 3, true), deal(18.0, 2027, 3, true)];
    d.uncertainty = Some(Uncertainty {
        max_delay: 3,
        ..Uncertainty::default()
    });
    let model = Model::new(&valid(d));
    let mut seen = [false; 4];
    for i in 0..200 {
        model.draw(7, i, &mut draw);
        assert_eq!(draw.delay[0], 0);
        seen[draw.delay[1] as usize] = true;
    }
    assert_eq!(seen, [true; 4], "every delay from 0 to 3 occurs");
}

#[test]
fn only_deals_not_firm_are_cancelled() {
    let mut d = plain();
    d.deals = vec![deal(10.0, 2026, 1, true), deal(20.0, 2026, 1, false)];
    d.uncertainty = Some(Uncertainty {
        cancel_chance: 1.0,
        ..Uncertainty::default()
    });
    let model = Model::new(&valid(d));
    let mut draw = Draw::identity(2);
    for i in 0..50 {
        model.draw(1, i, &mut draw);
        assert_eq!(draw.cancelled, [false, true]);
        let out = outcome(&model, &draw);
        assert_eq!(out.commitments.iter().sum::<f64>(), 10.0);
    }
}

#[test]
fn shifted_cost_shares_stay_valid() {
    // opex 20%, revenue share 10% through 2027: a +100-point shift is held at 99.9% less the
    // revenue share, a -100-point shift at 0.
    let model = Model::new(&valid(plain()));
    let mut draw = Draw::identity(0);
    draw.opex_shift = 1.0;
    let out = outcome(&model, &draw);
    let kept = |t: usize| out.available[t] / out.revenue[t];
    for t in 0..3 {
        assert!((kept(t) - (1.0 - MAX_COST_SHARE)).abs() < 1e-12, "year {t}");
    }
    for t in 3..5 {
        assert!((kept(t) - (1.0 - MAX_COST_SHARE)).abs() < 1e-12, "year {t}");
    }
    draw.opex_shift = -1.0;
    let out = outcome(&model, &draw);
    assert!((out.available[0] - 9.0).abs() < 1e-12);
    assert!((out.available[4] - 10.0).abs() < 1e-12);
    // A share above the cap already is never lowered by a positive shift.
    let mut d = plain();
    d.costs.opex_share = vec![(2025, 0.9995)];
    d.costs.revenue_share.rate = 0.0;
    let model = Model::new(&valid(d));
    draw.opex_shift = 0.01;
    let out = outcome(&model, &draw);
    assert!((out.available[0] - 10.0 * (1.0 - 0.9995)).abs() < 1e-12);
}

#[test]
fn growth_multipliers_are_capped() {
    let model = Model::new(&valid(plain()));
    assert_eq!(model.capped_multiplier(1e9), MULTIPLIER_CAP);
    assert_eq!(model.capped_multiplier(0.5), 0.5);
    // A logistic curve keeps its multiplied initial rate at 200% at most.
    let mut d = plain();
    d.revenue.growth = Growth::Logistic {
        initial: 0.8,
        ceiling: 100.0,
    };
    let model = Model::new(&valid(d));
    assert_eq!(model.capped_multiplier(10.0), 2.5);
    assert_eq!(model.capped_multiplier(1.0), 1.0);
}

#[test]
fn a_multiplied_decline_stops_at_zero() {
    // -60% a year times 2 is -120%: revenue stops at 0 (not negative, and not back up).
    let mut d = plain();
    d.revenue.growth = Growth::Constant { rate: -0.6 };
    let model = Model::new(&valid(d));
    let mut draw = Draw::identity(0);
    draw.multiplier = 2.0;
    assert_eq!(outcome(&model, &draw).revenue, [10.0, 0.0, 0.0, 0.0, 0.0]);
}

#[test]
fn the_share_done_runs_from_0_to_1_and_an_empty_run_is_done() {
    let cases = [((0, 0), 1.0), ((0, 4), 0.0), ((1, 4), 0.25), ((4, 4), 1.0)];
    for ((done, total), expected) in cases {
        assert_eq!(share_done(done, total), expected, "{done} of {total}");
    }
}

#[test]
fn the_run_records_every_sample_and_then_summarises_it() {
    let s = presets::anthropic_november_2025();
    let mut run = MonteCarloRun::new(&s);
    assert_eq!((run.done(), run.total(), run.progress()), (0, 5000, 0.0));
    assert_eq!(run.run_chunk(1234), 1234);
    assert!((run.progress() - 0.2468).abs() < 1e-12);
    assert!(!run.is_finished());
    assert_eq!(run.run_chunk(10_000), 5000 - 1234);
    assert!(run.is_finished());
    assert_eq!(run.run_chunk(10), 0);
    // The summary agrees with the samples themselves.
    let samples: Vec<Sample> = (0..5000).map(|i| run.sample(i)).collect();
    let mc = run.finish();
    let short = samples.iter().filter(|s| s.cash_runs_out.is_some()).count();
    assert_eq!(mc.chance_short, short as f64 / 5000.0);
    let mut gaps: Vec<f64> = samples.iter().map(|s| s.funding_gap).collect();
    gaps.sort_by(f64::total_cmp);
    assert_eq!(mc.funding_gap.p50, 0.5 * (gaps[2499] + gaps[2500]));
    let never = samples
        .iter()
        .filter(|s| s.break_even_year.is_none())
        .count();
    assert_eq!(mc.break_even.not_within_horizon, never);
    let counted: usize = mc.break_even.by_year.iter().map(|c| c.count).sum();
    assert_eq!(counted + never, 5000);
    let last = mc.years.last().unwrap();
    assert_eq!(last.short_by, mc.chance_short);
}

fn supplier_deal(value: f64, counterparty: &str, firm: bool) -> Deal {
    Deal {
        counterparty: counterparty.to_string(),
        ..deal(value, 2025, 5, firm)
    }
}

fn financed(d: &mut Draft, min_cash: f64, credit: Option<(f64, f64)>) {
    d.financing = Some(Financing {
        min_cash,
        credit: credit.map(|(limit, rate)| Credit { limit, rate }),
        shortfall: Shortfall::Unpaid,
        note: None,
    });
}

#[test]
fn every_sample_leaves_payments_unpaid_when_the_payments_exceed_all_revenue() {
    // Revenue 10 a year, payments 40 a year, no cash and no credit: whatever the draws, at
    // least 30 of each year's 40 goes unpaid.
    let mut d = plain();
    d.deals = vec![
        supplier_deal(100.0, "Oracle", true),
        supplier_deal(50.0, " oracle ", true),
        supplier_deal(50.0, "AWS", true),
    ];
    financed(&mut d, 0.0, None);
    let s = valid(d);
    let mc = monte_carlo(&s);
    let f = mc
        .financing
        .as_ref()
        .expect("a financing section gives financing odds");
    assert_eq!(f.chance_unpaid, 1.0);
    assert!(
        f.unpaid.p5 >= 150.0 && f.unpaid.p95 <= 200.0,
        "{:?}",
        f.unpaid
    );
    assert!(f.unpaid.p5 <= f.expected_unpaid && f.expected_unpaid <= f.unpaid.p95);
    // One entry per counterparty, spelt and ordered as the projection's.
    let names: Vec<&str> = f
        .unpaid_by_counterparty
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Oracle", "AWS"]);
    let projection = engine::project(&s);
    let projected: Vec<&str> = projection
        .counterparties
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, projected);
    // Shared pro rata: Oracle is due three times what AWS is, in every year of every sample.
    let [oracle, aws] = [0, 1].map(|i| f.unpaid_by_counterparty[i].amount);
    assert!(
        (oracle - 3.0 * aws).abs() < 1e-9 * oracle,
        "{oracle} vs {aws}"
    );
    assert!((oracle + aws - f.expected_unpaid).abs() < 1e-9 * f.expected_unpaid);
    // No credit line: nothing is ever borrowed.
    assert_eq!(f.chance_borrowing, 0.0);
    assert_eq!(f.peak_debt, ZERO);
}

#[test]
fn no_sample_leaves_payments_unpaid_when_revenue_always_covers_them() {
    // Revenue 100 a year against payments of 2 a year: even the highest cost shift leaves
    // 0.1 of every 100, and 10 of opening cash covers the rest.
    let mut d = plain();
    d.revenue.base = 100.0;
    d.funding.opening_cash = 10.0;
    d.deals = vec![supplier_deal(10.0, "Nvidia", false)];
    financed(&mut d, 0.0, Some((50.0, 0.05)));
    let mc = monte_carlo(&valid(d));
    let f = mc.financing.expect("financing odds");
    assert_eq!((f.chance_unpaid, f.expected_unpaid), (0.0, 0.0));
    assert_eq!(f.unpaid, ZERO);
    assert_eq!(
        f.unpaid_by_counterparty,
        [NamedAmount {
            name: "Nvidia".into(),
            amount: 0.0
        }]
    );
    assert_eq!(f.chance_borrowing, 0.0);
}

#[test]
fn financing_odds_agree_with_the_samples_themselves() {
    // Some samples cancel the big deal (no shortfall), others keep it (a shortfall the credit
    // line covers only in part): every figure is the samples' own, however the run is chunked.
    let mut d = plain();
    d.funding.opening_cash = 5.0;
    d.deals = vec![
        supplier_deal(60.0, "Oracle", false),
        supplier_deal(15.0, "CoreWeave", true),
    ];
    financed(&mut d, 1.0, Some((12.0, 0.1)));
    d.uncertainty = Some(Uncertainty {
        cancel_chance: 0.5,
        samples: 400,
        ..Uncertainty::default()
    });
    let s = valid(d);
    let mut run = MonteCarloRun::new(&s);
    while run.run_chunk(37) > 0 {}
    let samples: Vec<Sample> = (0..400).map(|i| run.sample(i)).collect();
    let mc = run.finish();
    assert_eq!(mc, monte_carlo(&s), "chunking changes nothing");
    let f = mc.financing.expect("financing odds");
    let share = |n: usize| n as f64 / 400.0;
    let unpaid = samples.iter().filter(|s| s.total_unpaid > 0.0).count();
    assert_eq!(f.chance_unpaid, share(unpaid));
    assert!(
        f.chance_unpaid > 0.2 && f.chance_unpaid < 0.8,
        "{}",
        f.chance_unpaid
    );
    let mean = |x: f64| x / 400.0;
    let total = samples.iter().fold(0.0, |a, s| a + s.total_unpaid);
    assert_eq!(f.expected_unpaid, mean(total));
    for (i, c) in f.unpaid_by_counterparty.iter().enumerate() {
        let sum = samples
            .iter()
            .fold(0.0, |a, s| a + s.unpaid_by_counterparty[i].amount);
        assert!(
            (c.amount - mean(sum)).abs() <= 1e-12 * mean(sum),
            "{}",
            c.name
        );
    }
    let by_party: f64 = f.unpaid_by_counterparty.iter().map(|c| c.amount).sum();
    assert!((by_party - f.expected_unpaid).abs() < 1e-9 * f.expected_unpaid);
    let borrowing = samples.iter().filter(|s| s.peak_debt > 0.0).count();
    assert_eq!(f.chance_borrowing, share(borrowing));
    assert!(f.peak_debt.p95 <= 12.0, "debt never exceeds the limit");
    let mut peaks: Vec<f64> = samples.iter().map(|s| s.peak_debt).collect();
    peaks.sort_by(f64::total_cmp);
    assert_eq!(f.peak_debt.p50, 0.5 * (peaks[199] + peaks[200]));
    // A cancelled deal is never left unpaid.
    for s in &samples {
        if s.deals[0].cancelled {
            assert_eq!(s.unpaid_by_counterparty[0].amount, 0.0);
        }
    }
}
