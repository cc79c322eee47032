// Sharing as a person does it: edit and share the link, reload and find the work, download the
// CSV and JSON and read them back, import files good and bad, open damaged links, and save,
// rename, update and reopen named scenarios. Every expected figure comes from the engine.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, useSuite, withApp } from './helpers.mjs';
import { enginePreset, engineScenario, presetJson } from './engine.mjs';

const suite = useSuite();

async function readFigures(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('#headline-figures .figure')) {
      out[el.id.replace(/^fig-/, '')] = el.querySelector('.figure-value').textContent.trim();
    }
    return out;
  });
}

async function figuresSettle(page, expected) {
  await page.waitForFunction((s) => document.querySelector('#summary-sentence')?.textContent === s, expected.sentence);
  assert.deepEqual(await readFigures(page), expected.figures);
}

test('a shared link reproduces the same scenario and figures', async () => {
  await withApp(suite, { name: 'share-link-edit', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async (page) => {
    await page.locator('#f-funding-opening-cash').fill('120');
    const scenario = presetJson('openai-november-2025.json');
    scenario.funding.opening_cash = 120;
    const expected = engineScenario(scenario);
    await figuresSettle(page, expected);
    await page.waitForFunction(() => location.hash.startsWith('#s1.'));
    await page.locator('#copy-link').click();
    await page.locator('.share-status', { hasText: 'Link copied.' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, page.url(), 'the copied link is the page address');

    // Open it in a fresh browser context: no storage, only the link.
    const other = await openApp(suite.browser, { server: suite.server, path: link.slice(suite.server.url.length) });
    try {
      await figuresSettle(other.page, expected);
      assert.equal(await other.page.locator('#f-funding-opening-cash').inputValue(), '120');
      other.assertNoProblems();
    } finally {
      await other.close();
    }
  });
});

test('a browser without CompressionStream still writes a link that opens the same scenario', async () => {
  await withApp(suite, { name: 'share-link-no-compressor' }, async (page, app) => {
    // As before Safari 16.4 or Firefox 113: the calculator writes stored (uncompressed) deflate.
    await app.context.addInitScript(() => { delete window.CompressionStream; });
    await page.goto(suite.server.url);
    assert.equal(await page.evaluate(() => typeof CompressionStream), 'undefined');
    await page.locator('#f-funding-opening-cash').waitFor();
    const start = await page.evaluate(() => location.hash);
    await page.locator('#f-funding-opening-cash').fill('120');
    const scenario = presetJson('openai-november-2025.json');
    scenario.funding.opening_cash = 120;
    const expected = engineScenario(scenario);
    await figuresSettle(page, expected);
    await page.waitForFunction((h) => location.hash !== h && location.hash.startsWith('#s1.'), start);
    const link = page.url();

    // Opened in a browser that has the compressor: the same scenario and figures.
    const other = await openApp(suite.browser, { server: suite.server, path: link.slice(suite.server.url.length) });
    try {
      await figuresSettle(other.page, expected);
      assert.equal(await other.page.locator('#f-funding-opening-cash').inputValue(), '120');
      // Its own link for the same scenario is compressed, so shorter.
      await other.page.waitForFunction((h) => location.hash.startsWith('#s1.') && location.hash !== h, new URL(link).hash);
      assert.ok((await other.page.evaluate(() => location.hash)).length < new URL(link).hash.length);
      other.assertNoProblems();
    } finally {
      await other.close();
    }
  });
});

test('reloading restores the work, and a damaged link never overwrites it', async () => {
  await withApp(suite, { name: 'share-restore' }, async (page, app) => {
    await page.locator('#f-revenue-base').fill('$20B');
    const scenario = presetJson('openai-november-2025.json');
    scenario.revenue.base = 20;
    const expected = engineScenario(scenario);
    await figuresSettle(page, expected);
    const goodLink = page.url();

    // Reopen the page with no link at all: the work comes back from storage.
    await page.goto(suite.server.url);
    await figuresSettle(page, expected);
    assert.equal(await page.locator('#f-revenue-base').inputValue(), '20');

    // A damaged, a cut-short and a newer-version link each explain themselves and show the kept work.
    const data = goodLink.split('#s1.')[1];
    const cases = [
      [`#s1.${data.slice(0, data.length - 9)}!!`, /damaged/],
      [`#s1.${data.slice(0, Math.floor(data.length / 8) * 4)}`, /damaged or cut short/],
      [`#s9.${data}`, /newer version of Compute Coverage/],
    ];
    for (const [hash, message] of cases) {
      await page.goto('about:blank');
      await page.goto(suite.server.url + hash);
      const notice = page.locator('#notices .notice.error');
      await notice.waitFor();
      assert.match(await notice.textContent(), message);
      assert.match(await notice.textContent(), /your last work in this browser is shown instead/i);
      await figuresSettle(page, expected);
    }
    // The stored work is still the edited scenario.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('compute-coverage.current')));
    assert.equal(stored.revenue.base, 20);
    app.problems.length = 0; // the damaged links were requested on purpose; no other problem counts
  });
});

test('the CSV and JSON downloads hold the projection and the scenario', async () => {
  await withApp(suite, { name: 'share-downloads', contextOptions: { acceptDownloads: true } }, async (page) => {
    await page.locator('#download-csv').waitFor();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    assert.equal(csvDownload.suggestedFilename(), 'openai-november-2025-projection.csv');
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    const expectedCsv = readFileSync(new URL('../../crates/model/tests/fixtures/openai-november-2025-projection.csv', import.meta.url), 'utf8');
    assert.equal(csv, expectedCsv, 'the downloaded CSV is the hand-checked file');

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    assert.equal(jsonDownload.suggestedFilename(), 'openai-november-2025-scenario.json');
    const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    assert.deepEqual(json, presetJson('openai-november-2025.json'));

    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#png-cash').click()]);
    assert.equal(png.suggestedFilename(), 'openai-november-2025-cash-chart.png');
    const bytes = readFileSync(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    // 1600 px wide whatever the screen (tests/e2e/layout.test.mjs compares a phone and a laptop).
    assert.equal(bytes.readUInt32BE(16), 1600, 'PNG 1600 px wide');
  });
});

test('importing a JSON file loads it; a bad one is listed and changes nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-import-'));
  const good = presetJson('anthropic-november-2025.json');
  good.name = 'Imported Anthropic';
  good.funding.opening_cash = 40;
  const goodFile = path.join(dir, 'good.json');
  writeFileSync(goodFile, JSON.stringify(good));
  const bad = presetJson('blank.json');
  bad.deals[0].years = 0;
  bad.revenue.base = -1;
  const badFile = path.join(dir, 'bad.json');
  writeFileSync(badFile, JSON.stringify(bad));

  await withApp(suite, { name: 'share-import' }, async (page) => {
    const before = enginePreset('openai-2025-11');
    await figuresSettle(page, before);
    await page.locator('#import-json').setInputFiles(badFile);
    const notice = page.locator('#notices .notice.error');
    await notice.waitFor();
    const text = await notice.textContent();
    assert.match(text, /not imported; your current work is unchanged/);
    // Each problem as a sentence, then where it is in the file.
    assert.match(text, /The term must be between 1 and 30 years; got 0 \(at deals\[0\]\.years\)/);
    assert.match(text, /Revenue in \d{4} must be above \$0B[^(]*\(at revenue\.base\)/);
    await figuresSettle(page, before);

    await page.locator('#import-json').setInputFiles(goodFile);
    await figuresSettle(page, engineScenario(good));
    assert.match(await page.locator('#results-heading').textContent(), /Imported Anthropic/);
  });
});

test('named scenarios can be saved, renamed, reopened, updated and deleted', async () => {
  await withApp(suite, { name: 'share-saved' }, async (page) => {
    await page.locator('#save-name').fill('My base case');
    await page.locator('#save-scenario').click();
    await page.locator('#saved-list li', { hasText: 'My base case' }).waitFor();
    await page.getByRole('button', { name: 'Rename My base case' }).click();
    await page.locator('#rename-0').fill('Renamed case');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.locator('#saved-list li', { hasText: 'Renamed case' }).waitFor();

    await page.selectOption('#preset', 'blank');
    await figuresSettle(page, enginePreset('blank'));
    await page.getByRole('button', { name: 'Open Renamed case' }).click();
    await figuresSettle(page, enginePreset('openai-2025-11'));

    // Update replaces the saved scenario with the one on the page (not offered when they are equal).
    const update = page.getByRole('button', { name: 'Update Renamed case with the current scenario' });
    assert.equal(await update.isDisabled(), true, 'the entry is the scenario on the page');
    await page.selectOption('#preset', 'blank');
    await figuresSettle(page, enginePreset('blank'));
    await update.click();
    await page.waitForFunction(() => document.querySelector('#saved-list button[aria-label^="Update"]')?.disabled);
    await page.selectOption('#preset', 'openai-2025-11');
    await figuresSettle(page, enginePreset('openai-2025-11'));
    await page.getByRole('button', { name: 'Open Renamed case' }).click();
    await figuresSettle(page, enginePreset('blank'));
    assert.equal(await page.locator('#saved-list li').count(), 1, 'updated in place, not saved twice');

    // Saved across a reload.
    await page.goto(suite.server.url);
    await page.locator('#saved-list li', { hasText: 'Renamed case' }).waitFor();
    await page.getByRole('button', { name: 'Delete Renamed case' }).click();
    await page.getByRole('button', { name: 'Delete Renamed case' }).click();
    await page.locator('#saved-list').waitFor({ state: 'detached' });
  });
});

test('corrupt storage degrades to a message and is kept aside', async () => {
  await withApp(suite, { name: 'share-corrupt-storage' }, async (page) => {
    await page.evaluate(() => {
      localStorage.setItem('compute-coverage.saved', '{not json');
      localStorage.setItem('compute-coverage.current', '{"version":1,"name":');
    });
    await page.goto(suite.server.url);
    await page.locator('#notices .notice.warning').first().waitFor();
    const text = await page.locator('#notices').textContent();
    assert.match(text, /saved scenarios in this browser could not be read/);
    assert.match(text, /your last work in this browser could not be read/i);
    await figuresSettle(page, enginePreset('openai-2025-11'));
    const kept = await page.evaluate(() => localStorage.getItem('compute-coverage.saved.unreadable'));
    assert.equal(kept, '{not json');
  });
});
