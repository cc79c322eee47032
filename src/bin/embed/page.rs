//! The embed page without a UI framework: markup written once as text, then only what a reader's
//! action changes is updated (the chart redrawn, the figures or the table rewritten), with one
//! delegated listener per event type. Measured: the same page on Yew was 161 KiB gzip of wasm
//! against a 100 KiB budget for the whole page; Yew's runtime and the code its `html!` expands
//! to were the largest part (see README, "Page weight").

use compute_coverage::adjust;
use compute_coverage::browser;
use compute_coverage::chart_kind::{chart_height, ChartKind};
use compute_coverage::charts::{ChartLayout, ChartOptions, Theme};
use compute_coverage::components::chart_panel;
use compute_coverage::dom::{self, by_id, listen, observe, set_html, set_text, set_theme};
use compute_coverage::embed::{self, escape_html, Controls, EmbedStart, EmbedTheme, View};
use compute_coverage::engine::{self, Projection};
use compute_coverage::format;
use compute_coverage::narrative;
use compute_coverage::scenario::Scenario;
use std::cell::RefCell;
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement};

/// Everything the page shows is derived from this.
struct Page {
    start: EmbedStart,
    growth: f64,
    opex: f64,
    firm_only: bool,
    /// The writer's scenario with the reader's adjustments, and its projection.
    shown: Scenario,
    projection: Projection,
    /// Notices still shown (the address's problems), by index.
    notices: Vec<(usize, String)>,
    dark: bool,
    scale: f64,
    /// CSS width of the chart box (0 before it is measured).
    width: f64,
    highlight: Option<i32>,
    layout: Option<ChartLayout>,
    coverage_year: Option<i32>,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

fn with_page(f: impl FnOnce(&mut Page, &Document)) {
    dom::with_page(&PAGE, f);
}

impl Page {
    fn new(start: EmbedStart, dark: bool, scale: f64) -> Page {
        let shown = start.scenario.clone();
        let projection = engine::project(&shown);
        let notices = start.problems.iter().cloned().enumerate().collect();
        Page {
            firm_only: start.scenario.firm_only,
            start,
            growth: 1.0,
            opex: 0.0,
            shown,
            projection,
            notices,
            dark,
            scale,
            width: 0.0,
            highlight: None,
            layout: None,
            coverage_year: None,
        }
    }

    /// Applies the readers' adjustments to a copy; a combination that fails validation (it
    /// cannot with these ranges, but a file may be unusual) shows the scenario as given.
    fn adjust(&mut self) {
        let mut d = adjust::shift_opex(
            &adjust::scale_growth(self.start.scenario.draft(), self.growth),
            self.opex,
        );
        d.firm_only = self.firm_only;
        self.shown = Scenario::new(d).unwrap_or_else(|_| self.start.scenario.clone());
        self.projection = engine::project(&self.shown);
    }

    /// The page's markup at start.
    fn markup(&self) -> String {
        let mut h =
            String::from(r#"<div class="embed-page" id="embed-page"><div id="embed-notices">"#);
        h.push_str(&self.notices_markup());
        h.push_str(r#"</div>"#);
        match self.start.embed.view.chart() {
            Some(kind) => {
                let id = kind.id();
                let label = format!(
                    "{}: chart of {} to {}. Use the left and right arrow keys to read each year; the data table below has every figure.",
                    kind.title(),
                    self.shown.start_year,
                    self.shown.end_year
                );
                let _ = write!(
                    h,
                    r#"<section class="panel chart-panel" aria-labelledby="chart-{id}-heading" id="chart-{id}"><h2 id="chart-{id}-heading">{}</h2><p class="hint">{}</p><div class="chart-box" id="embed-chart-box"><canvas class="chart" id="embed-canvas" tabindex="0" role="img" aria-label="{}"></canvas><div class="chart-tooltip" id="embed-tooltip" role="status" aria-live="polite" hidden></div></div><div class="chart-actions"><button type="button" class="small-button" id="png-{id}">Download PNG</button></div><details class="chart-data"><summary>Show data</summary><div id="embed-table">{}</div></details></section>"#,
                    kind.title(),
                    kind.description(),
                    escape_html(&label),
                    self.table_markup(kind)
                );
            }
            None => {
                let _ = write!(
                    h,
                    r#"<section class="panel"><p class="summary-sentence" id="summary-sentence" aria-live="polite">{}</p>"#,
                    escape_html(&narrative::summary_sentence(&self.shown, &self.projection))
                );
                if self.start.embed.view == View::Figures {
                    let _ = write!(
                        h,
                        r#"<div class="figures" id="headline-figures">{}</div>"#,
                        self.figures_markup()
                    );
                }
                h.push_str("</section>");
            }
        }
        if self.start.embed.controls == Controls::Key {
            let _ = write!(
                h,
                r#"<section class="panel embed-controls" aria-label="Try other assumptions"><div class="slider"><label for="embed-growth">Revenue growth <strong id="embed-growth-value">{}</strong></label><input type="range" id="embed-growth" min="0.5" max="1.5" step="0.05" value="1"></div><div class="slider"><label for="embed-opex">Non-compute costs <strong id="embed-opex-value">{}</strong></label><input type="range" id="embed-opex" min="-0.15" max="0.15" step="0.01" value="0"></div><label class="switch"><input type="checkbox" id="embed-firm-only"{}><span>Firm contracts only</span></label></section>"#,
                growth_label(self.growth),
                opex_label(self.opex),
                if self.firm_only { " checked" } else { "" }
            );
        }
        // The writer's scenario as the address carried it (not the reader's slider positions):
        // the same bytes, so the link needs no encoder here.
        let calculator = embed::calculator_url(&browser::page_url()).to_string();
        let link = match &self.start.fragment {
            Some(fragment) => format!("{calculator}#{fragment}"),
            None => calculator,
        };
        let source = embed::source_line(&self.start.scenario);
        let _ = write!(
            h,
            r#"<p class="embed-footer"><a href="{}" target="_blank" rel="noopener" id="open-calculator">Open in the calculator</a> · {} Compute Coverage.</p></div>"#,
            escape_html(&link),
            escape_html(&source)
        );
        h
    }

    fn notices_markup(&self) -> String {
        dom::notices_markup(r#"<div class="notices" id="notices">"#, &self.notices)
    }

    fn figures_markup(&self) -> String {
        let s = &self.shown;
        // Default: five years in, where the big deals are being paid.
        let chosen = self
            .coverage_year
            .unwrap_or(s.start_year + 5)
            .clamp(s.start_year, s.end_year);
        let mut h = String::new();
        for f in narrative::headline_figures(s, &self.projection, chosen) {
            let _ = write!(
                h,
                r#"<div class="figure {}" id="fig-{}"><h3 class="figure-label">{}</h3><p class="figure-value">{}</p><p class="figure-note">{}</p>"#,
                f.tone.class().unwrap_or(""),
                f.id,
                escape_html(&f.label),
                escape_html(&f.value),
                escape_html(&f.explanation)
            );
            if f.id == "coverage" {
                h.push_str(
                    r#"<label class="figure-year"><span>Year </span><select id="coverage-year">"#,
                );
                for y in s.years() {
                    let _ = write!(
                        h,
                        r#"<option value="{y}"{}>{y}</option>"#,
                        if y == chosen { " selected" } else { "" }
                    );
                }
                h.push_str("</select></label>");
            }
            h.push_str("</div>");
        }
        h
    }

    fn table_markup(&self, kind: ChartKind) -> String {
        let (s, p) = (&self.shown, &self.projection);
        let caption = escape_html(&format!(
            "{}, {} to {} (billions of dollars)",
            kind.title(),
            s.start_year,
            s.end_year
        ));
        let mut h = format!(
            r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table"><caption>{caption}</caption><thead><tr><th scope="col">Year</th>"#
        );
        let heads: Vec<String> = match kind {
            ChartKind::Commitments => p
                .deals
                .iter()
                .map(|d| d.name.clone())
                .chain(["Payments", "Revenue", "Available"].map(String::from))
                .collect(),
            ChartKind::Coverage => vec!["Cash coverage".into(), "Revenue coverage".into()],
            ChartKind::Cash => vec![
                "Net cash flow".into(),
                "Raised".into(),
                "Cash at year end".into(),
            ],
        };
        for head in heads {
            let _ = write!(h, r#"<th scope="col">{}</th>"#, escape_html(&head));
        }
        h.push_str("</tr></thead><tbody>");
        for (i, r) in p.rows.iter().enumerate() {
            let cells: Vec<String> = match kind {
                ChartKind::Commitments => p
                    .deals
                    .iter()
                    .map(|d| d.payments.get(i).copied().unwrap_or(0.0))
                    .chain([r.commitments, r.revenue, r.available])
                    .map(format::billions)
                    .collect(),
                ChartKind::Coverage => {
                    vec![format::ratio(r.coverage), format::ratio(r.revenue_coverage)]
                }
                ChartKind::Cash => [r.net_cash_flow, r.raised, r.cash]
                    .map(format::billions)
                    .to_vec(),
            };
            let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, r.year);
            for c in cells {
                let _ = write!(h, "<td>{}</td>", escape_html(&c));
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table></div>");
        h
    }

    /// Redraws the chart (at the box's width and the screen's density) and its tooltip.
    fn draw(&mut self, doc: &Document) {
        let Some(kind) = self.start.embed.view.chart() else {
            return;
        };
        let Some(canvas) = by_id::<HtmlCanvasElement>(doc, "embed-canvas") else {
            return;
        };
        if self.width <= 0.0 {
            return;
        }
        let (width, scale) = (self.width, self.scale);
        dom::size_canvas(&canvas, width, chart_height(width, kind), scale);
        let opts = ChartOptions {
            scale,
            theme: Theme::of(self.dark),
            highlight_year: self.highlight,
            title: None,
            footer: None,
        };
        self.layout = chart_panel::draw(&canvas, kind, &self.shown, &self.projection, &opts);
        if self.layout.is_some() {
            // For `make bench`, as on the calculator: the chart's id marks its first drawing.
            let _ = web_sys::window()
                .and_then(|w| w.performance())
                .map(|p| p.mark(kind.id()));
        }
        self.tooltip(doc, kind);
    }

    /// The values of the highlighted year, next to the crosshair.
    fn tooltip(&self, doc: &Document, kind: ChartKind) {
        let Some(tip) = by_id::<HtmlElement>(doc, "embed-tooltip") else {
            return;
        };
        let (Some(year), Some(layout)) = (self.highlight, self.layout) else {
            tip.set_hidden(true);
            return;
        };
        let mut h = format!(r#"<p class="tooltip-year">{year}</p><dl>"#);
        for (k, v) in chart_panel::tooltip_lines(kind, year, &self.shown, &self.projection) {
            let _ = write!(
                h,
                "<dt>{}</dt><dd>{}</dd>",
                escape_html(&k),
                escape_html(&v)
            );
        }
        h.push_str("</dl>");
        tip.set_inner_html(&h);
        dom::place_tooltip(&tip, layout.x_of(year) / self.scale, self.width);
    }

    /// After the scenario changed: the view's numbers, then the chart.
    fn update(&mut self, doc: &Document) {
        match self.start.embed.view.chart() {
            Some(kind) => {
                set_html(doc, "embed-table", &self.table_markup(kind));
                self.draw(doc);
            }
            None => {
                set_text(
                    doc,
                    "summary-sentence",
                    &narrative::summary_sentence(&self.shown, &self.projection),
                );
                self.figures(doc);
            }
        }
    }

    fn figures(&self, doc: &Document) {
        if self.start.embed.view == View::Figures {
            let refocus = doc
                .active_element()
                .is_some_and(|e| e.id() == "coverage-year");
            set_html(doc, "headline-figures", &self.figures_markup());
            if refocus {
                if let Some(select) = by_id::<HtmlElement>(doc, "coverage-year") {
                    let _ = select.focus();
                }
            }
        }
    }
}

fn growth_label(g: f64) -> String {
    format!("×{}", format::fixed(g, 2))
}

fn opex_label(o: f64) -> String {
    // `{:+.0}`: a plus sign on what is not negative.
    let n = format::fixed(o * 100.0, 0);
    let plus = if n.starts_with('-') || n == "NaN" {
        ""
    } else {
        "+"
    };
    format!("{plus}{n} points")
}

/// The id of the element an event came from.
fn target_id(e: &web_sys::Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map(|el| el.id())
        .unwrap_or_default()
}

/// Reads the address, writes the page into `#root` and wires the reader's controls.
pub fn start() {
    let doc = gloo::utils::document();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = dom::root(&doc) else {
        return;
    };
    // The Suppliers view is drawn by the Suppliers page's own download.
    if embed::suppliers_query(&browser::search()).is_some() {
        let _ = window.location().replace(&format!(
            "../{}{}{}",
            embed::SUPPLIERS_DIR,
            browser::search(),
            window.location().hash().unwrap_or_default()
        ));
        return;
    }
    let start = embed::open(&browser::search(), &browser::hash());
    let system = dom::system_dark_query();
    let dark = match start.embed.theme {
        EmbedTheme::Auto => system.as_ref().is_some_and(|q| q.matches()),
        EmbedTheme::Light => false,
        EmbedTheme::Dark => true,
    };
    let follow_system = start.embed.theme == EmbedTheme::Auto;
    let page = Page::new(start, dark, window.device_pixel_ratio().clamp(1.0, 4.0));
    set_theme(&doc, dark);
    root.set_inner_html(&page.markup());
    PAGE.with(|p| *p.borrow_mut() = Some(page));

    // The reader's system theme, followed live unless the address chose one.
    if let (Some(query), true) = (system, follow_system) {
        listen(&query, "change", |e: web_sys::MediaQueryListEvent| {
            with_page(|page, doc| {
                page.dark = e.matches();
                set_theme(doc, page.dark);
                page.draw(doc);
            })
        });
    }
    // The chart follows its box's width.
    if let Some(chart_box) = doc.get_element_by_id("embed-chart-box") {
        observe(&chart_box, move |width| {
            with_page(|page, doc| {
                if page.width != width {
                    page.width = width;
                    page.draw(doc);
                }
            })
        });
        let box_width = chart_box.get_bounding_client_rect().width().round();
        with_page(|page, doc| {
            page.width = box_width;
            page.draw(doc);
        });
    }
    dom::post_height_on_resize(&doc, "embed-page");

    listen(&root, "input", |e: web_sys::Event| {
        let id = target_id(&e);
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        // The browser reads the slider's number: Rust's f64 parser would add its tables to the
        // download for this alone.
        let v = input.value_as_number();
        if !v.is_finite() {
            return;
        }
        with_page(|page, doc| {
            match id.as_str() {
                "embed-growth" => {
                    page.growth = v;
                    set_text(doc, "embed-growth-value", &growth_label(v));
                }
                "embed-opex" => {
                    page.opex = v;
                    set_text(doc, "embed-opex-value", &opex_label(v));
                }
                _ => return,
            }
            page.adjust();
            page.update(doc);
        })
    });
    listen(&root, "change", |e: web_sys::Event| {
        let id = target_id(&e);
        let target = e.target();
        with_page(|page, doc| match id.as_str() {
            "embed-firm-only" => {
                if let Some(input) = target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    page.firm_only = input.checked();
                    page.adjust();
                    page.update(doc);
                }
            }
            "coverage-year" => {
                if let Some(select) =
                    target.and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                {
                    page.coverage_year = select.value().parse().ok();
                    page.figures(doc);
                }
            }
            _ => {}
        })
    });
    listen(&root, "click", |e: web_sys::MouseEvent| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(button) = el.closest("button").ok().flatten() else {
            return;
        };
        with_page(|page, doc| {
            if let Some(i) = dom::notice_of(&button) {
                page.notices.retain(|(n, _)| *n != i);
                set_html(doc, "embed-notices", &page.notices_markup());
            } else if button.id().starts_with("png-") {
                if let Some(kind) = page.start.embed.view.chart() {
                    chart_panel::export_png(kind, &page.shown, &page.projection, page.dark);
                }
            }
        })
    });
    // Reading the chart by pointer or keyboard: a crosshair and the year's values.
    if let Some(canvas) = doc.get_element_by_id("embed-canvas") {
        listen(&canvas, "pointermove", |e: web_sys::PointerEvent| {
            with_page(|page, doc| {
                let year = page
                    .layout
                    .and_then(|l| l.year_at(f64::from(e.offset_x()) * page.scale));
                highlight(page, doc, year);
            })
        });
        listen(&canvas, "pointerleave", |_: web_sys::PointerEvent| {
            with_page(|page, doc| highlight(page, doc, None))
        });
        listen(&canvas, "focus", |_: web_sys::FocusEvent| {
            with_page(|page, doc| {
                if page.highlight.is_none() {
                    highlight(page, doc, Some(page.shown.start_year));
                }
            })
        });
        listen(&canvas, "blur", |_: web_sys::FocusEvent| {
            with_page(|page, doc| highlight(page, doc, None))
        });
        listen(&canvas, "keydown", |e: web_sys::KeyboardEvent| {
            with_page(|page, doc| {
                let (first, last) = (page.shown.start_year, page.shown.end_year);
                let current = page.highlight.unwrap_or(first);
                let next = match e.key().as_str() {
                    "ArrowRight" => Some((current + 1).min(last)),
                    "ArrowLeft" => Some((current - 1).max(first)),
                    "Home" => Some(first),
                    "End" => Some(last),
                    "Escape" => None,
                    _ => return,
                };
                e.prevent_default();
                highlight(page, doc, next);
            })
        });
    }
}

fn highlight(page: &mut Page, doc: &Document, year: Option<i32>) {
    if page.highlight != year {
        page.highlight = year;
        page.draw(doc);
    }
}
