// The list of reports counts at most 10,000 rows (issue 14): on a million reports an exact count
// for "Getoond 1–100 van N" read every index entry of the bureau on every page. A bureau with
// 10,050 demo reports: the first page says "van meer dan 10.000", a page past the first 10,000
// says so too instead of a position it did not count, and a filter that passes fewer rows is
// counted exactly. The rows themselves are all there: the page after the cap has the rows SQL
// finds. The audit entry says "more than".
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isPostgres, resetPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { STAFF_EMAIL, addStaff, staffLogin } from './flows.mjs';
import { byId, tableRows } from './html.mjs';

const REPORTS = 10_050;
const PAGE = 100; // WebOptions::staff_page_size
const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;

let dir;
let db;
let server;
let jar;
let ordered; // [{ id, at }] of the staff member's bureau, newest received first

async function listPage(query) {
  const res = await jar.fetch(`${server.url}/medewerkers/meldingen${query}`);
  const html = await res.text();
  const rows = (tableRows(html, 'reports') ?? []).filter((r) => r.attrs['data-id']);
  const shown = byId(html, 'shown', ['p']);
  return { status: res.status, html, ids: rows.map((r) => Number(r.attrs['data-id'])), shown: shown?.attrs, text: shown?.text };
}

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-worklist-cap-'));
  if (PG_URL) await resetPostgres(PG_URL);
  db = { database: PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}` };
  const made = await runBinary(['demo-data', '--reports', String(REPORTS), '--years', '2', '--seed', '15', '--database', db.database, '--data-dir', dir]);
  assert.equal(made.code, 0, made.stderr);
  server = await startServer({ database: db.database, dataDir: dir, resetDatabase: false, args: ['--retention-job', 'false'] });
  await addStaff(server);
  jar = await staffLogin(server.url);
  const rows = await sql(db, `SELECT r.id || '|' || r.reported_at FROM reports r
    WHERE r.bureau_id = (SELECT bureau_id FROM staff_users WHERE email = '${STAFF_EMAIL}') ORDER BY r.reported_at DESC, r.id DESC`);
  ordered = rows.map((line) => {
    const [id, at] = line.split('|');
    return { id: Number(id), at: Number(at) };
  });
  assert.equal(ordered.length, REPORTS, 'every demo report is of the staff member\'s bureau');
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the list counts at most 10,000 rows', () => {
  test('the first page of more than 10,000: "1–100 van meer dan 10.000", and the audit entry says so', async () => {
    const page = await listPage('');
    assert.equal(page.status, 200);
    assert.deepEqual(page.ids, ordered.slice(0, PAGE).map((r) => r.id));
    assert.match(page.html, /Getoond 1–100 van meer dan 10\.000,/);
    assert.equal(page.shown['data-first'], '1');
    assert.equal(page.shown['data-last'], '100');
    assert.equal(page.shown['data-total'], '', 'the total is not known exactly');
    assert.equal(page.shown['data-more-than'], '10000');
    // The export notice: the list holds more than the export's 10,000 rows.
    assert.ok(byId(page.html, 'export-capped', ['span']), 'the export says it holds the first 10,000 rows');
    const audit = await sql(db, `SELECT subject FROM audit_log WHERE action = 'list_reports' ORDER BY id DESC LIMIT 1`);
    assert.match(audit[0], /^100 reports \(1-100 of more than 10000\), /);
  });

  test('a page after the first 10,000 rows says so instead of a position, with the right rows', async () => {
    // The key of the 10,020th row: the page after it starts at row 10,021.
    const key = ordered[10_019];
    const page = await listPage(`?na=${key.at}-${key.id}`);
    assert.equal(page.status, 200);
    assert.deepEqual(page.ids, ordered.slice(10_020, 10_050).map((r) => r.id));
    assert.match(page.html, /Getoond: 30 rijen na de eerste 10\.000, van meer dan 10\.000,/);
    assert.equal(page.shown['data-first'], '');
    assert.equal(page.shown['data-last'], '');
    assert.equal(page.shown['data-more-than'], '10000');
    assert.ok(page.html.includes('rel="prev"'), 'a link back');
    const audit = await sql(db, `SELECT subject FROM audit_log WHERE action = 'list_reports' ORDER BY id DESC LIMIT 1`);
    assert.match(audit[0], /^30 reports \(after more than 10000, of more than 10000\), /);
  });

  test('in English: "of more than 10,000"', async () => {
    await jar.fetch(`${server.url}/?lang=en`);
    try {
      const page = await listPage('');
      assert.match(page.html, /Shown 1–100 of more than 10,000,/);
    } finally {
      await jar.fetch(`${server.url}/?lang=nl`);
    }
  });

  test('a filter that passes fewer than 10,000 rows is counted exactly', async () => {
    const day = 86_400;
    const newest = ordered[0].at;
    const from = new Date((newest - 20 * day) * 1000).toISOString().slice(0, 10);
    const page = await listPage(`?van=${from}`);
    assert.equal(page.status, 200);
    const total = Number(page.shown['data-total']);
    assert.ok(total > 0 && total < 10_000, `an exact total (${total})`);
    assert.equal(page.shown['data-more-than'], '');
    assert.match(page.html, new RegExp(`Getoond 1–${Math.min(PAGE, total)} van ${total.toLocaleString('nl-NL')}`));
  });
});
