// Receipt hashes under both schemes (issue 16): reports stored before the change have an Argon2id
// hash (no prefix), new ones a keyed BLAKE2b hash ("k2:" prefix). `meldpunt demo-data` gives its
// first report an old-scheme receipt and its second a new-scheme one and prints both codes; a
// reporter signs in with either, the old hash is replaced by the keyed one at the first sign-in
// and the code keeps working after that; a report sent through the form now stores a keyed hash.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE names one.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, isPostgres, postForm, resetPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { byId } from './html.mjs';
import { validReport } from './flows.mjs';

const PG_URL = isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') ? process.env.MELDPUNT_TEST_DATABASE : null;

/** The receipt hashes stored, by report id: { [id]: hash }. */
async function hashes(db) {
  const rows = await sql(db, "SELECT report_id || ' ' || receipt_hash FROM report_receipts ORDER BY report_id");
  return Object.fromEntries(rows.map((r) => r.split(' ')));
}

/** Sign in at /melden/volgen with a code in a fresh browser: { status, location, jar }. */
async function signIn(server, receipt) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  assert.equal(form.status, 200);
  const res = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
  return { ...res, jar };
}

/** After a right code: the follow-up page shows the report's status, not the code form. */
async function seesThread(server, jar) {
  const res = await jar.fetch(`${server.url}/melden/volgen`);
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.ok(byId(html, 'status', ['dd']), 'the thread page with the report status');
}

describe('receipt codes hashed under the old and the new scheme', () => {
  let dir;
  let db;
  let server;
  let codes;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-receipts-'));
    if (PG_URL) await resetPostgres(PG_URL);
    db = { dir, database: PG_URL ?? `sqlite:${path.join(dir, 'meldpunt.db')}` };
    const run = await runBinary(['demo-data', '--reports', '30', '--years', '1', '--seed', '5',
      '--database', db.database, '--data-dir', dir]);
    assert.equal(run.code, 0, run.stderr);
    codes = [...run.stdout.matchAll(/receipt code of report (\d+) \(([^)]+)\): (\d{4} \d{4} \d{4} \d{4} \d{4})/g)]
      .map(([, id, scheme, code]) => ({ id, scheme, code }));
    assert.deepEqual(codes.map((c) => c.scheme), ['legacy Argon2id hash', 'keyed BLAKE2b hash'], run.stdout);
    // Without the retention job: it would anonymise old closed demo cases at start.
    server = await startServer({
      database: db.database, dataDir: dir, resetDatabase: false,
      args: ['--retention-job', 'false'], env: { MELDPUNT_FOLLOWUP_BURST: '0' },
    });
  });
  after(async () => {
    if (server) {
      const exit = await server.stop();
      assert.equal(exit.code, 0, 'the server exits cleanly');
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('demo-data stores one old-scheme and one new-scheme hash', async () => {
    const [old, current] = codes;
    const stored = await hashes(db);
    assert.deepEqual(Object.keys(stored).sort(), [old.id, current.id].sort());
    assert.match(stored[old.id], /^[0-9a-f]{64}$/, 'Argon2id hex, without a prefix');
    assert.match(stored[current.id], /^k2:[0-9a-f]{64}$/, 'keyed BLAKE2b with its prefix');
  });

  test('a wrong code is refused under both schemes', async () => {
    for (const { code } of codes) {
      const last = code.at(-1) === '9' ? '0' : String(Number(code.at(-1)) + 1);
      const wrong = await signIn(server, code.slice(0, -1) + last);
      assert.equal(wrong.status, 401);
    }
    assert.match((await hashes(db))[codes[0].id], /^[0-9a-f]{64}$/, 'nothing upgraded by a wrong code');
  });

  test('the old-scheme code signs in, is upgraded, and keeps working', async () => {
    const [old] = codes;
    const first = await signIn(server, old.code);
    assert.equal(first.status, 303, first.html?.slice(0, 300));
    await seesThread(server, first.jar);
    const stored = await hashes(db);
    assert.match(stored[old.id], /^k2:[0-9a-f]{64}$/, 'rehashed with the keyed hash at sign-in');
    assert.equal((await sql(db, "SELECT COUNT(*) FROM report_receipts WHERE receipt_hash NOT LIKE 'k2:%'"))[0], '0');

    const again = await signIn(server, old.code.replaceAll(' ', '-'));
    assert.equal(again.status, 303);
    await seesThread(server, again.jar);
  });

  test('the new-scheme code signs in, and so does a report sent now', async () => {
    const [, current] = codes;
    const before = (await hashes(db))[current.id];
    const res = await signIn(server, current.code);
    assert.equal(res.status, 303);
    await seesThread(server, res.jar);
    assert.equal((await hashes(db))[current.id], before, 'a keyed hash stays as it is');

    // A report through the form: its receipt is stored as a keyed hash and signs in.
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    const key = form.html.match(/name="submission_key" value="([^"]*)"/)?.[1];
    const sent = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, submission_key: key, ...validReport() });
    assert.equal(sent.status, 303);
    const confirmation = await (await jar.fetch(new URL(sent.location, server.url))).text();
    const receipt = [...confirmation.matchAll(/class="receipt-group"[^>]*>(\d{4})</g)].map((m) => m[1]).join('');
    assert.match(receipt, /^\d{20}$/, 'the confirmation shows the code');
    const newest = (await sql(db, 'SELECT receipt_hash FROM report_receipts ORDER BY report_id DESC LIMIT 1'))[0];
    assert.match(newest, /^k2:[0-9a-f]{64}$/);
    const signedIn = await signIn(server, receipt);
    assert.equal(signedIn.status, 303);
    await seesThread(server, signedIn.jar);
  });
});
