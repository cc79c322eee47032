// Financing in the calculator as a person uses it: type a credit line and choose what happens in
// a shortfall, and read the changed figures, year table and CSV; name who put a raise's money in;
// open a scenario file written before financing existed and get it back byte for byte. Every
// expected figure comes from the engine. Also pictures of the new panels at both widths and themes.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, SCREENSHOT_DIR, useSuite, withApp } from './helpers.mjs';
import { enginePreset, engineScenario, presetJson } from './engine.mjs';

const suite = useSuite();
const BEFORE_FINANCING = path.join(ROOT, 'tests', 'fixtures', 'openai-november-2025-before-financing.json');

async function readFigures(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('#headline-figures .figure')) {
      out[el.id.replace(/^fig-/, '')] = el.querySelector('.figure-value').textContent.trim();
    }
    return out;
  });
}

async function expectEngine(page, expected) {
  await page
    .waitForFunction((s) => document.querySelector('#summary-sentence')?.textContent === s, expected.sentence, { timeout: 5000 })
    .catch(async () => assert.equal(await page.locator('#summary-sentence').textContent(), expected.sentence));
  assert.deepEqual(await readFigures(page), expected.figures);
  assert.equal(await page.locator('#stale-banner').count(), 0, 'results are current');
}

/** The year table's column headed `heading`, one text per year. */
async function yearColumn(page, heading) {
  return page.evaluate((heading) => {
    const table = document.querySelector('#projection-table');
    const k = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent.trim() === heading);
    if (k < 0) throw new Error(`no column ${heading}`);
    return [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[k].textContent.trim());
  }, heading);
}

async function download(page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id}`).click()]);
  return readFileSync(await file.path(), 'utf8');
}

/** The CSV as rows of cells (no cell here holds a comma or a quote). */
function csvRows(text) {
  return text.trim().split('\n').map((line) => line.split(','));
}

test('a credit line and unpaid payments change the figures and the year table', async () => {
  await withApp(suite, { name: 'financing-edit' }, async (page) => {
    await page.locator('#f-financing-credit-limit').waitFor();
    const before = enginePreset('openai-2025-11');
    await expectEngine(page, before);
    const cashBefore = await yearColumn(page, 'Cash');

    await page.getByLabel('Credit limit').fill('$200B');
    await page.getByLabel('Interest rate').fill('8');
    await page.getByLabel(/Payments go unpaid/).check();
    const scenario = presetJson('openai-november-2025.json');
    scenario.financing = { min_cash: 0, credit: { limit: 200, rate: 0.08 }, shortfall: 'unpaid' };
    const expected = engineScenario(scenario);
    await expectEngine(page, expected);
    assert.notEqual(expected.figures['funding-gap'], before.figures['funding-gap'], 'the engine moves the gap');
    assert.notDeepEqual(await yearColumn(page, 'Cash'), cashBefore, 'the year table follows');

    // Back to "cash goes below zero" by keyboard, as a radio group does it.
    await page.locator('#shortfall-unpaid').focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('#shortfall-negative-cash').isChecked(), true);
    scenario.financing.shortfall = 'negative_cash';
    await expectEngine(page, engineScenario(scenario));

    // A value that cannot be read is kept with its message at its field.
    await page.getByLabel('Interest rate').fill('150');
    await page.locator('#stale-banner').waitFor();
    assert.equal(await page.locator('#f-financing-credit-rate').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#f-financing-credit-rate-error').textContent(), /interest rate/);
  });
});

test('the CSV has the financing columns after revenue_coverage, filled in with a credit line', async () => {
  await withApp(suite, { name: 'financing-csv', contextOptions: { acceptDownloads: true } }, async (page) => {
    await page.locator('#f-financing-credit-limit').waitFor();
    await page.locator('#f-financing-min-cash').fill('5');
    await page.locator('#f-financing-credit-limit').fill('1T');
    await page.locator('#f-financing-credit-rate').fill('6%');
    const scenario = presetJson('openai-november-2025.json');
    scenario.financing = { min_cash: 5, credit: { limit: 1000, rate: 0.06 }, shortfall: 'negative_cash' };
    await expectEngine(page, engineScenario(scenario));

    const [header, ...rows] = csvRows(await download(page, 'download-csv'));
    const k = header.indexOf('revenue_coverage');
    assert.ok(k >= 0, `revenue_coverage in ${header}`);
    assert.deepEqual(header.slice(k + 1, k + 6), ['interest', 'borrowed', 'repaid', 'debt', 'unpaid']);
    const column = (name) => rows.map((r) => Number(r[header.indexOf(name)]));
    assert.ok(column('borrowed').some((x) => x > 0), `borrowed: ${column('borrowed')}`);
    assert.ok(column('debt').some((x) => x > 0), `debt: ${column('debt')}`);
    assert.ok(column('interest').some((x) => x > 0), `interest: ${column('interest')}`);
    assert.ok(column('unpaid').every((x) => x === 0), 'nothing unpaid while cash may go below zero');
    assert.ok(column('debt').every((x) => x <= 1000), 'debt within the limit');
  });
});

test('a file from before financing opens unchanged and is written back the same', async () => {
  const file = JSON.parse(readFileSync(BEFORE_FINANCING, 'utf8'));
  assert.deepEqual(file.funding.raises, [[2025, 30]], 'the fixture has raises as pairs');
  assert.equal(file.financing, undefined);
  await withApp(suite, { name: 'financing-old-file', contextOptions: { acceptDownloads: true } }, async (page) => {
    await page.locator('#preset').waitFor();
    await page.selectOption('#preset', 'blank');
    await expectEngine(page, enginePreset('blank'));
    await page.locator('#import-json').setInputFiles(BEFORE_FINANCING);
    const expected = engineScenario(file);
    await expectEngine(page, expected);
    for (const [id, value] of [['f-financing-min-cash', '0'], ['f-financing-credit-limit', '0'], ['f-financing-credit-rate', '0']]) {
      assert.equal(await page.locator(`#${id}`).inputValue(), value, id);
    }
    assert.equal(await page.locator('#shortfall-negative-cash').isChecked(), true);

    // Send it through the form (edit a field and put it back), then export it.
    await page.locator('#f-funding-opening-cash').fill('18');
    await page.locator('#f-funding-opening-cash').fill('17.5');
    await expectEngine(page, expected);
    const written = JSON.parse(await download(page, 'download-json'));
    assert.deepEqual(written.funding.raises, [[2025, 30]], 'raises are still pairs');
    assert.equal('financing' in written, false, 'no financing section');
    assert.deepEqual(written, file, 'the whole file is unchanged');
  });
});

test('a raise names who put the money in, picked from the counterparties', async () => {
  await withApp(suite, { name: 'financing-raise-from', contextOptions: { acceptDownloads: true } }, async (page) => {
    await page.locator('#f-funding-raises-0-from').waitFor();
    // Suggestions: each counted deal's counterparty once, in its first spelling.
    const scenario = presetJson('openai-november-2025.json');
    const names = [];
    for (const d of scenario.deals) {
      const counted = d.include && (d.firm || !scenario.firm_only);
      const key = d.counterparty.trim().toLowerCase();
      if (counted && key && !names.some((n) => n.toLowerCase() === key)) names.push(d.counterparty.trim());
    }
    const options = await page.locator('#raise-sources option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(options, names);
    assert.ok(options.length >= 3, `suggestions: ${options}`);
    const input = page.locator('#f-funding-raises-0-from');
    assert.equal(await input.getAttribute('list'), 'raise-sources');
    assert.match(await input.getAttribute('aria-describedby'), /raise-from-hint/);
    assert.match(await page.locator('#raise-from-hint').textContent(), /Who put the money in|who put the money in/);
    // Only the raises have the column.
    assert.equal(await page.locator('#f-revenue-growth-points-0-from, #f-costs-opex-share-0-from').count(), 0);
    assert.equal(await page.locator('.pair-table th', { hasText: /^From$/ }).count(), 1);

    await input.fill('Microsoft');
    // The first raise (a pair or an object with a note) gains the source, keeping the rest.
    const first = scenario.funding.raises[0];
    scenario.funding.raises[0] = Array.isArray(first)
      ? { year: first[0], amount: first[1], from: 'Microsoft' }
      : { ...first, from: 'Microsoft' };
    await expectEngine(page, engineScenario(scenario));
    const written = JSON.parse(await download(page, 'download-json'));
    assert.deepEqual(written.funding.raises[0], scenario.funding.raises[0]);
    assert.equal(written.funding.raises.length, scenario.funding.raises.length);
    // Editing the amount keeps the source.
    await page.locator('#f-funding-raises-0-amount').fill('40');
    scenario.funding.raises[0].amount = 40;
    await expectEngine(page, engineScenario(scenario));
    assert.equal(await input.inputValue(), 'Microsoft');
  });
});

for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the financing panel at ${width} px in the ${colorScheme} theme`, async () => {
      await withApp(suite, { name: `financing-${width}-${colorScheme}`, width, colorScheme }, async (page) => {
        const panel = page.locator('section[aria-labelledby="financing-heading"]');
        await panel.waitFor();
        await page.getByLabel('Credit limit').fill('abc');
        await page.getByLabel(/Payments go unpaid/).check();
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await panel.screenshot({ path: path.join(SCREENSHOT_DIR, `financing-panel-${width}-${colorScheme}.png`) });
        const funding = page.locator('section[aria-labelledby="funding-heading"]');
        await funding.screenshot({ path: path.join(SCREENSHOT_DIR, `funding-panel-${width}-${colorScheme}.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
        for (const section of [panel, funding]) {
          const inner = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
          assert.ok(inner <= 0, `a panel's content is ${inner}px wider than the panel`);
        }
      });
    });
  }
}
