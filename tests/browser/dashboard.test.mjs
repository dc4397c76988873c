// The figures dashboard in the browser: reached from the figures page, its form used with the
// keyboard and with JavaScript switched off, charts that are images with a name, checked with axe;
// the same as a municipality viewer, with small numbers suppressed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const VIEWER = 'gemeente@amsterdam.example';
const PASSWORD = 'lang-genoeg-wachtwoord-64';
const now = new Date();
const THIS_MONTH = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  const r = await server.run(['user', 'add', '--email', VIEWER, '--role', 'municipality_viewer', '--municipality', 'GM0363'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  for (let i = 0; i < 6; i++) await submitValid(server.url, validReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0363' }));
  await submitValid(server.url, validReport({ incident_municipality: 'GM0599', residence_municipality: 'GM0599' }));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff open the dashboard from the figures page: charts with a name beside tables; it is accessible', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = watchConsole(page);
  await logInInBrowser(page, server);
  await page.getByRole('link', { name: 'Cijfers', exact: true }).click();
  await page.getByRole('link', { name: 'Cijferoverzicht met grafieken' }).click();
  await page.waitForURL(/\/medewerkers\/cijfers\/overzicht/);
  await page.getByRole('heading', { level: 1, name: 'Cijferoverzicht' }).waitFor();
  const months = page.getByRole('table', { name: 'Meldingen per maand' });
  assert.equal((await months.locator('tfoot [data-col=count]').textContent()).trim(), '7');
  assert.equal((await months.locator(`tr[data-code="${THIS_MONTH}"] [data-col=count]`).textContent()).trim(), '7');
  // Each chart is an image with a name and a description, beside its table.
  await page.getByRole('img', { name: 'Meldingen per maand' }).waitFor();
  assert.match(await page.locator('#chart-month-desc').textContent(), /Getelde meldingen: 7/);
  assert.equal(await page.locator('svg.chart').count(), 6);
  await assertAccessible(page, 'dashboard (staff)');
  await page.goto(localUrl(server, '/medewerkers/cijfers/overzicht?gemeente=GM0363&massa=zonder'));
  await assertAccessible(page, 'dashboard for one municipality (staff)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript, staff choose a municipality with the keyboard and get its figures', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await logInInBrowser(page, server);
  await page.goto(localUrl(server, '/medewerkers/cijfers/overzicht'));
  await page.locator('#gemeente').focus();
  await page.keyboard.type('Amsterdam');
  await page.locator('#dashboard-form button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/gemeente=GM0363/);
  const municipalities = page.getByRole('table', { name: 'Naar gemeente waar het gebeurde' });
  assert.equal((await municipalities.locator('tr[data-code=GM0363] [data-col=count]').textContent()).trim(), '6');
  assert.equal((await municipalities.locator('tfoot [data-col=count]').textContent()).trim(), '6');
  assert.equal(await page.locator('svg.chart').count(), 6, 'the charts need no script');
  await context.close();
});

// Without JavaScript: axe runs on a copy of the page's HTML (see assertAccessible).
test('a municipality viewer sees their municipality with small numbers suppressed; it is accessible', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await logInInBrowser(page, server, { email: VIEWER, password: PASSWORD });
  await page.goto(localUrl(server, '/medewerkers/cijfers/overzicht'));
  await page.locator('#suppression-note').waitFor();
  const months = page.getByRole('table', { name: 'Meldingen per maand' });
  assert.equal((await months.locator('tfoot [data-col=count]').textContent()).trim(), '6');
  // Zero months are "< 5", so this month's 6 is hidden with them.
  assert.equal((await months.locator(`tr[data-code="${THIS_MONTH}"] [data-col=count]`).textContent()).trim(), 'x');
  assert.equal(await page.locator('#gemeente').count(), 0, 'no choice of area');
  await page.getByRole('img', { name: 'Naar discriminatiegrond' }).waitFor();
  await assertAccessible(page, 'dashboard (viewer)');
  await context.close();
});
