// A real SMTP server for the tests: smtp_server.py on Debian's aiosmtpd (python3-aiosmtpd), which
// writes every message it accepts into a Maildir. Helpers read those messages back.
//
//   MELDPUNT_TEST_PYTHON  the Python that has aiosmtpd (default /usr/bin/python3, Debian's)
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const python = () => process.env.MELDPUNT_TEST_PYTHON || '/usr/bin/python3';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port on 127.0.0.1 that nothing listens on (at the moment of asking). */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function canConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.on('connect', () => { sock.destroy(); resolve(true); });
    sock.on('error', () => resolve(false));
  });
}

/**
 * Start the test SMTP server (smtp_server.py, on aiosmtpd) on 127.0.0.1:port (a free one when not
 * given); resolves once it accepts connections. With { user, password } it requires AUTH.
 * Returns { port, url, dir, messages(), waitFor(predicate, opts), to(address), stop() }.
 */
export async function startSmtpServer(port, { user, password } = {}) {
  port ??= await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-smtp-'));
  const maildir = path.join(dir, 'mail');
  const args = [path.join(here, 'smtp_server.py'), '--port', String(port), '--maildir', maildir];
  if (user) args.push('--user', user, '--password', password ?? '');
  const child = spawn(python(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; !out.includes('ready') || !(await canConnect(port)); i++) {
    if (child.exitCode !== null || i > 150) {
      child.kill('SIGKILL');
      throw new Error(`the test SMTP server did not start on port ${port}: ${err}`);
    }
    await sleep(100);
  }
  const smtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    dir: maildir,
    /** Every message received so far, parsed (see parseMessage). */
    async messages() {
      const folder = path.join(maildir, 'new');
      let names = [];
      try { names = (await readdir(folder)).sort(); } catch { return []; }
      return Promise.all(names.map(async (n) => parseMessage(await readFile(path.join(folder, n), 'utf8'))));
    },
    /** Wait until `predicate(messages)` is true; returns the messages. */
    async waitFor(predicate, { timeoutMs = 20_000, what = 'the expected e-mail' } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const all = await smtp.messages();
        if (predicate(all)) return all;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; have ${all.length} messages`);
        await sleep(100);
      }
    },
    /** The messages whose envelope recipient is `address`. */
    async to(address) {
      return (await smtp.messages()).filter((m) => m.rcptTo === address);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return smtp;
}

/** Decode RFC 2047 encoded words (B and Q) in a header value. */
export function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?') // white space between encoded words is not part of the text
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, enc, text) => {
      const bytes = /b/i.test(enc) ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return bytes.toString('utf8');
    });
}

/** Decode a quoted-printable body to UTF-8 text with \n line ends. */
export function decodeQuotedPrintable(text) {
  const joined = text.replace(/\r\n/g, '\n').replace(/=\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Parse a stored message: { raw, headers: Map lowercased name -> [values] (unfolded, decoded),
 * header(name), subject, to, rcptTo (envelope, from aiosmtpd's X-RcptTo), body (decoded text) }.
 */
export function parseMessage(raw) {
  const text = raw.replace(/\r\n/g, '\n');
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const rawBody = end < 0 ? '' : text.slice(end + 2);
  const headers = new Map();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), decodeHeader(line.slice(i + 1).trim())]);
  }
  const header = (name) => headers.get(name.toLowerCase())?.[0];
  const qp = /quoted-printable/i.test(header('content-transfer-encoding') ?? '');
  return {
    raw,
    headers,
    header,
    subject: header('subject'),
    to: header('to'),
    rcptTo: header('x-rcptto'),
    body: qp ? decodeQuotedPrintable(rawBody) : rawBody,
  };
}
