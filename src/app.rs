//! The browser app: mounts the root component. Compiled only for wasm32.

use yew::prelude::*;

/// Root component of the page.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main id="app">
            <h1>{ "Compute Coverage" }</h1>
            <p class="tagline">{ "Can revenue cover the compute commitments?" }</p>
        </main>
    }
}

/// Mounts the app on the page's `#root` element (or the body if it is missing).
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("root") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
