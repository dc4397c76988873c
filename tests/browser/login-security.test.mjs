// Staff login security in the browser, in Dutch and English, every page checked with axe: setting
// up the second step (QR code, key, a wrong code first), the recovery codes, the code at a later
// login (a wrong one first), the list of one's sessions, the staff accounts page, and confirming
// with password and code before a sensitive page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { STAFF_PASSWORD, addStaff, nextStaffCode } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { LOGIN_TEXT, logInInBrowser } from './staff-login.mjs';

const TEXT = {
  nl: { sessions: 'Uw sessies', staff: 'Accounts van medewerkers', logOut: 'Uitloggen', confirm: 'Bevestigen', wrongEnrol: 'Deze code klopt niet', thisBrowser: 'deze browser', deactivate: 'Deactiveren', reactivate: 'Opnieuw activeren', deactivated: 'gedeactiveerd' },
  en: { sessions: 'Your sessions', staff: 'Staff accounts', logOut: 'Log out', confirm: 'Confirm', wrongEnrol: 'This code is not correct', thisBrowser: 'this browser', deactivate: 'Deactivate', reactivate: 'Reactivate', deactivated: 'deactivated' },
};

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  for (const lang of ['nl', 'en']) await addStaff(server, `beheer-${lang}@meldpunt.example`, STAFF_PASSWORD, 'bureau_admin');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of ['nl', 'en']) {
  describe(`staff login security (${lang})`, () => {
    const t = TEXT[lang];
    const l = LOGIN_TEXT[lang];
    const email = `beheer-${lang}@meldpunt.example`;
    let context;
    let page;
    let errors;
    before(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      errors = watchConsole(page);
    });
    after(async () => { await context?.close(); });

    test('first login: the set-up page (also after a wrong code) and the recovery codes are accessible', async () => {
      const { enrolled, recovery } = await logInInBrowser(page, server, {
        email,
        lang,
        onPage: async (p, which) => {
          if (which === 'enrol') {
            await assertAccessible(p, `set-up page (${lang})`);
            assert.ok(await p.getByRole('img', { name: /QR/ }).isVisible(), 'the QR code is an image with a name');
            await p.getByLabel(l.code, { exact: true }).fill('000000');
            await p.getByRole('button', { name: l.enrol }).click();
            await p.getByRole('alert').filter({ hasText: t.wrongEnrol }).waitFor();
            await assertAccessible(p, `set-up page with an error (${lang})`);
          }
          if (which === 'recovery') {
            assert.ok(await p.getByRole('status').isVisible());
            await assertAccessible(p, `recovery codes (${lang})`);
          }
        },
      });
      assert.equal(enrolled, true);
      assert.equal(recovery.length, 10);
    });

    test('the sessions page and the staff accounts page are accessible', async () => {
      await page.getByRole('link', { name: t.sessions }).click();
      await page.waitForURL(/\/medewerkers\/sessies$/);
      assert.match(await page.locator('#sessions tbody').textContent(), new RegExp(t.thisBrowser));
      await assertAccessible(page, `sessions (${lang})`);
      await page.getByRole('link', { name: t.staff }).click();
      await page.waitForURL(/\/medewerkers\/medewerkers$/);
      assert.match(await page.locator('#staff-users').textContent(), new RegExp(email.replace('.', '\\.')));
      await assertAccessible(page, `staff accounts (${lang})`);
    });

    test('a later login asks for the code; a wrong code says so accessibly', async () => {
      await page.getByRole('button', { name: t.logOut }).click();
      await page.waitForURL(/\/medewerkers\/login$/);
      await logInInBrowser(page, server, {
        email,
        lang,
        onPage: async (p, which) => {
          if (which !== 'code') return;
          await assertAccessible(p, `code page (${lang})`);
          await p.getByLabel(l.code, { exact: true }).fill('000000');
          await p.getByRole('button', { name: l.logIn }).click();
          await p.getByRole('alert').waitFor();
          await assertAccessible(p, `code page with an error (${lang})`);
        },
      });
      assert.match(page.url(), /\/medewerkers\/meldingen$/);
    });

    test('the confirm page is accessible and leads back where it was asked for', async () => {
      await page.goto(localUrl(server, '/medewerkers/bevestigen?terug=/medewerkers/sessies'));
      await assertAccessible(page, `confirm page (${lang})`);
      await page.getByLabel(l.password).fill(STAFF_PASSWORD);
      await page.getByLabel(l.code, { exact: true }).fill(await nextStaffCode(localUrl(server), email));
      await page.getByRole('button', { name: t.confirm, exact: true }).click();
      await page.waitForURL(/\/medewerkers\/sessies$/);
      // The wrong codes typed on purpose answer 422 and 401, which the browser logs; nothing else.
      const unexpected = errors.filter((e) => !/status of (422|401) .*\/medewerkers\/login\/(instellen|code)\)$/.test(e));
      assert.deepEqual(unexpected, [], 'no console errors (CSP) on any of these pages');
    });

    test('deactivating a colleague (issue 14): the accounts page and the refused login are accessible', async () => {
      // The colleague is a throwaway account, so the other language's run can still log in.
      const colleague = `collega-${lang}@meldpunt.example`;
      await addStaff(server, colleague, STAFF_PASSWORD, 'handler');
      await page.goto(localUrl(server, '/medewerkers/medewerkers'));
      await page.getByRole('button', { name: `${t.deactivate} (${colleague})` }).click();
      await page.waitForURL(/gedeactiveerd=1&zaken=\d+$/);
      assert.match(await page.getByRole('status').first().textContent(), new RegExp(t.deactivated));
      await assertAccessible(page, `staff accounts with a deactivated account (${lang})`);
      const other = await browser.newContext();
      const login = await other.newPage();
      await login.goto(localUrl(server, `/medewerkers/login?lang=${lang}`));
      await login.getByLabel(l.email).fill(colleague);
      await login.getByLabel(l.password).fill(STAFF_PASSWORD);
      await login.getByRole('button', { name: l.logIn }).click();
      assert.match(await login.getByRole('alert').textContent(), new RegExp(t.deactivated));
      await assertAccessible(login, `login of a deactivated account (${lang})`);
      await other.close();
      await page.getByRole('button', { name: `${t.reactivate} (${colleague})` }).click();
      await page.waitForURL(/geactiveerd=1$/);
      await assertAccessible(page, `staff accounts after reactivating (${lang})`);
    });
  });
}
