// The bureau's settings and the reporter's rights in a real browser, checked with axe: the
// settings page (also with an error and after saving), the privacy section of a case, the access
// request page, the correction form (also with an error) and the erasure confirmation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportWithEmail, STAFF_EMAIL, STAFF_PASSWORD, submitValid } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, unexpectedErrors, watchConsole } from './browser.mjs';
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

async function logIn(page) {
  await logInInBrowser(page, server, { email: STAFF_EMAIL, password: STAFF_PASSWORD });
  await page.waitForURL(/\/medewerkers\/meldingen$/);
}

test('the settings page: a wrong number is explained, a right one is saved', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logIn(page);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.waitForURL(/\/medewerkers\/instellingen$/);
  await assertAccessible(page, 'settings');
  const field = page.getByLabel('Maanden na afsluiten voordat persoonsgegevens worden geanonimiseerd');
  assert.equal(await field.inputValue(), '24');

  await field.fill('200');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /Vul een getal van 1 tot en met 120 in/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.inputValue(), '200');
  await assertAccessible(page, 'settings with an error');

  await field.fill('18');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').textContent(), /De instellingen zijn opgeslagen/);
  assert.equal(await field.inputValue(), '18');
  await assertAccessible(page, 'settings saved');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('a case: the access request page, the correction form and the erasure confirmation', async () => {
  const description = 'Browsertest: bij de sportclub mocht ik niet meedoen vanwege mijn rolstoel.';
  const reference = await submitValid(server.url, reportWithEmail('browser-melder@example.nl', { description }));
  const id = Number(reference.slice(-6));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logIn(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${id}`));
  await page.getByRole('heading', { name: 'Persoonsgegevens en de rechten van de melder' }).waitFor();
  await assertAccessible(page, 'case with the privacy section');

  await page.getByRole('link', { name: 'Inzage: alles wat over de melder is vastgelegd' }).click();
  await page.waitForURL(/\/inzage$/);
  assert.equal((await page.locator('#export-description-text').textContent()).trim(), description);
  assert.match(await page.locator('#export-contact-details').textContent(), /browser-melder@example\.nl/);
  await assertAccessible(page, 'access request page');

  await page.goto(localUrl(server, `/medewerkers/meldingen/${id}`));
  await page.getByRole('link', { name: 'Beschrijving of contactgegevens corrigeren' }).click();
  await page.waitForURL(/\/corrigeren$/);
  await assertAccessible(page, 'correction form');
  await page.getByLabel('E-mailadres').fill('geen-adres');
  await page.getByRole('button', { name: 'Correctie opslaan' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'geen-adres');
  await assertAccessible(page, 'correction form with an error');
  await page.getByLabel('E-mailadres').fill('gecorrigeerd@example.nl');
  await page.getByRole('button', { name: 'Correctie opslaan' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').first().textContent(), /De melding is gecorrigeerd/);

  await page.getByRole('link', { name: 'Persoonsgegevens wissen (verzoek om vergeten te worden)' }).click();
  await page.waitForURL(/\/wissen$/);
  await assertAccessible(page, 'erasure confirmation');
  await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).click();
  await page.getByRole('alert').waitFor();
  await assertAccessible(page, 'erasure confirmation with an error');
  await page.getByLabel('De melder heeft hierom gevraagd').check();
  await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).click();
  await page.waitForURL(/gewist=1$/);
  assert.match(await page.locator('#anonymised-notice').textContent(), /zijn gewist op/);
  assert.ok(!(await page.content()).includes('sportclub'), 'the description is gone');
  await assertAccessible(page, 'erased case');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});
