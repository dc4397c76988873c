// Several nodes behind one load balancer (issue 17, part 6): two servers on one PostgreSQL
// database, one client whose requests alternate between them. The per-client limits on reports,
// logins and receipt codes, and the site-wide ceiling on wrong receipt codes, apply to the two
// nodes together: the request over a limit is refused whichever node gets it.
//
// The client is told apart by X-Forwarded-For (both nodes run with --trust-proxy, as behind a
// load balancer), so that each test has its own client and the tests do not share buckets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CookieJar, getForm, isPostgres, postForm, startServer } from './harness.mjs';
import { sql } from './database.mjs';
import { byClass } from './html.mjs';
import { validReport } from './flows.mjs';

const database = process.env.MELDPUNT_TEST_DATABASE ?? '';
const skip = isPostgres(database)
  ? false
  : 'shared limits exist on PostgreSQL only: SQLite is one node, whose limits stay in its memory '
    + '(run with MELDPUNT_TEST_DATABASE set to a PostgreSQL URL)';

/** A browser at one address behind the load balancer. */
class ClientAt extends CookieJar {
  constructor(address) {
    super();
    this.address = address;
  }

  fetch(url, init = {}) {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.address);
    return super.fetch(url, { ...init, headers });
  }
}

const LIMITS = {
  MELDPUNT_REPORT_BURST: '3', MELDPUNT_REPORT_REFILL_SECONDS: '3600',
  MELDPUNT_LOGIN_BURST: '3', MELDPUNT_LOGIN_REFILL_SECONDS: '3600',
  MELDPUNT_FOLLOWUP_BURST: '3', MELDPUNT_FOLLOWUP_REFILL_SECONDS: '3600',
  MELDPUNT_FOLLOWUP_FAILURES_PER_MINUTE: '2',
};

describe('two nodes on one database limit a client together', { skip }, () => {
  let first;
  let second;
  let nodes;
  let clockDir;
  before(async () => {
    // The second node's clock can be moved (to see its sweep), and it sweeps every second.
    clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
    await writeFile(path.join(clockDir, 'offset'), '0');
    first = await startServer({ env: LIMITS, args: ['--trust-proxy', 'true'] });
    // The second node: the same database (not wiped again) and the same key file, as every node
    // of one installation has.
    second = await startServer({
      database: first.database, resetDatabase: false,
      env: { ...LIMITS, MELDPUNT_CLOCK_OFFSET_FILE: path.join(clockDir, 'offset'), MELDPUNT_SHARED_LIMITS_SWEEP_SECONDS: '1' },
      args: ['--trust-proxy', 'true', '--key-file', path.join(first.dataDir, 'meldpunt.key')],
    });
    nodes = [first, second];
  });
  after(async () => {
    const stopped = [await second?.stop(), await first?.stop()];
    for (const exit of stopped) if (exit) assert.equal(exit.code, 0, 'the node exits cleanly');
    if (clockDir) await rm(clockDir, { recursive: true, force: true });
  });

  /** The node the load balancer picks for the i-th request: alternately one and the other. */
  const node = (i) => nodes[i % 2];

  test('wrong receipt codes from many clients reach the site-wide ceiling on the two together', async () => {
    // Two wrong codes a minute from anyone are within the ceiling: one on each node.
    for (const [i, address] of ['198.51.100.1', '198.51.100.2'].entries()) {
      const res = await signIn(node(i), new ClientAt(address), '1111 2222 3333 4444 5555');
      assert.equal(res.status, 401, `wrong code ${i + 1}`);
    }
    // The third, on the first node, is over the ceiling of both together (one node alone has
    // seen only two): its client also loses its burst, and waits at the other node.
    const third = new ClientAt('198.51.100.3');
    assert.equal((await signIn(node(0), third, '1111 2222 3333 4444 5556')).status, 401);
    const waits = await signIn(node(1), third, '1111 2222 3333 4444 5557');
    assert.equal(waits.status, 429, 'slowed down on the other node too');
    assert.match(waits.html, /Te vaak geprobeerd/);
  });

  test('the fourth report of a burst of three is refused on either node, and not stored', async () => {
    const reporter = new ClientAt('203.0.113.10');
    for (let i = 0; i < 3; i++) {
      const res = await sendReport(node(i), reporter, `Gedeelde limiet, melding ${i + 1}.`);
      assert.equal(res.status, 303, `report ${i + 1}, on node ${(i % 2) + 1}`);
    }
    for (let i = 3; i < 5; i++) {
      const res = await sendReport(node(i), reporter, `Gedeelde limiet, melding ${i + 1}.`);
      assert.equal(res.status, 429, `report ${i + 1}, on node ${(i % 2) + 1}`);
      assert.match(res.html, new RegExp(`Gedeelde limiet, melding ${i + 1}\\.`), 'what was typed is kept');
    }
    const stored = await sql(first, "SELECT COUNT(*) FROM reports");
    assert.equal(Number(stored[0]), 3);
    const other = await sendReport(node(1), new ClientAt('203.0.113.11'), 'Iemand anders meldt.');
    assert.equal(other.status, 303, 'another client is not limited');
  });

  test('the fourth login attempt of a burst of three is refused on either node', async () => {
    const browser = new ClientAt('203.0.113.20');
    for (let i = 0; i < 5; i++) {
      const form = await getForm(browser, `${node(i).url}/medewerkers/login`);
      const res = await postForm(browser, `${node(i).url}/medewerkers/login`, {
        csrf: form.csrf, email: 'niemand@meldpunt.example', password: 'geen goed wachtwoord',
      });
      assert.equal(res.status, i < 3 ? 401 : 429, `attempt ${i + 1}, on node ${(i % 2) + 1}`);
    }
  });

  test('the fourth receipt code of a burst of three waits on either node, even the right one', async () => {
    const reporter = new ClientAt('203.0.113.30');
    const sent = await sendReport(first, new ClientAt('203.0.113.31'), 'Een melding om te volgen.');
    const receipt = await receiptOf(first, sent);
    for (let i = 0; i < 3; i++) {
      const res = await signIn(node(i), reporter, receipt);
      assert.equal(res.status, 303, `sign-in ${i + 1}, on node ${(i % 2) + 1}`);
    }
    for (let i = 3; i < 5; i++) {
      const res = await signIn(node(i), reporter, receipt);
      assert.equal(res.status, 429, `sign-in ${i + 1}, on node ${(i % 2) + 1}`);
    }
  });

  test('the shared table holds pseudonyms, never an address, and neither node fell back', async () => {
    const clients = await sql(first, 'SELECT DISTINCT client FROM shared_limit_buckets');
    assert.ok(clients.length >= 5, `one bucket per client and limit (${clients.length})`);
    for (const client of clients) assert.match(client, /^[0-9a-f]{32}$/);
    const limits = await sql(first, 'SELECT DISTINCT limit_name FROM shared_limit_buckets ORDER BY 1');
    assert.deepEqual(limits, ['login', 'receipt/client', 'receipt/failures', 'report']);
    for (const server of nodes) {
      assert.doesNotMatch(server.stderr(), /shared limits/, 'no warning: every check went to the database');
      assert.doesNotMatch(server.stderr(), /203\.0\.113\.|198\.51\.100\./, 'no address in the logs');
    }
  });

  test('a database too slow to answer: the node uses its own limits, and the report is stored', async () => {
    // Another session holds the table for 1.5 s, as a database under a long lock or overloaded.
    const holder = spawn('psql', [first.database, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c',
      'BEGIN; LOCK TABLE shared_limit_buckets IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(1.5); COMMIT;'], { stdio: 'ignore' });
    let holding = true;
    const released = new Promise((resolve) => holder.on('exit', () => { holding = false; resolve(); }));
    try {
      await until(async () => Number((await sql(first, "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'shared_limit_buckets' AND l.mode = 'AccessExclusiveLock' AND l.granted"))[0]) === 1);
      const res = await sendReport(first, new ClientAt('203.0.113.40'), 'Melding terwijl de database traag is.');
      assert.equal(res.status, 303, 'the report is taken');
      assert.ok(holding, 'answered while the table was still held: the check gave up after its budget');
      assert.match(first.stderr(), /"shared limits unavailable, using this node's own"/);
      assert.match(first.stderr(), /statement timeout/);
    } finally {
      await released;
    }
    const stored = await sql(first, "SELECT COUNT(*) FROM reports");
    assert.equal(Number(stored[0]), 6, 'the four before, the one to follow, and this one');
  });

  test('each node deletes the buckets that have refilled', async () => {
    assert.ok(Number((await sql(first, 'SELECT COUNT(*) FROM shared_limit_buckets'))[0]) > 0);
    // Two days on, on the second node's clock, every bucket is full again: its next sweep
    // (every second in this test) deletes them all.
    await writeFile(path.join(clockDir, 'offset'), String(2 * 86400));
    await until(async () => Number((await sql(first, 'SELECT COUNT(*) FROM shared_limit_buckets'))[0]) === 0);
  });
});

async function sendReport(server, jar, description) {
  const form = await getForm(jar, `${server.url}/melden`);
  const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, ...validReport({ description }) });
  return { ...res, jar };
}

/** The receipt code on the confirmation page the reporter is sent to. */
async function receiptOf(server, sent) {
  assert.equal(sent.status, 303);
  const page = await sent.jar.fetch(new URL(sent.location, server.url));
  assert.equal(page.status, 200);
  const groups = byClass(await page.text(), 'span', 'receipt-group').map((g) => g.text);
  assert.ok(groups.length > 0, 'the confirmation shows the receipt code');
  return groups.join(' ');
}

/** Waits (up to 10 s) until check() is true. */
async function until(check) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, 'in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signIn(server, jar, receipt) {
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  return postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
}
