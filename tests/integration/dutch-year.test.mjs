// The year and month of a report follow the Dutch calendar (Europe/Amsterdam): with the server's
// clock at 23:27 UTC on 31 December 2025, which is 00:27 on 1 January 2026 in the Netherlands, a
// report gets reference MP-2026-…, counts in the 2026 figures (counts per municipality, the
// municipal report, the dashboard's January) and in none of 2025. Migration 24 gives a report
// stored with the UTC year the Dutch one when the server starts again. Runs on SQLite, and on
// PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { decode, tableRows } from './html.mjs';
import { addStaff, counts, reportRows, staffLogin, submitValid, validReport } from './flows.mjs';
import { sql } from './database.mjs';

const ROT = 'GM0599'; // Rotterdam: in the first bureau's area, the only bureau here
const NEW_YEAR = Date.UTC(2025, 11, 31, 23, 27) / 1000; // 00:27 on 1 January 2026, Dutch time

/** A cell of a table of the municipal report page or the dashboard, by row code and column. */
function cell(html, table, code, col) {
  const rows = tableRows(html, table);
  assert.ok(rows, `the page has table #${table}`);
  const row = rows.find((r) => r.attrs['data-code'] === code);
  assert.ok(row, `#${table} has row ${code}`);
  return decode(row.cells.find((c) => c.attrs['data-col'] === col).text.trim());
}

describe('the year of a report is the Dutch calendar\'s', () => {
  let server;
  let staff;
  let clockFile;
  let dataDir;
  let reference;

  const setClock = (unixSeconds) => writeFile(clockFile, String(Math.round(unixSeconds - Date.now() / 1000)));

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-dutch-year-'));
    clockFile = path.join(dataDir, 'clock-offset');
    await setClock(NEW_YEAR);
    server = await startServer({ dataDir, env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });
    await addStaff(server);
    reference = await submitValid(server.url, validReport({
      incident_municipality: ROT, residence_municipality: ROT, incident_date: '2025-12-31',
    }));
    staff = await staffLogin(server.url);
  });
  after(async () => { await server?.stop(); });

  test('a report made at 00:27 on New Year\'s Day gets a reference of the new year', async () => {
    assert.match(reference, /^MP-2026-\d{6}$/);
    const { rows } = await reportRows(server.url, staff);
    assert.equal(rows.length, 1);
    assert.match(rows[0].text, /MP-2026-\d{6}/);
    assert.match(rows[0].text, /2026-01-01/, 'reported on 1 January (Dutch date)');
    assert.deepEqual(await sql(server, 'SELECT reported_year FROM reports'), ['2026']);
  });

  test('it counts in the figures of 2026, not of 2025', async () => {
    assert.deepEqual((await counts(server.url, staff, 2026)).get(ROT), { incident: 1, residence: 1 });
    assert.equal((await counts(server.url, staff, 2025)).get(ROT), undefined);
    const page = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${ROT}&jaar=2026`);
    assert.equal(page.status, 200, 'this year is 2026 on the server');
    const html = await page.text();
    assert.equal(cell(html, 't-incident-summary', 'total', 'current'), '1');
    assert.equal(cell(html, 't-incident-summary', 'total', 'previous'), '0');
    assert.equal(cell(html, 't-residents-summary', 'total', 'current'), '1');
  });

  test('the dashboard counts it in January 2026', async () => {
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${ROT}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const months = tableRows(html, 't-month').map((r) => r.attrs['data-code']).filter((c) => c && c !== 'total');
    assert.equal(months.at(-1), '2026-01', 'the last twelve months end in this Dutch month');
    assert.equal(cell(html, 't-month', '2026-01', 'count'), '1');
    assert.equal(cell(html, 't-month', '2025-12', 'count'), '0');
  });

  test('migration 24 gives a report stored with the UTC year the Dutch one', async () => {
    await server.stop({ keepData: true });
    // As the server before migration 24 stored it: the year of 31 December in UTC.
    await sql(server, 'UPDATE reports SET reported_year = 2025');
    await sql(server, 'DELETE FROM schema_migrations WHERE version = 24');
    server = await startServer({ dataDir, database: server.database, resetDatabase: false,
      env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });
    assert.deepEqual(await sql(server, 'SELECT reported_year FROM reports'), ['2026']);
    assert.deepEqual(await sql(server, 'SELECT COUNT(*) FROM schema_migrations WHERE version = 24'), ['1']);
    staff = await staffLogin(server.url);
    assert.deepEqual((await counts(server.url, staff, 2026)).get(ROT), { incident: 1, residence: 1 });
  });
});
