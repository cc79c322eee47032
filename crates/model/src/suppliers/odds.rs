//! The suppliers' odds (issue 13): per supplier, from each company's seeded Monte Carlo (its own
//! `uncertainty` section or the defaults, with the shortfall rule "payments go unpaid" as in the
//! rest of the view), the chance that the supplier is not paid in full, its expected unpaid
//! amount and a 90% range.
//!
//! The companies' runs are taken as independent: each joint draw takes one sample of every
//! company, and a supplier's unpaid in the draw is the sum of what each company leaves unpaid
//! to it. Companies usually share a seed (42 by default), so sample i of one is drawn from the
//! same random numbers as sample i of another: pairing them index by index would make their
//! fortunes move together. Instead each company's samples are shuffled within blocks of
//! [`BLOCK`] by a fixed permutation of its own ([`OddsRun::sample_of`]), which pairs them at
//! random while the samples run in order, a block at a time. A company with fewer samples than
//! the largest run starts its samples again. The chance and the range come from the joint
//! draws; the expected amount is the mean over each company's own samples, summed over the
//! companies (an expectation adds up whatever the dependence), so once every draw has run it
//! matches each company's Monte Carlo on the uncertainty page.
//!
//! [`OddsRun`] advances a chunk at a time, so the page stays responsive and can show the
//! figures so far; splitting the work never changes the result.

use super::{with_unpaid_rule, Suppliers};
use crate::engine::name_key;
use crate::format;
use crate::scenario::Scenario;
use crate::uncertainty::{share_done, split_mix, MonteCarloRun, Percentiles};

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

/// Samples shuffled together: large enough that pairing within a block is as good as random,
/// small enough that a block of eight companies runs in a few milliseconds.
pub const BLOCK: usize = 128;

/// One company's run and where its counterparties sit in the table.
#[derive(Debug, Clone)]
struct CompanyRun {
    run: MonteCarloRun,
    /// Per counterparty of the run: the index of its supplier in the table.
    supplier: Vec<usize>,
    /// The sample it gives to its j-th draw (a permutation within each block of [`BLOCK`]).
    order: Vec<u32>,
}

/// 0..n shuffled within blocks of [`BLOCK`], the shuffles fixed by `company`.
fn block_order(n: usize, company: usize) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    for (b, block) in order.chunks_mut(BLOCK).enumerate() {
        let mut state = (company as u64) << 32 | b as u64;
        for k in (1..block.len()).rev() {
            let r = (split_mix(&mut state) % (k as u64 + 1)) as usize;
            block.swap(k, r);
        }
    }
    order
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
            .enumerate()
            .map(|(c, s)| {
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
                let order = block_order(run.total(), c);
                CompanyRun {
                    run,
                    supplier,
                    order,
                }
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

    /// Runs up to `max_draws` more joint draws; returns how many were run (0 once finished).
    /// Each company runs its samples in order, up to the end of the block the last draw needs
    /// (so a call may run up to a block more than asked).
    pub fn run_chunk(&mut self, max_draws: usize) -> usize {
        let end = self.total.min(self.done.saturating_add(max_draws));
        for c in &mut self.companies {
            let want = end.div_ceil(BLOCK).saturating_mul(BLOCK).min(c.run.total());
            c.run.run_chunk(want.saturating_sub(c.run.done()));
        }
        let ran = end - self.done;
        self.done = end;
        ran
    }

    /// The sample of company `company` in joint draw `draw` (`None` for a company not in the
    /// run).
    pub fn sample_of(&self, company: usize, draw: usize) -> Option<usize> {
        let c = self.companies.get(company)?;
        let n = c.order.len();
        (n > 0).then(|| c.order[draw % n] as usize)
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
        share_done(self.done, self.total)
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
                let sample = c.order[i % c.order.len()] as usize;
                let Some(unpaid) = c.run.unpaid_of_sample(sample) else {
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

/// One sentence on the odds of the supplier the headline names (the table's first, owed the
/// most), over `draws` joint draws; empty when nothing is due to any supplier.
pub fn sentence(table: &Suppliers, odds: &[SupplierOdds], draws: usize) -> String {
    let (Some(top), Some(o)) = (table.suppliers.first(), odds.first()) else {
        return String::new();
    };
    if top.due() <= 0.0 {
        return String::new();
    }
    let draws = format::count(draws);
    if o.chance_unpaid <= 0.0 {
        return format!(
            "Drawing each company's uncertainty independently, {} is paid in full in all {draws} draws.",
            top.name
        );
    }
    format!(
        "Drawing each company's uncertainty independently, {} is not paid in full in {} of {draws} draws: {} unpaid expected, between {} and {} in 90% of them.",
        top.name,
        format::percent(o.chance_unpaid),
        format::money(o.expected_unpaid),
        format::money(o.p5),
        format::money(o.p95)
    )
}

#[cfg(test)]
mod tests;
