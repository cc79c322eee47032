//! Random draws for the Monte Carlo: one generator per sample, seeded from (seed, sample index),
//! and the three distributions the model needs built from its uniform numbers.

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::{SplitMix64, Xoshiro256PlusPlus};

/// The 95th percentile of the standard normal distribution: a 90% interval spans ±Z95 standard
/// deviations.
pub const Z95: f64 = 1.644_853_626_951_472_2;

/// The random numbers of one sample. Each sample has its own generator, seeded from the run's
/// seed and the sample's index, so sample i is the same however the run is split into chunks,
/// and the same when the sample count changes; and because every sample draws its numbers in a
/// fixed order (growth, non-compute share, then one per deal whether or not the deal counts),
/// editing one input leaves the other inputs' draws unchanged (common random numbers).
pub(crate) struct Stream(Xoshiro256PlusPlus);

impl Stream {
    /// The key of a run: the seed hashed once, so that nearby seeds give unrelated runs.
    pub fn key(seed: u64) -> u64 {
        SplitMix64::seed_from_u64(seed).next_u64()
    }

    /// The generator of sample `index` in the run with `key`. Consecutive indices differ in their
    /// low bits only, which SplitMix64 spreads over the whole state.
    ///
    /// This is `Xoshiro256PlusPlus::seed_from_u64(key ^ index)` (a test holds them equal): its
    /// four state words are the next four SplitMix64 outputs. Written out, it is a few dozen
    /// instructions where the library's path through a byte buffer, called once per sample,
    /// was a measurable part of the Monte Carlo.
    #[inline(always)]
    pub fn new(key: u64, index: u64) -> Stream {
        let mut state = key ^ index;
        let mut seed = [0u8; 32];
        for word in seed.chunks_exact_mut(8) {
            word.copy_from_slice(&split_mix(&mut state).to_le_bytes());
        }
        Stream(Xoshiro256PlusPlus::from_seed(seed))
    }

    /// A uniform number in the open interval (0, 1): the top 52 bits, centred in their cell,
    /// so from 2^-53 to 1 - 2^-53 and symmetric about 1/2. (With 53 bits the top cell's
    /// centre, 1 - 2^-54, would round to exactly 1.)
    #[inline]
    pub fn open01(&mut self) -> f64 {
        ((self.0.next_u64() >> 12) as f64 + 0.5) * (1.0 / (1u64 << 52) as f64)
    }

    /// One deal's two draws from a single 64-bit number: whether an event of probability
    /// `chance` happens (the high 32 bits as a uniform number in [0, 1): never for 0, always
    /// for 1), and a whole number of years from 0 to `max` inclusive, each equally likely (the
    /// low 32 bits, multiply-shift: the bias is below (max + 1) / 2^32).
    #[inline]
    pub fn event_and_years(&mut self, chance: f64, max: u32) -> (bool, u32) {
        let x = self.0.next_u64();
        let u = (x >> 32) as f64 * (1.0 / (1u64 << 32) as f64);
        let years = ((x & 0xffff_ffff) * (u64::from(max) + 1)) >> 32;
        (u < chance, years as u32)
    }

    /// A standard normal number, by inverting the distribution function at a uniform number.
    #[inline]
    pub fn normal(&mut self) -> f64 {
        inverse_normal(self.open01())
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): advances `state` and returns its next output, the
/// same numbers as `rand_xoshiro::SplitMix64`. Seeds each sample's generator, and fixes the
/// Suppliers page's shuffles (`suppliers::odds`).
#[inline(always)]
pub(crate) fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A distribution given by its 90% interval (lo, hi): the interval's ends are its 5th and
/// 95th percentiles. Parameters are worked out once, then [`Ninety::at`] maps standard normal
/// draws onto it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ninety {
    /// A collapsed interval: always exactly this value.
    Exact(f64),
    /// Normal with mean `mu` and standard deviation `sigma`.
    Normal { mu: f64, sigma: f64 },
    /// Lognormal: the logarithm is normal with mean `mu` and standard deviation `sigma`.
    LogNormal { mu: f64, sigma: f64 },
}

impl Ninety {
    /// The normal distribution with 90% interval (lo, hi).
    pub fn normal(lo: f64, hi: f64) -> Ninety {
        if lo == hi {
            return Ninety::Exact(lo);
        }
        Ninety::Normal {
            mu: 0.5 * (lo + hi),
            sigma: (hi - lo) / (2.0 * Z95),
        }
    }

    /// The lognormal distribution with 90% interval (lo, hi), both above 0.
    pub fn lognormal(lo: f64, hi: f64) -> Ninety {
        if lo == hi {
            return Ninety::Exact(lo);
        }
        let (a, b) = (lo.ln(), hi.ln());
        Ninety::LogNormal {
            mu: 0.5 * (a + b),
            sigma: (b - a) / (2.0 * Z95),
        }
    }

    /// The value at standard normal quantile `z`.
    #[inline(always)]
    pub fn at(self, z: f64) -> f64 {
        match self {
            Ninety::Exact(x) => x,
            Ninety::Normal { mu, sigma } => mu + sigma * z,
            Ninety::LogNormal { mu, sigma } => (mu + sigma * z).exp(),
        }
    }
}

// Coefficients of AS241, highest power first, as in CPython's `statistics` module.
const CENTRAL_NUM: [f64; 8] = [
    2509.0809287301227,
    33430.57558358813,
    67265.7709270087,
    45921.95393154987,
    13731.69376550946,
    1971.5909503065513,
    133.14166789178438,
    3.3871328727963665,
];
const CENTRAL_DEN: [f64; 8] = [
    5226.495278852854,
    28729.085735721943,
    39307.89580009271,
    21213.794301586597,
    5394.196021424751,
    687.1870074920579,
    42.31333070160091,
    1.0,
];
const NEAR_NUM: [f64; 8] = [
    0.0007745450142783414,
    0.022723844989269184,
    0.2417807251774506,
    1.2704582524523684,
    3.6478483247632045,
    5.769497221460691,
    4.630337846156546,
    1.4234371107496835,
];
const NEAR_DEN: [f64; 8] = [
    1.0507500716444169e-9,
    0.0005475938084995345,
    0.015198666563616457,
    0.14810397642748008,
    0.6897673349851,
    1.6763848301838038,
    2.053191626637759,
    1.0,
];
const FAR_NUM: [f64; 8] = [
    2.0103343992922881e-7,
    2.7115555687434876e-5,
    0.0012426609473880784,
    0.026532189526576124,
    0.29656057182850487,
    1.7848265399172913,
    5.463784911164114,
    6.657904643501103,
];
const FAR_DEN: [f64; 8] = [
    2.0442631033899397e-15,
    1.421511758316446e-7,
    1.8463183175100548e-5,
    0.0007868691311456133,
    0.014875361290850615,
    0.1369298809227358,
    0.599832206555888,
    1.0,
];

/// Evaluates a polynomial with coefficients given highest power first (Horner's rule).
#[inline(always)]
fn horner(coefficients: &[f64; 8], r: f64) -> f64 {
    // A plain loop of known length: unrolled in the speed build, where an iterator's fold
    // stayed a call per polynomial.
    let mut acc = coefficients[0];
    for &c in &coefficients[1..] {
        acc = acc * r + c;
    }
    acc
}

/// The standard normal quantile function: Wichura's algorithm AS241 (PPND16, Applied
/// Statistics 37(3), 1988), accurate to about 1 part in 10^16. For p in (0, 1); the result is
/// within ±8.21 for the uniform numbers drawn here. Outside (0, 1) it gives -infinity (p <= 0),
/// +infinity (p >= 1) or NaN (p NaN).
#[cfg_attr(coverage_speed, optimize(speed))]
pub fn inverse_normal(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * horner(&CENTRAL_NUM, r) / horner(&CENTRAL_DEN, r);
    }
    let tail = if q <= 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let x = if r <= 5.0 {
        let r = r - 1.6;
        horner(&NEAR_NUM, r) / horner(&NEAR_DEN, r)
    } else {
        let r = r - 5.0;
        horner(&FAR_NUM, r) / horner(&FAR_DEN, r)
    };
    if q < 0.0 {
        -x
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for the quantile function against published values.
    const QUANTILE_TOLERANCE: f64 = 1e-14;

    #[test]
    fn inverse_normal_matches_published_quantiles() {
        // (p, z) from standard tables (R's qnorm, 17 significant digits)
        let cases = [
            (0.5, 0.0),
            (0.95, Z95),
            (0.05, -Z95),
            (0.975, 1.959_963_984_540_054),
            (0.75, 0.674_489_750_196_081_7),
            (0.99, 2.326_347_874_040_841),
            (1e-10, -6.361_340_902_404_056),
            (1.0 - 1e-10, 6.361_340_889_697_421),
        ];
        for (p, z) in cases {
            let got = inverse_normal(p);
            assert!(
                (got - z).abs() <= QUANTILE_TOLERANCE * z.abs().max(1.0),
                "input {p}: got {got}, expected {z}"
            );
        }
        // The extremes a 53-bit uniform can reach stay finite.
        let tiny = 0.5 / (1u64 << 52) as f64;
        assert!(1.0 - tiny < 1.0);
        assert!(inverse_normal(tiny).is_finite() && inverse_normal(tiny) < -8.0);
        assert!(inverse_normal(1.0 - tiny).is_finite() && inverse_normal(1.0 - tiny) > 8.0);
    }

    #[test]
    fn ninety_percent_intervals_put_their_ends_at_the_5th_and_95th_percentiles() {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
        let growth = Ninety::lognormal(0.6, 1.3);
        assert!(close(growth.at(-Z95), 0.6));
        assert!(close(growth.at(Z95), 1.3));
        assert!(close(growth.at(0.0), (0.6f64 * 1.3).sqrt()));
        let shift = Ninety::normal(-0.05, 0.1);
        assert!(close(shift.at(-Z95), -0.05));
        assert!(close(shift.at(Z95), 0.1));
        assert!(close(shift.at(0.0), 0.025));
        // Collapsed intervals give their value exactly, whatever the draw.
        assert_eq!(Ninety::lognormal(1.0, 1.0).at(7.0), 1.0);
        assert_eq!(Ninety::normal(0.0, 0.0).at(-7.0), 0.0);
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let key = Stream::key(42);
        let a: Vec<u64> = (0..4).map(|_| Stream::new(key, 7).0.next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Stream::new(key, 7).0.next_u64(),
            Stream::new(key, 8).0.next_u64()
        );
        assert_ne!(Stream::key(42), Stream::key(43));
    }

    #[test]
    fn streams_are_seeded_as_the_library_seeds_them() {
        for seed in [0, 1, 42, u64::MAX, 0x9E37_79B9_7F4A_7C15] {
            let key = Stream::key(seed);
            for index in [0, 1, 2, 999, 10_000, u64::MAX] {
                let mut ours = Stream::new(key, index).0;
                let mut library = Xoshiro256PlusPlus::seed_from_u64(key ^ index);
                for _ in 0..8 {
                    assert_eq!(
                        ours.next_u64(),
                        library.next_u64(),
                        "seed {seed}, index {index}"
                    );
                }
            }
        }
        let mut state = 7;
        let mut library = SplitMix64::seed_from_u64(7);
        for _ in 0..8 {
            assert_eq!(split_mix(&mut state), library.next_u64());
        }
    }

    #[test]
    fn uniform_helpers_stay_in_range() {
        let mut s = Stream::new(Stream::key(1), 0);
        for _ in 0..10_000 {
            let u = s.open01();
            assert!(u > 0.0 && u < 1.0);
            assert!(s.event_and_years(0.5, 3).1 <= 3);
            assert_eq!(s.event_and_years(0.0, 0), (false, 0));
            assert!(s.event_and_years(1.0, 0).0);
        }
    }

    #[test]
    fn draws_have_the_right_spread() {
        // With 20,000 draws the sample 5th/95th percentiles are within a few hundredths.
        let mut s = Stream::new(Stream::key(5), 0);
        let mut z: Vec<f64> = (0..20_000).map(|_| s.normal()).collect();
        z.sort_by(f64::total_cmp);
        let (p5, p95) = (z[1000], z[19_000]);
        assert!((p5 + Z95).abs() < 0.05, "p5 {p5}");
        assert!((p95 - Z95).abs() < 0.05, "p95 {p95}");
        let mut counts = [0usize; 3];
        let mut events = 0;
        for _ in 0..30_000 {
            let (event, years) = s.event_and_years(0.25, 2);
            counts[years as usize] += 1;
            events += usize::from(event);
        }
        assert!(
            counts.iter().all(|&c| (9_500..10_500).contains(&c)),
            "{counts:?}"
        );
        assert!((7_000..8_000).contains(&events), "{events}");
    }
}
