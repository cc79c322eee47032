//! The Suppliers page (`suppliers/`): several companies at once and, for every supplier (a
//! deal's counterparty), what each company owes it, what it put in and what goes unpaid when a
//! company runs short. Written without a UI framework, like the embed page: the markup is text
//! written once, then only the parts a reader's action changes are rewritten (the set of
//! companies, the sentence, the table, the charts and their data tables), with one delegated
//! listener per event type. The set of companies is the page's only state besides the view
//! (theme, chart width, highlighted year); everything shown is derived from it by the model
//! (`suppliers`, `suppliers::years`) and drawn by the chart crate.

use crate::browser;
use crate::canvas::CanvasBackend;
use crate::charts::{self, ChartLayout, ChartOptions};
use crate::dom::{self, by_id, listen, observe, set_html, set_text, set_theme};
use crate::embed::escape_html;
use crate::format;
use crate::saved::Saved;
use crate::storage;
use crate::suppliers::odds::{OddsRun, SupplierOdds};
use crate::suppliers::{self, years::DueByYear, Suppliers};
use crate::suppliers_state::{read_file, Companies, Origin, MAX_COMPANIES};
use plotters::prelude::IntoDrawingArea;
use std::cell::RefCell;
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement};

mod odds;

/// Largest scenario file accepted (as on the calculator).
const MAX_FILE_BYTES: f64 = 2_000_000.0;
/// Where the calculator keeps the reader's theme choice (src/hooks/use_theme.rs).
const THEME_KEY: &str = "compute-coverage.theme";

/// The two charts of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chart {
    Dues,
    Balance,
}

impl Chart {
    const ALL: [Chart; 2] = [Chart::Dues, Chart::Balance];

    fn id(self) -> &'static str {
        match self {
            Chart::Dues => "dues",
            Chart::Balance => "balance",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Chart::Dues => "Payments due per year, by supplier",
            Chart::Balance => "Owed, put in and unpaid, by supplier",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Chart::Dues => "What all the companies together owe each supplier in each year of their horizons (counted deals; the largest seven suppliers by name).",
            Chart::Balance => "For the largest suppliers: payments due to it in the companies' horizons, the money it put into them, and the payments left unpaid when they run short.",
        }
    }

    /// How a keyboard reader reads the chart, for its label.
    fn keys(self) -> &'static str {
        match self {
            Chart::Dues => "Use the left and right arrow keys to read each year",
            Chart::Balance => "Use the up and down arrow keys to read each supplier",
        }
    }

    fn height(self, width: f64, rows: usize) -> f64 {
        match self {
            Chart::Dues if width < 520.0 => 380.0,
            Chart::Dues => 360.0,
            // The embed view draws it at the same size (its snippet's height depends on it).
            Chart::Balance => crate::suppliers_embed::balance_height(width, rows),
        }
    }
}

/// Everything the page shows is derived from this.
struct Page {
    companies: Companies,
    /// "Your scenarios" as the calculator stored them.
    saved: Vec<Saved>,
    table: Suppliers,
    dues: Option<DueByYear>,
    /// Messages at the top (a link that could not be read, storage), by id.
    notices: Vec<(usize, String)>,
    /// Why the last scenario was not added: a message and its details, shown beside the picker.
    add_error: Option<(String, Vec<String>)>,
    dark: bool,
    theme_choice: String,
    scale: f64,
    /// CSS width of each chart's box (0 before it is measured).
    widths: [f64; 2],
    highlight: Option<i32>,
    layout: Option<ChartLayout>,
    /// The balance chart's frame and the supplier whose row is read (pointer or keyboard).
    balance_layout: Option<ChartLayout>,
    balance_row: Option<usize>,
    /// The Monte Carlo of the set, advanced a slice at a time (see `odds`), and its figures
    /// so far, in the table's order.
    odds_run: Option<OddsRun>,
    odds: Vec<SupplierOdds>,
    /// Bumped at every change of the set: a slice of an older run stops.
    generation: u32,
    /// When the figures so far were last written (performance.now(), ms).
    odds_shown_at: f64,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

fn with_page(f: impl FnOnce(&mut Page, &Document)) {
    dom::with_page(&PAGE, f);
}

impl Page {
    fn new(
        companies: Companies,
        saved: Vec<Saved>,
        dark: bool,
        choice: String,
        scale: f64,
    ) -> Page {
        let mut page = Page {
            companies,
            saved,
            table: suppliers::suppliers(&[]),
            dues: None,
            notices: Vec::new(),
            add_error: None,
            dark,
            theme_choice: choice,
            scale,
            widths: [0.0; 2],
            highlight: None,
            layout: None,
            balance_layout: None,
            balance_row: None,
            odds_run: None,
            odds: Vec::new(),
            generation: 0,
            odds_shown_at: 0.0,
        };
        page.derive();
        page
    }

    /// Recomputes the table and the dues per year from the set of companies.
    fn derive(&mut self) {
        let scenarios = self.companies.scenarios();
        self.table = suppliers::suppliers(&scenarios);
        self.dues = suppliers::years::due_by_year(&scenarios, &self.table);
        self.balance_row = None;
        odds::start(self);
        if let (Some(year), Some(d)) = (self.highlight, &self.dues) {
            if !(d.first_year..=d.last_year).contains(&year) {
                self.highlight = None;
            }
        }
    }

    /// The page's markup at start: the frame, with every part that changes filled in.
    fn markup(&self) -> String {
        let mut h = String::from(
            r##"<a class="skip-link" href="#suppliers-main">Skip to the suppliers</a><header class="site-header"><div><p class="back-link"><a href="../" id="back-to-calculator">← Back to the calculator</a> · <a href="../uncertainty/" id="to-uncertainty">Uncertainty</a></p><h1>Suppliers: who is owed by whom</h1><p class="tagline">Several AI companies at once: what each owes its suppliers, what the suppliers put in, and what goes unpaid if a company runs short.</p></div><label class="theme-toggle"><span>Theme</span><select id="theme">"##,
        );
        for (value, label) in [("auto", "System"), ("light", "Light"), ("dark", "Dark")] {
            let _ = write!(
                h,
                r#"<option value="{value}"{}>{label}</option>"#,
                if self.theme_choice == value {
                    " selected"
                } else {
                    ""
                }
            );
        }
        h.push_str(r#"</select></label></header><main class="suppliers-main" id="suppliers-main"><div id="notices">"#);
        h.push_str(&self.notices_markup());
        let _ = write!(
            h,
            r#"</div><section class="panel" aria-labelledby="companies-heading"><h2 id="companies-heading">Companies</h2><div id="companies">{}</div><div class="add-row"><label for="add-select">Add a company</label><select id="add-select">{}</select><button type="button" class="small-button" id="add-button">Add</button><label class="small-button file-button">Add from a file…<input type="file" id="add-file" accept=".json,application/json" class="visually-hidden"></label></div><p class="hint">Or drop a scenario file (JSON, as the calculator downloads it) anywhere on the page. Up to {MAX_COMPANIES} companies.</p><div id="add-error" role="alert">{}</div></section>"#,
            self.companies_markup(),
            self.options_markup(),
            self.add_error_markup()
        );
        let _ = write!(
            h,
            r#"<section class="panel" aria-labelledby="table-heading"><p class="summary-sentence" id="headline" aria-live="polite">{}</p><p class="summary-sentence odds-sentence" id="odds-sentence" aria-live="polite"></p><div class="share-bar" role="group" aria-label="Share and export"><button type="button" class="small-button" id="copy-link">Copy link</button><button type="button" class="small-button" id="download-csv">Download suppliers.csv</button><span class="share-status" id="share-status" role="status" aria-live="polite"></span></div><h2 id="table-heading" class="table-heading">Who is owed by whom</h2><p class="hint unpaid-note" id="unpaid-note"><strong>Unpaid</strong> is computed with each company's own financing (the cash it keeps, its credit line) and the rule “payments go unpaid” for every company, whatever rule its scenario sets: when a company's cash would fall below zero, that year's missing money is left unpaid, shared among the deals due that year in proportion to their payments. <strong>Received</strong> is the money the supplier put into the company (raises that name it). <strong>Net</strong> = due − unpaid − received. Figures in $ billions over each company's own horizon.</p><div id="supplier-table">{}</div><h3 class="table-heading" id="odds-heading">The chance each supplier is not paid in full</h3><p class="hint odds-note" id="odds-note">From each company's seeded Monte Carlo (its own uncertainty ranges, or the defaults), with payments going unpaid as above. <strong>The companies are taken as independent of each other</strong>: each draw combines one sample of every company, paired at random, so one company's bad luck says nothing about another's. <strong>Expected unpaid</strong> is the mean over the draws; the <strong>90% range</strong> holds 90% of them. The figures fill in as the draws run.</p><p class="odds-progress" id="odds-progress">{}</p><div id="odds-table-box">{}</div></section>"#,
            escape_html(&suppliers::headline(&self.table)),
            self.table_markup(),
            odds::progress(self),
            odds::table_markup(self)
        );
        for chart in Chart::ALL {
            let id = chart.id();
            let label = format!(
                "{}. {}; the data table below has every figure.",
                chart.title(),
                chart.keys()
            );
            let _ = write!(
                h,
                r#"<section class="panel chart-panel" aria-labelledby="chart-{id}-heading" id="chart-{id}"><h2 id="chart-{id}-heading">{}</h2><p class="hint">{}</p><div class="chart-box" id="box-{id}"><canvas class="chart" id="canvas-{id}" tabindex="0" role="img" aria-label="{}"></canvas><div class="chart-tooltip" id="tooltip-{id}" role="status" aria-live="polite" hidden></div></div><div class="chart-actions"><button type="button" class="small-button" id="png-{id}">Download PNG</button></div><details class="chart-data"><summary>Show data</summary><div id="data-{id}">{}</div></details></section>"#,
                chart.title(),
                chart.description(),
                escape_html(&label),
                self.data_markup(chart)
            );
        }
        h.push_str(&crate::suppliers_embed::dialog_markup());
        h.push_str(r#"</main><footer class="site-footer"><p>Compute Coverage runs in your browser; nothing you add leaves it. Each company's figures come from its scenario: open one in the calculator to see its sources and assumptions.</p></footer>"#);
        h
    }

    fn notices_markup(&self) -> String {
        dom::notices_markup(r#"<div class="notices">"#, &self.notices)
    }

    fn companies_markup(&self) -> String {
        let list = &self.companies.list;
        if list.is_empty() {
            return r#"<p class="empty" id="no-companies">No companies: add one below.</p>"#.into();
        }
        let mut h = format!(
            r#"<p class="hint">{} of at most {MAX_COMPANIES}.</p><ul class="company-list" id="company-list">"#,
            format::count(list.len())
        );
        for (i, c) in list.iter().enumerate() {
            let s = &c.scenario;
            let name = self
                .table
                .companies
                .get(i)
                .cloned()
                .unwrap_or_else(|| s.name.clone());
            let _ = write!(
                h,
                r#"<li class="company" data-company="{}"><span class="company-name">{}</span><span class="company-origin">{}, {}–{} · {}</span><button type="button" class="icon-button danger" data-remove="{i}" aria-label="Remove {}">✕</button></li>"#,
                escape_html(&name),
                escape_html(&s.name),
                escape_html(&name),
                s.start_year,
                s.end_year,
                escape_html(&c.origin.to_string()),
                escape_html(&s.name)
            );
        }
        h.push_str("</ul>");
        h
    }

    fn options_markup(&self) -> String {
        let mut h = String::from(r#"<optgroup label="Built-in scenarios">"#);
        for p in self.companies.presets_to_add() {
            let _ = write!(
                h,
                r#"<option value="p:{}">{}</option>"#,
                p.id,
                escape_html(p.title)
            );
        }
        h.push_str("</optgroup>");
        if !self.saved.is_empty() {
            h.push_str(r#"<optgroup label="Your scenarios">"#);
            for (i, s) in self.saved.iter().enumerate() {
                let _ = write!(
                    h,
                    r#"<option value="s:{i}">{}</option>"#,
                    escape_html(&s.name)
                );
            }
            h.push_str("</optgroup>");
        }
        h
    }

    fn add_error_markup(&self) -> String {
        let Some((message, details)) = &self.add_error else {
            return String::new();
        };
        let mut h = format!(r#"<p class="error-text">{}</p>"#, escape_html(message));
        if !details.is_empty() {
            h.push_str(r#"<ul class="error-list">"#);
            for d in details {
                let _ = write!(h, "<li>{}</li>", escape_html(d));
            }
            h.push_str("</ul>");
        }
        h
    }

    fn table_markup(&self) -> String {
        let t = &self.table;
        if t.suppliers.is_empty() {
            return r#"<p class="empty">No supplier: the companies in the set have no counted deal and no money from a named source.</p>"#.into();
        }
        let caption = "Each supplier by company, then its total ($ billions)";
        let mut h = format!(
            r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table suppliers-table" id="suppliers-table"><caption>{caption}</caption><thead><tr><th scope="col">Supplier</th><th scope="col">Company</th><th scope="col">Deals</th><th scope="col">Commitments</th><th scope="col">Due in horizon</th><th scope="col">Unpaid</th><th scope="col">Received</th><th scope="col">Net</th></tr></thead>"#
        );
        for s in &t.suppliers {
            h.push_str("<tbody>");
            for l in &s.links {
                let company = t.companies.get(l.company).map_or("", String::as_str);
                let _ = write!(
                    h,
                    r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td>{}</tr>"#,
                    escape_html(&s.name),
                    escape_html(company),
                    l.deals,
                    money_cells(l.commitments, l.due, l.unpaid, l.received, l.net())
                );
            }
            let share = match (s.largest_customer(), s.largest_share()) {
                (Some(l), Some(share)) => format!(
                    "{} of dues from {}",
                    format::percent(share),
                    t.companies.get(l.company).map_or("", String::as_str)
                ),
                _ => "nothing due".into(),
            };
            let deals: usize = s.links.iter().map(|l| l.deals).sum();
            let _ = write!(
                h,
                r#"<tr class="subtotal"><th scope="row">{} total</th><td>{}</td><td>{deals}</td>{}</tr></tbody>"#,
                escape_html(&s.name),
                escape_html(&share),
                money_cells(
                    s.commitments(),
                    s.due(),
                    s.unpaid(),
                    s.received(),
                    s.due() - s.unpaid() - s.received()
                )
            );
        }
        h.push_str("</table></div>");
        h
    }

    /// A chart's data table.
    fn data_markup(&self, chart: Chart) -> String {
        let t = &self.table;
        let mut h = String::new();
        match chart {
            Chart::Dues => {
                let Some(d) = &self.dues else {
                    return r#"<p class="empty">No companies.</p>"#.into();
                };
                let caption = format!(
                    "Payments due per year by supplier, {} to {} ($ billions)",
                    d.first_year, d.last_year
                );
                let _ = write!(
                    h,
                    r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table"><caption>{caption}</caption><thead><tr><th scope="col">Year</th>"#
                );
                for s in &t.suppliers {
                    let _ = write!(h, r#"<th scope="col">{}</th>"#, escape_html(&s.name));
                }
                h.push_str(r#"<th scope="col">All suppliers</th></tr></thead><tbody>"#);
                for (i, year) in d.years().enumerate() {
                    let _ = write!(h, r#"<tr><th scope="row">{year}</th>"#);
                    for due in &d.due {
                        let _ = write!(
                            h,
                            "<td>{}</td>",
                            format::billions(due.get(i).copied().unwrap_or(0.0))
                        );
                    }
                    let _ = write!(h, "<td>{}</td></tr>", format::billions(d.total(i)));
                }
                h.push_str("</tbody></table></div>");
            }
            Chart::Balance => h = crate::suppliers_embed::balance_table_markup(t),
        }
        h
    }

    fn options(&self, scale: f64, title: Option<String>, footer: Option<String>) -> ChartOptions {
        crate::suppliers_embed::chart_options(self.dark, scale, title, footer)
    }

    fn names(&self) -> Vec<String> {
        self.table
            .suppliers
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// Draws `chart` on `canvas` (sized by the caller); its layout, if drawn.
    fn draw_on(
        &self,
        canvas: &HtmlCanvasElement,
        chart: Chart,
        opts: &ChartOptions,
    ) -> Option<ChartLayout> {
        let backend = CanvasBackend::new(canvas)?;
        let root = backend.into_drawing_area();
        match chart {
            Chart::Dues => {
                let dues = self.dues.as_ref()?;
                let layout = charts::draw_supplier_dues(&root, dues, &self.names(), opts).ok()?;
                Some(layout)
            }
            Chart::Balance => charts::draw_supplier_balance(&root, &self.table, opts).ok(),
        }
    }

    /// Redraws a chart at its box's width and the screen's density.
    fn draw(&mut self, doc: &Document, chart: Chart) {
        let id = chart.id();
        let Some(canvas) = by_id::<HtmlCanvasElement>(doc, &format!("canvas-{id}")) else {
            return;
        };
        let width = self.widths[chart as usize];
        if width <= 0.0 {
            return;
        }
        let height = chart.height(width, self.table.suppliers.len());
        let scale = self.scale;
        dom::size_canvas(&canvas, width, height, scale);
        let mut opts = self.options(scale, None, None);
        if chart == Chart::Dues {
            opts.highlight_year = self.highlight;
            if self.dues.is_none() {
                // No companies: an empty picture rather than the last one.
                if let Some(backend) = CanvasBackend::new(&canvas) {
                    let root = backend.into_drawing_area();
                    let _ = root.fill(&opts.theme.background);
                }
                self.layout = None;
                self.tooltip(doc);
                return;
            }
            self.layout = self.draw_on(&canvas, chart, &opts);
            self.tooltip(doc);
        } else {
            self.balance_layout = self.draw_on(&canvas, chart, &opts);
            self.balance_tooltip(doc);
        }
        let _ = canvas.set_attribute("data-drawn", "1");
    }

    fn draw_all(&mut self, doc: &Document) {
        for chart in Chart::ALL {
            self.draw(doc, chart);
        }
    }

    /// The dues of the highlighted year, next to the crosshair.
    fn tooltip(&self, doc: &Document) {
        let Some(tip) = by_id::<HtmlElement>(doc, "tooltip-dues") else {
            return;
        };
        let (Some(year), Some(layout), Some(d)) = (self.highlight, self.layout, &self.dues) else {
            tip.set_hidden(true);
            return;
        };
        let i = usize::try_from(year - d.first_year).unwrap_or(usize::MAX);
        let mut h = format!(r#"<p class="tooltip-year">{year}</p><dl>"#);
        let mut shown = 0;
        let mut other = 0.0;
        for (s, due) in self.table.suppliers.iter().zip(&d.due) {
            let v = due.get(i).copied().unwrap_or(0.0);
            if v <= 0.0 {
                continue;
            }
            if shown < 7 {
                let _ = write!(
                    h,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape_html(&s.name),
                    format::money(v)
                );
                shown += 1;
            } else {
                other += v;
            }
        }
        if other > 0.0 {
            let _ = write!(
                h,
                "<dt>other suppliers</dt><dd>{}</dd>",
                format::money(other)
            );
        }
        let _ = write!(
            h,
            "<dt><strong>All suppliers</strong></dt><dd><strong>{}</strong></dd></dl>",
            format::money(d.total(i))
        );
        tip.set_inner_html(&h);
        dom::place_tooltip(
            &tip,
            layout.x_of(year) / self.scale,
            self.widths[Chart::Dues as usize],
        );
    }

    /// The figures of the supplier whose row of the balance chart is read, beside the row.
    fn balance_tooltip(&self, doc: &Document) {
        let Some(tip) = by_id::<HtmlElement>(doc, "tooltip-balance") else {
            return;
        };
        let n = self.table.suppliers.len();
        let (Some(row), Some(layout)) = (self.balance_row, self.balance_layout) else {
            tip.set_hidden(true);
            return;
        };
        let Some(s) = self.table.suppliers.get(row) else {
            tip.set_hidden(true);
            return;
        };
        let mut h = format!(
            r#"<p class="tooltip-year">{}</p><dl><dt>Owed in the horizons</dt><dd>{}</dd><dt>Put in by it</dt><dd>{}</dd><dt>Unpaid if short</dt><dd>{}</dd>"#,
            escape_html(&s.name),
            format::money(s.due()),
            format::money(s.received()),
            format::money(s.unpaid())
        );
        if let (Some(o), true) = (
            self.odds.get(row),
            self.odds_run.as_ref().is_some_and(OddsRun::is_finished),
        ) {
            let _ = write!(
                h,
                "<dt>Chance not paid in full</dt><dd>{}</dd>",
                format::percent(o.chance_unpaid)
            );
        }
        h.push_str("</dl>");
        tip.set_inner_html(&h);
        // Below the row in the upper half of the chart, above it in the lower half.
        let y = charts::balance_row_centre(&layout, n, row) / self.scale;
        let width = self.widths[Chart::Balance as usize];
        let height = Chart::Balance.height(width, n);
        let style = tip.style();
        if y > height / 2.0 {
            let _ = style.set_property("bottom", &format!("{}px", (height - y + 14.0).round()));
            let _ = style.set_property("top", "auto");
        } else {
            let _ = style.set_property("top", &format!("{}px", (y + 14.0).round()));
            let _ = style.remove_property("bottom");
        }
        let _ = style.set_property("right", "12px");
        tip.set_hidden(false);
    }

    /// After the set of companies changed: everything derived, the link, the charts.
    fn update(&mut self, doc: &Document) {
        self.derive();
        set_html(doc, "companies", &self.companies_markup());
        set_html(doc, "add-select", &self.options_markup());
        set_html(doc, "add-error", &self.add_error_markup());
        set_text(doc, "headline", &suppliers::headline(&self.table));
        set_html(doc, "supplier-table", &self.table_markup());
        odds::reset(self, doc);
        for chart in Chart::ALL {
            set_html(
                doc,
                &format!("data-{}", chart.id()),
                &self.data_markup(chart),
            );
        }
        set_text(doc, "share-status", "");
        browser::replace_hash(&self.companies.fragment());
        crate::suppliers_embed::refresh_dialog(doc);
        self.draw_all(doc);
    }

    /// Adds a scenario, or says beside the picker why not.
    fn add(&mut self, doc: &Document, scenario: crate::scenario::Scenario, origin: Origin) {
        let name = scenario.name.clone();
        match self.companies.add(scenario, origin) {
            Ok(()) => {
                self.add_error = None;
                self.update(doc);
                set_text(doc, "share-status", &format!("Added \"{name}\"."));
            }
            Err(e) => {
                self.add_error = Some((e.to_string(), Vec::new()));
                set_html(doc, "add-error", &self.add_error_markup());
            }
        }
    }

    /// A file's text (or why it could not be read) as a company.
    fn add_file(&mut self, doc: &Document, file_name: String, text: Result<String, String>) {
        match read_file(text) {
            Ok(s) => self.add(doc, s, Origin::File(file_name)),
            Err(details) => {
                self.add_error = Some((
                    format!(
                        "\"{}\" was not added; the set is unchanged. What is wrong:",
                        file_name.chars().take(60).collect::<String>()
                    ),
                    details,
                ));
                set_html(doc, "add-error", &self.add_error_markup());
            }
        }
    }
}

/// The five money cells of a table row; a negative net in the danger colour.
fn money_cells(commitments: f64, due: f64, unpaid: f64, received: f64, net: f64) -> String {
    format!(
        r#"<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td>"#,
        format::billions(commitments),
        format::billions(due),
        format::billions(unpaid),
        format::billions(received),
        if net < 0.0 {
            r#" class="negative""#
        } else {
            ""
        },
        format::billions(net)
    )
}

/// Reads the first file of a list and adds it when read.
fn read_files(files: Option<web_sys::FileList>) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        let message = format!(
            "\"{}\" is {:.1} MB; a scenario file is at most 2 MB",
            name.chars().take(60).collect::<String>(),
            file.size() / 1e6
        );
        with_page(|page, doc| page.add_file(doc, name, Err(message)));
        return;
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(text) => text
                .as_string()
                .ok_or_else(|| "the file is not text".to_string()),
            Err(_) => Err("the file could not be read".to_string()),
        };
        with_page(|page, doc| page.add_file(doc, name, text));
    });
}

/// Downloads a chart as a PNG of the one fixed size (`dom::download_png`), with a title and a
/// source line.
fn export_png(page: &Page, chart: Chart) {
    let footer = format!("{} · Compute Coverage", page.table.companies.join(", "));
    let opts = page.options(
        dom::PNG_SCALE,
        Some(chart.title().to_string()),
        Some(footer),
    );
    dom::download_png(
        &format!("suppliers-{}-chart.png", chart.id()),
        chart.height(dom::PNG_WIDTH, page.table.suppliers.len()),
        |canvas| page.draw_on(canvas, chart, &opts).is_some(),
    );
}

fn read_balance_row(page: &mut Page, doc: &Document, row: Option<usize>) {
    if page.balance_row != row {
        page.balance_row = row;
        page.balance_tooltip(doc);
    }
}

fn highlight(page: &mut Page, doc: &Document, year: Option<i32>) {
    if page.highlight != year {
        page.highlight = year;
        page.draw(doc, Chart::Dues);
    }
}

/// Reads the address and storage, writes the page into `#root` and wires the reader's actions.
pub fn start() {
    let doc = gloo::utils::document();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = dom::root(&doc) else {
        return;
    };
    let (companies, problem) = Companies::open(&browser::hash());
    let (saved, note) = storage::load_saved();
    let choice = browser::load(THEME_KEY)
        .ok()
        .flatten()
        .filter(|c| c == "light" || c == "dark")
        .unwrap_or_else(|| "auto".into());
    let system = dom::system_dark_query();
    let system_dark = system.as_ref().is_some_and(|q| q.matches());
    let dark = match choice.as_str() {
        "light" => false,
        "dark" => true,
        _ => system_dark,
    };
    let mut page = Page::new(
        companies,
        saved.entries,
        dark,
        choice,
        window.device_pixel_ratio().clamp(1.0, 4.0),
    );
    page.notices = problem.into_iter().chain(note).enumerate().collect();
    set_theme(&doc, dark);
    root.set_inner_html(&page.markup());
    odds::mark("suppliers-table");
    // The address always holds the set shown (a bad link is replaced by the defaults').
    browser::replace_hash(&page.companies.fragment());
    PAGE.with(|p| *p.borrow_mut() = Some(page));
    crate::suppliers_embed::wire_dialog(&doc);

    if let Some(query) = system {
        listen(&query, "change", |e: web_sys::MediaQueryListEvent| {
            with_page(|page, doc| {
                if page.theme_choice == "auto" {
                    page.dark = e.matches();
                    set_theme(doc, page.dark);
                    page.draw_all(doc);
                }
            })
        });
    }
    for chart in Chart::ALL {
        if let Some(chart_box) = doc.get_element_by_id(&format!("box-{}", chart.id())) {
            observe(&chart_box, move |width| {
                with_page(|page, doc| {
                    if page.widths[chart as usize] != width {
                        page.widths[chart as usize] = width;
                        page.draw(doc, chart);
                    }
                })
            });
            let width = chart_box.get_bounding_client_rect().width().round();
            with_page(|page, doc| {
                page.widths[chart as usize] = width;
                page.draw(doc, chart);
            });
        }
    }

    listen(&root, "click", |e: web_sys::MouseEvent| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(button) = el.closest("button").ok().flatten() else {
            return;
        };
        let id = button.id();
        with_page(|page, doc| {
            if let Some(i) = button
                .get_attribute("data-remove")
                .and_then(|i| i.parse::<usize>().ok())
            {
                if page.companies.remove(i) {
                    page.add_error = None;
                    page.update(doc);
                    // Keep the keyboard where it was: on the next remove button, else the picker.
                    let next = doc
                        .query_selector_all("[data-remove]")
                        .ok()
                        .and_then(|l| l.get((i as u32).min(l.length().saturating_sub(1))));
                    let target = next
                        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
                        .or_else(|| by_id::<HtmlElement>(doc, "add-select"));
                    if let Some(t) = target {
                        let _ = t.focus();
                    }
                }
            } else if let Some(i) = dom::notice_of(&button) {
                page.notices.retain(|(n, _)| *n != i);
                set_html(doc, "notices", &page.notices_markup());
            } else if id == "add-button" {
                let value = by_id::<web_sys::HtmlSelectElement>(doc, "add-select")
                    .map(|s| s.value())
                    .unwrap_or_default();
                let chosen = match value.split_once(':') {
                    Some(("p", id)) => {
                        crate::presets::by_id(id).map(|p| (p.scenario(), Origin::BuiltIn))
                    }
                    Some(("s", i)) => i
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| page.saved.get(i))
                        .and_then(|s| {
                            crate::scenario::Scenario::new(s.scenario.clone())
                                .ok()
                                .map(|sc| (sc, Origin::Saved(s.name.clone())))
                        }),
                    _ => None,
                };
                if let Some((scenario, origin)) = chosen {
                    page.add(doc, scenario, origin);
                }
            } else if id == "copy-link" {
                let url = format!(
                    "{}{}#{}",
                    browser::page_url(),
                    browser::search(),
                    page.companies.fragment()
                );
                browser::copy_text(url, |ok| {
                    let doc = gloo::utils::document();
                    set_text(
                        &doc,
                        "share-status",
                        if ok {
                            "Link copied."
                        } else {
                            "Copying was blocked: copy the address from the address bar."
                        },
                    );
                });
            } else if id == "download-csv" {
                browser::download_text(
                    "suppliers.csv",
                    "text/csv;charset=utf-8",
                    &suppliers::csv(&page.table),
                );
            } else if let Some(chart) = Chart::ALL
                .into_iter()
                .find(|c| id == format!("png-{}", c.id()))
            {
                export_png(page, chart);
            }
        })
    });
    listen(&root, "change", |e: web_sys::Event| {
        let Some(target) = e.target() else {
            return;
        };
        if let Ok(input) = target.clone().dyn_into::<HtmlInputElement>() {
            if input.id() == "add-file" {
                read_files(input.files());
                // Let the same file be chosen again after fixing it.
                input.set_value("");
            }
        } else if let Ok(select) = target.dyn_into::<web_sys::HtmlSelectElement>() {
            if select.id() == "theme" {
                let choice = select.value();
                let _ = browser::store(THEME_KEY, &choice);
                with_page(|page, doc| {
                    page.dark = match choice.as_str() {
                        "light" => false,
                        "dark" => true,
                        _ => dom::system_dark(),
                    };
                    page.theme_choice = choice;
                    set_theme(doc, page.dark);
                    page.draw_all(doc);
                });
            }
        }
    });
    // A scenario file dropped anywhere on the page is added.
    listen(&doc, "dragover", |e: web_sys::DragEvent| {
        e.prevent_default()
    });
    listen(&doc, "drop", |e: web_sys::DragEvent| {
        e.prevent_default();
        read_files(e.data_transfer().and_then(|d| d.files()));
    });
    // Reading the dues chart by pointer or keyboard: a crosshair and the year's dues.
    if let Some(canvas) = doc.get_element_by_id("canvas-dues") {
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
        listen(&canvas, "blur", |_: web_sys::FocusEvent| {
            with_page(|page, doc| highlight(page, doc, None))
        });
        listen(&canvas, "keydown", |e: web_sys::KeyboardEvent| {
            with_page(|page, doc| {
                let Some(d) = &page.dues else {
                    return;
                };
                let (first, last) = (d.first_year, d.last_year);
                let current = page.highlight;
                let next = match e.key().as_str() {
                    "ArrowRight" => Some(current.map_or(first, |y| (y + 1).min(last))),
                    "ArrowLeft" => Some(current.map_or(first, |y| (y - 1).max(first))),
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
    // Reading the balance chart by pointer or keyboard: the figures of the supplier's row.
    if let Some(canvas) = doc.get_element_by_id("canvas-balance") {
        listen(&canvas, "pointermove", |e: web_sys::PointerEvent| {
            with_page(|page, doc| {
                let n = page.table.suppliers.len();
                let row = page.balance_layout.and_then(|l| {
                    charts::balance_row_at(&l, n, f64::from(e.offset_y()) * page.scale)
                });
                read_balance_row(page, doc, row);
            })
        });
        for event in ["pointerleave", "blur"] {
            listen(&canvas, event, |_: web_sys::Event| {
                with_page(|page, doc| read_balance_row(page, doc, None))
            });
        }
        listen(&canvas, "keydown", |e: web_sys::KeyboardEvent| {
            with_page(|page, doc| {
                let rows = page.table.suppliers.len().min(charts::MAX_BALANCE_ROWS);
                if rows == 0 {
                    return;
                }
                let last = rows - 1;
                let current = page.balance_row;
                let next = match e.key().as_str() {
                    "ArrowDown" => Some(current.map_or(0, |r| (r + 1).min(last))),
                    "ArrowUp" => Some(current.map_or(0, |r| r.saturating_sub(1))),
                    "Home" => Some(0),
                    "End" => Some(last),
                    "Escape" => None,
                    _ => return,
                };
                e.prevent_default();
                read_balance_row(page, doc, next);
            })
        });
    }
}
