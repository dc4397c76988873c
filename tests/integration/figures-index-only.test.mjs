// On PostgreSQL the figures read their covering indexes only, never the report rows (with their
// sealed descriptions): after `meldpunt demo-data` (which vacuums and analyses the tables it
// filled) the municipal report, its CSV, the dashboard, the national CSV and the public figures
// page leave the `reports` table's block counters (pg_statio_user_tables) all but untouched,
// while its index counters grow. A bitmap heap scan (the incident-or-residence OR), an index
// without the report id (PostgreSQL keeps no row id in an index entry), or a table never
// vacuumed (no visibility map) each read hundreds of table blocks here.
// PostgreSQL only (MELDPUNT_TEST_DATABASE): SQLite keeps the row id in every index entry and has
// no visibility map, and its plans are checked in docs/benchmarks.md.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { isPostgres, resetPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { addStaff, staffLogin } from './flows.mjs';

const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;
const REPORTS = 4000;
// Blocks of the table an index-only scan still reads: a page of the visibility map now and then
// (PostgreSQL counts those as the table's), not the rows.
const MAX_TABLE_BLOCKS = 40;

const dirs = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The block counters of table `reports` and its indexes, once they stop changing. */
async function settledCounters(db) {
  const read = async () => {
    const [row] = await sql(db, `SELECT COALESCE(heap_blks_read, 0) + COALESCE(heap_blks_hit, 0) || ' ' ||
      COALESCE(idx_blks_read, 0) + COALESCE(idx_blks_hit, 0) FROM pg_statio_user_tables
      WHERE schemaname = current_schema() AND relname = 'reports'`);
    const [table, indexes] = row.split(' ').map(Number);
    return { table, indexes };
  };
  // Backends send their counters when they end (or after a while idle): wait until two reads
  // a second apart agree.
  let last = await read();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await read();
    if (now.table === last.table && now.indexes === last.indexes) return now;
    last = now;
  }
  return last;
}

describe('figures on PostgreSQL read the indexes, not the report rows', () => {
  test('municipal report, CSV, dashboard, national CSV and public page after demo-data',
    { skip: !PG_URL && 'PostgreSQL only (MELDPUNT_TEST_DATABASE)' }, async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-index-only-'));
    dirs.push(dir);
    await resetPostgres(PG_URL);
    const made = await runBinary(['demo-data', '--reports', String(REPORTS), '--years', '2', '--seed', '7',
      '--database', PG_URL, '--data-dir', dir]);
    assert.equal(made.code, 0, made.stderr);
    const db = { database: PG_URL };
    const year = new Date().getUTCFullYear() - 1;
    const [municipality] = await sql(db, `SELECT incident_municipality FROM reports WHERE reported_year = ${year}
      AND incident_municipality LIKE 'GM%' GROUP BY incident_municipality ORDER BY COUNT(*) DESC LIMIT 1`);
    const [tablePages] = await sql(db, "SELECT relpages FROM pg_class WHERE oid = 'reports'::regclass");

    // Without the retention job, which reads the closed cases' rows at start.
    const server = await startServer({ database: PG_URL, dataDir: dir, resetDatabase: false, args: ['--retention-job', 'false'] });
    let stopped = false;
    try {
      await addStaff(server);
      const jar = await staffLogin(server.url);
      const before = await settledCounters(db);
      const query = `gemeente=${municipality}&jaar=${year}`;
      for (const url of [`/medewerkers/cijfers/gemeente?${query}`, `/medewerkers/cijfers/gemeente.csv?${query}`,
        `/medewerkers/cijfers/gemeente.csv?${query}&jaar_van=incident`, '/medewerkers/cijfers/overzicht',
        `/medewerkers/cijfers/landelijk.csv?jaar=${year}`]) {
        const res = await jar.fetch(`${server.url}${url}`);
        assert.equal(res.status, 200, url);
        await res.arrayBuffer();
      }
      const page = await fetch(`${server.url}/cijfers`);
      assert.equal(page.status, 200);
      await page.text();
      // Stopped, so its connections end and hand in their counters.
      await server.stop({ keepData: true });
      stopped = true;
      const afterwards = await settledCounters(db);
      const table = afterwards.table - before.table;
      const indexes = afterwards.indexes - before.indexes;
      t.diagnostic(`blocks read: ${table} of the table (${tablePages} pages), ${indexes} of its indexes`);
      assert.ok(indexes > 0, `the figures read the indexes (counters: ${JSON.stringify({ before, afterwards })})`);
      assert.ok(table <= MAX_TABLE_BLOCKS,
        `the figures read ${table} blocks of the reports table (it has ${tablePages} pages), at most ${MAX_TABLE_BLOCKS} expected`);
    } finally {
      if (!stopped) await server.stop({ keepData: true });
    }
  });
});
