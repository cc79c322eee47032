//! The CSS width of an element, kept current with a `ResizeObserver` so charts follow their
//! container.

use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Kept alive as long as the observer that calls it.
type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;

/// Width in CSS pixels of the element behind `node` (0 until it is mounted).
#[hook]
pub fn use_element_width(node: NodeRef) -> f64 {
    let width = use_state(|| 0.0_f64);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let mut observer: Option<(ResizeObserver, ResizeCallback)> = None;
            if let Some(element) = element {
                width.set(element.get_bounding_client_rect().width().round());
                let setter = width.clone();
                let callback =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            // Whole pixels: sub-pixel jitter must not trigger redraws.
                            setter.set(entry.content_rect().width().round());
                        }
                    });
                if let Ok(ro) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                    ro.observe(&element);
                    observer = Some((ro, callback));
                }
            }
            move || {
                if let Some((ro, _callback)) = observer {
                    ro.disconnect();
                }
            }
        });
    }
    *width
}
