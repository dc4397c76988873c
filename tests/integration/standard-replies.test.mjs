// Standard replies (standaardteksten, issue 14): a bureau admin writes the bureau's texts with
// placeholders, in Dutch and English; a text with an unknown placeholder is refused with the
// reason and what was typed. A handler inserts one into a message to the reporter without
// JavaScript (the form comes back with the filled-in text under what was typed), sends it, and the
// reporter reads it on the follow-up page. The letter page inserts into the letter's text in the
// letter's language. A bureau sees and uses only its own texts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, startServer } from './harness.mjs';
import { byClass, byId, elements, inputs, selectOptions, textareaValue, textOf } from './html.mjs';
import { addBureau, reportWithEmail, staffLogin, submitReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-45';
const UTRECHT = 'GM0344'; // bureau 2's working area
const ROTTERDAM = 'GM0599'; // bureau 1's
const USERS = {
  admin1: ['beheer1@adv.example', 'bureau_admin', []],
  handler1: ['behandelaar1@adv.example', 'handler', []],
  admin2: ['beheer2@adv.example', 'bureau_admin', ['--bureau', '2']],
  handler2: ['behandelaar2@adv.example', 'handler', ['--bureau', '2']],
};
const DUTCH_BODY = 'Beste melder,\n\nWij hebben uw melding {referentie} van {datum_melding} ontvangen. ' +
  'Uw behandelaar is {behandelaar}. U kunt ons bellen op {telefoon_bureau}.\n\nMet vriendelijke groet,\n{bureau}';
const ENGLISH_BODY = 'Dear reporter,\n\nWe received your report {referentie} of {datum_melding}.\n\n{bureau}';
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}

/** A report as a browser sends it, in `lang`: { reference, receipt }. */
async function report(server, email, lang = 'nl', municipality = ROTTERDAM) {
  const jar = new CookieJar();
  if (lang === 'en') await jar.fetch(`${server.url}/melden?lang=en`);
  const res = await submitReport(server.url, reportWithEmail(email, {
    incident_municipality: municipality, residence_municipality: municipality, wishes: ['advice'],
  }), jar);
  assert.equal(res.status, 303, res.html.slice(0, 1000));
  const confirmation = await (await jar.fetch(new URL(res.location, server.url))).text();
  return {
    reference: byClass(confirmation, '*', 'reference')[0].text,
    receipt: byClass(confirmation, 'span', 'receipt-group').map((g) => g.text).join(' '),
  };
}

describe('standard replies of a bureau', () => {
  let server;
  const jars = {};
  const cases = {};
  const replies = {};

  async function caseId(jar, reference) {
    const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
    return list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1];
  }

  async function save(who, fields) {
    const page = await getForm(jars[who], `${server.url}/medewerkers/standaardteksten`);
    assert.equal(page.status, 200);
    return postForm(jars[who], `${server.url}/medewerkers/standaardteksten`, {
      csrf: page.csrf, action: 'save', reply: '0', lang: 'nl', use: 'both', ...fields,
    });
  }

  async function replyId(bureau, title, lang) {
    return (await sql(server, `SELECT id FROM standard_replies WHERE bureau_id = ${bureau} AND title = '${title}' AND lang = '${lang}'`))[0];
  }

  /** Presses "Insert" on the case page's message form. */
  async function insertIntoMessage(who, id, fields) {
    const page = await getForm(jars[who], `${server.url}/medewerkers/meldingen/${id}`);
    return postForm(jars[who], `${server.url}/medewerkers/meldingen/${id}/bericht`, { csrf: page.csrf, invoegen: '1', ...fields });
  }

  before(async () => {
    server = await startServer();
    assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    cases.dutch = await report(server, 'nl@example.nl');
    cases.english = await report(server, 'en@example.nl', 'en');
    cases.utrecht = await report(server, 'utrecht@example.nl', 'nl', UTRECHT);
    for (const name of ['dutch', 'english']) cases[name].id = await caseId(jars.handler1, cases[name].reference);
    cases.utrecht.id = await caseId(jars.handler2, cases.utrecht.reference);
  });
  after(() => server?.stop());

  test('the admin adds texts; an unknown placeholder is refused with its line, and the form keeps what was typed', async () => {
    const bad = await save('admin1', { title: 'Ontvangst', body: 'Beste melder,\n\nUw melding {refrentie}.' });
    assert.equal(bad.status, 422);
    assert.match(byId(bad.html, 'reply-body-error').text, /Regel 3: \{refrentie\}/);
    assert.match(byId(bad.html, 'replies-error').text, /\{refrentie\}/);
    assert.equal(inputs(bad.html, 'title')[0].value, 'Ontvangst');
    assert.equal(textareaValue(bad.html, 'body'), 'Beste melder,\n\nUw melding {refrentie}.');
    const stray = await save('admin1', { title: 'Ontvangst', body: 'Uw melding {referentie.' });
    assert.equal(stray.status, 422);
    assert.match(byId(stray.html, 'reply-body-error').text, /accolade/);
    const empty = await save('admin1', { title: ' ', body: ' ' });
    assert.equal(empty.status, 422);
    assert.ok(byId(empty.html, 'reply-title-error') && byId(empty.html, 'reply-body-error'));
    assert.deepEqual(await sql(server, 'SELECT COUNT(*) FROM standard_replies'), ['0']);

    assert.equal((await save('admin1', { title: 'Ontvangst', use: 'message', body: DUTCH_BODY })).status, 303);
    assert.equal((await save('admin1', { title: 'Ontvangst', lang: 'en', use: 'message', body: ENGLISH_BODY })).status, 303);
    assert.equal((await save('admin1', { title: 'Brief standaard', use: 'letter', body: 'De melding {referentie} gaat over het volgende.' })).status, 303);
    const duplicate = await save('admin1', { title: ' ontvangst ', body: 'Nog een keer.' });
    assert.equal(duplicate.status, 422);
    assert.match(byId(duplicate.html, 'reply-title-error').text, /al een standaardtekst met deze titel/);
    replies.nl = await replyId(1, 'Ontvangst', 'nl');
    replies.en = await replyId(1, 'Ontvangst', 'en');
    replies.letter = await replyId(1, 'Brief standaard', 'nl');
    const page = await (await jars.admin1.fetch(`${server.url}/medewerkers/standaardteksten?gedaan=toegevoegd`)).text();
    assert.match(byId(page, 'replies-done').text, /toegevoegd/);
    assert.equal(elements(page, 'tr', (a) => a['data-reply']).length, 3);
    assert.equal(await auditCount(server, 'standard_reply.add'), 3);
    // Handlers do not manage the texts.
    assert.equal((await jars.handler1.fetch(`${server.url}/medewerkers/standaardteksten`)).status, 403);
  });

  test('a handler inserts a text into a message, sends it, and the reporter reads it filled in', async () => {
    const page = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen/${cases.dutch.id}`)).text();
    const offered = selectOptions(page, 'standaardtekst').filter((o) => o.value);
    assert.deepEqual(offered.map((o) => [o.value, o.text]), [[String(replies.nl), 'Ontvangst']], 'the Dutch version, not the letter text');

    const none = await insertIntoMessage('handler1', cases.dutch.id, { message: 'Mijn eigen regel.', standaardtekst: '' });
    assert.equal(none.status, 422);
    assert.match(byId(none.html, 'message-reply-error').text, /Kies een standaardtekst/);
    assert.equal(textareaValue(none.html, 'message'), 'Mijn eigen regel.');

    const inserted = await insertIntoMessage('handler1', cases.dutch.id, { message: 'Mijn eigen regel.', standaardtekst: String(replies.nl) });
    assert.equal(inserted.status, 200);
    const text = textareaValue(inserted.html, 'message');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const [y, m, d] = today.split('-').map(Number);
    assert.equal(text, `Mijn eigen regel.\n\nBeste melder,\n\nWij hebben uw melding ${cases.dutch.reference} van ${d} ${MONTHS_NL[m - 1]} ${y} ontvangen. ` +
      'Uw behandelaar is behandelaar1@adv.example. U kunt ons bellen op {telefoon_bureau}.\n\nMet vriendelijke groet,\nMeldpunt');
    assert.match(byId(inserted.html, 'reply-notice').text, /\{telefoon_bureau\}/, 'says what is left to fill in');
    assert.ok(!inserted.html.includes('href="#form-message"'), 'no error box: nothing went wrong');
    assert.equal(byId(inserted.html, 'message-error'), undefined);
    assert.equal(await sql(server, `SELECT COUNT(*) FROM report_messages WHERE report_id = ${cases.dutch.id}`).then((r) => r[0]), '0', 'nothing sent yet');

    const final = text.replace('{telefoon_bureau}', '010 123 45 67');
    const sent = await postForm(jars.handler1, `${server.url}/medewerkers/meldingen/${cases.dutch.id}/bericht`, { csrf: (await getForm(jars.handler1, `${server.url}/medewerkers/meldingen/${cases.dutch.id}`)).csrf, message: final });
    assert.equal(sent.status, 303, sent.html?.slice(0, 500));

    const reporter = new CookieJar();
    const form = await getForm(reporter, `${server.url}/melden/volgen`);
    const signedIn = await postForm(reporter, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt: cases.dutch.receipt });
    assert.equal(signedIn.status, 303, signedIn.html?.slice(0, 500));
    const thread = await (await reporter.fetch(`${server.url}/melden/volgen`)).text();
    const bodies = byClass(thread, 'div', 'message-body').map((b) => textOf(b.html));
    assert.ok(bodies.some((b) => b.includes(`Wij hebben uw melding ${cases.dutch.reference}`) && b.includes('010 123 45 67')), bodies.join('\n---\n'));
  });

  test('for an English reporter the English version is inserted', async () => {
    const page = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen/${cases.english.id}`)).text();
    const offered = selectOptions(page, 'standaardtekst').filter((o) => o.value);
    assert.deepEqual(offered.map((o) => o.value), [String(replies.en)]);
    // Chosen as the Dutch one (a bookmarked form): the English version of the same title.
    const inserted = await insertIntoMessage('handler1', cases.english.id, { message: '', standaardtekst: String(replies.nl) });
    assert.equal(inserted.status, 200);
    assert.match(textareaValue(inserted.html, 'message'), new RegExp(`^Dear reporter,\\n\\nWe received your report ${cases.english.reference} of \\d{1,2} [A-Z][a-z]+ \\d{4}\\.`));
  });

  test('the letter page inserts the letter text and keeps what was typed', async () => {
    const url = `${server.url}/medewerkers/meldingen/${cases.dutch.id}/brief`;
    const page = await getForm(jars.handler1, url);
    const offered = selectOptions(page.html, 'standaardtekst').filter((o) => o.value);
    assert.deepEqual(offered.map((o) => o.value).sort(), [String(replies.letter)], 'only texts for letters');
    const res = await postForm(jars.handler1, url, {
      csrf: page.csrf, case_version: hidden(page.html, 'case_version'), action: 'insert', standaardtekst: String(replies.letter),
      other_party_name: 'Sportschool De Valk', other_party_address: 'Dorpsstraat 1\n1234 AB Rotterdam', summary: '', lang: 'nl', reply_by: '', signed_by: 'Anna de Boer',
    });
    assert.equal(res.status, 200, res.html.slice(0, 500));
    assert.equal(textareaValue(res.html, 'summary'), `De melding ${cases.dutch.reference} gaat over het volgende.`);
    assert.equal(inputs(res.html, 'other_party_name')[0].value, 'Sportschool De Valk');
    assert.equal(inputs(res.html, 'signed_by')[0].value, 'Anna de Boer');
    assert.equal(byId(res.html, 'reply-notice'), undefined, 'every placeholder had a value');
    assert.equal(byId(res.html, 'letter-reply-error'), undefined);
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM case_letters WHERE report_id = ${cases.dutch.id}`), ['0']);
  });

  test('a bureau sees and uses only its own texts', async () => {
    const page2 = await (await jars.admin2.fetch(`${server.url}/medewerkers/standaardteksten`)).text();
    assert.ok(byId(page2, 'no-replies'));
    assert.equal(elements(page2, 'tr', (a) => a['data-reply']).length, 0, 'none of bureau 1\'s texts');
    assert.equal((await jars.admin2.fetch(`${server.url}/medewerkers/standaardteksten?bewerk=${replies.nl}`)).status, 404);
    const form = await getForm(jars.admin2, `${server.url}/medewerkers/standaardteksten`);
    for (const fields of [{ action: 'retire' }, { action: 'save', title: 'Overgenomen', lang: 'nl', use: 'both', body: 'x' }]) {
      const res = await postForm(jars.admin2, `${server.url}/medewerkers/standaardteksten`, { csrf: form.csrf, reply: replies.nl, ...fields });
      assert.equal(res.status, 404, fields.action);
    }
    assert.deepEqual(await sql(server, `SELECT title || ' ' || COALESCE(retired_at, 0) FROM standard_replies WHERE id = ${replies.nl}`), ['Ontvangst 0']);
    // Bureau 2's case offers nothing, and bureau 1's text cannot be inserted there.
    const casePage = await (await jars.handler2.fetch(`${server.url}/medewerkers/meldingen/${cases.utrecht.id}`)).text();
    assert.equal(selectOptions(casePage, 'standaardtekst'), undefined);
    const res = await insertIntoMessage('handler2', cases.utrecht.id, { message: 'Hallo', standaardtekst: String(replies.nl) });
    assert.equal(res.status, 422);
    assert.equal(textareaValue(res.html, 'message'), 'Hallo');
    assert.ok(!res.html.includes('Wij hebben uw melding'));
  });

  test('the admin edits and retires a text; a retired text is no longer offered', async () => {
    const edit = await getForm(jars.admin1, `${server.url}/medewerkers/standaardteksten?bewerk=${replies.nl}`);
    assert.equal(edit.status, 200);
    assert.equal(textareaValue(edit.html, 'body'), DUTCH_BODY);
    const changed = await postForm(jars.admin1, `${server.url}/medewerkers/standaardteksten`, {
      csrf: edit.csrf, action: 'save', reply: replies.nl, title: 'Ontvangst', lang: 'nl', use: 'both', body: 'Wij hebben {referentie} ontvangen.',
    });
    assert.equal(changed.status, 303);
    const retired = await postForm(jars.admin1, `${server.url}/medewerkers/standaardteksten`, { csrf: edit.csrf, action: 'retire', reply: replies.nl });
    assert.equal(retired.status, 303);
    const page = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen/${cases.dutch.id}`)).text();
    // The Dutch version is retired: the English one is offered, named as English.
    const offered = selectOptions(page, 'standaardtekst').filter((o) => o.value);
    assert.deepEqual(offered.map((o) => [o.value, o.text]), [[String(replies.en), 'Ontvangst (Engels)']]);
    assert.equal(await auditCount(server, 'standard_reply.update'), 1);
    assert.equal(await auditCount(server, 'standard_reply.retire'), 1);
  });
});
