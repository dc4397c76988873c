// The municipal yearly report against generated data: `meldpunt demo-data` fills the database
// (10,000 reports over 5 years, fixed seed), the test reads the reports' clear classification
// columns straight from the database (sqlite3 or psql) and computes every table itself, without
// the C++ code: municipal codes rolled up through data/gemeenten.csv, one count per code where a
// report has several grounds or handlings (a parent ground once for each report with it or any of
// its sub-grounds, "religion" for "religion.antisemitism"), mass reports in or out, by reporting
// year or by incident year. Then, for several municipalities (one with merged predecessors in the data, one
// with many multi-ground reports, the one with most mass reports, a small one):
// - the staff page shows every cell exactly as computed;
// - the CSV (leaves the bureau, suppressed) shows only numbers equal to the computed ones, "< 5"
//   only for numbers under 5, "x" only for numbers of 5 or more, never a number under 5;
// - a reader of the CSV can work out no "< 5" number: per line (total minus the shown cells), and
//   chaining the lines that share numbers (the table totals, the summaries' shared cell).
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { binaryPath, isPostgres, repoRoot, resetPostgres, startServer } from './harness.mjs';
import { decode, tableRows } from './html.mjs';
import { addStaff, staffLogin } from './flows.mjs';
import { sql } from './database.mjs';

const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;
const REPORTS = 10000;
const YEARS = 5; // back to 2022: the last mergers (Weesp, Voorne aan Zee) are in the data
const SEED = 5;
const THRESHOLD = 5;
const POPULATIONS = ['incident', 'residents'];
const DIMENSIONS = ['summary', 'ground', 'domain', 'nature', 'handling'];
const TABLE_KEYS = POPULATIONS.flatMap((p) => DIMENSIONS.map((d) => `${p}-${d}`));
const MULTIPLE = new Set(['ground', 'handling']); // a report may count in several rows
const THIS_YEAR = new Date().getUTCFullYear();

// --- the registry: today's municipality of every code, from the data file ----------------------

/** code -> today's code, following merged_into (codes not in the file stay as they are). */
async function loadSuccessors() {
  const text = await readFile(path.join(repoRoot, 'data', 'gemeenten.csv'), 'utf8');
  const mergedInto = new Map();
  for (const line of text.trim().split('\n').slice(1)) {
    const [code, , , , merged] = line.trim().split(',');
    if (merged) mergedInto.set(code, merged);
  }
  return (code) => {
    let c = code;
    for (let i = 0; i < 10 && mergedInto.has(c); i++) c = mergedInto.get(c);
    return c;
  };
}

// --- the reports, read from the database -------------------------------------------------------

async function loadReports(db) {
  const reports = new Map();
  const rows = await sql(db, `SELECT id, reported_year, incident_date, incident_municipality, residence_municipality,
    social_domain, nature, CASE WHEN mass_event_id IS NULL THEN 0 ELSE 1 END FROM reports`);
  for (const row of rows) {
    const [id, reported, incidentDate, incident, residence, domain, nature, mass] = row.split('|');
    const m = /^(\d{4})(-|$)/.exec(incidentDate);
    reports.set(id, {
      id, reported: Number(reported), incidentYear: m ? Number(m[1]) : null, incident, residence,
      domain, nature, mass: mass === '1', grounds: [], handlings: [],
    });
  }
  for (const [table, column, field] of [['report_grounds', 'ground', 'grounds'], ['report_handlings', 'handling', 'handlings']]) {
    for (const row of await sql(db, `SELECT report_id, ${column} FROM ${table}`)) {
      const [id, code] = row.split('|');
      reports.get(id)[field].push(code);
    }
  }
  return [...reports.values()];
}

/**
 * The expected tables of one municipality: "population-dimension" -> code -> [this year, previous].
 * A report counts once in every total and summary row, once per code in grounds and handlings;
 * a report without handling counts as "open". A parent ground counts every report that has it or
 * one of its sub-grounds (the part before the dot), once.
 */
/** The ground rows of a report: its grounds and the parent of each sub-ground, each once. */
function groundRows(grounds) {
  return new Set(grounds.flatMap((g) => [g.split('.')[0], g]));
}

function expectedTables(reports, successor, { municipality, year, by, withMass }) {
  const tables = {};
  const add = (key, code, slot) => {
    tables[key] ??= {};
    tables[key][code] ??= [0, 0];
    tables[key][code][slot]++;
  };
  for (const r of reports) {
    if (r.mass && !withMass) continue;
    const y = by === 'incident' ? r.incidentYear : r.reported;
    if (y !== year && y !== year - 1) continue;
    const slot = y === year ? 0 : 1;
    const here = successor(r.incident) === municipality;
    const resident = successor(r.residence) === municipality;
    for (const [pop, inPop] of [['incident', here], ['residents', resident]]) {
      if (!inPop) continue;
      for (const dim of DIMENSIONS) add(`${pop}-${dim}`, 'total', slot);
      if (pop === 'incident') add(`${pop}-summary`, resident ? 'residents' : 'non_residents', slot);
      else add(`${pop}-summary`, here ? 'incident_here' : 'incident_elsewhere', slot);
      for (const g of groundRows(r.grounds)) add(`${pop}-ground`, g, slot);
      add(`${pop}-domain`, r.domain, slot);
      add(`${pop}-nature`, r.nature, slot);
      if (r.handlings.length === 0) add(`${pop}-handling`, 'open', slot);
      for (const h of r.handlings) add(`${pop}-handling`, h, slot);
    }
  }
  return tables;
}

// --- what the outputs show ------------------------------------------------------------------------

/** The page's tables: key -> code -> { current, previous, change } as shown. */
function pageTables(html) {
  const result = {};
  for (const key of TABLE_KEYS) {
    const rows = tableRows(html, `t-${key}`);
    assert.ok(rows, `the page has table #t-${key}`);
    result[key] = {};
    for (const row of rows) {
      const code = row.attrs['data-code'];
      if (!code) continue;
      // A sub-ground reads as part of its ground, indented under it.
      if (key.endsWith('-ground') && code.includes('.')) {
        assert.match(decode(row.cells[0].text.trim()), /^waarvan /, `${key} ${code} is labelled as part of its ground`);
        assert.equal(row.attrs.class, 'part-row', `${key} ${code} is indented`);
      }
      const cell = (col) => decode(row.cells.find((c) => c.attrs['data-col'] === col).text.trim());
      result[key][code] = { current: cell('current'), previous: cell('previous'), change: cell('change') };
    }
  }
  return result;
}

/** The CSV's lines: key -> code -> { current, previous, change }. */
function csvTables(text, municipality, year) {
  const lines = text.trim().split('\r\n').map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
  const [header, ...body] = lines;
  assert.deepEqual(header.slice(4, 6), [String(year), String(year - 1)]);
  const result = {};
  for (const [m, table, code, , current, previous, change] of body) {
    assert.equal(m, municipality);
    const key = table.replace('.', '-');
    result[key] ??= {};
    assert.equal(result[key][code], undefined, `${key} ${code} appears once`);
    result[key][code] = { current, previous, change };
  }
  return result;
}

const signed = (n) => (n > 0 ? `+${n}` : String(n));

/** Staff page: every cell exactly the computed number, every computed row present. */
function compareExact(shown, expected, where) {
  for (const key of TABLE_KEYS) {
    const table = shown[key];
    assert.ok(table?.total, `${where}: ${key} has a total row`);
    for (const [code, cell] of Object.entries(table)) {
      const [cur, prev] = expected[key]?.[code] ?? [0, 0];
      assert.deepEqual(cell, { current: String(cur), previous: String(prev), change: signed(cur - prev) }, `${where}: ${key} ${code}`);
    }
    for (const code of Object.keys(expected[key] ?? {})) assert.ok(table[code], `${where}: ${key} has row ${code}`);
  }
}

/**
 * CSV: a shown number equals the computed one and is at least 5; "< 5" hides a number under 5;
 * "x" hides one of 5 or more; the change only where both years are shown. Returns how many cells
 * were "< 5" and "x".
 */
function compareSuppressed(shown, expected, where) {
  const counts = { below: 0, hidden: 0, shown: 0 };
  for (const key of TABLE_KEYS) {
    const table = shown[key];
    assert.ok(table?.total, `${where}: ${key} has a total row`);
    for (const [code, cell] of Object.entries(table)) {
      const [cur, prev] = expected[key]?.[code] ?? [0, 0];
      for (const [text, value] of [[cell.current, cur], [cell.previous, prev]]) {
        const at = `${where}: ${key} ${code} shows "${text}" for ${value}`;
        if (text === '< 5') {
          assert.ok(value < THRESHOLD, at);
          counts.below++;
        } else if (text === 'x') {
          assert.ok(value >= THRESHOLD, at);
          counts.hidden++;
        } else {
          assert.equal(text, String(value), at);
          assert.ok(value >= THRESHOLD, `${at}: under the threshold`);
          counts.shown++;
        }
      }
      const bothShown = /^\d+$/.test(cell.current) && /^\d+$/.test(cell.previous);
      // The difference is a plain number in the CSV ("24", "-1"), which a spreadsheet reads as one.
      const change = String(cur - prev);
      assert.equal(cell.change, bothShown ? change : '', `${where}: ${key} ${code} change`);
    }
    for (const code of Object.keys(expected[key] ?? {})) assert.ok(table[code], `${where}: ${key} has row ${code}`);
  }
  return counts;
}

// --- the reader who tries to work the small numbers back -----------------------------------------

const INF = Number.MAX_SAFE_INTEGER;
/** What a published cell says: [lowest, highest] possible value. */
function boundsOf(text) {
  if (text === '< 5') return [0, THRESHOLD - 1];
  if (text === 'x') return [THRESHOLD, INF];
  assert.match(text, /^\d+$/);
  return [Number(text), Number(text)];
}

/**
 * Per line, as a reader with the file would: the total is shown, so the suppressed cells add up
 * to the total minus the shown cells (taken as exact, also for grounds and handlings: a reader
 * may assume one code per report). No "< 5" may be left a single possible value other than 0.
 */
function assertNoLineGivesAwayASmallNumber(shown, expected, where) {
  let lines = 0;
  for (const key of TABLE_KEYS) {
    for (const [col, slot] of [['current', 0], ['previous', 1]]) {
      const total = shown[key].total[col];
      if (!/^\d+$/.test(total)) continue;
      const cells = Object.entries(shown[key]).filter(([code]) => code !== 'total')
        .map(([code, c]) => ({ code, text: c[col], bounds: boundsOf(c[col]) }));
      const suppressed = cells.filter((c) => c.text === '< 5' || c.text === 'x');
      if (!suppressed.some((c) => c.text === '< 5')) continue;
      lines++;
      const rest = Number(total) - cells.filter((c) => /^\d+$/.test(c.text)).reduce((s, c) => s + Number(c.text), 0);
      for (const cell of suppressed.filter((c) => c.text === '< 5')) {
        const others = suppressed.filter((c) => c !== cell);
        const othersHi = others.some((c) => c.bounds[1] === INF) ? INF : others.reduce((s, c) => s + c.bounds[1], 0);
        const othersLo = others.reduce((s, c) => s + c.bounds[0], 0);
        const lo = Math.max(0, othersHi === INF ? 0 : rest - othersHi);
        const hi = Math.min(THRESHOLD - 1, rest - othersLo);
        const value = expected[key]?.[cell.code]?.[slot] ?? 0;
        assert.ok(!(lo === hi && lo === value && value > 0), `${where}: ${key} ${col} ${cell.code} (${value}) is pinned by total ${total} minus the shown cells`);
        // Where a report has one code the sum is exact, so the reader's range holds the number;
        // with several codes per report (grounds, handlings) the rows add up to more than the
        // total, and the reader's "exact" range is wrong (often empty), which gives nothing away.
        if (!MULTIPLE.has(key.split('-')[1])) {
          assert.ok(lo <= value && value <= hi, `${where}: ${key} ${col} ${cell.code}: the reader's range ${lo}..${hi} must hold ${value}`);
        }
      }
    }
  }
  return lines;
}

/**
 * Chaining every line, as a patient reader would: the same number appears in several tables (each
 * population's total in its five tables; the residents' reports about incidents here in both
 * summaries), so bounds from one line narrow another. Sums are exact for summaries, domains and
 * natures; for grounds and handlings the rows add up to at least the total and each is at most
 * the total. Narrow until nothing changes; no "< 5" other than 0 may be pinned.
 */
function assertChainedLinesGiveAwayNothing(shown, expected, where) {
  for (const [col, slot] of [['current', 0], ['previous', 1]]) {
    const vars = new Map(); // name -> { bounds, value }
    const v = (name, text, value) => {
      if (!vars.has(name)) vars.set(name, { bounds: boundsOf(text), value, text });
      else assert.equal(vars.get(name).text, text, `${where}: ${name} has one state everywhere`);
      return vars.get(name);
    };
    const lines = [];
    for (const pop of POPULATIONS) {
      for (const dim of DIMENSIONS) {
        const key = `${pop}-${dim}`;
        const total = v(`${pop}:total`, shown[key].total[col], expected[key]?.total?.[slot] ?? 0);
        const cells = Object.entries(shown[key]).filter(([code]) => code !== 'total').map(([code, c]) => {
          let name = `${key}:${code}`;
          if (key === 'incident-summary' && code === 'residents') name = 'residents-here';
          if (key === 'residents-summary' && code === 'incident_here') name = 'residents-here';
          return v(name, c[col], expected[key]?.[code]?.[slot] ?? 0);
        });
        lines.push({ total, cells, atLeast: MULTIPLE.has(dim) });
      }
    }
    for (let changed = true, round = 0; changed && round < 1000; round++) {
      changed = false;
      const narrow = (x, lo, hi) => {
        if (lo > x.bounds[0]) { x.bounds[0] = lo; changed = true; }
        if (hi < x.bounds[1]) { x.bounds[1] = hi; changed = true; }
      };
      for (const { total, cells, atLeast } of lines) {
        const loSum = cells.reduce((s, c) => s + c.bounds[0], 0);
        const hiSum = cells.some((c) => c.bounds[1] === INF) ? INF : cells.reduce((s, c) => s + c.bounds[1], 0);
        narrow(total, atLeast ? Math.max(0, ...cells.map((c) => c.bounds[0])) : loSum, hiSum);
        for (const c of cells) {
          const others = cells.filter((o) => o !== c);
          const othersHi = others.some((o) => o.bounds[1] === INF) ? INF : others.reduce((s, o) => s + o.bounds[1], 0);
          const othersLo = others.reduce((s, o) => s + o.bounds[0], 0);
          const lo = othersHi === INF ? 0 : total.bounds[0] - othersHi;
          const hi = atLeast || total.bounds[1] === INF ? total.bounds[1] : total.bounds[1] - othersLo;
          narrow(c, lo, hi);
        }
      }
    }
    for (const [name, x] of vars) {
      assert.ok(x.bounds[0] <= x.value && x.value <= x.bounds[1], `${where} ${col}: ${name} = ${x.value} outside the reader's ${x.bounds}`);
      if (x.text === '< 5' && x.value > 0) {
        assert.ok(x.bounds[0] < x.bounds[1], `${where} ${col}: ${name} (${x.value}) is pinned by chaining the lines`);
      }
    }
  }
}

// --- the test -------------------------------------------------------------------------------------

describe('the municipal report against generated data', () => {
  let server;
  let staff;
  let dir;
  let reports;
  let successor;
  let massYear;
  const cases = [];

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-figgen-'));
    const database = PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}`;
    if (PG_URL) await resetPostgres(PG_URL);
    // Not runBinary: its 30 s limit is too short for 10,000 reports on PostgreSQL on a busy machine.
    await promisify(execFile)(binaryPath(), ['demo-data', '--reports', String(REPORTS), '--years', String(YEARS),
      '--seed', String(SEED), '--database', database, '--data-dir', dir], { timeout: 300_000 });
    const db = { database };
    reports = await loadReports(db);
    assert.equal(reports.length, REPORTS);
    successor = await loadSuccessors();
    massYear = Number((await sql(db, 'SELECT started_on FROM mass_events'))[0].slice(0, 4));

    // Which municipalities: chosen from the data, so the cases below are really exercised.
    const last = THIS_YEAR - 1;
    const byMunicipality = (pick) => {
      const counts = new Map();
      for (const r of reports) {
        const code = pick(r);
        if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    };
    const isMunicipality = (c) => /^GM\d{4}$/.test(c);
    const multi = byMunicipality((r) => r.reported === last && r.grounds.length > 1 && isMunicipality(r.incident) && successor(r.incident) !== 'GM0363' ? successor(r.incident) : null);
    const mass = byMunicipality((r) => r.mass && isMunicipality(r.residence) ? successor(r.residence) : null);
    const small = byMunicipality((r) => r.reported === last && isMunicipality(r.incident) ? successor(r.incident) : null)
      .filter(([, n]) => n >= 6 && n <= 15);
    assert.ok(multi.length && mass.length && small.length, 'the data has every kind of municipality');
    cases.push(
      { why: 'Amsterdam, with Weesp (merged 2022) rolled up', municipality: 'GM0363', year: 2023 },
      { why: 'Voorne aan Zee, three municipalities merged on 1 January 2023', municipality: 'GM1992', year: 2023 },
      { why: `most multi-ground reports (${multi[0][1]})`, municipality: multi[0][0], year: last },
      { why: `most mass reports by residents (${mass[0][1]})`, municipality: mass[0][0], year: massYear },
      { why: `small (${small[0][1]} incidents)`, municipality: small[0][0], year: last },
    );

    server = await startServer({ database, dataDir: dir, resetDatabase: false, args: ['--retention-job', 'false'] });
    await addStaff(server);
    staff = await staffLogin(server.url);
  });
  after(async () => {
    await server?.stop({ keepData: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the generated data holds what the cases need', () => {
    // Old codes of merged municipalities before their merger, and reports with several grounds.
    const old = (codes, year) => reports.filter((r) => r.reported === year && (codes.includes(r.incident) || codes.includes(r.residence))).length;
    assert.ok(old(['GM0457'], 2022) > 0, 'Weesp reports in 2022');
    assert.ok(old(['GM0501', 'GM0530', 'GM0614'], 2022) > 0, 'Brielle, Hellevoetsluis or Westvoorne reports in 2022');
    assert.ok(reports.filter((r) => r.grounds.length > 1).length > REPORTS / 10, 'reports with several grounds');
    assert.ok(reports.filter((r) => r.mass).length >= 100, 'mass reports');
    assert.ok(reports.some((r) => r.incidentYear !== null && r.incidentYear !== r.reported), 'incidents reported the next year');
  });

  for (const index of [0, 1, 2, 3, 4]) {
    test(`municipal report case ${index + 1}: page exact, CSV suppressed, nothing to work back`, async (t) => {
      const { why, municipality, year } = cases[index];
      t.diagnostic(`${municipality} ${year}: ${why}`);
      const summary = [];
      for (const by of ['reported', 'incident']) {
        for (const withMass of [true, false]) {
          const q = `gemeente=${municipality}&jaar=${year}${withMass ? '' : '&massa=zonder'}${by === 'incident' ? '&jaar_van=incident' : ''}`;
          const where = `${municipality} ${year} by ${by} ${withMass ? 'with' : 'without'} mass`;
          const expected = expectedTables(reports, successor, { municipality, year, by, withMass });

          const page = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?${q}`);
          assert.equal(page.status, 200, where);
          compareExact(pageTables(await page.text()), expected, where);

          const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?${q}`);
          assert.equal(res.status, 200, where);
          const bytes = Buffer.from(await res.arrayBuffer());
          assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte order mark');
          const csv = csvTables(bytes.subarray(3).toString('utf8'), municipality, year);
          const counts = compareSuppressed(csv, expected, where);
          const lines = assertNoLineGivesAwayASmallNumber(csv, expected, where);
          assertChainedLinesGiveAwayNothing(csv, expected, where);
          summary.push(`${by}/${withMass ? 'with' : 'without'}: total ${expected['incident-summary']?.total?.[0] ?? 0}+${expected['residents-summary']?.total?.[0] ?? 0}, ` +
            `CSV ${counts.shown} shown, ${counts.below} "< 5", ${counts.hidden} x; ${lines} lines checked`);
        }
      }
      t.diagnostic(summary.join('; '));
    });
  }

  test('the cases exercise roll-up, several grounds, sub-grounds and mass reports', () => {
    // Roll-up: Amsterdam's previous year (2022) counts reports stored under Weesp's code.
    const amsterdam = expectedTables(reports, successor, { municipality: 'GM0363', year: 2023, by: 'reported', withMass: true });
    const weesp2022 = reports.filter((r) => r.reported === 2022 && r.incident === 'GM0457').length;
    const stored2022 = reports.filter((r) => r.reported === 2022 && r.incident === 'GM0363').length;
    assert.ok(weesp2022 > 0);
    assert.equal(amsterdam['incident-summary'].total[1], weesp2022 + stored2022);
    // Several grounds: the ground rows add up to more than the total.
    const { municipality, year } = cases[2];
    const multi = expectedTables(reports, successor, { municipality, year, by: 'reported', withMass: true });
    const groundSum = Object.entries(multi['incident-ground']).filter(([c]) => c !== 'total').reduce((s, [, v]) => s + v[0], 0);
    assert.ok(groundSum > multi['incident-ground'].total[0], `${groundSum} ground counts for ${multi['incident-ground'].total[0]} reports`);
    // Sub-grounds: a parent ground counts the reports with only one of its sub-grounds too, so
    // Amsterdam's "origin" is more than the reports stored with the code "origin" itself.
    const amsterdam2023 = reports.filter((r) => r.reported === 2023 && successor(r.incident) === 'GM0363');
    for (const parent of ['origin', 'religion']) {
      const literal = amsterdam2023.filter((r) => r.grounds.includes(parent)).length;
      const family = amsterdam2023.filter((r) => r.grounds.some((g) => g.split('.')[0] === parent)).length;
      assert.ok(family > literal, `${parent}: ${family} reports with it or a sub-ground, ${literal} with the code itself`);
      assert.equal(amsterdam['incident-ground'][parent][0], family, parent);
    }
    // Mass reports: the residents' total differs with and without them.
    const m = cases[3];
    const withMass = expectedTables(reports, successor, { ...m, by: 'reported', withMass: true });
    const withoutMass = expectedTables(reports, successor, { ...m, by: 'reported', withMass: false });
    assert.ok(withMass['residents-summary'].total[0] > (withoutMass['residents-summary']?.total?.[0] ?? 0));
  });
});
