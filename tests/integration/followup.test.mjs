// Following a report up with the receipt code (volgcode): shown once on the confirmation page,
// typed at /melden/volgen to see the status and the messages with the bureau, and to answer.
// Staff read the report (audit-logged), write to the reporter and move the case along its steps,
// which the reporter sees as the status. Guessing codes
// is limited per client; a wrong or malformed code gets the same plain answer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CookieJar, csrfOf, getForm, isPostgres, postForm, repoRoot, startServer } from './harness.mjs';
import { byClass, byId, elements, textOf } from './html.mjs';
import { addStaff, staffLogin, validReport } from './flows.mjs';

const run = promisify(execFile);

/** Run one SQL query against the server's database; the first column of every row, as text. */
async function sql(server, query) {
  const { stdout } = isPostgres(server.database)
    ? await run('psql', [server.database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', query])
    : await run('sqlite3', [server.database.replace(/^sqlite:/, ''), query]);
  return stdout.trim().split('\n').filter((l) => l !== '');
}

/** Stop the server and check it exited cleanly (under ASan: no leaks, no errors). */
async function stopCleanly(server) {
  if (!server) return;
  const exit = await server.stop();
  assert.ok(!/Sanitizer/.test(server.stderr()), server.stderr().slice(-4000));
  assert.equal(exit.code, 0, 'the server exits cleanly');
}

async function auditCount(server, action) {
  return Number((await sql(server, `SELECT COUNT(*) FROM audit_log WHERE action = '${action}'`))[0]);
}

function hiddenValue(html, name) {
  return html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
}

/** The receipt groups on a confirmation page, joined with spaces; undefined when none shown. */
function receiptOn(html) {
  const groups = byClass(html, 'span', 'receipt-group').map((g) => g.text);
  return groups.length ? groups.join(' ') : undefined;
}

/**
 * Send a valid report the way a browser does (GET the form, POST it with its key), follow the
 * 303 with the same cookies: { jar, key, fields, reference, receipt, location, confirmation }.
 */
async function report(server, overrides = {}, jar = new CookieJar()) {
  const form = await getForm(jar, `${server.url}/melden`);
  const key = hiddenValue(form.html, 'submission_key');
  // A complaint (klacht), so that it stays open: a report for registration only is closed at once.
  const fields = { csrf: form.csrf, submission_key: key, ...validReport({ wishes: ['advice'], ...overrides }) };
  return { ...(await send(server, jar, fields)), key, fields };
}

async function send(server, jar, fields) {
  const res = await postForm(jar, `${server.url}/melden`, fields);
  assert.equal(res.status, 303, res.html.slice(0, 500));
  const page = await jar.fetch(new URL(res.location, server.url));
  assert.equal(page.status, 200);
  const confirmation = await page.text();
  return {
    jar,
    location: res.location,
    confirmation,
    reference: byClass(confirmation, 'strong', 'reference')[0]?.text,
    receipt: receiptOn(confirmation),
  };
}

/** A reporter's browser: GET /melden/volgen for the token, POST the code. */
async function signIn(server, receipt, jar = new CookieJar(), extra = {}) {
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  assert.equal(form.status, 200);
  const res = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt, ...extra });
  return { ...res, jar };
}

/** The reporter's thread page: { status, html, statusCode, messages: [{ author, who, body }] }. */
async function threadPage(server, jar, where = '/melden/volgen') {
  const res = await jar.fetch(`${server.url}${where}`);
  const html = await res.text();
  return { status: res.status, html, ...parseThread(html) };
}

function parseThread(html) {
  const status = byId(html, 'status', ['dd']);
  const messages = elements(html, 'li', (a) => (a.class ?? '').split(/\s+/).includes('message')).map((m) => ({
    author: m.attrs['data-author'],
    who: byClass(m.html, 'strong', 'message-author')[0]?.text,
    body: textOf(byClass(m.html, 'div', 'message-body')[0]?.html ?? ''),
  }));
  return { statusCode: status?.attrs['data-status'], statusText: status?.text, messages };
}

describe('the receipt code and the follow-up page', () => {
  let server;
  before(async () => {
    // One test client makes many attempts here; the limits have their own suite below.
    server = await startServer({ env: { MELDPUNT_FOLLOWUP_BURST: '0' } });
    await addStaff(server);
    await addStaff(server, 'kijker@meldpunt.example', 'lang-genoeg-wachtwoord-43', 'intake');
  });
  after(async () => { await stopCleanly(server); });

  test('anonymous report → code once → status and thread → staff writes → reporter answers', async () => {
    const description = 'Volgtest: de verhuurder wilde niet aan mij verhuren vanwege mijn afkomst.';
    const sent = await report(server, { description });
    assert.match(sent.reference, /^MP-\d{4}-\d{6}$/);
    assert.match(sent.receipt, /^\d{4} \d{4} \d{4} \d{4} \d{4}$/, 'the code in five groups of four');
    assert.match(sent.confirmation, /href="\/melden\/volgen"/, 'a link to the follow-up page');
    assert.match(sent.confirmation, /id="print-page"/, 'a print button');
    assert.ok(!sent.location.includes(sent.receipt.replaceAll(' ', '')), 'not in the URL');

    // The code is shown only to the browser that sent the report, and never in the clear in a cookie.
    const elsewhere = await fetch(new URL(sent.location, server.url));
    const other = await elsewhere.text();
    assert.equal(elsewhere.status, 200);
    assert.equal(receiptOn(other), undefined, 'another browser sees the reference, not the code');
    const cookie = sent.jar.lastSetCookie('mp_receipt');
    assert.ok(cookie, 'the code travels in an encrypted cookie');
    assert.equal(cookie.attrs.path, '/melden/ontvangen');
    assert.ok(cookie.attrs.httponly);
    assert.equal(cookie.attrs.samesite, 'Strict');
    assert.ok(Number(cookie.attrs['max-age']) > 0 && Number(cookie.attrs['max-age']) <= 900);
    assert.ok(!decodeURIComponent(cookie.value).includes(sent.receipt.replaceAll(' ', '')));

    // The reporter, in a fresh browser, with only the code (typed with dashes).
    const reporter = new CookieJar();
    const form = await getForm(reporter, `${server.url}/melden/volgen`);
    const field = elements(form.html, 'input', (a) => a.name === 'receipt')[0];
    assert.equal(field.attrs.autocomplete, 'off');
    assert.equal(field.attrs.inputmode, 'numeric');
    const signedIn = await signIn(server, sent.receipt.replaceAll(' ', '-'), reporter);
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.location, '/melden/volgen');
    const session = reporter.lastSetCookie('mp_followup');
    assert.ok(session?.attrs.httponly, 'an HttpOnly follow-up session cookie');
    assert.equal(session.attrs.samesite, 'Strict');
    assert.equal(session.attrs.path, '/');

    let thread = await threadPage(server, reporter);
    assert.equal(thread.status, 200);
    assert.equal(thread.statusCode, 'received');
    assert.match(thread.statusText, /Ontvangen/);
    assert.match(thread.html, new RegExp(sent.reference));
    assert.ok(byId(thread.html, 'thread-empty', ['p']), 'an empty thread');
    assert.deepEqual(thread.messages, []);
    assert.ok(!thread.html.includes(description), 'the report text is not shown on the follow-up page');

    // Staff: the list links to the report; opening it is audit-logged.
    const staff = await staffLogin(server.url);
    const list = await (await staff.fetch(`${server.url}/medewerkers/meldingen`)).text();
    const link = list.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${sent.reference}<`))?.[1];
    assert.ok(link, 'the reference links to the report');
    const readsBefore = await auditCount(server, 'report.read');
    const detail = await getForm(staff, `${server.url}${link}`);
    assert.equal(detail.status, 200);
    assert.match(detail.html, new RegExp(description.replace(/[.:]/g, '\\$&')));
    assert.equal(await auditCount(server, 'report.read'), readsBefore + 1, 'the read is on the audit log');
    const question = 'Dank voor uw melding. Wanneer gebeurde dit precies?\nEn was er iemand bij?';
    let res = await postForm(staff, `${server.url}${link}/bericht`, { csrf: detail.csrf, message: question });
    assert.equal(res.status, 303, res.html.slice(0, 500));
    // The reporter's status follows the case's protocol step.
    res = await postForm(staff, `${server.url}${link}/stap`, { csrf: detail.csrf, case_version: hiddenValue(detail.html, 'case_version'), step: 'first_analysis' });
    assert.equal(res.status, 303);
    assert.equal(await auditCount(server, 'report.message'), 1);
    assert.equal(await auditCount(server, 'case.step'), 1);

    // The reporter sees the message as from the bureau, and the new status, without typing the code again.
    thread = await threadPage(server, reporter);
    assert.equal(thread.statusCode, 'in_progress');
    assert.match(thread.statusText, /In behandeling/);
    assert.equal(thread.messages.length, 1);
    assert.equal(thread.messages[0].author, 'bureau');
    assert.equal(thread.messages[0].who, 'Meldpunt');
    assert.equal(thread.messages[0].body, question.replace('\n', ' '));
    assert.ok(!thread.html.includes('beheer@meldpunt.example'), 'no staff address for the reporter');

    // The reporter answers.
    const answer = 'Op 3 november, rond 14 uur. Mijn buurvrouw was erbij.';
    res = await postForm(reporter, `${server.url}/melden/volgen/bericht`, { csrf: csrfOf(thread.html), message: answer });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/melden/volgen?verzonden=1');
    thread = await threadPage(server, reporter);
    assert.deepEqual(thread.messages.map((m) => [m.author, m.who]), [['bureau', 'Meldpunt'], ['reporter', 'U']]);
    assert.equal(thread.messages[1].body, answer);

    // Staff see the answer, from the reporter, and their own message with their address.
    const again = parseThread(await (await staff.fetch(`${server.url}${link}`)).text());
    assert.deepEqual(again.messages.map((m) => m.author), ['bureau', 'reporter']);
    assert.equal(again.messages[1].body, answer);
    assert.equal(again.messages[1].who, 'Melder');
    assert.match(again.messages[0].who, /beheer@meldpunt\.example/);
    assert.equal(again.statusCode, 'in_progress');

    // Messages are stored encrypted; the code is in no row in the clear (for SQLite the whole file
    // is searched in the next test).
    const digits = sent.receipt.replaceAll(' ', '');
    if (isPostgres(server.database)) {
      for (const table of ['reports', 'report_receipts', 'report_messages', 'followup_sessions', 'audit_log']) {
        const hits = await sql(server, `SELECT COUNT(*) FROM ${table} t WHERE t::text LIKE '%${digits}%'`);
        assert.equal(hits[0], '0', `${table}`);
      }
    }
    const stored = await sql(server, 'SELECT receipt_hash FROM report_receipts');
    // Keyed BLAKE2b with its scheme prefix (issue 16; receipt-schemes.test.mjs has the old scheme).
    assert.ok(stored.every((h) => /^k2:[0-9a-f]{64}$/.test(h)), 'only keyed hashes');
    assert.ok(!(await sql(server, 'SELECT body_enc FROM report_messages')).some((b) => b.includes('buurvrouw')));
  });

  test('the reporter answers with a photo: its location is gone, staff see it under the answer and download it', async () => {
    const sent = await report(server, { description: 'Volgtest met een bestand.' });
    const reporter = new CookieJar();
    assert.equal((await signIn(server, sent.receipt, reporter)).status, 303);
    let thread = await threadPage(server, reporter);
    const [form] = elements(thread.html, 'form', (a) => a.action === '/melden/volgen/bericht');
    assert.equal(form.attrs.enctype, 'multipart/form-data');
    assert.ok(elements(form.html, 'input', (a) => a.name === 'evidence' && a.type === 'file').length, 'a file input');

    const photo = await readFile(path.join(repoRoot, 'tests/fixtures/evidence/photo-gps.jpg'));
    const body = new FormData();
    body.append('csrf', csrfOf(thread.html));
    body.append('message', 'Hier is de foto van het bord bij de ingang.');
    body.append('evidence', new Blob([photo], { type: 'image/jpeg' }), 'bord ingang.jpg');
    const res = await reporter.fetch(`${server.url}/melden/volgen/bericht`, { method: 'POST', body, redirect: 'manual' });
    assert.equal(res.status, 303, (await res.text()).slice(0, 500));
    thread = await threadPage(server, reporter);
    assert.match(thread.html, /bord ingang\.jpg/, 'the reporter sees the file under the answer');
    assert.ok(!/bestanden\/\d+/.test(thread.html), 'but gets no download link');

    const staff = await staffLogin(server.url);
    const page = await (await staff.fetch(`${server.url}/medewerkers/meldingen/${Number(sent.reference.slice(-6))}`)).text();
    const href = page.match(/href="(\/medewerkers\/meldingen\/\d+\/bestanden\/\d+)">bord ingang\.jpg</)?.[1];
    assert.ok(href, 'staff see the file under the answer, with a link');
    const file = await staff.fetch(`${server.url}${href}`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await file.arrayBuffer());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mp-exif-'));
    await writeFile(path.join(dir, 'f.jpg'), bytes);
    const { stdout } = await run('exiftool', ['-j', '-G', path.join(dir, 'f.jpg')]);
    await rm(dir, { recursive: true, force: true });
    const tags = JSON.parse(stdout)[0];
    assert.equal(tags['EXIF:GPSLatitude'], undefined, 'no GPS position');
    assert.equal(tags['EXIF:Make'], undefined, 'no camera');
  });

  test('a refused file in an answer keeps the text and stores nothing', async () => {
    const sent = await report(server, { description: 'Volgtest met een fout bestand.' });
    const reporter = new CookieJar();
    await signIn(server, sent.receipt, reporter);
    const thread = await threadPage(server, reporter);
    const body = new FormData();
    body.append('csrf', csrfOf(thread.html));
    body.append('message', 'Dit bestand is geen foto.');
    body.append('evidence', new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/png' }), 'foto.png');
    const res = await reporter.fetch(`${server.url}/melden/volgen/bericht`, { method: 'POST', body, redirect: 'manual' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /foto\.png/);
    assert.match(html, /Dit bestand is geen foto\./, 'the text is kept');
    assert.deepEqual((await threadPage(server, reporter)).messages, [], 'no message stored');
  });

  test('the code is in neither the database file nor the server log', async () => {
    const sent = await report(server, { description: 'Volgtest: niet in het bestand.' });
    const digits = sent.receipt.replaceAll(' ', '');
    await signIn(server, sent.receipt);
    for (const form of [digits, sent.receipt]) {
      assert.ok(!server.stderr().includes(form), 'not in the log');
    }
    if (isPostgres(server.database)) return; // the rows were checked in the flow above
    const dir = path.dirname(server.database.replace(/^sqlite:/, ''));
    for (const name of await readdir(dir)) {
      if (!name.startsWith('meldpunt.db')) continue;
      const bytes = await readFile(path.join(dir, name), 'latin1');
      assert.ok(!bytes.includes(digits) && !bytes.includes(sent.receipt), `not in ${name}`);
    }
  });

  test('a resent form (same submission key) shows the same code again', async () => {
    const first = await report(server, { description: 'Volgtest: tweemaal verstuurd.' });
    const again = await send(server, first.jar, first.fields);
    assert.equal(again.reference, first.reference);
    assert.equal(again.receipt, first.receipt);
    // Also from another browser that has the same draft (the key), e.g. after a lost answer.
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    const third = await send(server, jar, { ...first.fields, csrf: form.csrf });
    assert.equal(third.receipt, first.receipt);
    // A new form is a new report with a new code.
    const other = await report(server, { description: 'Volgtest: tweemaal verstuurd.' });
    assert.notEqual(other.receipt, first.receipt);
  });

  test('a form without a submission key still gets a working code', async () => {
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    const sent = await send(server, jar, { csrf: form.csrf, ...validReport({ description: 'Volgtest: zonder sleutel.' }) });
    assert.match(sent.receipt, /^\d{4}( \d{4}){4}$/);
    const signedIn = await signIn(server, sent.receipt);
    assert.equal(signedIn.status, 303);
  });

  test('a wrong code and a malformed code get the same plain answer, and no thread', async () => {
    const jar = new CookieJar();
    const wrong = await signIn(server, '1234 5678 9012 3456 7890', jar);
    const malformed = await signIn(server, 'dit is geen code', jar);
    const tooLong = await signIn(server, '1'.repeat(500), jar);
    for (const res of [wrong, malformed, tooLong]) {
      assert.equal(res.status, 401);
      assert.match(res.html, /We hebben geen melding met deze code gevonden/);
      assert.ok(!/class="thread/.test(res.html), 'no thread');
      assert.equal(jar.lastSetCookie('mp_followup'), undefined, 'no session');
      assert.ok(!res.html.includes('dit is geen code'), 'what was typed is not echoed');
    }
    assert.equal(malformed.html, wrong.html, 'the same page, byte for byte');
    assert.equal(tooLong.html, wrong.html);
    const empty = await signIn(server, '  ', jar);
    assert.equal(empty.status, 422);
    assert.match(empty.html, /Vul uw volgcode in\./);
  });

  test('a wrong code takes as long to answer as a malformed one', async () => {
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden/volgen`);
    const time = async (receipt) => {
      const start = process.hrtime.bigint();
      await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const wrong = [];
    const malformed = [];
    for (let i = 0; i < 7; i++) {
      wrong.push(await time('9876 5432 1098 7654 3210'));
      malformed.push(await time('x'));
    }
    // Both do the slow hash; a malformed code that skipped it would be several times faster.
    assert.ok(median(malformed) > median(wrong) / 3, `wrong ${median(wrong)} ms, malformed ${median(malformed)} ms`);
  });

  test('an answer needs the anti-forgery token, a session, and a valid text', async () => {
    const sent = await report(server, { description: 'Volgtest: antwoorden.' });
    const { jar } = await signIn(server, sent.receipt);
    const page = await threadPage(server, jar);
    const csrf = csrfOf(page.html);
    let res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf: 'fout', message: 'Hallo' });
    assert.equal(res.status, 403);
    res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf, message: '   ' });
    assert.equal(res.status, 422);
    assert.match(res.html, /Schrijf eerst uw bericht\./);
    res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf, message: 'a'.repeat(5001) });
    assert.equal(res.status, 422);
    assert.match(res.html, /aria-invalid="true"/);
    assert.ok(res.html.includes('a'.repeat(5001)), 'what was typed is kept');
    res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf, message: 'bel\u0007' });
    assert.equal(res.status, 422);
    assert.deepEqual((await threadPage(server, jar)).messages, []);
  });

  test('an answer sent after the session ended is kept and sent once the code is typed again', async () => {
    const sent = await report(server, { description: 'Volgtest: sessie voorbij.' });
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden/volgen`);
    const answer = 'Dit typte ik terwijl de sessie verliep.';
    const late = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf: form.csrf, message: answer });
    assert.equal(late.status, 401);
    assert.match(late.html, /Uw bericht is nog niet verstuurd/);
    assert.ok(late.html.includes(answer), 'the answer is in the form');
    const res = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt: sent.receipt, message: answer });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/melden/volgen?verzonden=1');
    const thread = await threadPage(server, jar, res.location);
    assert.deepEqual(thread.messages.map((m) => m.body), [answer]);
    assert.match(thread.html, /Uw bericht is verstuurd\./);
  });

  test('logging out ends the session', async () => {
    const sent = await report(server, { description: 'Volgtest: uitloggen.' });
    const { jar } = await signIn(server, sent.receipt);
    const stolen = jar.clone();
    const page = await threadPage(server, jar);
    const res = await postForm(jar, `${server.url}/melden/volgen/afsluiten`, { csrf: csrfOf(page.html) });
    assert.equal(res.status, 303);
    assert.equal(jar.get('mp_followup'), undefined, 'the cookie is removed');
    const after = await threadPage(server, jar, res.location);
    assert.match(after.html, /U bent uitgelogd/);
    assert.equal(after.messages.length, 0);
    assert.ok(!/id="status"/.test(after.html));
    const replay = await threadPage(server, stolen);
    assert.ok(!/id="status"/.test(replay.html), 'the old cookie is worth nothing on the server either');
  });

  test('in English, the pages are in English', async () => {
    const sent = await report(server, { description: 'Followup test in English.' });
    const jar = new CookieJar();
    await jar.fetch(`${server.url}/melden/volgen?lang=en`);
    const wrong = await signIn(server, '0000 0000 0000 0000 0001', jar);
    assert.match(wrong.html, /We could not find a report with this code/);
    await signIn(server, sent.receipt, jar);
    const thread = await threadPage(server, jar);
    assert.match(thread.statusText, /Received/);
    assert.match(thread.html, /There are no messages yet\./);
  });

  test('staff: other reports, unknown reports, CSRF, and intake workers who may only read', async () => {
    const sent = await report(server, { description: 'Volgtest: medewerkers.' });
    const staff = await staffLogin(server.url);
    const link = (await (await staff.fetch(`${server.url}/medewerkers/meldingen`)).text())
      .match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${sent.reference}<`))[1];
    const detail = await getForm(staff, `${server.url}${link}`);
    for (const bad of ['/medewerkers/meldingen/999999', '/medewerkers/meldingen/abc', '/medewerkers/meldingen/0', `${link}/x`]) {
      assert.equal((await staff.fetch(`${server.url}${bad}`)).status, 404, bad);
    }
    const version = hiddenValue(detail.html, 'case_version');
    assert.equal((await postForm(staff, `${server.url}${link}/stap`, { csrf: 'fout', case_version: version, step: 'first_analysis' })).status, 403);
    const unknown = await postForm(staff, `${server.url}${link}/stap`, { csrf: detail.csrf, case_version: version, step: 'open' });
    assert.equal(unknown.status, 422);
    assert.match(unknown.html, /Kies de volgende stap\./);
    const empty = await postForm(staff, `${server.url}${link}/bericht`, { csrf: detail.csrf, message: '' });
    assert.equal(empty.status, 422);
    assert.match(empty.html, /Schrijf eerst uw bericht\./);
    const anonymous = await fetch(`${server.url}${link}`, { redirect: 'manual' });
    assert.equal(anonymous.status, 303, 'no session, no report');

    const viewer = await staffLogin(server.url, 'kijker@meldpunt.example', 'lang-genoeg-wachtwoord-43');
    const seen = await getForm(viewer, `${server.url}${link}`);
    assert.equal(seen.status, 200);
    assert.ok(!/action="[^"]*\/bericht"/.test(seen.html), 'no form to write');
    const close = { case_version: version, handlings: 'registration_only', outcome: 'registration_only' };
    const refused = await postForm(viewer, `${server.url}${link}/afsluiten`, { csrf: seen.csrf, ...close });
    assert.equal(refused.status, 403);
    const closed = await postForm(staff, `${server.url}${link}/afsluiten`, { csrf: detail.csrf, ...close });
    assert.equal(closed.status, 303);
    const { jar } = await signIn(server, sent.receipt);
    assert.equal((await threadPage(server, jar)).statusCode, 'closed');
  });
});

describe('guessing codes is limited per client', () => {
  let server;
  before(async () => {
    server = await startServer({
      env: { MELDPUNT_FOLLOWUP_BURST: '3', MELDPUNT_FOLLOWUP_REFILL_SECONDS: '2' },
    });
  });
  after(async () => { await stopCleanly(server); });

  test('after the burst: 429 with when to try again; after the wait the right code works', async () => {
    const sent = await report(server, { description: 'Volgtest: te vaak geraden.' });
    const jar = new CookieJar();
    for (let i = 0; i < 3; i++) {
      const wrong = await signIn(server, `1111 2222 3333 4444 555${i}`, jar);
      assert.equal(wrong.status, 401, `attempt ${i + 1}`);
    }
    for (const receipt of ['1111 2222 3333 4444 5559', sent.receipt]) {
      const limited = await signIn(server, receipt, jar);
      assert.equal(limited.status, 429, 'even the right code waits');
      const retry = Number(limited.res.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 2, `Retry-After ${retry}`);
      assert.match(limited.html, /Te vaak geprobeerd/);
      assert.match(limited.html, /U kunt het over 1 minuut opnieuw proberen\./);
      assert.equal(jar.lastSetCookie('mp_followup'), undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const ok = await signIn(server, sent.receipt, jar);
    assert.equal(ok.status, 303, 'the reporter is not locked out for long');
    assert.equal((await threadPage(server, jar)).statusCode, 'received');
  });

  test('in English the wait is said in English', async () => {
    const jar = new CookieJar();
    await jar.fetch(`${server.url}/melden/volgen?lang=en`);
    for (let i = 0; i < 4; i++) await signIn(server, 'x', jar);
    const limited = await signIn(server, 'x', jar);
    assert.equal(limited.status, 429);
    assert.match(limited.html, /You can try again in 1 minute\./);
  });
});

describe('answers count against the per-client limit on reports', () => {
  let server;
  before(async () => {
    server = await startServer({
      env: { MELDPUNT_FOLLOWUP_BURST: '0', MELDPUNT_REPORT_BURST: '3', MELDPUNT_REPORT_REFILL_SECONDS: '3600' },
    });
  });
  after(async () => { await stopCleanly(server); });

  test('over the limit an answer is not stored, and its text stays in the form', async () => {
    const sent = await report(server, { description: 'Volgtest: veel berichten.' });
    const { jar } = await signIn(server, sent.receipt);
    const csrf = csrfOf((await threadPage(server, jar)).html);
    for (const message of ['Eerste aanvulling.', 'Tweede aanvulling.']) {
      const res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf, message });
      assert.equal(res.status, 303);
    }
    const res = await postForm(jar, `${server.url}/melden/volgen/bericht`, { csrf, message: 'Derde, te snel.' });
    assert.equal(res.status, 429);
    assert.ok(res.res.headers.get('retry-after'));
    assert.match(res.html, /We kregen in korte tijd veel berichten/);
    assert.match(res.html, /Derde, te snel\./, 'the text is kept');
    const thread = await threadPage(server, jar);
    assert.deepEqual(thread.messages.map((m) => m.body), ['Eerste aanvulling.', 'Tweede aanvulling.']);
  });
});

describe('behind TLS', () => {
  let server;
  before(async () => {
    server = await startServer({ env: { MELDPUNT_PUBLIC_URL: 'https://meldpunt.example', MELDPUNT_FOLLOWUP_BURST: '0' } });
  });
  after(async () => { await stopCleanly(server); });

  test('the receipt cookie is __Secure- for its path, the session cookie __Host-, both Secure', async () => {
    const sent = await report(server, { description: 'Volgtest: achter TLS.' });
    assert.match(sent.receipt, /^\d{4}( \d{4}){4}$/, 'the confirmation reads the __Secure- cookie');
    const receipt = sent.jar.lastSetCookie('__Secure-mp_receipt');
    assert.ok(receipt, `__Secure-mp_receipt is set (got: ${sent.jar.setCookies.join(' | ')})`);
    assert.equal(receipt.attrs.secure, true);
    assert.equal(receipt.attrs.path, '/melden/ontvangen');
    assert.equal(sent.jar.lastSetCookie('mp_receipt'), undefined);

    const { status, jar } = await signIn(server, sent.receipt);
    assert.equal(status, 303);
    const session = jar.lastSetCookie('__Host-mp_followup');
    assert.ok(session, `__Host-mp_followup is set (got: ${jar.setCookies.join(' | ')})`);
    assert.equal(session.attrs.secure, true);
    assert.equal(session.attrs.path, '/');
    assert.equal(session.attrs.domain, undefined);
    assert.equal((await threadPage(server, jar)).statusCode, 'received');
  });
});
