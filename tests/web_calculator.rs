//! Browser tests of the calculator: mount the whole app in headless Chromium, type into fields
//! as a person would, and check the headline figures, the error handling and the canvases.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use compute_coverage::app::App;
use compute_coverage::{engine, format, presets};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    CanvasRenderingContext2d, Element, Event, EventInit, HtmlCanvasElement, HtmlInputElement,
};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element, as on a first visit: no stored work and no scenario in
/// the address (each test's app would otherwise restore the previous test's edits).
async fn mount() -> Element {
    let window = gloo::utils::window();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_id(&format!("test-root-{}", js_sys::Math::random().to_bits()));
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Lets Yew render and the effects (resize observers, drawing) run.
async fn settle() {
    for _ in 0..5 {
        yew::platform::time::sleep(Duration::from_millis(40)).await;
    }
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
}

/// Types into an input the way the browser reports it: set the value, fire a bubbling `input`.
async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

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
    let input: HtmlInputElement = root
        .query_selector("#f-revenue-base")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
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
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        let data = ctx
            .get_image_data(
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            )
            .unwrap()
            .data();
        // Count pixels that differ from the top-left (background) pixel: axes, bars, lines, text.
        let bg = &data[0..4];
        let differing = data.chunks(4).filter(|px| px != &bg).count();
        assert!(
            differing > 2_000,
            "canvas {i} has only {differing} drawn pixels"
        );
    }
}
