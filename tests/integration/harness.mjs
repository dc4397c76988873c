// Test harness: start the real meldpunt binary, talk to it over HTTP.
//
//   MELDPUNT_BIN            the binary (default build/release/meldpunt under the repo root)
//   MELDPUNT_TEST_DATABASE  database URL for the server (default: a fresh SQLite file)
//   MELDPUNT_TEST_VERBOSE   when set, the server's stderr is echoed
//
// Each test file starts one server; with PostgreSQL the schema is wiped first,
// so run the files one at a time (--test-concurrency=1).
import { spawn, execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tags } from './html.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function binaryPath() {
  return path.resolve(repoRoot, process.env.MELDPUNT_BIN || 'build/release/meldpunt');
}

export function isPostgres(url) {
  return /^postgres(ql)?:/.test(url);
}

/** Drop and recreate the public schema, so a suite starts from nothing. */
export async function resetPostgres(url) {
  await promisify(execFile)('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c',
    'DROP SCHEMA public CASCADE; CREATE SCHEMA public;']);
}

/** Clock offset files of running servers, by port (MELDPUNT_CLOCK_OFFSET_FILE or --clock-offset-file). */
const clockFiles = new Map();

/**
 * The server's clock in Unix seconds (with fractions): the real clock plus the offset in the
 * server's clock offset file, when it was started with one. baseUrl may use any host name.
 */
export function serverNow(baseUrl) {
  const file = clockFiles.get(Number(new URL(baseUrl).port));
  let offset = 0;
  if (file) {
    try { offset = Number(readFileSync(file, 'utf8').trim()) || 0; } catch { offset = 0; }
  }
  return Date.now() / 1000 + offset;
}

/**
 * Spawn `meldpunt serve` on a free port of 127.0.0.1 with a fresh data dir.
 * Options: database, env, resetDatabase, dataDir (reuse one, e.g. for a restart), args (extra
 * `serve` flags). Returns { url, port, dataDir, database, stop({ keepData }), stderr(), run(args, stdin) }.
 */
export async function startServer({ database, env = {}, resetDatabase = true, dataDir, args: extraArgs = [] } = {}) {
  const bin = binaryPath();
  dataDir ??= await mkdtemp(path.join(os.tmpdir(), 'meldpunt-test-'));
  database ??= process.env.MELDPUNT_TEST_DATABASE || `sqlite:${path.join(dataDir, 'meldpunt.db')}`;
  if (resetDatabase && isPostgres(database)) await resetPostgres(database);

  // One test client sends many reports and logins quickly: the per-client limits are off unless a
  // test turns them on through env (tests/integration/rate-limits.test.mjs); a value of null in
  // env removes the variable, so the server's own defaults apply (login-limits.test.mjs).
  const childEnv = {
    ...process.env, MELDPUNT_REPORT_BURST: '0', MELDPUNT_LOGIN_BURST: '0', MELDPUNT_LOGIN_FAILURE_BURST: '0', ...env,
  };
  for (const [name, value] of Object.entries(childEnv)) if (value === null) delete childEnv[name];
  const args = ['serve', '--listen', '127.0.0.1', '--port', '0', '--database', database, '--data-dir', dataDir, ...extraArgs];
  const child = spawn(bin, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let stopping = false;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stdout.resume();

  let onEarlyExit;
  const port = await new Promise((resolve, reject) => {
    let pending = '';
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rm(dataDir, { recursive: true, force: true }).catch(() => {});
      reject(new Error(`meldpunt did not start (${why}): ${bin} ${args.join(' ')}\n--- stderr ---\n${err}`));
    };
    const timer = setTimeout(() => fail('no "listening" line within 20 s'), 20_000);
    child.on('error', (e) => fail(e.message));
    onEarlyExit = (code, signal) => fail(`exited with ${signal ?? code}`);
    child.on('exit', onEarlyExit);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      err += chunk;
      if (process.env.MELDPUNT_TEST_VERBOSE) process.stderr.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        let rec;
        try { rec = JSON.parse(line); } catch { continue; }
        if (rec?.msg === 'listening' && Number.isInteger(rec.port) && rec.port > 0) {
          clearTimeout(timer);
          resolve(rec.port);
        }
      }
    });
  });
  child.off('exit', onEarlyExit);
  const clockArg = extraArgs.indexOf('--clock-offset-file');
  const clockFile = clockArg >= 0 ? extraArgs[clockArg + 1] : childEnv.MELDPUNT_CLOCK_OFFSET_FILE;
  if (clockFile) clockFiles.set(port, clockFile);
  child.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`meldpunt exited unexpectedly (${signal ?? code})\n--- stderr ---\n${err}\n`);
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid, // the server process, for checks in /proc
    dataDir,
    database,
    stderr: () => err,
    /** SIGTERM, wait for exit (SIGKILL after 10 s), remove the data dir unless keepData. */
    async stop({ keepData = false } = {}) {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exited;
      clearTimeout(timer);
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
      return result;
    },
    /** Run another subcommand against the same database and data dir (so the same key file): { code, stdout, stderr }. */
    run(subArgs, stdin = '') {
      return runBinary([...subArgs, '--database', database, '--data-dir', dataDir], stdin, childEnv);
    },
  };
}

/** Run the binary once with args and stdin: { code, signal, stdout, stderr }. */
export function runBinary(args, stdin = '', env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(binaryPath(), args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // the command may exit without reading stdin
    child.stdin.end(stdin);
  });
}

/** A minimal cookie jar for fetch: remembers name=value pairs from Set-Cookie. */
export class CookieJar {
  constructor(entries = []) {
    this.cookies = new Map(entries);
    /** Every Set-Cookie header seen, newest last, for attribute checks. */
    this.setCookies = [];
  }

  clone() {
    return new CookieJar(this.cookies);
  }

  get(name) {
    return this.cookies.get(name);
  }

  set(name, value) {
    this.cookies.set(name, value);
  }

  /** The Cookie request header value ('' when empty). */
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Take the Set-Cookie headers of a response. */
  update(res) {
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const c = parseSetCookie(line);
      const expired = c.attrs['max-age'] !== undefined ? Number(c.attrs['max-age']) <= 0
        : c.attrs.expires !== undefined && Date.parse(c.attrs.expires) < Date.now();
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /** The newest Set-Cookie for `name`, parsed, or undefined. */
  lastSetCookie(name) {
    for (let i = this.setCookies.length - 1; i >= 0; i--) {
      const c = parseSetCookie(this.setCookies[i]);
      if (c.name === name) return c;
    }
    return undefined;
  }

  /** fetch with this jar's cookies; the response's cookies are taken in. */
  async fetch(url, init = {}) {
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    const res = await fetch(url, { redirect: 'manual', ...init, headers });
    this.update(res);
    return res;
  }
}

/** Parse one Set-Cookie header: { name, value, attrs: {lowercased: value|true}, raw }. */
export function parseSetCookie(line) {
  const [pair, ...rest] = line.split(';');
  const eq = pair.indexOf('=');
  const attrs = {};
  for (const a of rest) {
    const i = a.indexOf('=');
    const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    if (k) attrs[k] = i < 0 ? true : a.slice(i + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attrs, raw: line };
}

/** The value of `<input type="hidden" name="csrf" value="...">`, or undefined. */
export function csrfOf(html) {
  return tags(html, 'input').find((t) => t.attrs.name === 'csrf' && t.attrs.type === 'hidden')?.attrs.value;
}

/** GET a page with the jar: { res, status, html, csrf }. */
export async function getForm(jar, url) {
  const res = await jar.fetch(url);
  const html = await res.text();
  return { res, status: res.status, html, csrf: csrfOf(html) };
}

/**
 * POST fields (object or [name, value] pairs) as application/x-www-form-urlencoded,
 * without following redirects: { res, status, location, html }.
 */
/** URL-encoded form body; an array value becomes one field per element (check boxes). */
export function formBody(fields) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body.toString();
}

export async function postForm(jar, url, fields, { headers = {} } = {}) {
  const res = await jar.fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: formBody(fields),
  });
  const html = await res.text();
  return { res, status: res.status, location: res.headers.get('location'), html };
}

/**
 * Write raw bytes to 127.0.0.1:port and resolve with everything the server sent
 * back (latin1 text) once it closes the connection, or after timeoutMs.
 */
export function rawRequest(port, bytes, { timeoutMs = 10_000, host = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const sock = net.connect({ port, host });
    const done = (e) => {
      clearTimeout(timer);
      sock.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      if (text || !e) resolve(text);
      else reject(e);
    };
    const timer = setTimeout(() => done(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => done());
    sock.on('close', () => done());
    sock.on('error', (e) => done(e)); // e.g. ECONNRESET after an early error response
    sock.on('connect', () => sock.write(bytes));
  });
}

/** Split a raw HTTP response: { status, headers: Headers, body }. */
export function parseRawResponse(text) {
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = new Headers();
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers.append(l.slice(0, i).trim(), l.slice(i + 1).trim());
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  return { status, headers, body: end < 0 ? '' : text.slice(end + 4) };
}
