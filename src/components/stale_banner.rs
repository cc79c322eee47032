//! The banner that says the results on screen are from the last valid inputs, listing what to
//! fix.

use super::field_input::path_id;
use super::StateHandle;
use crate::state::DealForm;
use yew::prelude::*;

/// Shown while the form holds a mistake. A plain function called by the root: it reads the
/// whole state, as a component would.
pub fn stale_banner(state: &StateHandle) -> Html {
    if !state.is_stale() {
        return Html::default();
    }
    let n = state.errors.len();
    html! {
        <div class="stale-banner" role="status" id="stale-banner">
            <p><strong>{ "These results are from your last valid inputs." }</strong>
               { if n == 1 { " Fix 1 problem to update them:".to_string() } else { format!(" Fix {n} problems to update them:") } }</p>
            <ul>
                { for state.errors.iter().take(6).map(|(path, message)| {
                    let target = path_id(path);
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        focus_by_id(&target);
                    });
                    let name = reader_name(path, &state.form.deals);
                    html! { <li><a href={format!("#{}", path_id(path))} {onclick}>{ name }</a>{ ": " }{ message.to_string() }</li> }
                }) }
            </ul>
        </div>
    }
}

/// The name a reader sees for a field: its visible label (or the accessible name of a table
/// cell), with the deal's name for a deal's field ("Term of Oracle"); the path in words when
/// the field is not on the page.
fn reader_name(path: &str, deals: &[DealForm]) -> String {
    let Some(label) = visible_label(&path_id(path)) else {
        return describe(path);
    };
    let deal = path
        .strip_prefix("deals[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| deals.get(i))
        .map(|d| d.name.trim())
        .filter(|name| !name.is_empty());
    match deal {
        Some(name) => format!("{label} of {name}"),
        None => label,
    }
}

/// The text of the `<label for=id>` of an element, or its `aria-label`.
fn visible_label(id: &str) -> Option<String> {
    let doc = gloo::utils::document();
    let from_label = doc
        .query_selector(&format!("label[for=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|l| l.text_content());
    let text = from_label.or_else(|| doc.get_element_by_id(id)?.get_attribute("aria-label"))?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A reader's name for a field path when its field is not on the page: `deals[2].years` ->
/// "deal 3, years".
fn describe(path: &str) -> String {
    if path.is_empty() {
        return "scenario".into();
    }
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (
                n,
                rest.trim_end_matches(']')
                    .split("][")
                    .next()
                    .and_then(|i| i.parse::<usize>().ok()),
            ),
            None => (part, None),
        };
        let name = name.replace('_', " ");
        let name = match name.as_str() {
            "deals" => "deal".to_string(),
            "points" => "point".to_string(),
            "raises" => "raise".to_string(),
            "opex share" => "non-compute share".to_string(),
            other => other.to_string(),
        };
        out.push(match index {
            Some(i) => format!("{name} {}", i + 1),
            None => name,
        });
    }
    out.join(", ")
}

/// Moves focus to an element (scrolling it into view) without touching the URL fragment, which
/// holds the scenario.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
