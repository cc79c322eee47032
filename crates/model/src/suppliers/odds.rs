//! The suppliers' odds (issue 13): per supplier, from each company's seeded Monte Carlo (its own
//! `uncertainty` section or the defaults, with the shortfall rule "payments go unpaid" as in the
//! rest of the view), the chance that the supplier is not paid in full, its expected unpaid
//! amount and a 90% range.
//!
//! The companies' runs are taken as independent: joint draw i pairs sample i of every company
//! (a company with fewer samples than the largest run starts its samples again), and a
//! supplier's unpaid in the draw is the sum of what each company leaves unpaid to it. The
//! chance and the range come from those joint draws; the expected amount is the sum of each
//! company's own expected unpaid to the supplier (an expectation adds up whatever the
//! dependence), so it matches each company's Monte Carlo on the uncertainty page.
//!
//! [`OddsRun`] advances a chunk at a time, so the page stays responsive and can show the
//! figures so far; splitting the work never changes the result.

use super::{with_unpaid_rule, Suppliers};
use crate::engine::name_key;
use crate::scenario::Scenario;
use crate::uncertainty::{MonteCarloRun, Percentiles};

/// One supplier's odds over the joint draws run so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SupplierOdds {
    /// Share of joint draws in which some payment to it goes unpaid.
    pub chance_unpaid: f64,
    /// Expected total left unpaid to it.
    pub expected_unpaid: f64,
    /// 5th and 95th percentiles of the total left unpaid to it: a 90% range.
    pub p5: f64,
    pub p95: f64,
}

/// One company's run and where its counterparties sit in the table.
#[derive(Debug, Clone)]
struct CompanyRun {
    run: MonteCarloRun,
    /// Per counterparty of the run: the index of its supplier in the table.
    supplier: Vec<usize>,
}

/// The odds of every supplier of a table, computed a chunk of joint draws at a time.
///
/// # Examples
/// ```
/// use coverage_model::{presets, suppliers::{self, odds::OddsRun}};
/// let companies = [presets::openai_november_2025(), presets::anthropic_november_2025()];
/// let table = suppliers::suppliers(&companies);
/// let mut run = OddsRun::new(&companies, &table);
/// while !run.is_finished() {
///     run.run_chunk(500); // e.g. one chunk per animation frame
/// }
/// let odds = run.odds();
/// assert_eq!(odds.len(), table.suppliers.len());
/// assert!(odds.iter().all(|o| (0.0..=1.0).contains(&o.chance_unpaid)));
/// ```
#[derive(Debug, Clone)]
pub struct OddsRun {
    companies: Vec<CompanyRun>,
    suppliers: usize,
    /// Joint draws in all: the largest company's sample count.
    total: usize,
    /// Joint draws run so far.
    done: usize,
}

impl OddsRun {
    /// Prepares the runs of `companies`, whose table is `table` (from
    /// [`super::suppliers`] of the same companies). Nothing is sampled yet.
    pub fn new(companies: &[Scenario], table: &Suppliers) -> OddsRun {
        let keys: Vec<String> = table.suppliers.iter().map(|s| name_key(&s.name)).collect();
        let companies: Vec<CompanyRun> = companies
            .iter()
            .map(|s| {
                let mut run = MonteCarloRun::new(&with_unpaid_rule(s));
                run.keep_unpaid_samples();
                // Every counted deal's counterparty is in the table (it is made from the same
                // projections); a name missing from it would be a bug, and is left out rather
                // than counted against another supplier.
                let supplier = run
                    .counterparties()
                    .iter()
                    .map(|name| {
                        let key = name_key(name);
                        keys.iter().position(|k| *k == key).unwrap_or(usize::MAX)
                    })
                    .collect();
                CompanyRun { run, supplier }
            })
            .collect();
        let total = companies.iter().map(|c| c.run.total()).max().unwrap_or(0);
        OddsRun {
            companies,
            suppliers: table.suppliers.len(),
            total,
            done: 0,
        }
    }

    /// Runs up to `max_draws` more joint draws (each a sample of every company that still has
    /// samples to run); returns how many were run (0 once finished).
    pub fn run_chunk(&mut self, max_draws: usize) -> usize {
        let end = self.total.min(self.done.saturating_add(max_draws));
        for c in &mut self.companies {
            let want = end.min(c.run.total());
            c.run.run_chunk(want.saturating_sub(c.run.done()));
        }
        let ran = end - self.done;
        self.done = end;
        ran
    }

    /// Joint draws run so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Joint draws in all.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Share of the work done, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }

    pub fn is_finished(&self) -> bool {
        self.done >= self.total
    }

    /// Every supplier's odds over the joint draws run so far, in the table's order (all zero
    /// before any draw).
    pub fn odds(&self) -> Vec<SupplierOdds> {
        let n = self.done;
        let mut expected = vec![0.0; self.suppliers];
        let mut joint = vec![0.0; self.suppliers * n];
        for c in &self.companies {
            let own = n.min(c.run.total());
            if own == 0 {
                continue;
            }
            let mut sums = vec![0.0; c.supplier.len()];
            for i in 0..n {
                let Some(unpaid) = c.run.unpaid_of_sample(i % own) else {
                    continue;
                };
                for ((&s, &x), sum) in c.supplier.iter().zip(unpaid).zip(sums.iter_mut()) {
                    if x > 0.0 {
                        if let Some(cell) = joint.get_mut(s.wrapping_mul(n).wrapping_add(i)) {
                            *cell += x;
                        }
                        if i < own {
                            *sum += x;
                        }
                    }
                }
            }
            for (&s, sum) in c.supplier.iter().zip(sums) {
                if let Some(e) = expected.get_mut(s) {
                    *e += sum / own as f64;
                }
            }
        }
        expected
            .iter()
            .enumerate()
            .map(|(s, &expected_unpaid)| {
                let draws = &joint[s * n..(s + 1) * n];
                let unpaid = draws.iter().filter(|&&x| x > 0.0).count();
                let range = Percentiles::of(draws);
                SupplierOdds {
                    chance_unpaid: if n == 0 {
                        0.0
                    } else {
                        unpaid as f64 / n as f64
                    },
                    expected_unpaid,
                    p5: range.map_or(0.0, |p| p.p5),
                    p95: range.map_or(0.0, |p| p.p95),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
