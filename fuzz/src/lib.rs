//! The checks every fuzz target applies, as panics so libFuzzer keeps the input: a rejection
//! is a short, non-empty message; whatever is accepted is a valid scenario that its own link
//! and file reproduce (numbers to within [`MAX_ULPS`]), and whose projection, figures,
//! sentence, CSV and charts hold no NaN or infinity. The host tests (`tests/hostile_inputs.rs`)
//! check the same on proptest inputs.

use compute_coverage::charts::{self, ChartOptions, Theme};
use compute_coverage::engine::{self, Projection, RequiredGrowth};
use compute_coverage::parse::{parse_int, parse_money, parse_number, parse_percent};
use compute_coverage::scenario::{Scenario, ScenarioError};
use compute_coverage::{codec, export, narrative};
use plotters::prelude::{IntoDrawingArea, SVGBackend};

/// Longest message a rejection may show.
pub const MAX_MESSAGE_CHARS: usize = 800;

/// A message a person can read.
pub fn check_message(message: &str) {
    assert!(!message.trim().is_empty(), "empty message");
    let n = message.chars().count();
    assert!(
        n <= MAX_MESSAGE_CHARS,
        "message of {n} characters: {message:.200}"
    );
}

pub fn check_scenario_error(e: &ScenarioError) {
    let messages = e.messages();
    assert!(
        !messages.is_empty() && messages.len() <= 1000,
        "{} messages",
        messages.len()
    );
    messages.iter().for_each(|m| check_message(m));
}

/// A URL fragment: a valid scenario or a message.
pub fn check_link(fragment: &str) {
    match codec::decode(fragment) {
        Ok(s) => check_accepted(&s),
        Err(e) => {
            if let codec::LinkError::Scenario(inner) = &e {
                check_scenario_error(inner);
            }
            // The page shows the whole of it in one banner.
            check_message(&e.to_string());
        }
    }
}

/// An imported file: a valid scenario or messages.
pub fn check_json(text: &str) {
    match Scenario::from_json(text) {
        Ok(s) => check_accepted(&s),
        Err(e) => check_scenario_error(&e),
    }
}

/// A field's text: a finite number (never -0) or a short message.
pub fn check_number(text: &str) {
    for got in [
        parse_money(text),
        parse_percent(text),
        parse_number(text),
        parse_int(text).map(f64::from),
    ] {
        match got {
            Ok(x) => assert!(
                x.is_finite() && !(x == 0.0 && x.is_sign_negative()),
                "{text:?} read as {x}"
            ),
            Err(e) => {
                let m = e.to_string();
                check_message(&m);
                assert!(m.chars().count() <= 120, "long message {m:.200}");
            }
        }
    }
    if let Ok(i) = parse_int(text) {
        assert!(i.abs() <= 1_000_000, "{text:?} read as {i}");
    }
}

/// Everything the page derives from an accepted scenario.
pub fn check_accepted(s: &Scenario) {
    assert_eq!(
        Scenario::new(s.draft().clone()).as_ref(),
        Ok(s),
        "accepted but not valid"
    );
    let link = codec::decode(&codec::encode(s)).expect("its own link opens");
    assert!(same_to_the_last_digits(&link, s), "its own link: {link:?}");
    let file = Scenario::from_json(&s.to_json()).expect("its own file imports");
    assert!(same_to_the_last_digits(&file, s), "its own file: {file:?}");

    let p = engine::project(s);
    assert_eq!(p.rows.len(), s.horizon_len());
    assert_finite(&p);
    for year in [s.start_year - 1, s.start_year + 5, s.end_year + 1] {
        for f in narrative::headline_figures(s, &p, year) {
            assert!(
                !f.value.contains("NaN") && !f.value.contains("inf"),
                "{}: {}",
                f.id,
                f.value
            );
        }
    }
    narrative::summary_sentence(s, &p);
    export::projection_csv(&p);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (480, 300)).into_drawing_area();
        let opts = ChartOptions {
            scale: 2.0,
            theme: Theme::dark(),
            highlight_year: Some(s.end_year),
            title: Some(s.name.clone()),
            footer: Some(s.name.clone()),
        };
        charts::draw_commitments(&root, &p, s, &opts).expect("commitments chart");
        charts::draw_coverage(&root, &p, s, &opts).expect("coverage chart");
        charts::draw_cash(&root, &p, s, &opts).expect("cash chart");
    }
}

/// No figure of the projection is NaN or infinite.
pub fn assert_finite(p: &Projection) {
    for r in &p.rows {
        for x in [
            r.revenue,
            r.revenue_share,
            r.other_costs,
            r.available,
            r.commitments,
            r.net_cash_flow,
            r.raised,
            r.cash,
        ] {
            assert!(x.is_finite(), "{}: {r:?}", r.year);
        }
        for x in [r.coverage, r.revenue_coverage].into_iter().flatten() {
            assert!(x.is_finite(), "{}: {r:?}", r.year);
        }
    }
    for d in &p.deals {
        assert!(d.value.is_finite() && d.before_horizon.is_finite() && d.after_horizon.is_finite());
        assert!(d.payments.iter().all(|x| x.is_finite()), "{d:?}");
    }
    let s = &p.summary;
    for x in [
        s.total_commitments,
        s.payments_before_horizon,
        s.payments_after_horizon,
        s.lowest_cash.value,
        s.funding_gap,
        s.cumulative_burn,
        s.pv_commitments,
        s.pv_available,
        s.raised_outside_horizon,
    ] {
        assert!(x.is_finite(), "{s:?}");
    }
    if let Some(peak) = s.peak_payment {
        assert!(peak.value.is_finite());
    }
    if let RequiredGrowth::Reachable(g) = s.required_growth {
        assert!(g.is_finite());
    }
}

/// Most units in the last place a number may move through a link or a file: serde_json's
/// reader (without its `float_roundtrip` feature, too large for the page's budget) can land a
/// 16–17-digit number an ulp or two from the text written for it. As in
/// `tests/hostile_inputs.rs`.
pub const MAX_ULPS: u64 = 4;

/// Equal scenarios, numbers allowed to differ by at most [`MAX_ULPS`].
pub fn same_to_the_last_digits(a: &Scenario, b: &Scenario) -> bool {
    use serde_json::Value;
    fn close(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => {
                    x == y
                        || (x.signum() == y.signum()
                            && x.to_bits().abs_diff(y.to_bits()) <= MAX_ULPS)
                }
                _ => x == y,
            },
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
            }
            _ => a == b,
        }
    }
    // to_value keeps every f64 exactly (no text in between).
    a == b
        || matches!(
            (serde_json::to_value(a.draft()), serde_json::to_value(b.draft())),
            (Ok(x), Ok(y)) if close(&x, &y)
        )
}
