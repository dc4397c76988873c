// Benchmark client of read-aloud (issue 15), for `scripts/bench speech`: over real HTTP, the first
// audio of every section of the public pages in Dutch and English (cold: a fresh server with empty
// caches, every section asked once), then the same sections again (cached in memory); median and
// p95 against the targets (500 ms cold, 10 ms cached), and the server's memory before and after.
// Usage: node tests/bench/speech.mjs <base url> [cached rounds]   (BENCH_SERVER_PID for memory)
import { readFileSync } from 'node:fs';
import { percentile } from './timing.mjs';

const [base, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 10);
const pid = process.env.BENCH_SERVER_PID;

function memory() {
  if (!pid) return {};
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

// The server's CPU time (user + system) in ms: on a busy shared machine the wall-clock times
// grow with the load, this much less.
function cpuMs() {
  if (!pid) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function timed(url) {
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200 || body.subarray(0, 4).toString('latin1') !== 'OggS') {
    throw new Error(`${url}: ${res.status}`);
  }
  return { ms, bytes: body.length };
}

function summary(name, times, target) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const verdict = p95 <= target ? 'met' : 'MISSED';
  console.log(`${name.padEnd(34)} n=${String(sorted.length).padEnd(4)} median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (target p95 < ${target} ms: ${verdict})`);
}

const pages = ['/', '/melden', '/melden/volgen', '/privacy', '/cijfers'];
const sources = [];
for (const lang of ['nl', 'en']) {
  for (const page of pages) {
    const html = await (await fetch(`${base}${page}?lang=${lang}`)).text();
    for (const m of html.matchAll(/<audio [^>]*src="([^"]+)"/g)) sources.push(m[1].replaceAll('&amp;', '&'));
  }
}
const before = memory();
const cpuBefore = cpuMs();
const cold = [];
let bytes = 0;
for (const src of sources) {
  const t = await timed(`${base}${src}`);
  cold.push(t.ms);
  bytes += t.bytes;
}
const afterCold = memory();
const cpuCold = cpuMs() - cpuBefore;
const cached = [];
for (let r = 0; r < rounds; r++) {
  for (const src of sources) cached.push((await timed(`${base}${src}`)).ms);
}
const afterCached = memory();
summary('first audio of a section (cold)', cold, 500);
summary('the same section again (cached)', cached, 10);
console.log(`${sources.length} sections, ${(bytes / 1024).toFixed(0)} KiB of Ogg/Opus in all (${(bytes / sources.length / 1024).toFixed(1)} KiB per section)`);
if (pid) {
  console.log(`server CPU for the cold run: ${cpuCold.toFixed(0)} ms, ${(cpuCold / sources.length).toFixed(0)} ms per section (what a section costs on an idle core)`);
  console.log(`server RSS: ${before.rss.toFixed(1)} MiB before, ${afterCold.rss.toFixed(1)} MiB after the cold run, ${afterCached.rss.toFixed(1)} MiB after the cached runs; peak (VmHWM) ${afterCached.hwm.toFixed(1)} MiB`);
}
