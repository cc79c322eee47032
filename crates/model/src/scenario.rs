//! The scenario: the JSON shape users import, export and share ([`Draft`]), and the validated
//! [`Scenario`] that the engine accepts. A `Scenario` exists only if every rule in
//! [`validate`] passed, so the engine never meets a value it cannot compute with.

mod read;
mod validate;
mod write;

use read::Value;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Deref;

/// Appends a string as JSON (quoted and escaped as serde_json does), for documents that hold
/// scenarios (the browser's saved list).
pub use write::push_str as push_json_str;

pub use validate::{
    FieldError, MAX_DEALS, MAX_DELAY, MAX_GROWTH_MULTIPLIER, MAX_MONEY, MAX_NAME_CHARS, MAX_RATE,
    MAX_SAMPLES, MIN_SAMPLES,
};

/// The newest scenario format this app reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A scenario as written in a file or a link, not yet validated. Money is in billions of
/// nominal US dollars, periods are calendar years, rates and shares are fractions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub start_year: i32,
    pub end_year: i32,
    pub deals: Vec<Deal>,
    pub revenue: Revenue,
    pub costs: Costs,
    pub funding: Funding,
    /// Credit, the cash kept and the shortfall rule; absent means cash may go below zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<Financing>,
    pub firm_only: bool,
    pub discount_rate: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<Marker>,
    /// Ranges for the Monte Carlo and the tornado; absent means [`Uncertainty::default`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
}

/// One compute commitment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deal {
    pub name: String,
    pub counterparty: String,
    pub value: DealValue,
    pub start_year: i32,
    pub years: i32,
    pub profile: Profile,
    /// A signed contract (true) or only a letter of intent or option (false).
    pub firm: bool,
    pub include: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A deal's value: either `total`, or `gw` gigawatts at `per_gw` billions each. Kept as a
/// struct of options (not an untagged enum) so a half-filled value gets a precise message.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DealValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gw: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_gw: Option<f64>,
}

impl Draft {
    /// The draft as compact JSON, in the file format (the same bytes serde_json writes from the
    /// derived `Serialize`; see `write.rs`).
    pub fn to_json_compact(&self) -> String {
        write::draft(self)
    }
}

impl DealValue {
    /// A value given as a total.
    pub fn total(total: f64) -> Self {
        DealValue {
            total: Some(total),
            ..DealValue::default()
        }
    }

    /// A value given as gigawatts times billions per gigawatt.
    pub fn capacity(gw: f64, per_gw: f64) -> Self {
        DealValue {
            total: None,
            gw: Some(gw),
            per_gw: Some(per_gw),
        }
    }

    /// The value in billions (0 when incomplete; validation rejects incomplete values).
    pub fn amount(&self) -> f64 {
        match (self.total, self.gw, self.per_gw) {
            (Some(total), _, _) => total,
            (None, Some(gw), Some(per_gw)) => gw * per_gw,
            _ => 0.0,
        }
    }
}

/// How a deal's value is spread over its years (weights w_1..w_n, normalised).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Profile {
    /// The same payment every year.
    Even,
    /// Payments grow linearly: w_k = k.
    RampUp,
    /// Payments shrink linearly: w_k = n - k + 1.
    FrontLoaded,
    /// Capacity bought in increments growing by `growth` a year, paid while in service.
    Fleet { growth: f64 },
    /// Explicit weights, one per year.
    Custom { weights: Vec<f64> },
}

/// Revenue in the first year and how it grows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revenue {
    pub base: f64,
    pub growth: Growth,
}

/// The growth model of revenue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Growth {
    /// The same growth rate every year.
    Constant { rate: f64 },
    /// Growth starting at `initial` and decaying geometrically towards `floor`.
    Decaying {
        initial: f64,
        decay: f64,
        floor: f64,
    },
    /// Growth slowing as revenue approaches `ceiling`.
    Logistic { initial: f64, ceiling: f64 },
    /// Revenue passing through (year, revenue) points, then growing at `after`.
    Path { points: Vec<(i32, f64)>, after: f64 },
}

/// Costs other than the compute commitments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Costs {
    /// Non-compute operating costs as a share of revenue: (year, share) anchors.
    pub opex_share: Vec<(i32, f64)>,
    pub revenue_share: RevenueShare,
}

/// A share of revenue paid to partners through year `until` (inclusive).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevenueShare {
    pub rate: f64,
    pub until: i32,
}

impl RevenueShare {
    /// The share of revenue paid to partners in `year`: the rate through `until`, then 0.
    pub fn rate_in(&self, year: i32) -> f64 {
        if year <= self.until {
            self.rate
        } else {
            0.0
        }
    }
}

/// Non-compute cost share in `year`: linear between (year, share) anchors, flat outside them;
/// 0 without anchors. Anchors must have increasing years (validation checks it before using
/// this on a draft). It lives with the scenario format, not the engine, because validation
/// needs it too (to check that costs leave something for compute) and must not depend on the
/// engine.
pub fn opex_share(anchors: &[(i32, f64)], year: i32) -> f64 {
    let Some(&(first_year, first_share)) = anchors.first() else {
        return 0.0;
    };
    if year <= first_year {
        return first_share;
    }
    for pair in anchors.windows(2) {
        let ((y0, s0), (y1, s1)) = (pair[0], pair[1]);
        if year <= y1 {
            let f = f64::from(year - y0) / f64::from(y1 - y0);
            return s0 + (s1 - s0) * f;
        }
    }
    anchors[anchors.len() - 1].1
}

/// Cash at the start and money raised later.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funding {
    pub opening_cash: f64,
    pub raises: Vec<Raise>,
}

/// Money raised in a year. Written in a file as a `[year, amount]` pair (the original form,
/// still written when nothing else is said) or as an object that may also name who put the
/// money in (`from`: a supplier, for circular financing) and a note.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Raise {
    pub year: i32,
    pub amount: f64,
    /// Who put the money in, when it is known: matched against the deals' counterparties
    /// ignoring case and surrounding spaces.
    pub from: Option<String>,
    pub note: Option<String>,
}

impl Raise {
    /// A raise with no source and no note (the pair form).
    pub fn new(year: i32, amount: f64) -> Raise {
        Raise {
            year,
            amount,
            from: None,
            note: None,
        }
    }

    /// A raise put in by `from`.
    pub fn from(year: i32, amount: f64, from: &str) -> Raise {
        Raise {
            from: Some(from.to_string()),
            ..Raise::new(year, amount)
        }
    }

    /// The named source with surrounding spaces removed; `None` when absent or blank.
    pub fn source(&self) -> Option<&str> {
        self.from
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

mod raise_serde;

/// How a funding gap is financed and what happens when money runs short. Absent from a
/// scenario, cash simply goes below zero (the original model); see `docs/MODEL.md`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Financing {
    /// The cash the company borrows to keep at the end of a year (>= 0).
    #[serde(default)]
    pub min_cash: f64,
    /// A credit line; absent means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Credit>,
    #[serde(default)]
    pub shortfall: Shortfall,
    /// Where the figures come from: which are reported and which assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A credit line: at most `limit` outstanding, `rate` a year on the debt at the start of a year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Credit {
    pub limit: f64,
    pub rate: f64,
}

/// What happens when cash would end a year below zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shortfall {
    /// Cash goes below zero (the original model): the gap is money still to be found.
    #[default]
    NegativeCash,
    /// Payments due go unpaid, up to the whole year's payments, shared among the deals.
    Unpaid,
}

/// A reported figure plotted beside the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    pub year: i32,
    pub metric: Metric,
    pub value: f64,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What a marker reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Revenue,
    Commitments,
    NetCashFlow,
    Cash,
    CumulativeBurn,
}

impl Metric {
    /// Every metric, in display order.
    pub const ALL: [Metric; 5] = [
        Metric::Revenue,
        Metric::Commitments,
        Metric::NetCashFlow,
        Metric::Cash,
        Metric::CumulativeBurn,
    ];

    /// A short human name.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Revenue => "revenue",
            Metric::Commitments => "commitments",
            Metric::NetCashFlow => "net cash flow",
            Metric::Cash => "cash",
            Metric::CumulativeBurn => "cumulative burn",
        }
    }
}

/// How uncertain the key inputs are, for the Monte Carlo (`crate::uncertainty`) and the
/// sensitivity tornado (`crate::sensitivity`). Intervals are 90% intervals: their ends are the
/// 5th and 95th percentiles of the distribution drawn from. A field left out of the file takes
/// its default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Uncertainty {
    /// 90% interval of the multiplier applied to every year's growth rate (lognormal).
    pub growth_multiplier: (f64, f64),
    /// 90% interval of the shift added to every year's non-compute cost share (normal).
    pub opex_shift: (f64, f64),
    /// Chance that each deal that is not firm is cancelled outright.
    pub cancel_chance: f64,
    /// Every deal is delayed by 0 to `max_delay` whole years (uniform).
    pub max_delay: u32,
    /// Number of Monte Carlo samples.
    pub samples: u32,
    /// Seed of the random numbers: the same seed and sample count give the same results.
    pub seed: u64,
    /// The tornado's range for each large deal's value, as changes of it: (-0.5, 0.5) is half
    /// to one and a half times the value. Written out only when changed, so the files and
    /// links made before it existed keep their bytes.
    #[serde(skip_serializing_if = "is_default_deal_value_range")]
    pub deal_value_range: (f64, f64),
}

/// The tornado's default range for deal values: half to one and a half times the value.
pub const DEFAULT_DEAL_VALUE_RANGE: (f64, f64) = (-0.5, 0.5);

fn is_default_deal_value_range(range: &(f64, f64)) -> bool {
    *range == DEFAULT_DEAL_VALUE_RANGE
}

impl Default for Uncertainty {
    /// Growth between 0.6x and 1.3x the plan, non-compute costs 5 points lower to 10 points
    /// higher, a one-in-four chance that a deal not signed is dropped, up to a year's delay;
    /// 5,000 samples, seed 42; deal values in the tornado from half to one and a half times.
    /// `docs/MODEL.md` explains the choices.
    fn default() -> Self {
        Uncertainty {
            growth_multiplier: (0.6, 1.3),
            opex_shift: (-0.05, 0.1),
            cancel_chance: 0.25,
            max_delay: 1,
            samples: 5000,
            seed: 42,
            deal_value_range: DEFAULT_DEAL_VALUE_RANGE,
        }
    }
}

/// Why a scenario could not be read or accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioError {
    /// The text is not JSON at all (or is cut short).
    Syntax { message: String },
    /// The JSON does not have the scenario's shape: a missing or unknown field or a wrong type.
    Shape { path: String, message: String },
    /// The scenario was written by a newer version of the app.
    NewerVersion { found: u64 },
    /// The shape is right but values break the rules; every problem is listed.
    Invalid(Vec<FieldError>),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Syntax { message } => write!(f, "This is not a readable scenario file: {message}"),
            ScenarioError::Shape { path, message } if path.is_empty() || path == "." => {
                f.write_str(&crate::format::sentence(message.clone()))
            }
            // The sentence first; where it is in the file after it, as for rule errors.
            ScenarioError::Shape { path, message } => {
                write!(f, "{} (at {path})", crate::format::sentence(message.clone()))
            }
            ScenarioError::NewerVersion { found } => write!(
                f,
                "This scenario was saved by a newer version ({found}); this app reads version {FORMAT_VERSION}"
            ),
            ScenarioError::Invalid(errors) => {
                let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                write!(f, "{}", lines.join("; "))
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

impl ScenarioError {
    /// Every problem as its own line, for a list shown to the user.
    pub fn messages(&self) -> Vec<String> {
        match self {
            ScenarioError::Invalid(errors) => errors.iter().map(|e| e.to_string()).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// A scenario that passed validation. It dereferences to its [`Draft`] for reading; to change
/// it, edit a copy of the draft and validate again.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario(Draft);

impl Scenario {
    /// Validates a draft, returning every problem at once.
    ///
    /// # Errors
    /// [`ScenarioError::NewerVersion`] for a version above [`FORMAT_VERSION`], otherwise
    /// [`ScenarioError::Invalid`] listing each rule broken, with the path of its field.
    ///
    /// # Examples
    /// ```
    /// use coverage_model::{presets, scenario::Scenario};
    /// let mut draft = presets::blank().draft().clone();
    /// draft.deals[0].years = 0;
    /// let err = Scenario::new(draft).unwrap_err();
    /// assert!(err.to_string().contains("The term must be between 1 and 30 years; got 0 (at deals[0].years)"));
    /// ```
    pub fn new(draft: Draft) -> Result<Scenario, ScenarioError> {
        if u64::from(draft.version) > u64::from(FORMAT_VERSION) {
            return Err(ScenarioError::NewerVersion {
                found: u64::from(draft.version),
            });
        }
        let errors = validate::validate(&draft);
        if errors.is_empty() {
            Ok(Scenario(draft))
        } else {
            Err(ScenarioError::Invalid(errors))
        }
    }

    /// Reads a scenario from its JSON text.
    ///
    /// # Errors
    /// A [`ScenarioError`] saying what is wrong: not JSON, the wrong shape (with the path of the
    /// field), a newer version, or invalid values.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        // A byte-order mark (Windows editors write one) is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(ScenarioError::Syntax {
                message: "the file is empty".into(),
            });
        }
        let value = parse(text)?;
        check_version(&value)?;
        let draft = read::draft(&value).map_err(|e| ScenarioError::Shape {
            path: e.path,
            message: clip_quoted(&e.message),
        })?;
        Scenario::new(draft)
    }

    /// The scenario as pretty-printed JSON, in the file format.
    pub fn to_json(&self) -> String {
        pretty(&self.to_json_compact())
    }

    /// The scenario as compact JSON (for links and storage).
    pub fn to_json_compact(&self) -> String {
        self.0.to_json_compact()
    }

    /// The validated draft.
    pub fn draft(&self) -> &Draft {
        &self.0
    }

    /// The years of the horizon, in order.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.0.start_year..=self.0.end_year
    }

    /// Number of years in the horizon.
    pub fn horizon_len(&self) -> usize {
        (self.0.end_year - self.0.start_year + 1) as usize
    }

    /// The uncertainty settings in effect: the scenario's own, or the defaults when it has none.
    pub fn uncertainty(&self) -> Uncertainty {
        self.0.uncertainty.unwrap_or_default()
    }

    /// Whether a deal counts towards the commitments under the scenario's switches.
    pub fn counts(&self, deal: &Deal) -> bool {
        deal.include && (deal.firm || !self.0.firm_only)
    }
}

impl Deref for Scenario {
    type Target = Draft;
    fn deref(&self) -> &Draft {
        &self.0
    }
}

/// Shortens every quoted or back-quoted piece of a message (serde echoes the value or the
/// field name it refused) to 40 characters, so a hostile file's 100,000-character string does
/// not become a wall of text on the page.
fn clip_quoted(message: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::with_capacity(message.len().min(512));
    let mut quote: Option<char> = None;
    let (mut run, mut escaped) = (0usize, false);
    for c in message.chars() {
        match quote {
            Some(q) if c == q && !escaped => {
                quote = None;
                out.push(c);
            }
            Some(_) => {
                escaped = !escaped && c == '\\';
                run += 1;
                if run <= MAX {
                    out.push(c);
                } else if run == MAX + 1 {
                    out.push('…');
                }
            }
            None => {
                if c == '"' || c == '`' {
                    quote = Some(c);
                    (run, escaped) = (0, false);
                }
                out.push(c);
            }
        }
    }
    // A refused name may hold quote marks itself (serde does not escape a backtick inside
    // backticks), so whatever is still long is cut too.
    if out.chars().count() > 3 * MAX + 200 {
        out = out.chars().take(3 * MAX + 200).chain(['…']).collect();
    }
    out
}

/// The text as JSON. A number out of range, or lists and objects nested past serde_json's
/// limit of 128, are reported where they are; other errors say what is wrong with the syntax.
fn parse(text: &str) -> Result<Value, ScenarioError> {
    let not_object = || ScenarioError::Shape {
        path: String::new(),
        message: "a scenario must be a JSON object".into(),
    };
    // Whatever follows, a list is not a scenario (and is not worth parsing to say so).
    if text.trim_start().starts_with('[') {
        return Err(not_object());
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(fields)) => Ok(Value::Object(fields)),
        Ok(_) => Err(not_object()),
        Err(e) => {
            let full = e.to_string();
            let m = strip_position(&full);
            if m.starts_with("number out of range") || m.starts_with("recursion limit") {
                Err(ScenarioError::Shape {
                    path: format!("line {}, column {}", e.line(), e.column()),
                    message: m.replace(
                        "recursion limit exceeded",
                        "lists or objects are nested too deeply",
                    ),
                })
            } else {
                Err(ScenarioError::Syntax {
                    message: syntax_message(&e),
                })
            }
        }
    }
}

/// A scenario is an object with a known `version`; the version is checked before the shape
/// because a newer file may hold fields this version does not know, and "newer version" is the
/// useful message then.
fn check_version(value: &Value) -> Result<(), ScenarioError> {
    let shape = |message: String| ScenarioError::Shape {
        path: "version".into(),
        message,
    };
    match value.get("version") {
        None => Err(shape("the field `version` is missing".into())),
        Some(v) => match v.as_whole().and_then(|i| u64::try_from(i).ok()) {
            Some(found) if found > u64::from(FORMAT_VERSION) => {
                Err(ScenarioError::NewerVersion { found })
            }
            Some(_) => Ok(()),
            None => {
                let got = match v {
                    Value::Text(s) => format!("\"{}\"", s.chars().take(20).collect::<String>()),
                    Value::List(_) => "a list".into(),
                    Value::Object(_) => "an object".into(),
                    Value::Null => "null".into(),
                    Value::Bool(b) => b.to_string(),
                    Value::Whole(i) => match i64::try_from(*i) {
                        Ok(i) => i.to_string(),
                        Err(_) => crate::format::display(*i as f64),
                    },
                    Value::Float(x) => crate::format::display(*x),
                };
                Err(shape(format!("version must be a whole number; got {got}")))
            }
        },
    }
}

/// Files and saved lists are read through the same mapping as [`Scenario::from_json`] (the
/// browser's saved scenarios hold drafts inside a larger JSON document).
impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Draft, D::Error> {
        let value = Value::deserialize(d)?;
        read::draft(&value).map_err(|e| {
            serde::de::Error::custom(if e.path.is_empty() {
                e.message
            } else {
                format!("{}: {}", e.path, e.message)
            })
        })
    }
}

/// Indents compact JSON two spaces per level. Done on the text (strings are skipped over
/// intact) so the app carries one JSON writer, not a second, pretty one.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    continue;
                }
                depth += 1;
                newline(&mut out, depth);
            }
            '}' | ']' => {
                if !(out.ends_with('{') || out.ends_with('[')) {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                }
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out.push('\n');
    out
}

fn syntax_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "the text ends too early (is it cut short?)".into(),
        _ => format!(
            "{} at line {} column {}",
            strip_position(&e.to_string()),
            e.line(),
            e.column()
        ),
    }
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_json_reads_back_and_keeps_strings_intact() {
        let mut d = crate::presets::blank().draft().clone();
        d.name = "a {tricky}, \"quoted\": [name]\\".into();
        let s = Scenario::new(d).unwrap();
        let text = s.to_json();
        assert!(
            text.contains("\n  \"name\": \"a {tricky}, \\\"quoted\\\": [name]\\\\\",\n"),
            "{text}"
        );
        assert!(
            text.contains("\"raises\": []"),
            "empty lists stay on one line: {text}"
        );
        assert_eq!(Scenario::from_json(&text).unwrap(), s);
    }

    #[test]
    fn long_refused_values_are_clipped_in_messages() {
        let base = crate::presets::blank().to_json_compact();
        let long = "x".repeat(10_000);
        let cases = [
            (
                base.replacen(
                    "\"start_year\":2026",
                    &format!("\"start_year\":\"{long}\""),
                    1,
                ),
                "Got text \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\", expected a whole number",
            ),
            (
                base.replacen("{", &format!("{{\"{long}\":1,"), 1),
                "Unknown field `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`, expected one of",
            ),
            // Found by fuzzing: a backtick inside the name ends the quote early.
            (
                base.replacen("{", &format!("{{\"ab`{long}\":1,"), 1),
                "Unknown field `ab`xxxxxxxxxxxxxxxxxxxxxxxx",
            ),
            (
                base.replacen(
                    "\"start_year\":2026",
                    "\"start_year\":\"a \\\"quoted\\\" year\"",
                    1,
                ),
                "Got text \"a \\\"quoted\\\" year\", expected a whole number",
            ),
        ];
        for (text, expected) in cases {
            let err = Scenario::from_json(&text).unwrap_err().to_string();
            assert!(err.contains(expected), "{expected}: got {err}");
            assert!(err.chars().count() < 400, "{err}");
        }
    }

    #[test]
    fn tagged_models_name_what_is_wrong() {
        let base = crate::presets::blank().to_json_compact();
        let cases = [
            (
                r#""kind":"constant","rate":0.3"#,
                r#""kind":"constant""#,
                "Constant growth needs `rate`",
            ),
            (
                r#""kind":"constant","rate":0.3"#,
                r#""kind":"constant","rate":0.3,"ceiling":9"#,
                "`ceiling` is not a field of constant growth",
            ),
            (
                r#""kind":"constant","rate":0.3"#,
                r#""kind":"magic","rate":0.3"#,
                "Unknown growth model `magic`",
            ),
            (
                r#""kind":"even""#,
                r#""kind":"fleet""#,
                "The fleet profile needs `growth`",
            ),
            (
                r#""kind":"even""#,
                r#""kind":"even","weights":[1]"#,
                "`weights` is not a field of the even profile",
            ),
        ];
        for (from, to, message) in cases {
            let text = base.replacen(from, to, 1);
            assert_ne!(text, base, "case {to} must change the file");
            let err = Scenario::from_json(&text).unwrap_err().to_string();
            assert!(err.contains(message), "case {to}: {err}");
        }
    }
}
