//! Browser tests of what re-renders and what repaints: a keystroke in one field re-renders that
//! field only, an edit repaints only the charts whose picture it changes, and hovering a chart
//! paints the crosshair on its overlay without redrawing the chart. They read the debug-build
//! counters (`data-renders` on each field's input, `data-draws` on each chart canvas), which
//! the release page does not carry.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlCanvasElement, PointerEvent, PointerEventInit};

mod web_common;

use web_common::{find, mount, pixels, settle, type_into};

wasm_bindgen_test_configure!(run_in_browser);

/// A debug counter attribute as a number (0 when absent).
fn counter(el: &Element, name: &str) -> u32 {
    el.get_attribute(name)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// How many pixels of a canvas are not fully transparent.
fn painted_pixels(canvas: &HtmlCanvasElement) -> usize {
    pixels(canvas).chunks(4).filter(|px| px[3] != 0).count()
}

const CHARTS: [&str; 3] = ["commitments", "coverage", "cash"];

fn draws(root: &Element) -> Vec<u32> {
    CHARTS
        .iter()
        .map(|id| {
            counter(
                &find(root, &format!("#chart-{id} canvas.chart")),
                "data-draws",
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_keystroke_re_renders_its_own_field_only() {
    let root = mount().await;
    let others = [
        "#f-discount-rate",
        "#f-revenue-base",
        "#f-costs-revenue-share-rate",
        "#f-start-year",
    ];
    let before: Vec<(Element, u32)> = others
        .iter()
        .map(|s| {
            let el = find(&root, s);
            let n = counter(&el, "data-renders");
            assert!(n >= 1, "{s} carries its render count in a debug build");
            (el, n)
        })
        .collect();
    let edited = find(&root, "#f-funding-opening-cash");
    let edited_before = counter(&edited, "data-renders");
    for text in ["50", "500", "$400B"] {
        type_into(&root, "#f-funding-opening-cash", text).await;
    }
    assert!(
        counter(&edited, "data-renders") > edited_before,
        "the edited field shows its new text"
    );
    for ((el, n), selector) in before.iter().zip(others) {
        let now = find(&root, selector);
        assert!(now.is_same_node(Some(el)), "{selector}: the same DOM node");
        assert_eq!(
            counter(&now, "data-renders"),
            *n,
            "{selector} was re-rendered by a keystroke in another field"
        );
    }
    // A message appearing re-renders the field it concerns, still no other.
    type_into(&root, "#f-funding-opening-cash", "lots").await;
    assert!(find(&root, "#f-funding-opening-cash-error").is_connected());
    for ((_, n), selector) in before.iter().zip(others) {
        assert_eq!(
            counter(&find(&root, selector), "data-renders"),
            *n,
            "{selector}"
        );
    }
}

#[wasm_bindgen_test]
async fn an_edit_repaints_only_the_charts_it_changes() {
    let root = mount().await;
    let start = draws(&root);
    assert!(
        start.iter().all(|&n| n >= 1),
        "every chart drawn: {start:?}"
    );
    // The opening cash moves the cash chart only.
    type_into(&root, "#f-funding-opening-cash", "100").await;
    let after_cash = draws(&root);
    assert_eq!(after_cash[0], start[0], "commitments chart repainted");
    assert_eq!(after_cash[1], start[1], "coverage chart repainted");
    assert_eq!(after_cash[2], start[2] + 1, "cash chart not repainted");
    // A mistake changes no chart (the last valid results stay).
    type_into(&root, "#f-funding-opening-cash", "a lot").await;
    assert_eq!(draws(&root), after_cash, "a mistake repainted a chart");
    // Back to the same valid value: the same pictures, nothing repainted.
    type_into(&root, "#f-funding-opening-cash", "100").await;
    assert_eq!(
        draws(&root),
        after_cash,
        "an unchanged picture was repainted"
    );
    // Revenue moves all three.
    type_into(&root, "#f-revenue-base", "20").await;
    let after_revenue = draws(&root);
    for i in 0..3 {
        assert!(
            after_revenue[i] > after_cash[i],
            "{}: not repainted after a revenue edit",
            CHARTS[i]
        );
    }
}

#[wasm_bindgen_test]
async fn hovering_paints_the_overlay_not_the_chart() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "#chart-commitments canvas.chart")
        .dyn_into()
        .unwrap();
    let overlay: HtmlCanvasElement = find(&root, "#chart-commitments canvas.chart-overlay")
        .dyn_into()
        .unwrap();
    let drawn = counter(&canvas, "data-draws");
    assert_eq!(
        painted_pixels(&overlay),
        0,
        "nothing on the overlay at first"
    );
    let rect = canvas.get_bounding_client_rect();
    for fraction in [0.3, 0.5, 0.7] {
        let init = PointerEventInit::new();
        init.set_bubbles(true);
        init.set_client_x((rect.left() + rect.width() * fraction) as i32);
        init.set_client_y((rect.top() + rect.height() * 0.5) as i32);
        let event = PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
        canvas.dispatch_event(&event).unwrap();
        settle().await;
        assert!(
            painted_pixels(&overlay) > 0,
            "the crosshair is on the overlay"
        );
        assert!(
            root.query_selector("#chart-commitments .chart-tooltip")
                .unwrap()
                .is_some(),
            "the tooltip shows the year"
        );
        assert_eq!(
            counter(&canvas, "data-draws"),
            drawn,
            "hovering redrew the chart"
        );
    }
    let event = PointerEvent::new("pointerleave").unwrap();
    canvas.dispatch_event(&event).unwrap();
    settle().await;
    assert_eq!(painted_pixels(&overlay), 0, "leaving clears the overlay");
    assert_eq!(counter(&canvas, "data-draws"), drawn);
}
