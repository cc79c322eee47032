//! The theme switch: follow the system, light, or dark.

use crate::components::fixed_html;
use crate::hooks::use_theme::{ThemeChoice, ThemeHandle};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The choices, in the order shown.
const CHOICES: [(ThemeChoice, &str); 3] = [
    (ThemeChoice::Auto, "System"),
    (ThemeChoice::Light, "Light"),
    (ThemeChoice::Dark, "Dark"),
];

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
            { fixed_html("<span>Theme</span>") }
            <select id="theme" {onchange}>
                { for CHOICES.iter().map(|&(c, text)| html! {
                    <option value={c.id()} selected={c == choice}>{ text }</option>
                }) }
            </select>
        </label>
    }
}
