// axe-core: no WCAG 2.1 A/AA violations on the public pages and the staff login,
// in Dutch and in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { assertAccessible, launchBrowser, localUrl } from './browser.mjs';
import { TEXT, press, reportValues } from './report-flow.mjs';

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

    test('every step of the report form, the summary and the confirmation', async () => {
      const t = TEXT[lang];
      await page.goto(localUrl(server, '/melden'));
      const values = reportValues({ anonymous: 'no', wishes: ['advice'], email: 'a11y@example.nl' });
      // Check each step as it is shown, then fill it in and go on.
      await assertAccessible(page, `step 1 (${lang})`);
      await page.getByLabel(t.role.victim, { exact: true }).check();
      await page.getByLabel(t.residence).selectOption({ label: values.residence });
      await press(page, t.next);
      await assertAccessible(page, `step 2 (${lang})`);
      await page.getByLabel(t.description).fill(values.description);
      await page.getByLabel(t.nature.hostile_treatment, { exact: true }).check();
      await page.getByLabel(t.grounds.origin, { exact: true }).check();
      await press(page, t.next);
      await assertAccessible(page, `step 3 (${lang})`);
      await page.getByLabel(t.domain.public_space, { exact: true }).check();
      await page.getByLabel(t.approximate, { exact: true }).check();
      await page.getByLabel(t.year, { exact: true }).fill('2025');
      await page.getByLabel(t.incident).selectOption({ label: values.incident });
      await page.getByLabel(t.scope.incident, { exact: true }).check();
      await press(page, t.next);
      await page.getByLabel(t.anonymous.no, { exact: true }).check();
      await assertAccessible(page, `step 4 with contact fields (${lang})`);
      await page.getByLabel(t.wishes.advice, { exact: true }).check();
      await page.getByLabel(t.email).fill(values.email);
      await press(page, t.review);
      await page.getByRole('heading', { level: 1, name: t.checkHeading }).waitFor();
      await assertAccessible(page, `summary (${lang})`);
      await press(page, t.send); // without consent
      await page.locator('#consent-error').waitFor();
      await assertAccessible(page, `summary with the consent error (${lang})`);
      await page.getByLabel(t.consent).check();
      await press(page, t.send);
      await page.waitForURL(/\/melden\/ontvangen/);
      await assertAccessible(page, `confirmation (${lang})`);
    });

    test('report form with errors', async () => {
      await page.goto(localUrl(server, '/melden'));
      // "Next" on an empty step: the step's own check (report_step_check.js).
      await press(page, TEXT[lang].next);
      await page.locator('.error-summary').waitFor();
      await assertAccessible(page, `form step with errors (${lang})`);
      // The server's check of the whole form: steps 1-3 skipped through the progress list.
      await page.locator('#progress a[href="#step-4"]').click();
      await page.getByLabel(TEXT[lang].anonymous.yes, { exact: true }).check();
      await page.getByLabel(TEXT[lang].wishes.registration_only, { exact: true }).check();
      await press(page, TEXT[lang].review);
      await page.locator('.error-summary li:nth-child(3)').waitFor();
      await assertAccessible(page, `form with errors (${lang})`);
    });

    test('report form without its script, all steps on one page', async () => {
      // axe itself needs JavaScript, so the page's own script is kept away instead.
      const noScript = await browser.newContext();
      await noScript.route('**/static/js/**', (route) => route.abort());
      const plain = await noScript.newPage();
      await plain.goto(localUrl(server, `/melden?lang=${lang}`));
      assert.ok(await plain.locator('#step-4').isVisible(), 'every step shown');
      await assertAccessible(plain, `form without JS (${lang})`);
      await noScript.close();
    });

    test('privacy statement', async () => {
      await page.goto(localUrl(server, '/privacy'));
      await assertAccessible(page, `privacy (${lang})`);
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
