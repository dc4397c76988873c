// A page shows its red error box (div.error-summary) only when there is an error: the pages that
// set an optional problem text once showed an empty box when there was none (issue 14: the
// second-factor set-up page).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { byClass } from './html.mjs';
import { STAFF_EMAIL, STAFF_PASSWORD, addStaff, enrolStaff, staffLogin, submitValid, validReport } from './flows.mjs';

const SYSTEM_ADMIN = 'applicatiebeheer@meldpunt.example';
let server;
before(async () => {
  server = await startServer();
  await addStaff(server);
});
after(() => server?.stop());

const errorBoxes = (html) => byClass(html, 'div', 'error-summary');

/** A browser that passed the password: the next page is the set-up or the code page. */
async function afterPassword(email = STAFF_EMAIL) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/medewerkers/login`);
  const res = await postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email, password: STAFF_PASSWORD });
  assert.equal(res.status, 303);
  return { jar, next: new URL(res.location, server.url).pathname };
}

test('the second-factor set-up page has no error box until a wrong code is typed', async () => {
  const { jar, next } = await afterPassword();
  assert.equal(next, '/medewerkers/login/instellen');
  const page = await getForm(jar, `${server.url}/medewerkers/login/instellen`);
  assert.equal(page.status, 200);
  assert.deepEqual(errorBoxes(page.html), [], 'no error box on the fresh page');

  const wrong = await postForm(jar, `${server.url}/medewerkers/login/instellen`, { csrf: page.csrf, code: '000000' });
  assert.equal(wrong.status, 422);
  const [box] = errorBoxes(wrong.html);
  assert.ok(box, 'an error box after a wrong code');
  assert.ok(box.text.trim().length > 0, 'with the reason in it');

  await enrolStaff(server.url, jar, STAFF_EMAIL);
});

test('the code page, the confirm page and the staff pages with a problem text have no empty error box', async () => {
  const { jar, next } = await afterPassword();
  assert.equal(next, '/medewerkers/login/code');
  const code = await getForm(jar, `${server.url}/medewerkers/login/code`);
  assert.equal(code.status, 200);
  assert.deepEqual(errorBoxes(code.html), [], 'the code page');

  const staff = await staffLogin(server.url);
  const reference = await submitValid(server.url, validReport());
  const pages = ['/medewerkers/bevestigen', '/medewerkers/medewerkers',
    `/medewerkers/meldingen/${Number(reference.slice(-6))}/classificatie`];
  for (const path of pages) {
    const res = await staff.fetch(`${server.url}${path}`);
    assert.equal(res.status, 200, path);
    assert.deepEqual(errorBoxes(await res.text()), [], path);
  }
  // Bureaus and code lists are the system administrator's.
  await addStaff(server, SYSTEM_ADMIN, STAFF_PASSWORD, 'system_admin');
  const admin = await staffLogin(server.url, SYSTEM_ADMIN);
  for (const path of ['/medewerkers/bureaus', '/medewerkers/codelijsten']) {
    const res = await admin.fetch(`${server.url}${path}`);
    assert.equal(res.status, 200, path);
    assert.deepEqual(errorBoxes(await res.text()), [], path);
  }
});
