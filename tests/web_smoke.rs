//! Browser test: the root component mounts into its own element and renders the page heading.
//! Runs in headless Chromium via `cargo test --target wasm32-unknown-unknown` (see Makefile).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use compute_coverage::app::App;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A new, empty element appended to the body, so each test mounts in isolation.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("the test page has a body")
        .append_child(&root)
        .expect("append the div to the body");
    root
}

/// Yields to the browser's event loop so Yew's scheduled render runs.
async fn next_tick() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

#[wasm_bindgen_test]
async fn app_mounts_and_renders_heading() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    next_tick().await;

    let heading = root
        .query_selector("h1")
        .expect("valid selector")
        .expect("the app renders an h1");
    assert_eq!(
        heading.text_content().unwrap_or_default().trim(),
        "Compute Coverage"
    );
}
