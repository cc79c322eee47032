// Takes screenshots of the built app for people to look at:
//   node scripts/shoot.mjs [width] [light|dark] [name]
import { startServer, withBrowser, openApp } from '../tests/e2e/helpers.mjs';

const width = Number(process.argv[2] || 1280);
const colorScheme = process.argv[3] || 'light';
const name = process.argv[4] || `shot-${width}-${colorScheme}`;
const server = await startServer();
try {
  await withBrowser(async (browser) => {
    const app = await openApp(browser, { server, width, colorScheme });
    await app.page.waitForTimeout(500);
    const file = await app.screenshot(name);
    console.log(file);
    if (app.problems.length) console.log('problems:', app.problems);
    await app.close();
  });
} finally {
  await server.close();
}
