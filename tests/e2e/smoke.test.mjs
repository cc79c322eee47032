// Smoke test: the built page loads, the wasm app mounts and renders its heading, and nothing on
// the way logs an error, throws, fails to load, or reaches another host.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';

const suite = useSuite();

test('the app renders its heading at 1280 px with no errors', async () => {
  await withApp(suite, { name: 'smoke-1280', width: 1280 }, async (page) => {
    const heading = page.locator('#root h1');
    await heading.waitFor();
    assert.equal((await heading.textContent()).trim(), 'Compute Coverage');
    assert.match(await page.title(), /^Compute Coverage/);
  });
});
