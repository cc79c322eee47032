//! The Monte Carlo without a `financing` section is bit for bit what it was before financing
//! reached it: every figure of the presets' runs, as they stood at commit 61d52b6 (frozen
//! copies in `fixtures/mc-snapshot/`, so later edits to the presets do not move the snapshot),
//! is folded into a digest recorded on that commit, with a few figures kept readable.
#![cfg(not(target_arch = "wasm32"))]

use coverage_model::scenario::{Scenario, Uncertainty};
use coverage_model::uncertainty::{monte_carlo, MonteCarlo, MonteCarloRun, Percentiles};

/// FNV-1a over 64-bit words: any change to any bit of any figure changes it.
struct Digest(u64);

impl Digest {
    fn new() -> Digest {
        Digest(0xcbf2_9ce4_8422_2325)
    }
    fn word(&mut self, w: u64) {
        for b in w.to_le_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn float(&mut self, x: f64) {
        self.word(x.to_bits());
    }
    fn bands(&mut self, p: &Percentiles) {
        p.to_array().into_iter().for_each(|x| self.float(x));
    }
}

/// Every figure a run had before financing, in a fixed order.
fn digest(mc: &MonteCarlo) -> u64 {
    let mut d = Digest::new();
    d.word(mc.samples as u64);
    for y in &mc.years {
        d.word(y.year as u64);
        d.bands(&y.revenue);
        d.bands(&y.cash);
        match &y.coverage {
            Some(p) => d.bands(p),
            None => d.word(u64::MAX),
        }
        d.float(y.with_payments);
        d.float(y.short_by);
    }
    d.float(mc.chance_short);
    d.bands(&mc.funding_gap);
    for c in &mc.break_even.by_year {
        d.word(c.year as u64);
        d.word(c.count as u64);
    }
    d.word(mc.break_even.not_within_horizon as u64);
    d.0
}

fn frozen(name: &str) -> Scenario {
    let path = format!(
        "{}/tests/fixtures/mc-snapshot/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).expect("snapshot fixture is readable");
    Scenario::from_json(&json).expect("snapshot fixture is a valid scenario")
}

/// The scenario with uncertainty settings that exercise every draw (delays, cancellations).
fn with_settings(s: &Scenario, seed: u64) -> Scenario {
    let mut d = s.draft().clone();
    d.uncertainty = Some(Uncertainty {
        cancel_chance: 0.3,
        max_delay: 2,
        samples: 3000,
        seed,
        ..s.uncertainty()
    });
    Scenario::new(d).expect("valid settings")
}

/// (fixture, digest of its own run, digest of the run with `with_settings(.., 42)` in chunks of
/// 777, chance of running short, median funding gap), all computed on commit 61d52b6.
const RECORDED: [(&str, u64, u64, f64, f64); 3] = [
    (
        "openai-november-2025",
        0xe91d99b06df116db,
        0x70deaaff27e3dd1a,
        0.9992,
        662.3008541642284,
    ),
    (
        "anthropic-november-2025",
        0x0acd8a54b8027876,
        0xf0142a0494e2a63e,
        0.4162,
        0.0,
    ),
    ("blank", 0x165891c4fe0b46f6, 0xdb5e3ffe67f39c5c, 0.0, 0.0),
];

#[test]
fn without_financing_every_figure_is_what_it_was() {
    for (name, own, varied, chance_short, median_gap) in RECORDED {
        let s = frozen(name);
        assert!(s.financing.is_none(), "{name}");
        let mc = monte_carlo(&s);
        assert_eq!(mc.chance_short, chance_short, "{name}");
        assert_eq!(mc.funding_gap.p50.to_bits(), median_gap.to_bits(), "{name}");
        assert_eq!(digest(&mc), own, "{name}: some figure of the run moved");
        // Nothing of the financing figures is computed without a financing section.
        assert_eq!(mc.financing, None, "{name}");
        let mut run = MonteCarloRun::new(&with_settings(&s, 42));
        while run.run_chunk(777) > 0 {}
        assert_eq!(
            digest(&run.finish()),
            varied,
            "{name} with delays and cancellations: some figure of the run moved"
        );
    }
}
