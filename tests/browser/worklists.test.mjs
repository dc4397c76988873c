// The deadlines list and the search page in the browser, checked with axe: the list with overdue
// work, the search with results, and the search with a field to correct.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const EMAIL = 'coordinator@meldpunt.example';
const PASSWORD = 'lang-genoeg-wachtwoord-16';

let server;
let browser;
let clockDir;
let reference;
before(async () => {
  clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
  const clockFile = path.join(clockDir, 'offset');
  await writeFile(clockFile, '0');
  server = await startServer({ env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });
  browser = await launchBrowser();
  await addStaff(server, EMAIL, PASSWORD, 'coordinator');
  reference = await submitValid(server.url, validReport({
    wishes: ['advice'], description: 'De portier van Café Ruïne liet mij niet binnen.',
  }));
  // Fifteen days later the first contact is overdue.
  await writeFile(clockFile, String(15 * 86_400));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (clockDir) await rm(clockDir, { recursive: true, force: true });
});

test('deadlines and search pages work and pass axe, with results and with an error', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: EMAIL, password: PASSWORD });
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  await page.getByRole('link', { name: 'Termijnen' }).click();
  await page.waitForURL(/\/medewerkers\/termijnen$/);
  const row = page.locator('table.deadlines tbody tr', { hasText: reference });
  await row.waitFor();
  assert.match(await row.textContent(), /Eerste contact met de melder/);
  assert.match(await row.textContent(), /Te laat/);
  assert.equal((await page.locator('[data-count=overdue]').textContent()).trim(), '1');
  await assertAccessible(page, 'deadlines with overdue work');
  await page.getByLabel('Behandelaar').selectOption('geen');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/behandelaar=geen/);
  await row.waitFor();

  await page.getByRole('link', { name: 'Zoeken' }).click();
  await page.waitForURL(/\/medewerkers\/zoeken$/);
  await assertAccessible(page, 'empty search form');
  await page.getByLabel('Tekst').fill('cafe ruine');
  await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0363');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.waitForURL(/\/medewerkers\/zoeken\?.*q=cafe\+ruine/);
  const result = page.locator('#search-results tbody tr', { hasText: reference });
  await result.waitFor();
  assert.equal((await page.locator('[data-count=total]').textContent()).trim(), '1');
  assert.equal(await page.getByLabel('Tekst').inputValue(), 'cafe ruine', 'the form keeps what was typed');
  await assertAccessible(page, 'search with results');

  await page.getByLabel('Meldingsnummer').fill('geen nummer');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await page.locator('#ref-error').textContent(), /Geef een meldingsnummer zoals MP-2026-000042/);
  assert.equal(await page.getByLabel('Meldingsnummer').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Tekst').inputValue(), 'cafe ruine');
  await assertAccessible(page, 'search with an error');

  await result.waitFor({ state: 'detached' });
  await page.getByLabel('Meldingsnummer').fill(reference);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.locator('#search-results').getByRole('link', { name: reference }).click();
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  // The browser logs the 422 of the form with an error; nothing else may show up.
  assert.deepEqual(errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e)), []);
  await context.close();
});

// Issue 14: the list by next deadline with the overdue filter and the export link, and a
// follow-up date set, refused and done on the case page; each state passes axe.
test('the list by next deadline, overdue, with the export link; a follow-up date on the case', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: EMAIL, password: PASSWORD });
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  await page.getByLabel('Volgende termijn', { exact: true }).selectOption('verlopen');
  await page.getByLabel('Sorteren op').selectOption('termijn');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/termijn=verlopen/);
  const row = page.locator('#reports tbody tr', { hasText: reference });
  await row.waitFor();
  assert.match(await row.locator('td.next-due').textContent(), /\d{4}-\d{2}-\d{2} te laat/);
  const exportLink = page.getByRole('link', { name: 'Exporteer als CSV' });
  assert.match(await exportLink.getAttribute('href'), /^\/medewerkers\/meldingen\.csv\?termijn=verlopen&sorteer=termijn$/);
  await assertAccessible(page, 'list of reports, overdue, by next deadline');

  await row.getByRole('link', { name: reference }).click();
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  await page.locator('#follow-up-none').waitFor();
  // Without a date: refused at the form, the note kept.
  await page.getByLabel('Notitie (niet verplicht, hoogstens 200 tekens)').fill('Terugbellen na overleg');
  await page.getByRole('button', { name: 'Opvolgdatum opslaan' }).click();
  await page.locator('#follow-up-error').waitFor();
  assert.equal(await page.getByLabel('Opvolgen op (datum)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Notitie (niet verplicht, hoogstens 200 tekens)').inputValue(), 'Terugbellen na overleg');
  await assertAccessible(page, 'case page, follow-up date refused');

  const tomorrow = new Date(Date.now() + 16 * 86_400_000).toISOString().slice(0, 10); // the server's clock is 15 days ahead
  await page.getByLabel('Opvolgen op (datum)').fill(tomorrow);
  await page.getByRole('button', { name: 'Opvolgdatum opslaan' }).click();
  await page.locator('#follow-up-open').waitFor();
  assert.match(await page.locator('#follow-up-open').textContent(), /Terugbellen na overleg/);
  await assertAccessible(page, 'case page with a follow-up date');
  await page.getByRole('button', { name: 'Opvolging afgerond' }).click();
  await page.locator('#follow-up-none').waitFor();
  assert.deepEqual(errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e)), []);
  await context.close();
});
