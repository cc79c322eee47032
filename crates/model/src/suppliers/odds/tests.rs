//! The suppliers' odds checked by hand (a company that never runs short, one that always does)
//! and against each company's own Monte Carlo (the pairing of samples, the expected amounts).

use super::super::tests::{close, company, deal, pair};
use super::*;
use crate::presets;
use crate::scenario::Uncertainty;
use crate::suppliers::suppliers;
use crate::uncertainty::monte_carlo;

/// The scenario with its Monte Carlo settings replaced.
fn with_settings(s: &Scenario, u: Uncertainty) -> Scenario {
    let mut d = s.draft().clone();
    d.uncertainty = Some(u);
    Scenario::new(d).unwrap()
}

/// Every range collapsed: each sample is the projection itself.
fn fixed(s: &Scenario, samples: u32) -> Scenario {
    with_settings(
        s,
        Uncertainty {
            growth_multiplier: (1.0, 1.0),
            opex_shift: (0.0, 0.0),
            cancel_chance: 0.0,
            max_delay: 0,
            samples,
            seed: 7,
            deal_value_range: crate::scenario::DEFAULT_DEAL_VALUE_RANGE,
        },
    )
}

/// The default ranges with fewer samples (a debug build runs the tests).
fn sampled(s: &Scenario, samples: u32) -> Scenario {
    with_settings(
        s,
        Uncertainty {
            samples,
            ..Uncertainty::default()
        },
    )
}

fn odds_of(companies: &[Scenario]) -> (Suppliers, Vec<SupplierOdds>) {
    let table = suppliers(companies);
    let mut run = OddsRun::new(companies, &table);
    while run.run_chunk(97) > 0 {}
    assert!(run.is_finished() && run.progress() == 1.0);
    let odds = run.odds();
    (table, odds)
}

#[test]
fn a_company_that_never_runs_short_leaves_its_suppliers_paid() {
    // 1000 of cash against 10 a year of dues: no draw of the default ranges runs it short.
    let mut d = company("Rich", vec![deal("Amazon", 20.0, 2)], vec![])
        .draft()
        .clone();
    d.funding.opening_cash = 1000.0;
    let rich = sampled(&Scenario::new(d).unwrap(), 300);
    let (table, odds) = odds_of(&[rich]);
    assert_eq!(table.suppliers.len(), 1);
    let want = SupplierOdds {
        chance_unpaid: 0.0,
        expected_unpaid: 0.0,
        p5: 0.0,
        p95: 0.0,
    };
    assert_eq!(odds, [want]);
    assert_eq!(
        sentence(&table, &odds, 300),
        "Drawing each company's uncertainty independently, Amazon is paid in full in all 300 draws."
    );
    assert_eq!(sentence(&suppliers(&[]), &[], 0), "");
}

#[test]
fn a_company_always_short_gives_chance_one_and_the_share_rule() {
    // Alpha (see `pair`) is short in every year of its deals: with every range collapsed each
    // draw leaves 40 unpaid to Oracle and 20 to Amazon, its deterministic shares; Beta is never
    // short, so Amazon's figures are Alpha's alone.
    let companies: Vec<Scenario> = pair().iter().map(|s| fixed(s, 100)).collect();
    let (table, odds) = odds_of(&companies);
    let names: Vec<&str> = table.suppliers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Oracle", "Amazon"]);
    for ((s, o), want) in table.suppliers.iter().zip(&odds).zip([40.0, 20.0]) {
        assert_eq!(o.chance_unpaid, 1.0, "{}", s.name);
        assert!(close(o.expected_unpaid, want), "{}: {o:?}", s.name);
        assert!(close(o.expected_unpaid, s.unpaid()), "{}: {o:?}", s.name);
        assert!(close(o.p5, want) && close(o.p95, want), "{}: {o:?}", s.name);
    }
    assert_eq!(
        sentence(&table, &odds, 100),
        "Drawing each company's uncertainty independently, Oracle is not paid in full in 100% of 100 draws: $40B unpaid expected, between $40B and $40B in 90% of them."
    );
}

#[test]
fn each_company_gives_its_draws_a_shuffle_of_its_samples_within_blocks() {
    let companies = [
        sampled(&presets::openai_november_2025(), 300),
        sampled(&presets::anthropic_november_2025(), 200),
    ];
    let run = OddsRun::new(&companies, &suppliers(&companies));
    for (c, n) in [(0, 300), (1, 200)] {
        let order: Vec<usize> = (0..n).map(|i| run.sample_of(c, i).unwrap()).collect();
        for (b, block) in order.chunks(BLOCK).enumerate() {
            let mut sorted = block.to_vec();
            sorted.sort_unstable();
            let first = b * BLOCK;
            assert_eq!(sorted, (first..first + block.len()).collect::<Vec<_>>());
        }
        assert_ne!(order, (0..n).collect::<Vec<_>>(), "shuffled");
        // A company with fewer samples than the run starts again.
        assert_eq!(run.sample_of(c, n + 5), run.sample_of(c, 5));
    }
    let differ = (0..200)
        .filter(|&i| run.sample_of(0, i) != run.sample_of(1, i))
        .count();
    assert!(differ > 190, "the companies' shuffles differ: {differ}");
    assert_eq!(run.sample_of(2, 0), None);
}

#[test]
fn the_same_company_twice_is_drawn_independently() {
    // Two copies of one scenario share its seed: paired sample by sample they would always run
    // short together. Shuffled, a supplier is left unpaid by one or the other more often than by
    // either alone: 1 - (1 - p)^2 for independent copies.
    let openai = sampled(&presets::openai_november_2025(), 1000);
    let (table, one) = odds_of(std::slice::from_ref(&openai));
    let (twice, two) = odds_of(&[openai.clone(), openai]);
    let mut seen = 0;
    for (s, o) in table.suppliers.iter().zip(&one) {
        let p = o.chance_unpaid;
        if p > 0.2 && p < 0.8 {
            let at = twice
                .suppliers
                .iter()
                .position(|t| t.name == s.name)
                .unwrap();
            let both = two[at].chance_unpaid;
            let independent = 1.0 - (1.0 - p) * (1.0 - p);
            assert!(
                (both - independent).abs() < 0.05,
                "{}: {p} alone, {both} for two",
                s.name
            );
            assert!(
                close(two[at].expected_unpaid, 2.0 * o.expected_unpaid),
                "{}",
                s.name
            );
            seen += 1;
        }
    }
    assert!(
        seen > 0,
        "some supplier is unpaid in some draws only: {one:?}"
    );
}

#[test]
fn joint_draws_combine_the_shuffled_samples_of_each_company() {
    // Two companies owing Microsoft (and others), with different sample counts: the smaller
    // run starts again.
    let companies = [
        sampled(&presets::openai_november_2025(), 300),
        sampled(&presets::anthropic_november_2025(), 200),
    ];
    let (table, odds) = odds_of(&companies);
    let order = OddsRun::new(&companies, &table);
    let samples: Vec<Vec<crate::uncertainty::Sample>> = companies
        .iter()
        .map(|s| {
            let run = MonteCarloRun::new(&with_unpaid_rule(s));
            (0..run.total()).map(|i| run.sample(i)).collect()
        })
        .collect();
    let mut partly = 0;
    for (s, o) in table.suppliers.iter().zip(&odds) {
        let key = name_key(&s.name);
        let owed = |sample: &crate::uncertainty::Sample| {
            sample
                .unpaid_by_counterparty
                .iter()
                .filter(|c| name_key(&c.name) == key)
                .map(|c| c.amount)
                .sum::<f64>()
        };
        let draws: Vec<f64> = (0..300)
            .map(|i| {
                owed(&samples[0][order.sample_of(0, i).unwrap()])
                    + owed(&samples[1][order.sample_of(1, i).unwrap()])
            })
            .collect();
        let chance = draws.iter().filter(|&&x| x > 0.0).count() as f64 / 300.0;
        let range = Percentiles::of(&draws).unwrap();
        let mean = |own: &[crate::uncertainty::Sample]| {
            own.iter().map(owed).sum::<f64>() / own.len() as f64
        };
        let expected = mean(&samples[0]) + mean(&samples[1]);
        assert_eq!(o.chance_unpaid, chance, "{}", s.name);
        assert!(
            close(o.p5, range.p5) && close(o.p95, range.p95),
            "{}",
            s.name
        );
        assert!(close(o.expected_unpaid, expected), "{}", s.name);
        if o.chance_unpaid > 0.0 && o.chance_unpaid < 1.0 {
            partly += 1;
        }
    }
    assert!(
        partly > 0,
        "some supplier is left unpaid in some draws only: {odds:?}"
    );
}

#[test]
fn splitting_the_run_changes_nothing_and_odds_grow_with_it() {
    let companies = [sampled(&presets::openai_november_2025(), 120)];
    let table = suppliers(&companies);
    let mut whole = OddsRun::new(&companies, &table);
    assert_eq!(
        whole.odds().iter().map(|o| o.chance_unpaid).sum::<f64>(),
        0.0
    );
    whole.run_chunk(usize::MAX);
    let mut parts = OddsRun::new(&companies, &table);
    assert_eq!(parts.run_chunk(7), 7);
    assert_eq!((parts.done(), parts.total()), (7, 120));
    assert!(parts.odds().iter().all(|o| o.chance_unpaid.is_finite()));
    while parts.run_chunk(7) > 0 {}
    assert_eq!(parts.odds(), whole.odds());
    assert_eq!(parts.run_chunk(7), 0);
}

#[test]
fn kept_samples_are_the_runs_own_and_off_by_default() {
    let s = with_unpaid_rule(&sampled(&presets::openai_november_2025(), 100));
    let mut plain = MonteCarloRun::new(&s);
    plain.run_chunk(100);
    assert_eq!(plain.unpaid_of_sample(0), None, "nothing kept unless asked");
    let mut kept = MonteCarloRun::new(&s);
    kept.keep_unpaid_samples();
    assert_eq!(kept.unpaid_of_sample(0), None, "not run yet");
    kept.run_chunk(100);
    for i in 0..100 {
        let want: Vec<f64> = kept
            .sample(i)
            .unpaid_by_counterparty
            .iter()
            .map(|c| c.amount)
            .collect();
        assert_eq!(kept.unpaid_of_sample(i), Some(&want[..]), "sample {i}");
    }
    // Keeping them changes nothing in the summary.
    assert_eq!(kept.finish(), plain.finish());
}

/// Sum over suppliers of the expected unpaid = sum over companies of their Monte Carlo's
/// expected unpaid; and per supplier, the sum of each company's expected unpaid to it.
fn assert_expected_adds_up(companies: &[Scenario]) {
    let (table, odds) = odds_of(companies);
    let runs: Vec<_> = companies
        .iter()
        .map(|s| monte_carlo(&with_unpaid_rule(s)).financing.unwrap())
        .collect();
    let total: f64 = odds.iter().map(|o| o.expected_unpaid).sum();
    let want: f64 = runs.iter().map(|f| f.expected_unpaid).sum();
    assert!(close(total, want), "{total} vs {want}");
    for (s, o) in table.suppliers.iter().zip(&odds) {
        let key = name_key(&s.name);
        let want: f64 = runs
            .iter()
            .flat_map(|f| &f.unpaid_by_counterparty)
            .filter(|c| name_key(&c.name) == key)
            .map(|c| c.amount)
            .sum();
        assert!(close(o.expected_unpaid, want), "{}", s.name);
        assert!(o.p5 <= o.p95 && (0.0..=1.0).contains(&o.chance_unpaid));
    }
}

#[test]
fn the_default_pair_adds_up_to_each_companys_monte_carlo() {
    assert_expected_adds_up(&[
        presets::openai_november_2025(),
        presets::anthropic_november_2025(),
    ]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// For any pair of hand-made companies sharing a supplier (deals not firm, so draws cancel
    /// and delay them), the expected unpaid adds up over suppliers to the companies' own.
    #[test]
    fn expected_unpaid_adds_up_over_suppliers(
        a in 1.0f64..120.0, b in 1.0f64..120.0, years in 1i32..5, cash in 0.0f64..30.0,
        samples_a in 100u32..160, samples_b in 100u32..160,
    ) {
        let mut first = company("First", vec![deal("Amazon", a, years), deal("Oracle", b, 2)], vec![])
            .draft()
            .clone();
        first.funding.opening_cash = cash;
        for d in &mut first.deals {
            d.firm = false;
            d.start_year = 2026;
        }
        let second = company("Second", vec![deal("amazon ", b, 3), deal("Zeta", a, 1)], vec![]);
        assert_expected_adds_up(&[
            sampled(&Scenario::new(first).unwrap(), samples_a),
            sampled(&second, samples_b),
        ]);
    }
}
