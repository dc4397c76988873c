// Staff accounts (issue 14): an administrator deactivates and reactivates a colleague's account
// (its sessions end at once, it cannot log in, its audit entries stay), sees each account's state
// and last login, and changes a colleague's role (their sessions end; the new role applies from
// their next login). Each change is on the audit record; oneself is never the target.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { elements, tableRows, textOf } from './html.mjs';
import { STAFF_PASSWORD, staffLogin } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const ADMIN = 'beheer@meldpunt.example';
const HANDLER = 'behandelaar@meldpunt.example';
const NEWCOMER = 'nieuw@meldpunt.example';
const OTHER_ADMIN = 'beheer-b@meldpunt.example';
const ACCOUNTS = '/medewerkers/medewerkers';

let server;
let admin;
let handler;
let handlerId;
let adminId;

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

async function addUser(email, role, bureau = 1) {
  const r = await server.run(['user', 'add', '--email', email, '--role', role, '--bureau', String(bureau)], `${STAFF_PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
}

async function passwordStep(jar, email, password = STAFF_PASSWORD) {
  const form = await getForm(jar, `${server.url}/medewerkers/login`);
  return postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email, password });
}

const alertText = (html) => textOf(elements(html, 'div', (a) => a.role === 'alert')[0]?.html ?? '');
const statusText = (html) => textOf(elements(html, 'div', (a) => a.role === 'status')[0]?.html ?? '');

/** The accounts page's row of an account, with its cells by data-col. */
async function accountRow(jar, email, path = ACCOUNTS) {
  const res = await jar.fetch(`${server.url}${path}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const row = tableRows(html, 'staff-users').find((r) => r.text.includes(email));
  assert.ok(row, `a row for ${email}`);
  const cell = (col) => textOf(elements(row.html, 'td', (a) => a['data-col'] === col)[0]?.html ?? '');
  return { row, html, status: cell('status'), lastLogin: cell('last-login') };
}

async function post(jar, path, fields) {
  const { csrf } = await getForm(jar, `${server.url}${ACCOUNTS}`);
  return postForm(jar, `${server.url}${path}`, { csrf, ...fields });
}

const audit = (action) => sql(`SELECT u.email || ' ' || a.subject FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = '${action}' ORDER BY a.id`);

before(async () => {
  server = await startServer();
  const b = await server.run(['bureau', 'add', '--name', 'Bureau B']);
  assert.equal(b.code, 0, b.stderr);
  await addUser(ADMIN, 'bureau_admin');
  await addUser(HANDLER, 'handler');
  await addUser(NEWCOMER, 'intake');
  await addUser(OTHER_ADMIN, 'bureau_admin', 2);
  admin = await staffLogin(server.url, ADMIN);
  handler = await staffLogin(server.url, HANDLER);
  [handlerId] = await sql(`SELECT id FROM staff_users WHERE email = '${HANDLER}'`);
  [adminId] = await sql(`SELECT id FROM staff_users WHERE email = '${ADMIN}'`);
});
after(() => server?.stop());

describe('the accounts page', () => {
  test('shows each account as active with its last login in Dutch time, or "nooit"', async () => {
    const { status, lastLogin } = await accountRow(admin, HANDLER);
    assert.equal(status, 'actief');
    assert.match(lastLogin, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const [at] = await sql(`SELECT last_login_at FROM staff_users WHERE email = '${HANDLER}'`);
    const dutch = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    }).format(new Date(Number(at) * 1000));
    assert.equal(lastLogin, dutch, 'the last login in Dutch local time');
    assert.equal((await accountRow(admin, NEWCOMER)).lastLogin, 'nooit');
  });

  test('no deactivate or role form for oneself', async () => {
    const { row } = await accountRow(admin, ADMIN);
    assert.ok(!row.html.includes('/status'), 'no deactivate button for oneself');
    assert.ok(!row.html.includes('/rol'), 'no role form for oneself');
  });
});

describe('deactivating and reactivating', () => {
  test('an empty form is refused with 422 and changes nothing', async () => {
    const res = await post(admin, `${ACCOUNTS}/${handlerId}/status`, {});
    assert.equal(res.status, 422);
    assert.equal((await handler.fetch(`${server.url}/medewerkers/meldingen`)).status, 200, 'still in');
  });

  test('an administrator cannot deactivate their own account', async () => {
    const res = await post(admin, `${ACCOUNTS}/${adminId}/status`, { status: 'inactief' });
    assert.equal(res.status, 422);
    assert.match(alertText(res.html), /eigen account/);
    assert.equal((await admin.fetch(`${server.url}${ACCOUNTS}`)).status, 200);
  });

  test('a role without manage_staff gets 403; another bureau\'s administrator 404', async () => {
    // The handler cannot open the accounts page: the token comes from their sessions page.
    const { csrf } = await getForm(handler, `${server.url}/medewerkers/sessies`);
    const refused = await postForm(handler, `${server.url}${ACCOUNTS}/${adminId}/status`, { csrf, status: 'inactief' });
    assert.equal(refused.status, 403);
    const role = await postForm(handler, `${server.url}${ACCOUNTS}/${adminId}/rol`, { csrf, role: 'intake' });
    assert.equal(role.status, 403);
    const other = await staffLogin(server.url, OTHER_ADMIN);
    const foreign = await post(other, `${ACCOUNTS}/${handlerId}/status`, { status: 'inactief' });
    assert.equal(foreign.status, 404);
    assert.equal((await sql(`SELECT COUNT(*) FROM staff_users WHERE deactivated_at IS NOT NULL`))[0], '0');
  });

  test('deactivating ends the sessions at once, the page shows it, and login is refused', async () => {
    const loginsBefore = await sql(`SELECT COUNT(*) FROM audit_log WHERE user_id = ${handlerId}`);
    assert.ok(Number(loginsBefore[0]) > 0, 'the handler has audit entries');
    const res = await post(admin, `${ACCOUNTS}/${handlerId}/status`, { status: 'inactief' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${ACCOUNTS}?gedeactiveerd=1&zaken=0`);
    const page = await accountRow(admin, HANDLER, res.location);
    assert.match(statusText(page.html), /gedeactiveerd/);
    assert.match(page.status, /^gedeactiveerd sinds \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.match(page.row.html, /Opnieuw activeren/);
    assert.ok(!page.row.html.includes('tweede-stap-herstellen'), 'no reset for a deactivated account');

    const list = await handler.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(list.status, 303, 'the session ended');
    assert.equal(list.headers.get('location'), '/medewerkers/login');
    assert.equal((await sql(`SELECT COUNT(*) FROM staff_sessions WHERE user_id = ${handlerId}`))[0], '0');

    // The right password: refused with a message about the account, no half-login.
    const jar = new CookieJar();
    const refused = await passwordStep(jar, HANDLER);
    assert.equal(refused.status, 403);
    assert.match(alertText(refused.html), /account is gedeactiveerd/);
    assert.equal(jar.lastSetCookie('mp_login'), undefined, 'no half-login');
    // A wrong password: the same answer as for any wrong password, nothing about the account.
    const wrong = await passwordStep(new CookieJar(), HANDLER, 'niet-het-goede-wachtwoord');
    assert.equal(wrong.status, 401);
    assert.match(alertText(wrong.html), /e-mailadres of wachtwoord klopt niet/);
    assert.ok(!/gedeactiveerd/.test(wrong.html));

    assert.equal((await sql(`SELECT COUNT(*) FROM audit_log WHERE user_id = ${handlerId}`))[0],
      String(Number(loginsBefore[0]) + 1), "the account's entries stay, and the refused login is added");
    assert.deepEqual(await audit('user.deactivate'), [`${ADMIN} user ${handlerId} ${HANDLER}`]);
    assert.deepEqual(await audit('login.deactivated'), [`${HANDLER} ${HANDLER}`]);
    assert.equal((await sql(`SELECT COUNT(*) FROM staff_users WHERE email = '${HANDLER}'`))[0], '1');
  });

  test('deactivating again changes nothing and records nothing', async () => {
    const res = await post(admin, `${ACCOUNTS}/${handlerId}/status`, { status: 'inactief' });
    assert.equal(res.status, 303);
    assert.equal((await audit('user.deactivate')).length, 1);
  });

  test('reactivating: the page shows it, the colleague logs in again, the last login moves', async () => {
    const [lastBefore] = await sql(`SELECT last_login_at FROM staff_users WHERE email = '${HANDLER}'`);
    const res = await post(admin, `${ACCOUNTS}/${handlerId}/status`, { status: 'actief' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${ACCOUNTS}?geactiveerd=1`);
    const page = await accountRow(admin, HANDLER, res.location);
    assert.equal(page.status, 'actief');
    assert.match(statusText(page.html), /opnieuw geactiveerd/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    handler = await staffLogin(server.url, HANDLER);
    assert.equal((await handler.fetch(`${server.url}/medewerkers/meldingen`)).status, 200);
    const [lastAfter] = await sql(`SELECT last_login_at FROM staff_users WHERE email = '${HANDLER}'`);
    assert.ok(Number(lastAfter) > Number(lastBefore), 'the last login is the new one');
    assert.deepEqual(await audit('user.reactivate'), [`${ADMIN} user ${handlerId} ${HANDLER}`]);
  });
});

describe('changing a role', () => {
  test('an empty form or a role outside the bureau roles is refused with 422', async () => {
    assert.equal((await post(admin, `${ACCOUNTS}/${handlerId}/rol`, {})).status, 422);
    assert.equal((await post(admin, `${ACCOUNTS}/${handlerId}/rol`, { role: 'system_admin' })).status, 422);
    assert.equal((await post(admin, `${ACCOUNTS}/${adminId}/rol`, { role: 'handler' })).status, 422, 'not oneself');
    assert.equal((await sql(`SELECT role FROM staff_users WHERE id = ${handlerId}`))[0], 'handler');
  });

  test('a new role: sessions end, it applies from the next login, and it is on the record', async () => {
    assert.equal((await handler.fetch(`${server.url}/medewerkers/cijfers/landelijk`)).status, 403, 'a handler');
    const res = await post(admin, `${ACCOUNTS}/${handlerId}/rol`, { role: 'coordinator' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${ACCOUNTS}?rol=1`);
    const page = await accountRow(admin, HANDLER, res.location);
    assert.match(statusText(page.html), /rol is gewijzigd/);
    assert.match(page.row.cells[1].text, /Coördinator/);
    assert.equal((await handler.fetch(`${server.url}/medewerkers/meldingen`)).status, 303, 'the session ended');
    handler = await staffLogin(server.url, HANDLER);
    assert.equal((await handler.fetch(`${server.url}/medewerkers/cijfers/landelijk`)).status, 200, 'now a coordinator');
    assert.deepEqual(await audit('user.role'), [`${ADMIN} user ${handlerId} ${HANDLER} handler -> coordinator`]);
  });
});
