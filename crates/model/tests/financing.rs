//! Financing and shortfall (issue 12, `docs/MODEL.md` "Financing"): each rule against tables
//! computed by hand (the arithmetic is in the comments), the new validation rules, the file
//! forms of raises, and properties over arbitrary valid scenarios: without a financing section
//! cash follows the original identity to the last bit; with one, the full identity
//! Cash_y = Cash_{y-1} + N_y + raised_y - I_y + B_y - Q_y + U_y holds every year, debt never
//! exceeds the limit and U_y never exceeds P_y.
#![cfg(not(target_arch = "wasm32"))]

use coverage_model::engine::{self, Projection, YearValue};
use coverage_model::export;
use coverage_model::presets;
use coverage_model::scenario::{
    Credit, Deal, DealValue, Draft, Financing, Growth, Profile, Raise, RevenueShare, Scenario,
    Shortfall,
};
use proptest::prelude::*;

mod common;
use common::{draft as any_draft, TOLERANCE};

fn close(got: f64, expected: f64) -> bool {
    (got - expected).abs() <= TOLERANCE * expected.abs().max(1.0)
}

#[track_caller]
fn assert_column(
    p: &Projection,
    what: &str,
    column: impl Fn(&engine::YearRow) -> f64,
    want: &[f64],
) {
    let got: Vec<f64> = p.rows.iter().map(column).collect();
    assert_eq!(got.len(), want.len(), "{what}: {got:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(close(*g, *w), "{what}: got {got:?}, expected {want:?}");
    }
}

/// 2025..=2029, revenue 10 a year, no other costs, no cash, no raises, no deals.
fn plain() -> Draft {
    let mut d = presets::blank().draft().clone();
    d.name = "financing test".into();
    (d.start_year, d.end_year) = (2025, 2029);
    d.deals.clear();
    d.revenue.base = 10.0;
    d.revenue.growth = Growth::Constant { rate: 0.0 };
    d.costs.opex_share = vec![(2025, 0.0)];
    d.costs.revenue_share = RevenueShare {
        rate: 0.0,
        until: 2025,
    };
    d.funding.opening_cash = 0.0;
    d.funding.raises.clear();
    d.discount_rate = 0.0;
    d
}

/// A firm deal paying `value / years` a year from 2025.
fn deal(name: &str, counterparty: &str, value: f64, years: i32) -> Deal {
    Deal {
        name: name.into(),
        counterparty: counterparty.into(),
        value: DealValue::total(value),
        start_year: 2025,
        years,
        profile: Profile::Even,
        firm: true,
        include: true,
        source: None,
        note: None,
    }
}

fn financing(min_cash: f64, credit: Option<(f64, f64)>, shortfall: Shortfall) -> Option<Financing> {
    Some(Financing {
        min_cash,
        credit: credit.map(|(limit, rate)| Credit { limit, rate }),
        shortfall,
        note: None,
    })
}

fn project(d: Draft) -> Projection {
    engine::project(&Scenario::new(d).expect("valid test scenario"))
}

/// One deal of 75 over 2025..=2027 (25 a year): N = -15, -15, -15, +10, +10.
fn three_lean_years() -> Draft {
    let mut d = plain();
    d.deals = vec![deal("A", "Cloud", 75.0, 3)];
    d
}

#[test]
fn borrows_to_keep_min_cash_pays_interest_on_start_of_year_debt_and_repays() {
    // min_cash 5, credit 100 at 10%:
    // 2025: I = 0;              pre = 0 - 15 - 0 = -15   -> B = min(20, 100) = 20,  cash 5, debt 20
    // 2026: I = 0.1 x 20 = 2;   pre = 5 - 15 - 2 = -12   -> B = min(17, 80) = 17,   cash 5, debt 37
    // 2027: I = 3.7;            pre = 5 - 15 - 3.7 = -13.7 -> B = 18.7,             cash 5, debt 55.7
    // 2028: I = 5.57;           pre = 5 + 10 - 5.57 = 9.43 -> Q = min(55.7, 4.43),   cash 5, debt 51.27
    // 2029: I = 5.127;          pre = 5 + 10 - 5.127 = 9.873 -> Q = 4.873,           cash 5, debt 46.397
    let mut d = three_lean_years();
    d.financing = financing(5.0, Some((100.0, 0.1)), Shortfall::NegativeCash);
    let p = project(d);
    assert_column(
        &p,
        "interest",
        |r| r.interest,
        &[0.0, 2.0, 3.7, 5.57, 5.127],
    );
    assert_column(
        &p,
        "borrowed",
        |r| r.borrowed,
        &[20.0, 17.0, 18.7, 0.0, 0.0],
    );
    assert_column(&p, "repaid", |r| r.repaid, &[0.0, 0.0, 0.0, 4.43, 4.873]);
    assert_column(&p, "debt", |r| r.debt, &[20.0, 37.0, 55.7, 51.27, 46.397]);
    assert_column(&p, "cash", |r| r.cash, &[5.0; 5]);
    assert_column(&p, "unpaid", |r| r.unpaid, &[0.0; 5]);
    // N_y is A_y - P_y exactly as before: interest is not part of it.
    assert_column(
        &p,
        "net cash flow",
        |r| r.net_cash_flow,
        &[-15.0, -15.0, -15.0, 10.0, 10.0],
    );
    let s = &p.summary;
    let peak = s.peak_debt.expect("it borrows");
    assert_eq!(peak.year, 2027);
    assert!(close(peak.value, 55.7));
    assert!(close(s.total_interest, 16.397));
    assert_eq!(s.funding_gap, 0.0);
    assert_eq!(s.cash_runs_out, None);
    assert_eq!((s.total_unpaid, s.first_unpaid_year), (0.0, None));
}

#[test]
fn the_limit_caps_borrowing_and_the_gap_is_what_is_still_missing() {
    // min_cash 5, credit 30 at 0%:
    // 2025: pre = -15       -> B = min(20, 30) = 20,  cash 5,   debt 20
    // 2026: pre = 5 - 15 = -10 -> B = min(15, 10) = 10, cash 0, debt 30 (limit reached)
    // 2027: pre = 0 - 15 = -15 -> B = min(20, 0) = 0,  cash -15
    // 2028: pre = -15 + 10 = -5 -> B = 0,              cash -5
    // 2029: pre = -5 + 10 = 5 >= 5 -> Q = min(30, 0) = 0, cash 5
    let mut d = three_lean_years();
    d.financing = financing(5.0, Some((30.0, 0.0)), Shortfall::NegativeCash);
    let p = project(d);
    assert_column(&p, "borrowed", |r| r.borrowed, &[20.0, 10.0, 0.0, 0.0, 0.0]);
    assert_column(&p, "debt", |r| r.debt, &[20.0, 30.0, 30.0, 30.0, 30.0]);
    assert_column(&p, "cash", |r| r.cash, &[5.0, 0.0, -15.0, -5.0, 5.0]);
    let s = &p.summary;
    assert_eq!(
        s.peak_debt,
        Some(YearValue {
            year: 2026,
            value: 30.0
        })
    );
    assert_eq!(
        s.funding_gap, 15.0,
        "the money still missing after the line"
    );
    assert_eq!(s.cash_runs_out, Some(2027));
}

#[test]
fn a_credit_line_beyond_the_need_means_no_gap() {
    let mut d = three_lean_years();
    d.financing = financing(0.0, Some((1000.0, 0.05)), Shortfall::NegativeCash);
    let p = project(d);
    assert_eq!(p.summary.funding_gap, 0.0);
    assert!(p.rows.iter().all(|r| r.cash >= -1e-12));
}

#[test]
fn unpaid_payments_are_shared_pro_rata_and_matched_by_name() {
    // Oracle 10 a year and Nvidia 20 a year over 2025..=2027: P = 30, N = -20.
    // Nvidia (written " nvidia ") puts in 5 in 2026. Shortfall "unpaid", no credit:
    // 2025: c = -20        -> U = min(30, 20) = 20: Oracle 20 x 10/30, Nvidia 20 x 20/30; cash 0
    // 2026: c = -20 + 5    -> U = 15: Oracle 5, Nvidia 10; cash 0
    // 2027: c = -20        -> U = 20: Oracle 6.667, Nvidia 13.333; cash 0
    // 2028, 2029: +10 each -> cash 10, 20
    let mut d = plain();
    d.deals = vec![
        deal("Cloud", "Oracle", 30.0, 3),
        deal("Chips", "Nvidia", 60.0, 3),
    ];
    d.funding.raises = vec![Raise::from(2026, 5.0, " nvidia ")];
    d.financing = financing(0.0, None, Shortfall::Unpaid);
    let p = project(d);
    assert_column(&p, "unpaid", |r| r.unpaid, &[20.0, 15.0, 20.0, 0.0, 0.0]);
    assert_column(&p, "cash", |r| r.cash, &[0.0, 0.0, 0.0, 10.0, 20.0]);
    let oracle = &p.deals[0].unpaid;
    let nvidia = &p.deals[1].unpaid;
    for (got, want) in [
        (oracle, [20.0 / 3.0, 5.0, 20.0 / 3.0, 0.0, 0.0]),
        (nvidia, [40.0 / 3.0, 10.0, 40.0 / 3.0, 0.0, 0.0]),
    ] {
        assert!(got.iter().zip(want).all(|(g, w)| close(*g, w)), "{got:?}");
    }
    let s = &p.summary;
    assert!(close(s.total_unpaid, 55.0));
    assert_eq!(s.first_unpaid_year, Some(2025));
    assert_eq!(s.funding_gap, 0.0);

    let by_name: Vec<(&str, usize, f64, f64, f64, f64)> = p
        .counterparties
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.deals,
                c.due,
                c.unpaid,
                c.received,
                c.net(),
            )
        })
        .collect();
    assert_eq!(by_name.len(), 2, "{by_name:?}");
    let (name, deals, due, unpaid, received, net) = by_name[0];
    assert_eq!((name, deals, due, received), ("Oracle", 1, 30.0, 0.0));
    assert!(close(unpaid, 55.0 / 3.0) && close(net, 30.0 - 55.0 / 3.0));
    let (name, deals, due, unpaid, received, net) = by_name[1];
    assert_eq!((name, deals, due, received), ("Nvidia", 1, 60.0, 5.0));
    assert!(close(unpaid, 110.0 / 3.0) && close(net, 60.0 - 110.0 / 3.0 - 5.0));
    assert_eq!(p.raised_by_source.len(), 1);
    assert_eq!(p.raised_by_source[0].name.as_deref(), Some("nvidia"));
    assert_eq!(p.raised_by_source[0].amount, 5.0);
}

#[test]
fn unpaid_never_exceeds_the_payments_due() {
    // Opening cash -50, one deal of 10 in 2025: c = -50 + 10 - 10 = -50 -> U = min(10, 50) = 10,
    // cash -40; later years pay nothing, so nothing more goes unpaid: cash -30, -20, -10, 0.
    let mut d = plain();
    d.funding.opening_cash = -50.0;
    d.deals = vec![deal("A", "Cloud", 10.0, 1)];
    d.financing = financing(0.0, None, Shortfall::Unpaid);
    let p = project(d);
    assert_column(&p, "unpaid", |r| r.unpaid, &[10.0, 0.0, 0.0, 0.0, 0.0]);
    assert_column(&p, "cash", |r| r.cash, &[-40.0, -30.0, -20.0, -10.0, 0.0]);
    assert_eq!(p.summary.funding_gap, 40.0);
}

#[test]
fn credit_comes_first_then_payments_go_unpaid() {
    // Credit 12 at 0%, shortfall unpaid, min_cash 0, N = -15 in 2025..=2027:
    // 2025: pre -15 -> B 12, c -3 -> U 3, cash 0, debt 12
    // 2026: pre -15 -> B 0 (limit), c -15 -> U 15, cash 0
    // 2027: same: U 15. 2028: pre 10 -> Q 10, cash 0, debt 2. 2029: Q 2, cash 8.
    let mut d = three_lean_years();
    d.financing = financing(0.0, Some((12.0, 0.0)), Shortfall::Unpaid);
    let p = project(d);
    assert_column(&p, "borrowed", |r| r.borrowed, &[12.0, 0.0, 0.0, 0.0, 0.0]);
    assert_column(&p, "unpaid", |r| r.unpaid, &[3.0, 15.0, 15.0, 0.0, 0.0]);
    assert_column(&p, "repaid", |r| r.repaid, &[0.0, 0.0, 0.0, 10.0, 2.0]);
    assert_column(&p, "cash", |r| r.cash, &[0.0, 0.0, 0.0, 0.0, 8.0]);
    assert_eq!(p.summary.first_unpaid_year, Some(2025));
}

#[test]
fn min_cash_without_a_credit_line_changes_nothing() {
    let mut with = three_lean_years();
    with.financing = financing(5.0, None, Shortfall::NegativeCash);
    let (a, b) = (project(three_lean_years()), project(with));
    assert_eq!(a.rows, b.rows);
    assert_eq!(a.summary, b.summary);
}

#[test]
fn the_growth_needed_accounts_for_credit_and_unpaid_payments() {
    // The credit line carries the lean years, so less growth is needed; the verdict at the
    // rate found agrees with the projection under the same rules.
    let mut d = presets::openai_november_2025().draft().clone();
    d.financing = None;
    let base = Scenario::new(d.clone()).unwrap();
    d.financing = financing(0.0, Some((500.0, 0.05)), Shortfall::NegativeCash);
    let with_credit = Scenario::new(d).unwrap();
    let (engine::RequiredGrowth::Reachable(g0), engine::RequiredGrowth::Reachable(g1)) = (
        engine::project(&base).summary.required_growth,
        engine::project(&with_credit).summary.required_growth,
    ) else {
        panic!("reachable in both");
    };
    assert!(g1 < g0, "credit lowers the growth needed: {g1} vs {g0}");
    assert!(engine::solvent_at(&with_credit, g1));
    assert!(!engine::solvent_at(
        &with_credit,
        g1 - 2.0 * engine::GROWTH_TOLERANCE
    ));

    // Under "unpaid", cash never goes below zero here, but the growth needed is the growth at
    // which every payment is made: the same as without the rule.
    let mut d = base.draft().clone();
    d.financing = financing(0.0, None, Shortfall::Unpaid);
    let unpaid = Scenario::new(d).unwrap();
    assert_eq!(
        engine::project(&unpaid).summary.required_growth,
        engine::RequiredGrowth::Reachable(g0)
    );
}

#[test]
fn each_new_rule_has_a_message_with_its_path() {
    type Case = (&'static str, fn(&mut Draft), &'static str);
    let cases: [Case; 6] = [
        (
            "financing.credit.limit",
            |d| d.financing = financing(0.0, Some((-1.0, 0.1)), Shortfall::NegativeCash),
            "The credit limit must be between $0B and $1000000B; got -1",
        ),
        (
            "financing.credit.rate",
            |d| d.financing = financing(0.0, Some((10.0, 1.5)), Shortfall::NegativeCash),
            "The interest rate must be between 0% and 100% a year; got 150%",
        ),
        (
            "financing.credit.rate",
            |d| d.financing = financing(0.0, Some((10.0, -0.01)), Shortfall::NegativeCash),
            "The interest rate must be between 0% and 100% a year; got -1%",
        ),
        (
            "financing.min_cash",
            |d| d.financing = financing(-5.0, None, Shortfall::NegativeCash),
            "The cash to keep must be between $0B and $1000000B; got -5",
        ),
        (
            "financing.min_cash",
            |d| d.financing = financing(f64::NAN, None, Shortfall::NegativeCash),
            "The cash to keep must be a finite number; got not a number",
        ),
        (
            "funding.raises[0].from",
            |d| d.funding.raises = vec![Raise::from(2026, 1.0, &"x".repeat(81))],
            "Who put the money in must be at most 80 characters; got 81",
        ),
    ];
    for (path, edit, message) in cases {
        let mut d = plain();
        edit(&mut d);
        let err = Scenario::new(d).unwrap_err().to_string();
        assert!(
            err.contains(&format!("{message} (at {path})")),
            "{path}: got {err}"
        );
    }
}

/// The blank preset as JSON with `funding` replaced.
fn with_funding(funding: &str, extra: &str) -> String {
    let text = presets::blank().to_json_compact();
    let old = r#""funding":{"opening_cash":5.0,"raises":[]}"#;
    assert!(text.contains(old), "{text}");
    text.replacen(old, &format!(r#""funding":{funding}{extra}"#), 1)
}

#[test]
fn file_errors_name_the_broken_part() {
    let cases = [
        (
            with_funding(
                r#"{"opening_cash":5,"raises":[]}"#,
                r#","financing":{"shortfall":"default"}"#,
            ),
            r#"The shortfall rule (`shortfall`) must be "negative_cash" or "unpaid"; got "default""#,
        ),
        (
            with_funding(r#"{"opening_cash":5,"raises":[{"amount":5}]}"#, ""),
            "A raise written as an object needs `year`",
        ),
        (
            with_funding(
                r#"{"opening_cash":5,"raises":[{"year":2026,"from":"Nvidia"}]}"#,
                "",
            ),
            "A raise written as an object needs `amount`",
        ),
        (
            with_funding(
                r#"{"opening_cash":5,"raises":[{"year":2026,"amount":1,"by":"x"}]}"#,
                "",
            ),
            "Unknown field `by` in a raise",
        ),
        (
            with_funding(r#"{"opening_cash":5,"raises":[[2026]]}"#, ""),
            "A raise written as a pair is [year, amount]",
        ),
        (
            with_funding(
                r#"{"opening_cash":5,"raises":[]}"#,
                r#","financing":{"credit":{"limit":5}}"#,
            ),
            "The field `rate` is missing",
        ),
    ];
    for (text, message) in cases {
        let err = Scenario::from_json(&text).unwrap_err().to_string();
        assert!(err.contains(message), "{message}: got {err}");
    }
}

#[test]
fn raises_read_in_both_forms_and_write_back_as_they_came() {
    let text = with_funding(
        r#"{"opening_cash":5,"raises":[[2026,3],{"year":2027,"amount":10,"from":"Nvidia","note":"first GW"},{"year":2028,"amount":2}]}"#,
        r#","financing":{"min_cash":1,"credit":{"limit":50,"rate":0.07},"shortfall":"unpaid"}"#,
    );
    let s = Scenario::from_json(&text).unwrap();
    assert_eq!(
        s.funding.raises,
        vec![
            Raise::new(2026, 3.0),
            Raise {
                note: Some("first GW".into()),
                ..Raise::from(2027, 10.0, "Nvidia")
            },
            Raise::new(2028, 2.0),
        ]
    );
    assert_eq!(
        s.financing,
        financing(1.0, Some((50.0, 0.07)), Shortfall::Unpaid)
    );
    let compact = s.to_json_compact();
    assert!(
        compact.contains(r#""raises":[[2026,3.0],{"year":2027,"amount":10.0,"from":"Nvidia","note":"first GW"},[2028,2.0]]"#),
        "{compact}"
    );
    assert!(
        compact.contains(r#""financing":{"min_cash":1.0,"credit":{"limit":50.0,"rate":0.07},"shortfall":"unpaid"}"#),
        "{compact}"
    );
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    // Defaults: an empty section is no credit, nothing kept, cash below zero.
    let empty = Scenario::from_json(&with_funding(
        r#"{"opening_cash":5,"raises":[]}"#,
        r#","financing":{}"#,
    ))
    .unwrap();
    assert_eq!(
        empty.financing,
        financing(0.0, None, Shortfall::NegativeCash)
    );
}

#[test]
fn files_from_before_financing_read_and_write_unchanged() {
    for preset in presets::PRESETS.iter() {
        let s = preset.scenario();
        let compact = s.to_json_compact();
        let again = Scenario::from_json(&compact).unwrap();
        assert_eq!(again.to_json_compact(), compact);
        if s.financing.is_none() {
            assert!(!compact.contains("financing"), "{compact}");
        }
    }
}

#[test]
fn csv_carries_the_financing_columns() {
    let mut d = three_lean_years();
    d.financing = financing(5.0, Some((100.0, 0.1)), Shortfall::NegativeCash);
    let csv = export::projection_csv(&project(d));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "year,revenue,revenue_share,other_costs,available,commitments,net_cash_flow,raised,cash,coverage,revenue_coverage,interest,borrowed,repaid,debt,unpaid,A"
    );
    assert_eq!(
        lines.next().unwrap(),
        "2025,10,0,0,10,25,-15,0,5,0.4,0.4,0,20,0,20,0,25"
    );
    assert_eq!(
        lines.next().unwrap(),
        "2026,10,0,0,10,25,-15,0,5,0.4,0.4,2,17,0,37,0,25"
    );
}

fn financing_strategy() -> impl Strategy<Value = Financing> {
    let money = prop_oneof![0.0f64..=100.0, 0.0f64..=1.0e6];
    let credit = prop::option::of(
        (money.clone(), 0.0f64..=1.0).prop_map(|(limit, rate)| Credit { limit, rate }),
    );
    let shortfall = prop_oneof![Just(Shortfall::NegativeCash), Just(Shortfall::Unpaid)];
    (money, credit, shortfall).prop_map(|(min_cash, credit, shortfall)| Financing {
        min_cash,
        credit,
        shortfall,
        note: None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Without a financing section cash follows the original identity,
    /// Cash_y = Cash_{y-1} + (N_y + raised_y), to the last bit, and every new figure is zero.
    #[test]
    fn without_financing_cash_is_the_original_identity(d in any_draft()) {
        let s = Scenario::new(d).unwrap();
        let p = engine::project(&s);
        let mut cash = s.funding.opening_cash;
        for r in &p.rows {
            cash += r.net_cash_flow + r.raised;
            prop_assert_eq!(r.cash.to_bits(), cash.to_bits());
            prop_assert_eq!([r.interest, r.borrowed, r.repaid, r.debt, r.unpaid], [0.0; 5]);
        }
        prop_assert_eq!(p.summary.peak_debt, None);
        prop_assert_eq!(p.summary.total_unpaid, 0.0);
    }

    /// With financing: the full cash identity every year, debt within [0, limit], unpaid within
    /// [0, P_y], the unpaid shares add up to U_y, and every figure finite.
    #[test]
    fn with_financing_the_rules_hold(d in any_draft(), f in financing_strategy()) {
        let mut d = d;
        d.financing = Some(f.clone());
        let s = Scenario::new(d).unwrap();
        let p = engine::project(&s);
        common::all_finite(&p).map_err(TestCaseError::fail)?;
        let limit = f.credit.map_or(0.0, |c| c.limit);
        let (mut cash, mut debt) = (s.funding.opening_cash, 0.0);
        for (t, r) in p.rows.iter().enumerate() {
            let want = cash + r.net_cash_flow + r.raised - r.interest + r.borrowed - r.repaid + r.unpaid;
            let scale = [cash, r.net_cash_flow, r.raised, r.interest, r.borrowed, r.repaid, r.unpaid]
                .iter()
                .fold(1.0f64, |m, x| m.max(x.abs()));
            prop_assert!((r.cash - want).abs() <= 1e-9 * scale, "{}: {} vs {}", r.year, r.cash, want);
            prop_assert!(r.interest >= 0.0 && r.borrowed >= 0.0 && r.repaid >= 0.0);
            prop_assert!(r.borrowed == 0.0 || r.repaid == 0.0, "borrows and repays in one year");
            prop_assert!(r.debt >= 0.0 && r.debt <= limit * (1.0 + 1e-12), "debt {} over {}", r.debt, limit);
            prop_assert!(r.unpaid >= 0.0 && r.unpaid <= r.commitments, "U {} over P {}", r.unpaid, r.commitments);
            if f.shortfall == Shortfall::NegativeCash {
                prop_assert_eq!(r.unpaid, 0.0);
            }
            let rate = f.credit.map_or(0.0, |c| c.rate);
            prop_assert_eq!(r.interest.to_bits(), (rate * debt).to_bits());
            let shares: f64 = p.deals.iter().map(|d| d.unpaid[t]).sum();
            prop_assert!((shares - r.unpaid).abs() <= 1e-9 * r.unpaid.max(1.0));
            cash = r.cash;
            debt = r.debt;
        }
        let due: f64 = p.counterparties.iter().map(|c| c.due).sum();
        let all_due: f64 = p.deals.iter().map(|d| d.due()).sum();
        prop_assert!((due - all_due).abs() <= 1e-9 * all_due.max(1.0));
    }
}
