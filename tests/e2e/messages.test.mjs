// Messages a newcomer reads: each in sentence case beside its field, and the banner above the
// results naming the field by the label the reader sees ("Revenue in 2025", "Term of AWS"),
// never by an internal path; a negative cash at the start is explained where it is typed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';

const suite = useSuite();

/** The banner's items, as the reader sees them. */
async function bannerItems(page) {
  await page.locator('#stale-banner li').first().waitFor();
  return page.locator('#stale-banner li').allTextContents();
}

test('a typed mistake is said beside the field in a sentence, and named by its label above the results', async () => {
  await withApp(suite, { name: 'messages-labels', width: 1280 }, async (page) => {
    const revenue = page.locator('#f-revenue-base');
    await revenue.waitFor();
    await revenue.fill('abc');
    await revenue.blur();
    await page.locator('#f-revenue-base-error').waitFor();
    assert.equal((await page.locator('#f-revenue-base-error').textContent()).trim(), '"abc" is not a number');
    assert.deepEqual(await bannerItems(page), ['Revenue in 2025: "abc" is not a number']);

    await revenue.fill('0');
    await page.waitForFunction(() => /must be above/.test(document.querySelector('#f-revenue-base-error')?.textContent ?? ''));
    const message = (await page.locator('#f-revenue-base-error').textContent()).trim();
    assert.equal(message, 'Revenue in 2025 must be above $0B and at most $1000000B; got 0');
    await revenue.fill('13');
    await page.locator('#stale-banner').waitFor({ state: 'detached' });

    // A deal's field is named with the deal's name, and its rule message starts with a capital.
    // Oracle is the fourth deal of the default scenario (as in calculator.test.mjs).
    await page.getByRole('button', { name: /^Oracle/ }).click();
    const term = page.locator('#f-deals-3-years');
    const dealName = (await page.locator('#f-deals-3-name').inputValue()).trim();
    await term.fill('0');
    await term.blur();
    await page.waitForFunction(() => /between 1 and 30/.test(document.querySelector('#f-deals-3-years-error')?.textContent ?? ''));
    assert.deepEqual(await bannerItems(page), [`Term of ${dealName}: The term must be between 1 and 30 years; got 0`]);

    // Every message on the page starts as a sentence does.
    for (const text of await page.locator('.field-error, [id$="-error"]').allTextContents()) {
      if (text.trim()) assert.match(text.trim(), /^["A-Z]/, `sentence case: ${text}`);
    }
  });
});

test('a negative cash at the start is accepted and explained beside the field', async () => {
  await withApp(suite, { name: 'messages-negative-cash', width: 1280 }, async (page) => {
    const cash = page.locator('#f-funding-opening-cash');
    await cash.waitFor();
    const hint = page.locator('#f-funding-opening-cash-hint');
    assert.equal((await hint.textContent()).trim(), 'Cash at the start of the first year.');
    await cash.fill('-5');
    await page.waitForFunction(() => /Below zero/.test(document.querySelector('#f-funding-opening-cash-hint')?.textContent ?? ''));
    assert.match(await hint.textContent(), /starts \$5B short/);
    assert.equal(await page.locator('#stale-banner').count(), 0, 'accepted, not an error');
    await cash.fill('17.5');
    await page.waitForFunction(() => !/Below zero/.test(document.querySelector('#f-funding-opening-cash-hint')?.textContent ?? ''));
  });
});
