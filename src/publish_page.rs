//! The embed builder ("Embed in your post", `publish/`): a page of its own, so the calculator's
//! readers do not download a tool a writer uses once per post. It opens the scenario in its
//! address exactly as the embed page does (same codec, same message for a damaged link, the
//! default scenario then), and offers the view, the reader controls, the theme, the frame's
//! width and the resize script; it previews the embed page at that width and writes the snippet
//! with the height that fits the view. Plain web-sys, like the embed and Suppliers pages: the
//! snippet's height is computed by the pure `embed::frame_height`, and the preview is the embed
//! page itself, so no chart is drawn here.

use crate::browser;
use crate::dom::{self, listen, observe, set_html, set_theme};
use crate::embed::fit::Width;
use crate::embed::{self, escape_html, Controls, Embed, EmbedStart, EmbedTheme, Frame, View};
use std::cell::RefCell;
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlInputElement, HtmlSelectElement};

/// Where the calculator keeps the reader's theme choice (src/hooks/use_theme.rs): the builder
/// opens in the theme the writer chose there.
const THEME_KEY: &str = "compute-coverage.theme";

/// Everything the page shows is derived from this.
struct Page {
    start: EmbedStart,
    embed: Embed,
    width: Width,
    script: bool,
    /// Notices still shown (the address's problems), by index.
    notices: Vec<(usize, String)>,
    /// Whether the page follows the system's theme (no choice stored by the calculator).
    follow_system: bool,
    /// CSS width of the preview's box the last time the preview was scaled.
    preview_width: f64,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

fn with_page(f: impl FnOnce(&mut Page, &Document)) {
    dom::with_page(&PAGE, f);
}

impl Page {
    /// The calculator's folder, seen from this page's address.
    fn app_base() -> String {
        embed::calculator_url_from(&browser::page_url(), embed::PUBLISH_DIR).to_string()
    }

    /// The fragment of the scenario shown: the address's own when it opened one (so the embed
    /// and the calculator get exactly the writer's bytes, and no encoder is needed here).
    fn fragment(&self) -> &str {
        self.start.fragment.as_deref().unwrap_or("")
    }

    fn markup(&self) -> String {
        let app = Self::app_base();
        let back = if self.fragment().is_empty() {
            app.clone()
        } else {
            format!("{app}#{}", self.fragment())
        };
        let mut h = format!(
            r##"<header class="site-header"><div><p class="back-link"><a href="{}" id="back-to-calculator">← Back to the calculator</a></p><h1 id="publish-heading">Embed in your post: <span id="scenario-name">{}</span></h1><p class="tagline">A chart, the headline figures or the summary of this scenario, in a frame for your post.</p></div></header><main class="publish-main" id="publish-main"><div id="notices">{}</div>"##,
            escape_html(&back),
            escape_html(&self.start.scenario.name),
            dom::notices_markup(r#"<div class="notices">"#, &self.notices)
        );
        h.push_str(r#"<section class="panel embed-dialog" id="embed-dialog" aria-labelledby="publish-heading"><p class="hint">Paste the snippet into your post's HTML. Its height fits the view at the width chosen; with the script, each embed also grows or shrinks to fit its content on any screen.</p><div class="field-grid embed-fields"><div class="field"><label for="embed-view" class="field-label">Show</label><select id="embed-view">"#);
        for v in View::ALL {
            let _ = write!(h, r#"<option value="{}">{}</option>"#, v.id(), v.label());
        }
        h.push_str(r#"</select></div><div class="field"><label for="embed-controls" class="field-label">Reader controls</label><select id="embed-controls"><option value="none">None</option><option value="key">Key sliders</option></select></div>"#);
        dom::theme_and_width_fields(&mut h);
        h.push_str("</div>");
        h.push_str(dom::SNIPPET_OUTPUT);
        h.push_str("</section></main>");
        h
    }

    /// Writes the snippet and the preview for the current choices.
    fn refresh(&self, doc: &Document) {
        let scenario = &self.start.scenario;
        let height = embed::frame_height(self.embed, self.width, scenario);
        let app = Self::app_base();
        let src = embed::embed_url(&app, self.embed, self.fragment());
        let title = format!("{} — {}", self.embed.view.label(), scenario.name);
        let frame = Frame {
            width: self.width,
            height,
        };
        let code = embed::snippet(&src, &title, frame, &app, self.script);
        dom::show_snippet(
            doc,
            &code,
            &src,
            self.embed.view.label(),
            self.width,
            height,
        );
    }

    /// Applies a change of one of the choices (by the control's id).
    fn choose(&mut self, id: &str, value: &str, checked: bool) {
        match id {
            "embed-view" => {
                if let Some(view) = View::ALL.into_iter().find(|v| v.id() == value) {
                    self.embed.view = view;
                }
            }
            "embed-controls" => {
                self.embed.controls = if value == "key" {
                    Controls::Key
                } else {
                    Controls::None
                }
            }
            "embed-theme" => self.embed.theme = EmbedTheme::from_id(value),
            "embed-width" => self.width = Width::from_id(value),
            "embed-script" => self.script = checked,
            _ => {}
        }
    }
}

/// Reads the address, writes the page into `#root` and wires the writer's choices.
pub fn start() {
    let doc = gloo::utils::document();
    let Some(root) = dom::root(&doc) else {
        return;
    };
    // Only the fragment: this page's own query never chooses a view.
    let start = embed::open("", &browser::hash());
    let choice = browser::load(THEME_KEY).ok().flatten().unwrap_or_default();
    let system = dom::system_dark_query();
    let dark = match choice.as_str() {
        "light" => false,
        "dark" => true,
        _ => system.as_ref().is_some_and(|q| q.matches()),
    };
    let page = Page {
        notices: start.problems.iter().cloned().enumerate().collect(),
        start,
        embed: Embed {
            view: View::Commitments,
            controls: Controls::None,
            theme: EmbedTheme::Auto,
        },
        width: Width::Full,
        script: true,
        follow_system: choice != "light" && choice != "dark",
        preview_width: 0.0,
    };
    set_theme(&doc, dark);
    root.set_inner_html(&page.markup());
    page.refresh(&doc);
    PAGE.with(|p| *p.borrow_mut() = Some(page));

    if let Some(query) = system {
        listen(&query, "change", |e: web_sys::MediaQueryListEvent| {
            with_page(|page, doc| {
                if page.follow_system {
                    set_theme(doc, e.matches());
                }
            })
        });
    }
    // The preview is scaled to its box: again when the box's width changes (a phone turned,
    // a window resized).
    if let Some(preview) = doc.get_element_by_id("embed-preview-box") {
        observe(&preview, |width| {
            with_page(|page, doc| {
                if page.preview_width != width {
                    page.preview_width = width;
                    page.refresh(doc);
                }
            })
        });
    }
    if let Some(dialog) = doc.get_element_by_id("embed-dialog") {
        listen(&dialog, "change", |e: web_sys::Event| {
            let Some(target) = e.target() else {
                return;
            };
            let (id, value, checked) =
                if let Ok(input) = target.clone().dyn_into::<HtmlInputElement>() {
                    (input.id(), input.value(), input.checked())
                } else if let Ok(select) = target.dyn_into::<HtmlSelectElement>() {
                    (select.id(), select.value(), false)
                } else {
                    return;
                };
            with_page(|page, doc| {
                page.choose(&id, &value, checked);
                page.refresh(doc);
            });
        });
        dom::copy_snippet_on_click(&dialog);
    }
    listen(&root, "click", |e: web_sys::MouseEvent| {
        let Some(button) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-notice]").ok().flatten())
        else {
            return;
        };
        with_page(|page, doc| {
            if let Some(i) = dom::notice_of(&button) {
                page.notices.retain(|(n, _)| *n != i);
                set_html(
                    doc,
                    "notices",
                    &dom::notices_markup(r#"<div class="notices">"#, &page.notices),
                );
            }
        })
    });
}
