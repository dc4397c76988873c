// Moving a staff account to another bureau (issue 14): only a system administrator, after
// re-authentication; the colleague's sessions end and they see the new bureau's cases from their
// next login; it is on the audit record. A bureau's administrator cannot move anyone out of their
// bureau. Deactivated accounts are neither offered as handler of a case nor accepted when posted.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { elements, inputs, tableRows, tags, textOf } from './html.mjs';
import { STAFF_PASSWORD, nextStaffCode, staffLogin, submitValid, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const SYSADMIN = 'systeem@meldpunt.example';
const ADMIN = 'beheer@meldpunt.example';
const MOVER = 'verhuizer@meldpunt.example';
const COORDINATOR = 'coordinator@meldpunt.example';
const GONE = 'vertrokken@meldpunt.example';
const ACCOUNTS = '/medewerkers/medewerkers';

let server;
let clockDir;
let offset = 0;
const ids = {};

async function advance(seconds) {
  offset += seconds;
  await writeFile(path.join(clockDir, 'offset'), String(offset));
}

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

async function addUser(email, role, bureau) {
  const args = ['user', 'add', '--email', email, '--role', role];
  if (bureau) args.push('--bureau', String(bureau));
  const r = await server.run(args, `${STAFF_PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  [ids[email]] = await sql(`SELECT id FROM staff_users WHERE email = '${email}'`);
}

const alertText = (html) => textOf(elements(html, 'div', (a) => a.role === 'alert')[0]?.html ?? '');
const statusText = (html) => textOf(elements(html, 'div', (a) => a.role === 'status')[0]?.html ?? '');

async function moveTo(jar, email, bureau) {
  const { csrf } = await getForm(jar, `${server.url}${ACCOUNTS}`);
  return postForm(jar, `${server.url}${ACCOUNTS}/${ids[email]}/bureau`, { csrf, bureau: String(bureau) });
}

before(async () => {
  clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
  await writeFile(path.join(clockDir, 'offset'), '0');
  server = await startServer({ env: { MELDPUNT_CLOCK_OFFSET_FILE: path.join(clockDir, 'offset') } });
  const b = await server.run(['bureau', 'add', '--name', 'Bureau Noord']);
  assert.equal(b.code, 0, b.stderr);
  await addUser(SYSADMIN, 'system_admin');
  await addUser(ADMIN, 'bureau_admin', 1);
  await addUser(MOVER, 'handler', 1);
  await addUser(COORDINATOR, 'coordinator', 1);
  await addUser(GONE, 'handler', 1);
});
after(async () => {
  await server?.stop();
  if (clockDir) await rm(clockDir, { recursive: true, force: true });
});

describe('moving an account to another bureau', () => {
  let sysadmin;
  let mover;

  test('a bureau administrator is offered no bureau form and is refused (403) when posting one', async () => {
    const admin = await staffLogin(server.url, ADMIN);
    const page = await (await admin.fetch(`${server.url}${ACCOUNTS}`)).text();
    assert.equal(tags(page, 'form').filter((f) => (f.attrs.action ?? '').endsWith('/bureau')).length, 0);
    const res = await moveTo(admin, MOVER, 2);
    assert.equal(res.status, 403);
    assert.deepEqual(await sql(`SELECT bureau_id FROM staff_users WHERE email = '${MOVER}'`), ['1']);
    assert.deepEqual(await sql(`SELECT subject FROM audit_log WHERE action = 'access.denied' AND user_id = ${ids[ADMIN]}`),
      [`bureau_admin /medewerkers/medewerkers/${ids[MOVER]}/bureau`]);
  });

  test('a system administrator sees a bureau form for bureau accounts, not for their own', async () => {
    sysadmin = await staffLogin(server.url, SYSADMIN);
    mover = await staffLogin(server.url, MOVER);
    const html = await (await sysadmin.fetch(`${server.url}${ACCOUNTS}`)).text();
    const rowOf = (email) => tableRows(html, 'staff-users').find((r) => r.text.includes(email));
    const select = elements(rowOf(MOVER).html, 'select', (a) => a.name === 'bureau')[0];
    assert.ok(select, 'a bureau choice in the row');
    assert.match(select.html, /<option value="1" selected>/);
    assert.match(select.html, /Bureau Noord/);
    assert.equal(elements(rowOf(SYSADMIN).html, 'select', (a) => a.name === 'bureau').length, 0);
  });

  test('an unknown bureau is refused with 422 and changes nothing', async () => {
    const res = await moveTo(sysadmin, MOVER, 99);
    assert.equal(res.status, 422);
    assert.match(alertText(res.html), /Kies het bureau/);
    assert.deepEqual(await sql(`SELECT bureau_id FROM staff_users WHERE email = '${MOVER}'`), ['1']);
  });

  test('after five minutes it first asks for the password and a code again', async () => {
    await advance(6 * 60);
    const res = await moveTo(sysadmin, MOVER, 2);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/medewerkers/bevestigen?terug=/medewerkers/medewerkers');
    assert.deepEqual(await sql(`SELECT bureau_id FROM staff_users WHERE email = '${MOVER}'`), ['1'], 'not moved yet');
    const confirm = await getForm(sysadmin, `${server.url}${res.location}`);
    assert.equal(inputs(confirm.html, 'terug')[0].value, ACCOUNTS);
    const ok = await postForm(sysadmin, `${server.url}/medewerkers/bevestigen`,
      { csrf: confirm.csrf, terug: ACCOUNTS, password: STAFF_PASSWORD, code: await nextStaffCode(server.url, SYSADMIN) });
    assert.equal(ok.status, 303);
  });

  test('moved: the sessions end, the page says so, the record has it, the next login is in the new bureau', async () => {
    assert.equal((await mover.fetch(`${server.url}/medewerkers/meldingen`, { redirect: 'manual' })).status, 200);
    const res = await moveTo(sysadmin, MOVER, 2);
    assert.equal(res.status, 303);
    assert.equal(res.location, `${ACCOUNTS}?bureau=1&zaken=0`);
    const page = await (await sysadmin.fetch(`${server.url}${res.location}`)).text();
    assert.match(statusText(page), /naar het andere bureau verplaatst/);
    const row = tableRows(page, 'staff-users').find((r) => r.text.includes(MOVER));
    assert.match(row.text, /Bureau Noord/);
    assert.deepEqual(await sql(`SELECT bureau_id FROM staff_users WHERE email = '${MOVER}'`), ['2']);
    assert.notEqual((await mover.fetch(`${server.url}/medewerkers/meldingen`, { redirect: 'manual' })).status, 200,
      'the old session has ended');
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM staff_sessions WHERE user_id = ${ids[MOVER]}`), ['0']);
    assert.deepEqual(await sql(`SELECT u.email || ' ' || a.subject FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = 'user.bureau'`),
      [`${SYSADMIN} user ${ids[MOVER]} ${MOVER} bureau 1 -> 2`]);
    // The same form again changes and records nothing.
    assert.equal((await moveTo(sysadmin, MOVER, 2)).status, 303);
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'user.bureau'`), ['1']);
    // Their next login lands in Bureau Noord: the bureau administrator of bureau 1 no longer lists them.
    const again = await staffLogin(server.url, MOVER);
    assert.equal((await again.fetch(`${server.url}/medewerkers/meldingen`)).status, 200);
    const admin = await staffLogin(server.url, ADMIN);
    const adminPage = await (await admin.fetch(`${server.url}${ACCOUNTS}`)).text();
    assert.equal(tableRows(adminPage, 'staff-users').some((r) => r.text.includes(MOVER)), false);
  });
});

describe('deactivated accounts are not handlers', () => {
  test('not offered on the case page, and refused when posted', async () => {
    const reference = await submitValid(server.url, validReport({ wishes: ['advice'] }));
    const link = `/medewerkers/meldingen/${Number(reference.slice(-6))}`;
    const sysadmin = await staffLogin(server.url, SYSADMIN);
    const { csrf } = await getForm(sysadmin, `${server.url}${ACCOUNTS}`);
    const off = await postForm(sysadmin, `${server.url}${ACCOUNTS}/${ids[GONE]}/status`, { csrf, status: 'inactief' });
    assert.equal(off.status, 303);

    const coordinator = await staffLogin(server.url, COORDINATOR);
    const res = await coordinator.fetch(`${server.url}${link}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const select = elements(html, 'select', (a) => a.name === 'handler')[0];
    assert.ok(select, 'the coordinator is offered the handler choice');
    const offered = tags(select.html, 'option').map((o) => o.attrs.value).filter(Boolean);
    assert.ok(offered.includes(String(ids[COORDINATOR])), 'active handlers are offered');
    assert.equal(offered.includes(String(ids[GONE])), false, 'the deactivated account is not offered');

    const version = tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value;
    const page = await getForm(coordinator, `${server.url}${link}`);
    const refused = await postForm(coordinator, `${server.url}${link}/toewijzen`,
      { csrf: page.csrf, case_version: version, handler: String(ids[GONE]) });
    assert.equal(refused.status, 422);
    assert.match(alertText(refused.html), /gedeactiveerde accounts/);
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.assign'`), ['0']);

    const taken = await postForm(coordinator, `${server.url}${link}/toewijzen`,
      { csrf: page.csrf, case_version: version, handler: String(ids[COORDINATOR]) });
    assert.equal(taken.status, 303, 'an active handler is accepted');
  });
});
