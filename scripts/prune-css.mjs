#!/usr/bin/env node
// Drops from a page's stylesheet the rules that page can never match, because the classes or
// ids they name appear nowhere in the page's own download (its HTML, its JS glue and the strings
// of its wasm). The embed page shares styles/app.css with the calculator but writes only a few
// of its classes; its copy (dist/embed/) keeps what it can use.
//
// Conservative by construction: a rule stays when every class and id in one of its selectors is
// found as a substring of the page's bytes (a class built from pieces, `notice {kind}`, still
// finds both pieces), and anything that is not a plain rule or an @media block stays as it is.
//
// Usage: node scripts/prune-css.mjs DIR   (a page's folder in dist/, e.g. dist/embed)

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/prune-css.mjs DIR');
  process.exit(2);
}
const files = readdirSync(dir);
const css = files.filter((f) => f.endsWith('.css'));
// Every byte the page can write markup from, as text (wasm data segments hold its strings).
const haystack = files
  .filter((f) => /\.(html|js|wasm)$/.test(f))
  .map((f) => readFileSync(path.join(dir, f)).toString('latin1'))
  .join('\n');

/** Splits `a{...}b{...}@media x{c{...}}` into [prelude, body] pairs at the top level. */
function blocks(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    let depth = 0;
    let j = open;
    let quote = null;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out.push([text.slice(i, open), text.slice(open + 1, j)]);
    i = j + 1;
  }
  return out;
}

/** Whether a selector can match this page: all its class and id names are in its bytes. */
function usable(selector) {
  // Names inside :not(...) only narrow a match: they need not be present.
  const positive = selector.replace(/:not\([^)]*\)/g, '');
  const names = positive.match(/[.#]-?[_a-zA-Z][\w-]*/g) ?? [];
  return names.every((n) => haystack.includes(n.slice(1)));
}

function prune(text) {
  let out = '';
  for (const [prelude, body] of blocks(text)) {
    const p = prelude.trim();
    if (p.startsWith('@media') || p.startsWith('@supports')) {
      const inner = prune(body);
      if (inner) out += `${p}{${inner}}`;
    } else if (p.startsWith('@')) {
      out += `${p}{${body}}`;
    } else {
      const kept = p.split(',').filter(usable);
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
  }
  return out;
}

for (const f of css) {
  const file = path.join(dir, f);
  const before = readFileSync(file, 'utf8');
  const after = prune(before);
  writeFileSync(file, after);
  console.log(`prune-css: ${file}: ${before.length} -> ${after.length} bytes`);
}
