//! The calculator's state: the text of every field exactly as the user typed it ([`Form`]), the
//! verbs that change it ([`Action`]), and the derived pair of current field errors and last valid
//! scenario ([`State`]). Pure Rust, so it is tested on the host; the Yew reducer is a thin shell.
//!
//! Every numeric field keeps its raw text: a bad value is never thrown away, it is shown with its
//! message while the last valid scenario keeps the results on screen.

use crate::format;
use crate::history::{History, Step};
use crate::parse::{parse_int, parse_money, parse_number, parse_percent, ParseError};
use crate::presets::Preset;
use crate::scenario::{
    Costs, Credit, Deal, DealValue, Draft, Financing, Funding, Growth, Marker, Profile, Raise,
    Revenue, RevenueShare, Scenario, ScenarioError, Shortfall, Uncertainty, FORMAT_VERSION,
    MAX_DEALS,
};
use std::rc::Rc;

/// How a field's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Billions of dollars, with units (`$38B`, `1.4T`).
    Money,
    /// A percentage, stored as a fraction.
    Percent,
    /// A whole number (years, counts).
    Int,
    /// A plain number (gigawatts, weights).
    Number,
    /// Free text.
    Text,
}

/// Which growth model is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowthKind {
    Constant,
    Decaying,
    Logistic,
    Path,
}

impl GrowthKind {
    pub const ALL: [GrowthKind; 4] = [
        GrowthKind::Path,
        GrowthKind::Constant,
        GrowthKind::Decaying,
        GrowthKind::Logistic,
    ];

    pub fn id(self) -> &'static str {
        match self {
            GrowthKind::Constant => "constant",
            GrowthKind::Decaying => "decaying",
            GrowthKind::Logistic => "logistic",
            GrowthKind::Path => "path",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GrowthKind::Constant => "Constant growth",
            GrowthKind::Decaying => "Decaying growth",
            GrowthKind::Logistic => "Logistic (towards a ceiling)",
            GrowthKind::Path => "Path through planned figures",
        }
    }

    pub fn from_id(id: &str) -> Option<GrowthKind> {
        GrowthKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Which payment profile a deal uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileKind {
    Even,
    RampUp,
    FrontLoaded,
    Fleet,
    Custom,
}

impl ProfileKind {
    pub const ALL: [ProfileKind; 5] = [
        ProfileKind::Even,
        ProfileKind::RampUp,
        ProfileKind::FrontLoaded,
        ProfileKind::Fleet,
        ProfileKind::Custom,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ProfileKind::Even => "even",
            ProfileKind::RampUp => "ramp_up",
            ProfileKind::FrontLoaded => "front_loaded",
            ProfileKind::Fleet => "fleet",
            ProfileKind::Custom => "custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ProfileKind::Even => "Even",
            ProfileKind::RampUp => "Ramp up",
            ProfileKind::FrontLoaded => "Front-loaded",
            ProfileKind::Fleet => "Fleet build-out",
            ProfileKind::Custom => "Custom weights",
        }
    }

    pub fn from_id(id: &str) -> Option<ProfileKind> {
        ProfileKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A deal as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DealForm {
    /// Stable identity for keyed rendering; survives reordering.
    pub id: u32,
    pub name: String,
    pub counterparty: String,
    /// Value entered as GW x $/GW (true) or as a total (false).
    pub by_capacity: bool,
    pub total: String,
    pub gw: String,
    pub per_gw: String,
    pub start_year: String,
    pub years: String,
    pub profile: ProfileKind,
    pub fleet_growth: String,
    /// Custom weights; may hold more than `years` entries so shortening the term loses nothing.
    pub weights: Vec<String>,
    pub firm: bool,
    pub include: bool,
    pub source: String,
    pub note: String,
}

impl DealForm {
    /// The text of one of the deal's fields.
    pub fn get(&self, field: DealField) -> &str {
        match field {
            DealField::Name => &self.name,
            DealField::Counterparty => &self.counterparty,
            DealField::Total => &self.total,
            DealField::Gw => &self.gw,
            DealField::PerGw => &self.per_gw,
            DealField::StartYear => &self.start_year,
            DealField::Years => &self.years,
            DealField::FleetGrowth => &self.fleet_growth,
            DealField::Source => &self.source,
            DealField::Note => &self.note,
        }
    }
}

/// A (year, value) row of a small table: path points, cost anchors, raises.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairForm {
    pub year: String,
    pub value: String,
    /// Raises only: who put the money in (may be empty).
    pub from: String,
    /// Raises only: the note, carried along unchanged.
    pub note: Option<String>,
}

/// Which small table a pair row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    PathPoints,
    OpexShares,
    Raises,
}

/// A field of a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealField {
    Name,
    Counterparty,
    Total,
    Gw,
    PerGw,
    StartYear,
    Years,
    FleetGrowth,
    Source,
    Note,
}

/// Every text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    AsOf,
    StartYear,
    EndYear,
    RevenueBase,
    ConstantRate,
    DecayInitial,
    Decay,
    DecayFloor,
    LogisticInitial,
    Ceiling,
    PathAfter,
    RevenueShareRate,
    RevenueShareUntil,
    OpeningCash,
    DiscountRate,
    /// The cash kept at the end of a year (financing; empty reads as 0).
    MinCash,
    /// The credit line's limit (financing; empty reads as 0).
    CreditLimit,
    /// The credit line's yearly interest rate (financing; empty reads as 0).
    CreditRate,
    /// Who put the money of raise `i` in.
    RaiseFrom(usize),
    Deal(usize, DealField),
    Weight(usize, usize),
    PairYear(Table, usize),
    PairValue(Table, usize),
}

impl Field {
    /// The path of the field in the scenario file, as used in validation messages.
    pub fn path(self) -> String {
        match self {
            Field::Name => "name".into(),
            Field::AsOf => "as_of".into(),
            Field::StartYear => "start_year".into(),
            Field::EndYear => "end_year".into(),
            Field::RevenueBase => "revenue.base".into(),
            Field::ConstantRate => "revenue.growth.rate".into(),
            Field::DecayInitial | Field::LogisticInitial => "revenue.growth.initial".into(),
            Field::Decay => "revenue.growth.decay".into(),
            Field::DecayFloor => "revenue.growth.floor".into(),
            Field::Ceiling => "revenue.growth.ceiling".into(),
            Field::PathAfter => "revenue.growth.after".into(),
            Field::RevenueShareRate => "costs.revenue_share.rate".into(),
            Field::RevenueShareUntil => "costs.revenue_share.until".into(),
            Field::OpeningCash => "funding.opening_cash".into(),
            Field::DiscountRate => "discount_rate".into(),
            Field::MinCash => "financing.min_cash".into(),
            Field::CreditLimit => "financing.credit.limit".into(),
            Field::CreditRate => "financing.credit.rate".into(),
            Field::RaiseFrom(i) => format!("funding.raises[{i}].from"),
            Field::Deal(i, f) => {
                let leaf = match f {
                    DealField::Name => "name",
                    DealField::Counterparty => "counterparty",
                    DealField::Total => "value.total",
                    DealField::Gw => "value.gw",
                    DealField::PerGw => "value.per_gw",
                    DealField::StartYear => "start_year",
                    DealField::Years => "years",
                    DealField::FleetGrowth => "profile.growth",
                    DealField::Source => "source",
                    DealField::Note => "note",
                };
                format!("deals[{i}].{leaf}")
            }
            Field::Weight(i, k) => format!("deals[{i}].profile.weights[{k}]"),
            Field::PairYear(t, i) => format!("{}[{i}].year", table_path(t)),
            Field::PairValue(t, i) => format!("{}[{i}].{}", table_path(t), pair_leaf(t)),
        }
    }

    /// How the field's text is read.
    pub fn kind(self) -> Kind {
        match self {
            Field::Name | Field::AsOf | Field::RaiseFrom(_) => Kind::Text,
            Field::StartYear | Field::EndYear | Field::RevenueShareUntil => Kind::Int,
            Field::RevenueBase
            | Field::Ceiling
            | Field::OpeningCash
            | Field::MinCash
            | Field::CreditLimit => Kind::Money,
            Field::ConstantRate
            | Field::CreditRate
            | Field::DecayInitial
            | Field::DecayFloor
            | Field::LogisticInitial
            | Field::PathAfter
            | Field::RevenueShareRate
            | Field::DiscountRate => Kind::Percent,
            Field::Decay => Kind::Number,
            Field::Deal(_, f) => match f {
                DealField::Name | DealField::Counterparty | DealField::Source | DealField::Note => {
                    Kind::Text
                }
                DealField::Total | DealField::PerGw => Kind::Money,
                DealField::Gw => Kind::Number,
                DealField::StartYear | DealField::Years => Kind::Int,
                DealField::FleetGrowth => Kind::Percent,
            },
            Field::Weight(..) => Kind::Number,
            Field::PairYear(..) => Kind::Int,
            Field::PairValue(t, _) => match t {
                Table::PathPoints | Table::Raises => Kind::Money,
                Table::OpexShares => Kind::Percent,
            },
        }
    }
}

fn table_path(t: Table) -> &'static str {
    match t {
        Table::PathPoints => "revenue.growth.points",
        Table::OpexShares => "costs.opex_share",
        Table::Raises => "funding.raises",
    }
}

fn pair_leaf(t: Table) -> &'static str {
    match t {
        Table::PathPoints => "revenue",
        Table::OpexShares => "share",
        Table::Raises => "amount",
    }
}

/// Every field as typed, for every growth model and value form at once, so switching between
/// them loses nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub name: String,
    pub as_of: String,
    pub start_year: String,
    pub end_year: String,
    pub deals: Vec<DealForm>,
    pub revenue_base: String,
    pub growth: GrowthKind,
    pub constant_rate: String,
    pub decay_initial: String,
    pub decay: String,
    pub decay_floor: String,
    pub logistic_initial: String,
    pub ceiling: String,
    pub path_points: Vec<PairForm>,
    pub path_after: String,
    pub opex_shares: Vec<PairForm>,
    pub revenue_share_rate: String,
    pub revenue_share_until: String,
    pub opening_cash: String,
    pub raises: Vec<PairForm>,
    pub firm_only: bool,
    pub discount_rate: String,
    /// Financing: the cash kept, the credit line's limit and rate (empty reads as 0), and what
    /// happens in a shortfall. All at their defaults, the scenario has no financing section.
    pub min_cash: String,
    pub credit_limit: String,
    pub credit_rate: String,
    pub shortfall: Shortfall,
    /// The financing section's note (which figures are reported), carried along unchanged.
    pub financing_note: Option<String>,
    /// Reported figures are carried along unchanged (not edited in the form).
    pub markers: Vec<Marker>,
    /// The uncertainty section, carried along unchanged (`None`: the defaults apply).
    pub uncertainty: Option<Uncertainty>,
    /// The built-in scenario last chosen in "Start from" (its notes and sources are shown),
    /// kept with the fields so undoing a switch of preset brings the picker back too.
    pub preset: Option<&'static Preset>,
    next_id: u32,
}

/// A parser of one field kind.
type Reader = fn(&str) -> Result<f64, ParseError>;

/// Formats a number for an input box: the shortest text that reads back to exactly the same
/// value, so loading a scenario and editing one field never changes another.
pub fn input_text(x: f64, kind: Kind) -> String {
    let (shown, read_back): (f64, Reader) = match kind {
        Kind::Percent => (x * 100.0, |s| parse_percent(s)),
        Kind::Money => (x, |s| parse_money(s)),
        _ => (x, |s| parse_number(s)),
    };
    // x * 100 is itself rounded, so its neighbours are tried too: one of them usually divides
    // back to exactly x.
    let neighbours = [
        shown,
        next_toward(shown, f64::INFINITY),
        next_toward(shown, f64::NEG_INFINITY),
    ];
    for decimals in 0..=17 {
        for candidate in neighbours {
            let s = format::fixed(candidate, decimals);
            if read_back(&s) == Ok(x) {
                return tidy(&s);
            }
        }
    }
    // Fall back to the shortest round-trip digits of x itself, with the decimal point moved.
    let shift = if kind == Kind::Percent { 2 } else { 0 };
    shifted_decimal(x, shift)
}

/// The shortest round-trip decimal digits of `x`, written out times 10^`shift` without an
/// exponent.
fn shifted_decimal(x: f64, shift: i32) -> String {
    let sci = format::exponent(x); // e.g. "-3.333333333333333e-1"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0) + shift;
    let (sign, mantissa) = mantissa
        .strip_prefix('-')
        .map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    // The point sits after the first digit, then moves `exp` places.
    let point = 1 + exp;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    };
    tidy(&format!("{sign}{body}"))
}

/// The next representable f64 from `x` towards `target`.
fn next_toward(x: f64, target: f64) -> f64 {
    if !x.is_finite() || x == target {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(target);
    }
    let bits = x.to_bits();
    let away_from_zero = (target > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

fn tidy(s: &str) -> String {
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

fn pct_text(x: f64) -> String {
    input_text(x, Kind::Percent)
}

fn money_text(x: f64) -> String {
    input_text(x, Kind::Money)
}

fn num_text(x: f64) -> String {
    input_text(x, Kind::Number)
}

impl Form {
    /// The form showing a scenario.
    pub fn from_scenario(s: &Scenario) -> Form {
        let financing = s.financing.clone().unwrap_or_default();
        let credit = financing.credit.unwrap_or(Credit {
            limit: 0.0,
            rate: 0.0,
        });
        let mut form = Form {
            name: s.name.clone(),
            as_of: s.as_of.clone().unwrap_or_default(),
            start_year: s.start_year.to_string(),
            end_year: s.end_year.to_string(),
            deals: Vec::new(),
            revenue_base: money_text(s.revenue.base),
            growth: GrowthKind::Constant,
            constant_rate: "20".into(),
            decay_initial: "100".into(),
            decay: "0.7".into(),
            decay_floor: "10".into(),
            logistic_initial: "100".into(),
            ceiling: money_text(s.revenue.base * 20.0),
            path_points: Vec::new(),
            path_after: "15".into(),
            opex_shares: s
                .costs
                .opex_share
                .iter()
                .map(|&(y, v)| PairForm {
                    year: y.to_string(),
                    value: pct_text(v),
                    ..PairForm::default()
                })
                .collect(),
            revenue_share_rate: pct_text(s.costs.revenue_share.rate),
            revenue_share_until: s.costs.revenue_share.until.to_string(),
            opening_cash: money_text(s.funding.opening_cash),
            raises: s
                .funding
                .raises
                .iter()
                .map(|r| PairForm {
                    year: r.year.to_string(),
                    value: money_text(r.amount),
                    from: r.from.clone().unwrap_or_default(),
                    note: r.note.clone(),
                })
                .collect(),
            firm_only: s.firm_only,
            discount_rate: pct_text(s.discount_rate),
            min_cash: money_text(financing.min_cash),
            credit_limit: money_text(credit.limit),
            credit_rate: pct_text(credit.rate),
            shortfall: financing.shortfall,
            financing_note: financing.note,
            markers: s.markers.clone(),
            uncertainty: s.uncertainty,
            preset: None,
            next_id: 0,
        };
        match &s.revenue.growth {
            Growth::Constant { rate } => {
                form.growth = GrowthKind::Constant;
                form.constant_rate = pct_text(*rate);
            }
            Growth::Decaying {
                initial,
                decay,
                floor,
            } => {
                form.growth = GrowthKind::Decaying;
                form.decay_initial = pct_text(*initial);
                form.decay = num_text(*decay);
                form.decay_floor = pct_text(*floor);
            }
            Growth::Logistic { initial, ceiling } => {
                form.growth = GrowthKind::Logistic;
                form.logistic_initial = pct_text(*initial);
                form.ceiling = money_text(*ceiling);
            }
            Growth::Path { points, after } => {
                form.growth = GrowthKind::Path;
                form.path_points = points
                    .iter()
                    .map(|&(y, v)| PairForm {
                        year: y.to_string(),
                        value: money_text(v),
                        ..PairForm::default()
                    })
                    .collect();
                form.path_after = pct_text(*after);
            }
        }
        if form.path_points.is_empty() {
            form.path_points.push(PairForm {
                year: (s.start_year + 1).to_string(),
                value: money_text(s.revenue.base * 2.0),
                ..PairForm::default()
            });
        }
        for deal in &s.deals {
            let d = form.deal_form(deal);
            form.deals.push(d);
        }
        form
    }

    fn deal_form(&mut self, deal: &Deal) -> DealForm {
        let id = self.next_id;
        self.next_id += 1;
        let years = deal.years.max(0) as usize;
        let (profile, fleet_growth, weights) = match &deal.profile {
            Profile::Even => (ProfileKind::Even, "30".into(), vec!["1".to_string(); years]),
            Profile::RampUp => (
                ProfileKind::RampUp,
                "30".into(),
                (1..=years).map(|k| k.to_string()).collect(),
            ),
            Profile::FrontLoaded => (
                ProfileKind::FrontLoaded,
                "30".into(),
                (1..=years).rev().map(|k| k.to_string()).collect(),
            ),
            Profile::Fleet { growth } => (
                ProfileKind::Fleet,
                pct_text(*growth),
                vec!["1".to_string(); years],
            ),
            Profile::Custom { weights } => (
                ProfileKind::Custom,
                "30".into(),
                weights.iter().map(|w| num_text(*w)).collect(),
            ),
        };
        let v = &deal.value;
        DealForm {
            id,
            name: deal.name.clone(),
            counterparty: deal.counterparty.clone(),
            by_capacity: v.total.is_none() && v.gw.is_some(),
            total: money_text(v.amount()),
            gw: v.gw.map(num_text).unwrap_or_else(|| "1".into()),
            per_gw: v.per_gw.map(money_text).unwrap_or_else(|| "35".into()),
            start_year: deal.start_year.to_string(),
            years: deal.years.to_string(),
            profile,
            fleet_growth,
            weights,
            firm: deal.firm,
            include: deal.include,
            source: deal.source.clone().unwrap_or_default(),
            note: deal.note.clone().unwrap_or_default(),
        }
    }

    /// The text of a field ("" for a row that does not exist).
    pub fn get(&self, field: Field) -> &str {
        let deal = |i: usize| self.deals.get(i);
        let pair = |t: Table, i: usize| self.table(t).get(i);
        match field {
            Field::Name => &self.name,
            Field::AsOf => &self.as_of,
            Field::StartYear => &self.start_year,
            Field::EndYear => &self.end_year,
            Field::RevenueBase => &self.revenue_base,
            Field::ConstantRate => &self.constant_rate,
            Field::DecayInitial => &self.decay_initial,
            Field::Decay => &self.decay,
            Field::DecayFloor => &self.decay_floor,
            Field::LogisticInitial => &self.logistic_initial,
            Field::Ceiling => &self.ceiling,
            Field::PathAfter => &self.path_after,
            Field::RevenueShareRate => &self.revenue_share_rate,
            Field::RevenueShareUntil => &self.revenue_share_until,
            Field::OpeningCash => &self.opening_cash,
            Field::DiscountRate => &self.discount_rate,
            Field::MinCash => &self.min_cash,
            Field::CreditLimit => &self.credit_limit,
            Field::CreditRate => &self.credit_rate,
            Field::RaiseFrom(i) => pair(Table::Raises, i).map_or("", |p| &p.from),
            Field::Deal(i, f) => deal(i).map_or("", |d| d.get(f)),
            Field::Weight(i, k) => deal(i)
                .and_then(|d| d.weights.get(k))
                .map_or("", |s| s.as_str()),
            Field::PairYear(t, i) => pair(t, i).map_or("", |p| &p.year),
            Field::PairValue(t, i) => pair(t, i).map_or("", |p| &p.value),
        }
    }

    fn slot(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::Name => &mut self.name,
            Field::AsOf => &mut self.as_of,
            Field::StartYear => &mut self.start_year,
            Field::EndYear => &mut self.end_year,
            Field::RevenueBase => &mut self.revenue_base,
            Field::ConstantRate => &mut self.constant_rate,
            Field::DecayInitial => &mut self.decay_initial,
            Field::Decay => &mut self.decay,
            Field::DecayFloor => &mut self.decay_floor,
            Field::LogisticInitial => &mut self.logistic_initial,
            Field::Ceiling => &mut self.ceiling,
            Field::PathAfter => &mut self.path_after,
            Field::RevenueShareRate => &mut self.revenue_share_rate,
            Field::RevenueShareUntil => &mut self.revenue_share_until,
            Field::OpeningCash => &mut self.opening_cash,
            Field::DiscountRate => &mut self.discount_rate,
            Field::MinCash => &mut self.min_cash,
            Field::CreditLimit => &mut self.credit_limit,
            Field::CreditRate => &mut self.credit_rate,
            Field::RaiseFrom(i) => &mut self.raises.get_mut(i)?.from,
            Field::Deal(i, f) => {
                let d = self.deals.get_mut(i)?;
                match f {
                    DealField::Name => &mut d.name,
                    DealField::Counterparty => &mut d.counterparty,
                    DealField::Total => &mut d.total,
                    DealField::Gw => &mut d.gw,
                    DealField::PerGw => &mut d.per_gw,
                    DealField::StartYear => &mut d.start_year,
                    DealField::Years => &mut d.years,
                    DealField::FleetGrowth => &mut d.fleet_growth,
                    DealField::Source => &mut d.source,
                    DealField::Note => &mut d.note,
                }
            }
            Field::Weight(i, k) => self.deals.get_mut(i)?.weights.get_mut(k)?,
            Field::PairYear(t, i) => &mut self.table_mut(t).get_mut(i)?.year,
            Field::PairValue(t, i) => &mut self.table_mut(t).get_mut(i)?.value,
        })
    }

    /// The rows of a small table.
    pub fn table(&self, t: Table) -> &Vec<PairForm> {
        match t {
            Table::PathPoints => &self.path_points,
            Table::OpexShares => &self.opex_shares,
            Table::Raises => &self.raises,
        }
    }

    fn table_mut(&mut self, t: Table) -> &mut Vec<PairForm> {
        match t {
            Table::PathPoints => &mut self.path_points,
            Table::OpexShares => &mut self.opex_shares,
            Table::Raises => &mut self.raises,
        }
    }

    /// The number of years of deal `i`, if its text is a usable term.
    fn deal_years(&self, i: usize) -> Option<usize> {
        let n = parse_int(&self.deals.get(i)?.years).ok()?;
        (1..=30).contains(&n).then_some(n as usize)
    }

    /// Builds the draft the form describes, collecting a message for every field whose text
    /// cannot be read. Unreadable numbers become NaN in the draft so validation still checks
    /// every other field; their parse message takes precedence at their path.
    pub fn to_draft(&self) -> (Draft, Vec<(String, String)>) {
        let mut errors = Vec::new();
        let mut read = |field: Field| -> f64 {
            let text = self.get(field);
            let optional = matches!(
                field,
                Field::MinCash | Field::CreditLimit | Field::CreditRate
            );
            if optional && text.trim().is_empty() {
                return 0.0;
            }
            let parsed = match field.kind() {
                Kind::Money => parse_money(text),
                Kind::Percent => parse_percent(text),
                Kind::Int => parse_int(text).map(f64::from),
                Kind::Number | Kind::Text => parse_number(text),
            };
            parsed.unwrap_or_else(|e| {
                errors.push((field.path(), e.to_string()));
                f64::NAN
            })
        };
        let start_year = year(Field::StartYear, &mut read);
        let end_year = year(Field::EndYear, &mut read);
        let mut deals = Vec::with_capacity(self.deals.len());
        for (i, d) in self.deals.iter().enumerate() {
            let value = if d.by_capacity {
                DealValue::capacity(
                    read(Field::Deal(i, DealField::Gw)),
                    read(Field::Deal(i, DealField::PerGw)),
                )
            } else {
                DealValue::total(read(Field::Deal(i, DealField::Total)))
            };
            let profile = match d.profile {
                ProfileKind::Even => Profile::Even,
                ProfileKind::RampUp => Profile::RampUp,
                ProfileKind::FrontLoaded => Profile::FrontLoaded,
                ProfileKind::Fleet => Profile::Fleet {
                    growth: read(Field::Deal(i, DealField::FleetGrowth)),
                },
                ProfileKind::Custom => {
                    let n = self
                        .deal_years(i)
                        .unwrap_or(d.weights.len())
                        .min(d.weights.len());
                    Profile::Custom {
                        weights: (0..n).map(|k| read(Field::Weight(i, k))).collect(),
                    }
                }
            };
            deals.push(Deal {
                name: d.name.clone(),
                counterparty: d.counterparty.clone(),
                value,
                start_year: year(Field::Deal(i, DealField::StartYear), &mut read),
                years: year(Field::Deal(i, DealField::Years), &mut read),
                profile,
                firm: d.firm,
                include: d.include,
                source: non_empty(&d.source),
                note: non_empty(&d.note),
            });
        }
        let growth = match self.growth {
            GrowthKind::Constant => Growth::Constant {
                rate: read(Field::ConstantRate),
            },
            GrowthKind::Decaying => Growth::Decaying {
                initial: read(Field::DecayInitial),
                decay: read(Field::Decay),
                floor: read(Field::DecayFloor),
            },
            GrowthKind::Logistic => Growth::Logistic {
                initial: read(Field::LogisticInitial),
                ceiling: read(Field::Ceiling),
            },
            GrowthKind::Path => Growth::Path {
                points: (0..self.path_points.len())
                    .map(|i| {
                        let t = Table::PathPoints;
                        (
                            year(Field::PairYear(t, i), &mut read),
                            read(Field::PairValue(t, i)),
                        )
                    })
                    .collect(),
                after: read(Field::PathAfter),
            },
        };
        let pairs = |t: Table, read: &mut dyn FnMut(Field) -> f64| -> Vec<(i32, f64)> {
            (0..self.table(t).len())
                .map(|i| {
                    (
                        year(Field::PairYear(t, i), read),
                        read(Field::PairValue(t, i)),
                    )
                })
                .collect()
        };
        let opex_share = pairs(Table::OpexShares, &mut read);
        let raises = pairs(Table::Raises, &mut read)
            .into_iter()
            .zip(&self.raises)
            .map(|((year, amount), row)| Raise {
                year,
                amount,
                from: non_empty(&row.from),
                note: row.note.clone(),
            })
            .collect();
        let financing = self.financing(&mut read);
        let draft = Draft {
            version: FORMAT_VERSION,
            name: self.name.clone(),
            as_of: non_empty(&self.as_of),
            start_year,
            end_year,
            deals,
            revenue: Revenue {
                base: read(Field::RevenueBase),
                growth,
            },
            costs: Costs {
                opex_share,
                revenue_share: RevenueShare {
                    rate: read(Field::RevenueShareRate),
                    until: year(Field::RevenueShareUntil, &mut read),
                },
            },
            funding: Funding {
                opening_cash: read(Field::OpeningCash),
                raises,
            },
            financing,
            firm_only: self.firm_only,
            discount_rate: read(Field::DiscountRate),
            markers: self.markers.clone(),
            uncertainty: self.uncertainty,
        };
        (draft, errors)
    }

    /// The financing section the fields describe: `None` when every value is the default, so a
    /// scenario or link from before financing existed keeps its exact bytes; a credit line only
    /// when its limit or rate is not zero. (An unreadable value is NaN, never a default, so it
    /// still reaches validation.)
    fn financing(&self, read: &mut dyn FnMut(Field) -> f64) -> Option<Financing> {
        let min_cash = read(Field::MinCash);
        let limit = read(Field::CreditLimit);
        let rate = read(Field::CreditRate);
        let credit = (limit != 0.0 || rate != 0.0).then_some(Credit { limit, rate });
        (min_cash != 0.0
            || credit.is_some()
            || self.shortfall != Shortfall::NegativeCash
            || self.financing_note.is_some())
        .then(|| Financing {
            min_cash,
            credit,
            shortfall: self.shortfall,
            note: self.financing_note.clone(),
        })
    }

    /// Validates the form: the scenario it describes, or every problem keyed by field path.
    pub fn to_scenario(&self) -> Result<Scenario, Errors> {
        let (draft, parse_errors) = self.to_draft();
        let mut errors = Errors::default();
        for (path, message) in parse_errors {
            errors.insert(path, message);
        }
        match Scenario::new(draft) {
            Ok(s) if errors.is_empty() => Ok(s),
            Ok(_) => Err(errors),
            Err(ScenarioError::Invalid(list)) => {
                for e in list {
                    errors.insert(e.path, e.message);
                }
                Err(errors)
            }
            Err(other) => {
                errors.insert(String::new(), other.to_string());
                Err(errors)
            }
        }
    }

    fn new_deal(&mut self) -> DealForm {
        let start = parse_int(&self.start_year).unwrap_or(2026);
        let deal = Deal {
            name: format!("New deal {}", self.deals.len() + 1),
            counterparty: String::new(),
            value: DealValue::total(10.0),
            start_year: start,
            years: 5,
            profile: Profile::Even,
            firm: true,
            include: true,
            source: None,
            note: None,
        };
        self.deal_form(&deal)
    }
}

/// Reads a year-like field; NaN (already reported) becomes 0, which validation rejects again,
/// and the parse message wins at that path.
fn year(field: Field, read: &mut dyn FnMut(Field) -> f64) -> i32 {
    let y = read(field);
    if y.is_finite() {
        y as i32
    } else {
        0
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Field errors keyed by path; the first message for a path wins (parse errors come first).
/// A list sorted by path rather than a map: a form has few errors at a time, and the page's
/// download then carries no map code for them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Errors(Vec<(String, String)>);

impl Errors {
    fn find(&self, path: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(p, _)| p.as_str().cmp(path))
    }

    fn insert(&mut self, path: String, message: String) {
        if let Err(i) = self.find(&path) {
            self.0.insert(i, (path, message));
        }
    }

    /// The message for a field path.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.find(path).ok().map(|i| self.0[i].1.as_str())
    }

    /// Messages for the path and everything under it (`deals[2]` finds `deals[2].years`).
    pub fn under(&self, prefix: &str) -> impl Iterator<Item = (&str, &str)> {
        let prefix = prefix.to_string();
        self.0
            .iter()
            .filter(move |(p, _)| {
                *p == prefix
                    || p.starts_with(&format!("{prefix}."))
                    || p.starts_with(&format!("{prefix}["))
            })
            .map(|(p, m)| (p.as_str(), m.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Every (path, message), in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(p, m)| (p.as_str(), m.as_str()))
    }
}

/// The verbs of the calculator.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace a field's text.
    Edit(Field, String),
    ChooseGrowth(GrowthKind),
    ChooseProfile(usize, ProfileKind),
    /// Enter a deal's value as GW x $/GW (true) or as a total (false).
    ValueByCapacity(usize, bool),
    SetFirm(usize, bool),
    SetInclude(usize, bool),
    SetFirmOnly(bool),
    /// What happens when cash would end a year below zero.
    ChooseShortfall(Shortfall),
    AddDeal,
    DuplicateDeal(usize),
    RemoveDeal(usize),
    /// Move a deal from one position to another.
    MoveDeal(usize, usize),
    AddRow(Table),
    RemoveRow(Table, usize),
    /// Replace everything with a scenario (a preset, an import), and the preset it is.
    Load(Rc<Scenario>, Option<&'static Preset>),
    /// Go back one change.
    Undo,
    /// Go forward one undone change.
    Redo,
    /// The field being typed in was left: the next edit to it is a change of its own.
    Commit,
    /// Hide the note about the last change.
    DismissNote,
}

/// Where an address reached with the browser's Back or Forward leads from the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// One undo away (Back after a switch of preset).
    Undo,
    /// One redo away (Forward again).
    Redo,
    /// The scenario already shown.
    Here,
    /// Somewhere the history does not lead (an address from before the page was loaded).
    Elsewhere,
}

/// What is said about the last change: the sentence, and whether Undo is offered beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub text: Rc<str>,
    pub offer_undo: bool,
}

/// The form, its current errors, the last valid scenario (whose results stay on screen
/// while the form holds a mistake), the changes that can be undone, and what is said about
/// the last one.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub form: Form,
    pub errors: Rc<Errors>,
    pub scenario: Rc<Scenario>,
    pub history: History<Form, Field>,
    /// Said (politely, to screen readers too) after a change worth confirming: a removal, a
    /// move, a switch of preset, an undo.
    pub note: Option<Note>,
}

impl State {
    /// The state showing a scenario.
    pub fn new(scenario: Rc<Scenario>) -> State {
        State {
            form: Form::from_scenario(&scenario),
            errors: Rc::default(),
            scenario,
            history: History::default(),
            note: None,
        }
    }

    /// Whether the results on screen are behind the form (it holds a mistake).
    pub fn is_stale(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Applies an action; `None` when nothing changed (so the view need not re-render).
    /// Every change of the form is recorded, so it can be undone.
    pub fn apply(&self, action: Action) -> Option<State> {
        match action {
            Action::Undo => {
                let step = self.history.undo(Rc::new(self.form.clone()))?;
                Some(self.stepped(step, "Undid"))
            }
            Action::Redo => {
                let step = self.history.redo(Rc::new(self.form.clone()))?;
                Some(self.stepped(step, "Redid"))
            }
            Action::Commit => Some(State {
                history: self.history.commit()?,
                ..self.clone()
            }),
            Action::DismissNote => {
                self.note.as_ref()?;
                Some(State {
                    note: None,
                    ..self.clone()
                })
            }
            action => {
                let label = self.label(&action);
                let note = self.note_for(&action);
                let group = match action {
                    Action::Edit(field, _) => Some(field),
                    _ => None,
                };
                let mut next = self.change(action)?;
                next.history = self
                    .history
                    .record(Rc::new(self.form.clone()), &label, group);
                next.note = note.map(|text| Note {
                    text: text.into(),
                    offer_undo: true,
                });
                Some(next)
            }
        }
    }

    /// Where the scenario link `fragment` (an address's fragment, without `#`) leads from
    /// here: compared as encoded, so the same scenario is the same address.
    pub fn visit(&self, fragment: &str) -> Visit {
        // By the scenario the link opens, not its text: another compressor (an earlier
        // version's, another browser's) writes the same scenario as other bytes.
        let Ok(visited) = crate::codec::decode(fragment) else {
            return Visit::Elsewhere;
        };
        let leads_to = |f: Option<&Form>| {
            f.and_then(|f| f.to_scenario().ok())
                .is_some_and(|s| s == visited)
        };
        if leads_to(self.history.previous()) {
            Visit::Undo
        } else if leads_to(self.history.next()) {
            Visit::Redo
        } else if self.errors.is_empty() && *self.scenario == visited {
            Visit::Here
        } else {
            Visit::Elsewhere
        }
    }

    /// The state an undo or redo step leads to, saying what was undone or redone.
    fn stepped(&self, step: Step<Form, Field>, verb: &str) -> State {
        let mut next = self.with_form((*step.snapshot).clone());
        next.history = step.history;
        next.note = Some(Note {
            text: format!("{verb} {}.", step.label).into(),
            offer_undo: false,
        });
        next
    }

    /// A deal's name as its row shows it.
    fn deal_name(&self, i: usize) -> String {
        match self.form.deals.get(i) {
            Some(d) if !d.name.trim().is_empty() => d.name.trim().to_string(),
            _ => format!("Deal {}", i + 1),
        }
    }

    /// What a change is, following "Undo" or "Undid" ("removing Oracle"). Deal actions name
    /// the deal; the rest say what kind of change it was.
    fn label(&self, action: &Action) -> String {
        let (verb, deal, after) = match *action {
            Action::ChooseProfile(i, _)
            | Action::ValueByCapacity(i, _)
            | Action::SetFirm(i, _)
            | Action::SetInclude(i, _) => ("changing", i, ""),
            Action::DuplicateDeal(i) => ("duplicating", i, ""),
            Action::RemoveDeal(i) => ("removing", i, ""),
            Action::MoveDeal(from, to) => ("moving", from, if to < from { " up" } else { " down" }),
            Action::Load(ref s, preset) => {
                return match preset {
                    Some(p) => format!("switching to {}", p.title),
                    None => format!("opening {}", s.name),
                };
            }
            _ => {
                return match action {
                    Action::Edit(..) => "typing",
                    Action::SetFirmOnly(_) => "the switch of firm contracts only",
                    Action::AddDeal => "adding a deal",
                    Action::AddRow(_) => "adding a row",
                    Action::RemoveRow(..) => "removing a row",
                    _ => "a choice",
                }
                .into()
            }
        };
        format!("{verb} {}{after}", self.deal_name(deal))
    }

    /// The sentence said after a change worth confirming (one that moves or removes things
    /// out of view); `None` for edits whose result is in plain sight.
    fn note_for(&self, action: &Action) -> Option<String> {
        let n = self.form.deals.len();
        Some(match action {
            Action::RemoveDeal(i) if *i < n => format!("Removed {}.", self.deal_name(*i)),
            Action::DuplicateDeal(i) if *i < n && n < MAX_DEALS => {
                format!("Duplicated {}: the copy is below it.", self.deal_name(*i))
            }
            Action::MoveDeal(from, to) if *from < n && *to < n => format!(
                "Moved {} {}: now {} of {n}.",
                self.deal_name(*from),
                if to < from { "up" } else { "down" },
                to + 1
            ),
            Action::RemoveRow(..) => "Removed a row.".into(),
            Action::Load(_, Some(p)) => format!("Switched to {}.", p.title),
            _ => return None,
        })
    }

    /// The form after a change; `None` when nothing changed.
    fn change(&self, action: Action) -> Option<State> {
        if let Action::Load(scenario, preset) = action {
            if scenario == self.scenario && preset == self.form.preset && self.errors.is_empty() {
                return None;
            }
            let mut form = Form::from_scenario(&scenario);
            form.preset = preset;
            return Some(State {
                form,
                errors: Rc::default(),
                scenario,
                history: History::default(),
                note: None,
            });
        }
        let mut form = self.form.clone();
        match action {
            Action::Edit(field, text) => {
                let slot = form.slot(field)?;
                if *slot == text {
                    return None;
                }
                *slot = text;
                if let Field::Deal(i, DealField::Years) = field {
                    grow_weights(&mut form, i);
                }
            }
            Action::ChooseGrowth(kind) => form.growth = kind,
            Action::ChooseProfile(i, kind) => {
                let d = form.deals.get_mut(i)?;
                d.profile = kind;
                grow_weights(&mut form, i);
            }
            Action::ValueByCapacity(i, on) => form.deals.get_mut(i)?.by_capacity = on,
            Action::SetFirm(i, on) => form.deals.get_mut(i)?.firm = on,
            Action::SetInclude(i, on) => form.deals.get_mut(i)?.include = on,
            Action::SetFirmOnly(on) => form.firm_only = on,
            Action::ChooseShortfall(rule) => {
                if form.shortfall == rule {
                    return None;
                }
                form.shortfall = rule;
            }
            Action::AddDeal => {
                if form.deals.len() >= MAX_DEALS {
                    return None;
                }
                let d = form.new_deal();
                form.deals.push(d);
            }
            Action::DuplicateDeal(i) => {
                if form.deals.len() >= MAX_DEALS {
                    return None;
                }
                let mut copy = form.deals.get(i)?.clone();
                copy.id = form.next_id;
                form.next_id += 1;
                copy.name = copy_name(&copy.name);
                form.deals.insert(i + 1, copy);
            }
            Action::RemoveDeal(i) => {
                if i >= form.deals.len() {
                    return None;
                }
                form.deals.remove(i);
            }
            Action::MoveDeal(from, to) => {
                if from >= form.deals.len() || to >= form.deals.len() || from == to {
                    return None;
                }
                let d = form.deals.remove(from);
                form.deals.insert(to, d);
            }
            Action::AddRow(t) => {
                let rows = form.table(t);
                let next_year = rows
                    .last()
                    .and_then(|r| parse_int(&r.year).ok())
                    .map_or_else(
                        || parse_int(&form.start_year).unwrap_or(2026) + 1,
                        |y| y + 1,
                    );
                let value = rows
                    .last()
                    .map_or_else(|| "0".to_string(), |r| r.value.clone());
                form.table_mut(t).push(PairForm {
                    year: next_year.to_string(),
                    value,
                    ..PairForm::default()
                });
            }
            Action::RemoveRow(t, i) => {
                if i >= form.table(t).len() {
                    return None;
                }
                form.table_mut(t).remove(i);
            }
            _ => return None,
        }
        Some(self.with_form(form))
    }

    fn with_form(&self, form: Form) -> State {
        match form.to_scenario() {
            Ok(scenario) => {
                // Keep the same Rc when the scenario did not change (e.g. a note was edited
                // back), so the projection is not recomputed.
                let scenario = if scenario == *self.scenario {
                    Rc::clone(&self.scenario)
                } else {
                    Rc::new(scenario)
                };
                State {
                    form,
                    errors: Rc::default(),
                    scenario,
                    history: self.history.clone(),
                    note: None,
                }
            }
            Err(errors) => State {
                form,
                errors: Rc::new(errors),
                scenario: Rc::clone(&self.scenario),
                history: self.history.clone(),
                note: None,
            },
        }
    }
}

/// Custom weights follow the term: add "1"s when the term grows (extra typed weights are kept
/// when it shrinks, and come back if it grows again).
fn grow_weights(form: &mut Form, i: usize) {
    if let Some(n) = form.deal_years(i) {
        let d = &mut form.deals[i];
        while d.weights.len() < n {
            d.weights.push("1".into());
        }
    }
}

fn copy_name(name: &str) -> String {
    let candidate = format!("{name} (copy)");
    if candidate.chars().count() <= crate::scenario::MAX_NAME_CHARS {
        candidate
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests;

/// The Yew reducer: returns the same `Rc` when nothing changed so Yew skips the re-render.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}
