// The uncertainty page as a reader uses it: open it from the calculator, see the fan charts and
// the tornado drawn, drag the growth range and watch the chance of running short move the right
// way, put two scenarios side by side, and read who is left unpaid under a financing section.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';
import { engineMonteCarlo, presetJson } from './engine.mjs';

const suite = useSuite();

async function drawnPixels(page, selector) {
  return page.locator(selector).evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) n++;
    }
    return n;
  });
}

async function chance(page) {
  const text = await page.locator('#fig-chance-short .figure-value').textContent();
  return Number(text.replace('%', ''));
}

test('the uncertainty page draws its bands and tornado, and the growth range moves the chance', async () => {
  await withApp(suite, { name: 'uncertainty-anthropic' }, async (page) => {
    await page.locator('#preset').waitFor();
    await page.selectOption('#preset', 'anthropic-2025-11');
    await page.locator('#results-heading', { hasText: 'Anthropic' }).waitFor();
    await page.locator('#uncertainty-link').click();
    await page.waitForURL(/\/uncertainty\/#s1\./);
    await page.locator('#fig-chance-short').waitFor();
    assert.match(await page.locator('.tagline').textContent(), /Anthropic, November 2025/);
    for (const id of ['#cash-fan', '#coverage-fan', '#tornado']) {
      await page.locator(id).scrollIntoViewIfNeeded();
      await page.waitForFunction((sel) => document.querySelector(sel)?.width > 0, id);
      const n = await drawnPixels(page, id);
      assert.ok(n > 2000, `${id} has only ${n} drawn pixels`);
    }
    assert.ok((await page.locator('#tornado-table tbody tr').count()) >= 4, 'the tornado lists the key inputs');

    const before = await chance(page);
    assert.ok(before > 0 && before < 100, `a chance that can move: ${before}%`);
    // Better growth than planned, across the whole range: running short gets less likely.
    await page.locator('#u-growth-high').fill('1.8');
    await page.locator('#u-growth-low').fill('1.3');
    await page.waitForFunction((b) => {
      const t = document.querySelector('#fig-chance-short .figure-value')?.textContent;
      return t && Number(t.replace('%', '')) !== b && !document.querySelector('#mc-progress');
    }, before);
    const after = await chance(page);
    assert.ok(after < before, `chance went from ${before}% to ${after}% when growth rose`);
    // The ranges are part of the link, so the same numbers come back for everyone.
    assert.match(page.url(), /#s1\./);
    await page.reload();
    await page.locator('#fig-chance-short').waitFor();
    assert.equal(await chance(page), after);
    assert.equal(await page.locator('#u-growth-low').inputValue(), '1.3');

    // A bad range shows its message and keeps the last results.
    await page.locator('#u-growth-low').fill('2.5');
    await page.locator('#stale-banner').waitFor();
    assert.match(await page.locator('#u-growth-low-error').textContent(), /growth|multiplier|low/i);
    assert.equal(await chance(page), after);
  });
});

/** The tornado's data table: each row's full input name and its six cells. */
function tornadoTable(page) {
  return page.locator('#tornado-table tbody tr').evaluateAll((rows) => rows.map((r) => ({
    label: r.querySelector('th').textContent.trim(),
    cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
}

/** What the tornado's tooltip shows (null when hidden): its heading and its values. */
function tornadoTip(page) {
  return page.evaluate(() => {
    const tip = document.querySelector('#tornado')?.parentElement.querySelector('.chart-tooltip');
    if (!tip || tip.hidden) return null;
    const box = tip.getBoundingClientRect();
    return {
      label: tip.querySelector('.tooltip-year').textContent.trim(),
      cells: [...tip.querySelectorAll('dd')].map((dd) => dd.textContent.trim()),
      inside: box.width > 0 && box.left >= 0 && box.right <= window.innerWidth,
    };
  });
}

test('the tornado reads a bar at a time, by pointer and by keyboard, with the full name and the table\'s figures', async () => {
  await withApp(suite, { name: 'uncertainty-tornado-tooltip', path: 'uncertainty/' }, async (page) => {
    // The first Tab reaches the skip link, which leads past the ranges and keeps the link.
    await page.locator('#u-growth-low').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip the ranges: to the results');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.id === 'results');
    assert.match(await page.evaluate(() => location.hash), /^#s1\./, 'the scenario stays in the address');

    const canvas = page.locator('#tornado');
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#tornado')?.width > 0);
    const table = await tornadoTable(page);
    assert.ok(table.length >= 4, `${table.length} inputs`);
    // The chart shortens some names; the tooltip must not.
    assert.ok(table.some((r) => r.label.length > 30), 'a long name to check against');

    // Pointer: sweeping down the chart reads every bar once, top to bottom in the table's order.
    const box = await canvas.boundingBox();
    const seen = [];
    for (let y = box.y + 2; y < box.y + box.height; y += 6) {
      await page.mouse.move(box.x + box.width / 2, y);
      const tip = await tornadoTip(page);
      if (tip && seen.at(-1)?.label !== tip.label) seen.push(tip);
    }
    assert.deepEqual(seen.map((t) => t.label), table.map((r) => r.label), 'every bar, in order, named in full');
    for (const [i, tip] of seen.entries()) {
      assert.deepEqual(tip.cells, table[i].cells, `${tip.label}: the tooltip's figures are the table's`);
      assert.ok(tip.inside, `${tip.label}: the tooltip is within the window`);
    }
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await page.waitForFunction(() => document.querySelector('#tornado').parentElement.querySelector('.chart-tooltip').hidden);

    // Keyboard: focus shows the first bar; the arrows, Home and End move; Escape hides it.
    await canvas.focus();
    const reads = async (i, what) => {
      await page.waitForFunction((want) => {
        const tip = document.querySelector('#tornado').parentElement.querySelector('.chart-tooltip');
        return !tip.hidden && tip.querySelector('.tooltip-year')?.textContent.trim() === want;
      }, table[i].label, { timeout: 10000 }).catch(() => {});
      const tip = await tornadoTip(page);
      assert.deepEqual(tip && { label: tip.label, cells: tip.cells }, table[i], what);
    };
    await reads(0, 'focus reads the first bar');
    assert.equal(await page.locator('#tornado').getAttribute('tabindex'), '0');
    await page.keyboard.press('ArrowDown');
    await reads(1, 'ArrowDown reads the next');
    await page.keyboard.press('End');
    await reads(table.length - 1, 'End reads the last');
    await page.keyboard.press('ArrowDown');
    await reads(table.length - 1, 'and stays there');
    await page.keyboard.press('ArrowUp');
    await reads(table.length - 2, 'ArrowUp reads the one above');
    await page.keyboard.press('Home');
    await reads(0, 'Home reads the first');
    assert.equal(
      await page.locator('#tornado').evaluate((c) => c.parentElement.querySelector('.chart-tooltip').getAttribute('role')),
      'status',
      'read out politely',
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#tornado').parentElement.querySelector('.chart-tooltip').hidden);
    // The fans are not read this way: they stay out of the tab order.
    assert.equal(await page.locator('#cash-fan').getAttribute('tabindex'), null);
  });
});

test('the comparison shows two scenarios side by side', async () => {
  await withApp(suite, { name: 'uncertainty-compare' }, async (page) => {
    await page.locator('#save-name').waitFor();
    await page.selectOption('#preset', 'anthropic-2025-11');
    await page.locator('#save-name').fill('Anthropic saved');
    await page.locator('#save-scenario').click();
    await page.selectOption('#preset', 'openai-2025-11');
    await page.locator('#results-heading', { hasText: 'OpenAI' }).waitFor();
    await page.locator('#uncertainty-link').click();
    await page.locator('#comparison').waitFor();
    await page.getByLabel('Anthropic saved').check();
    const headers = await page.locator('#compare-table thead th').allTextContents();
    assert.deepEqual(headers.slice(1), ['OpenAI, November 2025 (this page)', 'Anthropic saved']);
    const gapRow = page.locator('#compare-table tbody tr', { hasText: 'Funding gap' });
    const cells = await gapRow.locator('td').allTextContents();
    assert.equal(cells.length, 2);
    assert.notEqual(cells[0], cells[1]);
    const n = await drawnPixels(page, '#compare-cash');
    assert.ok(n > 2000, `comparison chart has only ${n} drawn pixels`);
    await page.locator('#back-to-calculator').click();
    await page.locator('#results-heading', { hasText: 'OpenAI' }).waitFor();
  });
});

test('a scenario with financing shows the chance of unpaid payments, who is left unpaid and the chance of borrowing', async () => {
  const scenario = presetJson('openai-november-2025.json');
  scenario.name = 'OpenAI with a credit line';
  scenario.financing = { min_cash: 5, credit: { limit: 60, rate: 0.08 }, shortfall: 'unpaid' };
  const engine = engineMonteCarlo(scenario);
  const f = engine.financing;
  assert.ok(f.chance_unpaid > 0 && f.chance_borrowing > 0, 'the scenario exercises both rules');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-mc-')), 'financed.json');
  writeFileSync(file, JSON.stringify(scenario));
  const pct = (x) => `${Math.round(x * 100)}%`;

  await withApp(suite, { name: 'uncertainty-financing' }, async (page, app) => {
    await page.locator('#import-json').setInputFiles(file);
    await page.locator('#results-heading', { hasText: 'OpenAI with a credit line' }).waitFor();
    // The uncertainty page reads the scenario, financing section included, from the link.
    await page.locator('#uncertainty-link').click();
    await page.waitForURL(/\/uncertainty\/#s1\./);
    await page.locator('#fig-chance-unpaid').waitFor();
    assert.equal(await page.locator('#fig-chance-unpaid .figure-label').textContent(), 'Chance a payment goes unpaid');
    assert.equal(await page.locator('#fig-chance-unpaid .figure-value').textContent(), pct(f.chance_unpaid));
    assert.match(await page.locator('#fig-chance-unpaid .figure-note').textContent(), new RegExp(`^Expected unpaid \\${f.expected_unpaid};`));
    assert.equal(await page.locator('#fig-chance-borrowing .figure-value').textContent(), pct(f.chance_borrowing));
    assert.match(await page.locator('#fig-chance-borrowing .figure-note').textContent(), new RegExp(`^Peak debt \\${f.median_peak_debt} in the middle case`));
    assert.equal(await page.locator('#fig-chance-short .figure-value').textContent(), pct(engine.chance_short));
    // The summary sentence says it too.
    assert.match(
      await page.locator('#mc-sentence').textContent(),
      new RegExp(`Payments go unpaid when cash runs out: some payment goes unpaid in ${pct(f.chance_unpaid)} of samples, \\${f.expected_unpaid} in all on average\\.$`),
    );

    // Who is left unpaid: the engine's counterparties and amounts, shares adding up to 100%.
    const rows = await page.locator('#unpaid-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)),
    );
    assert.deepEqual(
      rows.map(([name, amount]) => ({ name, amount })),
      f.unpaid_by_counterparty.map(({ name, amount }) => ({ name: name || '(not named)', amount })),
    );
    assert.ok(rows.some(([name]) => /^Oracle/.test(name)), 'Oracle is among the suppliers');
    const shares = rows.reduce((sum, [, , share]) => sum + Number(share.replace('%', '')), 0);
    assert.ok(Math.abs(shares - 100) < 1, `shares add up to ${shares}%`);
    await app.screenshot('uncertainty-financing-odds');

    // Back to a preset without financing: none of it is shown.
    await page.locator('#back-to-calculator').click();
    await page.selectOption('#preset', 'anthropic-2025-11');
    await page.locator('#results-heading', { hasText: 'Anthropic' }).waitFor();
    await page.locator('#uncertainty-link').click();
    await page.locator('#fig-chance-short').waitFor();
    for (const id of ['#fig-chance-unpaid', '#fig-chance-borrowing', '#unpaid-table']) {
      assert.equal(await page.locator(id).count(), 0, `${id} without a financing section`);
    }
    assert.doesNotMatch(await page.locator('#mc-sentence').textContent(), /unpaid/);
  });
});
