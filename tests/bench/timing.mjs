// Timing for the benchmark clients (tests/bench/*.mjs): GETs over HTTP with a staff session,
// median and p95 against a target, and the server's (and PostgreSQL's) CPU time per request.
import { readdirSync, readFileSync } from 'node:fs';

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

export function percentile(sorted, p) {
  // Nearest rank: the smallest value with at least p% of the runs at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The timers of one staff session (a cookie jar from staffLogin). */
export function benchTimer(jar) {
  /** Times one GET, reading the whole body; fails on anything but 200 unless `allow` lists it. */
  async function timedGet(url, allow = [], session = jar) {
    const start = process.hrtime.bigint();
    const res = await session.fetch(url);
    const body = Buffer.from(await res.arrayBuffer());
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.status !== 200 && !allow.includes(res.status)) throw new Error(`GET ${url}: ${res.status}`);
    return { ms, status: res.status, bytes: body.length };
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

  return { timedGet, measure };
}
