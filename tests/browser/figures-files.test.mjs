// Downloading the municipal reports in the browser, without JavaScript: the XLSX link on a
// municipality's report, and the archive form on the figures page (keyboard only), both pages
// checked with axe; the system admin's archive page with its bureau choice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportingYear, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const SYSTEM = 'applicatiebeheer@meldpunt.example';
const PASSWORD = 'lang-genoeg-wachtwoord-64';
const Y = reportingYear();
let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  const r = await server.run(['user', 'add', '--email', SYSTEM, '--role', 'system_admin'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  const area = await server.run(['bureau', 'area', '--bureau', '1', 'GM0363', 'GM0437']);
  assert.equal(area.code, 0, area.stderr);
  for (let i = 0; i < 3; i++) await submitValid(server.url, validReport({ incident_municipality: 'GM0363' }));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a bureau admin downloads the XLSX and the archive of the working area, by keyboard, without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  await logInInBrowser(page, server);
  await page.goto(localUrl(server, `/medewerkers/cijfers/gemeente?gemeente=GM0363&jaar=${Y}`));
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Downloaden als XLSX (kleine aantallen afgeschermd)' }).click()]);
  assert.equal(xlsx.suggestedFilename(), `cijfers-GM0363-amsterdam-${Y}.xlsx`);

  await page.goto(localUrl(server, `/medewerkers/cijfers?jaar=${Y}`));
  await page.getByRole('heading', { level: 2, name: 'Alle gemeentelijke rapportages van het werkgebied' }).waitFor();
  await assertAccessible(page, 'figures page with the archive form');
  await page.locator('#archive-year').focus();
  await page.keyboard.press('Tab');  // with mass reports (checked)
  await page.keyboard.press('Tab');  // the button
  const [zip] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(zip.suggestedFilename(), `cijfers-meldpunt-${Y}.zip`);
  await context.close();
});

test('the system admin chooses a bureau on the archive page; a bad year is explained; accessible', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await logInInBrowser(page, server, { email: SYSTEM, password: PASSWORD });
  await page.goto(localUrl(server, '/medewerkers/bureaus'));
  await page.getByRole('link', { name: 'Gemeentelijke rapportages van een werkgebied (ZIP)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gemeentelijke rapportages van het werkgebied' }).waitFor();
  await assertAccessible(page, 'archive page');
  await page.getByLabel('Bureau').selectOption('1');
  await page.getByLabel('Jaar').fill(String(Y));
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alle gemeentelijke rapportages en het landelijke bestand downloaden (ZIP)' }).click()]);
  assert.equal(zip.suggestedFilename(), `cijfers-meldpunt-${Y}.zip`);
  await page.goto(localUrl(server, '/medewerkers/cijfers/archief?jaar=1800&bureau=1'));
  assert.match(await page.locator('#archive-error').textContent(), /Kies een jaar van 1901 tot en met dit jaar\./);
  await assertAccessible(page, 'archive page with an error');
  await context.close();
});
