// The bureau admin's API keys page (issue 17) in the browser: making a key by keyboard only (the
// key shown once), a refused empty name, revoking, and the page in English, each checked with axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaffAccounts, assertAccessible, launchBrowser, localUrl, signedInContext, unexpectedErrors, watchConsole } from './browser.mjs';
import { chooseRadio, typeInto, tabTo } from './keyboard-input.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-34';
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaffAccounts(server, [['beheer@adv.example', 'bureau_admin']], PASSWORD);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the API keys page: make a key by keyboard, a refused name, revoke, in Dutch and English', async () => {
  const context = await signedInContext(browser, server, 'beheer@adv.example', PASSWORD);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/medewerkers/api-sleutels'));
  await page.locator('#no-keys').waitFor();
  await assertAccessible(page, 'API keys page, empty');

  // Nothing typed: the form comes back with the message at the field.
  await tabTo(page, '#form-add-key button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('.error-summary[role=alert]').waitFor();
  assert.equal(await page.locator('#partner-name').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'API keys page with an error');

  await typeInto(page, '#partner-name', 'Landelijke meldsite');
  await chooseRadio(page, 'scope', 'routing');
  await tabTo(page, '#form-add-key button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('#new-key-box').waitFor();
  const key = await page.locator('#new-key').inputValue();
  assert.match(key, /^mpk_[A-Za-z0-9_-]{43}$/);
  assert.match(await page.locator('#partner-keys').textContent(), /Landelijke meldsite[\s\S]*Elke gemeente, doorgestuurd[\s\S]*nooit/);
  await assertAccessible(page, 'API keys page with the new key');

  // Shown once: the page read again does not hold it.
  await page.goto(localUrl(server, '/medewerkers/api-sleutels'));
  assert.doesNotMatch(await page.content(), new RegExp(key));
  await tabTo(page, '#partner-keys button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('#keys-done').waitFor();
  assert.match(await page.locator('#partner-keys .state').textContent(), /ingetrokken op/);
  await assertAccessible(page, 'API keys page with a revoked key');

  await page.goto(localUrl(server, '/medewerkers/api-sleutels?lang=en'));
  await page.getByRole('button', { name: 'Make key' }).waitFor();
  assert.match(await page.locator('#partner-keys .state').textContent(), /revoked on/);
  await assertAccessible(page, 'API keys page in English');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});
