// Hosting under a sub-path: dist/ served at /tools/coverage/ must still load, which holds only if
// every asset URL in the built page is relative. The server answers 404 outside the sub-path.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';

const BASE = '/tools/coverage/';
const suite = useSuite({ base: BASE });

test('the app loads from a sub-path with relative asset URLs', async () => {
  await withApp(suite, { name: 'subpath-1280' }, async (page) => {
    const requested = [];
    page.on('request', (req) => requested.push(new URL(req.url()).pathname));
    const heading = page.locator('#root h1');
    await heading.waitFor();
    assert.equal((await heading.textContent()).trim(), 'Compute Coverage');

    // Reload with the listener in place to see every asset the page fetches.
    await page.reload({ waitUntil: 'load' });
    await heading.waitFor();
    assert.ok(requested.some((p) => p.endsWith('.wasm')), `no .wasm request among ${requested}`);
    for (const p of requested) assert.ok(p.startsWith(BASE), `${p} was requested outside ${BASE}`);
  });
});
