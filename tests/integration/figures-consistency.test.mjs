// Figures tell one truth (issue 12): every output gives a municipality the same numbers.
//
// Three bureaus whose areas and residents overlap: bureau 1 (the catch-all, with 's-Gravenhage and
// Rijswijk listed), bureau 2 (Amsterdam and three neighbours), bureau 3 (Utrecht and three
// neighbours). `meldpunt demo-data` fills three years with reports routed by incident or
// residence, so residents of one area report incidents in another. The server's clock is set to
// June 2024 (a test-only clock offset), so that the two latest complete years are 2023 and 2022
// and the generated data names the municipalities merged in 2022 (Weesp into Amsterdam; Brielle,
// Hellevoetsluis and Westvoorne into Voorne aan Zee) the way demo data does: by the product's own
// path, not by editing the database. Staff of two bureaus link their own reports to events
// (decision 6: an event is visible to every bureau, each links its own).
//
// Then, for every municipality of bureaus 2 and 3 and ten of bureau 1, and for both years, every
// output is compared with what the database says (read with sqlite3/psql and counted here,
// tests/integration/figures-expected.mjs), never with the code under test:
// - the municipal report page (staff of the bureau holding the municipality): exact, with and
//   without mass reports;
// - its CSV (with and without mass reports) and XLSX, and a municipality viewer's page: every
//   shown number right, "< 5" only under 5, "x" only for 5 or more;
// - the staff dashboard with the year as its period: exact;
// - the national CSV and XLSX (system admin): every bureau's cells and the roll-up, format 2
//   (decision 3): a row per today's municipality where the bureau holds reports plus its listed
//   area, `other` only for what is no municipality; the bureaus' rows of a municipality add up
//   to the roll-up and to the municipal report;
// - the public CSV (/cijfers.csv, the last complete year and the one before);
// - one state ("< 5", "x", shown) for a municipality's two totals of a year in every output, and
//   for the national total and ground rows in the national roll-up and the public CSV (decision 8).
// Each test collects every disagreement before failing, so one run lists them all.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { CookieJar, binaryPath, getForm, isPostgres, postForm, resetPostgres, runBinary, startServer } from './harness.mjs';
import { byId } from './html.mjs';
import { staffLogin, submitValid, validReport } from './flows.mjs';
import { sql } from './database.mjs';
import {
  Counts, expectedDashboard, expectedMunicipal, expectedNational, expectedPublic, loadBureaus, loadReports,
  municipalityRegistry,
} from './figures-expected.mjs';
import {
  DASHBOARD_TABLES, Findings, MUNICIPAL_TABLES, NATIONAL_HEADER, boundsOf, dashboardTables, exactProblem,
  municipalCsvTables, municipalPageTables, municipalXlsxProblems, nationalCsv, nationalXlsxCells, publicCsv,
  stateOf, suppressedProblem,
} from './figures-outputs.mjs';

const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;
const REPORTS = 5000;
const SEED = 5;
// The server's "now": mid-June 2024, so 2023 and 2022 are the latest complete years and 2022 has
// the municipalities merged that year under their old codes.
const SERVER_NOW = Date.UTC(2024, 5, 14, 10, 0, 0) / 1000;
const LAST = 2023;
const YEARS = [LAST, LAST - 1];
const PASSWORD = 'lang-genoeg-wachtwoord-12';
// Demo data pairs places at random, so residents of one small area seldom report incidents in the
// other; a few reports sent through the public form (the server's clock moved into each year)
// make sure they do, routed by the server by incident or, for online incidents, by residence.
const CROSSINGS = [
  { residence: 'GM0363', incident: 'GM0344', grounds: ['religion.antisemitism'], bureaus: [3] }, // Amsterdam's resident, Utrecht
  { residence: 'GM0344', incident: 'GM0362', grounds: ['origin', 'origin.anti_black'], bureaus: [2] }, // Utrecht's resident, Amstelveen
  { residence: 'GM0355', incident: 'none', grounds: ['origin.anti_asian', 'age'], bureaus: [3] }, // Zeist's resident, online
  // Rotterdam is in no listed area: today the residence routes it (bureau 2 then holds a report
  // about a municipality of the catch-all bureau); the catch-all bureau would do as well.
  { residence: 'GM0437', incident: 'GM0599', grounds: ['sexual_orientation'], bureaus: [2, 1] }, // Ouder-Amstel's resident, Rotterdam
];
const CROSSINGS_PER_YEAR = 3;

const AMSTERDAM = 'GM0363';
const BUREAUS = [
  { id: 1, name: 'Meldpunt', area: ['GM0518', 'GM0603'] }, // 's-Gravenhage, Rijswijk; and every municipality in no area
  { id: 2, name: 'ADV Amstelland', area: [AMSTERDAM, 'GM0362', 'GM0384', 'GM0437'] }, // Amsterdam, Amstelveen, Diemen, Ouder-Amstel
  { id: 3, name: 'ADV Midden-Utrecht', area: ['GM0344', 'GM0355', 'GM0356', 'GM0321'] }, // Utrecht, Zeist, Nieuwegein, Houten
];
// Bureau 1's municipalities compared: its listed area and eight in no area (the catch-all): a
// large city, the one with merged predecessors, small islands, others spread over the country.
const CATCH_ALL = ['GM0599', 'GM1992', 'GM0772', 'GM0014', 'GM0088', 'GM0096', 'GM0935', 'GM0034'];
const MUNICIPALITIES = [...BUREAUS.flatMap((b) => b.area), ...CATCH_ALL];
const MERGED = ['GM0457', 'GM0501', 'GM0530', 'GM0614']; // Weesp; Brielle, Hellevoetsluis, Westvoorne
const holderOf = (code) => BUREAUS.find((b) => b.area.includes(code))?.id ?? 1;

const USERS = {
  coordinator1: ['coordinator@meldpunt.example', 'coordinator', ['--bureau', '1']],
  coordinator2: ['coordinator@amstelland.example', 'coordinator', ['--bureau', '2']],
  coordinator3: ['coordinator@midden-utrecht.example', 'coordinator', ['--bureau', '3']],
  system: ['applicatiebeheer@meldpunt.example', 'system_admin', []],
  viewer: ['gemeente@amsterdam.example', 'municipality_viewer', ['--bureau', '2', '--municipality', AMSTERDAM]],
};

/** Run fn over items with at most n at a time; results in order. */
async function inParallel(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}

const reference = (r) => `MP-${r.reported}-${String(r.id).padStart(6, '0')}`;

describe('figures tell one truth: every output against the database', () => {
  let dir;
  let server;
  const jars = {};
  let registry;
  let reports;
  let bureaus;
  const mass = { links: [] };
  const memo = new Map();

  /** GET as one of the users: { status, body (Buffer), text() }. */
  async function get(who, pathAndQuery) {
    const jar = who ? jars[who] : new CookieJar();
    const res = await jar.fetch(`${server.url}${pathAndQuery}`);
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, body, text: () => body.toString('utf8') };
  }
  /** Every request once, whichever test asks first. */
  const once = (key, fn) => {
    if (!memo.has(key)) memo.set(key, fn());
    return memo.get(key);
  };

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-consistency-'));
    const clockFile = path.join(dir, 'clock-offset');
    await writeFile(clockFile, String(Math.round(SERVER_NOW - Date.now() / 1000)));
    const env = { ...process.env, MELDPUNT_CLOCK_OFFSET_FILE: clockFile };
    const database = PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}`;
    if (PG_URL) await resetPostgres(PG_URL);
    const cli = async (args) => {
      const r = await runBinary([...args, '--database', database, '--data-dir', dir], '', env);
      assert.equal(r.code, 0, `meldpunt ${args.join(' ')}: ${r.stderr}${r.stdout}`);
      return r.stdout;
    };
    await cli(['migrate']);
    for (const b of BUREAUS.slice(1)) assert.match(await cli(['bureau', 'add', '--name', b.name]), new RegExp(`added bureau ${b.id} `));
    for (const b of BUREAUS) await cli(['bureau', 'area', '--bureau', String(b.id), ...b.area]);
    // Not runBinary: its 30 s limit may be short on PostgreSQL on a busy machine.
    await promisify(execFile)(binaryPath(), ['demo-data', '--reports', String(REPORTS), '--years', '3',
      '--seed', String(SEED), '--database', database, '--data-dir', dir], { env, timeout: 300_000 });

    server = await startServer({ database, dataDir: dir, resetDatabase: false, env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile }, args: ['--retention-job', 'false'] });
    for (const year of YEARS) {
      await writeFile(clockFile, String(Math.round(Date.UTC(year, 9, 10, 12) / 1000 - Date.now() / 1000)));
      const sends = CROSSINGS.flatMap((c) => Array.from({ length: CROSSINGS_PER_YEAR }, (_, i) => validReport({
        incident_municipality: c.incident, residence_municipality: c.residence, grounds: c.grounds, incident_date: `${year}-10-0${i + 1}`,
      })));
      await inParallel(sends, 4, (fields) => submitValid(server.url, fields));
    }
    await writeFile(clockFile, String(Math.round(SERVER_NOW - Date.now() / 1000)));
    await Promise.all(Object.entries(USERS).map(async ([name, [email, role, extra]]) => {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }));

    // Mass events over two bureaus (decision 6): the demo event (bureau 1's reports) gets reports
    // of bureau 2; bureau 3 adds an event and links its own reports, and bureau 2 links some of
    // its own to it too. Linking is by reference on the staff mass pages; what happens is kept
    // for the test about it, and every expectation below reads the links from the database.
    registry = municipalityRegistry();
    // A bureau's own reports of a year not linked yet and made after the event started, online
    // ones first (the events are statements in the media), oldest first: [{ id, reported }].
    const pick = async (bureau, year, n, since) => (await sql(server, `SELECT id FROM reports
      WHERE bureau_id = ${bureau} AND reported_year = ${year} AND mass_event_id IS NULL AND reported_at >= ${since}
      ORDER BY CASE WHEN incident_municipality = 'none' THEN 0 ELSE 1 END, id LIMIT ${n}`))
      .map((id) => ({ id: Number(id), reported: year }));
    const [demo] = await sql(server, 'SELECT id, started_on FROM mass_events ORDER BY id');
    const [demoEvent, demoStart] = demo.split('|');
    const list = await getForm(jars.coordinator3, `${server.url}/medewerkers/massameldingen`);
    const podcastStart = `${LAST - 1}-11-02`;
    const added = await postForm(jars.coordinator3, `${server.url}/medewerkers/massameldingen`, {
      csrf: list.csrf, name: 'Uitspraak in een podcast', started_on: podcastStart,
      description: 'Testgegevens: een uitspraak in een podcast waarover in twee werkgebieden is gemeld.',
    });
    assert.equal(added.status, 303, `bureau 3 adds an event: ${added.html.slice(0, 300)}`);
    const podcastEvent = added.location.match(/massameldingen\/(\d+)/)[1];
    const since = (day) => Date.parse(`${day}T00:00:00Z`) / 1000;
    const plan = [
      { who: 'coordinator2', bureau: 2, event: demoEvent, picks: [[LAST, 12, since(demoStart)]] },
      { who: 'coordinator3', bureau: 3, event: podcastEvent, picks: [[LAST - 1, 4, since(podcastStart)], [LAST, 8, since(podcastStart)]] },
      { who: 'coordinator2', bureau: 2, event: podcastEvent, picks: [[LAST - 1, 3, since(podcastStart)], [LAST, 6, since(podcastStart)]] },
    ];
    for (const step of plan) {
      step.reports = [];
      for (const [year, n, from] of step.picks) step.reports.push(...await pick(step.bureau, year, n, from));
      const page = await getForm(jars[step.who], `${server.url}/medewerkers/massameldingen`);
      const res = await postForm(jars[step.who], `${server.url}/medewerkers/massameldingen/${step.event}/koppelen`, {
        csrf: page.csrf, how: 'references', references: step.reports.map(reference).join('\n'),
      });
      const linkedNow = res.status === 200 ? byId(res.html, 'linked-now')?.text : undefined;
      mass.links.push({ ...step, status: res.status, linkedNow });
    }
    mass.events = { demo: Number(demoEvent), podcast: Number(podcastEvent) };

    reports = await loadReports(server);
    bureaus = await loadBureaus(server);
  });
  after(async () => {
    await server?.stop({ keepData: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // --- the outputs, each fetched once ---------------------------------------------------------------

  const municipalQuery = (code, year, withMass) => `gemeente=${code}&jaar=${year}${withMass ? '' : '&massa=zonder'}`;

  /** Per municipality and year: the staff page (with/without mass), the CSVs, the XLSX, the dashboard. */
  const municipalOutputs = () => once('municipal', async () => {
    const jobs = [];
    for (const code of MUNICIPALITIES) {
      const who = `coordinator${holderOf(code)}`;
      for (const year of YEARS) {
        for (const withMass of [true, false]) {
          const q = municipalQuery(code, year, withMass);
          jobs.push([`page ${code} ${year} ${withMass}`, who, `/medewerkers/cijfers/gemeente?${q}`]);
          jobs.push([`csv ${code} ${year} ${withMass}`, who, `/medewerkers/cijfers/gemeente.csv?${q}`]);
        }
        jobs.push([`xlsx ${code} ${year}`, who, `/medewerkers/cijfers/gemeente.xlsx?${municipalQuery(code, year, true)}`]);
        jobs.push([`dashboard ${code} ${year}`, who, `/medewerkers/cijfers/overzicht?gemeente=${code}&van=${year}-01&tot=${year}-12`]);
      }
    }
    for (const year of YEARS) {
      jobs.push([`viewer page ${AMSTERDAM} ${year}`, 'viewer', `/medewerkers/cijfers/gemeente?${municipalQuery(AMSTERDAM, year, true)}`]);
      jobs.push([`viewer dashboard ${AMSTERDAM} ${year}`, 'viewer', `/medewerkers/cijfers/overzicht?van=${year}-01&tot=${year}-12`]);
    }
    const results = await inParallel(jobs, 4, ([, who, url]) => get(who, url));
    return new Map(jobs.map(([key], i) => [key, results[i]]));
  });

  /** The national CSV and XLSX of each year, as the system admin downloads them. */
  const nationalOutputs = () => once('national', async () => {
    const out = {};
    await Promise.all(YEARS.map(async (year) => {
      const [csv, xlsx] = await Promise.all([
        get('system', `/medewerkers/cijfers/landelijk.csv?jaar=${year}`),
        get('system', `/medewerkers/cijfers/landelijk.xlsx?jaar=${year}`),
      ]);
      out[year] = { csv, xlsx, file: csv.status === 200 ? nationalCsv(csv.text()) : undefined };
    }));
    return out;
  });

  const publicOutput = () => once('public', async () => {
    const res = await get(null, '/cijfers.csv');
    return { res, file: res.status === 200 ? publicCsv(res.text()) : undefined };
  });

  /** The expected municipal tables, by "code year withMass". */
  const expected = (code, year, withMass = true) => once(`expected ${code} ${year} ${withMass}`,
    () => expectedMunicipal(reports, registry, { municipality: code, year, withMass }));
  const nationalExpected = (year) => once(`national expected ${year}`, () => expectedNational(reports, registry, year));

  // --- the data -------------------------------------------------------------------------------------

  test('the generated data holds what the comparison needs', () => {
    const areaOf = (code) => BUREAUS.find((b) => b.area.includes(registry.successor(code)))?.id;
    for (const year of YEARS) {
      const ofYear = reports.filter((r) => r.reported === year);
      for (const b of BUREAUS) {
        assert.ok(ofYear.filter((r) => r.bureau === b.id).length > 30, `bureau ${b.id} holds reports of ${year}`);
      }
      for (const b of BUREAUS.slice(1)) {
        assert.ok(ofYear.some((r) => r.bureau === b.id && areaOf(r.incident) === b.id), `bureau ${b.id}: routed by incident in ${year}`);
        assert.ok(ofYear.some((r) => r.bureau === b.id && r.incident === 'none' && areaOf(r.residence) === b.id), `bureau ${b.id}: routed by residence in ${year}`);
      }
      for (const c of CROSSINGS) {
        const sent = ofYear.filter((r) => r.incident === c.incident && r.residence === c.residence && r.grounds.join() === c.grounds.join());
        assert.ok(sent.length >= CROSSINGS_PER_YEAR, `${c.residence}'s residents report about ${c.incident} in ${year}`);
        assert.ok(sent.every((r) => c.bureaus.includes(r.bureau)), `routed to bureau ${c.bureaus.join(' or ')}`);
      }
      for (const [from, to] of [[1, 2], [2, 1], [1, 3], [3, 1], [2, 3], [3, 2]]) {
        const areaOrCatchAll = (code) => areaOf(code) ?? (registry.isMunicipality(registry.successor(code)) ? 1 : undefined);
        assert.ok(ofYear.some((r) => areaOrCatchAll(r.residence) === from && areaOrCatchAll(r.incident) === to), `residents of bureau ${from}'s area report incidents in bureau ${to}'s in ${year}`);
      }
      assert.ok(ofYear.some((r) => r.bureau !== 2 && registry.successor(r.residence) === AMSTERDAM), `another bureau holds reports by Amsterdam's residents in ${year}`);
    }
    const old = reports.filter((r) => r.reported === LAST - 1 && (MERGED.includes(r.incident) || MERGED.includes(r.residence)));
    assert.ok(old.some((r) => [r.incident, r.residence].includes('GM0457')), 'reports of 2022 name Weesp');
    assert.ok(old.some((r) => [r.incident, r.residence].some((c) => ['GM0501', 'GM0530', 'GM0614'].includes(c))), 'reports of 2022 name a predecessor of Voorne aan Zee');
    assert.ok(reports.filter((r) => r.mass && r.reported === LAST).length >= 50, 'the demo mass event is in 2023');
    assert.ok(reports.some((r) => r.grounds.length > 0 && r.grounds.every((g) => g.includes('.'))), 'reports with sub-grounds only');
  });

  test('staff of two bureaus link their own reports to one event (decision 6)', () => {
    const findings = new Findings();
    for (const link of mass.links) {
      findings.check(link.status === 200 ? null : `status ${link.status}`, `${link.who} links ${link.reports.length} of bureau ${link.bureau}'s reports to event ${link.event}`);
      if (link.status === 200) findings.check(exactProblem(link.linkedNow, link.reports.length), `${link.who} event ${link.event} linked now`);
      const linked = link.reports.filter((r) => reports.find((x) => x.id === r.id).mass === Number(link.event)).length;
      findings.check(exactProblem(String(linked), link.reports.length), `bureau ${link.bureau}'s reports in event ${link.event}`);
    }
    for (const [name, id] of Object.entries(mass.events)) {
      const holders = new Set(reports.filter((r) => r.mass === id).map((r) => r.bureau));
      findings.check(holders.size >= 2 ? null : `holds reports of bureau(s) ${[...holders].join(', ')} only`, `the ${name} event`);
    }
    findings.done();
  });

  // --- the municipal report ---------------------------------------------------------------------------

  test('the municipal report page: exact for the bureau holding the municipality, with and without mass reports', async (t) => {
    const outputs = await municipalOutputs();
    const findings = new Findings();
    for (const code of MUNICIPALITIES) {
      for (const year of YEARS) {
        for (const withMass of [true, false]) {
          const where = `${code} ${year} ${withMass ? 'with' : 'without'} mass, page of bureau ${holderOf(code)}`;
          const res = outputs.get(`page ${code} ${year} ${withMass}`);
          findings.check(res.status === 200 ? null : `status ${res.status}`, where);
          if (res.status !== 200) continue;
          const shown = municipalPageTables(res.text());
          const want = expected(code, year, withMass);
          for (const key of MUNICIPAL_TABLES) {
            const table = shown[key];
            findings.check(table ? null : 'no table', `${where} t-${key}`);
            if (!table) continue;
            for (const [row, cell] of Object.entries(table)) {
              findings.check(exactProblem(cell.current, want[key].get(`${row}/0`)), `${where} ${key} ${row} ${year}`);
              findings.check(exactProblem(cell.previous, want[key].get(`${row}/1`)), `${where} ${key} ${row} ${year - 1}`);
            }
            for (const k of want[key].keys()) {
              const row = k.split('/')[0];
              findings.check(table[row] ? null : `no row (${want[key].get(k)})`, `${where} ${key} ${row}`);
            }
          }
        }
      }
    }
    findings.done(t);
  });

  test('the municipal CSV and XLSX, and a municipality viewer\'s page and dashboard: every shown number right, "< 5" and "x" only where they belong', async (t) => {
    const outputs = await municipalOutputs();
    const findings = new Findings();
    const compare = (tables, want, where) => {
      for (const key of MUNICIPAL_TABLES) {
        const table = tables[key];
        findings.check(table ? null : 'no table', `${where} ${key}`);
        if (!table) continue;
        for (const [row, cell] of Object.entries(table)) {
          const cur = want[key].get(`${row}/0`);
          const prev = want[key].get(`${row}/1`);
          findings.check(suppressedProblem(cell.current, cur), `${where} ${key} ${row} this year`);
          findings.check(suppressedProblem(cell.previous, prev), `${where} ${key} ${row} previous year`);
          if (cell.change === undefined) continue;
          const both = /^\d+$/.test(cell.current) && /^\d+$/.test(cell.previous);
          const change = cell.change.replace(/^'/, '');
          findings.check(!both ? (change === '' ? null : `change "${cell.change}" beside a hidden number`)
            : Number(change) === cur - prev && change !== '' ? null : `change "${cell.change}" for ${cur - prev}`, `${where} ${key} ${row} change`);
        }
        for (const k of want[key].keys()) {
          const row = k.split('/')[0];
          findings.check(table[row] ? null : 'no row', `${where} ${key} ${row}`);
        }
      }
    };
    for (const code of MUNICIPALITIES) {
      for (const year of YEARS) {
        for (const withMass of [true, false]) {
          const where = `${code} ${year} CSV ${withMass ? 'with' : 'without'} mass`;
          const res = outputs.get(`csv ${code} ${year} ${withMass}`);
          findings.check(res.status === 200 ? null : `status ${res.status}`, where);
          if (res.status !== 200) continue;
          const csv = municipalCsvTables(res.text());
          findings.check(csv.years.join() === `${year},${year - 1}` ? null : `header years ${csv.years}`, where);
          compare(csv.tables, expected(code, year, withMass), where);
          if (!withMass) continue;
          const xlsx = outputs.get(`xlsx ${code} ${year}`);
          findings.check(xlsx.status === 200 ? null : `status ${xlsx.status}`, `${code} ${year} XLSX`);
          if (xlsx.status === 200) for (const p of municipalXlsxProblems(xlsx.body, csv.lines)) findings.check(p, `${code} ${year} XLSX`);
        }
      }
    }
    for (const year of YEARS) {
      const res = outputs.get(`viewer page ${AMSTERDAM} ${year}`);
      findings.check(res.status === 200 ? null : `status ${res.status}`, `viewer page ${year}`);
      if (res.status === 200) compare(municipalPageTables(res.text()), expected(AMSTERDAM, year), `${AMSTERDAM} ${year} viewer page`);
      const dashboard = outputs.get(`viewer dashboard ${AMSTERDAM} ${year}`);
      findings.check(dashboard.status === 200 ? null : `status ${dashboard.status}`, `viewer dashboard ${year}`);
      if (dashboard.status !== 200) continue;
      const shown = dashboardTables(dashboard.text());
      const want = expectedDashboard(reports, registry, { municipality: AMSTERDAM, year });
      for (const dim of DASHBOARD_TABLES) {
        const where = `${AMSTERDAM} ${year} viewer dashboard ${dim}`;
        findings.check(shown[dim] ? null : 'no table', where);
        if (!shown[dim]) continue;
        for (const [row, text] of Object.entries(shown[dim])) findings.check(suppressedProblem(text, row === 'total' ? want.total : want.tables[dim].get(row)), `${where} ${row}`);
        for (const row of want.tables[dim].keys()) findings.check(row in shown[dim] ? null : 'no row', `${where} ${row}`);
      }
    }
    findings.done(t);
  });

  // --- the dashboard ----------------------------------------------------------------------------------

  test('the staff dashboard with the year as its period: exact, months of the Dutch calendar', async (t) => {
    const outputs = await municipalOutputs();
    const findings = new Findings();
    for (const code of MUNICIPALITIES) {
      for (const year of YEARS) {
        const where = `${code} ${year} dashboard of bureau ${holderOf(code)}`;
        const res = outputs.get(`dashboard ${code} ${year}`);
        findings.check(res.status === 200 ? null : `status ${res.status}`, where);
        if (res.status !== 200) continue;
        const shown = dashboardTables(res.text());
        const want = expectedDashboard(reports, registry, { municipality: code, year });
        for (const dim of DASHBOARD_TABLES) {
          const table = shown[dim];
          findings.check(table ? null : 'no table', `${where} t-${dim}`);
          if (!table) continue;
          findings.check(exactProblem(table.total, want.total), `${where} ${dim} total`);
          for (const [row, text] of Object.entries(table)) {
            if (row !== 'total') findings.check(exactProblem(text, want.tables[dim].get(row)), `${where} ${dim} ${row}`);
          }
          for (const row of want.tables[dim].keys()) findings.check(row in table ? null : 'no row', `${where} ${dim} ${row}`);
        }
        // The municipality's row is the municipal report's "incidents in it" of the year.
        findings.check(exactProblem(shown.municipality?.[code], expected(code, year)['incident-summary'].get('total/0')), `${where}: incidents in ${code} as in the municipal report`);
      }
    }
    findings.done(t);
  });

  // --- the national file --------------------------------------------------------------------------------

  test('the national file per bureau: a row per municipality where it holds reports, `other` only for no municipality, every cell right', async (t) => {
    const national = await nationalOutputs();
    const findings = new Findings();
    for (const year of YEARS) {
      const { csv, file } = national[year];
      findings.check(csv.status === 200 ? null : `status ${csv.status}`, `national CSV ${year}`);
      if (!file) continue;
      findings.check(file.header.join(',') === NATIONAL_HEADER.join(',') ? null : `header ${file.header}`, `national CSV ${year}`);
      findings.check(file.duplicates.length ? `rows twice: ${file.duplicates.slice(0, 5)}` : null, `national CSV ${year}`);
      findings.check([...new Set(file.rows.map((r) => r.year))].join() === String(year) ? null : 'other years', `national CSV ${year}`);
      const want = nationalExpected(year);
      for (const b of bureaus) {
        const id = Object.keys(file.names).find((k) => file.names[k] === b.name);
        const where = `national ${year} ${b.name}`;
        findings.check(id ? null : 'missing', where);
        if (!id) continue;
        const cells = file.byBureau[id];
        const counts = want[b.id] ?? new Counts();
        for (const [key, text] of Object.entries(cells)) findings.check(suppressedProblem(text, counts.get(key)), `${where} ${key}`);
        for (const key of counts.keys()) findings.check(key in cells ? null : `no row (${counts.get(key)})`, `${where} ${key}`);
        // Decision 3: today's municipalities where the bureau holds reports, and its listed area.
        for (const table of ['incident_municipality', 'residence_municipality']) {
          const rows = Object.keys(cells).filter((k) => k.startsWith(`${table}/`)).map((k) => k.split('/')[1]);
          const wantRows = new Set([...b.area, ...counts.keys().filter((k) => k.startsWith(`${table}/`)).map((k) => k.split('/')[1])]);
          wantRows.add('other');
          const extra = rows.filter((c) => !wantRows.has(c)).sort();
          const missing = [...wantRows].filter((c) => !rows.includes(c)).sort();
          findings.check(extra.length ? `rows ${extra.slice(0, 8).join(' ')} (${extra.length})` : null, `${where} ${table}: no row where it holds no report`);
          findings.check(missing.length ? `no rows ${missing.slice(0, 8).join(' ')} (${missing.length})` : null, `${where} ${table}: every municipality where it holds reports, and its area`);
          const merged = rows.filter((c) => c !== 'other' && !registry.isCurrent(c));
          findings.check(merged.length ? `rows of ${merged.join(' ')}` : null, `${where} ${table}: only today's municipalities`);
        }
      }
      // Bureaus that are not of this installation, or twice.
      const local = Object.keys(file.byBureau).filter((k) => k !== 'landelijk');
      findings.check(local.length === bureaus.length ? null : `${local.length} bureaus: ${local.join(' ')}`, `national ${year}: one block per bureau`);
    }
    findings.done(t);
  });

  test('the national roll-up equals the municipal report, and the bureaus\' rows add up to it', async (t) => {
    const national = await nationalOutputs();
    const findings = new Findings();
    for (const year of YEARS) {
      const file = national[year].file;
      if (!file) { findings.check('no file', `national ${year}`); continue; }
      const rollUp = file.byBureau.landelijk ?? {};
      findings.check(file.byBureau.landelijk ? null : 'no roll-up', `national ${year}`);
      const want = nationalExpected(year).landelijk;
      for (const [key, text] of Object.entries(rollUp)) findings.check(suppressedProblem(text, want.get(key)), `national ${year} roll-up ${key}`);
      for (const key of want.keys()) findings.check(key in rollUp ? null : `no row (${want.get(key)})`, `national ${year} roll-up ${key}`);
      for (const code of MUNICIPALITIES) {
        for (const [pop, table] of [['incident', 'incident_municipality'], ['residents', 'residence_municipality']]) {
          const key = `${table}/${code}`;
          const report = expected(code, year)[`${pop}-summary`].get('total/0');
          // The test's two countings agree (both from the database), so any difference below is the output's.
          assert.equal(want.get(key), report, `${key} ${year}: the national and municipal expectation`);
          const where = `national ${year} ${key}`;
          findings.check(suppressedProblem(rollUp[key], report), `${where} roll-up against the municipal report's ${report}`);
          // The bureaus' rows: exact where shown, and together they hold the roll-up.
          let lo = 0;
          let hi = 0;
          for (const b of bureaus) {
            const id = Object.keys(file.names).find((k) => file.names[k] === b.name);
            const text = id ? file.byBureau[id][key] : undefined;
            const [l, h] = boundsOf(text);
            lo += l;
            hi += h;
          }
          const [rl, rh] = boundsOf(rollUp[key]);
          findings.check(rl <= hi && lo <= rh ? null : `bureaus ${lo}..${hi}, roll-up ${rollUp[key]}`, `${where}: the bureaus' rows add up to the roll-up`);
          findings.check(lo <= report && report <= hi ? null : `bureaus ${lo}..${hi}, municipal report ${report}`, `${where}: the bureaus' rows add up to the municipal report`);
        }
      }
    }
    findings.done(t);
  });

  test('the national XLSX holds the cells of the national CSV', async (t) => {
    const national = await nationalOutputs();
    const findings = new Findings();
    for (const year of YEARS) {
      const { xlsx, file } = national[year];
      findings.check(xlsx.status === 200 ? null : `status ${xlsx.status}`, `national XLSX ${year}`);
      if (xlsx.status !== 200 || !file) continue;
      const { cells, problems } = nationalXlsxCells(xlsx.body);
      for (const p of problems) findings.check(p, `national XLSX ${year}`);
      for (const r of file.rows) findings.check(exactProblem(cells.get(`${r.bureau}|${r.table}/${r.code}`), r.count), `national XLSX ${year} ${r.bureau} ${r.table}/${r.code}`);
      findings.check(cells.size === file.rows.length ? null : `${cells.size} cells, the CSV ${file.rows.length}`, `national XLSX ${year}`);
    }
    findings.done(t);
  });

  test('the national file is format meldpunt-landelijk-2 (decision 3)', async () => {
    const national = await nationalOutputs();
    for (const year of YEARS) {
      assert.ok(national[year].file, `national CSV ${year}`);
      assert.deepEqual([...national[year].file.versions], ['meldpunt-landelijk-2'], `national CSV ${year}`);
    }
  });

  // --- the public figures ------------------------------------------------------------------------------

  test('the public CSV: every shown number right, every listed municipality present', async (t) => {
    const { res, file } = await publicOutput();
    const findings = new Findings();
    assert.equal(res.status, 200);
    assert.deepEqual(file.years, [String(LAST), String(LAST - 1)]);
    const want = expectedPublic(reports, registry, LAST);
    for (const [key, text] of file.cells) {
      const [table, code, slot] = key.split('/');
      let value;
      if (code.startsWith('total:')) {
        const area = file.areas[code.slice(6)] ?? [];
        value = area.reduce((n, c) => n + want.get(`${table}/${c}/${slot}`), 0);
      } else {
        value = want.get(key);
      }
      findings.check(suppressedProblem(text, value), `public ${table} ${code} ${LAST - Number(slot)}`);
    }
    for (const code of MUNICIPALITIES) {
      if (holderOf(code) === 1 && !BUREAUS[0].area.includes(code)) continue; // in no listed area
      for (const table of ['incidents', 'residents']) findings.check(file.cells.has(`${table}/${code}/0`) ? null : 'no row', `public ${table} ${code}`);
    }
    for (const key of want.keys().filter((k) => k.startsWith('grounds/'))) findings.check(file.cells.has(key) ? null : `no row (${want.get(key)})`, `public ${key}`);
    findings.done(t);
  });

  // --- one state everywhere (decision 8) --------------------------------------------------------------

  test('a municipality\'s two totals of a year have one state in every output (decision 8)', async (t) => {
    const outputs = await municipalOutputs();
    const national = await nationalOutputs();
    const pub = await publicOutput();
    const findings = new Findings();
    const csvOf = (code, year) => {
      const res = outputs.get(`csv ${code} ${year} true`);
      return res?.status === 200 ? municipalCsvTables(res.text()).tables : undefined;
    };
    const xlsxCells = {};
    for (const year of YEARS) if (national[year].xlsx.status === 200) xlsxCells[year] = nationalXlsxCells(national[year].xlsx.body).cells;
    let compared = 0;
    for (const code of MUNICIPALITIES) {
      for (const year of YEARS) {
        for (const [pop, table, publicTable] of [['incident', 'incident_municipality', 'incidents'], ['residents', 'residence_municipality', 'residents']]) {
          const value = expected(code, year)[`${pop}-summary`].get('total/0');
          const sources = [];
          sources.push([`municipal CSV ${year}`, csvOf(code, year)?.[`${pop}-summary`]?.total?.current]);
          if (year < LAST) sources.push([`municipal CSV ${year + 1} (previous year)`, csvOf(code, year + 1)?.[`${pop}-summary`]?.total?.previous]);
          sources.push([`national CSV ${year} roll-up`, national[year].file?.byBureau.landelijk?.[`${table}/${code}`]]);
          sources.push([`national XLSX ${year} roll-up`, xlsxCells[year]?.get(`landelijk|${table}/${code}`)]);
          const slot = LAST - year;
          if (pub.file?.cells.has(`${publicTable}/${code}/${slot}`)) sources.push([`public CSV (${year})`, pub.file.cells.get(`${publicTable}/${code}/${slot}`)]);
          if (code === AMSTERDAM) {
            const page = outputs.get(`viewer page ${code} ${year}`);
            if (page.status === 200) sources.push([`viewer page ${year}`, municipalPageTables(page.text())[`${pop}-summary`]?.total?.current]);
            const dashboard = outputs.get(`viewer dashboard ${code} ${year}`);
            if (pop === 'incident' && dashboard.status === 200) sources.push([`viewer dashboard ${year}`, dashboardTables(dashboard.text()).municipality?.[code]]);
          }
          const where = `${code} ${year} ${pop === 'incident' ? 'incidents in it' : 'its residents'} (${value})`;
          const states = sources.map(([output, text]) => `${output}: ${text === undefined ? 'absent' : stateOf(text)}`);
          const distinct = new Set(sources.map(([, text]) => (text === undefined ? 'absent' : stateOf(text))));
          findings.check(distinct.size === 1 ? null : `states differ: ${states.join('; ')}`, where);
          compared += sources.length;
        }
      }
    }
    t.diagnostic(`${compared} cells compared`);
    findings.done(t);
  });

  test('the national total and ground rows have one state in the national roll-up and the public CSV (decision 8)', async (t) => {
    const national = await nationalOutputs();
    const pub = await publicOutput();
    assert.ok(pub.file, 'the public CSV');
    const findings = new Findings();
    const want = expectedPublic(reports, registry, LAST);
    for (const year of YEARS) {
      const slot = LAST - year;
      const rollUp = national[year].file?.byBureau.landelijk;
      if (!rollUp) { findings.check('no roll-up', `national ${year}`); continue; }
      const grounds = new Set([...want.keys(), ...pub.file.cells.keys()].filter((k) => k.startsWith('grounds/') && k.endsWith(`/${slot}`)).map((k) => k.split('/')[1]));
      for (const ground of grounds) {
        const value = want.get(`grounds/${ground}/${slot}`);
        const nationalText = rollUp[ground === 'total' ? 'total/reports' : `ground/${ground}`];
        const publicText = pub.file.cells.get(`grounds/${ground}/${slot}`);
        const where = `${year} ${ground} (${value})`;
        findings.check(suppressedProblem(nationalText, value), `${where} in the national roll-up`);
        findings.check(suppressedProblem(publicText, value), `${where} in the public CSV`);
        findings.check(stateOf(nationalText ?? '') === stateOf(publicText ?? '') ? null : `national "${nationalText}", public "${publicText}"`, `${where}: one state`);
      }
    }
    findings.done(t);
  });
});
