// The app's Monte Carlo model (crates/model/src/uncertainty/model.rs) written in Squiggle, generated from the
// model inputs that `cargo run --example bench_data` prints (its `mc` object), in two forms:
//
// - perSample: one Squiggle function evaluates a whole sample (a year loop unrolled into straight
//   code), mapped over the draws with SampleSet.mapN: the model exactly as the app states it.
// - vectorised: the same formulas on whole sample sets at once (Squiggle's arithmetic on two
//   sample sets is element by element, so draws stay paired), with SampleSet.min/max for the
//   caps and clamps; only "is cash below zero" needs a small SampleSet.map per year. This is the
//   fastest way to write the model in Squiggle.
//
// Per sample, as in the app: a growth multiplier m ~ lognormal with the 90% interval's ends at its
// 5th/95th percentiles (capped); a shift ~ normal (same convention) added to every year's
// non-compute share, clamped to [0, cap_t]; each deal that is not firm cancelled with the cancel
// chance; each deal not under way in the first year delayed 0..max_delay whole years, equally
// likely. Revenue r_t = max(0, r_{t-1} (1 + m g_t)); cash += r_t - s_t r_t - o_t r_t - P_t + raised_t.
// Both programs end with the list [P(short by year 0), ..., P(short by year n-1)] (the last is
// the chance of ever running short), the figures the app's Monte Carlo reports.

const num = (x) => {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  // Full precision, and never an exponent form Squiggle might not read.
  const s = String(x);
  return /e/i.test(s) ? x.toFixed(20).replace(/0+$/, '').replace(/\.$/, '.0') : s;
};

/** Squiggle source of both forms for the model inputs `mc`. */
export function squigglePrograms(mc) {
  const n = mc.opex.length;
  const K = mc.max_delay;
  const deals = mc.deals.map((d, i) => ({ ...d, i, cancellable: !d.firm, delays: d.delayable && K > 0 }));
  // Payment of deal d in year t when delayed by j years (0 outside its schedule).
  const pay = (d, t, j) => d.payments[t - d.first - j] ?? 0;

  // --- the draws, shared by both forms: one sample set per random input -----------------------
  const draws = [
    `m0 = SampleSet.fromDist(lognormal({p5: ${num(mc.growth_multiplier[0])}, p95: ${num(mc.growth_multiplier[1])}}))`,
    `sh = SampleSet.fromDist(normal({p5: ${num(mc.opex_shift[0])}, p95: ${num(mc.opex_shift[1])}}))`,
  ];

  // --- per-sample form --------------------------------------------------------------------------
  const inputs = ['m0', 'sh'];
  const body = [`  m = min([x[0], ${num(mc.multiplier_cap)}])`, '  s = x[1]'];
  const perSampleDraws = [...draws];
  for (const d of deals) {
    if (d.cancellable) {
      perSampleDraws.push(`u${d.i} = SampleSet.fromDist(uniform(0, 1))`);
      body.push(`  k${d.i} = x[${inputs.length}] < ${num(mc.cancel_chance)} ? 0 : 1`);
      inputs.push(`u${d.i}`);
    }
    if (d.delays) {
      perSampleDraws.push(`v${d.i} = SampleSet.fromDist(uniform(0, 1))`);
      body.push(`  d${d.i} = min([floor(x[${inputs.length}] * ${K + 1}), ${K}])`);
      inputs.push(`v${d.i}`);
    }
  }
  body.push(`  r0 = ${num(mc.base)}`);
  for (let t = 1; t < n; t++) body.push(`  r${t} = max([0, r${t - 1} * (1 + m * ${num(mc.rates[t - 1])})])`);
  for (let t = 0; t < n; t++) {
    const terms = [];
    for (const d of deals) {
      let term;
      if (d.delays) {
        const options = [];
        for (let j = 0; j <= K; j++) options.push(pay(d, t, j));
        if (options.every((p) => p === 0)) continue;
        term = options.map((p, j) => (j < K ? `d${d.i} == ${j} ? ${num(p)} : ` : num(p))).join('');
        term = `(${term})`;
      } else {
        const p = pay(d, t, 0);
        if (p === 0) continue;
        term = num(p);
      }
      terms.push(d.cancellable ? `k${d.i} * ${term}` : term);
    }
    body.push(`  p${t} = ${terms.length ? terms.join(' + ') : '0'}`);
    body.push(`  o${t} = min([max([${num(mc.opex[t])} + s, 0]), ${num(mc.opex_cap[t])}])`);
    const prev = t === 0 ? num(mc.opening_cash) : `c${t - 1}`;
    body.push(
      `  c${t} = ${prev} + (r${t} - ${num(mc.revenue_share[t])} * r${t} - o${t} * r${t} - p${t}) + ${num(mc.raised[t])}`,
    );
  }
  // Index of the first year cash ends below zero, n if never.
  let first = `${n}`;
  for (let t = n - 1; t >= 0; t--) first = `c${t} < 0 ? ${t} : ${first}`;
  body.push(`  ${first}`);
  const shortBy = (v) =>
    Array.from({ length: n }, (_, t) => `mean(SampleSet.map(${v}, {|y| y <= ${t} ? 1 : 0}))`).join(',\n  ');
  const perSample = [
    ...perSampleDraws,
    `sample(x) = {\n${body.join('\n')}\n}`,
    `firstShort = SampleSet.mapN([${inputs.join(', ')}], sample)`,
    `[\n  ${shortBy('firstShort')}\n]`,
  ].join('\n');

  // --- vectorised form ---------------------------------------------------------------------------
  const v = [...draws, `m = SampleSet.min(m0, ${num(mc.multiplier_cap)})`];
  for (const d of deals) {
    if (d.cancellable) v.push(`k${d.i} = SampleSet.fromDist(bernoulli(${num(1 - mc.cancel_chance)}))`);
    if (d.delays) {
      if (K === 1) {
        v.push(`e${d.i}_1 = SampleSet.fromDist(bernoulli(0.5))`, `e${d.i}_0 = 1 - e${d.i}_1`);
      } else {
        v.push(`w${d.i} = SampleSet.fromDist(uniform(0, 1))`);
        for (let j = 0; j <= K; j++) {
          v.push(`e${d.i}_${j} = SampleSet.map(w${d.i}, {|x| min([floor(x * ${K + 1}), ${K}]) == ${j} ? 1 : 0})`);
        }
      }
    }
  }
  v.push(`r0 = ${num(mc.base)}`);
  for (let t = 1; t < n; t++) v.push(`r${t} = SampleSet.max(r${t - 1} * (1 + m * ${num(mc.rates[t - 1])}), 0)`);
  for (let t = 0; t < n; t++) {
    let fixed = 0;
    const terms = [];
    for (const d of deals) {
      let term;
      if (d.delays) {
        const parts = [];
        for (let j = 0; j <= K; j++) {
          const p = pay(d, t, j);
          if (p !== 0) parts.push(`e${d.i}_${j} * ${num(p)}`);
        }
        if (parts.length === 0) continue;
        term = `(${parts.join(' + ')})`;
      } else {
        const p = pay(d, t, 0);
        if (p === 0) continue;
        if (!d.cancellable) {
          fixed += p;
          continue;
        }
        term = num(p);
      }
      terms.push(d.cancellable ? `k${d.i} * ${term}` : term);
    }
    if (fixed !== 0 || terms.length === 0) terms.unshift(num(fixed));
    v.push(`p${t} = ${terms.join(' + ')}`);
    v.push(`o${t} = SampleSet.min(SampleSet.max(${num(mc.opex[t])} + sh, 0), ${num(mc.opex_cap[t])})`);
    const prev = t === 0 ? num(mc.opening_cash) : `c${t - 1}`;
    v.push(`c${t} = ${prev} + (r${t} - ${num(mc.revenue_share[t])} * r${t} - o${t} * r${t} - p${t}) + ${num(mc.raised[t])}`);
    // ok_t: 1 while cash has stayed at or above zero through year t.
    const neg = `SampleSet.map(c${t}, {|x| x < 0 ? 0 : 1})`;
    v.push(t === 0 ? `ok0 = ${neg}` : `ok${t} = ok${t - 1} * ${neg}`);
  }
  v.push(`[\n  ${Array.from({ length: n }, (_, t) => `1 - mean(ok${t})`).join(',\n  ')}\n]`);
  return { perSample, vectorised: v.join('\n') };
}
