//! The sensitivity tornado: which input decides the answer. Each key input is set to a low and
//! a high value, one at a time with everything else as in the scenario, and the funding gap
//! and break-even year are computed at both ends; the bars are sorted by how far the gap
//! swings. The low and high values are documented in `docs/MODEL.md` ("Uncertainty and
//! sensitivity"): growth and non-compute costs use the ends of the scenario's own uncertainty
//! ranges, the other inputs a common relative swing.

use crate::engine;
use crate::format;
use crate::scenario::{Draft, Scenario};
use crate::uncertainty::model::{Draw, Model, Outcome, MAX_COST_SHARE};

/// Relative swing of the inputs without a range of their own (base revenue, revenue share,
/// opening cash; large deals take theirs from the scenario's `deal_value_range`): low = value x (1 - swing), high = value x (1 + swing).
pub const RELATIVE_SWING: f64 = 0.5;
/// A counted deal gets its own bar when its value is at least this share of the total
/// counted commitments.
pub const LARGE_DEAL_SHARE: f64 = 0.1;

/// The input a bar varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Revenue in the first year (`revenue.base`).
    BaseRevenue,
    /// The multiplier of every year's growth rate, at the ends of its 90% interval.
    Growth,
    /// The shift of the non-compute cost share, at the ends of its 90% interval.
    NonComputeShare,
    /// The revenue share rate.
    RevenueShare,
    /// The value of one large counted deal (its index in the scenario).
    DealValue(usize),
    /// Every counted deal not yet under way in the first year one year later (low: as
    /// planned).
    DealDelay,
    /// Cash at the start of the first year.
    OpeningCash,
}

/// How a bar's input values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Billions of dollars.
    Money,
    /// A multiplier, such as 0.6x.
    Multiplier,
    /// Percentage points added to a share (a fraction: 0.05 is +5 points).
    SharePoints,
    /// A share or rate (a fraction).
    Share,
    /// Whole years of delay.
    Years,
}

impl Unit {
    /// An input value in words: `$6.5B`, `×0.6`, `+10 pts`, `30%`, `+1 year`.
    pub fn text(self, value: f64) -> String {
        match self {
            Unit::Money => format::money(value),
            Unit::Multiplier => format!("×{}", short(value)),
            Unit::SharePoints => {
                let sign = if value > 0.0 { "+" } else { "" };
                format!("{sign}{} pts", short(value * 100.0))
            }
            Unit::Share => format::percent(value),
            Unit::Years if value == 0.0 => "as planned".into(),
            Unit::Years if value == 1.0 => "+1 year".into(),
            Unit::Years => format!("+{} years", short(value)),
        }
    }
}

/// Up to two decimals, trailing zeros dropped.
fn short(x: f64) -> String {
    format::trimmed(x, 2)
}

/// The outcome at one end of a bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct End {
    /// The input's value at this end (in the bar's unit).
    pub value: f64,
    /// The funding gap, max(0, -lowest cash).
    pub funding_gap: f64,
    /// The break-even year; `None` when not within the horizon.
    pub break_even_year: Option<i32>,
}

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub input: Input,
    /// What the bar varies, in words.
    pub label: String,
    pub unit: Unit,
    /// The input at its low value.
    pub low: End,
    /// The input at its high value.
    pub high: End,
}

impl Bar {
    /// How far the funding gap moves between the two ends, |gap(high) - gap(low)|.
    pub fn swing(&self) -> f64 {
        (self.high.funding_gap - self.low.funding_gap).abs()
    }

    /// What the bar varies in a few words, for the chart's narrow label column (the unit of
    /// the end values says the rest; `label` has it in full, for the data table).
    pub fn short_label(&self) -> String {
        match self.input {
            Input::BaseRevenue => "Base revenue".into(),
            Input::Growth => "Revenue growth".into(),
            Input::NonComputeShare => "Other costs".into(),
            Input::RevenueShare => "Revenue share".into(),
            Input::DealValue(_) => {
                let name = self.label.trim_end_matches(" (deal value)");
                format!("{name} deal")
            }
            Input::DealDelay => "Deals a year late".into(),
            Input::OpeningCash => "Opening cash".into(),
        }
    }

    /// The low value in words.
    pub fn low_text(&self) -> String {
        self.unit.text(self.low.value)
    }

    /// The high value in words.
    pub fn high_text(&self) -> String {
        self.unit.text(self.high.value)
    }
}

/// The tornado: the scenario's own figures and the bars, largest swing first.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// The funding gap of the scenario as it stands.
    pub funding_gap: f64,
    /// The break-even year of the scenario as it stands.
    pub break_even_year: Option<i32>,
    /// One bar per input, sorted by swing, largest first (ties keep the order of [`Input`]).
    pub bars: Vec<Bar>,
}

/// Computes the tornado of a scenario. An input is left out when its low and high values are
/// the same (for example a revenue share of 0%, or a collapsed range), or when either end
/// would not be a valid scenario (for example a deal value over the maximum).
///
/// # Examples
/// ```
/// use coverage_model::{presets, sensitivity::{tornado, Input}};
/// let t = tornado(&presets::openai_november_2025());
/// assert!(t.bars.windows(2).all(|w| w[0].swing() >= w[1].swing()));
/// let base = t.bars.iter().find(|b| b.input == Input::BaseRevenue).unwrap();
/// assert!(base.high.funding_gap <= base.low.funding_gap); // more revenue, smaller gap
/// ```
pub fn tornado(scenario: &Scenario) -> Tornado {
    let model = Model::new(scenario);
    let mut outcome = Outcome::default();
    let identity = Draw::identity(model.deal_count());
    let mut evaluate = |draw: &Draw, value: f64| {
        model.evaluate(draw, &mut outcome);
        End {
            value,
            funding_gap: outcome.funding_gap,
            break_even_year: outcome.break_even_year,
        }
    };
    let base = evaluate(&identity, 0.0);
    let settings = scenario.uncertainty();
    let mut bars = Vec::new();

    // Base revenue.
    let b = scenario.revenue.base;
    bars.extend(scaled_bar(
        scenario,
        Input::BaseRevenue,
        "Base revenue".into(),
        Unit::Money,
        (b * (1.0 - RELATIVE_SWING), b * (1.0 + RELATIVE_SWING)),
        |d, v| d.revenue.base = v,
    ));

    // Growth: the ends of the multiplier's interval (capped as in the Monte Carlo).
    let (lo, hi) = settings.growth_multiplier;
    let (lo, hi) = (model.capped_multiplier(lo), model.capped_multiplier(hi));
    if lo != hi {
        let at = |m: f64| Draw {
            multiplier: m,
            ..identity.clone()
        };
        bars.push(Bar {
            input: Input::Growth,
            label: "Revenue growth (multiplier of every year's rate)".into(),
            unit: Unit::Multiplier,
            low: evaluate(&at(lo), lo),
            high: evaluate(&at(hi), hi),
        });
    }

    // Non-compute costs: the ends of the shift's interval (clamped per year as in the Monte
    // Carlo).
    let (lo, hi) = settings.opex_shift;
    if lo != hi {
        let at = |shift: f64| Draw {
            opex_shift: shift,
            ..identity.clone()
        };
        bars.push(Bar {
            input: Input::NonComputeShare,
            label: "Non-compute costs (shift of their share of revenue)".into(),
            unit: Unit::SharePoints,
            low: evaluate(&at(lo), lo),
            high: evaluate(&at(hi), hi),
        });
    }

    // Revenue share: the high end is held where shares stay valid in every year it applies.
    let rs = &scenario.costs.revenue_share;
    let room = scenario
        .years()
        .filter(|&y| y <= rs.until)
        .map(|y| MAX_COST_SHARE - engine::opex_share(&scenario.costs.opex_share, y))
        .fold(f64::INFINITY, f64::min);
    let high = (rs.rate * (1.0 + RELATIVE_SWING)).min(room).max(rs.rate);
    bars.extend(scaled_bar(
        scenario,
        Input::RevenueShare,
        "Revenue share rate".into(),
        Unit::Share,
        (rs.rate * (1.0 - RELATIVE_SWING), high),
        |d, v| d.costs.revenue_share.rate = v,
    ));

    // Each large deal's value.
    let counted: Vec<usize> = model.counted().collect();
    let total: f64 = counted
        .iter()
        .map(|&i| scenario.deals[i].value.amount())
        .sum();
    let (fall, rise) = settings.deal_value_range;
    for &i in &counted {
        let deal = &scenario.deals[i];
        let value = deal.value.amount();
        if value < LARGE_DEAL_SHARE * total {
            continue;
        }
        bars.extend(scaled_bar(
            scenario,
            Input::DealValue(i),
            format!("{} (deal value)", deal.name),
            Unit::Money,
            (value * (1.0 + fall), value * (1.0 + rise)),
            move |d, v| {
                let deal = &mut d.deals[i];
                let factor = v / value;
                match deal.value.total {
                    Some(t) => deal.value.total = Some(t * factor),
                    None => deal.value.per_gw = deal.value.per_gw.map(|c| c * factor),
                }
            },
        ));
    }

    // A one-year delay of every counted deal not yet under way.
    let delayed = model.delayed(1);
    if counted.iter().any(|&i| delayed.delay[i] > 0) {
        bars.push(Bar {
            input: Input::DealDelay,
            label: "Deals not yet started, a year later".into(),
            unit: Unit::Years,
            low: End { value: 0.0, ..base },
            high: evaluate(&delayed, 1.0),
        });
    }

    // Opening cash.
    let cash = scenario.funding.opening_cash;
    let delta = cash.abs() * RELATIVE_SWING;
    bars.extend(scaled_bar(
        scenario,
        Input::OpeningCash,
        "Opening cash".into(),
        Unit::Money,
        (cash - delta, cash + delta),
        |d, v| d.funding.opening_cash = v,
    ));

    // Stable sort: equal swings keep the order above.
    bars.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    Tornado {
        funding_gap: base.funding_gap,
        break_even_year: base.break_even_year,
        bars,
    }
}

/// A bar for an input set by editing the scenario: both ends validated afresh and projected
/// by the engine. `None` when the ends are equal or either is not a valid scenario.
fn scaled_bar(
    scenario: &Scenario,
    input: Input,
    label: String,
    unit: Unit,
    (low, high): (f64, f64),
    set: impl Fn(&mut Draft, f64),
) -> Option<Bar> {
    if low == high {
        return None;
    }
    let end = |value: f64| -> Option<End> {
        let mut draft = scenario.draft().clone();
        set(&mut draft, value);
        let s = Scenario::new(draft).ok()?;
        let summary = engine::project(&s).summary;
        Some(End {
            value,
            funding_gap: summary.funding_gap,
            break_even_year: summary.break_even_year,
        })
    };
    Some(Bar {
        input,
        label,
        unit,
        low: end(low)?,
        high: end(high)?,
    })
}
