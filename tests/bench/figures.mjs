// Benchmark client for `scripts/bench figures`: logs in as staff (password and TOTP, the real
// login) on a running server and times, over HTTP, the municipal yearly report of one
// municipality (HTML page and CSV), the dashboard and the staff case list of the working area,
// and, when the routes exist, the national CSV and XLSX.
// Usage: node tests/bench/figures.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY YEAR [RUNS]
// With BENCH_SYSTEM_EMAIL (same password), the national file is timed with that system admin's
// session when the first staff member is refused it (403).
// Prints one line per measurement: "name: median X ms, p95 Y ms, min, max (N runs), target: ok|MISSED".
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { staffLogin } from '../integration/flows.mjs';

const [baseUrl, email, password, municipality, yearText, runsText] = process.argv.slice(2);
assert.ok(baseUrl && email && password && /^GM\d{4}$/.test(municipality ?? '') && /^\d{4}$/.test(yearText ?? ''),
  'usage: node tests/bench/figures.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY YEAR [RUNS]');
const year = Number(yearText);
const runs = Number(runsText ?? 20);
const WARMUP = 2;
// With BENCH_SERVER_PID, also the server's CPU time per request (user + system, from /proc):
// on a machine busy with other work the wall-clock times grow, this much less.
const serverPid = process.env.BENCH_SERVER_PID;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** Fields of /proc/PID/stat after the command name (field 3 onwards), or null when gone. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
function serverCpuMs() {
  if (!serverPid) return 0;
  const fields = procStat(serverPid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
}
// With BENCH_PG_POSTMASTER_PID, also PostgreSQL's CPU time: every process of the cluster (the
// server's connections, parallel workers, background processes) and those that ended.
const postmasterPid = process.env.BENCH_PG_POSTMASTER_PID;
function databaseCpuMs() {
  if (!postmasterPid) return 0;
  const own = procStat(postmasterPid);
  let ticks = Number(own[13]) + Number(own[14]); // cutime, cstime: children that ended
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(entry);
    if (fields && fields[1] === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

const jar = await staffLogin(baseUrl, email, password);

/** Times one GET, reading the whole body; fails on anything but 200 unless `allow` lists it. */
async function timedGet(url, allow = [], session = jar) {
  const start = process.hrtime.bigint();
  const res = await session.fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 200 && !allow.includes(res.status)) throw new Error(`GET ${url}: ${res.status}`);
  return { ms, status: res.status, bytes: body.length };
}

function percentile(sorted, p) {
  // Nearest rank: the smallest value with at least p% of the runs at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name, url, count, targetMs, session = jar) {
  let last;
  for (let i = 0; i < WARMUP; i++) last = await timedGet(url, [], session);
  const times = [];
  const cpuBefore = serverCpuMs();
  const databaseBefore = databaseCpuMs();
  for (let i = 0; i < count; i++) {
    last = await timedGet(url, [], session);
    times.push(last.ms);
  }
  let cpu = serverPid ? `, server CPU ${((serverCpuMs() - cpuBefore) / count).toFixed(0)} ms/request` : '';
  if (postmasterPid) cpu += ` + PostgreSQL ${((databaseCpuMs() - databaseBefore) / count).toFixed(0)} ms`;
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const target = targetMs ? `target p95 < ${targetMs} ms: ${p95 < targetMs ? 'ok' : 'MISSED'}` : 'no target';
  console.log(`${name.padEnd(34)} median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
    `min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)} (${count} runs, ${last.bytes} bytes${cpu})   ` +
    target);
}

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
