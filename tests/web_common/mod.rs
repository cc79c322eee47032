//! What the browser tests (tests/web_*.rs) share: mounting the whole app on a fresh element as
//! on a first visit (or opened on a link), letting Yew render and the effects run, finding
//! elements, typing as a person would, and reading a canvas's pixels. Each test file declares
//! `mod web_common;` and uses what it needs.
#![allow(dead_code)]

use std::time::Duration;

use compute_coverage::app::App;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, Element, Event, EventInit, HtmlCanvasElement, HtmlInputElement,
};

/// Mounts the app into a fresh element, as on a first visit: no stored work and no scenario in
/// the address (each test's app would otherwise restore the previous test's edits).
pub async fn mount() -> Element {
    mount_at(None).await
}

/// Mounts the app into a fresh element with no stored work, opened on the address's `fragment`
/// (a link to a scenario) or on the bare page for `None`.
pub async fn mount_at(fragment: Option<&str>) -> Element {
    let window = gloo::utils::window();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_default();
        let url = match fragment {
            Some(f) => format!("{path}#{f}"),
            None => path,
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_id(&format!("test-root-{}", js_sys::Math::random().to_bits()));
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Lets Yew render (the panels below the charts come a task later) and the effects (resize
/// observers, drawing) run.
pub async fn settle() {
    for _ in 0..6 {
        yew::platform::time::sleep(Duration::from_millis(40)).await;
    }
}

/// The element `selector` finds under `root`; the test fails when there is none.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

pub fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Types into an input the way the browser reports it: set the value, fire a bubbling `input`.
pub async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

/// The canvas's pixels, RGBA (empty for a canvas of no size).
pub fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let (w, h) = (canvas.width(), canvas.height());
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .unwrap()
        .data()
        .0
}
