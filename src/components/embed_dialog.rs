//! "Embed in your post": choose a view, reader controls, theme and the frame's width, see the
//! embed as a reader will, and copy a ready `<iframe>` snippet for the embed page `embed/` whose
//! height fits the view at that width (plus the optional script that sizes embeds to their
//! content).

use crate::browser;
use crate::codec;
use crate::components::chart_panel::{self, ChartKind};
use crate::components::fixed_html;
use crate::dom;
use crate::embed::fit::{self, Body, Layout, Width};
use crate::embed::{self, Controls, Embed, EmbedTheme, Frame, View};
use crate::hooks::use_element_width::use_element_width;
use crate::scenario::Scenario;
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub scenario: Rc<Scenario>,
}

fn chart_kind(view: View) -> Option<ChartKind> {
    match view {
        View::Commitments => Some(ChartKind::Commitments),
        View::Coverage => Some(ChartKind::Coverage),
        View::Cash => Some(ChartKind::Cash),
        View::Figures | View::Summary => None,
    }
}

/// The frame height that shows `embed` of `scenario` whole at `width`, without the script.
pub fn frame_height(embed: Embed, width: Width, scenario: &Scenario) -> u32 {
    let footer = embed::footer_text(scenario);
    let controls = embed.controls == Controls::Key;
    match chart_kind(embed.view) {
        Some(kind) => {
            let chart_px = move |w: f64| chart_panel::chart_height(w, kind);
            let layout = Layout {
                body: Body::Chart {
                    sentence: None,
                    title: kind.title(),
                    hint: kind.description(),
                    chart_px: &chart_px,
                },
                controls,
                footer: &footer,
            };
            fit::frame_height(&layout, width)
        }
        None => {
            let (sentences, cards) = embed::words(embed, scenario);
            let layout = Layout {
                body: Body::Words {
                    sentences: &sentences,
                    cards: &cards,
                },
                controls,
                footer: &footer,
            };
            fit::frame_height(&layout, width)
        }
    }
}

/// Says whether copying the snippet worked. Written into the page rather than held as state:
/// Yew leaves the empty status line's content alone on each render, and the dialog needs no
/// state hook (and its code) for it.
fn copy_status(text: &str) {
    dom::set_text(&gloo::utils::document(), "embed-copy-status", text);
}

/// One labelled select of the dialog: every choice as (value, text, chosen). One copy of the
/// markup code for the four selects (a `Vec`, not a generic iterator, so it stays one copy).
fn choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(AttrValue, AttrValue, bool)>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="field">
            <label for={id} class="field-label">{ label }</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
            </select>
        </div>
    }
}

/// The choices of a select whose values and texts are fixed.
fn fixed<T: Copy + PartialEq>(
    choices: &'static [(T, &'static str, &'static str)],
    chosen: T,
) -> Vec<(AttrValue, AttrValue, bool)> {
    choices
        .iter()
        .map(|&(c, value, text)| (value.into(), text.into(), c == chosen))
        .collect()
}

const CONTROLS: [(Controls, &str, &str); 2] = [
    (Controls::None, "none", "None"),
    (Controls::Key, "key", "Key sliders"),
];

const THEMES: [(EmbedTheme, &str, &str); 3] = [
    (EmbedTheme::Auto, "auto", "Reader's system"),
    (EmbedTheme::Light, "light", "Light"),
    (EmbedTheme::Dark, "dark", "Dark"),
];

/// The embed builder.
#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    // The choices and the width in one state, so every select changes it through one callback.
    let settings = use_state(|| {
        (
            Embed {
                view: View::Commitments,
                controls: Controls::None,
                theme: EmbedTheme::Auto,
            },
            Width::Full,
        )
    });
    let with_script = use_state(|| true);
    let open = use_state(|| false);
    let preview_box = use_node_ref();
    let box_width = use_element_width(preview_box.clone());
    let (s, w) = *settings;
    // Only while the dialog is open: the figures view measures every year's texts.
    let height = use_memo(
        (props.scenario.clone(), s, w, *open),
        |(scenario, settings, width, open)| {
            if *open {
                frame_height(*settings, *width, scenario)
            } else {
                0
            }
        },
    );
    // The link and the snippet only while the dialog is open: deflating the scenario on every
    // keystroke for a closed dialog would delay each edit's repaint.
    let (src, code) = if *open {
        let fragment = codec::encode(&props.scenario);
        // Embeds live in the calculator's folder (`embed/`), whether this page was opened as
        // `…/coverage/` or `…/coverage/index.html`.
        let page_url = browser::page_url();
        let base = embed::base_url(&page_url);
        let src = embed::embed_url(base, s, &fragment);
        let frame = Frame {
            width: w,
            height: *height,
        };
        let title = format!("{} — {}", s.view.label(), props.scenario.name);
        let code = embed::snippet(&src, &title, frame, base, *with_script);
        (src, code)
    } else {
        (String::new(), String::new())
    };
    // The preview: the embed at the chosen width, scaled down to the dialog when wider.
    let scale = embed::preview_scale(box_width, w.max_px());
    {
        let preview_box = preview_box.clone();
        use_effect_with((scale, *height), move |(scale, height)| {
            // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
            if let Some(el) = preview_box.cast::<HtmlElement>() {
                dom::scale_preview(&el, *height, *scale);
            }
        });
    }
    // A new choice makes a new snippet: "copied" no longer applies.
    let select = |apply: fn(&mut (Embed, Width), &str)| {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = *settings;
            apply(&mut next, &select.value());
            settings.set(next);
            copy_status("");
        })
    };
    let on_view = select(|(e, _), v| {
        if let Some(view) = View::ALL.into_iter().find(|x| x.id() == v) {
            e.view = view;
        }
    });
    let on_controls = select(|(e, _), v| {
        e.controls = if v == "key" {
            Controls::Key
        } else {
            Controls::None
        }
    });
    let on_theme = select(|(e, _), v| e.theme = EmbedTheme::from_id(v));
    let on_width = select(|(_, w), v| *w = Width::from_id(v));
    let on_script = {
        let with_script = with_script.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            with_script.set(input.checked());
        })
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let copy = {
        let code = code.clone();
        Callback::from(move |_: MouseEvent| {
            browser::copy_text(code.clone(), move |ok| copy_status(embed::copy_status(ok)));
        })
    };
    let views = View::ALL
        .iter()
        .map(|v| (v.id().into(), v.label().into(), *v == s.view))
        .collect();
    let widths = Width::CHOICES
        .iter()
        .map(|c| (c.id().into(), c.label().into(), *c == w))
        .collect();
    html! {
        <details class="panel embed-dialog" id="embed-dialog" ontoggle={on_toggle}>
            { fixed_html(r#"<summary><h2 class="inline-heading">Embed in your post</h2></summary><p class="hint">Paste the snippet into your post's HTML. Its height fits the view at the width chosen; with the script, each embed also grows or shrinks to fit its content on any screen.</p>"#) }
            <div class="field-grid embed-fields">
                { choice("embed-view", "Show", views, on_view) }
                { choice("embed-controls", "Reader controls", fixed(&CONTROLS, s.controls), on_controls) }
                { choice("embed-theme", "Theme", fixed(&THEMES, s.theme), on_theme) }
                { choice("embed-width", "Width in the post", widths, on_width) }
            </div>
            <label class="switch embed-script">
                <input type="checkbox" id="embed-script" checked={*with_script} onchange={on_script} />
                <span>{ "Include the resize script" }</span>
            </label>
            <p class="field-label embed-preview-label" id="embed-preview-label">
                { embed::preview_label(w.max_px(), *height, scale) }
            </p>
            <div class="embed-preview" ref={preview_box}>
                if *open {
                    <iframe id="embed-preview" src={src} title={format!("Preview of the embed: {}", s.view.label())}
                        width={w.max_px().to_string()} height={height.to_string()} tabindex="-1"></iframe>
                }
            </div>
            { fixed_html(r#"<label for="embed-code" class="field-label embed-code-label">Snippet</label>"#) }
            <textarea id="embed-code" readonly=true rows="5" value={code} />
            <div class="share-bar">
                <button type="button" class="small-button" id="copy-embed" onclick={copy}>{ "Copy snippet" }</button>
                <span id="embed-copy-status" role="status" aria-live="polite"></span>
            </div>
        </details>
    }
}
