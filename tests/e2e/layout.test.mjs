// Reading the answer anywhere: the answer before the inputs on a phone, the skip link a finger can
// reach, the year table's cash column in view from 1024 px up (a sticky year column and a scroll
// cue on a phone), a discount rate that changes a figure, card colours that mean something, chart
// PNGs of one size on any screen, and the tornado's deal value range edited like the other ranges.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadPng, pngSize, useSuite, withApp } from './helpers.mjs';

const suite = useSuite();
const PHONE = { width: 390, height: 844 };

/** The page's y of the top and bottom of an element, scrolled or not. */
async function pageBox(page, selector) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  }, selector);
}

test('on a phone the answer comes before the inputs, within the first screen and a half', async () => {
  for (const colorScheme of ['light', 'dark']) {
    await withApp(suite, { name: `layout-phone-${colorScheme}`, ...PHONE, colorScheme }, async (page) => {
      await page.locator('#headline-figures').waitFor();
      await page.locator('#f-revenue-base').waitFor();
      const limit = PHONE.height * 1.5;
      const sentence = await pageBox(page, '#summary-sentence');
      const figures = await pageBox(page, '#headline-figures');
      assert.ok(sentence.bottom < PHONE.height, `the sentence ends at ${sentence.bottom} px, below the first screen`);
      assert.ok(figures.bottom < limit, `the figures end at ${figures.bottom} px, below ${limit} px`);
      const inputs = await pageBox(page, '.inputs');
      assert.ok(inputs.top > figures.bottom, 'the inputs follow the answer');

      // The skip link is on screen (not only on keyboard focus), and a tap takes the reader past
      // the inputs to the charts.
      const skip = page.locator('.skip-link');
      assert.ok(await skip.isVisible(), 'the skip link is shown');
      const box = await skip.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height && box.height >= 24, `skip link box ${JSON.stringify(box)}`);
      await skip.click();
      await page.waitForFunction(() => document.activeElement?.id === 'results');
      const charts = await pageBox(page, '#results');
      assert.ok(charts.top > inputs.bottom - 1, 'the charts come after the inputs');
    });
  }
});

/** Whether the year table's column headed `name` is wholly inside the table's scroll box. */
async function columnInView(page, name) {
  return page.evaluate((name) => {
    const scroller = document.querySelector('#projection-table').closest('.table-scroll');
    const th = [...document.querySelectorAll('#projection-table thead th')].find(
      (h) => h.textContent.replace(/\u00ad/g, '') === name,
    );
    if (!th) throw new Error(`no column ${name}`);
    const box = scroller.getBoundingClientRect();
    const r = th.getBoundingClientRect();
    return { inView: r.left >= box.left - 1 && r.right <= box.right + 1, th: [r.left, r.right], box: [box.left, box.right] };
  }, name);
}

test('the year table shows the cash column without scrolling from 1024 px up', async () => {
  for (const width of [1366, 1024]) {
    await withApp(suite, { name: `layout-table-${width}`, width }, async (page) => {
      await page.locator('#projection-table').waitFor();
      // The preset has a credit line, so the table carries the financing columns too.
      assert.ok(await page.locator('#projection-table thead th', { hasText: 'Debt' }).count(), 'financing columns');
      for (const name of ['Cash', 'Coverage']) {
        const c = await columnInView(page, name);
        assert.ok(c.inView, `${width} px: ${name} at ${c.th} is outside the box ${c.box}`);
      }
      const title = await page.locator('#projection-table thead abbr').getAttribute('title');
      assert.equal(title, 'Revenue share', 'the abbreviation carries its full name');
    });
  }
});

test('on a phone the year table scrolls sideways under a visible cue with the year kept in view', async () => {
  await withApp(suite, { name: 'layout-table-phone', ...PHONE }, async (page) => {
    await page.locator('#projection-table').scrollIntoViewIfNeeded();
    assert.ok(await page.locator('.scroll-cue').isVisible(), 'the scroll cue is shown');
    assert.ok(!(await columnInView(page, 'Cash')).inView, 'the cash column is further right');
    await page.locator('#projection-table').evaluate((t) => {
      t.closest('.table-scroll').scrollLeft = 10000;
    });
    await page.waitForFunction(() => document.querySelector('.table-scroll').scrollLeft > 0);
    assert.ok((await columnInView(page, 'Cash')).inView, 'scrolled, the cash column shows');
    const year = await page.evaluate(() => {
      const th = document.querySelector('#projection-table tbody th');
      const box = th.closest('.table-scroll').getBoundingClientRect();
      return th.getBoundingClientRect().left - box.left;
    });
    assert.ok(Math.abs(year) <= 1, `the year column stays at the left edge (${year} px off)`);
  });
});

test('the discount rate changes the present value figure', async () => {
  await withApp(suite, { name: 'layout-discount' }, async (page) => {
    const pv = page.locator('#fig-present-value');
    await pv.waitFor();
    const label = () => pv.locator('.figure-label').textContent();
    const value = () => pv.locator('.figure-value').textContent();
    assert.equal(await label(), 'Present value at 10%');
    const before = await value();
    assert.match(before, /^\$[\d.,]+[BT] of payments$/);
    await page.locator('#f-discount-rate').fill('3%');
    await page.waitForFunction(() => document.querySelector('#fig-present-value .figure-label').textContent === 'Present value at 3%');
    const after = await value();
    const billions = (t) => parseFloat(t.slice(1)) * (t.includes('T of') ? 1000 : 1);
    assert.ok(billions(after) > billions(before), `a lower rate, a larger present value: ${before} -> ${after}`);
  });
});

test('no card showing a worrying figure is green, and growth needed is said in words', async () => {
  await withApp(suite, { name: 'layout-tones' }, async (page) => {
    await page.locator('#headline-figures').waitFor();
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('#headline-figures .figure')].map((f) => ({
        id: f.id,
        good: f.classList.contains('good'),
        border: getComputedStyle(f).borderTopColor,
      })),
    );
    const good = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.color = 'var(--good)';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    // OpenAI's preset: a funding gap, cash running out, a large burn and steep growth needed.
    for (const id of ['fig-total-commitments', 'fig-peak-payment', 'fig-funding-gap', 'fig-cash-runs-out', 'fig-burn-vs-reported', 'fig-growth-needed']) {
      const card = cards.find((c) => c.id === id);
      assert.ok(card, `no card ${id}`);
      assert.ok(!card.good && card.border !== good, `${id} is green (${card.border})`);
    }
    assert.ok(cards.some((c) => c.good && c.border === good), 'good news is still green');
    const growth = await page.locator('#fig-growth-needed').textContent();
    assert.match(growth, /Revenue needed\$[\d.]+B by 20\d\d/);
    assert.match(growth, /Revenue must grow [\d.]+× \(\+\d+%\) a year from 2025's \$13B/);
  });
});

test('a chart PNG has the same size on a phone and on a laptop', async () => {
  const sizes = [];
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    await withApp(suite, { name: `layout-png-${viewport.width}`, ...viewport, contextOptions: { acceptDownloads: true } }, async (page) => {
      await page.locator('#png-commitments').waitFor();
      sizes.push(pngSize((await downloadPng(page, 'png-commitments')).bytes));
    });
  }
  assert.deepEqual(sizes[0], sizes[1], `phone ${sizes[0]} vs laptop ${sizes[1]}`);
  assert.equal(sizes[0][0], 1600);
});

test('the tornado\'s deal value range is listed with the ranges and moves the tornado', async () => {
  await withApp(suite, { name: 'layout-deal-range', path: 'uncertainty/' }, async (page) => {
    await page.locator('#u-deal-low').waitFor();
    assert.equal(await page.locator('#u-deal-low').inputValue(), '-50');
    assert.equal(await page.locator('#u-deal-high').inputValue(), '50');
    const table = page.locator('#tornado-table');
    await table.waitFor({ state: 'attached' });
    const before = await table.textContent();
    assert.match(before, /Nvidia 10 GW \(deal value\)\$175B.*\$525B/);
    await page.locator('#u-deal-high').fill('100');
    await page.waitForFunction((old) => document.querySelector('#tornado-table').textContent !== old, before);
    const nvidia = () => page.evaluate(() => {
      const tr = [...document.querySelectorAll('#tornado-table tbody tr')].find((r) => r.textContent.startsWith('Nvidia 10 GW (deal value)'));
      return tr ? [...tr.children].map((c) => c.textContent) : null;
    });
    // Nvidia's $350B deal: from half to twice its value now.
    const row = await nvidia();
    assert.equal(row[1], '$175B', `row ${row}`);
    assert.equal(row[4], '$700B', `row ${row}`);
    // A fall of all a deal is worth is refused beside the field; the tornado stays.
    const kept = await table.textContent();
    await page.locator('#u-deal-low').fill('-100');
    await page.locator('#u-deal-low-error').waitFor();
    assert.match(await page.locator('#u-deal-low-error').textContent(), /deal value range/);
    assert.equal(await table.textContent(), kept);
  });
});
