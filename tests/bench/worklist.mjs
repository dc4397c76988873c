// Benchmark client for `scripts/bench worklist` (issue 14): logs in as staff on a running server
// on the 1,000,000 demo reports and times, over HTTP, the list of reports at volume: a page with
// several filters, the list sorted by next deadline, the overdue filter, the list by last
// activity, a page deep into the list (by key), a case page, and, when the route exists, the
// CSV export of the filtered list. Median and p95 against the 100 ms target for a list page.
// Usage: node tests/bench/worklist.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY CASE_ID [RUNS]
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { elements } from '../integration/html.mjs';
import { staffLogin } from '../integration/flows.mjs';

const [baseUrl, email, password, municipality, caseId, runsText] = process.argv.slice(2);
assert.ok(baseUrl && email && password && /^GM\d{4}$/.test(municipality ?? '') && /^\d+$/.test(caseId ?? ''),
  'usage: node tests/bench/worklist.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY CASE_ID [RUNS]');
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


const list = `${baseUrl}/medewerkers/meldingen`;
await measure('list, first page (date received):', list, runs, 100);
await measure('list, several filters:', `${list}?stap=open&soort=klacht&gemeente=${municipality}&grond=origin`, runs, 100);
await measure('list by next deadline:', `${list}?sorteer=termijn`, runs, 100);
await measure('list, overdue, by next deadline:', `${list}?termijn=verlopen&sorteer=termijn`, runs, 100);
await measure('list, due soon, unassigned:', `${list}?termijn=binnenkort&behandelaar=geen`, runs, 100);
await measure('list by last activity:', `${list}?sorteer=activiteit`, runs, 100);
// A page deep into the list: the "Next" link of the fifth page, by next deadline.
{
  let url = `${list}?sorteer=termijn`;
  for (let i = 0; i < 4; i++) {
    const res = await jar.fetch(url);
    const html = await res.text();
    const next = elements(html, 'a', (a) => a.rel === 'next')[0]?.attrs.href.replaceAll('&amp;', '&');
    assert.ok(next, 'a next page');
    url = `${baseUrl}${next}`;
  }
  await measure('list by next deadline, page 5:', url, runs, 100);
}
await measure(`case page (report ${caseId}):`, `${baseUrl}/medewerkers/meldingen/${caseId}`, runs, 0);
{
  const url = `${baseUrl}/medewerkers/meldingen.csv?stap=open&soort=klacht`;
  const probe = await timedGet(url, [404]);
  if (probe.status === 404) {
    console.log(`${'CSV export of the filtered list:'.padEnd(34)} skipped: GET /medewerkers/meldingen.csv answers 404 (not built)`);
  } else {
    await measure('CSV export of the filtered list:', url, Math.min(runs, 5), 0);
  }
}
