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

test('every page names its icon inline, so no browser asks for /favicon.ico', async () => {
  for (const [name, path] of [['calculator', ''], ['uncertainty', 'uncertainty/'], ['suppliers', 'suppliers/'], ['publish', 'publish/'], ['embed', 'embed/?embed=cash']]) {
    await withApp(suite, { name: `icon-${name}`, width: 800, path }, async (page) => {
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      assert.match(href, /^data:image\/svg\+xml,/, `${name}: an inline SVG icon`);
      // The icon is a picture the browser can draw, not a broken reference.
      const width = await page.evaluate(
        (src) => new Promise((resolve) => { const img = new Image(); img.onload = () => resolve(img.naturalWidth); img.onerror = () => resolve(0); img.src = src; }),
        href,
      );
      assert.ok(width > 0, `${name}: the icon draws (${width} px)`);
    });
  }
});
