// Staff log in through the pages in a browser: e-mail and password, then the second step. The
// first login of an account sets up the authenticator (reads the key from the page, types a code
// computed here, keeps the recovery codes); later logins type a code. Shares what it learns with
// the HTTP helper staffLogin (tests/integration/flows.mjs), in the same test process.
import { STAFF_EMAIL, STAFF_PASSWORD, nextStaffCode, rememberEnrolment } from '../integration/flows.mjs';
import { serverNow } from '../integration/harness.mjs';
import { STEP_SECONDS, base32Decode, totp } from '../integration/totp.mjs';
import { localUrl } from './browser.mjs';

export const LOGIN_TEXT = {
  nl: { email: 'E-mailadres', password: 'Wachtwoord', logIn: 'Inloggen', code: 'Code', enrol: 'Bevestigen en verder', kept: 'Ik heb ze bewaard: verder' },
  en: { email: 'E-mail address', password: 'Password', logIn: 'Log in', code: 'Code', enrol: 'Confirm and continue', kept: 'I have kept them: continue' },
};

/**
 * Log in on `page` and return once the staff home page is open. Options: email, password, lang
 * ('nl' or 'en'; the login page is opened with ?lang=), onPage(page, which) awaited on each page
 * of the login ('login', 'enrol', 'recovery', 'code'), for example to run axe.
 * Returns { enrolled, recovery } (the recovery codes when this login set up the second step).
 */
export async function logInInBrowser(page, server, { email = STAFF_EMAIL, password = STAFF_PASSWORD, lang = 'nl', onPage } = {}) {
  const t = LOGIN_TEXT[lang];
  await page.goto(localUrl(server, `/medewerkers/login?lang=${lang}`));
  await onPage?.(page, 'login');
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill(password);
  await page.getByRole('button', { name: t.logIn }).click();
  return secondStepInBrowser(page, server, { email, lang, onPage });
}

/**
 * The second step, on a page that has just sent the right password: set up the authenticator
 * (first login) or type a code. With keyboard: true, only the keyboard is used (typing and Enter).
 */
export async function secondStepInBrowser(page, server, { email = STAFF_EMAIL, lang = 'nl', onPage, keyboard = false } = {}) {
  const t = LOGIN_TEXT[lang];
  const typeCode = async (code, button) => {
    if (keyboard) {
      await page.locator('#code').focus();
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
    } else {
      await page.getByLabel(t.code, { exact: true }).fill(code);
      await page.getByRole('button', { name: button }).click();
    }
  };
  await page.waitForURL(/\/medewerkers\/login\/(code|instellen)$/);
  if (page.url().endsWith('/instellen')) {
    await onPage?.(page, 'enrol');
    const secret = (await page.locator('#totp-secret').textContent()).trim();
    const step = Math.floor(serverNow(localUrl(server)) / STEP_SECONDS);
    await typeCode(totp(base32Decode(secret), step), t.enrol);
    await page.locator('#recovery-codes').waitFor();
    const recovery = (await page.locator('#recovery-codes code').allTextContents()).map((c) => c.trim());
    rememberEnrolment(email, secret, step, recovery);
    await onPage?.(page, 'recovery');
    const next = page.getByRole('link', { name: t.kept });
    if (keyboard) {
      await next.focus();
      await page.keyboard.press('Enter');
    } else {
      await next.click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/medewerkers/login'));
    return { enrolled: true, recovery };
  }
  await onPage?.(page, 'code');
  await typeCode(await nextStaffCode(localUrl(server), email), t.logIn);
  await page.waitForURL((url) => !url.pathname.startsWith('/medewerkers/login'));
  return { enrolled: false, recovery: [] };
}
