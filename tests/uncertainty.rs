//! The Monte Carlo against the deterministic engine and against itself: collapsed ranges give
//! the projection exactly, percentiles are ordered, a seed reproduces its run, chunking changes
//! nothing, more growth never raises the chance of running short; and the `uncertainty`
//! section of the file format (defaults, round trip, one failing case per validation rule).
#![cfg(not(target_arch = "wasm32"))]

use compute_coverage::engine::{self, Projection};
use compute_coverage::presets;
use compute_coverage::scenario::{
    Draft, FieldError, Growth, Raise, Scenario, ScenarioError, Uncertainty,
};
use compute_coverage::state::Form;
use compute_coverage::uncertainty::{monte_carlo, MonteCarlo, MonteCarloRun, Percentiles};

/// A change made to a valid value in a test case.
type Edit<T> = fn(&mut T);

fn valid(draft: Draft) -> Scenario {
    Scenario::new(draft).expect("test scenario is valid")
}

fn with_settings(s: &Scenario, settings: Uncertainty) -> Scenario {
    let mut d = s.draft().clone();
    d.uncertainty = Some(settings);
    valid(d)
}

/// Every range collapsed: growth exactly as planned, no cost shift, no cancellation, no delay.
fn collapsed(samples: u32, seed: u64) -> Uncertainty {
    Uncertainty {
        growth_multiplier: (1.0, 1.0),
        opex_shift: (0.0, 0.0),
        cancel_chance: 0.0,
        max_delay: 0,
        samples,
        seed,
        ..Uncertainty::default()
    }
}

/// The presets, and variants reaching every growth model, firm-only, deals before the
/// horizon, raises and negative opening cash.
fn scenarios() -> Vec<(String, Scenario)> {
    let mut out: Vec<(String, Scenario)> = presets::PRESETS
        .iter()
        .map(|p| (p.id.to_string(), p.scenario()))
        .collect();
    let openai = presets::openai_november_2025();
    let variants: [(&str, Edit<Draft>); 5] = [
        ("firm only", |d| d.firm_only = true),
        ("constant", |d| {
            d.revenue.growth = Growth::Constant { rate: 0.45 }
        }),
        ("decaying", |d| {
            d.revenue.growth = Growth::Decaying {
                initial: 1.2,
                decay: 0.7,
                floor: 0.08,
            }
        }),
        ("logistic", |d| {
            d.revenue.growth = Growth::Logistic {
                initial: 1.1,
                ceiling: 400.0,
            }
        }),
        ("early deal, debt, raises", |d| {
            d.deals[1].start_year = 2022;
            d.funding.opening_cash = -20.0;
            d.funding.raises = vec![
                Raise::new(2027, 60.0),
                Raise::new(2030, 100.0),
                Raise::new(2040, 5.0),
            ];
        }),
    ];
    for (name, edit) in variants {
        let mut d = openai.draft().clone();
        edit(&mut d);
        out.push((name.to_string(), valid(d)));
    }
    out
}

fn bits(x: f64) -> u64 {
    x.to_bits()
}

#[test]
fn collapsed_ranges_reproduce_the_projection_exactly() {
    for (name, s) in scenarios() {
        let s = with_settings(&s, collapsed(100, 9));
        let p: Projection = engine::project(&s);
        let run = MonteCarloRun::new(&s);
        for i in [0, 1, 2, 57, 99, 12_345] {
            let sample = run.sample(i);
            assert_eq!(sample.multiplier, 1.0, "{name}");
            assert_eq!(sample.opex_shift, 0.0, "{name}");
            assert!(
                sample.deals.iter().all(|d| !d.cancelled && d.delay == 0),
                "{name}"
            );
            assert_eq!(sample.rows.len(), p.rows.len(), "{name}");
            for (got, want) in sample.rows.iter().zip(&p.rows) {
                let case = format!("{name}, sample {i}, {}", want.year);
                assert_eq!(got.year, want.year, "{case}");
                assert_eq!(bits(got.revenue), bits(want.revenue), "{case}: revenue");
                assert_eq!(bits(got.available), bits(want.available), "{case}");
                assert_eq!(bits(got.commitments), bits(want.commitments), "{case}");
                assert_eq!(bits(got.net_cash_flow), bits(want.net_cash_flow), "{case}");
                assert_eq!(bits(got.cash), bits(want.cash), "{case}: cash");
                assert_eq!(
                    got.coverage.map(bits),
                    want.coverage.map(bits),
                    "{case}: coverage"
                );
            }
            assert_eq!(
                bits(sample.funding_gap),
                bits(p.summary.funding_gap),
                "{name}"
            );
            assert_eq!(sample.break_even_year, p.summary.break_even_year, "{name}");
            assert_eq!(sample.cash_runs_out, p.summary.cash_runs_out, "{name}");
        }

        // Every band then collapses onto the projection too.
        let mc = run.finish();
        let exact = |band: &Percentiles, x: f64, what: &str| {
            for v in band.to_array() {
                assert_eq!(bits(v), bits(x), "{name}: {what}");
            }
        };
        for (band, row) in mc.years.iter().zip(&p.rows) {
            exact(&band.revenue, row.revenue, "revenue band");
            exact(&band.cash, row.cash, "cash band");
            match (band.coverage, row.coverage) {
                (Some(c), Some(x)) => exact(&c, x, "coverage band"),
                (None, None) => {}
                other => panic!("{name} {}: coverage {other:?}", row.year),
            }
            let paid = if row.coverage.is_some() { 1.0 } else { 0.0 };
            assert_eq!(band.with_payments, paid, "{name}");
        }
        exact(&mc.funding_gap, p.summary.funding_gap, "gap");
        let short = if p.summary.cash_runs_out.is_some() {
            1.0
        } else {
            0.0
        };
        assert_eq!(mc.chance_short, short, "{name}");
        match p.summary.break_even_year {
            Some(year) => {
                let c = mc.break_even.by_year.iter().find(|c| c.year == year);
                assert_eq!(c.map(|c| c.count), Some(100), "{name}");
            }
            None => assert_eq!(mc.break_even.not_within_horizon, 100, "{name}"),
        }
    }
}

fn assert_ordered(p: &Percentiles, what: &str) {
    let a = p.to_array();
    assert!(
        a.windows(2).all(|w| w[0] <= w[1]),
        "{what}: percentiles out of order {a:?}"
    );
    assert!(a.iter().all(|x| x.is_finite()), "{what}: {a:?}");
}

fn assert_well_formed(mc: &MonteCarlo, name: &str) {
    for band in &mc.years {
        let what = format!("{name} {}", band.year);
        assert_ordered(&band.revenue, &format!("{what} revenue"));
        assert_ordered(&band.cash, &format!("{what} cash"));
        if let Some(c) = &band.coverage {
            assert_ordered(c, &format!("{what} coverage"));
        }
        assert!((0.0..=1.0).contains(&band.with_payments), "{what}");
        assert!((0.0..=1.0).contains(&band.short_by), "{what}");
    }
    assert!(
        mc.years.windows(2).all(|w| w[0].short_by <= w[1].short_by),
        "{name}: the chance of having run short only grows"
    );
    assert_ordered(&mc.funding_gap, &format!("{name} gap"));
    assert!(mc.funding_gap.p5 >= 0.0, "{name}");
    assert!((0.0..=1.0).contains(&mc.chance_short), "{name}");
    let counted: usize = mc.break_even.by_year.iter().map(|c| c.count).sum();
    assert_eq!(
        counted + mc.break_even.not_within_horizon,
        mc.samples,
        "{name}"
    );
}

#[test]
fn percentiles_are_ordered_every_year() {
    let wide = Uncertainty {
        growth_multiplier: (0.2, 3.0),
        opex_shift: (-0.3, 0.4),
        cancel_chance: 0.6,
        max_delay: 4,
        samples: 2000,
        seed: 3,
        ..Uncertainty::default()
    };
    for (name, s) in scenarios() {
        assert_well_formed(&monte_carlo(&s), &name);
        assert_well_formed(
            &monte_carlo(&with_settings(&s, wide)),
            &format!("{name}, wide"),
        );
    }
}

#[test]
fn a_seed_reproduces_its_run_and_other_seeds_differ() {
    let s = presets::openai_november_2025();
    let first = monte_carlo(&s);
    assert_eq!(first, monte_carlo(&s));
    assert_eq!(first.settings, Uncertainty::default());
    let mut previous = first.clone();
    for seed in [43, 7, u64::MAX] {
        let other = monte_carlo(&with_settings(
            &s,
            Uncertainty {
                seed,
                ..Uncertainty::default()
            },
        ));
        assert_ne!(other.years, previous.years, "seed {seed}");
        assert_ne!(other.funding_gap, previous.funding_gap, "seed {seed}");
        previous = other;
    }
    // A larger run starts with the same samples.
    let small = MonteCarloRun::new(&s);
    let large = MonteCarloRun::new(&with_settings(
        &s,
        Uncertainty {
            samples: 9000,
            ..Uncertainty::default()
        },
    ));
    for i in [0, 1, 4999] {
        assert_eq!(small.sample(i), large.sample(i), "sample {i}");
    }
}

#[test]
fn chunked_runs_equal_the_one_shot_run() {
    for (name, s) in scenarios().into_iter().take(4) {
        let s = with_settings(
            &s,
            Uncertainty {
                samples: 1500,
                ..Uncertainty::default()
            },
        );
        let one_shot = monte_carlo(&s);
        for chunk in [1, 7, 500, 1499, 1500, usize::MAX] {
            let mut run = MonteCarloRun::new(&s);
            let mut last = 0.0;
            while !run.is_finished() {
                assert!(run.run_chunk(chunk) > 0);
                assert!(run.progress() > last);
                last = run.progress();
            }
            assert_eq!(run.progress(), 1.0);
            assert_eq!(run.finish(), one_shot, "{name}, chunks of {chunk}");
        }
        // Finishing part-way runs the rest.
        let mut run = MonteCarloRun::new(&s);
        run.run_chunk(321);
        assert_eq!(run.finish(), one_shot, "{name}");
    }
}

#[test]
fn more_growth_never_raises_the_chance_of_running_short() {
    // Scaling both ends of the interval scales every sample's multiplier by the same factor;
    // with growth rates all positive, revenue and so cash then rise sample by sample.
    let cases = [
        ("anthropic", presets::anthropic_november_2025()),
        ("openai", presets::openai_november_2025()),
    ];
    for (name, s) in cases {
        let mut chances = Vec::new();
        for factor in [0.5, 0.75, 1.0, 1.25, 1.5, 2.0] {
            let settings = Uncertainty {
                growth_multiplier: (0.6 * factor, 1.3 * factor),
                ..Uncertainty::default()
            };
            chances.push(monte_carlo(&with_settings(&s, settings)).chance_short);
        }
        assert!(
            chances.windows(2).all(|w| w[1] <= w[0]),
            "{name}: {chances:?}"
        );
        assert!(chances.first() > chances.last(), "{name}: {chances:?}");
    }
    // The default answer is not trivially 0 or 1 for Anthropic.
    let chance = monte_carlo(&presets::anthropic_november_2025()).chance_short;
    assert!(chance > 0.05 && chance < 0.95, "{chance}");
}

#[test]
fn cancellations_and_delays_move_the_answer_the_right_way() {
    // Cancelling letters of intent lowers the commitments: the gap can only shrink.
    let s = presets::openai_november_2025();
    let with = |cancel_chance: f64| {
        monte_carlo(&with_settings(
            &s,
            Uncertainty {
                cancel_chance,
                ..Uncertainty::default()
            },
        ))
    };
    let (none, half, all) = (with(0.0), with(0.5), with(1.0));
    assert!(none.funding_gap.p50 >= half.funding_gap.p50);
    assert!(half.funding_gap.p50 >= all.funding_gap.p50);
    // Every letter of intent cancelled, nothing else varied: the firm-only projection, exactly.
    let all_cancelled = monte_carlo(&with_settings(
        &s,
        Uncertainty {
            cancel_chance: 1.0,
            ..collapsed(100, 1)
        },
    ));
    let mut firm = s.draft().clone();
    firm.firm_only = true;
    let firm = engine::project(&valid(firm));
    assert_eq!(all_cancelled.funding_gap.p5, firm.summary.funding_gap);
    assert_eq!(all_cancelled.funding_gap.p95, firm.summary.funding_gap);
    for (band, row) in all_cancelled.years.iter().zip(&firm.rows) {
        assert_eq!(band.cash.p50, row.cash, "{}", row.year);
    }
    // Later payments help a company whose revenue grows: a delay can only lower the gap here.
    let delayed = |max_delay: u32| {
        monte_carlo(&with_settings(
            &s,
            Uncertainty {
                max_delay,
                ..collapsed(500, 1)
            },
        ))
        .funding_gap
        .p50
    };
    assert!(delayed(2) <= delayed(0));
}

#[test]
fn absent_section_means_the_defaults() {
    let s = presets::blank();
    assert_eq!(s.uncertainty, None);
    assert_eq!(s.uncertainty(), Uncertainty::default());
    let d = Uncertainty::default();
    assert_eq!(d.growth_multiplier, (0.6, 1.3));
    assert_eq!(d.opex_shift, (-0.05, 0.1));
    assert_eq!(d.cancel_chance, 0.25);
    assert_eq!((d.max_delay, d.samples, d.seed), (1, 5000, 42));
    assert!(!s.to_json().contains("uncertainty"));
}

#[test]
fn the_section_round_trips_and_fills_missing_fields_with_defaults() {
    let base = presets::blank().to_json_compact();
    let full = r#""uncertainty":{"growth_multiplier":[0.5,1.5],"opex_shift":[-0.1,0.2],"cancel_chance":0.4,"max_delay":3,"samples":20000,"seed":18446744073709551615}"#;
    let text = base.replacen("\"version\":1", &format!("\"version\":1,{full}"), 1);
    let s = Scenario::from_json(&text).unwrap();
    assert_eq!(
        s.uncertainty(),
        Uncertainty {
            growth_multiplier: (0.5, 1.5),
            opex_shift: (-0.1, 0.2),
            cancel_chance: 0.4,
            max_delay: 3,
            samples: 20_000,
            seed: u64::MAX,
            ..Uncertainty::default()
        }
    );
    assert!(s.to_json_compact().contains(full));
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    assert_eq!(Scenario::from_json(&s.to_json_compact()).unwrap(), s);

    let partial = base.replacen(
        "\"version\":1",
        "\"version\":1,\"uncertainty\":{\"seed\":7}",
        1,
    );
    let s = Scenario::from_json(&partial).unwrap();
    assert_eq!(
        s.uncertainty(),
        Uncertainty {
            seed: 7,
            ..Uncertainty::default()
        }
    );
}

#[test]
fn the_form_carries_the_section_unchanged() {
    let settings = Uncertainty {
        growth_multiplier: (0.7, 1.9),
        seed: 99,
        ..Uncertainty::default()
    };
    for p in presets::PRESETS.iter() {
        let s = with_settings(&p.scenario(), settings);
        let form = Form::from_scenario(&s);
        assert_eq!(form.uncertainty, Some(settings), "{}", p.id);
        assert_eq!(form.to_scenario().unwrap(), s, "{}", p.id);
        // And a scenario without one stays without one.
        let plain = p.scenario();
        assert_eq!(Form::from_scenario(&plain).to_draft().0.uncertainty, None);
    }
}

#[test]
fn the_section_is_checked_for_shape() {
    let base = presets::blank().to_json_compact();
    let cases = [
        ("unknown field", r#"{"sead":7}"#, "Unknown field `sead`"),
        (
            "negative samples",
            r#"{"samples":-5}"#,
            "expected a whole number",
        ),
        (
            "fractional seed",
            r#"{"seed":4.5}"#,
            "expected a whole number",
        ),
        ("one end only", r#"{"growth_multiplier":[0.5]}"#, ""),
        ("not an object", r#"5"#, ""),
    ];
    for (case, section, words) in cases {
        let text = base.replacen(
            "\"version\":1",
            &format!("\"version\":1,\"uncertainty\":{section}"),
            1,
        );
        match Scenario::from_json(&text) {
            Err(e @ ScenarioError::Shape { .. }) => {
                assert!(e.to_string().contains(words), "input {case:?}: {e}")
            }
            other => panic!("input {case:?}: expected a shape error, got {other:?}"),
        }
    }
}

fn errors_of(draft: Draft) -> Vec<FieldError> {
    match Scenario::new(draft) {
        Err(ScenarioError::Invalid(errors)) => errors,
        other => panic!("expected invalid values, got {other:?}"),
    }
}

#[test]
fn each_uncertainty_rule_rejects_with_its_path_and_message() {
    // (rule, edit of the defaults, path, words the message must contain)
    let cases: Vec<(&str, Edit<Uncertainty>, &str, &str)> = vec![
        (
            "multiplier of 0",
            |u| u.growth_multiplier.0 = 0.0,
            "uncertainty.growth_multiplier[0]",
            "The growth range's low end must be above 0 and at most 20; got 0",
        ),
        (
            "multiplier above 20",
            |u| u.growth_multiplier.1 = 21.0,
            "uncertainty.growth_multiplier[1]",
            "The growth range's high end must be above 0 and at most 20; got 21",
        ),
        (
            "NaN multiplier",
            |u| u.growth_multiplier.1 = f64::NAN,
            "uncertainty.growth_multiplier[1]",
            "must be a finite number; got not a number",
        ),
        (
            "multiplier ends reversed",
            |u| u.growth_multiplier = (1.3, 0.6),
            "uncertainty.growth_multiplier",
            "The growth range's low end (1.3) must not be above its high end (0.6)",
        ),
        (
            "shift below -100 points",
            |u| u.opex_shift.0 = -1.5,
            "uncertainty.opex_shift[0]",
            "must be between -100 and +100 percentage points; got -150 points",
        ),
        (
            "shift above 100 points",
            |u| u.opex_shift.1 = 1.01,
            "uncertainty.opex_shift[1]",
            "got 101 points",
        ),
        (
            "infinite shift",
            |u| u.opex_shift.0 = f64::NEG_INFINITY,
            "uncertainty.opex_shift[0]",
            "must be a finite number",
        ),
        (
            "shift ends reversed",
            |u| u.opex_shift = (0.1, -0.05),
            "uncertainty.opex_shift",
            "(10 points) must not be above its high end (-5 points)",
        ),
        (
            "cancel chance above 100%",
            |u| u.cancel_chance = 1.5,
            "uncertainty.cancel_chance",
            "must be between 0% and 100%; got 150%",
        ),
        (
            "negative cancel chance",
            |u| u.cancel_chance = -0.1,
            "uncertainty.cancel_chance",
            "got -10%",
        ),
        (
            "NaN cancel chance",
            |u| u.cancel_chance = f64::NAN,
            "uncertainty.cancel_chance",
            "must be a finite number",
        ),
        (
            "delay of 11 years",
            |u| u.max_delay = 11,
            "uncertainty.max_delay",
            "The longest delay must be 0 to 10 years; got 11",
        ),
        (
            "99 samples",
            |u| u.samples = 99,
            "uncertainty.samples",
            "Samples must be between 100 and 100,000; got 99",
        ),
        (
            "100,001 samples",
            |u| u.samples = 100_001,
            "uncertainty.samples",
            "got 100001",
        ),
    ];
    for (rule, edit, path, message) in cases {
        let mut draft = presets::blank().draft().clone();
        let mut u = Uncertainty::default();
        edit(&mut u);
        draft.uncertainty = Some(u);
        let errors = errors_of(draft);
        assert!(
            errors
                .iter()
                .any(|e| e.path == path && e.message.contains(message)),
            "input {rule:?}: expected {path}: {message:?}; got {errors:#?}"
        );
        assert_eq!(errors.len(), 1, "input {rule:?}: got {errors:#?}");
    }
}

#[test]
fn uncertainty_limits_themselves_are_accepted() {
    let cases: Vec<(&str, Edit<Uncertainty>)> = vec![
        ("multiplier ends at 20", |u| {
            u.growth_multiplier = (20.0, 20.0)
        }),
        ("tiny multiplier", |u| {
            u.growth_multiplier = (1e-300, 1e-300)
        }),
        ("shift of ±100 points", |u| u.opex_shift = (-1.0, 1.0)),
        ("cancel chance 0", |u| u.cancel_chance = 0.0),
        ("cancel chance 1", |u| u.cancel_chance = 1.0),
        ("delay 0", |u| u.max_delay = 0),
        ("delay 10", |u| u.max_delay = 10),
        ("100 samples", |u| u.samples = 100),
        ("100,000 samples", |u| u.samples = 100_000),
        ("seed 0", |u| u.seed = 0),
        ("largest seed", |u| u.seed = u64::MAX),
    ];
    for (rule, edit) in cases {
        let mut draft = presets::blank().draft().clone();
        let mut u = Uncertainty::default();
        edit(&mut u);
        draft.uncertainty = Some(u);
        if let Err(e) = Scenario::new(draft) {
            panic!("input {rule:?}: {e}");
        }
    }
}
