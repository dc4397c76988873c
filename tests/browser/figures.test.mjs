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
  // A sub-ground reads as part of its ground and stands indented under it.
  const grounds = page.getByRole('table', { name: 'Meldingen over voorvallen in de gemeente, naar discriminatiegrond' });
  const religion = grounds.locator('tr[data-code=religion] th');
  const antiMuslim = grounds.locator('tr[data-code="religion.anti_muslim"] th');
  assert.equal((await antiMuslim.textContent()).trim(), 'waarvan tegen moslims');
  assert.equal((await grounds.locator('tr[data-code=religion] [data-col=current]').textContent()).trim(), '7');
  const indent = async (cell) => cell.evaluate((th) => parseFloat(getComputedStyle(th).paddingLeft));
  assert.ok(await indent(antiMuslim) >= (await indent(religion)) + 12, 'indented under its ground');
  const order = await grounds.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.code));
  assert.equal(order.indexOf('religion.antisemitism'), order.indexOf('religion') + 1);
  assert.match(await page.locator('.figures-with-chart:has(#t-incident-ground) + p.table-note').first().textContent(), /Een grond omvat de subgronden eronder/);
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
