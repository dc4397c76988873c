// Benchmark: link 5,000 reports to a mass-report event in one request, then answer and close
// them in one request each. Usage: node tests/bench/mass_link.mjs [count] (default 5000).
// Runs against build/release/meldpunt (or $MELDPUNT_BIN) on a fresh SQLite database, or on
// $MELDPUNT_TEST_DATABASE. Prints the time of each request; see docs/benchmarks.md.
import assert from 'node:assert/strict';
import { CookieJar, getForm, postForm, startServer } from '../integration/harness.mjs';
import { byId, tags } from '../integration/html.mjs';
import { isoDay, staffLogin, validReport } from '../integration/flows.mjs';

const COUNT = Number(process.argv[2] ?? 5000);
const PASSWORD = 'lang-genoeg-wachtwoord-99';
const MASS = { nature: 'public_statement', domain: 'media', incident_municipality: 'none', residence_municipality: 'GM0599', wishes: ['advice'] };

async function timed(what, fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${what}: ${ms.toFixed(0)} ms`);
  return result;
}

const server = await startServer();
try {
  const r = await server.run(['user', 'add', '--email', 'coord@bench.example', '--role', 'coordinator'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
  await timed(`${COUNT} reports through POST /melden (8 at a time)`, async () => {
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        next++;
        const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, ...validReport(MASS) });
        assert.equal(res.status, 303);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  });
  const jar = await staffLogin(server.url, 'coord@bench.example', PASSWORD);
  const list = await getForm(jar, `${server.url}/medewerkers/massameldingen`);
  const added = await postForm(jar, `${server.url}/medewerkers/massameldingen`, { csrf: list.csrf, name: 'Bench', started_on: isoDay(0) });
  const event = added.location.split('?')[0];
  const filter = { csrf: list.csrf, how: 'filter', from: isoDay(-1), until: isoDay(1), nature: 'public_statement', domain: '', ground: '' };
  const counted = await timed('count matching reports', () => postForm(jar, `${server.url}${event}/koppelen`, { ...filter, step: 'count' }));
  assert.equal(byId(counted.html, 'match-count').text, String(COUNT));
  const linked = await timed(`link ${COUNT} reports in one request`, () => postForm(jar, `${server.url}${event}/koppelen`, { ...filter, step: 'link' }));
  assert.equal(byId(linked.html, 'linked-now').text, String(COUNT));
  const page = await timed(`event page with ${COUNT} linked reports`, () => getForm(jar, `${server.url}${event}`));
  const hidden = (name) => tags(page.html, 'input').find((t) => t.attrs.name === name).attrs.value;
  const sent = await timed(`answer ${COUNT} reports in one request`, () => postForm(jar, `${server.url}${event}/bericht`, {
    csrf: page.csrf, submission_key: hidden('submission_key'), message: 'Dank voor uw melding.',
  }));
  assert.match(sent.location, new RegExp(`verzonden=${COUNT}&`));
  const closed = await timed(`close ${COUNT} reports in one request`, () => postForm(jar, `${server.url}${event}/afsluiten`, {
    csrf: page.csrf, seen: hidden('seen'), handling: 'registration_only', outcome: 'registration_only',
  }));
  assert.match(closed.location, new RegExp(`gesloten=${COUNT}&overgeslagen=0$`));
} finally {
  await server.stop();
}
