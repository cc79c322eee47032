//! Browser test: the root component mounts into its own element and renders the page heading.
//! Runs in headless Chromium via `cargo test --target wasm32-unknown-unknown` (see Makefile).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod web_common;

use web_common::mount;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn app_mounts_and_renders_heading() {
    let root = mount().await;

    let heading = root
        .query_selector("h1")
        .expect("valid selector")
        .expect("the app renders an h1");
    assert_eq!(
        heading.text_content().unwrap_or_default().trim(),
        "Compute Coverage"
    );
}
