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
import { fileURLToPath } from 'node:url';

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

/** Whether a selector can match a page whose bytes are `haystack`: all its class and id names are in them. */
function usable(selector, haystack) {
  // Names inside :not(...) only narrow a match: they need not be present.
  const positive = selector.replace(/:not\([^)]*\)/g, '');
  const names = positive.match(/[.#]-?[_a-zA-Z][\w-]*/g) ?? [];
  return names.every((n) => haystack.includes(n.slice(1)));
}

/** The minified stylesheet `text` without the rules a page whose bytes are `haystack` cannot match. */
export function prune(text, haystack) {
  let out = '';
  for (const [prelude, body] of blocks(text)) {
    const p = prelude.trim();
    if (p.startsWith('@media') || p.startsWith('@supports')) {
      const inner = prune(body, haystack);
      if (inner) out += `${p}{${inner}}`;
    } else if (p.startsWith('@')) {
      out += `${p}{${body}}`;
    } else {
      const kept = p.split(',').filter((s) => usable(s, haystack));
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
  }
  return out;
}

/** Every byte a page's folder can write markup from, as text (wasm data segments hold its strings). */
export function pageBytes(dir) {
  return readdirSync(dir)
    .filter((f) => /\.(html|js|wasm)$/.test(f))
    .map((f) => readFileSync(path.join(dir, f)).toString('latin1'))
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/prune-css.mjs DIR');
    process.exit(2);
  }
  const haystack = pageBytes(dir);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
    const file = path.join(dir, f);
    const before = readFileSync(file, 'utf8');
    const after = prune(before, haystack);
    writeFileSync(file, after);
    console.log(`prune-css: ${file}: ${before.length} -> ${after.length} bytes`);
  }
}
