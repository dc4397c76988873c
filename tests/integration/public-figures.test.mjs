// Population figures (/medewerkers/inwoners) and the public figures page (/cijfers, /cijfers.csv).
// A bureau admin enters inhabitants per municipality of the working area: bad input is refused
// with the message, what was typed is kept and nothing is stored; an empty field removes nothing.
// The municipal report and its CSV then show the totals per 1,000 inhabitants. The public page,
// without login, shows last year's figures per municipality, suppressed: a municipality with 3
// reports shows "< 5" and no rate, and nothing personal appears.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { decode, tableRows } from './html.mjs';
import { addStaff, reportingYear, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const L = reportingYear() - 1; // the latest complete year
const AMSTERDAM = 'GM0363';
const ROTTERDAM = 'GM0599';
const UTRECHT = 'GM0344';
const DESCRIPTION = 'Bij de sollicitatie werd gezegd dat mijn hoofddoek niet past bij het bedrijf.';
// Reports by year and municipality (incident and residence the same).
const GROUPS = [
  // Only a sub-ground (the others have religion with anti-Muslim, validReport's grounds).
  { year: L, code: AMSTERDAM, n: 12, grounds: ['religion.antisemitism'] },
  { year: L, code: ROTTERDAM, n: 3 },
  { year: L, code: UTRECHT, n: 8 },
  { year: L - 1, code: AMSTERDAM, n: 6 },
  { year: L - 1, code: UTRECHT, n: 5 },
];

/** The cells of a table row by data-col, decoded and trimmed. */
function rowCells(html, tableId, code) {
  const rows = tableRows(html, tableId);
  assert.ok(rows, `table #${tableId}`);
  const row = rows.find((r) => r.attrs['data-code'] === code);
  assert.ok(row, `#${tableId} has row ${code}`);
  return Object.fromEntries(row.cells.filter((c) => c.attrs['data-col']).map((c) => [c.attrs['data-col'], decode(c.text.trim())]));
}

/** CSV lines as arrays of cells (every cell is quoted). */
function csvLines(text) {
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
}

async function populationOf(server, code, year) {
  const rows = await sql(server, `SELECT inhabitants FROM population WHERE municipality = '${code}' AND year = ${year}`);
  return rows.length ? Number(rows[0]) : null;
}

describe('population figures and the public figures page', () => {
  let server;
  let admin;
  const references = [];

  before(async () => {
    server = await startServer();
    await addStaff(server);
    const area = await server.run(['bureau', 'area', '--bureau', '1', AMSTERDAM, ROTTERDAM, UTRECHT]);
    assert.equal(area.code, 0, area.stderr);
    for (const g of GROUPS) {
      for (let i = 0; i < g.n; i++) {
        references.push(await submitValid(server.url, validReport({ incident_municipality: g.code, residence_municipality: g.code, ...(g.grounds ? { grounds: g.grounds } : {}) })));
      }
      // Reported this year; moved to the group's year, as if reported then.
      await sql(server, `UPDATE reports SET reported_year = ${g.year} WHERE reported_year > ${L}`);
    }
    admin = await staffLogin(server.url);
  });
  after(async () => { await server?.stop(); });

  test('bad input is refused with a message, what was typed is kept, nothing is stored', async () => {
    const page = await getForm(admin, `${server.url}/medewerkers/inwoners?jaar=${L}`);
    assert.equal(page.status, 200);
    for (const code of [AMSTERDAM, ROTTERDAM, UTRECHT]) assert.match(page.html, new RegExp(`<input type="text" id="inwoners-${code}"`), code);

    const bad = await postForm(admin, `${server.url}/medewerkers/inwoners`, {
      csrf: page.csrf, jaar: String(L), [`inwoners_${AMSTERDAM}`]: '8000', [`inwoners_${ROTTERDAM}`]: '12.5', [`inwoners_${UTRECHT}`]: '0',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /De inwonertallen zijn niet opgeslagen/);
    assert.match(bad.html, /Vul het aantal inwoners in als heel getal, zonder punten, spaties of letters\./);
    assert.match(bad.html, /Vul een aantal inwoners in van 1 tot en met 10\.000\.000\./);
    assert.match(bad.html, new RegExp(`id="inwoners-${ROTTERDAM}" name="inwoners_${ROTTERDAM}" value="12.5"`), 'the typed value stays');
    assert.match(bad.html, new RegExp(`id="inwoners-${AMSTERDAM}" name="inwoners_${AMSTERDAM}" value="8000"`));
    assert.equal(await populationOf(server, AMSTERDAM, L), null, 'nothing stored, also not the valid field');

    // A municipality outside the working area, and a year out of range, in English.
    await admin.fetch(`${server.url}/medewerkers/inwoners?lang=en`);
    const unknown = await postForm(admin, `${server.url}/medewerkers/inwoners`, {
      csrf: page.csrf, jaar: '1800', inwoners_GM0014: '1000', [`inwoners_${AMSTERDAM}`]: '8000',
    });
    assert.equal(unknown.status, 422);
    assert.match(unknown.html, /The population figures were not saved/);
    assert.match(unknown.html, /Choose a year from 1990 to \d{4}\./);
    assert.match(unknown.html, /GM0014: This municipality is not in your working area or does not exist any more\./);
    assert.equal(await sql(server, 'SELECT COUNT(*) FROM population').then((r) => Number(r[0])), 0);
    await admin.fetch(`${server.url}/medewerkers/inwoners?lang=nl`);
  });

  test('an admin enters population; an empty field removes nothing', async () => {
    let page = await getForm(admin, `${server.url}/medewerkers/inwoners?jaar=${L}`);
    let saved = await postForm(admin, `${server.url}/medewerkers/inwoners`, {
      csrf: page.csrf, jaar: String(L), [`inwoners_${AMSTERDAM}`]: '7000', [`inwoners_${ROTTERDAM}`]: '1000', [`inwoners_${UTRECHT}`]: '3000',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/medewerkers/inwoners?jaar=${L}&opgeslagen=1`);
    page = await getForm(admin, `${server.url}${saved.location}`);
    assert.match(page.html, /De inwonertallen zijn opgeslagen\./);
    assert.doesNotMatch(page.html, /has-error|aria-invalid/);
    saved = await postForm(admin, `${server.url}/medewerkers/inwoners`, {
      csrf: page.csrf, jaar: String(L), [`inwoners_${AMSTERDAM}`]: ' 8000 ', [`inwoners_${ROTTERDAM}`]: '', [`inwoners_${UTRECHT}`]: '',
    });
    assert.equal(saved.status, 303);
    assert.equal(await populationOf(server, AMSTERDAM, L), 8000);
    assert.equal(await populationOf(server, ROTTERDAM, L), 1000, 'an empty field keeps the stored figure');
    assert.equal(await populationOf(server, UTRECHT, L), 3000);
    page = await getForm(admin, `${server.url}/medewerkers/inwoners?jaar=${L - 1}`);
    saved = await postForm(admin, `${server.url}/medewerkers/inwoners`, { csrf: page.csrf, jaar: String(L - 1), [`inwoners_${AMSTERDAM}`]: '5000' });
    assert.equal(saved.status, 303);
    page = await getForm(admin, `${server.url}/medewerkers/inwoners?jaar=${L}`);
    assert.match(page.html, new RegExp(`name="inwoners_${AMSTERDAM}" value="8000"`), 'the form shows what is stored');
    assert.ok(await auditCount(server, 'population.update', `${L}: ${AMSTERDAM}=8000%`) >= 1);
    // Other roles may not.
    await addStaff(server, 'coordinator@meldpunt.example', 'lang-genoeg-wachtwoord-77', 'coordinator');
    const coordinator = await staffLogin(server.url, 'coordinator@meldpunt.example', 'lang-genoeg-wachtwoord-77');
    assert.equal((await coordinator.fetch(`${server.url}/medewerkers/inwoners`)).status, 403);
  });

  test('the municipal report and its CSV show the totals per 1,000 inhabitants', async () => {
    const html = await (await admin.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${AMSTERDAM}&jaar=${L}`)).text();
    // 12 reports / 8,000 inhabitants = 1.5; the year before 6 / 5,000 = 1.2.
    assert.deepEqual(rowCells(html, 't-incident-summary', 'per_1000'), { current: '1,5', previous: '1,2', change: '' });
    assert.deepEqual(rowCells(html, 't-residents-summary', 'per_1000'), { current: '1,5', previous: '1,2', change: '' });
    const en = await (await admin.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${AMSTERDAM}&jaar=${L}&lang=en`)).text();
    assert.equal(rowCells(en, 't-incident-summary', 'per_1000').current, '1.5');
    await admin.fetch(`${server.url}/?lang=nl`);

    const csv = csvLines(await (await admin.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?gemeente=${AMSTERDAM}&jaar=${L}`)).text());
    const rate = csv.find((l) => l[1] === 'incident.summary' && l[2] === 'per_1000');
    assert.deepEqual(rate, [AMSTERDAM, 'incident.summary', 'per_1000', 'Per 1.000 inwoners', '1,5', '1,2', '']);
    // Rotterdam: 3 reports. Staff see 3.0 per 1,000; the CSV, which leaves the bureau, no rate.
    const exact = await (await admin.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${ROTTERDAM}&jaar=${L}`)).text();
    assert.equal(rowCells(exact, 't-incident-summary', 'per_1000').current, '3,0');
    const rotterdam = csvLines(await (await admin.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?gemeente=${ROTTERDAM}&jaar=${L}`)).text());
    const total = rotterdam.find((l) => l[1] === 'incident.summary' && l[2] === 'total');
    assert.equal(total[4], '< 5');
    const suppressedRate = rotterdam.find((l) => l[1] === 'incident.summary' && l[2] === 'per_1000');
    assert.ok(!suppressedRate || suppressedRate[4] === '', 'no rate next to "< 5"');
    assert.ok(!rotterdam.flat().includes('3,0'));
  });

  test('the public page shows last year per municipality, suppressed, without login', async () => {
    const visitor = new CookieJar();
    const res = await visitor.fetch(`${server.url}/cijfers`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control'), /max-age=\d+/);
    const html = await res.text();
    assert.match(html, new RegExp(`<h1>Cijfers: meldingen van discriminatie in ${L}</h1>`));
    assert.match(html, /Waarom deze cijfers ertoe doen/);
    assert.deepEqual(rowCells(html, 't-area-1', AMSTERDAM), {
      'incidents-current': '12', 'incidents-previous': '6', 'incidents-change': '+6', 'incidents-rate': '1,5',
      'residents-current': '12', 'residents-previous': '6', 'residents-change': '+6', 'residents-rate': '1,5',
    });
    const rotterdam = rowCells(html, 't-area-1', ROTTERDAM);
    assert.equal(rotterdam['incidents-current'], '< 5');
    assert.equal(rotterdam['incidents-rate'], '', 'no rate that gives the 3 away');
    assert.ok(!Object.values(rotterdam).includes('3'), 'never "3"');
    // Utrecht's 8 is shown as its own municipal report shows it (one state in every output), so
    // the area's total (23) is hidden, or the 3 could be worked out as 23 - 12 - 8.
    assert.equal(rowCells(html, 't-area-1', UTRECHT)['incidents-current'], '8');
    assert.equal(rowCells(html, 't-area-1', 'total')['incidents-current'], 'x');
    const utrechtReport = csvLines(await (await admin.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?gemeente=${UTRECHT}&jaar=${L}`)).text());
    assert.equal(utrechtReport.find((l) => l[1] === 'incident.summary' && l[2] === 'total')[4], '8');
    // Grounds: 11 reports have religion and anti-Muslim, 12 only antisemitism. Religion counts
    // every report with it or one of its sub-grounds, once: all 23.
    assert.deepEqual(rowCells(html, 't-grounds', 'total'), { current: '23', previous: '11', change: '+12' });
    assert.equal(rowCells(html, 't-grounds', 'religion').current, '23');
    assert.equal(rowCells(html, 't-grounds', 'religion.antisemitism').current, '12');
    // The rest "< 5": the smallest shown row is hidden too, or the rest could be worked out.
    assert.equal(rowCells(html, 't-grounds', 'religion.anti_muslim').current, 'x');
    assert.equal(rowCells(html, 't-grounds', 'age').current, '< 5');
    // A sub-ground reads and stands as part of its ground.
    const groundRows = tableRows(html, 't-grounds').filter((r) => r.attrs['data-code']);
    const antisemitism = groundRows.find((r) => r.attrs['data-code'] === 'religion.antisemitism');
    assert.equal(antisemitism.cells[0].text, 'waarvan tegen Joodse mensen (antisemitisme)');
    assert.equal(antisemitism.attrs.class, 'part-row');
    const codes = groundRows.map((r) => r.attrs['data-code']);
    assert.equal(codes.indexOf('religion.antisemitism'), codes.indexOf('religion') + 1);
    assert.match(html, /id="grounds-note"/);
    const note = html.indexOf('id="grounds-note"');
    assert.match(decode(html.slice(note, html.indexOf('</p>', note))), /Een grond omvat de subgronden eronder, de „waarvan”-regels/);
    // Nothing personal: no reference numbers, no description.
    for (const ref of references) assert.ok(!html.includes(ref), ref);
    assert.ok(!/MP-\d{4}-\d+/.test(html));
    assert.ok(!html.includes(DESCRIPTION.slice(0, 30)));

    const english = await (await new CookieJar().fetch(`${server.url}/cijfers?lang=en`)).text();
    assert.match(english, /Why these figures matter/);
    assert.equal(rowCells(english, 't-area-1', AMSTERDAM)['incidents-rate'], '1.5');
    // Linked from the public pages' footer.
    assert.match(await (await new CookieJar().fetch(`${server.url}/`)).text(), /<a href="\/cijfers">Cijfers over meldingen<\/a>/);
    // Asked again with its ETag: not modified.
    const again = await new CookieJar().fetch(`${server.url}/cijfers`, { headers: { 'if-none-match': res.headers.get('etag') } });
    assert.equal(again.status, 304);
  });

  test('the public CSV has the same numbers, suppressed', async () => {
    const res = await new CookieJar().fetch(`${server.url}/cijfers.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    const lines = csvLines(await res.text());
    assert.deepEqual(lines[0].slice(4, 6), [String(L), String(L - 1)]);
    const line = (table, code) => lines.find((l) => l[0] === table && l[2] === code);
    assert.deepEqual(line('incidents', AMSTERDAM).slice(4), ['12', '6', '6', '1,5'], 'the difference as a plain number');
    assert.deepEqual(line('incidents', ROTTERDAM).slice(4), ['< 5', '< 5', '', '']);
    assert.deepEqual(line('residents', ROTTERDAM).slice(4), ['< 5', '< 5', '', '']);
    assert.equal(line('incidents', UTRECHT)[4], '8');
    assert.equal(line('grounds', 'total')[4], '23');
    assert.equal(line('grounds', 'religion')[4], '23', 'religion with its sub-grounds');
    assert.equal(line('grounds', 'religion.antisemitism')[3], 'waarvan tegen Joodse mensen (antisemitisme)');
    const text = lines.flat().join('\n');
    assert.ok(!/MP-\d{4}-\d+/.test(text));
    assert.ok(!lines.some((l) => l[2] === ROTTERDAM && l.includes('3')));
  });
});
