//! Reading the file format: the JSON text parsed once by serde_json into a plain [`Value`]
//! (objects keep their keys in order, as written), then mapped onto the [`Draft`] by hand, field
//! by field, with the path of any field that has the wrong shape. serde's derived readers made
//! one copy of the JSON parser's machinery per type of the format (the embed page's largest
//! part); this way the parser is compiled once, for `Value`, and each field costs a call (see
//! [`Reader`] for why no field returns early).

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
    pub fn as_whole(&self) -> Option<i128> {
        match *self {
            Value::Whole(i) => Some(i),
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

/// Joins a path and a field name.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// The path of a list's item.
fn item(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The first `n` characters of a refused word, for a message.
fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The range of a whole number the format stores as `i32`, `u32` or `u64`.
type Range = (i128, i128);
const I32: Range = (i32::MIN as i128, i32::MAX as i128);
const U32: Range = (0, u32::MAX as i128);
const U64: Range = (0, u64::MAX as i128);

/// The walk over the JSON. The first problem met is kept and the walk goes on with a stand-in
/// value (0, empty), reporting nothing more: the caller sees exactly the error an early return
/// would give, while each field read is one call with no unwinding path of its own (the
/// early-return reader, with a `?` on every field, was the largest function of every page).
struct Reader {
    error: Option<ShapeError>,
}

impl Reader {
    fn failed(&self) -> bool {
        self.error.is_some()
    }

    fn fail(&mut self, path: &str, message: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(ShapeError {
                path: path.to_string(),
                message: message.into(),
            });
        }
    }

    fn wrong(&mut self, v: &Value, path: &str, expected: &str) {
        if !self.failed() {
            self.fail(path, format!("got {}, expected {expected}", describe(v)));
        }
    }

    fn number(&mut self, v: &Value, path: &str) -> f64 {
        match *v {
            Value::Whole(i) => i as f64,
            Value::Float(x) => x,
            _ => {
                self.wrong(v, path, "a number");
                0.0
            }
        }
    }

    fn whole(&mut self, v: &Value, path: &str, (lo, hi): Range) -> i128 {
        match *v {
            Value::Whole(i) if (lo..=hi).contains(&i) => i,
            _ => {
                self.wrong(v, path, "a whole number");
                0
            }
        }
    }

    fn boolean(&mut self, v: &Value, path: &str) -> bool {
        match *v {
            Value::Bool(b) => b,
            _ => {
                self.wrong(v, path, "true or false");
                false
            }
        }
    }

    fn text(&mut self, v: &Value, path: &str) -> String {
        match v {
            Value::Text(s) => s.clone(),
            _ => {
                self.wrong(v, path, "text");
                String::new()
            }
        }
    }

    fn list<'v>(&mut self, v: &'v Value, path: &str) -> &'v [Value] {
        match v {
            Value::List(items) => items,
            _ => {
                self.wrong(v, path, "a list");
                &[]
            }
        }
    }

    /// An object of the format: known fields only, none given twice (a file with both would be
    /// read differently by different programs). A wrong one reads as an empty object.
    fn object<'v>(&mut self, v: &'v Value, path: &'v str, fields: &[&str]) -> Obj<'v> {
        let empty = Obj { map: &[], path };
        let Value::Object(map) = v else {
            self.wrong(v, path, "an object");
            return empty;
        };
        if let Some((unknown, _)) = map.iter().find(|(k, _)| !fields.contains(&k.as_str())) {
            let names: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            self.fail(
                path,
                format!(
                    "unknown field `{unknown}`, expected one of {}",
                    names.join(", ")
                ),
            );
            return empty;
        }
        let mut seen = [false; 16];
        for (key, _) in map {
            let i = fields.iter().position(|f| f == key).unwrap_or(0);
            if std::mem::replace(&mut seen[i.min(15)], true) {
                self.fail(path, format!("duplicate field `{key}`"));
                return empty;
            }
        }
        Obj { map, path }
    }

    /// The two items of a `[a, b]` list.
    fn two<'v>(&mut self, v: &'v Value, path: &str) -> Option<(&'v Value, &'v Value)> {
        match v {
            Value::List(items) if items.len() == 2 => return Some((&items[0], &items[1])),
            Value::List(items) if items.len() > 2 => {
                self.fail(path, "a list has more items than expected here")
            }
            Value::List(items) => self.fail(
                path,
                format!("got a list of {}, expected a pair", items.len()),
            ),
            _ => self.wrong(v, path, "a list of two"),
        }
        None
    }

    /// A `[year, value]` point.
    fn point(&mut self, v: &Value, path: &str) -> (i32, f64) {
        let Some((year, value)) = self.two(v, path) else {
            return (0, 0.0);
        };
        (
            self.whole(year, &item(path, 0), I32) as i32,
            self.number(value, &item(path, 1)),
        )
    }

    /// A `[low, high]` interval.
    fn interval(&mut self, v: &Value, path: &str) -> (f64, f64) {
        let Some((lo, hi)) = self.two(v, path) else {
            return (0.0, 0.0);
        };
        (
            self.number(lo, &item(path, 0)),
            self.number(hi, &item(path, 1)),
        )
    }

    /// A list of points (cost shares, a revenue path).
    fn points(&mut self, v: &Value, path: &str) -> Vec<(i32, f64)> {
        let items = self.list(v, path);
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            if self.failed() {
                break;
            }
            out.push(self.point(v, &item(path, i)));
        }
        out
    }
}

/// An object's fields, and where it is in the file.
struct Obj<'v> {
    map: &'v [(String, Value)],
    path: &'v str,
}

impl<'v> Obj<'v> {
    fn has(&self, name: &str) -> bool {
        self.map.iter().any(|(k, _)| k == name)
    }

    /// A field that may be left out (or be null), with its path.
    fn get(&self, name: &str) -> Option<(&'v Value, String)> {
        match self.map.iter().find(|(k, _)| k == name) {
            None | Some((_, Value::Null)) => None,
            Some((_, v)) => Some((v, join(self.path, name))),
        }
    }

    /// A field that must be there (null is there: it is then the wrong type).
    fn need(&self, r: &mut Reader, name: &str) -> Option<(&'v Value, String)> {
        match self.map.iter().find(|(k, _)| k == name) {
            Some((_, v)) => Some((v, join(self.path, name))),
            None => {
                // A wrong object reads as empty: its own error is already kept.
                r.fail(self.path, format!("the field `{name}` is missing"));
                None
            }
        }
    }

    fn number(&self, r: &mut Reader, name: &str) -> f64 {
        self.need(r, name).map_or(0.0, |(v, p)| r.number(v, &p))
    }

    fn opt_number(&self, r: &mut Reader, name: &str) -> Option<f64> {
        self.get(name).map(|(v, p)| r.number(v, &p))
    }

    fn whole(&self, r: &mut Reader, name: &str, range: Range) -> i128 {
        self.need(r, name).map_or(0, |(v, p)| r.whole(v, &p, range))
    }

    fn opt_whole(&self, r: &mut Reader, name: &str, range: Range) -> Option<i128> {
        self.get(name).map(|(v, p)| r.whole(v, &p, range))
    }

    fn boolean(&self, r: &mut Reader, name: &str) -> bool {
        self.need(r, name).is_some_and(|(v, p)| r.boolean(v, &p))
    }

    fn text(&self, r: &mut Reader, name: &str) -> String {
        self.need(r, name)
            .map(|(v, p)| r.text(v, &p))
            .unwrap_or_default()
    }

    fn opt_text(&self, r: &mut Reader, name: &str) -> Option<String> {
        self.get(name).map(|(v, p)| r.text(v, &p))
    }

    /// The kind of a tagged model, and a check that no field of another kind is given.
    fn only(&self, r: &mut Reader, allowed: &[&str], all: &[&str], what: &str) {
        if let Some(f) = all.iter().find(|f| !allowed.contains(f) && self.has(f)) {
            r.fail(self.path, format!("`{f}` is not a field of {what}"));
        }
    }
}

/// The whole file, once its version has been checked.
pub(crate) fn draft(v: &Value) -> Read<Draft> {
    let mut r = Reader { error: None };
    let d = read_draft(&mut r, v);
    match r.error {
        Some(e) => Err(e),
        None => Ok(d),
    }
}

fn read_draft(r: &mut Reader, v: &Value) -> Draft {
    let o = r.object(
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
    );
    let version = o.whole(r, "version", U32) as u32;
    let name = o.text(r, "name");
    let as_of = o.opt_text(r, "as_of");
    let start_year = o.whole(r, "start_year", I32) as i32;
    let end_year = o.whole(r, "end_year", I32) as i32;
    let mut deals = Vec::new();
    if let Some((v, path)) = o.need(r, "deals") {
        let items = r.list(v, &path);
        deals.reserve(items.len());
        for (i, v) in items.iter().enumerate() {
            if r.failed() {
                break;
            }
            deals.push(deal(r, v, &item(&path, i)));
        }
    }
    let revenue = match o.need(r, "revenue") {
        Some((v, path)) => revenue(r, v, &path),
        None => Revenue {
            base: 0.0,
            growth: Growth::Constant { rate: 0.0 },
        },
    };
    let costs = match o.need(r, "costs") {
        Some((v, path)) => costs(r, v, &path),
        None => Costs {
            opex_share: Vec::new(),
            revenue_share: RevenueShare {
                rate: 0.0,
                until: 0,
            },
        },
    };
    let funding = match o.need(r, "funding") {
        Some((v, path)) => funding(r, v, &path),
        None => Funding {
            opening_cash: 0.0,
            raises: Vec::new(),
        },
    };
    let financing = o.get("financing").map(|(v, path)| financing(r, v, &path));
    let firm_only = o.boolean(r, "firm_only");
    let discount_rate = o.number(r, "discount_rate");
    let mut markers = Vec::new();
    if let Some((v, path)) = o.get("markers") {
        let items = r.list(v, &path);
        for (i, v) in items.iter().enumerate() {
            if r.failed() {
                break;
            }
            markers.push(marker(r, v, &item(&path, i)));
        }
    }
    let uncertainty = o
        .get("uncertainty")
        .map(|(v, path)| uncertainty(r, v, &path));
    Draft {
        version,
        name,
        as_of,
        start_year,
        end_year,
        deals,
        revenue,
        costs,
        funding,
        financing,
        firm_only,
        discount_rate,
        markers,
        uncertainty,
    }
}

fn deal(r: &mut Reader, v: &Value, path: &str) -> Deal {
    let o = r.object(
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
    );
    let name = o.text(r, "name");
    let counterparty = o.text(r, "counterparty");
    let value = o
        .need(r, "value")
        .map_or(DealValue::default(), |(v, path)| {
            let o = r.object(v, &path, &["total", "gw", "per_gw"]);
            DealValue {
                total: o.opt_number(r, "total"),
                gw: o.opt_number(r, "gw"),
                per_gw: o.opt_number(r, "per_gw"),
            }
        });
    let start_year = o.whole(r, "start_year", I32) as i32;
    let years = o.whole(r, "years", I32) as i32;
    let profile = o
        .need(r, "profile")
        .map_or(Profile::Even, |(v, path)| profile(r, v, &path));
    Deal {
        name,
        counterparty,
        value,
        start_year,
        years,
        profile,
        firm: o.boolean(r, "firm"),
        include: o.boolean(r, "include"),
        source: o.opt_text(r, "source"),
        note: o.opt_text(r, "note"),
    }
}

fn profile(r: &mut Reader, v: &Value, path: &str) -> Profile {
    const FIELDS: [&str; 2] = ["growth", "weights"];
    let o = r.object(v, path, &["kind", "growth", "weights"]);
    let k = o.text(r, "kind");
    let what = format!("the {k} profile");
    let need = |r: &mut Reader, name: &str| -> Option<(&Value, String)> {
        let field = o.get(name);
        if field.is_none() {
            r.fail(path, format!("the {k} profile needs `{name}`"));
        }
        field
    };
    match k.as_str() {
        "even" | "ramp_up" | "front_loaded" => {
            o.only(r, &[], &FIELDS, &what);
            match k.as_str() {
                "even" => Profile::Even,
                "ramp_up" => Profile::RampUp,
                _ => Profile::FrontLoaded,
            }
        }
        "fleet" => {
            o.only(r, &["growth"], &FIELDS, &what);
            Profile::Fleet {
                growth: need(r, "growth").map_or(0.0, |(v, p)| r.number(v, &p)),
            }
        }
        "custom" => {
            o.only(r, &["weights"], &FIELDS, &what);
            let mut weights = Vec::new();
            if let Some((v, path)) = need(r, "weights") {
                let items = r.list(v, &path);
                weights.reserve(items.len());
                for (i, v) in items.iter().enumerate() {
                    if r.failed() {
                        break;
                    }
                    weights.push(r.number(v, &item(&path, i)));
                }
            }
            Profile::Custom { weights }
        }
        other => {
            r.fail(
                path,
                format!(
                    "unknown profile kind `{}`; use even, ramp_up, front_loaded, fleet or custom",
                    clip(other, 40)
                ),
            );
            Profile::Even
        }
    }
}

fn revenue(r: &mut Reader, v: &Value, path: &str) -> Revenue {
    let o = r.object(v, path, &["base", "growth"]);
    Revenue {
        base: o.number(r, "base"),
        growth: o
            .need(r, "growth")
            .map_or(Growth::Constant { rate: 0.0 }, |(v, path)| {
                growth(r, v, &path)
            }),
    }
}

fn growth(r: &mut Reader, v: &Value, path: &str) -> Growth {
    const FIELDS: [&str; 7] = [
        "rate", "initial", "decay", "floor", "ceiling", "points", "after",
    ];
    let o = r.object(
        v,
        path,
        &[
            "kind", "rate", "initial", "decay", "floor", "ceiling", "points", "after",
        ],
    );
    let k = o.text(r, "kind");
    let what = format!("{k} growth");
    let need = |r: &mut Reader, name: &str| -> f64 {
        match o.get(name) {
            Some((v, p)) => r.number(v, &p),
            None => {
                r.fail(path, format!("{k} growth needs `{name}`"));
                0.0
            }
        }
    };
    match k.as_str() {
        "constant" => {
            o.only(r, &["rate"], &FIELDS, &what);
            Growth::Constant {
                rate: need(r, "rate"),
            }
        }
        "decaying" => {
            o.only(r, &["initial", "decay", "floor"], &FIELDS, &what);
            Growth::Decaying {
                initial: need(r, "initial"),
                decay: need(r, "decay"),
                floor: need(r, "floor"),
            }
        }
        "logistic" => {
            o.only(r, &["initial", "ceiling"], &FIELDS, &what);
            Growth::Logistic {
                initial: need(r, "initial"),
                ceiling: need(r, "ceiling"),
            }
        }
        "path" => {
            o.only(r, &["points", "after"], &FIELDS, &what);
            let points = match o.get("points") {
                Some((v, p)) => r.points(v, &p),
                None => {
                    r.fail(path, "path growth needs `points`");
                    Vec::new()
                }
            };
            Growth::Path {
                points,
                after: need(r, "after"),
            }
        }
        other => {
            r.fail(
                path,
                format!(
                    "unknown growth model `{}`; use constant, decaying, logistic or path",
                    clip(other, 40)
                ),
            );
            Growth::Constant { rate: 0.0 }
        }
    }
}

fn costs(r: &mut Reader, v: &Value, path: &str) -> Costs {
    let o = r.object(v, path, &["opex_share", "revenue_share"]);
    let opex_share = o
        .need(r, "opex_share")
        .map(|(v, p)| r.points(v, &p))
        .unwrap_or_default();
    let revenue_share = match o.need(r, "revenue_share") {
        Some((v, path)) => {
            let o = r.object(v, &path, &["rate", "until"]);
            RevenueShare {
                rate: o.number(r, "rate"),
                until: o.whole(r, "until", I32) as i32,
            }
        }
        None => RevenueShare {
            rate: 0.0,
            until: 0,
        },
    };
    Costs {
        opex_share,
        revenue_share,
    }
}

fn funding(r: &mut Reader, v: &Value, path: &str) -> Funding {
    let o = r.object(v, path, &["opening_cash", "raises"]);
    let opening_cash = o.number(r, "opening_cash");
    let mut raises = Vec::new();
    if let Some((v, path)) = o.need(r, "raises") {
        let items = r.list(v, &path);
        raises.reserve(items.len());
        for (i, v) in items.iter().enumerate() {
            if r.failed() {
                break;
            }
            raises.push(raise(r, v, &item(&path, i)));
        }
    }
    Funding {
        opening_cash,
        raises,
    }
}

/// A raise: a `[year, amount]` pair (the original form) or an object that may also say who put
/// the money in and a note.
fn raise(r: &mut Reader, v: &Value, path: &str) -> Raise {
    const FIELDS: [&str; 4] = ["year", "amount", "from", "note"];
    match v {
        Value::List(items) => {
            if items.len() != 2 {
                r.fail(path, "a raise written as a pair is [year, amount]");
                return Raise::default();
            }
            let (year, amount) = r.point(v, path);
            return Raise::new(year, amount);
        }
        Value::Object(map) => {
            if let Some((other, _)) = map.iter().find(|(k, _)| !FIELDS.contains(&k.as_str())) {
                r.fail(
                    path,
                    format!(
                        "unknown field `{}` in a raise; a raise has year, amount, from and note",
                        clip(other, 40)
                    ),
                );
                return Raise::default();
            }
        }
        _ => {
            r.wrong(
                v,
                path,
                "a raise: [year, amount] or {\"year\", \"amount\", \"from\", \"note\"}",
            );
            return Raise::default();
        }
    }
    let o = r.object(v, path, &FIELDS);
    let need = |r: &mut Reader, field: &str| -> Option<(&Value, String)> {
        let got = o.get(field);
        if got.is_none() {
            r.fail(
                path,
                format!("a raise written as an object needs `{field}`"),
            );
        }
        got
    };
    let year = need(r, "year").map_or(0, |(v, p)| r.whole(v, &p, I32) as i32);
    let amount = need(r, "amount").map_or(0.0, |(v, p)| r.number(v, &p));
    Raise {
        year,
        amount,
        from: o.opt_text(r, "from"),
        note: o.opt_text(r, "note"),
    }
}

fn financing(r: &mut Reader, v: &Value, path: &str) -> Financing {
    let o = r.object(v, path, &["min_cash", "credit", "shortfall", "note"]);
    let min_cash = o.opt_number(r, "min_cash").unwrap_or_default();
    let credit = o.get("credit").map(|(v, path)| {
        let o = r.object(v, &path, &["limit", "rate"]);
        Credit {
            limit: o.number(r, "limit"),
            rate: o.number(r, "rate"),
        }
    });
    let shortfall = match o.get("shortfall") {
        None => Shortfall::default(),
        Some((v, path)) => match r.text(v, &path).as_str() {
            "negative_cash" => Shortfall::NegativeCash,
            "unpaid" => Shortfall::Unpaid,
            other => {
                r.fail(
                    &path,
                    format!(
                        "the shortfall rule (`shortfall`) must be \"negative_cash\" or \"unpaid\"; got \"{}\"",
                        clip(other, 40)
                    ),
                );
                Shortfall::NegativeCash
            }
        },
    };
    Financing {
        min_cash,
        credit,
        shortfall,
        note: o.opt_text(r, "note"),
    }
}

fn marker(r: &mut Reader, v: &Value, path: &str) -> Marker {
    let o = r.object(v, path, &["year", "metric", "value", "label", "source"]);
    let year = o.whole(r, "year", I32) as i32;
    let metric = match o.need(r, "metric") {
        None => Metric::Revenue,
        Some((v, path)) => match r.text(v, &path).as_str() {
            "revenue" => Metric::Revenue,
            "commitments" => Metric::Commitments,
            "net_cash_flow" => Metric::NetCashFlow,
            "cash" => Metric::Cash,
            "cumulative_burn" => Metric::CumulativeBurn,
            word => {
                r.fail(
                    &path,
                    format!(
                        "unknown variant `{}`, expected one of `revenue`, `commitments`, `net_cash_flow`, `cash`, `cumulative_burn`",
                        clip(word, 40)
                    ),
                );
                Metric::Revenue
            }
        },
    };
    Marker {
        year,
        metric,
        value: o.number(r, "value"),
        label: o.text(r, "label"),
        source: o.opt_text(r, "source"),
    }
}

fn uncertainty(r: &mut Reader, v: &Value, path: &str) -> Uncertainty {
    let o = r.object(
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
    );
    let d = Uncertainty::default();
    let interval = |r: &mut Reader, name: &str, default: (f64, f64)| match o.get(name) {
        Some((v, p)) => r.interval(v, &p),
        None => default,
    };
    let growth_multiplier = interval(r, "growth_multiplier", d.growth_multiplier);
    let opex_shift = interval(r, "opex_shift", d.opex_shift);
    let cancel_chance = o.opt_number(r, "cancel_chance").unwrap_or(d.cancel_chance);
    let max_delay = o
        .opt_whole(r, "max_delay", U32)
        .map_or(d.max_delay, |i| i as u32);
    let samples = o
        .opt_whole(r, "samples", U32)
        .map_or(d.samples, |i| i as u32);
    let seed = o.opt_whole(r, "seed", U64).map_or(d.seed, |i| i as u64);
    Uncertainty {
        growth_multiplier,
        opex_shift,
        cancel_chance,
        max_delay,
        samples,
        seed,
        deal_value_range: interval(r, "deal_value_range", d.deal_value_range),
    }
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
