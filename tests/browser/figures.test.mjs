// The municipal yearly report in the browser: from the figures page to one municipality's report,
// its tables read in Dutch, checked with axe; the same as a municipality viewer, suppressed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportingYear, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const VIEWER = 'gemeente@amsterdam.example';
const PASSWORD = 'lang-genoeg-wachtwoord-62';
let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  const r = await server.run(['user', 'add', '--email', VIEWER, '--role', 'municipality_viewer', '--municipality', 'GM0363'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  for (let i = 0; i < 6; i++) await submitValid(server.url, validReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0363' }));
  await submitValid(server.url, validReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0599' }));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff open a municipality report from the figures page; it is accessible', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server);
  await page.getByRole('link', { name: 'Cijfers' }).click();
  await page.waitForURL(/\/medewerkers\/cijfers/);
  await page.locator('#counts tr[data-code=GM0363] a').click();
  await page.waitForURL(/\/medewerkers\/cijfers\/gemeente\?gemeente=GM0363/);
  await page.getByRole('heading', { level: 1, name: new RegExp(`Gemeentelijke rapportage Amsterdam ${reportingYear()}`) }).waitFor();
  const table = page.getByRole('table', { name: 'Meldingen over voorvallen in de gemeente, overzicht' });
  assert.equal((await table.locator('tfoot [data-col=current]').textContent()).trim(), '7');
  assert.equal((await table.locator('tr[data-code=non_residents] [data-col=current]').textContent()).trim(), '1');
  assert.match(await page.locator('.table-note').first().textContent(), /meerdere discriminatiegronden/);
  await assertAccessible(page, 'municipal report (staff)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a municipality viewer sees their report with small numbers hidden; it is accessible', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInInBrowser(page, server, { email: VIEWER, password: PASSWORD });
  await page.goto(localUrl(server, `/medewerkers/cijfers/gemeente?gemeente=GM0363&jaar=${reportingYear()}`));
  const table = page.getByRole('table', { name: 'Meldingen over voorvallen in de gemeente, overzicht' });
  assert.equal((await table.locator('tr[data-code=non_residents] [data-col=current]').textContent()).trim(), '< 5');
  assert.equal((await table.locator('tr[data-code=residents] [data-col=current]').textContent()).trim(), 'x');
  assert.equal((await table.locator('tfoot [data-col=current]').textContent()).trim(), '7');
  await page.locator('#suppression-note').waitFor();
  await assertAccessible(page, 'municipal report (viewer)');
  await context.close();
});
