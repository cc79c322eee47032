//! One scenario prepared for many evaluations: everything that does not depend on the random
//! draws is computed once, and each evaluation steps the engine's own cash-flow kernel
//! ([`engine::CashFlow`]) over the engine's own revenue model and cost basis, so that with
//! nothing drawn away from the scenario's own values every figure equals the deterministic
//! projection bit for bit.

use super::draw::{Ninety, Stream};
use crate::engine::{self, name_key, CashFlow, CostBasis, RevenueModel, Rules, YearInputs};
use crate::scenario::{Growth, Scenario, Uncertainty, MAX_GROWTH_MULTIPLIER};

/// Largest growth multiplier ever used in a sample. The lognormal has no upper bound; with a
/// wide interval a draw could be huge. Capping it at five times the largest interval end
/// validation allows keeps 50 years of compounding at the highest growth rate finite.
pub const MULTIPLIER_CAP: f64 = 5.0 * MAX_GROWTH_MULTIPLIER;
/// Highest non-compute share plus revenue share a shift can reach (shares must stay below
/// 100% of revenue for the model to be sound; see `docs/MODEL.md`).
pub const MAX_COST_SHARE: f64 = 0.999;
/// Highest initial rate of a logistic curve after multiplying (validation's own limit, beyond
/// which the yearly curve overshoots its ceiling and oscillates).
const LOGISTIC_MAX_INITIAL: f64 = 2.0;

/// What one sample changes: the values drawn for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draw {
    /// Multiplier of every year's growth rate (after the caps).
    pub multiplier: f64,
    /// Shift added to every year's non-compute share (before clamping per year).
    pub opex_shift: f64,
    /// Per deal of the scenario (counted or not): cancelled in this sample.
    pub cancelled: Vec<bool>,
    /// Per deal of the scenario: years of delay (0 for deals under way in the first year).
    pub delay: Vec<u32>,
}

impl Draw {
    /// The draw that changes nothing: the scenario as written.
    pub fn identity(deals: usize) -> Draw {
        Draw {
            multiplier: 1.0,
            opex_shift: 0.0,
            cancelled: vec![false; deals],
            delay: vec![0; deals],
        }
    }
}

/// The payments of one counted deal, year by year from its first year (so that a delay can
/// move payments due before the horizon into it, or payments in it past its end).
#[derive(Debug, Clone)]
struct DealPayments {
    index: usize,
    /// Its first year less the horizon's first year (i64: no overflow with any delay added).
    offset: i64,
    payments: Vec<f64>,
}

impl DealPayments {
    /// Under `delay`: the horizon's years it pays in, and the matching part of its payments
    /// (empty when none fall in the horizon's `n` years).
    #[inline(always)]
    fn in_horizon(&self, delay: u32, n: usize) -> (usize, &[f64]) {
        let offset = self.offset + i64::from(delay);
        let from = offset.max(0);
        let to = (offset + self.payments.len() as i64).min(n as i64);
        if from >= to {
            return (0, &[]);
        }
        (
            from as usize,
            &self.payments[(from - offset) as usize..(to - offset) as usize],
        )
    }
}

/// The figures of one evaluation, year by year (reused from sample to sample).
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    pub revenue: Vec<f64>,
    pub available: Vec<f64>,
    pub commitments: Vec<f64>,
    pub net_cash_flow: Vec<f64>,
    pub cash: Vec<f64>,
    /// A_y / P_y, or NaN where there is none (no payments due, or not finite): a plain float
    /// keeps the year loop and the run's recording tight.
    pub coverage: Vec<f64>,
    /// max(0, -lowest cash).
    pub funding_gap: f64,
    /// First year from which net cash flow stays >= 0 (as in the engine's summary).
    pub break_even_year: Option<i32>,
    /// Index of the first year cash ends below zero.
    pub runs_out: Option<usize>,
    /// Per year, from the kernel: I_y, B_y, Q_y, end-of-year debt and U_y (all 0 without
    /// financing rules).
    pub interest: Vec<f64>,
    pub borrowed: Vec<f64>,
    pub repaid: Vec<f64>,
    pub debt: Vec<f64>,
    pub unpaid: Vec<f64>,
    /// Highest end-of-year debt (0 when nothing is borrowed).
    pub peak_debt: f64,
    /// Sum of U_y over the horizon.
    pub unpaid_total: f64,
    /// Unpaid over the horizon per counterparty of the counted deals (see
    /// [`Model::counterparties`]); all 0 when `unpaid_total` is 0.
    pub unpaid_by_counterparty: Vec<f64>,
}

/// A scenario prepared for evaluation.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    revenue: RevenueModel,
    settings: Uncertainty,
    start_year: i32,
    opex: Vec<f64>,
    /// Highest non-compute share a shift may reach in each year.
    opex_cap: Vec<f64>,
    revenue_share: Vec<f64>,
    raised: Vec<f64>,
    opening_cash: f64,
    /// The scenario's financing rules, applied by the kernel in every sample.
    rules: Option<Rules>,
    firm: Vec<bool>,
    /// Per deal of the scenario: whether it starts after the first year (a deal already paying
    /// in the first year is under way and is never delayed).
    delayable: Vec<bool>,
    deals: Vec<DealPayments>,
    /// The counterparties of the counted deals, in the order and spelling of
    /// `Projection.counterparties` (first appearance, matched by [`name_key`]).
    counterparties: Vec<String>,
    /// Per counted deal (in the order of `deals`): its index in `counterparties`.
    party: Vec<usize>,
    multiplier_cap: f64,
    growth: Ninety,
    opex_shift: Ninety,
}

impl Model {
    pub fn new(scenario: &Scenario) -> Model {
        let schedules = engine::counted_schedules(scenario);
        let CostBasis {
            revenue_share,
            opex,
            raised,
            opening_cash,
            rules,
            ..
        } = CostBasis::new(scenario, &schedules);
        // A shift never pushes a share above MAX_COST_SHARE less the revenue share, nor lowers
        // one that a positive shift is applied to (a share already above that stays put).
        let opex_cap = opex
            .iter()
            .zip(&revenue_share)
            .map(|(&o, &r)| (MAX_COST_SHARE - r).max(o))
            .collect();
        let deals = schedules
            .iter()
            .map(|s| {
                let deal = &scenario.deals[s.index];
                let weights = engine::deal_weights(&deal.profile, deal.years.max(0) as usize);
                // As in `engine::schedule`: w / sum first, then times the value.
                let sum: f64 = weights.iter().sum();
                let payments = if sum > 0.0 {
                    weights.iter().map(|w| s.value * (w / sum)).collect()
                } else {
                    Vec::new()
                };
                DealPayments {
                    index: s.index,
                    offset: i64::from(deal.start_year) - i64::from(scenario.start_year),
                    payments,
                }
            })
            .collect();
        let mut keys: Vec<String> = Vec::new();
        let mut counterparties = Vec::new();
        let party = schedules
            .iter()
            .map(|s| {
                let name = &scenario.deals[s.index].counterparty;
                let key = name_key(name);
                keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                    keys.push(key);
                    counterparties.push(name.trim().to_string());
                    keys.len() - 1
                })
            })
            .collect();
        let multiplier_cap = match scenario.revenue.growth {
            Growth::Logistic { initial, .. } => {
                MULTIPLIER_CAP.min(LOGISTIC_MAX_INITIAL / initial.max(f64::MIN_POSITIVE))
            }
            _ => MULTIPLIER_CAP,
        };
        let settings = scenario.uncertainty();
        let (lo, hi) = settings.growth_multiplier;
        let growth = Ninety::lognormal(lo, hi);
        let (lo, hi) = settings.opex_shift;
        let opex_shift = Ninety::normal(lo, hi);
        Model {
            growth,
            opex_shift,
            revenue: RevenueModel::new(scenario),
            settings,
            start_year: scenario.start_year,
            opex,
            opex_cap,
            revenue_share,
            raised,
            opening_cash,
            rules,
            firm: scenario.deals.iter().map(|d| d.firm).collect(),
            delayable: scenario
                .deals
                .iter()
                .map(|d| d.start_year > scenario.start_year)
                .collect(),
            deals,
            counterparties,
            party,
            multiplier_cap,
        }
    }

    pub fn settings(&self) -> &Uncertainty {
        &self.settings
    }

    /// The first year of the horizon.
    pub fn start_year(&self) -> i32 {
        self.start_year
    }

    pub fn horizon_len(&self) -> usize {
        self.opex.len()
    }

    /// Number of deals in the scenario (counted or not): the length of a draw's deal vectors.
    pub fn deal_count(&self) -> usize {
        self.firm.len()
    }

    /// The scenario's financing rules (`None` without a financing section).
    pub fn rules(&self) -> Option<Rules> {
        self.rules
    }

    /// The counterparties of the counted deals, as [`Outcome::unpaid_by_counterparty`] orders
    /// them.
    pub fn counterparties(&self) -> &[String] {
        &self.counterparties
    }

    /// Indices of the counted deals, in order.
    pub fn counted(&self) -> impl Iterator<Item = usize> + '_ {
        self.deals.iter().map(|d| d.index)
    }

    /// A growth multiplier as used in a sample: never above the caps.
    pub fn capped_multiplier(&self, m: f64) -> f64 {
        m.min(self.multiplier_cap)
    }

    /// Fills `draw` with sample `index` of the run keyed `key`. Every sample draws the same
    /// numbers in the same order whatever the settings (see [`Stream`]): two normal numbers,
    /// then one 64-bit number per deal of the scenario.
    #[cfg_attr(coverage_speed, optimize(speed))]
    pub fn draw(&self, key: u64, index: u64, draw: &mut Draw) {
        let u = &self.settings;
        let mut stream = Stream::new(key, index);
        let z_growth = stream.normal();
        let z_opex = stream.normal();
        draw.multiplier = self.capped_multiplier(self.growth.at(z_growth));
        draw.opex_shift = self.opex_shift.at(z_opex);
        let deals = self.deal_count();
        draw.cancelled.resize(deals, false);
        draw.delay.resize(deals, 0);
        let flags = self.firm.iter().zip(&self.delayable);
        for ((cancelled, delay), (&firm, &delayable)) in
            draw.cancelled.iter_mut().zip(&mut draw.delay).zip(flags)
        {
            let (cancel, years) = stream.event_and_years(u.cancel_chance, u.max_delay);
            *cancelled = cancel && !firm;
            *delay = if delayable { years } else { 0 };
        }
    }

    /// The draw that delays every deal not yet under way by `years` and changes nothing else.
    pub fn delayed(&self, years: u32) -> Draw {
        Draw {
            delay: self
                .delayable
                .iter()
                .map(|&d| if d { years } else { 0 })
                .collect(),
            ..Draw::identity(self.deal_count())
        }
    }

    /// Evaluates the scenario under `draw`, writing every figure into `out`.
    ///
    /// Only what the draw changes is worked out here: revenue from the multiplier, the payments
    /// from the cancellations and delays, then the kernel stepped over per-year slices of equal
    /// length (so their indexing needs no bounds checks). `out` is sized once and then reused.
    #[cfg_attr(coverage_speed, optimize(speed))]
    pub fn evaluate(&self, draw: &Draw, out: &mut Outcome) {
        let n = self.horizon_len();
        if out.cash.len() != n {
            // Sized once; every later evaluation overwrites every entry.
            for v in [
                &mut out.revenue,
                &mut out.commitments,
                &mut out.available,
                &mut out.net_cash_flow,
                &mut out.cash,
                &mut out.coverage,
                &mut out.interest,
                &mut out.borrowed,
                &mut out.repaid,
                &mut out.debt,
                &mut out.unpaid,
            ] {
                v.resize(n, 0.0);
            }
        }
        if out.unpaid_by_counterparty.len() != self.counterparties.len() {
            out.unpaid_by_counterparty
                .resize(self.counterparties.len(), 0.0);
        }
        self.revenue.series_into(draw.multiplier, &mut out.revenue);
        let commitments = &mut out.commitments[..n];
        commitments.fill(0.0);
        for deal in &self.deals {
            if draw.cancelled.get(deal.index).copied().unwrap_or(false) {
                continue;
            }
            let delay = draw.delay.get(deal.index).copied().unwrap_or(0);
            let (from, paid) = deal.in_horizon(delay, n);
            // Deals are added in the engine's order; skipping the zeros the engine adds for
            // the other years changes nothing (x + 0 = x).
            for (total, payment) in commitments[from..].iter_mut().zip(paid) {
                *total += payment;
            }
        }
        let shift = draw.opex_shift;
        let mut flow = CashFlow::with_rules(self.opening_cash, self.rules);
        let mut lowest = f64::INFINITY;
        // The first year cash ends below zero (n: none), and 1 + the last year net cash flow
        // is below zero (0: none).
        let (mut runs_out, mut after_last_negative) = (n, 0);
        let (mut peak_debt, mut unpaid_total) = (0.0, 0.0);
        let (revenue, commitments) = (&out.revenue[..n], &out.commitments[..n]);
        let (rs, opex, opex_cap, raised) = (
            &self.revenue_share[..n],
            &self.opex[..n],
            &self.opex_cap[..n],
            &self.raised[..n],
        );
        let (available_out, net_out) = (&mut out.available[..n], &mut out.net_cash_flow[..n]);
        let (cash_out, coverage_out) = (&mut out.cash[..n], &mut out.coverage[..n]);
        for t in 0..n {
            let opex = if shift == 0.0 {
                opex[t]
            } else {
                clamp(opex[t] + shift, 0.0, opex_cap[t])
            };
            let due = commitments[t];
            let year = flow.year(YearInputs {
                revenue: revenue[t],
                revenue_share_rate: rs[t],
                opex_share: opex,
                commitments: due,
                raised: raised[t],
            });
            let (available, cash) = (year.available, year.cash);
            let coverage = available / due;
            coverage_out[t] = if due > 0.0 && coverage.is_finite() {
                coverage
            } else {
                f64::NAN
            };
            if year.net_cash_flow < 0.0 {
                after_last_negative = t + 1;
            }
            if cash < 0.0 && runs_out == n {
                runs_out = t;
            }
            if cash < lowest {
                lowest = cash;
            }
            available_out[t] = available;
            net_out[t] = year.net_cash_flow;
            cash_out[t] = cash;
            if self.rules.is_some() {
                // Without rules every one of these is 0: the vectors keep the zeros they were
                // sized with, and a run without financing does no more work than before.
                (out.interest[t], out.borrowed[t], out.repaid[t]) =
                    (year.interest, year.borrowed, year.repaid);
                (out.debt[t], out.unpaid[t]) = (year.debt, year.unpaid);
                if year.debt > peak_debt {
                    peak_debt = year.debt;
                }
                // As the projection's total: 0 + U_1 + U_2 + ... (adding the zeros skipped
                // here changes no bit).
                if year.unpaid > 0.0 {
                    unpaid_total += year.unpaid;
                }
            }
        }
        if n == 0 {
            lowest = self.opening_cash;
        }
        out.funding_gap = (-lowest).max(0.0);
        // Net cash flow stays >= 0 from the year after the last negative one, if within the
        // horizon.
        out.break_even_year =
            (after_last_negative < n.max(1)).then(|| self.start_year + after_last_negative as i32);
        out.runs_out = (runs_out < n).then_some(runs_out);
        out.peak_debt = peak_debt;
        // The previous sample's shares are cleared only if it had any.
        if out.unpaid_total > 0.0 {
            out.unpaid_by_counterparty.fill(0.0);
        }
        out.unpaid_total = unpaid_total;
        if unpaid_total > 0.0 {
            self.share_unpaid(draw, out);
        }
    }

    /// Shares each year's U_y among the deals due that year in proportion to what they were due
    /// in this sample (after cancellations and delays), U_y * p_{d,y} / P_y as the projection
    /// does, and adds each deal's share up by counterparty in the projection's order of
    /// operations (per deal over the years, then per counterparty over the deals), so that the
    /// identity draw gives the projection's figures bit for bit.
    fn share_unpaid(&self, draw: &Draw, out: &mut Outcome) {
        for (deal, &party) in self.deals.iter().zip(&self.party) {
            if draw.cancelled.get(deal.index).copied().unwrap_or(false) {
                continue;
            }
            let delay = draw.delay.get(deal.index).copied().unwrap_or(0);
            let offset = deal.offset + i64::from(delay);
            let mut total = 0.0;
            for (t, (&unpaid, &due)) in out.unpaid.iter().zip(&out.commitments).enumerate() {
                if unpaid > 0.0 && due > 0.0 {
                    let paid = usize::try_from(t as i64 - offset)
                        .ok()
                        .and_then(|i| deal.payments.get(i));
                    if let Some(&p) = paid {
                        total += unpaid * p / due;
                    }
                }
            }
            out.unpaid_by_counterparty[party] += total;
        }
    }
}

/// `x` held within [lo, hi] (lo <= hi), by comparisons (cheaper than `min`/`max` calls where
/// they are not inlined, and the same for the finite values used here).
#[inline(always)]
fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x > hi {
        hi
    } else if x < lo {
        lo
    } else {
        x
    }
}
