// Staff intake (/medewerkers/registreren): a report that came in by phone, e-mail, letter, at the
// desk or through an app is registered by a staff member with the public form's questions and
// rules, the channel and the day it was received. It is stored and routed like a public report,
// its receipt code is shown once, and a report that asks for registration only (a melding, not a
// klacht) is closed at once, from the public form too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { byClass, byId, elements, inputs, textareaValue } from './html.mjs';
import { addStaff, recentDate, staffLogin, submitReport, submitValid, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const INTAKE = ['intake@meldpunt.example', 'lang-genoeg-wachtwoord-50'];
const ADMIN = ['beheer@meldpunt.example', 'lang-genoeg-wachtwoord-51'];
const VIEWER = ['gemeente@meldpunt.example', 'lang-genoeg-wachtwoord-52'];
const SYSADMIN = ['systeem@meldpunt.example', 'lang-genoeg-wachtwoord-53'];

const CHANNELS = {
  phone: 'Telefoon',
  email: 'E-mail',
  letter: 'Brief of post',
  walk_in: 'Aan de balie',
  app: 'WhatsApp of een andere app',
  social_media: 'Een bericht via sociale media',
};

/** A calendar day (YYYY-MM-DD) in the Netherlands, `days` from today. */
function dutchDay(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() + days * 86_400_000));
}

/** A valid report as an intake worker types it: a complaint (klacht) that came in by phone. */
function intakeReport(overrides = {}) {
  return validReport({ channel: 'phone', wishes: ['advice'], ...overrides });
}

let server;
let intake;
before(async () => {
  server = await startServer({ env: { MELDPUNT_FOLLOWUP_BURST: '0' } });
  await addStaff(server, ...INTAKE, 'intake');
  await addStaff(server, ...ADMIN, 'bureau_admin');
  await addStaff(server, ...SYSADMIN, 'system_admin');
  const viewer = await server.run(['user', 'add', '--email', VIEWER[0], '--role', 'municipality_viewer', '--municipality', 'GM0363'], `${VIEWER[1]}\n`);
  assert.equal(viewer.code, 0, viewer.stderr);
  intake = await staffLogin(server.url, ...INTAKE);
});
after(async () => { await server?.stop(); });

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);
const count = async (query) => Number((await sql(query))[0]);
const auditCount = (action) => count(`SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`);
const reportCount = () => count('SELECT COUNT(*) FROM reports');

/** GET the intake form, then POST the fields with its token and key: { status, html, key, ... }. */
async function register(fields, jar = intake, { lang } = {}) {
  const page = await getForm(jar, `${server.url}/medewerkers/registreren${lang ? `?lang=${lang}` : ''}`);
  assert.equal(page.status, 200, page.html.slice(0, 500));
  const key = inputs(page.html, 'submission_key')[0]?.value;
  const res = await postForm(jar, `${server.url}/medewerkers/registreren`, { csrf: page.csrf, submission_key: key, ...fields });
  return { ...res, key, csrf: page.csrf };
}

/** The confirmation after registering: { reference, receipt, caseLink, closed, duplicate, html }. */
function done(res) {
  assert.equal(res.status, 200, res.html.slice(0, 3000));
  return {
    html: res.html,
    reference: byClass(res.html, 'strong', 'reference')[0]?.text,
    receipt: byClass(res.html, 'span', 'receipt-group').map((g) => g.text).join(' '),
    caseLink: elements(res.html, 'a', (a) => a.id === 'open-report')[0]?.attrs.href,
    closed: Boolean(byId(res.html, 'closed-note')),
    duplicate: Boolean(byId(res.html, 'duplicate-note')),
  };
}

/** The error summary's messages, in order. */
function errorMessages(html) {
  const [summary] = byClass(html, 'div', 'error-summary');
  return summary ? elements(summary.html, 'a').map((a) => a.text) : [];
}

/** A case page for staff: { html, status, kind, channel, channelText, registeredBy, reportedOn }. */
async function casePage(link, jar = intake) {
  const res = await jar.fetch(`${server.url}${link}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const channel = byId(html, 'channel', ['dd']);
  return {
    html,
    status: byId(html, 'status', ['dd'])?.attrs['data-status'],
    kind: byId(html, 'kind', ['dd'])?.attrs['data-kind'],
    channel: channel?.attrs['data-channel'],
    channelText: channel?.text,
    registeredBy: byId(html, 'registered-by', ['dd'])?.text,
    reportedOn: html.match(/<dt>Gemeld op<\/dt><dd>([^<]*)<\/dd>/)?.[1],
  };
}

/** The staff link to a report by its reference, from the list. */
async function caseLinkOf(reference, jar = intake) {
  const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
  const link = list.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${reference}<`))?.[1];
  assert.ok(link, `${reference} is on the staff list`);
  return { link, list };
}

describe('who may register', () => {
  test('the intake worker gets the page with the public form\'s questions, the channel, the date and the consent', async () => {
    const page = await getForm(intake, `${server.url}/medewerkers/registreren`);
    assert.equal(page.status, 200);
    assert.deepEqual(inputs(page.html, 'channel').map((i) => i.value), Object.keys(CHANNELS));
    assert.equal(inputs(page.html, 'received_date')[0]?.type, 'date');
    assert.equal(inputs(page.html, 'received_date')[0]?.max, dutchDay(0), 'not in the future');
    assert.equal(inputs(page.html, 'consent')[0]?.type, 'checkbox');
    assert.equal(textareaValue(page.html, 'description'), '');
    for (const name of ['reporter_role', 'nature', 'grounds', 'domain', 'incident_date', 'scope', 'anonymous', 'wishes', 'contact_email']) {
      assert.ok(inputs(page.html, name).length > 0, `the public form's field ${name}`);
    }
    assert.match(page.html, /In welke gemeente woont u\?/, 'the public form\'s labels');
    assert.equal(inputs(page.html, 'website').length, 0, 'no honeypot for staff');
    assert.ok(!page.html.includes('report_form.js'), 'no draft kept on a staff computer');
    const link = elements(page.html, 'a', (a) => a.href === '/medewerkers/registreren')[0];
    assert.equal(link?.text, 'Melding registreren', 'in the staff menu');
    assert.equal(link.attrs['aria-current'], 'page');
  });

  test('the menu shows the link to roles that may register, and only to them', async () => {
    const admin = await staffLogin(server.url, ...ADMIN);
    const list = await (await admin.fetch(`${server.url}/medewerkers/meldingen`)).text();
    assert.match(list, /href="\/medewerkers\/registreren"/);
    const viewer = await staffLogin(server.url, ...VIEWER);
    const figures = await (await viewer.fetch(`${server.url}/medewerkers/cijfers`)).text();
    assert.ok(!figures.includes('/medewerkers/registreren'), 'no link for a municipality viewer');
  });

  test('a municipality viewer and a system admin get 403 and store nothing', async () => {
    const reports = await reportCount();
    for (const who of [VIEWER, SYSADMIN]) {
      const jar = await staffLogin(server.url, ...who);
      const page = await jar.fetch(`${server.url}/medewerkers/registreren`);
      assert.equal(page.status, 403, `${who[0]} GET`);
      // A token from another page: the refusal is the role's, not the token's.
      const { csrf } = await getForm(jar, `${server.url}/medewerkers/login`);
      const res = await postForm(jar, `${server.url}/medewerkers/registreren`, { csrf, ...intakeReport() });
      assert.equal(res.status, 403, `${who[0]} POST`);
    }
    assert.equal(await reportCount(), reports);
  });

  test('without a session: to the login page', async () => {
    const res = await fetch(`${server.url}/medewerkers/registreren`, { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.equal(new URL(res.headers.get('location'), server.url).pathname, '/medewerkers/login');
  });

  test('without the anti-forgery token: 403, nothing stored', async () => {
    const reports = await reportCount();
    for (const csrf of [undefined, 'vervalst']) {
      const fields = intakeReport({ description: 'Zonder geldig token.' });
      if (csrf) fields.csrf = csrf;
      const res = await postForm(intake, `${server.url}/medewerkers/registreren`, fields);
      assert.equal(res.status, 403);
    }
    assert.equal(await reportCount(), reports);
  });
});

describe('registering', () => {
  test('each channel is stored and shown on the case page, with who registered it', async () => {
    const registered = await auditCount('report.register');
    for (const [channel, label] of Object.entries(CHANNELS)) {
      const email = `melder-${channel}@example.nl`;
      const sent = done(await register(intakeReport({
        channel, description: `Binnengekomen via ${channel}.`, anonymous: 'no', contact_name: 'Test Melder', contact_email: email,
      })));
      assert.match(sent.reference, /^MP-\d{4}-\d{6}$/);
      assert.match(sent.receipt, /^\d{4} \d{4} \d{4} \d{4} \d{4}$/, 'the receipt code, in five groups');
      assert.equal(sent.closed, false, 'a complaint stays open');
      assert.ok(sent.caseLink, 'a link to the case');
      const page = await casePage(sent.caseLink);
      assert.equal(page.channel, channel);
      assert.equal(page.channelText, label);
      assert.equal(page.kind, 'complaint');
      assert.equal(page.status, 'received');
      assert.match(page.registeredBy, /^intake@meldpunt\.example, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      assert.ok(page.html.includes(`Binnengekomen via ${channel}.`));
      assert.ok(page.html.includes(email), 'the contact details');
      // The reporter gets the e-mail that their report was received, as from the public form.
      const id = sent.caseLink.split('/').pop();
      assert.equal(await count(`SELECT COUNT(*) FROM mail_outbox WHERE report_id = ${id} AND kind = 'confirmation'`), 1);
    }
    assert.equal(await auditCount('report.register'), registered + Object.keys(CHANNELS).length);
    // Stored as codes; the public form's reports keep theirs.
    const channels = await sql("SELECT DISTINCT channel FROM reports WHERE channel <> 'web' ORDER BY channel");
    assert.deepEqual(channels, Object.keys(CHANNELS).sort());
  });

  test('a public report shows its channel as the website form', async () => {
    const reference = await submitValid(server.url, validReport({ wishes: ['advice'], description: 'Via de website.' }));
    const { link } = await caseLinkOf(reference);
    const page = await casePage(link);
    assert.equal(page.channel, 'web');
    assert.equal(page.channelText, 'Formulier op de website');
    assert.equal(page.registeredBy, undefined, 'nobody registered it by hand');
  });

  test('invalid input gets the public form\'s Dutch messages and keeps what was typed', async () => {
    const reports = await reportCount();
    const typed = {
      description: 'Getypte tekst <b>blijft</b> staan.', nature: '', grounds: [], anonymous: 'no',
      contact_name: 'Jan Jansen', contact_email: 'geen-adres',
    };
    const pub = await submitReport(server.url, validReport(typed));
    assert.equal(pub.status, 422);
    const res = await register(intakeReport({ ...typed, channel: '' }));
    assert.equal(res.status, 422);
    assert.deepEqual(errorMessages(res.html), ['Kies hoe de melding binnenkwam.', ...errorMessages(pub.html)]);
    assert.deepEqual(errorMessages(pub.html), [
      'Kies wat voor voorval het was.',
      'Kies waar het om ging, of "Weet ik niet".',
      'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    ]);
    assert.equal(byId(res.html, 'nature-error')?.text, 'Kies wat voor voorval het was.', 'beside the field too');
    assert.equal(textareaValue(res.html, 'description'), typed.description);
    assert.equal(inputs(res.html, 'contact_name')[0].value, 'Jan Jansen');
    assert.equal(inputs(res.html, 'contact_email')[0].value, 'geen-adres');
    assert.equal(inputs(res.html, 'submission_key')[0].value, res.key, 'the same form, so a resend stays one report');
    assert.equal(await reportCount(), reports);
  });

  test('in English the messages are English', async () => {
    const jar = await staffLogin(server.url, ...INTAKE);
    const res = await register(intakeReport({ channel: '', nature: '' }), jar, { lang: 'en' });
    assert.equal(res.status, 422);
    assert.deepEqual(errorMessages(res.html), ['Choose how the report came in.', 'Choose what kind of incident it was.']);
  });

  test('anonymous and a letter to the other party about an incident: refused with the reason', async () => {
    const res = await register(intakeReport({ channel: 'letter', wishes: ['letter'], description: 'Anoniem, met brief.' }));
    assert.equal(res.status, 422);
    assert.match(byId(res.html, 'wishes-error')?.text ?? '', /^Als u anoniem blijft, kunnen wij de andere partij niet aanschrijven/);
    assert.deepEqual(inputs(res.html, 'channel').filter((i) => 'checked' in i).map((i) => i.value), ['letter'], 'the channel is kept');
  });

  test('without the reporter\'s consent: refused, with words for staff', async () => {
    const res = await register(intakeReport({ consent: '' }));
    assert.equal(res.status, 422);
    assert.deepEqual(errorMessages(res.html), [
      'Vink het vakje aan zodra de melder toestemming heeft gegeven. Zonder toestemming kan de melding niet worden geregistreerd.',
    ]);
  });

  test('the date of receipt: not in the future, at most a year ago, not before the incident', async () => {
    const cases = [
      [dutchDay(2), recentDate(), 'De datum kan niet in de toekomst liggen.'],
      [dutchDay(-400), recentDate(), 'De datum van ontvangst is meer dan een jaar geleden. Controleer het jaar.'],
      [dutchDay(-4), dutchDay(-2), 'De datum van ontvangst kan niet vóór het voorval liggen.'],
      ['31-12-2025', recentDate(), 'Vul een datum in zoals 2026-03-31 (jaar-maand-dag).'],
    ];
    for (const [received, incident, message] of cases) {
      const res = await register(intakeReport({ received_date: received, incident_date: incident }));
      assert.equal(res.status, 422, received);
      assert.deepEqual(errorMessages(res.html), [message], received);
      assert.equal(inputs(res.html, 'received_date')[0].value, received, 'kept as typed');
    }
  });

  test('a report received on an earlier day is dated that day', async () => {
    const received = dutchDay(-2);
    const sent = done(await register(intakeReport({ channel: 'letter', received_date: received, incident_date: dutchDay(-5) })));
    const page = await casePage(sent.caseLink);
    assert.equal(page.reportedOn, received);
    assert.equal(sent.reference.slice(3, 7), received.slice(0, 4), 'the reference carries the year of receipt');
  });

  test('the receipt code opens the report at /melden/volgen', async () => {
    const sent = done(await register(intakeReport({ description: 'Volgen met de code van de balie.' })));
    const reporter = new CookieJar();
    const form = await getForm(reporter, `${server.url}/melden/volgen`);
    const signIn = await postForm(reporter, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt: sent.receipt });
    assert.equal(signIn.status, 303);
    const thread = await (await reporter.fetch(`${server.url}/melden/volgen`)).text();
    assert.ok(thread.includes(sent.reference));
    assert.equal(byId(thread, 'status', ['dd'])?.attrs['data-status'], 'received');
  });

  test('sending the form again makes one report and shows the same code', async () => {
    const registered = await auditCount('report.register');
    const fields = intakeReport({ description: 'Twee keer op de knop.' });
    const first = await register(fields);
    const again = await postForm(intake, `${server.url}/medewerkers/registreren`, { csrf: first.csrf, submission_key: first.key, ...fields });
    const [a, b] = [done(first), done(again)];
    assert.equal(b.reference, a.reference);
    assert.equal(b.receipt, a.receipt);
    assert.equal(a.duplicate, false);
    assert.equal(b.duplicate, true);
    assert.equal(await auditCount('report.register'), registered + 1);
  });

  test('a report for another bureau\'s area goes there; the confirmation says so', async () => {
    const added = await server.run(['bureau', 'add', '--name', 'Bureau Noord']);
    assert.equal(added.code, 0, added.stderr);
    const id = (await sql("SELECT id FROM bureaus WHERE name = 'Bureau Noord'"))[0];
    const area = await server.run(['bureau', 'area', '--bureau', id, 'GM0014']);
    assert.equal(area.code, 0, area.stderr);
    const sent = done(await register(intakeReport({ incident_municipality: 'GM0014', description: 'Gebeurd in Groningen.' })));
    assert.equal(sent.caseLink, undefined, 'no link to a case this staff member may not open');
    assert.match(byId(sent.html, 'other-bureau').text, /Bureau Noord$/);
    assert.match(sent.receipt, /^\d{4}( \d{4}){4}$/, 'the code is shown all the same');
    assert.equal((await sql(`SELECT bureau_id FROM reports ORDER BY id DESC LIMIT 1`))[0], id);
  });
});

describe('registration only: a melding is closed at once, a klacht is not', () => {
  test('from the public form', async () => {
    const closedBefore = await auditCount('report.closed.registration_only');
    const melding = await submitValid(server.url, validReport({ wishes: ['registration_only'], description: 'Alleen registreren, via de website.' }));
    const klacht = await submitValid(server.url, validReport({ wishes: ['advice'], description: 'Advies gevraagd, via de website.' }));
    const m = await casePage((await caseLinkOf(melding)).link);
    assert.equal(m.status, 'closed');
    assert.equal(m.kind, 'report');
    assert.match(byId(m.html, 'kind', ['dd']).text, /^Melding \(alleen registratie\)$/);
    const k = await casePage((await caseLinkOf(klacht)).link);
    assert.equal(k.status, 'received');
    assert.equal(k.kind, 'complaint');
    assert.match(byId(k.html, 'kind', ['dd']).text, /^Klacht$/);
    assert.equal(await auditCount('report.closed.registration_only'), closedBefore + 1);
    assert.deepEqual(await sql(`SELECT subject FROM audit_log WHERE action = 'report.closed.registration_only' AND user_id IS NULL ORDER BY id DESC LIMIT 1`), [melding]);

    // The staff list says which is which.
    const { list } = await caseLinkOf(melding);
    const kindOf = (ref) => list.match(new RegExp(`${ref}</a></td>\\s*<td class="kind" data-kind="([a-z]+)">`))?.[1];
    assert.equal(kindOf(melding), 'report');
    assert.equal(kindOf(klacht), 'complaint');
  });

  test('from staff intake', async () => {
    const closedBefore = await auditCount('report.closed.registration_only');
    const melding = done(await register(intakeReport({ wishes: ['registration_only'], description: 'Alleen registreren, per telefoon.' })));
    assert.equal(melding.closed, true, 'the confirmation says it was closed');
    assert.equal((await casePage(melding.caseLink)).status, 'closed');
    const klacht = done(await register(intakeReport({ wishes: ['listening_ear'], description: 'Een luisterend oor, per telefoon.' })));
    assert.equal(klacht.closed, false);
    assert.equal((await casePage(klacht.caseLink)).status, 'received');
    assert.equal(await auditCount('report.closed.registration_only'), closedBefore + 1);
  });

  test('the reporter sees the registration-only report as closed', async () => {
    const sent = done(await register(intakeReport({ wishes: ['registration_only'], description: 'Gesloten voor de melder.' })));
    const reporter = new CookieJar();
    const form = await getForm(reporter, `${server.url}/melden/volgen`);
    await postForm(reporter, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt: sent.receipt });
    const thread = await (await reporter.fetch(`${server.url}/melden/volgen`)).text();
    assert.equal(byId(thread, 'status', ['dd'])?.attrs['data-status'], 'closed');
  });
});
