//! The rules a scenario must meet, each producing a message a person understands with the path
//! of the field it concerns (`deals[2].years`). All rules run, so every problem is reported at
//! once.

use super::{Deal, DealValue, Draft, Financing, Growth, Profile, Uncertainty, FORMAT_VERSION};
use std::fmt;

/// Largest money amount accepted anywhere, in billions ($1,000 trillion). Bounding inputs keeps
/// every sum and every 50-year compounding finite.
pub const MAX_MONEY: f64 = 1.0e6;
/// Largest growth rate accepted (10,000% a year).
pub const MAX_RATE: f64 = 100.0;
/// Longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Most deals a scenario may hold.
pub const MAX_DEALS: usize = 100;
/// Largest end of the growth multiplier's interval.
pub const MAX_GROWTH_MULTIPLIER: f64 = 20.0;
/// Longest delay of a deal in the Monte Carlo, in years.
pub const MAX_DELAY: u32 = 10;
/// Fewest Monte Carlo samples accepted: fewer give percentiles too coarse to plot.
pub const MIN_SAMPLES: u32 = 100;
/// Most Monte Carlo samples accepted.
pub const MAX_SAMPLES: u32 = 100_000;

const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;
const MAX_HORIZON: i32 = 50;
const MAX_TERM: i32 = 30;
const MAX_GW: f64 = 1.0e4;
const MAX_TEXT_CHARS: usize = 2000;
const MAX_MARKERS: usize = 100;
const MAX_POINTS: usize = 100;

/// One broken rule: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the field, e.g. `deals[2].years`.
    pub path: String,
    /// A sentence saying what is wrong and what was found.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The sentence first; the path after it tells someone editing the file where to look.
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} (at {})", self.message, self.path)
        }
    }
}

/// A number in a message (see [`crate::format::message_number`]), written straight into the
/// message: a `Display` argument leaves no temporary string to free at each of the many sites.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::format::message_number(self.0))
    }
}

/// A fraction in a message, as a percentage.
struct Pct(f64);

impl fmt::Display for Pct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", Num(self.0 * 100.0))
    }
}

/// Where a field is: its parent's path and the rest (`deals[2]` and `.years`), joined only when
/// a rule fails, so the fields that pass (nearly all) build no path.
#[derive(Clone, Copy)]
struct At<'a>(&'a str, &'a str);

/// A path written out whole.
fn at(path: &str) -> At<'_> {
    At(path, "")
}

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// Records a problem. Messages are written with the field's name first, in lower case, so
    /// they read inside a sentence; the first letter is capitalised here, once, because every
    /// message is shown as a sentence of its own beside its field.
    fn fail(&mut self, at: At, message: String) {
        self.errors.push(FieldError {
            path: [at.0, at.1].concat(),
            message: crate::format::sentence(message),
        });
    }

    /// A finite number; returns false (after reporting) when it is not.
    fn finite(&mut self, at: At, what: &str, x: f64) -> bool {
        if x.is_finite() {
            true
        } else {
            self.fail(
                at,
                format!("{what} must be a finite number; got {}", Num(x)),
            );
            false
        }
    }

    fn money_positive(&mut self, at: At, what: &str, x: f64) {
        if self.finite(at, what, x) && !(x > 0.0 && x <= MAX_MONEY) {
            self.fail(
                at,
                format!(
                    "{what} must be above $0B and at most ${}B; got {}",
                    Num(MAX_MONEY),
                    Num(x)
                ),
            );
        }
    }

    /// Money between $0B and the largest amount accepted.
    fn money_at_least_zero(&mut self, at: At, what: &str, x: f64) {
        if self.finite(at, what, x) && !(0.0..=MAX_MONEY).contains(&x) {
            self.fail(
                at,
                format!(
                    "{what} must be between $0B and ${}B; got {}",
                    Num(MAX_MONEY),
                    Num(x)
                ),
            );
        }
    }

    fn rate(&mut self, at: At, what: &str, x: f64) {
        if self.finite(at, what, x) && !(x > -1.0 && x <= MAX_RATE) {
            self.fail(
                at,
                format!(
                    "{what} must be above -100% and at most 10,000%; got {}",
                    Pct(x)
                ),
            );
        }
    }

    fn share(&mut self, at: At, what: &str, x: f64) {
        if self.finite(at, what, x) && !(0.0..1.0).contains(&x) {
            self.fail(
                at,
                format!("{what} must be at least 0% and below 100%; got {}", Pct(x)),
            );
        }
    }

    fn year(&mut self, at: At, what: &str, y: i32) -> bool {
        if (MIN_YEAR..=MAX_YEAR).contains(&y) {
            true
        } else {
            self.fail(
                at,
                format!("{what} must be between {MIN_YEAR} and {MAX_YEAR}; got {y}"),
            );
            false
        }
    }

    fn name(&mut self, at: At, what: &str, s: &str, required: bool) {
        let chars = s.chars().count();
        if required && s.trim().is_empty() {
            self.fail(at, format!("{what} must not be empty"));
        } else if chars > MAX_NAME_CHARS {
            self.fail(
                at,
                format!("{what} must be at most {MAX_NAME_CHARS} characters; got {chars}"),
            );
        }
    }

    fn text(&mut self, at: At, what: &str, s: &str) {
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.fail(
                at,
                format!("{what} must be at most {MAX_TEXT_CHARS} characters; got {chars}"),
            );
        }
    }

    /// Sources are shown as links, so only web addresses are allowed (never `javascript:`).
    fn url(&mut self, at: At, s: &str) {
        self.text(at, "the source", s);
        let lower = s.trim().to_ascii_lowercase();
        let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
            && lower.len() > "https://".len()
            && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            self.fail(
                at,
                "the source must be a web address starting with https:// or http://".into(),
            );
        }
    }
}

/// Checks every rule and returns the problems found (empty when the draft is valid).
pub(crate) fn validate(d: &Draft) -> Vec<FieldError> {
    let mut c = Checker { errors: Vec::new() };
    if d.version != FORMAT_VERSION {
        c.fail(
            at("version"),
            format!("version must be {FORMAT_VERSION}; got {}", d.version),
        );
    }
    c.name(at("name"), "the scenario name", &d.name, true);
    if let Some(as_of) = &d.as_of {
        c.name(at("as_of"), "the \"as of\" date", as_of, false);
    }
    let years_ok = c.year(at("start_year"), "the first year", d.start_year)
        & c.year(at("end_year"), "the last year", d.end_year);
    if years_ok {
        let len = d.end_year - d.start_year + 1;
        if !(1..=MAX_HORIZON).contains(&len) {
            c.fail(
                at("end_year"),
                format!(
                    "the horizon must be 1 to {MAX_HORIZON} years; {} to {} is {len}",
                    d.start_year, d.end_year
                ),
            );
        }
    }
    if d.deals.len() > MAX_DEALS {
        c.fail(
            at("deals"),
            format!(
                "a scenario may hold at most {MAX_DEALS} deals; got {}",
                d.deals.len()
            ),
        );
    } else {
        for (i, deal) in d.deals.iter().enumerate() {
            check_deal(&mut c, &format!("deals[{i}]"), deal);
        }
    }
    check_revenue(&mut c, d);
    check_costs(&mut c, d, years_ok);
    check_funding(&mut c, d);
    if let Some(f) = &d.financing {
        check_financing(&mut c, f);
    }
    if let Some(u) = &d.uncertainty {
        check_uncertainty(&mut c, u);
    }
    if c.finite(at("discount_rate"), "the discount rate", d.discount_rate)
        && !(0.0..=1.0).contains(&d.discount_rate)
    {
        c.fail(
            at("discount_rate"),
            format!(
                "the discount rate must be between 0% and 100%; got {}",
                Pct(d.discount_rate)
            ),
        );
    }
    if d.markers.len() > MAX_MARKERS {
        c.fail(
            at("markers"),
            format!("at most {MAX_MARKERS} markers; got {}", d.markers.len()),
        );
    } else {
        for (i, m) in d.markers.iter().enumerate() {
            let p = format!("markers[{i}]");
            c.year(At(&p, ".year"), "the year", m.year);
            let vp = At(&p, ".value");
            if c.finite(vp, "the value", m.value) && m.value.abs() > MAX_MONEY {
                c.fail(
                    vp,
                    format!(
                        "the value must be within ±${}B; got {}",
                        Num(MAX_MONEY),
                        Num(m.value)
                    ),
                );
            }
            c.name(At(&p, ".label"), "the label", &m.label, true);
            if let Some(s) = &m.source {
                c.url(At(&p, ".source"), s);
            }
        }
    }
    c.errors
}

fn check_deal(c: &mut Checker, p: &str, deal: &Deal) {
    c.name(At(p, ".name"), "the deal name", &deal.name, true);
    c.name(
        At(p, ".counterparty"),
        "the counterparty",
        &deal.counterparty,
        false,
    );
    check_value(c, &format!("{p}.value"), &deal.value);
    c.year(
        At(p, ".start_year"),
        "the first year of payments",
        deal.start_year,
    );
    let years_ok = (1..=MAX_TERM).contains(&deal.years);
    if !years_ok {
        c.fail(
            At(p, ".years"),
            format!(
                "the term must be between 1 and {MAX_TERM} years; got {}",
                deal.years
            ),
        );
    }
    match &deal.profile {
        Profile::Fleet { growth } => c.rate(
            At(p, ".profile.growth"),
            "the yearly growth of capacity added",
            *growth,
        ),
        Profile::Custom { weights } => {
            let wp = format!("{p}.profile.weights");
            if years_ok && weights.len() != deal.years as usize {
                c.fail(
                    at(&wp),
                    format!(
                        "give one weight per year: {} weights for {} years",
                        weights.len(),
                        deal.years
                    ),
                );
            }
            let mut bad = false;
            for (k, w) in weights.iter().enumerate() {
                let path = format!("{wp}[{k}]");
                if !c.finite(at(&path), "a weight", *w) {
                    bad = true;
                } else if !(0.0..=MAX_MONEY).contains(w) {
                    c.fail(
                        at(&path),
                        format!(
                            "a weight must be between 0 and {}; got {}",
                            Num(MAX_MONEY),
                            Num(*w)
                        ),
                    );
                    bad = true;
                }
            }
            if !bad && !weights.is_empty() && weights.iter().sum::<f64>() <= 0.0 {
                c.fail(at(&wp), "the weights must not all be zero".into());
            }
        }
        Profile::Even | Profile::RampUp | Profile::FrontLoaded => {}
    }
    if let Some(s) = &deal.source {
        c.url(At(p, ".source"), s);
    }
    if let Some(n) = &deal.note {
        c.text(At(p, ".note"), "the note", n);
    }
}

fn check_value(c: &mut Checker, p: &str, v: &DealValue) {
    match (v.total, v.gw, v.per_gw) {
        (Some(total), None, None) => c.money_positive(At(p, ".total"), "the total value", total),
        (None, Some(gw), Some(per_gw)) => {
            let gp = At(p, ".gw");
            if c.finite(gp, "the capacity", gw) && !(gw > 0.0 && gw <= MAX_GW) {
                c.fail(
                    gp,
                    format!(
                        "the capacity must be above 0 GW and at most {} GW; got {}",
                        Num(MAX_GW),
                        Num(gw)
                    ),
                );
            }
            c.money_positive(At(p, ".per_gw"), "the cost per GW", per_gw);
            if gw.is_finite() && per_gw.is_finite() && gw * per_gw > MAX_MONEY {
                c.fail(
                    at(p),
                    format!(
                        "the total value must be at most ${}B; got {}",
                        Num(MAX_MONEY),
                        Num(gw * per_gw)
                    ),
                );
            }
        }
        (None, Some(_), None) => c.fail(
            At(p, ".per_gw"),
            "give the cost per GW as well as the capacity".into(),
        ),
        (None, None, Some(_)) => c.fail(
            At(p, ".gw"),
            "give the capacity in GW as well as the cost per GW".into(),
        ),
        (None, None, None) => c.fail(
            at(p),
            "give the value either as a total or as GW times cost per GW".into(),
        ),
        (Some(_), _, _) => c.fail(
            at(p),
            "give the value either as a total or as GW times cost per GW, not both".into(),
        ),
    }
}

fn check_revenue(c: &mut Checker, d: &Draft) {
    let base = d.revenue.base;
    c.money_positive(
        at("revenue.base"),
        &format!("revenue in {}", d.start_year),
        base,
    );
    match &d.revenue.growth {
        Growth::Constant { rate } => {
            c.rate(at("revenue.growth.rate"), "the growth per year", *rate)
        }
        Growth::Decaying {
            initial,
            decay,
            floor,
        } => {
            c.rate(
                at("revenue.growth.initial"),
                "the growth in the second year",
                *initial,
            );
            c.rate(at("revenue.growth.floor"), "the long-run growth", *floor);
            if c.finite(at("revenue.growth.decay"), "the decay per year", *decay)
                && !(*decay > 0.0 && *decay <= 1.0)
            {
                c.fail(
                    at("revenue.growth.decay"),
                    format!(
                        "the decay per year must be above 0 and at most 1; got {}",
                        Num(*decay)
                    ),
                );
            }
        }
        Growth::Logistic { initial, ceiling } => {
            if c.finite(at("revenue.growth.initial"), "the initial growth", *initial)
                && !(*initial > 0.0 && *initial <= 2.0)
            {
                c.fail(
                    at("revenue.growth.initial"),
                    format!(
                        "the initial growth must be above 0% and at most 200% (above 200% the yearly curve overshoots its ceiling and never settles); got {}",
                        Pct(*initial)
                    ),
                );
            }
            if c.finite(
                at("revenue.growth.ceiling"),
                "the revenue ceiling",
                *ceiling,
            ) {
                if *ceiling > MAX_MONEY {
                    c.fail(
                        at("revenue.growth.ceiling"),
                        format!(
                            "the revenue ceiling must be at most ${}B; got {}",
                            Num(MAX_MONEY),
                            Num(*ceiling)
                        ),
                    );
                } else if base.is_finite() && *ceiling <= base {
                    c.fail(
                        at("revenue.growth.ceiling"),
                        format!(
                            "the revenue ceiling must be above the first year's revenue (${}B); got {}",
                            Num(base),
                            Num(*ceiling)
                        ),
                    );
                }
            }
        }
        Growth::Path { points, after } => {
            c.rate(
                at("revenue.growth.after"),
                "the growth after the last point",
                *after,
            );
            if points.len() > MAX_POINTS {
                c.fail(
                    at("revenue.growth.points"),
                    format!("at most {MAX_POINTS} points; got {}", points.len()),
                );
                return;
            }
            let mut prev = (d.start_year, base);
            for (i, &(year, revenue)) in points.iter().enumerate() {
                let p = format!("revenue.growth.points[{i}]");
                if year <= prev.0 {
                    let after = if i == 0 {
                        "the first year"
                    } else {
                        "the year of the point before"
                    };
                    c.fail(
                        At(&p, ".year"),
                        format!("point years must be after {after} ({}); got {year}", prev.0),
                    );
                    continue;
                }
                if !c.year(At(&p, ".year"), "the year", year) {
                    continue;
                }
                let rp = At(&p, ".revenue");
                if !c.finite(rp, "the revenue", revenue) {
                    continue;
                }
                if !(revenue > 0.0 && revenue <= MAX_MONEY) {
                    c.fail(
                        rp,
                        format!(
                            "the revenue must be above $0B and at most ${}B; got {}",
                            Num(MAX_MONEY),
                            Num(revenue)
                        ),
                    );
                    continue;
                }
                if prev.1 > 0.0 && prev.1.is_finite() {
                    // In f64: the first year may be anything a file holds, down to i32::MIN.
                    let years = f64::from(year) - f64::from(prev.0);
                    let rate = (revenue / prev.1).powf(1.0 / years) - 1.0;
                    if rate > MAX_RATE {
                        c.fail(
                            rp,
                            format!(
                                "reaching ${}B by {year} needs growth above 10,000% a year",
                                Num(revenue)
                            ),
                        );
                    }
                }
                prev = (year, revenue);
            }
        }
    }
}

fn check_costs(c: &mut Checker, d: &Draft, years_ok: bool) {
    let anchors = &d.costs.opex_share;
    let mut anchors_ok = true;
    if anchors.is_empty() {
        c.fail(
            at("costs.opex_share"),
            "give at least one (year, share) point for non-compute costs".into(),
        );
        anchors_ok = false;
    } else if anchors.len() > MAX_POINTS {
        c.fail(
            at("costs.opex_share"),
            format!("at most {MAX_POINTS} points; got {}", anchors.len()),
        );
        anchors_ok = false;
    } else {
        for (i, &(year, share)) in anchors.iter().enumerate() {
            let p = format!("costs.opex_share[{i}]");
            anchors_ok &= c.year(At(&p, ".year"), "the year", year);
            if i > 0 && year <= anchors[i - 1].0 {
                c.fail(
                    At(&p, ".year"),
                    format!(
                        "years must increase from point to point; {year} follows {}",
                        anchors[i - 1].0
                    ),
                );
                anchors_ok = false;
            }
            let before = c.errors.len();
            c.share(At(&p, ".share"), "the non-compute share", share);
            anchors_ok &= c.errors.len() == before;
        }
    }
    let rs = &d.costs.revenue_share;
    let before = c.errors.len();
    c.share(
        at("costs.revenue_share.rate"),
        "the revenue share to partners",
        rs.rate,
    );
    c.year(
        at("costs.revenue_share.until"),
        "the year the revenue share is paid through",
        rs.until,
    );
    let share_ok = c.errors.len() == before;
    // Validation guarantees available cash grows with revenue (the solver relies on it).
    if anchors_ok && share_ok && years_ok {
        for year in d.start_year..=d.end_year {
            let opex = super::opex_share(anchors, year);
            let rev_share = rs.rate_in(year);
            if opex + rev_share >= 1.0 {
                c.fail(
                    at("costs"),
                    format!(
                        "in {year} non-compute costs ({}) plus the revenue share ({}) reach 100% of revenue, leaving nothing for compute",
                        Pct(opex),
                        Pct(rev_share)
                    ),
                );
                break;
            }
        }
    }
}

fn check_funding(c: &mut Checker, d: &Draft) {
    let cash = d.funding.opening_cash;
    if c.finite(at("funding.opening_cash"), "cash at the start", cash) && cash.abs() > MAX_MONEY {
        c.fail(
            at("funding.opening_cash"),
            format!(
                "cash at the start must be within ±${}B; got {}",
                Num(MAX_MONEY),
                Num(cash)
            ),
        );
    }
    if d.funding.raises.len() > MAX_POINTS {
        c.fail(
            at("funding.raises"),
            format!(
                "at most {MAX_POINTS} raises; got {}",
                d.funding.raises.len()
            ),
        );
        return;
    }
    for (i, raise) in d.funding.raises.iter().enumerate() {
        let p = format!("funding.raises[{i}]");
        c.year(At(&p, ".year"), "the year", raise.year);
        c.money_at_least_zero(At(&p, ".amount"), "the amount", raise.amount);
        if let Some(from) = &raise.from {
            c.name(At(&p, ".from"), "who put the money in", from, false);
        }
        if let Some(note) = &raise.note {
            c.text(At(&p, ".note"), "the note", note);
        }
    }
}

fn check_financing(c: &mut Checker, f: &Financing) {
    c.money_at_least_zero(at("financing.min_cash"), "the cash to keep", f.min_cash);
    if let Some(note) = &f.note {
        c.text(at("financing.note"), "the note", note);
    }
    if let Some(credit) = &f.credit {
        c.money_at_least_zero(
            at("financing.credit.limit"),
            "the credit limit",
            credit.limit,
        );
        let p = "financing.credit.rate";
        if c.finite(at(p), "the interest rate", credit.rate) && !(0.0..=1.0).contains(&credit.rate)
        {
            c.fail(
                at(p),
                format!(
                    "the interest rate must be between 0% and 100% a year; got {}",
                    Pct(credit.rate)
                ),
            );
        }
    }
}

fn check_uncertainty(c: &mut Checker, u: &Uncertainty) {
    const ENDS: [&str; 2] = ["low", "high"];
    let p = "uncertainty.growth_multiplier";
    let (lo, hi) = u.growth_multiplier;
    let mut ends_ok = true;
    for (k, x) in [lo, hi].into_iter().enumerate() {
        let path = format!("{p}[{k}]");
        let what = format!("the growth range's {} end", ENDS[k]);
        if !c.finite(at(&path), &what, x) {
            ends_ok = false;
        } else if !(x > 0.0 && x <= MAX_GROWTH_MULTIPLIER) {
            c.fail(
                at(&path),
                format!(
                    "{what} must be above 0 and at most {}; got {}",
                    Num(MAX_GROWTH_MULTIPLIER),
                    Num(x)
                ),
            );
            ends_ok = false;
        }
    }
    if ends_ok && lo > hi {
        c.fail(
            at(p),
            format!(
                "the growth range's low end ({}) must not be above its high end ({})",
                Num(lo),
                Num(hi)
            ),
        );
    }

    let p = "uncertainty.opex_shift";
    let (lo, hi) = u.opex_shift;
    let points = |x: f64| format!("{} points", Num(x * 100.0));
    let mut ends_ok = true;
    for (k, x) in [lo, hi].into_iter().enumerate() {
        let path = format!("{p}[{k}]");
        let what = format!("the other costs range's {} end", ENDS[k]);
        if !c.finite(at(&path), &what, x) {
            ends_ok = false;
        } else if !(-1.0..=1.0).contains(&x) {
            c.fail(
                at(&path),
                format!(
                    "{what} must be between -100 and +100 percentage points; got {}",
                    points(x)
                ),
            );
            ends_ok = false;
        }
    }
    if ends_ok && lo > hi {
        c.fail(
            at(p),
            format!(
                "the other costs range's low end ({}) must not be above its high end ({})",
                points(lo),
                points(hi)
            ),
        );
    }

    let p = "uncertainty.cancel_chance";
    let what = "the chance a deal not signed is dropped";
    if c.finite(at(p), what, u.cancel_chance) && !(0.0..=1.0).contains(&u.cancel_chance) {
        c.fail(
            at(p),
            format!(
                "{what} must be between 0% and 100%; got {}",
                Pct(u.cancel_chance)
            ),
        );
    }
    check_deal_value_range(c, u.deal_value_range);
    if u.max_delay > MAX_DELAY {
        c.fail(
            at("uncertainty.max_delay"),
            format!(
                "the longest delay must be 0 to {MAX_DELAY} years; got {}",
                u.max_delay
            ),
        );
    }
    if !(MIN_SAMPLES..=MAX_SAMPLES).contains(&u.samples) {
        c.fail(
            at("uncertainty.samples"),
            format!(
                "samples must be between {MIN_SAMPLES} and 100,000; got {}",
                u.samples
            ),
        );
    }
}

/// Largest rise of a deal's value the tornado tries: ten times the value more.
pub const MAX_DEAL_VALUE_RISE: f64 = 10.0;

/// The tornado's range of deal values: a fall of less than 100% (a deal keeps some value) up
/// to a rise of [`MAX_DEAL_VALUE_RISE`], low end not above the high end.
fn check_deal_value_range(c: &mut Checker, (lo, hi): (f64, f64)) {
    const ENDS: [&str; 2] = ["low", "high"];
    let p = "uncertainty.deal_value_range";
    let mut ends_ok = true;
    for (k, x) in [lo, hi].into_iter().enumerate() {
        let path = format!("{p}[{k}]");
        let what = format!("the {} end of the deal value range", ENDS[k]);
        if !c.finite(at(&path), &what, x) {
            ends_ok = false;
        } else if !(x > -1.0 && x <= MAX_DEAL_VALUE_RISE) {
            c.fail(
                at(&path),
                format!(
                    "{what} must be above -100% and at most +{}; got {}",
                    Pct(MAX_DEAL_VALUE_RISE),
                    Pct(x)
                ),
            );
            ends_ok = false;
        }
    }
    if ends_ok && lo > hi {
        c.fail(
            at(p),
            format!(
                "the low end of the deal value range ({}) must not be above the high end ({})",
                Pct(lo),
                Pct(hi)
            ),
        );
    }
}
