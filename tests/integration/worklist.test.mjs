// The bureau's list of reports at volume (issue 14): a bureau filled by `meldpunt demo-data` with
// 260 reports; the list is ordered by the moment received (ties by id), paged by key, sorted by
// reference on request, and every filter narrows it to exactly the rows SQL finds. Everything is
// in the URL, so a page's link reloads the same rows. One audit entry per page, with the filter.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isPostgres, resetPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { STAFF_EMAIL, addStaff, staffLogin } from './flows.mjs';
import { byId, elements, tableRows } from './html.mjs';

const REPORTS = 260;
const PAGE = 100; // WebOptions::staff_page_size
const HANDLER = 'behandelaar.lijst@example.nl';
const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;

let dir;
let db;
let server;
let jar;
let handlerId;
let all; // [{ id, at, day, step, handler, complaint, municipality, channel, grounds }]

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** One page of the list: its status, rows (ids), counts and paging links. */
async function listPage(query) {
  const res = await jar.fetch(`${server.url}/medewerkers/meldingen${query}`);
  const html = await res.text();
  const rows = (tableRows(html, 'reports') ?? []).filter((r) => r.attrs['data-id']);
  const link = (rel) => elements(html, 'a', (a) => a.rel === rel)[0]?.attrs.href.replaceAll('&amp;', '&');
  const shown = byId(html, 'shown', ['p']);
  return {
    status: res.status,
    html,
    ids: rows.map((r) => Number(r.attrs['data-id'])),
    rows,
    next: link('next'),
    prev: link('prev'),
    shown: shown && { first: Number(shown.attrs['data-first']), last: Number(shown.attrs['data-last']), total: Number(shown.attrs['data-total']) },
  };
}

/** Every row of a list, page by page along the "Next" links; each page checked for its counts. */
async function walk(query) {
  const pages = [];
  let url = query;
  for (let i = 0; url !== undefined; i++) {
    assert.ok(i < 20, 'the paging ends');
    const page = await listPage(url);
    assert.equal(page.status, 200, url);
    pages.push(page);
    url = page.next ? page.next.replace('/medewerkers/meldingen', '') : undefined;
  }
  const ids = pages.flatMap((p) => p.ids);
  assert.equal(new Set(ids).size, ids.length, 'no row twice');
  let seen = 0;
  for (const page of pages) {
    assert.ok(page.ids.length <= PAGE);
    if (page.ids.length) assert.deepEqual(page.shown, { first: seen + 1, last: seen + page.ids.length, total: ids.length });
    seen += page.ids.length;
  }
  return { ids, pages };
}

const newestFirst = (a, b) => b.at - a.at || b.id - a.id;
// Reference order: MP-<year received>-<number>.
const byReference = (a, b) => a.year - b.year || a.id - b.id;
const idsOf = (rows) => rows.map((r) => r.id);

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-worklist-'));
  if (PG_URL) await resetPostgres(PG_URL);
  db = { database: PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}` };
  const made = await runBinary(['demo-data', '--reports', String(REPORTS), '--years', '2', '--seed', '14', '--database', db.database, '--data-dir', dir]);
  assert.equal(made.code, 0, made.stderr);
  // Ties: five reports received at the same second, so the order must fall back on the id.
  await sql(db, `UPDATE reports SET reported_at = (SELECT reported_at FROM reports WHERE id = 40),
    reported_year = (SELECT reported_year FROM reports WHERE id = 40) WHERE id BETWEEN 41 AND 44`);
  server = await startServer({ database: db.database, dataDir: dir, resetDatabase: false, args: ['--retention-job', 'false'] });
  await addStaff(server);
  await addStaff(server, HANDLER, undefined, 'handler');
  handlerId = Number((await sql(db, `SELECT id FROM staff_users WHERE email = '${HANDLER}'`))[0]);
  // A handler with some of the cases (every seventh).
  await sql(db, `UPDATE reports SET assigned_to = ${handlerId} WHERE id % 7 = 0`);
  jar = await staffLogin(server.url);
  const rows = await sql(db, `SELECT r.id || '|' || r.reported_at || '|' || r.reported_year || '|' || r.case_step || '|' || COALESCE(r.assigned_to, 0) || '|' ||
    r.is_complaint || '|' || r.incident_municipality || '|' || r.channel || '|' || r.ground_codes FROM reports r
    WHERE r.bureau_id = (SELECT bureau_id FROM staff_users WHERE email = '${STAFF_EMAIL}') ORDER BY r.id`);
  all = rows.map((line) => {
    const [id, at, year, step, handler, complaint, municipality, channel, grounds] = line.split('|');
    return {
      id: Number(id), at: Number(at), year: Number(year), day: dutchDay.format(new Date(Number(at) * 1000)), step, handler: Number(handler),
      complaint: complaint === '1', municipality, channel, grounds: grounds ? grounds.split(',') : [],
    };
  });
  assert.equal(all.length, REPORTS, 'every demo report is of the staff member\'s bureau');
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the list of reports at volume', () => {
  test('by default: newest received first, ties by number, in pages of 100 that hold every row once', async () => {
    const first = await listPage('');
    assert.equal(first.ids.length, PAGE);
    assert.equal(first.prev, undefined, 'no page before the first');
    assert.match(first.next, /[?&]na=\d+-\d+$/, 'the next page starts after the last row\'s key');
    assert.deepEqual(first.shown, { first: 1, last: PAGE, total: REPORTS });
    assert.match(first.html, new RegExp(`Getoond 1–${PAGE} van ${REPORTS}`));
    const { ids, pages } = await walk('');
    assert.equal(pages.length, Math.ceil(REPORTS / PAGE));
    assert.deepEqual(ids, idsOf([...all].sort(newestFirst)));
    // The tie: reports 40 to 44 were received at the same second, the highest number first.
    const tie = ids.filter((id) => id >= 40 && id <= 44);
    assert.deepEqual(tie, [44, 43, 42, 41, 40]);
    assert.deepEqual(ids.slice(ids.indexOf(44), ids.indexOf(44) + 5), tie, 'next to each other');
  });

  test('"Previous" walks back over the same pages', async () => {
    const { pages } = await walk('');
    let page = pages.at(-1);
    for (let i = pages.length - 2; i >= 0; i--) {
      assert.ok(page.prev, `a link back from page ${i + 2}`);
      assert.match(page.prev, /[?&]voor=\d+-\d+$/);
      page = await listPage(page.prev.replace('/medewerkers/meldingen', ''));
      assert.equal(page.status, 200);
      assert.deepEqual(page.ids, pages[i].ids, `page ${i + 1} again`);
      assert.deepEqual(page.shown, pages[i].shown);
    }
    assert.equal(page.prev, undefined);
  });

  test('sorting by reference, both ways, and oldest received first', async () => {
    const ascending = idsOf([...all].sort(byReference));
    const { ids, pages } = await walk('?sorteer=referentie&volgorde=op');
    assert.deepEqual(ids, ascending);
    const references = pages.flatMap((p) => p.rows.map((r) => r.cells[0].text));
    assert.deepEqual(references, [...references].sort(), 'the references as text in order');
    assert.ok(new Set(all.map((r) => r.year)).size > 1, 'over more than one year');
    assert.deepEqual((await walk('?sorteer=referentie')).ids, [...ascending].reverse());
    const next = (await listPage('?sorteer=referentie')).next;
    assert.match(next, /sorteer=referentie&na=\d{4}-\d+$/, 'a reference key is its year and number');
    assert.deepEqual((await walk('?volgorde=op')).ids, idsOf([...all].sort(newestFirst).reverse()));
  });

  test('every filter narrows to exactly the rows that match', async () => {
    const commonest = (key) => {
      const counts = new Map();
      for (const r of all) counts.set(r[key], (counts.get(r[key]) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0][0];
    };
    const municipality = commonest('municipality');
    const channel = commonest('channel');
    const days = [...new Set(all.map((r) => r.day))].sort();
    const from = days[Math.floor(days.length / 3)];
    const to = days[Math.floor((2 * days.length) / 3)];
    const cases = [
      ['stap=closed', (r) => r.step === 'closed'],
      ['stap=received', (r) => r.step === 'received'],
      ['stap=open', (r) => !['closed', 'archived'].includes(r.step)],
      [`behandelaar=${handlerId}`, (r) => r.handler === handlerId],
      ['behandelaar=geen', (r) => r.handler === 0],
      ['soort=klacht', (r) => r.complaint],
      ['soort=melding', (r) => !r.complaint],
      [`gemeente=${municipality}`, (r) => r.municipality === municipality],
      ['grond=origin', (r) => r.grounds.some((g) => g === 'origin' || g.startsWith('origin.'))],
      ['grond=religion.antisemitism', (r) => r.grounds.includes('religion.antisemitism')],
      [`kanaal=${channel}`, (r) => r.channel === channel],
      [`van=${from}`, (r) => r.day >= from],
      [`tot=${to}`, (r) => r.day <= to],
      [`van=${from}&tot=${to}`, (r) => r.day >= from && r.day <= to],
      [`soort=klacht&stap=closed&van=${from}`, (r) => r.complaint && r.step === 'closed' && r.day >= from],
    ];
    for (const [query, matches] of cases) {
      const expected = idsOf(all.filter(matches).sort(newestFirst));
      assert.ok(expected.length > 0 && expected.length < REPORTS, `${query} narrows (${expected.length})`);
      const { ids } = await walk(`?${query}`);
      assert.deepEqual(ids, expected, query);
    }
  });

  test('"my cases" is the handler filter for oneself', async () => {
    const handler = await staffLogin(server.url, HANDLER);
    const res = await handler.fetch(`${server.url}/medewerkers/meldingen?mijn=1&soort=klacht`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Mijn zaken<\/h1>/);
    const ids = (tableRows(html, 'reports') ?? []).filter((r) => r.attrs['data-id']).map((r) => Number(r.attrs['data-id']));
    assert.deepEqual(ids, idsOf(all.filter((r) => r.handler === handlerId && r.complaint).sort(newestFirst)));
  });

  test('a filtered, sorted page reloads to the same rows from its URL, and the form shows its filters', async () => {
    const query = '?soort=melding&sorteer=referentie&volgorde=op';
    const first = await listPage(query);
    const expected = idsOf(all.filter((r) => !r.complaint).sort(byReference));
    assert.deepEqual(first.ids, expected.slice(0, PAGE));
    assert.ok(first.next, 'more than one page');
    assert.match(first.next, /soort=melding&sorteer=referentie&volgorde=op&na=\d{4}-\d+$/, 'the link keeps filter and order');
    const second = await listPage(first.next.replace('/medewerkers/meldingen', ''));
    const again = await listPage(first.next.replace('/medewerkers/meldingen', ''));
    assert.deepEqual(again.ids, second.ids);
    assert.deepEqual(second.ids, expected.slice(PAGE, 2 * PAGE));
    // The form is a GET form with the filters chosen.
    const [form] = elements(first.html, 'form', (a) => a.id === 'filters');
    assert.equal(form.attrs.method, 'get');
    assert.match(form.html, /<option value="melding" selected>/);
    assert.match(form.html, /<option value="referentie" selected>/);
    assert.match(form.html, /<option value="op" selected>/);
  });

  test('compact rows; the text and contact details only under "Tonen"', async () => {
    const page = await listPage('');
    const row = page.rows[0];
    const cells = row.cells.map((c) => c.attrs.class);
    assert.deepEqual(cells.slice(0, 10), ['reference', 'kind', 'received', 'municipality', 'grounds', 'step', 'assignee', 'next-due', 'evidence', 'more']);
    const visible = row.cells.slice(0, 9).map((c) => c.text).join(' ');
    assert.doesNotMatch(visible, /Demomelding/, 'no description in the visible cells');
    const [more] = elements(row.html, 'details');
    assert.ok(more, 'a <details> per row');
    assert.match(more.html, /<summary>Tonen/);
    assert.match(more.text, /Demomelding \d+\./, 'the description on request');
  });

  test('wrong parameters: 422 with a message, nothing listed, never a 500', async () => {
    for (const [query, field] of [['stap=nope', 'stap'], ['behandelaar=999999', 'behandelaar'], ['soort=complaint', 'soort'],
      ['gemeente=GM9999', 'gemeente'], ['grond=x', 'grond'], ['kanaal=fax', 'kanaal'], ['van=31-12-2026', 'van'],
      ['van=2026-05-02&tot=2026-05-01', 'tot'], ['sorteer=naam', 'sorteer'], ['volgorde=omhoog', 'volgorde'],
      ['na=abc', 'na'], ['voor=1-0', 'voor'], ['na=5-1&voor=9-2', 'voor']]) {
      const page = await listPage(`?${query}`);
      assert.equal(page.status, 422, query);
      assert.equal(page.ids.length, 0, `${query}: nothing listed`);
      assert.match(page.html, /class="error-summary" role="alert"/, query);
      assert.match(page.html, new RegExp(`<a href="#${field}">`), query);
    }
  });

  test('an address that cannot be decoded is refused before the list (400)', async () => {
    assert.equal((await listPage('?voor=%')).status, 400);
  });

  test('one audit entry per page viewed, with the filter in codes', async () => {
    const count = async () => Number((await sql(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'list_reports'"))[0]);
    const before = await count();
    const page = await listPage(`?soort=klacht&behandelaar=geen&sorteer=referentie`);
    assert.equal(page.status, 200);
    assert.equal(await count(), before + 1, 'one entry for the page');
    const [entry] = await sql(db, `SELECT subject || '|' || listed_from || '|' || listed_to FROM audit_log
      WHERE action = 'list_reports' ORDER BY id DESC LIMIT 1`);
    const [subject, from, to] = entry.split('|');
    assert.match(subject, new RegExp(`^${page.ids.length} reports \\(1-${page.ids.length} of \\d+\\), MP-\\d{4}-\\d{6} to MP-\\d{4}-\\d{6}; behandelaar=geen soort=klacht sorteer=referentie$`));
    assert.equal(Number(from), Math.min(...page.ids));
    assert.equal(Number(to), Math.max(...page.ids));
    const refused = await listPage('?stap=nope');
    assert.equal(refused.status, 422);
    assert.equal(await count(), before + 1, 'nothing listed, nothing recorded');
  });
});
