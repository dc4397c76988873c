// A refused link or form says what actually happened, in the visitor's language (issue 14): a
// page or action the account's role does not allow is "no access", never "this form has expired";
// a form whose anti-forgery token is stale or missing still says the form expired.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CookieJar, postForm, startServer } from './harness.mjs';
import { elements, textOf } from './html.mjs';
import { STAFF_PASSWORD, staffLogin } from './flows.mjs';

const HANDLER = 'behandelaar@meldpunt.example';

let server;
let handler;

const heading = (html) => textOf(elements(html, 'h1', () => true)[0]?.html ?? '');
const htmlLang = (html) => html.match(/<html[^>]*\blang="([^"]+)"/)?.[1];

before(async () => {
  server = await startServer();
  const r = await server.run(['user', 'add', '--email', HANDLER, '--role', 'handler', '--bureau', '1'], `${STAFF_PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  handler = await staffLogin(server.url, HANDLER);
});
after(() => server?.stop());

test('a link the role does not allow: "no access", in Dutch', async () => {
  const res = await handler.fetch(`${server.url}/medewerkers/inzagelog`);
  assert.equal(res.status, 403);
  const html = await res.text();
  assert.equal(htmlLang(html), 'nl');
  assert.equal(heading(html), 'U heeft hier geen toegang');
  assert.match(html, /Uw account geeft geen toegang tot deze pagina of handeling/);
  assert.doesNotMatch(html, /verlopen/);
});

test('the same link in English (the choice of language is kept from here on)', async () => {
  const res = await handler.fetch(`${server.url}/medewerkers/inzagelog?lang=en`);
  assert.equal(res.status, 403);
  const html = await res.text();
  assert.equal(htmlLang(html), 'en');
  assert.equal(heading(html), 'You have no access to this');
  assert.doesNotMatch(html, /expired/);
});

test('a form the role does not allow (a handler adding an account): "no access"', async () => {
  const page = await handler.fetch(`${server.url}/medewerkers/meldingen`);
  const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)[1];
  const res = await postForm(handler, `${server.url}/medewerkers/medewerkers?lang=nl`, { csrf, email: 'x@meldpunt.example', role: 'handler', password: 'lang-genoeg-wachtwoord-1' });
  assert.equal(res.status, 403);
  assert.equal(heading(res.html), 'U heeft hier geen toegang');
});

test('a form with a stale or missing token still says the form expired', async () => {
  const res = await postForm(new CookieJar(), `${server.url}/medewerkers/login`, { csrf: 'oud-token', email: HANDLER, password: STAFF_PASSWORD });
  assert.equal(res.status, 403);
  assert.equal(heading(res.html), 'Dit formulier is verlopen');
  const en = await postForm(new CookieJar(), `${server.url}/medewerkers/login?lang=en`, { email: HANDLER, password: STAFF_PASSWORD });
  assert.equal(en.status, 403);
  assert.equal(heading(en.html), 'This form has expired');
});
