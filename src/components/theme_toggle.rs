//! The theme switch: follow the system, light, or dark.

use crate::hooks::use_theme::{ThemeChoice, ThemeHandle};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeToggleProps {
    pub theme: ThemeHandle,
}

/// A small select for the theme.
#[function_component(ThemeToggle)]
pub fn theme_toggle(props: &ThemeToggleProps) -> Html {
    let set = props.theme.set_choice.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(c) = ThemeChoice::from_id(&select.value()) {
            set.emit(c);
        }
    });
    let choice = props.theme.choice;
    html! {
        <label class="theme-toggle">
            <span>{ "Theme" }</span>
            <select id="theme" {onchange}>
                <option value="auto" selected={choice == ThemeChoice::Auto}>{ "System" }</option>
                <option value="light" selected={choice == ThemeChoice::Light}>{ "Light" }</option>
                <option value="dark" selected={choice == ThemeChoice::Dark}>{ "Dark" }</option>
            </select>
        </label>
    }
}
