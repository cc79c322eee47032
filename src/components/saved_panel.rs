//! The reader's saved scenarios: save the current one under a name, and open, rename or delete
//! saved ones. Stored in the browser only.

use crate::saved::{unique_name, Saved, SavedList};
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedPanelProps {
    pub list: Rc<SavedList>,
    pub scenario: Rc<Scenario>,
    /// Replace the stored list (the app writes it to storage).
    pub on_change: Callback<SavedList>,
    pub on_open: Callback<Scenario>,
    /// Time of saving, from the browser clock.
    pub now: Callback<(), String>,
}

/// Saved scenarios.
#[function_component(SavedPanel)]
pub fn saved_panel(props: &SavedPanelProps) -> Html {
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(usize, String)>);
    let confirm_delete = use_state(|| None::<usize>);
    let list = props.list.clone();
    let save = {
        let name = name.clone();
        let list = list.clone();
        let scenario = props.scenario.clone();
        let on_change = props.on_change.clone();
        let now = props.now.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let wanted = if name.trim().is_empty() {
                scenario.name.clone()
            } else {
                name.trim().to_string()
            };
            let mut next = (*list).clone();
            let entry = Saved {
                name: unique_name(&next.entries, &wanted.chars().take(80).collect::<String>()),
                saved_at: now.emit(()),
                scenario: scenario.draft().clone(),
            };
            next.entries.insert(0, entry);
            on_change.emit(next);
            name.set(String::new());
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    html! {
        <section class="panel" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ "Your scenarios" }</h2>
            <p class="hint">{ "Kept in this browser only. Your current work is also kept automatically and restored when you come back." }</p>
            <form class="save-form" onsubmit={save}>
                <label for="save-name" class="visually-hidden">{ "Name to save the current scenario under" }</label>
                <input type="text" id="save-name" placeholder={props.scenario.name.clone()} value={(*name).clone()} oninput={on_name} maxlength="80" />
                <button type="submit" class="small-button" id="save-scenario">{ "Save" }</button>
            </form>
            if list.entries.is_empty() {
                <p class="empty">{ "Nothing saved yet." }</p>
            } else {
                <ul class="saved-list" id="saved-list">
                    { for list.entries.iter().enumerate().map(|(i, entry)| {
                        let open = {
                            let on_open = props.on_open.clone();
                            let draft = entry.scenario.clone();
                            Callback::from(move |_: MouseEvent| {
                                if let Ok(s) = Scenario::new(draft.clone()) {
                                    on_open.emit(s);
                                }
                            })
                        };
                        let start_rename = {
                            let renaming = renaming.clone();
                            let current = entry.name.clone();
                            Callback::from(move |_: MouseEvent| renaming.set(Some((i, current.clone()))))
                        };
                        let delete = {
                            let confirm_delete = confirm_delete.clone();
                            let list = list.clone();
                            let on_change = props.on_change.clone();
                            Callback::from(move |_: MouseEvent| {
                                if *confirm_delete == Some(i) {
                                    let mut next = (*list).clone();
                                    if i < next.entries.len() {
                                        next.entries.remove(i);
                                    }
                                    on_change.emit(next);
                                    confirm_delete.set(None);
                                } else {
                                    confirm_delete.set(Some(i));
                                }
                            })
                        };
                        let is_renaming = renaming.as_ref().filter(|(j, _)| *j == i).map(|(_, t)| t.clone());
                        html! {
                            <li key={format!("{i}-{}", entry.name)}>
                                if let Some(text) = is_renaming {
                                    { rename_form(i, text, &renaming, &list, &props.on_change) }
                                } else {
                                    <span class="saved-name">{ entry.name.clone() }</span>
                                    <span class="saved-when">{ entry.saved_at.get(..10).unwrap_or_default().to_string() }</span>
                                    <span class="saved-actions">
                                        <button type="button" class="small-button" onclick={open}
                                            aria-label={format!("Open {}", entry.name)}>{ "Open" }</button>
                                        <button type="button" class="small-button" onclick={start_rename}
                                            aria-label={format!("Rename {}", entry.name)}>{ "Rename" }</button>
                                        <button type="button" class="small-button danger" onclick={delete}
                                            aria-label={format!("Delete {}", entry.name)}>
                                            { if *confirm_delete == Some(i) { "Really delete?" } else { "Delete" } }
                                        </button>
                                    </span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

fn rename_form(
    i: usize,
    text: String,
    renaming: &UseStateHandle<Option<(usize, String)>>,
    list: &Rc<SavedList>,
    on_change: &Callback<SavedList>,
) -> Html {
    let on_input = {
        let renaming = renaming.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            renaming.set(Some((i, input.value())));
        })
    };
    let submit = {
        let renaming = renaming.clone();
        let list = list.clone();
        let on_change = on_change.clone();
        let text = text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = (*list).clone();
            let others: Vec<Saved> = next
                .entries
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, s)| s.clone())
                .collect();
            if let Some(entry) = next.entries.get_mut(i) {
                entry.name = unique_name(&others, &text.chars().take(80).collect::<String>());
            }
            on_change.emit(next);
            renaming.set(None);
        })
    };
    let cancel = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(None))
    };
    html! {
        <form class="rename-form" onsubmit={submit}>
            <label for={format!("rename-{i}")} class="visually-hidden">{ "New name" }</label>
            <input type="text" id={format!("rename-{i}")} value={text} oninput={on_input} maxlength="80" />
            <button type="submit" class="small-button">{ "Save name" }</button>
            <button type="button" class="small-button" onclick={cancel}>{ "Cancel" }</button>
        </form>
    }
}
