// The embed builder (publish/, "Embed in your post"): a page of its own, so the calculator's
// readers do not download a tool a writer uses once per post. The calculator links to it with
// the scenario being edited; it opens the scenario in its address as the embed page does (a
// damaged link is said, and the default shown); it works on a phone, in the dark theme and by
// keyboard, and loads only its own wasm and the embed page's for the preview. The builder's
// choices, preview and fitting heights are tested in embed-fit.test.mjs and embed.test.mjs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { useSuite, withApp } from './helpers.mjs';

const BASE = '/tools/coverage/';
const suite = useSuite({ base: BASE });

/** The snippet's iframe address, as the browser would read it. */
async function snippetSrc(page) {
  const code = await page.locator('#embed-code').inputValue();
  return code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
}

/** Waits until the preview shows the snippet's address (a load cut short counts as a problem). */
async function previewed(page) {
  await page.waitForFunction(() => {
    const src = document.getElementById('embed-code').value.match(/src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    const f = document.getElementById('embed-preview');
    return src && f?.contentDocument?.URL === new URL(src, location.href).href && f.contentDocument.querySelector('.embed-footer');
  }, null, { timeout: 15000 });
}

/** The scenario a `#s1.` fragment holds (base64url of raw deflate of the JSON). */
function decode(fragment) {
  assert.match(fragment, /^#?s1\./);
  return JSON.parse(inflateRawSync(Buffer.from(fragment.replace(/^#?s1\./, ''), 'base64url')).toString('utf8'));
}

test('the calculator links to the builder with the scenario being edited, and no longer carries the dialog', async () => {
  await withApp(suite, { name: 'publish-from-calculator' }, async (page, app) => {
    await page.locator('#growth-model').waitFor();
    assert.equal(await page.locator('#embed-dialog').count(), 0, 'the dialog is not in the calculator');
    await page.selectOption('#preset', 'anthropic-2025-11');
    await page.locator('#results-heading', { hasText: 'Anthropic' }).waitFor();
    await page.selectOption('#growth-model', 'constant');
    await page.locator('#f-revenue-growth-rate').fill('60%');
    const name = (await page.locator('#results-heading').textContent()).replace(/^Results: /, '');
    // The link follows the edit (in the same deferred step as the address).
    await page.waitForFunction(() => {
      const s = location.hash;
      return s.startsWith('#s1.') && document.getElementById('publish-link').getAttribute('href') === `publish/${s}`;
    });
    const hash = await page.evaluate(() => location.hash);
    const edited = decode(hash);
    assert.deepEqual(edited.revenue.growth, { kind: 'constant', rate: 0.6 });
    const wasm = [];
    app.context.on('request', (req) => {
      if (new URL(req.url()).pathname.endsWith('.wasm')) wasm.push(new URL(req.url()).pathname.slice(BASE.length));
    });
    await page.getByRole('link', { name: /Embed in your post →/ }).click();
    await page.waitForURL(`${suite.server.url}publish/${hash}`);
    await page.locator('#scenario-name', { hasText: name }).waitFor();
    assert.equal(await page.locator('#scenario-name').textContent(), name);
    await previewed(page);
    // The snippet's embed shows that same scenario: the calculator's bytes, passed on as they are.
    const src = new URL(await snippetSrc(page));
    assert.equal(src.pathname, `${BASE}embed/`);
    assert.equal(src.hash, hash);
    assert.deepEqual(decode(src.hash), edited);
    assert.match(await page.locator('#embed-code').inputValue(), new RegExp(`title="Compute Coverage: Chart: commitments vs revenue — ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    // The preview says the same name in its footer.
    assert.match(await page.frameLocator('#embed-preview').locator('.embed-footer').textContent(), new RegExp(`Scenario: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // Only the builder's wasm and the embed page's (the preview): not the calculator's again.
    assert.ok(wasm.some((w) => w.startsWith('publish/')), JSON.stringify(wasm));
    assert.ok(wasm.every((w) => w.startsWith('publish/') || w.startsWith('embed/')), JSON.stringify(wasm));
    // Back to the calculator with the same scenario.
    assert.equal(await page.locator('#back-to-calculator').getAttribute('href'), `${suite.server.url}${hash}`);
    await page.getByRole('link', { name: '← Back to the calculator' }).click();
    await page.locator('#results-heading', { hasText: name }).waitFor();
    // The edited growth, as the calculator writes a scenario it opened (60% is shown as 60).
    assert.match(await page.locator('#f-revenue-growth-rate').inputValue(), /^60 ?%?$/);
    assert.equal(await page.locator('#growth-model').inputValue(), 'constant');
  });
});

test('opened as publish/index.html the snippet still names the embed folder', async () => {
  const link = await withApp(suite, { name: 'publish-link-source' }, async (page) => {
    await page.waitForFunction(() => location.hash.startsWith('#s1.'));
    return page.evaluate(() => location.hash);
  });
  await withApp(suite, { name: 'publish-index-html', path: `publish/index.html${link}` }, async (page) => {
    await previewed(page);
    assert.equal(await snippetSrc(page), `${suite.server.url}embed/?embed=commitments${link}`);
    assert.match(await page.locator('#embed-code').inputValue(), new RegExp(`<script src="${suite.server.url.replace(/[./]/g, '\\$&')}embed\\.js" async></script>$`));
    assert.equal(await page.locator('#back-to-calculator').getAttribute('href'), `${suite.server.url}${link}`);
  });
});

test('a damaged link is said, and the default scenario is shown; no link shows the default quietly', async () => {
  await withApp(suite, { name: 'publish-damaged-link', path: 'publish/#s1.not-a-real-link!!' }, async (page) => {
    const alert = page.locator('#notices .notice.error[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^This link could not be opened: .+\. The default scenario is shown instead\./);
    assert.equal(await page.locator('#scenario-name').textContent(), 'OpenAI, November 2025');
    await previewed(page);
    // The snippet embeds the default (no fragment); the way back does not carry the bad link.
    assert.equal(await snippetSrc(page), `${suite.server.url}embed/?embed=commitments`);
    assert.equal(await page.locator('#back-to-calculator').getAttribute('href'), suite.server.url);
    await page.screenshot({ path: 'target/e2e-screenshots/publish-damaged-link-message.png' });
    // The message can be dismissed.
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    assert.equal(await page.locator('#notices .notice').count(), 0);
  });
  await withApp(suite, { name: 'publish-no-link', path: 'publish/' }, async (page) => {
    await previewed(page);
    assert.equal(await page.locator('#scenario-name').textContent(), 'OpenAI, November 2025');
    assert.equal(await page.locator('.notice').count(), 0);
  });
});

test('the builder on a phone in the dark theme: nothing wider than the screen, the preview scaled inside', async () => {
  for (const [width, scheme] of [[390, 'dark'], [390, 'light'], [1280, 'dark']]) {
    await withApp(suite, { name: `publish-${width}-${scheme}`, path: 'publish/', width, colorScheme: scheme }, async (page) => {
      await previewed(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), scheme);
      const look = await page.evaluate(() => {
        const r = (sel) => document.querySelector(sel).getBoundingClientRect();
        return {
          scroll: document.documentElement.scrollWidth,
          dialog: [r('#embed-dialog').left, r('#embed-dialog').right],
          preview: [r('.embed-preview').left, r('.embed-preview').right, r('.embed-preview').height],
          frame: r('#embed-preview').height,
          label: document.getElementById('embed-preview-label').textContent,
          body: getComputedStyle(document.body).backgroundColor,
          heading: r('#publish-heading').right,
        };
      });
      assert.ok(look.scroll <= width, `nothing wider than the screen ${JSON.stringify(look)}`);
      assert.ok(look.preview[0] >= look.dialog[0] && look.preview[1] <= look.dialog[1] + 0.5, JSON.stringify(look));
      assert.ok(Math.abs(look.preview[2] - look.frame) <= 1, `the preview shows the whole frame ${JSON.stringify(look)}`);
      assert.ok(look.heading <= width, JSON.stringify(look));
      // A phone shows the 820 px frame smaller; a laptop at its size.
      assert.equal(look.label.endsWith('shown smaller'), width < 900, look.label);
      // The page's own colours follow the theme (the body is dark in the dark theme).
      const [red, green, blue] = look.body.match(/\d+/g).map(Number);
      assert.equal(red + green + blue < 200, scheme === 'dark', look.body);
      await page.screenshot({ path: `target/e2e-screenshots/publish-page-${width}-${scheme}.png`, fullPage: true });
    });
  }
});

test('the builder by keyboard: the way back first, every choice, the script switch and the copy button', async () => {
  await withApp(
    suite,
    { name: 'publish-keyboard', path: 'publish/', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } },
    async (page) => {
      await previewed(page);
      const focused = () => page.evaluate(() => document.activeElement?.id);
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'back-to-calculator');
      const order = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused());
      }
      // The preview frame is skipped (tabindex -1): it is a picture of the embed, not a control.
      assert.deepEqual(order, ['embed-view', 'embed-controls', 'embed-theme', 'embed-width', 'embed-script', 'embed-code', 'copy-embed']);
      // A choice made with the arrow keys writes its snippet.
      await page.locator('#embed-view').focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.getElementById('embed-code').value.includes('embed=coverage'));
      await previewed(page);
      // Space on the switch drops the script from the snippet.
      await page.locator('#embed-script').focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => !document.getElementById('embed-code').value.includes('<script'));
      await previewed(page);
      // Enter on the copy button copies the snippet and says so.
      await page.locator('#copy-embed').focus();
      await page.keyboard.press('Enter');
      await page.locator('#embed-status', { hasText: 'Snippet copied.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#embed-code').inputValue());
    },
  );
});
