//! The supplier table for a hand-made pair of companies sharing a supplier, checked by hand.

use super::*;
use crate::presets;
use crate::scenario::{Deal, DealValue, Draft, Growth, Profile, Raise, RevenueShare};

/// 2025..=2029, revenue 10 a year, no other costs, no cash.
pub(super) fn company(name: &str, deals: Vec<Deal>, raises: Vec<Raise>) -> Scenario {
    let mut d: Draft = presets::blank().draft().clone();
    d.name = name.into();
    (d.start_year, d.end_year) = (2025, 2029);
    d.deals = deals;
    d.revenue.base = 10.0;
    d.revenue.growth = Growth::Constant { rate: 0.0 };
    d.costs.opex_share = vec![(2025, 0.0)];
    d.costs.revenue_share = RevenueShare {
        rate: 0.0,
        until: 2025,
    };
    d.funding.opening_cash = 0.0;
    d.funding.raises = raises;
    Scenario::new(d).unwrap()
}

pub(super) fn deal(counterparty: &str, value: f64, years: i32) -> Deal {
    Deal {
        name: format!("{counterparty} deal"),
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

/// Alpha owes Amazon 10 and Oracle 20 a year in 2025..=2027 (P = 30 against 10 of revenue:
/// N = -20). With no cash and payments going unpaid, each of those years leaves U = 20
/// unpaid, shared 10/30 to Amazon (6.67) and 20/30 to Oracle (13.33): 20 and 40 in all.
/// Beta owes "amazon " 10 a year in 2025..=2026 (N = 0: nothing unpaid) and " AMAZON" put 5
/// into it in 2025.
pub(super) fn pair() -> Vec<Scenario> {
    vec![
        company(
            "Alpha, test",
            vec![deal("Amazon", 30.0, 3), deal("Oracle", 60.0, 3)],
            vec![],
        ),
        company(
            "Beta",
            vec![deal("amazon ", 20.0, 2)],
            vec![Raise::from(2025, 5.0, " AMAZON")],
        ),
    ]
}

pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn a_pair_of_companies_sharing_a_supplier_by_hand() {
    let t = suppliers(&pair());
    assert_eq!(t.companies, ["Alpha", "Beta"]);
    let names: Vec<&str> = t.suppliers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Oracle", "Amazon"],
        "largest dues first; first spelling"
    );

    let oracle = &t.suppliers[0];
    assert_eq!(oracle.links.len(), 1);
    let l = &oracle.links[0];
    assert_eq!(
        (l.company, l.deals, l.commitments, l.due, l.received),
        (0, 1, 60.0, 60.0, 0.0)
    );
    assert!(close(l.unpaid, 40.0) && close(l.net(), 20.0), "{l:?}");

    let amazon = &t.suppliers[1];
    let [a, b] = &amazon.links[..] else {
        panic!("Amazon is owed by both: {amazon:?}")
    };
    assert_eq!((a.company, a.deals, a.due, a.received), (0, 1, 30.0, 0.0));
    assert!(close(a.unpaid, 20.0) && close(a.net(), 10.0), "{a:?}");
    assert_eq!(
        (b.company, b.deals, b.due, b.unpaid, b.received),
        (1, 1, 20.0, 0.0, 5.0)
    );
    assert_eq!(b.net(), 15.0);
    assert_eq!(amazon.due(), 50.0);
    assert_eq!(amazon.largest_share(), Some(0.6));
    assert_eq!(oracle.largest_share(), Some(1.0));

    assert_eq!(
        headline(&t),
        "Oracle is owed $60B, all of it by Alpha; at these assumptions $40B of it goes unpaid."
    );
}

#[test]
fn the_csv_has_one_row_per_supplier_and_company() {
    let text = csv(&suppliers(&pair()));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "supplier,company,deals,commitments,due_in_horizon,unpaid,received,net"
    );
    let oracle: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(oracle[..5], ["Oracle", "Alpha", "1", "60", "60"]);
    assert!(close(oracle[5].parse().unwrap(), 40.0));
    assert_eq!(oracle[6], "0");
    let beta = lines[3];
    assert_eq!(beta, "Amazon,Beta,1,20,20,0,5,15");
    assert_eq!(lines.len(), 5, "three rows and the final line end: {text}");
}

#[test]
fn the_company_setting_for_shortfall_does_not_matter_here() {
    // A company whose own rule is "cash goes below zero" still shows what would go unpaid.
    let t = suppliers(&pair());
    let mut d = pair()[0].draft().clone();
    d.financing = Some(Financing {
        shortfall: Shortfall::NegativeCash,
        ..Financing::default()
    });
    let explicit = suppliers(&[Scenario::new(d).unwrap(), pair()[1].clone()]);
    assert_eq!(t, explicit);
}

#[test]
fn names_are_quoted_and_companies_made_distinct() {
    let a = company("Same", vec![deal("Cloud, \"big\"", 10.0, 1)], vec![]);
    let t = suppliers(&[a.clone(), a]);
    assert_eq!(t.companies, ["Same", "Same (2)"]);
    assert!(csv(&t).contains("\"Cloud, \"\"big\"\"\",Same (2),1,10,10,0,0,10\r\n"));
}

#[test]
fn the_default_pair_says_who_is_owed_most() {
    let t = suppliers(&[
        presets::openai_november_2025(),
        presets::anthropic_november_2025(),
    ]);
    let sentence = headline(&t);
    let top = &t.suppliers[0];
    assert!(sentence.starts_with(&format!(
        "{} is owed {}",
        top.name,
        format::money(top.due())
    )));
    // Microsoft is owed by both, and put money into Anthropic.
    let microsoft = t.suppliers.iter().find(|s| s.name == "Microsoft").unwrap();
    assert_eq!(microsoft.links.len(), 2);
    assert_eq!(microsoft.received(), 5.0);
}

#[test]
fn dues_per_year_by_hand_and_across_horizons() {
    // Alpha's horizon is 2025..=2029; Gamma's 2027..=2031 owes Oracle 5 a year from 2030.
    let mut gamma = company("Gamma", vec![deal("oracle", 10.0, 2)], vec![])
        .draft()
        .clone();
    (gamma.start_year, gamma.end_year) = (2027, 2031);
    gamma.deals[0].start_year = 2030;
    let companies = vec![
        pair().remove(0),
        pair().remove(1),
        Scenario::new(gamma).unwrap(),
    ];
    let t = suppliers(&companies);
    let y = years::due_by_year(&companies, &t).unwrap();
    assert_eq!((y.first_year, y.last_year), (2025, 2031));
    assert_eq!(y.years().count(), 7);
    let names: Vec<&str> = t.suppliers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Oracle", "Amazon"]);
    assert_eq!(y.due[0], [20.0, 20.0, 20.0, 0.0, 0.0, 5.0, 5.0]);
    assert_eq!(y.due[1], [20.0, 20.0, 10.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(y.total(0), 40.0);
    assert_eq!(years::due_by_year(&[], &suppliers(&[])), None);
}

proptest::proptest! {
    /// Over the years, each supplier's dues add up to its dues in the table.
    #[test]
    fn dues_per_year_add_up_to_the_table(
        a in 0.0f64..500.0, b in 0.0f64..500.0, years_a in 1i32..8, shift in 0i32..4,
    ) {
        let mut late = company("Late", vec![deal("Amazon", b, 3), deal("Zeta", a, 2)], vec![])
            .draft()
            .clone();
        late.start_year += shift;
        late.end_year += shift;
        for d in &mut late.deals {
            d.start_year += shift;
        }
        let companies = vec![
            company("Early", vec![deal("amazon", a, years_a), deal("Oracle", b, 2)], vec![]),
            Scenario::new(late).unwrap(),
        ];
        let t = suppliers(&companies);
        let y = years::due_by_year(&companies, &t).unwrap();
        for (s, due) in t.suppliers.iter().zip(&y.due) {
            let sum: f64 = due.iter().sum();
            proptest::prop_assert!(close(sum, s.due()), "{}: {sum} vs {}", s.name, s.due());
        }
    }
}
