// Scope by bureau: two bureaus with working areas (set with `meldpunt bureau area`) and reports in
// both. The second bureau's coordinator sees no exact number of a municipality of the first
// bureau anywhere: not on the figures page, not in the municipal report (page, CSV, XLSX, PDF),
// not on the dashboard (the first bureau's municipality, or the whole area), not in an archive;
// each refusal is a 403 with an `access.denied` entry. The first bureau is the catch-all: besides
// its listed area it holds every municipality in no bureau's area. The own municipalities still
// work, and count every report about them or by their residents, whichever bureau holds it. The
// national file (suppressed) stays available and its reads are logged; the system admin, the one
// role over the whole installation, gets the national file and a named bureau's archive, logged.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { tableRows, textOf } from './html.mjs';
import { reportingYear, staffLogin, submitValid, validReport, addBureau, setWorkingArea } from './flows.mjs';
import { auditCount, sql } from './database.mjs';
import { unzip } from './zip.mjs';

const Y = reportingYear();
const AMSTERDAM = 'GM0363'; // the first bureau's listed area
const OUDER_AMSTEL = 'GM0437'; // the first bureau's listed area
const GRONINGEN = 'GM0014'; // in no listed area: the first bureau's (catch-all)
const UTRECHT = 'GM0344'; // in no listed area: the first bureau's (catch-all)
const ROTTERDAM = 'GM0599'; // the second bureau's area
const FIRST_BUREAU = [AMSTERDAM, OUDER_AMSTEL, GRONINGEN, UTRECHT];
const PASSWORD = 'lang-genoeg-wachtwoord-88';
const USERS = {
  coordinator1: ['coord@amsterdam.example', 'coordinator', ['--bureau', '1']],
  coordinator2: ['coord@rotterdam.example', 'coordinator', ['--bureau', '2']],
  admin2: ['beheer@rotterdam.example', 'bureau_admin', ['--bureau', '2']],
  system: ['applicatiebeheer@meldpunt.example', 'system_admin', []],
};
// Where each group goes: the incident's bureau, else the residence's, else the first bureau.
const GROUPS = [
  { n: 6, incident: AMSTERDAM, residence: AMSTERDAM, bureau: 1 },
  { n: 2, incident: AMSTERDAM, residence: ROTTERDAM, bureau: 1 },
  { n: 5, incident: OUDER_AMSTEL, residence: AMSTERDAM, bureau: 1 },
  { n: 7, incident: ROTTERDAM, residence: ROTTERDAM, bureau: 2 },
  { n: 3, incident: 'none', residence: ROTTERDAM, bureau: 2 },
  { n: 2, incident: 'none', residence: UTRECHT, bureau: 1 },
  // About Groningen (the first bureau's, but not listed) by Rotterdam residents: routed by
  // residence to the second bureau, which holds them.
  { n: 1, incident: GRONINGEN, residence: ROTTERDAM, bureau: 2 },
];

/** Every report of the installation, counted as the figures count them. */
function expected(code) {
  const incident = GROUPS.filter((g) => g.incident === code).reduce((s, g) => s + g.n, 0);
  const residence = GROUPS.filter((g) => g.residence === code).reduce((s, g) => s + g.n, 0);
  return { incident, residence };
}

/** table#counts as code -> { incident, residence } (the cells' text). */
function countsOf(html) {
  const map = {};
  for (const row of tableRows(html, 'counts') ?? []) {
    const code = row.attrs['data-code'];
    if (!code) continue;
    const cell = (col) => textOf(row.cells.find((c) => c.attrs['data-col'] === col).html).trim();
    map[code] = { incident: cell('incident'), residence: cell('residence') };
  }
  return map;
}

describe('figures are scoped by bureau', () => {
  let server;
  const jars = {};
  const get = (who, path) => jars[who].fetch(`${server.url}${path}`);

  before(async () => {
    server = await startServer();
    await addBureau(server, 'ADV Rotterdam', [ROTTERDAM]);
    await setWorkingArea(server, 1, [AMSTERDAM, OUDER_AMSTEL]);
    const list = await server.run(['bureau', 'list']);
    assert.match(list.stdout, new RegExp(`^2\\tADV Rotterdam\\t${ROTTERDAM}$`, 'm'));
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    for (const g of GROUPS) {
      for (let i = 0; i < g.n; i++) {
        await submitValid(server.url, validReport({ incident_municipality: g.incident, residence_municipality: g.residence }));
      }
    }
    // The reports went where the test expects them (routing is not what is tested here).
    for (const bureau of [1, 2]) {
      const [held] = await sql(server, `SELECT COUNT(*) FROM reports WHERE bureau_id = ${bureau}`);
      assert.equal(Number(held), GROUPS.filter((g) => g.bureau === bureau).reduce((s, g) => s + g.n, 0), `bureau ${bureau} holds its reports`);
    }
  });
  after(async () => { await server?.stop(); });

  test("the figures page lists the bureau's own working area only", async () => {
    const res = await get('coordinator2', `/medewerkers/cijfers?jaar=${Y}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const shown = countsOf(html);
    // Rotterdam counts every report about it or by its residents, also those the first bureau
    // holds (Amsterdam by Rotterdam residents); online only the second bureau's own reports.
    assert.deepEqual(shown, {
      [ROTTERDAM]: { incident: String(expected(ROTTERDAM).incident), residence: String(expected(ROTTERDAM).residence) },
      none: { incident: '3', residence: '0' },
    });
    assert.equal(expected(ROTTERDAM).residence, 13);
    for (const code of FIRST_BUREAU) assert.ok(!html.includes(`data-code="${code}"`), `no row for ${code}`);
    assert.match(html, /id="scope-note"/);
    // The first bureau: its listed area and the municipalities of no area; never Rotterdam.
    const first = countsOf(await (await get('coordinator1', `/medewerkers/cijfers?jaar=${Y}`)).text());
    assert.deepEqual(Object.keys(first).sort(), [AMSTERDAM, GRONINGEN, OUDER_AMSTEL, UTRECHT, 'none'].sort());
    assert.deepEqual(first[AMSTERDAM], { incident: '8', residence: '11' }, 'with the Amsterdam incident reported from Rotterdam');
    assert.deepEqual(first[GRONINGEN], { incident: '1', residence: '0' }, 'held by the second bureau, counted for Groningen');
    assert.deepEqual(first.none, { incident: '2', residence: '0' }, 'online: the first bureau\'s own reports');
  });

  test("the municipal report of another bureau's municipality is refused in every output", async () => {
    for (const code of [AMSTERDAM, GRONINGEN]) {
      for (const output of ['', '.csv', '.xlsx', '.pdf']) {
        const before = await auditCount(server, 'access.denied', `figures of ${code}`);
        const res = await get('coordinator2', `/medewerkers/cijfers/gemeente${output}?gemeente=${code}&jaar=${Y}`);
        assert.equal(res.status, 403, `${code}${output}`);
        assert.doesNotMatch(res.headers.get('content-type'), /csv|pdf|spreadsheet/, `${code}${output}`);
        const body = await res.text();
        assert.ok(!body.includes('t-incident-summary'), 'no figures on the refusal');
        assert.equal(await auditCount(server, 'access.denied', `figures of ${code}`), before + 1, `${code}${output} on the audit log`);
      }
    }
    // Also when asked for with other choices.
    const byIncident = await get('admin2', `/medewerkers/cijfers/gemeente.csv?gemeente=${OUDER_AMSTEL}&jaar=${Y}&jaar_van=incident&massa=zonder`);
    assert.equal(byIncident.status, 403);
    // The refusals are on the second bureau's log, under the coordinator.
    const [onLog] = await sql(server, `SELECT COUNT(*) FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = 'access.denied' AND a.bureau_id = 2 AND u.email = '${USERS.coordinator2[0]}' AND a.subject LIKE 'figures of %'`);
    assert.equal(Number(onLog), 8);
  });

  test('the own municipality still works, exactly on the page and suppressed in the files', async () => {
    const page = await get('coordinator2', `/medewerkers/cijfers/gemeente?gemeente=${ROTTERDAM}&jaar=${Y}`);
    assert.equal(page.status, 200);
    const rows = tableRows(await page.text(), 't-residents-summary');
    const total = rows.find((r) => r.attrs['data-code'] === 'total');
    assert.equal(textOf(total.cells.find((c) => c.attrs['data-col'] === 'current').html).trim(), '13');
    for (const output of ['.csv', '.xlsx', '.pdf']) {
      const res = await get('coordinator2', `/medewerkers/cijfers/gemeente${output}?gemeente=${ROTTERDAM}&jaar=${Y}`);
      assert.equal(res.status, 200, output);
      assert.match(res.headers.get('content-disposition'), new RegExp(`filename="cijfers-${ROTTERDAM}-rotterdam-${Y}\\${output}"`));
    }
    assert.ok(await auditCount(server, 'figures.read', `html ${ROTTERDAM} ${Y} exact`) >= 1);
    // And the first bureau's coordinator gets a municipality of no area (the catch-all).
    assert.equal((await get('coordinator1', `/medewerkers/cijfers/gemeente?gemeente=${GRONINGEN}&jaar=${Y}`)).status, 200);
    assert.equal((await get('coordinator1', `/medewerkers/cijfers/gemeente?gemeente=${ROTTERDAM}&jaar=${Y}`)).status, 403);
  });

  test("the dashboard: another bureau's municipality is refused, the whole area is the own area", async () => {
    for (const code of [AMSTERDAM, GRONINGEN]) {
      const res = await get('coordinator2', `/medewerkers/cijfers/overzicht?gemeente=${code}`);
      assert.equal(res.status, 403, code);
      assert.ok(await auditCount(server, 'access.denied', `dashboard of ${code}`) >= 1, code);
    }
    const res = await get('coordinator2', '/medewerkers/cijfers/overzicht');
    assert.equal(res.status, 200);
    const html = await res.text();
    const options = [...html.matchAll(/<option value="(GM\d{4})"/g)].map((m) => m[1]);
    assert.deepEqual(options, [ROTTERDAM], 'only the own area to choose from');
    const municipalities = (tableRows(html, 't-municipality') ?? []).map((r) => r.attrs['data-code']).filter(Boolean);
    for (const code of FIRST_BUREAU) assert.ok(!municipalities.includes(code), `no dashboard row for ${code}`);
    assert.ok(municipalities.includes(ROTTERDAM));
  });

  test("the archive of another bureau is refused; the own archive holds the own area only", async () => {
    const before = await auditCount(server, 'access.denied', 'figures archive of bureau 1');
    const refused = await get('coordinator2', `/medewerkers/cijfers/archief?jaar=${Y}&bureau=1`);
    assert.equal(refused.status, 403);
    assert.notEqual(refused.headers.get('content-type'), 'application/zip');
    assert.equal(await auditCount(server, 'access.denied', 'figures archive of bureau 1'), before + 1);
    const own = await get('coordinator2', `/medewerkers/cijfers/archief?jaar=${Y}`);
    assert.equal(own.status, 200);
    const names = unzip(Buffer.from(await own.arrayBuffer())).map((e) => e.name);
    assert.deepEqual(names.filter((n) => n.startsWith('cijfers-')), [
      `cijfers-${ROTTERDAM}-rotterdam-${Y}.csv`, `cijfers-${ROTTERDAM}-rotterdam-${Y}.xlsx`, `cijfers-${ROTTERDAM}-rotterdam-${Y}.pdf`,
    ]);
  });

  test('the national file stays available, suppressed, and every read is logged', async () => {
    for (const ext of ['csv', 'xlsx']) {
      const before = await auditCount(server, 'national.export', `${ext} ${Y}%`);
      const res = await get('coordinator2', `/medewerkers/cijfers/landelijk.${ext}?jaar=${Y}`);
      assert.equal(res.status, 200, ext);
      await res.arrayBuffer();
      assert.equal(await auditCount(server, 'national.export', `${ext} ${Y}%`), before + 1, `${ext} on the log`);
    }
  });

  test('the system admin sees the whole installation only through the national file and a named archive, logged', async () => {
    // No exact figures: the figures page, the municipal report and the dashboard are refused.
    for (const path of ['/medewerkers/cijfers', `/medewerkers/cijfers/gemeente?gemeente=${AMSTERDAM}&jaar=${Y}`, '/medewerkers/cijfers/overzicht']) {
      assert.equal((await get('system', path)).status, 403, path);
    }
    const national = await get('system', `/medewerkers/cijfers/landelijk.csv?jaar=${Y}`);
    assert.equal(national.status, 200);
    await national.arrayBuffer();
    const [logged] = await sql(server, `SELECT COUNT(*) FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = 'national.export' AND u.email = '${USERS.system[0]}'`);
    assert.equal(Number(logged), 1);
    for (const bureau of ['1', '2']) {
      const res = await get('system', `/medewerkers/cijfers/archief?jaar=${Y}&bureau=${bureau}`);
      assert.equal(res.status, 200, bureau);
      await res.arrayBuffer();
      const [entry] = await sql(server, `SELECT COUNT(*) FROM audit_log a JOIN staff_users u ON u.id = a.user_id WHERE a.action = 'figures.archive' AND a.bureau_id = ${bureau} AND u.email = '${USERS.system[0]}'`);
      assert.equal(Number(entry), 1, `the archive of bureau ${bureau} is on that bureau's log`);
    }
  });
});
