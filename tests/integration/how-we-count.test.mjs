// The public "how we count" page (/cijfers/uitleg) in Dutch and English, in the public layout,
// and the way to it from every figures page (public /cijfers, the staff figures page, the municipal
// report, the dashboard, the national page) and from every file with room for text (the
// municipal XLSX's "about" sheet, the PDF, the archive's README.txt), which give the full address
// under --public-url. Also the small fixes of /cijfers: "< 5" escaped once, the difference column
// headed "Verschil" (the page and its CSV).
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { CookieJar, startServer } from './harness.mjs';
import { byId, elements, htmlLang, tags, textOf } from './html.mjs';
import { addStaff, reportingYear, staffLogin, submitValid, validReport } from './flows.mjs';
import { readXlsx, unzip } from './zip.mjs';

const Y = reportingYear();
const AMSTERDAM = 'GM0363';
const PUBLIC_URL = 'http://cijfers.meldpunt.test';
const ADDRESS = `${PUBLIC_URL}/cijfers/uitleg`;
const SECTIONS = ['year', 'once', 'grounds', 'sub-grounds', 'mass', 'small-numbers', 'mergers', 'places'];

/** The link to the page in a page's HTML, or undefined. */
function howWeCountLink(html) {
  return elements(html, 'a', (a) => a.href === '/cijfers/uitleg')[0];
}

describe('the "how we count" page', () => {
  let server;
  let staff;

  before(async () => {
    server = await startServer({ env: { MELDPUNT_PUBLIC_URL: PUBLIC_URL } });
    assert.equal((await server.run(['bureau', 'area', '--bureau', '1', AMSTERDAM])).code, 0);
    await addStaff(server);
    staff = await staffLogin(server.url);
    for (let i = 0; i < 6; i++) await submitValid(server.url, validReport({ incident_municipality: AMSTERDAM }));
  });
  after(async () => { await server?.stop(); });

  for (const [lang, texts] of [
    ['nl', { h1: 'Zo tellen wij', small: 'U ziet dan „&lt;\u00a05”.', subGrounds: '„waarvan”', places: 'welk bureau de melding ook behandelt', mergers: 'Meldingen over Weesp tellen mee bij Amsterdam.' }],
    ['en', { h1: 'How we count', small: 'You see “&lt;\u00a05” instead.', subGrounds: '“of which”', places: 'whichever bureau handles the report', mergers: 'Reports about Weesp count for Amsterdam.' }],
  ]) {
    test(`the page explains the counting in plain words (${lang})`, async () => {
      const res = await new CookieJar().fetch(`${server.url}/cijfers/uitleg${lang === 'en' ? '?lang=en' : ''}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^text\/html/);
      const html = await res.text();
      assert.equal(htmlLang(html), lang);
      assert.equal(textOf(elements(html, 'h1')[0].html), texts.h1);
      assert.match(html, new RegExp(`<title>${texts.h1} – `));
      // One heading per subject, each a short section.
      const headings = elements(html, 'h2').map((h) => h.attrs.id);
      assert.deepEqual(headings, SECTIONS);
      for (const text of [texts.small, texts.subGrounds, texts.places, texts.mergers]) assert.ok(html.includes(text), text);
      assert.ok(!html.includes('&amp;lt;'), '"< 5" is escaped once');
      // The public layout: the footer's figures link, no staff menu.
      assert.ok(tags(html, 'a').some((a) => a.attrs.href === '/cijfers' && a.attrs.id === undefined), 'the footer links the figures');
      assert.equal(byId(html, 'figures-link', ['a'])?.attrs.href, '/cijfers');
      assert.ok(!html.includes('staff-nav'));
    });
  }

  test('/cijfers links the page, shows "< 5" once escaped and heads the difference "Verschil"', async () => {
    const html = await (await new CookieJar().fetch(`${server.url}/cijfers`)).text();
    const link = howWeCountLink(html);
    assert.ok(link, 'a link to /cijfers/uitleg');
    assert.match(link.text, /^Zo tellen wij/);
    assert.ok(html.includes('„&lt; 5”'), 'the reading note shows „< 5”');
    assert.ok(!html.includes('&amp;lt;'), 'not escaped twice');
    const headers = elements(html, 'th').map((th) => textOf(th.html).trim());
    assert.ok(headers.includes('Verschil'), 'the difference column is "Verschil"');
    assert.ok(!headers.includes('Wijzigen'));
    const csv = await (await new CookieJar().fetch(`${server.url}/cijfers.csv`)).text();
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    assert.match(header, /"Verschil"/);
    assert.doesNotMatch(header, /Wijzigen/);
  });

  test('every staff figures page links the page', async () => {
    for (const path of [
      `/medewerkers/cijfers?jaar=${Y}`,
      `/medewerkers/cijfers/gemeente?gemeente=${AMSTERDAM}&jaar=${Y}`,
      '/medewerkers/cijfers/overzicht',
      `/medewerkers/cijfers/landelijk?jaar=${Y}`,
    ]) {
      const res = await staff.fetch(`${server.url}${path}`);
      assert.equal(res.status, 200, path);
      const link = howWeCountLink(await res.text());
      assert.ok(link, `${path} links /cijfers/uitleg`);
      assert.equal(link.attrs.id, 'how-we-count-link', path);
    }
  });

  test('the files with room for text give the full address', async () => {
    const query = `gemeente=${AMSTERDAM}&jaar=${Y}`;
    const xlsx = readXlsx(Buffer.from(await (await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.xlsx?${query}`)).arrayBuffer()));
    const about = Object.fromEntries(xlsx[0].rows.filter((r) => r?.[1]).map((r) => [r[0].value, r[1].value]));
    assert.equal(about['Zo tellen wij'], ADDRESS);
    const pdf = Buffer.from(await (await staff.fetch(`${server.url}/medewerkers/cijfers/gemeente.pdf?${query}&lang=en`)).arrayBuffer());
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    assert.match(text.replace(/\s+/g, ' '), new RegExp(`How we count, in plain words: ${ADDRESS.replaceAll('.', '\\.')}`));
    const zip = unzip(Buffer.from(await (await staff.fetch(`${server.url}/medewerkers/cijfers/archief?jaar=${Y}`)).arrayBuffer()));
    const readme = zip.find((e) => e.name === 'README.txt').data.toString('utf8');
    assert.ok(readme.includes(`Zo tellen wij, in gewone woorden: ${ADDRESS}\r\n`), readme);
  });
});
