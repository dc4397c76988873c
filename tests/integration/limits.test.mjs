// Limits and malformed requests, sent as raw bytes: 413, 431, 400.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseRawResponse, rawRequest, startServer } from './harness.mjs';
import { assertSecurityHeaders } from './security-headers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const KiB = 1024;

/** Send raw bytes and parse the answer. */
async function raw(bytes) {
  const text = await rawRequest(server.port, bytes);
  const res = parseRawResponse(text);
  assert.ok(res.status, `got an HTTP response (got ${JSON.stringify(text.slice(0, 200))})`);
  return res;
}

function post(target, body, extraHeaders = '') {
  return `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extraHeaders}\r\n${body}`;
}

function get(target, extraHeaders = '') {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extraHeaders}\r\n`;
}

describe('body size (64 KiB, 26 MiB where files are sent)', () => {
  // Staff login takes no files: the default limit of 64 KiB.
  const login = '/medewerkers/login';

  test('a Content-Length over 64 KiB is refused with 413 before the body arrives', async () => {
    const res = await raw(`POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${64 * KiB + 1}\r\nConnection: close\r\n\r\n`);
    assert.equal(res.status, 413);
    assertSecurityHeaders(res.headers, '413');
  });

  test('a body of 64 KiB + 1 byte is 413', async () => {
    const res = await raw(post(login, `email=${'a'.repeat(64 * KiB + 1 - 'email='.length)}`));
    assert.equal(res.status, 413);
  });

  test('a chunked body over 64 KiB is 413', async () => {
    const chunk = 'a'.repeat(8 * KiB);
    let body = `${(6).toString(16)}\r\nemail=\r\n`;
    for (let i = 0; i < 9; i++) body += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    body += '0\r\n\r\n';
    const res = await raw(`POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}`);
    assert.equal(res.status, 413);
  });

  test('a body of exactly 64 KiB is not refused for its size', async () => {
    const res = await raw(post(login, `email=${'a'.repeat(64 * KiB - 'email='.length)}`));
    assert.notEqual(res.status, 413);
    assert.ok(res.status >= 200 && res.status < 500, `status ${res.status}`);
  });

  test('the report form takes a body over 64 KiB (files), but not one over 26 MiB', async () => {
    const big = await raw(post('/melden', `description=${'a'.repeat(200 * KiB)}`));
    assert.notEqual(big.status, 413);
    assert.ok(big.status >= 200 && big.status < 500, `status ${big.status}`);
    const res = await raw(`POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${26 * 1024 * KiB + 1}\r\nConnection: close\r\n\r\n`);
    assert.equal(res.status, 413);
    assertSecurityHeaders(res.headers, '413');
  });

  test('an unknown path keeps the default limit', async () => {
    const res = await raw(`POST /nergens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${64 * KiB + 1}\r\nConnection: close\r\n\r\n`);
    assert.equal(res.status, 413);
  });
});

describe('header size (8 KiB)', () => {
  test('a header block over 8 KiB is 431', async () => {
    const res = await raw(get('/', `X-Padding: ${'p'.repeat(9 * KiB)}\r\n`));
    assert.equal(res.status, 431);
    assertSecurityHeaders(res.headers, '431');
  });

  test('many small headers adding up to over 8 KiB are 431', async () => {
    let h = '';
    for (let i = 0; i < 200; i++) h += `X-Pad-${i}: ${'q'.repeat(40)}\r\n`;
    const res = await raw(get('/', h));
    assert.equal(res.status, 431);
  });

  test('a 6 KiB header block is fine', async () => {
    const res = await raw(get('/', `X-Padding: ${'p'.repeat(6 * KiB)}\r\n`));
    assert.equal(res.status, 200);
  });
});

describe('request target', () => {
  for (const target of ['melden', 'http://127.0.0.1/melden', '/../etc/passwd', '/static/../../etc/passwd', '/melden/..', '/a/../melden']) {
    test(`GET ${target} is 400`, async () => {
      const res = await raw(get(target));
      assert.equal(res.status, 400);
      assertSecurityHeaders(res.headers, `400 for ${target}`);
    });
  }

  for (const target of ['/%2e%2e/etc/passwd', '/static/%2e%2e/%2e%2e/etc/passwd', '/static/..%2f..%2fetc%2fpasswd']) {
    test(`GET ${target} does not escape the site`, async () => {
      const res = await raw(get(target));
      assert.ok([400, 404].includes(res.status), `400 or 404, got ${res.status}`);
      assert.doesNotMatch(res.body, /root:.*:0:0:/);
    });
  }

  test('garbage instead of a request line is 400', async () => {
    const res = await raw('HELLO THERE\r\n\r\n');
    assert.equal(res.status, 400);
  });

  test('the server still serves after all that', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
  });
});
