// Behind nginx (issue 17, part 5): Debian's nginx runs the example config of the docs
// (docs/examples/nginx/meldpunt.conf, only its ports, upstream and certificate paths replaced)
// with TLS on loopback, in front of meldpunt started with --trust-proxy and an https:// public URL.
// Checked: the per-client report limit (a burst of one) sees each real client (two clients, bound
// to 127.0.0.1 and 127.0.0.2), a client's own X-Forwarded-For does not get it past the limit, HSTS
// and Secure cookies come through, and nginx refuses a body over meldpunt's largest limit as
// meldpunt does, keeping a body at the limit in memory.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import {
  csrfOf, formBody, isPostgres, parseRawResponse, parseSetCookie, rawRequest, repoRoot, startServer,
} from './harness.mjs';
import { validReport } from './flows.mjs';

const NGINX = '/usr/sbin/nginx';
const EXAMPLE = path.join(repoRoot, 'docs/examples/nginx/meldpunt.conf');
// The proxy does not depend on the database engine: the PostgreSQL run skips this file.
const skip = !existsSync(NGINX) ? `${NGINX} is missing: install nginx-light (scripts/install-deps --test)`
  : isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? 'engine-independent: runs in the SQLite run only'
    : false;
// meldpunt's largest request body (kUploadBodyLimit: 25 MiB of files + 1 MiB), and the example's
// client_max_body_size.
const BODY_LIMIT = 26 * 1024 * 1024;

let server;
let nginx;
let dir;
let tlsPort;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The docs' example with only ports, the upstream address and the certificate paths replaced. */
async function exampleConfig({ httpPort, tlsPort: port, upstreamPort, cert, key }) {
  const text = await readFile(EXAMPLE, 'utf8');
  const replaced = text
    .replace('server 127.0.0.1:8080;', `server 127.0.0.1:${upstreamPort};`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`)
    .replace('/etc/letsencrypt/live/meldpunt.example.nl/fullchain.pem', cert)
    .replace('/etc/letsencrypt/live/meldpunt.example.nl/privkey.pem', key);
  for (const original of ['8080;', 'listen 80;', 'listen 443', '/etc/letsencrypt/']) {
    assert.ok(!replaced.includes(original), `the example still has ${original}: update this test's replacements`);
  }
  return replaced;
}

/** The main nginx.conf around it: what Debian's /etc/nginx/nginx.conf does, in a temp folder. */
function mainConfig(prefix) {
  return `${process.getuid?.() === 0 ? 'user root root;\n' : ''}daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 128; }
http {
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${prefix}/meldpunt.conf;
}
`;
}

async function startNginx() {
  dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-nginx-'));
  await chmod(dir, 0o700);
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert]);
  const httpPort = await freePort();
  await writeFile(path.join(dir, 'meldpunt.conf'),
    await exampleConfig({ httpPort, tlsPort, upstreamPort: server.port, cert, key }));
  await writeFile(path.join(dir, 'nginx.conf'), mainConfig(dir));
  await mkdir(path.join(dir, 'logs'));
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Ready when the TLS port accepts.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${err}`);
    const up = await new Promise((resolve) => {
      const s = net.connect(tlsPort, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (i > 200) throw new Error(`nginx did not listen on ${tlsPort}: ${err}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    async stop() {
      child.kill('SIGQUIT');
      await exited;
    },
  };
}

/**
 * One HTTPS request to nginx from localAddress: { status, headers (raw lower-case object), text }.
 * A client is its local address plus its cookies.
 */
function request(client, method, urlPath, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const req = https.request({
      host: '127.0.0.1', port: tlsPort, method, path: urlPath, localAddress: client.address,
      rejectUnauthorized: false, agent: false,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const c = parseSetCookie(line);
          client.cookies.set(c.name, c.value);
        }
        resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function client(address) {
  return { address, cookies: new Map() };
}

/** A report sent through nginx as a browser would: the form first, then the post. */
async function sendReport(c, description, headers = {}) {
  const form = await request(c, 'GET', '/melden', { headers });
  assert.equal(form.status, 200);
  const csrf = csrfOf(form.text);
  assert.ok(csrf, 'the form has its anti-forgery token');
  return request(c, 'POST', '/melden', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: formBody({ csrf, ...validReport({ description }) }),
  });
}

before(async () => {
  if (skip) return;
  tlsPort = await freePort();
  server = await startServer({
    env: {
      MELDPUNT_TRUST_PROXY: 'true',
      MELDPUNT_PUBLIC_URL: `https://127.0.0.1:${tlsPort}`,
      MELDPUNT_REPORT_BURST: '1',
      MELDPUNT_REPORT_REFILL_SECONDS: '3600',
    },
  });
  nginx = await startNginx();
});

after(async () => {
  await nginx?.stop();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the report limit counts each client nginx sees, not the proxy', { skip }, async () => {
  const first = client('127.0.0.1');
  const one = await sendReport(first, 'Een melding van de eerste bezoeker via de proxy.');
  assert.equal(one.status, 303, 'the first client\'s report is taken');
  const two = await sendReport(first, 'De tweede melding van de eerste bezoeker, te snel.');
  assert.equal(two.status, 429, 'the first client is past its burst of one');
  assert.match(two.text, /De tweede melding van de eerste bezoeker, te snel\./, 'what was typed is kept');

  const second = client('127.0.0.2');
  const other = await sendReport(second, 'Een melding van een andere bezoeker achter dezelfde proxy.');
  assert.equal(other.status, 303, 'another client behind the same proxy is not stopped by the first one');
});

test('a client-sent X-Forwarded-For does not get past the limit', { skip }, async () => {
  const first = client('127.0.0.1');
  for (const forged of ['198.51.100.7', '127.0.0.2', '198.51.100.7, 203.0.113.9']) {
    const res = await sendReport(first, 'Nog een melding, met een vals adres erbij.', { 'x-forwarded-for': forged });
    assert.equal(res.status, 429, `X-Forwarded-For: ${forged} is replaced by nginx, so the limit still applies`);
  }
});

test('HSTS and Secure cookies reach the browser through nginx', { skip }, async () => {
  const c = client('127.0.0.3');
  const res = await request(c, 'GET', '/melden');
  assert.equal(res.status, 200);
  const hsts = res.headers['strict-transport-security'];
  assert.ok(hsts, 'Strict-Transport-Security is sent');
  assert.match(hsts, /max-age=\d+/);
  assert.ok(!String(hsts).includes(','), 'one HSTS header (nginx adds none of its own)');
  const cookies = res.headers['set-cookie'] ?? [];
  assert.ok(cookies.length > 0, 'the form sets a cookie');
  for (const line of cookies) assert.equal(parseSetCookie(line).attrs.secure, true, `Secure: ${line}`);
});

test('a body over meldpunt\'s limit is refused by nginx, as meldpunt itself refuses it', { skip }, async () => {
  const head = (port, length) => `POST /melden HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
    + `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;
  // Straight to meldpunt: one byte over is refused before the body is read.
  const direct = parseRawResponse(await rawRequest(server.port, head(server.port, BODY_LIMIT + 1)));
  assert.equal(direct.status, 413, 'meldpunt refuses a body over its limit');

  // Through nginx: the same size is refused by nginx (its own 413, no meldpunt headers) ...
  const c = client('127.0.0.4');
  const over = await request(c, 'POST', '/melden', {
    headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(BODY_LIMIT + 1) },
  });
  assert.equal(over.status, 413, 'nginx refuses a body over client_max_body_size');
  assert.equal(over.headers['content-security-policy'], undefined, 'refused by nginx, before meldpunt');

  // ... and a body of exactly the limit gets through to meldpunt (which answers for itself).
  const body = `--x\r\nContent-Disposition: form-data; name="pad"\r\n\r\n`;
  const full = body + 'a'.repeat(BODY_LIMIT - body.length - '\r\n--x--\r\n'.length) + '\r\n--x--\r\n';
  assert.equal(Buffer.byteLength(full), BODY_LIMIT);
  const at = await request(c, 'POST', '/melden', { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: full });
  assert.ok(at.headers['content-security-policy'], `a body of exactly the limit reaches meldpunt (status ${at.status})`);
  assert.notEqual(at.status, 413, 'meldpunt takes a body of exactly its limit');
  // nginx warns when it writes a request body to a temporary file: the report stayed in memory.
  const log = await readFile(path.join(dir, 'error.log'), 'utf8');
  assert.doesNotMatch(log, /buffered to a temporary file/, 'no body was written to nginx\'s disk');
});
