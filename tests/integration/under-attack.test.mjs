// "Under attack" mode: a report is stored only with a proof of work bound to its form's key.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { inputs } from './html.mjs';
import { addStaff, reportRows, staffLogin, validReport } from './flows.mjs';

const BITS = 12;
let server;
let staff;
before(async () => {
  server = await startServer({ args: ['--under-attack', 'true', '--proof-of-work-bits', String(BITS)] });
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(async () => { await server?.stop(); });

function leadingZeroBits(digest) {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) { bits += 8; continue; }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Find the nonce a browser would: SHA-256("<key>:<nonce>") with BITS leading zero bits. */
function solve(key, bits = BITS) {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${key}:${n}`).digest()) >= bits) return String(n);
  }
}

async function post(fields) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  return postForm(jar, `${server.url}/melden`, { csrf: form.csrf, action: 'send', ...fields });
}

const stored = async () => (await reportRows(server.url, staff)).rows.length;

test('the summary asks the browser for the work', async () => {
  const res = await post({ ...validReport(), action: 'review', submission_key: 'attack-mode-key-000001' });
  assert.equal(res.status, 200);
  assert.match(res.html, new RegExp(`data-pow-bits="${BITS}"`));
  assert.equal(inputs(res.html, 'pow').length, 1);
});

test('without the work, or with wrong work, nothing is stored and the summary says why', async () => {
  const before = await stored();
  for (const pow of ['', '12345', 'not-a-number']) {
    const res = await post({ ...validReport(), submission_key: 'attack-mode-key-000002', pow });
    assert.equal(res.status, 422, `pow "${pow}"`);
    assert.match(res.html, /automatische spam/);
    assert.equal(inputs(res.html, 'description')[0].value, validReport().description, 'everything kept');
  }
  assert.equal(await stored(), before);
});

test('with the work for its own key the report is stored; work for another key does not count', async () => {
  const before = await stored();
  const key = 'attack-mode-key-000003';
  const other = await post({ ...validReport(), submission_key: 'attack-mode-key-000004', pow: solve(key) });
  // (a nonce for one key can by chance fit another; with 12 bits that is 1 in 4096)
  assert.equal(other.status, 422);
  const res = await post({ ...validReport({ description: 'Met bewijs van werk.' }), submission_key: key, pow: solve(key) });
  assert.equal(res.status, 303, res.html.slice(0, 500));
  assert.equal(await stored(), before + 1);
  // The same work again is the same form: still one report.
  const again = await post({ ...validReport({ description: 'Met bewijs van werk.' }), submission_key: key, pow: solve(key) });
  assert.equal(again.status, 303);
  assert.equal(await stored(), before + 1);
});
