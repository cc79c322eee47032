// Shared harness for the end-to-end tests: a static server over dist/, headless Chromium through
// playwright-core, and a page wrapper that fails the test on anything a visitor should never see.
//
// A test file usually looks like:
//
//   import { test } from 'node:test';
//   import { useSuite, withApp } from './helpers.mjs';
//   const suite = useSuite();                       // one server + one browser per file
//   test('does a thing', async () => {
//     await withApp(suite, { name: 'thing', width: 390 }, async (page) => {
//       await page.getByLabel('Revenue').fill('12');
//       ...assert on what the page shows...
//     });                                           // screenshot + no-problem check + close
//   });
//
// withApp() fails the test on: a console error, an uncaught page exception, a failed request, an
// HTTP error status, or any request to an origin other than the local server.

import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'target', 'e2e-screenshots');

export const CHROMIUM_PATH = '/usr/bin/chromium';
// From TOOLCHAIN.md: without the background-networking flags Chromium tries to reach other hosts.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Console messages that are not failures. Only Chrome's canvas performance hint is known.
const IGNORED_CONSOLE = [/willReadFrequently/];

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` (default dist/) on 127.0.0.1 at a free port, under the URL prefix `base`
 * (default "/"; e.g. "/tools/coverage/" to check the app works from a sub-path). Anything
 * outside `base` is a 404, as it would be on a host where the app lives in a sub-folder.
 * Resolves to { origin, url, close() }, where url is origin + base.
 */
export async function startServer({ root = DIST, base = '/' } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": ${base}`);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: run \`make build\` first`);
  }
  const server = createServer((req, res) => {
    const send = (status, message, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(message);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (pathname === base.slice(0, -1)) return send(301, 'moved', { location: base });
    if (!pathname.startsWith(base)) return send(404, 'not found');
    let file = path.resolve(root, '.' + path.posix.normalize('/' + pathname.slice(base.length)));
    if (file !== root && !file.startsWith(root + path.sep)) return send(404, 'not found');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, 'moved', { location: pathname + '/' });
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
    res.writeHead(200, {
      'content-type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base,
    url: origin + base,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Launches headless Chromium (the Debian package; playwright-core never downloads a browser). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Runs `fn(browser)` with a fresh browser and always closes it. */
export async function withBrowser(fn) {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Registers node:test hooks that start one static server and one browser for the test file.
 * Returns an object whose `server` and `browser` are filled in before the first test runs.
 * Options are passed to startServer (e.g. { base: '/tools/coverage/' }).
 */
export function useSuite(serverOptions = {}) {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await startServer(serverOptions);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Opens the app in a new browser context and waits until the wasm app has mounted into #root.
 *
 * options: server (from startServer; required), path (relative to the server's base, default
 * ""), width/height (viewport, default 1280x800), colorScheme ("light" | "dark", default
 * "light"), contextOptions (extra Playwright context options, e.g. { acceptDownloads: true }).
 *
 * Resolves to { page, context, problems, assertNoProblems(), screenshot(name), close() }.
 * Every request, console message and page error is watched from before the first byte loads.
 */
export async function openApp(browser, options = {}) {
  const { server, path: pagePath = '', width = 1280, height = 800, colorScheme = 'light' } = options;
  if (!server) throw new Error('openApp needs { server } (from startServer or useSuite)');
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    serviceWorkers: 'block',
    ...options.contextOptions,
  });
  const problems = [];
  const isLocal = (url) => {
    if (url.startsWith('data:') || url.startsWith('about:')) return true;
    try {
      return new URL(url).origin === server.origin; // also right for blob:http://127.0.0.1:port/...
    } catch {
      return false;
    }
  };
  // Refuse to let anything leave the machine, and record the attempt.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
    const where = msg.location()?.url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
    problems.push(`console error: ${text}${where}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.stack || err.message}`));
  page.on('requestfailed', (req) => {
    if (!isLocal(req.url())) return; // already recorded by the route handler
    problems.push(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
  });

  const app = {
    page,
    context,
    problems,
    assertNoProblems() {
      if (problems.length > 0) {
        throw new Error(`the page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
      }
    },
    /** Saves a full-page PNG under target/e2e-screenshots/<name>.png and returns its path. */
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };

  try {
    await page.goto(server.url + pagePath.replace(/^\//, ''), { waitUntil: 'load' });
    // Yew replaces #root's (empty) content once the wasm module has run.
    await page.locator('#root > *').first().waitFor({ state: 'attached', timeout: 20_000 });
  } catch (err) {
    await context.close();
    const detail = problems.length > 0 ? `\n  ${problems.join('\n  ')}` : '';
    throw new Error(`the app did not start: ${err.message}${detail}`);
  }
  return app;
}

/**
 * Opens the app (see openApp; `suite` is from useSuite or any { server, browser }), runs
 * `fn(page, app)`, then saves target/e2e-screenshots/<options.name>.png and fails if the page
 * reported any problem. The context is closed whatever happens.
 */
export async function withApp(suite, options, fn) {
  if (!options?.name) throw new Error('withApp needs { name } for the screenshot file');
  const app = await openApp(suite.browser, { server: suite.server, ...options });
  try {
    const result = await fn(app.page, app);
    await app.screenshot(options.name);
    app.assertNoProblems();
    return result;
  } catch (err) {
    // Keep a picture of the failure too, and show page problems beside the assertion.
    await app.screenshot(`${options.name}.failed`).catch(() => {});
    if (app.problems.length > 0 && !String(err.message).includes('problem(s)')) {
      err.message += `\nthe page also reported:\n  ${app.problems.join('\n  ')}`;
    }
    throw err;
  } finally {
    await app.close();
  }
}

/** Clicks the download button `#id`; the file's suggested name and its bytes. */
export async function downloadPng(page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id}`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Width and height of a PNG, read from its header. */
export function pngSize(bytes) {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * How many pixels of a PNG are each of `colours` ([r, g, b], within 2 per channel): the image is
 * decoded by the browser on a blank page of `context`, away from the app's CSP.
 */
export async function pngColourCounts(context, bytes, colours) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(
      async ({ b64, colours }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const near = (i, [r, g, b]) => Math.abs(d[i] - r) <= 2 && Math.abs(d[i + 1] - g) <= 2 && Math.abs(d[i + 2] - b) <= 2;
        return colours.map((colour) => {
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (near(i, colour)) n++;
          return n;
        });
      },
      { b64: bytes.toString('base64'), colours },
    );
  } finally {
    await blank.close();
  }
}
