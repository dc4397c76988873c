// Letters to the other party in the browser: the bureau admin's template page and the handler's
// letter form, each checked with axe as first shown and with errors, in Dutch and English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { reportWithEmail, staffLogin, submitValid } from '../integration/flows.mjs';
import { addStaffAccounts, assertAccessible, caseIdOf, launchBrowser, localUrl, signedInContext, unexpectedErrors, watchConsole } from './browser.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-15';
let server;
let browser;
let caseId;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaffAccounts(server, [['beheer@adv.example', 'bureau_admin'], ['behandelaar@adv.example', 'handler']], PASSWORD);
  const reference = await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['letter'] }));
  const jar = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
  caseId = await caseIdOf(server, jar, reference);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the template page is accessible, also with a refused placeholder', async () => {
  const context = await signedInContext(browser, server, 'beheer@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/medewerkers/briefsjablonen'));
  await page.getByRole('link', { name: 'Briefsjablonen' }).waitFor();
  await assertAccessible(page, 'letter templates');

  const dutch = page.locator('#template-nl');
  await dutch.getByLabel('Tekst van de brief').fill('Geachte heer, mevrouw,\n\nZie {{kenmerk}}.');
  await dutch.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  const alert = dutch.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Regel 3: \{\{kenmerk\}\} is geen van de invulvelden/);
  assert.equal(await dutch.getByLabel('Tekst van de brief').inputValue(), 'Geachte heer, mevrouw,\n\nZie {{kenmerk}}.');
  await assertAccessible(page, 'letter templates with an error');

  await page.goto(localUrl(server, '/medewerkers/briefsjablonen?lang=en'));
  await page.locator('#template-en').getByLabel('Subject').waitFor();
  await assertAccessible(page, 'letter templates in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('the letter form is accessible, says why no letter can be sent, and keeps what was typed', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}`));
  await page.getByRole('link', { name: 'Brieven aan de wederpartij' }).click();
  await page.waitForURL(/\/brief$/);
  assert.match(await page.locator('#letter-refusal').textContent(), /Spreek eerst de aanpak af met de melder/);
  await assertAccessible(page, 'letter form');

  await page.getByLabel('Naam van de wederpartij').fill('Bakkerij Zonnestraal B.V.');
  await page.getByRole('button', { name: 'Vastleggen als verstuurd' }).click();
  const summary = page.locator('.error-summary[role=alert]');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Geef het adres van de wederpartij/);
  assert.equal(await page.getByLabel('Naam van de wederpartij').inputValue(), 'Bakkerij Zonnestraal B.V.');
  assert.equal(await page.getByLabel('Adres van de wederpartij').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'letter form with errors');

  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}/brief?lang=en`));
  await page.getByLabel('Name of the other party').waitFor();
  await assertAccessible(page, 'letter form in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});
