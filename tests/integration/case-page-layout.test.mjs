// The case page for daily work (issue 14): a summary on top and the parts of the page with their
// links; several protocol steps in one save, each recorded as its own step event at the same
// moment, and a refused combination that changes nothing; opening the case is one audit entry.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, csrfOf, getForm, isPostgres, postForm, startServer } from './harness.mjs';
import { byClass, byId, elements, tags, textOf } from './html.mjs';
import { addStaff, staffLogin, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

// A complaint (klacht) stays open; a report for registration only is closed at once.
const complaint = (overrides) => validReport({ wishes: ['advice'], ...overrides });

let server;
let staff;
before(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-test-'));
  server = await startServer({ dataDir, env: { MELDPUNT_FOLLOWUP_BURST: '0' } });
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(() => server?.stop());

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);
const count = async (query) => Number((await sql(query))[0]);

/** Send a report from the public form: { id, reference, receipt, link }. */
async function report(fields) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const key = form.html.match(/name="submission_key" value="([^"]*)"/)?.[1] ?? '';
  const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, submission_key: key, ...fields });
  assert.equal(res.status, 303, res.html?.slice(0, 500));
  const page = await (await jar.fetch(new URL(res.location, server.url))).text();
  const reference = byClass(page, 'strong', 'reference')[0].text;
  const receipt = byClass(page, 'span', 'receipt-group').map((g) => g.text).join(' ');
  const id = Number(reference.slice(-6));
  return { id, reference, receipt, link: `/medewerkers/meldingen/${id}` };
}

async function caseHtml(link) {
  const res = await staff.fetch(`${server.url}${link}`);
  assert.equal(res.status, 200);
  return res.text();
}
const versionOf = (html) => tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value;
const dd = (html, id) => textOf(byId(html, id, ['dd'])?.html ?? '');

/** POST a case form with the page's csrf and case version: { status, location, html }. */
async function postCase(link, action, fields) {
  const html = await caseHtml(link);
  return postForm(staff, `${server.url}${link}/${action}`, { csrf: csrfOf(html), case_version: versionOf(html), ...fields });
}

describe('the summary and the parts of the case page', () => {
  test('who, what, where, what the reporter wants, consent, step, handler and deadlines on top; then the parts with their links', async () => {
    const long = `Bij de sportschool mocht ik niet binnen met mijn hoofddoek. ${'De medewerker zei dat het beleid is. '.repeat(12)}Einde van het verhaal.`;
    const sent = await report(complaint({
      anonymous: 'no', contact_name: 'Fatima de Vries', contact_email: 'fatima@example.nl', wishes: ['advice', 'mediation'],
      description: long, incident_municipality: 'GM0363', residence_municipality: 'GM0599',
    }));
    const html = await caseHtml(sent.link);

    // The summary comes first, before every other part.
    const summary = byId(html, 'summary', ['section']);
    assert.ok(summary, 'a summary');
    assert.match(dd(summary.html, 'case-anonymous'), /Fatima de Vries fatima@example\.nl/);
    assert.equal(dd(summary.html, 'kind'), 'Klacht');
    assert.match(dd(summary.html, 'case-wishes'), /advies/);
    assert.match(dd(summary.html, 'case-wishes'), /[Bb]emiddeling/);
    assert.equal(byId(summary.html, 'case-consent', ['dd']).attrs['data-consent'], 'no');
    assert.equal(dd(summary.html, 'case-consent'), 'niet vastgelegd');
    assert.equal(dd(summary.html, 'case-step'), 'Ontvangen');
    assert.equal(dd(summary.html, 'case-assignee'), 'nog niemand');
    assert.match(dd(summary.html, 'case-nature'), /\S/);
    assert.match(dd(summary.html, 'case-grounds'), /Godsdienst/);
    assert.equal(dd(summary.html, 'case-incident-place'), 'Amsterdam');
    assert.equal(dd(summary.html, 'case-residence'), 'Rotterdam');
    assert.ok(byId(summary.html, 'case-deadlines', ['table']), 'the deadlines of a complaint');
    // A long text: the start of it, and the whole of it on request (<details>, no script).
    const short = byId(summary.html, 'description-short', ['p']).text;
    assert.ok(short.length < long.length && short.endsWith('…'), short);
    assert.ok(long.startsWith(short.slice(0, -1)));
    const full = elements(summary.html, 'details').find((d) => d.html.includes('id="description"'));
    assert.ok(full, 'the full text inside <details>');
    assert.equal(byId(full.html, 'description', ['div']).text, long);

    // The parts, in this order, each a section with a heading, and a link to each.
    const parts = ['summary', 'related', 'conversation', 'actions', 'letters', 'files', 'notes', 'history'];
    for (const id of parts) {
      const section = elements(html, 'section').find((s) => s.attrs.id === id);
      assert.ok(section, `a section ${id}`);
      assert.ok(html.includes(`id="${section.attrs['aria-labelledby']}"`), `${id} is labelled by its heading`);
    }
    const at = parts.map((id) => html.indexOf(`id="${id}"`));
    assert.deepEqual(at, [...at].sort((a, b) => a - b), 'in page order');
    const nav = elements(html, 'nav').find((n) => n.attrs.id === 'case-nav');
    assert.ok(nav, 'the links to the parts');
    assert.equal(nav.attrs['aria-label'], 'Onderdelen van deze zaak');
    assert.deepEqual(elements(nav.html, 'a').map((a) => a.attrs.href), parts.map((id) => `#${id}`));
    // The forms are in their parts: the steps among the actions, the note among the notes.
    const section = (id) => elements(html, 'section').find((s) => s.attrs.id === id).html;
    assert.ok(section('actions').includes('id="form-step"'));
    assert.ok(section('actions').includes('id="form-assign"'));
    assert.ok(section('notes').includes('id="form-note"'));
    assert.ok(section('conversation').includes('id="form-message"'));
    assert.ok(section('files').includes('id="case-files-empty"'));
    assert.ok(section('letters').includes('id="letters-link"'));
  });

  test('a note shows in the notes part and in the history', async () => {
    const sent = await report(complaint());
    const res = await postCase(sent.link, 'notitie', { text: 'Melder belt donderdag terug.' });
    assert.equal(res.status, 303);
    const html = await caseHtml(sent.link);
    const notes = byId(html, 'case-notes', ['ul']);
    assert.equal(textOf(byClass(notes.html, 'div', 'event-text')[0].html), 'Melder belt donderdag terug.');
    assert.ok(!byId(html, 'case-notes-empty', ['p']));
    assert.equal(elements(byId(html, 'case-history', ['ol']).html, 'li').filter((l) => l.attrs['data-kind'] === 'note').length, 1);
  });
});

describe('several protocol steps in one save', () => {
  test('from received straight to approach agreed records each step in between, at one moment, in one save', async () => {
    const sent = await report(complaint());
    let html = await caseHtml(sent.link);
    const offered = tags(html, 'input').filter((t) => t.attrs.name === 'step').map((t) => t.attrs.value);
    assert.deepEqual(offered, ['first_analysis', 'intake', 'investigation', 'approach_agreed', 'actions', 'evaluation']);
    assert.match(textOf(byId(html, 'step-approach_agreed-hint', ['p']).html), /^Legt ook de stappen ertussen vast: Eerste analyse, Intakegesprek, Onderzoek$/);
    const version = Number(versionOf(html));
    const auditBefore = await count(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.step'`);

    const res = await postCase(sent.link, 'stap', { step: 'approach_agreed', text: 'Aanpak met melder besproken.' });
    assert.equal(res.status, 303);
    assert.match(res.location, /gedaan=stappen$/);
    html = await (await staff.fetch(new URL(res.location, server.url))).text();
    assert.equal(byId(html, 'case-done', ['div']).text.trim(), 'De zaak staat in de nieuwe stap; de stappen ertussen staan in het verloop.');
    assert.equal(byId(html, 'case-step', ['dd']).attrs['data-step'], 'approach_agreed');
    assert.equal(Number(versionOf(html)), version + 4, 'each step a change of its own');

    const rows = await sql(`SELECT code || '|' || detail || '|' || at FROM case_events WHERE report_id = ${sent.id} AND kind = 'step' ORDER BY id`);
    assert.deepEqual(rows.map((r) => r.split('|').slice(0, 2).join('|')), ['first_analysis|forward', 'intake|forward', 'investigation|forward', 'approach_agreed|forward']);
    assert.equal(new Set(rows.map((r) => r.split('|')[2])).size, 1, 'the same moment');
    const history = elements(byId(html, 'case-history', ['ol']).html, 'li').filter((l) => l.attrs['data-kind'] === 'step');
    assert.deepEqual(history.map((l) => l.attrs['data-code']), ['first_analysis', 'intake', 'investigation', 'approach_agreed']);
    assert.equal(textOf(byClass(history[3].html, 'div', 'event-text')[0].html), 'Aanpak met melder besproken.', 'the reason with the step chosen');
    assert.equal(byClass(history[0].html, 'div', 'event-text').length, 0);
    assert.equal(await count(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.step'`), auditBefore + 1, 'one save, one audit entry');
    assert.equal((await sql(`SELECT status FROM reports WHERE id = ${sent.id}`))[0], 'in_progress');
  });

  test('a combination the protocol does not allow is refused with the reason and changes nothing', async () => {
    const sent = await report(complaint());
    let res = await postCase(sent.link, 'stap', { step: 'approach_agreed' });
    assert.equal(res.status, 303);
    const stateOf = async () => ({
      events: await count(`SELECT COUNT(*) FROM case_events WHERE report_id = ${sent.id}`),
      row: (await sql(`SELECT case_step || '|' || case_version || '|' || status FROM reports WHERE id = ${sent.id}`))[0],
    });
    const before = await stateOf();
    const html = await caseHtml(sent.link);
    const offered = tags(html, 'input').filter((t) => t.attrs.name === 'step').map((t) => t.attrs.value);
    assert.deepEqual(offered, ['investigation', 'actions', 'evaluation'], 'one back, and the later steps');

    for (const [step, message] of [
      ['intake', /^Het protocol staat deze stap niet toe/], // back two steps
      ['received', /^Het protocol staat deze stap niet toe/],
      ['closed', /afsluitformulier|afgesloten/i],
      ['approach_agreed', /^De zaak staat al in deze stap\.$/],
    ]) {
      res = await postCase(sent.link, 'stap', { step, text: 'Typed reason' });
      assert.equal(res.status, 422, step);
      assert.match(textOf(byId(res.html, 'step-error', ['p']).html), message, step);
      assert.match(res.html, /<textarea id="step-text"[^>]*>Typed reason<\/textarea>/, 'what was typed is kept');
      assert.deepEqual(await stateOf(), before, `${step}: nothing changed`);
    }
    // A form made before a colleague's change: the whole combination is refused.
    const stale = await caseHtml(sent.link);
    assert.equal((await postCase(sent.link, 'notitie', { text: 'Tussendoor.' })).status, 303);
    const after = await stateOf();
    res = await postForm(staff, `${server.url}${sent.link}/stap`, { csrf: csrfOf(stale), case_version: versionOf(stale), step: 'evaluation' });
    assert.equal(res.status, 409);
    assert.deepEqual(await stateOf(), after);
  });
});

describe('the audit log of the case page', () => {
  test('opening the case is one entry, whatever the page shows', async () => {
    const sent = await report(complaint());
    await postCase(sent.link, 'notitie', { text: 'Eerste notitie.' });
    await postCase(sent.link, 'stap', { step: 'intake' });
    const reads = () => count(`SELECT COUNT(*) FROM audit_log WHERE report_id = ${sent.id}`);
    const before = await reads();
    await caseHtml(sent.link);
    assert.equal(await reads(), before + 1);
    assert.equal((await sql(`SELECT action FROM audit_log WHERE report_id = ${sent.id} ORDER BY id DESC LIMIT 1`))[0], 'report.read');
    await caseHtml(`${sent.link}?gedaan=stap`);
    assert.equal(await reads(), before + 2, 'each view one entry');
  });
});

describe('a planned mediation', () => {
  const PLACE = 'Buurthuis De Ster, zaal 3 (uniek-plaats-7731)';
  const PARTICIPANTS = 'Melder, de bedrijfsleider (uniek-deelnemer-5518), bemiddelaar';

  /** A named complaint with consent, at approach agreed. */
  async function namedCase() {
    const sent = await report(complaint({ anonymous: 'no', contact_name: 'Sara Jansen', contact_email: 'sara@example.nl', wishes: ['mediation'] }));
    assert.equal((await postCase(sent.link, 'toestemming', { consent: 'given', text: 'Telefonisch, 3 december.' })).status, 303);
    assert.equal((await postCase(sent.link, 'stap', { step: 'approach_agreed' })).status, 303);
    return sent;
  }

  test('is planned once mediation is the action, shown in the summary and the history, and changeable', async () => {
    const sent = await namedCase();
    let html = await caseHtml(sent.link);
    assert.ok(!html.includes('id="form-mediation"'), 'no form before the action mediation');
    let res = await postCase(sent.link, 'bemiddeling', { date: '2026-12-10', time: '14:30', place: PLACE, participants: '' });
    assert.equal(res.status, 422, 'refused before the action mediation');
    assert.match(textOf(byId(res.html, 'case-error', ['div']).html), /actie "bemiddeling"/);
    assert.equal(await count(`SELECT COUNT(*) FROM case_mediations WHERE report_id = ${sent.id}`), 0);

    assert.equal((await postCase(sent.link, 'actie', { action: 'mediation_session', text: 'Beide partijen willen een gesprek.' })).status, 303);
    html = await caseHtml(sent.link);
    assert.ok(html.includes('id="form-mediation"'), 'the form, among the actions');
    res = await postCase(sent.link, 'bemiddeling', { date: '2026-12-10', time: '14:30', place: PLACE, participants: PARTICIPANTS });
    assert.equal(res.status, 303);
    assert.match(res.location, /gedaan=bemiddeling$/);
    html = await caseHtml(sent.link);
    const fact = byId(html, 'case-mediation', ['dd']);
    assert.equal(fact.attrs['data-planned'], '2026-12-10 14:30');
    assert.equal(textOf(fact.html), `2026-12-10 14:30, ${PLACE}; ${PARTICIPANTS}`);
    const planned = elements(byId(html, 'case-history', ['ol']).html, 'li').filter((l) => l.attrs['data-kind'] === 'mediation_planned');
    assert.equal(planned.length, 1);
    assert.equal(byClass(planned[0].html, 'strong', 'event-what')[0].text, 'Bemiddeling gepland: 2026-12-10 14:30');
    assert.equal(textOf(byClass(planned[0].html, "div", "event-text")[0].html), `${PLACE} ${PARTICIPANTS}`);
    // The form shows the plan, to change it.
    assert.equal(tags(html, 'input').find((t) => t.attrs.id === 'mediation-date').attrs.value, '2026-12-10');
    assert.equal(tags(html, 'input').find((t) => t.attrs.id === 'mediation-time').attrs.value, '14:30');
    assert.equal(tags(html, 'input').find((t) => t.attrs.id === 'mediation-place').attrs.value, PLACE);

    // Moved to the next week: the summary shows the new plan, the history both.
    res = await postCase(sent.link, 'bemiddeling', { date: '2026-12-17', time: '09:00', place: 'Online', participants: PARTICIPANTS });
    assert.equal(res.status, 303);
    html = await caseHtml(sent.link);
    assert.equal(byId(html, 'case-mediation', ['dd']).attrs['data-planned'], '2026-12-17 09:00');
    assert.equal(elements(byId(html, 'case-history', ['ol']).html, 'li').filter((l) => l.attrs['data-kind'] === 'mediation_planned').length, 2);
    assert.equal(await count(`SELECT COUNT(*) FROM case_mediations WHERE report_id = ${sent.id}`), 1, 'one plan per case');
    // The moment in the clear (for the work list), Dutch time 09:00 = 08:00 UTC in winter.
    assert.equal((await sql(`SELECT planned_at FROM case_mediations WHERE report_id = ${sent.id}`))[0], String(Date.UTC(2026, 11, 17, 8, 0) / 1000));
  });

  test('place and participants are encrypted at rest: the database file does not hold them', async () => {
    const sent = await namedCase();
    assert.equal((await postCase(sent.link, 'actie', { action: 'mediation_session', text: 'Gesprek afgesproken.' })).status, 303);
    assert.equal((await postCase(sent.link, 'bemiddeling', { date: '2026-12-11', time: '10:00', place: PLACE, participants: PARTICIPANTS })).status, 303);
    const [place, participants] = (await sql(`SELECT place_enc || '|' || participants_enc FROM case_mediations WHERE report_id = ${sent.id}`))[0].split('|');
    assert.ok(place.length > 20 && !place.includes('uniek'), 'place sealed');
    assert.ok(participants.length > 20 && !participants.includes('uniek'), 'participants sealed');
    if (!isPostgres(server.database)) {
      const file = server.database.replace(/^sqlite:/, '');
      await sql('PRAGMA wal_checkpoint(TRUNCATE)');
      const { readFile } = await import('node:fs/promises');
      const bytes = Buffer.concat([await readFile(file), await readFile(`${file}-wal`).catch(() => Buffer.alloc(0))]);
      assert.equal(bytes.indexOf('uniek-plaats-7731'), -1, 'the place is nowhere in the database file');
      assert.equal(bytes.indexOf('uniek-deelnemer-5518'), -1, 'the participants are nowhere in the database file');
    }
  });

  test('a bad entry comes back with the reason and what was typed, and changes nothing', async () => {
    const sent = await namedCase();
    assert.equal((await postCase(sent.link, 'actie', { action: 'mediation_session', text: 'Gesprek afgesproken.' })).status, 303);
    const events = () => count(`SELECT COUNT(*) FROM case_events WHERE report_id = ${sent.id}`);
    const before = await events();
    for (const [fields, reason] of [
      [{ date: '', time: '10:00', place: 'Stadhuis', participants: '' }, /datum/i],
      [{ date: '2026-02-30', time: '10:00', place: 'Stadhuis', participants: '' }, /jaar-maand-dag/],
      [{ date: '2026-12-10', time: '25:00', place: 'Stadhuis', participants: '' }, /uren:minuten/],
      [{ date: '2026-12-10', time: '10:00', place: '', participants: '' }, /waar/i],
      [{ date: '2026-12-10', time: '10:00', place: 'p'.repeat(201), participants: '' }, /200 tekens/],
      [{ date: '2026-12-10', time: '10:00', place: 'Stadhuis', participants: 'd'.repeat(501) }, /500 tekens/],
    ]) {
      const res = await postCase(sent.link, 'bemiddeling', fields);
      assert.equal(res.status, 422, JSON.stringify(fields).slice(0, 80));
      assert.match(textOf(byId(res.html, 'mediation-error', ['p']).html), reason);
      assert.equal(tags(res.html, 'input').find((t) => t.attrs.id === 'mediation-place').attrs.value, fields.place, 'the place typed is kept');
      assert.equal(await events(), before);
      assert.equal(await count(`SELECT COUNT(*) FROM case_mediations WHERE report_id = ${sent.id}`), 0);
    }
    // Exactly the limits: accepted.
    const res = await postCase(sent.link, 'bemiddeling', { date: '2026-12-10', time: '10:00', place: 'p'.repeat(200), participants: 'd'.repeat(500) });
    assert.equal(res.status, 303);
  });
});
