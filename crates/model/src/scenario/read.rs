//! Reading the file format: the JSON text parsed once by serde_json into a plain [`Value`]
//! (objects keep their keys in order, as written), then mapped onto the [`Draft`] by hand, field
//! by field, with the path of any field that has the wrong shape. serde's derived readers made
//! one copy of the JSON parser's machinery per type of the format (the embed page's largest
//! part); this way the parser is compiled once, for `Value`, and each field costs a line.

use super::{
    Costs, Credit, Deal, DealValue, Draft, Financing, Funding, Growth, Marker, Metric, Profile,
    Raise, Revenue, RevenueShare, Shortfall, Uncertainty,
};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A JSON value as read, numbers kept exact (a seed may need all 64 bits).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Whole(i128),
    Float(f64),
    Text(String),
    List(Vec<Value>),
    /// Keys in the order written (objects here have a dozen keys at most: looked up in turn).
    Object(Vec<(String, Value)>),
}

impl Value {
    fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Whole(i) => Some(i as f64),
            Value::Float(x) => Some(x),
            _ => None,
        }
    }

    pub fn as_whole(&self) -> Option<i128> {
        match *self {
            Value::Whole(i) => Some(i),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Whole(i.into()))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
        Ok(Value::Whole(u.into()))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        Ok(Value::Float(x))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Text(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Text(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = a.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(entry) = a.next_entry::<String, Value>()? {
            fields.push(entry);
        }
        Ok(Value::Object(fields))
    }
}

/// A field with the wrong shape: its path (`deals[0].years`) and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShapeError {
    pub path: String,
    pub message: String,
}

type Read<T> = Result<T, ShapeError>;

fn error(path: &str, message: impl Into<String>) -> ShapeError {
    ShapeError {
        path: path.to_string(),
        message: message.into(),
    }
}

/// The value as a person would name it in a message.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        // Through i64 (its formatting is in every page already; i128's is not).
        Value::Whole(i) => match i64::try_from(*i) {
            Ok(i) => format!("the number `{i}`"),
            Err(_) => format!("the number `{}`", crate::format::display(*i as f64)),
        },
        Value::Float(x) => format!("the number `{}`", crate::format::display(*x)),
        Value::Text(s) => format!(
            "text \"{}\"",
            s.chars()
                .take(60)
                .collect::<String>()
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
        ),
        Value::List(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn wrong(v: &Value, path: &str, expected: &str) -> ShapeError {
    error(path, format!("got {}, expected {expected}", describe(v)))
}

/// Joins a path and a field name.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// An object of the format: known fields only.
struct Obj<'a> {
    value: &'a Value,
    path: &'a str,
}

/// The first key given twice, if any, among keys that are all of `fields` (a file with both
/// would be read differently by different programs).
fn duplicate<'a>(keys: &[&'a str], fields: &[&str]) -> Option<&'a str> {
    let mut seen = [false; 16];
    for key in keys {
        let i = fields.iter().position(|f| f == key)?;
        if std::mem::replace(&mut seen[i.min(15)], true) {
            return Some(key);
        }
    }
    None
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &'a str, fields: &[&str]) -> Read<Obj<'a>> {
        let Value::Object(map) = v else {
            return Err(wrong(v, path, "an object"));
        };
        let keys: Vec<&str> = map.iter().map(|(k, _)| k.as_str()).collect();
        if let Some(unknown) = keys.iter().find(|k| !fields.contains(k)) {
            let names: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            return Err(error(
                path,
                format!(
                    "unknown field `{unknown}`, expected one of {}",
                    names.join(", ")
                ),
            ));
        }
        if let Some(twice) = duplicate(&keys, fields) {
            return Err(error(path, format!("duplicate field `{twice}`")));
        }
        Ok(Obj { value: v, path })
    }

    fn has(&self, name: &str) -> bool {
        self.value.get(name).is_some()
    }

    /// A field that may be left out (or be null).
    fn opt<T>(&self, name: &str, read: impl Fn(&Value, &str) -> Read<T>) -> Read<Option<T>> {
        match self.value.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v, &join(self.path, name)).map(Some),
        }
    }

    /// A field that must be there.
    fn req<T>(&self, name: &str, read: impl Fn(&Value, &str) -> Read<T>) -> Read<T> {
        match self.value.get(name) {
            Some(v) => read(v, &join(self.path, name)),
            None => Err(error(self.path, format!("the field `{name}` is missing"))),
        }
    }
}

fn number(v: &Value, path: &str) -> Read<f64> {
    v.as_f64().ok_or_else(|| wrong(v, path, "a number"))
}

fn whole<T: TryFrom<i128>>(v: &Value, path: &str) -> Read<T> {
    v.as_whole()
        .and_then(|i| T::try_from(i).ok())
        .ok_or_else(|| wrong(v, path, "a whole number"))
}

fn boolean(v: &Value, path: &str) -> Read<bool> {
    match *v {
        Value::Bool(b) => Ok(b),
        _ => Err(wrong(v, path, "true or false")),
    }
}

fn text(v: &Value, path: &str) -> Read<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| wrong(v, path, "text"))
}

fn list<T>(read: impl Fn(&Value, &str) -> Read<T>) -> impl Fn(&Value, &str) -> Read<Vec<T>> {
    move |v, path| {
        let Value::List(items) = v else {
            return Err(wrong(v, path, "a list"));
        };
        // A plain loop: `collect` into a `Result` costs kilobytes per element type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(read(item, &format!("{path}[{i}]"))?);
        }
        Ok(out)
    }
}

/// The two items of a `[a, b]` list.
fn two<'a>(v: &'a Value, path: &str) -> Read<(&'a Value, &'a Value)> {
    match v {
        Value::List(items) if items.len() == 2 => Ok((&items[0], &items[1])),
        Value::List(items) if items.len() > 2 => {
            Err(error(path, "a list has more items than expected here"))
        }
        Value::List(items) => Err(error(
            path,
            format!("got a list of {}, expected a pair", items.len()),
        )),
        _ => Err(wrong(v, path, "a list of two")),
    }
}

/// A `[year, value]` point.
fn point(v: &Value, path: &str) -> Read<(i32, f64)> {
    let (year, value) = two(v, path)?;
    Ok((
        whole(year, &format!("{path}[0]"))?,
        number(value, &format!("{path}[1]"))?,
    ))
}

/// A `[low, high]` interval.
fn interval(v: &Value, path: &str) -> Read<(f64, f64)> {
    let (lo, hi) = two(v, path)?;
    Ok((
        number(lo, &format!("{path}[0]"))?,
        number(hi, &format!("{path}[1]"))?,
    ))
}

/// The whole file, once its version has been checked.
pub(crate) fn draft(v: &Value) -> Read<Draft> {
    let o = Obj::new(
        v,
        "",
        &[
            "version",
            "name",
            "as_of",
            "start_year",
            "end_year",
            "deals",
            "revenue",
            "costs",
            "funding",
            "financing",
            "firm_only",
            "discount_rate",
            "markers",
            "uncertainty",
        ],
    )?;
    Ok(Draft {
        version: o.req("version", whole)?,
        name: o.req("name", text)?,
        as_of: o.opt("as_of", text)?,
        start_year: o.req("start_year", whole)?,
        end_year: o.req("end_year", whole)?,
        deals: o.req("deals", list(deal))?,
        revenue: o.req("revenue", revenue)?,
        costs: o.req("costs", costs)?,
        funding: o.req("funding", funding)?,
        financing: o.opt("financing", financing)?,
        firm_only: o.req("firm_only", boolean)?,
        discount_rate: o.req("discount_rate", number)?,
        markers: o.opt("markers", list(marker))?.unwrap_or_default(),
        uncertainty: o.opt("uncertainty", uncertainty)?,
    })
}

fn deal(v: &Value, path: &str) -> Read<Deal> {
    let o = Obj::new(
        v,
        path,
        &[
            "name",
            "counterparty",
            "value",
            "start_year",
            "years",
            "profile",
            "firm",
            "include",
            "source",
            "note",
        ],
    )?;
    Ok(Deal {
        name: o.req("name", text)?,
        counterparty: o.req("counterparty", text)?,
        value: o.req("value", deal_value)?,
        start_year: o.req("start_year", whole)?,
        years: o.req("years", whole)?,
        profile: o.req("profile", profile)?,
        firm: o.req("firm", boolean)?,
        include: o.req("include", boolean)?,
        source: o.opt("source", text)?,
        note: o.opt("note", text)?,
    })
}

fn deal_value(v: &Value, path: &str) -> Read<DealValue> {
    let o = Obj::new(v, path, &["total", "gw", "per_gw"])?;
    Ok(DealValue {
        total: o.opt("total", number)?,
        gw: o.opt("gw", number)?,
        per_gw: o.opt("per_gw", number)?,
    })
}

/// The kind of a tagged model, and a check that no field of another kind is given.
fn kind<'a>(o: &Obj<'a>, allowed: &[&str], all: &[&str], what: &str) -> Read<()> {
    match all.iter().find(|f| !allowed.contains(f) && o.has(f)) {
        Some(f) => Err(error(o.path, format!("`{f}` is not a field of {what}"))),
        None => Ok(()),
    }
}

fn profile(v: &Value, path: &str) -> Read<Profile> {
    const FIELDS: [&str; 2] = ["growth", "weights"];
    let o = Obj::new(v, path, &["kind", "growth", "weights"])?;
    let need = |name: &str, k: &str| error(path, format!("the {k} profile needs `{name}`"));
    let k: String = o.req("kind", text)?;
    let only = |allowed: &[&str]| kind(&o, allowed, &FIELDS, &format!("the {k} profile"));
    match k.as_str() {
        "even" => only(&[]).map(|_| Profile::Even),
        "ramp_up" => only(&[]).map(|_| Profile::RampUp),
        "front_loaded" => only(&[]).map(|_| Profile::FrontLoaded),
        "fleet" => {
            only(&["growth"])?;
            Ok(Profile::Fleet {
                growth: o
                    .opt("growth", number)?
                    .ok_or_else(|| need("growth", "fleet"))?,
            })
        }
        "custom" => {
            only(&["weights"])?;
            Ok(Profile::Custom {
                weights: o
                    .opt("weights", list(number))?
                    .ok_or_else(|| need("weights", "custom"))?,
            })
        }
        other => Err(error(
            path,
            format!(
                "unknown profile kind `{}`; use even, ramp_up, front_loaded, fleet or custom",
                other.chars().take(40).collect::<String>()
            ),
        )),
    }
}

fn revenue(v: &Value, path: &str) -> Read<Revenue> {
    let o = Obj::new(v, path, &["base", "growth"])?;
    Ok(Revenue {
        base: o.req("base", number)?,
        growth: o.req("growth", growth)?,
    })
}

fn growth(v: &Value, path: &str) -> Read<Growth> {
    const FIELDS: [&str; 7] = [
        "rate", "initial", "decay", "floor", "ceiling", "points", "after",
    ];
    let o = Obj::new(
        v,
        path,
        &[
            "kind", "rate", "initial", "decay", "floor", "ceiling", "points", "after",
        ],
    )?;
    let k: String = o.req("kind", text)?;
    let only = |allowed: &[&str]| kind(&o, allowed, &FIELDS, &format!("{k} growth"));
    let need = |name: &str| -> Read<f64> {
        o.opt(name, number)?
            .ok_or_else(|| error(path, format!("{k} growth needs `{name}`")))
    };
    match k.as_str() {
        "constant" => {
            only(&["rate"])?;
            Ok(Growth::Constant {
                rate: need("rate")?,
            })
        }
        "decaying" => {
            only(&["initial", "decay", "floor"])?;
            Ok(Growth::Decaying {
                initial: need("initial")?,
                decay: need("decay")?,
                floor: need("floor")?,
            })
        }
        "logistic" => {
            only(&["initial", "ceiling"])?;
            Ok(Growth::Logistic {
                initial: need("initial")?,
                ceiling: need("ceiling")?,
            })
        }
        "path" => {
            only(&["points", "after"])?;
            Ok(Growth::Path {
                points: o
                    .opt("points", list(point))?
                    .ok_or_else(|| error(path, "path growth needs `points`"))?,
                after: need("after")?,
            })
        }
        other => Err(error(
            path,
            format!(
                "unknown growth model `{}`; use constant, decaying, logistic or path",
                other.chars().take(40).collect::<String>()
            ),
        )),
    }
}

fn costs(v: &Value, path: &str) -> Read<Costs> {
    let o = Obj::new(v, path, &["opex_share", "revenue_share"])?;
    Ok(Costs {
        opex_share: o.req("opex_share", list(point))?,
        revenue_share: o.req("revenue_share", |v, path| {
            let o = Obj::new(v, path, &["rate", "until"])?;
            Ok(RevenueShare {
                rate: o.req("rate", number)?,
                until: o.req("until", whole)?,
            })
        })?,
    })
}

fn funding(v: &Value, path: &str) -> Read<Funding> {
    let o = Obj::new(v, path, &["opening_cash", "raises"])?;
    Ok(Funding {
        opening_cash: o.req("opening_cash", number)?,
        raises: o.req("raises", list(raise))?,
    })
}

/// A raise: a `[year, amount]` pair (the original form) or an object that may also say who put
/// the money in and a note.
fn raise(v: &Value, path: &str) -> Read<Raise> {
    if let Value::List(items) = v {
        if items.len() != 2 {
            return Err(error(path, "a raise written as a pair is [year, amount]"));
        }
        let (year, amount) = point(v, path)?;
        return Ok(Raise::new(year, amount));
    }
    let Value::Object(map) = v else {
        return Err(wrong(
            v,
            path,
            "a raise: [year, amount] or {\"year\", \"amount\", \"from\", \"note\"}",
        ));
    };
    const FIELDS: [&str; 4] = ["year", "amount", "from", "note"];
    if let Some((other, _)) = map.iter().find(|(k, _)| !FIELDS.contains(&k.as_str())) {
        return Err(error(
            path,
            format!(
                "unknown field `{}` in a raise; a raise has year, amount, from and note",
                other.chars().take(40).collect::<String>()
            ),
        ));
    }
    let o = Obj::new(v, path, &FIELDS)?;
    let need = |field: &str| {
        error(
            path,
            format!("a raise written as an object needs `{field}`"),
        )
    };
    Ok(Raise {
        year: o.opt("year", whole)?.ok_or_else(|| need("year"))?,
        amount: o.opt("amount", number)?.ok_or_else(|| need("amount"))?,
        from: o.opt("from", text)?,
        note: o.opt("note", text)?,
    })
}

fn financing(v: &Value, path: &str) -> Read<Financing> {
    let o = Obj::new(v, path, &["min_cash", "credit", "shortfall", "note"])?;
    Ok(Financing {
        min_cash: o.opt("min_cash", number)?.unwrap_or_default(),
        credit: o.opt("credit", |v, path| {
            let o = Obj::new(v, path, &["limit", "rate"])?;
            Ok(Credit {
                limit: o.req("limit", number)?,
                rate: o.req("rate", number)?,
            })
        })?,
        shortfall: o
            .opt("shortfall", |v, path| match text(v, path)?.as_str() {
                "negative_cash" => Ok(Shortfall::NegativeCash),
                "unpaid" => Ok(Shortfall::Unpaid),
                other => Err(error(
                    path,
                    format!(
                        "the shortfall rule (`shortfall`) must be \"negative_cash\" or \"unpaid\"; got \"{}\"",
                        other.chars().take(40).collect::<String>()
                    ),
                )),
            })?
            .unwrap_or_default(),
        note: o.opt("note", text)?,
    })
}

fn marker(v: &Value, path: &str) -> Read<Marker> {
    let o = Obj::new(v, path, &["year", "metric", "value", "label", "source"])?;
    Ok(Marker {
        year: o.req("year", whole)?,
        metric: o.req("metric", |v, path| {
            let word = text(v, path)?;
            let metric = match word.as_str() {
                "revenue" => Some(Metric::Revenue),
                "commitments" => Some(Metric::Commitments),
                "net_cash_flow" => Some(Metric::NetCashFlow),
                "cash" => Some(Metric::Cash),
                "cumulative_burn" => Some(Metric::CumulativeBurn),
                _ => None,
            };
            metric.ok_or_else(|| {
                    error(
                        path,
                        format!(
                            "unknown variant `{}`, expected one of `revenue`, `commitments`, `net_cash_flow`, `cash`, `cumulative_burn`",
                            word.chars().take(40).collect::<String>()
                        ),
                    )
                })
        })?,
        value: o.req("value", number)?,
        label: o.req("label", text)?,
        source: o.opt("source", text)?,
    })
}

fn uncertainty(v: &Value, path: &str) -> Read<Uncertainty> {
    let o = Obj::new(
        v,
        path,
        &[
            "growth_multiplier",
            "opex_shift",
            "cancel_chance",
            "max_delay",
            "samples",
            "seed",
            "deal_value_range",
        ],
    )?;
    let d = Uncertainty::default();
    Ok(Uncertainty {
        growth_multiplier: o
            .opt("growth_multiplier", interval)?
            .unwrap_or(d.growth_multiplier),
        opex_shift: o.opt("opex_shift", interval)?.unwrap_or(d.opex_shift),
        cancel_chance: o.opt("cancel_chance", number)?.unwrap_or(d.cancel_chance),
        max_delay: o.opt("max_delay", whole)?.unwrap_or(d.max_delay),
        samples: o.opt("samples", whole)?.unwrap_or(d.samples),
        seed: o.opt("seed", whole)?.unwrap_or(d.seed),
        deal_value_range: o
            .opt("deal_value_range", interval)?
            .unwrap_or(d.deal_value_range),
    })
}

#[cfg(test)]
mod tests {
    use crate::presets;
    use crate::scenario::{Scenario, ScenarioError};

    /// (what is changed in the blank preset's compact JSON, into what, the path, the message).
    #[test]
    fn each_bad_field_is_named_by_its_path() {
        let base = presets::blank().to_json_compact();
        let cases = [
            ("\"firm\":true", "\"firm\":\"yes\"", "deals[0].firm", "got text \"yes\", expected true or false"),
            ("\"base\":5.0", "\"base\":[5]", "revenue.base", "got a list, expected a number"),
            ("\"until\":2026", "\"until\":2030.5", "costs.revenue_share.until", "got the number `2030.5`, expected a whole number"),
            ("\"raises\":[]", "\"raises\":[[2027,1,2]]", "funding.raises[0]", "a raise written as a pair is [year, amount]"),
            ("\"raises\":[]", "\"raises\":[{\"year\":2027}]", "funding.raises[0]", "a raise written as an object needs `amount`"),
            ("\"firm\":true", "\"firm\":true,\"firm\":false", "deals[0]", "duplicate field `firm`"),
            ("\"version\":1,", "\"version\":1,\"markers\":[{\"year\":2027,\"metric\":\"profit\",\"value\":1,\"label\":\"x\"}],", "markers[0].metric", "unknown variant `profit`"),
        ];
        for (from, to, path, message) in cases {
            let text = base.replacen(from, to, 1);
            assert_ne!(text, base, "{to} must change the file");
            match Scenario::from_json(&text) {
                Err(ScenarioError::Shape {
                    path: p,
                    message: m,
                }) => {
                    assert_eq!(p, path, "{to}");
                    assert!(m.contains(message), "{to}: {m}");
                }
                other => panic!("{to}: expected a shape error, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_seed_keeps_all_its_64_bits() {
        let text = presets::blank().to_json_compact().replacen(
            "\"version\":1",
            "\"version\":1,\"uncertainty\":{\"seed\":18446744073709551615}",
            1,
        );
        let s = Scenario::from_json(&text).unwrap();
        assert_eq!(s.uncertainty().seed, u64::MAX);
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }
}
