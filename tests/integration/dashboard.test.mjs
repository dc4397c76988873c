// The figures dashboard (/medewerkers/cijfers/overzicht): reports made over three months (the
// server's clock moved back), counted per month, ground, domain, handling and municipality; the
// test computes every count itself and compares it with the tables on the page, and checks that
// each table has its SVG chart with a text alternative. Staff see their working area exactly; a
// municipality viewer sees only their own municipality, suppressed; other municipalities are
// refused and audited. Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { byId, decode, tableRows, textOf } from './html.mjs';
import { addStaff, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const AMS = 'GM0363';
const ROT = 'GM0599';
const UTR = 'GM0344'; // the second bureau's working area
const ROLL_UP = { GM0457: AMS }; // Weesp merged into Amsterdam in 2022
const today = (code) => ROLL_UP[code] ?? code;
const VIEWER = 'gemeente@amsterdam.example';
const PASSWORD = 'lang-genoeg-wachtwoord-73';

// Months as offsets from the current month in the Netherlands (as the server counts).
const now = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric' })
  .formatToParts(new Date()).map((p) => [p.type, p.value]));
const monthIndex = (offset) => Number(now.year) * 12 + Number(now.month) - 1 + offset;
const monthCode = (index) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const THIS_MONTH = monthIndex(0);

const GROUPS = [
  { month: -2, n: 3, incident: AMS, residence: AMS, grounds: ['origin'], domain: 'labour', nature: 'unequal_treatment' },
  { month: -1, n: 6, incident: AMS, residence: ROT, grounds: ['age', 'sex'], domain: 'housing', nature: 'threat' },
  // Only a sub-ground: counts under its ground "religion" too.
  { month: 0, n: 2, incident: ROT, residence: AMS, grounds: ['religion.antisemitism'], domain: 'labour', nature: 'threat' },
  { month: 0, n: 1, incident: 'none', residence: AMS, grounds: ['origin'], domain: 'media', nature: 'public_statement' },
  { month: 0, n: 1, incident: ROT, residence: ROT, grounds: ['age'], domain: 'sport', nature: 'violence' },
  // The other bureau's: in no count of this bureau's area.
  { month: -1, n: 2, incident: UTR, residence: UTR, grounds: ['sex'], domain: 'housing', nature: 'threat' },
];
const REPORTS = GROUPS.flatMap((g) => Array.from({ length: g.n }, () => ({ ...g })));
// One Amsterdam report of last month becomes a Weesp report (set in the database: the form
// offers today's municipalities).
REPORTS.find((r) => r.month === -1 && r.incident === AMS).incident = 'GM0457';

/** Expected counts: dimension -> code -> count, for the reports in `area` (today's codes). */
function expected(area, { from = monthIndex(-11), to = THIS_MONTH, largeArea = false } = {}) {
  const counts = { month: {}, ground: {}, domain: {}, nature: {}, handling: {}, municipality: {} };
  let total = 0;
  for (let m = from; m <= to; m++) counts.month[monthCode(m)] = 0;
  if (!largeArea) for (const code of area) counts.municipality[code] = 0;
  const add = (dim, code) => { counts[dim][code] = (counts[dim][code] ?? 0) + 1; };
  for (const r of REPORTS) {
    const month = monthIndex(r.month);
    if (month < from || month > to) continue;
    const incident = today(r.incident);
    if (!area.includes(incident) && !area.includes(today(r.residence))) continue;
    total++;
    add('month', monthCode(month));
    // A parent ground counts every report with it or one of its sub-grounds, once.
    for (const g of new Set(r.grounds.flatMap((c) => [c.split('.')[0], c]))) add('ground', g);
    add('domain', r.domain);
    add('nature', r.nature);
    add('handling', 'registration_only'); // asked for registration only: closed at once
    add('municipality', area.includes(incident) ? incident : incident === 'none' ? 'none' : 'outside_area');
  }
  return { counts, total };
}

const DIMENSIONS = ['month', 'ground', 'domain', 'nature', 'handling', 'municipality'];

/** The page's tables: dimension -> code -> text shown. */
function pageTables(html) {
  const result = {};
  for (const dim of DIMENSIONS) {
    const rows = tableRows(html, `t-${dim}`);
    assert.ok(rows, `the page has table #t-${dim}`);
    result[dim] = {};
    for (const row of rows) {
      const code = row.attrs['data-code'];
      if (!code) continue;
      result[dim][code] = decode(row.cells.find((c) => c.attrs['data-col'] === 'count').text.trim());
    }
  }
  return result;
}

/** Every table matches exactly (rows at zero may be shown or left out only where noted). */
function compareExact(shown, { counts, total }) {
  for (const dim of DIMENSIONS) {
    assert.equal(shown[dim].total, String(total), `${dim}: total`);
    for (const [code, count] of Object.entries(counts[dim])) {
      assert.equal(shown[dim][code], String(count), `${dim} ${code}`);
    }
    for (const [code, text] of Object.entries(shown[dim])) {
      if (code === 'total') continue;
      assert.equal(text, String(counts[dim][code] ?? 0), `${dim} ${code} shown`);
    }
  }
}

/** Suppressed: every number under 5 as "< 5", others exact or "x", and no "< 5" without an "x". */
function compareSuppressed(shown, { counts, total }) {
  for (const dim of DIMENSIONS) {
    assert.equal(shown[dim].total, String(total), `${dim}: total shown`);
    let below = 0, hidden = 0, shownSum = 0;
    for (const [code, text] of Object.entries(shown[dim])) {
      if (code === 'total') continue;
      const value = counts[dim][code] ?? 0;
      if (value < 5) assert.equal(text, '< 5', `${dim} ${code}: ${value} as "< 5"`);
      else assert.ok(text === String(value) || text === 'x', `${dim} ${code}: ${text} for ${value}`);
      if (text === '< 5') below++;
      if (text === 'x') hidden++;
      if (/^\d+$/.test(text)) shownSum += Number(text);
    }
    if (dim === 'municipality' && below > 0 && hidden === 0) {
      // Over a calendar year the municipality's row keeps its municipal report's state (one
      // state in every output), so the rule may leave the "< 5" cells without an "x" when a
      // reader still cannot pin any of them: each lies in [rest - 4 (n - 1), min(4, rest)].
      const rest = total - shownSum;
      const low = Math.max(0, rest - 4 * (below - 1));
      const high = Math.min(4, rest);
      assert.ok(low < high || high === 0, `${dim}: a "< 5" cannot be worked out from the total`);
    } else if (below > 0) {
      assert.ok(hidden > 0, `${dim}: a "< 5" cannot be worked out from the total`);
    }
  }
}

/** The charts: one SVG per table, with a title and description that name it, and no script. */
function assertCharts(html) {
  const svgs = [...html.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]).filter((s) => s.includes('class="chart"'));
  assert.equal(svgs.length, DIMENSIONS.length, 'one chart per table');
  for (const dim of DIMENSIONS) {
    const svg = svgs.find((s) => s.includes(`aria-labelledby="chart-${dim}-title chart-${dim}-desc"`));
    assert.ok(svg, `chart for ${dim}`);
    assert.match(svg, /role="img"/);
    assert.match(svg, new RegExp(`<title id="chart-${dim}-title">[^<]+</title>`));
    assert.match(svg, new RegExp(`<desc id="chart-${dim}-desc">[^<]+</desc>`));
    assert.doesNotMatch(svg, /<script|href=|url\(/);
  }
  return svgs;
}

describe('the figures dashboard', () => {
  let server;
  let staff;
  let viewer;
  let area; // the first bureau's working area: every municipality but Utrecht

  before(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-dashboard-'));
    const clockFile = path.join(dataDir, 'clock-offset');
    await writeFile(clockFile, '0');
    server = await startServer({ dataDir, env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });
    await addStaff(server);
    assert.equal((await server.run(['bureau', 'add', '--name', 'ADV Utrecht'])).code, 0);
    assert.equal((await server.run(['bureau', 'area', '--bureau', '2', UTR])).code, 0);
    const r = await server.run(['user', 'add', '--email', VIEWER, '--role', 'municipality_viewer', '--municipality', AMS], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
    for (const offset of [-2, -1, 0]) {
      const index = monthIndex(offset);
      const mid = Date.UTC(Math.floor(index / 12), index % 12, 15, 12) / 1000;
      await writeFile(clockFile, String(offset === 0 ? 0 : Math.round(mid - Date.now() / 1000)));
      for (const g of GROUPS.filter((x) => x.month === offset)) {
        for (let i = 0; i < g.n; i++) {
          await submitValid(server.url, validReport({
            incident_municipality: g.incident, residence_municipality: g.residence, grounds: g.grounds,
            domain: g.domain, nature: g.nature, incident_date: `${monthCode(index)}-01`,
          }));
        }
      }
    }
    await writeFile(clockFile, '0');
    const weesp = await sql(server, `UPDATE reports SET incident_municipality = 'GM0457' WHERE id = (SELECT MIN(id) FROM reports WHERE incident_municipality = '${AMS}' AND residence_municipality = '${ROT}') RETURNING id`);
    assert.equal(weesp.length, 1);
    staff = await staffLogin(server.url);
    viewer = await staffLogin(server.url, VIEWER, PASSWORD);
    const page = await (await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht`)).text();
    area = [...page.matchAll(/<option value="(GM\d{4})"/g)].map((m) => m[1]);
  });
  after(async () => { await server?.stop(); });

  test('staff see the last 12 months of their working area, exactly, with a chart per table', async () => {
    assert.ok(area.length > 300 && area.includes(AMS) && area.includes(ROT) && !area.includes(UTR), 'the first bureau holds every municipality outside the other areas');
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const shown = pageTables(html);
    const want = expected(area, { largeArea: true });
    assert.equal(want.total, 13);
    compareExact(shown, want);
    // Every month of the period, the current one last; the Weesp report counts for Amsterdam.
    const months = tableRows(html, 't-month').map((row) => row.attrs['data-code']).filter((c) => c && c !== 'total');
    assert.equal(months.length, 12);
    assert.equal(months.at(-1), monthCode(THIS_MONTH));
    assert.equal(shown.month[monthCode(monthIndex(-1))], '6');
    assert.equal(shown.municipality[AMS], '9');
    assert.equal(shown.municipality.GM0457, undefined, 'no row for a merged municipality');
    assert.equal(shown.ground.origin, '4');
    assert.equal(shown.ground.religion, '2', 'a ground counts the reports with one of its sub-grounds');
    assert.equal(shown.ground['religion.antisemitism'], '2');
    const grounds = tableRows(html, 't-ground').filter((row) => row.attrs['data-code']);
    const codes = grounds.map((row) => row.attrs['data-code']);
    assert.equal(codes.indexOf('religion.antisemitism'), codes.indexOf('religion') + 1, 'the sub-ground right under its ground');
    const antisemitism = grounds.find((row) => row.attrs['data-code'] === 'religion.antisemitism');
    assert.equal(antisemitism.attrs.class, 'part-row', 'indented under its ground');
    assert.equal(antisemitism.cells[0].text, 'waarvan tegen Joodse mensen (antisemitisme)');
    // The note under the ground table says so; the handling table's note does not.
    const section = (id) => decode(html.slice(html.indexOf(`id="h-${id}"`), html.indexOf('</section>', html.indexOf(`id="h-${id}"`))));
    assert.match(section('ground'), /Een grond omvat de subgronden eronder, de „waarvan”-regels/);
    assert.doesNotMatch(section('handling'), /subgronden/);
    assert.match(html, /id="exact-note"/);
    const svgs = assertCharts(html);
    // The month chart: a column per month, the numbers as text in the drawing.
    const monthChart = svgs.find((s) => s.includes('chart-month-title'));
    assert.equal([...monthChart.matchAll(/<rect class="bar"/g)].length, 12);
    assert.ok(await auditCount(server, 'figures.read', `dashboard area ${monthCode(monthIndex(-11))}..${monthCode(THIS_MONTH)} exact`) >= 1, 'the read is on the audit log');
  });

  test('one municipality of the area, and a period of the staff member\'s choice', async () => {
    const from = monthIndex(-2), to = monthIndex(-1);
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${AMS}&van=${monthCode(from)}&tot=${monthCode(to)}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const want = expected([AMS], { from, to });
    assert.equal(want.total, 9);
    compareExact(pageTables(html), want);
    assert.deepEqual(Object.keys(pageTables(html).municipality), [AMS, 'outside_area', 'none', 'total']);
    assert.match(html, new RegExp(`<option value="${AMS}" selected>`));
    assert.equal(textOf(byId(html, 'dashboard-total').html), '9');
  });

  test('mass reports can be left out, and the page says so', async () => {
    await sql(server, `INSERT INTO mass_events (bureau_id, name, started_on, created_at) VALUES (1, 'Uitzending', '2026-01-01', 0)`);
    const [id] = await sql(server, `SELECT MAX(id) FROM reports WHERE incident_municipality = 'none'`);
    await sql(server, `UPDATE reports SET mass_event_id = (SELECT MAX(id) FROM mass_events) WHERE id = ${id}`);
    try {
      const withMass = await (await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${AMS}`)).text();
      assert.equal(pageTables(withMass).municipality.none, '1');
      assert.equal(textOf(byId(withMass, 'mass-count').html).match(/\d+/)[0], '1');
      const without = await (await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${AMS}&massa=zonder`)).text();
      assert.match(without, /id="mass-choice" data-mass="without"/);
      const shown = pageTables(without);
      assert.equal(shown.month.total, '11');
      assert.equal(shown.municipality.none, '0');
    } finally {
      await sql(server, `UPDATE reports SET mass_event_id = NULL WHERE id = ${id}`);
    }
  });

  test('another bureau\'s municipality is refused and audited; unknown ones are not found', async () => {
    const res = await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${UTR}`);
    assert.equal(res.status, 403);
    assert.ok(await auditCount(server, 'access.denied', `dashboard of ${UTR}`) >= 1);
    assert.equal((await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=GM9999`)).status, 404);
  });

  test('a bad period gets a clear message', async () => {
    for (const [query, message] of [
      ['van=2026-13', /year and month/],
      ['van=maart&tot=2026-01', /year and month/],
      ['van=2026-05&tot=2026-01', /first month comes after the last/],
      ['van=2000-01&tot=2010-01', /at most 10 years/],
    ]) {
      const res = await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?${query}&lang=en`);
      assert.equal(res.status, 400, query);
      const html = await res.text();
      assert.match(textOf(byId(html, 'form-error').html), message, query);
      assert.equal(tableRows(html, 't-month'), undefined, 'no figures for a bad period');
    }
    // Exactly 10 years is allowed.
    assert.equal((await staff.fetch(`${server.url}/medewerkers/cijfers/overzicht?van=2000-01&tot=2009-12`)).status, 200);
  });

  test('a municipality viewer sees only their own municipality, with small numbers suppressed', async () => {
    const res = await viewer.fetch(`${server.url}/medewerkers/cijfers/overzicht`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const want = expected([AMS]);
    assert.equal(want.total, 12);
    const shown = pageTables(html);
    compareSuppressed(shown, want);
    assert.equal(shown.month[monthCode(monthIndex(-2))], '< 5');
    assert.deepEqual(Object.keys(shown.municipality), [AMS, 'outside_area', 'none', 'total']);
    assert.match(html, /id="suppression-note"/);
    assert.doesNotMatch(html, /<select id="gemeente"/, 'no choice of area');
    assert.doesNotMatch(html, /\/medewerkers\/meldingen\//, 'never a case');
    assertCharts(html);
    // The suppressed numbers are drawn as absent: their "< 5" in the chart, no bar.
    assert.match(html, /<text class="value"[^>]*font-style="italic">&lt; 5<\/text>/);
    assert.ok(await auditCount(server, 'figures.read', `dashboard ${AMS} % suppressed`) >= 1);
  });

  test('a municipality viewer choosing another municipality is refused and audited', async () => {
    for (const code of [ROT, 'GM9999', 'x%27']) {
      const res = await viewer.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${code}`);
      assert.equal(res.status, 403, code);
    }
    assert.ok(await auditCount(server, 'access.denied', `dashboard of ${ROT}`) >= 1);
    // Their own municipality by code is fine.
    assert.equal((await viewer.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${AMS}`)).status, 200);
  });
});
