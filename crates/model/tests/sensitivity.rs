//! The sensitivity tornado: bars sorted by swing, each input moving the funding gap the way it
//! must (more revenue or cash: a smaller gap; more costs or commitments: a larger one), the
//! large deals picked by their share, and inputs left out when they cannot vary.
#![cfg(not(target_arch = "wasm32"))]

use coverage_model::engine;
use coverage_model::presets;
use coverage_model::scenario::{Draft, Scenario, Uncertainty, MAX_MONEY};
use coverage_model::sensitivity::{tornado, Bar, Input, Tornado, LARGE_DEAL_SHARE};

fn valid(draft: Draft) -> Scenario {
    Scenario::new(draft).expect("test scenario is valid")
}

fn bar(t: &Tornado, input: Input) -> &Bar {
    t.bars
        .iter()
        .find(|b| b.input == input)
        .unwrap_or_else(|| panic!("no bar for {input:?} in {:#?}", t.bars))
}

fn has(t: &Tornado, input: Input) -> bool {
    t.bars.iter().any(|b| b.input == input)
}

#[test]
fn bars_are_sorted_by_swing() {
    for p in presets::PRESETS.iter() {
        let t = tornado(&p.scenario());
        assert!(!t.bars.is_empty(), "{}", p.id);
        assert!(
            t.bars.windows(2).all(|w| w[0].swing() >= w[1].swing()),
            "{}: {:?}",
            p.id,
            t.bars.iter().map(Bar::swing).collect::<Vec<_>>()
        );
        for b in &t.bars {
            assert_eq!(
                b.swing(),
                (b.high.funding_gap - b.low.funding_gap).abs(),
                "{}",
                p.id
            );
        }
    }
}

#[test]
fn the_base_figures_are_the_projections() {
    for p in presets::PRESETS.iter() {
        let s = p.scenario();
        let t = tornado(&s);
        let summary = engine::project(&s).summary;
        assert_eq!(t.funding_gap, summary.funding_gap, "{}", p.id);
        assert_eq!(t.break_even_year, summary.break_even_year, "{}", p.id);
    }
}

#[test]
fn every_input_moves_the_gap_the_right_way() {
    // (input, does a higher value lower the gap?), on scenarios where the gap is not 0
    // Anthropic's reported raises close its gap; without them it has one.
    let mut anthropic = presets::anthropic_november_2025().draft().clone();
    anthropic.funding.raises.clear();
    for s in [
        presets::openai_november_2025(),
        Scenario::new(anthropic).unwrap(),
    ] {
        let t = tornado(&s);
        let lowers = [
            (Input::BaseRevenue, true),
            (Input::Growth, true),
            (Input::OpeningCash, true),
            (Input::NonComputeShare, false),
        ];
        for (input, higher_is_better) in lowers {
            let b = bar(&t, input);
            assert!(b.low.value < b.high.value, "{input:?}");
            if higher_is_better {
                assert!(b.high.funding_gap < b.low.funding_gap, "{input:?}: {b:?}");
            } else {
                assert!(b.high.funding_gap > b.low.funding_gap, "{input:?}: {b:?}");
            }
        }
        for b in t
            .bars
            .iter()
            .filter(|b| matches!(b.input, Input::DealValue(_)))
        {
            assert!(b.high.funding_gap > b.low.funding_gap, "{}", b.label);
        }
        // The delay's low end is the scenario as planned.
        let delay = bar(&t, Input::DealDelay);
        assert_eq!(delay.low.funding_gap, t.funding_gap);
        assert_eq!(delay.low.break_even_year, t.break_even_year);
    }
    // Revenue share: only OpenAI has one.
    let t = tornado(&presets::openai_november_2025());
    let b = bar(&t, Input::RevenueShare);
    assert!(b.high.funding_gap > b.low.funding_gap);
    assert!(b.high.break_even_year >= b.low.break_even_year);
}

#[test]
fn base_revenue_bar_moves_the_gap_and_break_even_the_right_way() {
    // On the blank scenario (constant growth) base revenue scales every year's revenue.
    let mut d = presets::blank().draft().clone();
    d.funding.opening_cash = 0.0;
    d.deals[0].value.total = Some(40.0);
    let t = tornado(&valid(d));
    let b = bar(&t, Input::BaseRevenue);
    assert_eq!((b.low.value, b.high.value), (2.5, 7.5));
    assert!(b.low.funding_gap > t.funding_gap && t.funding_gap > b.high.funding_gap);
    assert!(b.low.break_even_year > b.high.break_even_year);
    assert_eq!(
        (b.low_text(), b.high_text()),
        ("$2.5B".into(), "$7.5B".into())
    );
}

#[test]
fn large_deals_get_their_own_bars() {
    let s = presets::openai_november_2025();
    let t = tornado(&s);
    let total = engine::project(&s).summary.total_commitments;
    for (i, deal) in s.deals.iter().enumerate() {
        let large = s.counts(deal) && deal.value.amount() >= LARGE_DEAL_SHARE * total;
        assert_eq!(has(&t, Input::DealValue(i)), large, "{}", deal.name);
        if large {
            let b = bar(&t, Input::DealValue(i));
            assert_eq!(b.low.value, 0.5 * deal.value.amount());
            assert_eq!(b.high.value, 1.5 * deal.value.amount());
            assert!(b.label.contains(&deal.name));
        }
    }
    // Microsoft, Oracle, Nvidia and Broadcom; not AMD ($90B of $1,234B).
    let deal_bars = t
        .bars
        .iter()
        .filter(|b| matches!(b.input, Input::DealValue(_)))
        .count();
    assert_eq!(deal_bars, 4);
    // Counting firm deals only, the chip deals are not commitments and get no bar.
    let mut firm = s.draft().clone();
    firm.firm_only = true;
    let t = tornado(&valid(firm));
    for b in &t.bars {
        if let Input::DealValue(i) = b.input {
            assert!(s.deals[i].firm, "{}", b.label);
        }
    }
}

#[test]
fn ranges_come_from_the_uncertainty_section() {
    let s = presets::openai_november_2025();
    let t = tornado(&s);
    let growth = bar(&t, Input::Growth);
    assert_eq!((growth.low.value, growth.high.value), (0.6, 1.3));
    assert_eq!(
        (growth.low_text(), growth.high_text()),
        ("×0.6".into(), "×1.3".into())
    );
    let costs = bar(&t, Input::NonComputeShare);
    assert_eq!((costs.low.value, costs.high.value), (-0.05, 0.1));
    assert_eq!(
        (costs.low_text(), costs.high_text()),
        ("-5 pts".into(), "+10 pts".into())
    );
    let delay = bar(&t, Input::DealDelay);
    assert_eq!(
        (delay.low_text(), delay.high_text()),
        ("as planned".into(), "+1 year".into())
    );

    let mut d = s.draft().clone();
    d.uncertainty = Some(Uncertainty {
        growth_multiplier: (0.8, 2.0),
        opex_shift: (0.0, 0.0),
        ..Uncertainty::default()
    });
    let t = tornado(&valid(d));
    let growth = bar(&t, Input::Growth);
    assert_eq!((growth.low.value, growth.high.value), (0.8, 2.0));
    assert!(
        !has(&t, Input::NonComputeShare),
        "a collapsed range has no bar"
    );
}

#[test]
fn inputs_that_cannot_vary_are_left_out() {
    // The blank scenario has no revenue share.
    let blank = presets::blank();
    assert!(!has(&tornado(&blank), Input::RevenueShare));
    // No opening cash: nothing to scale.
    let mut d = blank.draft().clone();
    d.funding.opening_cash = 0.0;
    assert!(!has(&tornado(&valid(d)), Input::OpeningCash));
    // A deal already at the largest value allowed cannot be 1.5 times larger.
    let mut d = blank.draft().clone();
    d.deals[0].value.total = Some(MAX_MONEY);
    let t = tornado(&valid(d));
    assert!(!has(&t, Input::DealValue(0)));
    assert!(has(&t, Input::BaseRevenue));
    // A deal already under way in the first year is not delayed: no delay bar.
    let mut d = blank.draft().clone();
    d.deals[0].start_year = d.start_year;
    assert!(!has(&tornado(&valid(d)), Input::DealDelay));
}

#[test]
fn revenue_share_stays_valid_at_its_high_end() {
    // Non-compute costs of 60%: a 30% revenue share can rise only to 39.9%.
    let mut d = presets::openai_november_2025().draft().clone();
    d.costs.opex_share = vec![(2025, 0.6)];
    d.costs.revenue_share.rate = 0.3;
    let t = tornado(&valid(d));
    let b = bar(&t, Input::RevenueShare);
    assert_eq!(b.low.value, 0.15);
    assert!((b.high.value - 0.399).abs() < 1e-12, "{}", b.high.value);
}

#[test]
fn deal_values_vary_over_the_scenario_range() {
    let s = presets::openai_november_2025();
    let (i, value) = s
        .deals
        .iter()
        .enumerate()
        .map(|(i, d)| (i, d.value.amount()))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let default = bar(&tornado(&s), Input::DealValue(i)).clone();
    assert_eq!(
        (default.low.value, default.high.value),
        (value * 0.5, value * 1.5),
        "the default range is half to one and a half times"
    );
    let mut d = s.draft().clone();
    d.uncertainty = Some(Uncertainty {
        deal_value_range: (-0.2, 1.0),
        ..Uncertainty::default()
    });
    let t = tornado(&valid(d));
    let changed = bar(&t, Input::DealValue(i));
    assert_eq!(
        (changed.low.value, changed.high.value),
        (value * 0.8, value * 2.0)
    );
    assert_ne!(changed.high.funding_gap, default.high.funding_gap);
    // A collapsed range leaves the deals out.
    let mut d = s.draft().clone();
    d.uncertainty = Some(Uncertainty {
        deal_value_range: (0.0, 0.0),
        ..Uncertainty::default()
    });
    let t = tornado(&valid(d));
    assert!(t
        .bars
        .iter()
        .all(|b| !matches!(b.input, Input::DealValue(_))));
}

#[test]
fn deal_value_ranges_are_checked() {
    let cases: [((f64, f64), Option<&str>); 7] = [
        ((-0.5, 0.5), None),
        ((-0.99, 10.0), None),
        ((0.0, 0.0), None),
        ((-1.0, 0.5), Some("uncertainty.deal_value_range[0]")),
        ((-0.5, 10.5), Some("uncertainty.deal_value_range[1]")),
        ((0.5, -0.5), Some("uncertainty.deal_value_range")),
        ((f64::NAN, 0.5), Some("uncertainty.deal_value_range[0]")),
    ];
    for (range, error) in cases {
        let mut d = presets::blank().draft().clone();
        d.uncertainty = Some(Uncertainty {
            deal_value_range: range,
            ..Uncertainty::default()
        });
        match (Scenario::new(d), error) {
            (Ok(_), None) => {}
            (Err(e), Some(path)) => assert!(
                e.messages().iter().any(|m| m.contains("deal value range"))
                    && format!("{e:?}").contains(path),
                "input {range:?}: {e:?}"
            ),
            (got, want) => panic!("input {range:?}: got {got:?}, expected error at {want:?}"),
        }
    }
}

#[test]
fn the_deal_value_range_is_written_only_when_changed() {
    let mut d = presets::blank().draft().clone();
    d.uncertainty = Some(Uncertainty::default());
    let s = valid(d.clone());
    let json = s.to_json();
    assert!(!json.contains("deal_value_range"), "{json}");
    d.uncertainty = Some(Uncertainty {
        deal_value_range: (-0.25, 0.75),
        ..Uncertainty::default()
    });
    let s = valid(d);
    let json = s.to_json();
    assert!(json.contains("deal_value_range"), "{json}");
    let back = Scenario::from_json(&json).unwrap();
    assert_eq!(back.uncertainty().deal_value_range, (-0.25, 0.75));
}
