// The audit log in the browser: a bureau admin follows "who saw this case" from a case, filters
// the log with the form (keyboard and mouse alike), gets a clear message for a filter that is not
// understood, and every state of the page passes axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, staffLogin, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const ADMIN = 'beheer@meldpunt.example';
const HANDLER = 'behandelaar@meldpunt.example';
const PASSWORD = 'lang-genoeg-wachtwoord-51';

let server;
let browser;
let reference;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server, ADMIN, PASSWORD, 'bureau_admin');
  await addStaff(server, HANDLER, PASSWORD, 'handler');
  reference = await submitValid(server.url, validReport());
  // The handler opens the case (over HTTP): that read is what the admin looks for.
  const jar = await staffLogin(server.url, HANDLER, PASSWORD);
  const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
  const link = list.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${reference}<`))[1];
  assert.equal((await jar.fetch(`${server.url}${link}`)).status, 200);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an admin sees who saw a case, filters the log, and every state is accessible', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: ADMIN, password: PASSWORD });
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  // From the case to the log of that case.
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('link', { name: 'Wie heeft deze melding ingezien' }).click();
  await page.waitForURL(/\/medewerkers\/inzagelog\?melding=/);
  const read = page.locator('#audit-log tbody tr[data-action="report.read"]', { hasText: HANDLER });
  await read.first().waitFor();
  assert.match(await read.first().locator('[data-col=case]').textContent(), new RegExp(reference));
  assert.equal(await page.getByLabel('Meldingsnummer').inputValue(), reference, 'the filter shows what is applied');
  await assertAccessible(page, 'audit log of one case');

  // The menu leads to the whole log; the form filters it on the staff member and the action.
  await page.getByRole('link', { name: 'Inzagelog' }).click();
  await page.waitForURL(/\/medewerkers\/inzagelog$/);
  await page.getByLabel('E-mailadres van de medewerker').fill(HANDLER);
  await page.getByLabel('Actie', { exact: true }).selectOption('report.read');
  await page.getByRole('button', { name: 'Regels tonen' }).click();
  await page.waitForURL(/actie=report\.read/);
  const rows = page.locator('#audit-log tbody tr');
  assert.ok((await rows.count()) >= 1);
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.action))) assert.equal(action, 'report.read');
  await assertAccessible(page, 'filtered audit log');

  // A filter that is not understood: a summary that links to the field, the field marked.
  await page.getByLabel('Meldingsnummer').fill('MP-12');
  await page.getByLabel('Vanaf (eerste dag)').fill('2026-03-10');
  await page.getByLabel('Tot en met (laatste dag)').fill('2026-03-01');
  await page.getByRole('button', { name: 'Regels tonen' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Vul een meldingsnummer in/);
  assert.match(await summary.textContent(), /De laatste dag ligt vóór de eerste dag/);
  assert.equal(await page.getByLabel('Meldingsnummer').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Meldingsnummer').inputValue(), 'MP-12', 'what was typed stays');
  await assertAccessible(page, 'audit log with a filter that was not understood');
  await summary.getByRole('link', { name: /meldingsnummer/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'reference', 'the link leads to the field');

  // In English as well.
  await page.goto(localUrl(server, '/medewerkers/inzagelog?lang=en'));
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  await assertAccessible(page, 'audit log in English');
  // Apart from the browser's own line about the 422 answer (the filter with errors).
  assert.deepEqual(errors.filter((e) => !/status of 422 \(Unprocessable Entity\) \(http:[^)]*\/medewerkers\/inzagelog\?/.test(e)), []);
  await context.close();
});
