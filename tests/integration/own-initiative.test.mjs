// Own initiative (eigen initiatief, issue 14): an anonymous report about an individual incident
// gets no letter to the other party and no mediation. When staff mark the case as the bureau's own
// initiative about a general rule (a gym chain forbids headscarves in every branch), the bureau may
// write its own letter without the reporter's consent, and the letters page says why; mediation
// stays refused. Marking and ending are in the history and the audit log. Runs on SQLite and,
// through MELDPUNT_TEST_DATABASE, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, inputs } from './html.mjs';
import { staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-35';

function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}

function dutchDay(days = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the bureau\'s own letter on an anonymous report about a general rule', () => {
  let server;
  let jar;
  let id;
  let caseUrl;

  async function casePost(path, fields) {
    const page = await getForm(jar, caseUrl);
    return postForm(jar, `${caseUrl}/${path}`, { csrf: page.csrf, case_version: hidden(page.html, 'case_version'), ...fields });
  }

  async function letter(action) {
    const page = await getForm(jar, `${caseUrl}/brief`);
    return postForm(jar, `${caseUrl}/brief`, {
      csrf: page.csrf,
      case_version: hidden(page.html, 'case_version'),
      other_party_name: 'Sportschool Krachtpunt B.V.',
      other_party_address: 'Stationsplein 3\n1012 AB Amsterdam',
      summary: 'Het bureau heeft vernomen dat in al uw vestigingen bezoekers met een hoofddoek worden geweigerd.',
      lang: 'nl',
      reply_by: dutchDay(20),
      signed_by: 'Anna de Vries',
      action,
    });
  }

  before(async () => {
    server = await startServer();
    const r = await server.run(['user', 'add', '--email', 'behandelaar@adv.example', '--role', 'handler'], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
    jar = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
    // Anonymous, about what happened to the reporter (scope incident), asking for advice.
    const reference = await submitValid(server.url, validReport({ wishes: ['advice'],
      description: 'Bij de sportschool mocht ik niet binnen met mijn hoofddoek. Dat geldt in alle vestigingen.' }));
    const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
    id = list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1];
    caseUrl = `${server.url}/medewerkers/meldingen/${id}`;
  });
  after(() => server?.stop());

  test('anonymous and about an incident: the letter and mediation are refused, with the reason', async () => {
    const page = await (await jar.fetch(`${caseUrl}/brief`)).text();
    assert.match(byId(page, 'letter-refusal').text, /anoniem/i);
    assert.equal(byId(page, 'own-initiative-reason'), undefined);
    const preview = await letter('preview');
    assert.equal(preview.status, 422);
    assert.equal(await auditCount(server, 'letter.print'), 0, 'no draft was printed');
  });

  test('marking needs a reason and an explanation; then it is on the page, in the history and the audit log', async () => {
    const noReason = await casePost('eigen-initiatief', { reason: '', text: 'Algemene regel.' });
    assert.equal(noReason.status, 422);
    assert.match(byId(noReason.html, 'own-initiative-error').text, /Kies waarom/);
    const noText = await casePost('eigen-initiatief', { reason: 'general_rule', text: ' ' });
    assert.equal(noText.status, 422);
    assert.match(byId(noText.html, 'own-initiative-error').text, /Schrijf waarom/);
    const notMarked = await casePost('eigen-initiatief', { reason: 'ended' });
    assert.equal(notMarked.status, 422);

    const marked = await casePost('eigen-initiatief', { reason: 'general_rule', text: 'De regel geldt in alle vestigingen van de keten.' });
    assert.equal(marked.status, 303, marked.html?.slice(0, 1000));
    assert.match(marked.location, /gedaan=eigen-initiatief/);
    const page = await (await jar.fetch(`${server.url}${marked.location}`)).text();
    assert.match(byId(page, 'case-done').text, /eigen initiatief/);
    assert.match(byId(page, 'own-initiative-state').text, /algemene regel/);
    assert.match(page, /Eigen initiatief: Over een algemene regel[\s\S]*De regel geldt in alle vestigingen/);
    assert.deepEqual(await sql(server, `SELECT code FROM case_events WHERE report_id = ${id} AND kind = 'own_initiative'`), ['general_rule']);
    assert.equal(await auditCount(server, 'case.own_initiative', '%: general_rule'), 1);
  });

  test('marked: the bureau\'s own letter is allowed without consent, the page says why; mediation is not', async () => {
    const page = await (await jar.fetch(`${caseUrl}/brief`)).text();
    assert.equal(byId(page, 'letter-refusal'), undefined, 'no refusal');
    assert.match(byId(page, 'own-initiative-reason').text, /Deze brief mag zonder toestemming omdat .*algemene regel/);
    assert.deepEqual(await sql(server, `SELECT consent_recorded FROM reports WHERE id = ${id}`), ['0'], 'no consent was recorded');
    const preview = await letter('preview');
    assert.equal(preview.status, 200, preview.html?.slice(0, 1000));
    assert.equal(preview.res.headers.get('content-type'), 'application/pdf');
    const sent = await letter('send');
    assert.equal(sent.status, 303, sent.html?.slice(0, 1000));
    assert.equal(await auditCount(server, 'letter.send'), 1);
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM case_events WHERE report_id = ${id} AND kind = 'letter_sent'`), ['1']);

    // The case page's action form follows the same rule: the letter is offered, mediation is not.
    const casePage = await (await jar.fetch(caseUrl)).text();
    assert.ok(inputs(casePage, 'action').some((i) => i.value === 'letter_to_other_party'), 'letter offered');
    assert.ok(!inputs(casePage, 'action').some((i) => i.value === 'mediation_session'), 'mediation not offered');
    const mediation = await casePost('actie', { action: 'mediation_session', text: 'Gesprek.' });
    assert.equal(mediation.status, 422, 'mediation stays refused on an anonymous individual report');
  });

  test('ended: the letter is refused again', async () => {
    const ended = await casePost('eigen-initiatief', { reason: 'ended' });
    assert.equal(ended.status, 303);
    assert.equal(await auditCount(server, 'case.own_initiative', '%: ended'), 1);
    const page = await (await jar.fetch(`${caseUrl}/brief`)).text();
    assert.ok(byId(page, 'letter-refusal'));
    const casePage = await (await jar.fetch(caseUrl)).text();
    assert.ok(!inputs(casePage, 'action').some((i) => i.value === 'letter_to_other_party'), 'letter no longer offered');
    assert.equal((await letter('preview')).status, 422);
  });
});
