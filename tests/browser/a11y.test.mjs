// axe-core: no WCAG 2.1 A/AA violations on the public pages and the staff login,
// in Dutch and in English.
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { recentDate } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Submit the form with server-side errors (browser validation switched off). */
async function submitWithErrors(page) {
  await page.locator('form[method=post]').first().evaluate((f) => { f.noValidate = true; });
  await page.locator('form[method=post] [type=submit]').first().click();
  await page.locator('.error-summary').waitFor();
}

/** Submit a valid anonymous report and wait for the confirmation page. */
async function submitValid(page) {
  await page.locator('[name=description]').fill('Bij de ingang van de club werd ik geweigerd om mijn huidskleur.');
  await page.locator('[name=incident_date]').fill(recentDate());
  await page.locator('select[name=incident_municipality]').selectOption('GM0363');
  await page.locator('select[name=residence_municipality]').selectOption('unknown');
  await page.locator('input[name=anonymous][value=yes]').check();
  await page.locator('form[method=post] [type=submit]').first().click();
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
}

for (const lang of ['nl', 'en']) {
  describe(`accessibility (${lang})`, () => {
    let context;
    let page;
    before(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      await page.goto(localUrl(server, `/?lang=${lang}`));
    });
    after(async () => { await context?.close(); });

    test('home page', async () => {
      await page.goto(localUrl(server, '/'));
      await assertAccessible(page, `home (${lang})`);
    });

    test('report form', async () => {
      await page.goto(localUrl(server, '/melden'));
      await assertAccessible(page, `form (${lang})`);
    });

    test('report form with errors', async () => {
      await page.goto(localUrl(server, '/melden'));
      await submitWithErrors(page);
      await assertAccessible(page, `form with errors (${lang})`);
    });

    test('confirmation page', async () => {
      await page.goto(localUrl(server, '/melden'));
      await submitValid(page);
      await assertAccessible(page, `confirmation (${lang})`);
    });

    test('staff login', async () => {
      await page.goto(localUrl(server, '/medewerkers/login'));
      await assertAccessible(page, `staff login (${lang})`);
    });

    test('404 page', async () => {
      await page.goto(localUrl(server, '/bestaat-niet'));
      await assertAccessible(page, `404 (${lang})`);
    });
  });
}
