// The municipal yearly report (/medewerkers/cijfers/gemeente and .csv): reports in two years with
// known municipalities and grounds; the test computes every table itself and compares every cell
// of the page (exact, for staff) and of the CSV (small numbers hidden); a report with several
// grounds counts once in totals; a merged municipality's old code rolls up into today's; a
// municipality viewer sees only their own municipality, suppressed, with nothing to work back.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { decode, tableRows } from './html.mjs';
import { addStaff, reportingYear, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const M = 'GM0363'; // Amsterdam
const ROLL_UP = { GM0457: M }; // Weesp merged into Amsterdam in 2022
const today = (code) => ROLL_UP[code] ?? code;
const Y = reportingYear();
const P = Y - 1;
const VIEWER = 'gemeente@amsterdam.example';
const OTHER_VIEWER = 'gemeente@rotterdam.example';
const PASSWORD = 'lang-genoeg-wachtwoord-61';

const GROUPS = [
  { year: Y, n: 7, incident: M, residence: M, grounds: ['religion', 'religion.anti_muslim'], domain: 'labour', nature: 'unequal_treatment' },
  // Only a sub-ground: counts under its ground "origin" too.
  { year: Y, n: 2, incident: M, residence: 'GM0599', grounds: ['origin.anti_black'], domain: 'housing', nature: 'threat' },
  { year: Y, n: 6, incident: 'GM0599', residence: M, grounds: ['age'], domain: 'labour', nature: 'threat' },
  { year: P, n: 5, incident: M, residence: M, grounds: ['origin', 'age'], domain: 'education', nature: 'violence' },
  // Registered as Weesp (set in the database after submitting: the form offers today's list).
  { year: P, n: 1, incident: 'GM0457', residence: 'unknown', grounds: ['sex'], domain: 'sport', nature: 'other' },
];
const REPORTS = GROUPS.flatMap((g) => Array.from({ length: g.n }, () => g));

/** The expected tables, computed from REPORTS: key "population-dimension" -> code -> [current, previous]. */
function expectedTables() {
  const tables = {};
  const add = (key, code, slot) => {
    tables[key] ??= {};
    tables[key][code] ??= [0, 0];
    tables[key][code][slot]++;
  };
  for (const r of REPORTS) {
    const slot = r.year === Y ? 0 : 1;
    const here = today(r.incident) === M;
    const resident = today(r.residence) === M;
    for (const [pop, inPop] of [['incident', here], ['residents', resident]]) {
      if (!inPop) continue;
      add(`${pop}-summary`, 'total', slot);
      if (pop === 'incident') add(`${pop}-summary`, resident ? 'residents' : 'non_residents', slot);
      else add(`${pop}-summary`, here ? 'incident_here' : 'incident_elsewhere', slot);
      for (const dim of ['ground', 'domain', 'nature', 'handling']) add(`${pop}-${dim}`, 'total', slot);
      // A parent ground counts every report with it or one of its sub-grounds, once.
      for (const g of new Set(r.grounds.flatMap((c) => [c.split('.')[0], c]))) add(`${pop}-ground`, g, slot);
      add(`${pop}-domain`, r.domain, slot);
      add(`${pop}-nature`, r.nature, slot);
      // validReport asks for registration only: such a report is closed at once with that handling.
      add(`${pop}-handling`, 'registration_only', slot);
    }
  }
  return tables;
}
const TABLE_KEYS = ['incident', 'residents'].flatMap((p) => ['summary', 'ground', 'domain', 'nature', 'handling'].map((d) => `${p}-${d}`));

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
      const cell = (col) => decode(row.cells.find((c) => c.attrs['data-col'] === col).text.trim());
      result[key][code] = { current: cell('current'), previous: cell('previous'), change: cell('change') };
    }
  }
  return result;
}

/** The CSV's lines: key -> code -> { current, previous, change }. */
function csvTables(text) {
  const lines = text.trim().split('\r\n').map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
  const [header, ...body] = lines;
  assert.deepEqual(header.slice(4, 6), [String(Y), String(P)]);
  const result = {};
  for (const [municipality, table, code, , current, previous, change] of body) {
    assert.equal(municipality, M);
    const key = table.replace('.', '-');
    result[key] ??= {};
    result[key][code] = { current, previous, change };
  }
  return result;
}

const signed = (n) => (n > 0 ? `+${n}` : String(n));

/** Every cell of `shown` matches the expected counts: exactly, or suppressed when `suppressed`. */
function compare(shown, expected, { suppressed, csv = false }) {
  // The page shows the difference signed ("+24"); the CSV as a plain number ("24", "-1").
  const change = (n) => (csv ? String(n) : signed(n));
  for (const key of TABLE_KEYS) {
    const table = shown[key];
    assert.ok(table, `table ${key}`);
    assert.ok(table.total, `${key} has a total row`);
    for (const [code, cell] of Object.entries(table)) {
      const [cur, prev] = expected[key]?.[code] ?? [0, 0];
      const where = `${key} ${code}`;
      if (!suppressed) {
        assert.deepEqual(cell, { current: String(cur), previous: String(prev), change: change(cur - prev) }, where);
        continue;
      }
      for (const [text, value] of [[cell.current, cur], [cell.previous, prev]]) {
        if (value < 5) assert.equal(text, '< 5', `${where}: ${value} leaves as "< 5"`);
        else assert.ok(text === String(value) || text === 'x', `${where}: ${text} for ${value}`);
      }
      const bothShown = /^\d+$/.test(cell.current) && /^\d+$/.test(cell.previous);
      assert.equal(cell.change, bothShown ? change(cur - prev) : '', `${where}: change`);
    }
    // Every code of the expected table has a row.
    for (const code of Object.keys(expected[key] ?? {})) assert.ok(table[code], `${key} has row ${code}`);
  }
}

/**
 * What a reader can work out: in each column of each table whose total is shown, the hidden cells
 * add up to the total minus the shown cells. With one suppressed cell that would be its value;
 * with only "< 5" cells their sum can still pin them. So a column with a "< 5" needs an "x" too.
 */
function assertNoBackCalculation(shown) {
  for (const key of TABLE_KEYS) {
    for (const col of ['current', 'previous']) {
      const total = shown[key].total[col];
      if (!/^\d+$/.test(total)) continue;
      const cells = Object.entries(shown[key]).filter(([code]) => code !== 'total').map(([, c]) => c[col]);
      const below = cells.filter((t) => t === '< 5').length;
      const hidden = cells.filter((t) => t === 'x').length;
      const shownSum = cells.filter((t) => /^\d+$/.test(t)).reduce((s, t) => s + Number(t), 0);
      const rest = Number(total) - shownSum;
      if (below === 0) continue;
      // Without a hidden cell, the "< 5" cells add up to `rest`: safe only when that says nothing.
      if (hidden === 0) assert.ok(rest <= 0, `${key} ${col}: "< 5" cells could be worked out (rest ${rest})`);
    }
  }
}

/** The SVG chart beside a table of the municipal report (`chart-<table key>`), or undefined. */
function chartOf(html, key) {
  const match = html.match(new RegExp(`<svg [^>]*aria-labelledby="chart-${key}-title chart-${key}-desc"[^>]*>([\\s\\S]*?)</svg>`));
  return match && { svg: match[0], bars: [...match[1].matchAll(/<rect class="bar"/g)].length, title: match[1].match(/<title[^>]*>([^<]*)</)[1] };
}

describe('the municipal yearly report', () => {
  let server;
  let staff;
  let viewer;
  let clockFile;

  before(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-figures-'));
    clockFile = path.join(dataDir, 'clock-offset');
    await writeFile(clockFile, '0');
    server = await startServer({ dataDir, env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });
    await addStaff(server);
    for (const [email, code] of [[VIEWER, M], [OTHER_VIEWER, 'GM0599']]) {
      const r = await server.run(['user', 'add', '--email', email, '--role', 'municipality_viewer', '--municipality', code], `${PASSWORD}\n`);
      assert.equal(r.code, 0, r.stderr);
    }
    // The previous year's reports: the server's clock set back to the middle of that year.
    for (const year of [P, Y]) {
      const midYear = Date.UTC(year, 5, 15, 12) / 1000;
      await writeFile(clockFile, String(year === Y ? 0 : Math.round(midYear - Date.now() / 1000)));
      for (const g of GROUPS.filter((x) => x.year === year)) {
        for (let i = 0; i < g.n; i++) {
          await submitValid(server.url, validReport({
            incident_municipality: g.incident === 'GM0457' ? M : g.incident,
            residence_municipality: g.residence,
            grounds: g.grounds,
            domain: g.domain,
            nature: g.nature,
            incident_date: `${year}-01-02`,
          }));
        }
      }
    }
    await writeFile(clockFile, '0');
    const weesp = await sql(server, `UPDATE reports SET incident_municipality = 'GM0457' WHERE id = (SELECT MAX(id) FROM reports WHERE reported_year = ${P}) RETURNING id`);
    assert.equal(weesp.length, 1, 'one report became a Weesp report');
    staff = await staffLogin(server.url);
    viewer = await staffLogin(server.url, VIEWER, PASSWORD);
  });
  after(async () => { await server?.stop(); });

  test('staff see every cell exactly, previous year and change beside it', async () => {
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${M}&jaar=${Y}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const shown = pageTables(html);
    compare(shown, expectedTables(), { suppressed: false });
    // Multi-ground counting: 9 reports about Amsterdam this year, 18 ground counts (7 religion
    // with anti-Muslim, each once per row; 2 anti-Black, also under origin).
    assert.equal(shown['incident-summary'].total.current, '9');
    assert.equal(shown['incident-ground'].total.current, '9');
    const groundSum = Object.entries(shown['incident-ground']).filter(([c]) => c !== 'total').reduce((s, [, c]) => s + Number(c.current), 0);
    assert.equal(groundSum, 18);
    assert.equal(shown['incident-ground'].religion.current, '7', 'a report with a ground and its sub-ground counts once under the ground');
    assert.equal(shown['incident-ground'].origin.current, '2', 'a ground counts the reports with only one of its sub-grounds');
    assert.equal(shown['incident-ground']['origin.anti_black'].current, '2');
    // The sub-ground row reads and stands as part of its ground, right under its family.
    const groundRows = tableRows(html, 't-incident-ground').filter((row) => row.attrs['data-code'] && row.attrs['data-code'] !== 'total');
    const codes = groundRows.map((row) => row.attrs['data-code']);
    assert.deepEqual(codes.slice(0, 7), ['origin', 'origin.anti_black', 'origin.antiziganism', 'origin.anti_asian', 'religion', 'religion.antisemitism', 'religion.anti_muslim']);
    const antiBlack = groundRows.find((row) => row.attrs['data-code'] === 'origin.anti_black');
    assert.equal(antiBlack.attrs.class, 'part-row');
    assert.equal(antiBlack.cells[0].text, 'waarvan racisme tegen zwarte mensen');
    assert.equal(groundRows[0].attrs.class, undefined, 'the ground itself is not indented');
    const english = await (await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${M}&jaar=${Y}&lang=en`)).text();
    const englishRow = tableRows(english, 't-incident-ground').find((row) => row.attrs['data-code'] === 'religion.anti_muslim');
    assert.equal(englishRow.cells[0].text, 'of which against Muslims');
    await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${M}&jaar=${Y}&lang=nl`); // back to Dutch
    // The Weesp report counts for Amsterdam last year.
    assert.equal(shown['incident-summary'].total.previous, '6');
    assert.equal(shown['incident-ground'].sex.previous, '1');
    // The note under every table; under the ground tables it says a ground includes its sub-grounds.
    assert.equal([...html.matchAll(/class="table-note"/g)].length, TABLE_KEYS.length);
    assert.equal([...decode(html).matchAll(/Een grond omvat de subgronden eronder, de „waarvan”-regels: een melding over antisemitisme telt ook bij godsdienst mee, één keer\./g)].length, 2);
    assert.match(html, /id="exact-note"/);
    // A bar chart of this year beside every table, named like the table, one bar per row.
    for (const key of TABLE_KEYS) {
      const chart = chartOf(html, key);
      assert.ok(chart, `a chart beside ${key}`);
      assert.match(chart.svg, /role="img"/);
      assert.equal(chart.bars, Object.keys(shown[key]).length - 1, `one bar per row of ${key}`);
      assert.ok(chart.title.endsWith(`, ${Y}`), chart.title);
    }
    assert.ok(await auditCount(server, 'figures.read', `html ${M} ${Y}%`) >= 1, 'reading is on the audit log');
    // The figures page links to the municipal report.
    const list = await (await staff.fetch(`${server.url}/medewerkers/cijfers?jaar=${Y}`)).text();
    assert.match(list, new RegExp(`href="/medewerkers/cijfers/gemeente\\?gemeente=${M}&amp;jaar=${Y}"`));
  });

  test('the CSV has the same tables with small numbers hidden', async () => {
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?gemeente=${M}&jaar=${Y}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a byte order mark');
    const shown = csvTables(bytes.subarray(3).toString('utf8'));
    compare(shown, expectedTables(), { suppressed: true, csv: true });
    assertNoBackCalculation(shown);
    // 2 non-residents this year: "< 5", and the residents' 7 hidden with it.
    assert.equal(shown['incident-summary'].non_residents.current, '< 5');
    assert.equal(shown['incident-summary'].residents.current, 'x');
    assert.equal(shown['incident-summary'].total.current, '9');
  });

  test('a municipality viewer sees their own municipality only, suppressed', async () => {
    const res = await viewer.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${M}&jaar=${Y}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const shown = pageTables(html);
    compare(shown, expectedTables(), { suppressed: true });
    assertNoBackCalculation(shown);
    assert.match(html, /id="suppression-note"/);
    assert.ok(html.includes('“&lt; 5”') && !html.includes('&amp;lt;'), 'the note shows “< 5”, escaped once');
    // In the charts a number not shown has no bar: only its "< 5" or "x".
    const summary = chartOf(html, 'incident-summary');
    const shownCells = Object.entries(shown['incident-summary']).filter(([c, cell]) => c !== 'total' && /^\d+$/.test(cell.current));
    assert.equal(summary.bars, shownCells.length);
    assert.match(summary.svg, />&lt; 5</);
    const other = await viewer.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=GM0599&jaar=${Y}`);
    assert.equal(other.status, 403);
    const otherCsv = await viewer.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?gemeente=GM0599&jaar=${Y}`);
    assert.equal(otherCsv.status, 403);
    assert.ok(await auditCount(server, 'access.denied', 'figures of GM0599') >= 2);
  });

  test('unknown or merged municipalities and bad years are not found', async () => {
    for (const q of ['gemeente=GM9999&jaar=2026', 'gemeente=GM0457&jaar=2026', `gemeente=${M}&jaar=abc`, `gemeente=${M}&jaar=${Y + 1}`]) {
      const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?${q}`);
      assert.equal(res.status, 404, q);
    }
  });

  test('without mass reports is said on the page', async () => {
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${M}&jaar=${Y}&massa=zonder`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /id="mass-choice" data-mass="without"/);
    compare(pageTables(html), expectedTables(), { suppressed: false }); // no mass reports here
  });
});
