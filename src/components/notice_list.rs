//! The list of messages about the page itself (a broken link, storage that cannot be used, a
//! rejected import), each dismissible, shown above the results.

use yew::prelude::*;

// The notices themselves and their reducer are host-tested in `crate::notices`; re-exported so
// the pages that show notices name them here, beside the list that draws them.
pub use crate::notices::{Notice, Tone};

/// The list of notices. A plain function called by the page's root, not a component: it has no
/// state of its own, and a component type costs the download its own copy of Yew's lifecycle.
pub fn notice_list(notices: &[Notice], on_dismiss: &Callback<u32>) -> Html {
    if notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notices" id="notices">
            { for notices.iter().map(|n| {
                let id = n.id;
                let dismiss = on_dismiss.reform(move |_: MouseEvent| id);
                let (class, role) = match n.tone {
                    Tone::Info => ("notice info", "status"),
                    Tone::Warning => ("notice warning", "status"),
                    Tone::Error => ("notice error", "alert"),
                };
                html! {
                    <div {class} key={id} {role}>
                        <div class="notice-body">
                            <p>{ n.text.clone() }</p>
                            if !n.details.is_empty() {
                                <ul>{ for n.details.iter().take(20).map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                            }
                        </div>
                        <button type="button" class="icon-button" aria-label="Dismiss this message" onclick={dismiss}>{ "✕" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
