//! The Suppliers view for a blog post (`suppliers/?embed=suppliers#c…`) and the dialog on the
//! Suppliers page that writes its snippet. It lives in the Suppliers page's download, which
//! already holds the supplier model and its charts: the embed page's download, shared by every
//! other view, stays as small as they need. The view: the sentence, the per-supplier chart (owed,
//! put in, unpaid) with its data table for screen readers, and a footer linking to the page; its
//! height posted to the host's resize script like every embed.

use crate::browser;
use crate::canvas::CanvasBackend;
use crate::charts::{self, ChartOptions, Theme};
use crate::dom::{self, by_id, listen, observe, set_theme};
use crate::embed::fit::{self, Body, Layout, Width};
use crate::embed::{self, escape_html, EmbedTheme, Frame};
use crate::format;
use crate::suppliers::{self, Suppliers};
use crate::suppliers_state::Companies;
use plotters::prelude::IntoDrawingArea;
use std::cell::RefCell;
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlCanvasElement, HtmlInputElement};

const TITLE: &str = "Owed, put in and unpaid, by supplier";
const HINT: &str = "For the largest suppliers: payments due to it in the companies' horizons, the money it put into them, and the payments left unpaid when they run short.";

/// CSS height of the per-supplier chart at a width, for `rows` suppliers: room for three bars
/// each (the Suppliers page draws it at the same size).
pub fn balance_height(width: f64, rows: usize) -> f64 {
    (120.0 + 44.0 * rows.clamp(1, charts::MAX_BALANCE_ROWS) as f64).max(if width < 520.0 {
        300.0
    } else {
        260.0
    })
}

/// The per-supplier chart's data table (here and on the Suppliers page).
pub fn balance_table_markup(t: &Suppliers) -> String {
    let caption = "Owed, put in and unpaid by supplier ($ billions)";
    let mut h = format!(
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table"><caption>{caption}</caption><thead><tr><th scope="col">Supplier</th><th scope="col">Owed in the horizon</th><th scope="col">Put in</th><th scope="col">Unpaid if short</th></tr></thead><tbody>"#
    );
    for s in &t.suppliers {
        let _ = write!(
            h,
            r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            escape_html(&s.name),
            format::billions(s.due()),
            format::billions(s.received()),
            format::billions(s.unpaid())
        );
    }
    h.push_str("</tbody></table></div>");
    h
}

/// How the Suppliers page and its embed view draw a chart: in the theme, at `scale` device
/// pixels per CSS pixel, with a title and source line drawn in (downloads) or none (on screen).
pub fn chart_options(
    dark: bool,
    scale: f64,
    title: Option<String>,
    footer: Option<String>,
) -> ChartOptions {
    ChartOptions {
        scale,
        theme: Theme::of(dark),
        highlight_year: None,
        title,
        footer,
    }
}

/// The footer's link text and source line, as shown and as measured.
fn footer(table: &Suppliers) -> (&'static str, String) {
    (
        "Open the Suppliers page",
        format!(
            "Companies: {}. Compute Coverage.",
            table.companies.join(", ")
        ),
    )
}

/// The frame height that shows the view of `table` whole at `width`, without the script.
fn frame_height(table: &Suppliers, width: Width) -> u32 {
    let (link, source) = footer(table);
    let rows = table.suppliers.len();
    let chart_px = move |w: f64| balance_height(w, rows);
    let headline = suppliers::headline(table);
    let text = format!("{link} · {source}");
    let layout = Layout {
        body: Body::Chart {
            sentence: Some(&headline),
            title: TITLE,
            hint: HINT,
            chart_px: &chart_px,
        },
        controls: false,
        footer: &text,
    };
    fit::frame_height(&layout, width)
}

/// The embed view's state: the table, how it is drawn.
struct View {
    table: Suppliers,
    dark: bool,
    scale: f64,
    width: f64,
}

thread_local! {
    static VIEW: RefCell<Option<View>> = const { RefCell::new(None) };
}

impl View {
    fn markup(&self, problem: Option<&str>) -> String {
        let t = &self.table;
        let mut h =
            String::from(r#"<div class="embed-page" id="embed-page"><div id="embed-notices">"#);
        if let Some(p) = problem {
            let _ = write!(
                h,
                r#"<div class="notices"><div class="notice error" role="alert"><div class="notice-body"><p>{}</p></div></div></div>"#,
                escape_html(p)
            );
        }
        let _ = write!(
            h,
            r#"</div><section class="panel chart-panel" aria-labelledby="chart-balance-heading" id="chart-balance"><p class="summary-sentence" id="headline">{}</p><h2 id="chart-balance-heading">{TITLE}</h2><p class="hint">{HINT}</p><div class="chart-box" id="box-balance"><canvas class="chart" id="canvas-balance" role="img" aria-label="{TITLE}. The data table below has every figure."></canvas></div><div class="chart-actions"><button type="button" class="small-button" id="png-balance">Download PNG</button></div><details class="chart-data"><summary>Show data</summary>{}"#,
            escape_html(&suppliers::headline(t)),
            balance_table_markup(t)
        );
        // The page itself, with the same set of companies.
        let (link, source) = footer(t);
        let page = format!("{}#{}", browser::page_url(), browser::hash());
        let _ = write!(
            h,
            r#"</details></section><p class="embed-footer"><a href="{}" target="_blank" rel="noopener" id="open-suppliers">{link}</a> · {}</p></div>"#,
            escape_html(&page),
            escape_html(&source)
        );
        h
    }

    fn options(&self, scale: f64, title: Option<String>, footer: Option<String>) -> ChartOptions {
        chart_options(self.dark, scale, title, footer)
    }

    /// Draws the chart on `canvas` (sized by the caller); whether it drew.
    fn paint(&self, canvas: &HtmlCanvasElement, opts: &ChartOptions) -> bool {
        let Some(backend) = CanvasBackend::new(canvas) else {
            return false;
        };
        let root = backend.into_drawing_area();
        charts::draw_supplier_balance(&root, &self.table, opts).is_ok() && root.present().is_ok()
    }

    fn draw(&self, doc: &Document) {
        let Some(canvas) = by_id::<HtmlCanvasElement>(doc, "canvas-balance") else {
            return;
        };
        if self.width <= 0.0 {
            return;
        }
        let height = balance_height(self.width, self.table.suppliers.len());
        dom::size_canvas(&canvas, self.width, height, self.scale);
        self.paint(&canvas, &self.options(self.scale, None, None));
        let _ = canvas.set_attribute("data-drawn", "1");
    }

    /// The chart as a PNG of the one fixed size (`dom::download_png`), with its title and the
    /// companies drawn in.
    fn export_png(&self) {
        let source = footer(&self.table).1;
        let opts = self.options(dom::PNG_SCALE, Some(TITLE.to_string()), Some(source));
        dom::download_png(
            "suppliers-balance-chart.png",
            balance_height(dom::PNG_WIDTH, self.table.suppliers.len()),
            |canvas| self.paint(canvas, &opts),
        );
    }
}

/// Shows the embed view when the address asks for it (`?embed=suppliers`); `false` otherwise,
/// and the Suppliers page starts as usual.
pub fn start_if_embedded() -> bool {
    let Some(theme) = embed::suppliers_query(&browser::search()) else {
        return false;
    };
    let doc = gloo::utils::document();
    let (Some(window), Some(root)) = (web_sys::window(), doc.get_element_by_id("root")) else {
        return true;
    };
    let (companies, problem) = Companies::open(&browser::hash());
    let dark = match theme {
        EmbedTheme::Light => false,
        EmbedTheme::Dark => true,
        EmbedTheme::Auto => dom::system_dark(),
    };
    set_theme(&doc, dark);
    let view = View {
        table: suppliers::suppliers(&companies.scenarios()),
        dark,
        scale: window.device_pixel_ratio().clamp(1.0, 4.0),
        width: 0.0,
    };
    root.set_inner_html(&view.markup(problem.as_deref()));
    VIEW.with(|v| *v.borrow_mut() = Some(view));
    let with_view = |f: &dyn Fn(&mut View, &Document)| {
        VIEW.with(|v| {
            if let Some(view) = v.borrow_mut().as_mut() {
                f(view, &gloo::utils::document());
            }
        })
    };
    if let Some(chart_box) = doc.get_element_by_id("box-balance") {
        let width = chart_box.get_bounding_client_rect().width().round();
        with_view(&|v, doc| {
            v.width = width;
            v.draw(doc);
        });
        observe(&chart_box, move |width| {
            with_view(&|v, doc| {
                if v.width != width {
                    v.width = width;
                    v.draw(doc);
                }
            })
        });
    }
    if theme == EmbedTheme::Auto {
        if let Some(query) = dom::system_dark_query() {
            listen(&query, "change", move |e: web_sys::MediaQueryListEvent| {
                with_view(&|v, doc| {
                    v.dark = e.matches();
                    set_theme(doc, v.dark);
                    v.draw(doc);
                })
            });
        }
    }
    dom::post_height_on_resize(&doc, "embed-page");
    if let Some(button) = doc.get_element_by_id("png-balance") {
        listen(&button, "click", move |_: web_sys::MouseEvent| {
            with_view(&|v, _| v.export_png())
        });
    }
    true
}

/// The dialog's choices.
#[derive(Clone, Copy)]
struct Choices {
    theme: EmbedTheme,
    width: Width,
    script: bool,
}

thread_local! {
    static CHOICES: RefCell<Choices> = const {
        RefCell::new(Choices { theme: EmbedTheme::Auto, width: Width::Full, script: true })
    };
}

/// The "Embed in your post" dialog's markup for the Suppliers page (filled in by
/// [`refresh_dialog`] when opened).
pub fn dialog_markup() -> String {
    let mut h = String::from(
        r#"<details class="panel embed-dialog" id="embed-dialog"><summary><h2 class="inline-heading">Embed in your post</h2></summary><p class="hint">Paste the snippet into your post's HTML: the sentence and the per-supplier chart for this set of companies. Its height fits the view at the width chosen; with the script, the embed also grows or shrinks to fit its content on any screen.</p><div class="field-grid embed-fields">"#,
    );
    dom::theme_and_width_fields(&mut h);
    h.push_str("</div>");
    h.push_str(dom::SNIPPET_OUTPUT);
    h.push_str("</details>");
    h
}

/// Writes the snippet and the preview for the set of companies in the address (when the
/// dialog is open: the preview loads the view).
pub fn refresh_dialog(doc: &Document) {
    let open = by_id::<web_sys::HtmlDetailsElement>(doc, "embed-dialog").is_some_and(|d| d.open());
    if !open {
        return;
    }
    let c = CHOICES.with(|c| *c.borrow());
    let fragment = browser::hash();
    let (companies, _) = Companies::open(&fragment);
    let table = suppliers::suppliers(&companies.scenarios());
    let height = frame_height(&table, c.width);
    let page_url = browser::page_url();
    let folder = embed::base_url(&page_url);
    let app_base = folder.strip_suffix(embed::SUPPLIERS_DIR).unwrap_or(folder);
    let src = embed::suppliers_embed_url(app_base, c.theme, &fragment);
    let title = format!("Suppliers — {}", table.companies.join(", "));
    let frame = Frame {
        width: c.width,
        height,
    };
    let code = embed::snippet(&src, &title, frame, app_base, c.script);
    dom::show_snippet(doc, &code, &src, "Suppliers", c.width, height);
}

/// Wires the dialog's choices, its copy button and its opening.
pub fn wire_dialog(doc: &Document) {
    let Some(dialog) = doc.get_element_by_id("embed-dialog") else {
        return;
    };
    listen(&dialog, "toggle", |_: web_sys::Event| {
        refresh_dialog(&gloo::utils::document())
    });
    listen(&dialog, "change", |e: web_sys::Event| {
        let Some(target) = e.target() else {
            return;
        };
        if let Ok(input) = target.clone().dyn_into::<HtmlInputElement>() {
            CHOICES.with(|c| c.borrow_mut().script = input.checked());
        } else if let Ok(select) = target.dyn_into::<web_sys::HtmlSelectElement>() {
            let value = select.value();
            CHOICES.with(|c| {
                let mut c = c.borrow_mut();
                match select.id().as_str() {
                    "embed-theme" => c.theme = EmbedTheme::from_id(&value),
                    "embed-width" => c.width = Width::from_id(&value),
                    _ => {}
                }
            });
        }
        refresh_dialog(&gloo::utils::document());
    });
    dom::copy_snippet_on_click(&dialog);
}
