// A person reports an incident in the browser, in Dutch and in English, step by step.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { TEXT, fillSteps, press, reportThroughForm, reportValues, reviewAndSend } from './report-flow.mjs';

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

test('a visitor reports from the home page, one step at a time, and sees the reference (Dutch)', async () => {
  const page = await browser.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/'));
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await page.getByRole('main').getByRole('link', { name: 'Discriminatie melden' }).first().click();
  await page.waitForURL(/\/melden$/);
  // One step is shown at a time, and the progress list says which.
  assert.ok(await page.locator('#step-1').isVisible());
  assert.ok(!(await page.locator('#step-2').isVisible()));
  assert.equal(await page.locator('#progress li[aria-current=step]').textContent(), 'Over u');
  assert.ok(!(await page.getByRole('button', { name: TEXT.nl.review }).isVisible()), 'check button only on the last step');

  await reportThroughForm(page, 'nl', reportValues());
  assert.deepEqual(errors, [], 'no console errors (e.g. CSP violations)');
  await page.close();
});

test('"Back" and the progress list move between steps without losing anything', async () => {
  const page = await browser.newPage();
  await page.goto(localUrl(server, '/melden'));
  await fillSteps(page, 'nl', reportValues({ description: 'Heen en terug.' }));
  await press(page, TEXT.nl.back);
  assert.ok(await page.locator('#step-3').isVisible());
  await page.locator('#progress').getByRole('link', { name: 'Wat er gebeurde' }).click();
  assert.ok(await page.locator('#step-2').isVisible());
  assert.equal(await page.getByLabel(TEXT.nl.description).inputValue(), 'Heen en terug.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'step-2-title', 'focus on the step heading');
  await page.close();
});

test('the summary shows what was filled in; "Change" goes back to that step; then send', async () => {
  const page = await browser.newPage();
  await page.goto(localUrl(server, '/melden'));
  await fillSteps(page, 'nl', reportValues({ description: 'Eerst nakijken.', grounds: ['origin', 'religion'] }));
  await press(page, TEXT.nl.review);
  await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
  const summary = await page.locator('main').innerText();
  assert.match(summary, /Eerst nakijken\./);
  assert.match(summary, /Afkomst of huidskleur; Godsdienst/);
  // Change the description: the form comes back at step 2 with everything filled in.
  await page.locator('section', { has: page.getByRole('heading', { name: 'Wat er gebeurde' }) })
    .getByRole('button', { name: 'Wijzigen' }).click();
  await page.locator('#step-2').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel(TEXT.nl.description).inputValue(), 'Eerst nakijken.');
  await page.getByLabel(TEXT.nl.description).fill('Nagekeken en verbeterd.');
  await press(page, TEXT.nl.next);
  await press(page, TEXT.nl.next);
  await reviewAndSend(page, 'nl');
  await page.waitForURL(/\/melden\/ontvangen/);
  await page.close();
});

test('choosing anonymous hides the contact fields and switches off what anonymity rules out', async () => {
  const page = await browser.newPage();
  await page.goto(localUrl(server, '/melden'));
  await fillSteps(page, 'nl', reportValues({ wishes: [] }));
  const mediation = page.getByLabel(TEXT.nl.wishes.mediation, { exact: true });
  assert.ok(await mediation.isDisabled(), 'mediation is off while anonymous');
  assert.ok(!(await page.locator('#contact').isVisible()));
  await page.getByLabel(TEXT.nl.anonymous.no, { exact: true }).check();
  assert.ok(await mediation.isEnabled());
  assert.ok(await page.locator('#contact').isVisible());
  await page.close();
});

test('a visitor who leaves questions open sees the errors at the right step, fixes them, and succeeds', async () => {
  const page = await browser.newPage();
  // The server's own check: the check on "Volgende" (report_step_check.js, tested in
  // reporter-fixes.test.mjs) would stop the visitor at step 3 already.
  await page.route('**/static/js/report_step_check.js', (route) => route.abort());
  await page.goto(localUrl(server, '/melden'));
  await fillSteps(page, 'nl', reportValues({ description: 'Een verhaal zonder gemeente.', incident: null }));
  await press(page, TEXT.nl.review);
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('.error-summary').getAttribute('role'), 'alert');
  // The form opens at the step with the first error.
  assert.ok(await page.locator('#incident_municipality-error').isVisible(), 'error at the municipality, visible');
  assert.equal(await page.getByLabel(TEXT.nl.description).inputValue(), 'Een verhaal zonder gemeente.', 'typed text kept');
  await page.getByLabel(TEXT.nl.incident).selectOption({ label: 'Rotterdam' });
  await press(page, TEXT.nl.next);
  await reviewAndSend(page, 'nl');
  await page.waitForURL(/\/melden\/ontvangen/);
  await page.close();
});

test('an English visitor reports in English', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(localUrl(server, '/?lang=en'));
  await page.getByRole('main').getByRole('link', { name: 'Report discrimination' }).first().click();
  await page.waitForURL(/\/melden$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language is remembered');
  await reportThroughForm(page, 'en', reportValues({ description: 'Someone shouted at me on the tram.', incident: 'Leiden', residence: 'Delft' }));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('without JavaScript every step is on one page and the report can be sent', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(localUrl(server, '/melden'));
  for (let step = 1; step <= 4; step++) assert.ok(await page.locator(`#step-${step}`).isVisible(), `step ${step} shown`);
  await fillSteps(page, 'nl', reportValues({ description: 'Zonder JavaScript gemeld.' }), { js: false });
  await reviewAndSend(page, 'nl');
  await page.waitForURL(/\/melden\/ontvangen/);
  assert.match(await page.locator('.reference').first().textContent(), /MP-\d{4}-\d{6}/);
  await context.close();
});
