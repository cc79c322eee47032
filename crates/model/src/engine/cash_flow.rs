//! The cash-flow kernel: the one place where a year's revenue, costs, payments, raises and
//! financing become end-of-year cash and debt. The projection (`engine::build`), the growth
//! solver (`CostBasis::solvent`) and the Monte Carlo (`uncertainty::model::Model::evaluate`)
//! all step a [`CashFlow`] year by year, so they cannot drift apart; `docs/MODEL.md` states the
//! same rules with the same symbols.
//!
//! Why a small state machine rather than a function of one year: the financing rules carry
//! debt from year to year (interest on the debt outstanding at the start of the year, borrowing
//! to keep `min_cash` up to a credit limit, repayment) and then decide which payments go unpaid
//! in a shortfall. What a year needs as input ([`YearInputs`]) includes P_y, the payments due,
//! which bounds the unpaid amount; the caller shares U_y among the deals in proportion to their
//! payments.

use crate::scenario::{Scenario, Shortfall};

/// What one year brings in and must pay, before the cash identity is applied. Money in billions
/// of nominal dollars; shares as fractions of revenue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearInputs {
    /// R_y: revenue.
    pub revenue: f64,
    /// The share of revenue paid to partners in the year.
    pub revenue_share_rate: f64,
    /// The non-compute cost share of revenue in the year.
    pub opex_share: f64,
    /// P_y: payments due on the counted deals.
    pub commitments: f64,
    /// Money raised in the year.
    pub raised: f64,
}

/// One year through the cash identity and the financing rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearCash {
    /// S_y: revenue paid to partners.
    pub revenue_share: f64,
    /// O_y: non-compute operating costs.
    pub other_costs: f64,
    /// A_y = R_y - S_y - O_y: cash available for commitments.
    pub available: f64,
    /// N_y = A_y - P_y.
    pub net_cash_flow: f64,
    /// I_y: interest on the debt outstanding at the start of the year.
    pub interest: f64,
    /// B_y: borrowed on the credit line.
    pub borrowed: f64,
    /// Q_y: debt repaid.
    pub repaid: f64,
    /// U_y: payments due but left unpaid.
    pub unpaid: f64,
    /// Debt at the end of the year.
    pub debt: f64,
    /// Cash at the end of the year.
    pub cash: f64,
}

/// The financing rules of a scenario, as the kernel applies them (a scenario's `financing`
/// section with its defaults filled in).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// The cash the company borrows to keep at the end of a year.
    pub min_cash: f64,
    /// The most debt outstanding at any time (0 without a credit line).
    pub limit: f64,
    /// Yearly interest on the debt at the start of the year.
    pub rate: f64,
    /// In a shortfall, payments go unpaid (rather than cash going below zero).
    pub unpaid: bool,
}

impl Rules {
    /// The scenario's rules; `None` without a `financing` section (cash simply goes below zero).
    pub fn of(scenario: &Scenario) -> Option<Rules> {
        scenario.financing.as_ref().map(|f| Rules {
            min_cash: f.min_cash,
            limit: f.credit.map_or(0.0, |c| c.limit),
            rate: f.credit.map_or(0.0, |c| c.rate),
            unpaid: f.shortfall == Shortfall::Unpaid,
        })
    }
}

/// Cash and debt carried from one year to the next, starting from the opening cash and no debt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CashFlow {
    cash: f64,
    debt: f64,
    rules: Option<Rules>,
}

impl CashFlow {
    /// The position before the first year of the horizon, without financing rules.
    #[inline(always)]
    pub fn new(opening_cash: f64) -> CashFlow {
        CashFlow::with_rules(opening_cash, None)
    }

    /// The position before the first year, stepped under `rules` (none: cash may go below 0).
    #[inline(always)]
    pub fn with_rules(opening_cash: f64, rules: Option<Rules>) -> CashFlow {
        CashFlow {
            cash: opening_cash,
            debt: 0.0,
            rules,
        }
    }

    /// Cash now: the opening cash, or the end of the last year stepped.
    #[inline(always)]
    pub fn cash(&self) -> f64 {
        self.cash
    }

    /// Debt outstanding now.
    #[inline(always)]
    pub fn debt(&self) -> f64 {
        self.debt
    }

    /// Steps one year: A_y = R_y - S_y - O_y, N_y = A_y - P_y, then, in `docs/MODEL.md`'s
    /// numbering:
    /// 1. I_y = rate * Debt_{y-1};
    /// 2. pre_y = Cash_{y-1} + (N_y + raised_y) - I_y;
    /// 3. below `min_cash`, borrow B_y = min(min_cash - pre_y, max(0, limit - Debt_{y-1}));
    ///    otherwise repay Q_y = min(Debt_{y-1}, pre_y - min_cash);
    /// 4. c_y = pre_y + B_y - Q_y;
    /// 5. under the "unpaid" rule with c_y < 0, U_y = min(P_y, -c_y) goes unpaid, c_y += U_y;
    /// 6. Cash_y = c_y, Debt_y = Debt_{y-1} + B_y - Q_y.
    ///
    /// Without rules only Cash_y = Cash_{y-1} + (N_y + raised_y) is applied — in this order of
    /// operations, which every figure from before financing existed (and the bit-for-bit
    /// agreement of the Monte Carlo with the projection) relies on.
    ///
    /// # Examples
    /// ```
    /// use coverage_model::engine::{CashFlow, Rules, YearInputs};
    /// let mut flow = CashFlow::new(10.0);
    /// let year = flow.year(YearInputs {
    ///     revenue: 100.0,
    ///     revenue_share_rate: 0.2,
    ///     opex_share: 0.5,
    ///     commitments: 40.0,
    ///     raised: 5.0,
    /// });
    /// assert_eq!(year.available, 30.0); // 100 - 20 - 50
    /// assert_eq!(year.net_cash_flow, -10.0);
    /// assert_eq!(year.cash, 5.0); // 10 - 10 + 5
    ///
    /// // With a credit line of 20 at 10% and 8 of cash to keep: borrows 3 to reach 8.
    /// let rules = Rules { min_cash: 8.0, limit: 20.0, rate: 0.1, unpaid: false };
    /// let mut flow = CashFlow::with_rules(10.0, Some(rules));
    /// let inputs = YearInputs { revenue: 100.0, revenue_share_rate: 0.2, opex_share: 0.5,
    ///                           commitments: 40.0, raised: 5.0 };
    /// let year = flow.year(inputs);
    /// assert_eq!((year.borrowed, year.cash, year.debt), (3.0, 8.0, 3.0));
    /// ```
    #[inline(always)]
    pub fn year(&mut self, y: YearInputs) -> YearCash {
        let revenue_share = y.revenue_share_rate * y.revenue;
        let other_costs = y.opex_share * y.revenue;
        let available = y.revenue - revenue_share - other_costs;
        let net_cash_flow = available - y.commitments;
        let (mut interest, mut borrowed, mut repaid, mut unpaid) = (0.0, 0.0, 0.0, 0.0);
        match self.rules {
            None => self.cash += net_cash_flow + y.raised,
            Some(r) => {
                interest = r.rate * self.debt;
                let pre = self.cash + (net_cash_flow + y.raised) - interest;
                if pre < r.min_cash {
                    borrowed = (r.min_cash - pre).min((r.limit - self.debt).max(0.0));
                } else {
                    repaid = self.debt.min(pre - r.min_cash);
                }
                let mut cash = pre + borrowed - repaid;
                if r.unpaid && cash < 0.0 {
                    unpaid = y.commitments.min(-cash);
                    cash += unpaid;
                }
                self.cash = cash;
                self.debt = self.debt + borrowed - repaid;
            }
        }
        YearCash {
            revenue_share,
            other_costs,
            available,
            net_cash_flow,
            interest,
            borrowed,
            repaid,
            unpaid,
            debt: self.debt,
            cash: self.cash,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{self, counted_schedules, CostBasis};
    use crate::presets;
    use crate::scenario::{Credit, Financing, Growth, Scenario, Shortfall, Uncertainty};
    use crate::uncertainty::model::{Draw, Model, Outcome};
    use crate::uncertainty::MonteCarloRun;

    #[test]
    fn one_year_by_hand() {
        // (opening, R, rate, opex, P, raised) -> (S, O, A, N, cash)
        let cases = [
            (
                (10.0, 100.0, 0.2, 0.5, 40.0, 5.0),
                (20.0, 50.0, 30.0, -10.0, 5.0),
            ),
            ((0.0, 0.0, 0.2, 0.5, 3.0, 0.0), (0.0, 0.0, 0.0, -3.0, -3.0)),
            ((-4.0, 8.0, 0.0, 0.25, 0.0, 1.0), (0.0, 2.0, 6.0, 6.0, 3.0)),
        ];
        for (input, (s, o, a, n, cash)) in cases {
            let (opening, revenue, rate, opex, commitments, raised) = input;
            let mut flow = CashFlow::new(opening);
            let got = flow.year(YearInputs {
                revenue,
                revenue_share_rate: rate,
                opex_share: opex,
                commitments,
                raised,
            });
            let want = YearCash {
                revenue_share: s,
                other_costs: o,
                available: a,
                net_cash_flow: n,
                interest: 0.0,
                borrowed: 0.0,
                repaid: 0.0,
                unpaid: 0.0,
                debt: 0.0,
                cash,
            };
            assert_eq!(got, want, "input {input:?}");
            assert_eq!(flow.cash(), cash, "input {input:?}");
        }
    }

    /// The scenario with its revenue replaced by constant growth `g` (what the solver tries).
    fn at_constant_growth(s: &Scenario, g: f64) -> Scenario {
        let mut d = s.draft().clone();
        d.revenue.growth = Growth::Constant { rate: g };
        Scenario::new(d).expect("constant growth within the solver's range is valid")
    }

    /// The presets as written, and each under financing rules that make the kernel borrow,
    /// repay and hit its limit (credit + cash to keep) or leave payments unpaid (a small line,
    /// then the "unpaid" shortfall rule).
    fn presets_with_and_without_financing() -> Vec<Scenario> {
        let variants = [
            Financing {
                min_cash: 5.0,
                credit: Some(Credit {
                    limit: 150.0,
                    rate: 0.08,
                }),
                shortfall: Shortfall::NegativeCash,
                note: None,
            },
            Financing {
                min_cash: 2.0,
                credit: Some(Credit {
                    limit: 20.0,
                    rate: 0.1,
                }),
                shortfall: Shortfall::Unpaid,
                note: None,
            },
            Financing {
                min_cash: 0.0,
                credit: None,
                shortfall: Shortfall::Unpaid,
                note: None,
            },
        ];
        let mut all = Vec::new();
        for preset in presets::PRESETS.iter() {
            let s = preset.scenario();
            for (i, f) in variants.iter().enumerate() {
                let mut d = s.draft().clone();
                d.financing = Some(f.clone());
                d.name = format!("{} with financing {i}", s.name);
                all.push(Scenario::new(d).expect("valid financing"));
            }
            all.push(s);
        }
        all
    }

    /// The projection, the growth solver and the Monte Carlo all step the same [`CashFlow`],
    /// with and without financing rules: stepping it by hand over the projection's inputs gives
    /// the projection's rows, the solver's lowest cash for the scenario's own revenue is the
    /// projection's lowest cash, the solver's verdict at a growth rate is the projection's at
    /// that rate, and a Monte Carlo sample that draws nothing away from the scenario is the
    /// projection (cash, debt, unpaid payments and who they are owed to) — all to the last bit.
    #[test]
    fn projection_solver_and_monte_carlo_agree_through_the_kernel() {
        let (mut borrowed, mut unpaid) = (0, 0);
        for s in presets_with_and_without_financing() {
            let name = &s.name;
            let p = engine::project(&s);
            let basis = CostBasis::new(&s, &counted_schedules(&s));
            let revenue: Vec<f64> = p.rows.iter().map(|r| r.revenue).collect();
            borrowed += usize::from(p.summary.peak_debt.is_some());
            unpaid += usize::from(p.summary.total_unpaid > 0.0);

            let mut flow = CashFlow::with_rules(s.funding.opening_cash, Rules::of(&s));
            for (t, row) in p.rows.iter().enumerate() {
                let y = flow.year(basis.inputs(t, row.revenue));
                let got = [
                    y.revenue_share,
                    y.other_costs,
                    y.available,
                    y.net_cash_flow,
                    y.interest,
                    y.borrowed,
                    y.repaid,
                    y.debt,
                    y.unpaid,
                ];
                let want = [
                    row.revenue_share,
                    row.other_costs,
                    row.available,
                    row.net_cash_flow,
                    row.interest,
                    row.borrowed,
                    row.repaid,
                    row.debt,
                    row.unpaid,
                ];
                assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{name} {t}");
                assert_eq!(y.cash.to_bits(), row.cash.to_bits(), "{name} {t}");
            }

            assert_eq!(
                basis.lowest_cash(&revenue).to_bits(),
                p.summary.lowest_cash.value.to_bits(),
                "{name}: solver and projection disagree on the lowest cash"
            );
            for g in [-0.5, 0.0, 0.3, 0.8, 2.0] {
                let fixed = engine::project(&at_constant_growth(&s, g)).summary;
                assert_eq!(
                    engine::solvent_at(&s, g),
                    fixed.lowest_cash.value >= 0.0 && fixed.total_unpaid == 0.0,
                    "{name} at growth {g}"
                );
            }

            let model = Model::new(&s);
            let mut out = Outcome::default();
            model.evaluate(&Draw::identity(s.deals.len()), &mut out);
            for (t, row) in p.rows.iter().enumerate() {
                assert_eq!(out.cash[t].to_bits(), row.cash.to_bits(), "{name} {t}");
                assert_eq!(
                    out.net_cash_flow[t].to_bits(),
                    row.net_cash_flow.to_bits(),
                    "{name} {t}"
                );
            }
            assert_eq!(
                out.funding_gap.to_bits(),
                p.summary.funding_gap.to_bits(),
                "{name}"
            );
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            let column =
                |f: fn(&engine::YearRow) -> f64| bits(&p.rows.iter().map(f).collect::<Vec<_>>());
            assert_eq!(bits(&out.interest), column(|r| r.interest), "{name}");
            assert_eq!(bits(&out.borrowed), column(|r| r.borrowed), "{name}");
            assert_eq!(bits(&out.repaid), column(|r| r.repaid), "{name}");
            assert_eq!(bits(&out.debt), column(|r| r.debt), "{name}");
            assert_eq!(bits(&out.unpaid), column(|r| r.unpaid), "{name}");
            assert_eq!(
                out.peak_debt.to_bits(),
                p.summary.peak_debt.map_or(0.0, |d| d.value).to_bits(),
                "{name}"
            );
            assert_eq!(
                out.unpaid_total.to_bits(),
                p.summary.total_unpaid.to_bits(),
                "{name}"
            );

            // The same through the public run: a sample of a run whose ranges are all
            // collapsed, with its unpaid amounts by counterparty named as the projection's.
            let mut d = s.draft().clone();
            d.uncertainty = Some(Uncertainty {
                growth_multiplier: (1.0, 1.0),
                opex_shift: (0.0, 0.0),
                cancel_chance: 0.0,
                max_delay: 0,
                ..s.uncertainty()
            });
            let sample = MonteCarloRun::new(&Scenario::new(d).expect("valid")).sample(17);
            for (got, row) in sample.rows.iter().zip(&p.rows) {
                let got = [
                    got.cash,
                    got.interest,
                    got.borrowed,
                    got.repaid,
                    got.debt,
                    got.unpaid,
                ];
                let want = [
                    row.cash,
                    row.interest,
                    row.borrowed,
                    row.repaid,
                    row.debt,
                    row.unpaid,
                ];
                assert_eq!(
                    got.map(f64::to_bits),
                    want.map(f64::to_bits),
                    "{name} {}",
                    row.year
                );
            }
            assert_eq!(
                sample.total_unpaid.to_bits(),
                p.summary.total_unpaid.to_bits(),
                "{name}"
            );
            let by_party = |names: Vec<(&str, f64)>| {
                names
                    .into_iter()
                    .map(|(n, x)| (n.to_string(), x.to_bits()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                by_party(
                    sample
                        .unpaid_by_counterparty
                        .iter()
                        .map(|c| (c.name.as_str(), c.amount))
                        .collect()
                ),
                by_party(
                    p.counterparties
                        .iter()
                        .filter(|c| c.deals > 0)
                        .map(|c| (c.name.as_str(), c.unpaid))
                        .collect()
                ),
                "{name}"
            );
        }
        // The variants do what they are there for.
        assert!(
            borrowed >= 3 && unpaid >= 2,
            "borrowed in {borrowed}, unpaid in {unpaid}"
        );
    }
}
