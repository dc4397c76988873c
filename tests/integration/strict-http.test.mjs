// Strict HTTP/1.1 framing (RFC 9112) and requests from another site (issue 16): ambiguous framing
// gets 400 and a closed connection, so a request smuggled behind it never runs; a form sent from
// another site gets 403 before anything is read or stored, also with a valid token.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { validReport } from './flows.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

/**
 * Write raw bytes and collect the answer until the server closes the connection:
 * { text, closed, responses } (closed is false when the server kept it open past timeoutMs).
 */
function exchange(bytes, timeoutMs = 4000) {
  return new Promise((resolve) => {
    const chunks = [];
    const sock = net.connect({ port: server.port, host: '127.0.0.1' });
    const finish = (closed) => {
      clearTimeout(timer);
      sock.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ text, closed, responses: [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1])) });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => finish(true));
    sock.on('close', () => finish(true));
    sock.on('error', () => finish(true));
    sock.on('connect', () => sock.write(bytes));
  });
}

// A request that must never run: it would be answered with a second status line (a body like
// /healthz's "ok" has no line end, so status lines are found anywhere in the text).
const SMUGGLED = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

describe('ambiguous framing is 400 and the connection closes', () => {
  const cases = {
    'an unknown transfer coding with a Content-Length':
      'POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: xchunked\r\nContent-Length: 5\r\n\r\nx=1&y' + SMUGGLED,
    'a list of transfer codings':
      'POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n' + SMUGGLED,
    'Transfer-Encoding together with Content-Length':
      'POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n' + SMUGGLED,
    'Transfer-Encoding on HTTP/1.0':
      'POST /melden HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' + SMUGGLED,
    'a folded header line (obs-fold)':
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: one\r\n two\r\n\r\n' + SMUGGLED,
    'HTTP/1.1 without Host': 'GET /healthz HTTP/1.1\r\n\r\n' + SMUGGLED,
    'HTTP/1.1 with two Host headers': 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n' + SMUGGLED,
  };
  for (const [name, bytes] of Object.entries(cases)) {
    test(name, async () => {
      const { responses, closed, text } = await exchange(bytes);
      assert.deepEqual(responses, [400], `one answer, 400, and nothing after it: ${text.slice(0, 300)}`);
      assert.ok(closed, 'the server closed the connection');
      assert.match(text, /Connection: close/i);
    });
  }

  test('well-formed requests on one connection are all answered', async () => {
    const chunked = 'POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n'
      + 'Content-Type: application/x-www-form-urlencoded\r\n\r\n3\r\na=1\r\n0\r\n\r\n';
    const { responses } = await exchange(`${SMUGGLED}${chunked}GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    // The chunked form is read (and refused for its missing token: 403), not refused for its framing.
    assert.deepEqual(responses, [200, 403, 200]);
  });

  test('HTTP/1.0 without Host is still served', async () => {
    const { responses } = await exchange('GET /healthz HTTP/1.0\r\n\r\n');
    assert.deepEqual(responses, [200]);
  });
});

async function reportCount() {
  return Number((await sql(server, 'SELECT COUNT(*) FROM reports'))[0]);
}

describe('a form sent from another site is 403 (fetch metadata)', () => {
  async function sendReport(headers, target = server) {
    const jar = new CookieJar();
    const form = await getForm(jar, `${target.url}/melden`);
    assert.ok(form.csrf);
    return postForm(jar, `${target.url}/melden`, { csrf: form.csrf, ...validReport() }, { headers });
  }

  test('Sec-Fetch-Site: cross-site is refused, with a valid token, and nothing is stored', async () => {
    const before = await reportCount();
    const res = await sendReport({ 'sec-fetch-site': 'cross-site' });
    assert.equal(res.status, 403);
    assert.match(res.html, /alleen vanaf deze site|only be sent from this site/);
    assert.equal(await reportCount(), before);
  });

  test('an Origin of another site is refused; "null" too', async () => {
    const before = await reportCount();
    assert.equal((await sendReport({ origin: 'https://evil.example' })).status, 403);
    assert.equal((await sendReport({ origin: 'null' })).status, 403);
    assert.equal(await reportCount(), before);
  });

  test('our own origin, same-origin and same-site go through', async () => {
    const before = await reportCount();
    assert.equal((await sendReport({ origin: server.url, 'sec-fetch-site': 'same-origin' })).status, 303);
    assert.equal((await sendReport({ 'sec-fetch-site': 'same-site' })).status, 303);
    assert.equal(await reportCount(), before + 2);
  });

  test('with --public-url, only that origin counts, not the address used', async () => {
    const configured = await startServer({ resetDatabase: false, args: ['--public-url', 'http://meldpunt.example:8443'] });
    try {
      assert.equal((await sendReport({ origin: configured.url }, configured)).status, 403);
      assert.equal((await sendReport({ origin: 'http://meldpunt.example:8443' }, configured)).status, 303);
    } finally {
      await configured.stop();
    }
  });
});
