// Login limits for an office behind one address (issue 14): failures are counted per account and
// per account on a known browser (device cookie); the per-address ceiling is high enough for eight
// colleagues with typos, and still stops someone spraying passwords across many accounts. The
// server runs with its default limits; its clock is moved with a clock offset file.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { elements } from './html.mjs';
import { STAFF_PASSWORD, nextStaffCode, staffLogin } from './flows.mjs';

const STAFF = Array.from({ length: 8 }, (_, i) => `collega-${i + 1}@meldpunt.example`);

let server;
let clockDir;
let offset = 0;

async function advance(seconds) {
  offset += seconds;
  await writeFile(path.join(clockDir, 'offset'), String(offset));
}

function alertText(html) {
  const alert = elements(html, 'div', (a) => a.role === 'alert')[0];
  return alert ? alert.text.replace(/\s+/g, ' ').trim() : '';
}

async function passwordStep(jar, email, password = STAFF_PASSWORD) {
  const form = await getForm(jar, `${server.url}/medewerkers/login`);
  return postForm(jar, `${server.url}/medewerkers/login`, { csrf: form.csrf, email, password });
}

/** The whole login on a browser that has logged in before: the password, then the code. */
async function logInAgain(jar, email) {
  const res = await passwordStep(jar, email);
  assert.equal(res.status, 303, `${email}: ${alertText(res.html)}`);
  const form = await getForm(jar, `${server.url}/medewerkers/login/code`);
  const done = await postForm(jar, `${server.url}/medewerkers/login/code`,
    { csrf: form.csrf, code: await nextStaffCode(server.url, email) });
  assert.equal(done.status, 303, `${email}: second step ${done.status}`);
}

async function loggedIn(jar) {
  const res = await jar.fetch(`${server.url}/medewerkers/sessies`, { redirect: 'manual' });
  return res.status === 200;
}

before(async () => {
  clockDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-clock-'));
  await writeFile(path.join(clockDir, 'offset'), '0');
  // null: the server's default login limits, as in production.
  server = await startServer({
    env: {
      MELDPUNT_CLOCK_OFFSET_FILE: path.join(clockDir, 'offset'),
      MELDPUNT_LOGIN_BURST: null,
      MELDPUNT_LOGIN_FAILURE_BURST: null,
    },
  });
  for (const email of STAFF) {
    const r = await server.run(['user', 'add', '--email', email, '--role', 'handler', '--bureau', '1'], `${STAFF_PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
  }
});
after(async () => {
  await server?.stop();
  if (clockDir) await rm(clockDir, { recursive: true, force: true });
});

describe('one office behind one address', () => {
  const browsers = new Map();

  test('eight colleagues log in on new browsers, each after three typos, and all get in', async () => {
    for (const email of STAFF) {
      const jar = new CookieJar();
      for (let typo = 1; typo <= 3; typo++) {
        const wrong = await passwordStep(jar, email, `${STAFF_PASSWORD}${typo}`);
        assert.equal(wrong.status, 401, `${email}, typo ${typo}: ${alertText(wrong.html)}`);
        assert.match(alertText(wrong.html), /e-mailadres of wachtwoord klopt niet/);
      }
      await staffLogin(server.url, email, STAFF_PASSWORD, jar);
      assert.ok(await loggedIn(jar), `${email} is in`);
      assert.ok(jar.get('mp_device'), 'the browser is known for the account from now on');
      browsers.set(email, jar);
    }
  });

  test('the next morning they log in again on their own browsers, with typos, and all get in', async () => {
    await advance(16 * 3600);
    for (const email of STAFF) {
      const jar = browsers.get(email);
      for (let typo = 1; typo <= 4; typo++) {
        const wrong = await passwordStep(jar, email, `${STAFF_PASSWORD}x${typo}`);
        assert.equal(wrong.status, 401, `${email}, typo ${typo}`);
      }
      await logInAgain(jar, email);
      assert.ok(await loggedIn(jar), `${email} is in`);
    }
  });

  test("a guesser hammering one account is throttled; the owner's own browser still gets in", async () => {
    await advance(3600);
    const target = STAFF[0];
    const guesser = new CookieJar();
    const statuses = [];
    for (let i = 1; i <= 8; i++) statuses.push((await passwordStep(guesser, target, `raden-${i}-wachtwoord`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    const right = await passwordStep(new CookieJar(), target);
    assert.equal(right.status, 429, 'even the right password is not checked for the guesser');
    assert.match(alertText(right.html), /Te vaak verkeerd geprobeerd/);

    await logInAgain(browsers.get(target), target);
    // A colleague at the same address is not touched by the guesser's failures.
    await logInAgain(browsers.get(STAFF[1]), STAFF[1]);
  });

  test('the ceiling per address stops a sprayer across many accounts; known browsers still get in', async () => {
    await advance(24 * 3600);
    // One wrong password for each of many addresses: no account ever reaches its own limit.
    let sprayed = 0;
    let stopped;
    for (let i = 1; i <= 60; i++) {
      const res = await passwordStep(new CookieJar(), `gok-${i}@meldpunt.example`, 'Welkom2026!!');
      if (res.status === 401) {
        sprayed += 1;
        continue;
      }
      stopped = res;
      break;
    }
    assert.ok(stopped, 'the sprayer is stopped');
    assert.equal(sprayed, 40, 'after 40 failures from the address');
    assert.equal(stopped.status, 429);
    assert.ok(Number(stopped.res.headers.get('retry-after')) > 0);
    assert.match(alertText(stopped.html), /Te vaak mislukte inlogpogingen vanaf uw verbinding/);

    // A new browser at that address waits too: the price of the ceiling ...
    const fresh = await passwordStep(new CookieJar(), STAFF[2]);
    assert.equal(fresh.status, 429);
    // ... but every colleague on their own browser logs in as usual.
    for (const email of STAFF.slice(3)) await logInAgain(browsers.get(email), email);

    // The ceiling refills slowly: one more failure after a minute and a half, not forty.
    await advance(91);
    assert.equal((await passwordStep(new CookieJar(), 'gok-99@meldpunt.example', 'Welkom2026!!')).status, 401);
    assert.equal((await passwordStep(new CookieJar(), 'gok-98@meldpunt.example', 'Welkom2026!!')).status, 429);
  });
});
