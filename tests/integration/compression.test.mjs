// A smaller wire (issue 16): the report form and the static files are sent gzip or brotli as the
// client asks (Accept-Encoding, q=0 honoured), with Vary: Accept-Encoding; the form's gzip body
// is the same page with the visitor's own token and submission key, and that token works.
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { CookieJar, csrfOf, parseSetCookie, postForm, startServer } from './harness.mjs';
import { validReport } from './flows.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/** A request with exactly these headers (fetch would add and undo Accept-Encoding itself). */
function request(path, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(res) {
  switch (res.headers['content-encoding']) {
    case 'gzip': return zlib.gunzipSync(res.bytes).toString('utf8');
    case 'br': return zlib.brotliDecompressSync(res.bytes).toString('utf8');
    case undefined: return res.bytes.toString('utf8');
    default: throw new Error(`unexpected coding ${res.headers['content-encoding']}`);
  }
}

const submissionKeyOf = (html) => html.match(/name="submission_key" value="([^"]*)"/)?.[1];
/** The page with the per-visitor values taken out. */
const withoutVisitorValues = (html) => html
  .replace(/(name="csrf" value=")[^"]*"/, '$1"')
  .replace(/(name="submission_key" value=")[^"]*"/, '$1"');

describe('the report form', () => {
  for (const lang of ['nl', 'ar']) {
    test(`in ${lang}: gzip when asked, the same page apart from token and key, under 15 KB`, async () => {
      const plain = await request(`/melden?lang=${lang}`, { 'accept-encoding': 'identity' });
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.headers.vary, 'Accept-Encoding');
      for (const accept of ['gzip', 'gzip, deflate, br, zstd']) {
        const gz = await request(`/melden?lang=${lang}`, { 'accept-encoding': accept });
        assert.equal(gz.status, 200);
        assert.equal(gz.headers['content-encoding'], 'gzip', `${accept}: gzip (brotli is not offered for the form)`);
        assert.equal(gz.headers.vary, 'Accept-Encoding');
        assert.ok(gz.bytes.length <= 15000, `${gz.bytes.length} bytes on the wire`);
        assert.equal(Number(gz.headers['content-length']), gz.bytes.length);
        const html = decode(gz);
        assert.equal(withoutVisitorValues(html), withoutVisitorValues(plain.bytes.toString('utf8')));
        assert.match(csrfOf(html), /^\S{20,}$/);
        assert.match(submissionKeyOf(html), /^\S{20,}$/);
        assert.notEqual(submissionKeyOf(html), submissionKeyOf(plain.bytes.toString('utf8')), 'own key');
      }
    });
  }

  test('q=0 is honoured: no coding the client refuses', async () => {
    for (const accept of ['gzip;q=0', 'gzip;q=0, br', '*;q=0', 'br;q=1, gzip;q=0.000']) {
      const res = await request('/melden', { 'accept-encoding': accept });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], undefined, accept);
      assert.match(res.bytes.toString('utf8'), /name="csrf"/);
    }
  });

  test('the token of a gzip form works for a POST, with its cookie', async () => {
    const gz = await request('/melden', { 'accept-encoding': 'gzip' });
    const html = decode(gz);
    const jar = new CookieJar();
    for (const line of [gz.headers['set-cookie'] ?? []].flat()) {
      const cookie = parseSetCookie(line);
      jar.set(cookie.name, cookie.value);
    }
    assert.ok(jar.get('mp_csrf'), 'a first visit gets its token cookie with the gzip form');
    const res = await postForm(jar, `${server.url}/melden`,
      { csrf: csrfOf(html), submission_key: submissionKeyOf(html), ...validReport() });
    assert.equal(res.status, 303, res.html.slice(0, 500));
    assert.match(res.location, /^\/melden\/ontvangen\?r=/);
  });

  test('HEAD gives the headers of the gzip answer without a body', async () => {
    const head = await request('/melden', { 'accept-encoding': 'gzip' }, 'HEAD');
    const get = await request('/melden', { 'accept-encoding': 'gzip' });
    assert.equal(head.status, 200);
    assert.equal(head.bytes.length, 0);
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.headers['content-length'], get.headers['content-length']);
  });

  test('error pages are not compressed and keep their status', async () => {
    const res = await request('/nergens', { 'accept-encoding': 'gzip, br' });
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.match(res.bytes.toString('utf8'), /<html/);
  });
});

describe('static files', () => {
  const css = '/static/css/site.css';

  test('CSS in gzip and brotli decompresses to the file, with its own ETag per coding', async () => {
    const plain = await request(css, {});
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    assert.equal(plain.headers['content-encoding'], undefined);
    const gz = await request(css, { 'accept-encoding': 'gzip' });
    const br = await request(css, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(br.headers['content-encoding'], 'br');
    for (const res of [gz, br]) {
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.match(res.headers['content-type'], /^text\/css/);
      assert.ok(res.bytes.length < plain.bytes.length / 3, `${res.bytes.length} of ${plain.bytes.length}`);
      assert.equal(decode(res), plain.bytes.toString('utf8'));
    }
    const tags = new Set([plain, gz, br].map((r) => r.headers.etag));
    assert.equal(tags.size, 3, 'three ETags');
    // A cached copy is confirmed only for its own coding.
    const again = await request(css, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
    assert.equal(again.headers.vary, 'Accept-Encoding');
    const other = await request(css, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag });
    assert.equal(other.status, 200);
    assert.equal(other.headers['content-encoding'], 'gzip');
  });

  test('q=0 is honoured for static files', async () => {
    assert.equal((await request(css, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], 'gzip');
    assert.equal((await request(css, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding'], undefined);
    assert.equal((await request(css, { 'accept-encoding': 'gzip;q=0.5, br;q=0.4' })).headers['content-encoding'], 'gzip');
  });

  test('HEAD of a compressed file has its length and no body', async () => {
    const head = await request('/static/js/report_form.js', { 'accept-encoding': 'br' }, 'HEAD');
    const get = await request('/static/js/report_form.js', { 'accept-encoding': 'br' });
    assert.equal(head.status, 200);
    assert.equal(head.bytes.length, 0);
    assert.equal(head.headers['content-length'], String(get.bytes.length));
  });
});
