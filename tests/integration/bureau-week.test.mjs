// A week at the bureau (issue 4, "done when"): a coordinator and two handlers take in a week of
// reports from every channel, handle them to closure along the protocol, and an admin shows who
// saw which case, without leaving meldpunt. One server; its clock is moved through the Dutch
// working days of one week (Monday to Friday) with the clock offset file. Everything is done the
// way people do it: pages are opened, their forms (with the anti-forgery token and the case
// version they carry) are posted, and what the page then shows is checked. The reporters follow
// their reports on the public follow-up page with their receipt codes.
//
// The cast: an admin (bureau_admin), a coordinator, and the handlers Anna and Bram. Bram works
// from "Mijn zaken" only and never opens Fatima's case (the first report of the week, so the
// lowest number): the audit log of her case must not name him. A listing of the whole bureau
// counts as a look at every case in its range of numbers (docs/design.md), so that is a rule of
// the scenario, not a shortcut.
//
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CookieJar, getForm, postForm, serverNow, startServer } from './harness.mjs';
import { byClass, byId, elements, inputs, selectOptions, tableRows, tags, textOf } from './html.mjs';
import { nextStaffCode, reportWithEmail, staffLogin, validReport } from './flows.mjs';

const run = promisify(execFile);
const DAY = 86_400;
const PASSWORD = 'lang-genoeg-wachtwoord-77';
const STAFF = {
  admin: ['beheer@adv-week.example', 'bureau_admin'],
  coordinator: ['coordinator@adv-week.example', 'coordinator'],
  anna: ['anna@adv-week.example', 'handler'],
  bram: ['bram@adv-week.example', 'handler'],
};
const email = (who) => STAFF[who][0];

// ---------------------------------------------------------------------------------------------
// The calendar: Dutch days and times, and the week the scenario plays in.

const dutchParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', hourCycle: 'h23',
});

/** The Dutch calendar day (YYYY-MM-DD), weekday and hour of a Unix time. */
function amsterdam(unix) {
  const p = Object.fromEntries(dutchParts.formatToParts(new Date(unix * 1000)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday, hour: Number(p.hour) };
}

/** YYYY-MM-DD plus n days. */
function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The Unix time of a Dutch wall-clock hour on a day (CET or CEST). */
function dutchTimeOf(iso, hour, minute = 0) {
  const [y, m, d] = iso.split('-').map(Number);
  let t = Date.UTC(y, m - 1, d, hour, minute) / 1000 - 3600;
  if (amsterdam(t).hour !== hour) t -= 3600;
  return t;
}

/**
 * The Monday of the week the scenario plays: the first one after today whose week, and the three
 * weeks before it (a letter received earlier), lie in one year, so the figures of one year hold
 * every report.
 */
function chooseMonday() {
  let iso = amsterdam(Date.now() / 1000 + DAY).date;
  for (;;) {
    const monday = amsterdam(dutchTimeOf(iso, 12)).weekday === 'Mon';
    if (monday && addDays(iso, -21).slice(0, 4) === addDays(iso, 6).slice(0, 4)) return iso;
    iso = addDays(iso, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading pages.

/** The hidden fields of the form posting to `action` (its token, case version, …). */
function hiddenFields(html, action) {
  const [form] = elements(html, 'form', (a) => a.action === action);
  assert.ok(form, `the page has a form posting to ${action}`);
  return Object.fromEntries(tags(form.html, 'input').filter((t) => t.attrs.type === 'hidden').map((t) => [t.attrs.name, t.attrs.value]));
}

/** The case page as staff see it. */
function readCase(html) {
  const dd = (id, name) => byId(html, id, ['dd'])?.attrs[name];
  const deadlines = Object.fromEntries(tags(html, 'tr').filter((t) => t.attrs['data-deadline'])
    .map((t) => [t.attrs['data-deadline'], t.attrs['data-state']]));
  return {
    html,
    step: dd('case-step', 'data-step'),
    kind: dd('kind', 'data-kind'),
    channel: dd('channel', 'data-channel'),
    registeredBy: byId(html, 'registered-by', ['dd'])?.text,
    assignee: dd('case-assignee', 'data-assignee'),
    consent: dd('case-consent', 'data-consent'),
    anonymous: dd('case-anonymous', 'data-anonymous'),
    reporterStatus: dd('status', 'data-status'),
    handlings: dd('case-handlings', 'data-handlings'),
    outcome: dd('case-outcome', 'data-outcome'),
    error: byId(html, 'case-error', ['div'])?.text,
    done: byId(html, 'case-done', ['div'])?.text,
    deadlines,
    // The whole row of each deadline as read: what, due by the end of, state (and when met).
    deadlineRows: Object.fromEntries(elements(html, 'tr', (a) => a['data-deadline']).map((r) => [r.attrs['data-deadline'], r.text])),
    history: elements(html, 'li', (a) => a.class === 'case-event').map((e) => ({ kind: e.attrs['data-kind'], code: e.attrs['data-code'], text: e.text })),
    messages: elements(html, 'li', (a) => a['data-author']).map((m) => ({ author: m.attrs['data-author'], text: m.text })),
    offered: (name) => inputs(html, name).map((a) => a.value),
  };
}

/** The deadlines page: counts and rows ({ handler group, reference, kind, state }). */
function readDeadlines(html) {
  const count = (name) => Number(elements(html, 'strong', (a) => a['data-count'] === name)[0]?.text);
  const rows = elements(html, 'table', (a) => (a.class ?? '').split(' ').includes('deadlines')).flatMap((t) =>
    elements(t.html, 'tr', (a) => a['data-reference']).map((r) => ({
      group: t.attrs['data-handler'], reference: r.attrs['data-reference'], kind: r.attrs['data-kind'], state: r.attrs['data-state'],
    })));
  return { overdue: count('overdue'), dueSoon: count('due_soon'), rows };
}

/** The rows of the list of reports: reference -> { link, kind, step, assignee }. */
function readList(html) {
  const rows = (tableRows(html, 'reports') ?? []).filter((r) => /MP-\d{4}-\d{6}/.test(r.text));
  return new Map(rows.map((r) => {
    const a = elements(r.html, 'a')[0];
    const cell = (cls) => r.cells.find((c) => c.attrs.class === cls);
    return [a.text, { link: a.attrs.href, kind: cell('kind').attrs['data-kind'], step: cell('step').attrs['data-step'], assignee: cell('assignee').text }];
  }));
}

/** The entries of the audit log page: [{ id, action, staff, case, detail }]. */
function readLog(html) {
  return (tableRows(html, 'audit-log') ?? []).filter((r) => r.attrs['data-id']).map((r) => {
    const cell = (col) => r.cells.find((c) => c.attrs['data-col'] === col)?.text ?? '';
    return { id: Number(r.attrs['data-id']), action: r.attrs['data-action'], staff: cell('staff'), case: cell('case'), detail: cell('detail') };
  });
}

/** CSV (quoted cells, CRLF rows) to arrays. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

/** The text of a PDF, through pdftotext (poppler-utils), white space collapsed. */
async function pdfText(bytes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-week-pdf-'));
  try {
    const file = path.join(dir, 'brief.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text without white space or hyphens: a PDF may break lines and words anywhere. */
const squash = (text) => text.replace(/[\s\u00ad-]+/g, '');

// ---------------------------------------------------------------------------------------------

describe('a week at the bureau', () => {
  let server;
  let clockDir;
  let clockFile;
  let monday; // YYYY-MM-DD
  const jars = {};
  const reports = {}; // name -> { reference, link, receipt }

  const url = (p) => new URL(p, server.url).toString();
  const day = (n) => addDays(monday, n - 1);

  /** Move the server's clock to a Dutch time on day n of the week (1 = Monday); only forward. */
  async function clockTo(n, hour = 9, minute = 0) {
    const target = dutchTimeOf(day(n), hour, minute);
    assert.ok(target > serverNow(server.url), 'the clock only moves forward');
    // Written whole and then renamed: the server never reads a half-written file.
    const tmp = `${clockFile}.tmp`;
    // Rounded up: the server is never before the target, however soon it is asked.
    await writeFile(tmp, String(Math.ceil(target - Date.now() / 1000)));
    await rename(tmp, clockFile);
  }

  /** A new working day: the clock moves (yesterday's sessions have ended), and people log in. */
  async function morning(n, ...who) {
    await clockTo(n);
    for (const name of who) {
      // Yesterday's session ended while idle overnight.
      if (jars[name]) assert.equal((await jars[name].fetch(url('/medewerkers/meldingen?mijn=1'))).status, 303, `${name}'s session ended`);
      jars[name] = await staffLogin(server.url, email(name), PASSWORD);
    }
  }

  // --- the public ----------------------------------------------------------------------------

  /** A reporter sends the public form as a browser does: { reference, receipt }. */
  async function reportOnline(fields) {
    const jar = new CookieJar();
    const form = await getForm(jar, url('/melden'));
    assert.equal(form.status, 200);
    const key = inputs(form.html, 'submission_key')[0].value;
    const res = await postForm(jar, url('/melden'), { csrf: form.csrf, submission_key: key, ...fields });
    assert.equal(res.status, 303, res.html.slice(0, 1500));
    const page = await (await jar.fetch(url(res.location))).text();
    const reference = byClass(page, 'strong', 'reference')[0]?.text;
    const groups = byClass(page, 'span', 'receipt-group').map((g) => g.text);
    assert.match(reference, /^MP-\d{4}-\d{6}$/);
    assert.equal(groups.length, 5, 'the receipt code is shown on the confirmation');
    return { reference, receipt: groups.join(' ') };
  }

  /** A reporter signs in at /melden/volgen with their receipt code: the page as data. */
  async function followUp(receipt) {
    const jar = new CookieJar();
    const form = await getForm(jar, url('/melden/volgen'));
    const signIn = await postForm(jar, url('/melden/volgen'), { csrf: form.csrf, receipt });
    assert.equal(signIn.status, 303, `the receipt code is taken: ${signIn.status}`);
    const page = await getForm(jar, url('/melden/volgen'));
    assert.equal(page.status, 200);
    return {
      jar,
      page,
      reference: byClass(page.html, 'dd', 'reference')[0]?.text,
      status: byId(page.html, 'status', ['dd'])?.attrs['data-status'],
      messages: elements(page.html, 'li', (a) => a['data-author']).map((m) => ({ author: m.attrs['data-author'], text: m.text })),
    };
  }

  // --- staff ---------------------------------------------------------------------------------

  /** A staff member registers a report that came in another way: the confirmation as data. */
  async function register(who, fields) {
    const form = await getForm(jars[who], url('/medewerkers/registreren'));
    assert.equal(form.status, 200);
    const key = inputs(form.html, 'submission_key')[0].value;
    const res = await postForm(jars[who], url('/medewerkers/registreren'), { csrf: form.csrf, submission_key: key, ...fields });
    assert.equal(res.status, 200, res.html.slice(0, 3000));
    const reference = byClass(res.html, 'strong', 'reference')[0]?.text;
    const groups = byClass(res.html, 'span', 'receipt-group').map((g) => g.text);
    assert.match(reference, /^MP-\d{4}-\d{6}$/);
    assert.equal(groups.length, 5, 'the receipt code is shown to pass on');
    assert.match(textOf(res.html), /Deze code wordt alleen nu getoond\./);
    const link = elements(res.html, 'a', (a) => a.id === 'open-report')[0]?.attrs.href;
    assert.ok(link, 'a link to the case');
    return { reference, receipt: groups.join(' '), link, closed: Boolean(byId(res.html, 'closed-note', ['p'])) };
  }

  /** The list of reports (the whole bureau's, or ?mijn=1): reference -> row. */
  async function list(who, mine = false) {
    const res = await jars[who].fetch(url(`/medewerkers/meldingen${mine ? '?mijn=1' : ''}`));
    assert.equal(res.status, 200);
    const html = await res.text();
    if (mine) assert.match(html, /<h1>Mijn zaken<\/h1>/);
    return readList(html);
  }

  /** Open a case page. */
  async function open(who, link) {
    const res = await jars[who].fetch(url(link));
    assert.equal(res.status, 200, `${who} opens ${link}`);
    return { link: new URL(link, server.url).pathname, ...readCase(await res.text()) };
  }

  /**
   * Post one of the case page's forms from the page as it was shown (with its token and case
   * version) and land where it leads: the case page with the confirmation. With expect other
   * than 303, the page that came back (422: with the reason).
   */
  async function submit(who, page, form, fields, expect = 303) {
    const action = `${page.link}/${form}`;
    const res = await postForm(jars[who], url(action), { ...hiddenFields(page.html, action), ...fields });
    if (expect !== 303) {
      assert.equal(res.status, expect, `${form} ${JSON.stringify(fields)}: ${res.status}`);
      return { link: page.link, ...readCase(res.html) };
    }
    assert.equal(res.status, 303, `${who}: ${form} ${JSON.stringify(fields)}: ${res.status} ${readCase(res.html).error ?? res.html.slice(0, 500)}`);
    const next = await open(who, res.location);
    assert.ok(next.done, `${form}: a confirmation (role=status) after ${res.location}`);
    return next;
  }

  /** Walk a case along protocol steps; each must be offered by the page before it is taken. */
  async function steps(who, page, ...codes) {
    for (const step of codes) {
      assert.ok(page.offered('step').includes(step), `${step} is offered from ${page.step} (${page.offered('step')})`);
      page = await submit(who, page, 'stap', { step, text: `Naar de stap ${step}.` });
      assert.equal(page.step, step);
    }
    return page;
  }

  /** The coordinator assigns a case to a handler, chosen by e-mail address in the page's list. */
  async function assign(page, who) {
    const option = selectOptions(page.html, 'handler').find((o) => o.text === email(who));
    assert.ok(option, `${email(who)} can be chosen`);
    const next = await submit('coordinator', page, 'toewijzen', { handler: option.value });
    assert.equal(next.assignee, email(who));
    return next;
  }

  /** Write to the reporter from the case page; the message shows in the thread. */
  async function writeToReporter(who, page, message) {
    const action = `${page.link}/bericht`;
    const res = await postForm(jars[who], url(action), { ...hiddenFields(page.html, action), message });
    assert.equal(res.status, 303);
    const next = await open(who, res.location);
    assert.match(textOf(next.html), /Uw bericht aan de melder is opgeslagen\./);
    assert.ok(next.messages.some((m) => m.author === 'bureau' && m.text.includes(message)));
    return next;
  }

  /** The deadlines page of a staff member (optionally ?behandelaar=…). */
  async function deadlinesOf(who, query = '') {
    const res = await jars[who].fetch(url(`/medewerkers/termijnen${query}`));
    assert.equal(res.status, 200);
    return readDeadlines(await res.text());
  }

  /** The letters page of a case. */
  async function letterPage(who, link) {
    const page = await getForm(jars[who], url(`${link}/brief`));
    assert.equal(page.status, 200);
    return page;
  }

  /** The letter form as the handler fills it in (the reply date suggested, unless given). */
  function letterFields(page, link, action, replyBy = inputs(page.html, 'reply_by')[0].value) {
    return {
      ...hiddenFields(page.html, `${link}/brief`),
      other_party_name: 'Uitzendbureau Snelwerk B.V.',
      other_party_address: 'Stationsplein 4\n1012 AB Amsterdam',
      summary: 'Op de genoemde datum werd een kandidaat afgewezen met de opmerking dat een hoofddoek niet past bij de klanten van het bureau.',
      lang: 'nl',
      reply_by: replyBy,
      signed_by: 'Anna de Wit',
      action,
    };
  }

  before(async () => {
    monday = chooseMonday();
    clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-week-'));
    clockFile = path.join(clockDir, 'clock-offset');
    await writeFile(clockFile, '0');
    server = await startServer({ env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile, MELDPUNT_FOLLOWUP_BURST: '0' } });
    for (const [name, [address, role]] of Object.entries(STAFF)) {
      const r = await server.run(['user', 'add', '--email', address, '--role', role], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    }
  });
  after(async () => {
    await server?.stop();
    if (clockDir) await rm(clockDir, { recursive: true, force: true });
  });

  test('Monday: reports come in online and by letter; the coordinator assigns them; a deadline is near', async () => {
    await clockTo(1);
    assert.equal(amsterdam(serverNow(server.url)).weekday, 'Mon');
    // First logins of the week: each sets up the authenticator app.
    for (const name of ['coordinator', 'anna', 'bram']) jars[name] = await staffLogin(server.url, email(name), PASSWORD);

    // Fatima reports online, by name, and asks for a letter to the employment agency.
    reports.fatima = await reportOnline(reportWithEmail('fatima@example.nl', {
      contact_name: 'Fatima El Amrani', wishes: ['letter', 'advice'], incident_date: day(-4),
      description: 'Het uitzendbureau zei dat ik met mijn hoofddoek niet bij hun klanten kon werken.',
      incident_municipality: 'GM0363', residence_municipality: 'GM0363',
    }));
    // Someone saw graffiti in the tram and only wants it registered (a melding, not a klacht).
    reports.tram = await reportOnline(validReport({
      reporter_role: 'witness', nature: 'damage', grounds: ['origin'], domain: 'public_space', incident_date: day(0),
      description: 'Racistische tekst op een stoel in tram 12.', incident_municipality: 'GM0344', residence_municipality: 'GM0344',
    }));
    // A letter that arrived twelve days ago is registered now by the coordinator.
    const letter = await register('coordinator', validReport({
      channel: 'letter', received_date: day(-11), anonymous: 'no', contact_name: 'Jan de Boer', contact_phone: '06 12345678',
      reporter_role: 'victim', nature: 'unequal_treatment', grounds: ['age'], domain: 'housing', incident_date: day(-20), wishes: ['advice'],
      description: 'De woningcorporatie wil mij geen woning geven omdat ik ouder dan 70 ben.',
      incident_municipality: 'GM0599', residence_municipality: 'GM0599',
    }));
    assert.equal(letter.closed, false);
    reports.letter = letter;

    // The coordinator looks at the new reports of the bureau.
    const rows = await list('coordinator');
    for (const name of ['fatima', 'tram', 'letter']) assert.ok(rows.has(reports[name].reference), `${name} is on the list`);
    reports.fatima.link = rows.get(reports.fatima.reference).link;
    reports.tram.link = rows.get(reports.tram.reference).link;
    assert.equal(rows.get(reports.letter.reference).link, letter.link);
    assert.deepEqual([...rows.values()].map((r) => [r.kind, r.step]).sort(), [['complaint', 'received'], ['complaint', 'received'], ['report', 'closed']]);
    // Fatima's report is the first of the week: the lowest number, so no listing by number of
    // another handler's cases can reach it.
    const number = (name) => Number(reports[name].link.split('/').at(-1));
    assert.ok(number('fatima') < number('tram') && number('fatima') < number('letter'));

    // The melding for registration only was closed at once, with that handling.
    const tram = await open('coordinator', reports.tram.link);
    assert.equal(tram.kind, 'report');
    assert.equal(tram.step, 'closed');
    assert.equal(tram.handlings, 'registration_only');
    assert.equal(tram.outcome, 'registration_only');

    // The letter: channel, who registered it, and the receipt code is not on the case page.
    let page = await open('coordinator', letter.link);
    assert.equal(page.channel, 'letter');
    assert.ok(page.registeredBy.startsWith(`${email('coordinator')}, `), page.registeredBy);
    assert.ok(!page.html.includes(letter.receipt.replace(/ /g, '')) && !page.html.includes(letter.receipt), 'the receipt code was shown once');
    assert.equal(page.deadlines.first_contact, 'due_soon', 'received twelve days ago: first contact is due within days');
    // Receipt is confirmed when the letter is registered, today: late, and the record says so.
    assert.equal(page.deadlines.receipt_confirmation, 'met');
    assert.match(page.deadlineRows.receipt_confirmation, new RegExp(`^Ontvangst bevestigd ${day(-11)} Gedaan \\(${day(1)} 09:\\d\\d\\)$`));

    // The deadlines of the whole bureau: the letter, not yet assigned.
    const all = await deadlinesOf('coordinator');
    assert.deepEqual(all.rows, [{ group: 'geen', reference: letter.reference, kind: 'first_contact', state: 'due_soon' }]);
    assert.equal(all.dueSoon, 1);
    assert.equal(all.overdue, 0);

    // Assignments: Fatima's case to Anna, the letter to Bram.
    await assign(await open('coordinator', reports.fatima.link), 'anna');
    page = await assign(page, 'bram');
    assert.equal((await deadlinesOf('coordinator', '?behandelaar=geen')).rows.length, 0, 'nothing unassigned is due');

    // Each handler finds their own case under "Mijn zaken", and their deadlines.
    assert.deepEqual([...(await list('anna', true)).keys()], [reports.fatima.reference]);
    assert.deepEqual([...(await list('bram', true)).keys()], [letter.reference]);
    assert.deepEqual((await deadlinesOf('bram')).rows.map((r) => [r.reference, r.state]), [[letter.reference, 'due_soon']]);
    assert.deepEqual((await deadlinesOf('anna')).rows, []);

    // Anna starts on Fatima's case: first analysis, a message to Fatima, a note for colleagues.
    page = await open('anna', (await list('anna', true)).get(reports.fatima.reference).link);
    assert.equal(page.step, 'received');
    assert.equal(page.anonymous, 'no');
    assert.equal(page.deadlines.first_contact, 'ok');
    page = await steps('anna', page, 'first_analysis');
    page = await writeToReporter('anna', page, 'Dank voor uw melding. Wanneer kunnen wij u bellen voor een intakegesprek?');
    assert.equal(page.deadlines.first_contact, 'met', 'the first message is the first contact');
    page = await submit('anna', page, 'notitie', { text: 'Mogelijk meer meldingen over dit uitzendbureau: navragen bij collega’s.' });
    assert.equal(page.history.at(-1).kind, 'note');
  });

  test('Tuesday: an anonymous complaint online and a phone call; a letter to the other party with consent', async () => {
    await morning(2, 'coordinator', 'anna', 'bram');

    // An anonymous neighbour complaint online, asking for advice.
    reports.neighbour = await reportOnline(validReport({
      wishes: ['advice'], nature: 'hostile_treatment', grounds: ['sexual_orientation'], domain: 'neighbourhood', incident_date: day(1),
      description: 'Mijn buren schelden mij en mijn vriend steeds uit als wij thuiskomen.', incident_municipality: 'GM0518', residence_municipality: 'GM0518',
    }));
    // Anna takes a phone call: a remark on the radio, to be registered only.
    const phone = await register('anna', validReport({
      channel: 'phone', reporter_role: 'observation', nature: 'public_statement', grounds: ['origin.anti_black'], domain: 'media',
      incident_date: day(1), wishes: ['registration_only'], description: 'Een presentator maakte op de radio een racistische grap.',
      incident_municipality: 'none', residence_municipality: 'GM0363',
    }));
    assert.equal(phone.closed, true, 'registration only: closed at once');
    reports.phone = phone;
    const phonePage = await open('anna', phone.link);
    assert.deepEqual([phonePage.channel, phonePage.kind, phonePage.step, phonePage.handlings], ['phone', 'report', 'closed', 'registration_only']);

    const rows = await list('coordinator');
    reports.neighbour.link = rows.get(reports.neighbour.reference).link;
    assert.equal(rows.get(reports.neighbour.reference).kind, 'complaint');
    await assign(await open('coordinator', reports.neighbour.link), 'bram');

    // Anna had the intake conversation with Fatima, who agrees to a letter to the agency.
    let page = await open('anna', reports.fatima.link);
    page = await submit('anna', page, 'contact', { contact: 'reporter_responded', text: 'Intakegesprek gevoerd.' });
    page = await steps('anna', page, 'intake', 'investigation');
    // Before the approach is agreed no letter can be made, and the letters page says why.
    let letters = await letterPage('anna', page.link);
    assert.match(byId(letters.html, 'letter-refusal', ['div']).text, /Spreek eerst de aanpak af met de melder/);
    page = await steps('anna', page, 'approach_agreed');
    letters = await letterPage('anna', page.link);
    assert.match(byId(letters.html, 'letter-refusal', ['div']).text, /De toestemming van de melder is niet vastgelegd/);
    page = await submit('anna', page, 'toestemming', { consent: 'given', text: 'Mondeling gegeven in het intakegesprek van dinsdag.' });
    assert.equal(page.consent, 'yes');

    // Now the letter: a preview, which is a real PDF, and then recorded as sent. The agency is
    // asked to reply by Friday, sooner than the two weeks suggested.
    letters = await letterPage('anna', page.link);
    assert.equal(inputs(letters.html, 'reply_by')[0].value, addDays(day(2), 14), 'the reply term is suggested');
    assert.equal(byId(letters.html, 'letter-refusal', ['div']), undefined, 'nothing stands in the way');
    assert.ok(byId(letters.html, 'no-letters', ['p']));
    const preview = await jars.anna.fetch(url(`${page.link}/brief`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(letterFields(letters, page.link, 'preview', day(5))).toString(),
    });
    assert.equal(preview.status, 200);
    assert.equal(preview.headers.get('content-type'), 'application/pdf');
    assert.match(preview.headers.get('content-disposition'), /^attachment; filename="brief-MP-\d{4}-\d{6}-concept\.pdf"$/);
    const bytes = Buffer.from(await preview.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF file');
    assert.match(bytes.subarray(-32).toString('latin1'), /%%EOF\s*$/, 'a complete PDF file');
    const text = await pdfText(bytes);
    for (const expected of ['Uitzendbureau Snelwerk B.V.', 'Stationsplein 4', reports.fatima.reference, 'hoofddoek niet past', 'Anna de Wit']) {
      assert.ok(squash(text).includes(squash(expected)), `the letter shows "${expected}": ${text}`);
    }
    assert.ok(!text.includes('Fatima') && !text.includes('fatima@example.nl'), 'the reporter is not in the letter');

    const sent = await postForm(jars.anna, url(`${page.link}/brief`), letterFields(letters, page.link, 'send', day(5)));
    assert.equal(sent.status, 303, sent.html.slice(0, 1500));
    letters = await getForm(jars.anna, url(sent.location));
    assert.match(textOf(letters.html), /De brief is vastgelegd als verstuurd/);
    const [row] = tableRows(letters.html, 'letters').filter((r) => r.attrs['data-letter']);
    assert.equal(row.attrs['data-reply'], 'awaiting');
    assert.match(row.text, /Uitzendbureau Snelwerk B\.V\./);
    assert.match(row.text, new RegExp(day(5)));
    reports.fatima.letter = row.attrs['data-letter'];
    const stored = await jars.anna.fetch(url(`${page.link}/brieven/${reports.fatima.letter}`));
    assert.equal(stored.status, 200);
    assert.equal(stored.headers.get('content-type'), 'application/pdf');
    const storedBytes = Buffer.from(await stored.arrayBuffer());
    assert.equal(storedBytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(squash(await pdfText(storedBytes)).includes(squash('Uitzendbureau Snelwerk B.V.')), 'the letter as it was sent');
    page = await open('anna', page.link);
    assert.equal(page.deadlines.other_party_reply, 'ok', 'the reply term of the letter runs');
    assert.match(page.deadlineRows.other_party_reply, new RegExp(`^Reactie van de wederpartij ${day(5)} `), 'until the date the letter gave');

    // Bram's anonymous complaint about an incident: no letter, and the reason is given.
    page = await open('bram', (await list('bram', true)).get(reports.neighbour.reference).link);
    assert.equal(page.anonymous, 'yes');
    letters = await letterPage('bram', page.link);
    const refusal = 'De melder is anoniem en de melding gaat over een individueel voorval';
    assert.match(byId(letters.html, 'letter-refusal', ['div']).text, new RegExp(refusal));
    const tried = await postForm(jars.bram, url(`${page.link}/brief`), { ...letterFields(letters, page.link, 'preview'), other_party_name: 'De buren' });
    assert.equal(tried.status, 422);
    assert.match(tried.res.headers.get('content-type'), /^text\/html/, 'no PDF');
    assert.match(byId(tried.html, 'letter-problem', ['div']).text, new RegExp(refusal));
    assert.ok(byId((await letterPage('bram', page.link)).html, 'no-letters', ['p']), 'nothing stored');
    const refused = elements(page.html, 'li', (a) => a['data-action'] === 'letter_to_other_party')[0];
    assert.equal(refused?.attrs['data-refusal'], 'anonymous_individual', 'the case page says so too');

    // Bram starts: no intake conversation with an anonymous reporter, so on to the investigation.
    page = await steps('bram', page, 'first_analysis', 'investigation');
    page = await writeToReporter('bram', page, 'Wat naar om te lezen. Hoe vaak gebeurt dit, en zijn er getuigen?');
  });

  test('Wednesday: an e-mail and a visitor at the desk; the anonymous reporter answers through the follow-up page', async () => {
    await morning(3, 'coordinator', 'anna', 'bram');

    // The anonymous neighbour reads Bram's question with the receipt code and answers.
    const reporter = await followUp(reports.neighbour.receipt);
    assert.equal(reporter.reference, reports.neighbour.reference);
    assert.equal(reporter.status, 'in_progress');
    assert.deepEqual(reporter.messages.map((m) => m.author), ['bureau']);
    assert.match(reporter.messages[0].text, /Hoe vaak gebeurt dit, en zijn er getuigen\?/);
    const answer = await postForm(reporter.jar, url('/melden/volgen/bericht'), { csrf: reporter.page.csrf, message: 'Bijna elke week. De buurvrouw van nummer 8 heeft het gehoord.' });
    assert.equal(answer.status, 303);
    assert.equal(answer.location, '/melden/volgen?verzonden=1');

    // Bram registers an e-mail; the coordinator registers a visitor at the desk.
    reports.email = await register('bram', reportWithEmail('k.jansen@example.nl', {
      channel: 'email', contact_name: 'Kees Jansen', wishes: ['listening_ear'], nature: 'unequal_treatment', grounds: ['disability'],
      domain: 'public_services', incident_date: day(-2), description: 'Bij het gemeenteloket mocht ik met mijn rolstoel niet naar binnen.',
      incident_municipality: 'GM0363', residence_municipality: 'GM0363',
    }));
    reports.desk = await register('coordinator', reportWithEmail('samira@example.nl', {
      channel: 'walk_in', contact_name: 'Samira Bakker', contact_phone: '06 87654321', wishes: ['complaint_procedure'], nature: 'unequal_treatment',
      grounds: ['sex'], domain: 'labour', incident_date: day(-30), description: 'Mijn contract werd niet verlengd toen ik zwanger bleek.',
      incident_municipality: 'GM0344', residence_municipality: 'GM0344',
    }));
    for (const name of ['email', 'desk']) assert.equal(reports[name].closed, false);
    assert.equal((await open('coordinator', reports.email.link)).channel, 'email');
    await assign(await open('coordinator', reports.email.link), 'anna');
    await assign(await open('coordinator', reports.desk.link), 'bram');

    // Bram reads the answer on the case page and agrees the approach: advice and a listening ear.
    let page = await open('bram', (await list('bram', true)).get(reports.neighbour.reference).link);
    assert.deepEqual(page.messages.map((m) => m.author), ['bureau', 'reporter']);
    assert.match(page.messages[1].text, /De buurvrouw van nummer 8 heeft het gehoord\./);
    page = await steps('bram', page, 'approach_agreed', 'actions');
    page = await submit('bram', page, 'actie', { action: 'information_advice', text: 'Advies: houd een logboek bij en meld het ook bij de woningcorporatie.' });
    page = await submit('bram', page, 'actie', { action: 'listening_ear', text: 'Via de berichten zijn verhaal gehoord.' });
    assert.deepEqual(page.history.filter((e) => e.kind === 'action').map((e) => e.code), ['information_advice', 'listening_ear']);

    // Anna calls Kees back and listens.
    page = await open('anna', (await list('anna', true)).get(reports.email.reference).link);
    page = await steps('anna', page, 'first_analysis');
    page = await submit('anna', page, 'contact', { contact: 'bureau_contacted', text: 'Teruggebeld.' });
    page = await steps('anna', page, 'intake', 'approach_agreed', 'actions');
    page = await submit('anna', page, 'actie', { action: 'listening_ear', text: 'Lang telefoongesprek; de heer Jansen wil vooral gehoord worden.' });

    // Fatima's case: the letter is out, the reply is due on Friday, the handling is under way.
    assert.deepEqual((await deadlinesOf('anna')).rows.map((r) => [r.reference, r.kind, r.state]),
      [[reports.fatima.reference, 'other_party_reply', 'due_soon']]);
    page = await open('anna', reports.fatima.link);
    assert.equal(page.deadlines.other_party_reply, 'due_soon');
    page = await steps('anna', page, 'actions');
    page = await submit('anna', page, 'actie', { action: 'information_advice', text: 'Uitgelegd welke rechten zij heeft bij een uitzendbureau.' });
  });

  test('Thursday: the letter of twelve days ago is overdue; an app message and another online report come in', async () => {
    await morning(4, 'coordinator', 'anna', 'bram');

    // Nobody contacted Jan de Boer yet: the two weeks ran out last night.
    const overdue = await deadlinesOf('bram');
    assert.deepEqual(overdue.rows.map((r) => [r.reference, r.kind, r.state]), [[reports.letter.reference, 'first_contact', 'overdue']]);
    assert.equal(overdue.overdue, 1);
    // The coordinator sees it in Bram's group, and Anna's letter whose reply is due tomorrow.
    const all = await deadlinesOf('coordinator');
    const handlers = selectOptions((await open('coordinator', reports.letter.link)).html, 'handler');
    const idOf = (who) => handlers.find((o) => o.text === email(who)).value;
    assert.deepEqual(all.rows.map((r) => [r.group, r.reference, r.kind, r.state]).sort(), [
      [idOf('anna'), reports.fatima.reference, 'other_party_reply', 'due_soon'],
      [idOf('bram'), reports.letter.reference, 'first_contact', 'overdue'],
    ]);
    assert.deepEqual([all.overdue, all.dueSoon], [1, 1]);

    let page = await open('bram', (await list('bram', true)).get(reports.letter.reference).link);
    assert.equal(page.deadlines.first_contact, 'overdue');
    page = await submit('bram', page, 'contact', { contact: 'bureau_contacted', text: 'Gebeld met de heer De Boer, excuses voor het late contact.' });
    assert.equal(page.deadlines.first_contact, 'met');
    assert.deepEqual((await deadlinesOf('bram')).rows, [], 'off the list');
    page = await steps('bram', page, 'first_analysis', 'intake', 'approach_agreed', 'actions');
    page = await submit('bram', page, 'actie', { action: 'information_advice', text: 'Uitgelegd dat leeftijd geen reden mag zijn; brief aan de corporatie opgesteld met hem.' });
    page = await submit('bram', page, 'notitie', { text: 'De heer De Boer belt liever dan dat hij mailt.' });

    // Anna registers a WhatsApp message about a municipal rule, anonymous, and takes the case herself.
    const app = await register('anna', validReport({
      channel: 'app', scope: 'policy', wishes: ['advice'], nature: 'unequal_treatment', grounds: ['religion'], domain: 'public_services',
      incident_date: day(0), description: 'De gemeente laat baliemedewerkers geen religieuze symbolen dragen.',
      incident_municipality: 'GM0363', residence_municipality: 'GM0363',
    }));
    reports.app = app;
    page = await open('anna', app.link);
    assert.equal(page.channel, 'app');
    assert.equal(page.assignee, '');
    page = await submit('anna', page, 'toewijzen', {}); // "Take this case": the form carries her own id
    assert.equal(page.assignee, email('anna'));
    page = await steps('anna', page, 'first_analysis', 'investigation', 'approach_agreed', 'actions');
    page = await submit('anna', page, 'actie', { action: 'own_initiative', text: 'Brief aan het college van B&W over het beleid.' });

    // Mohamed reports online, by name, and wants support with a police report.
    reports.police = await reportOnline(reportWithEmail('mohamed@example.nl', {
      contact_name: 'Mohamed Yilmaz', wishes: ['police_report'], nature: 'violence', grounds: ['origin'], domain: 'public_space',
      incident_date: day(3), description: 'Ik werd bij het station geduwd en uitgescholden om mijn afkomst.',
      incident_municipality: 'GM0599', residence_municipality: 'GM0599',
    }));
    reports.police.link = (await list('coordinator')).get(reports.police.reference).link;
    await assign(await open('coordinator', reports.police.link), 'bram');

    // The other party replied to Anna's letter; Anna records it on the letters page and evaluates.
    let letters = await letterPage('anna', reports.fatima.link);
    const replyAction = `${reports.fatima.link}/brieven/${reports.fatima.letter}/reactie`;
    const reply = await postForm(jars.anna, url(replyAction), { ...hiddenFields(letters.html, replyAction), reply: 'Het uitzendbureau biedt excuses aan en past de instructie voor intercedenten aan.' });
    assert.equal(reply.status, 303);
    letters = await letterPage('anna', reports.fatima.link);
    assert.equal(tableRows(letters.html, 'letters').find((r) => r.attrs['data-letter'])?.attrs['data-reply'], 'received');
    page = await open('anna', reports.fatima.link);
    assert.equal(page.deadlines.other_party_reply, 'met');
    page = await steps('anna', page, 'evaluation');

    // Bram: Samira's complaint procedure and Mohamed's police report, both with consent.
    page = await open('bram', (await list('bram', true)).get(reports.desk.reference).link);
    page = await steps('bram', page, 'first_analysis', 'intake', 'approach_agreed');
    page = await submit('bram', page, 'actie', { action: 'complaint_procedure_support', target: 'college_rechten_mens', text: 'Verzoekschrift.' }, 422);
    assert.match(page.error, /De toestemming van de melder is niet vastgelegd/);
    page = await open('bram', page.link);
    page = await submit('bram', page, 'toestemming', { consent: 'given', text: 'Aan de balie getekend op woensdag.' });
    page = await steps('bram', page, 'actions');
    page = await submit('bram', page, 'actie', { action: 'complaint_procedure_support', target: 'college_rechten_mens', text: 'Verzoekschrift opgesteld en ingediend.' });
    page = await writeToReporter('bram', page, 'Uw verzoekschrift is ingediend bij het College voor de Rechten van de Mens.');

    page = await open('bram', (await list('bram', true)).get(reports.police.reference).link);
    page = await steps('bram', page, 'first_analysis', 'intake', 'approach_agreed');
    page = await submit('bram', page, 'toestemming', { consent: 'given', text: 'Telefonisch, donderdag.' });
    page = await steps('bram', page, 'actions');
    page = await submit('bram', page, 'actie', { action: 'police_report_support', text: 'Samen aangifte gedaan bij het politiebureau.' });

    // Who has what: "Mijn zaken".
    assert.deepEqual([...(await list('anna', true)).keys()].sort(), [reports.fatima, reports.email, reports.app].map((r) => r.reference).sort());
    assert.deepEqual([...(await list('bram', true)).keys()].sort(), [reports.letter, reports.neighbour, reports.desk, reports.police].map((r) => r.reference).sort());
  });

  test('Friday: every case is closed with its handling and outcome; closing without them is refused', async () => {
    await morning(5, 'coordinator', 'anna', 'bram');
    const close = async (who, name, handlings, outcome) => {
      let page = await open(who, reports[name].link);
      page = await submit(who, page, 'afsluiten', { handlings, outcome, text: 'Afgerond.' });
      assert.equal(page.step, 'closed', name);
      assert.deepEqual(page.handlings.split(' ').sort(), [...handlings].sort(), name);
      assert.equal(page.outcome, outcome, name);
      assert.equal(page.reporterStatus, 'closed', name);
      assert.match(page.done, /De zaak is afgesloten\./);
      return page;
    };

    // Bram forgets the handling and the outcome: refused, with the reason, and nothing changes.
    let page = await open('bram', reports.police.link);
    let refused = await submit('bram', page, 'afsluiten', { outcome: '' }, 422);
    assert.match(refused.error, /Kies ten minste één afhandelingscode\./);
    refused = await submit('bram', page, 'afsluiten', { handlings: ['police_report'] }, 422);
    assert.match(refused.error, /Kies een resultaat\./);
    assert.deepEqual(inputs(refused.html, 'handlings').filter((a) => 'checked' in a).map((a) => a.value), ['police_report'], 'what was ticked stays');
    assert.equal((await open('bram', reports.police.link)).step, 'actions', 'still open');

    await close('bram', 'police', ['police_report'], 'resolved');
    await close('bram', 'letter', ['advice'], 'resolved');
    await close('bram', 'neighbour', ['advice', 'listening_ear'], 'partly_resolved');
    await close('bram', 'desk', ['complaint_procedure'], 'unknown');
    // The closing form ticks what was done on Fatima's case: the letter and the advice.
    const fatima = await open('anna', reports.fatima.link);
    assert.deepEqual(inputs(fatima.html, 'handlings').filter((a) => 'checked' in a).map((a) => a.value).sort(), ['advice', 'intervention']);
    await close('anna', 'fatima', ['intervention', 'advice'], 'resolved');
    await close('anna', 'email', ['listening_ear'], 'resolved');
    await close('anna', 'app', ['own_initiative'], 'partly_resolved');

    // The reporters see it: Samira with the code from the desk, Fatima and the neighbour with theirs.
    const samira = await followUp(reports.desk.receipt);
    assert.equal(samira.reference, reports.desk.reference);
    assert.equal(samira.status, 'closed');
    assert.match(samira.messages.at(-1).text, /College voor de Rechten van de Mens/);
    assert.equal((await followUp(reports.fatima.receipt)).status, 'closed');
    const neighbour = await followUp(reports.neighbour.receipt);
    assert.equal(neighbour.status, 'closed');
    assert.deepEqual(neighbour.messages.map((m) => m.author), ['bureau', 'reporter']);

    // The coordinator's end of the week: everything closed, nothing due, the figures complete.
    const rows = await list('coordinator');
    const week = Object.values(reports).map((r) => r.reference);
    assert.equal(week.length, 9);
    assert.deepEqual([...rows.keys()].sort(), [...week].sort(), 'every report of the week is on the list');
    assert.ok([...rows.values()].every((r) => r.step === 'closed'), JSON.stringify([...rows]));
    assert.equal([...rows.values()].filter((r) => r.kind === 'report').length, 2, 'two were for registration only');
    assert.deepEqual((await deadlinesOf('coordinator')).rows, []);

    // The search is a GET (issue 14).
    const stillOpenRes = await jars.coordinator.fetch(url('/medewerkers/zoeken?step=open'));
    assert.equal(stillOpenRes.status, 200);
    const stillOpen = { html: await stillOpenRes.text() };
    assert.equal(elements(stillOpen.html, 'strong', (a) => a['data-count'] === 'total')[0]?.text, '0', 'no open case left');
    const complaints = { html: await (await jars.coordinator.fetch(url(`/medewerkers/zoeken?type=complaint&from=${day(-11)}&to=${day(5)}`))).text() };
    assert.equal(elements(complaints.html, 'strong', (a) => a['data-count'] === 'total')[0]?.text, '7');

    const year = monday.slice(0, 4);
    const figures = await (await jars.coordinator.fetch(url(`/medewerkers/cijfers?jaar=${year}`))).text();
    const counts = Object.fromEntries((tableRows(figures, 'counts') ?? []).filter((r) => r.attrs['data-code']).map((r) => [
      r.attrs['data-code'], r.cells.filter((c) => c.attrs['data-col']).map((c) => Number(c.text)),
    ]));
    assert.deepEqual(counts.GM0363, [3, 4], 'Amsterdam: happened 3 (Fatima, Kees, the app), lives 4 (also the radio listener)');
    assert.deepEqual(counts.GM0344, [2, 2]);
    assert.deepEqual(counts.GM0599, [2, 2]);
    assert.deepEqual(counts.GM0518, [1, 1]);
    const [total] = elements(figures, 'tfoot', () => true);
    assert.deepEqual(elements(total.html, 'td').map((c) => Number(c.text)), [9, 9], 'the figures count every report of the week');
  });

  test('Friday afternoon: the admin shows who saw Fatima\'s case, and exports it after confirming', async () => {
    await clockTo(5, 14);
    jars.admin = await staffLogin(server.url, email('admin'), PASSWORD);

    // The admin opens the case and follows "Who saw this case".
    const rows = await list('admin');
    const page = await open('admin', rows.get(reports.fatima.reference).link);
    const [link] = elements(page.html, 'a', (a) => a.id === 'audit-link');
    assert.ok(link, 'the admin has the link');
    assert.match(link.text, /Wie heeft deze melding ingezien/);
    let res = await jars.admin.fetch(url(link.attrs.href));
    assert.equal(res.status, 200);
    let html = await res.text();
    const total = Number(elements(html, 'span', (a) => a['data-total'])[0].text);
    const entries = [];
    for (;;) {
      entries.push(...readLog(html));
      const [older] = elements(html, 'a', (a) => a.rel === 'next');
      if (!older) break;
      res = await jars.admin.fetch(url(older.attrs.href));
      html = await res.text();
    }
    assert.ok(entries.length > 50, `more than one page (${entries.length})`);
    assert.equal(entries.length, total, 'the pages together hold the count the first page gave');
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'no entry twice over the pages');

    // Exactly these three read the case; Bram, who never opened it, is nowhere.
    const readers = new Set(entries.filter((e) => e.action === 'report.read').map((e) => e.staff));
    assert.deepEqual([...readers].sort(), [email('admin'), email('anna'), email('coordinator')].sort());
    const anyone = new Set(entries.map((e) => e.staff));
    assert.deepEqual([...anyone].sort(), [email('admin'), email('anna'), email('coordinator')].sort(), JSON.stringify([...anyone]));
    assert.ok(!entries.some((e) => e.staff === email('bram')));
    // Listings are the list of reports, searches and the deadlines list that showed it (issue 14).
    const listings = ['list_reports', 'search', 'deadlines.read'];
    assert.ok(entries.every((e) => e.case === reports.fatima.reference || listings.includes(e.action)), 'the case\'s own entries and listings that showed it');
    // What Anna did is all there: the steps, the consent, the letter, the reply, the closing.
    const annas = new Set(entries.filter((e) => e.staff === email('anna')).map((e) => e.action));
    for (const action of ['report.read', 'case.step', 'report.message', 'case.note', 'case.contact', 'case.consent', 'letter.read', 'letter.print', 'letter.send', 'letter.reply', 'case.action', 'case.close']) {
      assert.ok(annas.has(action), `Anna's ${action} is on the case's log`);
    }
    assert.ok(entries.some((e) => e.staff === email('coordinator') && e.action === 'case.assign'));
    // Bram did read cases this week, just not this one.
    const bram = readLog(await (await jars.admin.fetch(url(`/medewerkers/inzagelog?medewerker=${encodeURIComponent(email('bram'))}&actie=report.read`))).text());
    assert.ok(bram.length > 0);
    assert.ok(bram.every((e) => e.case !== reports.fatima.reference));

    // Some minutes later the admin exports the same entries: first the password and code again.
    await clockTo(5, 14, 12);
    const log = await getForm(jars.admin, url(link.attrs.href));
    const [exportLink] = elements(log.html, 'a', (a) => a.id === 'export');
    res = await jars.admin.fetch(url(exportLink.attrs.href));
    assert.equal(res.status, 303, 'the export asks to confirm first');
    const confirmAt = new URL(res.headers.get('location'), server.url);
    assert.equal(confirmAt.pathname, '/medewerkers/bevestigen');
    const confirm = await getForm(jars.admin, confirmAt.toString());
    assert.equal(confirm.status, 200);
    assert.match(textOf(confirm.html), /Bevestig dat u het bent/);
    const back = inputs(confirm.html, 'terug')[0].value;
    assert.equal(back, exportLink.attrs.href, 'the way back is the export asked for');
    const confirmed = await postForm(jars.admin, url('/medewerkers/bevestigen'), {
      csrf: confirm.csrf, terug: back, password: PASSWORD, code: await nextStaffCode(server.url, email('admin')),
    });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.location, exportLink.attrs.href);
    const csv = await jars.admin.fetch(url(confirmed.location));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(csv.headers.get('content-disposition'), /^attachment; filename="inzagelog-bureau-1-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...lines] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    assert.deepEqual(header, ['Regel', 'Tijd (UTC)', 'Tijd (Nederland)', 'Medewerker', 'Actie', 'Meldingsnummer', 'Bureau', 'Details']);
    const byId_ = new Map(lines.map((l) => [Number(l[0]), l]));
    for (const e of entries) {
      const line = byId_.get(e.id);
      assert.ok(line, `entry ${e.id} (${e.action} by ${e.staff}) is in the export`);
      assert.deepEqual([line[3], line[4], line[5]], [e.staff, e.action, e.case], `entry ${e.id}`);
    }
    // Besides those: only the admin's own looks at this log since, and the export itself.
    const seen = new Set(entries.map((e) => e.id));
    const extra = lines.filter((l) => !seen.has(Number(l[0])));
    assert.ok(extra.length >= 1);
    assert.ok(extra.every((l) => l[3] === email('admin') && ['audit.read', 'audit.export'].includes(l[4])), JSON.stringify(extra));
    assert.ok(!lines.some((l) => l[3] === email('bram')));

    // The log is intact at the end of the week.
    const verify = await server.run(['audit', 'verify']);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /audit log intact: \d+ chained entries/);
  });
});
