// GET /metrics (issue 17): Prometheus text on its own listen address (--metrics-listen), never on
// the public port. The scrape is parsed strictly (tests/integration/prometheus-text.mjs), and the
// counters must move with what users do: requests by route pattern (never a path with an id),
// reports by channel, a rate-limit refusal. The example alert rules name only metrics that exist.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { CookieJar, getForm, postForm, repoRoot, startServer } from './harness.mjs';
import { elements, inputs } from './html.mjs';
import { addStaff, staffLogin, submitReport, submitValid, validReport } from './flows.mjs';
import { parseExposition, valueOf } from './prometheus-text.mjs';

const INTAKE = ['intake@meldpunt.example', 'lang-genoeg-wachtwoord-61'];

let server;
let metricsUrl;
before(async () => {
  // Two reports per client, then a refusal: cheap to reach.
  server = await startServer({
    args: ['--metrics-listen', '127.0.0.1:0'],
    env: { MELDPUNT_REPORT_BURST: '2', MELDPUNT_REPORT_REFILL_SECONDS: '3600' },
  });
  const line = server.stderr().split('\n').map((l) => { try { return JSON.parse(l); } catch { return null; } })
    .find((rec) => rec?.msg === 'metrics listening');
  assert.ok(line && line.port > 0, `"metrics listening" with its port is logged:\n${server.stderr()}`);
  metricsUrl = `http://127.0.0.1:${line.port}/metrics`;
  await addStaff(server, ...INTAKE, 'intake');
});
after(async () => { await server?.stop(); });

async function scrape() {
  const res = await fetch(metricsUrl);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  return { text, ...parseExposition(text) };
}

const requests = (s, method, route, code) => valueOf(s, 'meldpunt_http_requests_total', { method, route, code }) ?? 0;

test('/metrics is not served on the public port, and the metrics port serves nothing else', async () => {
  const pub = await fetch(`${server.url}/metrics`);
  assert.equal(pub.status, 404);
  assert.doesNotMatch(await pub.text(), /meldpunt_/);
  const other = await fetch(metricsUrl.replace('/metrics', '/melden'));
  assert.equal(other.status, 404);
  const post = await fetch(metricsUrl, { method: 'POST' });
  assert.equal(post.status, 405);
});

test('a scrape is valid exposition text with every family the operator guide lists', async () => {
  const s = await scrape();
  for (const name of ['meldpunt_http_requests_total', 'meldpunt_http_request_duration_seconds',
    'meldpunt_write_queue_depth', 'meldpunt_write_group_commit_size', 'meldpunt_db_pool_connections',
    'meldpunt_db_pool_waits_total', 'meldpunt_outbox_pending', 'meldpunt_outbox_oldest_pending_age_seconds',
    'meldpunt_outbox_given_up_total', 'meldpunt_rate_limit_refusals_total', 'meldpunt_reports_registered_total',
    'meldpunt_retention_runs_total', 'meldpunt_retention_last_success_timestamp_seconds']) {
    if (name.startsWith('meldpunt_write_') && server.database.startsWith('postgres')) continue; // SQLite's writer only
    assert.ok(s.families.has(name), `family ${name}\n${s.text}`);
  }
  assert.equal(s.families.get('meldpunt_http_request_duration_seconds').type, 'histogram');
  // The retention job runs once at start; the first scrape may come before it ends.
  assert.ok(valueOf(s, 'meldpunt_retention_runs_total', { outcome: 'failure' }) === 0);
});

test('counters move with requests, reports by channel and a refused report', async () => {
  const before = await scrape();
  const reference = await submitValid(server.url, validReport({ description: 'Eerste melding voor de metrics.' }));
  await submitValid(server.url, validReport({ description: 'Tweede melding voor de metrics.' }));
  const refused = await submitReport(server.url, validReport({ description: 'Derde melding, te snel.' }));
  assert.equal(refused.status, 429);

  // A report by phone, registered by staff, and its case page: a route with an id in its path.
  const jar = await staffLogin(server.url, ...INTAKE);
  const page = await getForm(jar, `${server.url}/medewerkers/registreren`);
  const key = inputs(page.html, 'submission_key')[0]?.value;
  const registered = await postForm(jar, `${server.url}/medewerkers/registreren`,
    { csrf: page.csrf, submission_key: key, ...validReport({ channel: 'phone', wishes: ['advice'] }) });
  assert.equal(registered.status, 200, registered.html.slice(0, 2000));
  const caseLink = elements(registered.html, 'a', (a) => a.id === 'open-report')[0]?.attrs.href;
  assert.match(caseLink ?? '', /^\/medewerkers\/meldingen\/\d+$/);
  assert.equal((await jar.fetch(new URL(caseLink, server.url))).status, 200);
  assert.equal((await fetch(`${server.url}/wp-login.php?user=x`)).status, 404);

  const after = await scrape();
  const moved = (name, labels) => (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);
  assert.equal(moved('meldpunt_reports_registered_total', { channel: 'web' }), 2);
  assert.equal(moved('meldpunt_reports_registered_total', { channel: 'phone' }), 1);
  assert.equal(moved('meldpunt_rate_limit_refusals_total', { limit: 'report' }), 1);
  assert.equal(requests(after, 'POST', '/melden', '303') - requests(before, 'POST', '/melden', '303'), 2);
  assert.equal(requests(after, 'POST', '/melden', '429') - requests(before, 'POST', '/melden', '429'), 1);
  assert.ok(requests(after, 'GET', '/melden', '200') >= requests(before, 'GET', '/melden', '200') + 3);
  assert.equal(requests(after, 'GET', '/medewerkers/meldingen/{id}', '200'), 1, 'counted under its pattern');
  assert.ok((valueOf(after, 'meldpunt_http_requests_total', { route: 'unmatched', code: '404' }) ?? 0) >= 1);
  const count = valueOf(after, 'meldpunt_http_request_duration_seconds_count', { method: 'POST', route: '/melden' });
  assert.equal(count, 3, 'every POST /melden is in the latency histogram');

  // No path with an id, no reference, nothing typed, no address reaches the scrape.
  assert.doesNotMatch(after.text, new RegExp(caseLink.replace(/\//g, '\\/') + '"'));
  assert.ok(!after.text.includes(reference), 'no reference');
  assert.ok(!after.text.includes('wp-login'), 'no unknown path');
  assert.ok(!after.text.includes('Eerste melding'), 'nothing typed');
  assert.ok(!after.text.includes('127.0.0.1'), 'no address');
  if (!server.database.startsWith('postgres')) {
    const commits = valueOf(after, 'meldpunt_write_group_commit_size_count');
    assert.ok(commits > valueOf(before, 'meldpunt_write_group_commit_size_count'), 'the writer committed');
  }
});

test('the example alert rules parse as YAML and name only metrics that a scrape has', async (t) => {
  const file = path.join(repoRoot, 'docs', 'prometheus-alerts.yml');
  let rules;
  try {
    // PyYAML (Debian's python3-yaml); promtool is not packaged where the tests run.
    const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c',
      'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', file]);
    rules = JSON.parse(stdout);
  } catch (e) {
    if (/No module named/.test(String(e.stderr ?? e))) return t.skip('python3-yaml is not installed');
    throw e;
  }
  const s = await scrape();
  const alerts = rules.groups.flatMap((g) => g.rules);
  assert.ok(alerts.length >= 8);
  for (const rule of alerts) {
    assert.ok(rule.alert && rule.expr && rule.annotations?.summary, `complete rule: ${JSON.stringify(rule)}`);
    for (const [name] of String(rule.expr).matchAll(/\bmeldpunt_[a-z_]+/g)) {
      const base = name.replace(/_(bucket|sum|count)$/, '');
      if (base.startsWith('meldpunt_write_') && server.database.startsWith('postgres')) continue; // SQLite's writer only
      assert.ok(s.families.has(base), `${rule.alert}: ${name} is scraped`);
    }
  }
  assert.ok(readFileSync(file, 'utf8').includes('MeldpuntMailGivenUp'));
});
