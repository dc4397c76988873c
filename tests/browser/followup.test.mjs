// The receipt code and /melden/volgen in a real browser, in Dutch and in English: axe on the
// confirmation page, the receipt form (also with an error) and the thread; typing the code and
// answering by keyboard; the print button and the print layout; the staff report page; and the
// pages without JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { fillSteps, reportValues, reviewAndSend } from './report-flow.mjs';
import { logInInBrowser } from './staff-login.mjs';

const TEXT = {
  nl: {
    description: 'Wat is er gebeurd?', date: 'Wanneer gebeurde het?', incident: 'In welke gemeente gebeurde het?',
    residence: 'In welke gemeente woont u?', anonymous: 'Ja, ik wil anoniem blijven', submit: 'Melding versturen',
    follow: 'Volg uw melding met uw volgcode', receipt: 'Volgcode', show: 'Mijn melding bekijken',
    wrong: 'We hebben geen melding met deze code gevonden', print: 'Deze pagina printen',
    message: 'Uw bericht', send: 'Bericht versturen', sent: 'Uw bericht is verstuurd.', received: 'Ontvangen',
    inProgress: 'In behandeling', empty: 'Er zijn nog geen berichten.', bureau: 'Meldpunt', you: 'U',
    logout: 'Uitloggen', loggedOut: 'U bent uitgelogd.',
  },
  en: {
    description: 'What happened?', date: 'When did it happen?', incident: 'In which municipality did it happen?',
    residence: 'In which municipality do you live?', anonymous: 'Yes, I want to stay anonymous', submit: 'Send report',
    follow: 'Follow your report with your tracking code', receipt: 'Tracking code', show: 'Show my report',
    wrong: 'We could not find a report with this code', print: 'Print this page',
    message: 'Your message', send: 'Send message', sent: 'Your message has been sent.', received: 'Received',
    inProgress: 'In progress', empty: 'There are no messages yet.', bureau: 'Reporting point', you: 'You',
    logout: 'Log out', loggedOut: 'You have logged out.',
  },
};

let server;
let browser;
before(async () => {
  server = await startServer({ env: { MELDPUNT_FOLLOWUP_BURST: '0' } });
  browser = await launchBrowser();
  await addStaff(server);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Fill and send an anonymous report; returns { reference, receipt } from the confirmation page. */
async function sendReport(page, t, description, { js = true } = {}) {
  const lang = t === TEXT.en ? 'en' : 'nl';
  // A complaint (klacht), so that it stays open: a report for registration only is closed at once.
  await fillSteps(page, lang, reportValues({ description, wishes: ['advice'] }), { js });
  await reviewAndSend(page, lang);
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  const reference = (await page.locator('.reference').first().textContent()).trim();
  const receipt = (await page.locator('#receipt').textContent()).trim().replace(/\s+/g, ' ');
  return { reference, receipt };
}

/** Staff write to the reporter and move the case a step, in their own browser. */
async function staffAnswers(reference, message) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server);
  await page.getByRole('link', { name: reference }).click();
  await page.waitForURL(/\/medewerkers\/meldingen\/\d+$/);
  await assertAccessible(page, 'staff report page');
  await page.getByLabel('Bericht', { exact: true }).fill(message);
  await page.getByRole('button', { name: 'Bericht versturen' }).click();
  await page.getByText('Uw bericht aan de melder is opgeslagen.').waitFor();
  // The reporter's status follows the case's step.
  await page.getByLabel('Eerste analyse').check();
  await page.getByRole('button', { name: 'Stap opslaan' }).click();
  await page.getByText('De zaak staat in de nieuwe stap.').waitFor();
  assert.ok((await page.locator('.thread').textContent()).includes(message));
  await assertAccessible(page, 'staff report page with a message');
  assert.deepEqual(errors, []);
  await context.close();
}

for (const lang of ['nl', 'en']) {
  describe(`receipt and follow-up (${lang})`, () => {
    const t = TEXT[lang];
    let context;
    let page;
    let errors;
    let sent;
    before(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      errors = watchConsole(page);
      await page.goto(localUrl(server, `/melden?lang=${lang}`));
    });
    after(async () => { await context?.close(); });

    test('the confirmation page shows the code once, large, with a print button', async () => {
      sent = await sendReport(page, t, `Volgen in de browser (${lang}): de portier weigerde mij.`);
      assert.match(sent.receipt, /^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
      assert.ok(await page.getByRole('button', { name: t.print }).isVisible(), 'the print button, with JavaScript');
      const size = await page.locator('#receipt').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok(size >= 28, `the code is large (${size}px)`);
      assert.equal(await page.evaluate(() => window.localStorage.getItem('meldpunt-report-draft')), null, 'the draft is gone');
      await assertAccessible(page, `confirmation with receipt (${lang})`);

      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator('#receipt').isVisible(), 'the code is printed');
      assert.equal(await page.locator('.site-header').isVisible(), false, 'the site header is not');
      assert.equal(await page.getByRole('button', { name: t.print }).isVisible(), false, 'nor the button');
      await page.emulateMedia({ media: 'screen' });
    });

    test('the receipt form: a wrong code, then the right one typed by keyboard', async () => {
      await page.getByRole('link', { name: t.follow }).click();
      await page.waitForURL(/\/melden\/volgen$/);
      await assertAccessible(page, `receipt form (${lang})`);
      const field = page.getByLabel(t.receipt);
      assert.equal(await field.getAttribute('autocomplete'), 'off');
      assert.equal(await field.getAttribute('inputmode'), 'numeric');

      await field.fill('1234 5678 9012 3456 7890');
      await page.getByRole('button', { name: t.show }).click();
      await page.getByText(t.wrong).waitFor();
      await assertAccessible(page, `receipt form with an error (${lang})`);

      await page.getByLabel(t.receipt).focus();
      await page.keyboard.type(sent.receipt.replaceAll(' ', '-'));
      await page.keyboard.press('Enter');
      await page.locator('#status').waitFor();
      assert.match(await page.locator('#status').textContent(), new RegExp(t.received));
      assert.ok(await page.getByText(t.empty).isVisible());
      await assertAccessible(page, `thread, empty (${lang})`);
    });

    test('staff write and set the status; the reporter reads and answers by keyboard', async () => {
      const question = `Vraag van het meldpunt (${lang}): wilt u ons bellen?`;
      await staffAnswers(sent.reference, question);
      await page.reload();
      assert.match(await page.locator('#status').textContent(), new RegExp(t.inProgress));
      const first = page.locator('.thread .message').first();
      assert.match(await first.locator('.message-author').textContent(), new RegExp(`^${t.bureau}$`));
      assert.match(await first.textContent(), new RegExp(question.replace(/[()?]/g, '\\$&')));
      await assertAccessible(page, `thread with a message from the bureau (${lang})`);

      await page.getByLabel(t.message, { exact: true }).focus();
      await page.keyboard.type('Ja, morgen na 10 uur.');
      // Tab past the file input to the "send" button, and press it.
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.type === 'submit')) break;
      }
      assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), t.send);
      await page.keyboard.press('Enter');
      await page.getByText(t.sent).waitFor();
      const answer = page.locator('.thread .message').nth(1);
      assert.match(await answer.locator('.message-author').textContent(), new RegExp(`^${t.you}$`));
      assert.match(await answer.textContent(), /Ja, morgen na 10 uur\./);
      await assertAccessible(page, `thread with an answer (${lang})`);

      await page.getByRole('button', { name: t.logout }).click();
      await page.getByText(t.loggedOut).waitFor();
      assert.equal(await page.locator('#status').count(), 0);
      await assertAccessible(page, `after logging out (${lang})`);
      // The browser reports the wrong code's 401 answer itself; anything else is a real error.
      const unexpected = errors.filter((e) => !/status of 401 \(Unauthorized\) \(http:[^)]*\/melden\/volgen\)/.test(e));
      assert.deepEqual(unexpected, [], 'no console errors (e.g. CSP violations)');
    });
  });
}

test('without JavaScript: the print instruction instead of the button, and following up works', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(localUrl(server, '/melden'));
  const t = TEXT.nl;
  const sent = await sendReport(page, t, 'Zonder JavaScript gevolgd.', { js: false });
  assert.equal(await page.getByRole('button', { name: t.print }).isVisible(), false);
  assert.ok(await page.getByText('Printen doet u met de printopdracht van uw browser').isVisible());
  await page.getByRole('link', { name: t.follow }).click();
  await page.getByLabel(t.receipt).fill(sent.receipt);
  await page.getByRole('button', { name: t.show }).click();
  await page.locator('#status').waitFor();
  await page.getByLabel(t.message, { exact: true }).fill('Zonder JavaScript beantwoord.');
  await page.getByRole('button', { name: t.send }).click();
  await page.getByText(t.sent).waitFor();
  await context.close();
});
