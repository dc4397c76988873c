// Staff in the browser: log in with the form, see a report that was just made, see it counted,
// check the staff pages with axe, and log out; a named report's contact details reach staff.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { reportThroughForm, reportValues } from './report-flow.mjs';
import { logInInBrowser } from './staff-login.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a staff member logs in, sees the new report and its count, and logs out', async () => {
  const reference = await submitValid(server.url, validReport({
    description: 'Op het werk werd ik <b>gepest</b> om mijn geloof.',
    incident_municipality: 'GM0344', // Utrecht
    residence_municipality: 'GM0363', // Amsterdam
  }));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, {
    onPage: async (p, which) => { if (which === 'login') await assertAccessible(p, 'staff login'); },
  });
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  const row = page.locator('#reports tbody tr', { hasText: reference });
  await row.waitFor();
  const text = await row.textContent();
  assert.match(text, /Utrecht/);
  assert.match(text, /Amsterdam/);
  assert.match(text, /<b>gepest<\/b>/, 'the description is shown as typed, not as markup');
  await assertAccessible(page, 'staff report list');

  // Compact rows (issue 14): at 1280 px the table fits its region; the text is shown on request.
  await page.setViewportSize({ width: 1280, height: 800 });
  const fits = await page.evaluate(() => {
    const region = document.querySelector('.table-scroll');
    return { table: document.querySelector('#reports').scrollWidth, region: region.clientWidth, page: document.documentElement.scrollWidth };
  });
  assert.ok(fits.table <= fits.region, `the table fits its region at 1280 px: ${JSON.stringify(fits)}`);
  assert.ok(fits.page <= 1280, `nothing runs off the page: ${JSON.stringify(fits)}`);
  const description = row.locator('dd.description');
  assert.equal(await description.isVisible(), false, 'the description is not in the row');
  const rowHeight = (await row.boundingBox()).height;
  assert.ok(rowHeight < 120, `a compact row: ${rowHeight} px`);
  await row.locator('summary').click();
  assert.equal(await description.isVisible(), true, 'shown on request');
  await assertAccessible(page, 'staff report list with a report opened');

  // The filters are a GET form: the choice ends up in the address, and the back button works.
  await page.locator('#soort').selectOption('klacht');
  await page.getByRole('button', { name: 'Tonen', exact: true }).click();
  await page.waitForURL(/\/medewerkers\/meldingen\?.*soort=klacht/);
  await assertAccessible(page, 'staff report list, filtered');
  await page.goBack();
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  await page.getByRole('link', { name: 'Cijfers' }).click();
  await page.waitForURL(/\/medewerkers\/cijfers/);
  assert.equal((await page.locator('#counts tr[data-code=GM0344] [data-col=incident]').textContent()).trim(), '1');
  assert.equal((await page.locator('#counts tr[data-code=GM0363] [data-col=residence]').textContent()).trim(), '1');
  await assertAccessible(page, 'staff figures');

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(/\/medewerkers\/login$/);
  await page.goto(localUrl(server, '/medewerkers/meldingen'));
  await page.waitForURL(/\/medewerkers\/login$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a named report made in the browser shows its contact details to staff', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(localUrl(server, '/melden?lang=en'));
  const reference = await reportThroughForm(page, 'en', reportValues({
    description: 'The landlord would not rent to me because of my name.', incident: 'Rotterdam', residence: 'Rotterdam',
    anonymous: 'no', wishes: ['advice'], email: 'reporter@example.nl',
  }));

  await logInInBrowser(page, server, { lang: 'en' });
  const row = page.locator('#reports tbody tr', { hasText: reference });
  await row.waitFor();
  assert.match(await row.textContent(), /reporter@example\.nl/);
  assert.match(await row.textContent(), /Information or advice about what I can do/);
  await context.close();
});
