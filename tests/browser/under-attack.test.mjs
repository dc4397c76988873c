// "Under attack" mode in the browser: the summary page does the proof of work by itself when the
// reporter presses "send", says so while it works, and the report is stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { TEXT, fillSteps, press } from './report-flow.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ args: ['--under-attack', 'true', '--proof-of-work-bits', '12'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a reporter sends a report while the site is under attack', async () => {
  const page = await browser.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/melden'));
  await fillSteps(page, 'nl');
  await press(page, TEXT.nl.review);
  await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
  await assertAccessible(page, 'summary under attack');
  await page.getByLabel(TEXT.nl.consent).check();
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.postData() ?? ''); });
  await press(page, TEXT.nl.send);
  await page.waitForURL(/\/melden\/ontvangen/);
  assert.equal(posts.length, 1, 'sent once, after the work');
  assert.match(posts[0], /name="pow"\r\n\r\n\d+\r\n/, 'with the nonce');
  assert.deepEqual(errors, []);
  await page.close();
});
