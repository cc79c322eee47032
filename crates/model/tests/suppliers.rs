//! Properties of the supplier table over arbitrary valid scenarios: for each company the dues
//! over its suppliers add up to its payments in the horizon, and the unpaid amounts to what the
//! engine leaves unpaid under the "unpaid" rule.
#![cfg(not(target_arch = "wasm32"))]

use coverage_model::engine;
use coverage_model::suppliers::{suppliers, with_unpaid_rule};
use proptest::prelude::*;

mod common;
use common::scenario;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn dues_add_up_to_each_companys_payments(a in scenario(), b in scenario()) {
        let companies = [a, b];
        let t = suppliers(&companies);
        for (i, s) in companies.iter().enumerate() {
            let p = engine::project(&with_unpaid_rule(s));
            let payments: f64 = p.rows.iter().map(|r| r.commitments).sum();
            let unpaid: f64 = p.rows.iter().map(|r| r.unpaid).sum();
            let links = t.suppliers.iter().flat_map(|s| &s.links).filter(|l| l.company == i);
            let (due, left) = links.fold((0.0, 0.0), |(d, u), l| (d + l.due, u + l.unpaid));
            let scale = payments.abs().max(1.0);
            prop_assert!((due - payments).abs() <= 1e-9 * scale, "{} vs {}", due, payments);
            prop_assert!((left - unpaid).abs() <= 1e-9 * scale, "{} vs {}", left, unpaid);
        }
    }
}
