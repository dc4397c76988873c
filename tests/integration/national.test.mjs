// The national yearly report (/medewerkers/cijfers/landelijk, .csv, .xlsx, import): two bureaus
// with reports in their areas; the test counts every cell itself from the reports it made and
// checks every cell of the CSV (exact or suppressed, nothing to work back), the XLSX against the
// CSV, the file imported into a second installation (its roll-up equals the first's), a bad file
// refused with nothing stored, and who may do what.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set (the second installation
// then uses a second database in the same cluster).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { getForm, isPostgres, startServer } from './harness.mjs';
import { addStaff, reportingYear, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';
import { parseCsv } from './figures-outputs.mjs';

const run = promisify(execFile);
const Y = reportingYear();
const PASSWORD = 'lang-genoeg-wachtwoord-77';
const VERSION = 'meldpunt-landelijk-2';
const AMS = 'adv-amsterdam';
const RDAM = 'adv-rotterdam';

// Bureau 2 holds Amsterdam (GM0363), bureau 3 Rotterdam (GM0599); bureau 1 ("Meldpunt", made by
// the migration) gets no report and is left out of the file.
const GROUPS = [
  // Only a sub-ground: counts under its ground "origin" too.
  { bureau: AMS, n: 12, incident: 'GM0363', residence: 'GM0363', grounds: ['origin.anti_black'], domain: 'labour', nature: 'unequal_treatment', klacht: false },
  { bureau: AMS, n: 3, incident: 'GM0363', residence: 'GM0599', grounds: ['age'], domain: 'housing', nature: 'threat', klacht: true },
  { bureau: RDAM, n: 9, incident: 'GM0599', residence: 'GM0599', grounds: ['religion', 'religion.anti_muslim'], domain: 'labour', nature: 'threat', klacht: false },
  { bureau: RDAM, n: 6, incident: 'GM0599', residence: 'GM0363', grounds: ['age'], domain: 'education', nature: 'violence', klacht: true },
  // Online: 5, so that the national total does not give a small "other" away next to the two
  // municipalities' numbers, which their municipal reports publish (one state in every output).
  { bureau: RDAM, n: 5, incident: 'none', residence: 'GM0599', grounds: ['sex'], domain: 'media', nature: 'hostile_treatment', klacht: false },
];

/** Expected exact counts: bureau -> "table/code" -> n, and the roll-up under "landelijk". */
function expected() {
  const counts = { [AMS]: {}, [RDAM]: {}, landelijk: {} };
  for (const g of GROUPS) {
    const add = (key) => {
      for (const b of [g.bureau, 'landelijk']) counts[b][key] = (counts[b][key] ?? 0) + g.n;
    };
    add('total/reports');
    add(`kind/${g.klacht ? 'klacht' : 'melding'}`);
    // A parent ground counts every report with it or one of its sub-grounds, once.
    for (const ground of new Set(g.grounds.flatMap((c) => [c.split('.')[0], c]))) add(`ground/${ground}`);
    add(`domain/${g.domain}`);
    add(`nature/${g.nature}`);
    // Registration only is closed at once with that handling; a klacht is still open.
    add(`handling/${g.klacht ? 'open' : 'registration_only'}`);
    // Format 2: a row for every municipality where the bureau holds reports; "other" only for
    // what is no municipality (online, abroad, unknown).
    const place = (code) => (/^GM\d{4}$/.test(code) ? code : 'other');
    add(`incident_municipality/${place(g.incident)}`);
    add(`residence_municipality/${place(g.residence)}`);
  }
  return counts;
}

/** The CSV as bureau -> "table/code" -> count text; checks the header and the fixed columns. */
function csvCells(text) {
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, ['format_version', 'bureau_id', 'bureau_name', 'year', 'table', 'code', 'count']);
  const cells = {};
  for (const [version, bureau, , year, table, code, count] of rows) {
    assert.equal(version, VERSION);
    assert.equal(year, String(Y));
    cells[bureau] ??= {};
    assert.equal(cells[bureau][`${table}/${code}`], undefined, `${bureau} ${table}/${code} once`);
    cells[bureau][`${table}/${code}`] = count;
  }
  return cells;
}

/** Every cell is its exact count, "< 5" for a count under 5, or "x" hiding a count of 5 or more. */
function checkCells(cells, counts) {
  assert.deepEqual(Object.keys(cells).sort(), [AMS, RDAM, 'landelijk'].sort());
  for (const [bureau, rows] of Object.entries(cells)) {
    for (const key of Object.keys(counts[bureau])) assert.ok(key in rows, `${bureau} has row ${key}`);
    for (const [key, text] of Object.entries(rows)) {
      const n = counts[bureau][key] ?? 0;
      if (n < 5) assert.equal(text, '< 5', `${bureau} ${key}: ${n}`);
      else assert.ok(text === String(n) || text === 'x', `${bureau} ${key}: ${text} for ${n}`);
    }
  }
}

/**
 * In every line whose total is a number, a "< 5" never stands without an "x", nor anything alone;
 * except a lone "< 5" that is 0 under numbers another output publishes too (a municipality's
 * roll-up rows keep their municipal report's state): working out a zero tells nothing about a
 * person. `zeroOk(what, parts)` says where that is so, from the exact counts.
 */
function checkNothingToWorkOut(cells, zeroOk = () => false) {
  const line = (total, parts, what) => {
    if (!/^\d+$/.test(total)) return;
    if (zeroOk(what, parts)) return;
    const below = parts.filter((t) => t === '< 5').length;
    const hidden = parts.filter((t) => t === 'x' || t.startsWith('>=')).length;
    const shown = parts.filter((t) => /^\d+$/.test(t)).length;
    // Only "< 5" cells under a total so small that it says nothing more than they do.
    if (shown === 0 && hidden === 0 && Number(total) <= 4 * (below - 1)) return;
    assert.notEqual(below + hidden, 1, what);
    if (below > 0) assert.ok(hidden > 0, what);
  };
  for (const [bureau, rows] of Object.entries(cells)) {
    const tables = {};
    for (const [key, text] of Object.entries(rows)) {
      const [table] = key.split('/');
      if (table !== 'total') (tables[table] ??= []).push(text);
    }
    for (const [table, parts] of Object.entries(tables)) line(rows['total/reports'], parts, `${bureau} ${table}`);
  }
  for (const [key, text] of Object.entries(cells.landelijk)) {
    const parts = [AMS, RDAM].filter((b) => key in cells[b]).map((b) => cells[b][key]);
    // A municipality's roll-up keeps the state its municipal report gives it (one state in every
    // output), so a bureau's "x" under it may be the only one: it gives back a number of 5 or
    // more, never a small one. A "< 5" still never stands alone.
    if (/_municipality\/GM/.test(key) && !parts.includes('< 5')) continue;
    line(text, parts, `roll-up ${key}`);
  }
}

/** The sheets of an XLSX file: name -> rows of cell texts (shared strings resolved). */
async function xlsxSheets(bytes) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'meldpunt-xlsx-')), 'f.xlsx');
  await writeFile(file, bytes);
  const unzip = async (member) => (await run('unzip', ['-p', file, member], { maxBuffer: 64 << 20 })).stdout;
  const xml = (s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const shared = [...(await unzip('xl/sharedStrings.xml')).matchAll(/<si>(.*?)<\/si>/gs)]
    .map((m) => xml([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
  const names = [...(await unzip('xl/workbook.xml')).matchAll(/<sheet name="([^"]*)"/g)].map((m) => xml(m[1]));
  const sheets = {};
  for (const [i, name] of names.entries()) {
    const body = await unzip(`xl/worksheets/sheet${i + 1}.xml`);
    sheets[name] = [...body.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
      [...row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((c) => {
        const value = /<v>(.*?)<\/v>/s.exec(c[3] ?? '')?.[1] ?? '';
        return / t="s"/.test(c[2]) ? shared[Number(value)] : xml(value);
      }));
  }
  return sheets;
}

/**
 * The second installation's database: on PostgreSQL a second schema of the test database (the
 * test role may not create databases), chosen through the connection's search_path.
 */
async function secondDatabase() {
  const first = process.env.MELDPUNT_TEST_DATABASE;
  if (!first || !isPostgres(first)) return undefined;
  await run('psql', [first, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'DROP SCHEMA IF EXISTS national2 CASCADE; CREATE SCHEMA national2;']);
  const url = new URL(first);
  url.searchParams.set('options', '-csearch_path=national2');
  return url.toString();
}

async function upload(jar, server, bytes, lang = 'en') {
  const page = await getForm(jar, `${server.url}/medewerkers/cijfers/landelijk?lang=${lang}`);
  assert.equal(page.status, 200);
  const form = new FormData();
  form.append('csrf', page.csrf);
  form.append('bestand', new Blob([bytes], { type: 'text/csv' }), 'landelijk.csv');
  const res = await jar.fetch(`${server.url}/medewerkers/cijfers/landelijk/importeren?lang=${lang}`, { method: 'POST', body: form });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

describe('the national yearly report', () => {
  let first;
  let second;
  let admin;
  let csv;

  before(async () => {
    first = await startServer();
    for (const [name, code] of [['ADV Amsterdam', 'GM0363'], ['ADV Rotterdam', 'GM0599']]) {
      const added = await first.run(['bureau', 'add', '--name', name]);
      assert.equal(added.code, 0, added.stderr);
      const id = /added bureau (\d+)/.exec(added.stdout)[1];
      const area = await first.run(['bureau', 'area', '--bureau', id, code]);
      assert.equal(area.code, 0, area.stderr);
    }
    for (const g of GROUPS) {
      for (let i = 0; i < g.n; i++) {
        await submitValid(first.url, validReport({
          incident_municipality: g.incident,
          residence_municipality: g.residence,
          grounds: g.grounds,
          domain: g.domain,
          nature: g.nature,
          wishes: g.klacht ? ['listening_ear'] : ['registration_only'],
        }));
      }
    }
    await addStaff(first, 'systeem@meldpunt.example', PASSWORD, 'system_admin');
    admin = await staffLogin(first.url, 'systeem@meldpunt.example', PASSWORD);
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
  });

  test('every cell of the CSV is the count of the reports made, small numbers hidden', async () => {
    const res = await admin.fetch(`${first.url}/medewerkers/cijfers/landelijk.csv?jaar=${Y}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    assert.match(res.headers.get('content-disposition'), new RegExp(`landelijk-${Y}\\.csv`));
    csv = await res.text();
    const cells = csvCells(csv);
    const counts = expected();
    checkCells(cells, counts);
    // The roll-up's municipality tables: their only "< 5" is "other", and it is 0 here.
    checkNothingToWorkOut(cells, (what, parts) => /^landelijk (incident|residence)_municipality$/.test(what)
      && parts.filter((t) => t === '< 5').length === 1
      && (counts.landelijk[`${what.split(' ')[1]}/other`] ?? 0) === 0);
    // Spot checks a reader of the file relies on.
    assert.equal(cells[AMS]['total/reports'], '15');
    assert.equal(cells[RDAM]['total/reports'], '20');
    assert.equal(cells.landelijk['total/reports'], '35');
    assert.equal(cells[AMS]['kind/klacht'], '< 5');
    // Origin counts the 12 reports with only its sub-ground anti-Black racism (shown or hidden).
    assert.ok(['12', 'x'].includes(cells[AMS]['ground/origin']), cells[AMS]['ground/origin']);
    assert.ok(['5', 'x'].includes(cells[RDAM]['incident_municipality/other'])); // the five online reports
    assert.ok(!('incident_municipality/GM0599' in cells[AMS]), 'no row where the bureau holds no report');
    // Amsterdam's bureau holds the reports of 3 Rotterdam residents: Rotterdam's row in its file,
    // and the roll-up adds them to Rotterdam's own 14 (format 2).
    assert.equal(cells[AMS]['residence_municipality/GM0599'], '< 5');
    assert.equal(cells.landelijk['residence_municipality/GM0599'], '17');
    assert.equal(cells.landelijk['residence_municipality/GM0363'], '18');
    assert.equal(await auditCount(first, 'national.export', `csv ${Y}%`), 1);
  });

  test('the XLSX holds the same cells as the CSV, a sheet per table and an About sheet', async () => {
    const res = await admin.fetch(`${first.url}/medewerkers/cijfers/landelijk.xlsx?jaar=${Y}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /spreadsheetml/);
    const sheets = await xlsxSheets(Buffer.from(await res.arrayBuffer()));
    const tables = ['total', 'kind', 'ground', 'domain', 'nature', 'handling', 'incident_municipality', 'residence_municipality'];
    assert.deepEqual(Object.keys(sheets), ['About', ...tables]);
    assert.match(sheets.About.flat().join(' '), new RegExp(VERSION));
    const fromCsv = parseCsv(csv).slice(1);
    const fromXlsx = [];
    for (const table of tables) {
      const [header, ...rows] = sheets[table];
      assert.deepEqual(header, ['format_version', 'bureau_id', 'bureau_name', 'year', 'code', 'count']);
      for (const [version, bureau, name, year, code, count] of rows) fromXlsx.push([version, bureau, name, year, table, code, count]);
    }
    const key = (r) => r.slice(0, 6).join('|');
    assert.deepEqual(new Map(fromXlsx.map((r) => [key(r), r[6]])), new Map(fromCsv.map((r) => [key(r), r[6]])));
    assert.equal(fromXlsx.length, fromCsv.length);
  });

  test("imported into a second installation, the file's roll-up is the same", async () => {
    second = await startServer({ database: await secondDatabase(), resetDatabase: false });
    await addStaff(second, 'coordinator@elders.example', PASSWORD, 'coordinator');
    const coordinator = await staffLogin(second.url, 'coordinator@elders.example', PASSWORD);
    const done = await upload(coordinator, second, csv);
    assert.equal(done.status, 303, done.html);
    assert.equal(done.location, `/medewerkers/cijfers/landelijk?jaar=${Y}&geimporteerd=2`);
    const page = await (await coordinator.fetch(`${second.url}${done.location}`)).text();
    assert.match(page, /id="import-done"/);
    assert.match(page, /ADV Amsterdam/);
    assert.match(page, /ADV Rotterdam/);
    const again = await (await coordinator.fetch(`${second.url}/medewerkers/cijfers/landelijk.csv?jaar=${Y}`)).text();
    const mine = csvCells(csv);
    const theirs = csvCells(again);
    assert.deepEqual(theirs.landelijk, mine.landelijk, 'the same roll-up');
    assert.equal(again, csv, 'the same file: its own bureau has no reports and is left out');
    // Importing the same file again replaces it: still two bureaus.
    assert.equal((await upload(coordinator, second, csv)).status, 303);
    assert.deepEqual(await sql(second, `SELECT bureau_key FROM national_imports WHERE bureau_key NOT LIKE '~%' ORDER BY bureau_key`), [AMS, RDAM]);
    assert.equal(await auditCount(second, 'national.import', `${Y}: ${AMS}, ${RDAM}`), 2);
  });

  test('a bad file is refused with a message and nothing changes', async () => {
    const coordinator = await staffLogin(second.url, 'coordinator@elders.example', PASSWORD);
    const stored = `SELECT bureau_key || ':' || length(rows_csv) || ':' || imported_at FROM national_imports ORDER BY bureau_key`;
    const before = await sql(second, stored);
    assert.equal(before.length, 3, 'two bureaus and their file');
    const lines = csv.split('\r\n');
    const cases = [
      ['not,a,national,file\r\n', /The first line is not the header of a national file/],
      [[lines[0], lines[1].replace(/,[^,]*$/, ',fifteen')].join('\r\n'), /Line 2: the count is not a number/],
      [[lines[0], lines[1].replace(VERSION, 'meldpunt-landelijk-9')].join('\r\n'), /Line 2: the format version/],
      [[lines[0], lines[1], lines[1]].join('\r\n'), /Line 3: this bureau, table and code appear twice/],
      [[lines[0], lines[1], lines[2].replace(`,${Y},`, `,${Y - 1},`)].join('\r\n'), /Line 3: a file holds one year only/],
      ['', /Choose a CSV file to import|The file is empty/],
    ];
    for (const [text, message] of cases) {
      const res = await upload(coordinator, second, text);
      assert.equal(res.status, 422, text);
      assert.match(res.html, message);
      assert.match(res.html, /id="import-error"/);
    }
    // Dutch by default, English with ?lang=en: the refusal in the visitor's language.
    const nl = await upload(coordinator, second, 'x\r\n', 'nl');
    assert.match(nl.html, /De eerste regel/);
    assert.deepEqual(await sql(second, stored), before);
    // Its own bureaus' figures are never imported into the installation that holds them.
    const own = await upload(admin, first, csv);
    assert.equal(own.status, 422);
    assert.match(own.html, /adv-amsterdam/);
    assert.deepEqual(await sql(first, 'SELECT COUNT(*) FROM national_imports'), ['0']);
  });

  test('who may see, download and import the national file', async () => {
    const roles = { coordinator: 200, bureau_admin: 200, system_admin: 200, handler: 403, intake: 403, municipality_viewer: 403 };
    for (const [role, status] of Object.entries(roles)) {
      const email = `${role}@rollen.example`;
      const args = ['user', 'add', '--email', email, '--role', role];
      if (role === 'municipality_viewer') args.push('--municipality', 'GM0363');
      const added = await first.run(args, `${PASSWORD}\n`);
      assert.equal(added.code, 0, added.stderr);
      const jar = await staffLogin(first.url, email, PASSWORD);
      for (const suffix of ['', '.csv', '.xlsx']) {
        const res = await jar.fetch(`${first.url}/medewerkers/cijfers/landelijk${suffix}?jaar=${Y}`);
        assert.equal(res.status, status, `${role} GET landelijk${suffix}`);
      }
      if (status === 403) {
        const form = new FormData();
        const page = await getForm(jar, `${first.url}/medewerkers/sessies`);
        form.append('csrf', page.csrf);
        form.append('bestand', new Blob([csv], { type: 'text/csv' }), 'landelijk.csv');
        const res = await jar.fetch(`${first.url}/medewerkers/cijfers/landelijk/importeren`, { method: 'POST', body: form });
        assert.equal(res.status, 403, `${role} POST import`);
      }
    }
    // The figures page links to the national page for those who may open it.
    const coordinator = await staffLogin(first.url, 'coordinator@rollen.example', PASSWORD);
    const figures = await (await coordinator.fetch(`${first.url}/medewerkers/cijfers?jaar=${Y}`)).text();
    assert.match(figures, /href="\/medewerkers\/cijfers\/landelijk" id="national-link"/);
    const bad = await admin.fetch(`${first.url}/medewerkers/cijfers/landelijk.csv?jaar=abc`);
    assert.equal(bad.status, 404);
    assert.deepEqual(await sql(first, 'SELECT COUNT(*) FROM national_imports'), ['0']);
  });

  test('an imported bureau can be deleted', async () => {
    const coordinator = await staffLogin(second.url, 'coordinator@elders.example', PASSWORD);
    const page = await getForm(coordinator, `${second.url}/medewerkers/cijfers/landelijk?jaar=${Y}`);
    const res = await coordinator.fetch(`${second.url}/medewerkers/cijfers/landelijk/verwijderen`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: page.csrf, bureau: AMS, jaar: String(Y) }).toString(),
    });
    assert.equal(res.status, 303);
    assert.deepEqual(await sql(second, `SELECT bureau_key FROM national_imports WHERE bureau_key NOT LIKE '~%'`), [RDAM]);
    const cells = csvCells(await (await coordinator.fetch(`${second.url}/medewerkers/cijfers/landelijk.csv?jaar=${Y}`)).text());
    assert.deepEqual(Object.keys(cells).sort(), [RDAM, 'landelijk']);
    // The roll-up of the one bureau left is that bureau's total, as its file gave it.
    assert.equal(cells.landelijk['total/reports'], cells[RDAM]['total/reports']);
    assert.equal(await auditCount(second, 'national.delete', `${Y}: ${AMS}`), 1);
  });
});
