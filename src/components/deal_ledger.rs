//! The deal ledger: every commitment in a table, with add, duplicate, remove and reorder, and
//! the switch that counts firm contracts only. After a row action the keyboard focus goes to
//! the control a person would use next (the action itself is said by the state's note).

use super::deal_row::DealRow;
use super::StateHandle;
use crate::scenario::MAX_DEALS;
use crate::state::{Action, DealForm};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where the focus goes after a row action, once the list has changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusAfter {
    /// The deal at this position was removed: the name of the deal now there (the next one),
    /// else of the one before, else "Add deal".
    Removed(usize),
    /// The deal at this position was copied: the copy's name (just below it).
    Duplicated(usize),
    /// A deal moved to `to`: the same move button, or the other one once at the end.
    Moved { to: usize, up: bool },
}

impl FocusAfter {
    /// The id of the element to focus in the list as it is now.
    fn target(self, deals: &[DealForm]) -> String {
        let name = |d: &DealForm| format!("deal-{}-name", d.id);
        match self {
            FocusAfter::Removed(i) => deals
                .get(i)
                .or_else(|| i.checked_sub(1).and_then(|j| deals.get(j)))
                .map_or_else(|| "add-deal".into(), name),
            FocusAfter::Duplicated(i) => deals.get(i + 1).map_or_else(|| "add-deal".into(), name),
            FocusAfter::Moved { to, up } => match deals.get(to) {
                Some(d) => {
                    let at_end = if up { to == 0 } else { to + 1 == deals.len() };
                    let dir = if up != at_end { "up" } else { "down" };
                    format!("deal-{}-{dir}", d.id)
                }
                None => "add-deal".into(),
            },
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct DealLedgerProps {
    /// The app's state: the ledger shows every deal and the firm-only switch, and re-renders
    /// with any change of the state (each row re-renders only when its own props change).
    pub state: StateHandle,
}

/// The table of deals.
#[function_component(DealLedger)]
pub fn deal_ledger(props: &DealLedgerProps) -> Html {
    let state = props.state.clone();
    // Which deals are open for editing, by stable id so reordering keeps them open (a list:
    // a handful of ids, and no set code in the download).
    let open = use_state(Vec::<u32>::new);
    // Set by a row action, used once the list of deals has changed (a click that changes
    // nothing leaves it unused until the next change of the list, which only these make).
    let pending = use_mut_ref(|| None::<FocusAfter>);
    let on_focus_after = {
        let pending = pending.clone();
        use_callback((), move |f: FocusAfter, _| *pending.borrow_mut() = Some(f))
    };
    {
        let ids: Vec<u32> = state.form.deals.iter().map(|d| d.id).collect();
        let state = state.clone();
        use_effect_with(ids, move |_| {
            if let Some(f) = pending.borrow_mut().take() {
                let el = gloo::utils::document().get_element_by_id(&f.target(&state.form.deals));
                if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_firm_only = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::SetFirmOnly(input.checked()));
        })
    };
    // The same callback while the set of open deals is unchanged, so the rows' props compare
    // equal and a keystroke elsewhere re-renders no row.
    let on_toggle = use_callback(open.clone(), |id: u32, open| {
        let mut next = (**open).clone();
        match next.iter().position(|&o| o == id) {
            Some(i) => {
                next.swap_remove(i);
            }
            None => next.push(id),
        }
        open.set(next);
    });
    let add = {
        let state = state.clone();
        let open = open.clone();
        Callback::from(move |_| {
            // The new deal opens for editing so its fields are in reach.
            let mut next = (*open).clone();
            let id = state
                .form
                .deals
                .iter()
                .map(|d| d.id)
                .max()
                .map_or(0, |m| m + 1);
            // A removed deal's id may still be listed.
            if !next.contains(&id) {
                next.push(id);
            }
            open.set(next);
            state.dispatch(Action::AddDeal);
        })
    };
    let n = state.form.deals.len();
    html! {
        <section class="panel" aria-labelledby="deals-heading">
            <h2 id="deals-heading">{ "Compute commitments" }</h2>
            <p class="hint">{ "Each deal's value is paid over its term in the chosen pattern. Letters of intent are not firm. Chip deals may supply hardware that also sits inside the cloud contracts: counting both counts it twice." }</p>
            <label class="switch">
                <input type="checkbox" id="firm-only" checked={state.form.firm_only} onchange={on_firm_only} />
                <span>{ "Count firm contracts only" }</span>
            </label>
            if state.form.firm_only {
                <p class="hint" id="firm-only-note">{ "Letters of intent are not counted while this is on; each deal's own choice comes back when it is off." }</p>
            }
            <table class="ledger">
                <caption class="visually-hidden">{ "Deals: select a name to edit its terms" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Deal" }</th>
                        <th scope="col">{ "Value" }</th>
                        <th scope="col">{ "Term" }</th>
                        <th scope="col">{ "Firm" }</th>
                        <th scope="col">{ "Counted" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr>
                </thead>
                { for state.form.deals.iter().enumerate().map(|(i, d)| {
                    let has_error = state.errors.under(&format!("deals[{i}]")).next().is_some();
                    html! {
                        <DealRow key={d.id} dispatch={state.dispatcher()} index={i} count={n}
                            open={open.contains(&d.id) || has_error}
                            on_toggle={on_toggle.clone()} deal={d.clone()}
                            firm_only={state.form.firm_only} errors={state.errors.clone()}
                            on_focus_after={on_focus_after.clone()} />
                    }
                }) }
            </table>
            if n == 0 {
                <p class="empty">{ "No deals yet: add one to see what it costs." }</p>
            }
            <button type="button" class="small-button" id="add-deal" disabled={n >= MAX_DEALS} onclick={add}>{ "Add deal" }</button>
            if n >= MAX_DEALS {
                <p class="hint">{ format!("A scenario holds at most {MAX_DEALS} deals.") }</p>
            }
        </section>
    }
}
