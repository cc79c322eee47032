// Safe edits as a person makes them: remove a deal and undo it (the figures come back), redo,
// Ctrl+Z, typing undone a field at a time, Back after switching preset (the edited scenario
// returns), Undo of a switch stepping back in the browser's history too (no dead Back press),
// where the keyboard focus lands after each deal action and what is announced, the "Counted"
// boxes of letters of intent while only firm contracts count, and a field's message said once
// the field is left. Expected figures come from the engine.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { SCREENSHOT_DIR, useSuite, withApp } from './helpers.mjs';
import { engineScenario, presetJson } from './engine.mjs';

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

/** Waits until the headline figures equal `want` (they follow the state a render later). */
async function waitFigures(page, want, what) {
  await page
    .waitForFunction(
      (want) => {
        const out = {};
        for (const el of document.querySelectorAll('#headline-figures .figure')) {
          out[el.id.replace(/^fig-/, '')] = el.querySelector('.figure-value').textContent.trim();
        }
        return JSON.stringify(out) === JSON.stringify(want);
      },
      want,
      { timeout: 15000 },
    )
    .catch(() => {});
  assert.deepEqual(await readFigures(page), want, what);
}

/** The accessible name (aria-label or text) of the focused element. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el.getAttribute('aria-label') || el.textContent.trim();
  });
}

async function waitStatus(page, text) {
  await page.waitForFunction((t) => document.querySelector('#action-status')?.textContent === t, text, { timeout: 15000 })
    .catch(() => {});
  assert.equal(await page.locator('#action-status').textContent(), text);
}

const dealNames = (page) => page.locator('.ledger .deal-name').evaluateAll((els) => els.map((e) => e.textContent.replace(/^[▸▾]\s*/, '')));

test('undo after removing a deal restores the figures; redo and Ctrl+Z step again', async () => {
  await withApp(suite, { name: 'undo-remove' }, async (page) => {
    await page.locator('#summary-sentence').waitFor();
    await page.locator('#undo').waitFor();
    assert.equal(await page.locator('#undo').isDisabled(), true, 'nothing to undo at the start');
    assert.equal(await page.locator('#redo').isDisabled(), true, 'nothing to redo at the start');
    const before = await readFigures(page);

    const scenario = presetJson('openai-november-2025.json');
    scenario.deals = scenario.deals.filter((d) => d.name !== 'Oracle');
    const without = engineScenario(scenario).figures;
    assert.notDeepEqual(without, before, 'Oracle matters to the figures');

    await page.getByRole('button', { name: 'Remove Oracle', exact: true }).click();
    await waitFigures(page, without, 'the figures without Oracle');
    await waitStatus(page, 'Removed Oracle.');
    assert.equal(await page.locator('#action-status').getAttribute('role'), 'status', 'said politely');
    // Focus goes to the next deal's name.
    assert.match(await focused(page), /CoreWeave/);
    assert.match(await page.locator('#undo').getAttribute('title'), /^Undo removing Oracle/);

    // The note's own Undo.
    await page.locator('#toast-undo').click();
    await waitFigures(page, before, 'undo brings the figures back');
    await waitStatus(page, 'Undid removing Oracle.');
    assert.deepEqual((await dealNames(page)).slice(2, 5), ['Microsoft Azure', 'Oracle', 'CoreWeave'], 'Oracle back in its place');

    await page.locator('#redo').click();
    await waitFigures(page, without, 'redo removes it again');
    assert.equal(await page.locator('#redo').isDisabled(), true);

    // Ctrl+Z with the focus on a button (not in a text field).
    await page.locator('#redo').focus();
    await page.keyboard.press('Control+z');
    await waitFigures(page, before, 'Ctrl+Z undoes');
    await page.keyboard.press('Control+Shift+z');
    await waitFigures(page, without, 'Shift+Ctrl+Z redoes');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await waitFigures(page, without, 'Ctrl+Y redoes');
  });
});

test('typing in a field is undone a field at a time, and Ctrl+Z in the field is the browser\'s', async () => {
  await withApp(suite, { name: 'undo-typing' }, async (page) => {
    const base = page.locator('#f-revenue-base');
    await base.waitFor();
    const original = await base.inputValue();
    await base.fill('');
    await base.pressSequentially('24.5');
    assert.equal(await base.inputValue(), '24.5');
    // Still in the field: Ctrl+Z is the browser's text undo, not a step of the form's history
    // (which would leave something to redo).
    await page.keyboard.press('Control+z');
    assert.equal(await page.locator('#redo').isDisabled(), true, 'the form\'s history was not stepped');
    await base.fill('24.5');
    await page.keyboard.press('Tab'); // leaves the field: the typing is one change
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => document.querySelector('#f-revenue-base').value === v, original, { timeout: 15000 });
    assert.equal(await page.locator('#undo').isDisabled(), true, 'the whole typing was one change');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.querySelector('#f-revenue-base').value === '24.5', null, { timeout: 15000 });
  });
});

test('Back after switching preset returns to the previous scenario with its edits', async () => {
  await withApp(suite, { name: 'undo-preset-back' }, async (page) => {
    const base = page.locator('#f-revenue-base');
    await base.waitFor();
    await page.waitForFunction(() => location.hash.startsWith('#s1.'), null, { timeout: 15000 });
    const startHash = await page.evaluate(() => location.hash);
    await base.fill('30');
    await base.press('Tab');
    const scenario = presetJson('openai-november-2025.json');
    scenario.revenue.base = 30;
    const edited = engineScenario(scenario).figures;
    await waitFigures(page, edited, 'the edited figures');
    await page.waitForFunction((h) => location.hash !== h, startHash, { timeout: 15000 });
    const editedHash = await page.evaluate(() => location.hash);
    const entries = await page.evaluate(() => history.length);

    await page.selectOption('#preset', 'anthropic-2025-11');
    await page.waitForFunction(() => /Anthropic/.test(document.querySelector('#results-heading').textContent));
    await page.waitForFunction((n) => history.length === n + 1, entries, { timeout: 15000 });
    await waitStatus(page, 'Switched to Anthropic, November 2025.');
    // The edited work is kept under "Your scenarios" too (the autosave now holds Anthropic).
    await page.locator('.saved-name', { hasText: '(before switching preset)' }).waitFor();

    await page.evaluate(() => history.back());
    await page.waitForFunction(() => /OpenAI/.test(document.querySelector('#results-heading').textContent), null, { timeout: 15000 });
    assert.equal(await base.inputValue(), '30', 'with its edit');
    await waitFigures(page, edited, 'the edited figures are back');
    assert.equal(await page.evaluate(() => location.hash), editedHash);
    assert.equal(await page.locator('#preset').inputValue(), 'openai-2025-11', 'the picker shows it again');

    await page.evaluate(() => history.forward());
    await page.waitForFunction(() => /Anthropic/.test(document.querySelector('#results-heading').textContent), null, { timeout: 15000 });
    // And the Undo button does the same as Back.
    await page.locator('#undo').click();
    await page.waitForFunction(() => /OpenAI/.test(document.querySelector('#results-heading').textContent), null, { timeout: 15000 });
    await waitFigures(page, edited, 'Undo returns to the edited scenario');
  });
});

test('undoing a switch of preset steps back in the browser too: no dead Back press, and Redo comes forward again', async () => {
  await withApp(suite, { name: 'undo-preset-undo-back' }, async (page) => {
    // The reader came from another page.
    const calculator = page.url();
    await page.goto('about:blank');
    await page.goto(calculator);
    await page.locator('#f-revenue-base').waitFor();
    await page.waitForFunction(() => location.hash.startsWith('#s1.'), null, { timeout: 15000 });
    const openai = await page.evaluate(() => location.hash);
    const entries = await page.evaluate(() => history.length);
    const heading = (name) => page.waitForFunction(
      (n) => document.querySelector('#results-heading')?.textContent.includes(n), name, { timeout: 15000 });
    const hashIs = (h) => page.waitForFunction((want) => location.hash === want, h, { timeout: 15000 });

    await page.selectOption('#preset', 'anthropic-2025-11');
    await heading('Anthropic');
    await page.waitForFunction((n) => history.length === n + 1, entries, { timeout: 15000 });
    const anthropic = await page.evaluate(() => location.hash);

    // Undo with the button: the page and the address go back together.
    await page.locator('#undo').click();
    await heading('OpenAI');
    await hashIs(openai);
    // Redo pushes the switch's entry again, and Back undoes it as before.
    await page.locator('#redo').click();
    await heading('Anthropic');
    await hashIs(anthropic);
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'the same entries, not one more');
    await page.evaluate(() => history.back());
    await heading('OpenAI');
    await hashIs(openai);
    // Forward redoes the switch, and Ctrl+Z then is Back once more.
    await page.evaluate(() => history.forward());
    await heading('Anthropic');
    await hashIs(anthropic);
    await page.locator('#redo').focus();
    await page.keyboard.press('Control+z');
    await heading('OpenAI');
    await hashIs(openai);
    assert.equal(await page.locator('#preset').inputValue(), 'openai-2025-11');

    // The next Back leaves for where the reader came from, at the first press.
    await page.goBack();
    await page.waitForURL('about:blank', { timeout: 15000 });
  });
});

test('focus after each deal action, and the action announced', async () => {
  await withApp(suite, { name: 'undo-focus' }, async (page) => {
    await page.locator('.ledger').waitFor();
    // Duplicate: the copy's name.
    await page.getByRole('button', { name: 'Duplicate Oracle', exact: true }).click();
    await waitStatus(page, 'Duplicated Oracle: the copy is below it.');
    assert.match(await focused(page), /^▸ Oracle \(copy\)/);
    assert.equal((await dealNames(page))[4], 'Oracle (copy)');
    // Move down: the same button of the moved deal.
    await page.getByRole('button', { name: 'Move Oracle down', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitStatus(page, 'Moved Oracle down: now 5 of 9.');
    assert.equal(await focused(page), 'Move Oracle down');
    // Moved to the top, "up" is disabled: focus goes to its "down".
    await page.getByRole('button', { name: 'Move AWS up', exact: true }).click();
    await waitStatus(page, 'Moved AWS up: now 1 of 9.');
    assert.equal(await focused(page), 'Move AWS down');
    // Remove the last deal: the one before it.
    await page.getByRole('button', { name: 'Remove Broadcom 10 GW', exact: true }).click();
    await waitStatus(page, 'Removed Broadcom 10 GW.');
    assert.match(await focused(page), /AMD 6 GW/);
    // Keyboard only: Enter on a focused remove button, then Undo by keyboard.
    await page.getByRole('button', { name: 'Remove AMD 6 GW', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitStatus(page, 'Removed AMD 6 GW.');
    assert.match(await focused(page), /Nvidia 10 GW/);
    await page.keyboard.press('Control+z');
    await waitStatus(page, 'Undid removing AMD 6 GW.');
    assert.ok((await dealNames(page)).includes('AMD 6 GW'));
  });
});

test('count firm contracts only: letters of intent show as not counted, and come back', async () => {
  await withApp(suite, { name: 'undo-firm-only' }, async (page) => {
    await page.locator('#firm-only').waitFor();
    const counted = (name) => page.getByRole('checkbox', { name: `${name}: counted`, exact: true });
    // The reader leaves AMD out by hand first.
    await counted('AMD 6 GW').uncheck();
    await page.locator('#firm-only').check();
    for (const name of ['Nvidia 10 GW', 'AMD 6 GW', 'Broadcom 10 GW']) {
      const box = counted(name);
      await page.waitForFunction((n) => document.querySelector(`[aria-label="${n}: counted"]`).disabled, name, { timeout: 15000 });
      assert.equal(await box.isChecked(), false, `${name} is shown as not counted`);
      assert.equal(await box.isDisabled(), true, `${name} cannot be ticked while only firm contracts count`);
      const why = await box.getAttribute('aria-describedby');
      assert.match(await page.locator(`#${why}`).textContent(), /Letters of intent are not counted/);
    }
    for (const name of ['AWS', 'Oracle']) {
      assert.equal(await counted(name).isChecked(), true, `${name} is firm and still counted`);
      assert.equal(await counted(name).isDisabled(), false);
    }
    await page.locator('#firm-only').uncheck();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Nvidia 10 GW: counted"]').disabled, null, { timeout: 15000 });
    assert.equal(await counted('Nvidia 10 GW').isChecked(), true, 'its own choice comes back');
    assert.equal(await counted('AMD 6 GW').isChecked(), false, 'the hand-made choice is kept');
  });
});

test('a field\'s message is said once the field is left, not while typing', async () => {
  await withApp(suite, { name: 'undo-field-message' }, async (page) => {
    const base = page.locator('#f-revenue-base');
    await base.waitFor();
    await base.fill('lots');
    await page.locator('#f-revenue-base-error').waitFor();
    assert.equal(await page.locator('#field-status').textContent(), '', 'nothing said while typing');
    await base.press('Tab');
    await page.waitForFunction(() => document.querySelector('#field-status').textContent !== '', null, { timeout: 15000 });
    const said = await page.locator('#field-status').textContent();
    assert.ok(said.includes(await page.locator('#f-revenue-base-error').textContent()), said);
    assert.equal(await page.locator('#field-status').getAttribute('role'), 'status');
  });
});

for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the undo controls and the note at ${width} px in the ${colorScheme} theme`, async () => {
      await withApp(suite, { name: `undo-${width}-${colorScheme}`, width, colorScheme, height: 900 }, async (page) => {
        await page.locator('#undo').waitFor();
        await page.getByRole('button', { name: 'Remove Oracle', exact: true }).click();
        await waitStatus(page, 'Removed Oracle.');
        const toast = await page.locator('.action-toast').boundingBox();
        assert.ok(toast.x >= 0 && toast.x + toast.width <= width, 'the note fits the window');
        const undo = await page.locator('#undo').boundingBox();
        assert.ok(undo.width > 0 && undo.height >= 24, 'Undo is visible');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `undo-note-${width}-${colorScheme}.png`) });
      });
    });
  }
}
