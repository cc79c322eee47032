// Hostile input, as a reader may be handed it: crafted links, files and typing (the corpus in
// tests/fixtures/hostile/, whose expected.json says what each must give), a crash of the wasm
// app, a browser that refuses storage, and a blog that strips the resize script. Each case must
// end in a clear message on a working page, leave the reader's saved work as it was, and run no
// script: payloads try to set window.__pwned, and names must show as literal text.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT, openApp, useSuite, withApp } from './helpers.mjs';
import { presetJson } from './engine.mjs';

const suite = useSuite();

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
const CURRENT = 'compute-coverage.current';
const SAVED = 'compute-coverage.saved';

// The reader's work before each hostile input: the current work and one saved scenario.
const KEPT = { ...presetJson('blank.json'), name: 'My kept work' };
KEPT.funding = { ...KEPT.funding, opening_cash: 42 };
const SAVED_LIST = [
  { name: 'My saved case', saved_at: '2026-11-01T10:00:00.000Z', scenario: presetJson('anthropic-november-2025.json') },
];
const SAVED_TEXT = JSON.stringify(SAVED_LIST);

function fixtures(kind) {
  return readdirSync(path.join(FIXTURES, kind))
    .sort()
    .map((name) => ({ name: `${kind}/${name}`, file: path.join(FIXTURES, kind, name), ...EXPECTED[`${kind}/${name}`] }));
}

/** A file's text as the browser reads it: UTF-8, or UTF-16 when a byte-order mark says so. */
function fileText(file) {
  const bytes = readFileSync(file);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
}

/** Puts the reader's work in storage (the page must be on the app's origin). */
async function seed(page) {
  await page.evaluate(
    ([current, saved, keys]) => {
      localStorage.clear();
      localStorage.setItem(keys[0], current);
      localStorage.setItem(keys[1], saved);
    },
    [JSON.stringify(KEPT), SAVED_TEXT, [CURRENT, SAVED]],
  );
}

async function stored(page) {
  return page.evaluate(
    (keys) => Object.fromEntries(keys.map((k) => [k, localStorage.getItem(k)])),
    [CURRENT, SAVED, `${CURRENT}.unreadable`],
  );
}

/** Opens `url` as a fresh page load (a changed #fragment alone would not reload the app). */
async function load(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator('#summary-sentence').waitFor();
}

/** A working page that ran no script: figures shown, no trap fired, no handler attributes. */
async function assertSafe(page, label) {
  const state = await page.evaluate(() => {
    const values = [...document.querySelectorAll('#headline-figures .figure-value')].map((e) => e.textContent.trim());
    const handlers = [...document.querySelectorAll('#root *')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
    );
    return {
      pwned: typeof window.__pwned,
      values,
      sentence: document.querySelector('#summary-sentence')?.textContent ?? '',
      handlers,
      scripts: document.querySelectorAll('#root script, #root iframe, #root object').length,
      crashed: !!document.querySelector('#crash'),
    };
  });
  assert.equal(state.pwned, 'undefined', `${label}: a payload ran`);
  assert.equal(state.crashed, false, `${label}: the app crashed`);
  assert.ok(state.values.length >= 4, `${label}: headline figures missing`);
  for (const v of [...state.values, state.sentence]) {
    assert.ok(v && !/NaN|Infinity|undefined/.test(v), `${label}: shows ${JSON.stringify(v)}`);
  }
  assert.deepEqual(state.handlers, [], `${label}: event-handler attributes in the page`);
  assert.equal(state.scripts, 0, `${label}: script-capable elements in the page`);
}

/** The saved scenario is exactly as stored before, and the current work is still the kept one. */
async function assertWorkKept(page, label) {
  const s = await stored(page);
  assert.equal(s[SAVED], SAVED_TEXT, `${label}: the saved scenarios changed`);
  const current = JSON.parse(s[CURRENT]);
  assert.equal(current.name, KEPT.name, `${label}: the current work was replaced`);
  assert.equal(current.funding.opening_cash, 42, `${label}: the current work changed`);
  assert.match(await page.locator('#results-heading').textContent(), /My kept work/, `${label}: not showing the kept work`);
}

async function dismissAll(page) {
  const buttons = page.locator('#notices .notice button');
  while ((await buttons.count()) > 0) await buttons.first().click();
}

test('hostile links each end in a message, keep the saved work and run no script', async () => {
  const generated = [
    // Chrome refuses to navigate to a URL over 2 MiB before the page sees it; this is the
    // largest fragment it opens. The 4 MB case is a host test (tests/hostile_inputs.rs).
    {
      name: 'a 1.9 MB fragment',
      fragment: `s1.${'A'.repeat(1_900_000)}`,
      accepted: false,
      message: 'the link is too long to be a scenario (1900003 characters)',
    },
    { name: 'a bare #', fragment: '', accepted: false, message: '', notice: false },
    {
      name: 'a newer link format',
      fragment: 's2.AAAA',
      accepted: false,
      message: 'newer version of Compute Coverage (link format 2)',
    },
  ];
  const cases = [
    ...fixtures('links').map((c) => ({ ...c, fragment: readFileSync(c.file, 'utf8') })),
    ...generated,
  ];
  assert.ok(cases.length >= 20);
  await withApp(suite, { name: 'hostile-links' }, async (page) => {
    for (const c of cases) {
      const label = `link ${c.name}`;
      await seed(page);
      await load(page, `${suite.server.url}#${c.fragment}`);
      await assertSafe(page, label);
      if (c.accepted) {
        // A valid link whose names hold markup: shown as text, the reader's work kept in the list.
        const parsed = await page.evaluate(() => document.querySelector('#results-heading').textContent);
        assert.match(parsed, /<(script|img)\b/, `${label}: the name is not shown as literal text`);
        await page.locator('#notices .notice.info', { hasText: 'Your previous work was saved under' }).waitFor();
        const list = JSON.parse((await stored(page))[SAVED]);
        assert.deepEqual(list.map((e) => e.name), ['My kept work (before opening a link)', 'My saved case'], label);
        assert.deepEqual(list[1], SAVED_LIST[0], `${label}: the saved scenario changed`);
      } else if (c.notice === false) {
        assert.equal(await page.locator('#notices .notice.error').count(), 0, `${label}: an anchor is not an error`);
        await assertWorkKept(page, label);
      } else {
        const text = await page.locator('#notices .notice.error .notice-body').textContent();
        assert.ok(text.includes('This link could not be opened: '), `${label}: ${text}`);
        assert.ok(text.includes(c.message), `${label}: expected ${JSON.stringify(c.message)} in ${text.slice(0, 300)}`);
        assert.match(text, /Your last work in this browser is shown instead\.$/, label);
        assert.ok(text.length < 700, `${label}: a message of ${text.length} characters`);
        await assertWorkKept(page, label);
      }
    }
  });
});

test('hostile files each end in a message, keep the work and run no script', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-hostile-'));
  const keptFile = path.join(dir, 'kept.json');
  writeFileSync(keptFile, JSON.stringify(KEPT));
  const cases = fixtures('json');
  assert.ok(cases.length >= 40);
  await withApp(suite, { name: 'hostile-files' }, async (page) => {
    await seed(page);
    await load(page, suite.server.url);
    for (const c of cases) {
      const label = `file ${c.name}`;
      await dismissAll(page);
      await page.locator('#import-json').setInputFiles(c.file);
      const notice = page.locator('#notices .notice .notice-body').first();
      await notice.waitFor();
      const text = await notice.textContent();
      await assertSafe(page, label);
      if (c.page?.accepted ?? c.accepted) {
        assert.match(text, /^Imported "/, `${label}: ${text}`);
        const name = JSON.parse(fileText(c.file)).name;
        const heading = await page.locator('#results-heading').textContent();
        assert.equal(heading, `Results: ${name}`, `${label}: the name is not shown as literal text`);
        assert.equal((await stored(page))[SAVED], SAVED_TEXT, `${label}: the saved scenarios changed`);
        // Back to the reader's work for the next case.
        await dismissAll(page);
        await page.locator('#import-json').setInputFiles(keptFile);
        await page.locator('#results-heading', { hasText: 'My kept work' }).waitFor();
      } else {
        assert.ok(text.startsWith('That file was not imported; your current work is unchanged.'), `${label}: ${text}`);
        assert.ok(text.includes(c.message), `${label}: expected ${JSON.stringify(c.message)} in ${text.slice(0, 300)}`);
        assert.ok(text.length < 2000, `${label}: a message of ${text.length} characters`);
        await assertWorkKept(page, label);
      }
    }
    // All of it survives a reload.
    await load(page, suite.server.url);
    await assertWorkKept(page, 'after the files, reloaded');
    await page.locator('#saved-list li', { hasText: 'My saved case' }).waitFor();
  });
});

test('hostile typing is kept with its message, the results stay and no script runs', async () => {
  const numbers = readFileSync(path.join(FIXTURES, 'numbers', 'typed.txt'), 'utf8').split('\n').slice(0, -1);
  const names = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    'שלום \u202eRTL\u202c مرحبا 💸🤖📈',
    '"><svg onload=window.__pwned=1>',
    'x'.repeat(10_000),
    '',
  ];
  const cases = [
    ...numbers.map((text) => ({ id: 'f-revenue-base', text })),
    ...['words', '1e309', '-0', 'NaN', 'Infinity', '250%', '-5%', '123456789012345678901234567890%'].map((text) => ({
      id: 'f-discount-rate',
      text,
    })),
    ...['-2025', '0', '2147483648', '123456789012345678901234567890', '2030.5', 'NaN', '-0', ''].map((text) => ({
      id: 'f-end-year',
      text,
    })),
    ...['1e309', '-1e309', '-0', '123456789012345678901234567890'].map((text) => ({ id: 'f-funding-opening-cash', text })),
    ...names.map((text) => ({ id: 'f-name', text })),
  ];
  assert.ok(cases.length >= 40);
  await withApp(suite, { name: 'hostile-typing' }, async (page) => {
    await seed(page);
    await load(page, suite.server.url);
    const figures = () => page.locator('#headline-figures').textContent();
    const before = await figures();
    for (const { id, text } of cases) {
      const label = `typing ${JSON.stringify(text.slice(0, 40))} into #${id}`;
      const input = page.locator(`#${id}`);
      const original = await input.inputValue();
      await input.fill(text);
      const error = page.locator(`#${id}-error`);
      // Either the field explains what is wrong while the last results stay, or the value is
      // valid and the results follow it.
      await page.waitForFunction(
        ([id, text]) => document.getElementById(id)?.value === text.replace(/[\r\n]/g, ''),
        [id, text],
      );
      if ((await error.count()) > 0) {
        const message = (await error.textContent()).trim();
        assert.ok(message.length > 0 && message.length < 160, `${label}: message ${JSON.stringify(message)}`);
        assert.ok(!/NaN|undefined/.test(message.replace(text, '')), `${label}: ${message}`);
        await page.locator('#stale-banner').waitFor();
        assert.equal(await figures(), before, `${label}: the last valid results did not stay`);
      }
      await assertSafe(page, label);
      if (id === 'f-name' && text.length > 0 && text.length <= 80) {
        assert.equal(await page.locator('#results-heading').textContent(), `Results: ${text}`, `${label}: not literal text`);
      }
      await input.fill(original);
      await page.locator('#stale-banner').waitFor({ state: 'detached' });
      assert.equal(await figures(), before, `${label}: restoring the field did not restore the results`);
    }
    assert.equal((await stored(page))[SAVED], SAVED_TEXT, 'the saved scenarios changed');
  });
});

/** Makes the wasm app trap for real: an allocation larger than its memory can ever be aborts. */
async function trap(page, how) {
  await page.evaluate((how) => {
    const hit = () => window.__wasm.__wbindgen_malloc(0xfffffff0, 1);
    if (how === 'promise') Promise.resolve().then(hit);
    else setTimeout(hit);
  }, how);
  await page.locator('#crash').waitFor();
}

test('a crash shows a message and a reset that keeps the saved work', async () => {
  const app = await openApp(suite.browser, { server: suite.server });
  try {
    const { page } = app;
    // The wasm module's exports, as trunk's loader announces them.
    await app.context.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__wasm = e.detail.wasm;
      }),
    );
    await seed(page);
    await load(page, suite.server.url);
    await page.waitForFunction(() => location.hash.startsWith('#s1.') && window.__wasm);

    // A trap in an event callback: the frozen page becomes a message and a button.
    await trap(page, 'timeout');
    const crash = page.locator('#crash');
    assert.equal(await crash.getAttribute('role'), 'alert');
    assert.match(await crash.textContent(), /Something went wrong: the calculator stopped\. Your saved scenarios are safe\./);
    assert.equal(await page.locator('#root').count(), 0, 'the frozen app is gone');
    const reset = page.getByRole('button', { name: 'Reset to the last saved scenario' });
    assert.ok(await reset.evaluate((b) => b === document.activeElement), 'the button has focus');
    assert.equal((await stored(page))[SAVED], SAVED_TEXT);
    await app.screenshot('hostile-crash');

    // The first reset drops the link and reloads the work kept in this browser.
    await reset.click();
    await page.locator('#summary-sentence').waitFor();
    await assertWorkKept(page, 'after the first reset');
    await assertSafe(page, 'after the first reset');

    // Another crash soon after (in a promise this time): the kept work is set aside too.
    await page.waitForFunction(() => window.__wasm);
    await trap(page, 'promise');
    await reset.click();
    await page.locator('#summary-sentence').waitFor();
    await assertSafe(page, 'after the second reset');
    assert.match(await page.locator('#results-heading').textContent(), /OpenAI, November 2025/);
    const s = await stored(page);
    assert.equal(s[SAVED], SAVED_TEXT, 'the saved scenarios survive');
    assert.equal(JSON.parse(s[`${CURRENT}.unreadable`]).name, 'My kept work', 'the kept work was set aside, not lost');
    await page.locator('#saved-list li', { hasText: 'My saved case' }).waitFor();

    // The two deliberate traps are the only problems.
    const traps = app.problems.filter((p) => /RuntimeError: unreachable/.test(p));
    assert.equal(traps.length, 2, app.problems.join('\n'));
    app.problems.splice(0, app.problems.length, ...app.problems.filter((p) => !traps.includes(p)));
    app.assertNoProblems();
  } finally {
    await app.close();
  }
});

/** Storage as private browsing or a sandbox refuses it: every access throws. */
function blockStorage() {
  for (const name of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  }
}

test('with storage disabled the page works, says so, and links still share the work', async () => {
  await withApp(suite, { name: 'hostile-no-storage' }, async (page, app) => {
    await app.context.addInitScript(blockStorage);
    await load(page, suite.server.url);
    await assertSafe(page, 'no storage');
    const warnings = await page.locator('#notices .notice.warning .notice-body').allTextContents();
    assert.equal(warnings.length, 1, `one storage message: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /does not let the page store data \(private browsing or blocked storage\)/);

    const start = await page.evaluate(() => location.hash);
    await page.locator('#f-funding-opening-cash').fill('120');
    await page.waitForFunction((h) => location.hash !== h && location.hash.startsWith('#s1.'), start);
    const figures = await page.locator('#headline-figures').textContent();
    const link = page.url();

    const other = await openApp(suite.browser, { server: suite.server });
    try {
      await other.context.addInitScript(blockStorage);
      await load(other.page, link);
      assert.equal(await other.page.locator('#f-funding-opening-cash').inputValue(), '120');
      assert.equal(await other.page.locator('#headline-figures').textContent(), figures);
      other.assertNoProblems();
    } finally {
      await other.close();
    }

    // Even the crash reset works without storage.
    await app.context.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__wasm = e.detail.wasm;
      }),
    );
    await load(page, link);
    await trap(page, 'timeout');
    await page.getByRole('button', { name: 'Reset to the last saved scenario' }).click();
    await page.locator('#summary-sentence').waitFor();
    await assertSafe(page, 'reset without storage');
    assert.equal(await page.locator('#f-funding-opening-cash').inputValue(), '17.5', 'the default scenario, not the link');
    app.problems.splice(0, app.problems.length, ...app.problems.filter((p) => !/RuntimeError: unreachable/.test(p)));
  });
});

test('an embed whose blog stripped the resize script keeps its fixed height and scrolls', async () => {
  // The writer chose a 700 px frame, but the post's column is narrower than any choice: the
  // fixed height is then too short, and the embed must still show everything by scrolling.
  await withApp(suite, { name: 'hostile-embed-no-script', path: 'publish/', width: 320 }, async (page) => {
    // The dialog previews each choice: let each preview load before the next choice (or
    // leaving the page) cuts it short, which would count as a failed request.
    const previewed = () =>
      page.waitForFunction(() => {
        const src = document.getElementById('embed-code').value.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
        const f = document.getElementById('embed-preview');
        return f?.contentDocument?.URL === new URL(src, location.href).href && f.contentDocument.querySelector('.embed-footer');
      });
    await previewed();
    await page.selectOption('#embed-view', 'figures');
    await previewed();
    await page.selectOption('#embed-width', '700');
    await previewed();
    await page.locator('#embed-script').uncheck();
    await previewed();
    const snippet = await page.locator('#embed-code').inputValue();
    assert.ok(!snippet.includes('<script'), snippet);
    const height = Number(/height="(\d+)"/.exec(snippet)[1]);

    // The post, served from the app's origin (so the test can look inside the frame).
    const post = `${suite.server.url}post.html`;
    await page.route(post, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body:
          '<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head>' +
          `<body><p>Before.</p>${snippet}<p>After.</p></body></html>`,
      }),
    );
    await page.goto(post);
    const frame = page.frameLocator('iframe[data-compute-coverage]');
    await frame.locator('#embed-page').waitFor();
    const size = await page.locator('iframe').evaluate((f) => ({
      box: f.getBoundingClientRect().height,
      style: f.style.height,
      content: f.contentDocument.documentElement.scrollHeight,
      inner: f.contentDocument.documentElement.clientHeight,
    }));
    assert.equal(size.style, '', 'nothing resized the frame');
    assert.ok(Math.abs(size.box - height) <= 1, `the frame keeps the snippet's ${height} px: ${JSON.stringify(size)}`);
    assert.ok(size.content > size.inner, `at this width the content overflows the fixed height: ${JSON.stringify(size)}`);
    // Everything in it is reachable by scrolling inside the frame.
    const link = frame.locator('#open-calculator');
    await link.scrollIntoViewIfNeeded();
    const inView = await link.evaluate((a) => {
      const r = a.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= a.ownerDocument.documentElement.clientHeight;
    });
    assert.ok(inView, 'the last line of the embed scrolls into view');
    assert.ok(await frame.locator('html').evaluate((h) => h.scrollTop > 0), 'the frame scrolled');
  });
});

test('the policy allows only the loader: injected inline script and handlers are refused', async () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const tag = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0] ?? '';
  const policy = /\bcontent="([^"]*)"/.exec(tag)?.[1] ?? '';
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/, policy);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, policy);
  assert.match(policy, /style-src 'self'/);
  assert.match(policy, /object-src 'none'; base-uri 'none'; form-action 'none'/);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes every script');

  await withApp(suite, { name: 'hostile-csp' }, async (page, app) => {
    await page.locator('#summary-sentence').waitFor();
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__pwned = 2');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      // Both refusals are reported as events: wait for them, not for a while.
      for (let i = 0; i < 500 && !(violations.includes('script-src-elem') && violations.includes('script-src-attr')); i++) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      return { pwned: typeof window.__pwned, violations };
    });
    assert.equal(result.pwned, 'undefined');
    assert.ok(
      result.violations.includes('script-src-elem') && result.violations.includes('script-src-attr'),
      JSON.stringify(result.violations),
    );
    // The refusals were logged as errors; they are the point of this test.
    app.problems.splice(0, app.problems.length, ...app.problems.filter((p) => !/Content Security Policy/.test(p)));
  });
});
