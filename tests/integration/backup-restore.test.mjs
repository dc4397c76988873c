// meldpunt backup and restore (issue 17), SQLite: a backup taken while reports keep coming in holds
// every report acknowledged before it began; restored into a new folder (with the key file copied
// apart) a second server serves them and `meldpunt audit verify` passes. A restore into a folder
// that holds data, of a file that is not a meldpunt database, of a damaged file, of a newer schema
// or of a log that was tampered with is refused and writes nothing. On PostgreSQL the commands
// point to pg_dump.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isPostgres, runBinary, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { addStaff, STAFF_EMAIL, STAFF_PASSWORD, staffLogin, submitValid, validReport } from './flows.mjs';
import { elements } from './html.mjs';

const run = promisify(execFile);
const FLOOD_WORKERS = 6;

const dirs = [];
async function tempDir(prefix) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** `meldpunt restore` into dir (with --data-dir, so the key file is dir/meldpunt.key). */
function restore(from, dir) {
  return runBinary(['restore', '--from', from, '--data-dir', dir]);
}

/** A new folder that holds a copy of the server's key file, as an operator would prepare it. */
async function folderWithKey(server) {
  const dir = await tempDir('meldpunt-restore-');
  await copyFile(path.join(server.dataDir, 'meldpunt.key'), path.join(dir, 'meldpunt.key'));
  return dir;
}

/** The report id in a reference MP-YYYY-NNNNNN (the number is the id, domain/reports/reference). */
function idOf(reference) {
  return Number(reference.split('-')[2]);
}

after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let server;
  let restored;
  let backupFile;
  const beforeBackup = [];
  let backupResult;

  before(async () => {
    server = await startServer();
    if (isPostgres(server.database)) return;
    await addStaff(server, STAFF_EMAIL, STAFF_PASSWORD, 'handler');
    await staffLogin(server.url); // audited: the backup's chain is not empty
    const backups = await tempDir('meldpunt-backups-');
    backupFile = path.join(backups, 'meldpunt-backup.db');

    // The flood: workers submit reports until told to stop; each acknowledged reference is kept
    // with whether the backup had begun when it was acknowledged.
    let backupStarted = false;
    let stop = false;
    const during = [];
    const worker = async (w) => {
      for (let i = 0; !stop; i++) {
        const reference = await submitValid(server.url, validReport({ description: `Overstroming ${w}-${i}: bij de deur geweigerd vanwege mijn afkomst.` }));
        (backupStarted ? during : beforeBackup).push(reference);
      }
    };
    const workers = Array.from({ length: FLOOD_WORKERS }, (_, w) => worker(w));
    while (beforeBackup.length < 60) await new Promise((r) => setTimeout(r, 50));
    backupStarted = true;
    backupResult = await server.run(['backup', '--to', backupFile]);
    // Keep the flood going a little after the copy, then stop.
    const target = during.length + 12;
    while (during.length < target) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(workers);
    assert.ok(during.length > 0, 'reports were acknowledged while the backup ran');
  });

  after(async () => {
    await restored?.stop({ keepData: true });
    await server?.stop();
  });

  test('on PostgreSQL, backup and restore point to pg_dump', { skip: !isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') }, async () => {
    const r = await server.run(['backup', '--to', path.join(os.tmpdir(), 'never.db')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pg_dump/);
    const back = await server.run(['restore', '--from', path.join(os.tmpdir(), 'never.db')]);
    assert.equal(back.code, 2);
    assert.match(back.stderr, /pg_restore/);
  });

  describe('SQLite', { skip: isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') }, () => {
    test('the backup of a busy server is written, and says what it wrote', async () => {
      assert.equal(backupResult.code, 0, backupResult.stdout + backupResult.stderr);
      const size = (await stat(backupFile)).size;
      assert.match(backupResult.stdout, new RegExp(`backup written: .*meldpunt-backup\\.db, ${size} bytes, schema version \\d+`));
      assert.match(backupResult.stdout, /key file .* is not in it/);
      // Only the file: no temporary left beside it, no -wal (one self-contained file).
      assert.deepEqual(await readdir(path.dirname(backupFile)), ['meldpunt-backup.db']);
    });

    test('an existing backup file is not overwritten without --force', async () => {
      const before = (await stat(backupFile)).mtimeMs;
      const refused = await server.run(['backup', '--to', backupFile]);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /exists; give --force/);
      assert.equal((await stat(backupFile)).mtimeMs, before);
      const other = path.join(path.dirname(backupFile), 'forced.db');
      await writeFile(other, 'old');
      const forced = await server.run(['backup', '--to', other, '--force']);
      assert.equal(forced.code, 0, forced.stderr);
      assert.ok((await stat(other)).size > 1000);
      await rm(other);
    });

    test('the restore holds every report acknowledged before the backup began, and a second server serves them', async () => {
      const dir = await folderWithKey(server);
      const r = await restore(backupFile, dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /restored .* schema version \d+, audit log intact \(\d+ chained entries\)/);
      assert.deepEqual((await readdir(dir)).sort(), ['meldpunt.db', 'meldpunt.key']);

      const db = { database: `sqlite:${path.join(dir, 'meldpunt.db')}` };
      const ids = new Set((await sql(db, 'SELECT id FROM reports')).map(Number));
      const missing = beforeBackup.filter((ref) => !ids.has(idOf(ref)));
      assert.deepEqual(missing, [], `all ${beforeBackup.length} references acknowledged before the backup are restored`);

      const verify = await runBinary(['audit', 'verify', '--data-dir', dir]);
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);
      assert.match(verify.stdout, /audit log intact/);

      // The second server reads the restored reports with the copied key: staff find them.
      restored = await startServer({ dataDir: dir, resetDatabase: false });
      const jar = await staffLogin(restored.url);
      for (const reference of [beforeBackup[0], beforeBackup.at(-1)]) {
        const html = await (await jar.fetch(`${restored.url}/medewerkers/zoeken?ref=${encodeURIComponent(reference)}`)).text();
        const found = elements(html, 'tr', (a) => a['data-reference']).map((row) => row.attrs['data-reference']);
        assert.deepEqual(found, [reference]);
      }
    });

    test('a folder that holds data is refused', async () => {
      const dir = await folderWithKey(server);
      await writeFile(path.join(dir, 'notes.txt'), 'something');
      const r = await restore(backupFile, dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /is not empty \(it holds notes\.txt\)/);
      assert.deepEqual((await readdir(dir)).sort(), ['meldpunt.key', 'notes.txt']);
    });

    test('without the key file in the folder, nothing is restored', async () => {
      const dir = await tempDir('meldpunt-restore-');
      const r = await restore(backupFile, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no key file at .*copy the key file/);
      assert.deepEqual(await readdir(dir), []);
    });

    test('a file that is not SQLite, a foreign SQLite file and a damaged backup are refused', async () => {
      const scratch = await tempDir('meldpunt-bad-');
      const text = path.join(scratch, 'text.db');
      await writeFile(text, 'this is not a database at all, just some text that is long enough');
      const foreign = path.join(scratch, 'foreign.db');
      await run('sqlite3', [foreign, 'CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (\'x\');']);
      const damaged = path.join(scratch, 'damaged.db');
      await copyFile(backupFile, damaged);
      const size = (await stat(damaged)).size;
      const handle = await open(damaged, 'r+');
      await handle.write(Buffer.alloc(Math.floor(size / 2), 0xa5), 0, Math.floor(size / 2), 4096);
      await handle.close();

      for (const [file, why] of [[text, /is not a SQLite database/], [foreign, /not a meldpunt database/],
        [damaged, /damaged|not a readable SQLite database/]]) {
        const dir = await folderWithKey(server);
        const r = await restore(file, dir);
        assert.equal(r.code, 2, `${path.basename(file)}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, why);
        assert.match(r.stderr, /nothing restored/);
        assert.deepEqual(await readdir(dir), ['meldpunt.key'], `${path.basename(file)} left nothing behind`);
      }
    });

    test('a newer schema and a tampered audit log are refused', async () => {
      const scratch = await tempDir('meldpunt-bad-');
      const newer = path.join(scratch, 'newer.db');
      await copyFile(backupFile, newer);
      await run('sqlite3', [newer, "INSERT INTO schema_migrations (version, description) VALUES (99999, 'from the future')"]);
      const tampered = path.join(scratch, 'tampered.db');
      await copyFile(backupFile, tampered);
      await run('sqlite3', [tampered, `INSERT INTO audit_log (at, user_id, action, subject, report_id, bureau_id) VALUES (${Math.floor(Date.now() / 1000)}, 1, 'report.read', 'vals', 1, 1)`]);

      for (const [file, why] of [[newer, /schema version 99999, which this meldpunt does not know/],
        [tampered, /audit log is BROKEN at entry \d+/]]) {
        const dir = await folderWithKey(server);
        const r = await restore(file, dir);
        assert.equal(r.code, 2, `${path.basename(file)}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, why);
        assert.deepEqual(await readdir(dir), ['meldpunt.key'], `${path.basename(file)} left nothing behind`);
      }
    });

    test('a different key file is refused: the audit chain does not fit it', async () => {
      const dir = await tempDir('meldpunt-restore-');
      const other = await startServer(); // makes a key of its own
      await copyFile(path.join(other.dataDir, 'meldpunt.key'), path.join(dir, 'meldpunt.key'));
      await other.stop();
      const r = await restore(backupFile, dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /audit log is BROKEN.*or the key file is not the one that wrote it/);
      assert.deepEqual(await readdir(dir), ['meldpunt.key']);
    });
  });
});
