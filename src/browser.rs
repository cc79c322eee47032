//! Thin wrappers over the browser APIs the app uses (location, history, storage, downloads,
//! clipboard), each turning failure into a value or a message instead of a panic. Compiled
//! only for wasm32.

use crate::address::Move;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Why local storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is disabled (private browsing, blocked cookies, a sandboxed frame).
    Unavailable,
    /// The browser refused to store more (quota exceeded).
    Full,
}

impl fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageProblem::Unavailable => write!(
                f,
                "this browser does not let the page store data (private browsing or blocked storage), so your work is not kept after you close it: copy the link or download the JSON to keep it"
            ),
            StorageProblem::Full => write!(
                f,
                "this browser's storage for the page is full, so the latest change was not saved: delete a saved scenario, or download the JSON to keep it"
            ),
        }
    }
}

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}

/// Reads a stored value (`None` when absent).
///
/// # Errors
/// [`StorageProblem::Unavailable`] when storage is disabled.
pub fn load(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

/// Stores a value.
///
/// # Errors
/// [`StorageProblem`] when storage is disabled or full.
pub fn store(key: &str, value: &str) -> Result<(), StorageProblem> {
    storage()?
        .set_item(key, value)
        .map_err(|_| StorageProblem::Full)
}

/// The URL fragment, without the `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The query string, with its `?`.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment (works under any sub-path).
pub fn page_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (so editing does not fill the back
/// button with one entry per keystroke).
pub fn replace_hash(fragment: &str) {
    set_hash(fragment, Move::Replace);
}

/// The link the current history entry records under it: the entry a switch of preset was
/// pushed on top of (see [`crate::address`]).
pub fn hash_under() -> Option<String> {
    web_sys::window()?.history().ok()?.state().ok()?.as_string()
}

/// Moves the address to the fragment as [`crate::address`] decided: a pushed entry records
/// the link under it, a replaced one keeps what it recorded, and Back goes back one entry.
/// Pushing or replacing fires no `popstate` and no `hashchange`. An unchanged address is left
/// alone: pushing it would make Back do nothing.
pub fn set_hash(fragment: &str, how: Move) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let (l, Ok(history)) = (w.location(), w.history()) else {
        return;
    };
    let here = hash();
    if how == Move::Back {
        let _ = history.back();
        return;
    }
    if how == Move::Stay || here == fragment {
        return;
    }
    let url = format!(
        "{}{}#{fragment}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    );
    let _ = if how == Move::Push {
        history.push_state_with_url(&JsValue::from_str(&here), "", Some(&url))
    } else {
        let kept = history.state().unwrap_or(JsValue::NULL);
        history.replace_state_with_url(&kept, "", Some(&url))
    };
}

/// The current time as ISO 8601 text.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Offers text as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
            download_url(file_name, &url);
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }
}

/// Offers a URL (a blob: or data: URL) as a file download.
pub fn download_url(file_name: &str, url: &str) {
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(url);
            a.set_download(file_name);
            let _ = a.set_attribute("hidden", "");
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
}

/// Copies text to the clipboard; the callback gets whether it worked.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Tells the embedding page how tall this page's content is.
pub fn post_height(height: f64) {
    if let Some(w) = web_sys::window() {
        if let Ok(Some(parent)) = w.parent() {
            if parent != w {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(
                    &message,
                    &"type".into(),
                    &"compute-coverage:height".into(),
                );
                let _ = js_sys::Reflect::set(
                    &message,
                    &"height".into(),
                    &JsValue::from_f64(height.ceil()),
                );
                let _ = parent.post_message(&message, "*");
            }
        }
    }
}
