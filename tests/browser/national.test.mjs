// The national yearly report in the browser: from the figures page to the national page, in
// Dutch, checked with axe; a bad file refused with the error summary, also checked with axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportingYear, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  for (let i = 0; i < 6; i++) await submitValid(server.url, validReport());
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff reach the national page from the figures; a bad file is refused; it is accessible', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server);
  await page.getByRole('link', { name: 'Cijfers', exact: true }).click();
  await page.waitForURL(/\/medewerkers\/cijfers/);
  await page.getByRole('link', { name: /Landelijke cijfers/ }).click();
  await page.waitForURL(/\/medewerkers\/cijfers\/landelijk/);
  await page.getByRole('heading', { level: 1, name: /Landelijke cijfers/ }).waitFor();
  await page.getByRole('link', { name: /Landelijk bestand als CSV/ }).waitFor();
  await page.locator('#no-imports').waitFor();
  await assertAccessible(page, 'national figures');
  await page.locator('#jaar').fill(String(reportingYear()));
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(new RegExp(`jaar=${reportingYear()}`));
  await page.getByLabel('Landelijk bestand (CSV)').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from('geen,landelijk,bestand\r\n') });
  await page.getByRole('button', { name: 'Inlezen' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /De eerste regel is niet de kopregel van een landelijk bestand/);
  await assertAccessible(page, 'national figures, bad file');
  assert.deepEqual(errors.filter((e) => !/422/.test(e)), []);
  await context.close();
});
