// The municipal report as an XLSX workbook (/medewerkers/cijfers/gemeente.xlsx) and all reports
// of a working area as one ZIP (/medewerkers/cijfers/archief): every cell of the workbook equals
// the CSV of the same query (numbers as numbers, "< 5" and "x" as text); the archive holds a CSV
// and an XLSX for every municipality of the bureau's area and nothing of other municipalities,
// its CSVs equal the single CSV route's; who may download what, per role.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { addStaff, reportingYear, staffLogin, submitValid, validReport, addBureau, setWorkingArea } from './flows.mjs';
import { auditCount } from './database.mjs';
import { readXlsx, unzip } from './zip.mjs';

const Y = reportingYear();
const AMSTERDAM = 'GM0363';
const OUDER_AMSTEL = 'GM0437';
const ROTTERDAM = 'GM0599';
const PASSWORD = 'lang-genoeg-wachtwoord-63';
const USERS = {
  coordinator: ['coord@meldpunt.example', 'coordinator', []],
  handler: ['behandelaar@meldpunt.example', 'handler', []],
  intake: ['intake@meldpunt.example', 'intake', []],
  viewer: ['gemeente@amsterdam.example', 'municipality_viewer', ['--municipality', AMSTERDAM]],
  system: ['applicatiebeheer@meldpunt.example', 'system_admin', []],
  coordinator2: ['coord@rotterdam.example', 'coordinator', ['--bureau', '2']],
};
const GROUPS = [
  { n: 7, incident: AMSTERDAM, residence: AMSTERDAM, grounds: ['religion'], domain: 'labour' },
  { n: 2, incident: AMSTERDAM, residence: ROTTERDAM, grounds: ['origin', 'age'], domain: 'housing' },
  { n: 5, incident: OUDER_AMSTEL, residence: AMSTERDAM, grounds: ['sex'], domain: 'labour' },
  { n: 6, incident: ROTTERDAM, residence: ROTTERDAM, grounds: ['age'], domain: 'education' },
];

/** The CSV's lines after the header: [municipality, table, code, label, current, previous, change]. */
function csvLines(buffer) {
  assert.deepEqual([...buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte order mark');
  const lines = buffer.subarray(3).toString('utf8').trim().split('\r\n')
    .map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
  return lines.slice(1);
}

/** The workbook's data rows in order (sheets after the first): [code, label, current, previous, change]. */
function xlsxRows(sheets) {
  const rows = [];
  for (const sheet of sheets.slice(1)) {
    for (const row of sheet.rows) {
      if (!row || row[2] === undefined || row[0]?.value === 'Code') continue;
      rows.push([0, 1, 2, 3, 4].map((c) => row[c]));
    }
  }
  return rows;
}

/** Every cell of the workbook equals the CSV's: numbers as numbers, suppressed cells as the same text. */
function assertSameCells(sheets, csv) {
  const rows = xlsxRows(sheets);
  assert.equal(rows.length, csv.length, 'as many rows as the CSV');
  let numbers = 0;
  let suppressed = 0;
  rows.forEach((row, i) => {
    const [, , code, label, current, previous, change] = csv[i];
    const where = `${csv[i][1]} ${code}`;
    assert.deepEqual(row[0], { number: false, value: code }, where);
    assert.deepEqual(row[1], { number: false, value: label }, where);
    for (const [cell, text] of [[row[2], current], [row[3], previous]]) {
      if (/^\d+$/.test(text)) {
        assert.deepEqual(cell, { number: true, value: Number(text) }, `${where}: ${text} is a number`);
        numbers++;
      } else {
        assert.ok(text === '< 5' || text === 'x', `${where}: ${text}`);
        assert.deepEqual(cell, { number: false, value: text }, `${where}: ${text} as text`);
        suppressed++;
      }
    }
    // The CSV writes the difference as "3" or "-1"; the workbook as the number.
    if (change === '') assert.equal(row[4], undefined, `${where}: no change`);
    else assert.deepEqual(row[4], { number: true, value: Number(change.replace(/^'/, '')) }, `${where}: change`);
  });
  assert.ok(numbers > 0 && suppressed > 0, 'both numbers and suppressed cells are compared');
}

describe('municipal report files: XLSX and the archive of a working area', () => {
  let server;
  const jars = {};

  before(async () => {
    server = await startServer();
    await addBureau(server, 'ADV Rotterdam', [ROTTERDAM]);
    await setWorkingArea(server, 1, [AMSTERDAM, OUDER_AMSTEL]);
    await addStaff(server);
    jars.admin = await staffLogin(server.url);
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    for (const g of GROUPS) {
      for (let i = 0; i < g.n; i++) {
        await submitValid(server.url, validReport({ incident_municipality: g.incident, residence_municipality: g.residence, grounds: g.grounds, domain: g.domain }));
      }
    }
  });
  after(async () => { await server?.stop(); });

  const get = (who, path) => jars[who].fetch(`${server.url}${path}`);

  test('every cell of the XLSX equals the CSV of the same query', async () => {
    for (const query of [`gemeente=${AMSTERDAM}&jaar=${Y}`, `gemeente=${AMSTERDAM}&jaar=${Y}&massa=zonder&jaar_van=incident`, `gemeente=${OUDER_AMSTEL}&jaar=${Y}`]) {
      const res = await get('coordinator', `/medewerkers/cijfers/gemeente.xlsx?${query}`);
      assert.equal(res.status, 200, query);
      assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(res.headers.get('content-disposition'), /^attachment; filename="cijfers-GM0\d{3}-[a-z-]+-\d{4}\.xlsx"$/);
      const sheets = readXlsx(Buffer.from(await res.arrayBuffer()));
      assert.deepEqual(sheets.map((s) => s.name), ['Toelichting', 'Voorvallen in de gemeente', 'Meldingen van inwoners']);
      const csv = csvLines(Buffer.from(await (await get('coordinator', `/medewerkers/cijfers/gemeente.csv?${query}`)).arrayBuffer()));
      assertSameCells(sheets, csv);
    }
    assert.ok(await auditCount(server, 'figures.read', `xlsx ${AMSTERDAM} ${Y} without mass by incident suppressed`) >= 1);
  });

  test('the XLSX says what is counted, in the language asked for', async () => {
    // The handler's jar remembers English from here on (no Dutch is checked for the handler).
    const res = await get('handler', `/medewerkers/cijfers/gemeente.xlsx?gemeente=${AMSTERDAM}&jaar=${Y}&massa=zonder&lang=en`);
    const [about] = readXlsx(Buffer.from(await res.arrayBuffer()));
    assert.equal(about.name, 'About these figures');
    const lines = Object.fromEntries(about.rows.filter((r) => r?.[1]).map((r) => [r[0].value, r[1]]));
    assert.equal(lines.Municipality.value, `Amsterdam (${AMSTERDAM})`);
    assert.deepEqual(lines.Year, { number: true, value: Y });
    assert.equal(lines['Count by the year of'].value, 'the report');
    assert.match(lines['Mass reports'].value, /leave out the reports linked to a mass-report event/);
    assert.match(lines['Small numbers'].value, /"< 5"/);
    assert.deepEqual(lines.Threshold, { number: true, value: 5 });
    assert.match(lines['Several grounds'].value, /several grounds/);
    const incidents = readXlsx(Buffer.from(await (await get('coordinator', `/medewerkers/cijfers/gemeente.xlsx?gemeente=${AMSTERDAM}&jaar=${Y}`)).arrayBuffer()))[1];
    const totals = incidents.rows.filter((r) => r?.[0]?.value === 'total');
    assert.deepEqual(totals[0][2], { number: true, value: 9 }, 'nine reports about incidents in Amsterdam');
  });

  test('the municipal page links the XLSX; the figures page offers the archive to those who may', async () => {
    const page = await (await get('coordinator', `/medewerkers/cijfers/gemeente?gemeente=${AMSTERDAM}&jaar=${Y}`)).text();
    assert.ok(page.includes(`href="/medewerkers/cijfers/gemeente.xlsx?gemeente=${AMSTERDAM}&amp;jaar=${Y}"`));
    for (const [who, offered] of [['coordinator', true], ['admin', true], ['handler', false], ['intake', false], ['viewer', false]]) {
      const html = await (await get(who, `/medewerkers/cijfers?jaar=${Y}`)).text();
      assert.equal(html.includes('action="/medewerkers/cijfers/archief"'), offered, who);
    }
  });

  test('the archive holds a CSV, an XLSX and a PDF for every municipality of the area, the national file, and nothing else', async () => {
    const res = await get('coordinator', `/medewerkers/cijfers/archief?jaar=${Y}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="cijfers-meldpunt-${Y}.zip"`);
    const entries = unzip(Buffer.from(await res.arrayBuffer()));
    assert.deepEqual(entries.map((e) => e.name), [
      'README.txt',
      `cijfers-${AMSTERDAM}-amsterdam-${Y}.csv`, `cijfers-${AMSTERDAM}-amsterdam-${Y}.xlsx`, `cijfers-${AMSTERDAM}-amsterdam-${Y}.pdf`,
      `cijfers-${OUDER_AMSTEL}-ouder-amstel-${Y}.csv`, `cijfers-${OUDER_AMSTEL}-ouder-amstel-${Y}.xlsx`, `cijfers-${OUDER_AMSTEL}-ouder-amstel-${Y}.pdf`,
      `landelijk-${Y}.csv`, `landelijk-${Y}.xlsx`,
    ]);
    const file = (name) => entries.find((e) => e.name === name).data;
    for (const [code, slug] of [[AMSTERDAM, 'amsterdam'], [OUDER_AMSTEL, 'ouder-amstel']]) {
      const csv = file(`cijfers-${code}-${slug}-${Y}.csv`);
      const single = Buffer.from(await (await get('coordinator', `/medewerkers/cijfers/gemeente.csv?gemeente=${code}&jaar=${Y}`)).arrayBuffer());
      assert.ok(csv.equals(single), `the archive's CSV of ${code} equals the single CSV`);
      for (const line of csvLines(csv)) assert.equal(line[0], code, 'only its own municipality');
      assertSameCells(readXlsx(file(`cijfers-${code}-${slug}-${Y}.xlsx`)), csvLines(csv));
      const pdf = file(`cijfers-${code}-${slug}-${Y}.pdf`);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      assert.match(text, new RegExp(`${code}`), 'the PDF names its municipality');
      assert.match(text, /< 5/, 'the PDF is suppressed like the CSV');
    }
    const readme = file('README.txt').toString('utf8');
    assert.match(readme, /Meldpunt/);
    assert.match(readme, new RegExp(`${AMSTERDAM} Amsterdam: cijfers-${AMSTERDAM}-amsterdam-${Y}\\.csv, cijfers-${AMSTERDAM}-amsterdam-${Y}\\.xlsx, cijfers-${AMSTERDAM}-amsterdam-${Y}\\.pdf`));
    assert.match(readme, /< 5/);
    assert.ok(!readme.includes(ROTTERDAM) && !entries.some((e) => e.name.includes(ROTTERDAM)), 'nothing of Rotterdam');
    // The national file of the same year, as the national page sends it: the CSV byte for byte,
    // the workbook cell for cell (national.test.mjs checks those against the counts).
    assert.match(readme, new RegExp(`landelijk-${Y}\.csv, landelijk-${Y}\.xlsx`));
    assert.match(readme, /telt altijd naar het jaar van de melding/);
    const national = Buffer.from(await (await get('coordinator', `/medewerkers/cijfers/landelijk.csv?jaar=${Y}`)).arrayBuffer());
    assert.ok(file(`landelijk-${Y}.csv`).equals(national), "the archive's national CSV equals the download");
    assert.match(national.toString('utf8'), new RegExp(`${Y},total,`), 'the national file has figures of the year');
    const nationalXlsx = Buffer.from(await (await get('coordinator', `/medewerkers/cijfers/landelijk.xlsx?jaar=${Y}`)).arrayBuffer());
    assert.deepEqual(readXlsx(file(`landelijk-${Y}.xlsx`)), readXlsx(nationalXlsx));
    assert.ok(await auditCount(server, 'figures.archive', `bureau 1 ${Y} 2 municipalities suppressed, national file`) >= 1);
  });

  test('the archive follows the mass and year choices, and the other bureau gets its own area', async () => {
    const res = await get('admin', `/medewerkers/cijfers/archief?jaar=${Y}&massa=zonder&jaar_van=incident`);
    assert.equal(res.status, 200);
    const entries = unzip(Buffer.from(await res.arrayBuffer()));
    const csv = entries.find((e) => e.name === `cijfers-${AMSTERDAM}-amsterdam-${Y}.csv`).data;
    const single = Buffer.from(await (await get('admin', `/medewerkers/cijfers/gemeente.csv?gemeente=${AMSTERDAM}&jaar=${Y}&massa=zonder&jaar_van=incident`)).arrayBuffer());
    assert.ok(csv.equals(single));
    assert.match(entries[0].data.toString('utf8'), /laten de meldingen weg die aan een massamelding/);
    const other = unzip(Buffer.from(await (await get('coordinator2', `/medewerkers/cijfers/archief?jaar=${Y}`)).arrayBuffer()));
    assert.deepEqual(other.map((e) => e.name), ['README.txt', `cijfers-${ROTTERDAM}-rotterdam-${Y}.csv`, `cijfers-${ROTTERDAM}-rotterdam-${Y}.xlsx`, `cijfers-${ROTTERDAM}-rotterdam-${Y}.pdf`, `landelijk-${Y}.csv`, `landelijk-${Y}.xlsx`]);
    // The national file ignores the archive's choices (by incident year, without mass reports).
    const plain = Buffer.from(await (await get('admin', `/medewerkers/cijfers/landelijk.csv?jaar=${Y}`)).arrayBuffer());
    assert.ok(entries.find((e) => e.name === `landelijk-${Y}.csv`).data.equals(plain));
  });

  test('only coordinators, bureau admins and system admins get the archive', async () => {
    for (const who of ['handler', 'intake', 'viewer']) {
      const res = await get(who, `/medewerkers/cijfers/archief?jaar=${Y}`);
      assert.equal(res.status, 403, who);
      assert.notEqual(res.headers.get('content-type'), 'application/zip');
    }
    // Another bureau's area is refused, also when asked for by number.
    const foreign = await get('coordinator', `/medewerkers/cijfers/archief?jaar=${Y}&bureau=2`);
    assert.equal(foreign.status, 403);
    assert.ok(await auditCount(server, 'access.denied', 'figures archive of bureau 2') >= 1);
    // The system admin has no bureau: a form to choose one, then that bureau's archive.
    const form = await get('system', '/medewerkers/cijfers/archief');
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /<select id="archive-bureau" name="bureau"><option value="1"[^>]*>Meldpunt<\/option><option value="2"[^>]*>ADV Rotterdam<\/option>/);
    const missing = await get('system', `/medewerkers/cijfers/archief?jaar=${Y}`);
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Kies het bureau voor wiens werkgebied het archief is\./);
    const chosen = await get('system', `/medewerkers/cijfers/archief?jaar=${Y}&bureau=2`);
    assert.equal(chosen.status, 200);
    assert.deepEqual(unzip(Buffer.from(await chosen.arrayBuffer())).map((e) => e.name).slice(1), [`cijfers-${ROTTERDAM}-rotterdam-${Y}.csv`, `cijfers-${ROTTERDAM}-rotterdam-${Y}.xlsx`, `cijfers-${ROTTERDAM}-rotterdam-${Y}.pdf`, `landelijk-${Y}.csv`, `landelijk-${Y}.xlsx`]);
    // A municipality viewer gets their own municipality's workbook only.
    assert.equal((await get('viewer', `/medewerkers/cijfers/gemeente.xlsx?gemeente=${AMSTERDAM}&jaar=${Y}`)).status, 200);
    assert.equal((await get('viewer', `/medewerkers/cijfers/gemeente.xlsx?gemeente=${ROTTERDAM}&jaar=${Y}`)).status, 403);
  });

  test('a bad year gets a clear message', async () => {
    for (const year of ['abc', '1800', String(Y + 1), '2026x']) {
      const res = await get('coordinator', `/medewerkers/cijfers/archief?jaar=${year}`);
      assert.equal(res.status, 400, year);
      assert.match(await res.text(), /Kies een jaar van 1901 tot en met dit jaar\./, year);
    }
    const en = await get('coordinator', `/medewerkers/cijfers/archief?jaar=abc&lang=en`);
    assert.match(await en.text(), /Choose a year from 1901 up to this year\./);
  });
});
