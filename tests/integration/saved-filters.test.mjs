// Saved filters of the list of reports (issue 14): a staff member saves the list's current
// filters under a name, opens them again from a link, deletes them; names are checked (at most
// 60 characters) and kept when refused; the filters go through the list's own checks; at most 20
// per person; nobody else sees or deletes them; the name is not stored in clear.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { elements, inputs, tableRows, textOf } from './html.mjs';
import { STAFF_PASSWORD, staffLogin, submitValid, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const ANNA = 'anna@meldpunt.example';
const BRAM = 'bram@meldpunt.example';
const LIST = '/medewerkers/meldingen';

let server;
let anna;
let bram;
const refs = {};

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

const alertText = (html) => textOf(elements(html, 'div', (a) => a.role === 'alert')[0]?.html ?? '');
const statusText = (html) => textOf(elements(html, 'div', (a) => a.role === 'status')[0]?.html ?? '');

/** The list page: its saved filters ({ id, name, href }), the save form's query, the rows. */
async function listPage(jar, query = '') {
  const res = await getForm(jar, `${server.url}${LIST}${query}`);
  assert.equal(res.status, 200);
  const list = elements(res.html, 'ul', (a) => a.id === 'saved-filters')[0];
  const saved = list ? elements(list.html, 'li', (a) => a['data-id']).map((li) => {
    const link = elements(li.html, 'a')[0];
    return { id: li.attrs['data-id'], name: link.text, href: link.attrs.href };
  }) : [];
  const form = elements(res.html, 'form', (a) => a.id === 'save-filter')[0];
  const references = tableRows(res.html, 'reports').filter((r) => r.attrs['data-id']).map((r) => r.text.match(/MP-\d{4}-\d{6}/)[0]);
  return { ...res, saved, form, query: form ? inputs(form.html, 'query')[0]?.value : undefined, references };
}

async function save(jar, name, query) {
  const { csrf } = await getForm(jar, `${server.url}${LIST}`);
  return postForm(jar, `${server.url}/medewerkers/bewaarde-filters`, { csrf, name, query });
}

before(async () => {
  server = await startServer();
  for (const email of [ANNA, BRAM]) {
    const r = await server.run(['user', 'add', '--email', email, '--role', 'handler', '--bureau', '1'], `${STAFF_PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
  }
  refs.complaint = await submitValid(server.url, validReport({ wishes: ['advice'] }));
  refs.registration = await submitValid(server.url, validReport());
  anna = await staffLogin(server.url, ANNA);
  bram = await staffLogin(server.url, BRAM);
});
after(() => server?.stop());

test('save the current filters under a name, then open them again from the link', async () => {
  const page = await listPage(anna, '?soort=klacht&sorteer=referentie');
  assert.deepEqual(page.saved, []);
  assert.equal(page.query, 'soort=klacht&sorteer=referentie', 'the form carries the list\'s filters');
  const res = await save(anna, '  Alle klachten  ', page.query);
  assert.equal(res.status, 303);
  assert.equal(res.location, `${LIST}?soort=klacht&sorteer=referentie&bewaard=1`);
  const after = await listPage(anna, new URL(res.location, server.url).search);
  assert.match(statusText(after.html), /filter is bewaard/);
  assert.equal(after.saved.length, 1);
  assert.equal(after.saved[0].name, 'Alle klachten', 'the name as typed, trimmed');
  assert.equal(after.saved[0].href, `${LIST}?soort=klacht&sorteer=referentie`);
  const opened = await listPage(anna, `?${after.saved[0].href.split('?')[1]}`);
  assert.deepEqual(opened.references, [refs.complaint], 'the saved filter lists the complaints only');
});

test('paging is not saved: the filter opens on its first page', async () => {
  const res = await save(anna, 'Klachten vanaf pagina twee', 'soort=klacht&na=1700000000-42');
  assert.equal(res.status, 303);
  const [query] = await sql(`SELECT query FROM saved_filters ORDER BY id DESC LIMIT 1`);
  assert.equal(query, 'soort=klacht');
});

test('a name that is empty or too long is refused, with what was typed kept', async () => {
  const long = 'x'.repeat(61);
  const res = await save(anna, long, 'soort=klacht');
  assert.equal(res.status, 422);
  assert.match(alertText(res.html), /hoogstens 60 tekens/);
  assert.equal(inputs(res.html, 'name')[0].value, long, 'the name as typed');
  assert.equal(inputs(res.html, 'query')[0].value, 'soort=klacht', 'the filters are kept for another try');
  const empty = await save(anna, '   ', 'soort=klacht');
  assert.equal(empty.status, 422);
  assert.match(alertText(empty.html), /Geef het filter een naam/);
  const sixty = await save(anna, 'é'.repeat(60), 'soort=melding');
  assert.equal(sixty.status, 303, 'sixty characters (of two bytes each) fit');
});

test('filters the list would refuse are not saved', async () => {
  const count = async () => Number((await sql('SELECT COUNT(*) FROM saved_filters'))[0]);
  const before = await count();
  for (const query of ['stap=nope', 'van=gisteren', 'soort="><script>alert(1)</script>', `soort=${'k'.repeat(1200)}`]) {
    const res = await save(anna, 'Onzin', query);
    assert.equal(res.status, 422, query);
    assert.match(alertText(res.html), /niet geldig/);
    assert.equal(inputs(res.html, 'name')[0].value, 'Onzin');
  }
  assert.equal(await count(), before);
});

test('only the owner sees and deletes them; the name is not stored in clear', async () => {
  const mine = await listPage(anna);
  const theirs = await listPage(bram);
  assert.deepEqual(theirs.saved, [], 'Bram sees none of Anna\'s filters');
  const { csrf } = await getForm(bram, `${server.url}${LIST}`);
  const refused = await postForm(bram, `${server.url}/medewerkers/bewaarde-filters/${mine.saved[0].id}/verwijderen`, { csrf });
  assert.equal(refused.status, 404);
  assert.equal((await listPage(anna)).saved.length, mine.saved.length, 'still there');
  const stored = await sql(`SELECT name_enc FROM saved_filters`);
  assert.ok(stored.every((s) => !s.includes('klachten')), 'names are sealed');
});

test('at most 20 per person; then the page says so instead of offering the form', async () => {
  let n = (await listPage(anna)).saved.length;
  while (n < 20) {
    n += 1;
    assert.equal((await save(anna, `Filter ${n}`, `stap=open&soort=klacht`)).status, 303);
  }
  const full = await save(anna, 'Nummer 21', 'soort=klacht');
  assert.equal(full.status, 422);
  assert.match(alertText(full.html), /20 bewaarde filters/);
  const page = await listPage(anna);
  assert.equal(page.saved.length, 20);
  assert.equal(page.form, undefined, 'no save form');
  assert.match(page.html, /Verwijder er een om een ander te bewaren/);
  // Bram has his own twenty.
  assert.equal((await save(bram, 'Mijn eerste', 'soort=melding')).status, 303);
});

test('deleting one: back to the list as it was, the filter gone, a new one can be saved', async () => {
  const page = await listPage(anna, '?soort=melding');
  const target = page.saved.find((s) => s.name === 'Filter 20');
  const form = elements(page.html, 'li', (a) => a['data-id'] === target.id)[0];
  const res = await postForm(anna, `${server.url}/medewerkers/bewaarde-filters/${target.id}/verwijderen`,
    { csrf: page.csrf, query: inputs(form.html, 'query')[0].value });
  assert.equal(res.status, 303);
  assert.equal(res.location, `${LIST}?soort=melding`);
  const after = await listPage(anna);
  assert.equal(after.saved.some((s) => s.id === target.id), false);
  assert.ok(after.form, 'the save form is back');
  assert.equal((await postForm(anna, `${server.url}/medewerkers/bewaarde-filters/${target.id}/verwijderen`, { csrf: page.csrf })).status, 404,
    'deleting it again: it is not there');
});
