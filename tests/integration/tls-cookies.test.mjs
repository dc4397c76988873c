// Behind TLS (public URL https://...) the session cookie is __Host-mp_staff with Secure.
// The server is told it is behind TLS through MELDPUNT_PUBLIC_URL (--public-url).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { STAFF_EMAIL, STAFF_PASSWORD, addStaff, staffLogin } from './flows.mjs';

let server;
before(async () => {
  server = await startServer({ env: { MELDPUNT_PUBLIC_URL: 'https://meldpunt.example' } });
  await addStaff(server);
});
after(async () => { await server?.stop(); });

test('login sets __Host-mp_staff with Secure, Path=/ and no Domain', async () => {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/medewerkers/login`);
  assert.equal(form.status, 200);
  const res = await postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email: STAFF_EMAIL, password: STAFF_PASSWORD });
  assert.equal(res.status, 303);
  const pending = jar.lastSetCookie('__Host-mp_login');
  assert.ok(pending, 'the half-login cookie is __Host- too');
  assert.equal(pending.attrs.secure, true, 'Secure');
  assert.equal(jar.lastSetCookie('mp_login'), undefined, 'no plain mp_login');

  await staffLogin(server.url, STAFF_EMAIL, STAFF_PASSWORD, jar);
  const c = jar.lastSetCookie('__Host-mp_staff');
  assert.ok(c, `__Host-mp_staff is set (got: ${jar.setCookies.join(' | ')})`);
  assert.equal(c.attrs.secure, true, 'Secure');
  assert.equal(c.attrs.httponly, true, 'HttpOnly');
  assert.equal(String(c.attrs.samesite).toLowerCase(), 'strict', 'SameSite=Strict');
  assert.equal(c.attrs.path, '/', 'Path=/');
  assert.equal(c.attrs.domain, undefined, 'no Domain');
  assert.equal(jar.lastSetCookie('mp_staff'), undefined, 'no plain mp_staff');

  const list = await jar.fetch(`${server.url}/medewerkers/meldingen`);
  assert.equal(list.status, 200, 'the session works');
});
