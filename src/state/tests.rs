use super::*;
use crate::presets;

fn state(s: Scenario) -> State {
    State::new(Rc::new(s))
}

#[test]
fn every_preset_reads_back_exactly_from_its_form() {
    for p in presets::PRESETS.iter() {
        let s = p.scenario();
        let form = Form::from_scenario(&s);
        let back = form
            .to_scenario()
            .unwrap_or_else(|e| panic!("{}: {:?}", p.id, e));
        assert_eq!(back, s, "preset {}", p.id);
    }
}

#[test]
fn input_text_is_short_and_exact() {
    let cases = [
        (0.35, Kind::Percent, "35"),
        (0.2, Kind::Percent, "20"),
        (0.15, Kind::Percent, "15"),
        (0.07, Kind::Percent, "7"),
        (22.4, Kind::Money, "22.4"),
        (17.5, Kind::Money, "17.5"),
        (0.123456789, Kind::Percent, "12.3456789"),
        (-0.0, Kind::Money, "0"),
    ];
    for (x, kind, expected) in cases {
        assert_eq!(input_text(x, kind), expected, "input {x} {kind:?}");
    }
    // Values that need every digit still read back exactly.
    for x in [1.0 / 3.0, 0.1 + 0.2, 123.456_789_012_345_67] {
        let text = input_text(x, Kind::Percent);
        assert_eq!(parse_percent(&text), Ok(x), "{x} -> {text}");
    }
}

#[test]
fn a_bad_value_keeps_its_text_and_the_last_valid_scenario() {
    let s0 = state(presets::openai_november_2025());
    let s1 = s0
        .apply(Action::Edit(Field::RevenueBase, "lots".into()))
        .unwrap();
    assert_eq!(s1.form.revenue_base, "lots");
    assert!(s1.is_stale());
    assert_eq!(
        s1.errors.get("revenue.base"),
        Some("\"lots\" is not a number")
    );
    assert!(
        Rc::ptr_eq(&s1.scenario, &s0.scenario),
        "last valid scenario kept"
    );
    // Fixing it brings results back in line.
    let s2 = s1
        .apply(Action::Edit(Field::RevenueBase, "$20B".into()))
        .unwrap();
    assert!(!s2.is_stale());
    assert_eq!(s2.scenario.revenue.base, 20.0);
}

#[test]
fn validation_messages_land_on_the_field_path() {
    let s0 = state(presets::openai_november_2025());
    let s1 = s0
        .apply(Action::Edit(Field::Deal(1, DealField::Years), "0".into()))
        .unwrap();
    assert_eq!(
        s1.errors.get("deals[1].years"),
        Some("The term must be between 1 and 30 years; got 0")
    );
    let s2 = s0
        .apply(Action::Edit(
            Field::PairValue(Table::OpexShares, 0),
            "85%".into(),
        ))
        .unwrap();
    assert!(
        s2.errors
            .get("costs")
            .unwrap()
            .contains("reach 100% of revenue"),
        "{:?}",
        s2.errors
    );
}

#[test]
fn switching_models_and_value_forms_loses_nothing() {
    let s0 = state(presets::openai_november_2025());
    let s1 = s0
        .apply(Action::ChooseGrowth(GrowthKind::Constant))
        .unwrap();
    let s2 = s1
        .apply(Action::Edit(Field::ConstantRate, "40%".into()))
        .unwrap();
    assert_eq!(s2.scenario.revenue.growth, Growth::Constant { rate: 0.4 });
    let s3 = s2.apply(Action::ChooseGrowth(GrowthKind::Path)).unwrap();
    assert_eq!(
        s3.scenario.revenue.growth, s0.scenario.revenue.growth,
        "path points kept"
    );
    assert_eq!(s3.form.constant_rate, "40%");
    // Nvidia is entered as 10 GW x $35B; switching to a total shows the same $350B.
    let s4 = s0.apply(Action::ValueByCapacity(5, false)).unwrap();
    assert_eq!(s4.scenario.deals[5].value, DealValue::total(350.0));
    let s5 = s4.apply(Action::ValueByCapacity(5, true)).unwrap();
    assert_eq!(s5.scenario.deals[5].value, DealValue::capacity(10.0, 35.0));
}

#[test]
fn deal_ledger_verbs() {
    let s0 = state(presets::blank());
    let s1 = s0.apply(Action::AddDeal).unwrap();
    assert_eq!(s1.scenario.deals.len(), 2);
    let s2 = s1.apply(Action::DuplicateDeal(0)).unwrap();
    assert_eq!(s2.form.deals[1].name, "New deal (copy)");
    assert_ne!(s2.form.deals[1].id, s2.form.deals[0].id);
    let s3 = s2.apply(Action::MoveDeal(0, 2)).unwrap();
    assert_eq!(s3.form.deals[2].name, "New deal");
    assert!(
        s3.apply(Action::MoveDeal(0, 3)).is_none(),
        "out of range move is ignored"
    );
    let s4 = s3.apply(Action::RemoveDeal(2)).unwrap();
    assert_eq!(s4.scenario.deals.len(), 2);
    assert!(s4.apply(Action::RemoveDeal(9)).is_none());
}

#[test]
fn custom_weights_follow_the_term_without_losing_typed_weights() {
    let s0 = state(presets::blank());
    let s1 = s0
        .apply(Action::ChooseProfile(0, ProfileKind::Custom))
        .unwrap();
    assert_eq!(
        s1.scenario.deals[0].profile,
        Profile::Custom {
            weights: vec![1.0; 5]
        }
    );
    let s2 = s1
        .apply(Action::Edit(Field::Weight(0, 4), "3".into()))
        .unwrap();
    let s3 = s2
        .apply(Action::Edit(Field::Deal(0, DealField::Years), "3".into()))
        .unwrap();
    assert_eq!(
        s3.scenario.deals[0].profile,
        Profile::Custom {
            weights: vec![1.0; 3]
        }
    );
    let s4 = s3
        .apply(Action::Edit(Field::Deal(0, DealField::Years), "5".into()))
        .unwrap();
    assert_eq!(
        s4.scenario.deals[0].profile,
        Profile::Custom {
            weights: vec![1.0, 1.0, 1.0, 1.0, 3.0]
        }
    );
    let s5 = s4
        .apply(Action::Edit(Field::Deal(0, DealField::Years), "7".into()))
        .unwrap();
    assert_eq!(s5.form.deals[0].weights.len(), 7);
}

#[test]
fn unchanged_edits_do_not_rerender() {
    let s0 = state(presets::blank());
    let text = s0.form.revenue_base.clone();
    assert!(s0.apply(Action::Edit(Field::RevenueBase, text)).is_none());
    assert!(s0
        .apply(Action::Edit(Field::Deal(7, DealField::Name), "x".into()))
        .is_none());
}

#[test]
fn rows_are_added_after_the_last_year() {
    let mut d = presets::blank().draft().clone();
    (d.start_year, d.end_year) = (2025, 2030);
    d.funding.raises = vec![Raise::new(2025, 30.0)];
    let s0 = state(Scenario::new(d).unwrap());
    let s1 = s0.apply(Action::AddRow(Table::Raises)).unwrap();
    assert_eq!(s1.form.raises.last().unwrap().year, "2026");
    let s2 = s1
        .apply(Action::Edit(
            Field::PairValue(Table::Raises, 1),
            "$40B".into(),
        ))
        .unwrap();
    assert_eq!(
        s2.scenario.funding.raises,
        vec![Raise::new(2025, 30.0), Raise::new(2026, 40.0)]
    );
    let s3 = s2.apply(Action::RemoveRow(Table::Raises, 0)).unwrap();
    assert_eq!(s3.scenario.funding.raises, vec![Raise::new(2026, 40.0)]);
}

#[test]
fn firm_only_and_include_switch_what_counts() {
    let s0 = state(presets::openai_november_2025());
    let s1 = s0.apply(Action::SetFirmOnly(true)).unwrap();
    assert!(s1.scenario.firm_only);
    let s2 = s0.apply(Action::SetInclude(2, false)).unwrap();
    assert!(!s2.scenario.deals[2].include);
}

fn financing(min_cash: f64, credit: Option<(f64, f64)>, shortfall: Shortfall) -> Financing {
    Financing {
        min_cash,
        credit: credit.map(|(limit, rate)| Credit { limit, rate }),
        shortfall,
        note: None,
    }
}

fn with_financing(f: Option<Financing>) -> Scenario {
    let mut d: Draft = (*presets::openai_november_2025()).clone();
    d.financing = f;
    Scenario::new(d).expect("a valid financing section")
}

#[test]
fn financing_fields_read_back_exactly() {
    let cases = [
        None,
        Some(financing(5.0, Some((100.0, 0.08)), Shortfall::Unpaid)),
        Some(financing(0.0, None, Shortfall::Unpaid)),
        Some(financing(2.5, None, Shortfall::NegativeCash)),
        Some(financing(0.0, Some((40.0, 0.0)), Shortfall::NegativeCash)),
        Some(financing(0.0, Some((0.0, 0.065)), Shortfall::NegativeCash)),
    ];
    for f in &cases {
        let s = with_financing(f.clone());
        let form = Form::from_scenario(&s);
        assert_eq!(form.to_scenario().as_ref(), Ok(&s), "financing {f:?}");
    }
    let form = Form::from_scenario(&with_financing(cases[1].clone()));
    assert_eq!(
        (
            form.min_cash.as_str(),
            form.credit_limit.as_str(),
            form.credit_rate.as_str(),
            form.shortfall
        ),
        ("5", "100", "8", Shortfall::Unpaid),
        "loading a scenario fills the fields"
    );
}

#[test]
fn the_preset_credit_line_and_its_note_survive_an_edit() {
    let s0 = state(presets::openai_november_2025());
    let before = s0
        .scenario
        .financing
        .clone()
        .expect("the preset has a credit line");
    assert!(before.note.is_some());
    let s1 = s0
        .apply(Action::Edit(Field::MinCash, "$1B".into()))
        .unwrap();
    let after = s1.scenario.financing.clone().unwrap();
    assert_eq!(after.min_cash, 1.0);
    assert_eq!((after.credit, after.note), (before.credit, before.note));
}

#[test]
fn financing_is_absent_while_every_value_is_the_default() {
    // The preset without its (reported) credit line: a scenario from before financing.
    let s0 = state(with_financing(None));
    assert_eq!(
        (
            s0.form.min_cash.as_str(),
            s0.form.credit_limit.as_str(),
            s0.form.credit_rate.as_str()
        ),
        ("0", "0", "0")
    );
    // Typed zeros, an empty field, and a rule chosen and chosen back all mean "no section".
    let edits = [
        Action::Edit(Field::MinCash, "".into()),
        Action::Edit(Field::CreditLimit, "$0B".into()),
        Action::Edit(Field::CreditRate, "0%".into()),
        Action::ChooseShortfall(Shortfall::Unpaid),
        Action::ChooseShortfall(Shortfall::NegativeCash),
    ];
    let mut s = s0.clone();
    for action in edits {
        s = s
            .apply(action.clone())
            .unwrap_or_else(|| panic!("{action:?} changes the form"));
        assert!(!s.is_stale(), "{action:?}: {:?}", s.errors);
    }
    assert_eq!(s.scenario.financing, None);
    assert_eq!(s.scenario, s0.scenario, "the same scenario, byte for byte");
    assert_eq!(
        s.scenario.to_json(),
        s0.scenario.to_json(),
        "the file is unchanged"
    );
    assert!(
        s.apply(Action::ChooseShortfall(Shortfall::NegativeCash))
            .is_none(),
        "choosing the rule in effect changes nothing"
    );
}

#[test]
fn each_financing_field_sets_only_its_part() {
    let s0 = state(with_financing(None));
    let cases = [
        (
            Action::Edit(Field::MinCash, "$5B".into()),
            financing(5.0, None, Shortfall::NegativeCash),
        ),
        (
            Action::Edit(Field::CreditLimit, "100".into()),
            financing(0.0, Some((100.0, 0.0)), Shortfall::NegativeCash),
        ),
        (
            Action::Edit(Field::CreditRate, "8%".into()),
            financing(0.0, Some((0.0, 0.08)), Shortfall::NegativeCash),
        ),
        (
            Action::ChooseShortfall(Shortfall::Unpaid),
            financing(0.0, None, Shortfall::Unpaid),
        ),
    ];
    for (action, expected) in cases {
        let s1 = s0.apply(action.clone()).unwrap();
        assert!(!s1.is_stale(), "{action:?}: {:?}", s1.errors);
        assert_eq!(s1.scenario.financing, Some(expected), "{action:?}");
    }
    // All together: a credit line with interest, and payments going unpaid.
    let s = [
        Action::Edit(Field::CreditLimit, "1.2T".into()),
        Action::Edit(Field::CreditRate, "7.5".into()),
        Action::ChooseShortfall(Shortfall::Unpaid),
    ]
    .into_iter()
    .fold(s0, |s, a| s.apply(a).unwrap());
    assert_eq!(
        s.scenario.financing,
        Some(financing(0.0, Some((1200.0, 0.075)), Shortfall::Unpaid))
    );
}

#[test]
fn financing_errors_land_on_their_paths() {
    let s0 = state(presets::openai_november_2025());
    let cases = [
        (
            Field::MinCash,
            "lots",
            "financing.min_cash",
            "\"lots\" is not a number",
        ),
        (Field::MinCash, "-5", "financing.min_cash", "cash to keep"),
        (
            Field::CreditLimit,
            "5 dollars",
            "financing.credit.limit",
            "Unknown unit",
        ),
        (
            Field::CreditLimit,
            "-100",
            "financing.credit.limit",
            "credit limit",
        ),
        (
            Field::CreditRate,
            "150%",
            "financing.credit.rate",
            "interest rate",
        ),
        (
            Field::CreditRate,
            "x%",
            "financing.credit.rate",
            "not a number",
        ),
    ];
    for (field, text, path, message) in cases {
        assert_eq!(field.path(), path);
        let s1 = s0.apply(Action::Edit(field, text.into())).unwrap();
        assert!(s1.is_stale(), "{text:?} in {path} is refused");
        let got = s1
            .errors
            .get(path)
            .unwrap_or_else(|| panic!("{text:?}: {:?}", s1.errors));
        assert!(got.contains(message), "{text:?} in {path}: {got}");
        assert_eq!(
            s1.errors.len(),
            1,
            "{text:?}: only its own message: {:?}",
            s1.errors
        );
        assert!(
            Rc::ptr_eq(&s1.scenario, &s0.scenario),
            "last valid scenario kept"
        );
        assert_eq!(s1.form.get(field), text, "the text is kept as typed");
    }
}

#[test]
fn a_raise_keeps_its_source_and_note_through_other_edits() {
    let mut d: Draft = (*presets::openai_november_2025()).clone();
    d.funding.raises = vec![
        Raise {
            note: Some("first $10B at the first GW".into()),
            ..Raise::from(2026, 10.0, "Nvidia")
        },
        Raise::new(2027, 20.0),
    ];
    let s0 = state(Scenario::new(d).unwrap());
    assert_eq!(s0.form.get(Field::RaiseFrom(0)), "Nvidia");
    assert_eq!(Field::RaiseFrom(1).path(), "funding.raises[1].from");
    let s1 = s0
        .apply(Action::Edit(
            Field::PairValue(Table::Raises, 0),
            "12".into(),
        ))
        .unwrap()
        .apply(Action::Edit(Field::RevenueBase, "14".into()))
        .unwrap();
    let r = &s1.scenario.funding.raises;
    assert_eq!(r[0].amount, 12.0);
    assert_eq!(r[0].from.as_deref(), Some("Nvidia"));
    assert_eq!(r[0].note.as_deref(), Some("first $10B at the first GW"));
    assert_eq!(r[1], Raise::new(2027, 20.0), "a pair stays a pair");

    // Typing a source; a blank one is no source.
    let s2 = s1
        .apply(Action::Edit(Field::RaiseFrom(1), " Microsoft ".into()))
        .unwrap();
    assert_eq!(
        s2.scenario.funding.raises[1].from.as_deref(),
        Some("Microsoft")
    );
    assert_eq!(
        s2.form.get(Field::RaiseFrom(1)),
        " Microsoft ",
        "text kept as typed"
    );
    let s3 = s2
        .apply(Action::Edit(Field::RaiseFrom(0), "  ".into()))
        .unwrap();
    assert_eq!(s3.scenario.funding.raises[0].from, None);
    assert_eq!(
        s3.scenario.funding.raises[0].note.as_deref(),
        Some("first $10B at the first GW")
    );
    // A row that does not exist is not a field.
    assert!(s0
        .apply(Action::Edit(Field::RaiseFrom(9), "x".into()))
        .is_none());
    // Too long a name is refused at its path.
    let s4 = s0
        .apply(Action::Edit(Field::RaiseFrom(0), "N".repeat(500)))
        .unwrap();
    assert!(
        s4.errors.get("funding.raises[0].from").is_some(),
        "{:?}",
        s4.errors
    );
}

#[test]
fn errors_keep_the_first_message_per_path_in_path_order() {
    let mut errors = Errors::default();
    for (path, message) in [
        ("revenue.base", "enter a number"),
        ("deals[1].years", "too long"),
        ("deals[0].total", "must be positive"),
        ("revenue.base", "a later message"),
        ("deals[1]", "the deal"),
    ] {
        errors.insert(path.into(), message.into());
    }
    assert_eq!(errors.len(), 4);
    assert_eq!(errors.get("revenue.base"), Some("enter a number"));
    assert_eq!(errors.get("deals[2]"), None);
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "deals[0].total",
            "deals[1]",
            "deals[1].years",
            "revenue.base"
        ]
    );
    let under: Vec<&str> = errors.under("deals[1]").map(|(p, _)| p).collect();
    assert_eq!(under, ["deals[1]", "deals[1].years"]);
}

/// Applies actions in order the way the reducer does (an action that changes nothing keeps the
/// state).
fn run(start: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions
        .into_iter()
        .fold(start, |s, a| s.apply(a.clone()).unwrap_or(s))
}

fn preset(id: &str) -> &'static presets::Preset {
    presets::by_id(id).unwrap()
}

#[test]
fn undo_after_removing_a_deal_brings_it_back_and_redo_removes_it_again() {
    let s0 = state(presets::openai_november_2025());
    let removed = s0.apply(Action::RemoveDeal(3)).unwrap();
    assert_eq!(removed.form.deals.len(), 7);
    assert_ne!(removed.scenario, s0.scenario);
    assert_eq!(
        removed.note.as_ref().map(|n| &*n.text),
        Some("Removed Oracle.")
    );
    assert_eq!(removed.history.undo_label(), Some("removing Oracle"));

    let undone = removed.apply(Action::Undo).unwrap();
    assert_eq!(
        undone.form, s0.form,
        "the deal is back, in its place, with its id"
    );
    assert_eq!(
        undone.scenario, s0.scenario,
        "the figures are the same as before"
    );
    assert_eq!(
        undone.note.as_ref().map(|n| &*n.text),
        Some("Undid removing Oracle.")
    );
    assert_eq!(undone.history.redo_label(), Some("removing Oracle"));

    let redone = undone.apply(Action::Redo).unwrap();
    assert_eq!(redone.form, removed.form);
    assert_eq!(redone.scenario, removed.scenario);
    assert!(redone.apply(Action::Redo).is_none(), "nothing more to redo");
}

#[test]
fn every_kind_of_change_can_be_undone() {
    let s0 = state(presets::openai_november_2025());
    let changes = [
        Action::Edit(Field::RevenueBase, "20".into()),
        Action::ChooseGrowth(GrowthKind::Constant),
        Action::ChooseProfile(1, ProfileKind::Custom),
        Action::ValueByCapacity(1, true),
        Action::SetFirm(1, false),
        Action::SetInclude(1, false),
        Action::SetFirmOnly(true),
        Action::ChooseShortfall(Shortfall::Unpaid),
        Action::AddDeal,
        Action::DuplicateDeal(0),
        Action::RemoveDeal(0),
        Action::MoveDeal(0, 2),
        Action::AddRow(Table::Raises),
        Action::RemoveRow(Table::OpexShares, 0),
        Action::Load(Rc::new(preset("blank").scenario()), Some(preset("blank"))),
    ];
    for action in changes {
        let changed = s0
            .apply(action.clone())
            .unwrap_or_else(|| panic!("{action:?} changes nothing"));
        assert_ne!(changed.form, s0.form, "{action:?}");
        let undone = changed.apply(Action::Undo).unwrap();
        assert_eq!(undone.form, s0.form, "{action:?}");
        assert_eq!(undone.scenario, s0.scenario, "{action:?}");
    }
}

#[test]
fn typing_in_a_field_is_one_change_per_commit() {
    let s0 = state(presets::openai_november_2025());
    let edit = |text: &str| Action::Edit(Field::RevenueBase, text.into());
    let typed = run(s0.clone(), [edit("1"), edit("13"), edit("13.5")]);
    assert_eq!(typed.history.depth(), 1, "keystrokes join one change");
    let committed = run(typed, [Action::Commit, edit("13.56"), edit("13.567")]);
    assert_eq!(
        committed.history.depth(),
        2,
        "an edit after leaving the field is its own"
    );
    let back = committed.apply(Action::Undo).unwrap();
    assert_eq!(back.form.revenue_base, "13.5");
    let back = back.apply(Action::Undo).unwrap();
    assert_eq!(back.form.revenue_base, s0.form.revenue_base);
    assert!(back.apply(Action::Undo).is_none());
    // Another field is another change, and a commit with nothing open changes nothing.
    let two = run(
        s0.clone(),
        [edit("1"), Action::Edit(Field::OpeningCash, "5".into())],
    );
    assert_eq!(two.history.depth(), 2);
    assert!(s0.apply(Action::Commit).is_none());
}

#[test]
fn undo_brings_back_a_bad_value_with_its_message() {
    let s0 = state(presets::openai_november_2025());
    let bad = run(
        s0,
        [
            Action::Edit(Field::RevenueBase, "lots".into()),
            Action::Commit,
            Action::RemoveDeal(0),
        ],
    );
    assert!(bad.is_stale());
    let back = bad.apply(Action::Undo).unwrap();
    assert_eq!(back.form.revenue_base, "lots");
    assert_eq!(
        back.errors.get("revenue.base"),
        Some("\"lots\" is not a number")
    );
}

#[test]
fn switching_preset_is_undone_with_the_edits_before_it() {
    let openai = preset("openai-2025-11");
    let anthropic = preset("anthropic-2025-11");
    let mut s0 = state(openai.scenario());
    s0.form.preset = Some(openai);
    let edited = run(
        s0,
        [
            Action::Edit(Field::RevenueBase, "21".into()),
            Action::Commit,
        ],
    );
    let switched = edited
        .apply(Action::Load(Rc::new(anthropic.scenario()), Some(anthropic)))
        .unwrap();
    assert_eq!(switched.form.preset, Some(anthropic));
    assert_eq!(
        switched.note.as_ref().map(|n| &*n.text),
        Some("Switched to Anthropic, November 2025.")
    );
    let back = switched.apply(Action::Undo).unwrap();
    assert_eq!(
        back.form.preset,
        Some(openai),
        "the picker shows the preset again"
    );
    assert_eq!(back.form.revenue_base, "21", "with the edit made to it");
    assert_eq!(back.scenario, edited.scenario);
    // Choosing the preset already shown changes nothing and records nothing.
    assert!(switched
        .apply(Action::Load(Rc::new(anthropic.scenario()), Some(anthropic)))
        .is_none());
}

#[test]
fn going_back_in_the_browser_steps_through_the_history() {
    use crate::codec::encode;
    let openai = preset("openai-2025-11");
    let anthropic = preset("anthropic-2025-11");
    let edited = run(
        state(openai.scenario()),
        [Action::Edit(Field::RevenueBase, "21".into())],
    );
    let switched = edited
        .apply(Action::Load(Rc::new(anthropic.scenario()), Some(anthropic)))
        .unwrap();
    // Back: the address holds the edited scenario, which is one undo away.
    assert_eq!(switched.visit(&encode(&edited.scenario)), Visit::Undo);
    let back = switched.apply(Action::Undo).unwrap();
    assert_eq!(back.form, edited.form);
    assert_eq!(
        back.history.redo_label(),
        Some("switching to Anthropic, November 2025")
    );
    // Forward: one redo away.
    assert_eq!(back.visit(&encode(&anthropic.scenario())), Visit::Redo);
    // The scenario already shown, and one the history does not hold.
    assert_eq!(back.visit(&encode(&edited.scenario)), Visit::Here);
    assert_eq!(
        back.visit(&encode(&preset("blank").scenario())),
        Visit::Elsewhere
    );
    assert_eq!(back.visit("s1.not-a-link"), Visit::Elsewhere);
    // While the form holds a mistake, even the scenario on screen is elsewhere: going there
    // replaces the mistake.
    let bad = back
        .apply(Action::Edit(Field::RevenueBase, "lots".into()))
        .unwrap();
    assert_eq!(bad.visit(&encode(&edited.scenario)), Visit::Undo);
}

#[test]
fn deal_actions_say_what_happened() {
    let s0 = state(presets::openai_november_2025());
    let cases = [
        (Action::RemoveDeal(3), Some("Removed Oracle.")),
        (
            Action::DuplicateDeal(3),
            Some("Duplicated Oracle: the copy is below it."),
        ),
        (Action::MoveDeal(3, 2), Some("Moved Oracle up: now 3 of 8.")),
        (
            Action::MoveDeal(3, 4),
            Some("Moved Oracle down: now 5 of 8."),
        ),
        (Action::SetFirm(3, false), None),
        (Action::Edit(Field::RevenueBase, "20".into()), None),
    ];
    for (action, want) in cases {
        let next = s0.apply(action.clone()).unwrap();
        assert_eq!(next.note.as_ref().map(|n| &*n.text), want, "{action:?}");
        if want.is_some() {
            assert!(next.note.as_ref().unwrap().offer_undo);
            let gone = next.apply(Action::DismissNote).unwrap();
            assert_eq!(gone.note, None);
            assert_eq!(gone.form, next.form);
        }
    }
    // A later edit clears the note.
    let removed = s0.apply(Action::RemoveDeal(0)).unwrap();
    let edited = removed
        .apply(Action::Edit(Field::RevenueBase, "20".into()))
        .unwrap();
    assert_eq!(edited.note, None);
}

#[test]
fn a_change_that_changes_nothing_is_not_recorded() {
    let s0 = state(presets::openai_november_2025());
    let same = Action::Edit(Field::RevenueBase, s0.form.revenue_base.clone());
    assert!(s0.apply(same).is_none());
    assert!(s0.apply(Action::MoveDeal(0, 0)).is_none());
    assert!(s0.apply(Action::RemoveDeal(99)).is_none());
    assert!(s0.apply(Action::Undo).is_none());
    assert!(s0.apply(Action::DismissNote).is_none());
}
