// Bureaus, routing and roles: a report goes to the bureau whose working area holds the incident's
// municipality, else the reporter's, else the first bureau; staff see only their own bureau's
// cases; every role is checked on the server, including attempts a page would never offer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { addStaff, counts, reportRows, staffLogin, submitValid, validReport } from './flows.mjs';
import { tableRows } from './html.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-77';
// A complaint (klacht): a report that asks for registration only is closed at once.
const complaint = (overrides) => validReport({ wishes: ['advice'], ...overrides });
const USERS = {
  admin: ['beheer1@meldpunt.example', 'bureau_admin', []],
  coordinator: ['coord1@meldpunt.example', 'coordinator', []],
  handler: ['behandelaar1@meldpunt.example', 'handler', []],
  intake: ['intake1@meldpunt.example', 'intake', []],
  handler2: ['behandelaar2@meldpunt.example', 'handler', ['--bureau', '2']],
  admin2: ['beheer2@meldpunt.example', 'bureau_admin', ['--bureau', '2']],
  viewer: ['gemeente@utrecht.example', 'municipality_viewer', ['--municipality', 'GM0344']],
  system: ['applicatiebeheer@meldpunt.example', 'system_admin', []],
};

describe('bureaus, routing and roles', () => {
  let server;
  const jars = {};
  const refs = {};
  const links = {};

  before(async () => {
    server = await startServer();
    const added = await server.run(['bureau', 'add', '--name', 'ADV Utrecht']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /added bureau 2 ADV Utrecht/);
    const area = await server.run(['bureau', 'area', '--bureau', '2', 'GM0344', 'GM0356']);
    assert.equal(area.code, 0, area.stderr);
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    // Incident in Utrecht: bureau 2. Incident in Amsterdam (no bureau's area) by a resident of
    // Nieuwegein: bureau 2. Online, by a resident of Utrecht: bureau 2. Amsterdam by a resident
    // of Lelystad: nobody's area, so the first bureau.
    refs.utrecht = await submitValid(server.url, complaint({ incident_municipality: 'GM0344', residence_municipality: 'GM0363' }));
    refs.resident = await submitValid(server.url, complaint({ incident_municipality: 'GM0363', residence_municipality: 'GM0356' }));
    refs.online = await submitValid(server.url, complaint({ incident_municipality: 'none', residence_municipality: 'GM0344' }));
    refs.elsewhere = await submitValid(server.url, complaint({ incident_municipality: 'GM0363', residence_municipality: 'GM0995' }));
    for (const jar of [jars.handler, jars.handler2]) {
      const html = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
      for (const [name, ref] of Object.entries(refs)) {
        const m = html.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${ref}<`));
        if (m) links[name] = m[1];
      }
    }
  });
  after(() => server?.stop());

  test('each report is routed to the bureau of its area, and staff see only their own', async () => {
    const first = (await reportRows(server.url, jars.handler)).rows.map((r) => r.text).join('\n');
    const second = (await reportRows(server.url, jars.handler2)).rows.map((r) => r.text).join('\n');
    for (const name of ['utrecht', 'resident', 'online']) {
      assert.ok(second.includes(refs[name]), `${name} is for ADV Utrecht`);
      assert.ok(!first.includes(refs[name]), `${name} is not shown to the first bureau`);
    }
    assert.ok(first.includes(refs.elsewhere), 'outside every area: the first bureau');
    assert.ok(!second.includes(refs.elsewhere));
  });

  test("another bureau's case is answered as if it did not exist", async () => {
    assert.equal((await jars.handler.fetch(`${server.url}${links.utrecht}`)).status, 404);
    assert.equal((await jars.admin.fetch(`${server.url}${links.utrecht}`)).status, 404);
    assert.equal((await jars.handler2.fetch(`${server.url}${links.utrecht}`)).status, 200);
    // Writing to it is refused the same way.
    const own = await getForm(jars.handler, `${server.url}${links.elsewhere}`);
    const post = await postForm(jars.handler, `${server.url}${links.utrecht}/stap`, { csrf: own.csrf, case_version: '0', step: 'first_analysis' });
    assert.equal(post.status, 404);
    const still = await (await jars.handler2.fetch(`${server.url}${links.utrecht}`)).text();
    assert.match(still, /data-status="received"/);
    assert.match(still, /data-step="received"/);
  });

  test('every role gets exactly the pages it may open', async () => {
    const expected = {
      '/medewerkers/meldingen': { admin: 200, coordinator: 200, handler: 200, intake: 200, viewer: 403, system: 403 },
      '/medewerkers/cijfers': { admin: 200, coordinator: 200, handler: 200, intake: 200, viewer: 200, system: 403 },
      '/medewerkers/bureaus': { admin: 403, coordinator: 403, handler: 403, intake: 403, viewer: 403, system: 200 },
    };
    for (const [path, byRole] of Object.entries(expected)) {
      for (const [role, status] of Object.entries(byRole)) {
        const res = await jars[role].fetch(`${server.url}${path}`, { redirect: 'manual' });
        assert.equal(res.status, status, `${role} on ${path}`);
      }
    }
    for (const role of ['viewer', 'system']) {
      const res = await jars[role].fetch(`${server.url}${links.elsewhere}`, { redirect: 'manual' });
      assert.equal(res.status, 403, `${role} never opens a case`);
    }
  });

  test('after login each role lands on a page it may open', async () => {
    for (const [role, path] of [['handler', '/medewerkers/meldingen'], ['viewer', '/medewerkers/cijfers'], ['system', '/medewerkers/bureaus']]) {
      const res = await jars[role].fetch(`${server.url}/medewerkers/login`, { redirect: 'manual' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), path, role);
    }
  });

  test('a municipality viewer sees the figures of their own municipality only, suppressed', async () => {
    const html = await (await jars.viewer.fetch(`${server.url}/medewerkers/cijfers`)).text();
    const rows = (tableRows(html, 'counts') ?? []).filter((r) => r.attrs['data-code']);
    assert.deepEqual(rows.map((r) => r.attrs['data-code']), ['GM0344']);
    // One report about Utrecht and one by a resident: as their municipal report shows them.
    const cell = (col) => rows[0].cells.find((c) => c.attrs['data-col'] === col).text.trim();
    assert.equal(cell('incident'), '< 5');
    assert.equal(cell('residence'), '< 5');
    assert.ok(html.includes('id="suppression-note"'));
  });

  test("staff see the figures of their own bureau's working area only", async () => {
    // The first bureau: Amsterdam and Lelystad (in no area: the catch-all), not Utrecht's area.
    // Amsterdam's resident reported an incident in Utrecht, which the second bureau holds.
    const first = await counts(server.url, jars.coordinator);
    assert.deepEqual([...first.keys()].sort(), ['GM0363', 'GM0995']);
    assert.deepEqual(first.get('GM0363'), { incident: 2, residence: 1 });
    // The second bureau: Utrecht and Nieuwegein, each with every report about it or by its
    // residents (the Amsterdam incident reported by a resident of Nieuwegein counts there); the
    // online row: the second bureau's own reports only.
    const second = await counts(server.url, jars.admin2);
    assert.deepEqual([...second.keys()].sort(), ['GM0344', 'GM0356', 'none']);
    assert.deepEqual(second.get('GM0344'), { incident: 1, residence: 1 });
    assert.deepEqual(second.get('GM0356'), { incident: 0, residence: 1 });
    assert.deepEqual(second.get('none'), { incident: 1, residence: 0 });
  });

  test('an intake worker reads but does not handle; a handler does', async () => {
    const seen = await getForm(jars.intake, `${server.url}${links.elsewhere}`);
    assert.equal(seen.status, 200);
    const refused = await postForm(jars.intake, `${server.url}${links.elsewhere}/stap`, { csrf: seen.csrf, case_version: '0', step: 'first_analysis' });
    assert.equal(refused.status, 403);
    const own = await getForm(jars.handler, `${server.url}${links.elsewhere}`);
    const done = await postForm(jars.handler, `${server.url}${links.elsewhere}/stap`, { csrf: own.csrf, case_version: '0', step: 'first_analysis' });
    assert.equal(done.status, 303);
  });

  test('only a bureau admin hands a case over, and then it belongs to the other bureau', async () => {
    const page = await getForm(jars.handler, `${server.url}${links.elsewhere}`);
    assert.ok(!page.html.includes('/overdragen'), 'a handler is not offered the hand-over');
    const refused = await postForm(jars.handler, `${server.url}${links.elsewhere}/overdragen`, { csrf: page.csrf, bureau: '2' });
    assert.equal(refused.status, 403);
    const adminPage = await getForm(jars.admin, `${server.url}${links.elsewhere}`);
    assert.match(adminPage.html, /action="[^"]*\/overdragen"/);
    assert.match(adminPage.html, /<option value="2">ADV Utrecht<\/option>/);
    const bad = await postForm(jars.admin, `${server.url}${links.elsewhere}/overdragen`, { csrf: adminPage.csrf, bureau: '99' });
    assert.equal(bad.status, 400);
    const moved = await postForm(jars.admin, `${server.url}${links.elsewhere}/overdragen`, { csrf: adminPage.csrf, bureau: '2' });
    assert.equal(moved.status, 303);
    assert.equal((await jars.handler.fetch(`${server.url}${links.elsewhere}`)).status, 404);
    assert.equal((await jars.handler2.fetch(`${server.url}${links.elsewhere}`)).status, 200);
    // The second bureau's admin cannot move a case of the first bureau.
    const second = await getForm(jars.admin2, `${server.url}${links.utrecht}`);
    const back = await postForm(jars.admin2, `${server.url}${links.elsewhere}/overdragen`, { csrf: second.csrf, bureau: '1' });
    assert.equal(back.status, 303, 'it is theirs now');
  });

  test('the system admin manages bureaus and areas with checked input', async () => {
    const page = await getForm(jars.system, `${server.url}/medewerkers/bureaus`);
    assert.match(page.html, /ADV Utrecht/);
    assert.match(page.html, /Utrecht \(GM0344\)/);
    const empty = await postForm(jars.system, `${server.url}/medewerkers/bureaus`, { csrf: page.csrf, name: '' });
    assert.equal(empty.status, 422);
    const dup = await postForm(jars.system, `${server.url}/medewerkers/bureaus`, { csrf: page.csrf, name: 'ADV Utrecht' });
    assert.equal(dup.status, 422);
    assert.match(dup.html, /Er is al een bureau met deze naam\./);
    const added = await postForm(jars.system, `${server.url}/medewerkers/bureaus`, { csrf: page.csrf, name: 'ADV Flevoland' });
    assert.equal(added.status, 303);
    const wrong = await postForm(jars.system, `${server.url}/medewerkers/bureaus/gebied`, { csrf: page.csrf, bureau: '3', codes: 'GM0995, GM9999' });
    assert.equal(wrong.status, 422);
    assert.match(wrong.html, /value="GM0995, GM9999"/, 'what was typed stays');
    const area = await postForm(jars.system, `${server.url}/medewerkers/bureaus/gebied`, { csrf: page.csrf, bureau: '3', codes: 'GM0995' });
    assert.equal(area.status, 303);
    const ref = await submitValid(server.url, complaint({ incident_municipality: 'GM0995', residence_municipality: 'GM0344' }));
    const rows = (await reportRows(server.url, jars.handler2)).rows.map((r) => r.text).join('\n');
    assert.ok(!rows.includes(ref), 'Lelystad is now Flevoland\'s');
    const forbidden = await postForm(jars.admin, `${server.url}/medewerkers/bureaus`, { csrf: page.csrf, name: 'Niet toegestaan' });
    assert.equal(forbidden.status, 403);
  });

  test('the command line refuses users it cannot place', async () => {
    const noTown = await server.run(['user', 'add', '--email', 'x@gemeente.example', '--role', 'municipality_viewer'], `${PASSWORD}\n`);
    assert.equal(noTown.code, 2);
    assert.match(noTown.stderr, /--municipality/);
    const oldRole = await server.run(['user', 'add', '--email', 'y@meldpunt.example', '--role', 'admin'], `${PASSWORD}\n`);
    assert.equal(oldRole.code, 2);
    const noBureau = await server.run(['user', 'add', '--email', 'z@meldpunt.example', '--role', 'handler', '--bureau', '42'], `${PASSWORD}\n`);
    assert.equal(noBureau.code, 2);
    assert.match(noBureau.stderr, /no bureau 42/);
    await addStaff(server, 'later@meldpunt.example', PASSWORD, 'handler');
  });
});
