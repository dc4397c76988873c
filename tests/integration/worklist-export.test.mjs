// The list of reports as CSV (issue 14): the link on the list carries the same filters and order,
// the file holds the same rows in the same order as the pages for that query ("one number, one
// truth"), personal columns only for a role allowed to export personal data (a bureau admin, not
// a handler; a municipality viewer gets no list at all), one audit entry per export with the
// filter and the number of rows, and a wrong filter gives 422 and no file.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isPostgres, resetPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { addStaff, staffLogin } from './flows.mjs';
import { byId, elements, tableRows } from './html.mjs';

const REPORTS = 180;
const HANDLER = 'behandelaar.export@example.nl';
const VIEWER = 'gemeente.export@example.nl';
const PASSWORD = 'lang-genoeg-wachtwoord-66';
const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;

let dir;
let db;
let server;
let admin;
let handler;
let viewer;

/** RFC 4180 with every cell quoted, as web/common/csv.cpp writes it. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    assert.equal(text[i], '"', `a quoted cell at ${i}`);
    let cell = '';
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (text[i] === '"') { i++; break; }
      cell += text[i++];
    }
    row.push(cell);
    if (text[i] === ',') { i++; continue; }
    assert.equal(text.slice(i, i + 2), '\r\n');
    i += 2;
    rows.push(row);
    row = [];
  }
  return rows;
}

async function csv(jar, query) {
  const res = await jar.fetch(`${server.url}/medewerkers/meldingen.csv${query}`);
  const body = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body, rows: res.status === 200 ? parseCsv(body) : [] };
}

/** Every reference on the list's pages for a query, following "Volgende". */
async function pageReferences(jar, query) {
  const refs = [];
  let url = `/medewerkers/meldingen${query}`;
  while (url) {
    const html = await (await jar.fetch(`${server.url}${url}`)).text();
    const rows = (tableRows(html, 'reports') ?? []).filter((r) => r.attrs['data-id']);
    refs.push(...rows.map((r) => r.cells[0].text.trim()));
    url = elements(html, 'a', (a) => a.rel === 'next')[0]?.attrs.href.replaceAll('&amp;', '&');
  }
  return refs;
}

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-worklist-export-'));
  if (PG_URL) await resetPostgres(PG_URL);
  db = { database: PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}` };
  const made = await runBinary(['demo-data', '--reports', String(REPORTS), '--years', '1', '--seed', '30', '--database', db.database, '--data-dir', dir]);
  assert.equal(made.code, 0, made.stderr);
  server = await startServer({ database: db.database, dataDir: dir, resetDatabase: false, args: ['--retention-job', 'false'] });
  await addStaff(server);
  await addStaff(server, HANDLER, PASSWORD, 'handler');
  const r = await server.run(['user', 'add', '--email', VIEWER, '--role', 'municipality_viewer', '--municipality', 'GM0363'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  admin = await staffLogin(server.url);
  handler = await staffLogin(server.url, HANDLER, PASSWORD);
  viewer = await staffLogin(server.url, VIEWER, PASSWORD);
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the list of reports as CSV', () => {
  const QUERY = '?soort=klacht&sorteer=termijn';

  test('the link on the list carries the filters and the order', async () => {
    const html = await (await admin.fetch(`${server.url}/medewerkers/meldingen${QUERY}`)).text();
    const link = byId(html, 'export', ['p']);
    assert.ok(link, 'an export paragraph');
    const [a] = elements(link.html, 'a');
    assert.equal(a.attrs.href.replaceAll('&amp;', '&'), `/medewerkers/meldingen.csv${QUERY.replace('?', '?')}`);
    assert.match(a.text, /Exporteer als CSV/);
  });

  test('the same rows in the same order as the pages; personal columns for a bureau admin', async () => {
    const file = await csv(admin, QUERY);
    assert.equal(file.status, 200);
    assert.match(file.type, /^text\/csv/);
    const [header, ...rows] = file.rows;
    assert.deepEqual(header.slice(-4), ['Naam', 'E-mail', 'Telefoon', 'Wat er gebeurde']);
    assert.deepEqual(rows.map((r) => r[0]), await pageReferences(admin, QUERY));
    assert.ok(rows.length > 0 && rows.length < REPORTS);
    assert.ok(rows.some((r) => /Demomelding \d+\./.test(r.at(-1))), 'the description is there');
  });

  test('a handler gets no personal columns; a municipality viewer no list at all', async () => {
    const file = await csv(handler, QUERY);
    assert.equal(file.status, 200);
    const [header, ...rows] = file.rows;
    assert.equal(header.length, 10);
    assert.ok(!header.includes('Naam') && !header.includes('Wat er gebeurde'));
    assert.doesNotMatch(file.body, /Demomelding|@/, 'no description or e-mail address anywhere');
    assert.deepEqual(rows.map((r) => r[0]), await pageReferences(handler, QUERY));
    assert.equal((await csv(viewer, QUERY)).status, 403);
  });

  test('one audit entry per export, with the filter and the number of rows', async () => {
    const count = async () => Number((await sql(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'export_reports'"))[0]);
    const before = await count();
    const file = await csv(admin, '?soort=melding');
    assert.equal(file.status, 200);
    assert.equal(await count(), before + 1);
    const [subject] = await sql(db, "SELECT subject FROM audit_log WHERE action = 'export_reports' ORDER BY id DESC LIMIT 1");
    const n = file.rows.length - 1;
    assert.equal(subject, `${n} of ${n} reports, with personal data; soort=melding`);
  });

  test('a wrong filter: 422, no file and no audit entry', async () => {
    const count = async () => Number((await sql(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'export_reports'"))[0]);
    const before = await count();
    const file = await csv(admin, '?termijn=gisteren');
    assert.equal(file.status, 422);
    assert.match(file.body, /termijn/);
    assert.equal(await count(), before);
  });
});
