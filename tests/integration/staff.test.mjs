// Staff: user add, login, session cookie, report list, counts per municipality, logout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { elements, inputs } from './html.mjs';
import {
  STAFF_EMAIL, STAFF_PASSWORD, addStaff, counts, recentDate, reportRows, staffLogin, submitValid, validReport,
} from './flows.mjs';

let server;
before(async () => {
  server = await startServer();
  await addStaff(server);
});
after(async () => { await server?.stop(); });

/** Dutch and ISO renderings of a YYYY-MM-DD date, any of which a list may show. */
function dateForms(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const p = (n) => String(n).padStart(2, '0');
  return [iso, `${p(d)}-${p(m)}-${y}`, `${d}-${m}-${y}`, `${d} ${months[m - 1]} ${y}`, `${p(d)}/${p(m)}/${y}`];
}

describe('user add', () => {
  test('refuses a password shorter than 12 characters', async () => {
    const r = await server.run(['user', 'add', '--email', 'kort@meldpunt.example', '--role', 'bureau_admin'], 'elf-tekens!\n');
    assert.notEqual(r.code, 0);
  });
});

describe('login', () => {
  test('the login form has csrf, email and password', async () => {
    const form = await getForm(new CookieJar(), `${server.url}/medewerkers/login`);
    assert.equal(form.status, 200);
    assert.ok(form.csrf, 'csrf');
    assert.equal(inputs(form.html, 'email').length, 1);
    assert.equal(inputs(form.html, 'password')[0]?.type, 'password');
  });

  test('without a session the list redirects to the login', async () => {
    const res = await fetch(`${server.url}/medewerkers/meldingen`, { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.equal(new URL(res.headers.get('location'), server.url).pathname, '/medewerkers/login');
  });

  test('a wrong password is 401 with the form and an error, and no session cookie', async () => {
    for (const [email, password] of [[STAFF_EMAIL, 'fout-wachtwoord-123'], ['niemand@meldpunt.example', STAFF_PASSWORD]]) {
      const jar = new CookieJar();
      const form = await getForm(jar, `${server.url}/medewerkers/login`);
      const res = await postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email, password });
      assert.equal(res.status, 401, `${email}`);
      assert.equal(inputs(res.html, 'password').length, 1, 'the form again');
      assert.ok(/role="alert"|class="[^"]*error/.test(res.html), 'an error message');
      assert.equal(jar.lastSetCookie('mp_staff'), undefined, 'no mp_staff cookie');
      assert.equal(jar.lastSetCookie('__Host-mp_staff'), undefined, 'no __Host-mp_staff cookie');
    }
  });

  test('the right password leads to the second step, without a session yet', async () => {
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/medewerkers/login`);
    const res = await postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email: STAFF_EMAIL, password: STAFF_PASSWORD });
    assert.equal(res.status, 303);
    assert.match(new URL(res.location, server.url).pathname, /^\/medewerkers\/login\/(instellen|code)$/);
    assert.equal(jar.lastSetCookie('mp_staff'), undefined, 'no session cookie before the second step');
    assert.ok(jar.lastSetCookie('mp_login'), 'a half-login cookie');
    const list = await jar.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(list.status, 303, 'the half-login opens nothing');
  });

  test('after the second step: an mp_staff cookie (HttpOnly, SameSite=Strict, Path=/) that opens the list', async () => {
    const jar = await staffLogin(server.url);
    const c = jar.lastSetCookie('mp_staff');
    assert.ok(c, 'mp_staff cookie');
    assert.ok(c.value.length >= 16, 'a real session token');
    assert.equal(c.attrs.httponly, true, 'HttpOnly');
    assert.equal(String(c.attrs.samesite).toLowerCase(), 'strict', 'SameSite=Strict');
    assert.equal(c.attrs.path, '/', 'Path=/');
    const list = await jar.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(list.status, 200);
  });
});

describe('report list and counts', () => {
  let jar;
  let before0;
  const refs = [];
  const evil = '<script>alert("staff")</script> ging mis';
  const date = recentDate();

  test('(log in and take the counts)', async () => {
    jar = await staffLogin(server.url);
    before0 = await counts(server.url, jar);
  });

  test('(submit three reports)', async () => {
    refs.push(await submitValid(server.url, validReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0599', incident_date: date })));
    refs.push(await submitValid(server.url, validReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0363', description: evil })));
    refs.push(await submitValid(server.url, validReport({ incident_municipality: 'none', residence_municipality: 'unknown' })));
  });

  test('the list shows the reports, newest first', async () => {
    const { rows } = await reportRows(server.url, jar);
    const order = rows.map((r) => /MP-\d{4}-\d{6}/.exec(r.text)[0]);
    assert.deepEqual(order.slice(0, 3), [...refs].reverse());
    for (const r of rows.slice(0, 3)) {
      assert.ok(r.cells.some((c) => /^MP-\d{4}-\d{6}$/.test(c.text)), 'the reference in a cell of its own');
    }
  });

  test('a row shows municipality names and the date', async () => {
    const { rows } = await reportRows(server.url, jar);
    const row = rows.find((r) => r.text.includes(refs[0]));
    assert.match(row.text, /Amsterdam/);
    assert.match(row.text, /Rotterdam/);
    assert.ok(dateForms(date).some((f) => row.text.includes(f)), `the date ${date} in "${row.text}"`);
  });

  test('the description is shown escaped', async () => {
    const { html, rows } = await reportRows(server.url, jar);
    assert.ok(!html.includes('<script>alert("staff")'), 'no raw script');
    const row = rows.find((r) => r.text.includes(refs[1]));
    assert.ok(row.html.includes('&lt;script&gt;'), 'escaped in the row');
    assert.ok(row.text.includes(evil), 'and readable as typed');
  });

  test('counts per municipality went up by what was reported', async () => {
    const now = await counts(server.url, jar);
    const delta = (code, col) => (now.get(code)?.[col] ?? 0) - (before0.get(code)?.[col] ?? 0);
    assert.equal(delta('GM0363', 'incident'), 2, 'Amsterdam as place of incident');
    assert.equal(delta('GM0363', 'residence'), 1, 'Amsterdam as residence');
    assert.equal(delta('GM0599', 'incident'), 0, 'Rotterdam as place of incident');
    assert.equal(delta('GM0599', 'residence'), 1, 'Rotterdam as residence');
    assert.equal(delta('none', 'incident'), 1, 'incident "not applicable"');
    assert.equal(delta('unknown', 'residence'), 1, 'residence "unknown"');
  });

  test('the counts table has one row per municipality with reports', async () => {
    const now = await counts(server.url, jar);
    assert.ok(now.has('GM0363') && now.has('GM0599') && now.has('none') && now.has('unknown'));
    assert.ok(!now.has('GM0014'), 'Groningen has no reports, so no row');
  });

  test('another year has no reports', async () => {
    const old = await counts(server.url, jar, 2001);
    assert.equal([...old.values()].reduce((n, c) => n + c.incident + c.residence, 0), 0);
  });
});

describe('logout', () => {
  test('POST /medewerkers/uitloggen ends the session; the old cookie no longer works', async () => {
    const jar = await staffLogin(server.url);
    const old = jar.clone();
    const list = await jar.fetch(`${server.url}/medewerkers/meldingen`);
    const html = await list.text();
    const logoutForm = elements(html, 'form', (a) => a.action === '/medewerkers/uitloggen')[0];
    assert.ok(logoutForm, 'the staff page has a logout form');
    const csrf = inputs(logoutForm.html, 'csrf')[0]?.value;
    assert.ok(csrf, 'with a csrf token');
    const res = await postForm(jar, `${server.url}/medewerkers/uitloggen`, { csrf });
    assert.equal(res.status, 303);

    const after = await old.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(after.status, 303);
    assert.equal(new URL(after.headers.get('location'), server.url).pathname, '/medewerkers/login');
  });

  test('logout without the csrf token is refused', async () => {
    const jar = await staffLogin(server.url);
    const res = await postForm(jar, `${server.url}/medewerkers/uitloggen`, {});
    assert.equal(res.status, 403);
    const list = await jar.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(list.status, 200, 'still logged in');
  });
});
