//! The scenario file format and its validation: every built-in scenario survives a JSON round
//! trip, the issue's example file reads, and every validation rule rejects one broken draft
//! with the path of the field and a message a person understands.
#![cfg(not(target_arch = "wasm32"))]

use coverage_model::presets;
use coverage_model::scenario::{
    Deal, DealValue, Draft, FieldError, Growth, Marker, Metric, Profile, Raise, Scenario,
    ScenarioError, MAX_DEALS, MAX_NAME_CHARS,
};

/// The example from the file-format section of the engine issue, as written there except that
/// the `"https://..."` placeholders are real addresses.
const ISSUE_EXAMPLE: &str = r#"
{ "version": 1, "name": "OpenAI, November 2025", "as_of": "2025-11-03",
  "start_year": 2025, "end_year": 2035,
  "deals": [
    { "name": "AWS", "counterparty": "Amazon", "value": { "total": 38 },
      "start_year": 2025, "years": 7, "profile": { "kind": "even" },
      "firm": true, "include": true, "source": "https://example.com/aws", "note": "term reported as 7 years" },
    { "name": "Nvidia 10 GW", "counterparty": "Nvidia", "value": { "gw": 10, "per_gw": 35 },
      "start_year": 2026, "years": 4, "profile": { "kind": "fleet", "growth": 0.3 },
      "firm": false, "include": true } ],
  "revenue": { "base": 13, "growth": { "kind": "path", "points": [[2026, 30], [2028, 100], [2030, 200]], "after": 0.15 } },
  "costs": { "opex_share": [[2025, 0.35], [2030, 0.25]], "revenue_share": { "rate": 0.2, "until": 2030 } },
  "funding": { "opening_cash": 17.5, "raises": [[2026, 40]] },
  "firm_only": false, "discount_rate": 0.1,
  "markers": [ { "year": 2029, "metric": "cumulative_burn", "value": 115, "label": "reported plan", "source": "https://example.com/plan" } ] }
"#;

#[test]
fn every_preset_round_trips_through_json() {
    for preset in presets::PRESETS {
        let scenario = preset.scenario();
        let pretty = Scenario::from_json(&scenario.to_json())
            .unwrap_or_else(|e| panic!("input {}: {e}", preset.id));
        assert_eq!(pretty, scenario, "input {} (pretty)", preset.id);
        let compact = Scenario::from_json(&scenario.to_json_compact())
            .unwrap_or_else(|e| panic!("input {}: {e}", preset.id));
        assert_eq!(compact, scenario, "input {} (compact)", preset.id);
        // Writing the read-back scenario gives the same text again.
        assert_eq!(pretty.to_json(), scenario.to_json(), "input {}", preset.id);
        assert_eq!(presets::by_id(preset.id), Some(&preset));
    }
}

#[test]
fn the_issue_example_reads() {
    let s = Scenario::from_json(ISSUE_EXAMPLE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.name, "OpenAI, November 2025");
    assert_eq!(s.as_of.as_deref(), Some("2025-11-03"));
    assert_eq!((s.start_year, s.end_year), (2025, 2035));
    assert_eq!(s.deals.len(), 2);
    assert_eq!(s.deals[0].value, DealValue::total(38.0));
    assert_eq!(s.deals[0].profile, Profile::Even);
    assert_eq!(s.deals[1].value, DealValue::capacity(10.0, 35.0));
    assert_eq!(s.deals[1].value.amount(), 350.0);
    assert_eq!(s.deals[1].profile, Profile::Fleet { growth: 0.3 });
    assert!(!s.deals[1].firm);
    assert_eq!(
        s.revenue.growth,
        Growth::Path {
            points: vec![(2026, 30.0), (2028, 100.0), (2030, 200.0)],
            after: 0.15
        }
    );
    assert_eq!(s.costs.opex_share, vec![(2025, 0.35), (2030, 0.25)]);
    assert_eq!(s.funding.raises, vec![Raise::new(2026, 40.0)]);
    assert_eq!(s.markers[0].metric, Metric::CumulativeBurn);
    // And it round-trips too.
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
}

/// A valid draft to break: the blank preset, with a marker and a source to aim at.
fn valid_draft() -> Draft {
    let mut d = presets::blank().draft().clone();
    d.markers = vec![Marker {
        year: 2030,
        metric: Metric::Revenue,
        value: 20.0,
        label: "a plan".into(),
        source: Some("https://example.com/plan".into()),
    }];
    d.deals[0].source = Some("https://example.com/deal".into());
    assert!(Scenario::new(d.clone()).is_ok());
    d
}

fn many_deals(n: usize) -> Vec<Deal> {
    vec![valid_draft().deals[0].clone(); n]
}

fn errors_of(draft: Draft) -> Vec<FieldError> {
    match Scenario::new(draft) {
        Err(ScenarioError::Invalid(errors)) => errors,
        other => panic!("expected invalid values, got {other:?}"),
    }
}

type Mutation = fn(&mut Draft);

#[test]
fn each_rule_rejects_with_its_path_and_message() {
    // (rule, mutation of a valid draft, path, words the message must contain)
    let cases: Vec<(&str, Mutation, &str, &str)> = vec![
        // Non-finite numbers
        (
            "NaN base",
            |d| d.revenue.base = f64::NAN,
            "revenue.base",
            "Revenue in 2026 must be a finite number; got not a number",
        ),
        (
            "infinite rate",
            |d| {
                d.revenue.growth = Growth::Constant {
                    rate: f64::INFINITY,
                }
            },
            "revenue.growth.rate",
            "The growth per year must be a finite number; got infinity",
        ),
        (
            "NaN weight",
            |d| {
                d.deals[0].profile = Profile::Custom {
                    weights: vec![1.0, f64::NAN, 1.0, 1.0, 1.0],
                }
            },
            "deals[0].profile.weights[1]",
            "A weight must be a finite number",
        ),
        (
            "NaN discount rate",
            |d| d.discount_rate = f64::NAN,
            "discount_rate",
            "The discount rate must be a finite number",
        ),
        (
            "infinite opening cash",
            |d| d.funding.opening_cash = f64::NEG_INFINITY,
            "funding.opening_cash",
            "Cash at the start must be a finite number",
        ),
        // Revenue base
        (
            "base 0",
            |d| d.revenue.base = 0.0,
            "revenue.base",
            "Revenue in 2026 must be above $0B and at most $1000000B; got 0",
        ),
        (
            "base negative",
            |d| d.revenue.base = -5.0,
            "revenue.base",
            "got -5",
        ),
        (
            "base too large",
            |d| d.revenue.base = 2e6,
            "revenue.base",
            "at most $1000000B; got 2000000",
        ),
        // Growth rates
        (
            "rate -100%",
            |d| d.revenue.growth = Growth::Constant { rate: -1.0 },
            "revenue.growth.rate",
            "The growth per year must be above -100% and at most 10,000%; got -100%",
        ),
        (
            "rate above 10,000%",
            |d| d.revenue.growth = Growth::Constant { rate: 100.5 },
            "revenue.growth.rate",
            "at most 10,000%; got 10050%",
        ),
        (
            "decaying initial",
            |d| {
                d.revenue.growth = Growth::Decaying {
                    initial: -1.5,
                    decay: 0.5,
                    floor: 0.1,
                }
            },
            "revenue.growth.initial",
            "The growth in the second year must be above -100%",
        ),
        (
            "decaying floor",
            |d| {
                d.revenue.growth = Growth::Decaying {
                    initial: 1.0,
                    decay: 0.5,
                    floor: 200.0,
                }
            },
            "revenue.growth.floor",
            "The long-run growth must be above -100% and at most 10,000%; got 20000%",
        ),
        (
            "decay 0",
            |d| {
                d.revenue.growth = Growth::Decaying {
                    initial: 1.0,
                    decay: 0.0,
                    floor: 0.1,
                }
            },
            "revenue.growth.decay",
            "The decay per year must be above 0 and at most 1; got 0",
        ),
        (
            "decay above 1",
            |d| {
                d.revenue.growth = Growth::Decaying {
                    initial: 1.0,
                    decay: 1.5,
                    floor: 0.1,
                }
            },
            "revenue.growth.decay",
            "The decay per year must be above 0 and at most 1; got 1.5",
        ),
        (
            "ceiling at base",
            |d| {
                d.revenue.growth = Growth::Logistic {
                    initial: 1.0,
                    ceiling: 5.0,
                }
            },
            "revenue.growth.ceiling",
            "The revenue ceiling must be above the first year's revenue ($5B); got 5",
        ),
        (
            "ceiling below base",
            |d| {
                d.revenue.growth = Growth::Logistic {
                    initial: 1.0,
                    ceiling: 1.0,
                }
            },
            "revenue.growth.ceiling",
            "The revenue ceiling must be above the first year's revenue",
        ),
        (
            "logistic initial 0",
            |d| {
                d.revenue.growth = Growth::Logistic {
                    initial: 0.0,
                    ceiling: 50.0,
                }
            },
            "revenue.growth.initial",
            "The initial growth must be above 0% and at most 200%",
        ),
        (
            "logistic initial above 2",
            |d| {
                d.revenue.growth = Growth::Logistic {
                    initial: 2.5,
                    ceiling: 50.0,
                }
            },
            "revenue.growth.initial",
            "overshoots its ceiling and never settles); got 250%",
        ),
        // Path
        (
            "path years not increasing",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: vec![(2028, 10.0), (2027, 20.0)],
                    after: 0.1,
                }
            },
            "revenue.growth.points[1].year",
            "Point years must be after the year of the point before (2028); got 2027",
        ),
        (
            "path year not after start",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: vec![(2026, 10.0)],
                    after: 0.1,
                }
            },
            "revenue.growth.points[0].year",
            "Point years must be after the first year (2026); got 2026",
        ),
        (
            "path year out of range",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: vec![(2101, 10.0)],
                    after: 0.1,
                }
            },
            "revenue.growth.points[0].year",
            "The year must be between 1990 and 2100; got 2101",
        ),
        (
            "path revenue 0",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: vec![(2027, 0.0)],
                    after: 0.1,
                }
            },
            "revenue.growth.points[0].revenue",
            "The revenue must be above $0B",
        ),
        (
            "path needs > 10,000%",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: vec![(2027, 1e6)],
                    after: 0.1,
                }
            },
            "revenue.growth.points[0].revenue",
            "needs growth above 10,000% a year",
        ),
        (
            "path after",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: vec![(2027, 10.0)],
                    after: -2.0,
                }
            },
            "revenue.growth.after",
            "The growth after the last point must be above -100%",
        ),
        (
            "too many path points",
            |d| {
                d.revenue.growth = Growth::Path {
                    points: (0..101).map(|i| (2027 + i, 10.0)).collect(),
                    after: 0.1,
                }
            },
            "revenue.growth.points",
            "At most 100 points; got 101",
        ),
        // Profiles
        (
            "fleet growth",
            |d| d.deals[0].profile = Profile::Fleet { growth: -1.0 },
            "deals[0].profile.growth",
            "The yearly growth of capacity added must be above -100%",
        ),
        (
            "custom wrong length",
            |d| {
                d.deals[0].profile = Profile::Custom {
                    weights: vec![1.0, 2.0],
                }
            },
            "deals[0].profile.weights",
            "Give one weight per year: 2 weights for 5 years",
        ),
        (
            "custom negative",
            |d| {
                d.deals[0].profile = Profile::Custom {
                    weights: vec![1.0, -1.0, 1.0, 1.0, 1.0],
                }
            },
            "deals[0].profile.weights[1]",
            "A weight must be between 0 and 1000000; got -1",
        ),
        (
            "custom all zero",
            |d| {
                d.deals[0].profile = Profile::Custom {
                    weights: vec![0.0; 5],
                }
            },
            "deals[0].profile.weights",
            "The weights must not all be zero",
        ),
        // Deal values
        (
            "value 0",
            |d| d.deals[0].value = DealValue::total(0.0),
            "deals[0].value.total",
            "The total value must be above $0B and at most $1000000B; got 0",
        ),
        (
            "value negative",
            |d| d.deals[0].value = DealValue::total(-38.0),
            "deals[0].value.total",
            "got -38",
        ),
        (
            "gw 0",
            |d| d.deals[0].value = DealValue::capacity(0.0, 35.0),
            "deals[0].value.gw",
            "The capacity must be above 0 GW and at most 10000 GW; got 0",
        ),
        (
            "per_gw negative",
            |d| d.deals[0].value = DealValue::capacity(10.0, -1.0),
            "deals[0].value.per_gw",
            "The cost per GW must be above $0B",
        ),
        (
            "gw x per_gw too large",
            |d| d.deals[0].value = DealValue::capacity(10_000.0, 1000.0),
            "deals[0].value",
            "The total value must be at most $1000000B; got 10000000",
        ),
        (
            "value given both ways",
            |d| {
                d.deals[0].value = DealValue {
                    total: Some(38.0),
                    gw: Some(1.0),
                    per_gw: Some(35.0),
                }
            },
            "deals[0].value",
            "Give the value either as a total or as GW times cost per GW, not both",
        ),
        (
            "only gw",
            |d| {
                d.deals[0].value = DealValue {
                    total: None,
                    gw: Some(1.0),
                    per_gw: None,
                }
            },
            "deals[0].value.per_gw",
            "Give the cost per GW as well as the capacity",
        ),
        (
            "only per_gw",
            |d| {
                d.deals[0].value = DealValue {
                    total: None,
                    gw: None,
                    per_gw: Some(35.0),
                }
            },
            "deals[0].value.gw",
            "Give the capacity in GW as well as the cost per GW",
        ),
        (
            "no value",
            |d| d.deals[0].value = DealValue::default(),
            "deals[0].value",
            "Give the value either as a total or as GW times cost per GW",
        ),
        // Names
        (
            "empty scenario name",
            |d| d.name = String::new(),
            "name",
            "The scenario name must not be empty",
        ),
        (
            "blank scenario name",
            |d| d.name = "   ".into(),
            "name",
            "The scenario name must not be empty",
        ),
        (
            "long scenario name",
            |d| d.name = "é".repeat(MAX_NAME_CHARS + 1),
            "name",
            "The scenario name must be at most 80 characters; got 81",
        ),
        (
            "empty deal name",
            |d| d.deals[0].name = String::new(),
            "deals[0].name",
            "The deal name must not be empty",
        ),
        (
            "long counterparty",
            |d| d.deals[0].counterparty = "x".repeat(81),
            "deals[0].counterparty",
            "The counterparty must be at most 80 characters; got 81",
        ),
        (
            "long as_of",
            |d| d.as_of = Some("x".repeat(81)),
            "as_of",
            "must be at most 80 characters",
        ),
        (
            "empty marker label",
            |d| d.markers[0].label = String::new(),
            "markers[0].label",
            "The label must not be empty",
        ),
        (
            "long note",
            |d| d.deals[0].note = Some("x".repeat(2001)),
            "deals[0].note",
            "The note must be at most 2000 characters; got 2001",
        ),
        // Years and terms
        (
            "deal years 0",
            |d| d.deals[0].years = 0,
            "deals[0].years",
            "The term must be between 1 and 30 years; got 0",
        ),
        (
            "deal years 31",
            |d| d.deals[0].years = 31,
            "deals[0].years",
            "The term must be between 1 and 30 years; got 31",
        ),
        (
            "deal start year",
            |d| d.deals[0].start_year = 1989,
            "deals[0].start_year",
            "The first year of payments must be between 1990 and 2100; got 1989",
        ),
        (
            "horizon backwards",
            |d| d.end_year = 2025,
            "end_year",
            "The horizon must be 1 to 50 years; 2026 to 2025 is 0",
        ),
        (
            "horizon 51 years",
            |d| d.end_year = 2076,
            "end_year",
            "The horizon must be 1 to 50 years; 2026 to 2076 is 51",
        ),
        (
            "start year too early",
            |d| d.start_year = 1989,
            "start_year",
            "The first year must be between 1990 and 2100; got 1989",
        ),
        (
            "end year too late",
            |d| d.end_year = 2101,
            "end_year",
            "The last year must be between 1990 and 2100; got 2101",
        ),
        // Costs
        (
            "opex + revenue share reach 100%",
            |d| {
                // 50% in 2026 rising 8 points a year: 82% in 2030, plus 20% of revenue share
                d.costs.opex_share = vec![(2026, 0.5), (2031, 0.9)];
                d.costs.revenue_share.rate = 0.2;
                d.costs.revenue_share.until = 2035;
            },
            "costs",
            "In 2030 non-compute costs (82%) plus the revenue share (20%) reach 100% of revenue",
        ),
        (
            "opex + revenue share exactly 100%",
            |d| {
                d.costs.opex_share = vec![(2026, 0.8)];
                d.costs.revenue_share.rate = 0.2;
            },
            "costs",
            "In 2026 non-compute costs (80%) plus the revenue share (20%) reach 100%",
        ),
        (
            "opex share 100%",
            |d| d.costs.opex_share = vec![(2026, 1.0)],
            "costs.opex_share[0].share",
            "The non-compute share must be at least 0% and below 100%; got 100%",
        ),
        (
            "opex share negative",
            |d| d.costs.opex_share = vec![(2026, -0.1)],
            "costs.opex_share[0].share",
            "got -10%",
        ),
        (
            "no opex anchors",
            |d| d.costs.opex_share.clear(),
            "costs.opex_share",
            "Give at least one (year, share) point for non-compute costs",
        ),
        (
            "opex years not increasing",
            |d| d.costs.opex_share = vec![(2030, 0.3), (2026, 0.2)],
            "costs.opex_share[1].year",
            "Years must increase from point to point; 2026 follows 2030",
        ),
        (
            "opex year out of range",
            |d| d.costs.opex_share = vec![(1900, 0.3)],
            "costs.opex_share[0].year",
            "The year must be between 1990 and 2100; got 1900",
        ),
        (
            "revenue share 100%",
            |d| d.costs.revenue_share.rate = 1.0,
            "costs.revenue_share.rate",
            "The revenue share to partners must be at least 0% and below 100%; got 100%",
        ),
        (
            "revenue share until",
            |d| d.costs.revenue_share.until = 3000,
            "costs.revenue_share.until",
            "The year the revenue share is paid through must be between 1990 and 2100; got 3000",
        ),
        // Funding and discounting
        (
            "discount rate above 100%",
            |d| d.discount_rate = 1.5,
            "discount_rate",
            "The discount rate must be between 0% and 100%; got 150%",
        ),
        (
            "discount rate negative",
            |d| d.discount_rate = -0.1,
            "discount_rate",
            "got -10%",
        ),
        (
            "opening cash too large",
            |d| d.funding.opening_cash = 2e6,
            "funding.opening_cash",
            "Cash at the start must be within ±$1000000B; got 2000000",
        ),
        (
            "negative raise",
            |d| d.funding.raises = vec![Raise::new(2027, -5.0)],
            "funding.raises[0].amount",
            "The amount must be between $0B and $1000000B; got -5",
        ),
        (
            "raise year",
            |d| d.funding.raises = vec![Raise::new(1900, 5.0)],
            "funding.raises[0].year",
            "The year must be between 1990 and 2100; got 1900",
        ),
        (
            "too many raises",
            |d| d.funding.raises = vec![Raise::new(2027, 1.0); 101],
            "funding.raises",
            "At most 100 raises; got 101",
        ),
        // Markers
        (
            "marker year",
            |d| d.markers[0].year = 2200,
            "markers[0].year",
            "The year must be between 1990 and 2100; got 2200",
        ),
        (
            "marker value NaN",
            |d| d.markers[0].value = f64::NAN,
            "markers[0].value",
            "The value must be a finite number",
        ),
        (
            "marker value too large",
            |d| d.markers[0].value = -2e6,
            "markers[0].value",
            "The value must be within ±$1000000B",
        ),
        (
            "too many markers",
            |d| d.markers = vec![d.markers[0].clone(); 101],
            "markers",
            "At most 100 markers; got 101",
        ),
        // Sources must be web addresses
        (
            "javascript: source",
            |d| d.deals[0].source = Some("javascript:alert(1)".into()),
            "deals[0].source",
            "The source must be a web address starting with https:// or http://",
        ),
        (
            "scheme only",
            |d| d.deals[0].source = Some("https://".into()),
            "deals[0].source",
            "must be a web address",
        ),
        (
            "space in source",
            |d| d.deals[0].source = Some("https://example.com/a b".into()),
            "deals[0].source",
            "must be a web address",
        ),
        (
            "ftp marker source",
            |d| d.markers[0].source = Some("ftp://example.com".into()),
            "markers[0].source",
            "must be a web address",
        ),
        // Counts and version
        (
            "101 deals",
            |d| d.deals = many_deals(MAX_DEALS + 1),
            "deals",
            "A scenario may hold at most 100 deals; got 101",
        ),
        (
            "version 0",
            |d| d.version = 0,
            "version",
            "Version must be 1; got 0",
        ),
    ];
    for (rule, mutate, path, message) in cases {
        let mut draft = valid_draft();
        mutate(&mut draft);
        let errors = errors_of(draft);
        assert!(
            errors
                .iter()
                .any(|e| e.path == path && e.message.contains(message)),
            "input {rule:?}: expected {path}: {message:?}; got {errors:#?}"
        );
        assert_eq!(
            errors.len(),
            1,
            "input {rule:?}: one rule, one error; got {errors:#?}"
        );
    }
}

#[test]
fn limits_themselves_are_accepted() {
    // The edges of the ranges are valid: a rule must reject only what it says.
    let cases: Vec<(&str, Mutation)> = vec![
        ("80-character name", |d| d.name = "é".repeat(MAX_NAME_CHARS)),
        ("100 deals", |d| d.deals = many_deals(MAX_DEALS)),
        ("rate 10,000%", |d| {
            d.revenue.growth = Growth::Constant { rate: 100.0 }
        }),
        ("decay 1", |d| {
            d.revenue.growth = Growth::Decaying {
                initial: 1.0,
                decay: 1.0,
                floor: 0.0,
            }
        }),
        ("logistic initial 2", |d| {
            d.revenue.growth = Growth::Logistic {
                initial: 2.0,
                ceiling: 5.001,
            }
        }),
        ("one-year horizon", |d| d.end_year = d.start_year),
        ("50-year horizon", |d| d.end_year = d.start_year + 49),
        ("deal of 30 years", |d| d.deals[0].years = 30),
        ("custom with zeros", |d| {
            d.deals[0].profile = Profile::Custom {
                weights: vec![0.0, 0.0, 1.0, 0.0, 0.0],
            }
        }),
        ("no deals", |d| d.deals.clear()),
        ("negative opening cash", |d| d.funding.opening_cash = -10.0),
        ("discount 0", |d| d.discount_rate = 0.0),
        ("http source", |d| {
            d.deals[0].source = Some("HTTP://example.com".into())
        }),
        ("shares just below 100%", |d| {
            d.costs.opex_share = vec![(2026, 0.79)];
            d.costs.revenue_share.rate = 0.2;
        }),
    ];
    for (rule, mutate) in cases {
        let mut draft = valid_draft();
        mutate(&mut draft);
        if let Err(e) = Scenario::new(draft) {
            panic!("input {rule:?}: {e}");
        }
    }
}

#[test]
fn several_problems_are_reported_at_once() {
    let mut draft = valid_draft();
    draft.name = String::new();
    draft.revenue.base = 0.0;
    draft.deals[0].years = 0;
    draft.deals[0].source = Some("javascript:alert(1)".into());
    draft.discount_rate = 2.0;
    let err = Scenario::new(draft).unwrap_err();
    let ScenarioError::Invalid(errors) = &err else {
        panic!("expected invalid values, got {err:?}");
    };
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for path in [
        "name",
        "revenue.base",
        "deals[0].years",
        "deals[0].source",
        "discount_rate",
    ] {
        assert!(paths.contains(&path), "input {path:?}: got {paths:?}");
    }
    assert_eq!(err.messages().len(), errors.len());
    assert!(err.messages().contains(
        &"The term must be between 1 and 30 years; got 0 (at deals[0].years)".to_string()
    ));
    // The one-line form holds them all.
    let line = err.to_string();
    for message in err.messages() {
        assert!(line.contains(&message), "input {message:?}: {line}");
    }
}

#[test]
fn a_newer_version_is_named() {
    const MESSAGE: &str =
        "This scenario was saved by a newer version (2); this app reads version 1";
    let mut draft = valid_draft();
    draft.version = 2;
    let err = Scenario::new(draft).unwrap_err();
    assert_eq!(err, ScenarioError::NewerVersion { found: 2 });
    assert_eq!(err.to_string(), MESSAGE);
    // From a file, the version is checked first: a newer file may hold fields this app does
    // not know, and "newer version" is the useful message then.
    let json = presets::blank().to_json_compact().replacen(
        "\"version\":1",
        "\"version\":2,\"a_new_section\":{}",
        1,
    );
    let err = Scenario::from_json(&json).unwrap_err();
    assert_eq!(err.to_string(), MESSAGE);
}

#[test]
fn unreadable_files_say_why() {
    let base = presets::blank().to_json_compact();
    let half = base[..base.len() / 2].to_string();
    // (case, text, path of the problem or None for a syntax error, words of the message)
    let cases: Vec<(&str, String, Option<&str>, &str)> = vec![
        (
            "not JSON",
            "hello".into(),
            None,
            "This is not a readable scenario file: expected value at line 1 column 1",
        ),
        (
            "cut short",
            half,
            None,
            "the text ends too early (is it cut short?)",
        ),
        ("empty", String::new(), None, "the file is empty"),
        (
            "number out of range",
            base.replacen("\"base\":5.0", "\"base\":1e999", 1),
            Some("line "),
            "Number out of range",
        ),
        (
            "not an object",
            "[1, 2]".into(),
            Some(""),
            "A scenario must be a JSON object",
        ),
        (
            "unknown field",
            base.replacen("{", "{\"colour\":\"red\",", 1),
            Some(""),
            "Unknown field `colour`",
        ),
        (
            "unknown deal field",
            base.replacen(
                "\"name\":\"New deal\"",
                "\"name\":\"New deal\",\"colour\":1",
                1,
            ),
            Some("deals[0]"),
            "Unknown field `colour`",
        ),
        (
            "unknown profile",
            base.replacen("\"kind\":\"even\"", "\"kind\":\"steady\"", 1),
            Some("deals[0].profile"),
            "Unknown profile kind `steady`",
        ),
        (
            "year as text",
            base.replacen("\"start_year\":2026", "\"start_year\":\"2026\"", 1),
            Some("start_year"),
            "Got text \"2026\", expected a whole number",
        ),
        (
            "years as a word",
            base.replacen("\"years\":5", "\"years\":\"five\"", 1),
            Some("deals[0].years"),
            "Got text \"five\"",
        ),
        (
            "anchor too long",
            base.replacen("[[2026,0.3]]", "[[2026,0.3,1]]", 1),
            Some("costs.opex_share[0]"),
            "A list has more items than expected here",
        ),
        (
            "missing field",
            base.replacen(",\"firm_only\":false", "", 1),
            Some(""),
            "The field `firm_only` is missing",
        ),
        (
            "missing version",
            base.replacen("\"version\":1,", "", 1),
            Some("version"),
            "The field `version` is missing",
        ),
        (
            "version as text",
            base.replacen("\"version\":1", "\"version\":\"1\"", 1),
            Some("version"),
            "Version must be a whole number",
        ),
    ];
    for (case, text, path, message) in cases {
        let err = Scenario::from_json(&text).unwrap_err();
        match (&err, path) {
            (ScenarioError::Syntax { .. }, None) => {}
            // Shape errors name the field's path (a number out of range, found while parsing,
            // its line and column).
            (ScenarioError::Shape { path: got, .. }, Some(p)) => {
                assert!(
                    if p.is_empty() {
                        got.is_empty()
                    } else {
                        got.starts_with(p)
                    },
                    "input {case:?}: {err:?}"
                )
            }
            _ => panic!("input {case:?}: got {err:?}"),
        }
        assert!(
            err.to_string().contains(message),
            "input {case:?}: expected {message:?} in {:?}",
            err.to_string()
        );
    }
}

#[test]
fn values_read_from_a_file_are_validated() {
    let json = presets::blank()
        .to_json_compact()
        .replacen("\"years\":5", "\"years\":0", 1);
    let err = Scenario::from_json(&json).unwrap_err();
    assert_eq!(
        err.messages(),
        vec!["The term must be between 1 and 30 years; got 0 (at deals[0].years)".to_string()]
    );
}
