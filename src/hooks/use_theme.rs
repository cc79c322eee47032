//! Light and dark themes: follows the system setting unless the reader picks one; the choice is
//! remembered in local storage when storage is available and sets `data-theme` on `<html>`.

use wasm_bindgen::prelude::*;
use web_sys::MediaQueryList;
use yew::prelude::*;

const STORAGE_KEY: &str = "compute-coverage.theme";

/// What the reader chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn from_id(id: &str) -> Option<ThemeChoice> {
        [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark]
            .into_iter()
            .find(|c| c.id() == id)
    }
}

/// The theme in effect and the reader's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeHandle {
    /// Whether the page is dark now.
    pub dark: bool,
    pub choice: ThemeChoice,
    pub set_choice: Callback<ThemeChoice>,
}

fn dark_query() -> Option<MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

fn stored_choice() -> ThemeChoice {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|id| ThemeChoice::from_id(&id))
        .unwrap_or(ThemeChoice::Auto)
}

/// Tracks the theme. `forced` (from an embed's `theme=` parameter) wins over storage.
#[hook]
pub fn use_theme(forced: Option<ThemeChoice>) -> ThemeHandle {
    let choice = use_state(move || forced.unwrap_or_else(stored_choice));
    let system_dark = use_state(|| dark_query().is_some_and(|q| q.matches()));
    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| {
            let query = dark_query();
            let listener = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
                move |e: web_sys::MediaQueryListEvent| system_dark.set(e.matches()),
            );
            if let Some(q) = &query {
                let _ =
                    q.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(q) = &query {
                    let _ = q.remove_event_listener_with_callback(
                        "change",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    let dark = match *choice {
        ThemeChoice::Auto => *system_dark,
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    };
    use_effect_with(dark, |&dark| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
        }
    });
    let set_choice = {
        let choice = choice.clone();
        Callback::from(move |c: ThemeChoice| {
            // Storage may be disabled or full: the choice still applies for this visit.
            if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten())
            {
                let _ = storage.set_item(STORAGE_KEY, c.id());
            }
            choice.set(c);
        })
    };
    ThemeHandle {
        dark,
        choice: *choice,
        set_choice,
    }
}
