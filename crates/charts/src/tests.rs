//! Host tests of the charts: each chart is drawn into an SVG string, which is read back into
//! elements and checked for what a reader would see (bars, lines, marks, labels), so the tests
//! fail if the drawing breaks, not only if it panics.

use super::*;
use coverage_model::engine::{project, Projection};
use coverage_model::format;
use coverage_model::presets::{self, PRESETS};
use coverage_model::scenario::{Credit, Deal, Draft, Financing, Metric, Scenario, Shortfall};
use plotters::prelude::{IntoDrawingArea, SVGBackend};

/// The charts of the uncertainty page: fans, tornado, comparison.
mod uncertainty_charts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chart {
    Commitments,
    Coverage,
    Cash,
}

const CHARTS: [Chart; 3] = [Chart::Commitments, Chart::Coverage, Chart::Cash];
const SIZE: (u32, u32) = (800, 450);

/// One SVG element as plotters writes it: tag, attributes, and text content.
#[derive(Debug, Clone)]
struct El {
    tag: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn num(&self, name: &str) -> f64 {
        self.attr(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} of {self:?}"))
    }

    fn is(&self, tag: &str, paint: &str, color: RGBColor) -> bool {
        self.tag == tag && self.attr(paint) == Some(css_hex(color).as_str())
    }

    fn points(&self) -> Vec<(i32, i32)> {
        self.attr("points")
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads plotters' SVG output (one element per tag, attributes in double quotes).
fn parse(svg: &str) -> Vec<El> {
    let mut out = Vec::new();
    for chunk in svg.split('<').skip(1) {
        if chunk.starts_with('/') || chunk.starts_with('?') || chunk.starts_with('!') {
            continue;
        }
        let (head, body) = chunk.split_once('>').unwrap_or((chunk, ""));
        let tag: String = head.chars().take_while(|c| c.is_alphanumeric()).collect();
        let mut attrs = Vec::new();
        let mut rest = &head[tag.len()..];
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].trim().to_string();
            let after = &rest[eq + 2..];
            let end = after.find('"').unwrap_or(after.len());
            attrs.push((name, unescape(&after[..end])));
            rest = &after[(end + 1).min(after.len())..];
        }
        out.push(El {
            tag,
            attrs,
            text: unescape(body.trim()),
        });
    }
    out
}

fn draw(
    chart: Chart,
    scenario: &Scenario,
    opts: &ChartOptions,
    size: (u32, u32),
) -> (String, ChartLayout) {
    let projection = project(scenario);
    draw_projection(chart, &projection, scenario, opts, size)
}

fn draw_projection(
    chart: Chart,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
    size: (u32, u32),
) -> (String, ChartLayout) {
    let mut svg = String::new();
    let layout = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let drawn = match chart {
            Chart::Commitments => draw_commitments(&root, projection, scenario, opts),
            Chart::Coverage => draw_coverage(&root, projection, scenario, opts),
            Chart::Cash => draw_cash(&root, projection, scenario, opts),
        };
        drawn.unwrap_or_else(|e| panic!("{chart:?}: {e:?}"))
    };
    (svg, layout)
}

fn elements(chart: Chart, scenario: &Scenario, opts: &ChartOptions) -> (Vec<El>, ChartLayout) {
    let (svg, layout) = draw(chart, scenario, opts, SIZE);
    (parse(&svg), layout)
}

fn texts(els: &[El]) -> Vec<&str> {
    els.iter()
        .filter(|e| e.tag == "text")
        .map(|e| e.text.as_str())
        .collect()
}

fn has_text(els: &[El], wanted: &str) -> bool {
    texts(els).iter().any(|t| t.contains(wanted))
}

/// A valid copy of `scenario` with `edit` applied to its draft.
fn edited(scenario: &Scenario, edit: impl FnOnce(&mut Draft)) -> Scenario {
    let mut draft = scenario.draft().clone();
    edit(&mut draft);
    Scenario::new(draft).unwrap_or_else(|e| panic!("test scenario is invalid: {e}"))
}

fn no_counted_deals() -> Scenario {
    edited(&presets::openai_november_2025(), |d| {
        for deal in &mut d.deals {
            deal.include = false;
        }
    })
}

fn one_year() -> Scenario {
    edited(&presets::openai_november_2025(), |d| {
        d.end_year = d.start_year
    })
}

fn firm_only() -> Scenario {
    edited(&presets::openai_november_2025(), |d| d.firm_only = true)
}

/// The OpenAI preset with a financing section: keep $5B of cash, a credit line of $300B at 8%,
/// cash below zero past it (debt, no unpaid payments).
fn with_credit() -> Scenario {
    edited(&presets::openai_november_2025(), |d| {
        d.financing = Some(Financing {
            min_cash: 5.0,
            credit: Some(Credit {
                limit: 300.0,
                rate: 0.08,
            }),
            shortfall: Shortfall::NegativeCash,
            note: None,
        })
    })
}

/// The OpenAI preset with no credit and payments left unpaid in a shortfall (unpaid payments,
/// no debt).
fn with_unpaid() -> Scenario {
    edited(&presets::openai_november_2025(), |d| {
        d.financing = Some(Financing {
            min_cash: 5.0,
            credit: None,
            shortfall: Shortfall::Unpaid,
            note: None,
        })
    })
}

/// Every preset and the edge cases, with a name for failure messages.
fn scenarios() -> Vec<(String, Scenario)> {
    let mut all: Vec<(String, Scenario)> = PRESETS
        .iter()
        .map(|p| (p.id.to_string(), p.scenario()))
        .collect();
    all.push(("no counted deals".into(), no_counted_deals()));
    all.push(("one-year horizon".into(), one_year()));
    all.push(("firm only".into(), firm_only()));
    all.push(("credit line".into(), with_credit()));
    all.push(("unpaid".into(), with_unpaid()));
    all
}

/// Elements drawn inside the plot (legend swatches lie above it).
fn in_plot(el: &El, l: &ChartLayout) -> bool {
    let inside = |(x, y): (i32, i32)| {
        (l.plot_left - 1..=l.plot_right + 1).contains(&x)
            && (l.plot_top - 1..=l.plot_bottom + 1).contains(&y)
    };
    match el.tag.as_str() {
        "polyline" | "polygon" => el.points().into_iter().all(inside),
        "rect" => inside((el.num("x") as i32, el.num("y") as i32)),
        "circle" => inside((el.num("cx") as i32, el.num("cy") as i32)),
        _ => false,
    }
}

fn near(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn every_chart_of_every_scenario_draws_a_sane_picture() {
    for (name, scenario) in scenarios() {
        for theme in [Theme::light(), Theme::dark()] {
            let opts = ChartOptions {
                theme,
                ..ChartOptions::default()
            };
            for chart in CHARTS {
                let (svg, l) = draw(chart, &scenario, &opts, SIZE);
                let case = format!("{name}, {chart:?}");
                for bad in ["NaN", "inf"] {
                    assert!(!svg.contains(bad), "{case}: {bad} in the SVG");
                }
                let els = parse(&svg);
                let background = els.iter().find(|e| e.tag == "rect").expect("a background");
                assert!(
                    background.is("rect", "fill", theme.background),
                    "{case}: {background:?}"
                );
                assert_eq!(
                    (background.num("width"), background.num("height")),
                    (800.0, 450.0),
                    "{case}"
                );
                assert!(
                    0 < l.plot_left && l.plot_left < l.plot_right && l.plot_right <= 800,
                    "{case}: {l:?}"
                );
                assert!(
                    0 < l.plot_top && l.plot_top < l.plot_bottom && l.plot_bottom < 450,
                    "{case}: {l:?}"
                );
                assert!(
                    l.y_min < l.y_max && l.y_min.is_finite() && l.y_max.is_finite(),
                    "{case}: {l:?}"
                );
                assert_eq!(
                    (l.first_year, l.last_year),
                    (scenario.start_year, scenario.end_year),
                    "{case}"
                );
                assert!(
                    has_text(&els, &scenario.start_year.to_string()),
                    "{case}: no first year label"
                );
                // Few labels: on wasm each text costs a canvas call (and a legend of up to 8 deals).
                let count = texts(&els).len();
                assert!((8..=45).contains(&count), "{case}: {count} labels");
            }
        }
    }
}

#[test]
fn commitment_bars_are_one_rectangle_per_deal_and_year_with_a_payment() {
    let scenario = presets::openai_november_2025();
    let projection = project(&scenario);
    let opts = ChartOptions::default();
    let (svg, l) = draw_projection(Chart::Commitments, &projection, &scenario, &opts, SIZE);
    let els = parse(&svg);
    let n = projection.deals.len();
    assert_eq!(n, 8, "the preset has 8 counted deals");
    for (i, deal) in projection.deals.iter().enumerate() {
        let color = opts.theme.deal_color(i, n);
        let bars = els
            .iter()
            .filter(|e| e.is("rect", "fill", color) && in_plot(e, &l))
            .count();
        let paid = deal.payments.iter().filter(|&&p| p > 0.0).count();
        assert_eq!(bars, paid, "deal {} ({})", i, deal.name);
        let legend = els
            .iter()
            .filter(|e| e.is("rect", "fill", color) && !in_plot(e, &l))
            .count();
        assert_eq!(legend, 1, "legend swatch of {}", deal.name);
        let label: String = deal.name.chars().take(20).collect();
        assert!(has_text(&els, &label), "legend lacks {}", deal.name);
    }
    // The stack of each year is as tall as that year's payments.
    for row in &projection.rows {
        let x = l.x_of(row.year);
        let height: f64 = els
            .iter()
            .filter(|e| e.tag == "rect" && in_plot(e, &l))
            .filter(|e| (0..n).any(|i| e.is("rect", "fill", opts.theme.deal_color(i, n))))
            .filter(|e| e.num("x") < x && x < e.num("x") + e.num("width"))
            .map(|e| e.num("height"))
            .sum();
        let expected = l.y_of(0.0) - l.y_of(row.commitments);
        assert!(
            near(height, expected, 1.0 + n as f64),
            "{}: {height} px for {expected}",
            row.year
        );
    }
}

#[test]
fn commitments_chart_draws_revenue_available_and_reported_figures() {
    let scenario = presets::openai_november_2025();
    let projection = project(&scenario);
    let opts = ChartOptions::default();
    let ink = opts.theme.text;
    let (els, l) = elements(Chart::Commitments, &scenario, &opts);
    let years = projection.rows.len();

    let revenue: Vec<&El> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", ink) && in_plot(e, &l))
        .collect();
    let line = revenue
        .iter()
        .find(|e| e.points().len() == years)
        .expect("a revenue line through every year");
    for (point, row) in line.points().iter().zip(&projection.rows) {
        assert!(near(f64::from(point.0), l.x_of(row.year), 1.0), "{point:?}");
        assert!(
            near(f64::from(point.1), l.y_of(row.revenue), 1.0),
            "{point:?} for {}",
            row.revenue
        );
    }
    let dots = els
        .iter()
        .filter(|e| e.is("circle", "fill", ink) && in_plot(e, &l))
        .count();
    assert_eq!(dots, years, "one revenue dot a year");
    // The dashed available line is drawn as many short strokes along A_y.
    let dashes = revenue.iter().filter(|e| e.points().len() < years).count();
    assert!(dashes > years, "only {dashes} dashes");
    assert!(has_text(&els, "revenue") && has_text(&els, "available for commitments"));

    // Hollow diamonds: background-filled polygons, one per reported figure plus the legend's.
    let reported = scenario
        .markers
        .iter()
        .filter(|m| matches!(m.metric, Metric::Revenue | Metric::Commitments))
        .count();
    assert_eq!(reported, 3);
    let diamonds = els
        .iter()
        .filter(|e| e.is("polygon", "fill", opts.theme.background))
        .count();
    assert_eq!(diamonds, reported + 1);
    assert!(has_text(&els, "reported figures"));
    assert!(has_text(&els, "$ billions per year"));

    let (blank, _) = elements(Chart::Commitments, &presets::blank(), &opts);
    assert!(
        !has_text(&blank, "reported figures"),
        "the blank scenario has no markers"
    );
    assert!(!blank
        .iter()
        .any(|e| e.is("polygon", "fill", opts.theme.background)));
}

#[test]
fn more_than_eight_deals_show_seven_and_other_deals() {
    let scenario = edited(&presets::blank(), |d| {
        let template = d.deals[0].clone();
        d.deals = (0..12)
            .map(|i| Deal {
                name: format!("Deal {i}"),
                ..template.clone()
            })
            .collect();
    });
    let opts = ChartOptions::default();
    let (els, l) = elements(Chart::Commitments, &scenario, &opts);
    for i in 0..7 {
        assert!(
            has_text(&els, &format!("Deal {i}")),
            "Deal {i} in the legend"
        );
    }
    for i in 7..12 {
        assert!(
            !has_text(&els, &format!("Deal {i}")),
            "Deal {i} is summed in other deals"
        );
    }
    assert!(has_text(&els, "other deals (5)"));
    let grey = opts.theme.deal_color(7, 12);
    assert_eq!(grey, opts.theme.deal_color(11, 12));
    assert_eq!(grey, opts.theme.series[7]);
    let bars = els
        .iter()
        .filter(|e| e.is("rect", "fill", grey) && in_plot(e, &l))
        .count();
    assert_eq!(
        bars, 5,
        "one 'other deals' bar a year for the 5 years of payments"
    );
}

#[test]
fn coverage_lines_break_at_years_without_payments() {
    // Payments 2026-2030, none in 2031-2032, then 2033-2034, none in 2035.
    let scenario = edited(&presets::blank(), |d| {
        let mut later = d.deals[0].clone();
        later.name = "Later deal".into();
        later.start_year = 2033;
        later.years = 2;
        d.deals.push(later);
    });
    let projection = project(&scenario);
    let gaps: Vec<i32> = projection
        .rows
        .iter()
        .filter(|r| r.coverage.is_none())
        .map(|r| r.year)
        .collect();
    assert_eq!(gaps, [2031, 2032, 2035]);
    let opts = ChartOptions::default();
    let (svg, l) = draw_projection(Chart::Coverage, &projection, &scenario, &opts, SIZE);
    let els = parse(&svg);
    for color in [opts.theme.primary, opts.theme.secondary] {
        let runs: Vec<Vec<(i32, i32)>> = els
            .iter()
            .filter(|e| e.is("polyline", "stroke", color) && in_plot(e, &l))
            .map(El::points)
            .collect();
        let lengths: Vec<usize> = runs.iter().map(Vec::len).collect();
        assert_eq!(lengths, [5, 2], "two runs of the line");
        for gap in &gaps {
            let x = l.x_of(*gap).round() as i32;
            assert!(
                runs.iter().flatten().all(|p| p.0 != x),
                "line drawn through {gap}"
            );
        }
    }
    let dots = els
        .iter()
        .filter(|e| e.is("circle", "fill", opts.theme.primary) && in_plot(e, &l))
        .count();
    assert_eq!(dots, 7, "a mark for each year with coverage");
    let squares = els
        .iter()
        .filter(|e| e.is("rect", "fill", opts.theme.secondary) && in_plot(e, &l))
        .count();
    assert_eq!(squares, 7);
}

#[test]
fn coverage_chart_has_the_covered_line_over_a_shaded_shortfall() {
    let opts = ChartOptions::default();
    let theme = opts.theme;
    let (els, l) = elements(Chart::Coverage, &presets::openai_november_2025(), &opts);
    let one = l.y_of(1.0).round() as i32;
    let line = els.iter().any(|e| {
        e.is("polyline", "stroke", theme.reference)
            && e.points() == [(l.plot_left, one), (l.plot_right, one)]
    });
    assert!(line, "no reference line at 1.0 (y = {one})");
    assert!(has_text(&els, "covered") && has_text(&els, "not covered"));
    let shade = els
        .iter()
        .find(|e| e.is("rect", "fill", theme.shortfall) && in_plot(e, &l))
        .expect("the region below 1x is shaded");
    assert_eq!(shade.num("y") as i32, one);
    assert_eq!((shade.num("y") + shade.num("height")) as i32, l.plot_bottom);
    assert!(near(shade.num("opacity"), theme.fill_alpha, 1e-6));
    assert!(has_text(&els, "coverage (×)"));
    assert!(l.y_min <= 0.0 && l.y_max >= 2.0);
}

#[test]
fn coverage_axis_is_capped_at_ten_and_reaches_at_least_two() {
    let opts = ChartOptions::default();
    // A $1M deal against billions of revenue: coverage in the thousands.
    let tiny = edited(&presets::blank(), |d| {
        d.deals[0].value = coverage_model::scenario::DealValue::total(0.001)
    });
    let (els, l) = elements(Chart::Coverage, &tiny, &opts);
    assert_eq!(l.y_max, 10.0);
    assert!(has_text(&els, "capped at 10×"), "{:?}", texts(&els));
    let series = [opts.theme.primary, opts.theme.secondary];
    let triangles = els
        .iter()
        .filter(|e| series.iter().any(|&c| e.is("polygon", "fill", c)))
        .count();
    assert_eq!(triangles, 10, "5 years of 2 series beyond the axis");

    // A huge deal: coverage far below 1, the axis still shows 1x and 2x.
    let huge = edited(&presets::blank(), |d| {
        d.deals[0].value = coverage_model::scenario::DealValue::total(1000.0)
    });
    let (els, l) = elements(Chart::Coverage, &huge, &opts);
    assert_eq!((l.y_min, l.y_max), (0.0, 2.0));
    assert!(!has_text(&els, "capped"));
}

#[test]
fn coverage_without_payments_says_so_and_draws_no_lines() {
    let opts = ChartOptions::default();
    let (els, l) = elements(Chart::Coverage, &no_counted_deals(), &opts);
    assert!(has_text(&els, "no payments due"));
    for color in [opts.theme.primary, opts.theme.secondary] {
        assert!(!els
            .iter()
            .any(|e| e.is("polyline", "stroke", color) && in_plot(e, &l)));
    }
    assert_eq!((l.y_min, l.y_max), (0.0, 2.0));
}

#[test]
fn cash_chart_annotates_the_funding_gap_only_when_there_is_one() {
    let opts = ChartOptions::default();
    let openai = presets::openai_november_2025();
    let summary = project(&openai).summary;
    assert!(summary.funding_gap > 0.0);
    let (els, l) = elements(Chart::Cash, &openai, &opts);
    let label = format!("funding gap {}", format::money(summary.funding_gap));
    assert!(has_text(&els, &label), "{label} missing: {:?}", texts(&els));
    let (x, y) = (
        l.x_of(summary.lowest_cash.year),
        l.y_of(summary.lowest_cash.value),
    );
    let ring = els.iter().any(|e| {
        e.is("circle", "stroke", opts.theme.shortfall)
            && near(e.num("cx"), x, 1.0)
            && near(e.num("cy"), y, 1.0)
    });
    assert!(ring, "no ring at the lowest point ({x}, {y})");
    assert!(
        els.iter()
            .any(|e| e.is("polygon", "fill", opts.theme.shortfall)),
        "no area below zero"
    );

    let blank = presets::blank();
    assert_eq!(project(&blank).summary.funding_gap, 0.0);
    let (els, _) = elements(Chart::Cash, &blank, &opts);
    assert!(!has_text(&els, "funding gap"), "{:?}", texts(&els));
    assert!(!els
        .iter()
        .any(|e| e.is("circle", "stroke", opts.theme.shortfall)));
}

#[test]
fn cash_chart_marks_raises_the_zero_line_and_reported_figures() {
    let opts = ChartOptions::default();
    let theme = opts.theme;
    let scenario = presets::openai_november_2025();
    let projection = project(&scenario);
    let (els, l) = elements(Chart::Cash, &scenario, &opts);
    // 8.3 + 22.5 raised in 2025, then Nvidia's staged money in 2026-2029.
    assert!(has_text(&els, "+$30.8B"), "{:?}", texts(&els));
    let raise = els
        .iter()
        .filter(|e| e.is("polygon", "fill", theme.gain))
        .count();
    assert_eq!(raise, 6, "five years with raises and the legend entry");
    let zero = l.y_of(0.0).round() as i32;
    assert!(els
        .iter()
        .any(|e| e.is("polyline", "stroke", theme.reference)
            && e.points() == [(l.plot_left, zero), (l.plot_right, zero)]));
    let cash = els
        .iter()
        .find(|e| e.is("polyline", "stroke", theme.primary) && in_plot(e, &l))
        .expect("a cash line");
    assert_eq!(cash.points().len(), projection.rows.len());
    let last = projection.rows.last().expect("rows");
    let end = cash.points()[projection.rows.len() - 1];
    assert!(near(f64::from(end.1), l.y_of(last.cash), 1.0));
    // Four reported net cash flows (the cumulative burn has no place on this chart).
    let diamonds = els
        .iter()
        .filter(|e| e.is("polygon", "fill", theme.background))
        .count();
    assert_eq!(diamonds, 4 + 1);
    assert!(has_text(&els, "$ billions") && has_text(&els, "net cash flow"));
}

#[test]
fn firm_only_leaves_letters_of_intent_out_of_the_legend() {
    let opts = ChartOptions::default();
    let (els, _) = elements(Chart::Commitments, &firm_only(), &opts);
    assert!(has_text(&els, "Oracle") && has_text(&els, "AWS"));
    assert!(!has_text(&els, "Nvidia") && !has_text(&els, "AMD"));
    let (els, _) = elements(Chart::Commitments, &no_counted_deals(), &opts);
    assert!(!has_text(&els, "Oracle"));
    assert!(
        !els.iter()
            .any(|e| e.is("rect", "fill", opts.theme.series[0])),
        "no bars without deals"
    );
}

#[test]
fn layout_maps_years_to_x_and_back() {
    for (name, scenario) in scenarios() {
        for chart in CHARTS {
            let (_, l) = draw(chart, &scenario, &ChartOptions::default(), SIZE);
            for year in scenario.years() {
                assert_eq!(
                    l.year_at(l.x_of(year)),
                    Some(year),
                    "{name} {chart:?} {year}"
                );
                let edge = l.x_of(year) + l.band() * 0.49;
                assert_eq!(
                    l.year_at(edge),
                    Some(year),
                    "{name} {chart:?} {year} right edge"
                );
            }
            assert_eq!(l.year_at(f64::from(l.plot_left)), Some(scenario.start_year));
            assert_eq!(l.year_at(f64::from(l.plot_right)), Some(scenario.end_year));
            assert_eq!(l.year_at(f64::from(l.plot_left) - 1.0), None);
            assert_eq!(l.year_at(f64::from(l.plot_right) + 1.0), None);
            assert_eq!(l.year_at(f64::NAN), None);
            assert!(near(l.y_of(l.y_min), f64::from(l.plot_bottom), 1e-9));
            assert!(near(l.y_of(l.y_max), f64::from(l.plot_top), 1e-9));
        }
    }
}

#[test]
fn scale_two_doubles_coordinates_fonts_and_widths() {
    let scenario = presets::openai_november_2025();
    for chart in CHARTS {
        let one = ChartOptions::default();
        let two = ChartOptions {
            scale: 2.0,
            ..ChartOptions::default()
        };
        let (svg1, l1) = draw(chart, &scenario, &one, (800, 450));
        let (svg2, l2) = draw(chart, &scenario, &two, (1600, 900));
        let pairs = [
            (l1.plot_left, l2.plot_left),
            (l1.plot_right, l2.plot_right),
            (l1.plot_top, l2.plot_top),
            (l1.plot_bottom, l2.plot_bottom),
        ];
        for (a, b) in pairs {
            assert!((2 * a - b).abs() <= 2, "{chart:?}: {a} vs {b}");
        }
        assert_eq!((l1.y_min, l1.y_max), (l2.y_min, l2.y_max), "{chart:?}");
        let (e1, e2) = (parse(&svg1), parse(&svg2));
        assert_eq!(
            e1.len(),
            e2.len(),
            "{chart:?}: same elements at both scales"
        );
        for (a, b) in e1.iter().zip(&e2) {
            assert_eq!(a.tag, b.tag);
            for key in [
                "x",
                "y",
                "cx",
                "cy",
                "width",
                "height",
                "font-size",
                "stroke-width",
                "r",
            ] {
                if let (Some(x), Some(y)) = (a.attr(key), b.attr(key)) {
                    let (x, y): (f64, f64) = (x.parse().unwrap_or(0.0), y.parse().unwrap_or(0.0));
                    assert!(
                        near(2.0 * x, y, 3.0),
                        "{chart:?} {key}: {x} vs {y} in {a:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn bad_scales_count_as_one() {
    let scenario = presets::blank();
    let (_, reference) = draw(Chart::Cash, &scenario, &ChartOptions::default(), SIZE);
    for scale in [0.0, -2.0, f64::NAN, f64::INFINITY] {
        let opts = ChartOptions {
            scale,
            ..ChartOptions::default()
        };
        let (_, l) = draw(Chart::Cash, &scenario, &opts, SIZE);
        assert_eq!(l, reference, "scale {scale}");
    }
}

#[test]
fn title_and_footer_are_drawn_only_when_given() {
    let scenario = presets::anthropic_november_2025();
    for chart in CHARTS {
        let plain = ChartOptions::default();
        let (els, bare) = elements(chart, &scenario, &plain);
        assert!(!has_text(&els, "Coverage chart title") && !has_text(&els, "Source: test footer"));

        let export = ChartOptions {
            title: Some("Coverage chart title".into()),
            footer: Some("Source: test footer".into()),
            ..ChartOptions::default()
        };
        let (els, l) = elements(chart, &scenario, &export);
        let title = els
            .iter()
            .find(|e| e.tag == "text" && e.text == "Coverage chart title")
            .expect("title");
        assert_eq!(title.attr("font-weight"), Some("bold"));
        assert!((title.num("y") as i32) < l.plot_top);
        let footer = els
            .iter()
            .find(|e| e.tag == "text" && e.text == "Source: test footer")
            .expect("footer");
        assert!((footer.num("y") as i32) > l.plot_bottom);
        assert!(
            l.plot_top > bare.plot_top && l.plot_bottom < bare.plot_bottom,
            "room is made for both"
        );
    }
}

#[test]
fn highlight_year_draws_a_crosshair() {
    let scenario = presets::openai_november_2025();
    for chart in CHARTS {
        let opts = ChartOptions {
            highlight_year: Some(2030),
            ..ChartOptions::default()
        };
        let (els, l) = elements(chart, &scenario, &opts);
        let x = l.x_of(2030).round() as i32;
        let vertical = [(x, l.plot_top), (x, l.plot_bottom)];
        let crosshair = |els: &[El]| {
            els.iter()
                .any(|e| e.is("polyline", "stroke", opts.theme.muted) && e.points() == vertical)
        };
        assert!(crosshair(&els), "{chart:?}: no crosshair at x = {x}");
        let (plain, _) = elements(chart, &scenario, &ChartOptions::default());
        assert!(
            !crosshair(&plain),
            "{chart:?}: crosshair without a highlight"
        );
        let outside = ChartOptions {
            highlight_year: Some(2099),
            ..ChartOptions::default()
        };
        let (far, _) = elements(chart, &scenario, &outside);
        assert_eq!(
            far.len(),
            plain.len(),
            "{chart:?}: a year outside the horizon draws nothing"
        );
    }
}

#[test]
fn the_overlay_highlight_is_the_charts_own_band_and_crosshair() {
    // The page draws the hover highlight on an overlay with draw_highlight: it must put the
    // line and band exactly where the chart itself would (same layout), and nothing else.
    let scenario = presets::openai_november_2025();
    for scale in [1.0, 2.0] {
        for chart in CHARTS {
            let size = (
                (f64::from(SIZE.0) * scale) as u32,
                (f64::from(SIZE.1) * scale) as u32,
            );
            let opts = ChartOptions {
                scale,
                highlight_year: Some(2030),
                ..ChartOptions::default()
            };
            let (in_chart, layout) = draw(chart, &scenario, &opts, size);
            let in_chart = parse(&in_chart);
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                draw_highlight(&root, &layout, 2030, &opts).expect("draws");
            }
            let overlay = parse(&svg);
            let line = overlay
                .iter()
                .find(|e| e.tag == "polyline")
                .unwrap_or_else(|| panic!("{chart:?} at {scale}: no line"));
            assert!(
                in_chart
                    .iter()
                    .any(|e| e.tag == "polyline" && e.attrs == line.attrs),
                "{chart:?} at {scale}: the overlay's line {line:?} is not the chart's crosshair"
            );
            let band = overlay
                .iter()
                .find(|e| e.tag == "rect")
                .unwrap_or_else(|| panic!("{chart:?} at {scale}: no band"));
            assert!(
                in_chart
                    .iter()
                    .any(|e| e.tag == "rect" && e.attrs == band.attrs),
                "{chart:?} at {scale}: the overlay's band {band:?} is not the chart's"
            );
            let drawn = |els: &[El]| els.iter().filter(|e| e.tag != "svg").count();
            assert_eq!(drawn(&overlay), 2, "{chart:?}: only the band and the line");
            let mut none = String::new();
            {
                let root = SVGBackend::with_string(&mut none, size).into_drawing_area();
                draw_highlight(&root, &layout, 2099, &opts).expect("draws");
            }
            assert_eq!(drawn(&parse(&none)), 0, "a year off the axis draws nothing");
        }
    }
}

/// The fingerprint of a chart drawn at `size`.
fn fingerprint_at(chart: Chart, scenario: &Scenario, opts: &ChartOptions, size: (u32, u32)) -> u64 {
    let projection = project(scenario);
    let (backend, hash) = Fingerprint::new(size);
    let root = backend.into_drawing_area();
    match chart {
        Chart::Commitments => draw_commitments(&root, &projection, scenario, opts),
        Chart::Coverage => draw_coverage(&root, &projection, scenario, opts),
        Chart::Cash => draw_cash(&root, &projection, scenario, opts),
    }
    .expect("a fingerprint never fails");
    hash.get()
}

#[test]
fn fingerprints_change_exactly_when_the_picture_does() {
    let scenario = presets::openai_november_2025();
    let opts = ChartOptions::default();
    let fingerprint = |chart, s: &Scenario, o: &ChartOptions| fingerprint_at(chart, s, o, SIZE);
    let more_cash = edited(&scenario, |d| d.funding.opening_cash += 10.0);
    let more_revenue = edited(&scenario, |d| d.revenue.base *= 1.5);
    let renamed = edited(&scenario, |d| d.name.push_str(" (mine)"));
    let dark = ChartOptions {
        theme: Theme::dark(),
        ..ChartOptions::default()
    };
    for chart in CHARTS {
        let base = fingerprint(chart, &scenario, &opts);
        assert_eq!(
            base,
            fingerprint(chart, &scenario, &opts),
            "{chart:?}: same input"
        );
        // Revenue moves every chart; the opening cash moves the cash chart only; the name is
        // not drawn on screen.
        assert_ne!(
            base,
            fingerprint(chart, &more_revenue, &opts),
            "{chart:?}: revenue"
        );
        let cash_moved = base != fingerprint(chart, &more_cash, &opts);
        assert_eq!(cash_moved, chart == Chart::Cash, "{chart:?}: opening cash");
        assert_eq!(base, fingerprint(chart, &renamed, &opts), "{chart:?}: name");
        assert_ne!(
            base,
            fingerprint(chart, &scenario, &dark),
            "{chart:?}: theme"
        );
        let wider = fingerprint_at(chart, &scenario, &opts, (SIZE.0 + 1, SIZE.1));
        assert_ne!(base, wider, "{chart:?}: size");
    }
}

#[test]
fn year_labels_thin_out_when_crowded() {
    let year_labels = |els: &[El]| {
        texts(els)
            .iter()
            .filter(|t| t.len() == 4 && t.parse::<i32>().is_ok_and(|y| (1990..=2100).contains(&y)))
            .count()
    };
    let opts = ChartOptions::default();
    let openai = presets::openai_november_2025();
    let (els, _) = elements(Chart::Cash, &openai, &opts);
    assert_eq!(year_labels(&els), 11, "one label a year for 11 years");

    let (svg, _) = draw(Chart::Cash, &openai, &opts, (360, 300));
    let narrow = year_labels(&parse(&svg));
    assert!((2..11).contains(&narrow), "{narrow} labels on a phone");

    let long = edited(&presets::blank(), |d| d.end_year = d.start_year + 49);
    let (els, _) = elements(Chart::Cash, &long, &opts);
    let count = year_labels(&els);
    assert!((5..=12).contains(&count), "{count} labels for 50 years");
}

#[test]
fn every_colour_comes_from_the_theme() {
    for theme in [Theme::light(), Theme::dark()] {
        let mut allowed: Vec<String> = [
            theme.background,
            theme.text,
            theme.muted,
            theme.grid,
            theme.axis,
            theme.reference,
            theme.primary,
            theme.secondary,
            theme.shortfall,
            theme.gain,
        ]
        .iter()
        .chain(&theme.series)
        .map(|&c| css_hex(c))
        .collect();
        allowed.push("none".into());
        let opts = ChartOptions {
            theme,
            highlight_year: Some(2027),
            title: Some("t".into()),
            footer: Some("f".into()),
            ..ChartOptions::default()
        };
        for (name, scenario) in scenarios() {
            for chart in CHARTS {
                let (els, _) = elements(chart, &scenario, &opts);
                for e in els.iter().filter(|e| e.tag != "svg") {
                    for key in ["fill", "stroke"] {
                        if let Some(c) = e.attr(key) {
                            assert!(
                                allowed.iter().any(|a| a == c),
                                "{name} {chart:?}: {key} {c} in {e:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn extreme_inputs_never_panic_or_print_nan() {
    let cases: Vec<(&str, Scenario, (u32, u32))> = vec![
        ("tiny canvas", presets::openai_november_2025(), (40, 30)),
        ("empty canvas", presets::openai_november_2025(), (0, 0)),
        (
            "absurd growth",
            edited(&presets::blank(), |d| {
                d.end_year = d.start_year + 49;
                d.revenue.growth = coverage_model::scenario::Growth::Constant { rate: 100.0 };
            }),
            SIZE,
        ),
        (
            "one year, no deals",
            edited(&no_counted_deals(), |d| d.end_year = d.start_year),
            SIZE,
        ),
    ];
    for (name, scenario, size) in cases {
        for chart in CHARTS {
            let (svg, l) = draw(chart, &scenario, &ChartOptions::default(), size);
            assert!(
                !svg.contains("NaN") && !svg.contains("inf"),
                "{name} {chart:?}"
            );
            assert!(
                l.plot_left < l.plot_right && l.plot_top < l.plot_bottom,
                "{name} {chart:?}: {l:?}"
            );
            assert!(l.y_min < l.y_max, "{name} {chart:?}: {l:?}");
        }
    }
}

#[test]
fn one_year_horizon_still_shows_its_values() {
    let scenario = one_year();
    let projection = project(&scenario);
    assert_eq!(projection.rows.len(), 1);
    let opts = ChartOptions::default();
    let (els, l) = elements(Chart::Commitments, &scenario, &opts);
    assert_eq!(l.years(), 1);
    let dots = els
        .iter()
        .filter(|e| e.is("circle", "fill", opts.theme.text) && in_plot(e, &l))
        .count();
    assert_eq!(dots, 1, "the revenue of the one year");
    let bars = els
        .iter()
        .filter(|e| e.tag == "rect" && in_plot(e, &l) && e.attr("opacity") == Some("1"))
        .count();
    assert!(
        bars >= projection
            .deals
            .iter()
            .filter(|d| d.payments[0] > 0.0)
            .count()
    );
    let (els, l) = elements(Chart::Cash, &scenario, &opts);
    let dots = els
        .iter()
        .filter(|e| e.is("circle", "fill", opts.theme.primary) && in_plot(e, &l))
        .count();
    assert_eq!(dots, 1, "the cash of the one year");
}

#[test]
fn deal_colours_are_distinct_up_to_eight_deals() {
    let theme = Theme::light();
    for count in 1..=8 {
        let colours: Vec<RGBColor> = (0..count).map(|i| theme.deal_color(i, count)).collect();
        for (i, a) in colours.iter().enumerate() {
            assert!(
                !colours[i + 1..].contains(a),
                "{count} deals share a colour"
            );
        }
    }
    assert_eq!(css_hex(OKABE_ITO[4]), "#0072B2");
}

/// Writes every chart of the default scenario to `$TMPDIR/compute-coverage-charts/` to look at:
/// `cargo test --lib render_samples -- --ignored`.
#[test]
#[ignore = "writes files; run by hand to look at the charts"]
fn render_samples() {
    let dir = std::env::temp_dir().join("compute-coverage-charts");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases = [
        ("openai", presets::openai_november_2025()),
        ("anthropic", presets::anthropic_november_2025()),
        ("blank", presets::blank()),
        ("none", no_counted_deals()),
        ("credit", with_credit()),
        ("unpaid", with_unpaid()),
    ];
    for (name, scenario) in cases {
        for (theme_name, theme) in [("light", Theme::light()), ("dark", Theme::dark())] {
            for chart in CHARTS {
                for (size_name, size) in [("wide", (800, 400)), ("phone", (360, 280))] {
                    let opts = ChartOptions {
                        theme,
                        highlight_year: Some(2028),
                        title: Some(format!("{chart:?}")),
                        footer: Some(format!("{}: Compute Coverage", scenario.name)),
                        ..ChartOptions::default()
                    };
                    let (svg, _) = draw(chart, &scenario, &opts, size);
                    let file = dir.join(format!("{name}-{chart:?}-{theme_name}-{size_name}.svg"));
                    std::fs::write(file, svg).expect("write svg");
                }
            }
        }
    }
}

/// A scenario written out here in full, so that the golden fingerprints below depend on the
/// drawing code only (the presets' figures move as reporting does).
const GOLDEN_SCENARIO: &str = r#"{
  "version": 1, "name": "Golden", "start_year": 2025, "end_year": 2032,
  "deals": [
    { "name": "Cloud A", "counterparty": "Amazon", "value": { "total": 120 },
      "start_year": 2025, "years": 6, "profile": { "kind": "even" }, "firm": true, "include": true },
    { "name": "Chips B", "counterparty": "Nvidia", "value": { "total": 90 },
      "start_year": 2026, "years": 5, "profile": { "kind": "even" }, "firm": false, "include": true }
  ],
  "revenue": { "base": 12, "growth": { "kind": "constant", "rate": 0.45 } },
  "costs": { "opex_share": [[2025, 0.35]], "revenue_share": { "rate": 0.1, "until": 2028 } },
  "funding": { "opening_cash": 15, "raises": [[2026, 20]] },
  "firm_only": false, "discount_rate": 0.1,
  "markers": [
    { "year": 2025, "metric": "revenue", "value": 12, "label": "reported" },
    { "year": 2026, "metric": "net_cash_flow", "value": -20, "label": "reported" }
  ]
}"#;

/// Fingerprints of [`GOLDEN_SCENARIO`]'s charts (light, dark) taken before financing was drawn.
/// They hold as long as a scenario without financing is drawn call for call as it was; a
/// deliberate change to the drawing of every chart updates them (and says so in its commit).
const GOLDEN: [(Chart, u64, u64); 3] = [
    (
        Chart::Commitments,
        0x3c56_5603_60a8_4048,
        0x6e4c_58e2_31f6_e34b,
    ),
    (
        Chart::Coverage,
        0xf601_6167_81a4_8082,
        0x8c38_72ba_2b69_d344,
    ),
    (Chart::Cash, 0x38bd_629f_291e_090e, 0x0f37_ffeb_6f22_23b9),
];

#[test]
fn without_financing_the_charts_draw_exactly_what_they_drew_before_financing() {
    let scenario = Scenario::from_json(GOLDEN_SCENARIO).expect("the golden scenario is valid");
    for (chart, light, dark) in GOLDEN {
        for (theme, expected) in [(Theme::light(), light), (Theme::dark(), dark)] {
            let opts = ChartOptions {
                theme,
                ..ChartOptions::default()
            };
            let got = fingerprint_at(chart, &scenario, &opts, SIZE);
            assert_eq!(got, expected, "{chart:?}: {got:#x}");
        }
    }
}

/// The closed outlines (five points, first = last) of colour `color` inside the plot, as
/// (left, top, right, bottom): what [`frame::Frame::hatch`] draws around a hatched block.
fn outlines(els: &[El], color: RGBColor, l: &ChartLayout) -> Vec<(i32, i32, i32, i32)> {
    els.iter()
        .filter(|e| e.is("polyline", "stroke", color) && in_plot(e, l))
        .map(El::points)
        // Axis-aligned (a diamond mark is a closed outline too).
        .filter(|p| p.len() == 5 && p[0] == p[4] && p[0].1 == p[1].1 && p[1].0 == p[2].0)
        .map(|p| {
            let xs = p.iter().map(|q| q.0);
            let ys = p.iter().map(|q| q.1);
            (
                xs.clone().min().unwrap_or(0),
                ys.clone().min().unwrap_or(0),
                xs.max().unwrap_or(0),
                ys.max().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn cash_chart_draws_debt_only_when_something_is_borrowed() {
    let opts = ChartOptions::default();
    let theme = opts.theme;
    let scenario = with_credit();
    let projection = project(&scenario);
    let borrowed: Vec<_> = projection.rows.iter().filter(|r| r.debt > 0.0).collect();
    assert!(borrowed.len() >= 3, "the test scenario borrows");
    let (els, l) = elements(Chart::Cash, &scenario, &opts);
    assert!(has_text(&els, "debt at end of year"), "{:?}", texts(&els));
    // A square at each year's debt, and the dashes of the line through them.
    let squares: Vec<&El> = els
        .iter()
        .filter(|e| e.is("rect", "fill", theme.debt) && in_plot(e, &l))
        .collect();
    assert_eq!(
        squares.len(),
        borrowed.len(),
        "one square per year with debt"
    );
    for row in &borrowed {
        let (x, y) = (l.x_of(row.year), l.y_of(row.debt));
        assert!(
            squares
                .iter()
                .any(|e| near(e.num("x") + e.num("width") / 2.0, x, 1.5)
                    && near(e.num("y") + e.num("height") / 2.0, y, 1.5)),
            "no square at {} debt {}",
            row.year,
            row.debt
        );
    }
    let dashes = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", theme.debt) && in_plot(e, &l))
        .count();
    assert!(
        dashes > projection.rows.len(),
        "a dashed line: {dashes} dashes"
    );
    let peak = projection.summary.peak_debt.expect("peak debt");
    assert!(l.y_max >= peak.value, "the axis reaches the peak debt");
    assert!(
        outlines(&els, theme.shortfall, &l).is_empty(),
        "nothing unpaid under a credit line with cash below zero"
    );

    for (name, scenario) in [
        (
            "openai without its credit line".to_string(),
            edited(&presets::openai_november_2025(), |d| d.financing = None),
        ),
        ("unpaid".to_string(), with_unpaid()),
    ] {
        let (els, _) = elements(Chart::Cash, &scenario, &opts);
        assert!(!has_text(&els, "debt"), "{name}: {:?}", texts(&els));
        assert!(
            !els.iter().any(|e| e.is("rect", "fill", theme.debt)
                || e.is("polyline", "stroke", theme.debt)),
            "{name}: debt drawn without any"
        );
    }
}

#[test]
fn unpaid_payments_are_marked_only_when_some_go_unpaid() {
    let opts = ChartOptions::default();
    let theme = opts.theme;
    let scenario = with_unpaid();
    let projection = project(&scenario);
    let unpaid: Vec<_> = projection.rows.iter().filter(|r| r.unpaid > 0.0).collect();
    assert!(
        unpaid.len() >= 3,
        "the test scenario leaves payments unpaid"
    );

    // Cash chart: a hatched bar from each year's cash down by the unpaid amount, the largest
    // labelled with its amount.
    let (els, l) = elements(Chart::Cash, &scenario, &opts);
    assert!(has_text(&els, "payments left unpaid"), "{:?}", texts(&els));
    let bars = outlines(&els, theme.shortfall, &l);
    assert_eq!(bars.len(), unpaid.len(), "{bars:?}");
    for row in &unpaid {
        let x = l.x_of(row.year);
        let (top, bottom) = (l.y_of(row.cash), l.y_of(row.cash - row.unpaid));
        assert!(
            bars.iter()
                .any(|&(x0, y0, x1, y1)| near(f64::from(x0 + x1) / 2.0, x, 1.5)
                    && near(f64::from(y0), top, 1.5)
                    && near(f64::from(y1), bottom, 1.5)),
            "no unpaid bar for {}: {bars:?}",
            row.year
        );
    }
    let largest = unpaid.iter().map(|r| r.unpaid).fold(0.0, f64::max);
    let label = format!("{} unpaid", format::money(largest));
    assert!(has_text(&els, &label), "{label}: {:?}", texts(&els));

    // Commitments chart: the top U_y of each year's stack is hatched and outlined, and each
    // deal's unpaid share is a lighter tint of its colour.
    let (els, l) = elements(Chart::Commitments, &scenario, &opts);
    assert!(texts(&els).contains(&"unpaid"), "{:?}", texts(&els));
    let blocks = outlines(&els, theme.text, &l);
    assert_eq!(blocks.len(), unpaid.len(), "{blocks:?}");
    for row in &unpaid {
        let x = l.x_of(row.year);
        let (top, bottom) = (
            l.y_of(row.commitments),
            l.y_of(row.commitments - row.unpaid),
        );
        assert!(
            blocks
                .iter()
                .any(|&(x0, y0, x1, y1)| near(f64::from(x0 + x1) / 2.0, x, 1.5)
                    && near(f64::from(y0), top, 1.5)
                    && near(f64::from(y1), bottom, 1.5)),
            "no unpaid block for {}: {blocks:?}",
            row.year
        );
    }
    let tint = commitments_chart::UNPAID_TINT.to_string();
    let tint = tint.as_str();
    let tinted = |els: &[El], l: &ChartLayout| {
        els.iter()
            .filter(|e| e.tag == "rect" && in_plot(e, l) && e.attr("opacity") == Some(tint))
            .count()
    };
    let shares = projection
        .deals
        .iter()
        .flat_map(|d| d.unpaid.iter())
        .filter(|&&u| u > 0.0)
        .count();
    assert!(tinted(&els, &l) >= shares.min(1), "tinted unpaid shares");
    assert!(tinted(&els, &l) <= shares);

    for (name, scenario) in [
        ("openai".to_string(), presets::openai_november_2025()),
        ("credit".to_string(), with_credit()),
    ] {
        let (els, l) = elements(Chart::Cash, &scenario, &opts);
        assert!(!has_text(&els, "unpaid"), "{name}: {:?}", texts(&els));
        assert!(outlines(&els, theme.shortfall, &l).is_empty(), "{name}");
        let (els, l) = elements(Chart::Commitments, &scenario, &opts);
        assert!(!has_text(&els, "unpaid"), "{name}: {:?}", texts(&els));
        assert!(outlines(&els, theme.text, &l).is_empty(), "{name}");
        assert_eq!(tinted(&els, &l), 0, "{name}");
    }
}

#[test]
fn a_financing_section_that_changes_no_figure_changes_no_picture() {
    // Keep nothing, no credit line, cash below zero: the rules of a scenario without one.
    let neutral = Financing {
        min_cash: 0.0,
        credit: None,
        shortfall: Shortfall::NegativeCash,
        note: None,
    };
    let dark = ChartOptions {
        theme: Theme::dark(),
        ..ChartOptions::default()
    };
    for (name, scenario) in scenarios()
        .into_iter()
        .filter(|(_, s)| s.financing.is_none())
    {
        let with = edited(&scenario, |d| d.financing = Some(neutral.clone()));
        for chart in CHARTS {
            for opts in [ChartOptions::default(), dark.clone()] {
                assert_eq!(
                    fingerprint_at(chart, &scenario, &opts, SIZE),
                    fingerprint_at(chart, &with, &opts, SIZE),
                    "{name} {chart:?}"
                );
            }
        }
    }
}

#[test]
fn raise_labels_in_neighbouring_years_never_cover_each_other() {
    // Staged investments: a raise in each of five years, drawn on a phone.
    let scenario = edited(&with_credit(), |d| {
        for year in 2026..=2029 {
            d.funding
                .raises
                .push(coverage_model::scenario::Raise::new(year, 10.0));
        }
    });
    let opts = ChartOptions::default();
    for size in [(360, 280), SIZE] {
        let (svg, l) = draw(Chart::Cash, &scenario, &opts, size);
        let els = parse(&svg);
        let boxes: Vec<[f64; 4]> = els
            .iter()
            .filter(|e| e.is("rect", "fill", opts.theme.background) && in_plot(e, &l))
            .filter(|e| e.attr("opacity") == Some("0.8"))
            .map(|e| {
                let (x, y) = (e.num("x"), e.num("y"));
                [x, y, x + e.num("width"), y + e.num("height")]
            })
            .collect();
        assert!(boxes.len() >= 2, "{size:?}: labels drawn: {boxes:?}");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                assert!(apart, "{size:?}: labels overlap: {a:?} {b:?}");
            }
        }
        assert!(
            has_text(&els, "+$30.8B"),
            "{size:?}: the first raise keeps its label"
        );
    }
}
