// Per-client limits: after a burst, reports and login attempts are refused for a while, with a
// clear message and the form as typed; nothing is stored; other traffic is not affected.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, CookieJar, getForm, postForm } from './harness.mjs';
import { validReport, addStaff, staffLogin, reportRows, STAFF_EMAIL, STAFF_PASSWORD } from './flows.mjs';

let server;
before(async () => {
  server = await startServer({
    env: { MELDPUNT_REPORT_BURST: '3', MELDPUNT_REPORT_REFILL_SECONDS: '3600', MELDPUNT_LOGIN_BURST: '3',
      MELDPUNT_LOGIN_REFILL_SECONDS: '3600' },
  });
  await addStaff(server);
});
after(async () => {
  await server?.stop();
});

test('the fourth report in a burst is refused with the form kept, and not stored', async () => {
  const jar = new CookieJar();
  for (let i = 1; i <= 3; i++) {
    const form = await getForm(jar, `${server.url}/melden`);
    const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, ...validReport({ description: `Melding nummer ${i} in de reeks.` }) });
    assert.equal(res.status, 303, `report ${i} is accepted`);
  }
  const form = await getForm(jar, `${server.url}/melden`);
  const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, ...validReport({ description: 'De vierde melding, te snel.' }) });
  assert.equal(res.status, 429);
  assert.ok(res.res.headers.get('retry-after'), 'says when to try again');
  assert.match(res.html, /role="alert"/);
  assert.match(res.html, /De vierde melding, te snel\./, 'what was typed is kept');
  assert.match(res.html, /name="incident_municipality" value="GM0363"/, 'the chosen municipality is kept');

  // Invalid forms do not use up the limit and still get their validation errors.
  const invalid = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, ...validReport({ description: '' }) });
  assert.equal(invalid.status, 422);

  const staff = await staffLogin(server.url);
  const { rows } = await reportRows(server.url, staff);
  assert.equal(rows.filter((r) => r.text.includes('in de reeks')).length, 3);
  assert.equal(rows.filter((r) => r.text.includes('De vierde melding')).length, 0);
});

test('login attempts are limited too, even with the right password', async () => {
  // staffLogin above used one attempt; two wrong ones use up the burst of three.
  for (let i = 0; i < 2; i++) {
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/medewerkers/login`);
    const res = await postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email: STAFF_EMAIL, password: 'wrong password!!' });
    assert.equal(res.status, 401);
  }
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/medewerkers/login`);
  const res = await postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email: STAFF_EMAIL, password: STAFF_PASSWORD });
  assert.equal(res.status, 429);
  assert.equal(jar.cookies.has('mp_staff'), false, 'no session');
  assert.match(res.html, /role="alert"/);
});

test('pages keep being served to a limited client', async () => {
  const res = await fetch(`${server.url}/melden`);
  assert.equal(res.status, 200);
});
