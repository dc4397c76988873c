// Benchmark client of upload memory (issue 16), for `scripts/bench uploads`: BENCH_UPLOADS
// (default 40) concurrent POST /melden, each a valid report with four text files of 5 MiB (20 MiB
// in all), each from its own cookie jar (a first GET /melden for the token). Prints how the
// answers went (303 stored, 503 over the upload budget, others) and the server's memory from
// /proc/<pid>/status: idle before, VmHWM (peak), and VmRSS right after the burst and a few
// seconds later.
// Usage: BENCH_SERVER_PID=<pid> node tests/bench/uploads.mjs <base url> [uploads] [MiB each]
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CookieJar, getForm } from '../integration/harness.mjs';
import { validReport } from '../integration/flows.mjs';

const [base, uploadsArg, mibArg] = process.argv.slice(2);
const uploads = Number(uploadsArg ?? 40);
const mib = Number(mibArg ?? 20);
const pid = process.env.BENCH_SERVER_PID;
const MiB = 1024 * 1024;

function memory() {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

const fmt = (m) => `${m.toFixed(1)} MiB`;

// Four files of mib/4 MiB: a file may be at most 10 MB, five files 25 MB in all.
const part = Buffer.alloc(Math.floor((mib * MiB) / 4), 'meldpunt upload benchmark\n');

async function upload() {
  const jar = new CookieJar();
  const form = await getForm(jar, `${base}/melden`);
  const body = new FormData();
  for (const [name, value] of Object.entries({ csrf: form.csrf, ...validReport() })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  for (let i = 0; i < 4; i++) body.append('evidence', new Blob([part], { type: 'text/plain' }), `bewijs-${i}.txt`);
  try {
    const res = await jar.fetch(`${base}/melden`, { method: 'POST', body, redirect: 'manual' });
    await res.arrayBuffer();
    return res.status;
  } catch (e) {
    return `error (${e.cause?.code ?? e.message})`;
  }
}

// Idle memory after a first page (the form cache and static files are made at start).
await (await fetch(`${base}/melden`)).text();
await sleep(500);
const idle = memory();
const started = Date.now();
let peakRss = idle.rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, memory().rss); }, 50);
const statuses = await Promise.all(Array.from({ length: uploads }, upload));
clearInterval(sampler);
const seconds = (Date.now() - started) / 1000;
const afterBurst = memory();
await sleep(5000);
const later = memory();
const counts = {};
for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
console.log(`uploads: ${uploads} x ${mib} MiB concurrently in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)} (303 = stored, 503 = over the upload budget)`);
console.log(`RSS idle before:        ${fmt(idle.rss)}`);
console.log(`peak (VmHWM):           ${fmt(later.hwm)}   target under 256 MiB  ${later.hwm < 256 ? 'met' : 'MISSED'}`);
console.log(`RSS right after burst:  ${fmt(afterBurst.rss)}`);
console.log(`RSS 5 s after burst:    ${fmt(later.rss)}   target under 100 MiB  ${later.rss < 100 ? 'met' : 'MISSED'}`);
