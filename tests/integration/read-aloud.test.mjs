// Read-aloud (issue 15): every public page offers its sections as Ogg/Opus audio made by our own
// server, cached with an ETag; the reporter's own text is read back only with the form's token and
// never reaches the data folder or the server's log.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { elements, selectOptions, tags } from './html.mjs';

const run = promisify(execFile);
let server;

before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/** The read-aloud <audio> elements of a page, with their labels. */
function audios(html) {
  return tags(html, 'audio').map((t) => t.attrs);
}

async function getAudio(url, headers = {}) {
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
}

function assertOggOpus(body) {
  assert.equal(body.subarray(0, 4).toString('latin1'), 'OggS');
  assert.equal(body.subarray(28, 36).toString('latin1'), 'OpusHead');
}

/** Decodes with opusdec (opus-tools) and returns the seconds of audio; null when not installed. */
async function decodedSeconds(body) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-opus-'));
  try {
    await writeFile(path.join(dir, 'in.opus'), body);
    try {
      await run('opusdec', ['--quiet', '--rate', '16000', path.join(dir, 'in.opus'), path.join(dir, 'out.wav')]);
    } catch (e) {
      if (e.code === 'ENOENT') return null;
      throw e;
    }
    const size = (await stat(path.join(dir, 'out.wav'))).size;
    return (size - 44) / (16000 * 2);  // 16-bit mono at 16 kHz after the WAV header
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the home page has a read-aloud box with one <audio> per section, without JavaScript', async () => {
  const html = await (await fetch(`${server.url}/`)).text();
  const [box] = elements(html, 'details', (a) => a.class === 'read-aloud-details');
  assert.ok(box, 'a <details> read-aloud box');
  assert.match(box.text, /^Lees voor/);
  const list = audios(html);
  const positions = new Set(list.map((a) => a.src.match(/^\/voorlezen\/home\/(\d+)/)[1]));
  assert.equal(positions.size, 5, 'the intro and four <h2> sections of the home page');
  for (const a of list) {
    assert.equal(a.preload, 'none');
    assert.ok('controls' in a);
    assert.match(a.src, /^\/voorlezen\/home\/\d+(-\d+)?\?taal=nl&v=[0-9a-f]{16}$/);
  }
  assert.match(box.text, /Lees voor: Waarom melden\?/);
  const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy');
  assert.match(csp, /media-src 'self' blob:/);
});

test('every offered speech language gives decodable Ogg/Opus, cached with an ETag and 304', async () => {
  const html = await (await fetch(`${server.url}/privacy`)).text();
  const languages = selectOptions(html, 'taal').map((o) => o.value);
  assert.ok(languages.includes('nl') && languages.includes('en'), languages.join());
  for (const code of languages) {
    const page = await (await fetch(`${server.url}/privacy`, { headers: { cookie: `mp_speech=${code}` } })).text();
    const src = audios(page)[1].src.replace(/&v=.*$/, '');
    assert.match(src, new RegExp(`^/voorlezen/privacy/\\d+(-\\d+)?\\?taal=${code}$`));
    const url = `${server.url}${src}`;
    const first = await getAudio(url);
    assert.equal(first.res.status, 200, code);
    assert.equal(first.res.headers.get('content-type'), 'audio/ogg');
    assert.match(first.res.headers.get('cache-control'), /^public, max-age=\d+/);
    assertOggOpus(first.body);
    const seconds = await decodedSeconds(first.body);
    if (seconds !== null) assert.ok(seconds > 1, `${code}: ${seconds} s`);

    const second = await getAudio(url);
    assert.equal(second.res.status, 200);
    assert.equal(second.res.headers.get('etag'), first.res.headers.get('etag'));
    assert.deepEqual(second.body, first.body);
    const revalidated = await fetch(url, { headers: { 'if-none-match': first.res.headers.get('etag') } });
    assert.equal(revalidated.status, 304);
  }
});

test('a long section is read in parts of about 300 characters, each a sentence end, labelled n/m', async () => {
  const html = await (await fetch(`${server.url}/privacy`)).text();
  const [box] = elements(html, 'details', (a) => a.class === 'read-aloud-details');
  const parts = audios(html).filter((a) => /\/privacy\/2-\d+\?/.test(a.src));
  assert.ok(parts.length >= 2, `the privacy page's second section is long: ${parts.length} parts`);
  assert.match(box.text, new RegExp(`\\(1/${parts.length}\\)`), 'a part says which of how many');
  for (const a of parts) {
    const { res, body } = await getAudio(`${server.url}${a.src}`);
    assert.equal(res.status, 200, a.src);
    assertOggOpus(body);
    const seconds = await decodedSeconds(body);
    if (seconds !== null) assert.ok(seconds > 1 && seconds < 40, `${a.src}: ${seconds} s`);
  }
  assert.equal((await fetch(`${server.url}/voorlezen/privacy/2?taal=nl`)).status, 404,
    'a section in parts has no audio of its own');
});

test('a URL with the text version is cached for a year; the sections differ per language', async () => {
  const nl = audios(await (await fetch(`${server.url}/?lang=nl`)).text())[0].src;
  const res = await fetch(`${server.url}${nl}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('cache-control'), /immutable/);
  const en = await fetch(`${server.url}/voorlezen/home/1?taal=en`);
  assert.notEqual(en.headers.get('etag'), res.headers.get('etag'));
});

test('an unknown page, section or language is 404', async () => {
  for (const p of ['/voorlezen/home/99?taal=nl', '/voorlezen/nergens/1?taal=nl', '/voorlezen/home/1?taal=xx',
    '/voorlezen/home/1', '/voorlezen/staff_report/1?taal=nl']) {
    const res = await fetch(`${server.url}${p}`);
    assert.equal(res.status, 404, p);
    assert.match(res.headers.get('content-type'), /^text\/html/);
  }
});

test('the speech language is remembered in a cookie and used by the page', async () => {
  const jar = new CookieJar();
  const res = await jar.fetch(`${server.url}/voorlezen/taal?taal=en&terug=%2Fprivacy`);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/privacy');
  const cookie = jar.lastSetCookie('mp_speech');
  assert.equal(cookie.value, 'en');
  assert.ok(cookie.attrs.httponly);
  const html = await (await jar.fetch(`${server.url}/privacy`)).text();
  assert.ok(audios(html).every((a) => a.src.includes('taal=en')));
  assert.equal(selectOptions(html, 'taal').find((o) => o.selected).value, 'en');
  assert.match(html, /<html lang="nl"/, 'the page itself stays Dutch');

  // Never away from this site, and an unknown language changes nothing.
  const away = await jar.fetch(`${server.url}/voorlezen/taal?taal=nl&terug=%2F%2Fevil.example`);
  assert.equal(away.headers.get('location'), '/');
  const unknown = await new CookieJar().fetch(`${server.url}/voorlezen/taal?taal=xx&terug=%2F`);
  assert.equal(unknown.status, 303);
  assert.equal(unknown.headers.getSetCookie().length, 0);
});

async function allFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await allFiles(full));
    else out.push(full);
  }
  return out;
}

test('typed text: 403 without the token, 400 when too long, and never stored or logged', async () => {
  const noToken = await postForm(new CookieJar(), `${server.url}/voorlezen/tekst`, { tekst: 'Hallo', taal: 'nl' });
  assert.equal(noToken.status, 403);

  const jar = new CookieJar();
  const { csrf } = await getForm(jar, `${server.url}/melden`);
  assert.ok(csrf);
  const tooLong = await postForm(jar, `${server.url}/voorlezen/tekst`, { csrf, tekst: 'a'.repeat(2001), taal: 'nl' });
  assert.equal(tooLong.status, 400);
  assert.match(tooLong.html, /langer dan 2\.000 tekens/);
  const empty = await postForm(jar, `${server.url}/voorlezen/tekst`, { csrf, tekst: '  ', taal: 'nl' });
  assert.equal(empty.status, 400);
  assert.match(empty.html, /geen tekst/);

  const secret = `Mijn buurman Zorgvuldig${Date.now()} schold mij uit bij de bakker`;
  const res = await jar.fetch(`${server.url}/voorlezen/tekst`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, tekst: secret, taal: 'nl' }).toString(),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'audio/ogg');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const body = Buffer.from(await res.arrayBuffer());
  assertOggOpus(body);
  const seconds = await decodedSeconds(body);
  if (seconds !== null) assert.ok(seconds > 2, `${seconds} s`);

  const needle = Buffer.from(`Zorgvuldig${secret.match(/Zorgvuldig(\d+)/)[1]}`);
  for (const file of await allFiles(server.dataDir)) {
    const bytes = await readFile(file);
    assert.equal(bytes.indexOf(needle), -1, `${file} holds the typed text`);
  }
  assert.ok(!server.stderr().includes(needle.toString()), 'the log holds the typed text');
  assert.match(server.stderr(), /voorlezen\/tekst/, 'the request itself is logged, without its body');
});

test('error pages are read aloud too, with their own text; staff error pages are not', async () => {
  const res = await fetch(`${server.url}/nergens?lang=tr`);
  assert.equal(res.status, 404);
  const html = await res.text();
  const [first] = audios(html);
  assert.ok(first, 'a read-aloud box on the 404 page');
  assert.match(first.src, /^\/voorlezen\/fout-404\/1\?taal=tr&v=/);
  const audio = await getAudio(`${server.url}${first.src}`);
  assert.equal(audio.res.status, 200);
  assertOggOpus(audio.body);

  const expired = await fetch(`${server.url}/melden`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'description=test',
  });
  assert.equal(expired.status, 403);
  assert.match(audios(await expired.text())[0]?.src ?? '', /^\/voorlezen\/formulier-verlopen\/1\?/,
    'the expired form has its own text read');

  const staff = await fetch(`${server.url}/medewerkers/nergens`);
  assert.equal(staff.status, 404);
  assert.equal(audios(await staff.text()).length, 0);
});
