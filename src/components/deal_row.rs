//! One deal in the ledger: a summary row with its firm/counted toggles and row actions, and
//! when open, every term of the deal. It is given its deal and the form's messages as props
//! (not the whole state), so an edit to another deal or another section does not re-render it.

use super::deal_ledger::FocusAfter;
use super::field_input::{input, FieldValue};
use super::weights_editor::weights_editor;
use super::Dispatch;
use crate::format;
use crate::parse::{parse_int, parse_money, parse_number};
use crate::scenario::MAX_DEALS;
use crate::state::{Action, DealField, DealForm, Errors, Field, ProfileKind};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DealRowProps {
    /// Where the row's edits and actions go (the state's dispatcher, which never changes).
    pub dispatch: Dispatch,
    pub index: usize,
    /// Number of deals (for the move buttons).
    pub count: usize,
    pub open: bool,
    /// Opens or closes the editor of the deal with this id.
    pub on_toggle: Callback<u32>,
    /// The deal as typed.
    pub deal: DealForm,
    /// Whether only firm contracts are counted.
    pub firm_only: bool,
    /// The form's messages (compared by value: a new but equal set does not re-render).
    pub errors: Rc<Errors>,
    /// Told where the focus goes once a row action has changed the list.
    pub on_focus_after: Callback<FocusAfter>,
}

/// A callback that says where the focus goes next, then sends one fixed action.
fn send(
    dispatch: &Dispatch,
    on_focus_after: &Callback<FocusAfter>,
    focus: FocusAfter,
    action: Action,
) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    let on_focus_after = on_focus_after.clone();
    Callback::from(move |_| {
        on_focus_after.emit(focus);
        dispatch.dispatch(action.clone());
    })
}

/// A deal's row (a `<tbody>` of the ledger table).
#[function_component(DealRow)]
pub fn deal_row(props: &DealRowProps) -> Html {
    let state = &props.dispatch;
    let i = props.index;
    let deal = &props.deal;
    let errors = &props.errors;
    let name = if deal.name.trim().is_empty() {
        format!("Deal {}", i + 1)
    } else {
        deal.name.clone()
    };
    let value_text = if deal.by_capacity {
        match (parse_number(&deal.gw), parse_money(&deal.per_gw)) {
            (Ok(gw), Ok(per)) => html! { <>
                { format::money(gw * per) }
                <span class="sub">{ format!("{} GW", deal.gw.trim()) }</span>
            </> },
            _ => html! { "—" },
        }
    } else {
        html! { { parse_money(&deal.total).map_or_else(|_| "—".into(), format::money) } }
    };
    let term_text = match (parse_int(&deal.start_year), parse_int(&deal.years)) {
        (Ok(s), Ok(n)) if n >= 1 => format!("{s}–{}", s + n - 1),
        _ => "—".into(),
    };
    // A letter of intent while only firm contracts count: shown (and heard) as not counted,
    // while the deal's own choice is kept for when the option is turned off.
    let ruled_out = props.firm_only && !deal.firm;
    let counted = deal.include && !ruled_out;
    let editor_id = format!("deal-{}-editor", deal.id);
    let toggle = {
        let cb = props.on_toggle.clone();
        let id = deal.id;
        Callback::from(move |_| cb.emit(id))
    };
    let checkbox = |on: fn(usize, bool) -> Action| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(on(i, input.checked()));
        })
    };
    let on_mode = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.dispatch(Action::ValueByCapacity(i, select.value() == "capacity"));
        })
    };
    let on_profile = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = ProfileKind::from_id(&select.value()) {
                state.dispatch(Action::ChooseProfile(i, kind));
            }
        })
    };
    let act = |focus: FocusAfter, action: Action| send(state, &props.on_focus_after, focus, action);
    let f = |field: DealField| Field::Deal(i, field);
    let source_ok = {
        let s = deal.source.trim().to_ascii_lowercase();
        (s.starts_with("https://") || s.starts_with("http://"))
            && errors.get(&f(DealField::Source).path()).is_none()
    };
    // One of the deal's terms as a labelled field.
    let term = |field: DealField| {
        input(
            state,
            f(field),
            FieldValue::new(f(field), deal.get(field), errors),
        )
    };
    let mode_id = format!("deal-{}-mode", deal.id);
    let profile_id = format!("deal-{}-profile", deal.id);
    html! {
        <tbody class={classes!("deal", (!counted).then_some("not-counted"), props.open.then_some("open"))}>
            <tr class="deal-summary">
                <th scope="row">
                    <button type="button" class="disclosure" id={format!("deal-{}-name", deal.id)} aria-expanded={props.open.to_string()}
                        aria-controls={editor_id.clone()} onclick={toggle}>
                        <span class="deal-name"><span class="chevron" aria-hidden="true">{ if props.open { "▾ " } else { "▸ " } }</span>{ name.clone() }</span>
                        if !deal.counterparty.trim().is_empty() {
                            <span class="counterparty">{ deal.counterparty.clone() }</span>
                        }
                    </button>
                </th>
                <td class="num">{ value_text }</td>
                <td class="num">{ term_text }</td>
                <td>
                    <input type="checkbox" checked={deal.firm} onchange={checkbox(Action::SetFirm)}
                        aria-label={format!("{name}: firm contract")} />
                </td>
                <td>
                    <input type="checkbox" checked={counted} disabled={ruled_out} onchange={checkbox(Action::SetInclude)}
                        aria-label={format!("{name}: counted")}
                        aria-describedby={ruled_out.then_some("firm-only-note")}
                        title={ruled_out.then_some("Not counted: only firm contracts are counted")} />
                </td>
                <td class="row-actions">
                    <button type="button" class="icon-button" disabled={i == 0} title="Move up" id={format!("deal-{}-up", deal.id)}
                        aria-label={format!("Move {name} up")} onclick={act(FocusAfter::Moved { to: i.saturating_sub(1), up: true }, Action::MoveDeal(i, i.saturating_sub(1)))}>{ "↑" }</button>
                    <button type="button" class="icon-button" disabled={i + 1 >= props.count} title="Move down" id={format!("deal-{}-down", deal.id)}
                        aria-label={format!("Move {name} down")} onclick={act(FocusAfter::Moved { to: i + 1, up: false }, Action::MoveDeal(i, i + 1))}>{ "↓" }</button>
                    <button type="button" class="icon-button" title="Duplicate" disabled={props.count >= MAX_DEALS}
                        aria-label={format!("Duplicate {name}")} onclick={act(FocusAfter::Duplicated(i), Action::DuplicateDeal(i))}>{ "Copy" }</button>
                    <button type="button" class="icon-button danger" title="Remove"
                        aria-label={format!("Remove {name}")} onclick={act(FocusAfter::Removed(i), Action::RemoveDeal(i))}>{ "✕" }</button>
                </td>
            </tr>
            if props.open {
                <tr class="deal-editor" id={editor_id}>
                    <td colspan="6">
                        <div class="field-grid">
                            { term(DealField::Name) }
                            { term(DealField::Counterparty) }
                            <div class="field">
                                <label for={mode_id.clone()} class="field-label">{ "Value given as" }</label>
                                <select id={mode_id} onchange={on_mode}>
                                    <option value="total" selected={!deal.by_capacity}>{ "Total ($)" }</option>
                                    <option value="capacity" selected={deal.by_capacity}>{ "GW × $ per GW" }</option>
                                </select>
                            </div>
                            if deal.by_capacity {
                                { term(DealField::Gw) }
                                { term(DealField::PerGw) }
                            } else {
                                { term(DealField::Total) }
                            }
                            { term(DealField::StartYear) }
                            { term(DealField::Years) }
                            <div class="field">
                                <label for={profile_id.clone()} class="field-label">{ "Payment pattern" }</label>
                                <select id={profile_id} onchange={on_profile}>
                                    { for ProfileKind::ALL.iter().map(|k| html! {
                                        <option value={k.id()} selected={*k == deal.profile}>{ k.label() }</option>
                                    }) }
                                </select>
                                <p class="hint">{ profile_hint(deal.profile) }</p>
                            </div>
                            if deal.profile == ProfileKind::Fleet {
                                { term(DealField::FleetGrowth) }
                            }
                        </div>
                        if deal.profile == ProfileKind::Custom {
                            { weights_editor(state, i, deal, errors) }
                        }
                        <div class="field-grid">
                            { term(DealField::Source) }
                            if source_ok {
                                <p class="source-link"><a href={deal.source.trim().to_string()} target="_blank" rel="noopener noreferrer">{ "Open the source" }</a></p>
                            }
                            { term(DealField::Note) }
                        </div>
                        { deal_value_error(errors, i) }
                    </td>
                </tr>
            }
        </tbody>
    }
}

fn profile_hint(kind: ProfileKind) -> &'static str {
    match kind {
        ProfileKind::Even => "The same payment every year.",
        ProfileKind::RampUp => "Payments grow each year (1, 2, 3, …), as capacity comes online.",
        ProfileKind::FrontLoaded => "Payments shrink each year (…, 3, 2, 1).",
        ProfileKind::Fleet => "Capacity added every year, each addition paid for while in service.",
        ProfileKind::Custom => "Your own weights for each year.",
    }
}

/// Messages about the value as a whole (not tied to one box).
fn deal_value_error(errors: &Errors, i: usize) -> Html {
    match errors.get(&format!("deals[{i}].value")) {
        Some(message) => html! { <p class="error-text">{ message.to_string() }</p> },
        None => Html::default(),
    }
}
