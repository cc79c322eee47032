// Embedding in a blog post. The embed page (embed/, its own download) shows every view with and
// without the key sliders and loads no calculator or uncertainty wasm; addresses already
// published (the calculator's, with ?embed=) are sent there before the calculator loads; a host
// page embeds views by iframe from a sub-path with the resize script, and each iframe ends at its
// content's height with no inner scrollbar and follows a light or dark host; the embed builder's
// snippet (publish/, the calculator's "Embed in your post" link) uses the new address; the script refuses messages that are not from its iframes.
// Nothing may leave the local origin (helpers.mjs).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { presetJson } from './engine.mjs';
import { useSuite, withApp } from './helpers.mjs';

const BASE = '/tools/coverage/';
const suite = useSuite({ base: BASE });

const VIEWS = {
  commitments: '#chart-commitments canvas',
  coverage: '#chart-coverage canvas',
  cash: '#chart-cash canvas',
  figures: '#headline-figures',
  summary: '#summary-sentence',
};

/** The pages' wasm downloads, by page, from a list of request URLs. */
function wasmByPage(urls) {
  const pages = { calculator: [], uncertainty: [], embed: [], publish: [] };
  for (const url of urls) {
    const { pathname } = new URL(url);
    if (!pathname.endsWith('.wasm')) continue;
    const name = pathname.slice(BASE.length);
    if (name.startsWith('embed/')) pages.embed.push(name);
    else if (name.startsWith('uncertainty/')) pages.uncertainty.push(name);
    else if (name.startsWith('publish/')) pages.publish.push(name);
    else pages.calculator.push(name);
  }
  return pages;
}

/** Records every request URL the context makes from now on. */
function recordRequests(app) {
  const urls = [];
  app.context.on('request', (req) => urls.push(req.url()));
  return urls;
}

/** The link fragment of the Anthropic preset, as the calculator writes it. */
async function anthropicLink() {
  return withApp(suite, { name: 'embed-link-source' }, async (page) => {
    await page.selectOption('#preset', 'anthropic-2025-11');
    await page.locator('#results-heading', { hasText: 'Anthropic' }).waitFor();
    await page.waitForFunction(() => location.hash.startsWith('#s1.'));
    return page.evaluate(() => location.hash);
  });
}

test('the embed page shows every view, with and without the key sliders, and loads only its own wasm', async () => {
  const link = await anthropicLink();
  for (const [view, selector] of Object.entries(VIEWS)) {
    for (const controls of ['none', 'key']) {
      const query = `?embed=${view}${controls === 'key' ? '&controls=key' : ''}`;
      await withApp(suite, { name: `embed-${view}-${controls}`, path: `embed/${query}${link}`, width: 700 }, async (page, app) => {
        await page.locator(selector).waitFor();
        await page.locator('#embed-page').waitFor();
        assert.equal(await page.locator('#embed-growth').count(), controls === 'key' ? 1 : 0, `${view} ${controls}: sliders`);
        assert.equal(await page.locator('.chart-panel').count(), selector.includes('canvas') ? 1 : 0, `${view}: one chart at most`);
        // Only the embed: none of the calculator's forms or dialogs.
        for (const calculatorOnly of ['#preset', '#embed-dialog', '#saved-panel', '.inputs']) {
          assert.equal(await page.locator(calculatorOnly).count(), 0, `${view}: ${calculatorOnly} is not in an embed`);
        }
        const footer = await page.locator('.embed-footer').textContent();
        assert.match(footer, /Scenario: Anthropic, November 2025/);
        if (selector.includes('canvas')) {
          // Drawn: the canvas has pixels that are not the background.
          await page.waitForFunction((sel) => {
            const c = document.querySelector(sel);
            if (!c || c.width === 0) return false;
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const seen = new Set();
            for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
            return seen.size > 3;
          }, selector);
        }
        if (controls === 'key') {
          // A slider changes what the view shows.
          const text = view === 'figures' || view === 'summary' ? '#summary-sentence' : null;
          if (text) {
            const before = await page.locator(text).textContent();
            await page.locator('#embed-growth').fill('0.5');
            await page.locator(text).filter({ hasNotText: before }).waitFor();
          }
        }
        // The calculator link carries the writer's scenario exactly, whatever the sliders say.
        const href = await page.locator('#open-calculator').getAttribute('href');
        assert.equal(href, suite.server.url + link);
        const urls = app.page.url();
        assert.ok(urls.includes('/embed/'), urls);
      });
    }
  }
});

test('the embed page downloads no calculator or uncertainty wasm', async () => {
  await withApp(suite, { name: 'embed-requests', path: 'embed/?embed=cash&controls=key' }, async (page, app) => {
    const urls = recordRequests(app);
    await page.reload({ waitUntil: 'load' });
    await page.locator('#chart-cash canvas').waitFor();
    await page.locator('#embed-growth').fill('1.2');
    const wasm = wasmByPage(urls);
    assert.equal(wasm.embed.length, 1, JSON.stringify(urls));
    assert.deepEqual([...wasm.calculator, ...wasm.uncertainty], [], 'only the embed wasm');
    assert.ok(!urls.some((u) => /compute-coverage-[^/]*\.js$|uncertainty-[^/]*\.js$/.test(u)), JSON.stringify(urls));
    // No scenario in the address: the default scenario, and the link opens the calculator.
    assert.equal(await page.locator('#open-calculator').getAttribute('href'), suite.server.url);
  });
});

test('published snippets (the calculator address with ?embed=) open the embed page without loading the calculator', async () => {
  const link = await anthropicLink();
  for (const old of [`?embed=cash&controls=key${link}`, `index.html?embed=summary&theme=dark${link}`]) {
    await withApp(suite, { name: `embed-old-address-${old.slice(0, 10)}`, path: 'embed/' }, async (page, app) => {
      const urls = recordRequests(app);
      await page.goto(suite.server.url + old, { waitUntil: 'load' });
      await page.locator('#embed-page').waitFor();
      const query = old.slice(old.indexOf('?'));
      assert.equal(page.url(), `${suite.server.url}embed/${query}`, 'same query and fragment, on the embed page');
      assert.match(await page.locator('.embed-footer').textContent(), /Anthropic/);
      const wasm = wasmByPage(urls);
      assert.deepEqual(wasm.calculator, [], `the old address fetched the calculator's wasm: ${JSON.stringify(urls)}`);
      assert.ok(!urls.some((u) => /compute-coverage-[^/]*\.js$/.test(u)), `nor its JS: ${JSON.stringify(urls)}`);
      assert.equal(wasm.embed.length, 1);
    });
  }
  // Without ?embed= the calculator itself opens, as before.
  await withApp(suite, { name: 'embed-old-address-none', path: `?utm_source=x${link}` }, async (page) => {
    await page.locator('#results-heading', { hasText: 'Anthropic' }).waitFor();
    assert.equal(new URL(page.url()).pathname, BASE);
  });
});

function hostPage(appUrl, scheme) {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="${scheme}">
<title>A post</title>
<style>body{font-family:sans-serif;max-width:760px;margin:20px auto;background:${scheme === 'dark' ? '#111' : '#fff'};color:${scheme === 'dark' ? '#eee' : '#111'}}</style>
</head><body><h1>What OpenAI owes</h1><p>Some prose before the chart.</p>
<iframe id="a" data-compute-coverage src="${appUrl}?embed=cash" title="cash (a snippet published before embeds moved)" loading="lazy" width="100%" height="300" style="border:0;width:100%"></iframe>
<p>Prose between.</p>
<iframe id="b" data-compute-coverage src="${appUrl}embed/?embed=figures&controls=key" title="figures" loading="lazy" width="100%" height="300" style="border:0;width:100%"></iframe>
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
      path: doc.location.pathname,
    };
  }, id);
}

for (const scheme of ['light', 'dark']) {
  test(`two embeds (old and new address) size themselves in a ${scheme} host page`, async () => {
    await withApp(suite, { name: `embed-host-${scheme}`, colorScheme: scheme, width: 900 }, async (page) => {
      await page.locator('#root h1').waitFor();
      await openHost(page, hostPage(suite.server.url, scheme));
      for (const id of ['a', 'b']) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        const f = await frameFits(page, id);
        assert.ok(f.content <= f.inner + 1, `iframe ${id} has an inner scrollbar: ${JSON.stringify(f)}`);
        assert.equal(f.theme, scheme, `iframe ${id} follows the reader's ${scheme} system`);
        assert.equal(f.path, `${BASE}embed/`, `iframe ${id} shows the embed page`);
      }
      // A key slider changes the embed's figures, and the frame keeps fitting.
      const frame = page.frameLocator('#b');
      const before = await frame.locator('#fig-funding-gap .figure-value').textContent();
      await frame.locator('#embed-growth').fill('1.5');
      await frame.locator('#fig-funding-gap .figure-value').filter({ hasNotText: before }).waitFor();
      await frameFits(page, 'b');
    });
  });
}

test('the resize script ignores messages not from its iframes or not in shape', async () => {
  await withApp(suite, { name: 'embed-hostile-messages' }, async (page) => {
    await page.locator('#root h1').waitFor();
    await openHost(page, hostPage(suite.server.url, 'light'));
    await frameFits(page, 'a');
    const height = await page.evaluate(() => document.getElementById('a').style.height);
    // Every height the script sets from here on is recorded.
    await page.evaluate(() => {
      window.__heights = [];
      new MutationObserver(() => window.__heights.push(document.getElementById('a').style.height))
        .observe(document.getElementById('a'), { attributes: true, attributeFilter: ['style'] });
    });
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
      // Then one good message: messages arrive in order, so once it is applied every bad one
      // before it has been seen (and must have changed nothing).
      parent.postMessage({ type: 'compute-coverage:height', height: 654 }, '*');
    });
    await page.waitForFunction(() => document.getElementById('a').style.height === '654px');
    // The embed may answer the new size with its own height again; nothing else was set.
    const set = await page.evaluate(() => window.__heights);
    assert.ok(set.every((h) => h === '654px' || h === height), `only good messages set a height: ${set}`);
  });
});

test('the embed builder writes a snippet for the embed page, and the snippet works in a post', async () => {
  // The calculator opened as index.html: its link leads to the builder, whose snippet still
  // names the folder.
  await withApp(suite, { name: 'embed-dialog', path: 'index.html' }, async (page) => {
    await page.waitForFunction(() => location.hash.startsWith('#s1.') && document.getElementById('publish-link').getAttribute('href') === `publish/${location.hash}`);
    await page.locator('#publish-link').click();
    await page.waitForURL(/\/tools\/coverage\/publish\/#s1\./);
    await page.locator('#embed-code').waitFor();
    // The dialog previews each choice: let each preview load before the next choice replaces it
    // (a cancelled load counts as a failed request).
    const previewed = () =>
      page.waitForFunction(() => {
        const src = document.getElementById('embed-code').value.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
        const f = document.getElementById('embed-preview');
        // The frame's document, not the one it is leaving.
        return f?.contentDocument?.URL === new URL(src, location.href).href && f.contentDocument.querySelector('.embed-footer');
      });
    await previewed();
    await page.selectOption('#embed-view', 'summary');
    await previewed();
    await page.selectOption('#embed-controls', 'key');
    await previewed();
    await page.selectOption('#embed-theme', 'dark');
    await previewed();
    const code = await page.locator('#embed-code').inputValue();
    const app = suite.server.url.replace(/[./]/g, '\\$&');
    assert.match(code, new RegExp(`^<iframe data-compute-coverage src="${app}embed/\\?embed=summary&amp;controls=key&amp;theme=dark#s1\\.`));
    assert.match(code, /title="Compute Coverage: Summary sentence — OpenAI, November 2025"/);
    assert.match(code, /loading="lazy"/);
    assert.match(code, /height="\d+" style="border:0;width:100%;max-width:820px"/);
    assert.match(code, new RegExp(`<script src="${app}embed\\.js" async></script>$`));
    // Pasted into a post: the embed opens in the dark theme, sized by the script.
    await openHost(page, `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head><body><p>Before.</p>${code.replace('<iframe ', '<iframe id="a" ')}</body></html>`);
    const f = await frameFits(page, 'a');
    assert.equal(f.theme, 'dark');
    assert.ok(f.content <= f.inner + 1, JSON.stringify(f));
    const frame = page.frameLocator('#a');
    assert.match(await frame.locator('#summary-sentence').textContent(), /OpenAI|\$/);
    await frame.locator('#embed-growth').waitFor();
    const href = await frame.locator('#open-calculator').getAttribute('href');
    assert.ok(href.startsWith(suite.server.url + '#s1.'), href);
  });
});

test('text from a link is shown as text, never read as markup, in every part of the embed', async () => {
  // The embed page builds its markup as strings (no Yew): every text from the scenario must be
  // escaped. A hostile scenario name, deal name and counterparty in a link of the app's own
  // format (s1. + base64url of raw deflate of the JSON).
  const attack = '"><img id="inj" src="x" onerror="window.__pwned=1"><b>';
  const s = presetJson('openai-november-2025.json');
  s.name = `Name ${attack}`;
  s.deals[1].name = `Deal ${attack}`;
  s.deals[1].counterparty = `Party ${attack}`;
  const link = `#s1.${deflateRawSync(Buffer.from(JSON.stringify(s))).toString('base64url')}`;
  for (const view of ['commitments', 'figures']) {
    await withApp(suite, { name: `embed-markup-${view}`, path: `embed/?embed=${view}&controls=key${link}`, width: 700 }, async (page) => {
      await page.locator(VIEWS[view]).waitFor();
      if (view === 'commitments') {
        // The tooltip (deal names) and the data table (deal names as column heads).
        await page.locator('#embed-canvas').focus();
        await page.keyboard.press('ArrowRight');
        await page.locator('#embed-tooltip').filter({ hasText: 'Deal "><img' }).waitFor();
        await page.locator('.chart-data summary').click();
        assert.ok((await page.locator('.data-table thead').textContent()).includes(`Deal ${attack}`));
      }
      // A slider re-renders the figures or the chart from the adjusted scenario.
      await page.locator('#embed-growth').fill('1.5');
      assert.ok((await page.locator('.embed-footer').textContent()).includes(`Name ${attack}`));
      assert.equal(await page.locator('#inj').count(), 0, 'no element made from the text');
      assert.equal(await page.locator('.embed-page b').count(), 0, 'no element made from the text');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  }
});
