//! Getting the scenario and its numbers out and back in: copy the link, download the CSV of the
//! projection and the JSON of the scenario, import a JSON file.

use crate::browser;
use crate::engine::Projection;
use crate::export;
use crate::format;
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Largest file accepted for import (a scenario is a few kilobytes).
pub const MAX_IMPORT_BYTES: f64 = 2_000_000.0;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
    /// Called with the text of a file to import (or an error message when it cannot be read).
    pub on_import: Callback<Result<String, String>>,
}

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

/// The row of share and export buttons.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let copied = use_state(|| None::<bool>);
    let copy_link = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let url = format!(
                "{}{}#{}",
                browser::page_url(),
                browser::search(),
                browser::hash()
            );
            let copied = copied.clone();
            browser::copy_text(url, move |ok| copied.set(Some(ok)));
        })
    };
    let csv = {
        let scenario = props.scenario.clone();
        let projection = props.projection.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download_text(
                &export::file_name(&scenario.name, "projection", "csv"),
                "text/csv;charset=utf-8",
                &export::projection_csv(&projection),
            );
        })
    };
    let json = {
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download_text(
                &export::file_name(&scenario.name, "scenario", "json"),
                "application/json",
                &scenario.to_json(),
            );
        })
    };
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read_file(input.files(), on_import.clone());
            // Let the same file be chosen again after fixing it.
            input.set_value("");
        })
    };
    html! {
        <div class="share-bar" role="group" aria-label="Share and export">
            <button type="button" class="small-button" id="copy-link" onclick={copy_link}>{ "Copy link" }</button>
            <button type="button" class="small-button" id="download-csv" onclick={csv}>{ "Download CSV" }</button>
            <button type="button" class="small-button" id="download-json" onclick={json}>{ "Download JSON" }</button>
            <label class="small-button file-button">
                { "Import JSON…" }
                <input type="file" id="import-json" accept=".json,application/json" class="visually-hidden" onchange={on_file} />
            </label>
            <span class="share-status" role="status" aria-live="polite">
                { match *copied {
                    Some(true) => "Link copied.",
                    Some(false) => "Copying was blocked: copy the address from the address bar.",
                    None => "",
                } }
            </span>
        </div>
    }
}
