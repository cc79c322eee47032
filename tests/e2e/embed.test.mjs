// Embedding in a blog post: a host page embeds two views by iframe from a sub-path, with the
// resize script; each iframe must end at its content's height with no inner scrollbar, follow a
// light or dark host, and nothing may leave the local origin. Also the embed dialog's snippet
// and the script's refusal of messages that are not from its iframes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';

const BASE = '/tools/coverage/';
const suite = useSuite({ base: BASE });

function hostPage(appUrl, scheme) {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="${scheme}">
<title>A post</title>
<style>body{font-family:sans-serif;max-width:760px;margin:20px auto;background:${scheme === 'dark' ? '#111' : '#fff'};color:${scheme === 'dark' ? '#eee' : '#111'}}</style>
</head><body><h1>What OpenAI owes</h1><p>Some prose before the chart.</p>
<iframe id="a" data-compute-coverage src="${appUrl}?embed=cash" title="cash" loading="lazy" width="100%" height="300" style="border:0;width:100%"></iframe>
<p>Prose between.</p>
<iframe id="b" data-compute-coverage src="${appUrl}?embed=figures&controls=key" title="figures" loading="lazy" width="100%" height="300" style="border:0;width:100%"></iframe>
<script src="${appUrl}embed.js"></script>
</body></html>`;
}

/**
 * Opens a host page as its own document on the app's origin (so the test can look inside the
 * frames). Not page.setContent over the app: that keeps the app's Content-Security-Policy,
 * which refuses the post's inline style.
 */
async function openHost(page, html) {
  const url = `${suite.server.origin}/a-post.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url, { waitUntil: 'load' });
}

async function frameFits(page, id) {
  await page.waitForFunction(
    (id) => {
      const f = document.getElementById(id);
      const doc = f?.contentDocument;
      if (!doc || !f.style.height || !doc.querySelector('#embed-page')) return false;
      return Math.abs(parseFloat(f.style.height) - doc.documentElement.scrollHeight) <= 2;
    },
    id,
    { timeout: 10000 },
  );
  return page.evaluate((id) => {
    const f = document.getElementById(id);
    const doc = f.contentDocument;
    return {
      height: parseFloat(f.style.height),
      content: doc.documentElement.scrollHeight,
      inner: doc.documentElement.clientHeight,
      theme: doc.documentElement.dataset.theme,
    };
  }, id);
}

for (const scheme of ['light', 'dark']) {
  test(`two embeds size themselves in a ${scheme} host page`, async () => {
    await withApp(suite, { name: `embed-host-${scheme}`, colorScheme: scheme, width: 900 }, async (page) => {
      await page.locator('#root h1').waitFor();
      await openHost(page, hostPage(suite.server.url, scheme));
      for (const id of ['a', 'b']) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        const f = await frameFits(page, id);
        assert.ok(f.content <= f.inner + 1, `iframe ${id} has an inner scrollbar: ${JSON.stringify(f)}`);
        assert.equal(f.theme, scheme, `iframe ${id} follows the reader's ${scheme} system`);
      }
      // A key slider changes the embed's figures, and the frame keeps fitting.
      const frame = page.frameLocator('#b');
      const before = await frame.locator('#fig-funding-gap .figure-value').textContent();
      await frame.locator('#embed-growth').fill('1.5');
      await frame.locator('#fig-funding-gap .figure-value').filter({ hasNotText: before }).waitFor();
      await frameFits(page, 'b');
      // The embed links to the full calculator with the same scenario.
      const href = await frame.locator('#open-calculator').getAttribute('href');
      assert.ok(href.startsWith(suite.server.url + '#s1.'), href);
    });
  });
}

test('the resize script ignores messages not from its iframes or not in shape', async () => {
  await withApp(suite, { name: 'embed-hostile-messages' }, async (page) => {
    await page.locator('#root h1').waitFor();
    await openHost(page, hostPage(suite.server.url, 'light'));
    await frameFits(page, 'a');
    const height = await page.evaluate(() => document.getElementById('a').style.height);
    // From the host page itself, not an iframe.
    await page.evaluate(() => window.postMessage({ type: 'compute-coverage:height', height: 5000 }, '*'));
    // Wrong shapes sent from inside the iframe's window (run there by the test: the embed's
    // Content-Security-Policy refuses eval).
    const frame = await (await page.locator('#a').elementHandle()).contentFrame();
    await frame.evaluate(() => {
      parent.postMessage({ type: 'compute-coverage:height', height: '9999' }, '*');
      parent.postMessage({ type: 'compute-coverage:height', height: 1e9 }, '*');
      parent.postMessage({ type: 'compute-coverage:height', height: 700, extra: 1 }, '*');
      parent.postMessage('compute-coverage:height 900', '*');
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.getElementById('a').style.height), height);
  });
});

test('the embed dialog writes a snippet for the chosen view', async () => {
  await withApp(suite, { name: 'embed-dialog' }, async (page) => {
    await page.locator('#embed-dialog summary').click();
    await page.selectOption('#embed-view', 'summary');
    await page.selectOption('#embed-theme', 'dark');
    const code = await page.locator('#embed-code').inputValue();
    assert.match(code, new RegExp(`^<iframe data-compute-coverage src="${suite.server.url.replace(/[./]/g, '\\$&')}\\?embed=summary&amp;theme=dark#s1\\.`));
    assert.match(code, /title="Compute Coverage: Summary sentence — OpenAI, November 2025"/);
    assert.match(code, /loading="lazy"/);
    assert.match(code, /height="200"/);
    assert.match(code, /<script src=".*\/tools\/coverage\/embed\.js" async><\/script>$/);
  });
});
