// The list of reports by next deadline and last activity (issue 14), at the moments stored on the
// report row: a bureau filled by `meldpunt demo-data` (open complaints without history, so each
// one's next deadline is "first contact": the end of the Dutch day 14 days after receipt,
// computed here on its own), and a second bureau that holds some of the reports. Sorting and the
// filters give exactly the rows the rule gives; a contact recorded on the case page ends the
// deadline and makes it the most recent activity; the other bureau's reports never show.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { csrfOf, isPostgres, postForm, resetPostgres, runBinary, startServer, serverNow } from './harness.mjs';
import { sql } from './database.mjs';
import { STAFF_EMAIL, addBureau, addStaff, staffLogin, submitValid, validReport } from './flows.mjs';
import { byId, elements, tableRows, tags } from './html.mjs';

const REPORTS = 240;
const NONE = 253402300799; // stored for "no next deadline"
const DAY = 24 * 60 * 60;
const COORDINATOR_2 = 'coord2.termijn@meldpunt.example';
const PASSWORD = 'lang-genoeg-wachtwoord-88';
const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;

let dir;
let db;
let server;
let jar;
let jar2;
let now;
let mine; // bureau 1's reports: [{ id, at, due, complaint, open, mass }]
let theirs; // bureau 2's ids

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const dutchTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** The last second of the Dutch calendar day `days` days after the day of `at` (Unix seconds). */
function endOfDutchDayAfter(at, days) {
  const [y, m, d] = dutchDay.format(new Date(at * 1000)).split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1, d + days));
  const want = target.toISOString().slice(0, 10);
  for (const offset of [1, 2]) { // CET or CEST
    const t = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), target.getUTCDate(), 23, 59, 59) / 1000 - offset * 3600;
    if (dutchDay.format(new Date(t * 1000)) === want && dutchTime.format(new Date(t * 1000)) === '23:59:59') return t;
  }
  throw new Error(`no end of day for ${want}`);
}

async function listPage(j, query) {
  const res = await j.fetch(`${server.url}/medewerkers/meldingen${query}`);
  const html = await res.text();
  const rows = (tableRows(html, 'reports') ?? []).filter((r) => r.attrs['data-id']);
  const next = elements(html, 'a', (a) => a.rel === 'next')[0]?.attrs.href.replaceAll('&amp;', '&');
  return { status: res.status, html, rows, ids: rows.map((r) => Number(r.attrs['data-id'])), next };
}

async function walk(query, j = jar) {
  const ids = [];
  let url = query;
  for (let i = 0; url !== undefined; i++) {
    assert.ok(i < 20, 'the paging ends');
    const page = await listPage(j, url);
    assert.equal(page.status, 200, url);
    ids.push(...page.ids);
    url = page.next ? page.next.replace('/medewerkers/meldingen', '') : undefined;
  }
  assert.equal(new Set(ids).size, ids.length, 'no row twice');
  return ids;
}

const soonestFirst = (a, b) => (a.due ?? NONE) - (b.due ?? NONE) || a.id - b.id;
const newestFirst = (a, b) => b.at - a.at || b.id - a.id;
const idsOf = (rows) => rows.map((r) => r.id);

async function readReports() {
  const rows = await sql(db, `SELECT id || '|' || reported_at || '|' || is_complaint || '|' || case_step || '|' || COALESCE(case_closed_at, 0) || '|' ||
    COALESCE(mass_event_id, 0) || '|' || bureau_id FROM reports ORDER BY id`);
  return rows.map((line) => {
    const [id, at, complaint, step, closed, mass, bureau] = line.split('|').map((v, i) => (i === 3 ? v : Number(v)));
    const open = !['closed', 'archived'].includes(step) && closed === 0;
    return { id, at, complaint: complaint === 1, open, mass, bureau, due: complaint === 1 && open ? endOfDutchDayAfter(at, 14) : undefined };
  });
}

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-worklist-due-'));
  if (PG_URL) await resetPostgres(PG_URL);
  db = { database: PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}` };
  // Over the last half year, so that there are open complaints overdue, due soon and not yet.
  const made = await runBinary(['demo-data', '--reports', String(REPORTS), '--years', '1', '--seed', '29', '--database', db.database, '--data-dir', dir]);
  assert.equal(made.code, 0, made.stderr);
  server = await startServer({ database: db.database, dataDir: dir, resetDatabase: false, args: ['--retention-job', 'false'] });
  await addStaff(server);
  assert.equal(await addBureau(server, 'ADV Utrecht', ['GM0344']), '2');
  const r = await server.run(['user', 'add', '--email', COORDINATOR_2, '--role', 'coordinator', '--bureau', '2'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  // Every sixth report is the second bureau's (same default norms, so the same deadlines).
  await sql(db, 'UPDATE reports SET bureau_id = 2 WHERE id % 6 = 0');
  jar = await staffLogin(server.url);
  jar2 = await staffLogin(server.url, COORDINATOR_2, PASSWORD);
  now = await serverNow(server.url);
  const all = await readReports();
  mine = all.filter((r) => r.bureau === 1);
  theirs = all.filter((r) => r.bureau === 2).map((r) => r.id);
  assert.ok(mine.some((r) => r.due !== undefined && r.due < now), 'some overdue');
  assert.ok(mine.some((r) => r.due !== undefined && r.due >= now), 'some not yet');
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the list by next deadline and last activity', () => {
  test('the stored next deadline is the rule\'s: first contact 14 days after receipt, none when closed or a melding', async () => {
    const stored = await sql(db, `SELECT id || '|' || next_due_at FROM reports WHERE bureau_id = 1 ORDER BY id`);
    const expected = mine.map((r) => `${r.id}|${r.due ?? NONE}`);
    assert.deepEqual(stored, expected);
  });

  test('sorteer=termijn: soonest first, cases without a deadline last; volgorde=af the other way', async () => {
    const ids = await walk('?sorteer=termijn');
    assert.deepEqual(ids, idsOf([...mine].sort(soonestFirst)));
    assert.deepEqual(await walk('?sorteer=termijn&volgorde=af'), idsOf([...mine].sort(soonestFirst).reverse()));
    const first = await listPage(jar, '?sorteer=termijn');
    assert.match(first.html, /volgende termijn het eerst eerst, zaken zonder termijn als laatste/);
    assert.match(first.next, /sorteer=termijn&na=\d+-\d+$/, 'the key of a page is the deadline and the number');
  });

  test('termijn=verlopen and termijn=binnenkort (the bureau\'s 3 days) narrow to exactly those rows', async () => {
    const overdue = mine.filter((r) => r.due !== undefined && r.due < now);
    assert.deepEqual(await walk('?termijn=verlopen'), idsOf([...overdue].sort(newestFirst)));
    const soon = mine.filter((r) => r.due !== undefined && r.due >= now && r.due < now + 3 * DAY);
    assert.deepEqual(await walk('?termijn=binnenkort&sorteer=termijn'), idsOf([...soon].sort(soonestFirst)));
    assert.deepEqual(await walk('?termijn=verlopen&soort=melding'), [], 'a melding has no deadline');
  });

  test('a row shows its next deadline, and "te laat" in words when it is overdue', async () => {
    const page = await listPage(jar, '?termijn=verlopen');
    const row = page.rows[0];
    const cell = row.cells.find((c) => c.attrs.class === 'next-due');
    assert.ok(cell, 'a next-deadline cell');
    assert.equal(cell.attrs['data-state'], 'overdue');
    assert.match(cell.text, /^\d{4}-\d{2}-\d{2} te laat$/);
    const ok = await listPage(jar, '?sorteer=termijn&volgorde=af');
    const none = ok.rows[0].cells.find((c) => c.attrs.class === 'next-due');
    assert.equal(none.text.trim(), '', 'no deadline, no date');
  });

  test('massa=<event>: the reports linked to that mass-report event', async () => {
    // An event with every eleventh report of both bureaus linked (the link itself is not what is tested).
    await sql(db, `INSERT INTO mass_events (bureau_id, name, description, started_on, created_at) VALUES (1, 'Talkshow', '', '2026-01-01', 0)`);
    const [event] = (await sql(db, `SELECT id FROM mass_events WHERE name = 'Talkshow'`)).map(Number);
    await sql(db, `UPDATE reports SET mass_event_id = ${event} WHERE id % 11 = 0`);
    const linked = mine.filter((r) => r.id % 11 === 0);
    assert.ok(linked.length > 0);
    assert.deepEqual(await walk(`?massa=${event}`), idsOf(linked.sort(newestFirst)));
    const page = await listPage(jar, '');
    assert.match(page.html, new RegExp(`<option value="${event}">Talkshow</option>`), 'the event is a choice in the form');
  });

  test('wrong values: 422 at the field, nothing listed', async () => {
    for (const [query, field] of [['termijn=gisteren', 'termijn'], ['massa=abc', 'massa'], ['massa=999999', 'massa'], ['sorteer=deadline', 'sorteer']]) {
      const page = await listPage(jar, `?${query}`);
      assert.equal(page.status, 422, query);
      assert.equal(page.ids.length, 0, query);
      assert.match(page.html, new RegExp(`<a href="#${field}">`), query);
    }
  });

  test('a contact recorded on the case page ends the deadline and is the most recent activity', async () => {
    const target = [...mine].filter((r) => r.due !== undefined && r.due < now).sort(soonestFirst)[0];
    assert.deepEqual((await listPage(jar, '?sorteer=termijn')).ids[0], target.id);
    const link = `/medewerkers/meldingen/${target.id}`;
    const casePage = await jar.fetch(`${server.url}${link}`);
    const html = await casePage.text();
    const version = elements(html, 'input', (a) => a.name === 'case_version')[0]?.attrs.value;
    const res = await postForm(jar, `${server.url}${link}/contact`, { csrf: csrfOf(html), case_version: version, contact: 'bureau_contacted' });
    assert.equal(res.status, 303);
    target.due = undefined;
    assert.deepEqual(await walk('?sorteer=termijn'), idsOf([...mine].sort(soonestFirst)), 'to the end, with the others without one');
    assert.ok(!(await walk('?termijn=verlopen')).includes(target.id), 'no longer overdue');
    const active = await listPage(jar, '?sorteer=activiteit');
    assert.equal(active.ids[0], target.id, 'the most recent activity first');
    // The others were last active when they were received.
    const rest = mine.filter((r) => r.id !== target.id).sort(newestFirst);
    assert.deepEqual(active.ids.slice(1), idsOf(rest).slice(0, active.ids.length - 1));
  });

  test('a bureau never sees another bureau\'s cases, in any order or filter', async () => {
    for (const query of ['?sorteer=termijn', '?termijn=verlopen', '?sorteer=activiteit', '?termijn=binnenkort']) {
      const ids = await walk(query);
      assert.ok(!ids.some((id) => theirs.includes(id)), query);
      const other = await walk(query, jar2);
      assert.ok(other.every((id) => theirs.includes(id)), `${query}: bureau 2 sees only its own`);
    }
    assert.deepEqual(await walk('?sorteer=termijn', jar2), idsOf(
      (await readReports()).filter((r) => r.bureau === 2).sort(soonestFirst)));
  });
});

describe('follow-up dates on a case', () => {
  const NOTE = 'Bel terug over de afspraak met de sportschool';
  let target;
  let link;

  async function openCase(j = jar) {
    const res = await j.fetch(`${server.url}${link}`);
    const html = await res.text();
    return { status: res.status, html, csrf: csrfOf(html), version: tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value };
  }
  async function post(fields, j = jar) {
    const page = await openCase(j);
    return postForm(j, `${server.url}${link}/opvolgen`, { csrf: page.csrf, case_version: page.version, ...fields });
  }
  const dayAfter = (days) => dutchDay.format(new Date((now + days * DAY) * 1000));

  before(async () => {
    // A complaint made now on the public form: its own deadline (first contact) is 14 days away,
    // so it is not due soon by itself.
    const reference = await submitValid(server.url, validReport({ wishes: ['advice'] }));
    const id = Number(reference.split('-').at(-1));
    const [at] = (await sql(db, `SELECT reported_at FROM reports WHERE id = ${id} AND bureau_id = 1`)).map(Number);
    target = { id, at, complaint: true, open: true, due: endOfDutchDayAfter(at, 14) };
    mine.push(target);
    link = `/medewerkers/meldingen/${target.id}`;
  });

  test('set a follow-up date with a note: on the case page, in the history, the list and the deadlines page', async () => {
    assert.ok(!(await walk('?termijn=binnenkort')).includes(target.id), 'not due soon before');
    const page = await openCase();
    assert.match(page.html, /id="follow-up-none"/);
    const res = await post({ datum: dayAfter(1), text: NOTE });
    assert.equal(res.status, 303);
    assert.match(res.location, /gedaan=opvolgdatum/);
    const after = await openCase();
    const open = byId(after.html, 'follow-up-open', ['p']);
    assert.equal(open.attrs['data-date'], dayAfter(1));
    assert.match(open.text, new RegExp(NOTE));
    const history = elements(after.html, 'li', (a) => (a.class ?? '').split(/\s+/).includes('case-event')).filter((e) => e.attrs['data-kind'] === 'follow_up');
    assert.equal(history.length, 1, 'one entry in the history');
    assert.match(history[0].text, new RegExp(dayAfter(1)));
    // The note is encrypted at rest.
    const stored = await sql(db, `SELECT COUNT(*) FROM case_events WHERE kind = 'follow_up' AND report_id = ${target.id} AND text_enc IS NOT NULL AND text_enc NOT LIKE '%sportschool%'`);
    assert.equal(Number(stored[0]), 1);
    // Sooner than the case's own deadline: it is the next deadline now.
    const due = Number((await sql(db, `SELECT next_due_at FROM reports WHERE id = ${target.id}`))[0]);
    assert.equal(due, endOfDutchDayAfter(now, 1));
    assert.ok((await walk('?termijn=binnenkort')).includes(target.id), 'due soon in the list');
    const deadlines = await (await jar.fetch(`${server.url}/medewerkers/termijnen?behandelaar=alle`)).text();
    const rows = tags(deadlines, 'tr').filter((t) => t.attrs['data-kind'] === 'follow_up');
    assert.equal(rows.length, 1, 'on the deadlines page');
    assert.equal(rows[0].attrs['data-state'], 'due_soon');
  });

  test('wrong input: 422 with the message at the form and the date kept; another bureau gets 404', async () => {
    const tooLong = await post({ datum: dayAfter(2), text: 'x'.repeat(201) });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.html, /id="follow-up-error"[^>]*>[^<]*200/);
    assert.match(tooLong.html, new RegExp(`id="follow-up-date"[^>]*value="${dayAfter(2)}"`));
    for (const datum of ['', '12-03-2027', dayAfter(-1), dayAfter(800)]) {
      const res = await post({ datum, text: '' });
      assert.equal(res.status, 422, `datum=${datum}`);
      assert.match(res.html, /id="follow-up-error"/, `datum=${datum}`);
    }
    const page = await openCase();
    const other = await postForm(jar2, `${server.url}${link}/opvolgen`, { csrf: csrfOf(await (await jar2.fetch(`${server.url}/medewerkers/meldingen`)).text()), case_version: page.version, datum: dayAfter(1) });
    assert.equal(other.status, 404);
  });

  test('mark it done: gone from the page, the list and the deadlines page; in the history', async () => {
    const res = await post({ klaar: '1' });
    assert.equal(res.status, 303);
    const after = await openCase();
    assert.match(after.html, /id="follow-up-none"/);
    const history = elements(after.html, 'li', (a) => (a.class ?? '').split(/\s+/).includes('case-event')).filter((e) => e.attrs['data-kind'] === 'follow_up');
    assert.equal(history.length, 2);
    const due = Number((await sql(db, `SELECT next_due_at FROM reports WHERE id = ${target.id}`))[0]);
    assert.equal(due, target.due, 'the case\'s own deadline again');
    assert.ok(!(await walk('?termijn=binnenkort')).includes(target.id));
    const again = await post({ klaar: '1' });
    assert.equal(again.status, 422, 'nothing open to mark done');
  });
});

describe('a planned mediation on a case', () => {
  let target;
  let link;

  async function openCase() {
    const res = await jar.fetch(`${server.url}${link}`);
    const html = await res.text();
    return { html, csrf: csrfOf(html), version: tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value };
  }
  async function post(action, fields) {
    const page = await openCase();
    return postForm(jar, `${server.url}${link}/${action}`, { csrf: page.csrf, case_version: page.version, ...fields });
  }
  const dayAfter = (days) => dutchDay.format(new Date((now + days * DAY) * 1000));
  const storedDue = async () => Number((await sql(db, `SELECT next_due_at FROM reports WHERE id = ${target.id}`))[0]);
  const plannedAt = async () => Number((await sql(db, `SELECT planned_at FROM case_mediations WHERE report_id = ${target.id}`))[0]);
  async function cellOf(query) {
    for (let url = query; url !== undefined;) {
      const page = await listPage(jar, url);
      const row = page.rows.find((r) => Number(r.attrs['data-id']) === target.id);
      if (row) return row.cells.find((c) => c.attrs.class === 'next-due');
      url = page.next ? page.next.replace('/medewerkers/meldingen', '') : undefined;
    }
    return undefined;
  }

  before(async () => {
    // A complaint made now whose reporter wants a mediation: its own deadline (first contact) is
    // 14 days away.
    const reference = await submitValid(server.url, validReport({ anonymous: 'no', contact_name: 'Sara Jansen', contact_email: 'sara@example.nl', wishes: ['mediation'] }));
    const id = Number(reference.split('-').at(-1));
    const [at] = (await sql(db, `SELECT reported_at FROM reports WHERE id = ${id} AND bureau_id = 1`)).map(Number);
    target = { id, at, complaint: true, open: true, due: endOfDutchDayAfter(at, 14) };
    mine.push(target);
    link = `/medewerkers/meldingen/${target.id}`;
    // Consent, the approach agreed and the action mediation: then a mediation can be planned.
    assert.equal((await post('toestemming', { consent: 'given', text: 'Telefonisch.' })).status, 303);
    assert.equal((await post('stap', { step: 'approach_agreed' })).status, 303);
    assert.equal((await post('actie', { action: 'mediation_session', text: 'Beide partijen willen een gesprek.' })).status, 303);
  });

  test('planned sooner than the case\'s own deadline: the next deadline in the list, its sort, its filter and the deadlines page', async () => {
    assert.equal(await storedDue(), target.due);
    assert.ok(!(await walk('?termijn=binnenkort')).includes(target.id), 'not due soon before');
    const res = await post('bemiddeling', { date: dayAfter(2), time: '10:00', place: 'Stadhuis', participants: '' });
    assert.equal(res.status, 303);
    target.due = await plannedAt();
    assert.equal(dutchDay.format(new Date(target.due * 1000)), dayAfter(2));
    assert.equal(await storedDue(), target.due, 'the mediation moment is the next deadline');
    assert.deepEqual(await walk('?sorteer=termijn'), idsOf([...mine].sort(soonestFirst)));
    const cell = await cellOf('?sorteer=termijn');
    assert.equal(cell.text.trim(), dayAfter(2), 'the list shows the mediation date');
    assert.ok((await walk('?termijn=binnenkort')).includes(target.id), 'due soon in the list');
    const deadlines = await (await jar.fetch(`${server.url}/medewerkers/termijnen?behandelaar=alle`)).text();
    const rows = tags(deadlines, 'tr').filter((t) => t.attrs['data-kind'] === 'mediation');
    assert.equal(rows.length, 1, 'on the deadlines page');
    assert.equal(rows[0].attrs['data-state'], 'due_soon');
    const page = await openCase();
    assert.match(page.html, /Geplande bemiddeling/, 'among the case\'s deadlines');
  });

  test('a changed plan moves the deadline, and the case in the list', async () => {
    const res = await post('bemiddeling', { date: dayAfter(10), time: '09:00', place: 'Online', participants: '' });
    assert.equal(res.status, 303);
    target.due = await plannedAt();
    assert.equal(dutchDay.format(new Date(target.due * 1000)), dayAfter(10));
    assert.equal(await storedDue(), target.due);
    assert.deepEqual(await walk('?sorteer=termijn'), idsOf([...mine].sort(soonestFirst)));
    assert.equal((await cellOf('?sorteer=termijn')).text.trim(), dayAfter(10));
    assert.ok(!(await walk('?termijn=binnenkort')).includes(target.id), 'no longer due soon');
  });
});
