// Duplicate hints and related cases in the browser (issue 14): a case page with a hint ("Mogelijk
// dezelfde zaak", with its reason), linked as related with the hint's button, shown on both case
// pages, and a wrong reference refused beside its field; each checked with axe in Dutch and
// English, with keyboard-reachable controls only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { reportWithEmail, staffLogin, submitValid } from '../integration/flows.mjs';
import { addStaffAccounts, assertAccessible, caseIdOf, launchBrowser, localUrl, signedInContext, unexpectedErrors, watchConsole } from './browser.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-33';
let server;
let browser;
const cases = {};

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaffAccounts(server, [['behandelaar@adv.example', 'handler']], PASSWORD);
  const jar = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
  for (const [name, description] of [
    ['first', 'Bij de ingang van de sportschool werd mij gezegd dat ik met mijn hoofddoek niet mocht sporten.'],
    ['second', 'De taxichauffeur weigerde mij en mijn blindengeleidehond mee te nemen naar het station.'],
  ]) {
    const reference = await submitValid(server.url, reportWithEmail('anna.jansen@example.nl', { description, wishes: ['letter'] }));
    cases[name] = { reference, id: await caseIdOf(server, jar, reference) };
  }
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a hint on the case page, linked as related by keyboard, shown on both cases', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${cases.first.id}`));
  const hint = page.locator('#duplicate-hints li', { hasText: cases.second.reference });
  await hint.waitFor();
  assert.match(await hint.textContent(), /zelfde e-mailadres/);
  await assertAccessible(page, 'case page with a duplicate hint');

  // By keyboard: focus the hint's button and press Enter.
  const button = hint.getByRole('button', { name: `Koppelen als gerelateerd ${cases.second.reference}` });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('#case-done').waitFor();
  assert.match(await page.locator('#related-list').textContent(), new RegExp(cases.second.reference));
  assert.equal(await page.locator('#duplicate-hints').count(), 0, 'no longer a hint');
  await assertAccessible(page, 'case page with a related case');

  await page.goto(localUrl(server, `/medewerkers/meldingen/${cases.second.id}?lang=en`));
  assert.match(await page.locator('#related-list').textContent(), new RegExp(cases.first.reference));
  await page.getByRole('button', { name: `Unlink ${cases.first.reference}` }).waitFor();
  await assertAccessible(page, 'the other case in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('a wrong reference is refused beside its field and kept', async () => {
  const context = await signedInContext(browser, server, 'behandelaar@adv.example', PASSWORD);
  const page = await context.newPage();
  await page.goto(localUrl(server, `/medewerkers/meldingen/${cases.first.id}`));
  const field = page.getByLabel('Een andere zaak koppelen met het meldingsnummer');
  await field.fill('MP-12');
  await page.locator('#form-related').getByRole('button', { name: 'Koppelen als gerelateerd' }).click();
  await page.locator('#related-error').waitFor();
  assert.match(await page.locator('.error-summary[role=alert]').textContent(), /MP-2026-000042/);
  assert.equal(await page.getByLabel('Een andere zaak koppelen met het meldingsnummer').inputValue(), 'MP-12');
  assert.equal(await page.locator('#related-other').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'case page with a refused reference');
  await context.close();
});
