// The Suppliers page as a reader uses it: open it from the calculator and see both default
// companies and the sentence; add a scenario file and see its suppliers join; remove a company;
// copy the link and reopen it in a fresh browser; download suppliers.csv and read its numbers
// back against the model's own (examples/suppliers.rs); a bad file, a ninth company and a bad
// link each say what is wrong. Screenshots at 1280 and 390 px, light and dark.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { engineSuppliers, presetJson } from './engine.mjs';
import { openApp, useSuite, withApp } from './helpers.mjs';

const suite = useSuite();
const DEFAULTS = ['openai-2025-11', 'anthropic-2025-11'];

/** A scenario file owing a supplier no built-in scenario has. */
function newcomer(name = 'Newco, test') {
  const s = presetJson('blank.json');
  s.name = name;
  s.deals[0].name = 'Wafer-scale cluster';
  s.deals[0].counterparty = 'Cerebras';
  return s;
}

function writeJson(dir, file, value) {
  const p = path.join(dir, file);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
}

async function companyNames(page) {
  return page.locator('#company-list .company-name').allTextContents();
}

async function headlineIs(page, expected) {
  await page.waitForFunction((s) => document.querySelector('#headline')?.textContent === s, expected);
}

async function drawnPixels(page, selector) {
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.drawn === '1', selector);
  return page.locator(selector).evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) n++;
    }
    return n;
  });
}

/** RFC 4180 rows (the page's CSV quotes names with commas). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

test('the default pair: both companies, the sentence, the table, both charts, CSV and PNG', async () => {
  const expected = engineSuppliers(DEFAULTS);
  await withApp(suite, { name: 'suppliers-defaults', contextOptions: { acceptDownloads: true } }, async (page) => {
    // Reached from the calculator by its link.
    await page.locator('#suppliers-link').click();
    await page.waitForURL(/\/suppliers\/#c=p\.openai-2025-11&c=p\.anthropic-2025-11$/);
    await headlineIs(page, expected.headline);
    const names = await companyNames(page);
    assert.equal(names.length, 2);
    assert.match(names[0], /^OpenAI/);
    assert.match(names[1], /^Anthropic/);
    assert.match(await page.locator('#unpaid-note').textContent(), /payments go unpaid/);

    // One table row per supplier x company, as in the CSV, and a subtotal per supplier.
    const rows = parseCsv(expected.csv);
    assert.deepEqual(rows[0], ['supplier', 'company', 'deals', 'commitments', 'due_in_horizon', 'unpaid', 'received', 'net']);
    const links = rows.length - 1;
    const suppliers = new Set(rows.slice(1).map((r) => r[0])).size;
    assert.equal(await page.locator('#suppliers-table tbody tr:not(.subtotal)').count(), links);
    assert.equal(await page.locator('#suppliers-table tr.subtotal').count(), suppliers);
    const microsoft = page.locator('#suppliers-table tr.subtotal', { hasText: 'Microsoft total' });
    assert.match(await microsoft.textContent(), /% of dues from (OpenAI|Anthropic)/);

    for (const id of ['#canvas-dues', '#canvas-balance']) {
      await page.locator(id).scrollIntoViewIfNeeded();
      const n = await drawnPixels(page, id);
      assert.ok(n > 5000, `${id} has only ${n} drawn pixels`);
    }
    // DPR-sharp: the backing store is the CSS size times the pixel ratio.
    const sizes = await page.locator('#canvas-dues').evaluate((c) => [c.width, c.getBoundingClientRect().width, devicePixelRatio]);
    assert.equal(sizes[0], Math.round(sizes[1] * sizes[2]));
    // Reading a year: the tooltip lists that year's dues.
    await page.locator('#canvas-dues').focus();
    await page.keyboard.press('End');
    const tip = page.locator('#tooltip-dues');
    await tip.waitFor();
    assert.match(await tip.textContent(), /All suppliers/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    assert.equal(csv.suggestedFilename(), 'suppliers.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    assert.equal(text, expected.csv, 'the downloaded CSV is the model\'s');
    // Read the numbers back: net = due - unpaid - received on every row, and the sum of dues per
    // company matches the table's subtotals.
    for (const r of parseCsv(text).slice(1)) {
      const [commitments, due, unpaid, received, net] = r.slice(3).map(Number);
      assert.ok([commitments, due, unpaid, received, net].every(Number.isFinite), r.join(','));
      assert.ok(Math.abs(net - (due - unpaid - received)) < 1e-9, r.join(','));
      assert.ok(unpaid <= due + 1e-9, r.join(','));
    }

    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#png-dues').click()]);
    assert.equal(png.suggestedFilename(), 'suppliers-dues-chart.png');
    const bytes = readFileSync(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    const [balance] = await Promise.all([page.waitForEvent('download'), page.locator('#png-balance').click()]);
    assert.equal(balance.suggestedFilename(), 'suppliers-balance-chart.png');

    // And back.
    await page.locator('#back-to-calculator').click();
    await page.locator('#suppliers-link').waitFor();
  });
});

test('a file joins with its suppliers, a bad one says why, a company is removed, and the link reopens the set', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-suppliers-'));
  const file = newcomer();
  const goodFile = writeJson(dir, 'newco.json', file);
  const bad = presetJson('blank.json');
  bad.deals[0].years = 0;
  const badFile = writeJson(dir, 'bad.json', bad);

  await withApp(
    suite,
    { name: 'suppliers-edit', path: 'suppliers/', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true } },
    async (page) => {
      await headlineIs(page, engineSuppliers(DEFAULTS).headline);
      assert.equal(await page.locator('#suppliers-table', { hasText: 'Cerebras' }).count(), 0);

      await page.locator('#add-file').setInputFiles(badFile);
      const error = page.locator('#add-error');
      await error.locator('.error-text').waitFor();
      assert.match(await error.textContent(), /"bad\.json" was not added; the set is unchanged/);
      assert.match(await error.textContent(), /The term must be between 1 and 30 years; got 0 \(at deals\[0\]\.years\)/);
      assert.equal((await companyNames(page)).length, 2);

      await page.locator('#add-file').setInputFiles(goodFile);
      const three = engineSuppliers([...DEFAULTS, file]);
      await headlineIs(page, three.headline);
      assert.equal(await error.textContent(), '', 'the message goes once a file is added');
      assert.deepEqual((await companyNames(page)).slice(2), ['Newco, test']);
      const cerebras = page.locator('#suppliers-table tbody tr:not(.subtotal)', { hasText: 'Cerebras' });
      assert.equal(await cerebras.count(), 1);
      assert.match(await cerebras.textContent(), /Newco/);
      assert.match(page.url(), /#c=p\.openai-2025-11&c=p\.anthropic-2025-11&c=s1\./);

      // Remove OpenAI.
      await page.getByRole('button', { name: /^Remove OpenAI/ }).click();
      const two = engineSuppliers(['anthropic-2025-11', file]);
      await headlineIs(page, two.headline);
      assert.equal((await companyNames(page)).length, 2);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
      assert.equal(readFileSync(await csv.path(), 'utf8'), two.csv);

      await page.locator('#copy-link').click();
      await page.locator('#share-status', { hasText: 'Link copied.' }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(link, page.url());
      // A fresh context: no storage, only the link.
      const other = await openApp(suite.browser, { server: suite.server, path: link.slice(suite.server.url.length) });
      try {
        await headlineIs(other.page, two.headline);
        const names = await companyNames(other.page);
        assert.match(names[0], /^Anthropic/);
        assert.equal(names[1], 'Newco, test');
        assert.match(await other.page.locator('#company-list').textContent(), /from the link/);
        other.assertNoProblems();
      } finally {
        await other.close();
      }
    },
  );
});

test('a dropped file is added; a ninth company and a duplicate are refused with the reason', async () => {
  await withApp(suite, { name: 'suppliers-full', path: 'suppliers/' }, async (page) => {
    await page.locator('#company-list').waitFor();
    const drop = async (scenario, name) => {
      const dt = await page.evaluateHandle(
        ([text, fileName]) => {
          const d = new DataTransfer();
          d.items.add(new File([text], fileName, { type: 'application/json' }));
          return d;
        },
        [JSON.stringify(scenario), name],
      );
      await page.dispatchEvent('#suppliers-main', 'drop', { dataTransfer: dt });
    };
    await drop(newcomer('Dropped'), 'dropped.json');
    await page.locator('.company-name', { hasText: 'Dropped' }).waitFor();
    assert.match(await page.locator('#company-list').textContent(), /from dropped\.json/);

    // The same file again is refused.
    await drop(newcomer('Dropped'), 'dropped.json');
    await page.locator('#add-error', { hasText: 'is already in the set' }).waitFor();

    // Up to eight; the blank built-in scenario from the picker, then files.
    await page.selectOption('#add-select', 'p:blank');
    await page.locator('#add-button').click();
    await page.locator('.company-name', { hasText: 'Blank' }).waitFor();
    for (let i = 5; i <= 8; i++) {
      await drop(newcomer(`Company ${i}`), `c${i}.json`);
      await page.locator('.company-name', { hasText: `Company ${i}` }).waitFor();
    }
    assert.equal((await companyNames(page)).length, 8);
    await drop(newcomer('Ninth'), 'c9.json');
    await page.locator('#add-error', { hasText: 'at most 8 companies' }).waitFor();
    assert.equal((await companyNames(page)).length, 8);
  });
});

test('names from a file are shown as text, never read as markup', async () => {
  await withApp(suite, { name: 'suppliers-markup', path: 'suppliers/' }, async (page) => {
    await page.locator('#company-list').waitFor();
    const s = newcomer('<img src=x id=injected>, test');
    s.deals[0].counterparty = '<b id="bold">Cloud & Co</b>';
    await page.locator('#add-file').setInputFiles({ name: '<i>f</i>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
    await page.locator('.company-name', { hasText: '<img src=x id=injected>, test' }).waitFor();
    const row = page.locator('#suppliers-table tbody tr:not(.subtotal)', { hasText: '<b id="bold">Cloud & Co</b>' });
    assert.equal(await row.count(), 1);
    assert.equal(await page.locator('#injected, #bold, i').count(), 0, 'no element was made from a name');
    assert.match(await page.locator('#company-list').textContent(), /from <i>f<\/i>\.json/);
  });
});

test('a bad link says so and shows the default companies', async () => {
  const expected = engineSuppliers(DEFAULTS);
  await withApp(suite, { name: 'suppliers-bad-link', path: 'suppliers/#c=p.openai-2025-11&c=s1.AAAA' }, async (page) => {
    const notice = page.locator('#notices .notice.error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /This link could not be opened: company 2 of the link: .*The default companies are shown instead\./);
    await headlineIs(page, expected.headline);
    assert.equal((await companyNames(page)).length, 2);
    await page.waitForFunction(() => location.hash === '#c=p.openai-2025-11&c=p.anthropic-2025-11');
  });
});

test('the uncertainty page links here, and a saved scenario can be added', async () => {
  await withApp(suite, { name: 'suppliers-saved' }, async (page) => {
    await page.locator('#save-name').waitFor();
    await page.locator('#save-name').fill('Mine');
    await page.locator('#save-scenario').click();
    await page.locator('#uncertainty-link').click();
    await page.locator('#to-suppliers').click();
    await page.locator('#company-list').waitFor();
    // The saved scenario is the OpenAI preset, already in the set: saying so is the answer.
    await page.selectOption('#add-select', { label: 'Mine' });
    await page.locator('#add-button').click();
    await page.locator('#add-error', { hasText: 'is already in the set' }).waitFor();
    await page.getByRole('button', { name: /^Remove OpenAI/ }).click();
    await page.selectOption('#add-select', { label: 'Mine' });
    await page.locator('#add-button').click();
    await page.locator('.company-origin', { hasText: 'saved as "Mine"' }).waitFor();
  });
});

/** The Monte Carlo table's rows once every draw has run: [supplier, chance, expected, range]. */
async function oddsRows(page) {
  await page.locator('#odds-table[data-done="1"]').waitFor();
  return page.locator('#odds-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const c = [...tr.querySelectorAll('th, td')].map((x) => x.textContent);
      return { supplier: c[0], chance: c[1], expected: c[2], range: c[3] };
    }),
  );
}

test('the Monte Carlo columns fill in with the engine\'s figures, and restart when the set changes', async () => {
  const expected = engineSuppliers(DEFAULTS);
  await withApp(suite, { name: 'suppliers-odds', path: 'suppliers/' }, async (page, app) => {
    // The deterministic table is there at once; the Monte Carlo cells fill in.
    await page.locator('#suppliers-table').waitFor();
    assert.match(await page.locator('#odds-note').textContent(), /taken as independent of each other/);
    assert.deepEqual(await oddsRows(page), expected.odds);
    assert.equal(await page.locator('#odds-progress').textContent(), 'Monte Carlo done: 5,000 draws.');
    assert.equal(await page.locator('#odds-sentence').textContent(), expected.odds_sentence);
    assert.match(expected.odds_sentence, /is not paid in full in [\d.]+% of 5,000 draws/);

    // The balance chart reads a supplier by keyboard, its chance included.
    await page.locator('#canvas-balance').focus();
    await page.keyboard.press('Home');
    const tip = page.locator('#tooltip-balance');
    await tip.waitFor();
    assert.match(await tip.textContent(), new RegExp(`^${expected.odds[0].supplier}Owed in the horizons`));
    assert.match(await tip.textContent(), new RegExp(`Chance not paid in full${expected.odds[0].chance.replace('.', '\\.')}$`));
    await page.keyboard.press('ArrowDown');
    await page.locator('#tooltip-balance', { hasText: expected.odds[1].supplier }).waitFor();
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    await app.screenshot('suppliers-odds-done');

    // A set of eight opened by link, changed while its draws run: the figures are the new set's.
    const eight = [...DEFAULTS, 'blank', newcomer('Newco 4, test'), newcomer('Newco 5, test'), newcomer('Newco 6, test'), newcomer('Newco 7, test'), newcomer('Newco 8, test')];
    await page.goto(`${suite.server.url}suppliers/#${engineSuppliers(eight).fragment}`);
    await page.reload();
    await page.locator('#company-list').waitFor();
    assert.equal((await companyNames(page)).length, 8);
    await page.getByRole('button', { name: /^Remove OpenAI/ }).click();
    const seven = engineSuppliers(eight.slice(1));
    await headlineIs(page, seven.headline);
    assert.deepEqual(await oddsRows(page), seven.odds);
    assert.equal(await page.locator('#odds-sentence').textContent(), seven.odds_sentence);
  });
});

test('the calculator\'s link opens the Suppliers page with the scenario being edited beside the other default', async () => {
  const edited = presetJson('openai-november-2025.json');
  edited.name = 'OpenAI, edited';
  edited.funding.opening_cash += 40;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-suppliers-')), 'edited.json');
  writeFileSync(file, JSON.stringify(edited));
  const expected = engineSuppliers([edited, 'anthropic-2025-11']);
  await withApp(suite, { name: 'suppliers-from-calculator' }, async (page) => {
    await page.locator('#import-json').setInputFiles(file);
    await page.locator('#results-heading', { hasText: 'OpenAI, edited' }).waitFor();
    await page.waitForFunction(() => /^suppliers\/#c=s1\..*&c=p\.anthropic-2025-11$/.test(document.querySelector('#suppliers-link')?.getAttribute('href')));
    await page.locator('#suppliers-link').click();
    await page.waitForURL(/\/suppliers\/#c=s1\./);
    await headlineIs(page, expected.headline);
    const names = await companyNames(page);
    assert.equal(names.length, 2);
    assert.equal(names[0], 'OpenAI, edited');
    assert.match(names[1], /^Anthropic/);
    assert.match(await page.locator('#company-list').textContent(), /from the link/);
    assert.deepEqual(await oddsRows(page), expected.odds);
  });
});

for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshot at ${width} px, ${colorScheme}`, async () => {
      await withApp(suite, { name: `suppliers-${width}-${colorScheme}`, path: 'suppliers/', width, colorScheme }, async (page) => {
        await page.locator('#company-list').waitFor();
        for (const id of ['#canvas-dues', '#canvas-balance']) {
          assert.ok((await drawnPixels(page, id)) > 2000, id);
        }
        const theme = await page.evaluate(() => document.documentElement.dataset.theme);
        assert.equal(theme, colorScheme);
        // Nothing wider than the screen but the scrolling tables.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      });
    });
  }
}
