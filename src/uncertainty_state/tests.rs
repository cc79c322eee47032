//! The uncertainty page's reducers: what each edit does to the ranges, the scenario and the
//! messages; the comparison's choice; and which Monte Carlo reports are taken.

use super::*;
use crate::presets;
use crate::uncertainty::monte_carlo;

fn start() -> Settings {
    Settings::new(Rc::new(presets::openai_november_2025()))
}

fn typed(edit: fn(&mut SettingsText)) -> SettingsText {
    let mut t = start().text;
    edit(&mut t);
    t
}

#[test]
fn settings_start_from_the_scenario_s_ranges() {
    let s = start();
    assert_eq!(s.text.growth_low, "0.6");
    assert_eq!(s.text.growth_high, "1.3");
    assert_eq!(s.text.samples, "5000");
    assert_eq!(s.text.seed, "42");
    assert_eq!(
        (s.text.deal_low.as_str(), s.text.deal_high.as_str()),
        ("-50", "50")
    );
    assert_eq!(s.compared, [0]);
    assert!(s.errors.is_empty());
}

#[test]
fn each_edit_changes_the_ranges_or_says_what_is_wrong() {
    // (what, edit, error paths after, whether the scenario (the results) changes)
    type Case = (&'static str, fn(&mut SettingsText), Vec<&'static str>, bool);
    let cases: Vec<Case> = vec![
        (
            "a new range",
            |t| t.growth_high = "1.8".into(),
            vec![],
            true,
        ),
        ("more samples", |t| t.samples = "20000".into(), vec![], true),
        ("another seed", |t| t.seed = "7".into(), vec![], true),
        (
            "the same value typed another way",
            |t| t.growth_high = "1.30".into(),
            vec![],
            false,
        ),
        (
            "not a number",
            |t| t.growth_low = "abc".into(),
            vec!["uncertainty.growth_multiplier.low"],
            false,
        ),
        (
            "a negative seed",
            |t| t.seed = "-1".into(),
            vec!["uncertainty.seed"],
            false,
        ),
        (
            "a negative delay",
            |t| t.delay = "-2".into(),
            vec!["uncertainty.max_delay"],
            false,
        ),
        (
            "two unreadable fields: both said",
            |t| {
                t.growth_low = "".into();
                t.cancel = "x".into();
            },
            vec![
                "uncertainty.growth_multiplier.low",
                "uncertainty.cancel_chance",
            ],
            false,
        ),
        (
            "a range upside down: the model's rule",
            |t| t.growth_low = "2.5".into(),
            vec!["uncertainty.growth_multiplier"],
            false,
        ),
        (
            "too few samples",
            |t| t.samples = "10".into(),
            vec!["uncertainty.samples"],
            false,
        ),
        (
            "a narrower range of deal values",
            |t| {
                t.deal_low = "-20".into();
                t.deal_high = "+30%".into();
            },
            vec![],
            true,
        ),
        (
            "deal values falling by all they are worth",
            |t| t.deal_low = "-100".into(),
            vec!["uncertainty.deal_value_range[0]"],
            false,
        ),
        (
            "deal values not a number",
            |t| t.deal_high = "half".into(),
            vec!["uncertainty.deal_value_range.high"],
            false,
        ),
        (
            "deal values upside down",
            |t| t.deal_low = "60".into(),
            vec!["uncertainty.deal_value_range"],
            false,
        ),
    ];
    for (what, edit, paths, changes) in cases {
        let before = Rc::new(start());
        let text = typed(edit);
        let after = before
            .apply(SettingsAction::Edit(text.clone()))
            .unwrap_or_else(|| panic!("{what}: the text changed"));
        assert_eq!(after.text, text, "{what}: the text is kept as typed");
        let got: Vec<&str> = after.errors.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(got, paths, "{what}: {:?}", after.errors);
        assert!(after.errors.iter().all(|(_, m)| !m.is_empty()), "{what}");
        assert_eq!(
            !Rc::ptr_eq(&before.scenario, &after.scenario),
            changes,
            "{what}"
        );
    }
}

#[test]
fn a_fixed_range_clears_its_message_and_moves_the_results() {
    let bad = start()
        .apply(SettingsAction::Edit(typed(|t| t.growth_low = "2.5".into())))
        .unwrap();
    assert!(!bad.errors.is_empty());
    let fixed = bad
        .apply(SettingsAction::Edit(typed(|t| {
            t.growth_low = "1.3".into();
            t.growth_high = "1.8".into();
        })))
        .unwrap();
    assert!(fixed.errors.is_empty());
    assert_eq!(fixed.scenario.uncertainty().growth_multiplier, (1.3, 1.8));
    // The rest of the scenario is as it was.
    let mut d = fixed.scenario.draft().clone();
    d.uncertainty = None;
    let mut orig = presets::openai_november_2025().draft().clone();
    orig.uncertainty = None;
    assert_eq!(d, orig);
}

#[test]
fn typing_the_same_text_again_changes_nothing() {
    let s = start();
    assert!(s.apply(SettingsAction::Edit(s.text.clone())).is_none());
}

#[test]
fn reset_goes_back_to_the_defaults() {
    let edited = start()
        .apply(SettingsAction::Edit(typed(|t| {
            t.growth_low = "nope".into()
        })))
        .unwrap();
    let reset = edited.apply(SettingsAction::Reset).unwrap();
    assert_eq!(reset.text, SettingsText::from(&Uncertainty::default()));
    assert!(reset.errors.is_empty());
    assert_eq!(reset.scenario.uncertainty(), Uncertainty::default());
    assert!(
        start().apply(SettingsAction::Reset).is_none(),
        "already the defaults"
    );
}

#[test]
fn the_comparison_holds_up_to_four_scenarios_in_the_order_chosen() {
    let compare = |index, on| SettingsAction::Compare { index, on };
    // (actions from the start, chosen after)
    let cases: Vec<(Vec<SettingsAction>, Vec<usize>)> = vec![
        (vec![compare(2, true)], vec![0, 2]),
        (vec![compare(2, true), compare(2, true)], vec![0, 2]),
        (vec![compare(0, false)], vec![]),
        (vec![compare(5, false)], vec![0]),
        (
            vec![
                compare(3, true),
                compare(1, true),
                compare(2, true),
                compare(4, true),
            ],
            vec![0, 3, 1, 2],
        ),
        (
            vec![compare(3, true), compare(0, false), compare(0, true)],
            vec![3, 0],
        ),
    ];
    for (actions, want) in cases {
        let end = actions
            .iter()
            .fold(start(), |s, a| s.apply(a.clone()).unwrap_or(s));
        assert_eq!(end.compared, want, "{actions:?}");
    }
}

fn result() -> (Rc<MonteCarlo>, Rc<Scenario>) {
    let mut d = presets::openai_november_2025().draft().clone();
    d.uncertainty = Some(Uncertainty {
        samples: 100,
        ..Uncertainty::default()
    });
    let s = Scenario::new(d).unwrap();
    (Rc::new(monte_carlo(&s)), Rc::new(s))
}

#[test]
fn a_run_shows_its_progress_then_its_result_and_ignores_older_runs() {
    let (mc, of) = result();
    let finish = |generation| RunAction::Finish {
        generation,
        result: mc.clone(),
        of: of.clone(),
    };
    let progress = |generation, done| RunAction::Progress { generation, done };
    let run = Run::default();
    let run = run.apply(RunAction::Start { generation: 1 }).unwrap();
    assert_eq!(run.progress, Some(0.0));
    let run = run.apply(progress(1, 0.4)).unwrap();
    assert_eq!(run.progress, Some(0.4));
    assert!(
        run.apply(progress(1, 0.4)).is_none(),
        "same progress: no render"
    );
    assert!(
        run.apply(progress(0, 0.9)).is_none(),
        "an older run's progress"
    );
    assert!(run.apply(finish(0)).is_none(), "an older run's result");
    let done = run.apply(finish(1)).unwrap();
    assert_eq!(done.progress, None);
    assert!(Rc::ptr_eq(&done.result.as_ref().unwrap().0, &mc));
    assert!(done.apply(finish(1)).is_none(), "finished once");
    assert!(
        done.apply(progress(1, 0.5)).is_none(),
        "no progress after the end"
    );
    // A newer run keeps the last result on show until it finishes.
    let next = done.apply(RunAction::Start { generation: 2 }).unwrap();
    assert!(next.result.is_some());
    assert_eq!(next.progress, Some(0.0));
    assert!(next.apply(RunAction::Start { generation: 1 }).is_none());
    // Progress that is not a share is read as none done, never shown as NaN%.
    assert_eq!(next.apply(progress(2, f64::NAN)), None);
    assert_eq!(next.apply(progress(2, 7.0)).unwrap().progress, Some(1.0));
}
