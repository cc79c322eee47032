// Embeds that fit without the resize script (issue 14) and the Suppliers view for posts (issue
// 13). The writer picks a view and a width on the embed builder's page (publish/, "Embed in your
// post", linked from the calculator); the snippet's fixed height must show the whole view at that
// width in a post with no script: no inner scrollbar, no chart cut. The builder previews the
// embed; the Suppliers page has the same dialog, and its view grows to its content with the
// script. Screenshots of both at 1280 and 390 px, light and dark.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSuite, withApp } from './helpers.mjs';

const BASE = '/tools/coverage/';
const suite = useSuite({ base: BASE });

const VIEWS = ['commitments', 'coverage', 'cash', 'figures', 'summary'];

/**
 * The snippet as the dialog shows it now, once the preview shows the same address (a preview
 * still loading when the choice changes is cancelled, which the harness counts as a problem).
 */
async function snippetOf(page) {
  const code = await page.locator('#embed-code').inputValue();
  const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  await page.waitForFunction((src) => {
    const f = document.getElementById('embed-preview');
    // The frame's document, not the one it is leaving.
    return f?.contentDocument?.URL === new URL(src, location.href).href && f.contentDocument.querySelector('.embed-footer');
  }, src, { timeout: 15000 });
  return code;
}

/**
 * A post on the app's origin holding `snippet` (with id="a" on the iframe) in a column `column`
 * px wide, nothing else.
 */
async function openPost(page, snippet, column = 1000) {
  const url = `${suite.server.origin}/a-post.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head><body style="margin:0"><div style="width:${column}px">${snippet.replace('<iframe ', '<iframe id="a" ')}</div></body></html>`,
    }),
  );
  await page.goto(url, { waitUntil: 'load' });
}

/**
 * Waits until the embed in iframe #a has drawn its chart (if any), then says how its content
 * sits in the frame: nothing may end below the frame's bottom.
 */
async function fitOf(page) {
  await page.waitForFunction(() => {
    const doc = document.getElementById('a')?.contentDocument;
    if (!doc?.querySelector('.embed-footer')) return false;
    const canvas = doc.querySelector('canvas.chart');
    return !canvas || canvas.width > 0;
  }, null, { timeout: 15000 });
  return page.evaluate(() => {
    const frame = document.getElementById('a');
    const doc = frame.contentDocument;
    const bottom = (sel) => {
      const el = doc.querySelector(sel);
      return el ? Math.ceil(el.getBoundingClientRect().bottom) : 0;
    };
    return {
      frameWidth: frame.clientWidth,
      frameHeight: frame.clientHeight,
      scroll: doc.documentElement.scrollHeight,
      client: doc.documentElement.clientHeight,
      chartBottom: bottom('canvas.chart'),
      footerBottom: bottom('.embed-footer'),
      style: frame.getAttribute('style'),
    };
  });
}

function assertFits(f, what) {
  assert.ok(f.scroll <= f.frameHeight, `${what}: content ${f.scroll} px in a ${f.frameHeight} px frame ${JSON.stringify(f)}`);
  assert.ok(f.chartBottom <= f.frameHeight, `${what}: chart cut ${JSON.stringify(f)}`);
  assert.ok(f.footerBottom <= f.frameHeight, `${what}: footer cut ${JSON.stringify(f)}`);
  // And not a big empty band either: the height is computed, not padded.
  assert.ok(f.frameHeight - f.scroll < 80, `${what}: ${f.frameHeight - f.scroll} px left empty ${JSON.stringify(f)}`);
}

test('every view\'s snippet height fits its content at 700 and 390 px without the script', async () => {
  await withApp(suite, { name: 'embed-fit-dialog', path: 'publish/' }, async (page, app) => {
    await page.locator('#embed-script').uncheck();
    const post = await app.context.newPage();
    for (const view of VIEWS) {
      for (const controls of ['none', 'key']) {
        for (const width of ['700', '390']) {
          // One choice at a time, each previewed before the next.
          await page.selectOption('#embed-view', view);
          await snippetOf(page);
          await page.selectOption('#embed-controls', controls);
          await snippetOf(page);
          await page.selectOption('#embed-width', width);
          const code = await snippetOf(page);
          assert.ok(!code.includes('<script'), 'no script');
          assert.match(code, new RegExp(`max-width:${width}px`));
          await openPost(post, code);
          const f = await fitOf(post);
          assert.equal(f.frameWidth, Number(width), `${view} ${controls} ${width}: the frame's width`);
          assertFits(f, `${view} ${controls} at ${width} px`);
        }
      }
    }
    // "Full column": the height fits any column from 600 to 820 px.
    await page.selectOption('#embed-width', 'full');
    for (const view of ['commitments', 'figures', 'summary']) {
      await page.selectOption('#embed-controls', 'none');
      await snippetOf(page);
      await page.selectOption('#embed-view', view);
      const code = await snippetOf(page);
      for (const column of [600, 700, 820]) {
        await openPost(post, code, column);
        const f = await fitOf(post);
        assert.equal(f.frameWidth, column);
        const what = `${view} full width in a ${column} px column`;
        assert.ok(f.scroll <= f.frameHeight && f.footerBottom <= f.frameHeight, `${what}: ${JSON.stringify(f)}`);
      }
    }
    await post.close();
  });
});

test('the embed builder previews the embed at the chosen width and height', async () => {
  for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [390, 'light'], [390, 'dark']]) {
    await withApp(suite, { name: `embed-dialog-preview-${width}-${scheme}`, path: 'publish/', width, colorScheme: scheme }, async (page) => {
      await snippetOf(page);
      await page.selectOption('#embed-view', 'cash');
      await page.selectOption('#embed-width', '390');
      const code = await snippetOf(page);
      const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
      const height = code.match(/height="(\d+)"/)[1];
      const preview = page.locator('#embed-preview');
      await preview.waitFor();
      assert.equal(await preview.getAttribute('src'), src, 'the preview shows the snippet\'s address');
      assert.equal(await preview.getAttribute('height'), height);
      assert.equal(await preview.getAttribute('width'), '390');
      const frame = page.frameLocator('#embed-preview');
      await frame.locator('#chart-cash canvas').waitFor();
      await page.waitForFunction(() => document.getElementById('embed-preview').contentDocument?.querySelector('canvas')?.width > 0);
      // Shown whole: the preview's box is as tall as the (scaled) frame, inside the dialog.
      const box = await page.evaluate(() => {
        const b = document.querySelector('.embed-preview').getBoundingClientRect();
        const d = document.getElementById('embed-dialog').getBoundingClientRect();
        const f = document.getElementById('embed-preview').getBoundingClientRect();
        return { b: [b.left, b.right, b.height], d: [d.left, d.right], f: [f.width, f.height] };
      });
      assert.ok(box.b[0] >= box.d[0] && box.b[1] <= box.d[1] + 0.5, `preview inside the dialog ${JSON.stringify(box)}`);
      assert.ok(Math.abs(box.b[2] - box.f[1]) <= 1, `preview box as tall as the frame ${JSON.stringify(box)}`);
      // The dialog's layout: the switch does not run into the "Snippet" label, no option is cut.
      const layout = await page.evaluate(() => {
        const r = (sel) => document.querySelector(sel).getBoundingClientRect();
        const fits = [...document.querySelectorAll('#embed-dialog select')].map((s) => {
          const c = document.createElement('canvas').getContext('2d');
          c.font = getComputedStyle(s).font;
          return { id: s.id, text: c.measureText(s.selectedOptions[0].text).width, room: s.clientWidth - 24 };
        });
        return { script: r('.embed-script').bottom, snippet: r('.embed-code-label').top, fits };
      });
      assert.ok(layout.script <= layout.snippet, JSON.stringify(layout));
      for (const s of layout.fits) assert.ok(s.text <= s.room, `${s.id}: its option is cut ${JSON.stringify(s)}`);
      await page.locator('#embed-dialog').screenshot({ path: `target/e2e-screenshots/embed-dialog-${width}-${scheme}.png` });
    });
  }
});

/** The Suppliers page's dialog, opened, with the script included or not and a width. */
async function suppliersSnippet(page, { width, script }) {
  if (!(await page.locator('#embed-dialog').evaluate((d) => d.open))) {
    await page.locator('#embed-dialog summary').click();
  }
  const box = page.locator('#embed-script');
  if (script) await box.check();
  else await box.uncheck();
  await page.selectOption('#embed-width', width);
  const max = `max-width:${width === 'full' ? 820 : width}px`;
  await page.waitForFunction((max) => document.getElementById('embed-code').value.includes(max), max);
  return snippetOf(page);
}

test('embed=suppliers: the sentence and the per-supplier chart fit their snippet without the script', async () => {
  await withApp(suite, { name: 'embed-suppliers-fit', path: 'suppliers/' }, async (page, app) => {
    await page.locator('#suppliers-table').waitFor();
    const headline = await page.locator('#headline').textContent();
    const post = await app.context.newPage();
    for (const width of ['700', '390']) {
      const code = await suppliersSnippet(page, { width, script: false });
      assert.match(code, /src="[^"]*\/suppliers\/\?embed=suppliers#c/);
      await openPost(post, code);
      const f = await fitOf(post);
      assert.equal(f.frameWidth, Number(width));
      assertFits(f, `suppliers at ${width} px`);
      const frame = post.frameLocator('#a');
      assert.equal(await frame.locator('#headline').textContent(), headline, 'the same sentence as the page');
      // The data table for screen readers has every supplier of the page's table.
      const suppliersOnPage = await page.locator('#suppliers-table tr.subtotal').count();
      assert.equal(await frame.locator('.chart-data tbody tr').count(), suppliersOnPage);
      // Only the view: none of the page's controls.
      assert.equal(await frame.locator('#add-select, #embed-dialog, #supplier-table').count(), 0);
    }
    // Preview: the same address as the snippet.
    const code = await snippetOf(page);
    const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
    assert.equal(await page.locator('#embed-preview').getAttribute('src'), src);
    await post.close();
  });
});

test('embed=suppliers inside a post resizes to its content with the script', async () => {
  await withApp(suite, { name: 'embed-suppliers-script', path: 'suppliers/', width: 900 }, async (page) => {
    await page.locator('#suppliers-table').waitFor();
    const code = await suppliersSnippet(page, { width: 'full', script: true });
    assert.match(code, /<script src="[^"]*\/tools\/coverage\/embed\.js" async><\/script>$/);
    // A frame far too short to begin with: the script makes it fit.
    await openPost(page, code.replace(/height="\d+"/, 'height="200"'));
    await page.waitForFunction(() => {
      const f = document.getElementById('a');
      const doc = f?.contentDocument;
      if (!doc?.querySelector('#embed-page') || !f.style.height) return false;
      return Math.abs(parseFloat(f.style.height) - doc.documentElement.scrollHeight) <= 2 && parseFloat(f.style.height) > 400;
    }, null, { timeout: 15000 });
    const f = await fitOf(page);
    assert.ok(f.scroll <= f.client + 1, JSON.stringify(f));
  });
  // The embed page sends the Suppliers view to the Suppliers page's download.
  await withApp(suite, { name: 'embed-suppliers-redirect', path: 'embed/?embed=suppliers&theme=dark' }, async (page) => {
    await page.locator('#chart-balance canvas').waitFor();
    assert.equal(new URL(page.url()).pathname, `${BASE}suppliers/`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  });
});

test('the Suppliers page\'s dialog at 1280 and 390 px, light and dark: preview inside, nothing cut', async () => {
  for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [390, 'light'], [390, 'dark']]) {
    await withApp(suite, { name: `embed-suppliers-dialog-${width}-${scheme}`, path: 'suppliers/', width, colorScheme: scheme }, async (page) => {
      await page.locator('#suppliers-table').waitFor();
      const code = await suppliersSnippet(page, { width: '390', script: true });
      assert.match(code, /height="\d+" style="border:0;width:100%;max-width:390px"/);
      const layout = await page.evaluate(() => {
        const r = (sel) => document.querySelector(sel).getBoundingClientRect();
        return { dialog: [r('#embed-dialog').left, r('#embed-dialog').right], preview: [r('.embed-preview').left, r('.embed-preview').right, r('.embed-preview').height], frame: r('#embed-preview').height, script: r('.embed-script').bottom, snippet: r('.embed-code-label').top };
      });
      assert.ok(layout.preview[0] >= layout.dialog[0] && layout.preview[1] <= layout.dialog[1] + 0.5, JSON.stringify(layout));
      assert.ok(Math.abs(layout.preview[2] - layout.frame) <= 1, `the preview shows the whole frame ${JSON.stringify(layout)}`);
      assert.ok(layout.script <= layout.snippet, JSON.stringify(layout));
      await page.locator('#embed-dialog').screenshot({ path: `target/e2e-screenshots/embed-suppliers-dialog-only-${width}-${scheme}.png` });
    });
  }
});
