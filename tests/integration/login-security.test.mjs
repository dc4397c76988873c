// Staff login security (issue 4): the second factor (TOTP) with enrolment and recovery codes,
// replay refused, throttling per account (ASVS 2.2.1) that an attacker cannot turn against the
// owner's own browser, half-logins that expire, the list of one's sessions, the absolute session
// lifetime, re-authentication before sensitive actions, and an administrator resetting a
// colleague's second factor. One server; its clock is moved with a clock offset file.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { byId, elements, inputs, tableRows, textOf } from './html.mjs';
import {
  STAFF_PASSWORD, enrolStaff, nextStaffCode, staffFactors, staffLogin, submitValid, validReport,
} from './flows.mjs';
import { base32Decode, totp } from './totp.mjs';
import { sql as sqlOf } from './database.mjs';

const ADMIN = 'beheer-a@meldpunt.example';
const HANDLER = 'behandelaar-a@meldpunt.example';
const OTHER_ADMIN = 'beheer-b@meldpunt.example';
const LOCKED = 'slot@meldpunt.example';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

let server;
let clockDir;
let offset = 0;

/** Move the server's clock forward. */
async function advance(seconds) {
  offset += seconds;
  await writeFile(path.join(clockDir, 'offset'), String(offset));
}

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

async function addUser(email, role, bureau = 1) {
  const r = await server.run(['user', 'add', '--email', email, '--role', role, '--bureau', String(bureau)], `${STAFF_PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
}

/** The password step in a jar: { status, location, html }. */
async function passwordStep(jar, email, password = STAFF_PASSWORD) {
  const form = await getForm(jar, `${server.url}/medewerkers/login`);
  return postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email, password });
}

/** The code step in a jar that passed the password. */
async function codeStep(jar, code, headers = {}) {
  const form = await getForm(jar, `${server.url}/medewerkers/login/code`);
  return postForm(jar, `${server.url}/medewerkers/login/code`, { csrf: form.csrf, code }, { headers });
}

/** The text of the page's alert, with times and numbers of minutes taken out. */
function alertText(html) {
  const alert = elements(html, 'div', (a) => a.role === 'alert')[0];
  return alert ? alert.text.replace(/\d{2}:\d{2}/g, 'HH:MM').replace(/\d+ minu\w+/g, 'N min') : '';
}

const pathOf = (location) => new URL(location, server.url).pathname;

/** The rows of table#sessions (without the header). */
const sessionRows = (html) => tableRows(html, 'sessions').filter((r) => r.attrs['data-id']);

/** Log out with the staff menu's form. */
async function logout(jar) {
  const page = await getForm(jar, `${server.url}/medewerkers/sessies`);
  const res = await postForm(jar, `${server.url}/medewerkers/uitloggen`, { csrf: page.csrf });
  assert.equal(res.status, 303);
}

before(async () => {
  clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
  await writeFile(path.join(clockDir, 'offset'), '0');
  // Staff stay in for a day without use, so the absolute lifetime (12 h) can be seen on its own.
  server = await startServer({
    env: { MELDPUNT_CLOCK_OFFSET_FILE: path.join(clockDir, 'offset'), MELDPUNT_STAFF_IDLE_MINUTES: '1440' },
  });
  const b = await server.run(['bureau', 'add', '--name', 'Bureau B']);
  assert.equal(b.code, 0, b.stderr);
  await addUser(ADMIN, 'bureau_admin');
  await addUser(HANDLER, 'handler');
  await addUser(OTHER_ADMIN, 'bureau_admin', 2);
  await addUser(LOCKED, 'handler');
});
after(async () => {
  await server?.stop();
  if (clockDir) await rm(clockDir, { recursive: true, force: true });
});

describe('enrolment at the first login', () => {
  const jar = new CookieJar();
  let secret;

  test('after the password: the set-up page with a QR code, the key and an otpauth link; no session', async () => {
    const res = await passwordStep(jar, ADMIN);
    assert.equal(res.status, 303);
    assert.equal(pathOf(res.location), '/medewerkers/login/instellen');
    assert.equal(jar.lastSetCookie('mp_staff'), undefined);
    const page = await getForm(jar, `${server.url}/medewerkers/login/instellen`);
    assert.equal(page.status, 200);
    secret = byId(page.html, 'totp-secret', ['code']).text;
    assert.match(secret, /^[A-Z2-7]{4}( [A-Z2-7]{4})+$/, 'base32 in groups of four');
    assert.equal(base32Decode(secret).length, 20, '160 bits');
    const uri = byId(page.html, 'totp-uri', ['code']).text;
    assert.match(uri, /^otpauth:\/\/totp\/Meldpunt%20Discriminatie:beheer-a%40meldpunt\.example\?secret=[A-Z2-7]+&issuer=Meldpunt%20Discriminatie/);
    assert.ok(uri.includes(`secret=${secret.replace(/ /g, '')}`));
    assert.match(page.html, /<svg [^>]*role="img"[^>]*aria-label="QR-code voor uw authenticator-app"/);
    assert.match(page.html, /<path fill="#000" d="M4 4h7v1h-7z/, 'a QR code drawn on the server');
    assert.ok(!/<img|<script/.test(page.html.split('<main')[1]), 'no image or script request for it');
    const list = await jar.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(list.status, 303, 'the half-login opens no staff page');
  });

  test('a wrong code is 422 with the page again and a message', async () => {
    const page = await getForm(jar, `${server.url}/medewerkers/login/instellen`);
    const res = await postForm(jar, `${server.url}/medewerkers/login/instellen`, { csrf: page.csrf, code: '000000' });
    assert.equal(res.status, 422);
    assert.match(alertText(res.html), /Deze code klopt niet/);
    assert.equal(byId(res.html, 'totp-secret', ['code']).text, secret, 'the same key to scan');
    assert.equal(jar.lastSetCookie('mp_staff'), undefined);
  });

  test('the right code: ten recovery codes shown once, and a session', async () => {
    const { codes, html } = await enrolStaff(server.url, jar, ADMIN);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    assert.match(textOf(elements(html, 'div', (a) => a.role === 'status')[0].html), /tweede stap is ingesteld/);
    assert.ok(jar.lastSetCookie('mp_staff'), 'a session cookie');
    assert.equal((await jar.fetch(`${server.url}/medewerkers/meldingen`)).status, 200);
    const again = await jar.fetch(`${server.url}/medewerkers/login/instellen`);
    assert.equal(again.status, 303, 'the set-up page is gone with the half-login');
  });

  test('the key is stored encrypted and the recovery codes only as hashes', async () => {
    const [sealed] = await sql(`SELECT totp_secret_enc FROM staff_users WHERE email = '${ADMIN}'`);
    assert.match(sealed, /^v1:/);
    assert.ok(!sealed.includes(secret.replace(/ /g, '')));
    const hashes = await sql(`SELECT code_hash FROM staff_recovery_codes r JOIN staff_users u ON u.id = r.user_id WHERE u.email = '${ADMIN}'`);
    assert.equal(hashes.length, 10);
    const { recovery } = staffFactors.get(ADMIN);
    for (const code of recovery) assert.ok(!hashes.some((h) => h.includes(code.replace(/-/g, ''))));
    assert.deepEqual(await sql(`SELECT subject FROM audit_log WHERE action = 'user.enrol_2fa'`), [ADMIN]);
  });
});

describe('the second step at later logins', () => {
  test('a wrong code is 401 with a message, and no session', async () => {
    const jar = new CookieJar();
    const res = await passwordStep(jar, ADMIN);
    assert.equal(pathOf(res.location), '/medewerkers/login/code');
    const wrong = await codeStep(jar, '123456');
    assert.equal(wrong.status, 401);
    assert.match(alertText(wrong.html), /Deze code klopt niet/);
    assert.equal(jar.lastSetCookie('mp_staff'), undefined);
  });

  test('a code works once: the same code again is refused as used', async () => {
    const first = new CookieJar();
    await passwordStep(first, ADMIN);
    const code = await nextStaffCode(server.url, ADMIN, { recovery: false });
    const ok = await codeStep(first, code);
    assert.equal(ok.status, 303);
    assert.equal(pathOf(ok.location), '/medewerkers/meldingen');
    const second = new CookieJar();
    await passwordStep(second, ADMIN);
    const replay = await codeStep(second, code);
    assert.equal(replay.status, 401);
    assert.match(alertText(replay.html), /al gebruikt/);
    assert.equal(second.lastSetCookie('mp_staff'), undefined);
  });

  test('a recovery code works once, and is counted down', async () => {
    const factor = staffFactors.get(ADMIN);
    const code = factor.recovery.shift();
    const jar = new CookieJar();
    await passwordStep(jar, ADMIN);
    const ok = await codeStep(jar, code.toUpperCase().replace(/-/g, ' '));
    assert.equal(ok.status, 303, 'case and separators do not matter');
    const page = await jar.fetch(`${server.url}/medewerkers/sessies`);
    assert.equal(byId(await page.text(), 'recovery-left', ['strong']).text, '9');
    const again = new CookieJar();
    await passwordStep(again, ADMIN);
    const refused = await codeStep(again, code);
    assert.equal(refused.status, 401);
    const logins = await sql(`SELECT subject FROM audit_log WHERE action = 'login' AND subject LIKE '%recovery code%'`);
    assert.deepEqual(logins, [`${ADMIN} (recovery code)`]);
  });

  test('a half-login ends after five minutes', async () => {
    const jar = new CookieJar();
    await passwordStep(jar, ADMIN);
    await advance(301);
    const page = await jar.fetch(`${server.url}/medewerkers/login/code`);
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/medewerkers/login?verlopen=1');
    const login = await getForm(jar, `${server.url}${page.headers.get('location')}`);
    assert.match(alertText(login.html), /duurde te lang/);
  });
});

describe('throttling per account (ASVS 2.2.1)', () => {
  let owner;

  test('(the owner logs in once on their own browser, and out again)', async () => {
    owner = await staffLogin(server.url, LOCKED);
    assert.ok(owner.get('mp_device'), 'the browser is known for this account from now on');
    await logout(owner);
  });

  test('five failures are free; the sixth makes the account wait, with the time in plain words', async () => {
    const attacker = new CookieJar();
    const nobody = new CookieJar();
    const texts = [];
    for (let i = 1; i <= 6; i++) {
      const real = await passwordStep(attacker, LOCKED, `fout-wachtwoord-${i}-xx`);
      const fake = await passwordStep(nobody, 'niemand@meldpunt.example', `fout-wachtwoord-${i}-xx`);
      const expected = i <= 5 ? 401 : 429;
      assert.equal(real.status, expected, `attempt ${i} on the account`);
      assert.equal(fake.status, expected, `attempt ${i} on an address without account`);
      texts.push([alertText(real.html), alertText(fake.html)]);
      if (i === 6) {
        const retry = Number(real.res.headers.get('retry-after'));
        assert.ok(retry > 50 && retry <= 60, `Retry-After ${retry}`);
        assert.equal(fake.res.headers.get('retry-after'), real.res.headers.get('retry-after'));
      }
    }
    for (const [real, fake] of texts) assert.equal(real, fake, 'the same answer whether or not the account exists');
    assert.match(texts[5][0], /Te vaak verkeerd geprobeerd.*U kunt het om HH:MM opnieuw proberen, over N min/);
  });

  test('while it waits, even the right password is not checked elsewhere', async () => {
    const res = await passwordStep(new CookieJar(), LOCKED);
    assert.equal(res.status, 429);
    assert.match(alertText(res.html), /opnieuw proberen/);
  });

  test("the owner's own browser is not locked out by someone else's failures", async () => {
    const res = await passwordStep(owner, LOCKED);
    assert.equal(res.status, 303);
    assert.equal(pathOf(res.location), '/medewerkers/login/code');
    const done = await codeStep(owner, await nextStaffCode(server.url, LOCKED));
    assert.equal(done.status, 303);
  });

  test('the wait ends by itself, and doubles after the next failure', async () => {
    await advance(61);
    const attacker = new CookieJar();
    const wrong = await passwordStep(attacker, LOCKED, 'nog-steeds-fout-xx');
    assert.equal(wrong.status, 429, 'the seventh failure');
    const retry = Number(wrong.res.headers.get('retry-after'));
    assert.ok(retry > 110 && retry <= 120, `Retry-After ${retry}: doubled`);
    await advance(121);
    const right = await passwordStep(attacker, LOCKED);
    assert.equal(right.status, 303, 'the right password after the wait');
  });

  test('wrong codes count as failures too', async () => {
    await advance(3600);
    const jar = new CookieJar();
    // The previous test's failures stay counted until a complete login: one more wrong code waits.
    await passwordStep(jar, LOCKED);
    const wrong = await codeStep(jar, '000000');
    assert.equal(wrong.status, 429);
    assert.match(alertText(wrong.html), /Te vaak verkeerd geprobeerd/);
  });
});

describe('sessions', () => {
  let first;
  let second;

  test('the list shows where one is logged in, this browser marked, without addresses', async () => {
    await advance(4 * 3600);
    first = await staffLogin(server.url, HANDLER);
    second = new CookieJar();
    await passwordStep(second, HANDLER);
    const done = await codeStep(second, await nextStaffCode(server.url, HANDLER), { 'user-agent': FIREFOX });
    assert.equal(done.status, 303);
    const page = await first.fetch(`${server.url}/medewerkers/sessies`);
    assert.equal(page.status, 200);
    const rows = sessionRows(await page.text());
    assert.equal(rows.length, 2);
    const current = rows.filter((r) => r.attrs['data-current'] === 'true');
    assert.equal(current.length, 1);
    assert.match(current[0].text, /deze browser/);
    const other = rows.find((r) => r.attrs['data-current'] !== 'true');
    assert.match(other.text, /Firefox op Linux/);
    assert.ok(!/127\.0\.0\.1/.test(rows.map((r) => r.text).join(' ')), 'no address');
    const devices = await sql(`SELECT device FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE u.email = '${HANDLER}' ORDER BY s.id`);
    assert.deepEqual(devices, ['|', 'Firefox|Linux'], 'only the coarse description is stored');
  });

  test('ending another session logs that browser out', async () => {
    const page = await getForm(first, `${server.url}/medewerkers/sessies`);
    const other = sessionRows(page.html).find((r) => r.attrs['data-current'] !== 'true');
    const res = await postForm(first, `${server.url}/medewerkers/sessies/beeindigen`, { csrf: page.csrf, session: other.attrs['data-id'] });
    assert.equal(res.status, 303);
    const after = await first.fetch(`${server.url}${res.location}`);
    assert.match(await after.text(), /De sessie is beëindigd/);
    assert.equal((await second.fetch(`${server.url}/medewerkers/meldingen`)).status, 303);
    assert.equal((await first.fetch(`${server.url}/medewerkers/meldingen`)).status, 200);
    const ended = await sql(`SELECT subject FROM audit_log WHERE action = 'session.end'`);
    assert.deepEqual(ended, [`session ${other.attrs['data-id']}`]);
  });

  test("another user's session cannot be ended", async () => {
    const [adminSession] = await sql(`SELECT s.id FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE u.email = '${ADMIN}' LIMIT 1`);
    const page = await getForm(first, `${server.url}/medewerkers/sessies`);
    const res = await postForm(first, `${server.url}/medewerkers/sessies/beeindigen`, { csrf: page.csrf, session: adminSession });
    assert.equal(res.status, 404);
    assert.equal((await sql(`SELECT COUNT(*) FROM staff_sessions WHERE id = ${adminSession}`))[0], '1');
  });

  test('"end all other sessions" keeps only this one', async () => {
    const third = await staffLogin(server.url, HANDLER);
    const page = await getForm(first, `${server.url}/medewerkers/sessies`);
    const res = await postForm(first, `${server.url}/medewerkers/sessies/andere-beeindigen`, { csrf: page.csrf });
    assert.equal(res.status, 303);
    assert.equal((await third.fetch(`${server.url}/medewerkers/meldingen`)).status, 303);
    assert.equal(sessionRows((await getForm(first, `${server.url}/medewerkers/sessies`)).html).length, 1);
  });

  test('a session ends 12 hours after login, however much it is used', async () => {
    await advance(11 * 3600);
    assert.equal((await first.fetch(`${server.url}/medewerkers/meldingen`)).status, 200, 'after 11 hours');
    await advance(3600);
    const res = await first.fetch(`${server.url}/medewerkers/meldingen`);
    assert.equal(res.status, 303, 'after 12 hours');
    assert.equal(res.headers.get('location'), '/medewerkers/login');
  });

  test('logout ends the session', async () => {
    const jar = await staffLogin(server.url, HANDLER);
    const old = jar.clone();
    await logout(jar);
    assert.equal((await old.fetch(`${server.url}/medewerkers/sessies`)).status, 303);
  });
});

describe('staff accounts, resetting a second factor, re-authentication', () => {
  let admin;
  let handler;

  test('(log in)', async () => {
    admin = await staffLogin(server.url, ADMIN);
    handler = await staffLogin(server.url, HANDLER);
  });

  test("an administrator sees their bureau's accounts with second step and last login", async () => {
    const page = await admin.fetch(`${server.url}/medewerkers/medewerkers`);
    assert.equal(page.status, 200);
    const rows = tableRows(await page.text(), 'staff-users');
    const emails = rows.map((r) => r.cells[0]?.text ?? r.text);
    assert.ok(rows.some((r) => r.text.includes(HANDLER)));
    assert.ok(!rows.some((r) => r.text.includes(OTHER_ADMIN)), "not another bureau's accounts");
    const row = rows.find((r) => r.text.includes(HANDLER));
    assert.match(row.text, /Klachtbehandelaar/);
    assert.match(row.text, /ingesteld/);
    assert.match(row.text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'last login');
    assert.ok(emails.length >= 3);
  });

  test('a handler may not open it or reset anyone: 403', async () => {
    assert.equal((await handler.fetch(`${server.url}/medewerkers/medewerkers`)).status, 403);
    const [adminId] = await sql(`SELECT id FROM staff_users WHERE email = '${ADMIN}'`);
    const page = await getForm(handler, `${server.url}/medewerkers/sessies`);
    const res = await postForm(handler, `${server.url}/medewerkers/medewerkers/${adminId}/tweede-stap-herstellen`, { csrf: page.csrf });
    assert.equal(res.status, 403);
    assert.ok(staffFactors.has(ADMIN));
    assert.equal((await sql(`SELECT COUNT(*) FROM staff_users WHERE email = '${ADMIN}' AND totp_secret_enc IS NOT NULL`))[0], '1');
  });

  test("another bureau's administrator cannot reset this bureau's account: 404", async () => {
    const other = await staffLogin(server.url, OTHER_ADMIN);
    const [handlerId] = await sql(`SELECT id FROM staff_users WHERE email = '${HANDLER}'`);
    const page = await getForm(other, `${server.url}/medewerkers/medewerkers`);
    const res = await postForm(other, `${server.url}/medewerkers/medewerkers/${handlerId}/tweede-stap-herstellen`, { csrf: page.csrf });
    assert.equal(res.status, 404);
    assert.equal((await handler.fetch(`${server.url}/medewerkers/meldingen`)).status, 200, 'the handler is still in');
  });

  test('after five minutes, a reset first asks for the password and a code again', async () => {
    await advance(6 * 60);
    const [handlerId] = await sql(`SELECT id FROM staff_users WHERE email = '${HANDLER}'`);
    const page = await getForm(admin, `${server.url}/medewerkers/medewerkers`);
    const res = await postForm(admin, `${server.url}/medewerkers/medewerkers/${handlerId}/tweede-stap-herstellen`, { csrf: page.csrf });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/medewerkers/bevestigen?terug=/medewerkers/medewerkers');
    assert.equal((await handler.fetch(`${server.url}/medewerkers/meldingen`)).status, 200, 'nothing reset yet');

    const confirm = await getForm(admin, `${server.url}${res.location}`);
    assert.equal(confirm.status, 200);
    assert.equal(inputs(confirm.html, 'terug')[0].value, '/medewerkers/medewerkers');
    const wrong = await postForm(admin, `${server.url}/medewerkers/bevestigen`,
      { csrf: confirm.csrf, terug: '/medewerkers/medewerkers', password: 'niet-het-wachtwoord', code: '000000' });
    assert.equal(wrong.status, 401);
    assert.match(alertText(wrong.html), /wachtwoord of de code klopt niet/);
    const ok = await postForm(admin, `${server.url}/medewerkers/bevestigen`,
      { csrf: confirm.csrf, terug: '/medewerkers/medewerkers', password: STAFF_PASSWORD, code: await nextStaffCode(server.url, ADMIN) });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/medewerkers/medewerkers', 'back where the admin was');
    assert.deepEqual(await sql(`SELECT subject FROM audit_log WHERE action = 'reauth'`), ['/medewerkers/medewerkers']);
  });

  test('the way back after confirming stays on this site', async () => {
    for (const evil of ['https://evil.example/', '//evil.example/medewerkers/', '/medewerkers/\\\\evil.example', '/melden']) {
      const page = await getForm(admin, `${server.url}/medewerkers/bevestigen?terug=${encodeURIComponent(evil)}`);
      assert.equal(inputs(page.html, 'terug')[0].value, '/medewerkers/meldingen', evil);
    }
    await advance(6 * 60);
    const page = await getForm(admin, `${server.url}/medewerkers/bevestigen`);
    const res = await postForm(admin, `${server.url}/medewerkers/bevestigen`,
      { csrf: page.csrf, terug: '//evil.example/', password: STAFF_PASSWORD, code: await nextStaffCode(server.url, ADMIN) });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/medewerkers/meldingen');
  });

  test("a reporter's access request (an export of personal data) asks to confirm first, then opens", async () => {
    const reference = await submitValid(server.url, validReport({ description: 'Een melding voor het inzageverzoek.' }));
    const [id] = await sql(`SELECT id FROM reports ORDER BY id DESC LIMIT 1`);
    await advance(6 * 60);
    const exportPath = `/medewerkers/meldingen/${id}/inzage`;
    const before = await admin.fetch(`${server.url}${exportPath}`);
    assert.equal(before.status, 303);
    assert.equal(before.headers.get('location'), `/medewerkers/bevestigen?terug=${exportPath}`);
    const exports = await sql(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'report.export%'`);
    const page = await getForm(admin, `${server.url}${before.headers.get('location')}`);
    const ok = await postForm(admin, `${server.url}/medewerkers/bevestigen`,
      { csrf: page.csrf, terug: exportPath, password: STAFF_PASSWORD, code: await nextStaffCode(server.url, ADMIN) });
    assert.equal(ok.location, exportPath);
    const after = await admin.fetch(`${server.url}${exportPath}`);
    assert.equal(after.status, 200);
    assert.match(await after.text(), new RegExp(reference));
    assert.ok(Number((await sql(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'report.export%'`))[0]) > Number(exports[0]),
      'the export is audited once it is shown');
  });

  test("an administrator resets a colleague's second step: sessions end, the audit says who and whom", async () => {
    const [handlerId] = await sql(`SELECT id FROM staff_users WHERE email = '${HANDLER}'`);
    const page = await getForm(admin, `${server.url}/medewerkers/medewerkers`);
    const res = await postForm(admin, `${server.url}/medewerkers/medewerkers/${handlerId}/tweede-stap-herstellen`, { csrf: page.csrf });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/medewerkers/medewerkers?hersteld=1');
    const after = await admin.fetch(`${server.url}${res.location}`);
    const html = await after.text();
    assert.match(textOf(elements(html, 'div', (a) => a.role === 'status')[0].html), /tweede stap is hersteld/);
    const row = tableRows(html, 'staff-users').find((r) => r.text.includes(HANDLER));
    assert.match(row.text, /niet ingesteld/);
    assert.equal((await handler.fetch(`${server.url}/medewerkers/meldingen`)).status, 303, "the colleague's session ended");
    const audit = await sql(`SELECT u.email || ' ' || a.subject FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = 'user.reset_2fa'`);
    assert.deepEqual(audit, [`${ADMIN} user ${handlerId} ${HANDLER}`]);
    const jar = new CookieJar();
    const login = await passwordStep(jar, HANDLER);
    assert.equal(pathOf(login.location), '/medewerkers/login/instellen', 'set up again at the next login');
    await enrolStaff(server.url, jar, HANDLER);
  });

  test('an administrator cannot reset their own second step', async () => {
    const [adminId] = await sql(`SELECT id FROM staff_users WHERE email = '${ADMIN}'`);
    const page = await getForm(admin, `${server.url}/medewerkers/medewerkers`);
    const row = tableRows(page.html, 'staff-users').find((r) => r.text.includes(ADMIN));
    assert.ok(!row.html.includes('tweede-stap-herstellen'), 'no button for oneself');
    const res = await postForm(admin, `${server.url}/medewerkers/medewerkers/${adminId}/tweede-stap-herstellen`, { csrf: page.csrf });
    assert.equal(res.status, 422);
    assert.match(alertText(res.html), /eigen tweede stap/);
  });

  test('a reset without the anti-forgery token is refused', async () => {
    const [handlerId] = await sql(`SELECT id FROM staff_users WHERE email = '${HANDLER}'`);
    const res = await postForm(admin, `${server.url}/medewerkers/medewerkers/${handlerId}/tweede-stap-herstellen`, {});
    assert.equal(res.status, 403);
  });

  test('adding an account: password rules with a clear message, what was typed kept', async () => {
    const page = await getForm(admin, `${server.url}/medewerkers/medewerkers`);
    const base = { csrf: page.csrf, email: 'nieuw@meldpunt.example', role: 'intake', municipality: '' };
    const common = await postForm(admin, `${server.url}/medewerkers/medewerkers`, { ...base, password: 'Wachtwoord1234' });
    assert.equal(common.status, 422);
    assert.match(alertText(common.html), /veelgebruikte wachtwoorden/);
    assert.equal(inputs(common.html, 'email')[0].value, 'nieuw@meldpunt.example');
    assert.match(common.html, /<option value="intake" selected>/);
    assert.equal(inputs(common.html, 'password')[0].value, undefined, 'the password is not sent back');
    const short = await postForm(admin, `${server.url}/medewerkers/medewerkers`, { ...base, password: 'kort maar' });
    assert.equal(short.status, 422);
    assert.match(alertText(short.html), /minstens 12 tekens/);
    const system = await postForm(admin, `${server.url}/medewerkers/medewerkers`, { ...base, role: 'system_admin', password: 'een heel eigen zin van mij' });
    assert.equal(system.status, 422, 'a bureau admin makes no system administrators');
    const ok = await postForm(admin, `${server.url}/medewerkers/medewerkers`, { ...base, password: 'een heel eigen zin van mij' });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/medewerkers/medewerkers?toegevoegd=1');
    const list = await getForm(admin, `${server.url}${ok.location}`);
    const row = tableRows(list.html, 'staff-users').find((r) => r.text.includes('nieuw@meldpunt.example'));
    assert.match(row.text, /Intakemedewerker.*niet ingesteld.*nooit/);
    const twice = await postForm(admin, `${server.url}/medewerkers/medewerkers`, { ...base, csrf: list.csrf, password: 'een heel eigen zin van mij' });
    assert.equal(twice.status, 422);
    assert.deepEqual(await sql(`SELECT subject FROM audit_log WHERE action = 'user.add'`), ['nieuw@meldpunt.example intake']);
    const jar = await staffLogin(server.url, 'nieuw@meldpunt.example', 'een heel eigen zin van mij');
    assert.equal((await jar.fetch(`${server.url}/medewerkers/meldingen`)).status, 200, 'the new colleague enrols and gets in');
  });

  test('the command line refuses a common password too', async () => {
    const r = await server.run(['user', 'add', '--email', 'cli@meldpunt.example', '--role', 'handler'], 'Wachtwoord1234\n');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /commonly used/);
  });
});

test('the code for a time step matches what the server computes (RFC 6238)', () => {
  assert.equal(totp(Buffer.from('12345678901234567890'), Math.floor(59 / 30)), '287082');
});
