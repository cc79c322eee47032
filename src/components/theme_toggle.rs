//! The theme switch: follow the system, light, or dark.

use crate::hooks::use_theme::{ThemeChoice, ThemeHandle};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A small select for the theme. A plain function, not a component (no state of its own; a
/// component type costs the download about 1 KB of Yew's lifecycle code).
pub fn theme_toggle(theme: &ThemeHandle) -> Html {
    let set = theme.set_choice.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(c) = ThemeChoice::from_id(&select.value()) {
            set.emit(c);
        }
    });
    let choice = theme.choice;
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
