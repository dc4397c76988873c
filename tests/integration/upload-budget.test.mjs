// Memory that holds (issue 16): with a small upload budget, concurrent large uploads get some
// 503s with Retry-After and a clear page in the reporter's language, before their body is read;
// the others are stored, nothing refused is stored, and the server stays up. How much memory the
// server then takes is a number for the benchmark (`scripts/bench uploads` prints peak and
// after-burst RSS), not for this test: the suite runs the ASan build, whose shadow memory and
// quarantine make RSS say nothing about the release build.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, startServer } from './harness.mjs';
import { addStaff, reportRows, staffLogin, validReport } from './flows.mjs';

const MiB = 1024 * 1024;
const BUDGET_MIB = 32; // the smallest allowed; an upload counts 5x its size
let server;
before(async () => {
  server = await startServer({ args: ['--upload-memory-mib', String(BUDGET_MIB)] });
});
after(async () => { await server?.stop(); });

/** A valid report with one text file of `mib` MiB; lang picks the site language by cookie. */
async function upload(mib, lang) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  if (lang) jar.set('mp_lang', lang);
  const body = new FormData();
  for (const [name, value] of Object.entries({ csrf: form.csrf, ...validReport() })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  body.append('evidence', new Blob([Buffer.alloc(mib * MiB, 'upload budget test\n')], { type: 'text/plain' }), 'bewijs.txt');
  const res = await jar.fetch(`${server.url}/melden`, { method: 'POST', body });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), html: await res.text() };
}

describe('the upload memory budget', () => {
  test('concurrent large uploads: some are stored, the others get 503 with a clear page in their language, and the server stays up', async () => {
    // 5 MiB counts 25 MiB (5x) of a 32 MiB budget: one at a time is admitted.
    const langs = Array.from({ length: 8 }, (_, i) => (i % 2 ? 'en' : 'nl'));
    const results = await Promise.all(langs.map((lang) => upload(5, lang)));
    const statuses = results.map((r) => r.status);
    const stored = results.filter((r) => r.status === 303);
    const busy = results.map((r, i) => ({ ...r, lang: langs[i] })).filter((r) => r.status === 503);
    assert.equal(stored.length + busy.length, results.length, `statuses ${statuses}`);
    assert.ok(stored.length >= 1, `at least one upload is stored: ${statuses}`);
    assert.ok(busy.length >= 1, `at least one upload is refused for the budget: ${statuses}`);
    for (const r of busy) {
      assert.equal(r.retryAfter, '30');
      if (r.lang === 'en') {
        assert.match(r.html, /Too busy at the moment/);
        assert.match(r.html, /nothing you sent\s+was stored/);
      } else {
        assert.match(r.html, /Het is op dit moment te druk/);
      }
    }

    // Every 303 is a stored report, and nothing refused was stored.
    await addStaff(server);
    const staff = await staffLogin(server.url);
    const { rows } = await reportRows(server.url, staff);
    assert.equal(rows.length, stored.length);

    // The server is still up and takes an upload once the burst is over.
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await upload(5, 'nl')).status, 303);
  });
});
