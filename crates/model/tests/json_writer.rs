//! The hand-written scenario JSON (`Draft::to_json_compact`) is byte for byte what serde_json
//! writes from the types' derived `Serialize`: links and files already published decode the
//! same, and a scenario written today reads the same in an older copy of the page. Checked on
//! every preset, on drafts that use every optional part of the format, and on generated drafts
//! with any text and any number (non-finite ones included: serde_json writes them as null).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{draft, hostile_text};
use coverage_model::presets;
use coverage_model::scenario::{
    Credit, Deal, DealValue, Draft, Financing, Growth, Marker, Metric, Profile, Raise, Shortfall,
    Uncertainty,
};
use proptest::prelude::*;

fn assert_same(d: &Draft) {
    assert_eq!(
        d.to_json_compact(),
        serde_json::to_string(d).unwrap(),
        "draft {:?}",
        d.name
    );
}

#[test]
fn every_preset_is_written_as_serde_json_writes_it() {
    for preset in presets::PRESETS {
        assert_same(preset.scenario().draft());
    }
    assert_same(presets::blank().draft());
}

/// A draft with every optional part of the format filled in, and each kind of every tagged
/// model, written one after the other.
#[test]
fn every_part_of_the_format_is_written_as_serde_json_writes_it() {
    let mut d = presets::blank().draft().clone();
    d.as_of = Some("2025-11-03".into());
    let deal = d.deals[0].clone();
    let profiles = [
        Profile::Even,
        Profile::RampUp,
        Profile::FrontLoaded,
        Profile::Fleet { growth: 0.3 },
        Profile::Custom {
            weights: vec![1.0, 0.5, 1e-7, 3e21, 0.0],
        },
        Profile::Custom { weights: vec![] },
    ];
    let values = [
        DealValue::total(38.0),
        DealValue::capacity(10.0, 35.5),
        DealValue {
            total: Some(1.0),
            gw: Some(2.0),
            per_gw: None,
        },
        DealValue::default(),
    ];
    d.deals = Vec::new();
    for (i, profile) in profiles.into_iter().enumerate() {
        d.deals.push(Deal {
            profile,
            value: values[i % values.len()].clone(),
            start_year: -5 + i as i32,
            years: i32::MIN + i as i32,
            firm: i % 2 == 0,
            include: i % 3 == 0,
            source: (i % 2 == 1).then(|| "https://example.com/a?b=\"c\"".into()),
            note: (i % 3 == 1).then(|| "line\nbreak\u{1}\u{7f}/".into()),
            ..deal.clone()
        });
    }
    d.funding.raises = vec![
        Raise::new(2027, 40.0),
        Raise::from(2028, 6.5, "Nvidia"),
        Raise {
            note: Some("reported".into()),
            ..Raise::new(2029, -0.0)
        },
        Raise {
            from: Some("AMD".into()),
            note: Some("warrants".into()),
            ..Raise::new(i32::MAX, 1e300)
        },
    ];
    d.markers = Metric::ALL
        .iter()
        .enumerate()
        .map(|(i, &metric)| Marker {
            year: 2026 + i as i32,
            metric,
            value: -1.25 * i as f64,
            label: format!("label {i}"),
            source: (i % 2 == 0).then(|| "https://example.com".into()),
        })
        .collect();
    let growths = [
        Growth::Constant { rate: 0.3 },
        Growth::Decaying {
            initial: 1.0,
            decay: 0.8,
            floor: 0.05,
        },
        Growth::Logistic {
            initial: 0.9,
            ceiling: 2000.0,
        },
        Growth::Path {
            points: vec![(2026, 30.0), (2028, 100.25)],
            after: 0.15,
        },
        Growth::Path {
            points: vec![],
            after: f64::NAN,
        },
    ];
    let financings = [
        None,
        Some(Financing::default()),
        Some(Financing {
            min_cash: 5.0,
            credit: Some(Credit {
                limit: 100.0,
                rate: 0.08,
            }),
            shortfall: Shortfall::Unpaid,
            note: Some("assumed".into()),
        }),
    ];
    let uncertainties = [
        None,
        Some(Uncertainty::default()),
        Some(Uncertainty {
            deal_value_range: (-0.25, 2.0),
            seed: u64::MAX,
            max_delay: u32::MAX,
            ..Uncertainty::default()
        }),
    ];
    for (i, growth) in growths.into_iter().enumerate() {
        d.revenue.growth = growth;
        d.financing = financings[i % financings.len()].clone();
        d.uncertainty = uncertainties[i % uncertainties.len()];
        d.discount_rate = [0.1, f64::INFINITY, -0.0, 1e-320, f64::NEG_INFINITY][i];
        d.firm_only = i % 2 == 0;
        assert_same(&d);
        d.markers.clear();
        d.as_of = None;
        assert_same(&d);
    }
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e6f64..1e6,
        Just(0.1),
        Just(1e21),
        Just(1e-7),
        Just(f64::MIN_POSITIVE)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_drafts_are_written_as_serde_json_writes_them(
        mut d in draft(),
        name in hostile_text(),
        note in proptest::option::of(hostile_text()),
        numbers in proptest::collection::vec(any_number(), 4),
        seed in any::<u64>(),
        years in any::<(i32, i32)>(),
    ) {
        d.name = name.clone();
        d.as_of = note.clone();
        d.discount_rate = numbers[0];
        d.revenue.base = numbers[1];
        d.start_year = years.0;
        d.end_year = years.1;
        d.funding.raises.push(Raise {
            year: years.0,
            amount: numbers[2],
            from: Some(name),
            note,
        });
        d.uncertainty = Some(Uncertainty {
            seed,
            cancel_chance: numbers[3],
            ..Uncertainty::default()
        });
        prop_assert_eq!(d.to_json_compact(), serde_json::to_string(&d).unwrap());
    }
}
