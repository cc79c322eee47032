// The calculator as a person uses it: read the default figures, change the growth model and a
// deal, count firm contracts only, switch presets, read a chart by keyboard, and look at the page
// at desktop and phone widths in both themes. Every expected figure comes from the engine.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';
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

async function expectEngine(page, expected) {
  await page.waitForFunction(
    (sentence) => document.querySelector('#summary-sentence')?.textContent === sentence,
    expected.sentence,
    { timeout: 5000 },
  ).catch(async () => {
    assert.equal(await page.locator('#summary-sentence').textContent(), expected.sentence);
  });
  assert.deepEqual(await readFigures(page), expected.figures);
  assert.equal(await page.locator('#stale-banner').count(), 0, 'results are current');
}

/** Counts the pixels of each chart canvas that differ from its background. */
async function drawnPixels(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas.chart')].map((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) n++;
      }
      return n;
    }),
  );
}

test('the default headline figures are the engine\'s', async () => {
  await withApp(suite, { name: 'calculator-default' }, async (page) => {
    await page.locator('#summary-sentence').waitFor();
    await expectEngine(page, enginePreset('openai-2025-11'));
  });
});

test('changing the growth model and a deal updates every figure', async () => {
  await withApp(suite, { name: 'calculator-edited' }, async (page) => {
    await page.locator('#growth-model').waitFor();
    await page.selectOption('#growth-model', 'constant');
    await page.locator('#f-revenue-growth-rate').fill('60%');
    const scenario = presetJson('openai-november-2025.json');
    scenario.revenue.growth = { kind: 'constant', rate: 0.6 };
    await expectEngine(page, engineScenario(scenario));

    // Open Oracle's terms and stretch its payments over ten years.
    await page.getByRole('button', { name: /^Oracle/ }).click();
    await page.locator('#f-deals-3-years').fill('10');
    scenario.deals[3].years = 10;
    await expectEngine(page, engineScenario(scenario));

    // Count firm contracts only: the chip letters of intent drop out.
    await page.locator('#firm-only').check();
    scenario.firm_only = true;
    await expectEngine(page, engineScenario(scenario));
  });
});

test('a bad value is kept with its message and the results stay', async () => {
  await withApp(suite, { name: 'calculator-bad-value' }, async (page) => {
    await page.locator('#f-revenue-base').waitFor();
    const before = await readFigures(page);
    await page.locator('#f-revenue-base').fill('13 dollars');
    await page.locator('#stale-banner').waitFor();
    assert.equal(await page.locator('#f-revenue-base').inputValue(), '13 dollars');
    assert.equal(await page.locator('#f-revenue-base').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#f-revenue-base-error').textContent(), /Unknown unit "dollars"/);
    assert.deepEqual(await readFigures(page), before, 'last valid results stay on screen');
    // The banner links to the field, without replacing the scenario in the address.
    await page.locator('#stale-banner a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-revenue-base');
    assert.match(await page.evaluate(() => location.hash), /^#s1\./);
  });
});

test('switching presets shows that scenario\'s figures', async () => {
  await withApp(suite, { name: 'calculator-anthropic' }, async (page) => {
    await page.locator('#preset').waitFor();
    await page.selectOption('#preset', 'anthropic-2025-11');
    await expectEngine(page, enginePreset('anthropic-2025-11'));
    assert.match(await page.locator('#results-heading').textContent(), /Anthropic, November 2025/);
    await page.selectOption('#preset', 'blank');
    await expectEngine(page, enginePreset('blank'));
  });
});

test('notes and sources link the preset\'s sources and each deal\'s web address', async () => {
  await withApp(suite, { name: 'calculator-sources' }, async (page) => {
    const scenario = presetJson('openai-november-2025.json');
    const linked = scenario.deals.filter((d) => /^https?:\/\//.test((d.source ?? '').trim()));
    assert.ok(linked.length > 0, 'the preset has deals with a web address');
    await page.locator('.sources summary').click();
    await page.locator('.sources h3', { hasText: 'Deal sources' }).waitFor();
    const links = await page.locator('.sources a').evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.target, rel: a.rel })),
    );
    for (const l of links) {
      assert.equal(l.target, '_blank', l.href);
      assert.equal(l.rel, 'noopener noreferrer', l.href);
    }
    for (const d of linked) {
      assert.ok(links.some((l) => l.text === d.name && l.href === d.source.trim()), `deal ${d.name} is linked`);
    }
    assert.ok(links.length > linked.length, 'the preset\'s own sources are linked too');
    // A deal's name is the reader's text: shown as typed, never read as markup.
    const i = scenario.deals.indexOf(linked[0]);
    await page.locator('button.disclosure').nth(i).click();
    await page.locator(`#f-deals-${i}-name`).fill('<b>Cloud & Co</b>');
    await page.locator(`#f-deals-${i}-name`).blur();
    await page.locator('.sources a', { hasText: '<b>Cloud & Co</b>' }).waitFor();
    assert.equal(await page.locator('.sources b').count(), 0);
  });
});

test('a chart reads out the year under keyboard focus', async () => {
  await withApp(suite, { name: 'calculator-keyboard' }, async (page) => {
    const canvas = page.locator('#chart-cash canvas.chart');
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const tip = page.locator('#chart-cash .chart-tooltip');
    // Focus shows the first year at once; the key's step comes a render later.
    await tip.locator('.tooltip-year', { hasText: '2026' }).waitFor();
    assert.match(await tip.textContent(), /Cash at year end/);
    await page.keyboard.press('End');
    await tip.locator('.tooltip-year', { hasText: '2035' }).waitFor();
    // The pointer does the same.
    await page.locator('#chart-commitments canvas.chart').scrollIntoViewIfNeeded();
    const box = await page.locator('#chart-commitments canvas.chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7);
    await page.locator('#chart-commitments .chart-tooltip').waitFor();
  });
});

for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the charts are drawn at ${width} px in the ${colorScheme} theme`, async () => {
      await withApp(suite, { name: `calculator-${width}-${colorScheme}`, width, colorScheme }, async (page) => {
        await page.locator('canvas.chart').first().waitFor();
        await page.waitForFunction(() => [...document.querySelectorAll('canvas.chart')].every((c) => c.width > 0));
        const pixels = await drawnPixels(page);
        assert.equal(pixels.length, 3);
        for (const n of pixels) assert.ok(n > 2000, `a chart has only ${n} drawn pixels`);
        const theme = await page.evaluate(() => document.documentElement.dataset.theme);
        assert.equal(theme, colorScheme);
        // Nothing overflows the phone's width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
      });
    });
  }
}

test('everything is reachable by keyboard, with a visible focus ring', async () => {
  await withApp(suite, { name: 'calculator-tab-order' }, async (page) => {
    await page.locator('#summary-sentence').waitFor();
    const seen = new Set();
    const ringless = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {
          key: el.id || `${el.tagName}:${el.textContent.trim().slice(0, 30)}`,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        };
      });
      // Past the last element focus leaves the page (the body): not an element to ring.
      if (!info.ring && !info.key.startsWith('BODY')) ringless.push(info.key);
      seen.add(info.key);
    }
    for (const id of ['preset', 'firm-only', 'f-revenue-base', 'growth-model', 'f-funding-opening-cash', 'copy-link', 'download-csv', 'uncertainty-link']) {
      assert.ok(seen.has(id), `#${id} is never reached with Tab`);
    }
    assert.ok([...seen].some((k) => k.startsWith('CANVAS')), 'the charts take keyboard focus');
    assert.deepEqual(ringless, [], 'every focused element shows a focus ring');
  });
});
