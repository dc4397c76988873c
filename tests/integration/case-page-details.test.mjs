// The case page's details that issue 14 found missing or wrong: the report's files listed on the
// case page with the audited download link, the messages with the reporter in the history of the
// case, and the closing form of a complaint (klacht) that ticks no handling by itself.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, csrfOf, getForm, postForm, repoRoot, startServer } from './harness.mjs';
import { byClass, byId, elements, tags, textOf } from './html.mjs';
import { addStaff, staffLogin, validReport } from './flows.mjs';
import { sql as sqlOf } from './database.mjs';

const fixture = (name) => readFile(path.join(repoRoot, 'tests', 'fixtures', 'evidence', name));
// A complaint (klacht) stays open; a report for registration only is closed at once.
const complaint = (overrides) => validReport({ wishes: ['advice'], ...overrides });

let server;
let staff;
let offsetFile; // the server's clock offset in seconds, read at each use
before(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-test-'));
  offsetFile = path.join(dataDir, 'clock-offset');
  await writeFile(offsetFile, '0');
  server = await startServer({ dataDir, env: { MELDPUNT_FOLLOWUP_BURST: '0', MELDPUNT_CLOCK_OFFSET_FILE: offsetFile } });
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(() => server?.stop());

/** Run one SQL query against the server's database; the first column of every row, as text. */
const sql = (query) => sqlOf(server, query);

/**
 * Send a report from the public form as multipart, with files ([{ name, type, bytes }]):
 * { reference, receipt, link }.
 */
async function report(fields, files = []) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const body = new FormData();
  for (const [name, value] of Object.entries({ csrf: form.csrf, ...fields })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  for (const f of files) body.append('evidence', new Blob([f.bytes], { type: f.type }), f.name);
  if (files.length === 0) body.append('evidence', new Blob([]), '');
  const res = await jar.fetch(`${server.url}/melden`, { method: 'POST', body, redirect: 'manual' });
  assert.equal(res.status, 303, (await res.text()).slice(0, 500));
  const page = await (await jar.fetch(new URL(res.headers.get('location'), server.url))).text();
  const reference = byClass(page, 'strong', 'reference')[0].text;
  const receipt = byClass(page, 'span', 'receipt-group').map((g) => g.text).join(' ');
  return { reference, receipt, link: `/medewerkers/meldingen/${Number(reference.slice(-6))}` };
}

/** The reporter's browser, signed in at /melden/volgen with the receipt code. */
async function reporterSignedIn(receipt) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  const res = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
  assert.equal(res.status, 303);
  return jar;
}

async function caseHtml(link) {
  const res = await staff.fetch(`${server.url}${link}`);
  assert.equal(res.status, 200);
  return res.text();
}

/** The history of the case page, in page order: events and messages. */
function historyOf(html) {
  const list = byId(html, 'case-history', ['ol']);
  if (!list) return [];
  return elements(list.html, 'li').map((e) => ({
    class: e.attrs.class,
    kind: e.attrs['data-kind'],
    from: e.attrs['data-from'],
    what: byClass(e.html, 'strong', 'event-what')[0]?.text,
    who: byClass(e.html, 'span', 'event-who')[0]?.text,
    at: byClass(e.html, 'span', 'event-time')[0]?.text,
    text: textOf(byClass(e.html, 'div', 'event-text')[0]?.html ?? ''),
  }));
}

describe('the files of a report on the case page', () => {
  test('every file is listed with its name, size and the audited download link', async () => {
    const pdf = await fixture('letter.pdf');
    const sent = await report(complaint(), [
      { name: 'brief werkgever.pdf', type: 'application/pdf', bytes: pdf },
      { name: 'schermafdruk.png', type: 'image/png', bytes: await fixture('screenshot.png') },
    ]);
    const id = Number(sent.reference.slice(-6));
    // The reporter sends one more file later, with a message.
    const reporter = await reporterSignedIn(sent.receipt);
    const thread = await (await reporter.fetch(`${server.url}/melden/volgen`)).text();
    const body = new FormData();
    body.append('csrf', csrfOf(thread));
    body.append('message', 'Hier nog een foto.');
    body.append('evidence', new Blob([await fixture('photo-gps.jpg')], { type: 'image/jpeg' }), 'ingang.jpg');
    const answered = await reporter.fetch(`${server.url}/melden/volgen/bericht`, { method: 'POST', body, redirect: 'manual' });
    assert.equal(answered.status, 303);

    const html = await caseHtml(sent.link);
    const list = byId(html, 'case-files', ['ul']);
    assert.ok(list, 'a list of files on the case page');
    const files = elements(list.html, 'li').map((li) => {
      const [a] = elements(li.html, 'a');
      return { href: a.attrs.href, name: a.text, size: byClass(li.html, 'span', 'file-size')[0]?.text, source: byClass(li.html, 'span', 'file-source')[0]?.text };
    });
    assert.deepEqual(files.map((f) => f.name), ['brief werkgever.pdf', 'schermafdruk.png', 'ingang.jpg']);
    for (const f of files) {
      assert.match(f.href, new RegExp(`^/medewerkers/meldingen/${id}/bestanden/\\d+$`), 'the download route');
      assert.match(f.size, /^\d+(,\d)? (KB|MB)$/);
    }
    assert.equal(files[0].size, `${Math.ceil(pdf.length / 1024)} KB`);
    assert.deepEqual(files.map((f) => f.source), ['meegestuurd met de melding', 'meegestuurd met de melding', 'meegestuurd met een bericht']);
    assert.ok(!byId(html, 'case-files-empty'), 'no "no files" line');

    // The link downloads the file, and the download goes on the record.
    const before = Number((await sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'download_evidence'`))[0]);
    const res = await staff.fetch(`${server.url}${files[0].href}`);
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf);
    assert.match(res.headers.get('content-disposition'), /^attachment;/);
    assert.equal(Number((await sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'download_evidence'`))[0]), before + 1);
  });

  test('a report without files says so', async () => {
    const sent = await report(complaint());
    const html = await caseHtml(sent.link);
    assert.ok(!byId(html, 'case-files', ['ul']));
    assert.equal(byId(html, 'case-files-empty', ['p'])?.text, 'Er zijn geen bestanden met deze melding meegestuurd.');
  });
});

describe('the history of a case', () => {
  test('holds the messages with the reporter among the events, in time order, marked as messages', async () => {
    const sent = await report(complaint({ description: 'Geweigerd bij de sportschool vanwege mijn hoofddoek.' }));
    const at = async (minutes) => writeFile(offsetFile, String(minutes * 60));
    const caseForm = async () => {
      const html = await caseHtml(sent.link);
      return { csrf: csrfOf(html), version: tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value };
    };
    try {
      let form = await caseForm();
      let res = await postForm(staff, `${server.url}${sent.link}/notitie`, { csrf: form.csrf, case_version: form.version, text: 'Eerst de melder vragen naar de datum.' });
      assert.equal(res.status, 303);
      await at(2);
      form = await caseForm();
      res = await postForm(staff, `${server.url}${sent.link}/bericht`, { csrf: form.csrf, message: 'Kunt u de datum bevestigen?' });
      assert.equal(res.status, 303);
      await at(4);
      const reporter = await reporterSignedIn(sent.receipt);
      const thread = await (await reporter.fetch(`${server.url}/melden/volgen`)).text();
      res = await postForm(reporter, `${server.url}/melden/volgen/bericht`, { csrf: csrfOf(thread), message: 'Ja, het was op maandag.' });
      assert.equal(res.status, 303);
      await at(6);
      form = await caseForm();
      res = await postForm(staff, `${server.url}${sent.link}/notitie`, { csrf: form.csrf, case_version: form.version, text: 'Datum bevestigd.' });
      assert.equal(res.status, 303);
    } finally {
      await at(0);
    }

    const history = historyOf(await caseHtml(sent.link));
    assert.deepEqual(history.map((e) => [e.class, e.kind, e.from]), [
      ['case-event', 'note', undefined],
      ['case-message', 'message', 'bureau'],
      ['case-message', 'message', 'reporter'],
      ['case-event', 'note', undefined],
    ]);
    assert.deepEqual(history.map((e) => e.text), ['Eerst de melder vragen naar de datum.', 'Kunt u de datum bevestigen?', 'Ja, het was op maandag.', 'Datum bevestigd.']);
    assert.equal(history[1].what, 'Bericht aan de melder');
    assert.equal(history[1].who, 'beheer@meldpunt.example', 'the colleague who wrote for the bureau');
    assert.equal(history[2].what, 'Bericht van de melder');
    assert.equal(history[2].who, 'de melder');
    const times = history.map((e) => e.at);
    assert.ok(times.every((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(t)), times.join());
    assert.deepEqual([...times].sort(), times, 'oldest first');
    assert.equal(new Set(times).size, 4, 'each two minutes apart');
  });
});

describe('the closing form', () => {
  const ticked = (html) => tags(html, 'input').filter((t) => t.attrs.name === 'handlings' && 'checked' in t.attrs).map((t) => t.attrs.value);
  const version = (html) => tags(html, 'input').find((t) => t.attrs.name === 'case_version')?.attrs.value;

  test('ticks no handling on a complaint on which nothing was done, and what was done once it was', async () => {
    const sent = await report(complaint());
    let html = await caseHtml(sent.link);
    assert.equal(byId(html, 'kind', ['dd']).attrs['data-kind'], 'complaint');
    assert.ok(tags(html, 'input').some((t) => t.attrs.name === 'handlings' && t.attrs.value === 'registration_only'), '"registration only" is still offered');
    assert.deepEqual(ticked(html), [], 'nothing ticked on a complaint');

    const res = await postForm(staff, `${server.url}${sent.link}/actie`, { csrf: csrfOf(html), case_version: version(html), action: 'information_advice', text: 'Uitgelegd wat de wet zegt.' });
    assert.equal(res.status, 303);
    html = await caseHtml(sent.link);
    assert.deepEqual(ticked(html), ['advice'], 'the handling the advice implies');
  });

  test('a melding for registration only, reopened, still suggests registration only', async () => {
    const sent = await report(validReport());
    let html = await caseHtml(sent.link);
    assert.equal(byId(html, 'kind', ['dd']).attrs['data-kind'], 'report');
    const res = await postForm(staff, `${server.url}${sent.link}/stap`, { csrf: csrfOf(html), case_version: version(html), step: 'evaluation', text: 'Toch bekijken.' });
    assert.equal(res.status, 303);
    html = await caseHtml(sent.link);
    assert.deepEqual(ticked(html), ['registration_only']);
  });
});
