//! "Embed in your post": choose a view, reader controls and theme, and copy a ready `<iframe>`
//! snippet for the embed page `embed/` (plus the optional script that sizes embeds to their
//! content).

use crate::browser;
use crate::codec;
use crate::embed::{self, Controls, Embed, EmbedTheme, View};
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub scenario: Rc<Scenario>,
}

/// The embed builder.
#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let settings = use_state(|| Embed {
        view: View::Commitments,
        controls: Controls::None,
        theme: EmbedTheme::Auto,
    });
    let with_script = use_state(|| true);
    let copied = use_state(|| None::<bool>);
    let fragment = codec::encode(&props.scenario);
    // Embeds live in the calculator's folder (`embed/`), whether this page was opened as
    // `…/coverage/` or `…/coverage/index.html`.
    let page_url = browser::page_url();
    let code = embed::snippet(
        embed::base_url(&page_url),
        *settings,
        &fragment,
        &props.scenario.name,
        *with_script,
    );
    let select = |apply: fn(&mut Embed, &str)| {
        let settings = settings.clone();
        let copied = copied.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = *settings;
            apply(&mut next, &select.value());
            settings.set(next);
            copied.set(None);
        })
    };
    let on_view = select(|e, v| {
        if let Some(view) = View::ALL.into_iter().find(|x| x.id() == v) {
            e.view = view;
        }
    });
    let on_controls = select(|e, v| {
        e.controls = if v == "key" {
            Controls::Key
        } else {
            Controls::None
        }
    });
    let on_theme = select(|e, v| {
        e.theme = match v {
            "light" => EmbedTheme::Light,
            "dark" => EmbedTheme::Dark,
            _ => EmbedTheme::Auto,
        }
    });
    let on_script = {
        let with_script = with_script.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            with_script.set(input.checked());
        })
    };
    let copy = {
        let code = code.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy_text(code.clone(), move |ok| copied.set(Some(ok)));
        })
    };
    let s = *settings;
    html! {
        <details class="panel embed-dialog" id="embed-dialog">
            <summary><h2 class="inline-heading">{ "Embed in your post" }</h2></summary>
            <p class="hint">{ "Paste the snippet into your post's HTML. With the script, each embed grows to fit its content; without it, the embed keeps the fixed height shown." }</p>
            <div class="field-grid">
                <div class="field">
                    <label for="embed-view" class="field-label">{ "Show" }</label>
                    <select id="embed-view" onchange={on_view}>
                        { for View::ALL.iter().map(|v| html! { <option value={v.id()} selected={*v == s.view}>{ v.label() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="embed-controls" class="field-label">{ "Reader controls" }</label>
                    <select id="embed-controls" onchange={on_controls}>
                        <option value="none" selected={s.controls == Controls::None}>{ "None" }</option>
                        <option value="key" selected={s.controls == Controls::Key}>{ "Key sliders" }</option>
                    </select>
                </div>
                <div class="field">
                    <label for="embed-theme" class="field-label">{ "Theme" }</label>
                    <select id="embed-theme" onchange={on_theme}>
                        <option value="auto" selected={s.theme == EmbedTheme::Auto}>{ "Follow the reader's system" }</option>
                        <option value="light" selected={s.theme == EmbedTheme::Light}>{ "Light" }</option>
                        <option value="dark" selected={s.theme == EmbedTheme::Dark}>{ "Dark" }</option>
                    </select>
                </div>
            </div>
            <label class="switch">
                <input type="checkbox" id="embed-script" checked={*with_script} onchange={on_script} />
                <span>{ "Include the resize script" }</span>
            </label>
            <label for="embed-code" class="field-label">{ "Snippet" }</label>
            <textarea id="embed-code" readonly=true rows="5" value={code} />
            <div class="share-bar">
                <button type="button" class="small-button" id="copy-embed" onclick={copy}>{ "Copy snippet" }</button>
                <span role="status" aria-live="polite">
                    { match *copied { Some(true) => "Snippet copied.", Some(false) => "Copying was blocked: select the snippet and copy it.", None => "" } }
                </span>
            </div>
        </details>
    }
}
