// Benchmark client for `scripts/bench worklist` (issue 14): logs in as staff on a running server
// on the 1,000,000 demo reports and times, over HTTP, the list of reports at volume: a page with
// several filters, the list sorted by next deadline, the overdue filter, the list by last
// activity, a page deep into the list (by key), a case page, and, when the route exists, the
// CSV export of the filtered list. Median and p95 against the 100 ms target for a list page.
// Usage: node tests/bench/worklist.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY CASE_ID [RUNS]
import assert from 'node:assert/strict';
import { benchTimer, percentile } from './timing.mjs';
import { elements } from '../integration/html.mjs';
import { staffLogin } from '../integration/flows.mjs';

const [baseUrl, email, password, municipality, caseId, runsText] = process.argv.slice(2);
assert.ok(baseUrl && email && password && /^GM\d{4}$/.test(municipality ?? '') && /^\d+$/.test(caseId ?? ''),
  'usage: node tests/bench/worklist.mjs BASE_URL EMAIL PASSWORD MUNICIPALITY CASE_ID [RUNS]');
const runs = Number(runsText ?? 20);
const jar = await staffLogin(baseUrl, email, password);
const { timedGet, measure } = benchTimer(jar);


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
// With BENCH_HINT_CASE: a case whose duplicate-hint keys were made (`meldpunt duplicates
// backfill`), so that its page looks the hints up; how many it shows is printed.
if (process.env.BENCH_HINT_CASE) {
  const hintCase = process.env.BENCH_HINT_CASE;
  const html = await (await jar.fetch(`${baseUrl}/medewerkers/meldingen/${hintCase}`)).text();
  const hints = (html.match(/class="duplicate-hint"/g) ?? []).length;
  await measure(`case page with ${hints} hints (${hintCase}):`, `${baseUrl}/medewerkers/meldingen/${hintCase}`, runs, 0);
}
{
  const url = `${baseUrl}/medewerkers/meldingen.csv?stap=open&soort=klacht`;
  const probe = await timedGet(url, [404]);
  if (probe.status === 404) {
    console.log(`${'CSV export of the filtered list:'.padEnd(34)} skipped: GET /medewerkers/meldingen.csv answers 404 (not built)`);
  } else {
    await measure('CSV export of the filtered list:', url, Math.min(runs, 5), 0);
  }
}
