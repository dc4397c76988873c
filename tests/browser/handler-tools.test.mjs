// The referral form and the own-initiative letter page in the browser (issue 14): each checked
// with axe as first shown and with an error, in Dutch and English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { reportWithEmail, staffLogin, submitValid, validReport } from '../integration/flows.mjs';
import { addStaffAccounts, assertAccessible, caseIdOf, launchBrowser, localUrl, signedInContext, unexpectedErrors, watchConsole } from './browser.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-34';
let server;
let browser;
let named;
let anonymous;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaffAccounts(server, [['behandelaar@adv.example', 'handler']], PASSWORD);
  const jar = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
  named = await caseIdOf(server, jar, await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['advice'] })));
  anonymous = await caseIdOf(server, jar, await submitValid(server.url, validReport({ wishes: ['advice'] })));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the referral form: an error at the form, then recorded, in Dutch and English', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${named}`));
  const form = page.locator('#form-referral');
  await form.getByLabel('Een andere instantie').check();
  await form.getByRole('button', { name: 'Doorverwijzing vastleggen' }).click();
  await page.locator('#referral-error').waitFor();
  assert.match(await page.locator('#referral-error').textContent(), /naam van de instantie/);
  await assertAccessible(page, 'referral form with an error');
  await page.locator('#form-referral').getByLabel('Naam van de andere instantie').fill('Juridisch Loket');
  await page.locator('#form-referral').getByRole('button', { name: 'Doorverwijzing vastleggen' }).click();
  await page.locator('#case-done').waitFor();
  assert.match(await page.locator('#case-done').textContent(), /doorverwijzing is vastgelegd/);
  await assertAccessible(page, 'case page after a referral');
  await page.goto(localUrl(server, `/medewerkers/meldingen/${named}?lang=en`));
  await page.locator('#form-referral').getByLabel('Police').waitFor();
  await assertAccessible(page, 'referral form in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('own initiative: marked on the case page, the letter page says why, in Dutch and English', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${anonymous}`));
  const form = page.locator('#form-own_initiative');
  await form.getByLabel('Over een algemene regel').check();
  await form.getByRole('button', { name: 'Markeren als eigen initiatief' }).click();
  await page.locator('#own-initiative-error').waitFor();
  await assertAccessible(page, 'own-initiative form with an error');
  await page.locator('#form-own_initiative').getByLabel('Toelichting voor collega\'s').fill('De regel geldt in alle vestigingen.');
  await page.locator('#form-own_initiative').getByRole('button', { name: 'Markeren als eigen initiatief' }).click();
  await page.locator('#own-initiative-state').waitFor();

  await page.goto(localUrl(server, `/medewerkers/meldingen/${anonymous}/brief`));
  assert.match(await page.locator('#own-initiative-reason').textContent(), /Deze brief mag zonder toestemming omdat/);
  assert.equal(await page.locator('#letter-refusal').count(), 0);
  await assertAccessible(page, 'own-initiative letter page');
  await page.goto(localUrl(server, `/medewerkers/meldingen/${anonymous}/brief?lang=en`));
  assert.match(await page.locator('#own-initiative-reason').textContent(), /may go without the reporter's consent because/);
  await assertAccessible(page, 'own-initiative letter page in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});
