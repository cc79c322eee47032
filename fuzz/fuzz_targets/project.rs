//! `project` (and the figures, CSV and charts drawn from it) on scenarios built field by field
//! from the fuzzer's bytes, starting from a built-in scenario: values in range, at the edges
//! of what validation allows, and anywhere at all. Whatever validation accepts must project to
//! finite figures; whatever it refuses must say why.
#![no_main]

use arbitrary::{Result, Unstructured};
use compute_coverage::presets::PRESETS;
use compute_coverage::scenario::{
    Deal, DealValue, Draft, Growth, Profile, Scenario, Uncertainty, MAX_MONEY, MAX_RATE,
};
use compute_coverage_fuzz::{check_accepted, check_scenario_error};
use libfuzzer_sys::fuzz_target;

/// Values at the edges of the validated ranges, and beyond them.
const EDGES: [f64; 20] = [
    0.0,
    -0.0,
    1e-300,
    f64::MIN_POSITIVE,
    1e-6,
    0.5,
    0.999_999,
    1.0,
    2.0,
    -0.999_999,
    -1.0,
    MAX_RATE,
    MAX_MONEY,
    -MAX_MONEY,
    1e4,
    f64::MAX,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    5e-324,
];

/// A number: mostly within `lo..=hi`, sometimes at an edge, sometimes any bits at all.
fn num(u: &mut Unstructured, lo: f64, hi: f64) -> Result<f64> {
    Ok(match u.int_in_range(0..=9u8)? {
        0..=5 => lo + (hi - lo) * (f64::from(u.arbitrary::<u32>()?) / f64::from(u32::MAX)),
        6..=8 => EDGES[u.choose_index(EDGES.len())?],
        _ => u.arbitrary()?,
    })
}

fn money(u: &mut Unstructured) -> Result<f64> {
    // Spread over magnitudes: 10^-3 .. 10^6.
    let e = num(u, -3.0, 6.0)?;
    Ok(if u.ratio(1, 4)? {
        e
    } else {
        10f64.powf(e).min(MAX_MONEY)
    })
}

fn rate(u: &mut Unstructured) -> Result<f64> {
    num(u, -0.999_999, 3.0)
}

fn year(u: &mut Unstructured) -> Result<i32> {
    Ok(if u.ratio(1, 16)? {
        u.arbitrary()?
    } else {
        u.int_in_range(1985..=2105)?
    })
}

fn pairs(u: &mut Unstructured, lo: f64, hi: f64) -> Result<Vec<(i32, f64)>> {
    let n = u.int_in_range(0..=6usize)?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push((year(u)?, num(u, lo, hi)?));
    }
    if u.arbitrary()? {
        v.sort_by_key(|p| p.0);
        v.dedup_by_key(|p| p.0);
    }
    Ok(v)
}

fn growth(u: &mut Unstructured, base: f64) -> Result<Growth> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => Growth::Constant { rate: rate(u)? },
        1 => Growth::Decaying {
            initial: rate(u)?,
            decay: num(u, 0.0, 1.0)?,
            floor: rate(u)?,
        },
        2 => Growth::Logistic {
            initial: num(u, 0.0, 2.0)?,
            ceiling: base * num(u, 0.5, 1000.0)?,
        },
        _ => {
            let mut points = pairs(u, 1e-3, MAX_MONEY)?;
            points.sort_by_key(|p| p.0);
            points.dedup_by_key(|p| p.0);
            Growth::Path {
                points,
                after: rate(u)?,
            }
        }
    })
}

fn profile(u: &mut Unstructured, years: i32) -> Result<Profile> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 => Profile::Even,
        1 => Profile::RampUp,
        2 => Profile::FrontLoaded,
        3 => Profile::Fleet { growth: rate(u)? },
        _ => {
            let n = usize::try_from(years.clamp(0, 32)).unwrap_or(0);
            let n = if u.ratio(1, 8)? { n + 1 } else { n };
            let mut weights = Vec::with_capacity(n);
            for _ in 0..n {
                weights.push(num(u, 0.0, 10.0)?);
            }
            Profile::Custom { weights }
        }
    })
}

fn deal(u: &mut Unstructured, template: &Deal) -> Result<Deal> {
    let mut d = template.clone();
    d.value = if u.arbitrary()? {
        DealValue::total(money(u)?)
    } else {
        DealValue::capacity(num(u, 1e-3, 1e4)?, money(u)?)
    };
    d.start_year = year(u)?;
    d.years = if u.ratio(1, 16)? {
        u.arbitrary()?
    } else {
        u.int_in_range(0..=31)?
    };
    d.profile = profile(u, d.years)?;
    d.firm = u.arbitrary()?;
    d.include = u.arbitrary()?;
    Ok(d)
}

fn draft(u: &mut Unstructured) -> Result<Draft> {
    let mut d = PRESETS[u.choose_index(PRESETS.len())?]
        .scenario()
        .draft()
        .clone();
    for _ in 0..u.int_in_range(0..=24u8)? {
        match u.int_in_range(0..=13u8)? {
            0 => {
                d.start_year = year(u)?;
                d.end_year = d.start_year.saturating_add(u.int_in_range(-2..=52)?);
            }
            1 => d.revenue.base = money(u)?,
            2 => d.revenue.growth = growth(u, d.revenue.base)?,
            3 => d.costs.opex_share = pairs(u, 0.0, 0.8)?,
            4 => d.costs.revenue_share.rate = num(u, 0.0, 0.5)?,
            5 => d.costs.revenue_share.until = year(u)?,
            6 => d.funding.opening_cash = num(u, -MAX_MONEY, MAX_MONEY)?,
            7 => d.funding.raises = pairs(u, 0.0, MAX_MONEY)?,
            8 => d.discount_rate = num(u, 0.0, 1.0)?,
            9 => d.firm_only = u.arbitrary()?,
            10 if !d.deals.is_empty() => {
                let i = u.choose_index(d.deals.len())?;
                d.deals[i] = deal(u, &d.deals[i])?;
            }
            11 if d.deals.len() < 101 && !d.deals.is_empty() => {
                let template = d.deals[u.choose_index(d.deals.len())?].clone();
                for _ in 0..u.int_in_range(1..=30u8)? {
                    d.deals.push(deal(u, &template)?);
                }
            }
            12 if !d.deals.is_empty() => {
                let i = u.choose_index(d.deals.len())?;
                d.deals.remove(i);
            }
            13 => {
                d.uncertainty = Some(Uncertainty {
                    growth_multiplier: (num(u, 0.0, 3.0)?, num(u, 0.0, 3.0)?),
                    opex_shift: (num(u, -0.3, 0.3)?, num(u, -0.3, 0.3)?),
                    cancel_chance: num(u, 0.0, 1.0)?,
                    max_delay: u.int_in_range(0..=12)?,
                    samples: u.int_in_range(50..=1000)?,
                    seed: u.arbitrary()?,
                    deal_value_range: (num(u, -1.2, 0.5)?, num(u, -0.5, 12.0)?),
                })
            }
            _ => {}
        }
    }
    Ok(d)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(d) = draft(&mut u) {
        match Scenario::new(d) {
            Ok(s) => check_accepted(&s),
            Err(e) => check_scenario_error(&e),
        }
    }
});
