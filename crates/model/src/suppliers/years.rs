//! Payments due to each supplier in each calendar year, summed over the companies: what the
//! Suppliers page charts. The companies' horizons may differ, so the years run from the earliest
//! first year to the latest last year of any company, and a company adds nothing outside its
//! own horizon.

use super::Suppliers;
use crate::engine::{self, name_key};
use crate::scenario::Scenario;

/// Dues per supplier per year.
#[derive(Debug, Clone, PartialEq)]
pub struct DueByYear {
    pub first_year: i32,
    pub last_year: i32,
    /// For each supplier of the table, in its order: payments due in each year from
    /// `first_year` to `last_year`, summed over the companies.
    pub due: Vec<Vec<f64>>,
}

impl DueByYear {
    /// The years, first to last.
    pub fn years(&self) -> impl Iterator<Item = i32> {
        self.first_year..=self.last_year
    }

    /// Payments due to every supplier in the year at `i`.
    pub fn total(&self, i: usize) -> f64 {
        self.due
            .iter()
            .map(|d| d.get(i).copied().unwrap_or(0.0))
            .sum()
    }
}

/// The dues per year of the suppliers of `table`, which must be `suppliers(companies)` (a
/// supplier the table does not hold is left out). `None` without companies.
///
/// # Examples
/// ```
/// use coverage_model::{presets, suppliers};
/// let companies = [presets::openai_november_2025(), presets::anthropic_november_2025()];
/// let t = suppliers::suppliers(&companies);
/// let years = suppliers::years::due_by_year(&companies, &t).unwrap();
/// let total: f64 = years.due[0].iter().sum();
/// assert!((total - t.suppliers[0].due()).abs() < 1e-9);
/// ```
pub fn due_by_year(companies: &[Scenario], table: &Suppliers) -> Option<DueByYear> {
    let first_year = companies.iter().map(|s| s.start_year).min()?;
    let last_year = companies.iter().map(|s| s.end_year).max()?;
    let span = usize::try_from(last_year - first_year + 1).unwrap_or(0);
    let keys: Vec<String> = table.suppliers.iter().map(|s| name_key(&s.name)).collect();
    let mut due = vec![vec![0.0; span]; keys.len()];
    for s in companies {
        // Payments do not depend on the financing rules: the plain projection has them.
        let p = engine::project(s);
        for deal in &p.deals {
            let key = name_key(&deal.counterparty);
            let Some(at) = keys.iter().position(|k| *k == key) else {
                continue;
            };
            for (row, pay) in p.rows.iter().zip(&deal.payments) {
                if let Ok(i) = usize::try_from(row.year - first_year) {
                    if let Some(cell) = due[at].get_mut(i) {
                        *cell += pay;
                    }
                }
            }
        }
    }
    Some(DueByYear {
        first_year,
        last_year,
        due,
    })
}
