//! Writing the file format: the [`Draft`] as compact JSON, by hand, byte for byte what serde's
//! derived `Serialize` writes through serde_json (field order, fields left out when absent,
//! numbers through the same float writer, strings escaped the same way), so links and files
//! already published decode the same. The derived writer made one copy of serde_json's
//! serializer per type of the format in every page; this is one small function per type. The
//! derive stays on the types for the host's tests, which check the two agree.

use super::{Deal, Draft, Growth, Marker, Metric, Profile, Raise, Shortfall};

/// Compact JSON written into a string. A separator is put before a key or a list item unless
/// the container was just opened, so callers never track "first".
struct Writer(String);

impl Writer {
    fn sep(&mut self) {
        if !matches!(self.0.as_bytes().last(), Some(b'{' | b'[') | None) {
            self.0.push(',');
        }
    }

    fn key(&mut self, name: &str) {
        self.sep();
        self.0.push('"');
        self.0.push_str(name);
        self.0.push_str("\":");
    }

    fn text(&mut self, s: &str) {
        push_str(&mut self.0, s);
    }

    /// A number as serde_json writes an `f64`: shortest round-trip digits, `null` when not finite.
    fn number(&mut self, x: f64) {
        if x.is_finite() {
            self.0.push_str(zmij::Buffer::new().format_finite(x));
        } else {
            self.0.push_str("null");
        }
    }

    fn whole(&mut self, i: i64) {
        if i < 0 {
            self.0.push('-');
        }
        self.unsigned(i.unsigned_abs());
    }

    fn unsigned(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            self.0.push(char::from(d));
        }
    }

    fn boolean(&mut self, b: bool) {
        self.0.push_str(if b { "true" } else { "false" });
    }

    fn field_text(&mut self, name: &str, s: &str) {
        self.key(name);
        self.text(s);
    }

    fn field_opt_text(&mut self, name: &str, s: &Option<String>) {
        if let Some(s) = s {
            self.field_text(name, s);
        }
    }

    fn field_number(&mut self, name: &str, x: f64) {
        self.key(name);
        self.number(x);
    }

    fn field_whole(&mut self, name: &str, i: i64) {
        self.key(name);
        self.whole(i);
    }

    /// `[a, b]`: a point (`[year, value]`) or an interval.
    fn pair(&mut self, a: Option<i64>, a_float: f64, b: f64) {
        self.0.push('[');
        match a {
            Some(i) => self.whole(i),
            None => self.number(a_float),
        }
        self.0.push(',');
        self.number(b);
        self.0.push(']');
    }

    fn points(&mut self, name: &str, points: &[(i32, f64)]) {
        self.key(name);
        self.0.push('[');
        for &(year, x) in points {
            self.sep();
            self.pair(Some(year.into()), 0.0, x);
        }
        self.0.push(']');
    }

    fn interval(&mut self, name: &str, (lo, hi): (f64, f64)) {
        self.key(name);
        self.pair(None, lo, hi);
    }

    /// `"name":{"kind":"kind"` (the object is left open for the kind's own fields).
    fn kind(&mut self, name: &str, kind: &str) {
        self.key(name);
        self.0.push('{');
        self.field_text("kind", kind);
    }
}

/// Appends `s` as a JSON string: quoted, with `"`, `\` and control characters escaped as
/// serde_json escapes them (short forms where JSON has one, else `\u00xx` in lower case).
pub fn push_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The draft as compact JSON.
pub(crate) fn draft(d: &Draft) -> String {
    let mut w = Writer(String::with_capacity(2048));
    w.0.push('{');
    w.field_whole("version", d.version.into());
    w.field_text("name", &d.name);
    w.field_opt_text("as_of", &d.as_of);
    w.field_whole("start_year", d.start_year.into());
    w.field_whole("end_year", d.end_year.into());
    w.key("deals");
    w.0.push('[');
    for deal in &d.deals {
        w.sep();
        write_deal(&mut w, deal);
    }
    w.0.push(']');

    w.key("revenue");
    w.0.push('{');
    w.field_number("base", d.revenue.base);
    write_growth(&mut w, &d.revenue.growth);
    w.0.push('}');

    w.key("costs");
    w.0.push('{');
    w.points("opex_share", &d.costs.opex_share);
    w.key("revenue_share");
    w.0.push('{');
    w.field_number("rate", d.costs.revenue_share.rate);
    w.field_whole("until", d.costs.revenue_share.until.into());
    w.0.push_str("}}");

    w.key("funding");
    w.0.push('{');
    w.field_number("opening_cash", d.funding.opening_cash);
    w.key("raises");
    w.0.push('[');
    for raise in &d.funding.raises {
        w.sep();
        write_raise(&mut w, raise);
    }
    w.0.push_str("]}");

    if let Some(f) = &d.financing {
        w.key("financing");
        w.0.push('{');
        w.field_number("min_cash", f.min_cash);
        if let Some(credit) = &f.credit {
            w.key("credit");
            w.0.push('{');
            w.field_number("limit", credit.limit);
            w.field_number("rate", credit.rate);
            w.0.push('}');
        }
        w.field_text(
            "shortfall",
            match f.shortfall {
                Shortfall::NegativeCash => "negative_cash",
                Shortfall::Unpaid => "unpaid",
            },
        );
        w.field_opt_text("note", &f.note);
        w.0.push('}');
    }

    w.key("firm_only");
    w.boolean(d.firm_only);
    w.field_number("discount_rate", d.discount_rate);
    if !d.markers.is_empty() {
        w.key("markers");
        w.0.push('[');
        for m in &d.markers {
            w.sep();
            write_marker(&mut w, m);
        }
        w.0.push(']');
    }
    if let Some(u) = &d.uncertainty {
        w.key("uncertainty");
        w.0.push('{');
        w.interval("growth_multiplier", u.growth_multiplier);
        w.interval("opex_shift", u.opex_shift);
        w.field_number("cancel_chance", u.cancel_chance);
        w.field_whole("max_delay", u.max_delay.into());
        w.field_whole("samples", u.samples.into());
        w.key("seed");
        w.unsigned(u.seed);
        if u.deal_value_range != super::DEFAULT_DEAL_VALUE_RANGE {
            w.interval("deal_value_range", u.deal_value_range);
        }
        w.0.push('}');
    }
    w.0.push('}');
    w.0
}

fn write_deal(w: &mut Writer, deal: &Deal) {
    w.0.push('{');
    w.field_text("name", &deal.name);
    w.field_text("counterparty", &deal.counterparty);
    w.key("value");
    w.0.push('{');
    for (name, x) in [
        ("total", deal.value.total),
        ("gw", deal.value.gw),
        ("per_gw", deal.value.per_gw),
    ] {
        if let Some(x) = x {
            w.field_number(name, x);
        }
    }
    w.0.push('}');
    w.field_whole("start_year", deal.start_year.into());
    w.field_whole("years", deal.years.into());
    match &deal.profile {
        Profile::Even => w.kind("profile", "even"),
        Profile::RampUp => w.kind("profile", "ramp_up"),
        Profile::FrontLoaded => w.kind("profile", "front_loaded"),
        Profile::Fleet { growth } => {
            w.kind("profile", "fleet");
            w.field_number("growth", *growth);
        }
        Profile::Custom { weights } => {
            w.kind("profile", "custom");
            w.key("weights");
            w.0.push('[');
            for &x in weights {
                w.sep();
                w.number(x);
            }
            w.0.push(']');
        }
    }
    w.0.push('}');
    w.key("firm");
    w.boolean(deal.firm);
    w.key("include");
    w.boolean(deal.include);
    w.field_opt_text("source", &deal.source);
    w.field_opt_text("note", &deal.note);
    w.0.push('}');
}

fn write_growth(w: &mut Writer, growth: &Growth) {
    match growth {
        Growth::Constant { rate } => {
            w.kind("growth", "constant");
            w.field_number("rate", *rate);
        }
        Growth::Decaying {
            initial,
            decay,
            floor,
        } => {
            w.kind("growth", "decaying");
            w.field_number("initial", *initial);
            w.field_number("decay", *decay);
            w.field_number("floor", *floor);
        }
        Growth::Logistic { initial, ceiling } => {
            w.kind("growth", "logistic");
            w.field_number("initial", *initial);
            w.field_number("ceiling", *ceiling);
        }
        Growth::Path { points, after } => {
            w.kind("growth", "path");
            w.points("points", points);
            w.field_number("after", *after);
        }
    }
    w.0.push('}');
}

/// A raise as `[year, amount]` when it names no source and no note (files from before sources
/// existed keep their bytes), else as an object.
fn write_raise(w: &mut Writer, raise: &Raise) {
    if raise.from.is_none() && raise.note.is_none() {
        w.pair(Some(raise.year.into()), 0.0, raise.amount);
        return;
    }
    w.0.push('{');
    w.field_whole("year", raise.year.into());
    w.field_number("amount", raise.amount);
    w.field_opt_text("from", &raise.from);
    w.field_opt_text("note", &raise.note);
    w.0.push('}');
}

fn write_marker(w: &mut Writer, m: &Marker) {
    w.0.push('{');
    w.field_whole("year", m.year.into());
    w.field_text(
        "metric",
        match m.metric {
            Metric::Revenue => "revenue",
            Metric::Commitments => "commitments",
            Metric::NetCashFlow => "net_cash_flow",
            Metric::Cash => "cash",
            Metric::CumulativeBurn => "cumulative_burn",
        },
    );
    w.field_number("value", m.value);
    w.field_text("label", &m.label);
    w.field_opt_text("source", &m.source);
    w.0.push('}');
}
