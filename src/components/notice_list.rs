//! The list of messages about the page itself (a broken link, storage that cannot be used, a
//! rejected import), each dismissible, shown above the results.

use yew::prelude::*;

// The notices themselves and their reducer are host-tested in `crate::notices`; re-exported so
// the pages that show notices name them here, beside the list that draws them.
pub use crate::notices::{Notice, Tone};

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<u32>,
}

/// The list of notices.
#[function_component(NoticeList)]
pub fn notice_list(props: &NoticeListProps) -> Html {
    if props.notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notices" id="notices">
            { for props.notices.iter().map(|n| {
                let id = n.id;
                let dismiss = props.on_dismiss.reform(move |_: MouseEvent| id);
                let class = match n.tone {
                    Tone::Info => "notice info",
                    Tone::Warning => "notice warning",
                    Tone::Error => "notice error",
                };
                html! {
                    <div class={class} key={id} role={if n.tone == Tone::Error { "alert" } else { "status" }}>
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
