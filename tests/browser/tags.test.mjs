// Tags (labels) in the browser: the bureau admin's tags page (with a refused name), a handler
// putting a tag on a case from the case page, and the list filtered on that tag, each checked
// with axe in Dutch and English and used by keyboard-reachable controls only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { reportWithEmail, staffLogin, submitValid } from '../integration/flows.mjs';
import { addStaffAccounts, assertAccessible, caseIdOf, launchBrowser, localUrl, signedInContext, unexpectedErrors, watchConsole } from './browser.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-33';
let server;
let browser;
let caseId;
let reference;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaffAccounts(server, [['beheer@adv.example', 'bureau_admin'], ['behandelaar@adv.example', 'handler']], PASSWORD);
  reference = await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['letter'] }));
  await submitValid(server.url, reportWithEmail('ander@example.nl', { wishes: ['letter'] }));
  const jar = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
  caseId = await caseIdOf(server, jar, reference);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the tags page: add a tag, a refused duplicate, in Dutch and English', async () => {
  const context = await signedInContext(browser, server, 'beheer@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/medewerkers/labels'));
  await assertAccessible(page, 'tags page, empty');
  await page.getByLabel('Naam', { exact: true }).fill('Sportscholen');
  await page.getByRole('button', { name: 'Label toevoegen' }).click();
  await page.locator('#tags-done').waitFor();
  assert.match(await page.locator('#tags').textContent(), /Sportscholen/);
  await assertAccessible(page, 'tags page with a tag');

  await page.getByLabel('Naam', { exact: true }).fill('sportscholen');
  await page.getByRole('button', { name: 'Label toevoegen' }).click();
  const alert = page.locator('.error-summary[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /al een label met deze naam/);
  assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'sportscholen');
  assert.equal(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'tags page with an error');

  await page.goto(localUrl(server, '/medewerkers/labels?lang=en'));
  await page.getByRole('button', { name: 'Add tag' }).waitFor();
  await assertAccessible(page, 'tags page in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('a handler tags a case and filters the list on the tag, in Dutch and English', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}`));
  await page.locator('#case-tags-empty').waitFor();
  await page.getByLabel('Label toevoegen').selectOption({ label: 'Sportscholen' });
  await page.locator('#form-tag').getByRole('button', { name: 'Label toevoegen' }).click();
  await page.locator('#case-done').waitFor();
  assert.match(await page.locator('#case-tag-list').textContent(), /Sportscholen/);
  await assertAccessible(page, 'case page with a tag');

  await page.goto(localUrl(server, '/medewerkers/meldingen'));
  // Each tag in the filter with its count of open cases.
  await page.getByLabel('Label', { exact: true }).selectOption({ label: 'Sportscholen (1 open)' });
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/label=\d+/);
  const rows = page.locator('#reports tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), new RegExp(`${reference}[\\s\\S]*Sportscholen`));
  await assertAccessible(page, 'list filtered on a tag');

  await page.goto(localUrl(server, `${new URL(page.url()).pathname}${new URL(page.url()).search}&lang=en`));
  await page.getByLabel('Tag', { exact: true }).waitFor();
  await assertAccessible(page, 'list filtered on a tag in English');
  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}?lang=en`));
  await page.locator('#case-tag-list').waitFor();
  await assertAccessible(page, 'case page with a tag in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});
