//! Undo and Redo at the top of the form: each says what it would undo or redo in its tooltip
//! and description, and is disabled when there is nothing to undo or redo.

use super::use_app_state;
use crate::state::Action;
use yew::prelude::*;

/// The Undo and Redo buttons.
#[function_component(UndoBar)]
pub fn undo_bar() -> Html {
    let state = use_app_state();
    let history = &state.history;
    let button = |id: &'static str,
                  text: &'static str,
                  keys: &'static str,
                  label: Option<&str>,
                  action: Action| {
        let state = state.clone();
        let title = label.map(|l| format!("{text} {l} ({keys})"));
        html! {
            <button type="button" class="small-button" {id} disabled={label.is_none()} {title}
                aria-keyshortcuts={if id == "undo" { "Control+Z Meta+Z" } else { "Control+Shift+Z Meta+Shift+Z Control+Y" }}
                onclick={Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))}>{ text }</button>
        }
    };
    html! {
        <div class="undo-bar" role="group" aria-label="Undo and redo changes">
            { button("undo", "Undo", "Ctrl+Z", history.undo_label(), Action::Undo) }
            { button("redo", "Redo", "Ctrl+Shift+Z", history.redo_label(), Action::Redo) }
        </div>
    }
}
