// The cases of a moved or deactivated account (issue 14): when a system administrator moves a
// handler to another bureau, or deactivates the account, the handler's open cases in the old
// bureau become unassigned, each with an event in its history that says why, so the coordinator
// finds them under "unassigned"; closed cases keep their handler. The accounts page says how many
// cases were unassigned, and the audit record has one entry for them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { elements, tableRows, tags, textOf } from './html.mjs';
import { STAFF_PASSWORD, staffLogin, submitValid, validReport } from './flows.mjs';
import { sql } from './database.mjs';

const SYSADMIN = 'systeem@meldpunt.example';
const COORDINATOR = 'coordinator@meldpunt.example';
const MOVER = 'verhuizer@meldpunt.example';
const LEAVER = 'vertrekker@meldpunt.example';
const ACCOUNTS = '/medewerkers/medewerkers';

let server;
const ids = {};
const jars = {};

async function addUser(email, role, bureau) {
  const args = ['user', 'add', '--email', email, '--role', role];
  if (bureau) args.push('--bureau', String(bureau));
  const r = await server.run(args, `${STAFF_PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  [ids[email]] = await sql(server, `SELECT id FROM staff_users WHERE email = '${email}'`);
}

/** A new case of bureau 1 assigned to `email` by the coordinator; its id. */
async function caseOf(email, fields = { wishes: ['advice'] }) {
  const reference = await submitValid(server.url, validReport(fields));
  const id = Number(reference.slice(-6));
  const link = `${server.url}/medewerkers/meldingen/${id}`;
  const page = await getForm(jars.coordinator, link);
  const version = tags(page.html, 'input').find((t) => t.attrs.name === 'case_version').attrs.value;
  const res = await postForm(jars.coordinator, `${link}/toewijzen`, { csrf: page.csrf, case_version: version, handler: String(ids[email]) });
  assert.equal(res.status, 303, res.html?.slice(0, 300));
  return id;
}

const assignee = async (id) => (await sql(server, `SELECT COALESCE(assigned_to, 0) FROM reports WHERE id = ${id}`))[0];
const statusText = (html) => elements(html, 'div', (a) => a.id === 'cases-unassigned').map((d) => textOf(d.html))[0] ?? null;

/** The history lines of a case page, as the coordinator sees them. */
async function history(id) {
  const html = await (await jars.coordinator.fetch(`${server.url}/medewerkers/meldingen/${id}`)).text();
  const list = elements(html, 'ol', (a) => a.id === 'case-history')[0];
  return elements(list.html, 'li').map((li) => textOf(li.html));
}

async function post(path, fields) {
  const { csrf } = await getForm(jars.sysadmin, `${server.url}${ACCOUNTS}`);
  return postForm(jars.sysadmin, `${server.url}${path}`, { csrf, ...fields });
}

before(async () => {
  server = await startServer();
  const b = await server.run(['bureau', 'add', '--name', 'Bureau Noord']);
  assert.equal(b.code, 0, b.stderr);
  await addUser(SYSADMIN, 'system_admin');
  await addUser(COORDINATOR, 'coordinator', 1);
  await addUser(MOVER, 'handler', 1);
  await addUser(LEAVER, 'handler', 1);
  jars.sysadmin = await staffLogin(server.url, SYSADMIN);
  jars.coordinator = await staffLogin(server.url, COORDINATOR);
});
after(() => server?.stop());

describe('the cases of a moved or deactivated account', () => {
  const cases = {};
  before(async () => {
    cases.a = await caseOf(MOVER);
    cases.b = await caseOf(MOVER);
    // A report for registration only is closed at once: it keeps its handler.
    cases.closed = await caseOf(MOVER, { wishes: ['registration_only'] });
    cases.leaver = await caseOf(LEAVER);
    cases.colleague = await caseOf(COORDINATOR);
  });

  test('moving a handler unassigns their open cases of the old bureau, each with a line in its history', async () => {
    const eventsBefore = Number((await sql(server, `SELECT COUNT(*) FROM case_events WHERE report_id = ${cases.a}`))[0]);
    const versionBefore = Number((await sql(server, `SELECT case_version FROM reports WHERE id = ${cases.a}`))[0]);
    const res = await post(`${ACCOUNTS}/${ids[MOVER]}/bureau`, { bureau: '2' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${ACCOUNTS}?bureau=1&zaken=2`);
    const page = await (await jars.sysadmin.fetch(`${server.url}${res.location}`)).text();
    assert.match(statusText(page), /^2 open zaken waren aan de collega toegewezen: ze zijn nu niet toegewezen/);

    assert.equal(await assignee(cases.a), '0');
    assert.equal(await assignee(cases.b), '0');
    assert.equal(await assignee(cases.closed), ids[MOVER], 'a closed case keeps its handler');
    assert.equal(await assignee(cases.leaver), ids[LEAVER], "a colleague's case is untouched");
    assert.equal(await assignee(cases.colleague), ids[COORDINATOR]);
    assert.equal(Number((await sql(server, `SELECT COUNT(*) FROM case_events WHERE report_id = ${cases.a}`))[0]), eventsBefore + 1);
    assert.equal(Number((await sql(server, `SELECT case_version FROM reports WHERE id = ${cases.a}`))[0]), versionBefore + 1,
      'a colleague with the case open gets "changed in the meantime"');
    const lines = await history(cases.a);
    assert.ok(lines.some((l) => /Toegewezen: niemand \(de behandelaar is naar een ander bureau verplaatst\)/.test(l) && l.includes(SYSADMIN)), lines.join('\n'));
    assert.deepEqual(await sql(server, `SELECT subject FROM audit_log WHERE action = 'user.cases_unassigned'`),
      [`user ${ids[MOVER]} ${MOVER} account_moved 2 cases`]);

    // The coordinator finds them under "unassigned".
    const list = await (await jars.coordinator.fetch(`${server.url}/medewerkers/meldingen?behandelaar=geen`)).text();
    const listed = (tableRows(list, 'reports') ?? []).map((r) => Number(r.attrs['data-id'])).filter(Boolean);
    assert.ok(listed.includes(cases.a) && listed.includes(cases.b), `unassigned list: ${listed}`);
  });

  test('deactivating a handler unassigns their open cases; the same form again finds none', async () => {
    const res = await post(`${ACCOUNTS}/${ids[LEAVER]}/status`, { status: 'inactief' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${ACCOUNTS}?gedeactiveerd=1&zaken=1`);
    const page = await (await jars.sysadmin.fetch(`${server.url}${res.location}`)).text();
    assert.match(statusText(page), /^1 open zaak was aan de collega toegewezen: die is nu niet toegewezen/);
    assert.equal(await assignee(cases.leaver), '0');
    const lines = await history(cases.leaver);
    assert.ok(lines.some((l) => /Toegewezen: niemand \(het account van de behandelaar is gedeactiveerd\)/.test(l)), lines.join('\n'));

    const events = await sql(server, `SELECT COUNT(*) FROM case_events`);
    const again = await post(`${ACCOUNTS}/${ids[LEAVER]}/status`, { status: 'inactief' });
    assert.equal(again.location, `${ACCOUNTS}?gedeactiveerd=1&zaken=0`);
    const pageAgain = await (await jars.sysadmin.fetch(`${server.url}${again.location}`)).text();
    assert.equal(statusText(pageAgain), 'De collega had geen open zaken toegewezen.');
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM case_events`), events);
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM audit_log WHERE action = 'user.cases_unassigned'`), ['2']);
  });
});
