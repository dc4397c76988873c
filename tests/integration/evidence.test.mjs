// Evidence files with a report: multipart POST /melden, content checks, metadata removed from
// photos, the staff download and its headers, and who may download.
// Needs exiftool (libimage-exiftool-perl) to read the metadata of what comes back.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CookieJar, getForm, isPostgres, parseRawResponse, rawRequest, repoRoot, startServer } from './harness.mjs';
import { byClass, byId, elements, inputs, tableRows, tags } from './html.mjs';
import { addStaff, reportRows, rowFileLinks, staffLogin, validReport } from './flows.mjs';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'evidence');
const fixture = (name) => readFile(path.join(fixtures, name));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

let server;
let staff; // cookie jar of a logged-in staff member
let tmp;
before(async () => {
  server = await startServer();
  await addStaff(server);
  staff = await staffLogin(server.url);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-evidence-'));
});
after(async () => {
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * GET /melden for a token, then POST fields and files as multipart/form-data, as a browser does.
 * files: [{ name, type, bytes }]. Returns { status, location, html, res, jar }.
 */
async function submitWithFiles(fields, files, { jar = new CookieJar(), field = 'evidence' } = {}) {
  const form = await getForm(jar, `${server.url}/melden`);
  assert.equal(form.status, 200);
  const body = new FormData();
  for (const [name, value] of Object.entries({ csrf: form.csrf, ...fields })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  for (const f of files) body.append(field, new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  // A file input left empty is sent as a part with an empty name, as browsers do.
  if (files.length === 0) body.append(field, new Blob([]), '');
  const res = await jar.fetch(`${server.url}/melden`, { method: 'POST', body });
  return { status: res.status, location: res.headers.get('location'), html: await res.text(), res, jar };
}

/** The report id of a reference MP-YYYY-NNNNNN. */
const idOf = (reference) => Number(reference.slice(-6));

/** Follow the redirect of a stored report to its reference. */
async function referenceOf(result) {
  assert.equal(result.status, 303, `expected 303, got ${result.status}: ${result.html.slice(0, 1500)}`);
  const page = await result.jar.fetch(new URL(result.location, server.url));
  const [ref] = byClass(await page.text(), '*', 'reference');
  return ref.text;
}

/** The file links in the staff list for a reference: [{ href, text }]. */
async function fileLinks(reference) {
  const res = await staff.fetch(`${server.url}/medewerkers/meldingen`);
  const rows = tableRows(await res.text(), 'reports');
  const row = rows.find((r) => r.text.includes(reference));
  assert.ok(row, `${reference} in the staff list`);
  return rowFileLinks(row);
}

/** The metadata exiftool finds in bytes, as { 'Group:Tag': value }. */
async function exif(bytes, name = 'file') {
  const file = path.join(tmp, `${Date.now()}-${name}`);
  await writeFile(file, bytes);
  const { stdout } = await run('exiftool', ['-j', '-G', '-n', file]);
  return JSON.parse(stdout)[0];
}

const MARKER = 'Bewijs-Qz81';

describe('the form', () => {
  test('the summary, where files are chosen, is sent as multipart and has a file input for several files, with the limits and a privacy note', async () => {
    const { html } = await submitWithFiles({ ...validReport({ consent: '' }), action: 'review' }, []);
    const [form] = tags(html, 'form').filter((t) => t.attrs.action === '/melden');
    assert.equal(form.attrs.enctype, 'multipart/form-data');
    const [file] = inputs(html, 'evidence');
    assert.equal(file?.type, 'file');
    assert.ok('multiple' in file, 'multiple');
    assert.match(file.accept, /image\/jpeg/);
    assert.match(file.accept, /application\/pdf/);
    const hint = byId(html, 'evidence-hint');
    assert.match(hint.text, /5/);
    assert.match(hint.text, /10 MB/);
    assert.match(hint.text, /25 MB/);
    assert.ok(byId(html, 'evidence-privacy')?.text, 'a note that photo metadata is removed');
  });

  test('a multipart form without files still registers a report', async () => {
    const ref = await referenceOf(await submitWithFiles(validReport(), []));
    assert.deepEqual(await fileLinks(ref), []);
  });
});

describe('a photo with a GPS position', () => {
  let ref;
  let links;

  test('is stored with the report', async () => {
    const original = await fixture('photo-gps.jpg');
    const before = await exif(original, 'original.jpg');
    assert.ok(before['EXIF:GPSLatitude'], 'the sample has a GPS position');
    assert.equal(before['EXIF:Make'], 'TestCam');
    ref = await referenceOf(await submitWithFiles(validReport({ description: `${MARKER} foto` }), [
      { name: 'IMG_0042 thuis.jpg', type: 'image/jpeg', bytes: original },
    ]));
    links = await fileLinks(ref);
    assert.equal(links.length, 1);
    assert.match(links[0].text, /IMG_0042 thuis\.jpg/, 'staff see the name the reporter gave');
    assert.match(links[0].href, new RegExp(`^/medewerkers/meldingen/${idOf(ref)}/bestanden/\\d+$`));
  });

  test('comes back to staff without EXIF, GPS, XMP or IPTC, upright, still a picture', async () => {
    const res = await staff.fetch(`${server.url}${links[0].href}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString('hex'), 'ffd8', 'a JPEG');
    const meta = await exif(bytes, 'download.jpg');
    const personal = Object.keys(meta).filter((k) => /^(EXIF|XMP|IPTC|MakerNotes|ICC_Profile|Photoshop)/.test(k) || /GPS/.test(k));
    assert.deepEqual(personal, [], `no metadata left: ${JSON.stringify(meta)}`);
    assert.equal(meta['File:ImageWidth'], 48, 'turned upright by its orientation tag');
    assert.equal(meta['File:ImageHeight'], 64);
    assert.ok(!bytes.includes('TestCam') && !bytes.includes('Sam Reporter'));
  });

  test('the download is an attachment with a generated name and sandboxing headers', async () => {
    const res = await staff.fetch(`${server.url}${links[0].href}`);
    await res.arrayBuffer();
    const fileId = links[0].href.split('/').pop();
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="melding-${idOf(ref)}-bestand-${fileId}.jpg"`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-security-policy'), "sandbox; default-src 'none'");
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('nothing of the photo or its name is in the database in clear', async () => {
    const dump = await databaseDump();
    for (const text of ['TestCam', 'Sam Reporter', 'IMG_0042']) assert.ok(!dump.includes(text), `${text} not stored in clear`);
  });
});

describe('refused files', () => {
  /** Expect 422 with the typed text kept, an error summary, the messages, and nothing stored. */
  async function expectRefused(files, { message, jar, fields = {} } = {}) {
    const before = (await reportRows(server.url, staff)).rows.length;
    const description = `${MARKER} ${Math.random().toString(36).slice(2)}`;
    const res = await submitWithFiles(validReport({ description, ...fields }), files, { jar });
    assert.equal(res.status, 422, `expected 422, got ${res.status}`);
    // The summary, where files are chosen, comes back with everything typed.
    assert.equal(inputs(res.html, 'description')[0]?.value, description, 'the typed text is kept');
    assert.ok(byClass(res.html, 'div', 'error-summary').length, 'an error summary');
    const fieldset = elements(res.html, 'fieldset', (a) => a.id === 'evidence-fieldset')[0];
    assert.ok(fieldset, 'the evidence fieldset');
    const errors = byClass(fieldset.html, 'p', 'field-error').map((e) => e.text);
    assert.ok(errors.length > 0, 'a message beside the file input');
    if (message) assert.ok(errors.some((e) => message.test(e)), `${message} in ${JSON.stringify(errors)}`);
    assert.ok(byId(res.html, 'evidence-dropped'), 'asked to choose the files again');
    assert.equal((await reportRows(server.url, staff)).rows.length, before, 'nothing stored');
    return errors;
  }

  test('HTML named and declared as a PNG is refused; the message names the file (Dutch)', async () => {
    await expectRefused([
      { name: 'foto.png', type: 'image/png', bytes: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>') },
    ], { message: /foto\.png.*niet toegestaan/ });
  });

  test('the same in English, and one bad file refuses the good ones with it', async () => {
    const jar = new CookieJar([['mp_lang', 'en']]);
    await expectRefused([
      { name: 'letter.pdf', type: 'application/pdf', bytes: await fixture('letter.pdf') },
      { name: 'drawing.png', type: 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    ], { jar, message: /We cannot accept "drawing\.png": this kind of file is not allowed/ });
  });

  test('a zip archive, a script and a program are refused', async () => {
    const errors = await expectRefused([
      { name: 'a.zip', type: 'application/zip', bytes: await fixture('archive.zip') },
      { name: 'run.sh', type: 'text/plain', bytes: Buffer.from('#!/bin/sh\necho hi\n') },
      { name: 'setup.exe', type: 'application/octet-stream', bytes: Buffer.from('4d5a90000300000004000000ffff0000b8000000', 'hex') },
    ]);
    assert.equal(errors.length, 3, 'one message per file');
  });

  test('a damaged photo and a decompression bomb are refused', async () => {
    await expectRefused([{ name: 'kapot.jpg', type: 'image/jpeg', bytes: await fixture('broken.jpg') }], { message: /kapot\.jpg/ });
    await expectRefused([{ name: 'groot.png', type: 'image/png', bytes: await fixture('bomb.png') }], { message: /groot\.png.*te grote afbeelding/ });
  });

  test('a file over 10 MB is refused with a clear message', async () => {
    await expectRefused([{ name: 'groot.txt', type: 'text/plain', bytes: Buffer.alloc(10 * MiB + 1, 'a') }], { message: /groot\.txt.*10 MB/ });
  });

  test('six files are refused: at most five at once', async () => {
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `n${i}.txt`, type: 'text/plain', bytes: Buffer.from(`note ${i}`) }));
    await expectRefused(files, { message: /maximaal 5 bestanden/ });
  });

  test('files over 25 MB together are refused', async () => {
    const files = [9, 9, 7.5].map((mb, i) => ({ name: `d${i}.txt`, type: 'text/plain', bytes: Buffer.alloc(mb * MiB, 'b') }));
    await expectRefused(files, { message: /25 MB/ });
  });

  test('a body over 26 MiB is answered 413 with a page about files, before it is read', async () => {
    const text = await rawRequest(server.port, `POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${30 * MiB}\r\nConnection: close\r\n\r\n--x\r\n`);
    const res = parseRawResponse(text);
    assert.equal(res.status, 413);
    assert.match(res.body, /bestanden/);
  });

  test('when the report is not complete, files are not looked at and must be chosen again', async () => {
    const res = await submitWithFiles(validReport({ consent: '' }), [
      { name: 'foto.png', type: 'image/png', bytes: Buffer.from('<html>not checked</html>') },
    ]);
    assert.equal(res.status, 422);
    assert.ok(byId(res.html, 'consent-error'), 'the consent error');
    const fieldset = elements(res.html, 'fieldset', (a) => a.id === 'evidence-fieldset')[0];
    assert.equal(byClass(fieldset.html, 'p', 'field-error').length, 0, 'no file message');
    assert.ok(byId(res.html, 'evidence-dropped'), 'asked to choose the files again');
  });

  test('files under another field name are a bad request', async () => {
    const res = await submitWithFiles(validReport(), [{ name: 'a.txt', type: 'text/plain', bytes: Buffer.from('x') }], { field: 'other' });
    assert.equal(res.status, 400);
  });
});

describe('accepted kinds', () => {
  test('a PDF is stored as it came', async () => {
    const pdf = await fixture('letter.pdf');
    const ref = await referenceOf(await submitWithFiles(validReport(), [{ name: 'brief.pdf', type: 'application/pdf', bytes: pdf }]));
    const [link] = await fileLinks(ref);
    const res = await staff.fetch(`${server.url}${link.href}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="melding-\d+-bestand-\d+\.pdf"$/);
    assert.equal(sha256(Buffer.from(await res.arrayBuffer())), sha256(pdf));
  });

  test('every other kind on the list is accepted, by content whatever the name', async () => {
    const kinds = [
      ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['letter.odt', 'application/vnd.oasis.opendocument.text'],
      ['sheet.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['notes.txt', 'text/plain'],
      ['screenshot.png', 'image/png'],
      ['image.gif', 'image/png'], // GIF becomes PNG
      ['image.webp', 'image/webp'],
      ['photo.heic', 'image/jpeg'], // HEIC becomes JPEG
    ];
    for (let start = 0; start < kinds.length; start += 5) {
      const batch = kinds.slice(start, start + 5);
      const files = await Promise.all(batch.map(async ([name]) => ({ name: `bestand-${name}.bin`, bytes: await fixture(name) })));
      const ref = await referenceOf(await submitWithFiles(validReport(), files));
      const links = await fileLinks(ref);
      assert.equal(links.length, batch.length);
      for (const [i, link] of links.entries()) {
        const res = await staff.fetch(`${server.url}${link.href}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), batch[i][1], batch[i][0]);
        const bytes = Buffer.from(await res.arrayBuffer());
        if (batch[i][1].startsWith('image/')) {
          const meta = await exif(bytes, batch[i][0]);
          assert.deepEqual(Object.keys(meta).filter((k) => /^(EXIF|XMP|IPTC)|GPS/.test(k)), [], `${batch[i][0]}: no metadata`);
        }
      }
    }
  });
});

describe('who may download', () => {
  let href;
  before(async () => {
    const ref = await referenceOf(await submitWithFiles(validReport(), [{ name: 'n.txt', type: 'text/plain', bytes: Buffer.from('notitie') }]));
    [{ href }] = await fileLinks(ref);
  });

  test('without a staff session: to the login page, no content', async () => {
    for (const jar of [new CookieJar(), new CookieJar([['mp_staff', 'not-a-session']])]) {
      const res = await jar.fetch(`${server.url}${href}`);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/medewerkers/login');
      assert.ok(!(await res.text()).includes('notitie'));
    }
  });

  test('a reporter with the form cookies only cannot download either', async () => {
    const jar = new CookieJar();
    await getForm(jar, `${server.url}/melden`);
    const res = await jar.fetch(`${server.url}${href}`);
    assert.equal(res.status, 303);
  });

  test('a file asked for under another report, or an unknown one, is 404', async () => {
    const [, , , reportId, , fileId] = href.split('/');
    for (const url of [`/medewerkers/meldingen/${Number(reportId) + 1}/bestanden/${fileId}`,
      `/medewerkers/meldingen/${reportId}/bestanden/999999`,
      `/medewerkers/meldingen/${reportId}/bestanden/abc`,
      `/medewerkers/meldingen/-1/bestanden/${fileId}`]) {
      const res = await staff.fetch(`${server.url}${url}`);
      assert.equal(res.status, 404, url);
    }
  });

  test('POST is not allowed on a file', async () => {
    const res = await staff.fetch(`${server.url}${href}`, { method: 'POST' });
    assert.equal(res.status, 405);
  });
});

describe('slow uploads', () => {
  let slow;
  before(async () => { slow = await startServer({ args: ['--read-timeout', '1'] }); });
  after(async () => { await slow?.stop(); });

  /** Open a socket, send a header for an upload of `length` bytes; returns { socket, closed, answer }. */
  async function upload(length) {
    const socket = net.connect({ port: slow.port, host: '127.0.0.1' });
    await new Promise((r) => socket.on('connect', r));
    socket.on('error', () => {});
    let answer = '';
    socket.on('data', (d) => { answer += d.toString('latin1'); });
    const closed = new Promise((resolve) => socket.on('close', () => resolve(Date.now())));
    socket.write(`POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\n\r\n`);
    return { socket, closed, answer: () => answer };
  }

  test('an upload that keeps coming is read past the read timeout', async () => {
    const chunk = Buffer.alloc(32 * 1024, 'z');
    const total = 12 * chunk.length;
    const { socket, closed, answer } = await upload(total);
    const started = Date.now();
    for (let i = 0; i < 12; i++) { // 32 KiB every 200 ms: 2.4 s, over twice the 1 s read timeout
      socket.write(chunk);
      await new Promise((r) => setTimeout(r, 200));
    }
    socket.end();
    await closed;
    assert.ok(Date.now() - started > 2000);
    assert.equal(parseRawResponse(answer()).status, 400, 'answered (a malformed form), not dropped');
  });

  test('an upload that stops is dropped', async () => {
    const { socket, closed } = await upload(1 * MiB);
    socket.write(Buffer.alloc(1024, 'z'));
    const started = Date.now();
    const elapsed = (await closed) - started;
    assert.ok(elapsed < 5000, `dropped after ${elapsed} ms`);
  });
});

/** All stored bytes as text: the SQLite files, or a pg_dump of the data. */
async function databaseDump() {
  if (isPostgres(server.database)) {
    const { stdout } = await run('pg_dump', ['--data-only', server.database], { maxBuffer: 512 << 20 });
    return stdout;
  }
  const dbFile = server.database.replace(/^sqlite:(\/\/)?/, '');
  const dir = path.dirname(dbFile);
  const files = (await readdir(dir)).filter((f) => f.startsWith(path.basename(dbFile)));
  const parts = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
  return Buffer.concat(parts).toString('latin1');
}
