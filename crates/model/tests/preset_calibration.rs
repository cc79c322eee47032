//! The presets' first year matches the burn each company reported: the calibrated "existing
//! compute" lines exist for this, so a change to a preset that breaks it must fail here.

use coverage_model::engine::project;
use coverage_model::presets;

/// The 2025 net cash flow of a preset, from the engine.
fn net_2025(id: &str) -> f64 {
    let scenario = presets::by_id(id).expect("preset exists").scenario();
    let projection = project(&scenario);
    let row = projection
        .rows
        .iter()
        .find(|r| r.year == 2025)
        .expect("2025 is in the horizon");
    row.net_cash_flow
}

#[test]
fn openai_2025_matches_the_reported_burn_of_about_8_5b() {
    // By hand (docs/MODEL.md): 13 - 2.6 - 4.55 - (8.5 + 38/28 + 22.4/5) = -8.487...
    let expected = 13.0 - 0.2 * 13.0 - 0.35 * 13.0 - (8.5 + 38.0 / 28.0 + 22.4 / 5.0);
    assert!((net_2025("openai-2025-11") - expected).abs() < 1e-9);
    assert!((net_2025("openai-2025-11") + 8.5).abs() < 0.05);
}

#[test]
fn anthropic_2025_matches_the_reported_burn_of_nearly_3b() {
    // By hand: revenue 4.7, no revenue share, other costs 35% = 1.645, the calibrated line 6,
    // no other deal paying in 2025: 4.7 - 1.645 - 6 = -2.945.
    let net = net_2025("anthropic-2025-11");
    assert!((net - -2.945).abs() < 1e-9, "got {net}");
}
