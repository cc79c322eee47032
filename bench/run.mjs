#!/usr/bin/env node
// `make bench`: measures this app and the tools people would use instead, side by side, in one
// run on this machine, and writes bench/RESULTS.md (and prints its tables).
//
// Expects the release app in dist/ (scripts/build-release.sh) and the benchmark wasm in
// target/bench-wasm/pkg (bench/build-wasm.sh); the Makefile's `bench` target does both first.
//
//   node bench/run.mjs              full run (about 3 minutes, plus criterion)
//   node bench/run.mjs --quick      fewer runs, for checking the harness (figures not for quoting)
//   node bench/run.mjs --no-criterion
//   node bench/run.mjs --only=edit,hover   only these sections (cold, redraw, edit, hover, mc, suppliers), no
//                                          criterion; prints the figures, writes no RESULTS.md
//   node bench/run.mjs --only=... --baseline=DIR
//                                          also measures another build of the app, interleaved
//                                          with this one: DIR/dist (a release dist/: its calculator and
//                                          its embed page in the cold section) and, for the
//                                          redraw and mc sections, DIR/pkg (its bench/wasm build)
//
// What each measure covers is written into RESULTS.md beside the figures (see MEASURES below).

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST, ROOT, launchBrowser, startServer } from '../tests/e2e/helpers.mjs';
import { squigglePrograms } from './squiggle-model.mjs';
import { markdown as sizeMarkdown } from '../scripts/size-breakdown.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const argValue = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECTIONS = ['cold', 'redraw', 'edit', 'hover', 'mc', 'suppliers'];
const ONLY = argValue('only')?.split(',');
if (ONLY?.some((x) => !SECTIONS.includes(x))) throw new Error(`--only takes some of ${SECTIONS.join(',')}`);
const RUN = (section) => !ONLY || ONLY.includes(section);
const BASELINE = argValue('baseline') && path.resolve(argValue('baseline'));
if (BASELINE && !ONLY) throw new Error('--baseline goes with --only (a full run reports this build alone)');
const CRITERION = !ONLY && !args.includes('--no-criterion');

const BENCH = path.join(ROOT, 'bench');
const SITE = path.join(ROOT, 'target', 'bench-site');
const PKG = path.join(ROOT, 'target', 'bench-wasm', 'pkg');
const RESULTS = path.join(BENCH, 'RESULTS.md');
// Written by `node scripts/size-breakdown.mjs --json` (the Makefile's bench target runs it first).
const SIZES = path.join(ROOT, 'target', 'size-breakdown.json');

// Run counts. Warm-up runs are always discarded.
const N = QUICK
  ? { cold: 4, redrawRounds: 3, perRound: 20, redrawWarmup: 10, edits: 8, hovers: 10, mc: 5, mcWarmup: 2, squiggle: 2, squiggleWarmup: 1 }
  : { cold: 20, redrawRounds: 12, perRound: 50, redrawWarmup: 40, edits: 60, hovers: 60, mc: 40, mcWarmup: 5, squiggle: 12, squiggleWarmup: 3 };
N.suppliers = QUICK ? 3 : 12;
const SAMPLES = 10_000;
const VIEWPORT = { width: 1280, height: 800 };

// ------------------------------------------------------------------------------------------------
// Small helpers

const log = (...a) => console.error('bench:', ...a);

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return sorted[i] + (h - i) * ((sorted[Math.min(i + 1, sorted.length - 1)] ?? sorted[i]) - sorted[i]);
}

/** { n, median, p10, p25, p75, p90, min, max, mean } of a list of numbers. */
function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    median: quantile(s, 0.5),
    p10: quantile(s, 0.1),
    p25: quantile(s, 0.25),
    p75: quantile(s, 0.75),
    p90: quantile(s, 0.9),
    min: s[0],
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kib = (bytes) => (bytes / 1024).toFixed(1);
/** "1.23 ms [1.10–1.40]" with the spread named in the table header. */
const cell = (st, spread = 'iqr') =>
  st ? `${ms(st.median)} [${ms(spread === 'p10' ? st.p10 : st.p25)}–${ms(spread === 'p10' ? st.p90 : st.p75)}]` : '—';
/** A cell in microseconds, from figures in milliseconds. */
const us = (st) => {
  const f = (x) => ms(x * 1000);
  return `${f(st.median)} [${f(st.p25)}–${f(st.p75)}]`;
};
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');

function run(cmd, argv, options = {}) {
  return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }).trim();
}
function tryRun(cmd, argv) {
  try {
    return run(cmd, argv);
  } catch {
    return null;
  }
}
const pkgVersion = (name) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const sleep = (t) => new Promise((resolve) => setTimeout(resolve, t));

// ------------------------------------------------------------------------------------------------
// The benchmark site: peer pages, their libraries from node_modules, the data, the bench wasm.

function buildSite(chartData) {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run scripts/build-release.sh (make bench does)');
  // A partial run (--only) may do without the speed build.
  for (const dir of ONLY ? [PKG] : [PKG, `${PKG}-speed`]) {
    if (!existsSync(path.join(dir, 'cc_bench_wasm_bg.wasm'))) throw new Error(`${dir} is missing: run bench/build-wasm.sh (make bench does)`);
  }
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(path.join(SITE, 'vendor'), { recursive: true });
  mkdirSync(path.join(SITE, 'pkg'), { recursive: true });
  mkdirSync(path.join(SITE, 'pkg-speed'), { recursive: true });
  for (const f of readdirSync(path.join(BENCH, 'pages'))) copyFileSync(path.join(BENCH, 'pages', f), path.join(SITE, f));
  const vendor = [
    ['chart.js/dist/chart.umd.min.js', 'chart.umd.min.js'],
    ['uplot/dist/uPlot.iife.min.js', 'uPlot.iife.min.js'],
    ['uplot/dist/uPlot.min.css', 'uPlot.min.css'],
  ];
  for (const [from, to] of vendor) copyFileSync(path.join(ROOT, 'node_modules', from), path.join(SITE, 'vendor', to));
  if (BASELINE && existsSync(path.join(BASELINE, 'pkg', 'cc_bench_wasm_bg.wasm'))) {
    mkdirSync(path.join(SITE, 'pkg-base'), { recursive: true });
    for (const f of ['cc_bench_wasm.js', 'cc_bench_wasm_bg.wasm']) copyFileSync(path.join(BASELINE, 'pkg', f), path.join(SITE, 'pkg-base', f));
  }
  for (const f of ['cc_bench_wasm.js', 'cc_bench_wasm_bg.wasm']) {
    copyFileSync(path.join(PKG, f), path.join(SITE, 'pkg', f));
    if (existsSync(`${PKG}-speed`)) copyFileSync(path.join(`${PKG}-speed`, f), path.join(SITE, 'pkg-speed', f));
  }
  writeFileSync(path.join(SITE, 'data.js'), `window.BENCH_DATA = ${JSON.stringify(chartData)};\n`);
  writeFileSync(
    path.join(SITE, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><ul>' +
      ['app-chart', 'chartjs', 'uplot'].map((p) => `<li><a href="${p}.html">${p}</a></li>`).join('') +
      '</ul>\n',
  );
}

// ------------------------------------------------------------------------------------------------
// Browser side

// Runs in every page before its own scripts. Every chart's mark (the app marks each chart's id,
// e.g. "commitments", after each draw of it, and "hover" after each paint of a chart's hover
// overlay, src/components/chart_panel.rs; the peer pages mark "chart-drawn" after their first draw)
// first forces all canvases' pending drawing to finish (a one-pixel getImageData each, as the
// redraw loops do) and then records the time, so "drawn" means rasterised, for every page alike.
const INIT_SCRIPT = `(() => {
  const marks = (window.__benchMarks = []);
  const original = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = original(name, options);
    if (name === "chart-drawn" || name === "hover" || document.getElementById("chart-" + name)) {
      for (const c of document.querySelectorAll('canvas')) {
        try { c.getContext('2d').getImageData(0, 0, 1, 1); } catch (_) {}
      }
      marks.push({ name, t: performance.now() });
    }
    return entry;
  };
})();`;

// Chrome's hint to pass willReadFrequently when getImageData is called often: expected here.
// Failed loads are reported by URL from the responses instead (a missing favicon is no problem).
const IGNORED_CONSOLE = [/willReadFrequently/, /^Failed to load resource/];

async function newPage(browser, servers, { dpr = 1, viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: dpr, serviceWorkers: 'block' });
  const problems = [];
  const loaded = [];
  const origins = new Set(servers.map((s) => s.origin));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || origins.has(new URL(url).origin)) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !IGNORED_CONSOLE.some((re) => re.test(m.text()))) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('requestfinished', (r) => loaded.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  return { context, page, problems, loaded };
}

/**
 * Waits until `count` different charts have marked a draw; returns the time each was first drawn,
 * in order.
 */
async function waitForMarks(page, count, timeout = 30_000) {
  // Functions, not strings: the app's Content-Security-Policy forbids eval.
  await page.waitForFunction((n) => new Set(window.__benchMarks.filter((m) => m.name !== 'hover').map((m) => m.name)).size >= n, count, {
    timeout,
    polling: 'raf',
  });
  return page.evaluate(() => {
    const seen = new Map();
    for (const m of window.__benchMarks) if (!seen.has(m.name) && m.name !== 'hover') seen.set(m.name, m.t);
    return [...seen.values()];
  });
}

/** Maps a URL the page loaded to the file the server sent. */
function fileFor(url, servers) {
  const u = new URL(url);
  const server = servers.find((s) => s.origin === u.origin);
  let p = decodeURIComponent(u.pathname).slice(server.base.length);
  if (p === '' || p.endsWith('/')) p += 'index.html';
  return path.join(server.root, p);
}

/** gzip -9 bytes of every file the page loaded. */
function weighLoads(urls, servers) {
  const files = [...new Set(urls.filter((u) => u.startsWith('http')).map((u) => fileFor(u, servers)))].filter((f) =>
    existsSync(f),
  );
  const rows = files.map((f) => ({ file: path.relative(ROOT, f), gzip: gzipSync(readFileSync(f), { level: 9 }).length }));
  return { total: rows.reduce((a, r) => a + r.gzip, 0), rows };
}

function checkProblems(label, problems) {
  if (problems.length) throw new Error(`${label}: the page reported problems:\n  ${problems.join('\n  ')}`);
}

/**
 * Cold start: a fresh context (no cache, no storage) per load, the pages interleaved. The time is
 * from navigation start (performance.timeOrigin) to the first chart drawn and rasterised; for the
 * app also to all its charts drawn. The first load of each page is a discarded warm-up.
 */
async function coldStarts(browser, servers, pages) {
  const out = Object.fromEntries(pages.map((p) => [p.id, { first: [], all: [], weight: null }]));
  for (let i = 0; i <= N.cold; i++) {
    for (const p of pages) {
      const { context, page, problems, loaded } = await newPage(browser, servers);
      await page.goto(p.url, { waitUntil: 'load' });
      const marks = await waitForMarks(page, p.charts);
      await page.waitForLoadState('networkidle');
      checkProblems(p.id, problems);
      if (i === 0) {
        out[p.id].weight = weighLoads(loaded, servers);
      } else {
        out[p.id].first.push(marks[0]);
        out[p.id].all.push(marks[p.charts - 1]);
      }
      await context.close();
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([id, r]) => [id, { first: stats(r.first), all: stats(r.all), weight: r.weight }]),
  );
}

/** The eight companies of the Suppliers measure: the three built-in scenarios and five variants. */
function eightCompanies() {
  const preset = (file) => JSON.parse(readFileSync(path.join(ROOT, 'crates', 'model', 'src', 'presets', file), 'utf8'));
  const variants = [
    ['openai-november-2025.json', 'OpenAI, slower growth', (s) => (s.revenue.base *= 0.8)],
    ['openai-november-2025.json', 'OpenAI, more cash', (s) => (s.funding.opening_cash += 50)],
    ['anthropic-november-2025.json', 'Anthropic, slower growth', (s) => (s.revenue.base *= 0.8)],
    ['anthropic-november-2025.json', 'Anthropic, more cash', (s) => (s.funding.opening_cash += 30)],
    ['openai-november-2025.json', 'OpenAI, later deals', (s) => s.deals.forEach((d) => d.start_year++)],
  ].map(([file, name, change]) => {
    const s = preset(file);
    s.name = name;
    change(s);
    return s;
  });
  return ['openai-2025-11', 'anthropic-2025-11', 'blank', ...variants];
}

/**
 * The Suppliers page (issue 13), cold loads of a set of 2 companies (the defaults) and of 8,
 * interleaved: from navigation start to the deterministic table written (the page's
 * `suppliers-table` mark) and to every Monte Carlo draw run and shown (`suppliers-odds`); and
 * the longest main-thread task in between (Long Tasks API), which says whether the page froze.
 */
async function suppliersPage(browser, servers, appUrl) {
  const eight = JSON.parse(run('cargo', ['run', '--quiet', '--example', 'suppliers'], { input: JSON.stringify(eightCompanies()), stdio: ['pipe', 'pipe', 'pipe'] })).fragment;
  const sets = { 2: `${appUrl}suppliers/`, 8: `${appUrl}suppliers/#${eight}` };
  const out = { 2: { table: [], odds: [], mc: [], longest: [] }, 8: { table: [], odds: [], mc: [], longest: [] } };
  for (let i = 0; i <= N.suppliers; i++) {
    for (const [n, url] of Object.entries(sets)) {
      const { context, page, problems } = await newPage(browser, servers);
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.locator('#odds-table[data-done="1"]').waitFor({ timeout: 120_000 });
      const r = await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
        const table = at('suppliers-table');
        const odds = at('suppliers-odds');
        const during = window.__longTasks.filter((t) => t.start >= table && t.start <= odds);
        return { table, odds, longest: Math.max(0, ...during.map((t) => t.duration)), companies: document.querySelectorAll('#company-list .company').length };
      });
      checkProblems(`suppliers ${n}`, problems);
      if (r.companies !== Number(n)) throw new Error(`suppliers: the page shows ${r.companies} companies, not ${n}`);
      if (i > 0) {
        out[n].table.push(r.table);
        out[n].odds.push(r.odds);
        out[n].mc.push(r.odds - r.table);
        out[n].longest.push(r.longest);
      }
      await context.close();
    }
  }
  return Object.fromEntries(Object.entries(out).map(([n, r]) => [n, { table: stats(r.table), odds: stats(r.odds), mc: stats(r.mc), longest: stats(r.longest) }]));
}

/**
 * Chart redraw on the 800x400 canvas at `dpr`, every page open at once and measured in turn, round
 * after round, so that anything else the machine does slows them alike: window.benchRedraw() (one
 * full redraw of the same data), then a one-pixel getImageData so the drawing is finished before
 * the clock stops. Per-draw times, and each round's whole-loop mean.
 */
async function redraws(browser, servers, entries, dpr) {
  const open = [];
  for (const [id, url] of entries) {
    const p = await newPage(browser, servers, { dpr });
    await p.page.goto(url, { waitUntil: 'load' });
    await waitForMarks(p.page, 1);
    open.push({ id, url, ...p, draws: [], loops: [] });
  }
  const loop = (page, count) =>
    page.evaluate((count) => {
      const ctx = window.benchCanvas.getContext('2d');
      const times = [];
      const t0 = performance.now();
      let prev = t0;
      for (let i = 0; i < count; i++) {
        window.benchRedraw();
        ctx.getImageData(0, 0, 1, 1);
        const now = performance.now();
        times.push(now - prev);
        prev = now;
      }
      return { times, mean: (prev - t0) / count };
    }, count);
  for (const o of open) await loop(o.page, N.redrawWarmup);
  for (let r = 0; r < N.redrawRounds; r++) {
    for (const o of open) {
      await sleep(20);
      const { times, mean } = await loop(o.page, N.perRound);
      o.draws.push(...times);
      o.loops.push(mean);
    }
  }
  const out = {};
  for (const o of open) {
    checkProblems(o.url, o.problems);
    await o.context.close();
    out[o.id] = { draw: stats(o.draws), loop: stats(o.loops) };
  }
  return out;
}

/**
 * In the app: from an input event on the opening-cash field (the value alternating between two
 * figures, so every edit changes the projection) until every chart the edit changes is drawn again
 * and rasterised: the time of the last chart mark after the event. The page repaints only the
 * charts whose picture changes (the opening cash moves the cash chart, not the commitments or
 * coverage charts), so the charts redrawn per edit are counted too. Everything the page does in
 * between counts: reducer, validation, engine, Yew re-render, the draws. Each edit starts from an
 * idle page (two frames and a pause after the previous one). With several builds (`--baseline`),
 * their pages are open at once and edited in turn.
 */
async function editToRepaint(browser, servers, apps, charts) {
  const open = [];
  for (const { id, url } of apps) {
    const { context, page, problems } = await newPage(browser, servers);
    await page.goto(url, { waitUntil: 'load' });
    await waitForMarks(page, charts);
    await page.waitForLoadState('networkidle');
    const field = page.locator('#f-funding-opening-cash');
    await field.waitFor();
    const original = await field.inputValue();
    open.push({ id, context, page, problems, original, other: String(Number(original) + 1), times: [], redrawn: [] });
  }
  for (let i = 0; i < N.edits + 5; i++) {
    for (const o of open) {
      const value = i % 2 === 0 ? o.other : o.original;
      const r = await o.page.evaluate(async ({ value }) => {
        const input = document.querySelector('#f-funding-opening-cash');
        const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await frames();
        input.value = value;
        const before = window.__benchMarks.length;
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
        const deadline = t0 + 5000;
        const drawn = () => window.__benchMarks.slice(before).filter((m) => m.name !== 'hover');
        while (drawn().length === 0) {
          if (performance.now() > deadline) return null;
          await new Promise((r) => setTimeout(r, 0));
        }
        // Yew renders and runs the effects (the draws) in one pass: two frames later every
        // chart the edit changes has marked.
        await frames();
        const marks = drawn();
        return { dt: marks[marks.length - 1].t - t0, charts: new Set(marks.map((m) => m.name)).size };
      }, { value });
      if (r === null) throw new Error(`edit to repaint (${o.id}): no chart was redrawn within 5 s of an edit`);
      if (i >= 5) {
        o.times.push(r.dt);
        o.redrawn.push(r.charts);
      }
      await sleep(30);
    }
  }
  const out = {};
  for (const o of open) {
    checkProblems(`edit to repaint (${o.id})`, o.problems);
    await o.context.close();
    out[o.id] = { ...stats(o.times), charts, redrawn: stats(o.redrawn) };
  }
  return out;
}

/**
 * In the app: a pointer moved over the commitments chart to another year (synthetic pointermove
 * events at the centres of the years, in turn) until the crosshair is painted and rasterised: the
 * page paints it on an overlay canvas above the chart (mark "hover"), the chart itself is not
 * redrawn (its redraws during the moves are counted and reported). Pages without the overlay
 * (`--baseline` builds before it) redraw the chart instead, and that mark is the end. Covers the
 * app's whole path: event handler, state, Yew re-render of the panel and its tooltip, the paint.
 */
async function hoverRedraws(browser, servers, apps, charts, dpr) {
  const open = [];
  for (const { id, url } of apps) {
    const { context, page, problems } = await newPage(browser, servers, { dpr });
    await page.goto(url, { waitUntil: 'load' });
    await waitForMarks(page, charts);
    await page.waitForLoadState('networkidle');
    await page.locator('#chart-commitments canvas.chart').scrollIntoViewIfNeeded();
    open.push({ id, context, page, problems, times: [], missed: 0, chartRedraws: 0 });
  }
  const xs = [];
  // 11 years across the plot: the plot spans most of the canvas; positions at 9%..93%.
  for (let k = 0; k < 11; k++) xs.push(0.09 + (0.84 * (k + 0.5)) / 11);
  for (let i = 0; i < N.hovers + 5; i++) {
    for (const o of open) {
      const r = await o.page.evaluate(async ({ at }) => {
        const canvas = document.querySelector('#chart-commitments canvas.chart');
        const overlay = document.querySelector('#chart-commitments canvas.chart-overlay');
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const rect = canvas.getBoundingClientRect();
        const x = rect.left + rect.width * at;
        const y = rect.top + rect.height * 0.5;
        const before = window.__benchMarks.length;
        const t0 = performance.now();
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
        const deadline = t0 + 1000;
        const done = overlay ? 'hover' : 'commitments';
        const mark = () => window.__benchMarks.slice(before).find((m) => m.name === done);
        while (!mark() && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 0));
        }
        const redraws = window.__benchMarks.slice(before).filter((m) => m.name === 'commitments').length;
        return { dt: mark() ? mark().t - t0 : null, redraws: overlay ? redraws : 0 };
      }, { at: xs[i % xs.length] });
      if (r.dt === null) o.missed++;
      else if (i >= 5) o.times.push(r.dt);
      o.chartRedraws += r.redraws;
    }
  }
  const out = {};
  for (const o of open) {
    checkProblems(`hover (${o.id})`, o.problems);
    await o.context.close();
    if (o.times.length < N.hovers / 2) throw new Error(`hover (${o.id}): only ${o.times.length} of ${N.hovers} moves painted the crosshair`);
    out[o.id] = { ...stats(o.times), missed: o.missed, chartRedraws: o.chartRedraws };
  }
  return out;
}

/**
 * Monte Carlo, 10,000 samples, run after run in turn so that load elsewhere on the machine hits
 * them alike: the app's engine (bench wasm, the pages' size-first build) in Chromium, the same
 * engine built for speed in Chromium, the size-first wasm in Node, and Squiggle's two forms in
 * Node. The answers are checked to agree (after the warm-up runs) before any time is kept.
 * Also times engine::project in the page, for reading the edit-to-repaint figure.
 */
async function monteCarlo(browser, servers, siteUrl, data) {
  const pages = {};
  // With --baseline, its bench wasm too (`base`), in turn with the others.
  const withBase = BASELINE && existsSync(path.join(SITE, 'pkg-base', 'cc_bench_wasm_bg.wasm'));
  const builds = [['browser', 'app-chart.html'], ['browserSpeed', 'app-chart.html?build=speed'], ...(withBase ? [['base', 'app-chart.html?build=base']] : [])];
  for (const [id, url] of builds) {
    const p = await newPage(browser, servers);
    await p.page.goto(siteUrl + url, { waitUntil: 'load' });
    await waitForMarks(p.page, 1);
    pages[id] = p;
  }
  const inPage = (id) =>
    pages[id].page.evaluate(() => {
      const t0 = performance.now();
      const result = window.benchMonteCarlo();
      return { dt: performance.now() - t0, shortBy: Array.from(result).slice(1) };
    });

  const glue = await import(pathToFileURL(path.join(PKG, 'cc_bench_wasm.js')).href);
  glue.initSync({ module: readFileSync(path.join(PKG, 'cc_bench_wasm_bg.wasm')) });
  const nodeBench = new glue.Bench(SAMPLES);
  const inNode = async () => {
    const t0 = performance.now();
    const result = nodeBench.monte_carlo();
    return { dt: performance.now() - t0, shortBy: Array.from(result).slice(1) };
  };

  const t0 = performance.now();
  const { run: runSquiggle } = await import('@quri/squiggle-lang');
  const importMs = performance.now() - t0;
  const programs = squigglePrograms(data.mc);
  const environment = { sampleCount: SAMPLES, xyPointLength: 1000, seed: 'compute-coverage-bench' };
  const squiggleRun = (form) => async () => {
    const t = performance.now();
    const output = await runSquiggle(programs[form], { environment });
    const dt = performance.now() - t;
    if (!output.result.ok) throw new Error(`Squiggle (${form}) failed: ${output.result.value.toString()}`);
    return { dt, shortBy: output.result.value.result.asJS() };
  };

  const runners = {
    browser: () => inPage('browser'),
    browserSpeed: () => inPage('browserSpeed'),
    ...(withBase ? { base: () => inPage('base') } : {}),
    node: inNode,
    vectorised: squiggleRun('vectorised'),
    perSample: squiggleRun('perSample'),
  };
  const squiggleIds = ['vectorised', 'perSample'];
  const last = {};
  for (let i = 0; i < N.squiggleWarmup; i++) for (const [id, f] of Object.entries(runners)) last[id] = await f();
  for (let i = N.squiggleWarmup; i < N.mcWarmup; i++) {
    for (const [id, f] of Object.entries(runners)) if (!squiggleIds.includes(id)) last[id] = await f();
  }

  // Same answers before any time counts: the app's engine in every build and place gives exactly
  // the host's figures; Squiggle, with other random numbers, agrees within sampling error.
  const host = data.engine.short_by;
  for (const id of ['browser', 'browserSpeed', 'node', ...(withBase ? ['base'] : [])]) {
    if (!last[id].shortBy.every((v, t) => v === host[t])) {
      throw new Error(`the app's engine (${id}) gives ${JSON.stringify(last[id].shortBy)}, the host ${JSON.stringify(host)}`);
    }
  }
  const checks = {};
  for (const id of squiggleIds) {
    checks[id] = agreement(host, last[id].shortBy, SAMPLES);
    if (!checks[id].ok) {
      throw new Error(`the app and Squiggle (${id}) disagree on the model: app ${JSON.stringify(host)}, Squiggle ${JSON.stringify(last[id].shortBy)}`);
    }
  }

  const times = Object.fromEntries(Object.keys(runners).map((id) => [id, []]));
  for (let i = 0; i < N.mc; i++) {
    for (const [id, f] of Object.entries(runners)) {
      if (squiggleIds.includes(id) && i >= N.squiggle) continue;
      await sleep(5);
      times[id].push((await f()).dt);
    }
  }

  const project = await pages.browser.page.evaluate(() => {
    const rounds = [];
    window.benchProject(20);
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      window.benchProject(100);
      rounds.push((performance.now() - t0) / 100);
    }
    return rounds;
  });
  for (const [id, p] of Object.entries(pages)) {
    checkProblems(`monte carlo (${id})`, p.problems);
    await p.context.close();
  }
  return {
    importMs,
    checks,
    shortBy: Object.fromEntries(Object.entries(last).map(([id, r]) => [id, r.shortBy])),
    time: Object.fromEntries(Object.entries(times).map(([id, t]) => [id, stats(t)])),
    project: stats(project),
  };
}

/**
 * Whether two estimates of the same probabilities (from `n` samples each, different random
 * numbers) agree: every year within 4 combined standard errors (plus 0.001 for the tails).
 */
function agreement(a, b, n) {
  let worst = { z: 0 };
  for (let t = 0; t < a.length; t++) {
    const se = Math.sqrt((a[t] * (1 - a[t])) / n + (b[t] * (1 - b[t])) / n);
    const diff = Math.abs(a[t] - b[t]);
    const z = diff / (4 * se + 0.001);
    if (z >= worst.z) worst = { t, diff, se, z };
  }
  return { ok: worst.z <= 1, worst };
}

// ------------------------------------------------------------------------------------------------
// Criterion (cargo bench --bench engine)

function criterion() {
  log('cargo bench --bench engine (criterion)');
  const started = Date.now();
  const r = spawnSync('cargo', ['bench', '-p', 'coverage-model', '--bench', 'engine'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('cargo bench --bench engine failed');
  const dir = path.join(ROOT, 'target', 'criterion');
  const rows = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const sample = path.join(dir, name, 'new', 'sample.json');
    const meta = path.join(dir, name, 'new', 'benchmark.json');
    if (!existsSync(sample) || statSync(sample).mtimeMs < started) continue;
    const { iters, times } = JSON.parse(readFileSync(sample, 'utf8'));
    const perIter = times.map((t, i) => t / iters[i] / 1e6); // ns -> ms
    const title = JSON.parse(readFileSync(meta, 'utf8')).title ?? name;
    rows.push({ title, ...stats(perIter) });
  }
  return rows.sort((a, b) => a.title.localeCompare(b.title));
}

// ------------------------------------------------------------------------------------------------

async function main() {
  if (ONLY && ONLY.every((x) => x === 'suppliers')) {
    // The Suppliers page loads the app alone: no peer pages or bench wasm needed.
    const app = await startServer();
    app.root = DIST;
    const browser = await launchBrowser();
    try {
      console.log(partialReport({ suppliers: await suppliersPage(browser, [app], app.url) }));
    } finally {
      await browser.close();
      await app.close();
    }
    return;
  }
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const criterionRows = CRITERION ? criterion() : [];

  log('engine data (cargo run --example bench_data)');
  const data = JSON.parse(run('cargo', ['run', '--quiet', '--example', 'bench_data']));
  buildSite(data.chart);

  const app = await startServer();
  app.root = DIST;
  const site = await startServer({ root: SITE });
  site.root = SITE;
  const servers = [app, site];
  let base = null;
  if (BASELINE) {
    base = await startServer({ root: path.join(BASELINE, 'dist') });
    base.root = path.join(BASELINE, 'dist');
    servers.push(base);
  }
  const apps = [{ id: 'app', url: app.url }, ...(base ? [{ id: 'base', url: base.url }] : [])];
  const browser = await launchBrowser();
  const chromium = browser.version();
  let results;
  try {
    const pages = [
      { id: 'app', url: app.url, charts: 0 },
      ...(base ? [{ id: 'base', url: base.url, charts: 0 }] : []),
      // The embed page on its own (what a blog reader loads): one chart, the default scenario.
      { id: 'embed', url: `${app.url}embed/?embed=commitments`, charts: 1 },
      ...(base ? [{ id: 'base-embed', url: `${base.url}embed/?embed=commitments`, charts: 1 }] : []),
      { id: 'chartjs', url: `${site.url}chartjs.html`, charts: 1 },
      { id: 'uplot', url: `${site.url}uplot.html`, charts: 1 },
    ];
    for (const p of pages.filter((p) => p.charts === 0)) {
      // How many charts the app draws at start (the marks to wait for).
      const { context, page } = await newPage(browser, servers);
      await page.goto(p.url, { waitUntil: 'load' });
      await page.locator('canvas.chart').first().waitFor({ timeout: 30_000 });
      // Every chart panel renders its canvas in the same pass.
      p.charts = await page.evaluate(() => document.querySelectorAll('canvas.chart').length);
      await context.close();
      if (p.charts === 0) throw new Error(`${p.id}: the app shows no chart canvas (canvas.chart)`);
    }
    const charts = pages[0].charts;
    results = {};
    if (RUN('cold')) {
      log(`cold start (${N.cold} fresh loads of each page after a warm-up load) and page weight`);
      results.cold = await coldStarts(browser, servers, pages);
    }
    if (RUN('redraw')) {
      results.redraw = {};
      const withBase = BASELINE && existsSync(path.join(SITE, 'pkg-base'));
      for (const dpr of [1, 2]) {
        log(`chart redraw, DPR ${dpr}: this app, Chart.js, uPlot, this app built for speed${withBase ? ', the baseline' : ''}, in turn`);
        const drawn = await redraws(
          browser,
          servers,
          [
            ['app', `${site.url}app-chart.html`],
            ['chartjs', `${site.url}chartjs.html`],
            ['uplot', `${site.url}uplot.html`],
            ...(existsSync(path.join(SITE, 'pkg-speed', 'cc_bench_wasm_bg.wasm')) ? [['appSpeed', `${site.url}app-chart.html?build=speed`]] : []),
            ...(withBase ? [['base', `${site.url}app-chart.html?build=base`]] : []),
          ],
          dpr,
        );
        for (const [id, v] of Object.entries(drawn)) results.redraw[`${id}@${dpr}`] = v;
      }
    }
    if (RUN('edit')) {
      log('edit to repaint (app)');
      results.edit = await editToRepaint(browser, servers, apps, charts);
    }
    if (RUN('hover')) {
      log('hover redraw (app)');
      results.hover1 = await hoverRedraws(browser, servers, apps, charts, 1);
      results.hover2 = await hoverRedraws(browser, servers, apps, charts, 2);
    }
    if (RUN('mc')) {
      log('Monte Carlo: app engine in Chromium and Node, Squiggle in Node, in turn');
      results.mc = await monteCarlo(browser, servers, site.url, data);
    }
    if (RUN('suppliers')) {
      log(`Suppliers page: ${N.suppliers} cold loads each of 2 and 8 companies, to the table and to the full Monte Carlo`);
      results.suppliers = await suppliersPage(browser, servers, app.url);
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  if (ONLY) {
    console.log(partialReport(results));
    return;
  }
  for (const k of ['edit', 'hover1', 'hover2']) results[k] = results[k].app;
  const loadAfter = os.loadavg();

  const env = {
    date: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: tryRun('nproc', []) ?? String(os.cpus().length),
    cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? os.cpus()[0]?.model ?? '?',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: `${loadBefore[0].toFixed(2)} at the start, ${loadAfter[0].toFixed(2)} after the browser and Node runs`,
    // The benchmark itself keeps about one core busy; more than that is someone else's work.
    busy: Math.max(loadBefore[0], loadAfter[0]) > 1.5,
    chromium,
    node: process.version,
    rustc: tryRun('rustc', ['--version']),
    nightly: tryRun('rustc', ['+nightly', '--version']),
    wasmBindgen: tryRun('wasm-bindgen', ['--version']),
    wasmOpt: tryRun('wasm-opt', ['--version']),
    chartjs: pkgVersion('chart.js'),
    uplot: pkgVersion('uplot'),
    squiggle: pkgVersion('@quri/squiggle-lang'),
    playwright: pkgVersion('playwright-core'),
  };
  const all = { env, data, ...results, criterionRows, sizes: sizeBreakdown() };
  const md = report(all);
  writeFileSync(RESULTS, md);
  console.log(md);
  log(`wrote ${path.relative(ROOT, RESULTS)}`);
  if (!QUICK) updateReadme(summary(all));
}

/** What takes the bytes of each page's wasm (scripts/size-breakdown.mjs), run here if make did not. */
function sizeBreakdown() {
  if (!existsSync(SIZES) || statSync(SIZES).mtimeMs < statSync(path.join(DIST, 'index.html')).mtimeMs) {
    log('size breakdown (scripts/size-breakdown.mjs)');
    run('node', [path.join(ROOT, 'scripts', 'size-breakdown.mjs'), '--json', SIZES]);
  }
  return JSON.parse(readFileSync(SIZES, 'utf8'));
}

/**
 * The README's "Benchmarks" section quotes the latest ratios between two marker comments; a full
 * run rewrites what is between them (and nothing else). A quick run never does.
 */
function updateReadme(text) {
  const file = path.join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = '<!-- bench:start (written by make bench) -->';
  const end = '<!-- bench:end -->';
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) {
    log('README.md has no bench markers: its Benchmarks figures were not updated');
    return;
  }
  writeFileSync(file, `${readme.slice(0, i + start.length)}\n${text}\n${readme.slice(j)}`);
  log('updated the figures in README.md (Benchmarks)');
}

/** The latest ratios, for the README. */
function summary(r) {
  const { env, cold, redraw, edit, mc } = r;
  const w = { app: cold.app.weight.total, embed: cold.embed.weight.total, chartjs: cold.chartjs.weight.total, uplot: cold.uplot.weight.total };
  const x = (a, b) => `${(a / b).toFixed(2)}×`;
  const speed = (form) => (mc.time[form].median / mc.time.browser.median).toFixed(0);
  const loop = (id, dpr) => redraw[`${id}@${dpr}`].loop.median;
  return [
    `Latest run: ${env.date.slice(0, 10)}, ${env.cores} cores (${env.cpu}), headless Chromium ${env.chromium}, ` +
      `Node ${env.node}; load average ${env.load}${env.busy ? ' (other work was running)' : ''}. Ratios are this app ÷ the peer; ` +
      'the full table, spreads and what each figure covers are in [bench/RESULTS.md](bench/RESULTS.md).',
    '',
    `- Page weight: the calculator ${kib(w.app)} KiB gzip, an embedded chart ${kib(w.embed)} KiB, against Chart.js's page ${kib(w.chartjs)} KiB ` +
      `and uPlot's ${kib(w.uplot)} KiB. Goals ≤ 220 KiB (calculator): ${w.app <= 220 * 1024 ? 'met' : 'missed'}; ≤ 100 KiB (embed): ${w.embed <= 100 * 1024 ? 'met' : 'missed'}.`,
    `- Cold start to the first chart drawn: the calculator ${ms(cold.app.first.median)} ms (${x(cold.app.first.median, cold.uplot.first.median)} uPlot's page; ` +
      `goal ≤ 1.5×: ${cold.app.first.median <= 1.5 * cold.uplot.first.median ? 'met' : 'missed'}), an embedded chart ${ms(cold.embed.first.median)} ms ` +
      `(${x(cold.embed.first.median, cold.uplot.first.median)}; goal no slower: ${cold.embed.first.median <= cold.uplot.first.median ? 'met' : 'missed'}), Chart.js's page ${ms(cold.chartjs.first.median)} ms.`,
    `- Chart redraw, same chart and canvas (whole-loop mean, DPR 1 / DPR 2): ${ms(loop('app', 1))} / ${ms(loop('app', 2))} ms, ` +
      `${x(loop('app', 1), loop('chartjs', 1))} / ${x(loop('app', 2), loop('chartjs', 2))} Chart.js's time, ` +
      `${x(loop('app', 1), loop('uplot', 1))} / ${x(loop('app', 2), loop('uplot', 2))} uPlot's. Target (no slower than uPlot): ` +
      `${[1, 2].map((d) => `DPR ${d} ${loop('app', d) <= loop('uplot', d) ? 'met' : 'missed'}`).join(', ')}.`,
    `- Edit to repaint (an input event until every chart it changes is redrawn): ${ms(edit.median)} ms median. ` +
      `Target ≤ 4 ms: ${edit.median <= 4 ? 'met' : 'missed'}.`,
    `- Monte Carlo, ${SAMPLES.toLocaleString('en')} samples of the same model: ${ms(mc.time.browser.median)} ms in Chromium ` +
      `against Squiggle's ${ms(mc.time.vectorised.median)} ms (vectorised) and ${ms(mc.time.perSample.median)} ms (per-sample), ` +
      `${speed('vectorised')}× and ${speed('perSample')}× faster. Target ≥ 50×: ` +
      `${Math.min(mc.time.vectorised.median, mc.time.perSample.median) / mc.time.browser.median >= 50 ? 'met' : 'missed'}.`,
  ].join('\n');
}

/** The figures of a partial run (`--only`), with the baseline's beside them. */
function partialReport(r) {
  const lines = [`Partial run (${ONLY.join(', ')}), ${new Date().toISOString()}, load average ${os.loadavg()[0].toFixed(2)}. Median [25th–75th] ms.`, ''];
  const row = (label, st, extra = '') => st && lines.push(`| ${label} | ${cell(st)} | ${st.n}${extra} |`);
  lines.push('| measure | median [p25–p75] | runs |', '|---|---|---|');
  if (r.cold) for (const [id, v] of Object.entries(r.cold)) row(`cold start to first chart: ${id}`, v.first);
  if (r.redraw) {
    for (const [id, v] of Object.entries(r.redraw)) {
      lines.push(`| chart redraw ${id}: whole-loop mean, median of ${v.loop.n} loops [min–max]; per draw, median [p10–p90] | ${ms(v.loop.median)} [${ms(v.loop.min)}–${ms(v.loop.max)}]; ${cell(v.draw, 'p10')} | ${v.draw.n} draws |`);
    }
  }
  if (r.edit) for (const [id, v] of Object.entries(r.edit)) row(`edit to repaint: ${id}`, v, `, charts redrawn per edit: median ${v.redrawn.median}`);
  for (const k of ['hover1', 'hover2']) {
    if (r[k]) for (const [id, v] of Object.entries(r[k])) row(`hover, DPR ${k.slice(-1)}: ${id}`, v, `, chart redraws during the moves: ${v.chartRedraws}`);
  }
  if (r.mc) for (const [id, v] of Object.entries(r.mc.time)) row(`Monte Carlo: ${id}`, v);
  if (r.suppliers) {
    for (const [n, v] of Object.entries(r.suppliers)) {
      row(`Suppliers page, ${n} companies: cold load to the table`, v.table);
      row(`Suppliers page, ${n} companies: cold load to the full Monte Carlo`, v.odds);
      row(`Suppliers page, ${n} companies: the Monte Carlo alone (table shown → every draw shown)`, v.mc);
      row(`Suppliers page, ${n} companies: longest main-thread task during the Monte Carlo (0: none over 50 ms)`, v.longest);
    }
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------
// RESULTS.md

function report(r) {
  const { env, cold, redraw, edit, hover1, hover2, mc } = r;
  const w = { app: cold.app.weight.total, embed: cold.embed.weight.total, chartjs: cold.chartjs.weight.total, uplot: cold.uplot.weight.total };
  // Squiggle's faster form is the one compared against.
  const sqBest = mc.time.vectorised.median <= mc.time.perSample.median ? 'vectorised' : 'perSample';
  const sqName = sqBest === 'vectorised' ? 'vectorised' : 'per-sample';
  const lines = [];
  const p = (s = '') => lines.push(s);

  p('# Benchmark results');
  p();
  p(`Written by \`make bench\` (bench/run.mjs) on ${env.date}${QUICK ? ' — QUICK RUN (few runs: not for quoting)' : ''}.`);
  p();
  p(`Machine: ${env.cores} cores (\`nproc\`), ${env.cpu}, ${env.memory} RAM. Headless Chromium ${env.chromium} ` +
    `(Debian package, CPU drawing: \`--disable-gpu\`), Node ${env.node}. ${env.rustc}; release wasm built with ` +
    `${env.nightly ?? 'stable'} (scripts/build-release.sh), ${env.wasmBindgen}, wasm-opt ${env.wasmOpt?.replace(/^wasm-opt /, '')}. ` +
    `Peers from npm: chart.js ${env.chartjs}, uplot ${env.uplot}, @quri/squiggle-lang ${env.squiggle}; playwright-core ${env.playwright}. ` +
    `Load average (1 min): ${env.load}; anything else running on the machine shows up in the spreads.`);
  p();
  p('Times in milliseconds: median [25th–75th percentile] unless the row says otherwise. Ratios are this app ÷ the peer ' +
    '(below 1×: the app is smaller or faster). Every page draws the same data (the default scenario, ' +
    `"${r.data.chart.scenario}": ${r.data.chart.deals.length} deals stacked, revenue and available-cash lines, ` +
    `${r.data.chart.years[0]}–${r.data.chart.years.at(-1)}), no animation, warm-up runs discarded.`);
  p();
  p(`## Side by side`);
  p();
  p(`| measure | this app | Chart.js ${env.chartjs} | uPlot ${env.uplot} | app ÷ Chart.js | app ÷ uPlot |`);
  p('|---|---|---|---|---|---|');
  p(`| page weight at start, gzip -9 (KiB) | ${kib(w.app)} | ${kib(w.chartjs)} | ${kib(w.uplot)} | ${ratio(w.app, w.chartjs)} | ${ratio(w.app, w.uplot)} |`);
  p(`| cold start to first chart drawn (${cold.app.first.n} fresh loads) | ${cell(cold.app.first)} | ${cell(cold.chartjs.first)} | ${cell(cold.uplot.first)} | ${ratio(cold.app.first.median, cold.chartjs.first.median)} | ${ratio(cold.app.first.median, cold.uplot.first.median)} |`);
  for (const dpr of [1, 2]) {
    const a = redraw[`app@${dpr}`], c = redraw[`chartjs@${dpr}`], u = redraw[`uplot@${dpr}`];
    p(`| chart redraw, DPR ${dpr}: per draw, median [p10–p90] (${a.draw.n} draws) | ${cell(a.draw, 'p10')} | ${cell(c.draw, 'p10')} | ${cell(u.draw, 'p10')} | ${ratio(a.draw.median, c.draw.median)} | ${ratio(a.draw.median, u.draw.median)} |`);
    p(`| chart redraw, DPR ${dpr}: whole-loop mean per draw, median of ${a.loop.n} loops [min–max] | ${ms(a.loop.median)} [${ms(a.loop.min)}–${ms(a.loop.max)}] | ${ms(c.loop.median)} [${ms(c.loop.min)}–${ms(c.loop.max)}] | ${ms(u.loop.median)} [${ms(u.loop.min)}–${ms(u.loop.max)}] | ${ratio(a.loop.median, c.loop.median)} | ${ratio(a.loop.median, u.loop.median)} |`);
  }
  p();
  p(`## Monte Carlo: ${SAMPLES.toLocaleString('en')} samples of the same model`);
  p();
  p(`| run | time per ${SAMPLES.toLocaleString('en')}-sample run | Squiggle (${sqName}) ÷ this | P(short by ${r.data.chart.years[1]}) | P(ever short) |`);
  p('|---|---|---|---|---|');
  const pr = (sb) => `${sb[1].toFixed(4)} | ${sb.at(-1).toFixed(4)}`;
  const row = (label, id, probabilities) =>
    p(`| ${label} (${mc.time[id].n} runs) | ${cell(mc.time[id])} | ${(mc.time[sqBest].median / mc.time[id].median).toFixed(mc.time[id].median > 50 ? 2 : 0)}× | ${probabilities} |`);
  row("this app's engine, wasm in Chromium", 'browser', pr(mc.shortBy.browser));
  row("this app's engine, the same wasm in Node", 'node', 'the same | the same');
  row(`Squiggle ${env.squiggle}, vectorised form, Node`, 'vectorised', pr(mc.shortBy.vectorised));
  row(`Squiggle ${env.squiggle}, per-sample form, Node`, 'perSample', pr(mc.shortBy.perSample));
  row("for comparison: this app's engine built for speed (opt-level 3), Chromium", 'browserSpeed', 'the same | the same');
  p();
  p(`Importing squiggle-lang took ${ms(mc.importMs)} ms (not counted). Checked before timing: the app's engine gives ` +
    'exactly the host\'s figures (`cargo run --example bench_data`) in every build and place, and Squiggle\'s chances of ' +
    `being short by each year differ from the app's by at most ${mc.checks.vectorised.worst.diff.toFixed(4)} (vectorised) ` +
    `and ${mc.checks.perSample.worst.diff.toFixed(4)} (per-sample), within 4 combined standard errors of ` +
    `${SAMPLES.toLocaleString('en')}-sample estimates (their random numbers differ). The runs alternate, one of each in turn.`);
  p();
  p('## This app only');
  p();
  p('| measure | median [25th–75th] | runs |');
  p('|---|---|---|');
  p(`| edit to repaint: input event → every chart it changes redrawn (${ms(edit.redrawn.median)} of the ${edit.charts} per edit, median), DPR 1 | ${cell(edit)} | ${edit.n} |`);
  p(`| cold start to all ${edit.charts} charts drawn | ${cell(cold.app.all)} | ${cold.app.all.n} |`);
  p(`| cold start of the embed page (\`embed/?embed=commitments\`, default scenario) to its chart drawn | ${cell(cold.embed.first)} | ${cold.embed.first.n} |`);
  p(`| hover in the page: pointermove → crosshair painted on the commitments chart's overlay, DPR 1 (chart redraws during the moves: ${hover1.chartRedraws}) | ${cell(hover1)} | ${hover1.n} |`);
  p(`| hover in the page, DPR 2 (chart redraws: ${hover2.chartRedraws}) | ${cell(hover2)} | ${hover2.n} |`);
  p(`| engine::project, default scenario (wasm in Chromium; mean of 100 calls per run), **µs** | ${us(mc.project)} | ${mc.project.n} |`);
  for (const [n, v] of Object.entries(r.suppliers)) {
    p(`| Suppliers page, ${n} companies${n === '2' ? ' (the default link)' : ' (a link with 8)'}: cold load to the deterministic table | ${cell(v.table)} | ${v.table.n} |`);
    p(`| Suppliers page, ${n} companies: cold load to the full Monte Carlo shown | ${cell(v.odds)} | ${v.odds.n} |`);
    p(`| Suppliers page, ${n} companies: the Monte Carlo alone (deterministic table shown → every draw shown) | ${cell(v.mc)} | ${v.mc.n} |`);
    p(`| Suppliers page, ${n} companies: longest main-thread task while the Monte Carlo runs (Long Tasks API; 0 = none over 50 ms) | ${cell(v.longest)} | ${v.longest.n} |`);
  }
  const s1 = redraw['appSpeed@1'], s2 = redraw['appSpeed@2'];
  p(`| for comparison, built for speed (opt-level 3, wasm-opt -O3; not what the pages ship): chart redraw whole-loop mean, DPR 1 / DPR 2 | ${ms(s1.loop.median)} / ${ms(s2.loop.median)} (size-first: ${ms(redraw['app@1'].loop.median)} / ${ms(redraw['app@2'].loop.median)}) | ${s1.loop.n} loops |`);
  if (r.criterionRows.length) {
    p();
    p('Criterion (`cargo bench --bench engine`, native, this machine), per iteration:');
    p();
    p('| benchmark | median [25th–75th] (µs) | samples |');
    p('|---|---|---|');
    for (const c of r.criterionRows) p(`| ${c.title} | ${us(c)} | ${c.n} |`);
  }

  // Targets (issue 11; the Suppliers row is issue 13's)
  const t = [];
  const verdict = (met) => (met ? '**met**' : '**missed**');
  for (const [id, name, goal] of [['app', 'calculator page', 220], ['embed', 'embed page', 100]]) {
    const g = goal * 1024;
    t.push([
      `${name} weight ≤ ${goal} KiB gzip`,
      `${kib(w[id])} KiB`,
      verdict(w[id] <= g),
      w[id] <= g
        ? `${kib(g - w[id])} KiB to spare`
        : `over by ${kib(w[id] - g)} KiB (${((w[id] / g - 1) * 100).toFixed(0)}%); make test enforces the current size as its budget so it can only shrink. What takes the bytes is in the breakdown below.`,
    ]);
  }
  t.push([
    'edit to repaint ≤ 4 ms median',
    `${ms(edit.median)} ms`,
    verdict(edit.median <= 4),
    edit.median <= 4
      ? `${ms(4 - edit.median)} ms under`
      : `over by ${ms(edit.median - 4)} ms (${(edit.median / 4).toFixed(1)}× the target). engine::project itself takes ${ms(mc.project.median * 1000)} µs; the rest is drawing and the page: ${ms(edit.redrawn.median)} of the ${edit.charts} charts redrawn per edit (one chart's redraw alone is ${ms(redraw['app@1'].loop.median)} ms at DPR 1), the other charts' fingerprints, and the Yew re-render of the figures, tables and the changed field.`,
  ]);
  for (const dpr of [1, 2]) {
    // Judged on the whole-loop means, the precise figure (per-draw medians are in 0.1 ms steps).
    const a = redraw[`app@${dpr}`], u = redraw[`uplot@${dpr}`], fast = redraw[`appSpeed@${dpr}`];
    const r = a.loop.median / u.loop.median;
    const met = r <= 1;
    const tie = Math.abs(r - 1) < 0.05 ? ' — within 5%, a tie at this machine\'s noise' : '';
    const speedNote =
      fast.loop.median < 0.9 * a.loop.median
        ? `the wasm is built for size (built for speed: ${ms(fast.loop.median)} ms)`
        : `building for speed does not help (${ms(fast.loop.median)} ms)`;
    t.push([
      `chart redraw no slower than uPlot (DPR ${dpr})`,
      `whole-loop mean ${ms(a.loop.median)} ms vs ${ms(u.loop.median)} ms (per-draw medians ${ms(a.draw.median)} vs ${ms(u.draw.median)})`,
      verdict(met),
      met
        ? `${(1 / r).toFixed(2)}× uPlot's speed${tie}`
        : `${r.toFixed(2)}× uPlot's time${tie}: every redraw repaints all layers (background, grid, axis labels, legend, bars, lines) through plotters' per-shape canvas calls, nothing is kept between draws, and ${speedNote}.`,
    ]);
  }
  {
    const a = cold.app.first.median, u = cold.uplot.first.median;
    t.push([
      'cold start of the calculator ≤ 1.5× the uPlot page',
      `${ms(a)} ms vs ${ms(u)} ms`,
      verdict(a <= 1.5 * u),
      a <= 1.5 * u
        ? `${(a / u).toFixed(2)}× uPlot's time`
        : `${(a / u).toFixed(2)}× uPlot's time, ${ms(a - 1.5 * u)} ms over the 1.5× mark: the page downloads, compiles and starts ${kib(w.app)} KiB gzip of wasm + JS, then Yew builds the charts before the first one draws; the uPlot page is ${kib(w.uplot)} KiB of JS drawing one chart.`,
    ]);
  }
  {
    const a = cold.embed.first.median, u = cold.uplot.first.median;
    t.push([
      'cold start of an embedded chart no slower than the uPlot page',
      `${ms(a)} ms vs ${ms(u)} ms`,
      verdict(a <= u),
      a <= u
        ? `${ms(u - a)} ms sooner`
        : `${ms(a - u)} ms later (${(a / u).toFixed(2)}×): the embed page loads ${kib(w.embed)} KiB gzip (wasm + JS glue + CSS), decodes and validates the scenario and projects it before drawing; the uPlot page is ${kib(w.uplot)} KiB of JS with its data inline.`,
    ]);
  }
  {
    const speed = mc.time[sqBest].median / mc.time.browser.median;
    t.push([
      'Monte Carlo ≥ 50× faster than Squiggle',
      `${speed.toFixed(0)}× (vs Squiggle's faster form, ${sqName})`,
      verdict(speed >= 50),
      speed >= 50
        ? `${(speed / 50).toFixed(1)}× the target`
        : `short by ${(50 / speed).toFixed(2)}×. The engine is built for size like the pages (opt-level "z"); built for speed the same run takes ${ms(mc.time.browserSpeed.median)} ms, ${(mc.time[sqBest].median / mc.time.browserSpeed.median).toFixed(0)}× faster than Squiggle. It also does more than the Squiggle program: percentile bands of three figures for every year and the break-even and funding-gap distributions.`,
    ]);
  }
  p();
  {
    const two = r.suppliers[2].odds.median;
    t.push([
      'Suppliers page, 2 companies: full Monte Carlo < 1 s (issue 13)',
      `${ms(two)} ms from a cold load (table at ${ms(r.suppliers[2].table.median)} ms, the Monte Carlo alone ${ms(r.suppliers[2].mc.median)} ms; 8 companies: ${ms(r.suppliers[8].odds.median)} ms, alone ${ms(r.suppliers[8].mc.median)} ms)`,
      verdict(two < 1000),
      two < 1000
        ? `${ms(1000 - two)} ms under, from a cold load; the longest task while it runs is ${ms(r.suppliers[2].longest.median)} ms (2) and ${ms(r.suppliers[8].longest.median)} ms (8 companies)`
        : `over by ${ms(two - 1000)} ms (${(two / 1000).toFixed(2)}×) from a cold load, of which the download, compile and deterministic table take ${ms(r.suppliers[2].table.median)} ms; the Monte Carlo alone is ${ms(r.suppliers[2].mc.median)} ms (${r.suppliers[2].mc.median < 1000 ? 'under' : 'over'} the second). Longest task while it runs: ${ms(r.suppliers[2].longest.median)} ms (2) and ${ms(r.suppliers[8].longest.median)} ms (8 companies)`,
    ]);
  }
  p('## Targets (issues 11 and 13)');
  p();
  p(`Measured with a 1-minute load average of ${env.load}: other work on the machine slows every ` +
    'page, so absolute times vary from run to run; the runs being interleaved, the ratios vary less.');
  p();
  p('| target | measured | | by how much / why |');
  p('|---|---|---|---|');
  for (const row of t) p(`| ${row.join(' | ')} |`);

  p();
  p('## What takes the bytes');
  p();
  p('Each page\'s wasm by crate and by module (`scripts/size-breakdown.mjs`): the release build\'s wasm rebuilt ' +
    'with its function names (wasm-bindgen, then wasm-opt with the page\'s options and `-g`), every function\'s ' +
    'body counted for the crate its demangled path names. A library\'s generic code made for one of this app\'s ' +
    'types (a Yew component\'s lifecycle and view, drop glue) counts for the library in the crate table and is ' +
    'named `library<module>` in the module table. The gzip column shares out the code section\'s real gzip size in ' +
    'proportion to each group compressed alone: approximate. Data (strings, number tables) is not split by crate.');
  for (const page of r.sizes) {
    p();
    const label = `${page.bin} (wasm-opt ${page.wasmOpt}; shipped code section ${kib(page.shippedCode ?? 0)} KiB, this build ${kib(page.code.raw)} KiB)`;
    p(sizeMarkdown(label, page, { modules: 25 }));
  }
  p();
  p('## What each measure covers');
  p();
  for (const line of MEASURES(r)) p(`- ${line}`);
  p();
  p('Files counted in page weight (gzip -9 bytes):');
  p();
  for (const [id, label] of [['app', 'this app (dist/)'], ['embed', 'the embed page (dist/embed/)'], ['chartjs', 'Chart.js page'], ['uplot', 'uPlot page']]) {
    p(`- ${label}: ${cold[id].weight.rows.map((x) => `${x.file} ${x.gzip}`).join(', ')}`);
  }
  p();
  return lines.join('\n');
}

const MEASURES = (r) => [
  `**Page weight**: every file the page requested from a fresh load until its first chart was drawn and the network went idle, ` +
    'each compressed with gzip -9 (as scripts/page-weight.mjs does for dist/). Peers: the page HTML, the library\'s ' +
    'prebuilt minified bundle from npm (Chart.js `chart.umd.min.js`, the full build with every chart type, since there is no bundler here; ' +
    'uPlot `uPlot.iife.min.js` + `uPlot.min.css`), the page script and the data (`data.js`).',
  '**Cold start**: a new browser context (empty cache and storage) per load, pages interleaved, first round discarded. ' +
    'From navigation start to the first chart\'s draw call returning *and* its pixels finished (a one-pixel getImageData of ' +
    'every canvas on the page, done by a wrapper of `performance.mark` injected before the page loads). The app marks ' +
    'the chart\'s id (e.g. `commitments`) after each draw of a chart (src/components/chart_panel.rs); Chart.js marks in an `afterDraw` plugin, ' +
    'uPlot in a `draw` hook. Viewport 1280×800, DPR 1. The app page draws three charts and the whole calculator; the peers one chart.',
  `**Chart redraw**: one chart on an 800×400 CSS-pixel canvas, backing store 800×400 × DPR, same data and colours, then a ` +
    'one-pixel getImageData so the drawing is finished before the clock stops. Rounds of back-to-back redraws with a pause ' +
    `between rounds (${N.redrawWarmup} warm-up draws discarded). \`performance.now()\` ticks in 0.1 ms here (the page is not ` +
    'cross-origin isolated), so per-draw medians of fast draws are coarse: the whole-loop mean (loop time ÷ draws) is the ' +
    'precise figure. This app: `components::chart_panel::draw` (the function the page calls; plotters + plotters-canvas) from ' +
    'the benchmark build of the app\'s library (bench/wasm: same code, allocator and size-first profile as the page, with ' +
    'a few exports). Chart.js: `chart.update(\'none\')` (animation off, responsive off). uPlot: `u.batch(() => u.setData(data))` ' +
    '(scales, axes, paths and draw; synchronous inside batch). Each recomputes layout and draws everything, as after a data change.',
  '**Edit to repaint**: in the real page (dist/), an `input` event on the opening-cash field (value alternating between ' +
    'two figures) until every chart the edit changes has been redrawn and rasterised (the last chart mark after the event; ' +
    'the page repaints a chart only when its picture changes, and the opening cash moves the cash chart alone). ' +
    'It covers what the page does in between: reducer, validation, engine::project (with its growth solver), the Yew re-render ' +
    'and the redraws. Each edit starts from an idle page.',
  '**Hover**: in the real page, a synthetic pointermove over the commitments chart at another year until the crosshair ' +
    'is painted on the overlay canvas above the chart (the chart itself is not redrawn; its redraws during the moves are ' +
    'counted): event handler, state, Yew re-render of the panel and tooltip, the overlay paint.',
  `**Monte Carlo**: the default scenario without its financing section (the Squiggle program is the original cash ` +
    `identity, with no credit line) and its uncertainty model (growth multiplier lognormal with 90% interval ` +
    `${r.data.mc.growth_multiplier.join('–')}; non-compute share shift normal ${r.data.mc.opex_shift.join(' to ')}; each deal not firm ` +
    `cancelled with chance ${r.data.mc.cancel_chance}; each deal not yet under way delayed 0–${r.data.mc.max_delay} years), ` +
    `${SAMPLES.toLocaleString('en')} samples. The app: \`uncertainty::monte_carlo\` as the page would run it (all samples, then ` +
    'per-year percentile bands of revenue, cash and coverage, the chance of running short by each year, the break-even and ' +
    'funding-gap distributions), from the bench wasm in Chromium, and the same wasm in Node. Squiggle: the same model ' +
    '(bench/squiggle-model.mjs, generated from `cargo run --example bench_data`), computing only the chance of running short by ' +
    'each year; `run(code, { environment: { sampleCount, xyPointLength, seed } })` in Node (squiggle-lang needs a bundler to ' +
    'run in a page; there is none here), import excluded. Two forms: vectorised (arithmetic on whole sample sets, ' +
    'SampleSet.min/max for the caps, a small SampleSet.map per year for "cash below zero") and per-sample (one function ' +
    'per sample via SampleSet.mapN). The probabilities are checked to agree before any time is kept; the chance of ever ' +
    'running short is close to 1 in this scenario, so the check also uses the chance of being short by the second year, which is not.',
  '**Suppliers page**: a new browser context per load, the two sets interleaved, first round discarded: the default link ' +
    '(OpenAI and Anthropic) and a link with 8 companies (the three built-in scenarios and five variants of them, bench/run.mjs ' +
    '`eightCompanies`). From navigation start to the page\'s `suppliers-table` mark (the deterministic table, sentence and ' +
    'charts\' frame written) and to its `suppliers-odds` mark (every joint draw of the companies\' Monte Carlo run, 5,000 ' +
    'samples each, and the figures shown). The draws run in slices of about 8 ms with a task boundary between them; the ' +
    'longest main-thread task between the two marks (Long Tasks API, which reports only tasks over 50 ms) says whether the page froze.',
  '**Criterion**: `cargo bench --bench engine` on the host (native code, not wasm), per-iteration times of its samples. ' +
    'Cargo\'s bench profile inherits the crate\'s size-first release profile (opt-level "z"), so these are size-optimised too.',
];

main().catch((err) => {
  console.error(`bench: FAILED: ${err.stack || err.message}`);
  process.exit(1);
});
