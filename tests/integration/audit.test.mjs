// The audit log (inzagelog): every read and change of a case is recorded with who, when, which
// case and what; a bureau admin sees their own bureau's entries, filters them and exports them as
// CSV; viewing and exporting are recorded too; the table is append-only in the database and the
// hash chain shows entries that were changed or added outside meldpunt (`meldpunt audit verify`).
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isPostgres, startServer } from './harness.mjs';
import { byId, elements, tableRows } from './html.mjs';
import { staffLogin, submitValid, validReport } from './flows.mjs';

const run = promisify(execFile);
const PASSWORD = 'lang-genoeg-wachtwoord-50';
const DAY = 86_400;
const USERS = {
  admin: ['beheer@adv-een.example', 'bureau_admin', []],
  handler: ['behandelaar@adv-een.example', 'handler', []],
  coordinator: ['coordinator@adv-een.example', 'coordinator', []],
  admin2: ['beheer@adv-utrecht.example', 'bureau_admin', ['--bureau', '2']],
  handler2: ['behandelaar@adv-utrecht.example', 'handler', ['--bureau', '2']],
  // A valid address that a spreadsheet would take for a formula.
  formula: ['=1+1@adv-een.example', 'handler', []],
};

/** Run SQL against the server's database: { ok, out, err }; never throws. */
async function sql(server, query) {
  try {
    const { stdout } = isPostgres(server.database)
      ? await run('psql', [server.database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', query])
      : await run('sqlite3', [server.database.replace(/^sqlite:/, ''), query]);
    return { ok: true, out: stdout.trim() };
  } catch (e) {
    return { ok: false, out: String(e.stdout ?? ''), err: String(e.stderr ?? e.message) };
  }
}

/** "YYYY-MM-DD HH:MM:SS" of a Unix time in Dutch time, the way the log shows it. */
function dutchTime(seconds) {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(new Date(seconds * 1000));
}

/** GET the log with query parameters: { status, html, rows } (rows: entries of table#audit-log). */
async function log(server, jar, params = {}, pathname = '/medewerkers/inzagelog') {
  const url = new URL(pathname, server.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await jar.fetch(url);
  const html = await res.text();
  const rows = (tableRows(html, 'audit-log') ?? []).filter((r) => r.attrs['data-id']).map((r) => {
    const cell = (col) => r.cells.find((c) => c.attrs['data-col'] === col)?.text ?? '';
    return { id: Number(r.attrs['data-id']), action: r.attrs['data-action'], time: cell('time'), staff: cell('staff'), case: cell('case'), detail: cell('detail') };
  });
  return { status: res.status, html, rows };
}

/** The link to a report's staff page, found in the list of reports of someone who may see it. */
async function caseLink(server, jar, reference) {
  const html = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
  const m = html.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${reference}<`));
  assert.ok(m, `${reference} is in the list`);
  return m[1];
}

/** Parse CSV (quoted cells, CRLF rows) into arrays. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

describe('the audit log', () => {
  let server;
  let clockFile;
  const jars = {};
  const refs = {};
  const links = {};
  let shiftedAt; // when the handler read the case with the clock set back three days

  before(async () => {
    // The server's clock can be moved: it reads this file at every use.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-test-'));
    clockFile = path.join(dataDir, 'clock-offset');
    await writeFile(clockFile, '0');
    server = await startServer({ dataDir, env: { MELDPUNT_CLOCK_OFFSET_FILE: clockFile } });

    const added = await server.run(['bureau', 'add', '--name', 'ADV Utrecht']);
    assert.equal(added.code, 0, added.stderr);
    const area = await server.run(['bureau', 'area', '--bureau', '2', 'GM0344']);
    assert.equal(area.code, 0, area.stderr);
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    refs.first = await submitValid(server.url, validReport({
      incident_municipality: 'GM0363', description: 'Vertrouwelijke-beschrijving-die-nooit-in-het-log-staat',
    }));
    refs.other = await submitValid(server.url, validReport({ incident_municipality: 'GM0363' }));
    refs.utrecht = await submitValid(server.url, validReport({ incident_municipality: 'GM0344' }));
    links.first = await caseLink(server, jars.handler, refs.first);
    links.other = await caseLink(server, jars.handler, refs.other);
    links.utrecht = await caseLink(server, jars.handler2, refs.utrecht);

    // Three days ago (by the server's clock) the handler read the other case.
    await writeFile(clockFile, String(-3 * DAY));
    const earlier = await staffLogin(server.url, USERS.handler[0], PASSWORD);
    shiftedAt = Math.floor(Date.now() / 1000) - 3 * DAY;
    assert.equal((await earlier.fetch(`${server.url}${links.other}`)).status, 200);
    await writeFile(clockFile, '0');
  });
  after(async () => { await server?.stop(); });

  test('a handler opens a case: the admin sees who, when, which case and what', async () => {
    const opened = Math.floor(Date.now() / 1000);
    const page = await jars.handler.fetch(`${server.url}${links.first}`);
    assert.equal(page.status, 200);
    const { status, html, rows } = await log(server, jars.admin, { melding: refs.first });
    assert.equal(status, 200);
    const read = rows.find((r) => r.action === 'report.read' && r.staff === USERS.handler[0]);
    assert.ok(read, `a report.read row by the handler in ${JSON.stringify(rows)}`);
    assert.equal(read.case, refs.first);
    assert.match(html, /<code>report\.read<\/code>/);
    assert.match(read.time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const candidates = [-1, 0, 1, 2].map((d) => dutchTime(opened + d));
    assert.ok(candidates.includes(read.time), `${read.time} is the time of opening (${candidates})`);
    assert.ok(!html.includes('Vertrouwelijke-beschrijving'), 'no report text in the log');
  });

  test('the entry has the case and the bureau in columns of their own', async () => {
    const id = Number(refs.first.slice(-6));
    const found = await sql(server, `SELECT report_id, bureau_id, action FROM audit_log WHERE action = 'report.read' AND report_id = ${id} ORDER BY id DESC LIMIT 1`);
    assert.ok(found.ok, found.err);
    assert.equal(found.out.replace(/\s/g, ''), `${id}|1|report.read`);
  });

  test('the case page links an admin to who saw the case; a handler gets no such link', async () => {
    const adminPage = await (await jars.admin.fetch(`${server.url}${links.first}`)).text();
    const [link] = elements(adminPage, 'a', (a) => a.id === 'audit-link');
    assert.ok(link, 'the admin has the link');
    assert.match(link.text, /Wie heeft deze melding ingezien/);
    const target = new URL(link.attrs.href, server.url);
    assert.equal(target.pathname, '/medewerkers/inzagelog');
    assert.equal(target.searchParams.get('melding'), refs.first);
    const { rows } = await log(server, jars.admin, Object.fromEntries(target.searchParams));
    assert.ok(rows.some((r) => r.staff === USERS.handler[0] && r.action === 'report.read'));
    assert.ok(rows.every((r) => r.case === refs.first || r.action === 'list_reports' || r.action === 'audit.read'),
      JSON.stringify(rows));
    const handlerPage = await (await jars.handler.fetch(`${server.url}${links.first}`)).text();
    assert.equal(elements(handlerPage, 'a', (a) => a.id === 'audit-link').length, 0);
  });

  test('a listing that showed the case counts as a look at it', async () => {
    await jars.coordinator.fetch(`${server.url}/medewerkers/meldingen`);
    const { rows } = await log(server, jars.admin, { melding: refs.first, actie: 'list_reports' });
    const listing = rows.find((r) => r.staff === USERS.coordinator[0]);
    assert.ok(listing, JSON.stringify(rows));
    assert.match(listing.detail, new RegExp(refs.first.slice(0, 8)));
  });

  test('entries written in the older form are placed by the reference they begin with', async () => {
    // The access request page (privacy work) audits "report.export" with "MP-…: page".
    const page = await jars.admin.fetch(`${server.url}${links.first}/inzage`);
    assert.equal(page.status, 200);
    const { rows } = await log(server, jars.admin, { melding: refs.first, actie: 'report.export' });
    assert.ok(rows.some((r) => r.staff === USERS.admin[0] && r.case === refs.first), JSON.stringify(rows));
    assert.equal((await log(server, jars.admin2, { actie: 'report.export' })).rows.length, 0, 'not on the other bureau\'s log');
  });

  test('filters: staff member, action, case, and a period of Dutch days', async () => {
    const byHandler = await log(server, jars.admin, { medewerker: USERS.handler[0] });
    assert.ok(byHandler.rows.length >= 2);
    assert.ok(byHandler.rows.every((r) => r.staff === USERS.handler[0]), JSON.stringify(byHandler.rows));
    const reads = await log(server, jars.admin, { actie: 'report.read' });
    assert.ok(reads.rows.length >= 2);
    assert.ok(reads.rows.every((r) => r.action === 'report.read'));
    const both = await log(server, jars.admin, { actie: 'report.read', melding: refs.other });
    assert.ok(both.rows.length >= 1);
    assert.ok(both.rows.every((r) => r.action === 'report.read' && r.case === refs.other));

    // The read of three days ago, and only that day.
    const day = dutchTime(shiftedAt).slice(0, 10);
    const onThatDay = await log(server, jars.admin, { van: day, tot: day });
    assert.equal(onThatDay.status, 200);
    assert.ok(onThatDay.rows.some((r) => r.action === 'report.read' && r.case === refs.other), JSON.stringify(onThatDay.rows));
    assert.ok(onThatDay.rows.every((r) => r.time.startsWith(day)), JSON.stringify(onThatDay.rows));
    const nextDay = dutchTime(shiftedAt + DAY).slice(0, 10);
    const later = await log(server, jars.admin, { van: nextDay, melding: refs.other, actie: 'report.read' });
    assert.equal(later.rows.length, 0, 'the old read is before that day');

    // A reference whose year is not the case's is not that case.
    const wrongYear = refs.first.replace(/MP-(\d{4})/, (m, y) => `MP-${Number(y) - 1}`);
    assert.equal((await log(server, jars.admin, { melding: wrongYear, actie: 'report.read' })).rows.length, 0);
  });

  test('each filter is checked, with a clear message, and what was typed stays', async () => {
    const cases = [
      [{ melding: 'MP-12' }, 'reference', /Vul een meldingsnummer in, zoals MP-2026-000042\./, 'MP-12'],
      [{ medewerker: 'niet-een-adres' }, 'staff_email', /Vul het e-mailadres van de medewerker in/, 'niet-een-adres'],
      [{ actie: 'drop.table' }, 'action', /Kies een handeling uit de lijst\./, null],
      [{ van: '2026-02-30' }, 'from', /Vul de eerste dag in als JJJJ-MM-DD/, '2026-02-30'],
      [{ van: '2026-03-10', tot: '2026-03-01' }, 'to', /De laatste dag ligt vóór de eerste dag\./, '2026-03-01'],
    ];
    for (const [params, field, message, kept] of cases) {
      const { status, html, rows } = await log(server, jars.admin, params);
      assert.equal(status, 422, JSON.stringify(params));
      assert.match(html, message);
      assert.match(html, new RegExp(`href="#${field}"`), 'the summary links the field');
      const [input] = elements(html, field === 'action' ? 'select' : 'input', (a) => a.id === field);
      assert.ok(input, field);
      if (kept !== null) assert.match(html, new RegExp(`id="${field}"[^>]*value="${kept}"|value="${kept}"[^>]*id="${field}"`));
      assert.equal(rows.length, 0, 'nothing is shown for a filter that was not understood');
    }
  });

  test('handlers and coordinators get 403, and the attempt is in the log', async () => {
    for (const who of ['handler', 'coordinator']) {
      const res = await jars[who].fetch(`${server.url}/medewerkers/inzagelog`);
      assert.equal(res.status, 403, who);
      const csv = await jars[who].fetch(`${server.url}/medewerkers/inzagelog.csv`);
      assert.equal(csv.status, 403, `${who}: csv`);
    }
    const { rows } = await log(server, jars.admin, { actie: 'access.denied', medewerker: USERS.coordinator[0] });
    assert.ok(rows.some((r) => r.detail.includes('/medewerkers/inzagelog')), JSON.stringify(rows));
    const anonymous = await fetch(`${server.url}/medewerkers/inzagelog`, { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
  });

  test("an admin of another bureau sees their own bureau's entries only", async () => {
    assert.equal((await jars.handler2.fetch(`${server.url}${links.utrecht}`)).status, 200);
    // The first bureau's handler tries the second bureau's case: a 404, on both bureaus' logs.
    assert.equal((await jars.handler.fetch(`${server.url}${links.utrecht}`)).status, 404);
    const second = await log(server, jars.admin2);
    assert.equal(second.status, 200);
    assert.ok(second.rows.some((r) => r.action === 'report.read' && r.case === refs.utrecht && r.staff === USERS.handler2[0]));
    assert.ok(!second.rows.some((r) => r.case === refs.first || r.case === refs.other), 'no case of the first bureau');
    assert.ok(!second.rows.some((r) => r.staff === USERS.handler[0] && r.action !== 'access.denied'), JSON.stringify(second.rows));
    assert.ok(second.rows.some((r) => r.staff === USERS.handler[0] && r.action === 'access.denied' && r.case === refs.utrecht));
    const filtered = await log(server, jars.admin2, { medewerker: USERS.handler[0], actie: 'report.read' });
    assert.equal(filtered.rows.length, 0);
    const first = await log(server, jars.admin);
    assert.ok(!first.rows.some((r) => r.staff === USERS.handler2[0]), 'none of the second bureau');
    assert.ok(first.rows.some((r) => r.staff === USERS.handler[0] && r.action === 'access.denied' && r.case === refs.utrecht),
      'the first bureau sees what its own handler tried');
  });

  test('looking at the log is itself recorded', async () => {
    await log(server, jars.admin, { melding: refs.other });
    const { rows } = await log(server, jars.admin, { actie: 'audit.read' });
    const mine = rows.find((r) => r.staff === USERS.admin[0] && r.detail.includes(refs.other));
    assert.ok(mine, JSON.stringify(rows.slice(0, 5)));
    assert.equal(mine.case, refs.other);
  });

  test('the log is paged, newest first', async () => {
    for (let i = 0; i < 55; i++) await jars.handler.fetch(`${server.url}/medewerkers/meldingen`);
    const page1 = await log(server, jars.admin);
    assert.ok(Number(byId(page1.html, 'entry-count').text.match(/\d+/)[0]) > 55);
    assert.equal(page1.rows.length, 50, 'fifty entries on a page');
    const ids = page1.rows.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    const [older] = elements(page1.html, 'a', (a) => a.rel === 'next');
    assert.ok(older, 'a link to older entries');
    const page2 = await log(server, jars.admin, Object.fromEntries(new URL(older.attrs.href, server.url).searchParams));
    assert.ok(page2.rows.length > 0);
    assert.ok(Math.max(...page2.rows.map((r) => r.id)) < Math.min(...ids));
  });

  test('the CSV export has the filtered rows, safe for spreadsheets, and is recorded', async () => {
    jars.formula = await staffLogin(server.url, USERS.formula[0], PASSWORD); // one more login entry
    for (const url of [`/medewerkers/inzagelog.csv?melding=${refs.first}`, `/medewerkers/inzagelog?melding=${refs.first}&formaat=csv`]) {
      const res = await jars.admin.fetch(`${server.url}${url}`);
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
      assert.match(res.headers.get('content-disposition'), /^attachment; filename="inzagelog-bureau-1-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
      assert.deepEqual(rows[0], ['Regel', 'Tijd (UTC)', 'Tijd (Nederland)', 'Medewerker', 'Actie', 'Meldingsnummer', 'Bureau', 'Details']);
      const reads = rows.slice(1).filter((r) => r[4] === 'report.read' && r[3] === USERS.handler[0]);
      assert.ok(reads.length >= 1, JSON.stringify(rows));
      assert.equal(reads[0][5], refs.first);
      assert.match(reads[0][1], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.ok(rows.slice(1).every((r) => r[5] === refs.first || r[4] === 'list_reports' || r[4] === 'audit.read'));
    }
    const logins = await jars.admin.fetch(`${server.url}/medewerkers/inzagelog.csv?actie=login`);
    const text = await logins.text();
    assert.ok(text.includes(`"'${USERS.formula[0]}"`), 'a cell starting with = gets a leading quote');
    assert.ok(!text.includes(`"${USERS.formula[0]}"`));
    const { rows } = await log(server, jars.admin, { actie: 'audit.export' });
    assert.ok(rows.some((r) => r.staff === USERS.admin[0] && r.detail.includes(refs.first)), JSON.stringify(rows));
    const bad = await jars.admin.fetch(`${server.url}/medewerkers/inzagelog.csv?van=gisteren`);
    assert.equal(bad.status, 422);
  });

  test('the database refuses to change or delete audit entries', async () => {
    const before = await sql(server, 'SELECT COUNT(*) FROM audit_log');
    const update = await sql(server, "UPDATE audit_log SET action = 'nothing' WHERE action = 'report.read'");
    assert.equal(update.ok, false, 'UPDATE fails');
    assert.match(update.err, /append-only/);
    const remove = await sql(server, 'DELETE FROM audit_log');
    assert.equal(remove.ok, false, 'DELETE fails');
    assert.match(remove.err, /append-only/);
    if (isPostgres(server.database)) {
      const truncate = await sql(server, 'TRUNCATE audit_log');
      assert.equal(truncate.ok, false, 'TRUNCATE fails');
    }
    const afterwards = await sql(server, 'SELECT COUNT(*) FROM audit_log');
    assert.equal(afterwards.out, before.out);
    const reads = await sql(server, "SELECT COUNT(*) FROM audit_log WHERE action = 'report.read'");
    assert.ok(Number(reads.out) >= 3);
  });

  test('`meldpunt audit verify` passes, and names the entry forged in the database', async () => {
    const good = await server.run(['audit', 'verify']);
    assert.equal(good.code, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /audit log intact: \d+ chained entries/);
    // An insert is allowed by the triggers (the log must grow), but a row written without the
    // key does not fit the chain.
    const forged = await sql(server, `INSERT INTO audit_log (at, user_id, action, subject, report_id, bureau_id) VALUES (${Math.floor(Date.now() / 1000)}, 1, 'report.read', 'vals', 1, 1)`);
    assert.ok(forged.ok, forged.err);
    const id = (await sql(server, 'SELECT MAX(id) FROM audit_log')).out;
    const broken = await server.run(['audit', 'verify']);
    assert.equal(broken.code, 1, broken.stdout + broken.stderr);
    assert.match(broken.stdout, new RegExp(`audit log BROKEN at entry ${id}: entry ${id} is not in the chain`));
  });

  test('verify refuses to run without the key file', async () => {
    const r = await server.run(['audit', 'verify', '--key-file', path.join(server.dataDir, 'missing.key')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no key file/);
  });
});
