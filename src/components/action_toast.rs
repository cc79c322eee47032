//! The note after a change that moves or removes something ("Removed Oracle."), with Undo
//! beside it, pinned to the bottom of the window so it is seen wherever the change was made.
//! Its text is a polite live region that is always in the page, so screen readers announce
//! each new note. (A plain function: it has no state of its own.)

use super::{send, StateHandle};
use crate::state::Action;
use yew::prelude::*;

/// The note about the last change, if any.
pub fn action_toast(state: &StateHandle) -> Html {
    let note = state.note.as_ref();
    html! {
        <div class={if note.is_none() { "action-toast idle" } else { "action-toast" }}>
            <p id="action-status" role="status">{ note.map(|n| n.text.to_string()).unwrap_or_default() }</p>
            if let Some(n) = note {
                if n.offer_undo {
                    <button type="button" class="small-button" id="toast-undo" onclick={send(state, Action::Undo)}>{ "Undo" }</button>
                }
                <button type="button" class="icon-button" aria-label="Dismiss this note" onclick={send(state, Action::DismissNote)}>{ "✕" }</button>
            }
        </div>
    }
}
