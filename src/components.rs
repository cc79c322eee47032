//! The Yew components of the calculator, one per file. They read the shared [`State`] from a
//! context and send [`Action`]s back; everything they show is derived from the engine.

use crate::state::{Action, State};
use yew::prelude::*;

pub mod action_toast;
pub mod chart_panel;
pub mod costs_inputs;
pub mod deal_ledger;
pub mod deal_row;
pub mod field_input;
pub mod financing_inputs;
pub mod funding_inputs;
pub mod headline_figures;
pub mod money_by_supplier;
pub mod notice_list;
pub mod pair_table;
pub mod plot;
pub mod preset_picker;
pub mod projection_table;
pub mod revenue_inputs;
pub mod saved_panel;
pub mod share_bar;
pub mod stale_banner;
pub mod summary_sentence;
pub mod table;
pub mod theme_toggle;
pub mod uncertainty_settings;
pub mod undo_bar;
pub mod weights_editor;

/// The app's state as shared through context.
pub type StateHandle = UseReducerHandle<State>;

/// Sends actions to the state. Its own context: it never changes, so a component that only
/// sends actions (a field) is not re-rendered by every change of the state.
pub type Dispatch = UseReducerDispatcher<State>;

/// The state from context. Components using it are rendered only under the app root, which
/// always provides it.
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>().expect("components are rendered inside the app's state provider")
}

/// The state's dispatcher from context (provided beside the state by the app root).
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside the app's state provider")
}

/// A callback that sends one fixed action.
pub fn send(state: &StateHandle, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(action.clone()))
}
