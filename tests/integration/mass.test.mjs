// Mass reports (massameldingen): a coordinator adds an event, links the reports it brought in by
// a filter (after seeing how many match) or by references, answers all of them at once and closes
// the open ones at once, skipping a case a colleague changed in the meantime; the figures come
// with and without them. Only the own bureau's reports, and only coordinators and bureau admins;
// another bureau sees the event but not these reports (tests/integration/mass-bureaus.test.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, elements, selectOptions, tableRows, tags, textareaValue } from './html.mjs';
import { isoDay, reportingYear, staffLogin, submitValid, validReport } from './flows.mjs';
import { bureauMessages, followUp, hidden, linkedRows, reportWithReceipt } from './mass-flows.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-88';
const USERS = {
  coordinator: ['coord@meldpunt.example', 'coordinator', []],
  handler: ['behandelaar@meldpunt.example', 'handler', []],
  coordinator2: ['coord2@meldpunt.example', 'coordinator', ['--bureau', '2']],
};
// What the event brought in: statements in the media, not in one municipality.
const MASS = {
  nature: 'public_statement',
  domain: 'media',
  grounds: ['religion', 'religion.anti_muslim'],
  incident_municipality: 'none',
  residence_municipality: 'GM0599',
  // Asking for advice makes each a complaint with an open case (registration only closes at once).
  wishes: ['advice'],
  description: 'De uitspraak in de talkshow van gisteravond was kwetsend voor moslims.',
};
const LINKED = 30;
const MESSAGE = 'Dank voor uw melding over de uitspraak in de talkshow. Wij hebben een brief gestuurd.';

/** The figures page: the total of the incident column and the mass-report line. */
async function figures(server, jar, mass = '') {
  const res = await jar.fetch(`${server.url}/medewerkers/cijfers?jaar=${reportingYear()}${mass}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const total = (tableRows(html, 'counts') ?? [])
    .filter((r) => r.attrs['data-code'])
    .reduce((n, r) => n + Number(r.cells.find((c) => c.attrs['data-col'] === 'incident').text), 0);
  return { html, total };
}

describe('mass reports', () => {
  let server;
  const jars = {};
  const refs = { mass: [], other: [], elsewhere: [] };
  const receipts = [];
  let eventPath;

  before(async () => {
    server = await startServer();
    const added = await server.run(['bureau', 'add', '--name', 'ADV Utrecht']);
    assert.equal(added.code, 0, added.stderr);
    assert.equal((await server.run(['bureau', 'area', '--bureau', '2', 'GM0344'])).code, 0);
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    // The burst: 30 reports about the event (two of them kept with their receipt codes), three
    // other reports of the same bureau, and two about the event for the other bureau.
    for (let i = 0; i < 2; i++) {
      const r = await reportWithReceipt(server, MASS);
      receipts.push(r);
      refs.mass.push(r.reference);
    }
    for (let i = 2; i < LINKED; i += 4) {
      const batch = Array.from({ length: Math.min(4, LINKED - i) }, () => submitValid(server.url, validReport(MASS)));
      refs.mass.push(...(await Promise.all(batch)));
    }
    for (let i = 0; i < 3; i++) refs.other.push(await submitValid(server.url, validReport({ ...MASS, nature: 'hostile_treatment' })));
    for (let i = 0; i < 2; i++) refs.elsewhere.push(await submitValid(server.url, validReport({ ...MASS, residence_municipality: 'GM0344' })));
  });
  after(() => server?.stop());

  test('a coordinator adds an event; what was typed comes back with the problem', async () => {
    const page = await getForm(jars.coordinator, `${server.url}/medewerkers/massameldingen`);
    assert.equal(page.status, 200);
    assert.ok(byId(page.html, 'no-events'));
    assert.match(page.html, /href="\/medewerkers\/massameldingen" aria-current="page"/, 'the staff menu leads here');
    const missing = await postForm(jars.coordinator, `${server.url}/medewerkers/massameldingen`, {
      csrf: page.csrf, name: '', started_on: isoDay(-1), description: 'Talkshow op NPO 1',
    });
    assert.equal(missing.status, 422);
    assert.ok(byId(missing.html, 'name-error'));
    assert.equal(textareaValue(missing.html, 'description'), 'Talkshow op NPO 1');
    const added = await postForm(jars.coordinator, `${server.url}/medewerkers/massameldingen`, {
      csrf: page.csrf, name: 'Uitspraak politicus in talkshow', started_on: isoDay(-1), description: 'Talkshow op NPO 1',
    });
    assert.equal(added.status, 303, added.html.slice(0, 500));
    assert.match(added.location, /^\/medewerkers\/massameldingen\/\d+\?aangemaakt=1$/);
    eventPath = added.location.split('?')[0];
    const twice = await postForm(jars.coordinator, `${server.url}/medewerkers/massameldingen`, {
      csrf: page.csrf, name: 'Uitspraak politicus in talkshow', started_on: isoDay(-1),
    });
    assert.equal(twice.status, 422, 'one name in the installation');
    const list = await (await jars.coordinator.fetch(`${server.url}/medewerkers/massameldingen`)).text();
    const [row] = (tableRows(list, 'mass-events') ?? []).filter((r) => r.attrs['data-id']);
    assert.match(row.text, /Uitspraak politicus in talkshow/);
  });

  test('reports are linked by a filter, after seeing how many match', async () => {
    const page = await getForm(jars.coordinator, `${server.url}${eventPath}`);
    assert.equal(page.status, 200);
    assert.ok(byId(page.html, 'no-linked'));
    const filter = { from: isoDay(-1), until: isoDay(1), nature: 'public_statement', domain: 'media', ground: 'religion.anti_muslim' };
    const bad = await postForm(jars.coordinator, `${server.url}${eventPath}/koppelen`, {
      csrf: page.csrf, how: 'filter', step: 'count', ...filter, from: isoDay(2),
    });
    assert.equal(bad.status, 422, 'the last day before the first');
    assert.ok(byId(bad.html, 'dates-error'));
    const counted = await postForm(jars.coordinator, `${server.url}${eventPath}/koppelen`, {
      csrf: page.csrf, how: 'filter', step: 'count', ...filter,
    });
    assert.equal(counted.status, 200);
    assert.equal(byId(counted.html, 'match-count').text, String(LINKED), 'only this bureau, only the event');
    assert.equal(linkedRows(counted.html).length, 0, 'counting links nothing');
    assert.equal(selectOptions(counted.html, 'nature').find((o) => o.selected)?.value, 'public_statement', 'the filter is kept');
    const [confirm] = elements(counted.html, 'form', (a) => a.id === 'confirm-link');
    assert.equal(hidden(confirm.html, 'step'), 'link');
    const fields = Object.fromEntries(tags(confirm.html, 'input').map((t) => [t.attrs.name, t.attrs.value]));
    const linked = await postForm(jars.coordinator, `${server.url}${eventPath}/koppelen`, fields);
    assert.equal(linked.status, 200);
    assert.equal(byId(linked.html, 'linked-now').text, String(LINKED));
    const rows = linkedRows(linked.html);
    assert.deepEqual(rows.map((r) => r.reference).sort(), [...refs.mass].sort());
    assert.ok(rows.every((r) => r.step === 'received'));
    assert.equal(byId(linked.html, 'count-open').text, String(LINKED));
    const again = await postForm(jars.coordinator, `${server.url}${eventPath}/koppelen`, {
      csrf: page.csrf, how: 'filter', step: 'count', ...filter,
    });
    assert.equal(byId(again.html, 'match-count').text, '0', 'linked reports do not match again');
  });

  test("references: nothing of another bureau is linked, and typos are shown, not guessed", async () => {
    const page = await getForm(jars.coordinator, `${server.url}${eventPath}`);
    const typo = await postForm(jars.coordinator, `${server.url}${eventPath}/koppelen`, {
      csrf: page.csrf, how: 'references', references: `${refs.other[0]}\nMP-2026-12x`,
    });
    assert.equal(typo.status, 422);
    assert.match(byId(typo.html, 'references-error').text, /MP-2026-12x/);
    assert.equal(textareaValue(typo.html, 'references'), `${refs.other[0]}\nMP-2026-12x`);
    assert.equal(linkedRows(typo.html).length, LINKED, 'nothing linked');
    const res = await postForm(jars.coordinator, `${server.url}${eventPath}/koppelen`, {
      csrf: page.csrf, how: 'references', references: [refs.elsewhere[0], refs.mass[3], 'mp' + refs.other[0].slice(2)].join(', '),
    });
    assert.equal(res.status, 200);
    assert.equal(byId(res.html, 'linked-now').text, '1', 'the other report of the own bureau');
    assert.equal(byId(res.html, 'not-found').text, refs.elsewhere[0]);
    assert.equal(byId(res.html, 'already-linked').text, refs.mass[3]);
    assert.equal(linkedRows(res.html).length, LINKED + 1);
    // Unlinked again, so the event holds exactly the reports it brought in.
    const [row] = linkedRows(res.html).filter((r) => r.reference === refs.other[0]);
    const unlinked = await postForm(jars.coordinator, `${server.url}${eventPath}/ontkoppelen`, { csrf: page.csrf, report: row.id });
    assert.equal(unlinked.status, 303);
    assert.match(unlinked.location, /\?ontkoppeld=1$/);
    const after = await (await jars.coordinator.fetch(`${server.url}${unlinked.location}`)).text();
    assert.equal(byId(after, 'unlinked-count').text, '1');
    assert.equal(linkedRows(after).length, LINKED);
    // The other bureau sees the event, but none of this bureau's reports, and cannot link them:
    // they are "not found", like references that do not exist.
    const other = await getForm(jars.coordinator2, `${server.url}/medewerkers/massameldingen`);
    const [listed] = (tableRows(other.html, 'mass-events') ?? []).filter((r) => r.attrs['data-id']);
    assert.match(listed.text, /Uitspraak politicus in talkshow/);
    const cell = (col) => listed.cells.find((c) => c.attrs['data-col'] === col).text.trim();
    assert.equal(cell('bureau'), 'Meldpunt', 'the bureau that made it');
    assert.equal(cell('linked'), '0');
    assert.equal(cell('elsewhere'), String(LINKED));
    const seen = await getForm(jars.coordinator2, `${server.url}${eventPath}`);
    assert.equal(seen.status, 200);
    assert.equal(linkedRows(seen.html).length, 0);
    assert.ok(byId(seen.html, 'no-linked'));
    assert.equal(byId(seen.html, 'count-elsewhere').text, String(LINKED));
    assert.ok(!refs.mass.some((ref) => seen.html.includes(ref)), 'no reference of another bureau on the page');
    const into = await postForm(jars.coordinator2, `${server.url}${eventPath}/koppelen`, {
      csrf: seen.csrf, how: 'references', references: refs.other[1],
    });
    assert.equal(into.status, 200);
    assert.equal(byId(into.html, 'linked-now').text, '0');
    assert.equal(byId(into.html, 'not-found').text, refs.other[1]);
  });

  test('a handler reads the event but may not add, link, answer or close', async () => {
    const page = await getForm(jars.handler, `${server.url}${eventPath}`);
    assert.equal(page.status, 200);
    assert.equal(linkedRows(page.html).length, LINKED);
    assert.ok(!page.html.includes('/koppelen') && !page.html.includes('/afsluiten'), 'no bulk forms offered');
    const tries = [
      ['/medewerkers/massameldingen', { name: 'Andere', started_on: isoDay(0) }],
      [`${eventPath}/koppelen`, { how: 'references', references: refs.other[1] }],
      [`${eventPath}/ontkoppelen`, { report: '1' }],
      [`${eventPath}/bericht`, { message: 'Hallo', submission_key: 'abcdefghijklmnopqrstuv' }],
      [`${eventPath}/afsluiten`, { seen: '1.1', handling: 'registration_only', outcome: 'registration_only' }],
    ];
    for (const [path, fields] of tries) {
      const res = await postForm(jars.handler, `${server.url}${path}`, { csrf: page.csrf, ...fields });
      assert.equal(res.status, 403, path);
    }
    const check = await (await jars.coordinator.fetch(`${server.url}${eventPath}`)).text();
    assert.equal(linkedRows(check).length, LINKED, 'nothing changed');
  });

  test('one answer reaches every linked report, once', async () => {
    const page = await getForm(jars.coordinator, `${server.url}${eventPath}`);
    const key = hidden(page.html, 'submission_key');
    const empty = await postForm(jars.coordinator, `${server.url}${eventPath}/bericht`, { csrf: page.csrf, submission_key: key, message: '  ' });
    assert.equal(empty.status, 422);
    assert.ok(byId(empty.html, 'message-error'));
    const sent = await postForm(jars.coordinator, `${server.url}${eventPath}/bericht`, { csrf: page.csrf, submission_key: key, message: MESSAGE });
    assert.equal(sent.status, 303);
    const shown = await (await jars.coordinator.fetch(`${server.url}${sent.location}`)).text();
    assert.equal(byId(shown, 'sent-count').text, String(LINKED));
    // A double click sends nothing twice.
    const twice = await postForm(jars.coordinator, `${server.url}${eventPath}/bericht`, { csrf: page.csrf, submission_key: key, message: MESSAGE });
    assert.equal(twice.status, 303);
    for (const { receipt } of receipts) {
      assert.deepEqual(bureauMessages(await followUp(server, receipt)), [MESSAGE]);
    }
    // Staff see it in each case's thread too.
    const [row] = linkedRows(shown);
    const report = await (await jars.coordinator.fetch(`${server.url}/medewerkers/meldingen/${row.id}`)).text();
    assert.ok(report.includes(MESSAGE.replace(/'/g, '&#39;')) || report.includes(MESSAGE));
  });

  test('the figures come with and without the event, differing by exactly its reports', async () => {
    const withMass = await figures(server, jars.coordinator);
    const without = await figures(server, jars.coordinator, '&massa=zonder');
    assert.equal(withMass.total - without.total, LINKED);
    assert.equal(byId(withMass.html, 'mass-total').text, String(LINKED));
    assert.match(byId(withMass.html, 'mass-line').text, /Uitspraak politicus in talkshow: 30/);
    assert.equal(tags(without.html, 'input').find((t) => t.attrs.id === 'massa-zonder').attrs.checked, '');
    assert.match(without.html, /massa=zonder/, 'the year links keep the choice');
  });

  test('closing in bulk closes the open reports and skips one changed meanwhile', async () => {
    const page = await getForm(jars.coordinator, `${server.url}${eventPath}`);
    const seen = hidden(page.html, 'seen');
    assert.equal(seen.split(' ').length, LINKED);
    const refused = await postForm(jars.coordinator, `${server.url}${eventPath}/afsluiten`, {
      csrf: page.csrf, seen, handling: 'registration_only', outcome: 'referred',
    });
    assert.equal(refused.status, 422);
    assert.match(byId(refused.html, 'close-error').text, /referral|doorverwijzing/i);
    assert.ok(tags(refused.html, 'input').find((t) => t.attrs.value === 'registration_only' && t.attrs.name === 'handling').attrs.checked !== undefined);
    // A colleague changes one case after the form was loaded: classifies it again.
    const changed = linkedRows(page.html).find((r) => r.reference === refs.mass[5]);
    const classify = `${server.url}/medewerkers/meldingen/${changed.id}/classificatie`;
    const classifyForm = await getForm(jars.handler, classify);
    assert.equal(classifyForm.status, 200);
    const reclassified = await postForm(jars.handler, classify, {
      csrf: classifyForm.csrf, case_version: hidden(classifyForm.html, 'case_version'),
      nature: 'public_statement', domain: 'media', grounds: ['religion'],
    });
    assert.equal(reclassified.status, 303, reclassified.html.slice(0, 500));
    const closed = await postForm(jars.coordinator, `${server.url}${eventPath}/afsluiten`, {
      csrf: page.csrf, seen, handling: 'registration_only', outcome: 'registration_only',
    });
    assert.equal(closed.status, 303);
    const result = await (await jars.coordinator.fetch(`${server.url}${closed.location}`)).text();
    assert.equal(byId(result, 'closed-count').text, String(LINKED - 1));
    assert.equal(byId(result, 'skipped-count').text, '1');
    const rows = linkedRows(result);
    assert.equal(rows.find((r) => r.id === changed.id).step, 'received', 'not overwritten');
    assert.equal(rows.filter((r) => r.step === 'closed').length, LINKED - 1);
    assert.equal(byId(result, 'count-open').text, '1');
    // The reporter sees the report closed.
    const followed = await followUp(server, receipts[0].receipt);
    assert.match(followed, /data-status="closed"/);
    // Posting the same form again closes nothing more.
    const again = await postForm(jars.coordinator, `${server.url}${eventPath}/afsluiten`, {
      csrf: page.csrf, seen, handling: 'registration_only', outcome: 'registration_only',
    });
    assert.match(again.location, /gesloten=0&overgeslagen=30$/);
  });
});
