#!/usr/bin/env node
// Page-weight budgets: the gzip -9 size of everything each page loads at start, against that
// page's own budget (the calculator, the uncertainty page, the embed page, the Suppliers page,
// the embed builder).
//
// Follows what each page's HTML references (stylesheets, scripts, preloads, and the .js/.wasm the
// inline loader imports), then the relative imports inside each JS file (wasm-bindgen snippets),
// rather than globbing dist/, so a stray file does not count and a missing one is an error.
//
// Usage: node scripts/page-weight.mjs [--verbose] [dist-dir]
// Prints one line per page, e.g. "page weight: embed 81.2 KiB gzip (budget 100 KiB)"; exits 1
// when any page is above its budget, 2 when a page or a file it loads is missing.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Each page (relative to dist/), the budget it must stay under (KiB of gzip; make test fails
 * above it) and the goal it is being brought down to (issue 11: calculator 220, embed 100).
 * The budget is the page's measured size plus a little, capped at its goal, so a page can only
 * get lighter; lower the budget as the page gets lighter.
 */
const PAGES = [
  // Budgets = the measured size + 0.5 KiB after session 4 (2026-12-02): the one JSON reader (no
  // serde derive) saved 7-12 KiB a page, then undo/redo, the embed dialog's widths and preview,
  // present values and the answer-first layout added 9-17 KiB to the calculator, and the Monte
  // Carlo per supplier and embed=suppliers 13 KiB to the Suppliers page.
  // Session 5: the JS glue minified (all pages), the embed's default scenario without its notes,
  // and the embed and uncertainty pages' stylesheets pruned to what they can match (embed 102.1
  // -> 97.8 KiB, uncertainty 201.4 -> 198.4 KiB); the calculator's sections that read the whole
  // state became plain functions; the tornado's tooltip and undoing a preset switch in the
  // browser's history added to the uncertainty page and the calculator.
  // Session 6 (2026-12-02), every page at its goal: the embed builder moved to its own page
  // (calculator -9.1 KiB); the calculator's links deflated by the browser (-6.5); the state handed
  // down as props instead of two contexts (-5.0); the scenario JSON written by hand, a reader with
  // no early return and validation that joins paths only on failure (-3.3 to -6.4 on every page);
  // no Unicode tables (ASCII capitalising and money units, -1.5 and -1.7); panels as plain
  // functions (-5.4). Calculator 255.0 -> 219.9 KiB, uncertainty 202.0 -> 194.1.
  { name: 'calculator', html: 'index.html', budget: 220, goal: 220 },
  { name: 'uncertainty', html: 'uncertainty/index.html', budget: 194.6, goal: 200 },
  { name: 'embed', html: 'embed/index.html', budget: 94.7, goal: 100 },
  // Plain web-sys like the embed page (Yew would add its runtime for a page of one form and two
  // charts); it carries the Monte Carlo for the odds per supplier and the embed=suppliers view.
  { name: 'suppliers', html: 'suppliers/index.html', budget: 143.7, goal: 137.5 },
  // The embed builder ("Embed in your post"), moved out of the calculator's download (-9.1 KiB
  // there): plain web-sys, no chart drawn (its preview is the embed page).
  { name: 'publish', html: 'publish/index.html', budget: 75.9, goal: 75.9 },
];

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');

function die(message) {
  console.error(`page weight: ${message}`);
  process.exit(2);
}

/** An attribute's value, quoted or not (a minified page leaves most values unquoted). */
function attribute(attrs, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** URLs the HTML loads at start: tag attributes plus string literals in inline scripts. */
function htmlReferences(html) {
  const refs = [];
  for (const [, attrs] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = attribute(attrs, 'rel')?.toLowerCase() ?? '';
    const href = attribute(attrs, 'href');
    if (href && ['stylesheet', 'modulepreload', 'preload', 'icon'].includes(rel)) refs.push(href);
  }
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attribute(attrs, 'src');
    if (src) refs.push(src);
    for (const [, lit] of body.matchAll(/["']([^"'\s]+\.(?:js|mjs|wasm|css))["']/g)) refs.push(lit);
  }
  return refs;
}

/** Relative module specifiers a JS file imports statically or dynamically. */
function jsImports(source) {
  const refs = [];
  const patterns = [
    /\bimport\s+[^'"]*?from\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    /\bexport\s+[^'"]*?from\s*["'](\.{1,2}\/[^"']+)["']/g,
  ];
  for (const re of patterns) for (const [, spec] of source.matchAll(re)) refs.push(spec);
  return refs;
}

/** Maps a reference relative to `fromFile` to a path inside dist/, or dies if it leaves dist. */
function resolveLocal(ref, fromFile, page) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
    if (ref.startsWith('data:')) return null;
    die(`${page} loads ${ref} from another host; the page must be self-contained`);
  }
  const clean = ref.split(/[?#]/)[0];
  const base = clean.startsWith('/') ? dist : path.dirname(fromFile);
  const file = path.resolve(base, clean.replace(/^\/+/, ''));
  if (!file.startsWith(dist + path.sep)) die(`${ref} resolves outside ${dist}`);
  if (!existsSync(file)) die(`${ref} (referenced by ${path.relative(dist, fromFile)}) is missing`);
  return file;
}

/** The files a page loads at start: its HTML, what that references, and their JS imports. */
function pageFiles(page) {
  const indexPath = path.join(dist, page.html);
  if (!existsSync(indexPath)) die(`${indexPath} not found: run \`make build\` first`);
  const files = new Set([indexPath]);
  const queue = [];
  const add = (file) => {
    if (file && !files.has(file)) {
      files.add(file);
      queue.push(file);
    }
  };
  for (const ref of htmlReferences(readFileSync(indexPath, 'utf8'))) add(resolveLocal(ref, indexPath, page.html));
  while (queue.length > 0) {
    const file = queue.shift();
    if (!/\.m?js$/.test(file)) continue;
    for (const ref of jsImports(readFileSync(file, 'utf8'))) add(resolveLocal(ref, file, page.html));
  }
  const kinds = [...files].map((f) => path.extname(f));
  for (const ext of ['.js', '.wasm']) {
    if (!kinds.includes(ext)) die(`${page.html} references no ${ext} file; is dist/ a trunk build?`);
  }
  return files;
}

let over = 0;
for (const page of PAGES) {
  let total = 0;
  for (const file of pageFiles(page)) {
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    if (verbose) {
      const name = path.relative(dist, file);
      console.error(`  ${name}: ${(raw.length / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
    }
  }
  const kib = total / 1024;
  const excess = kib - page.budget;
  const verdict = excess > 0 ? `: OVER by ${excess.toFixed(1)} KiB` : '';
  const goal =
    page.goal < page.budget
      ? `; goal ${page.goal} KiB, ${Math.max(0, kib - page.goal).toFixed(1)} KiB to go`
      : '';
  console.log(`page weight: ${page.name} ${kib.toFixed(1)} KiB gzip (budget ${page.budget} KiB${goal})${verdict}`);
  if (excess > 0) over += 1;
}
if (over > 0) {
  console.error(`page weight: ${over} page(s) over budget`);
  process.exit(1);
}
