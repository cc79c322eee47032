//! The projection engine: from a validated [`Scenario`] to yearly rows and summary figures.
//! This is the one place where numbers are computed; it is pure Rust with no browser code.
//! The model is documented, with the same symbols, in `docs/MODEL.md`.

mod cash_flow;
mod payments;
mod revenue;
mod solver;

pub use cash_flow::{CashFlow, Rules, YearCash, YearInputs};
pub use payments::{deal_weights, schedule, Schedule};
pub(crate) use revenue::RevenueModel;
pub use revenue::{path_rates, revenue_series};
use solver::required_growth;
pub use solver::{
    first_short_year, solvent_at, RequiredGrowth, GROWTH_SEARCH_MAX, GROWTH_SEARCH_MIN,
    GROWTH_TOLERANCE,
};

/// Moved to the scenario format (validation needs it and must not depend on the engine);
/// still reachable here, where the engine's readers look for it.
pub use crate::scenario::opex_share;
use crate::scenario::Scenario;

/// One year of the projection. Money in billions of nominal dollars.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    pub year: i32,
    /// R_y: revenue.
    pub revenue: f64,
    /// S_y: revenue paid to partners.
    pub revenue_share: f64,
    /// O_y: non-compute operating costs.
    pub other_costs: f64,
    /// A_y = R_y - S_y - O_y: cash available for commitments.
    pub available: f64,
    /// P_y: payments on the counted deals.
    pub commitments: f64,
    /// N_y = A_y - P_y.
    pub net_cash_flow: f64,
    /// Money raised in the year.
    pub raised: f64,
    /// Cash at the end of the year.
    pub cash: f64,
    /// A_y / P_y; `None` when nothing is due (or so little that the ratio is not finite).
    pub coverage: Option<f64>,
    /// R_y / P_y; `None` when nothing is due (or so little that the ratio is not finite).
    pub revenue_coverage: Option<f64>,
    /// I_y: interest on the debt at the start of the year (0 without a credit line).
    pub interest: f64,
    /// B_y: borrowed on the credit line.
    pub borrowed: f64,
    /// Q_y: debt repaid.
    pub repaid: f64,
    /// Debt at the end of the year.
    pub debt: f64,
    /// U_y: payments due in the year but left unpaid (only under the "unpaid" shortfall rule).
    pub unpaid: f64,
}

/// The payments of one counted deal.
#[derive(Debug, Clone, PartialEq)]
pub struct DealLine {
    /// Index of the deal in the scenario's list.
    pub index: usize,
    pub name: String,
    /// Who the payments are owed to, as written in the deal.
    pub counterparty: String,
    pub firm: bool,
    /// The deal's full value.
    pub value: f64,
    /// Payment in each year of the horizon (same order as the rows).
    pub payments: Vec<f64>,
    /// Payments due before the first year of the horizon.
    pub before_horizon: f64,
    /// Payments due after the last year of the horizon.
    pub after_horizon: f64,
    /// The deal's share of each year's unpaid payments, U_y * p_{d,y} / P_y (same order as
    /// the rows; zeros when nothing goes unpaid).
    pub unpaid: Vec<f64>,
}

impl DealLine {
    /// Payments due in the horizon.
    pub fn due(&self) -> f64 {
        self.payments.iter().sum()
    }

    /// Payments left unpaid over the horizon.
    pub fn unpaid_total(&self) -> f64 {
        self.unpaid.iter().sum()
    }
}

/// Money in and out between the company and one counterparty over the horizon: the payments
/// due to it on the counted deals, the part left unpaid, and the money it put in (raises whose
/// `from` names it). Names are matched ignoring case and surrounding spaces and shown as first
/// written.
#[derive(Debug, Clone, PartialEq)]
pub struct Counterparty {
    pub name: String,
    /// Counted deals with it.
    pub deals: usize,
    /// The full value of those deals, in and beyond the horizon.
    pub commitments: f64,
    /// Payments due to it in the horizon.
    pub due: f64,
    /// Of those, left unpaid.
    pub unpaid: f64,
    /// Money it put in during the horizon.
    pub received: f64,
}

impl Counterparty {
    /// What flows to it on balance: due - unpaid - received (negative when it put in more than
    /// it is paid).
    pub fn net(&self) -> f64 {
        self.due - self.unpaid - self.received
    }
}

/// Money raised in the horizon from one source (`None`: raises that name no source).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: Option<String>,
    pub amount: f64,
}

/// The key two names are matched by: trimmed, ASCII letters in lower case. Case is folded for
/// ASCII only: full Unicode lower-casing would add its tables (about 4 KiB gzip) to every page,
/// and supplier names are written in Latin letters; "Ünited" and "ünited" stay distinct.
pub fn name_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// A money figure and the year it belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
}

/// The headline figures of a projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Full value of the counted deals, in and beyond the horizon.
    pub total_commitments: f64,
    /// Counted payments due before the horizon starts.
    pub payments_before_horizon: f64,
    /// Counted payments due after the horizon ends.
    pub payments_after_horizon: f64,
    /// Largest annual payment in the horizon; `None` when nothing is due in it.
    pub peak_payment: Option<YearValue>,
    /// First year from which net cash flow stays >= 0 to the end; `None` if it ends negative.
    pub break_even_year: Option<i32>,
    /// Lowest end-of-year cash in the horizon.
    pub lowest_cash: YearValue,
    /// max(0, -lowest cash): money needed beyond what the company has and raises.
    pub funding_gap: f64,
    /// First year cash ends below zero; `None` if never.
    pub cash_runs_out: Option<i32>,
    /// -(sum of negative net cash flows).
    pub cumulative_burn: f64,
    /// Present value of the payments in the horizon.
    pub pv_commitments: f64,
    /// Present value of the cash available in the horizon.
    pub pv_available: f64,
    /// Raises falling outside the horizon (not counted).
    pub raised_outside_horizon: f64,
    /// The constant growth rate needed for cash never to go below zero (and, under the
    /// "unpaid" rule, for every payment to be made).
    pub required_growth: RequiredGrowth,
    /// Highest debt at the end of a year; `None` when nothing is ever borrowed.
    pub peak_debt: Option<YearValue>,
    /// Interest paid over the horizon.
    pub total_interest: f64,
    /// Payments left unpaid over the horizon.
    pub total_unpaid: f64,
    /// First year with an unpaid payment; `None` if every payment is made.
    pub first_unpaid_year: Option<i32>,
}

/// The projection: rows per year, counted deals and the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub rows: Vec<YearRow>,
    pub deals: Vec<DealLine>,
    pub summary: Summary,
    /// Money in and out by counterparty: every counted deal's counterparty, then every other
    /// named source of a raise in the horizon, in order of first appearance.
    pub counterparties: Vec<Counterparty>,
    /// Money raised in the horizon by source, in order of first appearance.
    pub raised_by_source: Vec<Source>,
}

impl Projection {
    /// The row of a year, if it is in the horizon.
    pub fn row(&self, year: i32) -> Option<&YearRow> {
        let first = self.rows.first()?.year;
        let i = usize::try_from(year.checked_sub(first)?).ok()?;
        self.rows.get(i)
    }

    /// Cumulative burn from the first year through `year` inclusive.
    pub fn cumulative_burn_through(&self, year: i32) -> f64 {
        self.rows
            .iter()
            .filter(|r| r.year <= year)
            .fold(0.0, |burn, r| burn - r.net_cash_flow.min(0.0))
    }
}

/// The cost side of a scenario, precomputed once so that many revenue paths (the growth
/// solver, the Monte Carlo) can be run against it cheaply.
#[derive(Debug, Clone)]
pub(crate) struct CostBasis {
    /// Per year: the share of revenue paid to partners.
    pub revenue_share: Vec<f64>,
    /// Per year: the non-compute cost share of revenue.
    pub opex: Vec<f64>,
    /// Per year: P_y, the payments on the counted deals.
    pub payments: Vec<f64>,
    pub raised: Vec<f64>,
    pub opening_cash: f64,
    pub rules: Option<Rules>,
}

impl CostBasis {
    pub fn new(scenario: &Scenario, schedules: &[Schedule]) -> CostBasis {
        let n = scenario.horizon_len();
        let costs = &scenario.costs;
        let revenue_share = scenario
            .years()
            .map(|y| costs.revenue_share.rate_in(y))
            .collect();
        let opex = scenario
            .years()
            .map(|y| opex_share(&costs.opex_share, y))
            .collect();
        let mut payments = vec![0.0; n];
        for s in schedules {
            for (total, p) in payments.iter_mut().zip(&s.in_horizon) {
                *total += p;
            }
        }
        let mut raised = vec![0.0; n];
        for r in &scenario.funding.raises {
            if let Some(i) = horizon_index(scenario, r.year) {
                raised[i] += r.amount;
            }
        }
        CostBasis {
            revenue_share,
            opex,
            payments,
            raised,
            opening_cash: scenario.funding.opening_cash,
            rules: Rules::of(scenario),
        }
    }

    /// The kernel at the start of the horizon, under the scenario's rules.
    #[inline(always)]
    pub fn flow(&self) -> CashFlow {
        CashFlow::with_rules(self.opening_cash, self.rules)
    }

    /// Year `t`'s inputs to the cash identity for revenue `revenue`.
    #[inline(always)]
    pub fn inputs(&self, t: usize, revenue: f64) -> YearInputs {
        YearInputs {
            revenue,
            revenue_share_rate: self.revenue_share[t],
            opex_share: self.opex[t],
            commitments: self.payments[t],
            raised: self.raised[t],
        }
    }

    /// Lowest end-of-year cash for a revenue path (+infinity for an empty horizon).
    #[cfg(test)]
    pub fn lowest_cash(&self, revenue: &[f64]) -> f64 {
        self.lowest_cash_and_unpaid(revenue).0
    }

    /// Whether a revenue path keeps cash at or above zero every year with every payment made.
    pub fn solvent(&self, revenue: &[f64]) -> bool {
        let (lowest, unpaid) = self.lowest_cash_and_unpaid(revenue);
        lowest >= 0.0 && !unpaid
    }

    /// Lowest end-of-year cash, and whether any payment went unpaid.
    fn lowest_cash_and_unpaid(&self, revenue: &[f64]) -> (f64, bool) {
        let mut flow = self.flow();
        let (mut lowest, mut unpaid) = (f64::INFINITY, false);
        for (t, &r) in revenue.iter().enumerate().take(self.payments.len()) {
            let year = flow.year(self.inputs(t, r));
            lowest = lowest.min(year.cash);
            unpaid |= year.unpaid > 0.0;
        }
        (lowest, unpaid)
    }
}

fn horizon_index(scenario: &Scenario, year: i32) -> Option<usize> {
    if scenario.years().contains(&year) {
        Some((year - scenario.start_year) as usize)
    } else {
        None
    }
}

/// Projects a scenario year by year and computes its summary figures.
///
/// # Examples
/// ```
/// use coverage_model::{engine, presets};
/// let scenario = presets::openai_november_2025();
/// let p = engine::project(&scenario);
/// assert_eq!(p.rows.first().unwrap().year, 2025);
/// assert!(p.summary.total_commitments > 1000.0); // "over $1 trillion"
/// assert!(p.rows[0].net_cash_flow < 0.0);       // not profitable in 2025
/// ```
pub fn project(scenario: &Scenario) -> Projection {
    let schedules = counted_schedules(scenario);
    let revenue = revenue_series(scenario, 1.0);
    let basis = CostBasis::new(scenario, &schedules);
    let required_growth = required_growth(scenario, &basis);
    build(scenario, &schedules, &revenue, &basis, required_growth)
}

/// Payment schedules of the deals that count under the scenario's switches.
pub(crate) fn counted_schedules(scenario: &Scenario) -> Vec<Schedule> {
    scenario
        .deals
        .iter()
        .enumerate()
        .filter(|(_, d)| scenario.counts(d))
        .map(|(i, d)| schedule(scenario, i, d))
        .collect()
}

fn build(
    scenario: &Scenario,
    schedules: &[Schedule],
    revenue: &[f64],
    basis: &CostBasis,
    required_growth: RequiredGrowth,
) -> Projection {
    let r = scenario.discount_rate;
    let mut rows = Vec::with_capacity(revenue.len());
    let mut flow = basis.flow();
    let (mut pv_commitments, mut pv_available) = (0.0, 0.0);
    for (t, year) in scenario.years().enumerate() {
        let rev = revenue[t];
        let inputs = basis.inputs(t, rev);
        let y = flow.year(inputs);
        let (commitments, raised) = (inputs.commitments, inputs.raised);
        let discount = (1.0 + r).powi(t as i32);
        pv_commitments += commitments / discount;
        pv_available += y.available / discount;
        // A payment of a few 1e-300 billions would make the ratio overflow to infinity: such a
        // ratio is reported as none, like no payment at all.
        let ratio = |x: f64| {
            (commitments > 0.0)
                .then(|| x / commitments)
                .filter(|c| c.is_finite())
        };
        rows.push(YearRow {
            year,
            revenue: rev,
            revenue_share: y.revenue_share,
            other_costs: y.other_costs,
            available: y.available,
            commitments,
            net_cash_flow: y.net_cash_flow,
            raised,
            cash: y.cash,
            coverage: ratio(y.available),
            revenue_coverage: ratio(rev),
            interest: y.interest,
            borrowed: y.borrowed,
            repaid: y.repaid,
            debt: y.debt,
            unpaid: y.unpaid,
        });
    }

    let peak_payment = peak(&rows, |row| row.commitments);
    let break_even_year = rows
        .iter()
        .rposition(|row| row.net_cash_flow < 0.0)
        .map_or(Some(scenario.start_year), |last_negative| {
            rows.get(last_negative + 1).map(|row| row.year)
        });
    let lowest_cash = rows
        .iter()
        .fold(None::<YearValue>, |low, row| match low {
            Some(l) if l.value <= row.cash => Some(l),
            _ => Some(YearValue {
                year: row.year,
                value: row.cash,
            }),
        })
        .unwrap_or(YearValue {
            year: scenario.start_year,
            value: scenario.funding.opening_cash,
        });
    let cash_runs_out = rows.iter().find(|row| row.cash < 0.0).map(|row| row.year);
    let cumulative_burn = rows
        .iter()
        .fold(0.0, |burn, row| burn - row.net_cash_flow.min(0.0));
    let raised_outside_horizon = scenario
        .funding
        .raises
        .iter()
        .filter(|raise| !scenario.years().contains(&raise.year))
        .fold(0.0, |sum, raise| sum + raise.amount);

    let deals: Vec<DealLine> = schedules
        .iter()
        .map(|s| {
            let deal = &scenario.deals[s.index];
            // U_y * p_{d,y} / P_y: each deal bears the year's unpaid amount in proportion to
            // what it was due.
            let unpaid = rows
                .iter()
                .zip(&s.in_horizon)
                .map(|(row, &p)| {
                    if row.unpaid > 0.0 && row.commitments > 0.0 {
                        row.unpaid * p / row.commitments
                    } else {
                        0.0
                    }
                })
                .collect();
            DealLine {
                index: s.index,
                name: deal.name.clone(),
                counterparty: deal.counterparty.clone(),
                firm: deal.firm,
                value: s.value,
                payments: s.in_horizon.clone(),
                before_horizon: s.before,
                after_horizon: s.after,
                unpaid,
            }
        })
        .collect();
    let summary = Summary {
        total_commitments: deals.iter().fold(0.0, |sum, d| sum + d.value),
        payments_before_horizon: deals.iter().fold(0.0, |sum, d| sum + d.before_horizon),
        payments_after_horizon: deals.iter().fold(0.0, |sum, d| sum + d.after_horizon),
        peak_payment,
        break_even_year,
        lowest_cash,
        funding_gap: (-lowest_cash.value).max(0.0),
        cash_runs_out,
        cumulative_burn,
        pv_commitments,
        pv_available,
        raised_outside_horizon,
        required_growth,
        peak_debt: peak(&rows, |row| row.debt),
        total_interest: rows.iter().fold(0.0, |sum, row| sum + row.interest),
        total_unpaid: rows.iter().fold(0.0, |sum, row| sum + row.unpaid),
        first_unpaid_year: rows.iter().find(|row| row.unpaid > 0.0).map(|row| row.year),
    };
    let (counterparties, raised_by_source) = money_by_name(scenario, &deals);
    Projection {
        rows,
        deals,
        summary,
        counterparties,
        raised_by_source,
    }
}

/// The largest positive value of a figure and its first year; `None` when it is never above 0.
fn peak(rows: &[YearRow], figure: impl Fn(&YearRow) -> f64) -> Option<YearValue> {
    rows.iter()
        .filter(|row| figure(row) > 0.0)
        .fold(None::<YearValue>, |best, row| match best {
            Some(b) if b.value >= figure(row) => Some(b),
            _ => Some(YearValue {
                year: row.year,
                value: figure(row),
            }),
        })
}

/// Money in and out by counterparty, and money raised by source, over the horizon.
fn money_by_name(scenario: &Scenario, deals: &[DealLine]) -> (Vec<Counterparty>, Vec<Source>) {
    let mut parties: Vec<(String, Counterparty)> = Vec::new();
    fn entry<'a>(parties: &'a mut Vec<(String, Counterparty)>, name: &str) -> &'a mut Counterparty {
        let key = name_key(name);
        let i = match parties.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                parties.push((
                    key,
                    Counterparty {
                        name: name.trim().to_string(),
                        deals: 0,
                        commitments: 0.0,
                        due: 0.0,
                        unpaid: 0.0,
                        received: 0.0,
                    },
                ));
                parties.len() - 1
            }
        };
        &mut parties[i].1
    }
    for d in deals {
        let c = entry(&mut parties, &d.counterparty);
        c.deals += 1;
        c.commitments += d.value;
        c.due += d.due();
        c.unpaid += d.unpaid_total();
    }
    let mut sources: Vec<(Option<String>, Source)> = Vec::new();
    for raise in &scenario.funding.raises {
        if !scenario.years().contains(&raise.year) {
            continue;
        }
        let name = raise.source();
        if let Some(name) = name {
            entry(&mut parties, name).received += raise.amount;
        }
        let key = name.map(name_key);
        match sources.iter_mut().find(|(k, _)| *k == key) {
            Some((_, s)) => s.amount += raise.amount,
            None => sources.push((
                key,
                Source {
                    name: name.map(str::to_string),
                    amount: raise.amount,
                },
            )),
        }
    }
    (
        parties.into_iter().map(|(_, c)| c).collect(),
        sources.into_iter().map(|(_, s)| s).collect(),
    )
}

#[cfg(test)]
mod tests;
