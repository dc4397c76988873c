// The case page (/medewerkers/meldingen/{id}): a case taken along the protocol steps by a handler,
// actions refused with the reason (anonymity, consent, the step), closing with handling codes and
// an outcome, reopening and archiving, a stale form from a second browser, who may assign whom,
// notes that the reporter never sees, and a deadline that runs over. Every refusal is also posted
// directly, the way a page would never offer it, and must change nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CookieJar, csrfOf, getForm, isPostgres, postForm, startServer } from './harness.mjs';
import { byClass, byId, elements, tags, textOf } from './html.mjs';
import { reportRows, reportWithEmail, staffLogin, validReport } from './flows.mjs';

const run = promisify(execFile);
const PASSWORD = 'lang-genoeg-wachtwoord-88';
// A complaint (klacht) stays open; a report for registration only is closed at once.
const complaint = (overrides) => validReport({ wishes: ['advice'], ...overrides });
const USERS = {
  coordinator: ['coordinator@meldpunt.example', 'coordinator', []],
  handler: ['behandelaar@meldpunt.example', 'handler', []],
  colleague: ['collega@meldpunt.example', 'handler', []],
  intake: ['intake@meldpunt.example', 'intake', []],
  elsewhere: ['behandelaar@adv-elders.example', 'handler', ['--bureau', '2']],
};

/** One SQL query against the server's database: the first column of every row, as text. */
async function sql(server, query) {
  const { stdout } = isPostgres(server.database)
    ? await run('psql', [server.database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', query])
    : await run('sqlite3', [server.database.replace(/^sqlite:/, ''), query]);
  return stdout.trim().split('\n').filter((l) => l !== '');
}

async function auditCount(server, action) {
  return Number((await sql(server, `SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`))[0]);
}

/** Send a report the way a browser does; returns { reference, receipt, link }. */
async function report(server, fields) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const key = form.html.match(/name="submission_key" value="([^"]*)"/)[1];
  const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, submission_key: key, ...fields });
  assert.equal(res.status, 303, res.html.slice(0, 500));
  const page = await (await jar.fetch(new URL(res.location, server.url))).text();
  const reference = byClass(page, 'strong', 'reference')[0].text;
  const receipt = byClass(page, 'span', 'receipt-group').map((g) => g.text).join(' ');
  return { reference, receipt, link: `/medewerkers/meldingen/${Number(reference.slice(-6))}` };
}

/** The case page as staff see it, read into the facts the tests look at. */
async function openCase(server, jar, link) {
  const res = await jar.fetch(`${server.url}${link}`);
  const html = await res.text();
  return { status: res.status, ...readCase(html) };
}

function readCase(html) {
  const attr = (id, name) => byId(html, id, ['dd'])?.attrs[name];
  const version = tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value;
  const history = elements(html, 'li', (a) => (a.class ?? '').split(/\s+/).includes('case-event')).map((e) => ({
    kind: e.attrs['data-kind'],
    code: e.attrs['data-code'],
    what: byClass(e.html, 'strong', 'event-what')[0]?.text,
    who: byClass(e.html, 'span', 'event-who')[0]?.text,
    at: byClass(e.html, 'span', 'event-time')[0]?.text,
    text: textOf(byClass(e.html, 'div', 'event-text')[0]?.html ?? ''),
  }));
  const deadlines = Object.fromEntries(tags(html, 'tr').filter((t) => t.attrs['data-deadline'])
    .map((t) => [t.attrs['data-deadline'], t.attrs['data-state']]));
  return {
    html,
    csrf: csrfOf(html),
    version,
    step: attr('case-step', 'data-step'),
    assignee: attr('case-assignee', 'data-assignee'),
    consent: attr('case-consent', 'data-consent'),
    reporterStatus: attr('status', 'data-status'),
    handlings: attr('case-handlings', 'data-handlings'),
    outcome: attr('case-outcome', 'data-outcome'),
    error: byId(html, 'case-error', ['div'])?.text,
    done: byId(html, 'case-done', ['div'])?.text,
    history,
    deadlines,
    checked: (name) => tags(html, 'input').filter((t) => t.attrs.name === name && 'checked' in t.attrs).map((t) => t.attrs.value),
    offered: (name) => tags(html, 'input').filter((t) => t.attrs.name === name).map((t) => t.attrs.value),
  };
}

/**
 * POST a case form with the page's token and case version (unless given), and follow a 303 back
 * to the case: { status, location, page }.
 */
async function post(server, jar, link, form, fields, page) {
  page ??= await openCase(server, jar, link);
  const res = await postForm(jar, `${server.url}${link}/${form}`, { csrf: page.csrf, case_version: page.version, ...fields });
  if (res.status === 303) {
    const back = await openCase(server, jar, new URL(res.location, server.url).pathname + new URL(res.location, server.url).search);
    return { status: res.status, location: res.location, page: back };
  }
  return { status: res.status, location: res.location, page: readCase(res.html) };
}

/** The reporter's follow-up page with the receipt code: { status code, html }. */
async function followUp(server, receipt) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  const signIn = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
  assert.equal(signIn.status, 303);
  const html = await (await jar.fetch(`${server.url}/melden/volgen`)).text();
  return { status: byId(html, 'status', ['dd'])?.attrs['data-status'], html };
}

describe('handling a case along the protocol', () => {
  let server;
  let offsetFile;
  const jars = {};
  const ids = {};

  before(async () => {
    // The clock offset file is read at each use: the last test moves time forward.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-test-'));
    offsetFile = path.join(dataDir, 'clock-offset');
    await writeFile(offsetFile, '0');
    server = await startServer({ dataDir, env: { MELDPUNT_FOLLOWUP_BURST: '0', MELDPUNT_CLOCK_OFFSET_FILE: offsetFile } });
    const added = await server.run(['bureau', 'add', '--name', 'ADV Elders']);
    assert.equal(added.code, 0, added.stderr);
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    for (const [name, value] of Object.entries(await userIds())) ids[name] = value;
  });
  after(() => server?.stop());

  async function userIds() {
    const out = {};
    for (const [name, [email]] of Object.entries(USERS)) {
      out[name] = (await sql(server, `SELECT id FROM staff_users WHERE email = '${email}'`))[0];
    }
    return out;
  }

  test('a handler takes a named complaint from received to closed and archived; the reporter sees it closed', async () => {
    const sent = await report(server, reportWithEmail('melder@example.nl', { wishes: ['letter', 'complaint_procedure'] }));
    const { link } = sent;
    let page = await openCase(server, jars.handler, link);
    assert.equal(page.status, 200);
    assert.equal(page.step, 'received');
    assert.equal(page.assignee, '');
    assert.equal(page.consent, 'no');
    assert.equal(byId(page.html, 'kind', ['dd']).text, 'Klacht');
    assert.match(page.html, /bekend met naam: Test Melder melder@example\.nl/);
    // The next step, and the later open steps a combined step change reaches (case_protocol.hpp:
    // StepPath); never closed or archived.
    assert.deepEqual(page.offered('step'), ['first_analysis', 'intake', 'investigation', 'approach_agreed', 'actions', 'evaluation'], 'only what the protocol allows from received');

    // Nobody handles it yet: the handler takes it.
    let r = await post(server, jars.handler, link, 'toewijzen', { handler: ids.handler }, page);
    assert.equal(r.status, 303);
    assert.equal(r.location, `${link}?gedaan=toegewezen`);
    assert.equal(r.page.assignee, USERS.handler[0]);
    assert.match(r.page.done, /De behandelaar is opgeslagen\./);

    for (const step of ['first_analysis', 'intake', 'investigation', 'approach_agreed', 'actions']) {
      r = await post(server, jars.handler, link, 'stap', { step, text: `Naar ${step}.` });
      assert.equal(r.status, 303, `${step}: ${r.page.error}`);
      assert.equal(r.page.step, step);
      assert.match(r.page.done, /De zaak staat in de nieuwe stap\./);
    }
    assert.equal(r.page.reporterStatus, 'in_progress', "the reporter's status follows the step");
    r = await post(server, jars.handler, link, 'contact', { contact: 'bureau_contacted', text: 'Gebeld, aanpak besproken.' });
    assert.equal(r.status, 303);

    // A letter to the other party needs the reporter's consent: refused with the reason, posted anyway.
    const before = r.page;
    r = await post(server, jars.handler, link, 'actie', { action: 'letter_to_other_party', text: 'Brief aan de werkgever.' }, before);
    assert.equal(r.status, 422);
    assert.match(r.page.error, /De toestemming van de melder is niet vastgelegd/);
    assert.match(r.page.html, />Brief aan de werkgever\.<\/textarea>/, 'what was typed stays');
    assert.equal((await openCase(server, jars.handler, link)).version, before.version, 'nothing changed');
    assert.ok(before.html.includes('data-refusal="consent_missing"'), 'the page said so before');

    const consentEmpty = await post(server, jars.handler, link, 'toestemming', { consent: 'given', text: '' });
    assert.equal(consentEmpty.status, 422);
    assert.match(consentEmpty.page.error, /Schrijf op hoe en wanneer de melder toestemming gaf\./);
    r = await post(server, jars.handler, link, 'toestemming', { consent: 'given', text: 'Telefonisch op 3 maart, mondeling akkoord.' });
    assert.equal(r.status, 303);
    assert.equal(r.page.consent, 'yes');
    r = await post(server, jars.handler, link, 'actie', { action: 'letter_to_other_party', text: 'Brief aan de werkgever.' });
    assert.equal(r.status, 303, r.page.error);
    assert.match(r.page.done, /De actie is vastgelegd\./);

    // Support in a complaint procedure names the procedure.
    r = await post(server, jars.handler, link, 'actie', { action: 'complaint_procedure_support', text: 'Verzoekschrift.' });
    assert.equal(r.status, 422);
    assert.match(r.page.error, /Kies bij welke klachtprocedure het bureau ondersteunt\./);
    r = await post(server, jars.handler, link, 'actie', { action: 'complaint_procedure_support', target: 'college_rechten_mens', text: 'Verzoekschrift opgesteld.' });
    assert.equal(r.status, 303);
    r = await post(server, jars.handler, link, 'stap', { step: 'evaluation' });
    assert.equal(r.status, 303);

    // The closing form is ticked with what the actions imply.
    assert.deepEqual(r.page.checked('handlings').sort(), ['complaint_procedure', 'intervention']);
    r = await post(server, jars.handler, link, 'afsluiten', { handlings: ['intervention', 'complaint_procedure'], outcome: 'resolved', text: 'Excuses ontvangen.' });
    assert.equal(r.status, 303, r.page.error);
    assert.equal(r.page.step, 'closed');
    assert.equal(r.page.handlings, 'intervention complaint_procedure');
    assert.equal(r.page.outcome, 'resolved');
    assert.equal(r.page.reporterStatus, 'closed');
    assert.match(r.page.done, /De zaak is afgesloten\./);
    assert.equal((await followUp(server, sent.receipt)).status, 'closed', 'the reporter sees it closed');

    // The history: every event, oldest first, with who, when (Dutch time) and what.
    const history = r.page.history;
    assert.deepEqual(history.map((e) => e.kind), ['assigned', 'step', 'step', 'step', 'step', 'step', 'contact', 'consent', 'action', 'action', 'step', 'closed']);
    assert.ok(history.every((e) => e.who === USERS.handler[0] && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(e.at)));
    assert.equal(history[1].what, 'Stap: Eerste analyse');
    assert.equal(history[1].text, 'Naar first_analysis.');
    assert.equal(history[8].what, 'Actie: Brief aan de wederpartij (hoor en wederhoor)');
    assert.equal(history[9].what, 'Actie: Ondersteuning bij een klachtprocedure (College voor de Rechten van de Mens)');
    assert.match(history[11].what, /^Afgesloten: Brief aan de wederpartij of interventie \(hoor en wederhoor\); Ondersteuning bij een klachtprocedure — Resultaat: Opgelost$/);
    assert.equal(history[11].text, 'Excuses ontvangen.');
    assert.equal(await auditCount(server, 'case.step'), 6);
    assert.equal(await auditCount(server, 'case.close'), 1);
    assert.equal(await auditCount(server, 'case.action'), 2);

    // Closed: only reopening or archiving; no actions.
    assert.deepEqual(r.page.offered('step'), ['evaluation', 'archived']);
    assert.deepEqual(r.page.offered('action'), []);
    const late = await post(server, jars.handler, link, 'actie', { action: 'information_advice', text: 'Nog advies.' });
    assert.equal(late.status, 422);
    assert.match(late.page.error, /Deze zaak is afgesloten\. Heropen de zaak eerst\./);

    // Reopening clears the handling and the outcome; the reporter sees it in progress again.
    r = await post(server, jars.handler, link, 'stap', { step: 'evaluation', text: 'De werkgever reageerde alsnog.' });
    assert.equal(r.status, 303);
    assert.match(r.page.done, /De zaak is heropend\./);
    assert.equal(r.page.step, 'evaluation');
    assert.equal(r.page.handlings, undefined);
    assert.equal(r.page.outcome, undefined);
    assert.equal(r.page.reporterStatus, 'in_progress');
    assert.equal(r.page.history.at(-1).kind, 'reopened');
    assert.equal((await followUp(server, sent.receipt)).status, 'in_progress');
    assert.equal(Number(await sql(server, `SELECT COUNT(*) FROM report_handlings WHERE report_id = ${Number(link.split('/').at(-1))}`).then((x) => x[0])), 0);

    r = await post(server, jars.handler, link, 'afsluiten', { handlings: ['intervention'], outcome: 'partly_resolved' });
    assert.equal(r.status, 303);
    r = await post(server, jars.handler, link, 'stap', { step: 'archived' });
    assert.equal(r.status, 303);
    assert.match(r.page.done, /De zaak is gearchiveerd\./);
    assert.equal(r.page.step, 'archived');
    assert.equal(r.page.handlings, 'intervention', 'an archived case keeps how it closed');
    assert.equal(r.page.version, undefined, 'an archived case offers no forms');
    const version = await sql(server, `SELECT case_version FROM reports WHERE id = ${Number(link.split('/').at(-1))}`);
    for (const [form, fields] of [['stap', { step: 'evaluation' }], ['notitie', { text: 'Nog iets.' }], ['afsluiten', { handlings: ['advice'], outcome: 'resolved' }]]) {
      const refused = await postForm(jars.handler, `${server.url}${link}/${form}`, { csrf: r.page.csrf, case_version: version[0], ...fields });
      assert.equal(refused.status, 422, form);
      assert.match(readCase(refused.html).error, /gearchiveerd/, form);
    }
  });

  test('a step the protocol does not allow, posted directly, is refused with the reason and changes nothing', async () => {
    const { link } = await report(server, complaint());
    const page = await openCase(server, jars.handler, link);
    for (const [step, reason] of [
      ['archived', /Het protocol staat deze stap niet toe vanuit de stap waarin de zaak staat\./],
      ['closed', /Een zaak sluit u af met het afsluitformulier/],
      ['received', /De zaak staat al in deze stap\./],
      ['gesloten', /Kies de volgende stap\./],
    ]) {
      const r = await post(server, jars.handler, link, 'stap', { step }, page);
      assert.equal(r.status, 422, step);
      assert.match(r.page.error, reason, step);
      assert.equal(r.page.step, 'received');
    }
    const after = await openCase(server, jars.handler, link);
    assert.equal(after.version, page.version);
    assert.deepEqual(after.history, []);
    // The same request without a version, or with a wrong token, is refused before any rule.
    assert.equal((await postForm(jars.handler, `${server.url}${link}/stap`, { csrf: page.csrf, step: 'first_analysis' })).status, 400);
    assert.equal((await postForm(jars.handler, `${server.url}${link}/stap`, { csrf: 'fout', case_version: page.version, step: 'first_analysis' })).status, 403);
  });

  test('anonymous about an incident: no letter and no mediation, with the reason; about a policy: own initiative', async () => {
    const incident = await report(server, complaint({ scope: 'incident' }));
    const page = await openCase(server, jars.handler, incident.link);
    const refusals = Object.fromEntries(elements(page.html, 'li', (a) => a['data-action']).map((li) => [li.attrs['data-action'], li.attrs['data-refusal']]));
    assert.equal(refusals.letter_to_other_party, 'anonymous_individual');
    assert.equal(refusals.mediation_session, 'anonymous_individual');
    assert.ok(!page.offered('action').includes('letter_to_other_party'), 'not offered');
    for (const action of ['letter_to_other_party', 'mediation_session']) {
      const r = await post(server, jars.handler, incident.link, 'actie', { action, text: 'Toch proberen.' }, page);
      assert.equal(r.status, 422, action);
      assert.match(r.page.error, /De melder is anoniem en de melding gaat over een individueel voorval\. Een brief aan de wederpartij of bemiddeling is niet mogelijk/);
    }
    assert.deepEqual((await openCase(server, jars.handler, incident.link)).history, [], 'nothing recorded');

    const policy = await report(server, complaint({ scope: 'policy', description: 'Het beleid van de gemeente sluit hoofddoeken uit bij baliewerk.' }));
    const policyPage = await openCase(server, jars.handler, policy.link);
    assert.ok(policyPage.offered('action').includes('own_initiative'));
    const letter = await post(server, jars.handler, policy.link, 'actie', { action: 'letter_to_other_party', text: 'Brief aan de gemeente.' }, policyPage);
    assert.equal(letter.status, 422);
    assert.match(letter.page.error, /Spreek eerst de aanpak af met de melder/, 'about a policy the step decides, not anonymity');
    const own = await post(server, jars.handler, policy.link, 'actie', { action: 'own_initiative', text: 'Gesprek met de gemeente aangevraagd.' });
    assert.equal(own.status, 303, own.page.error);
    assert.equal(own.page.history.at(-1).what, 'Actie: Eigen actie van het bureau');
    assert.equal(own.page.history.at(-1).text, 'Gesprek met de gemeente aangevraagd.');
  });

  test('closing needs a handling code, "registration only" alone, and an outcome; what was ticked stays', async () => {
    const { link } = await report(server, complaint());
    const page = await openCase(server, jars.handler, link);
    assert.deepEqual(page.checked('handlings'), [], 'a complaint on which nothing was done: nothing is ticked');
    let r = await post(server, jars.handler, link, 'afsluiten', { outcome: 'resolved' }, page);
    assert.equal(r.status, 422);
    assert.match(r.page.error, /Kies ten minste één afhandelingscode\./);
    r = await post(server, jars.handler, link, 'afsluiten', { handlings: ['registration_only', 'advice'], outcome: 'registration_only' }, page);
    assert.equal(r.status, 422);
    assert.match(r.page.error, /"Alleen registratie" kan niet samen met een andere afhandelingscode\./);
    assert.deepEqual(r.page.checked('handlings').sort(), ['advice', 'registration_only'], 'the ticks stay');
    assert.deepEqual(r.page.checked('outcome'), ['registration_only']);
    r = await post(server, jars.handler, link, 'afsluiten', { handlings: ['advice'], outcome: 'referred' }, page);
    assert.equal(r.status, 422);
    assert.match(r.page.error, /Het resultaat past niet bij de afhandeling/);
    r = await post(server, jars.handler, link, 'afsluiten', { handlings: ['advice'] }, page);
    assert.match(r.page.error, /Kies een resultaat\./);
    assert.equal((await openCase(server, jars.handler, link)).step, 'received', 'nothing changed');
    r = await post(server, jars.handler, link, 'afsluiten', { handlings: ['registration_only'], outcome: 'registration_only' }, page);
    assert.equal(r.status, 303);
    assert.equal(r.page.step, 'closed');
    assert.equal(r.page.handlings, 'registration_only');

    // A melding for registration only was closed by the system; it can be reopened like any case.
    const melding = await report(server, validReport());
    const closed = await openCase(server, jars.handler, melding.link);
    assert.equal(closed.step, 'closed');
    assert.equal(byId(closed.html, 'kind', ['dd']).text, 'Melding (alleen registratie)');
    assert.deepEqual(closed.history.map((e) => [e.kind, e.who]), [['closed', 'het systeem']]);
    assert.deepEqual(closed.offered('step'), ['evaluation', 'archived']);
  });

  test('two browsers: the form made for an older version is refused as "changed meanwhile", and nothing is overwritten', async () => {
    const { link } = await report(server, complaint());
    const mine = await openCase(server, jars.handler, link);
    const theirs = await openCase(server, jars.coordinator, link);
    const first = await post(server, jars.coordinator, link, 'stap', { step: 'first_analysis' }, theirs);
    assert.equal(first.status, 303);
    const stale = await post(server, jars.handler, link, 'afsluiten', { handlings: ['registration_only'], outcome: 'registration_only', text: 'Niets te doen.' }, mine);
    assert.equal(stale.status, 409);
    assert.match(stale.page.error, /Een collega heeft deze zaak intussen gewijzigd, daarom is er niets opgeslagen\./);
    assert.match(stale.page.html, /Deze zaak is intussen gewijzigd/);
    assert.equal(stale.page.step, 'first_analysis', "the page shows the colleague's change");
    assert.match(stale.page.html, />Niets te doen\.<\/textarea>/, 'what was typed stays');
    assert.notEqual(stale.page.version, mine.version, 'the form now carries the new version');
    const now = await openCase(server, jars.handler, link);
    assert.equal(now.step, 'first_analysis');
    assert.deepEqual(now.history.map((e) => e.kind), ['step']);
    // The same note twice from one stale page: the second is refused.
    const note = await post(server, jars.handler, link, 'notitie', { text: 'Eerste notitie.' }, now);
    assert.equal(note.status, 303);
    const again = await post(server, jars.handler, link, 'notitie', { text: 'Eerste notitie.' }, now);
    assert.equal(again.status, 409);
    assert.equal((await openCase(server, jars.handler, link)).history.filter((e) => e.kind === 'note').length, 1);
  });

  test('roles: intake may not handle; a coordinator assigns within the bureau; a handler only takes an unassigned case', async () => {
    const { link, reference } = await report(server, complaint());
    const seen = await openCase(server, jars.intake, link);
    assert.equal(seen.status, 200, 'intake reads the case');
    assert.equal(seen.version, undefined, 'and gets no forms');
    for (const [form, fields] of [['stap', { step: 'first_analysis' }], ['actie', { action: 'information_advice', text: 'x' }], ['notitie', { text: 'x' }], ['toewijzen', { handler: ids.intake }]]) {
      const refused = await postForm(jars.intake, `${server.url}${link}/${form}`, { csrf: seen.csrf, case_version: '0', ...fields });
      assert.equal(refused.status, 403, form);
    }

    const page = await openCase(server, jars.coordinator, link);
    const options = tags(page.html, 'option').filter((t) => t.attrs.value !== undefined).map((t) => t.attrs.value);
    const select = elements(page.html, 'select', (a) => a.name === 'handler')[0];
    assert.ok(select, 'a coordinator chooses from a list');
    const offered = tags(select.html, 'option').map((t) => t.attrs.value).filter(Boolean).sort();
    assert.deepEqual(offered, [ids.coordinator, ids.handler, ids.colleague].sort(), 'handlers of this bureau only');
    assert.ok(options.length > 0);
    for (const who of ['elsewhere', 'intake']) {
      const refused = await post(server, jars.coordinator, link, 'toewijzen', { handler: ids[who] }, page);
      assert.equal(refused.status, 422, who);
      assert.match(refused.page.error, /Kies een behandelaar van dit bureau\./);
    }
    let r = await post(server, jars.coordinator, link, 'toewijzen', { handler: ids.handler }, page);
    assert.equal(r.status, 303);
    assert.equal(r.page.assignee, USERS.handler[0]);
    assert.equal(r.page.history.at(-1).what, `Toegewezen: ${USERS.handler[0]}`);

    // "My cases" for the handler shows it, with its step and handler; the colleague's does not.
    const mine = await jars.handler.fetch(`${server.url}/medewerkers/meldingen?mijn=1`);
    const mineHtml = await mine.text();
    assert.match(mineHtml, /<h1>Mijn zaken<\/h1>/);
    const row = elements(mineHtml, 'tr').find((tr) => tr.text.includes(reference));
    assert.ok(row, 'my case is on my list');
    assert.match(row.text, /Ontvangen/);
    assert.match(row.text, new RegExp(USERS.handler[0].replace('.', '\\.')));
    const colleague = await (await jars.colleague.fetch(`${server.url}/medewerkers/meldingen?mijn=1`)).text();
    assert.ok(!colleague.includes(reference));
    assert.ok((await reportRows(server.url, jars.colleague)).rows.some((r) => r.text.includes(reference)), 'but on the list of the bureau');

    // A handler may not take a colleague's case, nor hand it to someone else.
    const colleaguePage = await openCase(server, jars.colleague, link);
    assert.ok(!colleaguePage.html.includes('Deze zaak oppakken'), 'no offer to take an assigned case');
    for (const handler of [ids.colleague, ids.handler, '']) {
      const refused = await post(server, jars.colleague, link, 'toewijzen', { handler }, colleaguePage);
      assert.equal(refused.status, 403, `to ${handler || 'nobody'}`);
    }
    assert.equal((await openCase(server, jars.coordinator, link)).assignee, USERS.handler[0], 'unchanged');
    // A handler of another bureau does not see the case at all.
    const own = await getForm(jars.elsewhere, `${server.url}/medewerkers/meldingen`);
    assert.equal((await postForm(jars.elsewhere, `${server.url}${link}/stap`, { csrf: own.csrf, case_version: '1', step: 'first_analysis' })).status, 404);
    r = await post(server, jars.coordinator, link, 'toewijzen', { handler: '' });
    assert.equal(r.status, 303);
    assert.equal(r.page.assignee, '');
    assert.equal(r.page.history.at(-1).what, 'Toegewezen: niemand');
  });

  test('a note is for colleagues: the reporter never sees it, a message they do', async () => {
    const sent = await report(server, complaint({ description: 'Notitietest.' }));
    const note = 'Interne notitie: melder klinkt bang, voorzichtig benaderen.';
    const r = await post(server, jars.handler, sent.link, 'notitie', { text: note });
    assert.equal(r.status, 303);
    assert.match(r.page.done, /Uw notitie is opgeslagen\./);
    assert.equal(r.page.history.at(-1).text, note);
    const empty = await post(server, jars.handler, sent.link, 'notitie', { text: '   ' });
    assert.equal(empty.status, 422);
    assert.match(empty.page.error, /Schrijf eerst uw notitie\./);
    const long = await post(server, jars.handler, sent.link, 'notitie', { text: 'x'.repeat(5001) });
    assert.equal(long.status, 422);
    const message = await postForm(jars.handler, `${server.url}${sent.link}/bericht`, { csrf: r.page.csrf, message: 'Wij nemen contact met u op.' });
    assert.equal(message.status, 303);
    const reporter = await followUp(server, sent.receipt);
    assert.ok(!reporter.html.includes('Interne notitie'), 'no note on the follow-up page');
    assert.ok(!reporter.html.includes('voorzichtig'), 'nothing of it');
    assert.match(reporter.html, /Wij nemen contact met u op\./);
    const stored = await sql(server, 'SELECT text_enc FROM case_events WHERE text_enc IS NOT NULL');
    assert.ok(stored.length > 0 && stored.every((t) => t.startsWith('v1:') && !t.includes('notitie')), 'notes are encrypted at rest');
  });

  test('deadlines: first contact runs over after two weeks and is met by the first message', async () => {
    const { link } = await report(server, complaint({ description: 'Termijntest.' }));
    let page = await openCase(server, jars.handler, link);
    assert.equal(page.deadlines.receipt_confirmation, 'met');
    assert.equal(page.deadlines.first_contact, 'ok');
    await writeFile(offsetFile, String(15 * 86_400));
    // Sessions idle for two weeks have ended: log in again, on the moved clock.
    const jar = await staffLogin(server.url, USERS.handler[0], PASSWORD);
    page = await openCase(server, jar, link);
    assert.equal(page.deadlines.first_contact, 'overdue');
    assert.match(page.html, /<tr data-deadline="first_contact" data-state="overdue"[^>]*>\s*<th scope="row">Eerste contact met de melder<\/th>/);
    await postForm(jar, `${server.url}${link}/bericht`, { csrf: page.csrf, message: 'Excuses voor het late antwoord.' });
    page = await openCase(server, jar, link);
    assert.equal(page.deadlines.first_contact, 'met');
    await writeFile(offsetFile, '0');
  });
});
