// The server's life: reports survive a restart, a request in flight at SIGTERM is finished and
// stored, and slow or idle clients are dropped rather than holding the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { rm } from 'node:fs/promises';
import { startServer, CookieJar, getForm, formBody } from './harness.mjs';
import { validReport, submitValid, addStaff, staffLogin, reportRows } from './flows.mjs';

test('reports stay readable after a restart on the same database and key file', async () => {
  let server = await startServer();
  const { dataDir, database } = server;
  try {
    await addStaff(server);
    const reference = await submitValid(server.url, validReport({ description: 'Voor de herstart gemeld.' }));
    await server.stop({ keepData: true });
    server = await startServer({ dataDir, database, resetDatabase: false });
    const jar = await staffLogin(server.url);
    const { rows } = await reportRows(server.url, jar);
    const row = rows.find((r) => r.text.includes(reference));
    assert.ok(row, `report ${reference} is listed after the restart`);
    assert.match(row.text, /Voor de herstart gemeld\./);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Sends the first part of a request, then the rest when told; resolves with the response text. */
function splitRequest(port, first, rest) {
  const socket = net.connect({ port, host: '127.0.0.1' });
  const chunks = [];
  const response = new Promise((resolve, reject) => {
    socket.on('data', (d) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
  const connected = new Promise((resolve) => socket.on('connect', resolve));
  return {
    async sendFirst() {
      await connected;
      socket.write(first);
    },
    sendRest() {
      socket.write(rest);
    },
    response,
  };
}

test('SIGTERM finishes a submission that is still arriving, and it is stored', async () => {
  const server = await startServer();
  try {
    await addStaff(server);
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    const body = formBody({ csrf: form.csrf, ...validReport({ description: 'Gemeld tijdens het stoppen.' }) });
    const head =
      `POST /melden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Cookie: ${jar.header()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    const request = splitRequest(server.port, head + body.slice(0, 20), body.slice(20));
    await request.sendFirst();
    await new Promise((r) => setTimeout(r, 200));
    const stopped = server.stop({ keepData: true });
    await new Promise((r) => setTimeout(r, 300));
    request.sendRest();
    const response = await request.response;
    assert.match(response, /^HTTP\/1\.1 303 /, `in-flight submission was answered: ${response.slice(0, 200)}`);
    const exit = await stopped;
    assert.equal(exit.code, 0, 'the server exits cleanly');
    assert.match(server.stderr(), /"msg":"stopped"/);

    const again = await startServer({ dataDir: server.dataDir, database: server.database, resetDatabase: false });
    try {
      const staff = await staffLogin(again.url);
      const { rows } = await reportRows(again.url, staff);
      assert.ok(rows.some((r) => r.text.includes('Gemeld tijdens het stoppen.')), 'the submission was stored');
    } finally {
      await again.stop();
    }
  } finally {
    await rm(server.dataDir, { recursive: true, force: true });
  }
});

test('a client that trickles its request is dropped after the read timeout; others are served', async () => {
  const server = await startServer({ args: ['--read-timeout', '1', '--idle-timeout', '2'] });
  try {
    const socket = net.connect({ port: server.port, host: '127.0.0.1' });
    await new Promise((r) => socket.on('connect', r));
    const closed = new Promise((resolve) => socket.on('close', () => resolve(Date.now())));
    socket.on('error', () => {});
    socket.resume();
    const started = Date.now();
    socket.write('GET / HTTP/1.1\r\n');
    // One header byte every 300 ms would never finish; the deadline covers the whole request.
    const drip = setInterval(() => socket.write('X'), 300);
    const healthy = await fetch(`${server.url}/healthz`);
    assert.equal(healthy.status, 200, 'another client is served meanwhile');
    const closedAt = await closed;
    clearInterval(drip);
    const elapsed = closedAt - started;
    assert.ok(elapsed >= 900 && elapsed < 5000, `dropped after ${elapsed} ms`);
  } finally {
    await server.stop();
  }
});

test('an idle kept-alive connection is closed after the idle timeout', async () => {
  const server = await startServer({ args: ['--idle-timeout', '1'] });
  try {
    const socket = net.connect({ port: server.port, host: '127.0.0.1' });
    socket.on('error', () => {});
    socket.resume(); // read (and drop) the response, so that the end of the stream is seen
    await new Promise((r) => socket.on('connect', r));
    const started = Date.now();
    const closed = new Promise((resolve) => socket.on('close', () => resolve(Date.now())));
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const elapsed = (await closed) - started;
    assert.ok(elapsed >= 900 && elapsed < 5000, `closed after ${elapsed} ms`);
  } finally {
    await server.stop();
  }
});

test('the database and key files are readable by the service user only', async () => {
  const { stat, readdir } = await import('node:fs/promises');
  const server = await startServer();
  try {
    await submitValid(server.url, validReport());
    for (const name of await readdir(server.dataDir)) {
      const mode = (await stat(`${server.dataDir}/${name}`)).mode & 0o777;
      assert.equal(mode & 0o077, 0, `${name} has mode ${mode.toString(8)}`);
    }
    assert.ok((await readdir(server.dataDir)).includes('meldpunt.key'));
  } finally {
    await server.stop();
  }
});
