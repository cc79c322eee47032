//! Browser tests of state that must not lose updates: two saves in one browser task are both
//! kept (a list copied from the panel's props at the last render kept only the second), and
//! two notices raised in one task are both shown and dismissed one by one.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

mod web_common;

use web_common::{mount, settle};

wasm_bindgen_test_configure!(run_in_browser);

fn notices(root: &Element) -> Vec<String> {
    let list = root.query_selector_all(".notice .notice-body > p").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

/// In one browser task, with storage full: save the scenario (its write fails: a warning) and
/// pick an oversized file to import (refused at once: an error).
fn save_and_import_in_one_task(root: &Element) {
    let act = js_sys::Function::new_with_args(
        "root",
        r#"
        window.__setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        root.querySelector('#save-scenario').click();
        const input = root.querySelector('#import-json');
        const files = new DataTransfer();
        files.items.add(new File([new Uint8Array(2100000)], 'huge.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        "#,
    );
    act.call1(&JsValue::NULL, root).unwrap();
}

fn restore_storage() {
    js_sys::Function::new_no_args(
        "if (window.__setItem) { Storage.prototype.setItem = window.__setItem; delete window.__setItem; }",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

#[wasm_bindgen_test]
async fn two_notices_in_one_tick_are_both_shown_and_dismissed_one_by_one() {
    let root = mount().await;
    assert!(notices(&root).is_empty(), "a first visit says nothing");
    save_and_import_in_one_task(&root);
    settle().await;
    restore_storage();
    let shown = notices(&root);
    assert_eq!(shown.len(), 2, "both notices are shown: {shown:?}");
    assert!(
        shown
            .iter()
            .any(|t| t.contains("storage for the page is full")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("That file was not imported")),
        "{shown:?}"
    );
    // The saved entry is listed for this visit even though it could not be stored.
    assert!(root.query_selector("#saved-list li").unwrap().is_some());

    // Dismissing the first leaves the second.
    let first: HtmlElement = root
        .query_selector(".notice button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    first.click();
    settle().await;
    assert_eq!(notices(&root), shown[1..].to_vec());
}

fn saved_names(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("#saved-list .saved-name").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn two_saves_in_one_task_are_both_kept_and_stored() {
    let root = mount().await;
    // As a quick double submit does it: both saves run before the page renders again.
    js_sys::Function::new_with_args(
        "root",
        r#"
        const name = root.querySelector('#save-name');
        for (const n of ['First save', 'Second save']) {
            name.value = n;
            name.dispatchEvent(new Event('input', { bubbles: true }));
            root.querySelector('#save-scenario').click();
        }
        "#,
    )
    .call1(&JsValue::NULL, &root)
    .unwrap();
    settle().await;
    assert_eq!(saved_names(&root), ["Second save", "First save"]);
    let stored = gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("compute-coverage.saved")
        .unwrap()
        .unwrap_or_default();
    let list = compute_coverage::saved::parse(&stored).expect("the stored list reads back");
    let names: Vec<&str> = list.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Second save", "First save"], "both are stored");
}
