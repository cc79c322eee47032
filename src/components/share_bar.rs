//! Getting the scenario and its numbers out and back in: copy the link, download the CSV of the
//! projection and the JSON of the scenario, import a JSON file.

use crate::browser;
use crate::dom;
use crate::engine::Projection;
use crate::export;
use crate::format;
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Largest file accepted for import (a scenario is a few kilobytes).
pub const MAX_IMPORT_BYTES: f64 = 2_000_000.0;

/// Reads the first file of a list as text and hands it on.
pub fn read_file(files: Option<web_sys::FileList>, on_import: Callback<Result<String, String>>) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    if file.size() > MAX_IMPORT_BYTES {
        on_import.emit(Err(format!(
            "\"{}\" is {} MB; a scenario file is at most 2 MB",
            file.name().chars().take(60).collect::<String>(),
            format::fixed(file.size() / 1e6, 1)
        )));
        return;
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(text) => on_import.emit(
                text.as_string()
                    .ok_or_else(|| "the file is not text".to_string()),
            ),
            Err(_) => on_import.emit(Err("the file could not be read".into())),
        }
    });
}

/// The row of share and export buttons. A plain function called by the root, not a component:
/// its one piece of state, whether copying worked, is the status line's text, written into the
/// page when the copy ends (Yew leaves the empty line's content alone on each render), so no
/// component type with its own copy of Yew's lifecycle is needed. `on_import` is called with
/// the text of a file to import (or an error message when it cannot be read).
pub fn share_bar(
    scenario: &Rc<Scenario>,
    projection: &Rc<Projection>,
    on_import: Callback<Result<String, String>>,
) -> Html {
    let copy_link = Callback::from(move |_: MouseEvent| {
        let url = format!(
            "{}{}#{}",
            browser::page_url(),
            browser::search(),
            browser::hash()
        );
        browser::copy_text(url, move |ok| {
            let status = if ok {
                "Link copied."
            } else {
                "Copying was blocked: copy the address from the address bar."
            };
            dom::set_text(&gloo::utils::document(), "share-status", status);
        });
    });
    let csv = {
        let scenario = scenario.clone();
        let projection = projection.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download_text(
                &export::file_name(&scenario.name, "projection", "csv"),
                "text/csv;charset=utf-8",
                &export::projection_csv(&projection),
            );
        })
    };
    let json = {
        let scenario = scenario.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download_text(
                &export::file_name(&scenario.name, "scenario", "json"),
                "application/json",
                &scenario.to_json(),
            );
        })
    };
    let on_file = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        read_file(input.files(), on_import.clone());
        // Let the same file be chosen again after fixing it.
        input.set_value("");
    });
    html! {
        <div class="share-bar" role="group" aria-label="Share and export">
            <button type="button" class="small-button" id="copy-link" onclick={copy_link}>{ "Copy link" }</button>
            <button type="button" class="small-button" id="download-csv" onclick={csv}>{ "Download CSV" }</button>
            <button type="button" class="small-button" id="download-json" onclick={json}>{ "Download JSON" }</button>
            <label class="small-button file-button">
                { "Import JSON…" }
                <input type="file" id="import-json" accept=".json,application/json" class="visually-hidden" onchange={on_file} />
            </label>
            <span class="share-status" id="share-status" role="status" aria-live="polite"></span>
        </div>
    }
}
