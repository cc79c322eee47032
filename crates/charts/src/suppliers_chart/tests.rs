//! The Suppliers page's charts drawn into SVG strings and read back: the bars a reader sees,
//! their colours, heights and labels.

use super::*;
use crate::{css_hex, ChartLayout, Theme};
use coverage_model::presets;
use coverage_model::suppliers::{self, years};
use plotters::prelude::{IntoDrawingArea, SVGBackend};

const SIZE: (u32, u32) = (800, 450);

/// One SVG element: its tag, its attributes, and its text.
type El = (String, Vec<(String, String)>, String);

/// Each element plotters wrote (tag, attributes, and the text of `<text>` elements).
fn elements(svg: &str) -> Vec<El> {
    svg.split('<')
        .skip(1)
        .filter(|c| !c.starts_with('/') && !c.starts_with('?'))
        .map(|chunk| {
            let (head, body) = chunk.split_once('>').unwrap_or((chunk, ""));
            let tag: String = head.chars().take_while(|c| c.is_alphanumeric()).collect();
            let attrs = head
                .split('"')
                .collect::<Vec<_>>()
                .chunks(2)
                .filter_map(|kv| {
                    let key = kv[0].trim().trim_end_matches('=').rsplit(' ').next()?;
                    Some((key.to_string(), kv.get(1)?.to_string()))
                })
                .collect();
            (tag, attrs, body.trim().to_string())
        })
        .collect()
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Rectangles filled with `color`: (x, y, width, height).
fn rects(svg: &str, color: RGBColor) -> Vec<(f64, f64, f64, f64)> {
    let hex = css_hex(color);
    elements(svg)
        .into_iter()
        .filter(|(tag, a, _)| tag == "rect" && attr(a, "fill") == Some(hex.as_str()))
        .map(|(_, a, _)| {
            let n = |k| attr(&a, k).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
            (n("x"), n("y"), n("width"), n("height"))
        })
        .collect()
}

fn texts(svg: &str) -> Vec<String> {
    elements(svg)
        .into_iter()
        .filter(|(tag, _, _)| tag == "text")
        .map(|(_, _, t)| t)
        .collect()
}

fn defaults() -> (
    Vec<coverage_model::scenario::Scenario>,
    Suppliers,
    DueByYear,
) {
    let companies = vec![
        presets::openai_november_2025(),
        presets::anthropic_november_2025(),
    ];
    let t = suppliers::suppliers(&companies);
    let y = years::due_by_year(&companies, &t).unwrap();
    (companies, t, y)
}

fn dues_svg(y: &DueByYear, names: &[String], opts: &ChartOptions) -> (String, ChartLayout) {
    let mut svg = String::new();
    let layout = {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw_supplier_dues(&root, y, names, opts).unwrap()
    };
    (svg, layout)
}

#[test]
fn dues_are_stacked_by_supplier_with_one_bar_per_year_with_a_payment() {
    let (_, t, y) = defaults();
    let names: Vec<String> = t.suppliers.iter().map(|s| s.name.clone()).collect();
    let opts = ChartOptions::default();
    let (svg, layout) = dues_svg(&y, &names, &opts);
    assert_eq!(
        (layout.first_year, layout.last_year),
        (y.first_year, y.last_year)
    );
    let count = names.len();
    assert!(count > 8, "the defaults have many suppliers: {count}");
    // The largest supplier: one rectangle per year it is owed something, as tall as its dues.
    let top = supplier_color(&opts, 0, count);
    let bars = rects(&svg, top);
    let paid_years: Vec<usize> = (0..y.due[0].len()).filter(|&i| y.due[0][i] > 0.0).collect();
    // (+1: the legend swatch.)
    assert_eq!(bars.len(), paid_years.len() + 1, "{bars:?}");
    let px_per_billion =
        f64::from(layout.plot_bottom - layout.plot_top) / (layout.y_max - layout.y_min);
    let tallest = paid_years.iter().map(|&i| y.due[0][i]).fold(0.0, f64::max);
    let drawn = bars.iter().map(|b| b.3).fold(0.0, f64::max);
    assert!(
        (drawn - tallest * px_per_billion).abs() <= 2.0,
        "{drawn} vs {tallest}"
    );
    // Seven named, the rest as "other suppliers".
    let labels = texts(&svg);
    assert!(labels.contains(&names[0]), "{labels:?}");
    assert!(
        labels.contains(&format!("other suppliers ({})", count - 7)),
        "{labels:?}"
    );
    assert!(!labels.contains(&names[count - 1]));
    // The axis reaches the tallest year.
    let most = (0..y.due[0].len()).map(|i| y.total(i)).fold(0.0, f64::max);
    assert!(
        layout.y_max >= most && layout.y_max < most * 1.5,
        "{} vs {most}",
        layout.y_max
    );
}

#[test]
fn dues_chart_follows_the_theme_and_the_scale() {
    let (_, t, y) = defaults();
    let names: Vec<String> = t.suppliers.iter().map(|s| s.name.clone()).collect();
    let dark = ChartOptions {
        theme: Theme::dark(),
        ..ChartOptions::default()
    };
    let (svg, _) = dues_svg(&y, &names, &dark);
    assert!(svg.contains(&css_hex(Theme::dark().background)));
    assert!(!svg.contains(&format!("fill=\"{}\"", css_hex(Theme::light().background))));
    let mut twice = String::new();
    let layout2 = {
        let root = SVGBackend::with_string(&mut twice, (1600, 900)).into_drawing_area();
        let opts = ChartOptions {
            scale: 2.0,
            ..ChartOptions::default()
        };
        draw_supplier_dues(&root, &y, &names, &opts).unwrap()
    };
    let (_, layout1) = dues_svg(&y, &names, &ChartOptions::default());
    assert!((layout2.plot_left - 2 * layout1.plot_left).abs() <= 2);
    assert!((layout2.plot_bottom - 2 * layout1.plot_bottom).abs() <= 2);
}

#[test]
fn balance_has_three_bars_per_supplier_on_one_axis() {
    let (_, t, _) = defaults();
    let opts = ChartOptions::default();
    let mut svg = String::new();
    let layout = {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw_supplier_balance(&root, &t, &opts).unwrap()
    };
    let [(_, due), (_, put_in), (_, unpaid)] = balance_series(&opts);
    let shown = &t.suppliers[..MAX_BALANCE_ROWS];
    let with = |f: fn(&suppliers::Supplier) -> f64| shown.iter().filter(|s| f(s) > 0.0).count();
    // (+1 for each legend swatch.)
    let due_bars = rects(&svg, due);
    assert_eq!(due_bars.len(), with(suppliers::Supplier::due) + 1);
    assert_eq!(
        rects(&svg, put_in).len(),
        with(suppliers::Supplier::received) + 1
    );
    assert_eq!(
        rects(&svg, unpaid).len(),
        with(suppliers::Supplier::unpaid) + 1
    );
    // Bars are as long as their values: the first supplier's dues against the second's.
    let widths: Vec<f64> = due_bars.iter().skip(1).map(|b| b.2).collect();
    let ratio = widths[1] / widths[0];
    let expected = shown[1].due() / shown[0].due();
    assert!((ratio - expected).abs() < 0.02, "{ratio} vs {expected}");
    let labels = texts(&svg);
    for s in shown {
        assert!(labels.contains(&s.name), "{} in {labels:?}", s.name);
    }
    assert!(!labels.contains(&t.suppliers[MAX_BALANCE_ROWS].name));
    // A pointer on a supplier's bar finds its row (for the tooltip), and the row's centre is
    // within its bars; outside the plot there is none.
    let n = t.suppliers.len();
    for (k, bar) in due_bars.iter().skip(1).enumerate() {
        let y = bar.1 + bar.3 / 2.0;
        assert_eq!(balance_row_at(&layout, n, y), Some(k), "bar {k} at {y}");
        let centre = balance_row_centre(&layout, n, k);
        assert_eq!(balance_row_at(&layout, n, centre), Some(k));
    }
    assert_eq!(
        balance_row_at(&layout, n, f64::from(layout.plot_top) - 1.0),
        None
    );
    assert_eq!(
        balance_row_at(&layout, n, f64::from(layout.plot_bottom)),
        None
    );
    assert_eq!(balance_row_at(&layout, 0, f64::from(layout.plot_top)), None);
}

#[test]
fn no_companies_draw_an_empty_balance_that_says_so() {
    let t = suppliers::suppliers(&[]);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw_supplier_balance(&root, &t, &ChartOptions::default()).unwrap();
    }
    assert!(texts(&svg).contains(&"no suppliers".to_string()));
}
