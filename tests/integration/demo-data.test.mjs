// meldpunt demo-data: the same seed makes the same reports on two fresh databases (compared per
// year, municipality, ground, handling and mass event in SQL), with a mass event, merged
// municipalities and encrypted descriptions that the server can read; a database that holds
// reports is refused unless --force.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { isPostgres, resetPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { addStaff, staffLogin } from './flows.mjs';

const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;
const REPORTS = 3000;
const YEARS = 6; // back to before the mergers of 2022
// Codes of municipalities merged into another (data/gemeenten.csv).
const MERGED = ['GM0501', 'GM0530', 'GM0614', 'GM0457'];

const dirs = [];
/** A new, empty database with its own data folder (key file). On PostgreSQL the one test database is wiped. */
async function freshDatabase() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-demo-'));
  dirs.push(dir);
  if (PG_URL) await resetPostgres(PG_URL);
  return { dir, database: PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}` };
}

function demo(db, args) {
  return runBinary(['demo-data', ...args, '--database', db.database, '--data-dir', db.dir]);
}

/** "key count" lines of a GROUP BY query, as one sorted text. */
async function grouped(db, query) {
  const rows = await sql(db, query);
  return rows.sort().join('\n');
}

/** The figures two runs with one seed must agree on, computed in SQL. */
async function figures(db) {
  return {
    total: (await sql(db, 'SELECT COUNT(*) FROM reports'))[0],
    perYear: await grouped(db, "SELECT reported_year || ' ' || COUNT(*) FROM reports GROUP BY reported_year"),
    perIncident: await grouped(db, "SELECT incident_municipality || ' ' || COUNT(*) FROM reports GROUP BY incident_municipality"),
    perResidence: await grouped(db, "SELECT residence_municipality || ' ' || COUNT(*) FROM reports GROUP BY residence_municipality"),
    perGround: await grouped(db, "SELECT ground || ' ' || COUNT(*) FROM report_grounds GROUP BY ground"),
    perHandling: await grouped(db, "SELECT handling || ' ' || COUNT(*) FROM report_handlings GROUP BY handling"),
    perNatureDomain: await grouped(db, "SELECT nature || ' ' || social_domain || ' ' || COUNT(*) FROM reports GROUP BY nature, social_domain"),
    perStep: await grouped(db, "SELECT case_step || ' ' || outcome || ' ' || is_complaint || ' ' || anonymous || ' ' || COUNT(*) FROM reports GROUP BY case_step, outcome, is_complaint, anonymous"),
    days: await grouped(db, "SELECT incident_date || ' ' || COUNT(*) FROM reports GROUP BY incident_date"),
    mass: await grouped(db, "SELECT e.name || ' ' || e.started_on || ' ' || COUNT(r.id) FROM mass_events e LEFT JOIN reports r ON r.mass_event_id = e.id GROUP BY e.name, e.started_on"),
  };
}

after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('meldpunt demo-data', () => {
  let first;

  test('makes the reports it was asked for and says what it made', async () => {
    const db = await freshDatabase();
    const run = await demo(db, ['--reports', String(REPORTS), '--years', String(YEARS), '--seed', '11']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`made ${REPORTS} demo reports \\(seed 11, ${YEARS} years\\)`));
    assert.match(run.stdout, /mass event \d+ "Demo: uitspraak in talkshow van \d{4}-\d{2}-\d{2}".*: 60 linked reports/);
    first = await figures(db);
    assert.equal(Number(first.total), REPORTS);
    // Every year of the period, counted per year in the output too.
    const years = first.perYear.split('\n').map((l) => l.split(' '));
    assert.equal(years.length, YEARS);
    const thisYear = new Date().getUTCFullYear();
    assert.deepEqual(years.map(([y]) => Number(y)), Array.from({ length: YEARS }, (_, i) => thisYear - YEARS + 1 + i));
    for (const [year, count] of years) assert.match(run.stdout, new RegExp(`\\n  ${year}\\t${count}\\n`));
    assert.match(run.stdout, new RegExp(`\\n  1\\t[^\\t]+\\t${REPORTS}\\n`), 'per bureau');

    // One mass event with 2% of the reports; several grounds on some reports; merged codes in
    // the years before their merger; closed cases with handling codes.
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM mass_events'))[0], '1');
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM reports WHERE mass_event_id IS NOT NULL'))[0], '60');
    const multi = Number((await sql(db, 'SELECT COUNT(*) FROM (SELECT report_id FROM report_grounds GROUP BY report_id HAVING COUNT(*) > 1) m'))[0]);
    assert.ok(multi > 300 && multi < 900, `reports with several grounds: ${multi}`);
    const merged = Number((await sql(db, `SELECT COUNT(*) FROM reports WHERE incident_municipality IN (${MERGED.map((c) => `'${c}'`).join(',')}) AND reported_year <= 2022`))[0]);
    assert.ok(merged > 0, 'reports with merged municipalities');
    assert.equal((await sql(db, `SELECT COUNT(*) FROM reports WHERE incident_municipality IN (${MERGED.map((c) => `'${c}'`).join(',')}) AND reported_year > 2022`))[0], '0');
    const closed = Number((await sql(db, "SELECT COUNT(*) FROM reports WHERE case_step = 'closed' AND status = 'closed' AND case_closed_at >= reported_at AND outcome <> ''"))[0]);
    assert.ok(closed > REPORTS / 2, `closed cases: ${closed}`);
    assert.equal((await sql(db, "SELECT COUNT(*) FROM reports r WHERE case_step = 'closed' AND NOT EXISTS (SELECT 1 FROM report_handlings h WHERE h.report_id = r.id)"))[0], '0');
    // Named reporters exist, and the descriptions are stored encrypted, not as text.
    assert.ok(Number((await sql(db, 'SELECT COUNT(*) FROM reports WHERE contact_enc IS NOT NULL'))[0]) > 1000);
    assert.equal((await sql(db, "SELECT COUNT(*) FROM reports WHERE description_enc LIKE '%Demomelding%' OR contact_enc LIKE '%example.nl%'"))[0], '0');
    // The run is on the audit log.
    assert.equal((await sql(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'demo_data.generate'"))[0], '1');
    // On PostgreSQL the command vacuums and analyses the tables it filled, so the figures' index-only
    // scans find every page all-visible and the planner knows the sizes before autovacuum comes by.
    // SQLite has no such step (docs/benchmarks.md).
    if (PG_URL) {
      assert.match(run.stdout, /vacuumed and analysed the tables in [\d.e-]+ s/);
      // In the schema the server uses (other suites leave schemas of their own in the database).
      const tables = await sql(db, `SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()
        AND relname IN ('reports', 'report_grounds', 'report_handlings') AND last_vacuum IS NOT NULL
        AND last_analyze IS NOT NULL ORDER BY relname`);
      assert.deepEqual(tables, ['report_grounds', 'report_handlings', 'reports']);
      const pages = await sql(db, `SELECT relname || ' ' || relpages || ' ' || relallvisible FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace
        AND relname IN ('reports', 'report_grounds', 'report_handlings') ORDER BY relname`);
      for (const line of pages) {
        const [name, total, visible] = line.split(' ');
        assert.ok(Number(total) > 0 && visible === total, `${name}: ${visible} of ${total} pages all-visible`);
      }
    } else {
      assert.doesNotMatch(run.stdout, /vacuumed/);
    }

    // A database with reports is refused, and nothing is added.
    const again = await demo(db, ['--reports', '10', '--seed', '11']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, new RegExp(`holds ${REPORTS} reports already.*--force`));
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM reports'))[0], String(REPORTS));
  });

  test('the same seed makes the same reports on a second database, and the server reads them', async () => {
    const db = await freshDatabase();
    const run = await demo(db, ['--reports', String(REPORTS), '--years', String(YEARS), '--seed', '11']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await figures(db), first);

    // The server decrypts them with the key the command made: a staff member sees the text.
    // Without the retention job: it would anonymise the old closed demo cases at start.
    const server = await startServer({ database: db.database, dataDir: db.dir, resetDatabase: false, args: ['--retention-job', 'false'] });
    try {
      await addStaff(server);
      const jar = await staffLogin(server.url);
      const page = await jar.fetch(`${server.url}/medewerkers/meldingen/1`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Demomelding 1\./);
      assert.match(html, /testgegevens|verzonnen|Demo/i);
    } finally {
      await server.stop({ keepData: true });
    }

    // With --force more reports are added, to the same mass event.
    const more = await demo(db, ['--reports', '100', '--years', String(YEARS), '--seed', '11', '--force']);
    assert.equal(more.code, 0, more.stderr);
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM reports'))[0], String(REPORTS + 100));
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM mass_events'))[0], '1');
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM reports WHERE mass_event_id IS NOT NULL'))[0], '62');
  });

  test('another seed makes other reports', async () => {
    const db = await freshDatabase();
    const run = await demo(db, ['--reports', String(REPORTS), '--years', String(YEARS), '--seed', '12']);
    assert.equal(run.code, 0, run.stderr);
    const other = await figures(db);
    assert.equal(other.total, first.total);
    assert.notEqual(other.perIncident, first.perIncident);
    assert.notEqual(other.days, first.days);
  });

  test('the burst goes where routing sends it, and every report of it stays on the one event', async () => {
    const db = await freshDatabase();
    const cli = (args) => runBinary([...args, '--database', db.database, '--data-dir', db.dir]);
    // Bureau 2 holds the ten largest cities: the statement's reporters (no place of incident)
    // live there too, so part of the burst is routed to it by residence.
    assert.equal((await cli(['bureau', 'add', '--name', 'ADV Grote Steden'])).code, 0);
    const area = await cli(['bureau', 'area', '--bureau', '2', 'GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0772', 'GM0014', 'GM0855', 'GM0034', 'GM0758', 'GM0268']);
    assert.equal(area.code, 0, area.stderr);
    const run = await demo(db, ['--reports', String(REPORTS), '--years', String(YEARS), '--seed', '11']);
    assert.equal(run.code, 0, run.stderr);
    const held = Object.fromEntries((await sql(db, "SELECT bureau_id || ' ' || COUNT(*) FROM reports WHERE mass_event_id IS NOT NULL GROUP BY bureau_id")).map((l) => l.split(' ').map(Number)));
    assert.ok(held[1] > 0 && held[2] > 0, `mass reports per bureau: ${JSON.stringify(held)}`);
    assert.equal(held[1] + held[2], 60, 'all of the burst is linked');
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM mass_events'))[0], '1');
    assert.equal((await sql(db, 'SELECT bureau_id FROM mass_events'))[0], '1', 'made by the first bureau');
    // Routed as any report: by residence, since a TV statement has no place of incident.
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM reports WHERE mass_event_id IS NOT NULL AND residence_municipality IN (SELECT municipality FROM bureau_municipalities WHERE bureau_id = 2) AND bureau_id <> 2'))[0], '0');
    assert.match(run.stdout, new RegExp(`: 60 linked reports \\(${held[1]} of bureau 1, ${held[2]} of other bureaus\\)`));
    // The same seed makes the same reports as on one bureau: only where they are held differs.
    assert.deepEqual(await figures(db), first);
  });

  test('bad options are refused before anything is made', async () => {
    const db = await freshDatabase();
    for (const args of [['--reports', '0'], ['--years', '31'], ['--reports', '10', '--bureau', '99']]) {
      const run = await demo(db, args);
      assert.notEqual(run.code, 0, args.join(' '));
    }
    assert.equal((await sql(db, 'SELECT COUNT(*) FROM reports'))[0], '0');
  });
});
