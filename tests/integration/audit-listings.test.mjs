// A list view is one audit entry that holds the cases it showed (issue 14), and "who saw this
// case" still finds it per case: exactly the cases on the page, not every case whose number lies
// between them; once per staff member and day, while the log keeps every view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './harness.mjs';
import { tableRows } from './html.mjs';
import { STAFF_PASSWORD, staffLogin, submitValid, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const ADMIN = 'beheer@meldpunt.example';
const COORDINATOR = 'coordinator@meldpunt.example';

let server;
let admin;
let coordinator;
const refs = {};

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

/** The admin's audit log page with these filters: its rows. */
async function whoSaw(reference, action) {
  const url = new URL('/medewerkers/inzagelog', server.url);
  url.searchParams.set('melding', reference);
  if (action) url.searchParams.set('actie', action);
  const res = await admin.fetch(url);
  assert.equal(res.status, 200);
  return tableRows(await res.text(), 'audit-log').filter((r) => r.attrs['data-id']).map((r) => ({
    id: Number(r.attrs['data-id']),
    action: r.attrs['data-action'],
    staff: r.cells.find((c) => c.attrs['data-col'] === 'staff')?.text ?? '',
  }));
}

before(async () => {
  server = await startServer();
  for (const [email, role] of [[ADMIN, 'bureau_admin'], [COORDINATOR, 'coordinator']]) {
    const r = await server.run(['user', 'add', '--email', email, '--role', role, '--bureau', '1'], `${STAFF_PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
  }
  // A complaint, a registration-only report, a complaint: the middle one lies between the two
  // complaints by number but is not a complaint.
  refs.first = await submitValid(server.url, validReport({ wishes: ['advice'] }));
  refs.middle = await submitValid(server.url, validReport());
  refs.last = await submitValid(server.url, validReport({ wishes: ['advice'] }));
  admin = await staffLogin(server.url, ADMIN);
  coordinator = await staffLogin(server.url, COORDINATOR);
});
after(() => server?.stop());

const listings = async () => Number((await sql(
  `SELECT COUNT(*) FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = 'list_reports' AND u.email = '${COORDINATOR}'`))[0]);

test('one list view is one entry, and "who saw" finds it for each case on the page, once', async () => {
  const res = await coordinator.fetch(`${server.url}/medewerkers/meldingen?soort=klacht`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes(refs.first) && html.includes(refs.last), 'both complaints are listed');
  assert.ok(!html.includes(refs.middle), 'the registration-only report is not');
  assert.equal(await listings(), 1, 'the audit log has exactly one entry for the list view');
  const [entryId] = await sql(`SELECT a.id FROM audit_log a JOIN staff_users u ON u.id = a.user_id
    WHERE a.action = 'list_reports' AND u.email = '${COORDINATOR}'`);

  for (const ref of [refs.first, refs.last]) {
    const rows = (await whoSaw(ref)).filter((r) => r.action === 'list_reports' && r.staff === COORDINATOR);
    assert.deepEqual(rows.map((r) => r.id), [Number(entryId)], `who saw ${ref}: that list view, once`);
  }
  const middle = (await whoSaw(refs.middle)).filter((r) => r.action === 'list_reports' && r.staff === COORDINATOR);
  assert.deepEqual(middle, [], 'a case between them that the page did not show was not seen');
});

test('the entry holds the ids shown, compactly, and the chain still verifies', async () => {
  const [ids] = await sql(`SELECT listed_ids FROM audit_log a JOIN staff_users u ON u.id = a.user_id
    WHERE a.action = 'list_reports' AND u.email = '${COORDINATOR}' ORDER BY a.id LIMIT 1`);
  const first = Number(refs.first.slice(-6));
  const last = Number(refs.last.slice(-6));
  assert.equal(ids, `${first},${last - first}`);
  const verify = await server.run(['audit', 'verify']);
  assert.equal(verify.code, 0, verify.stderr + verify.stdout);
});

test('viewing the list again the same day: a second entry in the log, "who saw" still names the first', async () => {
  const res = await coordinator.fetch(`${server.url}/medewerkers/meldingen?soort=klacht`);
  assert.equal(res.status, 200);
  assert.equal(await listings(), 2, 'every view is on the log');
  const rows = (await whoSaw(refs.first, 'list_reports')).filter((r) => r.staff === COORDINATOR);
  assert.equal(rows.length, 1, 'one per staff member and day');
  assert.deepEqual(await sql(`SELECT COUNT(*) FROM audit_case_listings l JOIN staff_users u ON u.id = l.user_id
    WHERE l.report_id = ${Number(refs.first.slice(-6))} AND u.email = '${COORDINATOR}'`), ['1'], 'one index row per case, staff member and day');
});
