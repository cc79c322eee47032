//! Browser tests of financing in the calculator: the app is opened on a link whose scenario has
//! a financing section (the form has no fields for it yet) and the year table's financing
//! columns, the money-by-supplier table, the circular-flows note and the tooltips must show
//! exactly the engine's figures; without a financing section the year table stays as it was.
#![cfg(target_arch = "wasm32")]

use compute_coverage::components::chart_panel::{tooltip_lines, ChartKind};
use compute_coverage::engine::{self, Projection};
use compute_coverage::scenario::{Credit, Financing, Raise, Scenario, Shortfall};
use compute_coverage::{codec, format, presets};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

mod web_common;

use web_common::mount_at;

wasm_bindgen_test_configure!(run_in_browser);

/// The OpenAI preset with a financing section and $10B from Nvidia in 2026 (a circular flow).
fn financed(credit: Option<Credit>, shortfall: Shortfall) -> Scenario {
    let mut draft = presets::openai_november_2025().draft().clone();
    draft.financing = Some(Financing {
        min_cash: 5.0,
        credit,
        shortfall,
        note: None,
    });
    draft.funding.raises.push(Raise {
        year: 2026,
        amount: 10.0,
        from: Some("Nvidia".into()),
        note: None,
    });
    Scenario::new(draft).expect("the test scenario is valid")
}

fn with_credit() -> Scenario {
    financed(
        Some(Credit {
            limit: 300.0,
            rate: 0.08,
        }),
        Shortfall::NegativeCash,
    )
}

fn with_unpaid() -> Scenario {
    financed(None, Shortfall::Unpaid)
}

/// Mounts the app opened on a link to `scenario` (no stored work), or on the bare page.
async fn mount(scenario: Option<&Scenario>) -> Element {
    mount_at(scenario.map(codec::encode).as_deref()).await
}

/// The text of every cell of the table `selector`'s rows in `part` (thead, tbody or tfoot).
fn cells(root: &Element, selector: &str, part: &str) -> Vec<Vec<String>> {
    let rows = root
        .query_selector_all(&format!("{selector} {part} tr"))
        .unwrap();
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|row| {
            let cells = row.child_nodes();
            (0..cells.length())
                .filter_map(|j| cells.item(j))
                .map(|c| c.text_content().unwrap_or_default())
                .collect()
        })
        .collect()
}

/// The column of `table` whose header reads `name`, if any.
/// The year table's column names as read (the soft hyphens that let long ones break dropped).
fn headers(root: &Element) -> Vec<String> {
    cells(root, "#projection-table", "thead")[0]
        .iter()
        .map(|h| h.replace('\u{ad}', ""))
        .collect()
}

fn column(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h == name)
}

/// Checks the year table's financing columns against the engine's rows.
fn check_year_table(root: &Element, p: &Projection) {
    let header = &headers(root);
    let body = cells(root, "#projection-table", "tbody");
    assert_eq!(body.len(), p.rows.len());
    type Figure = fn(&engine::YearRow) -> f64;
    let figures: [(&str, Figure); 5] = [
        ("Interest", |r| r.interest),
        ("Borrowed", |r| r.borrowed),
        ("Repaid", |r| r.repaid),
        ("Debt", |r| r.debt),
        ("Unpaid", |r| r.unpaid),
    ];
    for (name, figure) in figures {
        let at = column(header, name).unwrap_or_else(|| panic!("{name} column in {header:?}"));
        for (cells, row) in body.iter().zip(&p.rows) {
            assert_eq!(
                cells[at],
                format::billions(figure(row)),
                "{name} in {}",
                row.year
            );
        }
    }
}

/// Checks the money-by-supplier table against the engine's counterparties, and returns the
/// circular-flows note.
fn check_money_table(root: &Element, p: &Projection) -> String {
    let header = &cells(root, "#money-table", "thead")[0];
    let body = cells(root, "#money-table", "tbody");
    let any_unpaid = p.counterparties.iter().any(|c| c.unpaid > 0.0);
    assert_eq!(column(header, "Unpaid").is_some(), any_unpaid, "{header:?}");
    assert_eq!(body.len(), p.counterparties.len());
    let due = column(header, "Due").expect("due");
    let received = column(header, "Received").expect("received");
    let net = column(header, "Net").expect("net");
    for (cells, c) in body.iter().zip(&p.counterparties) {
        assert_eq!(cells[0], c.name);
        assert_eq!(cells[1], c.deals.to_string(), "{}", c.name);
        assert_eq!(cells[due], format::billions(c.due), "{}", c.name);
        assert_eq!(cells[received], format::billions(c.received), "{}", c.name);
        assert_eq!(cells[net], format::billions(c.net()), "{}", c.name);
        if let Some(unpaid) = column(header, "Unpaid") {
            assert_eq!(cells[unpaid], format::billions(c.unpaid), "{}", c.name);
        }
    }
    let total = &cells(root, "#money-table", "tfoot")[0];
    let sum = |f: fn(&engine::Counterparty) -> f64| p.counterparties.iter().map(f).sum::<f64>();
    assert_eq!(total[0], "Total");
    assert_eq!(total[due], format::billions(sum(|c| c.due)));
    assert_eq!(total[received], format::billions(sum(|c| c.received)));
    assert_eq!(total[net], format::billions(sum(|c| c.net())));
    root.query_selector("#circular-flows")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_credit_line_shows_debt_in_the_tables_and_tooltips() {
    let s = with_credit();
    let p = engine::project(&s);
    let peak = p.summary.peak_debt.expect("the scenario borrows");
    let root = mount(Some(&s)).await;
    assert!(root
        .query_selector("#results-heading")
        .unwrap()
        .and_then(|e| e.text_content())
        .is_some_and(|t| t.contains(&s.name)));
    check_year_table(&root, &p);
    let note = check_money_table(&root, &p);
    let nvidia = p
        .counterparties
        .iter()
        .find(|c| c.name == "Nvidia")
        .expect("Nvidia is a counterparty");
    assert!(
        note.contains(&format!(
            "Nvidia put in {} and is owed {}",
            format::money(nvidia.received),
            format::money(nvidia.due)
        )),
        "{note}"
    );
    let tip = tooltip_lines(ChartKind::Cash, peak.year, &s, &p);
    assert!(
        tip.contains(&("Debt at year end".into(), format::money(peak.value))),
        "{tip:?}"
    );
    assert!(!tip.iter().any(|(k, _)| k.contains("Unpaid")), "{tip:?}");
}

#[wasm_bindgen_test]
async fn unpaid_payments_show_in_the_tables_and_tooltips() {
    let s = with_unpaid();
    let p = engine::project(&s);
    let year = p.summary.first_unpaid_year.expect("payments go unpaid");
    let root = mount(Some(&s)).await;
    check_year_table(&root, &p);
    check_money_table(&root, &p);
    let row = p.row(year).expect("row");
    let tip = tooltip_lines(ChartKind::Commitments, year, &s, &p);
    assert!(
        tip.contains(&("Unpaid".into(), format::money(row.unpaid))),
        "{tip:?}"
    );
    assert!(tip.iter().any(|(_, v)| v.ends_with(" unpaid)")), "{tip:?}");
    let tip = tooltip_lines(ChartKind::Cash, year, &s, &p);
    assert!(tip.contains(&("Unpaid payments".into(), format::money(row.unpaid))));
    assert!(!tip.iter().any(|(k, _)| k.starts_with("Debt")), "{tip:?}");
}

#[wasm_bindgen_test]
async fn without_a_financing_section_the_year_table_is_as_before() {
    // The preset without its reported credit line: a scenario from before financing.
    let mut d = presets::openai_november_2025().draft().clone();
    d.financing = None;
    let s = Scenario::new(d).unwrap();
    let p = engine::project(&s);
    let root = mount(Some(&s)).await;
    let header = &headers(&root);
    assert_eq!(
        header,
        &[
            "Year",
            "Revenue",
            "Rev. share",
            "Other costs",
            "Available",
            "Commitments",
            "Net cash flow",
            "Raised",
            "Cash",
            "Coverage"
        ]
    );
    check_money_table(&root, &p);
    let tip = tooltip_lines(ChartKind::Cash, s.start_year, &s, &p);
    assert!(
        !tip.iter()
            .any(|(k, _)| k.starts_with("Debt") || k.contains("Unpaid")),
        "{tip:?}"
    );
}
