// CSRF: a report without a matching, genuine token is refused with 403 and not stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { htmlLang } from './html.mjs';
import { addStaff, counts, reportRows, staffLogin, totalIncidents, validReport } from './flows.mjs';

let server;
let staff;
let snapshot;

async function stored() {
  return { counts: totalIncidents(await counts(server.url, staff)), rows: (await reportRows(server.url, staff)).rows.length };
}

before(async () => {
  server = await startServer();
  await addStaff(server);
  staff = await staffLogin(server.url);
  snapshot = await stored();
});
after(async () => { await server?.stop(); });

/** POST /melden with an explicit cookie header and csrf field; expect a 403 HTML page. */
async function expect403(cookie, csrf) {
  const jar = new CookieJar(cookie ? [['mp_csrf', cookie]] : []);
  const fields = csrf === undefined ? validReport() : { csrf, ...validReport() };
  const res = await postForm(jar, `${server.url}/melden`, fields);
  assert.equal(res.status, 403);
  assert.match(res.res.headers.get('content-type') ?? '', /^text\/html/);
  assert.equal(htmlLang(res.html), 'nl');
}

test('no cookie and no field', async () => {
  await expect403(undefined, undefined);
});

test('a field but no cookie', async () => {
  const { csrf } = await getForm(new CookieJar(), `${server.url}/melden`);
  await expect403(undefined, csrf);
});

test('a cookie but no field', async () => {
  const jar = new CookieJar();
  await getForm(jar, `${server.url}/melden`);
  await expect403(jar.get('mp_csrf'), undefined);
});

test('cookie and field from two different visitors', async () => {
  const a = new CookieJar();
  await getForm(a, `${server.url}/melden`);
  const b = await getForm(new CookieJar(), `${server.url}/melden`);
  await expect403(a.get('mp_csrf'), b.csrf);
});

test('a forged token, equal in cookie and field', async () => {
  await expect403('forged-token-0123456789abcdef', 'forged-token-0123456789abcdef');
});

test('a real token with one character changed in both cookie and field', async () => {
  const jar = new CookieJar();
  const { csrf } = await getForm(jar, `${server.url}/melden`);
  const i = Math.floor(csrf.length / 2);
  const forged = csrf.slice(0, i) + (csrf[i] === 'A' ? 'B' : 'A') + csrf.slice(i + 1);
  await expect403(forged, forged);
});

test('an empty token in both', async () => {
  await expect403('', '');
});

test('the staff login form needs the token too', async () => {
  const res = await postForm(new CookieJar(), `${server.url}/medewerkers/login`, { email: 'x@example.nl', password: 'whatever-long-enough' });
  assert.equal(res.status, 403);
});

test('nothing was stored', async () => {
  assert.deepEqual(await stored(), snapshot);
});

test('the same token works when it matches (control)', async () => {
  const jar = new CookieJar();
  const { csrf } = await getForm(jar, `${server.url}/melden`);
  const res = await postForm(jar, `${server.url}/melden`, { csrf, ...validReport() });
  assert.equal(res.status, 303);
});
