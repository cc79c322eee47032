//! The DOM helpers of the pages written without a UI framework (the embed page, the Suppliers
//! page and its embed view): finding and rewriting elements, listening and observing for the
//! page's lifetime, the theme, sizing a canvas for the screen's density, placing a chart's
//! tooltip, dismissible notices, every page's chart download (a PNG of one fixed size), and the
//! parts the two snippet dialogs share (the embed builder's page and the Suppliers page's).

use crate::browser;
use crate::embed::fit::Width;
use crate::embed::{self, escape_html};
use crate::format;
use std::fmt::Write;
use wasm_bindgen::convert::FromWasmAbi;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, MediaQueryList};

/// The element of that id, as the type asked for.
pub fn by_id<T: JsCast>(doc: &Document, id: &str) -> Option<T> {
    doc.get_element_by_id(id)?.dyn_into::<T>().ok()
}

/// Replaces the element's content with markup (built with `escape_html` for every user text).
pub fn set_html(doc: &Document, id: &str, html: &str) {
    if let Some(el) = doc.get_element_by_id(id) {
        el.set_inner_html(html);
    }
}

/// Replaces the element's text.
pub fn set_text(doc: &Document, id: &str, text: &str) {
    if let Some(el) = doc.get_element_by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// Where a page writes itself: `#root`, else the body.
pub fn root(doc: &Document) -> Option<Element> {
    doc.get_element_by_id("root")
        .or_else(|| doc.body().map(Element::from))
}

/// Where a plain page keeps its state for its lifetime: a thread-local cell, set once the page
/// is built.
pub type PageCell<T> = std::thread::LocalKey<std::cell::RefCell<Option<T>>>;

/// Calls `f` with the page's state and the document, unless the state is not set yet or is in
/// use already (an event raised while another is being handled is skipped rather than a panic).
pub fn with_page<T>(page: &'static PageCell<T>, f: impl FnOnce(&mut T, &Document)) {
    page.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            if let Some(page) = p.as_mut() {
                f(page, &gloo::utils::document());
            }
        }
    });
}

/// The notice a dismiss button closes (its `data-notice`, see [`notices_markup`]), if it is one.
pub fn notice_of(button: &Element) -> Option<usize> {
    button.get_attribute("data-notice")?.parse().ok()
}

/// Listens on `target` for the page's lifetime (the pages never unmount).
pub fn listen<E: FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    f: impl FnMut(E) + 'static,
) {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Calls `f` with the element's CSS width (whole pixels) whenever it changes size.
pub fn observe(element: &Element, mut f: impl FnMut(f64) + 'static) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            // Whole pixels: sub-pixel jitter must not trigger redraws.
            f(entry.content_rect().width().round());
        }
    });
    if let Ok(ro) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        ro.observe(element);
        // Both live as long as the page.
        std::mem::forget(ro);
    }
    callback.forget();
}

/// Tells the host page's resize script (static/embed.js) the content's height whenever the
/// element of that id changes size.
pub fn post_height_on_resize(doc: &Document, id: &str) {
    if let Some(element) = doc.get_element_by_id(id) {
        observe(&element, |_| {
            let height = gloo::utils::document()
                .document_element()
                .map_or(0.0, |d| f64::from(d.scroll_height()));
            browser::post_height(height);
        });
    }
}

/// The reader's system theme, to read now and to follow.
pub fn system_dark_query() -> Option<MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the reader's system asks for dark pages.
pub fn system_dark() -> bool {
    system_dark_query().is_some_and(|q| q.matches())
}

/// The page's colours (the stylesheet keys them on `data-theme`).
pub fn set_theme(doc: &Document, dark: bool) {
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// Sizes a chart's canvas: `width` x `height` CSS pixels, its backing store `scale` times that
/// (plotters knows nothing of the device pixel ratio; the charts draw at `scale`).
pub fn size_canvas(canvas: &HtmlCanvasElement, width: f64, height: f64, scale: f64) {
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let style = canvas.style();
    let _ = style.set_property("width", &format::px(width));
    let _ = style.set_property("height", &format::px(height));
}

/// Shows a chart's tooltip beside the crosshair at `x` (CSS pixels in a box `width` wide): to its
/// right in the left half, to its left in the right half, so it never leaves the box.
/// Positioned through the CSSOM (no inline style attribute, which a strict CSP forbids).
pub fn place_tooltip(tip: &HtmlElement, x: f64, width: f64) {
    let style = tip.style();
    if x > width / 2.0 {
        let _ = style.set_property("right", &format::px((width - x + 12.0).max(0.0)));
        let _ = style.remove_property("left");
    } else {
        let _ = style.set_property("left", &format::px(x + 12.0));
        let _ = style.remove_property("right");
    }
    tip.set_hidden(false);
}

/// Writes the notices still shown in a `notices` list whose opening tag is `open`, each with
/// its dismiss button (`data-notice` holds its index): a problem with the link as an alert,
/// anything else as a polite status. Nothing when there are none.
pub fn notices_markup(open: &str, notices: &[(usize, String)]) -> String {
    let mut h = String::new();
    if notices.is_empty() {
        return h;
    }
    h.push_str(open);
    for (i, text) in notices {
        let (class, role) = if text.starts_with("This link") {
            ("notice error", "alert")
        } else {
            ("notice warning", "status")
        };
        let _ = write!(
            h,
            r#"<div class="{class}" role="{role}"><div class="notice-body"><p>{}</p></div><button type="button" class="icon-button" data-notice="{i}" aria-label="Dismiss this message">✕</button></div>"#,
            escape_html(text)
        );
    }
    h.push_str("</div>");
    h
}

/// Shows a snippet dialog's preview (the frame, first child of `preview`, `height` px tall at
/// its chosen width) at `scale`, with the box as tall as the scaled frame. Through the CSSOM: the
/// pages' Content-Security-Policy refuses style attributes.
pub fn scale_preview(preview: &HtmlElement, height: u32, scale: f64) {
    let _ = preview
        .style()
        .set_property("height", &format::px(f64::from(height) * scale));
    if let Some(frame) = preview
        .first_element_child()
        .and_then(|f| f.dyn_into::<HtmlElement>().ok())
    {
        let _ = frame
            .style()
            .set_property("transform", &format!("scale({})", format::fixed(scale, 4)));
    }
}

/// Width of a downloaded chart in CSS pixels. Drawn at [`PNG_SCALE`], every PNG is 1600 px wide
/// with the same layout whatever the screen it was saved on.
pub const PNG_WIDTH: f64 = 800.0;
/// Device pixels per CSS pixel of a downloaded chart.
pub const PNG_SCALE: f64 = 2.0;
/// Room in a downloaded chart for its title above and its source line below (CSS pixels).
const PNG_FRAME: f64 = 70.0;

/// Offers a chart as the PNG `file_name`: drawn by `draw` (which says whether it drew) on an
/// offscreen canvas [`PNG_WIDTH`] wide, `chart_height` (the chart's height at that width) plus
/// room for the title and source line tall, at [`PNG_SCALE`].
pub fn download_png(
    file_name: &str,
    chart_height: f64,
    draw: impl FnOnce(&HtmlCanvasElement) -> bool,
) {
    let Some(canvas) = gloo::utils::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width((PNG_WIDTH * PNG_SCALE).round() as u32);
    canvas.set_height(((chart_height + PNG_FRAME) * PNG_SCALE).round() as u32);
    if draw(&canvas) {
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            browser::download_url(file_name, &url);
        }
    }
}

/// A snippet dialog's theme and width choices (`#embed-theme`, `#embed-width`), the first
/// option of each the default, as fields of its `.embed-fields` grid.
pub fn theme_and_width_fields(h: &mut String) {
    h.push_str(r#"<div class="field"><label for="embed-theme" class="field-label">Theme</label><select id="embed-theme"><option value="auto">Reader's system</option><option value="light">Light</option><option value="dark">Dark</option></select></div><div class="field"><label for="embed-width" class="field-label">Width in the post</label><select id="embed-width">"#);
    for w in Width::CHOICES {
        let _ = write!(h, r#"<option value="{}">{}</option>"#, w.id(), w.label());
    }
    h.push_str("</select></div>");
}

/// What follows a snippet dialog's choices: the script switch, the preview's box
/// (`#embed-preview-box`), the snippet (`#embed-code`), its copy button and status, all filled
/// in by [`show_snippet`].
pub const SNIPPET_OUTPUT: &str = r#"<label class="switch embed-script"><input type="checkbox" id="embed-script" checked><span>Include the resize script</span></label><p class="field-label embed-preview-label" id="embed-preview-label"></p><div class="embed-preview" id="embed-preview-box"></div><label for="embed-code" class="field-label embed-code-label">Snippet</label><textarea id="embed-code" readonly rows="5"></textarea><div class="share-bar"><button type="button" class="small-button" id="copy-embed">Copy snippet</button><span role="status" aria-live="polite" id="embed-status"></span></div>"#;

/// Shows a snippet dialog's result: the snippet `code`, and the preview of the embed at `src`
/// (titled `title`) in a frame `width` wide and `height` tall, scaled down to the dialog when
/// wider. The frame is replaced only when its address changes, so a new width or height does
/// not reload it.
pub fn show_snippet(doc: &Document, code: &str, src: &str, title: &str, width: Width, height: u32) {
    if let Some(area) = by_id::<web_sys::HtmlTextAreaElement>(doc, "embed-code") {
        area.set_value(code);
    }
    set_text(doc, "embed-status", "");
    let Some(preview) = by_id::<HtmlElement>(doc, "embed-preview-box") else {
        return;
    };
    let max = width.max_px();
    let scale = embed::preview_scale(preview.get_bounding_client_rect().width(), max);
    let same = preview
        .first_element_child()
        .and_then(|f| f.get_attribute("src"))
        .is_some_and(|s| s == src);
    if !same {
        preview.set_inner_html(&format!(
            r#"<iframe id="embed-preview" src="{}" title="Preview of the embed: {}" width="{max}" height="{height}" tabindex="-1"></iframe>"#,
            escape_html(src),
            escape_html(title)
        ));
    }
    if let Some(frame) = preview.first_element_child() {
        let _ = frame.set_attribute("width", &max.to_string());
        let _ = frame.set_attribute("height", &height.to_string());
    }
    scale_preview(&preview, height, scale);
    set_text(
        doc,
        "embed-preview-label",
        &embed::preview_label(max, height, scale),
    );
}

/// Copies the snippet when the dialog's "Copy snippet" button (`#copy-embed`, inside `dialog`)
/// is pressed, and says whether it worked.
pub fn copy_snippet_on_click(dialog: &Element) {
    listen(dialog, "click", |e: web_sys::MouseEvent| {
        let is_copy = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| el.id() == "copy-embed");
        if !is_copy {
            return;
        }
        let doc = gloo::utils::document();
        let code = by_id::<web_sys::HtmlTextAreaElement>(&doc, "embed-code")
            .map(|a| a.value())
            .unwrap_or_default();
        browser::copy_text(code, |ok| {
            set_text(
                &gloo::utils::document(),
                "embed-status",
                embed::copy_status(ok),
            );
        });
    });
}
