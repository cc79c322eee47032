//! The Monte Carlo: thousands of variations of a scenario, drawn from the ranges in its
//! `uncertainty` section, summarised as per-year percentile bands, the chance of running short
//! of cash, and the distributions of the funding gap and of the break-even year.
//!
//! Each sample (see `docs/MODEL.md`, "Uncertainty and sensitivity"):
//! - multiplies every year's growth rate by m, with ln m normal and the interval's ends at its
//!   5th and 95th percentiles;
//! - adds a normal shift (interval's ends at its 5th/95th percentiles) to every year's
//!   non-compute share, clamped so shares stay valid;
//! - cancels each counted deal that is not firm with the cancel chance;
//! - delays each counted deal not yet under way (first year after the horizon's first year) by
//!   a whole number of years from 0 to `max_delay`, equally likely.
//!
//! Under a `financing` section each sample steps the kernel with the scenario's rules, so it
//! borrows, repays and leaves payments unpaid exactly as the projection would; the run then also
//! gives the chance that any payment goes unpaid, the expected unpaid amount in all and by
//! counterparty, the chance of borrowing and the peak debt ([`FinancingOdds`]).
//!
//! Results depend only on the scenario (including its seed and sample count): a run split into
//! chunks ([`MonteCarloRun`]) gives exactly what a one-shot [`monte_carlo`] gives. With every
//! range collapsed, every sample equals [`crate::engine::project`] bit for bit.

mod draw;
pub(crate) mod model;

pub(crate) use draw::split_mix;
pub use draw::{inverse_normal, Z95};
pub use model::{MAX_COST_SHARE, MULTIPLIER_CAP};

use crate::scenario::{Scenario, Uncertainty};
use model::{Draw, Model, Outcome};

/// The 5th, 25th, 50th, 75th and 95th percentiles of a set of values (linear interpolation
/// between the sorted values, the rule of spreadsheets' `PERCENTILE.INC`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percentiles {
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

impl Percentiles {
    /// The five values in order, lowest first.
    pub fn to_array(&self) -> [f64; 5] {
        [self.p5, self.p25, self.p50, self.p75, self.p95]
    }

    /// Percentiles of `values` (in any order); `None` when there are none.
    ///
    /// # Examples
    /// ```
    /// use coverage_model::uncertainty::Percentiles;
    /// let p = Percentiles::of(&[4.0, 1.0, 3.0, 2.0, 5.0]).unwrap();
    /// assert_eq!(p.to_array(), [1.2, 2.0, 3.0, 4.0, 4.8]);
    /// ```
    pub fn of(values: &[f64]) -> Option<Percentiles> {
        percentiles(values, &mut Vec::new())
    }
}

/// Share of a run of `total` draws done after `done`, from 0 to 1 (an empty run is done).
pub(crate) fn share_done(done: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        done as f64 / total as f64
    }
}

/// The probabilities of [`Percentiles`], in order.
const LEVELS: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// A key that orders like `f64::total_cmp` but compares as a plain integer (much faster to
/// select on than a float with a comparison closure).
fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn from_order_key(key: u64) -> f64 {
    if key >> 63 == 1 {
        f64::from_bits(key & !(1 << 63))
    } else {
        f64::from_bits(!key)
    }
}

/// Percentiles by linear interpolation between order statistics (the rule of spreadsheets'
/// `PERCENTILE.INC`). Only the order statistics needed are found (see [`select_values`]), not a
/// full sort. `scratch` is reused from call to call.
#[cfg_attr(coverage_speed, optimize(speed))]
fn percentiles(values: &[f64], scratch: &mut Vec<u64>) -> Option<Percentiles> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let position = |p: f64| {
        let h = p * (n - 1) as f64;
        let i = (h as usize).min(n - 1);
        (i, h - i as f64)
    };
    // The ranks needed, sorted and without repeats (inserted by hand: a general sort would
    // add kilobytes to the download for ten numbers).
    let mut ranks: Vec<usize> = Vec::with_capacity(2 * LEVELS.len());
    for p in LEVELS {
        let (i, _) = position(p);
        for r in [i, (i + 1).min(n - 1)] {
            if let Err(at) = ranks.binary_search(&r) {
                ranks.insert(at, r);
            }
        }
    }
    let mut found = [0u64; 2 * LEVELS.len()];
    select_values(values, &ranks, &mut found, scratch);
    let value = |rank: usize| from_order_key(found[ranks.binary_search(&rank).unwrap_or(0)]);
    let at = |p: f64| {
        let (i, frac) = position(p);
        let lo = value(i);
        let hi = value((i + 1).min(n - 1));
        if frac == 0.0 || lo == hi {
            lo
        } else {
            // Kept between its neighbours, so rounding can never put a lower percentile above
            // a higher one.
            (lo + frac * (hi - lo)).clamp(lo, hi)
        }
    };
    Some(Percentiles {
        p5: at(LEVELS[0]),
        p25: at(LEVELS[1]),
        p50: at(LEVELS[2]),
        p75: at(LEVELS[3]),
        p95: at(LEVELS[4]),
    })
}

/// Buckets of one pass of [`select_ranks`] (a power of two).
const BUCKET_BITS: u32 = 8;
/// Buckets of the first pass of [`select_values`].
const VALUE_BUCKETS: usize = 1024;
/// 2^52: adding it to a float from 0 to 2^52 rounds it to a whole number held in its low bits.
const TWO_POW_52: f64 = 4_503_599_627_370_496.0;
/// At or below this many keys, [`select_ranks`] sorts them instead.
const FEW: usize = 24;

/// Writes into `out[j]` the order key ([`order_key`]) of the value of rank `ranks[j]` among
/// `values` (what a sort by `f64::total_cmp` would put at that index); `ranks` as in
/// [`select_ranks`]. `scratch` is reused from call to call.
///
/// The first pass slices the values' own range into [`VALUE_BUCKETS`] equal parts, where
/// [`select_ranks`] slices the range of their keys: a float's key is its bits, so values that
/// share a sign and an exponent (most of a year's cash, say) share their top key bits and one
/// slice, and slicing the keys takes two or three rounds over most of the values where slicing
/// the values takes one over a few dozen. (x - lo) * scale rounds monotonically, so the slices
/// keep the values' order (-0 and 0 share a slice, which its keys then order). Values that are
/// not all finite, or whose range overflows, go to [`select_ranks`] as keys.
#[cfg_attr(coverage_speed, optimize(speed))]
fn select_values(values: &[f64], ranks: &[usize], out: &mut [u64], scratch: &mut Vec<u64>) {
    let (mut lo, mut hi, mut nan) = (f64::INFINITY, f64::NEG_INFINITY, false);
    for &x in values {
        if x < lo {
            lo = x;
        }
        if x > hi {
            hi = x;
        }
        nan |= x.is_nan();
    }
    let scale = VALUE_BUCKETS as f64 / (hi - lo);
    scratch.clear();
    if nan || !(scale.is_finite() && scale > 0.0) || values.len() <= FEW {
        scratch.extend(values.iter().map(|&x| order_key(x)));
        select_ranks(scratch, ranks, out);
        return;
    }
    // (x - lo) * scale is from 0 to VALUE_BUCKETS (or a rounding above): adding 2^52 rounds it
    // to the nearest whole number, which then is the float's low bits (cheaper than a
    // saturating float-to-integer conversion, and just as monotonic).
    let bucket = |x: f64| {
        let rounded = ((x - lo) * scale + TWO_POW_52).to_bits() as usize & (2 * VALUE_BUCKETS - 1);
        rounded.min(VALUE_BUCKETS - 1)
    };
    let mut counts = [0u32; VALUE_BUCKETS];
    for &x in values {
        counts[bucket(x)] += 1;
    }
    let mut slot = [0u8; VALUE_BUCKETS];
    let wanted = wanted_slices(&counts, ranks, &mut slot);
    gather_and_select(
        values,
        |x| slot[bucket(x)],
        order_key,
        &wanted,
        ranks,
        out,
        scratch,
    );
}

/// The slices of a pass that hold a wanted rank: per such slice, its first rank among all keys,
/// the range of `ranks` it holds and its size; and in `slot[b]`, 1 + the index of slice b
/// among those (0 for the others).
fn wanted_slices(
    counts: &[u32],
    ranks: &[usize],
    slot: &mut [u8],
) -> Vec<(usize, usize, usize, u32)> {
    let mut wanted = Vec::with_capacity(ranks.len());
    let (mut below, mut j) = (0usize, 0usize);
    for (&count, slot) in counts.iter().zip(slot.iter_mut()) {
        let end = below + count as usize;
        let first = j;
        while j < ranks.len() && ranks[j] < end {
            j += 1;
        }
        if j > first {
            wanted.push((below, first, j, count));
            *slot = wanted.len() as u8;
        }
        below = end;
        if j == ranks.len() {
            break;
        }
    }
    wanted
}

/// The keys of the wanted slices' items, one slice after another in `gathered` (each slice's
/// start from the counts), then each slice's ranks selected among its own keys.
#[inline(always)]
fn gather_and_select<T: Copy>(
    items: &[T],
    slot_of: impl Fn(T) -> u8,
    key_of: impl Fn(T) -> u64,
    wanted: &[(usize, usize, usize, u32)],
    ranks: &[usize],
    out: &mut [u64],
    gathered: &mut Vec<u64>,
) {
    gathered.clear();
    gathered.resize(wanted.iter().map(|w| w.3 as usize).sum(), 0);
    let mut at = 0;
    let mut fill: Vec<usize> = wanted
        .iter()
        .map(|w| {
            at += w.3 as usize;
            at - w.3 as usize
        })
        .collect();
    for &x in items {
        let s = usize::from(slot_of(x));
        if s != 0 {
            gathered[fill[s - 1]] = key_of(x);
            fill[s - 1] += 1;
        }
    }
    let mut local = Vec::with_capacity(ranks.len());
    let mut from = 0;
    for &(start, first, end, count) in wanted {
        local.clear();
        local.extend(ranks[first..end].iter().map(|r| r - start));
        let to = from + count as usize;
        select_ranks(&gathered[from..to], &local, &mut out[first..end]);
        from = to;
    }
}

/// Writes into `out[j]` the key of rank `ranks[j]` among `keys` (the key a full sort would put
/// at that index); `ranks` sorted, without repeats, each below `keys.len()`.
///
/// Radix selection: one pass finds the smallest and largest key, one counts the keys in each of
/// 256 equal slices of that range, one gathers the keys of the few slices that hold a wanted
/// rank, and the same is done again on those alone. About five cheap passes over the keys, where
/// a selection by comparisons (`select_nth_unstable`, nested for ten ranks) made it about fifty
/// instructions per key. Each round narrows the range 256-fold, so even keys bunched around one
/// value end within eight rounds.
#[cfg_attr(coverage_speed, optimize(speed))]
fn select_ranks(keys: &[u64], ranks: &[usize], out: &mut [u64]) {
    if ranks.is_empty() {
        return;
    }
    if keys.len() <= FEW {
        let mut few = [0u64; FEW];
        let few = &mut few[..keys.len()];
        few.copy_from_slice(keys);
        // Insertion sort: a few dozen keys, and no sort routine added to the download.
        for i in 1..few.len() {
            let mut j = i;
            while j > 0 && few[j - 1] > few[j] {
                few.swap(j - 1, j);
                j -= 1;
            }
        }
        for (o, &r) in out.iter_mut().zip(ranks) {
            *o = few[r];
        }
        return;
    }
    let (mut lo, mut hi) = (u64::MAX, 0);
    for &k in keys {
        lo = lo.min(k);
        hi = hi.max(k);
    }
    if lo == hi {
        out[..ranks.len()].fill(lo);
        return;
    }
    let shift = (64 - (hi - lo).leading_zeros()).saturating_sub(BUCKET_BITS);
    // Masked, so indexing needs no bounds check (the shift already keeps it in range).
    const MASK: usize = (1 << BUCKET_BITS) - 1;
    let bucket = |k: u64| ((k - lo) >> shift) as usize & MASK;
    let mut counts = [0u32; 1 << BUCKET_BITS];
    for &k in keys {
        counts[bucket(k)] += 1;
    }
    let mut slot = [0u8; 1 << BUCKET_BITS];
    let wanted = wanted_slices(&counts, ranks, &mut slot);
    gather_and_select(
        keys,
        |k| slot[bucket(k)],
        |k| k,
        &wanted,
        ranks,
        out,
        &mut Vec::new(),
    );
}

/// The bands of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearBand {
    pub year: i32,
    /// Revenue R_y.
    pub revenue: Percentiles,
    /// End-of-year cash.
    pub cash: Percentiles,
    /// Coverage A_y / P_y over the samples with payments due in the year; `None` when no
    /// sample has any.
    pub coverage: Option<Percentiles>,
    /// Share of samples with payments due in the year (those the coverage bands are over).
    pub with_payments: f64,
    /// Share of samples whose cash has ended a year below zero by this year (this one
    /// included): the chance of having run short so far.
    pub short_by: f64,
}

/// How many samples break even in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCount {
    pub year: i32,
    pub count: usize,
}

/// The distribution of the break-even year (the first year from which net cash flow stays at
/// or above zero to the end of the horizon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakEvenCounts {
    /// Samples per break-even year, for every year of the horizon in order.
    pub by_year: Vec<YearCount>,
    /// Samples that do not break even within the horizon.
    pub not_within_horizon: usize,
}

/// The summary of a Monte Carlo run.
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarlo {
    /// The settings used (the scenario's, or the defaults).
    pub settings: Uncertainty,
    /// Number of samples.
    pub samples: usize,
    /// Per-year bands, one per year of the horizon.
    pub years: Vec<YearBand>,
    /// Share of samples in which cash ends some year below zero: the chance of running short.
    pub chance_short: f64,
    /// Percentiles of the funding gap, max(0, -lowest cash).
    pub funding_gap: Percentiles,
    /// Distribution of the break-even year.
    pub break_even: BreakEvenCounts,
    /// What the financing rules did across the samples; `None` without a `financing` section
    /// (nothing of it is then computed).
    pub financing: Option<FinancingOdds>,
}

/// Unpaid payments and debt across the samples of a scenario with a `financing` section.
#[derive(Debug, Clone, PartialEq)]
pub struct FinancingOdds {
    /// Share of samples in which some payment goes unpaid (some U_y > 0).
    pub chance_unpaid: f64,
    /// Mean over the samples of the total left unpaid in the horizon.
    pub expected_unpaid: f64,
    /// Percentiles of the total left unpaid in the horizon.
    pub unpaid: Percentiles,
    /// Mean over the samples of what is left unpaid to each counterparty of the counted deals,
    /// in the order and spelling of [`crate::engine::Projection::counterparties`]. The amounts
    /// add up to `expected_unpaid` (to rounding).
    pub unpaid_by_counterparty: Vec<NamedAmount>,
    /// Share of samples that borrow on the credit line in some year.
    pub chance_borrowing: f64,
    /// Percentiles of the highest end-of-year debt (0 in a sample that never borrows).
    pub peak_debt: Percentiles,
}

/// An amount of money owed to, or left unpaid to, one counterparty.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedAmount {
    pub name: String,
    pub amount: f64,
}

/// One sample, in full: what was drawn and the projection it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The growth multiplier m (after the caps).
    pub multiplier: f64,
    /// The shift added to every year's non-compute share (before clamping per year).
    pub opex_shift: f64,
    /// The counted deals: what happened to each.
    pub deals: Vec<DealDraw>,
    /// The projection, year by year.
    pub rows: Vec<SampleRow>,
    pub funding_gap: f64,
    pub break_even_year: Option<i32>,
    /// First year cash ends below zero; `None` if never.
    pub cash_runs_out: Option<i32>,
    /// Highest end-of-year debt (0 when nothing is borrowed).
    pub peak_debt: f64,
    /// Payments left unpaid over the horizon.
    pub total_unpaid: f64,
    /// Left unpaid per counterparty of the counted deals, in the order of
    /// [`FinancingOdds::unpaid_by_counterparty`].
    pub unpaid_by_counterparty: Vec<NamedAmount>,
}

/// What a sample did to one counted deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealDraw {
    /// Index of the deal in the scenario.
    pub index: usize,
    pub cancelled: bool,
    /// Years of delay.
    pub delay: u32,
}

/// One year of a sample (the same quantities as [`crate::engine::YearRow`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleRow {
    pub year: i32,
    pub revenue: f64,
    pub available: f64,
    pub commitments: f64,
    pub net_cash_flow: f64,
    pub cash: f64,
    pub coverage: Option<f64>,
    /// I_y, B_y, Q_y, end-of-year debt and U_y under the scenario's financing rules.
    pub interest: f64,
    pub borrowed: f64,
    pub repaid: f64,
    pub debt: f64,
    pub unpaid: f64,
}

/// A Monte Carlo run that can be advanced a chunk at a time, so a page can stay responsive and
/// show progress. Splitting the work never changes the result.
///
/// # Examples
/// ```
/// use coverage_model::{presets, uncertainty::{monte_carlo, MonteCarloRun}};
/// let scenario = presets::openai_november_2025();
/// let mut run = MonteCarloRun::new(&scenario);
/// while !run.is_finished() {
///     run.run_chunk(1000); // e.g. one chunk per animation frame
/// }
/// assert_eq!(run.progress(), 1.0);
/// assert_eq!(run.finish(), monte_carlo(&scenario));
/// ```
#[derive(Debug, Clone)]
pub struct MonteCarloRun {
    model: Model,
    key: u64,
    total: usize,
    done: usize,
    draw: Draw,
    outcome: Outcome,
    /// Year t of sample i at [t * total + i] (one allocation for the whole run).
    revenue: Vec<f64>,
    cash: Vec<f64>,
    /// Year t's coverage values from [t * total], one per sample with payments due.
    coverage: Vec<f64>,
    coverage_count: Vec<usize>,
    funding_gap: Vec<f64>,
    /// Per year: samples breaking even then; samples first running short then.
    break_even: Vec<usize>,
    no_break_even: usize,
    first_short: Vec<usize>,
    /// Only with financing rules: per sample, the total unpaid and the peak debt; the sums of
    /// the unpaid per counterparty (added to only by samples with some unpaid).
    unpaid: Vec<f64>,
    peak_debt: Vec<f64>,
    unpaid_by_counterparty: Vec<f64>,
    /// Only when asked for ([`MonteCarloRun::keep_unpaid_samples`]): sample i's unpaid per
    /// counterparty at [i * counterparties + k]. Empty otherwise, so the uncertainty page
    /// neither allocates nor fills it.
    unpaid_samples: Vec<f64>,
}

impl MonteCarloRun {
    /// Prepares a run of the scenario's Monte Carlo (its `uncertainty` settings, or the
    /// defaults). Nothing is sampled yet.
    pub fn new(scenario: &Scenario) -> MonteCarloRun {
        let model = Model::new(scenario);
        let settings = *model.settings();
        let total = settings.samples as usize;
        let n = model.horizon_len();
        MonteCarloRun {
            key: draw::Stream::key(settings.seed),
            total,
            done: 0,
            draw: Draw::identity(model.deal_count()),
            outcome: Outcome::default(),
            revenue: vec![0.0; n * total],
            cash: vec![0.0; n * total],
            coverage: vec![0.0; n * total],
            coverage_count: vec![0; n],
            funding_gap: Vec::with_capacity(total),
            break_even: vec![0; n],
            no_break_even: 0,
            first_short: vec![0; n],
            unpaid: Vec::new(),
            peak_debt: Vec::new(),
            unpaid_by_counterparty: vec![0.0; model.counterparties().len()],
            unpaid_samples: Vec::new(),
            model,
        }
    }

    /// Keeps every sample's unpaid amount per counterparty from now on, for views that combine
    /// several runs sample by sample (the Suppliers page pairs sample i of each company). Call
    /// it before running any sample; it does nothing without a `financing` section (nothing is
    /// ever unpaid then) or once samples have been run.
    pub fn keep_unpaid_samples(&mut self) {
        if self.done == 0 && self.model.rules().is_some() {
            self.unpaid_samples = vec![0.0; self.total * self.model.counterparties().len()];
        }
    }

    /// What sample `i` left unpaid to each counterparty, in the order of
    /// [`MonteCarloRun::counterparties`]; `None` unless kept
    /// ([`MonteCarloRun::keep_unpaid_samples`]) and sample `i` has been run.
    pub fn unpaid_of_sample(&self, i: usize) -> Option<&[f64]> {
        let parties = self.model.counterparties().len();
        if i >= self.done || self.unpaid_samples.is_empty() {
            return None;
        }
        self.unpaid_samples.get(i * parties..(i + 1) * parties)
    }

    /// The counterparties of the counted deals, in the order and spelling of
    /// [`FinancingOdds::unpaid_by_counterparty`].
    pub fn counterparties(&self) -> &[String] {
        self.model.counterparties()
    }

    /// Runs up to `max_samples` more samples; returns how many were run (0 once finished).
    #[cfg_attr(coverage_speed, optimize(speed))]
    pub fn run_chunk(&mut self, max_samples: usize) -> usize {
        let end = self.total.min(self.done.saturating_add(max_samples));
        let ran = end - self.done;
        for i in self.done..end {
            self.model.draw(self.key, i as u64, &mut self.draw);
            self.model.evaluate(&self.draw, &mut self.outcome);
            self.record(i);
        }
        self.done = end;
        ran
    }

    #[inline(always)]
    fn record(&mut self, i: usize) {
        let o = &self.outcome;
        let total = self.total;
        for (t, count) in self.coverage_count.iter_mut().enumerate() {
            // Year t's column starts at t * total (one allocation for the whole run).
            let at = t * total;
            self.revenue[at + i] = o.revenue[t];
            self.cash[at + i] = o.cash[t];
            let coverage = o.coverage[t];
            if !coverage.is_nan() {
                self.coverage[at + *count] = coverage;
                *count += 1;
            }
        }
        self.funding_gap.push(o.funding_gap);
        let start = self.model.start_year();
        match o.break_even_year {
            Some(year) => self.break_even[(year - start) as usize] += 1,
            None => self.no_break_even += 1,
        }
        if let Some(t) = o.runs_out {
            self.first_short[t] += 1;
        }
        if self.model.rules().is_some() {
            self.unpaid.push(o.unpaid_total);
            self.peak_debt.push(o.peak_debt);
            if o.unpaid_total > 0.0 {
                for (sum, &x) in self
                    .unpaid_by_counterparty
                    .iter_mut()
                    .zip(&o.unpaid_by_counterparty)
                {
                    *sum += x;
                }
                let parties = o.unpaid_by_counterparty.len();
                if let Some(kept) = self.unpaid_samples.get_mut(i * parties..(i + 1) * parties) {
                    kept.copy_from_slice(&o.unpaid_by_counterparty);
                }
            }
        }
    }

    /// Samples run so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Samples in the whole run.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Share of the run done, from 0 to 1.
    pub fn progress(&self) -> f64 {
        share_done(self.done, self.total)
    }

    /// Whether every sample has been run.
    pub fn is_finished(&self) -> bool {
        self.done >= self.total
    }

    /// Runs whatever samples remain and summarises the run.
    pub fn finish(mut self) -> MonteCarlo {
        self.run_chunk(usize::MAX);
        let samples = self.done;
        let share = |count: usize| {
            if samples == 0 {
                0.0
            } else {
                count as f64 / samples as f64
            }
        };
        let start = self.model.start_year();
        let (n, total) = (self.model.horizon_len(), self.total);
        let mut keys = Vec::with_capacity(samples);
        let mut short_so_far = 0;
        let mut years = Vec::with_capacity(n);
        for t in 0..n {
            let mut bands =
                |v: &[f64], len: usize| percentiles(&v[t * total..t * total + len], &mut keys);
            let coverage_count = self.coverage_count[t];
            short_so_far += self.first_short[t];
            years.push(YearBand {
                year: start + t as i32,
                revenue: bands(&self.revenue, samples).unwrap_or(ZERO),
                cash: bands(&self.cash, samples).unwrap_or(ZERO),
                coverage: bands(&self.coverage, coverage_count),
                with_payments: share(coverage_count),
                short_by: share(short_so_far),
            });
        }
        let by_year = self
            .break_even
            .iter()
            .enumerate()
            .map(|(t, &count)| YearCount {
                year: start + t as i32,
                count,
            })
            .collect();
        let financing = self.model.rules().map(|_| {
            let mean = |sum: f64| {
                if samples == 0 {
                    0.0
                } else {
                    sum / samples as f64
                }
            };
            FinancingOdds {
                chance_unpaid: share(self.unpaid.iter().filter(|&&u| u > 0.0).count()),
                expected_unpaid: mean(self.unpaid.iter().fold(0.0, |a, &u| a + u)),
                unpaid: percentiles(&self.unpaid, &mut keys).unwrap_or(ZERO),
                unpaid_by_counterparty: self
                    .model
                    .counterparties()
                    .iter()
                    .zip(&self.unpaid_by_counterparty)
                    .map(|(name, &sum)| NamedAmount {
                        name: name.clone(),
                        amount: mean(sum),
                    })
                    .collect(),
                chance_borrowing: share(self.peak_debt.iter().filter(|&&d| d > 0.0).count()),
                peak_debt: percentiles(&self.peak_debt, &mut keys).unwrap_or(ZERO),
            }
        });
        MonteCarlo {
            financing,
            settings: *self.model.settings(),
            samples,
            years,
            chance_short: share(short_so_far),
            funding_gap: percentiles(&self.funding_gap, &mut keys).unwrap_or(ZERO),
            break_even: BreakEvenCounts {
                by_year,
                not_within_horizon: self.no_break_even,
            },
        }
    }

    /// Sample `index` of this run in full (computed afresh; the run itself is not advanced).
    /// Any index may be asked for, also beyond the run's sample count.
    pub fn sample(&self, index: usize) -> Sample {
        let mut draw = Draw::identity(self.model.deal_count());
        let mut o = Outcome::default();
        self.model.draw(self.key, index as u64, &mut draw);
        self.model.evaluate(&draw, &mut o);
        let start = self.model.start_year();
        let rows = (0..o.revenue.len())
            .map(|t| SampleRow {
                year: start + t as i32,
                revenue: o.revenue[t],
                available: o.available[t],
                commitments: o.commitments[t],
                net_cash_flow: o.net_cash_flow[t],
                cash: o.cash[t],
                coverage: (!o.coverage[t].is_nan()).then_some(o.coverage[t]),
                interest: o.interest[t],
                borrowed: o.borrowed[t],
                repaid: o.repaid[t],
                debt: o.debt[t],
                unpaid: o.unpaid[t],
            })
            .collect();
        Sample {
            multiplier: draw.multiplier,
            opex_shift: draw.opex_shift,
            deals: self
                .model
                .counted()
                .map(|index| DealDraw {
                    index,
                    cancelled: draw.cancelled[index],
                    delay: draw.delay[index],
                })
                .collect(),
            rows,
            funding_gap: o.funding_gap,
            break_even_year: o.break_even_year,
            cash_runs_out: o.runs_out.map(|t| start + t as i32),
            peak_debt: o.peak_debt,
            total_unpaid: o.unpaid_total,
            unpaid_by_counterparty: self
                .model
                .counterparties()
                .iter()
                .zip(&o.unpaid_by_counterparty)
                .map(|(name, &amount)| NamedAmount {
                    name: name.clone(),
                    amount,
                })
                .collect(),
        }
    }
}

const ZERO: Percentiles = Percentiles {
    p5: 0.0,
    p25: 0.0,
    p50: 0.0,
    p75: 0.0,
    p95: 0.0,
};

/// Runs the scenario's whole Monte Carlo at once.
///
/// # Examples
/// ```
/// use coverage_model::{presets, uncertainty::monte_carlo};
/// let mc = monte_carlo(&presets::openai_november_2025());
/// assert_eq!(mc.samples, 5000);
/// assert!(mc.chance_short > 0.0 && mc.chance_short <= 1.0);
/// let band = &mc.years[5];
/// assert!(band.cash.p5 <= band.cash.p50 && band.cash.p50 <= band.cash.p95);
/// ```
pub fn monte_carlo(scenario: &Scenario) -> MonteCarlo {
    MonteCarloRun::new(scenario).finish()
}

#[cfg(test)]
mod tests;
