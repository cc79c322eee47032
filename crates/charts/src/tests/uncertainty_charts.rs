//! Host tests of the uncertainty page's charts, read back from SVG like the others: the fans'
//! bands, median and projection as entered; the tornado's bars, order and labels; the
//! comparison's lines and legend; and pictures without NaN for degenerate inputs.

use super::*;
use coverage_model::scenario::Uncertainty;
use coverage_model::sensitivity::{tornado, Tornado};
use coverage_model::uncertainty::{monte_carlo, MonteCarlo};

/// An uncertainty chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    CashFan,
    CoverageFan,
    Tornado,
    CashComparison,
    CoverageComparison,
}

const KINDS: [Kind; 5] = [
    Kind::CashFan,
    Kind::CoverageFan,
    Kind::Tornado,
    Kind::CashComparison,
    Kind::CoverageComparison,
];

/// A copy of `scenario` with fewer samples, so the tests run fast.
fn quick(scenario: &Scenario) -> Scenario {
    edited(scenario, |d| {
        d.uncertainty = Some(Uncertainty {
            samples: 400,
            ..d.uncertainty.unwrap_or_default()
        })
    })
}

/// A copy of `scenario` with every range collapsed: every sample is the projection.
fn collapsed(scenario: &Scenario) -> Scenario {
    edited(scenario, |d| {
        d.uncertainty = Some(Uncertainty {
            growth_multiplier: (1.0, 1.0),
            opex_shift: (0.0, 0.0),
            cancel_chance: 0.0,
            max_delay: 0,
            samples: 100,
            seed: 7,
            ..Uncertainty::default()
        })
    })
}

type Area<'a> = plotters::drawing::DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Draws into an SVG string of `size` pixels.
fn svg_of(
    size: (u32, u32),
    draw: impl FnOnce(&Area) -> Option<ChartLayout>,
) -> (String, Option<ChartLayout>) {
    let mut svg = String::new();
    let layout = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root)
    };
    (svg, layout)
}

/// A fan chart of `scenario` (its Monte Carlo computed here).
fn fan(
    kind: Kind,
    scenario: &Scenario,
    opts: &ChartOptions,
    size: (u32, u32),
) -> (String, ChartLayout) {
    let mc = monte_carlo(scenario);
    fan_of(kind, &mc, &project(scenario), scenario, opts, size)
}

fn fan_of(
    kind: Kind,
    mc: &MonteCarlo,
    projection: &Projection,
    scenario: &Scenario,
    opts: &ChartOptions,
    size: (u32, u32),
) -> (String, ChartLayout) {
    let (svg, layout) = svg_of(size, |root| {
        let drawn = match kind {
            Kind::CashFan => draw_cash_fan(root, mc, projection, scenario, opts),
            Kind::CoverageFan => draw_coverage_fan(root, mc, projection, scenario, opts),
            _ => unreachable!("{kind:?} is not a fan"),
        };
        Some(drawn.unwrap_or_else(|e| panic!("{kind:?}: {e:?}")))
    });
    (svg, layout.expect("a layout"))
}

fn tornado_svg(t: &Tornado, opts: &ChartOptions, size: (u32, u32)) -> String {
    svg_of(size, |root| {
        draw_tornado(root, t, opts).unwrap_or_else(|e| panic!("tornado: {e:?}"));
        None
    })
    .0
}

fn comparison(
    series: &[(String, Scenario)],
    metric: ComparisonMetric,
    opts: &ChartOptions,
    size: (u32, u32),
) -> (String, ChartLayout) {
    let projections: Vec<Projection> = series.iter().map(|(_, s)| project(s)).collect();
    let refs: Vec<(String, &Projection)> = series
        .iter()
        .zip(&projections)
        .map(|((name, _), p)| (name.clone(), p))
        .collect();
    let (svg, layout) = svg_of(size, |root| {
        let drawn = draw_comparison(root, &refs, metric, opts);
        Some(drawn.unwrap_or_else(|e| panic!("comparison: {e:?}")))
    });
    (svg, layout.expect("a layout"))
}

/// Any of the charts of `scenario`, compared (for the comparisons) with the Anthropic preset.
fn any(kind: Kind, scenario: &Scenario, opts: &ChartOptions, size: (u32, u32)) -> String {
    let pair = || {
        vec![
            ("this".to_string(), scenario.clone()),
            ("Anthropic".to_string(), presets::anthropic_november_2025()),
        ]
    };
    match kind {
        Kind::CashFan | Kind::CoverageFan => fan(kind, scenario, opts, size).0,
        Kind::Tornado => tornado_svg(&tornado(scenario), opts, size),
        Kind::CashComparison => comparison(&pair(), ComparisonMetric::Cash, opts, size).0,
        Kind::CoverageComparison => comparison(&pair(), ComparisonMetric::Coverage, opts, size).0,
    }
}

type Points = Vec<(i32, i32)>;

/// The upper edge of a band polygon (its first half, left to right) and its lower edge (its
/// second half, reversed to run left to right too).
fn edges(band: &El) -> (Points, Points) {
    let points = band.points();
    let half = points.len() / 2;
    let upper = points[..half].to_vec();
    let lower = points[half..].iter().rev().copied().collect();
    (upper, lower)
}

/// Whether `(x, y)` lies within `tolerance` px of the line through `values`, in pixels.
fn on_line(l: &ChartLayout, values: &[(i32, f64)], (x, y): (i32, i32), tolerance: f64) -> bool {
    let (x, y) = (f64::from(x), f64::from(y));
    values.windows(2).any(|w| {
        let (x0, y0) = (l.x_of(w[0].0), l.y_of(w[0].1));
        let (x1, y1) = (l.x_of(w[1].0), l.y_of(w[1].1));
        if x < x0 - 0.5 || x > x1 + 0.5 {
            return false;
        }
        let t = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
        near(y, y0 + t * (y1 - y0), tolerance)
    })
}

#[test]
fn cash_fan_draws_both_bands_the_median_and_the_projection_as_entered() {
    let scenario = quick(&presets::openai_november_2025());
    let mc = monte_carlo(&scenario);
    let projection = project(&scenario);
    let opts = ChartOptions::default();
    let t = opts.theme;
    let (svg, l) = fan_of(Kind::CashFan, &mc, &projection, &scenario, &opts, SIZE);
    let els = parse(&svg);
    let years = mc.years.len();
    assert_eq!((l.first_year, l.last_year), (2025, 2035));

    let bands: Vec<&El> = els
        .iter()
        .filter(|e| e.is("polygon", "fill", t.primary) && in_plot(e, &l))
        .collect();
    assert_eq!(bands.len(), 2, "one polygon per band");
    let (outer, inner) = (bands[0], bands[1]);
    assert!(near(outer.num("opacity"), t.fill_alpha, 1e-6), "{outer:?}");
    assert!(
        near(inner.num("opacity"), 2.0 * t.fill_alpha, 1e-6),
        "{inner:?}"
    );
    let (outer_top, outer_bottom) = edges(outer);
    let (inner_top, inner_bottom) = edges(inner);
    assert_eq!(outer_top.len(), years);
    assert_eq!(inner_top.len(), years);
    let (mut outer_height, mut inner_height) = (0, 0);
    for (i, band) in mc.years.iter().enumerate() {
        let p = band.cash;
        let expected = [
            (outer_top[i], p.p95),
            (outer_bottom[i], p.p5),
            (inner_top[i], p.p75),
            (inner_bottom[i], p.p25),
        ];
        for ((x, y), value) in expected {
            assert!(
                near(f64::from(x), l.x_of(band.year), 1.0),
                "{}: x {x}",
                band.year
            );
            assert!(
                near(f64::from(y), l.y_of(value), 1.0),
                "{}: y {y} for {value}",
                band.year
            );
        }
        assert!(
            outer_top[i].1 <= inner_top[i].1 && inner_bottom[i].1 <= outer_bottom[i].1,
            "{}: the middle half lies inside the 90% band",
            band.year
        );
        outer_height += outer_bottom[i].1 - outer_top[i].1;
        inner_height += inner_bottom[i].1 - inner_top[i].1;
    }
    assert!(
        outer_height > inner_height && inner_height > 0,
        "5-95% ({outer_height} px) wider than 25-75% ({inner_height} px)"
    );

    let medians: Vec<&El> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.primary) && in_plot(e, &l))
        .collect();
    assert_eq!(medians.len(), 1, "one median line");
    let median = medians[0].points();
    assert_eq!(median.len(), years);
    for (point, band) in median.iter().zip(&mc.years) {
        assert!(
            near(f64::from(point.1), l.y_of(band.cash.p50), 1.0),
            "{point:?}"
        );
    }
    let dots = els
        .iter()
        .filter(|e| e.is("circle", "fill", t.primary) && in_plot(e, &l))
        .count();
    assert_eq!(dots, years, "a median dot a year");

    // The projection as entered: dashes of ink, all on the projection's cash line.
    let entered: Vec<(i32, f64)> = projection.rows.iter().map(|r| (r.year, r.cash)).collect();
    let dashes: Vec<&El> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.text) && in_plot(e, &l))
        .collect();
    assert!(dashes.len() > years, "only {} dashes", dashes.len());
    for point in dashes.iter().flat_map(|e| e.points()) {
        assert!(on_line(&l, &entered, point, 2.0), "{point:?} off the line");
    }
    let first = dashes[0].points()[0];
    assert!(near(f64::from(first.0), l.x_of(2025), 1.0));

    let zero = l.y_of(0.0).round() as i32;
    assert!(els.iter().any(|e| e.is("polyline", "stroke", t.reference)
        && e.points() == [(l.plot_left, zero), (l.plot_right, zero)]));
    for label in [
        "90% of samples",
        "middle half",
        "median",
        "as entered",
        "$ billions",
    ] {
        assert!(has_text(&els, label), "{label} missing: {:?}", texts(&els));
    }
}

#[test]
fn coverage_fan_breaks_at_years_without_payments() {
    // Payments 2026-2030 and 2033-2034; no delays or cancellations, so every sample has
    // payments in exactly those years.
    let scenario = edited(&presets::blank(), |d| {
        let mut later = d.deals[0].clone();
        later.name = "Later deal".into();
        later.start_year = 2033;
        later.years = 2;
        d.deals.push(later);
        d.uncertainty = Some(Uncertainty {
            cancel_chance: 0.0,
            max_delay: 0,
            samples: 400,
            ..Uncertainty::default()
        });
    });
    let mc = monte_carlo(&scenario);
    let projection = project(&scenario);
    let gaps: Vec<i32> = mc
        .years
        .iter()
        .filter(|b| b.coverage.is_none())
        .map(|b| b.year)
        .collect();
    assert_eq!(gaps, [2031, 2032, 2035]);
    let opts = ChartOptions::default();
    let t = opts.theme;
    let (svg, l) = fan_of(Kind::CoverageFan, &mc, &projection, &scenario, &opts, SIZE);
    let els = parse(&svg);

    let bands: Vec<usize> = els
        .iter()
        .filter(|e| e.is("polygon", "fill", t.primary) && in_plot(e, &l))
        .map(|e| e.points().len() / 2)
        .collect();
    assert_eq!(
        bands,
        [5, 5, 2, 2],
        "two bands over each of two runs of years"
    );
    let medians: Vec<Vec<(i32, i32)>> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.primary) && in_plot(e, &l))
        .map(El::points)
        .collect();
    let lengths: Vec<usize> = medians.iter().map(Vec::len).collect();
    assert_eq!(lengths, [5, 2], "the median breaks at the gap");
    let (gap_left, gap_right) = (l.x_of(2030) + 1.0, l.x_of(2033) - 1.0);
    let dashes = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.text) && in_plot(e, &l));
    for point in dashes.flat_map(|e| e.points()) {
        let x = f64::from(point.0);
        assert!(
            !(gap_left..=gap_right).contains(&x),
            "as entered drawn through the gap: {point:?}"
        );
    }

    let one = l.y_of(1.0).round() as i32;
    assert!(els.iter().any(|e| e.is("polyline", "stroke", t.reference)
        && e.points() == [(l.plot_left, one), (l.plot_right, one)]));
    assert!(has_text(&els, "covered") && has_text(&els, "cash coverage (×)"));
    assert!(
        l.y_min <= 0.0 && l.y_max >= 2.0 && l.y_max <= COVERAGE_CAP,
        "{l:?}"
    );
}

#[test]
fn coverage_fan_is_capped_like_the_coverage_chart() {
    // A $1M deal against billions of revenue: coverage in the thousands.
    let scenario = quick(&edited(&presets::blank(), |d| {
        d.deals[0].value = coverage_model::scenario::DealValue::total(0.001)
    }));
    let opts = ChartOptions::default();
    let t = opts.theme;
    let (svg, l) = fan(Kind::CoverageFan, &scenario, &opts, SIZE);
    let els = parse(&svg);
    assert_eq!(l.y_max, COVERAGE_CAP);
    assert!(has_text(&els, "capped at 10×") && has_text(&els, "beyond the axis"));
    let (bands, triangles): (Vec<&El>, Vec<&El>) = els
        .iter()
        .filter(|e| e.is("polygon", "fill", t.primary))
        .partition(|e| e.num("opacity") < 1.0);
    assert_eq!(bands.len(), 2, "{bands:?}");
    for band in bands {
        assert!(
            in_plot(band, &l),
            "bands are cut at the top of the plot: {band:?}"
        );
    }
    // A triangle at the top for each of the 5 years with a median beyond it, and the legend's.
    let at_top = triangles
        .iter()
        .filter(|e| {
            e.points()
                .iter()
                .any(|p| near(f64::from(p.1), f64::from(l.plot_top), 6.0))
        })
        .count();
    assert_eq!((triangles.len(), at_top), (5 + 1, 5), "{triangles:?}");
}

#[test]
fn fans_of_collapsed_ranges_are_the_projection() {
    let opts = ChartOptions::default();
    let cases = [
        ("openai", collapsed(&presets::openai_november_2025())),
        ("one year", collapsed(&one_year())),
        ("no deals", collapsed(&no_counted_deals())),
        (
            "one year, no deals",
            collapsed(&edited(&no_counted_deals(), |d| d.end_year = d.start_year)),
        ),
    ];
    for (name, scenario) in cases {
        let projection = project(&scenario);
        let mc = monte_carlo(&scenario);
        let (svg, l) = fan_of(Kind::CashFan, &mc, &projection, &scenario, &opts, SIZE);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{name}");
        assert!(
            l.y_min < l.y_max && l.plot_left < l.plot_right,
            "{name}: {l:?}"
        );
        let els = parse(&svg);
        let bands: Vec<&El> = els
            .iter()
            .filter(|e| e.is("polygon", "fill", opts.theme.primary) && in_plot(e, &l))
            .collect();
        assert_eq!(bands.len(), 2, "{name}");
        let entered: Vec<(i32, f64)> = projection.rows.iter().map(|r| (r.year, r.cash)).collect();
        for band in bands {
            let (top, bottom) = edges(band);
            assert_eq!(top.len(), bottom.len(), "{name}");
            for (a, b) in top.iter().zip(&bottom) {
                assert_eq!(a, b, "{name}: a collapsed band has no height");
            }
            // A lone year's band spans part of its year's width, around the value as entered.
            let year = |x: i32| l.year_at(f64::from(x)).expect("x in the plot");
            for (x, y) in top {
                let cash = entered.iter().find(|(y, _)| *y == year(x)).expect("year").1;
                assert!(
                    near(f64::from(y), l.y_of(cash), 1.0),
                    "{name}: {x},{y} vs {cash}"
                );
            }
        }
        let (svg, l) = fan_of(Kind::CoverageFan, &mc, &projection, &scenario, &opts, SIZE);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{name}");
        assert!(l.y_min < l.y_max, "{name}: {l:?}");
        if projection.rows.iter().all(|r| r.coverage.is_none()) {
            assert!(has_text(&parse(&svg), "no payments due"), "{name}");
        }
    }
}

/// The tornado's bar parts, (y, x, right edge, is the low end), top to bottom: rectangles in the
/// two end colours below the unit line (the legend's swatches are above it).
fn tornado_parts(els: &[El], opts: &ChartOptions) -> Vec<(i32, i32, i32, bool)> {
    let unit = els
        .iter()
        .find(|e| e.tag == "text" && e.text == "funding gap, $ billions")
        .expect("the unit line")
        .num("y");
    let (low, high) = (opts.theme.secondary, opts.theme.primary);
    let mut parts: Vec<(i32, i32, i32, bool)> = els
        .iter()
        .filter(|e| e.tag == "rect" && e.num("y") > unit)
        .filter_map(|e| {
            let is_low = e.is("rect", "fill", low);
            (is_low || e.is("rect", "fill", high)).then(|| {
                let x = e.num("x") as i32;
                (e.num("y") as i32, x, x + e.num("width") as i32, is_low)
            })
        })
        .collect();
    parts.sort_by_key(|p| p.0);
    parts
}

#[test]
fn tornado_draws_a_bar_per_input_sorted_by_swing() {
    let t = tornado(&presets::openai_november_2025());
    let n = t.bars.len();
    assert!(n >= 6, "{n} bars");
    let opts = ChartOptions::default();
    let els = parse(&tornado_svg(&t, &opts, SIZE));
    let parts = tornado_parts(&els, &opts);
    assert_eq!(
        parts.iter().filter(|p| p.3).count(),
        n,
        "a low part per bar"
    );
    assert_eq!(
        parts.iter().filter(|p| !p.3).count(),
        n,
        "a high part per bar"
    );
    let mut rows: Vec<i32> = parts.iter().map(|p| p.0).collect();
    rows.dedup();
    assert_eq!(rows.len(), n, "one row per bar: {parts:?}");

    // The line at the scenario's own gap, which every bar starts from.
    let base = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", opts.theme.reference))
        .map(El::points)
        .find(|p| p.len() == 2 && p[0].0 == p[1].0)
        .expect("a vertical line at the gap as entered")[0]
        .0;
    let spans: Vec<i32> = rows
        .iter()
        .map(|&y| {
            let row: Vec<_> = parts.iter().filter(|p| p.0 == y).collect();
            for p in &row {
                assert!(
                    p.1 <= base + 2 && p.2 >= base - 2,
                    "{p:?} does not touch {base}"
                );
            }
            row.iter().map(|p| p.2).max().unwrap_or(0) - row.iter().map(|p| p.1).min().unwrap_or(0)
        })
        .collect();
    let px_per_billion = f64::from(spans[0]) / t.bars[0].swing();
    for (i, (span, bar)) in spans.iter().zip(&t.bars).enumerate() {
        assert!(
            near(f64::from(*span), bar.swing() * px_per_billion, 3.0),
            "bar {i} ({}): {span} px for a swing of {}",
            bar.label,
            bar.swing()
        );
        if i > 0 {
            assert!(
                *span <= spans[i - 1] + 2,
                "bar {i} is wider than the one above: {spans:?}"
            );
        }
        // Each end's part reaches towards that end's gap.
        for (is_low, end) in [(true, &bar.low), (false, &bar.high)] {
            let part = parts
                .iter()
                .find(|p| p.0 == rows[i] && p.3 == is_low)
                .expect("part");
            let moved = (end.funding_gap - t.funding_gap) * px_per_billion;
            if moved > 3.0 {
                assert!(
                    f64::from(part.2 - base) >= moved - 3.0,
                    "{}: {part:?}",
                    bar.label
                );
            } else if moved < -3.0 {
                assert!(
                    f64::from(part.1 - base) <= moved + 3.0,
                    "{}: {part:?}",
                    bar.label
                );
            }
        }
        assert!(
            has_text(&els, &bar.short_label()),
            "no label for {}",
            bar.label
        );
        for (input, gap) in [
            (bar.low_text(), bar.low.funding_gap),
            (bar.high_text(), bar.high.funding_gap),
        ] {
            let text = format!("{input} → {}", format::money(gap));
            assert!(has_text(&els, &text), "{text} missing: {:?}", texts(&els));
        }
    }
    let label = format!("as entered: {}", format::money(t.funding_gap));
    for text in [
        label.as_str(),
        "low input",
        "high input",
        "funding gap, $ billions",
    ] {
        assert!(has_text(&els, text), "{text} missing");
    }
    // Labels are short, never cut off.
    assert!(
        texts(&els).iter().all(|t| !t.ends_with('…')),
        "{:?}",
        texts(&els)
    );
}

#[test]
fn a_pointer_on_a_tornado_bar_finds_its_row() {
    let t = tornado(&presets::openai_november_2025());
    let n = t.bars.len();
    let opts = ChartOptions::default();
    // A laptop's column and a phone's (the page's height for the bars).
    for size in [SIZE, (330, 80 + 34 * n as u32)] {
        let (svg, layout) = svg_of(size, |root| {
            Some(draw_tornado(root, &t, &opts).unwrap_or_else(|e| panic!("tornado: {e:?}")))
        });
        let layout = layout.expect("a layout");
        let els = parse(&svg);
        // Each bar's low part (one per row, top to bottom): its top and height.
        let mut bars: Vec<(f64, f64)> = els
            .iter()
            .filter(|e| e.is("rect", "fill", opts.theme.secondary) && e.num("height") > 0.0)
            .map(|e| (e.num("y"), e.num("height")))
            .collect();
        bars.sort_by(|a, b| a.0.total_cmp(&b.0));
        // (The legend's swatch is the first.)
        let bars = &bars[bars.len() - n..];
        for (i, &(y, h)) in bars.iter().enumerate() {
            for at in [y, y + h / 2.0, y + h - 0.5] {
                assert_eq!(layout.row_at(n, at), Some(i), "{size:?}: bar {i} at {at}");
            }
            let centre = layout.row_centre(n, i);
            assert!(
                (y..=y + h).contains(&centre),
                "{size:?}: the tooltip's row centre {centre} is off bar {i} ({y}, {h})"
            );
        }
        // Above the first row is the label of the line at the gap as entered, and the legend.
        let entered = els
            .iter()
            .find(|e| e.tag == "text" && e.text.starts_with("as entered"))
            .expect("the label of the gap as entered")
            .num("y");
        assert_eq!(layout.row_at(n, entered), None, "{size:?}");
        assert_eq!(layout.row_at(n, f64::from(layout.plot_top) - 1.0), None);
        assert_eq!(layout.row_at(n, f64::from(layout.plot_bottom)), None);
        assert_eq!(layout.row_at(0, f64::from(layout.plot_top)), None);
    }
}

#[test]
fn tornado_on_a_phone_keeps_every_label_and_input_value() {
    let t = tornado(&presets::openai_november_2025());
    let opts = ChartOptions::default();
    // The page's height for the bars, at a phone's width (390 px less the panel's padding).
    let size = (330, 80 + 34 * t.bars.len() as u32);
    let els = parse(&tornado_svg(&t, &opts, size));
    let all = texts(&els);
    assert!(all.iter().all(|t| !t.ends_with('…')), "cut: {all:?}");
    for bar in &t.bars {
        // The label whole, on one line or two.
        let words = bar.short_label();
        let joined = all.join(" ");
        assert!(joined.contains(&words), "{words} missing: {all:?}");
        for value in [bar.low_text(), bar.high_text()] {
            assert!(
                all.iter().any(|t| t.starts_with(&value)),
                "{}: the input value {value} is missing: {all:?}",
                bar.label
            );
        }
    }
}

#[test]
fn tornado_handles_nothing_to_vary_and_gaps_that_are_all_zero() {
    let opts = ChartOptions::default();
    let none = Tornado {
        funding_gap: 0.0,
        break_even_year: None,
        bars: Vec::new(),
    };
    let svg = tornado_svg(&none, &opts, SIZE);
    let els = parse(&svg);
    assert!(has_text(&els, "nothing to vary"));
    assert!(tornado_parts(&els, &opts).is_empty());
    assert!(!has_text(&els, "low input"), "no legend without bars");

    let mut zero = tornado(&presets::openai_november_2025());
    zero.funding_gap = 0.0;
    for bar in &mut zero.bars {
        bar.low.funding_gap = 0.0;
        bar.high.funding_gap = 0.0;
    }
    for size in [SIZE, (360, 300), (40, 30), (0, 0)] {
        let svg = tornado_svg(&zero, &opts, size);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{size:?}");
    }
    let els = parse(&tornado_svg(&zero, &opts, SIZE));
    let parts = tornado_parts(&els, &opts);
    assert_eq!(parts.len(), 2 * zero.bars.len());
    for p in &parts {
        assert!(
            p.2 > p.1 && p.2 - p.1 <= 3,
            "an end with no effect is a sliver: {p:?}"
        );
    }
    assert!(has_text(&els, "as entered: $0"));
}

#[test]
fn tornados_of_degenerate_scenarios_draw_without_nan() {
    let opts = ChartOptions::default();
    for (name, scenario) in [
        ("collapsed", collapsed(&presets::openai_november_2025())),
        ("one year", collapsed(&one_year())),
        ("no deals", collapsed(&no_counted_deals())),
        ("blank", presets::blank()),
    ] {
        let t = tornado(&scenario);
        for size in [SIZE, (360, 300)] {
            let svg = tornado_svg(&t, &opts, size);
            assert!(
                !svg.contains("NaN") && !svg.contains("inf"),
                "{name} {size:?}"
            );
            let els = parse(&svg);
            let parts = tornado_parts(&els, &opts);
            assert_eq!(parts.len(), 2 * t.bars.len(), "{name} {size:?}");
            if t.bars.is_empty() {
                assert!(has_text(&els, "nothing to vary"), "{name}");
            }
        }
    }
}

/// The three scenarios of the comparison tests: different horizons, the second a single year.
fn three() -> Vec<(String, Scenario)> {
    vec![
        ("OpenAI as entered".into(), presets::openai_november_2025()),
        ("Just 2025".into(), one_year()),
        (
            "Blank to 2040".into(),
            edited(&presets::blank(), |d| d.end_year = 2040),
        ),
    ]
}

#[test]
fn comparison_overlays_each_scenario_over_the_union_of_years() {
    let opts = ChartOptions::default();
    let t = opts.theme;
    let series = three();
    let (svg, l) = comparison(&series, ComparisonMetric::Cash, &opts, SIZE);
    let els = parse(&svg);
    assert_eq!(
        (l.first_year, l.last_year),
        (2025, 2040),
        "the union of the years"
    );
    assert!(has_text(&els, "2040") && has_text(&els, "2026"));
    for (name, _) in &series {
        assert!(
            texts(&els).contains(&name.as_str()),
            "{name} not in the legend"
        );
    }
    let zero = l.y_of(0.0).round() as i32;
    assert!(els.iter().any(|e| e.is("polyline", "stroke", t.reference)
        && e.points() == [(l.plot_left, zero), (l.plot_right, zero)]));

    // The first: one solid line through its own years.
    let openai = project(&series[0].1);
    let lines: Vec<&El> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.primary) && in_plot(e, &l))
        .collect();
    assert_eq!(lines.len(), 1, "one line for the first scenario");
    let line = lines[0].points();
    assert_eq!(line.len(), openai.rows.len());
    for (point, row) in line.iter().zip(&openai.rows) {
        assert!(near(f64::from(point.0), l.x_of(row.year), 1.0));
        assert!(near(f64::from(point.1), l.y_of(row.cash), 1.0), "{point:?}");
    }
    // The second, a single year: a mark, no line.
    assert!(!els
        .iter()
        .any(|e| e.is("polyline", "stroke", t.secondary) && in_plot(e, &l)));
    let marks = els
        .iter()
        .filter(|e| e.is("rect", "fill", t.secondary) && in_plot(e, &l))
        .count();
    assert_eq!(marks, 1, "a square for the one year");
    // The third: dots along its line from 2026 to 2040, in its own colour.
    let blank = project(&series[2].1);
    let values: Vec<(i32, f64)> = blank.rows.iter().map(|r| (r.year, r.cash)).collect();
    // (Closed paths are the outlines of its diamonds.)
    let dots: Vec<(i32, i32)> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.series[2]) && in_plot(e, &l))
        .map(El::points)
        .filter(|p| p.first() != p.last())
        .flatten()
        .collect();
    assert!(dots.len() > 2 * values.len(), "a dotted line");
    for &point in &dots {
        assert!(on_line(&l, &values, point, 2.0), "{point:?} off the line");
    }
    let xs = dots.iter().map(|p| f64::from(p.0));
    let (first, last) = (
        xs.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
    );
    assert!(
        near(first, l.x_of(2026), 1.0) && near(last, l.x_of(2040), 6.0),
        "{first} to {last}"
    );
}

#[test]
fn comparison_shows_four_at_most_and_elides_long_names() {
    let opts = ChartOptions::default();
    let long = "A scenario with a name far too long to fit in any legend of any chart at all";
    let mut series = three();
    series.push((long.into(), presets::anthropic_november_2025()));
    series.push(("The fifth".into(), presets::blank()));
    let (svg, _) = comparison(&series, ComparisonMetric::Cash, &opts, SIZE);
    let els = parse(&svg);
    assert!(!has_text(&els, "The fifth"), "a fifth scenario is left out");
    assert!(!has_text(&els, long));
    assert!(
        texts(&els)
            .iter()
            .any(|t| t.starts_with("A scenario with") && t.ends_with('…')),
        "{:?}",
        texts(&els)
    );
    // Four distinct colours, each with its own dash pattern and mark in the legend.
    let colours = [
        opts.theme.primary,
        opts.theme.secondary,
        opts.theme.series[2],
        opts.theme.series[6],
    ];
    for (i, c) in colours.iter().enumerate() {
        assert!(!colours[i + 1..].contains(c), "colour {i} repeated");
        assert!(
            els.iter().any(|e| e.is("polyline", "stroke", *c)),
            "colour {i} unused"
        );
    }

    let (svg, _) = comparison(&[], ComparisonMetric::Coverage, &opts, SIZE);
    assert!(has_text(&parse(&svg), "no scenarios to compare"));
    assert!(!svg.contains("NaN"));
}

#[test]
fn comparison_of_coverage_has_the_covered_line_gaps_and_the_cap() {
    let opts = ChartOptions::default();
    let t = opts.theme;
    let (svg, l) = comparison(&three(), ComparisonMetric::Coverage, &opts, SIZE);
    let els = parse(&svg);
    let one = l.y_of(1.0).round() as i32;
    assert!(els.iter().any(|e| e.is("polyline", "stroke", t.reference)
        && e.points() == [(l.plot_left, one), (l.plot_right, one)]));
    assert!(has_text(&els, "covered"));
    assert!(l.y_max <= COVERAGE_CAP && l.y_max >= 2.0);
    // OpenAI has payments 2025-2032 only: the line stops there.
    let openai = project(&presets::openai_november_2025());
    let with_payments = openai.rows.iter().filter(|r| r.coverage.is_some()).count();
    let lines: Vec<usize> = els
        .iter()
        .filter(|e| e.is("polyline", "stroke", t.primary) && in_plot(e, &l))
        .map(|e| e.points().len())
        .collect();
    assert_eq!(lines.iter().sum::<usize>(), with_payments, "{lines:?}");

    let tiny = edited(&presets::blank(), |d| {
        d.deals[0].value = coverage_model::scenario::DealValue::total(0.001)
    });
    let (svg, l) = comparison(
        &[("tiny".into(), tiny)],
        ComparisonMetric::Coverage,
        &opts,
        SIZE,
    );
    assert_eq!(l.y_max, COVERAGE_CAP);
    assert!(has_text(&parse(&svg), "capped at 10×"));
}

#[test]
fn uncertainty_charts_scale_with_the_pixel_ratio() {
    let scenario = quick(&presets::openai_november_2025());
    for kind in KINDS {
        let one = ChartOptions::default();
        let two = ChartOptions {
            scale: 2.0,
            ..ChartOptions::default()
        };
        let (e1, e2) = (
            parse(&any(kind, &scenario, &one, (800, 450))),
            parse(&any(kind, &scenario, &two, (1600, 900))),
        );
        assert_eq!(e1.len(), e2.len(), "{kind:?}: same elements at both scales");
        for (a, b) in e1.iter().zip(&e2) {
            assert_eq!(a.tag, b.tag, "{kind:?}");
            assert_eq!(a.text, b.text, "{kind:?}");
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
                    assert!(near(2.0 * x, y, 3.0), "{kind:?} {key}: {x} vs {y} in {a:?}");
                }
            }
            // Points of bands, lines and marks (not of dashes, whose ends drift as the
            // rounding of each segment's length adds up along the pattern).
            let dash = a.tag == "polyline" && a.points().len() <= 3;
            for (p, q) in a.points().iter().zip(b.points()).filter(|_| !dash) {
                let close = (2 * p.0 - q.0).abs() <= 3 && (2 * p.1 - q.1).abs() <= 3;
                assert!(close, "{kind:?}: {p:?} vs {q:?} in {a:?}");
            }
        }
    }
}

#[test]
fn uncertainty_charts_use_only_theme_colours_and_never_print_nan() {
    let scenarios = [
        ("openai", quick(&presets::openai_november_2025())),
        ("collapsed", collapsed(&presets::openai_november_2025())),
        ("one year", collapsed(&one_year())),
        ("no deals", collapsed(&no_counted_deals())),
        (
            "one year, no deals",
            collapsed(&edited(&no_counted_deals(), |d| d.end_year = d.start_year)),
        ),
    ];
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
        for (name, scenario) in &scenarios {
            for kind in KINDS {
                for size in [SIZE, (360, 300), (40, 30), (0, 0)] {
                    let svg = any(kind, scenario, &opts, size);
                    let case = format!("{name} {kind:?} {size:?}");
                    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{case}");
                    for e in parse(&svg).iter().filter(|e| e.tag != "svg") {
                        for key in ["fill", "stroke"] {
                            if let Some(c) = e.attr(key) {
                                assert!(allowed.iter().any(|a| a == c), "{case}: {key} {c}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn fans_and_comparisons_draw_the_crosshair() {
    let scenario = quick(&presets::openai_november_2025());
    let opts = ChartOptions {
        highlight_year: Some(2030),
        ..ChartOptions::default()
    };
    let series = three();
    let cases: Vec<(Kind, (String, ChartLayout))> = vec![
        (Kind::CashFan, fan(Kind::CashFan, &scenario, &opts, SIZE)),
        (
            Kind::CoverageFan,
            fan(Kind::CoverageFan, &scenario, &opts, SIZE),
        ),
        (
            Kind::CashComparison,
            comparison(&series, ComparisonMetric::Cash, &opts, SIZE),
        ),
    ];
    for (kind, (svg, l)) in cases {
        let x = l.x_of(2030).round() as i32;
        let vertical = [(x, l.plot_top), (x, l.plot_bottom)];
        assert!(
            parse(&svg)
                .iter()
                .any(|e| e.is("polyline", "stroke", opts.theme.muted) && e.points() == vertical),
            "{kind:?}: no crosshair at {x}"
        );
    }
}

/// Writes every uncertainty chart of a few scenarios to `$TMPDIR/compute-coverage-charts/` to
/// look at: `cargo test --lib render_uncertainty_samples -- --ignored`.
#[test]
#[ignore = "writes files; run by hand to look at the charts"]
fn render_uncertainty_samples() {
    let dir = std::env::temp_dir().join("compute-coverage-charts");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases = [
        ("openai", presets::openai_november_2025()),
        ("anthropic", presets::anthropic_november_2025()),
        ("collapsed", collapsed(&presets::openai_november_2025())),
        ("oneyear", quick(&one_year())),
        ("none", quick(&no_counted_deals())),
    ];
    for (name, scenario) in cases {
        for (theme_name, theme) in [("light", Theme::light()), ("dark", Theme::dark())] {
            for kind in KINDS {
                for (size_name, size) in [("wide", (800, 400)), ("phone", (360, 300))] {
                    let opts = ChartOptions {
                        theme,
                        highlight_year: Some(2028),
                        title: Some(format!("{kind:?}")),
                        footer: Some(format!("{}: Compute Coverage", scenario.name)),
                        ..ChartOptions::default()
                    };
                    let svg = any(kind, &scenario, &opts, size);
                    let file = dir.join(format!("u-{name}-{kind:?}-{theme_name}-{size_name}.svg"));
                    std::fs::write(file, svg).expect("write svg");
                }
            }
        }
    }
}
