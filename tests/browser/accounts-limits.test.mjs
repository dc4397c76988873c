// Issue 14, accounts and the list, in the browser with axe, in Dutch and English: a system
// administrator moves a colleague to another bureau (the accounts page with the bureau choice and
// the confirmation); a handler who follows a link their role does not allow gets "no access";
// a staff member saves a filter of the list, opens it and deletes it; the login page refuses a
// sprayer with the per-address ceiling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { STAFF_PASSWORD, addStaff, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { LOGIN_TEXT, logInInBrowser } from './staff-login.mjs';

const TEXT = {
  nl: { newBureau: 'Nieuw bureau', move: 'Naar bureau verplaatsen', moved: 'naar het andere bureau verplaatst', noAccess: 'U heeft hier geen toegang',
    filterName: 'Naam van dit filter', save: 'Bewaar dit filter', saved: 'Het filter is bewaard', del: 'Verwijderen',
    tooLong: 'hoogstens 60 tekens', back: 'Terug naar de lijst', addressLimited: 'Te vaak mislukte inlogpogingen' },
  en: { newBureau: 'New bureau', move: 'Move to bureau', moved: 'moved to the other bureau', noAccess: 'You have no access to this',
    filterName: 'Name of this filter', save: 'Save this filter', saved: 'The filter has been saved', del: 'Delete',
    tooLong: 'at most 60 characters', back: 'Back to the list', addressLimited: 'Too many failed logins' },
};

let server;
let browser;
before(async () => {
  // A small failure ceiling per address, so the refusal is reached in a few attempts.
  server = await startServer({ env: { MELDPUNT_LOGIN_FAILURE_BURST: '3', MELDPUNT_LOGIN_FAILURE_REFILL_SECONDS: '3600' } });
  browser = await launchBrowser();
  const b = await server.run(['bureau', 'add', '--name', 'Bureau Noord']);
  assert.equal(b.code, 0, b.stderr);
  for (const lang of ['nl', 'en']) {
    await addStaff(server, `systeem-${lang}@meldpunt.example`, STAFF_PASSWORD, 'system_admin');
    await addStaff(server, `verhuizer-${lang}@meldpunt.example`, STAFF_PASSWORD, 'handler');
    await addStaff(server, `behandelaar-${lang}@meldpunt.example`, STAFF_PASSWORD, 'handler');
  }
  await submitValid(server.url, validReport({ wishes: ['advice'] }));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of ['nl', 'en']) {
  describe(`accounts and saved filters (${lang})`, () => {
    const t = TEXT[lang];
    let context;
    let page;
    let errors;
    before(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      errors = watchConsole(page);
    });
    after(async () => { await context?.close(); });

    test('a system administrator moves a colleague to another bureau', async () => {
      await logInInBrowser(page, server, { email: `systeem-${lang}@meldpunt.example`, lang });
      await page.goto(localUrl(server, '/medewerkers/medewerkers'));
      const mover = `verhuizer-${lang}@meldpunt.example`;
      await assertAccessible(page, `accounts page with the bureau choice (${lang})`);
      await page.getByLabel(`${t.newBureau} (${mover})`).selectOption({ label: 'Bureau Noord' });
      await page.getByRole('button', { name: `${t.move} (${mover})` }).click();
      await page.waitForURL(/bureau=1&zaken=\d+$/);
      assert.match(await page.getByRole('status').first().textContent(), new RegExp(t.moved));
      await assertAccessible(page, `accounts page after moving (${lang})`);
    });

    test('a handler following a link their role does not allow is told so', async () => {
      const other = await browser.newContext();
      const handlerPage = await other.newPage();
      await logInInBrowser(handlerPage, server, { email: `behandelaar-${lang}@meldpunt.example`, lang });
      await handlerPage.goto(localUrl(server, '/medewerkers/inzagelog'));
      assert.equal(await handlerPage.getByRole('heading', { level: 1 }).textContent(), t.noAccess);
      await assertAccessible(handlerPage, `no access page (${lang})`);

      // The same handler saves a filter of the list, opens it and deletes it.
      await handlerPage.goto(localUrl(server, '/medewerkers/meldingen?soort=klacht'));
      await assertAccessible(handlerPage, `list with the saved filters section (${lang})`);
      await handlerPage.getByLabel(t.filterName).fill('x'.repeat(40));
      await handlerPage.getByLabel(t.filterName).evaluate((input) => { input.removeAttribute('maxlength'); input.value += 'y'.repeat(30); });
      await handlerPage.getByRole('button', { name: t.save }).click();
      assert.match(await handlerPage.getByRole('alert').textContent(), new RegExp(t.tooLong));
      await assertAccessible(handlerPage, `saving a filter refused (${lang})`);
      await handlerPage.getByLabel(t.filterName).fill('Klachten');
      await handlerPage.getByRole('button', { name: t.save }).click();
      await handlerPage.waitForURL(/bewaard=1$/);
      assert.match(await handlerPage.getByRole('status').first().textContent(), new RegExp(t.saved));
      await assertAccessible(handlerPage, `list with a saved filter (${lang})`);
      await handlerPage.goto(localUrl(server, '/medewerkers/meldingen'));
      await handlerPage.getByRole('link', { name: 'Klachten' }).click();
      await handlerPage.waitForURL(/soort=klacht$/);
      await handlerPage.getByRole('button', { name: `${t.del} (Klachten)` }).click();
      await handlerPage.waitForURL(/soort=klacht$/);
      assert.equal(await handlerPage.getByRole('link', { name: 'Klachten' }).count(), 0);
      await other.close();
      assert.deepEqual(errors, [], 'no console errors');
    });
  });
}

describe('the login page refuses a sprayer accessibly', () => {
  for (const lang of ['nl', 'en']) {
    test(`after the ceiling per address (${lang})`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const l = LOGIN_TEXT[lang];
      let refused = false;
      for (let i = 0; i < 6 && !refused; i++) {
        await page.goto(localUrl(server, `/medewerkers/login?lang=${lang}`));
        await page.getByLabel(l.email).fill(`gok-${lang}-${i}@meldpunt.example`);
        await page.getByLabel(l.password).fill('Welkom2026!!');
        await page.getByRole('button', { name: l.logIn }).click();
        await page.getByRole('alert').waitFor();
        refused = (await page.getByRole('alert').textContent()).includes(TEXT[lang].addressLimited);
      }
      assert.ok(refused, 'the ceiling per address is reached');
      await assertAccessible(page, `login refused by the ceiling per address (${lang})`);
      await context.close();
    });
  }
});
