#!/usr/bin/env node
// Page-weight budget: the gzip -9 size of everything the page loads at start.
//
// Follows what dist/index.html references (stylesheets, scripts, preloads, and the .js/.wasm the
// inline loader imports), then the relative imports inside each JS file (wasm-bindgen snippets),
// rather than globbing dist/, so a stray file does not count and a missing one is an error.
//
// Usage: node scripts/page-weight.mjs [--verbose] [dist-dir]
// Prints one line, e.g. "page weight: 123.4 KiB gzip (budget 250 KiB)"; exits 1 above budget.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 250;

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const indexPath = path.join(dist, 'index.html');

function die(message) {
  console.error(`page weight: ${message}`);
  process.exit(2);
}

if (!existsSync(indexPath)) die(`${indexPath} not found: run \`make build\` first`);

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
function resolveLocal(ref, fromFile) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
    if (ref.startsWith('data:')) return null;
    die(`index.html loads ${ref} from another host; the page must be self-contained`);
  }
  const clean = ref.split(/[?#]/)[0];
  const base = clean.startsWith('/') ? dist : path.dirname(fromFile);
  const file = path.resolve(base, clean.replace(/^\/+/, ''));
  if (!file.startsWith(dist + path.sep)) die(`${ref} resolves outside ${dist}`);
  if (!existsSync(file)) die(`${ref} (referenced by ${path.relative(dist, fromFile)}) is missing`);
  return file;
}

const files = new Set([indexPath]);
const queue = [];
for (const ref of htmlReferences(readFileSync(indexPath, 'utf8'))) {
  const file = resolveLocal(ref, indexPath);
  if (file && !files.has(file)) {
    files.add(file);
    queue.push(file);
  }
}
while (queue.length > 0) {
  const file = queue.shift();
  if (!/\.m?js$/.test(file)) continue;
  for (const ref of jsImports(readFileSync(file, 'utf8'))) {
    const dep = resolveLocal(ref, file);
    if (dep && !files.has(dep)) {
      files.add(dep);
      queue.push(dep);
    }
  }
}

const kinds = [...files].map((f) => path.extname(f));
for (const ext of ['.js', '.wasm']) {
  if (!kinds.includes(ext)) die(`index.html references no ${ext} file; is dist/ a trunk build?`);
}

let total = 0;
for (const file of files) {
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  if (verbose) {
    const name = path.relative(dist, file);
    console.error(`  ${name}: ${(raw.length / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
  }
}

const kib = total / 1024;
console.log(`page weight: ${kib.toFixed(1)} KiB gzip (budget ${BUDGET_KIB} KiB)`);
if (kib > BUDGET_KIB) {
  console.error(`page weight: over budget by ${(kib - BUDGET_KIB).toFixed(1)} KiB`);
  process.exit(1);
}
