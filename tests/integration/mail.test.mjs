// E-mail to reporters through a real SMTP server (aiosmtpd): a confirmation for reporters who
// gave an e-mail address, in their language, once per report, without anything from the report;
// retries until the SMTP server is there; several servers on one PostgreSQL send each e-mail once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, runBinary, isPostgres, CookieJar, getForm, postForm } from './harness.mjs';
import { addStaff, staffLogin, submitReport, submitValid, reportWithEmail, validReport } from './flows.mjs';
import { startSmtpServer, freePort } from './smtp.mjs';

const PUBLIC_URL = 'http://meldpunt.example';
const FOLLOW_URL = `${PUBLIC_URL}/melden/volgen`;

function mailArgs(smtpUrl, extra = []) {
  return ['--smtp-url', smtpUrl, '--mail-from', 'Meldpunt Test <meldpunt@example.nl>',
    '--public-url', PUBLIC_URL, '--mail-retry-seconds', '1', ...extra];
}

function uniqueAddress(label) {
  return `${label}-${randomBytes(4).toString('hex')}@example.nl`;
}

function uniqueText(label) {
  return `${label} ${randomBytes(6).toString('hex')}: de portier zei dat ik er niet in mocht.`;
}

/** The outbox counts from `meldpunt outbox`: { pending, sent, failed }. */
async function outbox(server) {
  const r = await server.run(['outbox']);
  assert.equal(r.code, 0, r.stderr);
  const count = (name) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(r.stdout)?.[1]);
  return { pending: count('pending'), sent: count('sent'), failed: count('failed') };
}

async function waitForOutbox(server, predicate, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const counts = await outbox(server);
    if (predicate(counts)) return counts;
    if (Date.now() > until) throw new Error(`outbox stayed at ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopCleanly(server) {
  const { code, signal } = await server.stop();
  assert.equal(signal, null);
  assert.equal(code, 0, 'the server exits cleanly (and, under ASan, without leaks)');
}

function hiddenValue(html, name) {
  return html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
}

describe('with an SMTP server', () => {
  let smtp;
  let server;
  before(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ args: mailArgs(smtp.url) });
    await addStaff(server);
  });
  after(async () => {
    if (server) await stopCleanly(server);
    await smtp?.stop();
  });

  test('a reporter with an e-mail address gets a confirmation without anything from the report', async () => {
    const address = uniqueAddress('melder');
    const description = uniqueText('Bevestiging');
    const reference = await submitValid(server.url, reportWithEmail(address, { description }));
    const [mail] = await smtp.waitFor((all) => all.some((m) => m.rcptTo === address)).then(() => smtp.to(address));
    assert.equal(mail.to, address);
    assert.match(mail.header('from'), /<meldpunt@example\.nl>$/);
    assert.equal(mail.subject, 'We hebben uw melding ontvangen');
    assert.match(mail.header('content-type'), /^text\/plain; charset=utf-8$/i);
    assert.ok(mail.header('date'), 'has a Date');
    assert.match(mail.header('message-id'), /^<[^@\s]+@example\.nl>$/);
    assert.ok(mail.body.includes(FOLLOW_URL), mail.body);
    assert.match(mail.body, /ontvangen/);
    // Nothing from the report: not the text, not the reference, not the name.
    assert.ok(!mail.raw.includes(description.slice(0, 20)), 'no description');
    assert.ok(!mail.body.includes(description.slice(0, 20)), 'no description');
    assert.ok(!mail.raw.includes(reference), 'no reference');
    assert.ok(!mail.raw.includes('Test Melder'), 'no name');
    // The address is not in the server's logs.
    await waitForOutbox(server, (c) => c.pending === 0);
    assert.ok(!server.stderr().includes(address), 'address not logged');
    assert.match(server.stderr(), /"msg":"mail sent"/);
  });

  test('the e-mail is in English for a report made in English', async () => {
    const address = uniqueAddress('reporter');
    const jar = new CookieJar();
    await jar.fetch(`${server.url}/melden?lang=en`);
    const res = await submitReport(server.url, reportWithEmail(address), jar);
    assert.equal(res.status, 303, res.html.slice(0, 500));
    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address));
    const [mail] = await smtp.to(address);
    assert.equal(mail.subject, 'We received your report');
    assert.match(mail.body, /We received your report on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    assert.ok(mail.body.includes(FOLLOW_URL));
  });

  test('when the bureau writes, the reporter gets a notice without the message', async () => {
    const address = uniqueAddress('bericht');
    const reference = await submitValid(server.url, reportWithEmail(address, { description: uniqueText('Notitie') }));
    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address));
    const staff = await staffLogin(server.url);
    const link = `${server.url}/medewerkers/meldingen/${Number(reference.slice(-6))}`;
    const detail = await getForm(staff, link);
    const secret = uniqueText('Vraag van het bureau');
    const res = await postForm(staff, `${link}/bericht`, { csrf: detail.csrf, message: secret });
    assert.equal(res.status, 303, res.html.slice(0, 500));
    await smtp.waitFor((all) => all.filter((m) => m.rcptTo === address).length >= 2);
    const mails = await smtp.to(address);
    const notice = mails.find((m) => m.subject !== 'We hebben uw melding ontvangen');
    assert.ok(notice, `a second e-mail: ${mails.map((m) => m.subject).join(', ')}`);
    assert.ok(notice.body.includes(FOLLOW_URL), 'points to the follow-up page');
    assert.ok(!notice.raw.includes(secret.slice(0, 20)), 'not the message itself');
    assert.ok(!notice.raw.includes(reference), 'no reference');
  });

  test('an anonymous report sends nothing', async () => {
    await waitForOutbox(server, (c) => c.pending === 0);
    const before = await outbox(server);
    const received = (await smtp.messages()).length;
    await submitValid(server.url, validReport({ description: uniqueText('Anoniem') }));
    const afterwards = await outbox(server);
    assert.deepEqual(afterwards, before, 'nothing queued');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await smtp.messages()).length, received);
  });

  test('the same form sent again makes one e-mail, not two', async () => {
    const address = uniqueAddress('dubbel');
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    const fields = { csrf: form.csrf, submission_key: hiddenValue(form.html, 'submission_key'),
      ...reportWithEmail(address) };
    const first = await postForm(jar, `${server.url}/melden`, fields);
    assert.equal(first.status, 303);
    const answers = await Promise.all([1, 2, 3].map(() => postForm(jar, `${server.url}/melden`, fields)));
    for (const a of answers) assert.equal(a.status, 303);
    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address));
    await waitForOutbox(server, (c) => c.pending === 0);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await smtp.to(address)).length, 1);
  });
});

describe('when the SMTP server is away at first', () => {
  let smtp;
  let server;
  after(async () => {
    if (server) await stopCleanly(server);
    await smtp?.stop();
  });

  test('the e-mail is retried and arrives once the SMTP server is up', async () => {
    const port = await freePort();
    server = await startServer({ args: mailArgs(`smtp://127.0.0.1:${port}`) });
    const address = uniqueAddress('later');
    await submitValid(server.url, reportWithEmail(address));
    // The first attempt fails: connection refused, tried again after 1 s, 2 s, 4 s ...
    const until = Date.now() + 15_000;
    while (!/"msg":"mail retry"/.test(server.stderr())) {
      assert.ok(Date.now() < until, `no retry logged:\n${server.stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((await outbox(server)).pending, 1);
    smtp = await startSmtpServer(port);
    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address), { timeoutMs: 30_000 });
    assert.equal((await smtp.to(address)).length, 1);
    const counts = await waitForOutbox(server, (c) => c.pending === 0);
    assert.equal(counts.failed, 0);
    assert.ok(!server.stderr().includes(address), 'address not logged');
  });
});

describe('with an SMTP server that requires a password', () => {
  let smtp;
  let dir;
  let server;
  before(async () => {
    smtp = await startSmtpServer(undefined, { user: 'meldpunt', password: 'smtp-geheim-42' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-mailconf-'));
  });
  after(async () => {
    if (server) await stopCleanly(server);
    await smtp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('the password is refused as a flag, where every user could read it in ps', async () => {
    const r = await runBinary(['serve', '--smtp-password', 'smtp-geheim-42']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not accepted on the command line/);
  });

  test('the password from the config file and the user from the environment log in', async () => {
    const config = path.join(dir, 'meldpunt.toml');
    await writeFile(config, 'smtp-password = "smtp-geheim-42"\n', { mode: 0o600 });
    server = await startServer({ args: [...mailArgs(smtp.url), '--config', config],
      env: { MELDPUNT_SMTP_USER: 'meldpunt' } });
    const address = uniqueAddress('auth');
    await submitValid(server.url, reportWithEmail(address));
    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address));
    assert.ok(!server.stderr().includes('smtp-geheim-42'), 'password not logged');
  });

  test('a wrong password is retried, and neither it nor the address is logged', async () => {
    await stopCleanly(server);
    server = await startServer({ args: mailArgs(smtp.url),
      env: { MELDPUNT_SMTP_USER: 'meldpunt', MELDPUNT_SMTP_PASSWORD: 'fout-wachtwoord' } });
    const address = uniqueAddress('wrong');
    await submitValid(server.url, reportWithEmail(address));
    const until = Date.now() + 15_000;
    while (!/"msg":"mail retry"/.test(server.stderr())) {
      assert.ok(Date.now() < until, `no retry logged:\n${server.stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((await smtp.to(address)).length, 0);
    assert.match(server.stderr(), /"error":"Login denied[^"]*"/);
    assert.ok(!server.stderr().includes('fout-wachtwoord'));
    assert.ok(!server.stderr().includes(address));
  });
});

describe('several servers on one PostgreSQL database', { skip: !isPostgres(process.env.MELDPUNT_TEST_DATABASE ?? '') }, () => {
  let smtp;
  const servers = [];
  after(async () => {
    // The first server's data folder holds the key both use: remove it last.
    for (const s of servers.slice(1)) await s.stop({ keepData: true });
    if (servers[0]) await servers[0].stop();
    await smtp?.stop();
  });

  test('send every e-mail once', async () => {
    const port = await freePort();
    const args = mailArgs(`smtp://127.0.0.1:${port}`, ['--mail-poll-seconds', '1']);
    servers.push(await startServer({ args }));
    for (let i = 0; i < 2; i++) {
      servers.push(await startServer({ args, resetDatabase: false, dataDir: servers[0].dataDir }));
    }
    // Queued while the SMTP server is away, so all three servers compete for each retry.
    const addresses = [];
    for (let i = 0; i < 9; i++) {
      const address = uniqueAddress(`node${i % 3}`);
      addresses.push(address);
      await submitValid(servers[i % 3].url, reportWithEmail(address));
    }
    await new Promise((r) => setTimeout(r, 1500));
    smtp = await startSmtpServer(port);
    await smtp.waitFor((all) => addresses.every((a) => all.some((m) => m.rcptTo === a)), { timeoutMs: 40_000 });
    await waitForOutbox(servers[0], (c) => c.pending === 0);
    await new Promise((r) => setTimeout(r, 2500));
    const all = await smtp.messages();
    for (const a of addresses) assert.equal(all.filter((m) => m.rcptTo === a).length, 1, a);
  });
});
