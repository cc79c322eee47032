//! The reader's saved scenarios: save the current one under a name, and open, update, rename
//! or delete saved ones. The panel only sends [`SavedAction`]s: the list changes in the app's
//! reducer ([`crate::saved`]), which also writes it to the browser's storage.

use crate::components::fixed_html;
use crate::dom;
use crate::saved::{SavedAction, SavedList};
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedPanelProps {
    pub list: Rc<SavedList>,
    pub scenario: Rc<Scenario>,
    /// A change to the list.
    pub on_action: Callback<SavedAction>,
    pub on_open: Callback<Scenario>,
    /// Time of saving, from the browser clock.
    pub now: Callback<(), String>,
}

/// Saved scenarios.
#[function_component(SavedPanel)]
pub fn saved_panel(props: &SavedPanelProps) -> Html {
    // The name being typed stays in its field (read when saving): no state, and no render of
    // the panel per keystroke.
    let name_field = use_node_ref();
    let renaming = use_state(|| None::<(usize, String)>);
    // Which entry (place and name) asked "Really delete?".
    let confirm_delete = use_state(|| None::<(usize, String)>);
    let list = props.list.clone();
    let save = {
        let name_field = name_field.clone();
        let scenario = props.scenario.clone();
        let on_action = props.on_action.clone();
        let now = props.now.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = name_field.cast::<HtmlInputElement>() else {
                return;
            };
            on_action.emit(SavedAction::Save {
                name: field.value(),
                scenario: scenario.draft().clone(),
                at: now.emit(()),
            });
            field.set_value("");
        })
    };
    // One callback type for every entry's four buttons (each closure type is its own code in
    // the download): what the button does is data.
    let act = |what: EntryAction, i: usize, name: &str, asked: bool| {
        let on_open = props.on_open.clone();
        let on_action = props.on_action.clone();
        let list = list.clone();
        let scenario = props.scenario.clone();
        let now = props.now.clone();
        let renaming = renaming.clone();
        let confirm_delete = confirm_delete.clone();
        let name = name.to_string();
        Callback::from(move |_: MouseEvent| match what {
            EntryAction::Open => {
                if let Some(s) = list.open(i, &name) {
                    on_open.emit(s);
                }
            }
            EntryAction::Update => on_action.emit(SavedAction::Overwrite {
                index: i,
                name: name.clone(),
                scenario: scenario.draft().clone(),
                at: now.emit(()),
            }),
            EntryAction::Rename => renaming.set(Some((i, name.clone()))),
            EntryAction::Delete if asked => {
                on_action.emit(SavedAction::Delete {
                    index: i,
                    name: name.clone(),
                });
                confirm_delete.set(None);
            }
            EntryAction::Delete => confirm_delete.set(Some((i, name.clone()))),
        })
    };
    html! {
        <section class="panel" aria-labelledby="saved-heading">
            { fixed_html(r#"<h2 id="saved-heading">Your scenarios</h2><p class="hint">Kept in this browser only. Your current work is also kept automatically and restored when you come back.</p>"#) }
            <form class="save-form" onsubmit={save}>
                { fixed_html(r#"<label for="save-name" class="visually-hidden">Name to save the current scenario under</label>"#) }
                <input type="text" id="save-name" placeholder={props.scenario.name.clone()} ref={name_field} maxlength="80" />
                <button type="submit" class="small-button" id="save-scenario">{ "Save" }</button>
            </form>
            if list.entries.is_empty() {
                { fixed_html(r#"<p class="empty">Nothing saved yet.</p>"#) }
            } else {
                <ul class="saved-list" id="saved-list">
                    { for list.entries.iter().enumerate().map(|(i, entry)| {
                        let name = &entry.name;
                        let same = entry.scenario == *props.scenario.draft();
                        let asked = confirm_delete.as_ref() == Some(&(i, name.clone()));
                        let is_renaming = renaming.as_ref().filter(|(j, _)| *j == i).map(|(_, t)| t.clone());
                        html! {
                            <li key={format!("{i}-{name}")}>
                                if let Some(text) = is_renaming {
                                    { rename_form(i, name, text, &renaming, &props.on_action) }
                                } else {
                                    <span class="saved-name">{ name.clone() }</span>
                                    <span class="saved-when">{ entry.saved_at.get(..10).unwrap_or_default().to_string() }</span>
                                    <span class="saved-actions">
                                        { entry_button("small-button", "Open", format!("Open {name}"), None, false, act(EntryAction::Open, i, name, asked)) }
                                        { entry_button("small-button", "Update", format!("Update {name} with the current scenario"),
                                            Some("Replace it with the scenario on the page"), same, act(EntryAction::Update, i, name, asked)) }
                                        { entry_button("small-button", "Rename", format!("Rename {name}"), None, false, act(EntryAction::Rename, i, name, asked)) }
                                        { entry_button("small-button danger", if asked { "Really delete?" } else { "Delete" },
                                            format!("Delete {name}"), None, false, act(EntryAction::Delete, i, name, asked)) }
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

/// What one of a saved entry's buttons does.
#[derive(Clone, Copy)]
enum EntryAction {
    Open,
    /// Replace the entry with the scenario on the page.
    Update,
    /// Show the rename form.
    Rename,
    /// Ask "Really delete?", and delete once asked.
    Delete,
}

/// One of a saved entry's buttons: its text, its accessible name (with the entry's name), an
/// optional tooltip, and whether it is disabled. One copy of the button's markup code for all four.
fn entry_button(
    class: &'static str,
    text: &'static str,
    label: String,
    title: Option<&'static str>,
    disabled: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" {class} {onclick} {disabled} {title} aria-label={label}>{ text }</button>
    }
}

fn rename_form(
    i: usize,
    name: &str,
    text: String,
    renaming: &UseStateHandle<Option<(usize, String)>>,
    on_action: &Callback<SavedAction>,
) -> Html {
    let id = format!("rename-{i}");
    // The new name stays in its field while typed (read on submit): no render per keystroke.
    let submit = {
        let renaming = renaming.clone();
        let on_action = on_action.clone();
        let name = name.to_string();
        let id = id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = dom::by_id::<HtmlInputElement>(&gloo::utils::document(), &id) else {
                return;
            };
            on_action.emit(SavedAction::Rename {
                index: i,
                name: name.clone(),
                to: field.value(),
            });
            renaming.set(None);
        })
    };
    let cancel = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(None))
    };
    html! {
        <form class="rename-form" onsubmit={submit}>
            <label for={id.clone()} class="visually-hidden">{ "New name" }</label>
            <input type="text" {id} value={text} maxlength="80" />
            <button type="submit" class="small-button">{ "Save name" }</button>
            <button type="button" class="small-button" onclick={cancel}>{ "Cancel" }</button>
        </form>
    }
}
