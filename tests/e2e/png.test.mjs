// Chart PNGs of one size and layout on any screen, on the pages that are not the calculator (the
// calculator's own test is in layout.test.mjs): the embed page's chart, the Suppliers page's two
// charts and its embed view's chart are each saved at 390 and 1280 px wide windows; both files
// must be 1600 px wide and the same height, and each must show its data series' colours.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadPng, pngColourCounts, pngSize, useSuite, withApp } from './helpers.mjs';

const suite = useSuite();
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
// The light theme's colours (crates/charts/src/lib.rs, Okabe–Ito).
const BLUE = [0x00, 0x72, 0xb2];
const GREEN = [0x00, 0x9e, 0x73];
const ORANGE = [0xe6, 0x9f, 0x00];

const CASES = [
  // Cash at the end of each year: the primary colour's line.
  { name: 'embed-cash', path: 'embed/?embed=cash', button: 'png-cash', file: /cash-chart\.png$/, colours: { 'cash line': BLUE } },
  // The first supplier's dues take the first series colour.
  { name: 'suppliers-dues', path: 'suppliers/', button: 'png-dues', file: /^suppliers-dues-chart\.png$/, colours: { 'first supplier': ORANGE } },
  { name: 'suppliers-balance', path: 'suppliers/', button: 'png-balance', file: /^suppliers-balance-chart\.png$/, colours: { owed: BLUE, 'put in': GREEN } },
  { name: 'suppliers-embed', path: 'suppliers/?embed=suppliers', button: 'png-balance', file: /^suppliers-balance-chart\.png$/, colours: { owed: BLUE, 'put in': GREEN } },
];

for (const c of CASES) {
  test(`${c.name}: the PNG is 1600 px wide and the same on a phone and a laptop`, async () => {
    const sizes = [];
    for (const viewport of VIEWPORTS) {
      const name = `png-${c.name}-${viewport.width}`;
      await withApp(suite, { name, path: c.path, ...viewport, contextOptions: { acceptDownloads: true } }, async (page, app) => {
        // The page has drawn its chart once it is ready to be read.
        await page.locator(`#${c.button}`).waitFor();
        await page.waitForFunction(() => [...document.querySelectorAll('canvas.chart')].some((el) => el.width > 0));
        const { name: file, bytes } = await downloadPng(page, c.button);
        assert.match(file, c.file);
        sizes.push(pngSize(bytes));
        const counts = await pngColourCounts(app.context, bytes, Object.values(c.colours));
        Object.keys(c.colours).forEach((series, i) => {
          assert.ok(counts[i] > 200, `${name}: ${series} has ${counts[i]} pixels of its colour`);
        });
      });
    }
    assert.deepEqual(sizes[0], sizes[1], `${c.name}: phone ${sizes[0]} vs laptop ${sizes[1]}`);
    assert.equal(sizes[0][0], 1600);
  });
}
