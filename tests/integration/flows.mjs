// Flows shared by several suites: submitting a report, staff login, reading
// the staff list and the counts table.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { CookieJar, getForm, postForm, serverNow } from './harness.mjs';
import { byClass, byId, elements, tableRows } from './html.mjs';
import { STEP_SECONDS, base32Decode, totp } from './totp.mjs';

export const STAFF_EMAIL = 'beheer@meldpunt.example';
export const STAFF_PASSWORD = 'lang-genoeg-wachtwoord-42';

/** A date (YYYY-MM-DD) `days` from today in UTC. */
export function isoDay(days = 0) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Yesterday (UTC), unless that is last year: then today. Safe as "not in the future". */
export function recentDate() {
  const y = isoDay(-1);
  return y.slice(0, 4) === isoDay(0).slice(0, 4) ? y : isoDay(0);
}

/** The calendar year now in the Netherlands (the year of reporting). */
export function reportingYear() {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
}

/** A valid anonymous report, with overrides. */
export function validReport(overrides = {}) {
  return {
    reporter_role: 'victim',
    residence_municipality: 'GM0599',
    description: 'Bij de sollicitatie werd gezegd dat mijn hoofddoek niet past bij het bedrijf.',
    nature: 'unequal_treatment',
    grounds: ['religion', 'religion.anti_muslim'],
    domain: 'labour',
    incident_when: 'exact',
    incident_date: recentDate(),
    incident_municipality: 'GM0363',
    scope: 'incident',
    anonymous: 'yes',
    wishes: ['registration_only'],
    contact_name: '',
    contact_email: '',
    contact_phone: '',
    consent: 'yes',
    ...overrides,
  };
}

/** A valid report from a reporter who is not anonymous and gave an e-mail address. */
export function reportWithEmail(email, overrides = {}) {
  return validReport({ anonymous: 'no', contact_name: 'Test Melder', contact_email: email, ...overrides });
}

/** GET /melden for a CSRF token, then POST the report: { status, location, html, jar, form }. */
export async function submitReport(baseUrl, fields, jar = new CookieJar()) {
  const form = await getForm(jar, `${baseUrl}/melden`);
  assert.equal(form.status, 200);
  assert.ok(form.csrf, 'form has a csrf token');
  const res = await postForm(jar, `${baseUrl}/melden`, { csrf: form.csrf, ...fields });
  return { ...res, jar, form };
}

/** Submit a valid report and follow the redirect: returns the reference MP-YYYY-NNNNNN. */
export async function submitValid(baseUrl, fields) {
  const res = await submitReport(baseUrl, fields);
  assert.equal(res.status, 303, `expected 303, got ${res.status}: ${res.html.slice(0, 2000)}`);
  const page = await res.jar.fetch(new URL(res.location, baseUrl));
  assert.equal(page.status, 200);
  const [ref] = byClass(await page.text(), '*', 'reference');
  assert.ok(ref, 'confirmation page has an element with class "reference"');
  return ref.text;
}

/** Add a staff user through the CLI (password on stdin). */
export async function addStaff(server, email = STAFF_EMAIL, password = STAFF_PASSWORD, role = 'bureau_admin') {
  const r = await server.run(['user', 'add', '--email', email, '--role', role], `${password}\n`);
  assert.equal(r.code, 0, `user add failed (${r.code}): ${r.stderr}${r.stdout}`);
  return r;
}

/** Add a bureau with `meldpunt bureau add` and give it a working area; returns its id. */
export async function addBureau(server, name, codes = []) {
  const added = await server.run(['bureau', 'add', '--name', name]);
  assert.equal(added.code, 0, added.stderr);
  const id = /added bureau (\d+) /.exec(added.stdout)?.[1];
  assert.ok(id, added.stdout);
  if (codes.length) await setWorkingArea(server, id, codes);
  return id;
}

/** Set a bureau's working area with `meldpunt bureau area`. */
export async function setWorkingArea(server, id, codes) {
  const area = await server.run(['bureau', 'area', '--bureau', String(id), ...codes]);
  assert.equal(area.code, 0, area.stderr);
}

/**
 * Second factors of the staff accounts this test process enrolled, by e-mail address:
 * { secret (bytes), lastStep (the last time step used), recovery (unused recovery codes) }.
 * Staff log in with a password and a TOTP code; the first login enrols (see staffLogin).
 */
export const staffFactors = new Map();

/** Remember an enrolment: the base32 secret from the page, the step used, the recovery codes. */
export function rememberEnrolment(email, secretBase32, step, recovery = []) {
  staffFactors.set(email, { secret: base32Decode(secretBase32), lastStep: step, recovery: [...recovery] });
}

/**
 * A code the server will take for this account now: a TOTP code of a time step after the last one
 * used (the server refuses replays), else an unused recovery code, else it waits for the next step.
 * The server's clock may be moved by a clock offset file (serverNow).
 */
export async function nextStaffCode(baseUrl, email, { recovery = true } = {}) {
  const factor = staffFactors.get(email);
  assert.ok(factor, `no second factor known for ${email}: log in with staffLogin first`);
  for (;;) {
    const now = serverNow(baseUrl);
    const current = Math.floor(now / STEP_SECONDS);
    const into = now - current * STEP_SECONDS;
    // The server takes one step either side; the previous step only while not near the boundary.
    const steps = [into < STEP_SECONDS - 5 ? current - 1 : undefined, current, current + 1];
    const step = steps.find((s) => s !== undefined && s > factor.lastStep);
    if (step !== undefined) {
      factor.lastStep = step;
      return totp(factor.secret, step);
    }
    if (recovery && factor.recovery.length > 0) return factor.recovery.shift();
    await sleep((STEP_SECONDS - into + 0.5) * 1000);
  }
}

/** The enrolment page in a jar that passed the password: reads the secret, confirms a code. */
export async function enrolStaff(baseUrl, jar, email) {
  const page = await getForm(jar, `${baseUrl}/medewerkers/login/instellen`);
  assert.equal(page.status, 200, `enrolment page: ${page.status}`);
  const secret = byId(page.html, 'totp-secret', ['code'])?.text;
  assert.ok(secret, 'the enrolment page shows the secret in #totp-secret');
  const step = Math.floor(serverNow(baseUrl) / STEP_SECONDS);
  const res = await postForm(jar, `${baseUrl}/medewerkers/login/instellen`,
    { csrf: page.csrf, code: totp(base32Decode(secret), step) });
  assert.equal(res.status, 200, `enrolment failed with ${res.status}: ${res.html.slice(0, 2000)}`);
  const list = byId(res.html, 'recovery-codes', ['ol']);
  assert.ok(list, 'recovery codes are shown once');
  const codes = [...list.html.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
  assert.equal(codes.length, 10, 'ten recovery codes');
  rememberEnrolment(email, secret, step, codes);
  return { secret, codes, html: res.html };
}

/**
 * Log in as staff: the password, then the second step. The first login of an account enrols
 * (reads the secret from the page, confirms a code, keeps the recovery codes); later logins type
 * a code. Returns the jar holding the session cookie.
 */
export async function staffLogin(baseUrl, email = STAFF_EMAIL, password = STAFF_PASSWORD, jar = new CookieJar()) {
  const form = await getForm(jar, `${baseUrl}/medewerkers/login`);
  assert.equal(form.status, 200);
  const res = await postForm(jar, `${baseUrl}/medewerkers/login`, { csrf: form.csrf, email, password });
  assert.equal(res.status, 303, `login failed with ${res.status}: ${res.html.slice(0, 2000)}`);
  const next = new URL(res.location, baseUrl).pathname;
  if (next === '/medewerkers/login/instellen') {
    await enrolStaff(baseUrl, jar, email);
    return jar;
  }
  assert.equal(next, '/medewerkers/login/code', `after the password: ${res.location}`);
  const page = await getForm(jar, `${baseUrl}/medewerkers/login/code`);
  assert.equal(page.status, 200);
  const done = await postForm(jar, `${baseUrl}/medewerkers/login/code`,
    { csrf: page.csrf, code: await nextStaffCode(baseUrl, email) });
  assert.equal(done.status, 303, `second step failed with ${done.status}: ${done.html.slice(0, 2000)}`);
  return jar;
}

/** The rows of table#reports on the staff list (none when the page has no table). */
export async function reportRows(baseUrl, jar) {
  const res = await jar.fetch(`${baseUrl}/medewerkers/meldingen`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const rows = tableRows(html, 'reports') ?? [];
  return { html, rows: rows.filter((r) => /MP-\d{4}-\d{6}/.test(r.text)) };
}

/**
 * The file links of one row of table#reports: [{ href, text }]. The row shows how many files
 * there are (td.evidence, data-count) and lists them under "Show" (ul.files in its <details>).
 */
export function rowFileLinks(row) {
  const cell = row.cells.find((c) => (c.attrs.class ?? '').split(' ').includes('evidence'));
  assert.ok(cell, 'a files cell');
  const [list] = elements(row.html, 'ul', (a) => (a.class ?? '').split(' ').includes('files'));
  const links = list ? elements(list.html, 'a').map((a) => ({ href: a.attrs.href, text: a.text })) : [];
  assert.equal(Number(cell.attrs['data-count']), links.length, 'data-count is the number of files');
  assert.equal(cell.text, String(links.length), 'the row shows the number of files');
  return links;
}

/** table#counts as Map code -> { incident, residence } (absent cells count 0). */
export async function counts(baseUrl, jar, year = reportingYear()) {
  const res = await jar.fetch(`${baseUrl}/medewerkers/cijfers?jaar=${year}`);
  assert.equal(res.status, 200);
  const rows = tableRows(await res.text(), 'counts') ?? []; // no table when no reports
  const map = new Map();
  for (const r of rows) {
    const code = r.attrs['data-code'];
    if (!code) continue;
    const cell = (col) => {
      const c = r.cells.find((x) => x.attrs['data-col'] === col);
      return c && c.text !== '' ? Number(c.text) : 0;
    };
    map.set(code, { incident: cell('incident'), residence: cell('residence') });
  }
  return map;
}

/** Total number of reports by incident municipality in a counts map. */
export function totalIncidents(map) {
  return [...map.values()].reduce((n, c) => n + c.incident, 0);
}
