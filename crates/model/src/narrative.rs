//! Words for the results: the headline figures with their one-line explanations, and the
//! summary sentence read aloud to everyone (a polite live region on the page). Pure text from
//! the projection, so the page and its tests agree on every figure.

use crate::engine::{
    Counterparty, Projection, RequiredGrowth, GROWTH_SEARCH_MAX, GROWTH_SEARCH_MIN,
    GROWTH_TOLERANCE,
};
use crate::format;
use crate::scenario::{Metric, Scenario, Shortfall};

/// One headline figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Stable id (used for element ids and tests).
    pub id: &'static str,
    pub label: String,
    pub value: String,
    pub explanation: String,
    /// What the figure means for the company: its card's colour says this and nothing else.
    pub tone: Tone,
}

/// What a figure means for the company. A figure that is only a size (the commitments, a
/// year's payment, the cash burned) is neutral: green is kept for news that is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Good news: covered, never short.
    Good,
    /// A size or a caution, neither good nor bad in itself.
    Neutral,
    /// Bad news: short of cash, not covered, payments unpaid, growth beyond belief.
    Alarm,
}

impl Tone {
    /// The card's class: `good`, `alarm`, or none for neutral.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Tone::Good => Some("good"),
            Tone::Neutral => None,
            Tone::Alarm => Some("alarm"),
        }
    }

    fn of(good: bool, alarm: bool) -> Tone {
        match (good, alarm) {
            (_, true) => Tone::Alarm,
            (true, false) => Tone::Good,
            (false, false) => Tone::Neutral,
        }
    }
}

/// Needed growth above this (revenue more than doubling every year) is flagged as bad news.
pub const ALARMING_GROWTH: f64 = 1.0;

/// The company the scenario is about: its name up to the first comma ("OpenAI, November 2025").
pub fn company(scenario: &Scenario) -> String {
    let head = scenario.name.split(',').next().unwrap_or("").trim();
    if head.is_empty() || head.eq_ignore_ascii_case("blank scenario") {
        "the company".into()
    } else {
        head.to_string()
    }
}

/// The headline figures; `coverage_year` picks the year of the coverage figure (clamped into
/// the horizon).
pub fn headline_figures(scenario: &Scenario, p: &Projection, coverage_year: i32) -> Vec<Figure> {
    let s = &p.summary;
    let end = scenario.end_year;
    let counted = p.deals.len();
    let mut figures = Vec::new();
    let financing = scenario.financing.as_ref();
    let credit = financing.and_then(|f| f.credit);

    let beyond = if s.payments_after_horizon > 0.0 {
        format!(
            ", of which {} falls due after {end}",
            format::money(s.payments_after_horizon)
        )
    } else {
        String::new()
    };
    figures.push(Figure {
        id: "total-commitments",
        label: "Commitments counted".into(),
        value: format::money(s.total_commitments),
        explanation: format!(
            "Full value of the {counted} deal{} counted (of {}){beyond}.",
            plural(counted),
            scenario.deals.len()
        ),
        tone: Tone::Neutral,
    });
    figures.push(Figure {
        id: "peak-payment",
        label: "Peak annual payment".into(),
        value: s.peak_payment.map_or_else(
            || "none due".into(),
            |pk| format!("{} in {}", format::money(pk.value), pk.year),
        ),
        explanation: "The largest year of payments on the counted deals.".into(),
        tone: Tone::Neutral,
    });
    figures.push(Figure {
        id: "break-even",
        label: "Revenue covers payments from".into(),
        value: format::year_or_never(s.break_even_year),
        explanation: format!(
            "First year from which revenue, after other costs, pays the commitments every year to {end}."
        ),
        tone: Tone::of(true, s.break_even_year.is_none()),
    });
    figures.push(Figure {
        id: "funding-gap",
        label: "Funding gap".into(),
        value: if s.funding_gap > 0.0 {
            format::money(s.funding_gap)
        } else {
            "none".into()
        },
        explanation: match (s.funding_gap > 0.0, credit.is_some()) {
            (true, false) => format!(
                "Money needed beyond opening cash and raises, at the lowest point ({}).",
                s.lowest_cash.year
            ),
            (true, true) => format!(
                "Money still missing after the credit line, at the lowest point ({}).",
                s.lowest_cash.year
            ),
            (false, false) if s.total_unpaid > 0.0 => {
                "Cash stays at zero or above because payments go unpaid instead.".into()
            }
            (false, false) => {
                "Cash never goes below zero: opening cash and raises carry the gap years.".into()
            }
            (false, true) => {
                "Cash never goes below zero: cash, raises and the credit line carry the gap years."
                    .into()
            }
        },
        // No gap only because payments go unpaid is no good news.
        tone: Tone::of(s.total_unpaid == 0.0, s.funding_gap > 0.0),
    });
    figures.push(Figure {
        id: "cash-runs-out",
        label: "Cash runs out".into(),
        value: format::year_or_never(s.cash_runs_out),
        explanation: "First year cash ends below zero, counting the raises entered.".into(),
        tone: Tone::of(s.total_unpaid == 0.0, s.cash_runs_out.is_some()),
    });
    if let Some(c) = credit {
        figures.push(Figure {
            id: "peak-debt",
            label: "Peak debt".into(),
            value: s.peak_debt.map_or_else(
                || "none".into(),
                |pk| format!("{} in {}", format::money(pk.value), pk.year),
            ),
            explanation: if s.peak_debt.is_some() {
                format!(
                    "Borrowed on the {} credit line at {} a year; {} of interest paid by {end}.",
                    format::money(c.limit),
                    format::percent(c.rate),
                    format::money(s.total_interest)
                )
            } else {
                format!(
                    "Nothing is borrowed on the {} credit line.",
                    format::money(c.limit)
                )
            },
            tone: Tone::of(
                s.peak_debt.is_none(),
                s.peak_debt.is_some_and(|pk| pk.value >= c.limit),
            ),
        });
    }
    if financing.is_some_and(|f| f.shortfall == Shortfall::Unpaid) {
        figures.push(Figure {
            id: "unpaid",
            label: "Payments unpaid".into(),
            value: if s.total_unpaid > 0.0 {
                format::money(s.total_unpaid)
            } else {
                "none".into()
            },
            explanation: match (s.first_unpaid_year, largest_unpaid(p)) {
                (Some(year), Some(top)) => format!(
                    "Payments due but not made when cash runs short, from {year}; the most to {} ({}).",
                    top.name,
                    format::money(top.unpaid)
                ),
                _ => "Every payment due is made.".into(),
            },
            tone: Tone::of(true, s.total_unpaid > 0.0),
        });
    }
    figures.push(growth_figure(scenario, &s.required_growth));
    figures.push(present_value_figure(scenario, p));
    let year = coverage_year.clamp(scenario.start_year, end);
    let coverage = p.row(year).and_then(|r| r.coverage);
    figures.push(Figure {
        id: "coverage",
        label: format!("Coverage in {year}"),
        value: match coverage {
            Some(c) => format::ratio(Some(c)),
            None => "nothing due".into(),
        },
        explanation: format!("Cash available for commitments divided by the payments due in {year}; 1.00× is exactly covered."),
        tone: match coverage {
            Some(c) => Tone::of(true, c < 1.0),
            None => Tone::Neutral,
        },
    });
    for m in scenario
        .markers
        .iter()
        .filter(|m| m.metric == Metric::CumulativeBurn)
    {
        if m.year < scenario.start_year || m.year > end {
            continue;
        }
        figures.push(Figure {
            id: "burn-vs-reported",
            label: format!("Cumulative burn to {}", m.year),
            value: format::money(p.cumulative_burn_through(m.year)),
            explanation: format!(
                "The model's net cash burned from {} through {}. Compare the {}.",
                scenario.start_year, m.year, m.label
            ),
            tone: Tone::Neutral,
        });
        break;
    }
    figures
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The result in one sentence.
///
/// # Examples
/// ```
/// use coverage_model::{engine, narrative, presets};
/// let s = presets::openai_november_2025();
/// let sentence = narrative::summary_sentence(&s, &engine::project(&s));
/// assert!(sentence.starts_with("At these assumptions revenue covers the commitments from 2030"));
/// ```
pub fn summary_sentence(scenario: &Scenario, p: &Projection) -> String {
    let s = &p.summary;
    let who = company(scenario);
    if p.deals.is_empty() {
        return format!(
            "No commitments are counted: include a deal to see whether {who}'s revenue covers it."
        );
    }
    // How the years before revenue covers the payments are carried: borrowing, payments left
    // unpaid, money still missing — or, when none of these, cash and raises.
    let mut fills = Vec::new();
    if let Some(pk) = s.peak_debt {
        fills.push(if s.total_interest > 0.0 {
            format!(
                "borrows up to {}, paying {} of interest by {}",
                format::money(pk.value),
                format::money(s.total_interest),
                scenario.end_year
            )
        } else {
            format!("borrows up to {}", format::money(pk.value))
        });
    }
    if let Some(top) = largest_unpaid(p) {
        let share = if p.counterparties.iter().filter(|c| c.unpaid > 0.0).count() == 1 {
            format!("all of it to {}", top.name)
        } else {
            format!("{} of it to {}", format::money(top.unpaid), top.name)
        };
        fills.push(format!(
            "leaves {} of payments unpaid, {share}",
            format::money(s.total_unpaid)
        ));
    }
    if s.funding_gap > 0.0 {
        fills.push(format!(
            "{}needs about {} more than it has",
            if fills.is_empty() { "" } else { "still " },
            format::money(s.funding_gap)
        ));
    }
    let how = join_clauses(&fills);
    match (s.break_even_year, how.is_empty()) {
        (Some(year), false) => format!(
            "At these assumptions revenue covers the commitments from {year}; before then {who} {how}."
        ),
        (Some(year), true) => format!(
            "At these assumptions revenue covers the commitments from {year}, and {who}'s cash and raises carry it through the years before."
        ),
        (None, false) => format!(
            "At these assumptions revenue does not cover the commitments by {}; {who} {how}.",
            scenario.end_year
        ),
        (None, true) => format!(
            "At these assumptions payments still exceed revenue in {}, but {who}'s cash and raises cover them through the horizon.",
            scenario.end_year
        ),
    }
}

/// Clauses joined as in a sentence: "a", "a and b", "a, b and c".
fn join_clauses(clauses: &[String]) -> String {
    match clauses {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The counterparty left the most unpaid; `None` when every payment is made.
fn largest_unpaid(p: &Projection) -> Option<&Counterparty> {
    p.counterparties.iter().filter(|c| c.unpaid > 0.0).fold(
        None,
        |best: Option<&Counterparty>, c| match best {
            Some(b) if b.unpaid >= c.unpaid => Some(b),
            _ => Some(c),
        },
    )
}

/// The growth needed, in words a reader can quote: the revenue that must be reached by the
/// year that decides it (and the yearly multiple that gets there), or how far revenue could
/// fall with cash still never running out.
fn growth_figure(scenario: &Scenario, g: &RequiredGrowth) -> Figure {
    let start = scenario.start_year;
    let base = scenario.revenue.base;
    let counting = match scenario.financing.as_ref() {
        Some(f) if f.shortfall == Shortfall::Unpaid => " and every payment is made",
        Some(f) if f.credit.is_some() => ", counting the credit line",
        _ => "",
    };
    let from = format!("{start}'s {}", format::money(base));
    let (label, value, explanation, tone) = match *g {
        RequiredGrowth::Reachable(rate) if rate > 0.0 => {
            // The year that decides it: where cash would first run short just below the rate.
            let year = crate::engine::first_short_year(scenario, rate - GROWTH_TOLERANCE)
                .unwrap_or(scenario.end_year);
            let reach = base * (1.0 + rate).powi(year - start);
            (
                "Revenue needed",
                format!("{} by {year}", format::money(reach)),
                format!(
                    "Revenue must grow {} a year from {from} for cash never to go below zero{counting}.",
                    yearly_growth(rate)
                ),
                Tone::of(false, rate > ALARMING_GROWTH),
            )
        }
        RequiredGrowth::Reachable(rate) => (
            "Growth needed",
            if rate < 0.0 {
                format!("none: could shrink {} a year", format::percent(-rate))
            } else {
                "none: flat revenue is enough".into()
            },
            format!(
                "Revenue could fall {} a year from {from} and cash would still never go below zero{counting}.",
                format::percent(-rate)
            ),
            Tone::Good,
        ),
        RequiredGrowth::AnyGrowth => (
            "Growth needed",
            "none at all".into(),
            format!(
                "Cash never goes below zero{counting} even if revenue falls {} a year from {from}.",
                format::percent(-GROWTH_SEARCH_MIN)
            ),
            Tone::Good,
        ),
        RequiredGrowth::NotReachable => (
            "Growth needed",
            "not reachable by growth alone".into(),
            format!(
                "Even {} a year from {start} is not enough: the shortfall comes before growth can help.",
                format::percent(GROWTH_SEARCH_MAX)
            ),
            Tone::Alarm,
        ),
    };
    Figure {
        id: "growth-needed",
        label: label.into(),
        value,
        explanation,
        tone,
    }
}

/// A yearly growth rate as people say it: `41.2%`, or from doubling up as a multiple with the
/// percentage beside it, `8.1× (+711%)`.
fn yearly_growth(rate: f64) -> String {
    if rate >= 1.0 {
        format!(
            "{}× (+{})",
            format::trimmed(1.0 + rate, 1),
            format::percent(rate)
        )
    } else {
        format::percent(rate)
    }
}

/// The payments and the cash available for them over the horizon, discounted to the first
/// year at the scenario's discount rate: what the discount rate changes.
fn present_value_figure(scenario: &Scenario, p: &Projection) -> Figure {
    let s = &p.summary;
    let rate = format::percent(scenario.discount_rate);
    let cover = if s.pv_commitments > 0.0 {
        format!(
            " ({})",
            format::ratio(Some(s.pv_available / s.pv_commitments))
        )
    } else {
        String::new()
    };
    Figure {
        id: "present-value",
        label: format!("Present value at {rate}"),
        value: format!("{} of payments", format::money(s.pv_commitments)),
        explanation: format!(
            "Payments {}–{} discounted at {rate} a year to {}; the cash available for them is worth {}{cover}.",
            scenario.start_year,
            scenario.end_year,
            scenario.start_year,
            format::money(s.pv_available)
        ),
        tone: if s.pv_commitments > 0.0 {
            Tone::of(true, s.pv_available < s.pv_commitments)
        } else {
            Tone::Neutral
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{engine, presets};

    #[test]
    fn yearly_growth_in_words() {
        let cases = [
            (0.4123, "41.2%"),
            (0.05, "5%"),
            (1.0, "2× (+100%)"),
            (7.1123, "8.1× (+711%)"),
        ];
        for (rate, expected) in cases {
            assert_eq!(yearly_growth(rate), expected, "input {rate}");
        }
    }

    fn figure(f: &[Figure], id: &str) -> Figure {
        f.iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("no figure {id}"))
            .clone()
    }

    #[test]
    fn growth_needed_says_the_revenue_to_reach_and_when() {
        let s = presets::openai_november_2025();
        let p = engine::project(&s);
        let RequiredGrowth::Reachable(g) = p.summary.required_growth else {
            panic!("the preset needs growth: {:?}", p.summary.required_growth)
        };
        assert!(g > 0.0);
        let year = engine::first_short_year(&s, g - GROWTH_TOLERANCE).unwrap();
        assert_eq!(engine::first_short_year(&s, g), None);
        let reach = s.revenue.base * (1.0 + g).powi(year - s.start_year);
        let f = figure(&figures_of(&s), "growth-needed");
        assert_eq!(f.label, "Revenue needed");
        assert_eq!(f.value, format!("{} by {year}", format::money(reach)));
        assert!(
            f.explanation.starts_with(&format!(
                "Revenue must grow {} a year from 2025's",
                yearly_growth(g)
            )),
            "{}",
            f.explanation
        );
        assert_eq!(f.tone, Tone::of(false, g > ALARMING_GROWTH));
    }

    #[test]
    fn growth_not_needed_says_how_far_revenue_could_fall() {
        let s = presets::blank();
        let p = engine::project(&s);
        let RequiredGrowth::Reachable(g) = p.summary.required_growth else {
            panic!("blank: {:?}", p.summary.required_growth)
        };
        assert!(g < 0.0, "{g}");
        let f = figure(&figures_of(&s), "growth-needed");
        let fall = format::percent(-g);
        assert_eq!(f.value, format!("none: could shrink {fall} a year"));
        assert!(
            f.explanation.starts_with(&format!(
                "Revenue could fall {fall} a year from {}'s",
                s.start_year
            )),
            "{}",
            f.explanation
        );
        assert_eq!(f.tone, Tone::Good);
    }

    #[test]
    fn sizes_and_bad_news_are_never_green() {
        for s in [
            presets::openai_november_2025(),
            presets::blank(),
            financed(None, Shortfall::Unpaid).0,
        ] {
            let p = engine::project(&s);
            let f = figures_of(&s);
            for id in ["total-commitments", "peak-payment", "burn-vs-reported"] {
                if let Some(x) = f.iter().find(|x| x.id == id) {
                    assert_eq!(x.tone, Tone::Neutral, "{}: {id}", s.name);
                }
            }
            if p.summary.funding_gap > 0.0 || p.summary.total_unpaid > 0.0 {
                assert_ne!(figure(&f, "funding-gap").tone, Tone::Good, "{}", s.name);
                assert_ne!(figure(&f, "cash-runs-out").tone, Tone::Good, "{}", s.name);
            }
            if let RequiredGrowth::Reachable(g) = p.summary.required_growth {
                if g > ALARMING_GROWTH {
                    assert_eq!(figure(&f, "growth-needed").tone, Tone::Alarm, "{}", s.name);
                }
            }
        }
    }

    #[test]
    fn present_values_follow_the_discount_rate() {
        let s = presets::openai_november_2025();
        let f = figure(&figures_of(&s), "present-value");
        let p = engine::project(&s);
        assert_eq!(
            f.label,
            format!("Present value at {}", format::percent(s.discount_rate))
        );
        assert_eq!(
            f.value,
            format!("{} of payments", format::money(p.summary.pv_commitments))
        );
        assert!(f
            .explanation
            .contains(&format::money(p.summary.pv_available)));
        let mut d = s.draft().clone();
        d.discount_rate = 0.0;
        let undiscounted = Scenario::new(d).unwrap();
        let g = figure(&figures_of(&undiscounted), "present-value");
        assert_eq!(g.label, "Present value at 0%");
        assert_ne!(g.value, f.value, "the discount rate changes the figure");
    }

    fn figures_of(s: &Scenario) -> Vec<Figure> {
        headline_figures(s, &engine::project(s), s.start_year + 5)
    }

    #[test]
    fn default_headlines_say_what_the_engine_says() {
        let s = presets::openai_november_2025();
        let p = engine::project(&s);
        let f = figures_of(&s);
        let by_id = |id: &str| f.iter().find(|x| x.id == id).unwrap().value.clone();
        assert_eq!(
            by_id("total-commitments"),
            format::money(p.summary.total_commitments)
        );
        assert_eq!(
            by_id("break-even"),
            p.summary.break_even_year.unwrap().to_string()
        );
        assert_eq!(by_id("funding-gap"), format::money(p.summary.funding_gap));
        assert_eq!(
            by_id("coverage"),
            format::ratio(p.row(2030).unwrap().coverage)
        );
        assert!(f
            .iter()
            .any(|x| x.id == "burn-vs-reported" && x.explanation.contains("$115B")));
    }

    #[test]
    fn never_is_said_in_words() {
        let mut d = presets::blank().draft().clone();
        d.revenue.growth = crate::scenario::Growth::Constant { rate: -0.5 };
        d.deals[0].value = crate::scenario::DealValue::total(500.0);
        d.deals[0].years = 10;
        let s = Scenario::new(d).unwrap();
        let f = figures_of(&s);
        let be = f.iter().find(|x| x.id == "break-even").unwrap();
        assert_eq!(be.value, "never within the horizon");
        assert_eq!(be.tone, Tone::Alarm);
        let sentence = summary_sentence(&s, &engine::project(&s));
        assert!(
            sentence.contains("does not cover the commitments by 2035"),
            "{sentence}"
        );
    }

    /// The OpenAI preset with a financing section.
    fn financed(
        credit: Option<(f64, f64)>,
        shortfall: crate::scenario::Shortfall,
    ) -> (Scenario, Projection) {
        let mut d = presets::openai_november_2025().draft().clone();
        d.financing = Some(crate::scenario::Financing {
            min_cash: 0.0,
            credit: credit.map(|(limit, rate)| crate::scenario::Credit { limit, rate }),
            shortfall,
            note: None,
        });
        let s = Scenario::new(d).unwrap();
        let p = engine::project(&s);
        (s, p)
    }

    #[test]
    fn borrowing_is_said_in_the_figures_and_the_sentence() {
        let (s, p) = financed(Some((2000.0, 0.08)), Shortfall::NegativeCash);
        let pk = p
            .summary
            .peak_debt
            .expect("the preset borrows on a large line");
        let f = figures_of(&s);
        let debt = f.iter().find(|x| x.id == "peak-debt").unwrap();
        assert_eq!(
            debt.value,
            format!("{} in {}", format::money(pk.value), pk.year)
        );
        assert!(
            debt.explanation.contains("$2T credit line at 8% a year"),
            "{}",
            debt.explanation
        );
        assert!(debt
            .explanation
            .contains(&format::money(p.summary.total_interest)));
        assert!(f.iter().all(|x| x.id != "unpaid"));
        let sentence = summary_sentence(&s, &p);
        let expected = format!(
            "borrows up to {}, paying {} of interest by {}",
            format::money(pk.value),
            format::money(p.summary.total_interest),
            s.end_year
        );
        assert!(sentence.contains(&expected), "{sentence}");
        if p.summary.funding_gap > 0.0 {
            assert!(sentence.contains(" and still needs about"), "{sentence}");
        }
    }

    #[test]
    fn unpaid_payments_are_said_with_who_is_left_unpaid() {
        let (s, p) = financed(None, Shortfall::Unpaid);
        assert!(p.summary.total_unpaid > 0.0);
        let top = largest_unpaid(&p).unwrap();
        let f = figures_of(&s);
        let unpaid = f.iter().find(|x| x.id == "unpaid").unwrap();
        assert_eq!(unpaid.value, format::money(p.summary.total_unpaid));
        assert_eq!(unpaid.tone, Tone::Alarm);
        assert!(
            unpaid.explanation.contains(&top.name),
            "{}",
            unpaid.explanation
        );
        let sentence = summary_sentence(&s, &p);
        let expected = format!(
            "leaves {} of payments unpaid, {} of it to {}",
            format::money(p.summary.total_unpaid),
            format::money(top.unpaid),
            top.name
        );
        assert!(sentence.contains(&expected), "{sentence}");
        assert!(!sentence.contains("carry it through"), "{sentence}");
        // The funding gap's words say why cash never went below zero.
        let gap = f.iter().find(|x| x.id == "funding-gap").unwrap();
        assert!(
            gap.explanation.contains("payments go unpaid"),
            "{}",
            gap.explanation
        );
    }

    #[test]
    fn clauses_join_as_in_a_sentence() {
        let c = |v: &[&str]| join_clauses(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(c(&[]), "");
        assert_eq!(c(&["a"]), "a");
        assert_eq!(c(&["a", "b"]), "a and b");
        assert_eq!(c(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn sentences_cover_each_case() {
        let s = presets::blank();
        let sentence = summary_sentence(&s, &engine::project(&s));
        assert!(
            sentence.contains("from 2026") && sentence.contains("the company's cash"),
            "{sentence}"
        );
        let mut d = s.draft().clone();
        d.deals[0].include = false;
        let none = Scenario::new(d).unwrap();
        assert!(summary_sentence(&none, &engine::project(&none))
            .starts_with("No commitments are counted"));
    }
}
