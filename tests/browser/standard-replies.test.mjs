// Standard replies (standaardteksten, issue 14) in the browser: the bureau admin's page (adding a
// text, a refused placeholder with what was typed kept), and a handler inserting a text into a
// message to the reporter with the select and the "Invoegen" button, with JavaScript off (the
// insert is a form post), each checked with axe. Then the search as a GET: the address holds the
// search and the back button returns to the results.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { reportWithEmail, staffLogin, submitValid } from '../integration/flows.mjs';
import { addStaffAccounts, assertAccessible, caseIdOf, launchBrowser, localUrl, signedInContext, unexpectedErrors, watchConsole } from './browser.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-45';
let server;
let browser;
let caseId;
let reference;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaffAccounts(server, [['beheer@adv.example', 'bureau_admin'], ['behandelaar@adv.example', 'handler']], PASSWORD);
  reference = await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['advice'] }));
  const jar = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
  caseId = await caseIdOf(server, jar, reference);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the standard replies page: a refused placeholder, then a text added, in Dutch and English', async () => {
  const context = await signedInContext(browser, server, 'beheer@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/medewerkers/standaardteksten'));
  await page.locator('#no-replies').waitFor();
  await assertAccessible(page, 'standard replies page, empty');

  await page.getByLabel('Titel').fill('Ontvangst');
  await page.getByLabel('Tekst', { exact: true }).fill('Uw melding {refrentie} is ontvangen.');
  await page.getByRole('button', { name: 'Standaardtekst toevoegen' }).click();
  const alert = page.locator('.error-summary[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /\{refrentie\} is geen invulveld/);
  assert.equal(await page.getByLabel('Titel').inputValue(), 'Ontvangst', 'the title is kept');
  assert.equal(await page.getByLabel('Tekst', { exact: true }).getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'standard replies page with an error');
  // The error summary's link leads to the field.
  await alert.getByRole('link').click();
  assert.equal(await page.evaluate(() => location.hash), '#reply-body');

  await page.getByLabel('Tekst', { exact: true }).fill('Beste melder,\n\nUw melding {referentie} van {datum_melding} is ontvangen.\n\n{bureau}');
  await page.getByLabel('Gebruikt voor').selectOption('message');
  await page.getByRole('button', { name: 'Standaardtekst toevoegen' }).click();
  await page.locator('#replies-done').waitFor();
  assert.match(await page.locator('#standard-replies').textContent(), /Ontvangst[\s\S]*Nederlands[\s\S]*Bericht aan de melder/);
  await assertAccessible(page, 'standard replies page with a text');

  await page.goto(localUrl(server, '/medewerkers/standaardteksten?lang=en'));
  await page.getByRole('button', { name: 'Add standard reply' }).waitFor();
  await assertAccessible(page, 'standard replies page in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('a handler inserts a standard reply without JavaScript, keeps what was typed, and sends it', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}`));
  const message = page.getByLabel('Bericht', { exact: true });
  await message.fill('Dank voor uw melding.');
  await page.getByLabel('Standaardtekst').selectOption({ label: 'Ontvangst' });
  await page.getByRole('button', { name: 'Invoegen' }).click();
  await page.waitForURL(/\/bericht$/);
  const text = await message.inputValue();
  assert.match(text, new RegExp(`^Dank voor uw melding\\.\\n\\nBeste melder,\\n\\nUw melding ${reference} van \\d{1,2} [a-z]+ \\d{4} is ontvangen\\.\\n\\nMeldpunt$`));
  await assertAccessible(page, 'case page after inserting a standard reply');
  await page.getByRole('button', { name: 'Bericht versturen' }).click();
  await page.waitForURL(/verzonden=1/);
  assert.match(await page.locator('#conversation').textContent(), new RegExp(`Uw melding ${reference}`));
  await context.close();
});

test('the search is an address: the back button returns to the results, the box keeps the query', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  await page.goto(localUrl(server, '/medewerkers/zoeken'));
  await page.getByLabel('Tekst').fill('melder@example');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.waitForURL(/\/medewerkers\/zoeken\?.*q=melder%40example/);
  const row = page.locator('#search-results tbody tr', { hasText: reference });
  await row.waitFor();
  const url = page.url();
  await row.getByRole('link').click();
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  await page.goBack();
  await row.waitFor();
  assert.equal(page.url(), url);
  assert.equal(await page.getByLabel('Tekst').inputValue(), 'melder@example');
  await assertAccessible(page, 'search results by address');
  await context.close();
});
