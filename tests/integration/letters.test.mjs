// Letters to the other party (hoor en wederhoor): a bureau admin edits the templates and the
// letterhead; a handler makes a letter from a case as a PDF and records it as sent, only when the
// reporter's consent is on record and the report is not an anonymous one about an incident; the
// other party's reply is recorded. Other roles and other bureaus are refused on the server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, elements, inputs, tableRows, textOf } from './html.mjs';
import { reportWithEmail, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';
import { dutchDay, hidden, pdfText, squash } from './letter-pdf.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-15';
const USERS = {
  admin: ['beheer@adv.example', 'bureau_admin', []],
  handler: ['behandelaar@adv.example', 'handler', []],
  intake: ['intake@adv.example', 'intake', []],
  viewer: ['gemeente@amsterdam.example', 'municipality_viewer', ['--municipality', 'GM0363']],
  handler2: ['behandelaar@adv-utrecht.example', 'handler', ['--bureau', '2']],
};
const DUTCH_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];
const OWN_TEXT = 'Wij horen graag uw kant van het verhaal.';

/** "2026-12-01" as a Dutch letter writes it: "1 december 2026". */
function dutchDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${DUTCH_MONTHS[m - 1]} ${y}`;
}

describe('letters to the other party', () => {
  let server;
  const jars = {};
  const cases = {};

  /** The letter page of a case: { status, html, csrf, version }. */
  async function letterPage(jar, id) {
    const page = await getForm(jar, `${server.url}/medewerkers/meldingen/${id}/brief`);
    return { ...page, version: hidden(page.html, 'case_version') };
  }

  /** Moves a case to "approach agreed" and, when asked, records the reporter's consent, through
   * the case page's forms (POST …/stap and …/toestemming). */
  async function prepareCase(id, { consent }) {
    for (const step of ['first_analysis', 'intake', 'approach_agreed']) {
      const page = await letterPage(jars.handler, id);
      const res = await postForm(jars.handler, `${server.url}/medewerkers/meldingen/${id}/stap`,
        { csrf: page.csrf, case_version: page.version, step });
      assert.equal(res.status, 303, `step ${step}: ${res.status} ${res.html.slice(0, 1500)}`);
    }
    if (consent) {
      const page = await letterPage(jars.handler, id);
      const res = await postForm(jars.handler, `${server.url}/medewerkers/meldingen/${id}/toestemming`,
        { csrf: page.csrf, case_version: page.version, consent: 'given', text: 'Telefonisch gegeven op het intakegesprek.' });
      assert.equal(res.status, 303, `consent: ${res.status} ${res.html.slice(0, 1500)}`);
    }
  }

  /** A complete letter form for a case page, with overrides. */
  function letterFields(page, overrides = {}) {
    return {
      csrf: page.csrf,
      case_version: page.version,
      other_party_name: 'Bakkerij Zonnestraal B.V.',
      other_party_address: 'Kerkstraat 12\n1012 AB Amsterdam',
      summary: 'Op de genoemde datum werd een sollicitant afgewezen met de opmerking dat een hoofddoek niet past bij het bedrijf.',
      lang: 'nl',
      reply_by: dutchDay(20),
      signed_by: 'Anna de Vries',
      action: 'send',
      ...overrides,
    };
  }

  /** The id of the case with this reference, from the list of a jar's staff member. */
  async function caseId(jar, reference) {
    const html = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
    const m = html.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`));
    assert.ok(m, `${reference} is in the list`);
    return m[1];
  }

  before(async () => {
    server = await startServer();
    for (const args of [['bureau', 'add', '--name', 'ADV Utrecht'], ['bureau', 'area', '--bureau', '2', 'GM0344']]) {
      const r = await server.run(args);
      assert.equal(r.code, 0, r.stderr);
    }
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    const refs = {
      consented: await submitValid(server.url, reportWithEmail('melder1@example.nl', { wishes: ['letter'] })),
      unconsented: await submitValid(server.url, reportWithEmail('melder2@example.nl', { wishes: ['letter'] })),
      anonymous: await submitValid(server.url, validReport({ wishes: ['advice'] })),
      utrecht: await submitValid(server.url, reportWithEmail('melder3@example.nl', { wishes: ['letter'], incident_municipality: 'GM0344' })),
    };
    for (const name of ['consented', 'unconsented', 'anonymous']) cases[name] = { ref: refs[name], id: await caseId(jars.handler, refs[name]) };
    cases.utrecht = { ref: refs.utrecht, id: await caseId(jars.handler2, refs.utrecht) };
  });
  after(() => server?.stop());

  test('a bureau admin edits the Dutch template; a wrong placeholder is refused with its line', async () => {
    const page = await getForm(jars.admin, `${server.url}/medewerkers/briefsjablonen`);
    assert.equal(page.status, 200);
    const placeholders = tableRows(page.html, 'placeholders').map((r) => r.text).join('\n');
    for (const name of ['{{reference}}', '{{other_party_name}}', '{{summary}}', '{{reply_by}}']) {
      assert.ok(placeholders.includes(name), `${name} is explained`);
    }
    assert.match(placeholders, /de datum waarvoor de wederpartij gevraagd wordt te reageren/);
    const [builtIn] = elements(page.html, 'textarea', (a) => a.id === 'nl-body');
    assert.match(textOf(builtIn.html), /hoor en wederhoor/, 'the built-in text until the bureau writes its own');

    const typed = 'Geachte heer, mevrouw,\n\nU bent {{other_party_name}}.\nKenmerk {{refrence}}.\n\n{{summary}}';
    const bad = await postForm(jars.admin, `${server.url}/medewerkers/briefsjablonen`, {
      csrf: page.csrf, lang: 'nl', subject: 'Uw reactie op melding {{reference}}', body: typed, closing: 'Met vriendelijke groet,\n{{handler_name}}', action: 'save',
    });
    assert.equal(bad.status, 422);
    const [summary] = elements(bad.html, 'div', (a) => (a.class ?? '').includes('error-summary'));
    assert.ok(summary, 'an error summary');
    assert.match(summary.text, /Tekst van de brief ?: Regel 4: \{\{refrence\}\} is geen van de invulvelden/);
    const [kept] = elements(bad.html, 'textarea', (a) => a.id === 'nl-body');
    assert.equal(textOf(kept.html), textOf(typed), 'what was typed is kept');
    assert.match(bad.html, /aria-invalid="true"/);

    const good = await postForm(jars.admin, `${server.url}/medewerkers/briefsjablonen`, {
      csrf: page.csrf, lang: 'nl', subject: 'Uw reactie op melding {{reference}}',
      body: `Geachte heer, mevrouw,\n\n${OWN_TEXT} Het gaat om het volgende:\n\n{{summary}}\n\nGraag uw reactie vóór {{reply_by}}.`,
      closing: 'Met vriendelijke groet,\n\n{{handler_name}}\n{{bureau_name}}', action: 'save',
    });
    assert.equal(good.status, 303);
    assert.match(good.location, /opgeslagen=1/);
    const head = await postForm(jars.admin, `${server.url}/medewerkers/briefsjablonen/briefhoofd`, {
      csrf: page.csrf, address: 'Postbus 1234\n3500 AA Utrecht\n\n',
    });
    assert.equal(head.status, 303);
    const tooLong = await postForm(jars.admin, `${server.url}/medewerkers/briefsjablonen/briefhoofd`, {
      csrf: page.csrf, address: '1\n2\n3\n4\n5\n6\n7',
    });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.html, /hoogstens 6 regels/);

    const saved = await getForm(jars.admin, `${server.url}/medewerkers/briefsjablonen`);
    const [body] = elements(saved.html, 'textarea', (a) => a.id === 'nl-body');
    assert.match(textOf(body.html), new RegExp(OWN_TEXT));
    const [address] = elements(saved.html, 'textarea', (a) => a.id === 'address');
    assert.equal(textOf(address.html), 'Postbus 1234 3500 AA Utrecht');
    assert.equal(await auditCount(server, 'letter_template.update'), 2);
  });

  test('only a bureau admin opens the templates', async () => {
    for (const role of ['handler', 'intake', 'viewer']) {
      const res = await jars[role].fetch(`${server.url}/medewerkers/briefsjablonen`);
      assert.equal(res.status, 403, role);
    }
    const page = await getForm(jars.handler, `${server.url}/medewerkers/meldingen`);
    const post = await postForm(jars.handler, `${server.url}/medewerkers/briefsjablonen`, {
      csrf: page.csrf, lang: 'nl', subject: 'x', body: 'y', closing: '', action: 'save',
    });
    assert.equal(post.status, 403);
  });

  test('an anonymous report about an incident gets no letter, and the page says why', async () => {
    const page = await letterPage(jars.handler, cases.anonymous.id);
    assert.equal(page.status, 200);
    assert.match(byId(page.html, 'letter-refusal').text, /anoniem/);
    const res = await postForm(jars.handler, `${server.url}/medewerkers/meldingen/${cases.anonymous.id}/brief`, letterFields(page));
    assert.equal(res.status, 422);
    assert.match(byId(res.html, 'letter-problem').text, /De melder is anoniem en de melding gaat over een individueel voorval/);
    const preview = await postForm(jars.handler, `${server.url}/medewerkers/meldingen/${cases.anonymous.id}/brief`, letterFields(page, { action: 'preview' }));
    assert.equal(preview.status, 422);
    assert.match(preview.res.headers.get('content-type'), /text\/html/, 'no PDF either');
    assert.ok(byId((await letterPage(jars.handler, cases.anonymous.id)).html, 'no-letters'));
  });

  test('without the reporter\'s consent on record no letter is made or stored', async () => {
    await prepareCase(cases.unconsented.id, { consent: false });
    const page = await letterPage(jars.handler, cases.unconsented.id);
    assert.match(byId(page.html, 'letter-refusal').text, /toestemming/);
    const url = `${server.url}/medewerkers/meldingen/${cases.unconsented.id}/brief`;
    const sent = await postForm(jars.handler, url, letterFields(page));
    assert.equal(sent.status, 422);
    assert.match(byId(sent.html, 'letter-problem').text, /De toestemming van de melder is niet vastgelegd/);
    assert.equal(inputs(sent.html, 'other_party_name')[0].value, 'Bakkerij Zonnestraal B.V.', 'what was typed is kept');
    const preview = await postForm(jars.handler, url, letterFields(page, { action: 'preview' }));
    assert.equal(preview.status, 422);
    assert.ok(byId((await letterPage(jars.handler, cases.unconsented.id)).html, 'no-letters'));
    const stored = await sql(server, `SELECT COUNT(*) FROM case_letters WHERE report_id = ${cases.unconsented.id}`);
    assert.equal(stored[0], '0');
  });

  test('with consent, a handler checks the form, downloads the PDF, records it as sent and the reply', async () => {
    await prepareCase(cases.consented.id, { consent: true });
    const url = `${server.url}/medewerkers/meldingen/${cases.consented.id}/brief`;
    let page = await letterPage(jars.handler, cases.consented.id);
    assert.equal(byId(page.html, 'letter-refusal'), undefined, 'nothing stands in the way');
    assert.equal(inputs(page.html, 'reply_by')[0].value, dutchDay(14), 'the reply term is suggested');

    const empty = await postForm(jars.handler, url, letterFields(page, { other_party_address: '', summary: '', reply_by: dutchDay(-2) }));
    assert.equal(empty.status, 422);
    const problems = textOf(empty.html);
    assert.match(problems, /Geef het adres van de wederpartij/);
    assert.match(problems, /Schrijf voor de wederpartij waar de klacht over gaat/);
    assert.match(problems, /De reactiedatum kan niet in het verleden liggen/);
    assert.equal(inputs(empty.html, 'other_party_name')[0].value, 'Bakkerij Zonnestraal B.V.');

    const printsBefore = await auditCount(server, 'letter.print');
    const replyBy = dutchDay(20);
    const preview = await jars.handler.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(letterFields(page, { action: 'preview', reply_by: replyBy })).toString(),
    });
    assert.equal(preview.status, 200);
    assert.equal(preview.headers.get('content-type'), 'application/pdf');
    assert.match(preview.headers.get('content-disposition'), /^attachment; filename="brief-MP-\d{4}-\d{6}-concept\.pdf"$/);
    assert.equal(preview.headers.get('cache-control'), 'no-store');
    const text = await pdfText(Buffer.from(await preview.arrayBuffer()));
    for (const expected of ['Bakkerij Zonnestraal B.V.', 'Kerkstraat 12', cases.consented.ref, dutchDate(replyBy), OWN_TEXT,
      'hoofddoek niet past', 'Postbus 1234', 'Anna de Vries']) {
      assert.ok(squash(text).includes(squash(expected)), `the PDF shows "${expected}": ${text}`);
    }
    assert.equal(await auditCount(server, 'letter.print'), printsBefore + 1, 'printing is on the audit log');
    assert.ok(byId((await letterPage(jars.handler, cases.consented.id)).html, 'no-letters'), 'a preview is not a sent letter');

    const sent = await postForm(jars.handler, url, letterFields(page, { reply_by: replyBy }));
    assert.equal(sent.status, 303, sent.html.slice(0, 1500));
    page = await letterPage(jars.handler, `${cases.consented.id}`);
    const confirmation = await getForm(jars.handler, `${server.url}${sent.location}`);
    assert.match(confirmation.html, /role="status"><p>De brief is vastgelegd als verstuurd/);
    const rows = tableRows(page.html, 'letters');
    assert.equal(rows.length, 2, 'a header and one letter');
    const [row] = rows.filter((r) => r.attrs['data-letter']);
    assert.equal(row.attrs['data-reply'], 'awaiting');
    assert.match(row.text, /Bakkerij Zonnestraal B\.V\./);
    assert.match(row.text, new RegExp(replyBy));
    const letterId = row.attrs['data-letter'];
    const events = await sql(server, `SELECT detail FROM case_events WHERE report_id = ${cases.consented.id} AND kind = 'letter_sent'`);
    assert.deepEqual(events, [`${letterId};${replyBy}`], 'the case history has the letter and its reply date');
    assert.equal(await auditCount(server, 'letter.send'), 1);

    // The reply deadline is the date the letter asked for, not the bureau's 14-day term.
    const casePage = await getForm(jars.handler, `${server.url}/medewerkers/meldingen/${cases.consented.id}`);
    const [replyDeadline] = elements(casePage.html, 'tr', (a) => a['data-deadline'] === 'other_party_reply');
    assert.ok(replyDeadline, 'the case page shows the reply deadline');
    assert.equal(replyDeadline.attrs['data-state'], 'ok');
    assert.match(replyDeadline.text, new RegExp(replyBy), `due on the letter's date: ${replyDeadline.text}`);
    // The work list reads the same date from the store: with "due soon" set to 30 days on the
    // bureau's settings page, the reply shows there, due on the letter's date.
    const settings = await getForm(jars.admin, `${server.url}/medewerkers/instellingen`);
    const saved = await postForm(jars.admin, `${server.url}/medewerkers/instellingen`, { csrf: settings.csrf, due_soon_days: '30' });
    assert.equal(saved.status, 303, saved.html?.slice(0, 500));
    const worklist = await (await jars.admin.fetch(`${server.url}/medewerkers/termijnen`)).text();
    const [listed] = elements(worklist, 'tr', (a) => a['data-reference'] === cases.consented.ref && a['data-kind'] === 'other_party_reply');
    assert.ok(listed, `the reply is due soon in the bureau's work list: ${worklist}`);
    assert.equal(listed.attrs['data-state'], 'due_soon');
    assert.ok(squash(listed.text).includes(squash(dutchDate(replyBy))) || listed.text.includes(replyBy), listed.text);
    const reset = await getForm(jars.admin, `${server.url}/medewerkers/instellingen`);
    assert.equal((await postForm(jars.admin, `${server.url}/medewerkers/instellingen`, { csrf: reset.csrf, due_soon_days: '3' })).status, 303);

    const stored = await jars.handler.fetch(`${url.replace(/brief$/, '')}brieven/${letterId}`);
    assert.equal(stored.status, 200);
    assert.equal(stored.headers.get('content-type'), 'application/pdf');
    const storedText = await pdfText(Buffer.from(await stored.arrayBuffer()));
    assert.ok(squash(storedText).includes(squash('Bakkerij Zonnestraal B.V. Kerkstraat 12')), storedText);
    assert.equal(await auditCount(server, 'letter.print', `${cases.consented.ref} letter ${letterId}`), 1);

    const replyUrl = `${server.url}/medewerkers/meldingen/${cases.consented.id}/brieven/${letterId}/reactie`;
    const noText = await postForm(jars.handler, replyUrl, { csrf: page.csrf, case_version: page.version, reply: ' ' });
    assert.equal(noText.status, 422);
    assert.match(noText.html, /Schrijf in een paar woorden wat de wederpartij antwoordde/);
    const reply = await postForm(jars.handler, replyUrl, { csrf: page.csrf, case_version: page.version, reply: 'De bakkerij betwist de opmerking en wil een gesprek.' });
    assert.equal(reply.status, 303);
    const [answered] = tableRows((await letterPage(jars.handler, cases.consented.id)).html, 'letters').filter((r) => r.attrs['data-letter']);
    assert.equal(answered.attrs['data-reply'], 'received');
    assert.match(answered.text, /De bakkerij betwist de opmerking/);
    const replies = await sql(server, `SELECT detail FROM case_events WHERE report_id = ${cases.consented.id} AND kind = 'reply_received'`);
    assert.deepEqual(replies, [letterId]);
  });

  test('a form made before a colleague changed the case is not recorded', async () => {
    const page = await letterPage(jars.handler, cases.consented.id);
    const stale = { ...letterFields(page), case_version: String(Number(page.version) - 1) };
    const res = await postForm(jars.handler, `${server.url}/medewerkers/meldingen/${cases.consented.id}/brief`, stale);
    assert.equal(res.status, 409);
    assert.match(byId(res.html, 'letter-problem').text, /Een collega heeft deze zaak intussen gewijzigd/);
    assert.equal(hidden(res.html, 'case_version'), page.version, 'the form now carries the current version');
    assert.equal(inputs(res.html, 'signed_by')[0].value, 'Anna de Vries');
  });

  test('intake workers and municipality viewers are refused; another bureau\'s case does not exist', async () => {
    const own = `/medewerkers/meldingen/${cases.consented.id}`;
    for (const role of ['intake', 'viewer']) {
      assert.equal((await jars[role].fetch(`${server.url}${own}/brief`)).status, 403, `${role} GET`);
      assert.equal((await jars[role].fetch(`${server.url}${own}/brieven/1`)).status, 403, `${role} PDF`);
    }
    const intakePage = await getForm(jars.intake, `${server.url}${own}`);
    const post = await postForm(jars.intake, `${server.url}${own}/brief`, letterFields({ csrf: intakePage.csrf, version: '0' }));
    assert.equal(post.status, 403);
    assert.equal((await jars.handler2.fetch(`${server.url}${own}/brief`)).status, 404);
    assert.equal((await jars.handler2.fetch(`${server.url}${own}/brieven/1`)).status, 404);
    assert.equal((await jars.handler.fetch(`${server.url}/medewerkers/meldingen/${cases.utrecht.id}/brief`)).status, 404);
    const theirs = await letterPage(jars.handler2, cases.utrecht.id);
    const foreign = await postForm(jars.handler2, `${server.url}${own}/brief`, letterFields(theirs));
    assert.equal(foreign.status, 404);
    assert.ok(await auditCount(server, 'access.denied') >= 5);
  });
});
