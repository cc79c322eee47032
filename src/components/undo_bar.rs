//! Undo and Redo at the top of the form: each says what it would undo or redo in its tooltip,
//! and is disabled when there is nothing to undo or redo. (A plain function of the state
//! rather than a component: it has no state of its own.)

use super::{send, StateHandle};
use crate::state::Action;
use yew::prelude::*;

/// The Undo and Redo buttons.
pub fn undo_bar(state: &StateHandle) -> Html {
    let history = &state.history;
    let button = |id: &'static str,
                  text: &'static str,
                  keys: &'static str,
                  label: Option<&str>,
                  action: Action| {
        html! {
            <button type="button" class="small-button" {id} disabled={label.is_none()}
                title={label.map(|l| format!("{text} {l} ({keys})"))} aria-keyshortcuts={keys}
                onclick={send(state, action)}>{ text }</button>
        }
    };
    html! {
        <div class="undo-bar" role="group" aria-label="Undo and redo changes">
            { button("undo", "Undo", "Control+Z", history.undo_label(), Action::Undo) }
            { button("redo", "Redo", "Control+Shift+Z", history.redo_label(), Action::Redo) }
        </div>
    }
}
