#!/usr/bin/env node
// Makes the release page's Content-Security-Policy strict: trunk injects its wasm loader as an
// inline <script type="module"> in dist/index.html, so the policy in index.html carries
// 'unsafe-inline' (for `trunk serve`) and this script, run by scripts/build-release.sh after
// trunk, replaces it with the sha256 hash of each inline script dist/index.html holds. Then only
// that exact loader runs inline; any other inline script (an injected tag) is refused.
//
// Usage: node scripts/csp-hash.mjs [dist-dir]. Does dist/index.html (which must have the policy)
// and each dist/*/index.html that has one. Fails if a policy or its loader is missing.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');

function die(message) {
  console.error(`csp-hash: ${message}`);
  process.exit(1);
}

/** Rewrites one page's policy; returns false if the page has no policy (`required` fails). */
function harden(file, required) {
  const html = readFileSync(file, 'utf8');
  // Attribute order and quoting vary (trunk's --minify writes `content="…" http-equiv=…`).
  const tag = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  const content = tag && /\bcontent="([^"]*)"/i.exec(tag[0]);
  const meta = tag && content ? [tag[0], content[1]] : null;
  if (!meta) {
    if (required) die(`${file} has no Content-Security-Policy meta tag`);
    return false;
  }
  const policy = meta[1];
  if (!policy.includes("'unsafe-inline'")) die(`${file}: no 'unsafe-inline' to replace in ${policy}`);
  if (html.indexOf(meta[0]) > html.search(/<script\b/i)) die(`${file}: the policy must come before every script`);
  // The hash covers the exact text between the tags, as the browser sees it.
  const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  if (hashes.length === 0) die(`${file}: no inline script found: is it a trunk build?`);
  const strict = policy.replace("'unsafe-inline'", hashes.join(' '));
  writeFileSync(file, html.replace(meta[0], meta[0].replace(policy, strict)));
  console.log(`csp-hash: ${path.relative(dist, file)}: ${hashes.length} inline script(s) allowed by hash`);
  return true;
}

harden(path.join(dist, 'index.html'), true);
for (const entry of readdirSync(dist, { withFileTypes: true })) {
  const page = path.join(dist, entry.name, 'index.html');
  if (entry.isDirectory() && existsSync(page)) harden(page, false);
}
