// The case page in a real browser: a handler takes a case and moves it through a few protocol
// steps with the keyboard only, sees a refusal beside the form, and writes a note; axe checks the
// page fresh, with an error, and with a history.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { reportWithEmail, submitValid } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';
import { tabTo } from './keyboard-input.mjs';

const EMAIL = 'behandelaar@meldpunt.example';
const PASSWORD = 'lang-genoeg-wachtwoord-61';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const r = await server.run(['user', 'add', '--email', EMAIL, '--role', 'handler'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Choose a step with the arrow keys in its radio group, explain why, and save with Enter. */
async function stepByKeyboard(page, step, why) {
  const radios = page.locator('#form-step input[type=radio]');
  await radios.first().focus();
  if (await page.evaluate((id) => document.activeElement?.id === id, `step-${step}`)) {
    await page.keyboard.press('Space');
  } else {
    for (let i = 0; i < (await radios.count()); i++) {
      await page.keyboard.press('ArrowDown');
      if (await page.evaluate((id) => document.activeElement?.id === id, `step-${step}`)) break;
    }
  }
  assert.ok(await page.locator(`#step-${step}`).isChecked(), `${step} is chosen`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-text');
  await page.keyboard.type(why);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Stap opslaan');
  await page.keyboard.press('Enter');
  await page.getByText('De zaak staat in de nieuwe stap.').waitFor();
}

test('a handler takes a case and moves it along the protocol by keyboard; the page passes axe throughout', async () => {
  const reference = await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['advice'] }));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: EMAIL, password: PASSWORD });
  await page.getByRole('link', { name: reference }).click();
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  assert.equal((await page.locator('#case-step').textContent()).trim(), 'Ontvangen');
  assert.equal((await page.locator('#case-assignee').textContent()).trim(), 'nog niemand');
  await assertAccessible(page, 'a new case');

  // Take the case: Tab to the button and press Enter.
  await tabTo(page, '#form-assign button');
  await page.keyboard.press('Enter');
  await page.getByText('De behandelaar is opgeslagen.').waitFor();
  assert.equal((await page.locator('#case-assignee').textContent()).trim(), EMAIL);

  // Saving without a choice comes back beside the form, and the page says what to do.
  await page.locator('#form-step button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#step-error').waitFor();
  assert.equal((await page.locator('#step-error').textContent()).trim(), 'Kies de volgende stap.');
  assert.match(await page.locator('#case-error').textContent(), /Dit kon niet worden opgeslagen/);
  await assertAccessible(page, 'the case page with an error');

  await stepByKeyboard(page, 'first_analysis', 'Melding gelezen.');
  assert.equal((await page.locator('#case-step').textContent()).trim(), 'Eerste analyse');
  await stepByKeyboard(page, 'intake', 'Intakegesprek gepland.');
  assert.equal((await page.locator('#case-step').textContent()).trim(), 'Intakegesprek');

  // A note for colleagues, by keyboard.
  await page.getByLabel('Notitie', { exact: true }).focus();
  await page.keyboard.type('Melder liever bellen na 17 uur.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Uw notitie is opgeslagen.').waitFor();

  const history = page.locator('#case-history .case-event');
  assert.equal(await history.count(), 4);
  assert.match(await history.nth(1).textContent(), /Stap: Eerste analyse[\s\S]*Melding gelezen\./);
  assert.match(await history.nth(3).textContent(), /Notitie voor collega's[\s\S]*Melder liever bellen na 17 uur\./);
  await assertAccessible(page, 'the case page with a history');
  assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  await context.close();
});

test('the case page for daily work: the parts by keyboard, several steps in one save, a mediation planned; axe in Dutch and English', async () => {
  const reference = await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['mediation'] }));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: EMAIL, password: PASSWORD });
  await page.getByRole('link', { name: reference }).click();
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  const caseUrl = page.url();

  // The summary first, then the parts; a link jumps to each, by keyboard, without script.
  const nav = page.getByRole('navigation', { name: 'Onderdelen van deze zaak' });
  assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Samenvatting', 'Gerelateerde zaken', 'Gesprek', 'Acties', 'Brieven', 'Bestanden', 'Notities', 'Verloop']);
  await tabTo(page, '#case-nav a[href="#actions"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#actions$/);
  assert.ok(await page.locator('#work-title').isVisible());
  await assertAccessible(page, 'the case page with its parts');

  // Consent, then from received straight to "approach agreed" in one save.
  await page.locator('#consent-text').fill('Telefonisch gegeven.');
  await page.locator('#form-consent button[type=submit]').click();
  await page.getByText('De toestemming van de melder is vastgelegd.').waitFor();
  await page.locator('#step-approach_agreed').check();
  assert.match(await page.locator('#step-approach_agreed-hint').textContent(), /Legt ook de stappen ertussen vast: Eerste analyse, Intakegesprek, Onderzoek/);
  await page.locator('#step-approach_agreed').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aanpak besproken.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('De zaak staat in de nieuwe stap; de stappen ertussen staan in het verloop.').waitFor();
  assert.equal((await page.locator('#case-step').textContent()).trim(), 'Aanpak afgesproken met de melder');
  const steps = page.locator('#case-history .case-event[data-kind=step]');
  assert.deepEqual(await steps.evaluateAll((items) => items.map((i) => i.dataset.code)), ['first_analysis', 'intake', 'investigation', 'approach_agreed']);

  // The action mediation, then its moment, place and participants.
  await page.locator('#action-mediation_session').check();
  await page.locator('#action-text').fill('Beide partijen willen praten.');
  await page.locator('#form-action button[type=submit]').click();
  await page.getByText('De actie is vastgelegd.').waitFor();
  // A mistake first: the reason beside the form, what was typed kept.
  await page.locator('#mediation-date').fill('2026-12-10');
  await page.locator('#mediation-time').fill('14:30');
  await page.locator('#mediation-participants').fill('Melder, bedrijfsleider, bemiddelaar');
  await page.locator('#form-mediation button[type=submit]').click();
  await page.locator('#mediation-error').waitFor();
  assert.equal((await page.locator('#mediation-error').textContent()).trim(), 'Vul in waar de bemiddeling plaatsvindt, of "online".');
  assert.equal(await page.locator('#mediation-participants').inputValue(), 'Melder, bedrijfsleider, bemiddelaar');
  await assertAccessible(page, 'the mediation form with an error');
  await page.locator('#mediation-place').fill('Buurthuis De Ster');
  await page.locator('#mediation-place').press('Enter');
  await page.getByText('De bemiddeling is gepland.').waitFor();
  assert.equal((await page.locator('#case-mediation').textContent()).trim(), '2026-12-10 14:30, Buurthuis De Ster; Melder, bedrijfsleider, bemiddelaar');
  assert.match(await page.locator('#case-history .case-event[data-kind=mediation_planned]').textContent(), /Bemiddeling gepland: 2026-12-10 14:30/);
  await assertAccessible(page, 'the case page with a planned mediation');

  // The same page in English.
  await page.goto(`${caseUrl}?lang=en`);
  const navEn = page.getByRole('navigation', { name: 'Parts of this case' });
  assert.deepEqual(await navEn.getByRole('link').allTextContents(), ['Summary', 'Related cases', 'Conversation', 'Actions', 'Letters', 'Files', 'Notes', 'History']);
  assert.equal((await page.locator('#mediation-title').textContent()).trim(), 'Change the planned mediation');
  await assertAccessible(page, 'the case page in English');
  assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  await context.close();
});
