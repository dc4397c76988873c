// Staff intake in a real browser: an intake worker registers a report that came in by phone, by
// keyboard only, from the staff menu to the confirmation with the receipt code and on to the case.
// axe checks the empty form, the form with errors and the confirmation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { secondStepInBrowser } from './staff-login.mjs';
import { tabTo, chooseRadio, tick, typeInto, selectByTyping } from './keyboard-input.mjs';

const EMAIL = 'intake@meldpunt.example';
const PASSWORD = 'lang-genoeg-wachtwoord-60';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server, EMAIL, PASSWORD, 'intake');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an intake worker registers a phone report by keyboard and passes on the receipt code', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/medewerkers/login'));
  await typeInto(page, '#email', EMAIL);
  await typeInto(page, '#password', PASSWORD);
  await page.keyboard.press('Enter');
  await secondStepInBrowser(page, server, { email: EMAIL, keyboard: true });
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  // From the staff menu.
  await tabTo(page, 'a[href="/medewerkers/registreren"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/medewerkers\/registreren$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Melding registreren');
  await assertAccessible(page, 'empty intake form');

  // Sent empty: the same page with a summary of what is missing, each message beside its field.
  await tabTo(page, '#register-button');
  await page.keyboard.press('Enter');
  await page.locator('.error-summary').waitFor();
  const summary = await page.locator('.error-summary').innerText();
  assert.match(summary, /Kies hoe de melding binnenkwam\./);
  assert.match(summary, /Beschrijf wat er is gebeurd\./);
  assert.match(summary, /Vink het vakje aan zodra de melder toestemming heeft gegeven/);
  assert.equal(await page.locator('#description').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'intake form with errors');

  // The error summary links to the fields: follow the first one by keyboard.
  await tabTo(page, '.error-summary a[href="#channel"]');
  await page.keyboard.press('Enter');
  await chooseRadio(page, 'channel', 'phone');
  await chooseRadio(page, 'reporter_role', 'victim');
  await selectByTyping(page, '#residence_municipality', 'Utrecht', 'GM0344');
  await typeInto(page, '#description', 'Aan de telefoon verteld: de huisbaas wilde niet verhuren vanwege mijn afkomst.');
  await chooseRadio(page, 'nature', 'unequal_treatment');
  await tick(page, 'grounds-origin');
  await chooseRadio(page, 'domain', 'housing');
  await chooseRadio(page, 'incident_when', 'approximate');
  await tabTo(page, '#incident_month');
  await page.keyboard.press('ArrowDown'); // January
  assert.equal(await page.locator('#incident_month').inputValue(), '1');
  await typeInto(page, '#incident_year', String(new Date().getUTCFullYear()));
  await selectByTyping(page, '#incident_municipality', 'Utrecht', 'GM0344');
  await chooseRadio(page, 'scope', 'incident');
  await chooseRadio(page, 'anonymous', 'no');
  await tick(page, 'wishes-advice');
  await typeInto(page, '#contact_name', 'Fatima de Vries');
  await typeInto(page, '#contact_phone', '030 123 45 67');
  await chooseRadio(page, 'contact_preference', 'phone');
  await tick(page, 'consent-yes');
  await tabTo(page, '#register-button');
  await page.keyboard.press('Enter');

  // The confirmation: the reference and the receipt code, once, to read out.
  await page.getByRole('heading', { name: 'Melding geregistreerd' }).waitFor();
  const reference = (await page.locator('.reference').textContent()).trim();
  assert.match(reference, /^MP-\d{4}-\d{6}$/);
  const receipt = (await page.locator('#receipt').textContent()).trim().replace(/\s+/g, ' ');
  assert.match(receipt, /^\d{4}( \d{4}){4}$/);
  assert.match(await page.locator('[role=status]').innerText(), /De melding is geregistreerd/);
  await assertAccessible(page, 'intake confirmation');

  // On to the case.
  await tabTo(page, '#open-report');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  assert.equal((await page.locator('#channel').textContent()).trim(), 'Telefoon');
  assert.equal((await page.locator('#kind').textContent()).trim(), 'Klacht');
  assert.match(await page.locator('#registered-by').textContent(), /^intake@meldpunt\.example, /);
  assert.match(await page.locator('#report-facts').innerText(), /Fatima de Vries/);
  assert.match(await page.locator('h1').textContent(), new RegExp(reference));
  await assertAccessible(page, 'case page of a registered report');
  // Chromium logs the 422 of the form with errors as a console error; nothing else may appear.
  assert.deepEqual(errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e)), []);
  await context.close();
});
