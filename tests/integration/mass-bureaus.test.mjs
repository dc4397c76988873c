// Mass reports across bureaus (issue 12): a burst about one TV statement reaches two bureaus,
// because reports without a place of incident are routed by the reporter's residence. Bureau 1
// makes the event; bureau 2's coordinator sees it and links, answers and closes bureau 2's own
// reports on it, and neither bureau lists, links, unlinks, answers or closes the other's. The
// municipal report "without mass reports" of bureau 2's municipality then leaves those reports
// out, and the count of mass reports among those counted includes them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, tableRows } from './html.mjs';
import { sql } from './database.mjs';
import { isoDay, reportingYear, staffLogin, submitValid, validReport, addBureau } from './flows.mjs';
import { bureauMessages, followUp, hidden, linkedRows, reportWithReceipt } from './mass-flows.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-77';
const UTRECHT = 'GM0344'; // bureau 2's working area
const ROTTERDAM = 'GM0599'; // the first bureau's (every municipality outside an area)
const USERS = {
  coordinator1: ['coord1@meldpunt.example', 'coordinator', []],
  coordinator2: ['coord2@meldpunt.example', 'coordinator', ['--bureau', '2']],
};
// The TV statement: no place of incident, so each report goes to the bureau of the residence.
const MASS = {
  nature: 'public_statement',
  domain: 'media',
  grounds: ['religion', 'religion.anti_muslim'],
  incident_municipality: 'none',
  wishes: ['advice'], // complaints, so the cases stay open until closed
  description: 'De uitspraak in de talkshow van gisteravond was kwetsend voor moslims.',
};
const EVENT = 'Uitspraak in talkshow, beide bureaus';
const ANSWER_1 = 'Bureau 1: dank voor uw melding over de talkshow.';
const ANSWER_2 = 'Bureau 2: dank voor uw melding over de talkshow.';

describe('mass reports across bureaus', () => {
  let server;
  const jars = {};
  const users = {};
  const rotterdam = []; // bureau 1's burst reports: { reference, receipt }
  const utrecht = []; // bureau 2's
  let eventPath;
  let eventId;

  before(async () => {
    // Each reporter reads the answers with a receipt code: more than one client's usual burst.
    server = await startServer({ env: { MELDPUNT_FOLLOWUP_BURST: '0' } });
    assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
      users[name] = (await sql(server, `SELECT id FROM staff_users WHERE email = '${email}'`))[0];
    }
    for (let i = 0; i < 3; i++) rotterdam.push(await reportWithReceipt(server, { ...MASS, residence_municipality: ROTTERDAM }));
    for (let i = 0; i < 2; i++) utrecht.push(await reportWithReceipt(server, { ...MASS, residence_municipality: UTRECHT }));
    // One other report by a resident of Utrecht, not about the statement.
    await submitValid(server.url, validReport({ incident_municipality: UTRECHT, residence_municipality: UTRECHT }));
    const held = await sql(server, `SELECT bureau_id || ' ' || COUNT(*) FROM reports WHERE nature = 'public_statement' GROUP BY bureau_id ORDER BY bureau_id`);
    assert.deepEqual(held, ['1 3', '2 2'], 'the burst was routed to both bureaus');
  });
  after(() => server?.stop());

  /** Utrecht's municipal report as bureau 2's coordinator reads it: the residents' total and the mass line. */
  async function utrechtResidents(mass = '') {
    const res = await jars.coordinator2.fetch(`${server.url}/medewerkers/cijfers/gemeente?gemeente=${UTRECHT}&jaar=${reportingYear()}${mass}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const total = (tableRows(html, 't-residents-summary') ?? []).find((r) => r.attrs['data-code'] === 'total');
    assert.ok(total, 'the residents table has a total row');
    const current = total.cells.find((c) => c.attrs['data-col'] === 'current').text.trim();
    return { current, massLine: byId(html, 'mass-count')?.text ?? '' };
  }

  test('bureau 1 makes the event; bureau 2 sees it, and cannot make a second one of that name', async () => {
    const page = await getForm(jars.coordinator1, `${server.url}/medewerkers/massameldingen`);
    const added = await postForm(jars.coordinator1, `${server.url}/medewerkers/massameldingen`, {
      csrf: page.csrf, name: EVENT, started_on: isoDay(-1), description: 'Talkshow op NPO 1',
    });
    assert.equal(added.status, 303, added.html.slice(0, 500));
    eventPath = added.location.split('?')[0];
    eventId = eventPath.split('/').pop();

    const list = await getForm(jars.coordinator2, `${server.url}/medewerkers/massameldingen`);
    assert.equal(list.status, 200);
    const [row] = (tableRows(list.html, 'mass-events') ?? []).filter((r) => r.attrs['data-id']);
    assert.ok(row, 'bureau 2 lists bureau 1\'s event');
    assert.equal(row.attrs['data-id'], eventId);
    assert.match(row.text, new RegExp(EVENT));
    assert.equal(row.cells.find((c) => c.attrs['data-col'] === 'bureau').text.trim(), 'Meldpunt');
    const twice = await postForm(jars.coordinator2, `${server.url}/medewerkers/massameldingen`, {
      csrf: list.csrf, name: EVENT, started_on: isoDay(-1),
    });
    assert.equal(twice.status, 422, 'one burst, one event');
    assert.match(byId(twice.html, 'name-error').text, /ander bureau|another bureau/);

    const event = await getForm(jars.coordinator2, `${server.url}${eventPath}`);
    assert.equal(event.status, 200);
    assert.equal(byId(event.html, 'event-bureau').text, 'Meldpunt');
    assert.ok(!event.html.includes('coord1@meldpunt.example'), 'the maker is named within bureau 1 only');
    assert.ok(byId(event.html, 'no-linked'));
    assert.ok(hidden(event.html, 'submission_key'), 'bureau 2 gets the bulk forms');
  });

  test('each bureau links its own reports, and another bureau\'s references are not found', async () => {
    // Bureau 1 counts and links by filter: only its own three match.
    const page = await getForm(jars.coordinator1, `${server.url}${eventPath}`);
    const filter = { from: isoDay(-1), until: isoDay(1), nature: 'public_statement', domain: '', ground: '' };
    const counted = await postForm(jars.coordinator1, `${server.url}${eventPath}/koppelen`, { csrf: page.csrf, how: 'filter', step: 'count', ...filter });
    assert.equal(byId(counted.html, 'match-count').text, '3');
    const linked1 = await postForm(jars.coordinator1, `${server.url}${eventPath}/koppelen`, { csrf: page.csrf, how: 'filter', step: 'link', ...filter });
    assert.equal(byId(linked1.html, 'linked-now').text, '3');

    // Bureau 1 cannot link bureau 2's report: not found, like a reference that does not exist.
    const refused = await postForm(jars.coordinator1, `${server.url}${eventPath}/koppelen`, {
      csrf: page.csrf, how: 'references', references: utrecht[0].reference,
    });
    assert.equal(refused.status, 200);
    assert.equal(byId(refused.html, 'linked-now').text, '0');
    assert.equal(byId(refused.html, 'not-found').text, utrecht[0].reference);

    // Bureau 2 links one of its reports by reference (with one of bureau 1's, refused), the
    // other by filter.
    const page2 = await getForm(jars.coordinator2, `${server.url}${eventPath}`);
    const mixed = await postForm(jars.coordinator2, `${server.url}${eventPath}/koppelen`, {
      csrf: page2.csrf, how: 'references', references: `${utrecht[0].reference}\n${rotterdam[0].reference}`,
    });
    assert.equal(mixed.status, 200);
    assert.equal(byId(mixed.html, 'linked-now').text, '1');
    assert.equal(byId(mixed.html, 'not-found').text, rotterdam[0].reference);
    assert.ok(!byId(mixed.html, 'already-linked'), 'bureau 1\'s link is not revealed');
    const counted2 = await postForm(jars.coordinator2, `${server.url}${eventPath}/koppelen`, { csrf: page2.csrf, how: 'filter', step: 'count', ...filter });
    assert.equal(byId(counted2.html, 'match-count').text, '1', 'only bureau 2\'s unlinked report');
    const linked2 = await postForm(jars.coordinator2, `${server.url}${eventPath}/koppelen`, { csrf: page2.csrf, how: 'filter', step: 'link', ...filter });
    assert.equal(byId(linked2.html, 'linked-now').text, '1');

    // Each page lists its own bureau's reports and counts the other's.
    const rows2 = linkedRows(linked2.html);
    assert.deepEqual(rows2.map((r) => r.reference).sort(), utrecht.map((r) => r.reference).sort());
    assert.equal(byId(linked2.html, 'count-linked').text, '2');
    assert.equal(byId(linked2.html, 'count-elsewhere').text, '3');
    assert.ok(!rotterdam.some((r) => linked2.html.includes(r.reference)), 'no reference of bureau 1 on bureau 2\'s page');
    const view1 = await (await jars.coordinator1.fetch(`${server.url}${eventPath}`)).text();
    assert.deepEqual(linkedRows(view1).map((r) => r.reference).sort(), rotterdam.map((r) => r.reference).sort());
    assert.equal(byId(view1, 'count-elsewhere').text, '2');
    assert.ok(!utrecht.some((r) => view1.includes(r.reference)));
    assert.equal((await sql(server, `SELECT COUNT(*) FROM reports WHERE mass_event_id = ${eventId}`))[0], '5');

    // Nor can bureau 2 unlink bureau 1's report, or open it.
    const [theirs] = linkedRows(view1);
    const unlink = await postForm(jars.coordinator2, `${server.url}${eventPath}/ontkoppelen`, { csrf: page2.csrf, report: theirs.id });
    assert.equal(unlink.status, 303);
    assert.match(unlink.location, /\?ontkoppeld=0$/);
    assert.equal(linkedRows(await (await jars.coordinator1.fetch(`${server.url}${eventPath}`)).text()).length, 3);
    assert.equal((await jars.coordinator2.fetch(`${server.url}/medewerkers/meldingen/${theirs.id}`)).status, 404);
  });

  test('"without mass reports" leaves out the reports bureau 2 linked to bureau 1\'s event', async () => {
    const withMass = await utrechtResidents();
    const without = await utrechtResidents('&massa=zonder');
    assert.equal(withMass.current, '3', 'two burst reports and one other by residents of Utrecht');
    assert.equal(without.current, '1', 'only the report not linked to any event');
    assert.match(withMass.massLine, new RegExp(`${reportingYear()}: 2\\b`), 'the mass reports among those counted are bureau 2\'s two');
    // The dashboard agrees.
    const dashboard = async (mass) => {
      const html = await (await jars.coordinator2.fetch(`${server.url}/medewerkers/cijfers/overzicht?gemeente=${UTRECHT}${mass}`)).text();
      return { total: byId(html, 'dashboard-total')?.text, mass: byId(html, 'mass-count')?.text ?? '' };
    };
    const dashWith = await dashboard('');
    assert.equal(dashWith.total, '3');
    assert.match(dashWith.mass, /2/);
    assert.equal((await dashboard('&massa=zonder')).total, '1');
  });

  test('each bureau answers only its own reporters', async () => {
    const page1 = await getForm(jars.coordinator1, `${server.url}${eventPath}`);
    const sent1 = await postForm(jars.coordinator1, `${server.url}${eventPath}/bericht`, {
      csrf: page1.csrf, submission_key: hidden(page1.html, 'submission_key'), message: ANSWER_1,
    });
    assert.equal(sent1.status, 303);
    assert.match(sent1.location, /verzonden=3&/);
    for (const { receipt } of utrecht) assert.deepEqual(bureauMessages(await followUp(server, receipt)), [], 'bureau 1\'s answer does not reach bureau 2\'s reporters');
    for (const { receipt } of rotterdam) assert.deepEqual(bureauMessages(await followUp(server, receipt)), [ANSWER_1]);

    const page2 = await getForm(jars.coordinator2, `${server.url}${eventPath}`);
    const sent2 = await postForm(jars.coordinator2, `${server.url}${eventPath}/bericht`, {
      csrf: page2.csrf, submission_key: hidden(page2.html, 'submission_key'), message: ANSWER_2,
    });
    assert.equal(sent2.status, 303);
    assert.match(sent2.location, /verzonden=2&/);
    for (const { receipt } of utrecht) assert.deepEqual(bureauMessages(await followUp(server, receipt)), [ANSWER_2]);
    for (const { receipt } of rotterdam) assert.deepEqual(bureauMessages(await followUp(server, receipt)), [ANSWER_1]);
  });

  test('each bureau closes only its own open reports', async () => {
    const page2 = await getForm(jars.coordinator2, `${server.url}${eventPath}`);
    const seen = hidden(page2.html, 'seen');
    assert.equal(seen.split(' ').length, 2, 'the form covers bureau 2\'s two cases');
    // A hand-made form naming bureau 1's case as well closes only bureau 2's.
    const view1 = await (await jars.coordinator1.fetch(`${server.url}${eventPath}`)).text();
    const [theirs] = linkedRows(view1);
    const closed = await postForm(jars.coordinator2, `${server.url}${eventPath}/afsluiten`, {
      csrf: page2.csrf, seen: `${seen} ${theirs.id}.1`, handling: 'advice', outcome: 'resolved',
    });
    assert.equal(closed.status, 303, closed.html?.slice(0, 500));
    assert.match(closed.location, /gesloten=2&overgeslagen=1$/);
    const after2 = await (await jars.coordinator2.fetch(`${server.url}${closed.location}`)).text();
    assert.ok(linkedRows(after2).every((r) => r.step === 'closed'));
    const after1 = await (await jars.coordinator1.fetch(`${server.url}${eventPath}`)).text();
    assert.ok(linkedRows(after1).every((r) => r.step === 'received'), 'bureau 1\'s cases untouched');
  });

  test('the audit log names who linked, answered and closed what', async () => {
    const audit = async (user, action) => sql(server, `SELECT subject FROM audit_log WHERE user_id = ${users[user]} AND action = '${action}' ORDER BY id`);
    assert.deepEqual(await audit('coordinator2', 'mass.link'), [
      `mass event ${eventId}: 1 reports by reference`,
      `mass event ${eventId}: 1 reports by filter`,
    ]);
    assert.deepEqual(await audit('coordinator1', 'mass.link'), [
      `mass event ${eventId}: 3 reports by filter`,
      `mass event ${eventId}: 0 reports by reference`,
    ]);
    assert.deepEqual(await audit('coordinator2', 'mass.unlink'), [`mass event ${eventId}: 0 reports`]);
    assert.deepEqual(await audit('coordinator1', 'mass.message'), [`mass event ${eventId}: 3 reports`]);
    assert.deepEqual(await audit('coordinator2', 'mass.message'), [`mass event ${eventId}: 2 reports`]);
    assert.equal((await audit('coordinator2', 'mass.close')).length, 1);
    assert.match((await audit('coordinator2', 'mass.close'))[0], new RegExp(`^mass event ${eventId}: 2 closed, 1 skipped`));
    assert.ok((await audit('coordinator2', 'mass.read')).length > 0, 'reading the event is on the record');
    assert.deepEqual(await audit('coordinator1', 'mass.add'), [`mass event ${eventId}`]);
    // Each linked report's history names the bureau's own coordinator.
    const linkers = await sql(server, `SELECT r.bureau_id || ' ' || e.staff_user_id FROM case_events e JOIN reports r ON r.id = e.report_id WHERE e.kind = 'linked' AND e.code = 'linked' ORDER BY r.id`);
    assert.deepEqual(linkers.sort(), [...Array(3).fill(`1 ${users.coordinator1}`), ...Array(2).fill(`2 ${users.coordinator2}`)].sort());
  });
});
