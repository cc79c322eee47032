//! The suppliers' side (issue 13): several companies at once, and for every supplier (a deal's
//! counterparty) × company what is owed, what the supplier put in, and what goes unpaid when
//! the company runs short. Each company is projected by the engine with its own financing
//! settings and the shortfall rule taken as "payments go unpaid", so "unpaid" here always means
//! payments a supplier would not receive. Names are matched with [`engine::name_key`] (case and
//! surrounding spaces ignored) and shown as first written.

use crate::engine::{self, name_key};
use crate::export::field;
use crate::format::{self, plain};
use crate::narrative;
use crate::scenario::{Financing, Scenario, Shortfall};

pub mod link;
pub mod odds;
pub mod years;

/// Money between one supplier and one company over the company's horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Index of the company in the list given.
    pub company: usize,
    /// Counted deals with the supplier.
    pub deals: usize,
    /// Full value of those deals, in and beyond the horizon.
    pub commitments: f64,
    /// Payments due to the supplier in the company's horizon.
    pub due: f64,
    /// Of those, left unpaid when the company runs short.
    pub unpaid: f64,
    /// Money the supplier put into the company in the horizon.
    pub received: f64,
}

impl Link {
    /// due - unpaid - received: what flows to the supplier on balance.
    pub fn net(&self) -> f64 {
        self.due - self.unpaid - self.received
    }
}

/// One supplier and its links to the companies, in the companies' order.
#[derive(Debug, Clone, PartialEq)]
pub struct Supplier {
    pub name: String,
    pub links: Vec<Link>,
}

impl Supplier {
    fn sum(&self, f: impl Fn(&Link) -> f64) -> f64 {
        self.links.iter().fold(0.0, |s, l| s + f(l))
    }

    /// Payments due to it from every company in their horizons.
    pub fn due(&self) -> f64 {
        self.sum(|l| l.due)
    }

    pub fn unpaid(&self) -> f64 {
        self.sum(|l| l.unpaid)
    }

    pub fn received(&self) -> f64 {
        self.sum(|l| l.received)
    }

    pub fn commitments(&self) -> f64 {
        self.sum(|l| l.commitments)
    }

    /// The company that owes it the most in the horizon (the first on a tie); `None` when
    /// nothing is due.
    pub fn largest_customer(&self) -> Option<&Link> {
        self.links
            .iter()
            .filter(|l| l.due > 0.0)
            .fold(None, |best: Option<&Link>, l| match best {
                Some(b) if b.due >= l.due => Some(b),
                _ => Some(l),
            })
    }

    /// The share of its dues that comes from its largest customer; `None` when nothing is due.
    pub fn largest_share(&self) -> Option<f64> {
        let due = self.due();
        self.largest_customer().map(|l| l.due / due)
    }
}

/// The suppliers of a set of companies.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppliers {
    /// The companies' names, in the order given (made distinct: "OpenAI", "OpenAI (2)").
    pub companies: Vec<String>,
    /// Every counterparty of a counted deal and every named source of money in a horizon, in
    /// order of first appearance; largest dues first.
    pub suppliers: Vec<Supplier>,
}

/// The scenario with its shortfall rule set to "payments go unpaid", everything else kept.
pub fn with_unpaid_rule(s: &Scenario) -> Scenario {
    let mut d = s.draft().clone();
    let f = d.financing.get_or_insert_with(Financing::default);
    f.shortfall = Shortfall::Unpaid;
    // Only the shortfall word changed, and any word is valid: the scenario stays valid.
    Scenario::new(d).unwrap_or_else(|_| s.clone())
}

/// The supplier × company table of `companies`.
///
/// # Examples
/// ```
/// use coverage_model::{presets, suppliers};
/// let t = suppliers::suppliers(&[presets::openai_november_2025(), presets::anthropic_november_2025()]);
/// let microsoft = t.suppliers.iter().find(|s| s.name == "Microsoft").unwrap();
/// assert_eq!(microsoft.links.len(), 2); // owed by both
/// ```
pub fn suppliers(companies: &[Scenario]) -> Suppliers {
    let mut names: Vec<String> = Vec::with_capacity(companies.len());
    for s in companies {
        let base = narrative::company(s);
        let base = if base == "the company" {
            s.name.trim().to_string()
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        names.push(name);
    }
    let mut keyed: Vec<(String, Supplier)> = Vec::new();
    for (i, s) in companies.iter().enumerate() {
        let p = engine::project(&with_unpaid_rule(s));
        for c in &p.counterparties {
            let key = name_key(&c.name);
            let at = match keyed.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    keyed.push((
                        key,
                        Supplier {
                            name: c.name.clone(),
                            links: Vec::new(),
                        },
                    ));
                    keyed.len() - 1
                }
            };
            keyed[at].1.links.push(Link {
                company: i,
                deals: c.deals,
                commitments: c.commitments,
                due: c.due,
                unpaid: c.unpaid,
                received: c.received,
            });
        }
    }
    let mut suppliers: Vec<Supplier> = keyed.into_iter().map(|(_, s)| s).collect();
    // Stable: equal dues keep their order of first appearance.
    suppliers.sort_by(|a, b| b.due().total_cmp(&a.due()));
    Suppliers {
        companies: names,
        suppliers,
    }
}

/// The CSV columns of [`csv`], in order.
pub const CSV_COLUMNS: [&str; 8] = [
    "supplier",
    "company",
    "deals",
    "commitments",
    "due_in_horizon",
    "unpaid",
    "received",
    "net",
];

/// `suppliers.csv`: one row per supplier × company with any deal or money between them;
/// billions as plain decimals; RFC 4180 quoting; CRLF line ends.
pub fn csv(t: &Suppliers) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for s in &t.suppliers {
        for l in &s.links {
            let cells = [
                field(&s.name),
                field(&t.companies[l.company]),
                l.deals.to_string(),
                plain(l.commitments),
                plain(l.due),
                plain(l.unpaid),
                plain(l.received),
                plain(l.net()),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The most important fact in one sentence: the supplier owed the most, how much of it one
/// company owes, and how much goes unpaid at these assumptions.
pub fn headline(t: &Suppliers) -> String {
    let Some(top) = t.suppliers.first().filter(|s| s.due() > 0.0) else {
        return "No payments are due to any supplier in these scenarios.".into();
    };
    let due = top.due();
    let who = match top.largest_customer() {
        Some(l) if l.due >= due => format!("all of it by {}", t.companies[l.company]),
        Some(l) => format!(
            "{} of it by {}",
            format::money(l.due),
            t.companies[l.company]
        ),
        None => String::new(),
    };
    let unpaid = top.unpaid();
    let tail = if unpaid > 0.0 {
        format!(
            "; at these assumptions {} of it goes unpaid",
            format::money(unpaid)
        )
    } else {
        "; at these assumptions it is paid in full".into()
    };
    let put_in = top.received();
    let circular = if put_in > 0.0 {
        format!(" {} put {} into them.", top.name, format::money(put_in))
    } else {
        String::new()
    };
    format!(
        "{} is owed {}, {who}{tail}.{circular}",
        top.name,
        format::money(due)
    )
}

#[cfg(test)]
mod tests;
