// Retention and the reporter's rights: the bureau's settings page, anonymisation of closed cases
// past their retention period (the command, its dry run and the daily job in serve, with a moved
// clock), and access (inzage), correction and erasure from the case page. Figures stay the same
// throughout: anonymised reports keep counting.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, csrfOf, getForm, postForm, startServer } from './harness.mjs';
import { byClass, byId, elements, inputs, textareaValue } from './html.mjs';
import { addStaff, counts, reportRows, rowFileLinks, staffLogin, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const DAY = 86_400;
const PASSWORD = 'lang-genoeg-wachtwoord-77';
const COORDINATOR = 'coordinator@meldpunt.example';
const HANDLER = 'behandelaar@meldpunt.example';
const INTAKE = 'intake@meldpunt.example';
const VIEWER = 'gemeente@meldpunt.example';

let server;
let clockDir;
let offsetFile;

/** Move the server's clock (and its commands') to `days` after the real time. */
async function setClock(days) {
  await writeFile(offsetFile, String(days * DAY));
}

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

async function auditCount(action) {
  return Number((await sql(`SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`))[0]);
}

/**
 * A report as a browser sends it, with a file when `file` is given (multipart): returns
 * { reference, id, receipt }.
 */
async function report(overrides, file) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const key = form.html.match(/name="submission_key" value="([^"]*)"/)[1];
  const fields = { csrf: form.csrf, submission_key: key, ...validReport(overrides) };
  let res;
  if (file) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    body.append('evidence', new Blob([file.text], { type: 'text/plain' }), file.name);
    const sent = await jar.fetch(`${server.url}/melden`, { method: 'POST', body });
    res = { status: sent.status, location: sent.headers.get('location'), html: await sent.text() };
  } else {
    res = await postForm(jar, `${server.url}/melden`, fields);
  }
  assert.equal(res.status, 303, res.html.slice(0, 1000));
  const page = await (await jar.fetch(new URL(res.location, server.url))).text();
  const reference = byClass(page, 'strong', 'reference')[0]?.text;
  const receipt = byClass(page, 'span', 'receipt-group').map((g) => g.text).join('');
  assert.match(reference, /^MP-\d{4}-\d{6}$/);
  assert.match(receipt, /^\d{20}$/);
  return { reference, id: Number(reference.slice(-6)), receipt };
}

/** The reporter signs in with the receipt code: the jar, and the status of the answer. */
async function signIn(receipt) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  const res = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
  return { jar, status: res.status };
}

/** The reporter writes to the bureau through the follow-up page. */
async function reporterWrites(receipt, message) {
  const { jar, status } = await signIn(receipt);
  assert.equal(status, 303);
  const page = await (await jar.fetch(`${server.url}/melden/volgen`)).text();
  const res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf: csrfOf(page), message });
  assert.equal(res.status, 303);
}

/** The case page for staff: { html, description, csrf, messages: [text] }. */
async function casePage(jar, id, query = '') {
  const page = await getForm(jar, `${server.url}/medewerkers/meldingen/${id}${query}`);
  assert.equal(page.status, 200, page.html.slice(0, 500));
  return {
    ...page,
    description: byId(page.html, 'description', ['div'])?.text ?? '',
    messages: byClass(page.html, 'div', 'message-body').map((m) => m.text),
  };
}

async function staffWrites(jar, id, message) {
  const page = await casePage(jar, id);
  const res = await postForm(jar, `${server.url}/medewerkers/meldingen/${id}/bericht`, { csrf: page.csrf, message });
  assert.equal(res.status, 303, res.html.slice(0, 500));
}

/** Close the case with the case page's closing form (afhandeling and outcome). */
async function closeCase(jar, id) {
  const page = await casePage(jar, id);
  const version = page.html.match(/name="case_version" value="(\d+)"/)[1];
  const res = await postForm(jar, `${server.url}/medewerkers/meldingen/${id}/afsluiten`, {
    csrf: page.csrf, case_version: version, handlings: 'advice', outcome: 'resolved',
  });
  assert.equal(res.status, 303, res.html.slice(0, 500));
}

/** The files the staff list shows for a report: [name]. */
async function listedFiles(jar, reference) {
  const { rows } = await reportRows(server.url, jar);
  const row = rows.find((r) => r.text.includes(reference));
  assert.ok(row, `${reference} is in the list`);
  return rowFileLinks(row).map((a) => a.text);
}

/** Every count of the figures page for this year, as one comparable value. */
async function figures(jar) {
  return JSON.stringify([...(await counts(server.url, jar)).entries()].sort());
}

before(async () => {
  clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
  offsetFile = path.join(clockDir, 'offset');
  await setClock(0);
  server = await startServer({ env: { MELDPUNT_CLOCK_OFFSET_FILE: offsetFile, MELDPUNT_FOLLOWUP_BURST: '0' } });
  await addStaff(server);
  await addStaff(server, COORDINATOR, PASSWORD, 'coordinator');
  await addStaff(server, HANDLER, PASSWORD, 'handler');
  await addStaff(server, INTAKE, PASSWORD, 'intake');
  const viewer = await server.run(['user', 'add', '--email', VIEWER, '--role', 'municipality_viewer', '--municipality', 'GM0363'], `${PASSWORD}\n`);
  assert.equal(viewer.code, 0, viewer.stderr);
});
after(async () => {
  if (server) {
    const exit = await server.stop();
    assert.equal(exit.code, 0, 'the server exits cleanly');
  }
  await rm(clockDir, { recursive: true, force: true });
});

describe('bureau settings', () => {
  const url = () => `${server.url}/medewerkers/instellingen`;

  test('the bureau admin finds the retention period in the menu, with its default of 24 months', async () => {
    const admin = await staffLogin(server.url);
    const list = await (await admin.fetch(`${server.url}/medewerkers/meldingen`)).text();
    assert.ok(elements(list, 'a', (a) => a.href === '/medewerkers/instellingen').length, 'a menu link');
    const page = await getForm(admin, url());
    assert.equal(page.status, 200);
    const [field] = inputs(page.html, 'retention_months');
    assert.equal(field.value, '24');
    assert.equal(field.min, '1');
    assert.equal(field.max, '120');
    const [label] = elements(page.html, 'label', (a) => a.for === field.id);
    assert.match(label.text, /Maanden na afsluiten/);
    assert.match(page.html, /geen landelijke bewaartermijn/i, 'says that the bureau decides');
  });

  test('a value out of range, not a number or empty comes back with a clear message and what was typed (422)', async () => {
    const admin = await staffLogin(server.url);
    const { csrf } = await getForm(admin, url());
    for (const [typed, message] of [
      ['0', /Vul een getal van 1 tot en met 120 in/],
      ['121', /Vul een getal van 1 tot en met 120 in/],
      ['twaalf', /heel getal/],
      ['', /Vul een getal in/],
    ]) {
      const res = await postForm(admin, url(), { csrf, retention_months: typed });
      assert.equal(res.status, 422, typed);
      const [field] = inputs(res.html, 'retention_months');
      assert.equal(field.value, typed, 'what was typed is kept');
      assert.equal(field['aria-invalid'], 'true');
      const error = byClass(res.html, 'p', 'field-error')[0];
      assert.match(error.text, message);
      assert.ok(field['aria-describedby'].split(' ').includes(error.attrs.id), 'the error is tied to the field');
      assert.ok(elements(res.html, 'div', (a) => a.role === 'alert').length, 'an error summary');
    }
    assert.equal(await auditCount('bureau.settings'), 0, 'nothing saved');
  });

  test('a valid value is saved, shown and audited; setting it back works too', async () => {
    const admin = await staffLogin(server.url);
    let page = await getForm(admin, url());
    let res = await postForm(admin, url(), { csrf: page.csrf, retention_months: ' 36 ' });
    assert.equal(res.status, 303);
    page = await getForm(admin, new URL(res.location, server.url).href);
    assert.equal(inputs(page.html, 'retention_months')[0].value, '36');
    assert.match(elements(page.html, 'div', (a) => a.role === 'status')[0].text, /opgeslagen/);
    res = await postForm(admin, url(), { csrf: page.csrf, retention_months: '24' });
    assert.equal(res.status, 303);
    assert.equal(await auditCount('bureau.settings'), 2);
    assert.deepEqual(await sql("SELECT value FROM bureau_settings WHERE name = 'retention_months'"), ['24']);
  });

  test('other roles get 403 from the page and from the handler, even with a valid form; no session: the login', async () => {
    const admin = await staffLogin(server.url);
    const { csrf } = await getForm(admin, url());
    for (const email of [COORDINATOR, HANDLER, INTAKE, VIEWER]) {
      const jar = await staffLogin(server.url, email, PASSWORD);
      assert.equal((await jar.fetch(url())).status, 403, `${email} GET`);
      jar.set('mp_csrf', admin.get('mp_csrf'));
      const res = await postForm(jar, url(), { csrf, retention_months: '1' });
      assert.equal(res.status, 403, `${email} POST`);
      const list = await (await jar.fetch(`${server.url}/medewerkers/cijfers`)).text();
      assert.equal(elements(list, 'a', (a) => a.href === '/medewerkers/instellingen').length, 0, 'no menu link');
    }
    const res = await postForm(admin, url(), { retention_months: '1' });
    assert.equal(res.status, 403, 'no anti-forgery token');
    const anonymous = await fetch(url(), { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
    assert.deepEqual(await sql("SELECT value FROM bureau_settings WHERE name = 'retention_months'"), ['24'], 'unchanged');
  });
});

describe('retention, access, correction and erasure', () => {
  const old = {};
  const young = {};
  const open = {};
  let figuresBefore;

  test('(three reports: one closed now, one closed 400 days later, one left open)', async () => {
    Object.assign(old, await report({
      anonymous: 'no', contact_name: 'Oud Melder', contact_email: 'oud@example.nl', wishes: ['advice'],
      description: 'Retentietest: de portier liet mij niet binnen.',
    }, { name: 'oud-bewijs.txt', text: 'Bewijs bij de oude melding.' }));
    Object.assign(young, await report({
      anonymous: 'no', contact_name: 'Jong Melder', contact_email: 'jong@example.nl', wishes: ['advice'],
      description: 'Retentietest: de verhuurder weigerde mij.',
    }, { name: 'jong-bewijs.txt', text: 'Bewijs bij de jonge melding.' }));
    Object.assign(open, await report({ description: 'Retentietest: een open zaak, anoniem.', wishes: ['advice'] }));
    let admin = await staffLogin(server.url);
    await staffWrites(admin, old.id, 'Vraag van het meldpunt aan de oude melder.');
    await reporterWrites(old.receipt, 'Antwoord van de oude melder.');
    await staffWrites(admin, young.id, 'Vraag van het meldpunt aan de jonge melder.');
    await reporterWrites(young.receipt, 'Antwoord van de jonge melder.');
    assert.deepEqual(await listedFiles(admin, old.reference), ['oud-bewijs.txt']);
    await closeCase(admin, old.id);
    const closed = await casePage(admin, old.id);
    assert.match(byId(closed.html, 'retention', ['dd']).text, /geanonimiseerd vanaf \d{4}-\d{2}-\d{2} \(24 maanden/);

    await setClock(400);
    admin = await staffLogin(server.url); // the jump ended the session
    await closeCase(admin, young.id);
    figuresBefore = await figures(admin);
    // 745 days after the first closing: more than 24 months; the second closed 345 days ago.
    await setClock(745);
  });

  test('a dry run counts per bureau and changes nothing', async () => {
    const dry = await server.run(['retention', 'run', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /\(bureau 1\): 1 reports would be anonymised; retention 24 months/);
    assert.match(dry.stdout, /nothing was changed/);
    const admin = await staffLogin(server.url);
    assert.match((await casePage(admin, old.id)).description, /de portier liet mij niet binnen/);
    assert.equal((await signIn(old.receipt)).status, 303, 'the receipt code still works');
    assert.equal(await auditCount('report.anonymise'), 0);
  });

  test('the run anonymises the case closed past the period; the younger and the open case keep everything; figures stay', async () => {
    const ran = await server.run(['retention', 'run']);
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, /\(bureau 1\): 1 reports anonymised/);
    const admin = await staffLogin(server.url);

    const gone = await casePage(admin, old.id);
    assert.ok(byId(gone.html, 'anonymised-notice', ['p']), 'the page says the personal data were erased');
    assert.equal(gone.description, '');
    assert.ok(!gone.html.includes('portier'), 'no description');
    assert.ok(!gone.html.includes('oud@example.nl') && !gone.html.includes('Oud Melder'), 'no contact details');
    assert.ok(!gone.html.includes('oude melder.'), 'no message text');
    assert.equal(gone.messages.length, 2, 'that two messages were sent stays');
    assert.ok(gone.messages.every((m) => /Gewist/.test(m)));
    assert.deepEqual(await listedFiles(admin, old.reference), [], 'no files');
    assert.ok(!elements(gone.html, 'form', (a) => (a.action ?? '').endsWith('/bericht')).length, 'no writing to nobody');
    assert.match(byId(gone.html, 'status', ['dd']).text, /Afgesloten/);
    assert.equal((await signIn(old.receipt)).status, 401, 'the receipt code no longer works');
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM evidence WHERE report_id = ${old.id}`), ['0']);
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM reports WHERE id = ${old.id} AND contact_enc IS NULL AND description_enc = ''`), ['1']);

    const kept = await casePage(admin, young.id);
    assert.match(kept.description, /de verhuurder weigerde mij/);
    assert.ok(kept.html.includes('jong@example.nl'));
    assert.ok(kept.messages.includes('Antwoord van de jonge melder.'));
    assert.deepEqual(await listedFiles(admin, young.reference), ['jong-bewijs.txt']);
    assert.equal((await signIn(young.receipt)).status, 303);
    const stillOpen = await casePage(admin, open.id);
    assert.match(stillOpen.description, /een open zaak/);
    assert.equal((await signIn(open.receipt)).status, 303);

    assert.equal(await figures(admin), figuresBefore, 'the figures are the same');
    assert.equal(await auditCount('report.anonymise'), 1);
    const again = await server.run(['retention', 'run']);
    assert.match(again.stdout, /\(bureau 1\): 0 reports anonymised/, 'once only');
  });

  test('access request: the coordinator gets everything of the report as JSON and as a page, audited', async () => {
    const coordinator = await staffLogin(server.url, COORDINATOR, PASSWORD);
    const page = await casePage(coordinator, young.id);
    assert.ok(elements(page.html, 'a', (a) => a.href === `/medewerkers/meldingen/${young.id}/inzage`).length);
    const exports = await auditCount('report.export');

    const res = await coordinator.fetch(`${server.url}/medewerkers/meldingen/${young.id}/inzage.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.match(res.headers.get('content-disposition'), new RegExp(`attachment; filename="inzage-${young.reference}\\.json"`));
    const doc = await res.json();
    assert.equal(doc.reference, young.reference);
    assert.equal(doc.description, 'Retentietest: de verhuurder weigerde mij.');
    assert.equal(doc.contact.email, 'jong@example.nl');
    assert.equal(doc.contact.name, 'Jong Melder');
    assert.deepEqual(doc.messages.map((m) => [m.from, m.body]), [
      ['bureau', 'Vraag van het meldpunt aan de jonge melder.'],
      ['reporter', 'Antwoord van de jonge melder.'],
    ]);
    assert.equal(doc.files.length, 1);
    assert.equal(doc.files[0].name, 'jong-bewijs.txt');
    assert.match(doc.files[0].original_sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(doc.status_history.map((s) => s.status), ['received', 'closed']);
    assert.equal(doc.status.code, 'closed');
    assert.deepEqual(doc.classification.grounds.map((g) => g.code), ['religion', 'religion.anti_muslim']);
    assert.ok(doc.classification.grounds[0].label, 'with labels');
    assert.equal(doc.incident_municipality.name, 'Amsterdam');
    assert.ok(!JSON.stringify(doc).includes('beheer@meldpunt.example'), 'no staff addresses');

    const html = await (await coordinator.fetch(`${server.url}/medewerkers/meldingen/${young.id}/inzage`)).text();
    assert.equal(byId(html, 'export-description-text', ['div']).text, 'Retentietest: de verhuurder weigerde mij.');
    assert.match(html, /Antwoord van de jonge melder\./);
    assert.match(html, /Vraag van het meldpunt aan de jonge melder\./);
    assert.match(html, /jong@example\.nl/);
    assert.match(html, /jong-bewijs\.txt/);
    assert.equal(await auditCount('report.export'), exports + 2);
  });

  test('access request: intake workers, case handlers and municipality viewers get 403', async () => {
    const exports = await auditCount('report.export');
    for (const email of [INTAKE, HANDLER, VIEWER]) {
      const jar = await staffLogin(server.url, email, PASSWORD);
      for (const suffix of ['inzage', 'inzage.json']) {
        const res = await jar.fetch(`${server.url}/medewerkers/meldingen/${young.id}/${suffix}`);
        assert.equal(res.status, 403, `${email} ${suffix}`);
        assert.ok(!(await res.text()).includes('verhuurder'));
      }
    }
    assert.equal(await auditCount('report.export'), exports);
  });

  test('correction: a handler corrects the contact details; bad input comes back; the audit names the field, not the value', async () => {
    const handler = await staffLogin(server.url, HANDLER, PASSWORD);
    const form = await getForm(handler, `${server.url}/medewerkers/meldingen/${young.id}/corrigeren`);
    assert.equal(form.status, 200);
    assert.equal(textareaValue(form.html, 'description'), 'Retentietest: de verhuurder weigerde mij.');
    assert.equal(inputs(form.html, 'contact_email')[0].value, 'jong@example.nl');
    const url = `${server.url}/medewerkers/meldingen/${young.id}/corrigeren`;
    const description = 'Retentietest: de verhuurder weigerde mij.';

    let res = await postForm(handler, url, { csrf: form.csrf, description, contact_name: 'Jong Melder', contact_email: 'geen adres', contact_phone: '' });
    assert.equal(res.status, 422);
    assert.equal(inputs(res.html, 'contact_email')[0].value, 'geen adres', 'kept as typed');
    assert.match(byClass(res.html, 'p', 'field-error')[0].text, /e-mailadres/);
    res = await postForm(handler, url, { csrf: form.csrf, description, contact_name: '', contact_email: '', contact_phone: '' });
    assert.equal(res.status, 422);
    assert.match(res.html, /wis dan de persoonsgegevens/, 'points to erasure');

    res = await postForm(handler, url, { csrf: form.csrf, description, contact_name: 'J. Melder', contact_email: 'nieuw@example.nl', contact_phone: '06 1234 5678' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/medewerkers/meldingen/${young.id}?gecorrigeerd=1`);
    const page = await casePage(handler, young.id, '?gecorrigeerd=1');
    assert.match(elements(page.html, 'div', (a) => a.role === 'status')[0].text, /gecorrigeerd/);
    assert.ok(page.html.includes('nieuw@example.nl') && page.html.includes('06 1234 5678'));
    assert.ok(!page.html.includes('jong@example.nl'), 'the old address is gone');
    assert.deepEqual(await sql("SELECT subject FROM audit_log WHERE action = 'report.correct'"), [`${young.reference}: contact details`]);

    const intake = await staffLogin(server.url, INTAKE, PASSWORD);
    intake.set('mp_csrf', handler.get('mp_csrf'));
    res = await postForm(intake, url, { csrf: form.csrf, description: 'Iets anders', contact_email: 'x@example.nl' });
    assert.equal(res.status, 403);
    assert.equal(await auditCount('report.correct'), 1);
  });

  test('erasure: confirmed by the bureau admin, the personal data go now and the report still counts', async () => {
    const admin = await staffLogin(server.url);
    const figuresNow = await figures(admin);
    const url = `${server.url}/medewerkers/meldingen/${open.id}/wissen`;
    for (const [email, role] of [[HANDLER, 'handler'], [INTAKE, 'intake']]) {
      const jar = await staffLogin(server.url, email, PASSWORD);
      assert.equal((await jar.fetch(url)).status, 403, role);
    }
    const form = await getForm(admin, url);
    assert.equal(form.status, 200);
    assert.match(form.html, /kan niet ongedaan worden gemaakt/);
    let res = await postForm(admin, url, { csrf: form.csrf });
    assert.equal(res.status, 422, 'not confirmed');
    assert.ok(elements(res.html, 'div', (a) => a.role === 'alert').length);
    assert.match((await casePage(admin, open.id)).description, /een open zaak/, 'nothing erased yet');

    res = await postForm(admin, url, { csrf: form.csrf, confirm: 'yes' });
    assert.equal(res.status, 303);
    const page = await casePage(admin, open.id, '?gewist=1');
    assert.match(elements(page.html, 'div', (a) => a.role === 'status')[0].text, /gewist/);
    assert.ok(byId(page.html, 'anonymised-notice', ['p']));
    assert.equal(page.description, '');
    assert.match(byId(page.html, 'status', ['dd']).text, /Ontvangen/, 'the case itself goes on');
    assert.equal((await signIn(open.receipt)).status, 401);
    assert.equal(await figures(admin), figuresNow, 'still counted');
    assert.equal(await auditCount('report.erase'), 1);
    assert.equal((await admin.fetch(url)).status, 303, 'nothing left to erase');

    // The case goes on without new free text: a note is refused, a step with an empty text is fine.
    const handler = await staffLogin(server.url, HANDLER, PASSWORD);
    const before = await getForm(handler, `${server.url}/medewerkers/meldingen/${open.id}`);
    const version = before.html.match(/name="case_version" value="(\d+)"/)[1];
    const note = await postForm(handler, `${server.url}/medewerkers/meldingen/${open.id}/notitie`, {
      csrf: before.csrf, case_version: version, text: 'De melder belde terug vanaf 06-12345678.',
    });
    assert.equal(note.status, 422);
    assert.match(note.html, /De persoonsgegevens van deze zaak zijn gewist/);
    assert.equal((await sql(`SELECT COUNT(*) FROM case_events WHERE report_id = ${open.id} AND text_enc IS NOT NULL`))[0], '0');
    const step = await postForm(handler, `${server.url}/medewerkers/meldingen/${open.id}/stap`, {
      csrf: before.csrf, case_version: version, step: 'first_analysis', text: '',
    });
    assert.equal(step.status, 303);
  });

  test('the daily job in serve anonymises at start what became due while it was down', async () => {
    // The correction above changed nothing of the closing time: 400 more days make it due.
    await setClock(400 + 745);
    await server.stop({ keepData: true });
    server = await startServer({
      database: server.database, dataDir: server.dataDir, resetDatabase: false,
      env: { MELDPUNT_CLOCK_OFFSET_FILE: offsetFile },
    });
    let line;
    for (let i = 0; i < 100 && !line; i++) {
      line = server.stderr().split('\n').map((l) => { try { return JSON.parse(l); } catch { return {}; } })
        .find((r) => r.msg === 'retention run');
      if (!line) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(line, `a retention run at start: ${server.stderr().slice(-2000)}`);
    assert.equal(line.anonymised, 1);
    const admin = await staffLogin(server.url);
    const page = await casePage(admin, young.id);
    assert.ok(byId(page.html, 'anonymised-notice', ['p']));
    assert.ok(!page.html.includes('nieuw@example.nl'));
    assert.equal(await auditCount('report.anonymise'), 2);
  });
});
