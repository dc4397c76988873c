// A person reports an incident in the browser, in Dutch and in English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { recentDate } from '../integration/flows.mjs';
import { launchBrowser, localUrl, watchConsole } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// The visible texts of the form, as a person reads them.
const LABELS = {
  nl: {
    description: 'Wat is er gebeurd?',
    date: 'Wanneer gebeurde het?',
    incident: 'In welke gemeente gebeurde het?',
    residence: 'In welke gemeente woont u?',
    anonymous: 'Ja, ik wil anoniem blijven',
    submit: 'Melding versturen',
  },
  en: {
    description: 'What happened?',
    date: 'When did it happen?',
    incident: 'In which municipality did it happen?',
    residence: 'In which municipality do you live?',
    anonymous: 'Yes, I want to stay anonymous',
    submit: 'Send report',
  },
};

/** Fill the report form the way a person does: find each field by its label. */
async function fillReport(page, lang, { description, date, incident, residence }) {
  const l = LABELS[lang];
  await page.getByLabel(l.description).fill(description);
  await page.getByLabel(l.date).fill(date);
  await page.getByLabel(l.incident).selectOption({ label: incident });
  await page.getByLabel(l.residence).selectOption({ label: residence });
  await page.getByLabel(l.anonymous).check();
}

/** Press the send button. */
async function send(page, lang) {
  await page.getByRole('button', { name: LABELS[lang].submit }).click();
}

test('a visitor reports from the home page and sees the reference (Dutch)', async () => {
  const page = await browser.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/'));
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await page.getByRole('main').getByRole('link', { name: 'Discriminatie melden' }).first().click();
  await page.waitForURL(/\/melden$/);

  await fillReport(page, 'nl', {
    description: 'In de supermarkt werd ik uitgescholden vanwege mijn afkomst.',
    date: recentDate(),
    incident: 'Amsterdam',
    residence: 'Utrecht',
  });
  await send(page, 'nl');

  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  const ref = (await page.locator('.reference').first().textContent()).trim();
  assert.match(ref, /^MP-\d{4}-\d{6}$/);
  assert.deepEqual(errors, [], 'no console errors (e.g. CSP violations)');
  await page.close();
});

test('a visitor who leaves fields open sees the errors, fixes them, and succeeds', async () => {
  const page = await browser.newPage();
  await page.goto(localUrl(server, '/melden'));
  // Let the server do the checking, as for a browser without HTML5 validation.
  await page.locator('form[method=post]').first().evaluate((f) => { f.noValidate = true; });
  await page.getByLabel(LABELS.nl.description).fill('Een verhaal.');
  await send(page, 'nl');

  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('.error-summary').getAttribute('role'), 'alert');
  assert.ok(await page.locator('#incident_municipality-error').isVisible(), 'error at the municipality');
  assert.equal(await page.getByLabel(LABELS.nl.description).inputValue(), 'Een verhaal.', 'typed text kept');

  await fillReport(page, 'nl', { description: 'Een verhaal.', date: recentDate(), incident: 'Rotterdam', residence: 'Rotterdam' });
  await send(page, 'nl');
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  assert.match((await page.locator('.reference').first().textContent()).trim(), /^MP-\d{4}-\d{6}$/);
  await page.close();
});

test('an English visitor reports in English', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(localUrl(server, '/?lang=en'));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('main').getByRole('link', { name: 'Report discrimination' }).first().click();
  await page.waitForURL(/\/melden$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language is remembered');

  await fillReport(page, 'en', {
    description: 'Someone shouted at me on the tram because of my religion.',
    date: recentDate(),
    incident: 'Leiden',
    residence: 'Delft',
  });
  await send(page, 'en');
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match((await page.locator('.reference').first().textContent()).trim(), /^MP-\d{4}-\d{6}$/);
  await context.close();
});
