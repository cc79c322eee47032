//! The note after a change that moves or removes something ("Removed Oracle."), with Undo
//! beside it, pinned to the bottom of the window so it is seen wherever the change was made.
//! Its text is a polite live region that is always in the page, so screen readers announce
//! each new note; the field messages have a hidden region of their own
//! ([`super::field_status::FieldStatus`]).

use super::use_dispatch;
use crate::state::{Action, Note};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionToastProps {
    pub note: Option<Note>,
}

/// The note about the last change.
#[function_component(ActionToast)]
pub fn action_toast(props: &ActionToastProps) -> Html {
    let dispatch = use_dispatch();
    let send = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let note = props.note.as_ref();
    html! {
        <div class={classes!("action-toast", note.is_none().then_some("idle"))}>
            <p id="action-status" role="status">{ note.map(|n| n.text.to_string()).unwrap_or_default() }</p>
            if let Some(n) = note {
                if n.offer_undo {
                    <button type="button" class="small-button" id="toast-undo" onclick={send(Action::Undo)}>{ "Undo" }</button>
                }
                <button type="button" class="icon-button" aria-label="Dismiss this note" onclick={send(Action::DismissNote)}>{ "✕" }</button>
            }
        </div>
    }
}
