// Work lists and search (issue 4), on the real server with a controllable clock: the deadlines
// list shows a case's first contact as due soon after 13 days and overdue after 15, to its
// handler and the coordinator but not to another handler, until the bureau writes to the
// reporter; the search finds cases by reference, municipality, ground, dates and free text in
// decrypted fields, never another bureau's, checks what is typed, and is audited without the
// text searched for.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { getForm, isPostgres, postForm, startServer } from './harness.mjs';
import { byId, elements, inputs, selectOptions } from './html.mjs';
import { staffLogin, submitValid, validReport } from './flows.mjs';

const run = promisify(execFile);
const DAY = 86_400;
const PASSWORD = 'lang-genoeg-wachtwoord-16';
const USERS = {
  coordinator: ['coordinator@meldpunt.example', 'coordinator', []],
  handlerA: ['behandelaar.a@meldpunt.example', 'handler', []],
  handlerB: ['behandelaar.b@meldpunt.example', 'handler', []],
  intake: ['intake@meldpunt.example', 'intake', []],
  utrecht: ['behandelaar@adv-utrecht.example', 'handler', ['--bureau', '2']],
  viewer: ['gemeente@amsterdam.example', 'municipality_viewer', ['--municipality', 'GM0363']],
};

/** Run one SQL query against the server's database; the first column of every row, as text. */
async function sql(server, query) {
  const { stdout } = isPostgres(server.database)
    ? await run('psql', [server.database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', query])
    : await run('sqlite3', [server.database.replace(/^sqlite:/, ''), query]);
  return stdout.trim().split('\n').filter((l) => l !== '');
}

/** The calendar date in the Netherlands, `days` from now (YYYY-MM-DD). */
function dutchDate(days = 0) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * DAY * 1000));
}

/** The deadlines page as data: counts, and per table (one per handler group) its rows. */
async function deadlines(server, jar, query = '') {
  const res = await jar.fetch(`${server.url}/medewerkers/termijnen${query}`);
  const html = await res.text();
  const count = (name) => Number(elements(html, 'strong', (a) => a['data-count'] === name)[0]?.text);
  const groups = elements(html, 'table', (a) => (a.class ?? '').split(' ').includes('deadlines')).map((t) => ({
    handler: t.attrs['data-handler'],
    rows: elements(t.html, 'tr', (a) => a['data-reference']).map((r) => ({
      reference: r.attrs['data-reference'], kind: r.attrs['data-kind'], state: r.attrs['data-state'], text: r.text,
    })),
  }));
  return { status: res.status, html, overdue: count('overdue'), dueSoon: count('due_soon'), groups, rows: groups.flatMap((g) => g.rows) };
}

/** A search as the browser sends the GET form (issue 14), `text` as the parameter q:
 * { status, html, url, references, total }. */
async function search(server, jar, fields) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) params.append(name === 'text' ? 'q' : name, value);
  if ([...params.keys()].length === 0) params.append('page', '1');
  const url = `${server.url}/medewerkers/zoeken?${params}`;
  const res = await jar.fetch(url);
  const html = await res.text();
  const references = elements(html, 'tr', (a) => a['data-reference']).map((r) => r.attrs['data-reference']);
  const total = Number(elements(html, 'strong', (a) => a['data-count'] === 'total')[0]?.text);
  return { status: res.status, html, url, references, total };
}

describe('deadlines and search', () => {
  let server;
  let clockDir;
  let clockFile;
  const jars = {};
  const ids = {};
  const refs = {};
  const links = {};

  // Moving the clock ends every staff session (they are idle for days), so everyone logs in again.
  const moveClock = async (days) => {
    await writeFile(clockFile, String(days * DAY));
    for (const [name, [email]] of Object.entries(USERS)) {
      if (jars[name]) jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
  };

  before(async () => {
    clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
    clockFile = path.join(clockDir, 'offset');
    await moveClock(0);
    server = await startServer({ env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });
    const added = await server.run(['bureau', 'add', '--name', 'ADV Utrecht']);
    assert.equal(added.code, 0, added.stderr);
    const area = await server.run(['bureau', 'area', '--bureau', '2', 'GM0344']);
    assert.equal(area.code, 0, area.stderr);
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
      ids[name] = Number((await sql(server, `SELECT id FROM staff_users WHERE email = '${email}'`))[0]);
    }
    // Two complaints (the reporter asks for advice) and a report for registration only, in
    // Amsterdam; one complaint in Utrecht, which is the other bureau's.
    refs.cafe = await submitValid(server.url, validReport({
      wishes: ['advice'], grounds: ['origin'], description: 'De portier van Café Ruïne liet mij niet binnen.',
      incident_municipality: 'GM0363', residence_municipality: 'GM0599',
    }));
    refs.waiting = await submitValid(server.url, validReport({
      wishes: ['advice'], grounds: ['age'], description: 'Bij de woningcorporatie kreeg ik geen huis.',
      incident_municipality: 'GM0363', residence_municipality: 'GM0363',
    }));
    refs.registration = await submitValid(server.url, validReport({
      description: 'Scheldwoorden in de tram.', incident_municipality: 'GM0363', residence_municipality: 'GM0518',
    }));
    refs.utrecht = await submitValid(server.url, validReport({
      wishes: ['advice'], anonymous: 'no', contact_name: 'Pietje Zonnebloem', contact_email: 'pietje@example.nl',
      description: 'Op het station werd ik uitgescholden.', incident_municipality: 'GM0344',
    }));
    for (const [name, ref] of Object.entries(refs)) {
      const id = Number(ref.slice(8));
      links[name] = `/medewerkers/meldingen/${id}`;
    }
    // Assigning a case is the case page's work (another branch); until it is merged the test
    // assigns in the database, which is exactly what that page will store.
    await sql(server, `UPDATE reports SET assigned_to = ${ids.handlerA} WHERE id = ${Number(refs.cafe.slice(8))}`);
  });
  after(async () => {
    await server?.stop();
    if (clockDir) await rm(clockDir, { recursive: true, force: true });
  });

  test('a new case has no deadline due yet', async () => {
    const list = await deadlines(server, jars.coordinator);
    assert.equal(list.status, 200);
    assert.deepEqual(list.rows, []);
    assert.equal(list.overdue, 0);
    assert.equal(list.dueSoon, 0);
    assert.match(list.html, /Er is niets te laat en niets dat binnenkort moet\./);
  });

  test('after 13 days the first contact is due soon', async () => {
    await moveClock(13);
    const mine = await deadlines(server, jars.handlerA);
    assert.deepEqual(mine.rows.map((r) => [r.reference, r.kind, r.state]), [[refs.cafe, 'first_contact', 'due_soon']]);
    assert.match(mine.rows[0].text, /Eerste contact met de melder/);
    assert.match(mine.rows[0].text, /Binnenkort/);
    assert.match(mine.rows[0].text, new RegExp(dutchDate(14)), 'due on the last day of the term');
    assert.equal(mine.dueSoon, 1);
    assert.equal(mine.overdue, 0);
    const all = await deadlines(server, jars.coordinator);
    assert.equal(all.dueSoon, 2, 'the coordinator sees the whole bureau');
    assert.ok(!all.rows.some((r) => r.reference === refs.registration), 'a report for registration only has no case');
    assert.ok(!all.rows.some((r) => r.reference === refs.utrecht), "another bureau's case is not listed");
  });

  test('after 15 days it is overdue, for its handler and the coordinator, not for another handler', async () => {
    await moveClock(15);
    const mine = await deadlines(server, jars.handlerA);
    assert.deepEqual(mine.rows.map((r) => [r.reference, r.state]), [[refs.cafe, 'overdue']]);
    assert.match(mine.html, /<strong data-count="overdue">1<\/strong> te laat, <strong data-count="due_soon">0<\/strong> binnenkort/);
    assert.deepEqual((await deadlines(server, jars.handlerB)).rows, [], 'not for another handler');

    const all = await deadlines(server, jars.coordinator);
    assert.equal(all.overdue, 2);
    const byHandler = Object.fromEntries(all.groups.map((g) => [g.handler, g.rows.map((r) => r.reference)]));
    assert.deepEqual(byHandler, { [ids.handlerA]: [refs.cafe], geen: [refs.waiting] }, 'grouped per handler, the unassigned last');
    assert.equal(all.groups.at(-1).handler, 'geen');
    assert.match(all.html, /behandelaar\.a@meldpunt\.example/);
    // The coordinator filters per handler; the options name every handler of the bureau.
    const options = selectOptions(all.html, 'behandelaar').map((o) => o.value);
    assert.deepEqual(options.sort(), ['alle', 'geen', String(ids.coordinator), String(ids.handlerA), String(ids.handlerB)].sort());
    assert.deepEqual((await deadlines(server, jars.coordinator, `?behandelaar=${ids.handlerB}`)).rows, []);
    assert.deepEqual((await deadlines(server, jars.coordinator, '?behandelaar=geen')).rows.map((r) => r.reference), [refs.waiting]);
    // A handler may look at the unassigned cases, not at a colleague's list.
    assert.deepEqual((await deadlines(server, jars.handlerB, '?behandelaar=geen')).rows.map((r) => r.reference), [refs.waiting]);
    assert.equal((await jars.handlerB.fetch(`${server.url}/medewerkers/termijnen?behandelaar=${ids.handlerA}`)).status, 403);
    assert.equal((await jars.handlerB.fetch(`${server.url}/medewerkers/termijnen?behandelaar=alle`)).status, 403);
    assert.equal((await jars.coordinator.fetch(`${server.url}/medewerkers/termijnen?behandelaar=x`)).status, 400);
    // Who may open the list at all.
    assert.equal((await jars.intake.fetch(`${server.url}/medewerkers/termijnen`)).status, 403);
    assert.equal((await jars.viewer.fetch(`${server.url}/medewerkers/termijnen`)).status, 403);
    assert.match(await (await jars.coordinator.fetch(`${server.url}/medewerkers/meldingen`)).text(), /href="\/medewerkers\/termijnen"/);
    // The list names cases, so every look at it is on the record, with the references.
    const audited = await sql(server, "SELECT subject FROM audit_log WHERE action = 'deadlines.read' ORDER BY id");
    assert.ok(audited.some((s) => s.includes(refs.cafe) && s.includes(refs.waiting)), audited.join('\n'));
  });

  test("the bureau's first message meets the first contact, and the deadline leaves the list", async () => {
    const page = await getForm(jars.handlerA, `${server.url}${links.cafe}`);
    assert.equal(page.status, 200);
    const sent = await postForm(jars.handlerA, `${server.url}${links.cafe}/bericht`, {
      csrf: page.csrf, message: 'Dank voor uw melding. Wanneer kunnen wij u bellen?',
    });
    assert.equal(sent.status, 303);
    assert.deepEqual((await deadlines(server, jars.handlerA)).rows, []);
    const all = await deadlines(server, jars.coordinator);
    assert.deepEqual(all.rows.map((r) => r.reference), [refs.waiting]);
    assert.equal(all.overdue, 1);
    await moveClock(0);
  });

  test('search by reference, with or without its prefix', async () => {
    const full = await search(server, jars.handlerB, { ref: refs.waiting });
    assert.equal(full.status, 200);
    assert.deepEqual(full.references, [refs.waiting]);
    const number = await search(server, jars.handlerB, { ref: String(Number(refs.waiting.slice(8))) });
    assert.deepEqual(number.references, [refs.waiting]);
    const row = elements(number.html, 'tr', (a) => a['data-reference'] === refs.waiting)[0];
    assert.match(row.html, new RegExp(`href="${links.waiting}"`), 'results link to the case');
    assert.deepEqual((await search(server, jars.handlerB, { ref: refs.utrecht })).references, [], "another bureau's case is not found");
  });

  test('search by municipality, ground, handler, kind and date range', async () => {
    const amsterdam = await search(server, jars.coordinator, { municipality: 'GM0363' });
    assert.deepEqual(amsterdam.references, [refs.registration, refs.waiting, refs.cafe]);
    assert.equal(amsterdam.total, 3);
    const residence = await search(server, jars.coordinator, { municipality: 'GM0599', municipality_field: 'residence' });
    assert.deepEqual(residence.references, [refs.cafe]);
    assert.deepEqual((await search(server, jars.coordinator, { municipality: 'GM0599', municipality_field: 'incident' })).references, []);
    assert.deepEqual((await search(server, jars.coordinator, { ground: 'age' })).references, [refs.waiting]);
    // A ground finds its sub-grounds too (the registration was classified as religion.anti_muslim).
    assert.deepEqual((await search(server, jars.coordinator, { ground: 'religion' })).references, [refs.registration]);
    assert.deepEqual((await search(server, jars.coordinator, { handler: String(ids.handlerA) })).references, [refs.cafe]);
    assert.deepEqual((await search(server, jars.coordinator, { handler: 'none', type: 'complaint' })).references, [refs.waiting]);
    assert.deepEqual((await search(server, jars.coordinator, { type: 'report' })).references, [refs.registration]);
    const today = await search(server, jars.coordinator, { from: dutchDate(0), to: dutchDate(0) });
    assert.equal(today.total, 3);
    assert.equal((await search(server, jars.coordinator, { from: dutchDate(1) })).total, 0);
    assert.equal((await search(server, jars.coordinator, { to: dutchDate(-1) })).total, 0);
    assert.match(today.html, /role="status"/);
  });

  test("free text is found in the description, never in another bureau's report", async () => {
    const found = await search(server, jars.handlerB, { text: 'cafe RUINE' });
    assert.equal(found.status, 200);
    assert.deepEqual(found.references, [refs.cafe], 'accents and capitals do not matter');
    assert.deepEqual((await search(server, jars.handlerB, { text: 'Zonnebloem' })).references, []);
    // The other bureau finds its own reporter by name, so the term itself is searchable.
    assert.deepEqual((await search(server, jars.utrecht, { text: 'zonnebloem' })).references, [refs.utrecht]);
  });

  test('an invalid date comes back with a message and everything typed kept', async () => {
    const bad = await search(server, jars.coordinator, {
      ref: '', from: '31-12-2026', to: dutchDate(0), municipality: 'GM0363', ground: 'age', text: 'woningcorporatie',
    });
    assert.equal(bad.status, 422);
    assert.match(byId(bad.html, 'from-error').text, /Geef een datum zoals 2026-03-31\./);
    assert.match(bad.html, /<a href="#from">Geef een datum zoals 2026-03-31\.<\/a>/);
    assert.equal(inputs(bad.html, 'from')[0].value, '31-12-2026');
    assert.equal(inputs(bad.html, 'from')[0]['aria-invalid'], 'true');
    assert.equal(inputs(bad.html, 'to')[0].value, dutchDate(0));
    assert.equal(inputs(bad.html, 'q')[0].value, 'woningcorporatie');
    assert.equal(selectOptions(bad.html, 'municipality').find((o) => o.selected)?.value, 'GM0363');
    assert.equal(selectOptions(bad.html, 'ground').find((o) => o.selected)?.value, 'age');
    assert.deepEqual(bad.references, [], 'nothing is searched');
    const reversed = await search(server, jars.coordinator, { from: dutchDate(0), to: dutchDate(-2) });
    assert.equal(reversed.status, 422);
    assert.match(byId(reversed.html, 'to-error').text, /De laatste datum ligt voor de eerste datum\./);
    const code = await search(server, jars.coordinator, { ground: 'not-a-ground' });
    assert.equal(code.status, 422);
  });

  test('who may search: staff who read cases, never a municipality viewer; no POST any more', async () => {
    assert.equal((await search(server, jars.intake, { municipality: 'GM0363' })).status, 200);
    assert.equal((await jars.viewer.fetch(`${server.url}/medewerkers/zoeken`)).status, 403);
    const viewer = await search(server, jars.viewer, { text: 'ruine' });
    assert.equal(viewer.status, 403);
    assert.deepEqual(viewer.html.match(/data-reference/g), null);
    // The search is a GET since issue 14: a POST finds nothing.
    const csrf = (await getForm(jars.coordinator, `${server.url}/medewerkers/cijfers`)).csrf;
    const posted = await postForm(jars.coordinator, `${server.url}/medewerkers/zoeken`, { csrf, q: 'ruine' });
    assert.ok(posted.status >= 400, `POST answered ${posted.status}`);
    assert.deepEqual(posted.html.match(/data-reference/g), null);
  });

  test('every search is on the audit record with its filters, never the text searched for', async () => {
    await search(server, jars.coordinator, { municipality: 'GM0363', text: 'Fatima de Vries' });
    const audited = await sql(server,
      `SELECT subject FROM audit_log WHERE action = 'search' AND user_id = ${ids.coordinator} ORDER BY id DESC LIMIT 1`);
    assert.match(audited[0], /municipality=GM0363/);
    assert.match(audited[0], /text=yes/);
    assert.doesNotMatch(audited[0], /Fatima|Vries/i);
    const all = await sql(server, "SELECT subject FROM audit_log WHERE action = 'search'");
    assert.ok(all.length >= 15, `every search is recorded (${all.length})`);
    assert.ok(!all.some((s) => /ruine|zonnebloem|woningcorporatie/i.test(s)));
  });
});
