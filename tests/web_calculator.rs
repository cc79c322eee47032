//! Browser tests of the calculator: mount the whole app in headless Chromium, type into fields
//! as a person would, and check the headline figures, the error handling and the canvases.
#![cfg(target_arch = "wasm32")]

use compute_coverage::{engine, format, presets};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlCanvasElement, HtmlInputElement};

mod web_common;

use web_common::{find, mount, pixels, text_of, type_into};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn default_headlines_match_the_engine() {
    let root = mount().await;
    let s = presets::openai_november_2025();
    let p = engine::project(&s);
    assert!(text_of(&root, "#fig-total-commitments .figure-value")
        .contains(&format::money(p.summary.total_commitments)));
    assert!(text_of(&root, "#fig-funding-gap .figure-value")
        .contains(&format::money(p.summary.funding_gap)));
    assert!(text_of(&root, "#summary-sentence")
        .starts_with("At these assumptions revenue covers the commitments from 2030"));
}

#[wasm_bindgen_test]
async fn editing_a_field_changes_the_headline_figures() {
    let root = mount().await;
    let before = text_of(&root, "#fig-funding-gap .figure-value");
    type_into(&root, "#f-funding-opening-cash", "$500B").await;
    let after = text_of(&root, "#fig-funding-gap .figure-value");
    assert_ne!(before, after, "more opening cash shrinks the funding gap");
    // The engine's gap for the preset with $500B of opening cash.
    let mut d = presets::openai_november_2025().draft().clone();
    d.funding.opening_cash = 500.0;
    let edited = engine::project(&compute_coverage::scenario::Scenario::new(d).unwrap());
    assert_eq!(after.trim(), format::money(edited.summary.funding_gap));
    assert!(root.query_selector("#stale-banner").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_bad_value_shows_its_message_and_keeps_the_last_results() {
    let root = mount().await;
    let before = text_of(&root, "#fig-funding-gap .figure-value");
    type_into(&root, "#f-revenue-base", "thirteen").await;
    let input: HtmlInputElement = find(&root, "#f-revenue-base").dyn_into().unwrap();
    assert_eq!(input.value(), "thirteen", "what the user typed stays");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        text_of(&root, "#f-revenue-base-error"),
        "\"thirteen\" is not a number"
    );
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("f-revenue-base-error"), "{described}");
    assert!(text_of(&root, "#stale-banner").contains("last valid inputs"));
    assert_eq!(
        text_of(&root, "#fig-funding-gap .figure-value"),
        before,
        "last valid results stay"
    );
    assert!(
        root.query_selector("#results.stale").unwrap().is_some(),
        "results marked stale"
    );
    // A validation rule (not a parse error) also lands beside its field.
    type_into(&root, "#f-revenue-base", "-5").await;
    assert!(
        text_of(&root, "#f-revenue-base-error").starts_with("Revenue in 2025 must be above $0B")
    );
    type_into(&root, "#f-revenue-base", "13").await;
    assert!(root.query_selector("#stale-banner").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_chart_canvases_are_drawn() {
    let root = mount().await;
    let canvases = root.query_selector_all("canvas.chart").unwrap();
    assert_eq!(canvases.length(), 3);
    for i in 0..canvases.length() {
        let canvas: HtmlCanvasElement = canvases.get(i).unwrap().dyn_into().unwrap();
        assert!(canvas.width() > 100, "canvas {i} is sized to its container");
        let data = pixels(&canvas);
        // Count pixels that differ from the top-left (background) pixel: axes, bars, lines, text.
        let bg = &data[0..4];
        let differing = data.chunks(4).filter(|px| px != &bg).count();
        assert!(
            differing > 2_000,
            "canvas {i} has only {differing} drawn pixels"
        );
    }
}
