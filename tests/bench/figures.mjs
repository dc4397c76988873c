// Benchmark client for `scripts/bench figures`: logs in as staff (password and TOTP, the real
// login) on a running server and times, over HTTP, the municipal yearly report of one
// municipality (HTML page and CSV), the dashboard and the staff case list of the working area,
// and, when the routes exist, the national CSV and XLSX.
// Usage: node tests/bench/figures.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY YEAR [RUNS]
// With BENCH_SYSTEM_EMAIL (same password), the national file is timed with that system admin's
// session when the first staff member is refused it (403).
// Prints one line per measurement: "name: median X ms, p95 Y ms, min, max (N runs), target: ok|MISSED".
import assert from 'node:assert/strict';
import { benchTimer, percentile } from './timing.mjs';
import { staffLogin } from '../integration/flows.mjs';

const [baseUrl, email, password, municipality, yearText, runsText] = process.argv.slice(2);
assert.ok(baseUrl && email && password && /^GM\d{4}$/.test(municipality ?? '') && /^\d{4}$/.test(yearText ?? ''),
  'usage: node tests/bench/figures.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY YEAR [RUNS]');
const year = Number(yearText);
const runs = Number(runsText ?? 20);
const jar = await staffLogin(baseUrl, email, password);
const { timedGet, measure } = benchTimer(jar);

// The public figures page (no session) keeps what it computed for 5 minutes: only its first
// request counts, so it is timed once, before anything else has asked for it.
{
  const start = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/cijfers`);
  const body = await res.text();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 200) throw new Error(`GET /cijfers: ${res.status}`);
  console.log(`${'public figures page, first request:'.padEnd(34)} ${ms.toFixed(1)} ms (${body.length} bytes; computed, then kept 5 minutes)`);
}

const query = `gemeente=${municipality}&jaar=${year}`;
await measure(`municipal report HTML ${municipality} ${year}:`, `${baseUrl}/medewerkers/cijfers/gemeente?${query}`, runs, 300);
await measure(`municipal report CSV ${municipality} ${year}:`, `${baseUrl}/medewerkers/cijfers/gemeente.csv?${query}`, runs, 300);
await measure(`  same, without mass reports:`, `${baseUrl}/medewerkers/cijfers/gemeente.csv?${query}&massa=zonder`, runs, 300);
await measure(`  same, by incident year:`, `${baseUrl}/medewerkers/cijfers/gemeente.csv?${query}&jaar_van=incident`, runs, 300);

// No target in the issue; timed because PostgreSQL was slower than SQLite on them. The dashboard
// reads the facts of every municipality of the working area for its default 12 months; the case
// list is the first page of the bureau's reports with their count.
await measure('dashboard of the working area:', `${baseUrl}/medewerkers/cijfers/overzicht`, runs, 0);
await measure('staff case list, first page:', `${baseUrl}/medewerkers/meldingen`, runs, 0);

// The national file is built in parallel (issue 5): measured when its routes answer.
let systemJar;
for (const ext of ['csv', 'xlsx']) {
  const url = `${baseUrl}/medewerkers/cijfers/landelijk.${ext}?jaar=${year}`;
  let session = jar;
  let probe = await timedGet(url, [400, 403, 404], session);
  let who = '';
  if (probe.status === 403 && process.env.BENCH_SYSTEM_EMAIL) {
    systemJar ??= await staffLogin(baseUrl, process.env.BENCH_SYSTEM_EMAIL, password);
    session = systemJar;
    who = ' (system admin)';
    probe = await timedGet(url, [400, 403, 404], session);
  }
  if (probe.status !== 200) {
    console.log(`national ${ext.toUpperCase()} ${year}:`.padEnd(35) + `skipped: GET /medewerkers/cijfers/landelijk.${ext} answers ${probe.status} (route absent in this build?)`);
    continue;
  }
  await measure(`national ${ext.toUpperCase()} ${year}${who}:`, url, Math.min(runs, 5), 5000, session);
}

// The coordinator's one click: every municipal report of the working area (CSV, XLSX, PDF) and
// the national file in one ZIP. No target in the issue; printed for the record.
{
  const url = `${baseUrl}/medewerkers/cijfers/archief?jaar=${year}`;
  const times = [];
  let last;
  for (let i = 0; i < Math.min(runs, 3); i++) {
    last = await timedGet(url);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  console.log(`${`archive of the working area ${year}:`.padEnd(34)} median ${percentile(times, 50).toFixed(1)} ms, ` +
    `min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)} (${times.length} runs, ${last.bytes} bytes)   no target`);
}
