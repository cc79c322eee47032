//! The Suppliers page's Monte Carlo columns: each supplier's chance of not being paid in full,
//! its expected unpaid amount and a 90% range ([`crate::suppliers::odds`]). The deterministic
//! table is shown at once; the runs advance in slices of about [`SLICE_MS`] with a task
//! boundary between them, so the page keeps answering the reader, and the figures so far are
//! written into their cells every [`SHOW_EVERY_MS`]. A change of the set starts a new run and
//! the old one's next slice finds itself stale and stops.

use super::{by_id, set_html, set_text, with_page, Page};
use crate::embed::escape_html;
use crate::format;
use crate::suppliers::odds::{self, OddsRun, SupplierOdds};
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// Work per slice, in milliseconds: short enough that a click or a key waits at most this long.
const SLICE_MS: f64 = 8.0;
/// Joint draws between two looks at the clock (about half a millisecond for eight companies).
const CHUNK: usize = 8;
/// How often the figures so far are written into the table while the run goes on.
const SHOW_EVERY_MS: f64 = 250.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Marks a moment for `make bench` (bench/run.mjs reads it from the performance timeline).
pub(super) fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Starts the run of the page's current set (called after the set changed).
pub(super) fn start(page: &mut Page) {
    page.generation = page.generation.wrapping_add(1);
    page.odds = Vec::new();
    page.odds_run = Some(OddsRun::new(&page.companies.scenarios(), &page.table));
    page.odds_shown_at = now();
    schedule(page.generation);
}

/// Runs the next slice of run `generation` in a task of its own.
fn schedule(generation: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let slice = Closure::once_into_js(move || slice(generation));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(slice.unchecked_ref(), 0);
}

fn slice(generation: u32) {
    with_page(|page, doc| {
        if page.generation != generation {
            return;
        }
        let Some(run) = page.odds_run.as_mut() else {
            return;
        };
        let start = now();
        while !run.is_finished() && now() - start < SLICE_MS {
            run.run_chunk(CHUNK);
        }
        let finished = run.is_finished();
        if finished || now() - page.odds_shown_at >= SHOW_EVERY_MS {
            page.odds = run.odds();
            page.odds_shown_at = now();
            show(page, doc);
        }
        if finished {
            mark("suppliers-odds");
        } else {
            schedule(generation);
        }
    });
}

/// Where the run is, in words.
pub(super) fn progress(page: &Page) -> String {
    match &page.odds_run {
        Some(run) if page.table.suppliers.is_empty() || run.total() == 0 => String::new(),
        Some(run) if run.is_finished() => {
            format!("Monte Carlo done: {} draws.", format::count(run.total()))
        }
        Some(run) => format!(
            "Running the Monte Carlo: {} of {} draws…",
            format::count(run.done()),
            format::count(run.total())
        ),
        None => String::new(),
    }
}

fn finished(page: &Page) -> bool {
    page.odds_run.as_ref().is_some_and(OddsRun::is_finished)
}

/// The three Monte Carlo cells of supplier `i`: its figures so far, or an ellipsis before any.
fn cells(odds: Option<&SupplierOdds>) -> [String; 3] {
    match odds {
        Some(o) => [
            format::percent(o.chance_unpaid),
            format::billions(o.expected_unpaid),
            format!("{} – {}", format::billions(o.p5), format::billions(o.p95)),
        ],
        None => ["…".into(), "…".into(), "…".into()],
    }
}

const CELLS: [&str; 3] = ["chance", "expected", "range"];

/// The odds table, with the figures so far.
pub(super) fn table_markup(page: &Page) -> String {
    let t = &page.table;
    if t.suppliers.is_empty() {
        return String::new();
    }
    let caption =
        "Chance each supplier is not paid in full, from the companies' Monte Carlo ($ billions)";
    let mut h = format!(
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table odds-table{}" id="odds-table"{}><caption>{caption}</caption><thead><tr><th scope="col">Supplier</th><th scope="col">Chance not paid in full</th><th scope="col">Expected unpaid</th><th scope="col">90% range</th><th scope="col">Owed in the horizons</th><th scope="col">Unpaid as entered</th></tr></thead><tbody>"#,
        if finished(page) { "" } else { " running" },
        if finished(page) {
            r#" data-done="1""#
        } else {
            ""
        },
    );
    for (i, s) in t.suppliers.iter().enumerate() {
        // The Monte Carlo figures first: on a phone they are what shows without scrolling.
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, escape_html(&s.name));
        for (cell, text) in CELLS.iter().zip(cells(page.odds.get(i))) {
            let _ = write!(h, r#"<td class="mc" id="odds-{i}-{cell}">{text}</td>"#);
        }
        let _ = write!(
            h,
            "<td>{}</td><td>{}</td></tr>",
            format::billions(s.due()),
            format::billions(s.unpaid())
        );
    }
    h.push_str("</tbody></table></div>");
    h
}

/// The sentence on the odds of the supplier owed the most, once the run is done.
pub(super) fn sentence(page: &Page) -> String {
    match &page.odds_run {
        Some(run) if run.is_finished() => odds::sentence(&page.table, &page.odds, run.total()),
        _ => String::new(),
    }
}

/// Writes the figures so far into their cells (not the whole table, so a reader scrolling or
/// focused in it keeps their place), the progress line and, when done, the sentence.
fn show(page: &Page, doc: &Document) {
    for (i, o) in page.odds.iter().enumerate() {
        for (cell, text) in CELLS.iter().zip(cells(Some(o))) {
            set_text(doc, &format!("odds-{i}-{cell}"), &text);
        }
    }
    set_text(doc, "odds-progress", &progress(page));
    if finished(page) {
        if let Some(table) = by_id::<web_sys::Element>(doc, "odds-table") {
            let _ = table.set_attribute("class", "data-table odds-table");
            let _ = table.set_attribute("data-done", "1");
        }
        set_text(doc, "odds-sentence", &sentence(page));
        // A supplier being read on the balance chart gains its chance.
        page.balance_tooltip(doc);
    }
}

/// Rewrites the odds part of the page after the set changed (the run restarts).
pub(super) fn reset(page: &Page, doc: &Document) {
    set_html(doc, "odds-table-box", &table_markup(page));
    set_text(doc, "odds-progress", &progress(page));
    set_text(doc, "odds-sentence", "");
}
