// The municipal yearly report as PDF (/medewerkers/cijfers/gemeente.pdf): reports this year, the
// PDF fetched as staff and read back with `pdftotext -layout`: its title, what was counted, the
// summary's numbers with a small number as "< 5", and every row of every table with the same
// numbers as the CSV for the same query (both are suppressed: they leave the bureau). A
// municipality viewer gets the PDF of their own municipality and is refused another one.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { decode } from './html.mjs';
import { addStaff, reportingYear, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount } from './database.mjs';

const M = 'GM0363'; // Amsterdam
const Y = reportingYear();
const P = Y - 1;
const VIEWER = 'gemeente-pdf@amsterdam.example';
const PASSWORD = 'lang-genoeg-wachtwoord-73';

const GROUPS = [
  { n: 7, incident: M, residence: M, grounds: ['religion', 'religion.anti_muslim'], domain: 'labour', nature: 'unequal_treatment' },
  { n: 2, incident: M, residence: 'GM0599', grounds: ['origin'], domain: 'housing', nature: 'threat' },
  { n: 6, incident: 'GM0599', residence: M, grounds: ['age'], domain: 'labour', nature: 'threat' },
];

let dir;
/** The text of a PDF as `pdftotext -layout` lays it out. */
async function pdfText(bytes) {
  const file = path.join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * The CSV's table rows in order: { table, code, label, current, previous, change }. The CSV has
 * the difference as a plain number ("3", "-1"); the PDF shows it signed ("+3"), as the page does.
 */
function csvRows(text) {
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
    .map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')));
  const signed = (change) => (/^[1-9]\d*$/.test(change) ? `+${change}` : change);
  return lines.slice(1).map(([, table, code, label, current, previous, change]) =>
    ({ table, code, label, current, previous, change: signed(change) }));
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The PDF's line for a row: its label and then exactly its numbers (the change may be empty). A
 * long label wraps: then the numbers follow its first words, and the rest is on the next line.
 */
function rowPattern(row) {
  const cells = [row.current, row.previous, row.change].filter((c) => c !== '').map(escape).join(' +');
  const words = row.label.split(' ');
  // After the numbers only the chart's label for a bar that is not shown.
  const tail = '(?: {2,}(?:niet getoond|not shown))? *';
  const splits = words.map((_, i) => {
    const first = escape(words.slice(0, words.length - i).join(' '));
    if (i === 0) return `${first} +${cells}${tail}$`;
    const rest = escape(words.slice(words.length - i).join(' '));
    return `${first} +${cells}${tail}\\n(?: *\\n)? *${rest} *$`;
  });
  return new RegExp(`^ *(?:${splits.join('|')})`, 'm');
}

/** The PDF's text split at table captions: caption -> the text up to the next caption. */
function sections(text, captions) {
  const result = {};
  const found = captions.map((c) => [c, text.indexOf(c)]).sort((a, b) => a[1] - b[1]);
  for (let i = 0; i < found.length; i++) {
    assert.ok(found[i][1] >= 0, `caption ${found[i][0]} in the PDF`);
    result[found[i][0]] = text.slice(found[i][1], i + 1 < found.length ? found[i + 1][1] : undefined);
  }
  return result;
}

describe('the municipal report as PDF', () => {
  let server;
  let staff;
  let viewer;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-figures-pdf-'));
    server = await startServer();
    await addStaff(server);
    const r = await server.run(['user', 'add', '--email', VIEWER, '--role', 'municipality_viewer', '--municipality', M], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
    for (const g of GROUPS) {
      for (let i = 0; i < g.n; i++) {
        await submitValid(server.url, validReport({
          incident_municipality: g.incident,
          residence_municipality: g.residence,
          grounds: g.grounds,
          domain: g.domain,
          nature: g.nature,
          incident_date: `${Y}-01-02`,
        }));
      }
    }
    staff = await staffLogin(server.url);
    viewer = await staffLogin(server.url, VIEWER, PASSWORD);
  });
  after(async () => { await server?.stop(); });

  test('the page links to the PDF of the same query', async () => {
    const html = await (await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${M}&jaar=${Y}&massa=zonder`)).text();
    assert.match(html, new RegExp(`<a href="/medewerkers/cijfers/gemeente\\.pdf\\?gemeente=${M}&amp;jaar=${Y}&amp;massa=zonder" id="pdf-link">Downloaden als PDF \\(kleine aantallen afgeschermd\\)</a>`));
  });

  for (const lang of ['nl', 'en']) {
    test(`the PDF (${lang}) has the title, the summary and the CSV's numbers`, async () => {
      const query = `gemeente=${M}&jaar=${Y}${lang === 'en' ? '&lang=en' : ''}`;
      const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.pdf?${query}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="cijfers-${M}-amsterdam-${Y}.pdf"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const text = await pdfText(bytes);
      const en = lang === 'en';
      assert.match(text, new RegExp(`${en ? 'Municipal report' : 'Gemeentelijke rapportage'} Amsterdam \\(${M}\\) ${Y}`));
      assert.match(text, en ? /Counted by the year in which the report was made\./ : /Geteld naar het jaar waarin de melding is gedaan\./);
      assert.match(text, en ? /include the reports linked to a mass-report event/ : /Deze cijfers tellen de meldingen mee die aan een massamelding zijn gekoppeld\./);
      assert.match(text, en ? /Numbers under 5 show as “< 5”/ : /Aantallen onder 5 staan er als “< 5”/);

      // Summary of incidents here: 9 reports, 7 by residents (hidden), 2 by others ("< 5").
      const nonResidents = en ? 'Reporter lives elsewhere or unknown' : 'Melder woont elders of onbekend';
      assert.match(text, new RegExp(`^ *${nonResidents} +< 5 +< 5 +${en ? 'not shown' : 'niet getoond'}`, 'm'));

      // Every row of every table as in the CSV of the same query, table by table.
      const csv = csvRows(await (await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?${query}`)).text());
      assert.ok(csv.length > 60, 'the CSV has every table');
      const captions = await (async () => {
        const html = await (await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente?${query}`)).text();
        return [...html.matchAll(/<caption>([^<]*)<\/caption>/g)].map((m) => decode(m[1]));
      })();
      assert.equal(captions.length, 10);
      const byCaption = sections(text, captions);
      const tableNames = [...new Set(csv.map((r) => r.table))];
      assert.equal(tableNames.length, captions.length);
      for (const row of csv) {
        const caption = captions[tableNames.indexOf(row.table)];
        assert.match(byCaption[caption], rowPattern(row), `${row.table} ${row.code}: ${row.current} ${row.previous} ${row.change}`);
      }
      const total = csv.find((r) => r.table === 'incident.summary' && r.code === 'total');
      assert.deepEqual([total.current, total.previous], ['9', '< 5']);
      assert.ok(csv.some((r) => r.current === '< 5') && csv.some((r) => r.current === 'x'));
      assert.ok(await auditCount(server, 'figures.read', `pdf ${M} ${Y} suppressed`) >= 1, 'on the audit log');
    });
  }

  test('a municipality viewer gets their own PDF only', async () => {
    const own = await viewer.fetch(`${server.url}/medewerkers/cijfers/gemeente.pdf?gemeente=${M}&jaar=${Y}`);
    assert.equal(own.status, 200);
    assert.match(await pdfText(Buffer.from(await own.arrayBuffer())), /Gemeentelijke rapportage Amsterdam/);
    const other = await viewer.fetch(`${server.url}/medewerkers/cijfers/gemeente.pdf?gemeente=GM0599&jaar=${Y}`);
    assert.equal(other.status, 403);
    assert.doesNotMatch(other.headers.get('content-type'), /pdf/);
    assert.ok(await auditCount(server, 'access.denied', 'figures of GM0599') >= 1);
  });

  test('bad queries are not found, and the PDF needs a login', async () => {
    for (const q of ['gemeente=GM9999&jaar=2026', `gemeente=${M}&jaar=abc`, `gemeente=${M}&jaar=${Y + 1}`]) {
      const res = await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.pdf?${q}`);
      assert.equal(res.status, 404, q);
    }
    const anonymous = await fetch(`${server.url}/medewerkers/cijfers/gemeente.pdf?gemeente=${M}&jaar=${Y}`, { redirect: 'manual' });
    assert.notEqual(anonymous.status, 200);
  });
});
