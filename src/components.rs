//! The Yew components of the calculator, one per file. The root holds the [`State`] and hands
//! each part what it shows, with the state's dispatcher to send [`Action`]s back (as props, not
//! a context: each context type costs the download its own provider component); everything
//! they show is derived from the engine.

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

/// The app's state, as the root hands it to the parts that show all of it.
pub type StateHandle = UseReducerHandle<State>;

/// Sends actions to the state. It never changes, so a component given only this (a field) is
/// not re-rendered by every change of the state.
pub type Dispatch = UseReducerDispatcher<State>;

/// Markup that never changes (headings, explanations), written once as text: Yew then makes one
/// node from the string instead of building, and keeping in the download, the code for every
/// element. Only for fixed text with no listener, no changing attribute and nothing the reader
/// typed (it is parsed as HTML, unescaped). Not for table parts (`<caption>`, `<tr>`, `<td>`):
/// they are parsed inside a `<div>`, where the HTML parser drops them.
pub fn fixed_html(markup: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(markup))
}

/// A callback that sends one fixed action.
pub fn send(state: &StateHandle, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(action.clone()))
}
