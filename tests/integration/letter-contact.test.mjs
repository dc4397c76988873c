// How the other party reaches the bureau, and to whom a letter is addressed (issue 14): a bureau
// admin puts the bureau's telephone number and e-mail address on the letterhead; the built-in
// letter then asks the other party to get in touch and says how. A handler may name a contact
// person, who gets an attention line (t.a.v., Attn.) under the organisation's name. Until the
// letterhead has a telephone number the letter page warns, but does not refuse.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, inputs } from './html.mjs';
import { reportWithEmail, staffLogin, submitValid } from './flows.mjs';
import { sql } from './database.mjs';
import { dutchDay, hidden, pdfText, squash } from './letter-pdf.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-27';
const PHONE = '030 123 45 67';
const EMAIL = 'reactie@adv.example';

describe('the bureau\'s contact details and the attention line in letters', () => {
  let server;
  let admin;
  let handler;
  let id;
  let url;

  async function letterPage() {
    const page = await getForm(handler, url);
    return { ...page, version: hidden(page.html, 'case_version') };
  }

  function fields(page, overrides = {}) {
    return {
      csrf: page.csrf,
      case_version: page.version,
      other_party_name: 'Sportschool Krachtpunt B.V.',
      other_party_attention: 'mevrouw A. Bakker',
      other_party_address: 'Stationsplein 3\n1012 AB Amsterdam',
      summary: 'Een bezoekster werd de toegang geweigerd omdat zij een hoofddoek droeg.',
      lang: 'nl',
      reply_by: dutchDay(20),
      signed_by: 'Anna de Vries',
      action: 'preview',
      ...overrides,
    };
  }

  async function preview(overrides) {
    const page = await letterPage();
    const res = await handler.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields(page, overrides)).toString(),
    });
    assert.equal(res.status, 200, await res.clone().text().then((t) => t.slice(0, 1500)));
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    return pdfText(Buffer.from(await res.arrayBuffer()));
  }

  before(async () => {
    server = await startServer();
    for (const [email, role] of [['beheer@adv.example', 'bureau_admin'], ['behandelaar@adv.example', 'handler']]) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role], `${PASSWORD}\n`);
      assert.equal(r.code, 0, r.stderr);
    }
    admin = await staffLogin(server.url, 'beheer@adv.example', PASSWORD);
    handler = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
    const ref = await submitValid(server.url, reportWithEmail('melder@example.nl', { wishes: ['letter'] }));
    const list = await (await handler.fetch(`${server.url}/medewerkers/meldingen`)).text();
    id = list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${ref}<`))[1];
    url = `${server.url}/medewerkers/meldingen/${id}/brief`;
    for (const step of ['first_analysis', 'intake', 'approach_agreed']) {
      const page = await letterPage();
      const res = await postForm(handler, `${server.url}/medewerkers/meldingen/${id}/stap`, { csrf: page.csrf, case_version: page.version, step });
      assert.equal(res.status, 303, `step ${step}`);
    }
    const page = await letterPage();
    const res = await postForm(handler, `${server.url}/medewerkers/meldingen/${id}/toestemming`,
      { csrf: page.csrf, case_version: page.version, consent: 'given', text: 'Gegeven bij de intake.' });
    assert.equal(res.status, 303);
  });
  after(() => server?.stop());

  test('without a telephone number the page warns, and the letter still reads well', async () => {
    const page = await letterPage();
    assert.match(byId(page.html, 'letterhead-notice').text, /geen telefoonnummer/);
    const text = await preview();
    assert.ok(squash(text).includes(squash('neem dan gerust contact met ons op. U kunt ook schriftelijk op deze brief reageren.')), text);
  });

  test('the admin\'s telephone number is checked, kept and printed; the letter says how to reach the bureau', async () => {
    const templates = await getForm(admin, `${server.url}/medewerkers/briefsjablonen`);
    const wrong = await postForm(admin, `${server.url}/medewerkers/briefsjablonen/briefhoofd`, {
      csrf: templates.csrf, address: 'Postbus 1234\n3500 AA Utrecht', phone: 'bel ons', email: 'geen adres',
    });
    assert.equal(wrong.status, 422);
    assert.match(byId(wrong.html, 'phone-error').text, /telefoonnummer in cijfers/);
    assert.ok(byId(wrong.html, 'email-error'));
    assert.equal(inputs(wrong.html, 'phone')[0].value, 'bel ons', 'what was typed is kept');

    const saved = await postForm(admin, `${server.url}/medewerkers/briefsjablonen/briefhoofd`, {
      csrf: templates.csrf, address: 'Postbus 1234\n3500 AA Utrecht', phone: ` ${PHONE} `, email: EMAIL,
    });
    assert.equal(saved.status, 303);
    const again = await getForm(admin, `${server.url}/medewerkers/briefsjablonen`);
    assert.equal(inputs(again.html, 'phone')[0].value, PHONE);
    assert.equal(inputs(again.html, 'email')[0].value, EMAIL);
    assert.match(again.html, /\{\{bureau_contact\}\}/, 'the new placeholder is explained');

    assert.equal(byId((await letterPage()).html, 'letterhead-notice'), undefined, 'no warning any more');
    const text = await preview();
    for (const expected of [`Tel. ${PHONE}`, EMAIL, 'Sportschool Krachtpunt B.V.', 't.a.v. mevrouw A. Bakker', 'Stationsplein 3',
      `U kunt ons bereiken op telefoonnummer ${PHONE} of per e-mail via ${EMAIL}. Ons postadres is Postbus 1234, 3500 AA Utrecht.`]) {
      assert.ok(squash(text).includes(squash(expected)), `the PDF shows "${expected}": ${text}`);
    }
    // The attention line sits between the organisation's name and its address.
    assert.match(text, /Sportschool Krachtpunt B\.V\. t\.a\.v\. mevrouw A\. Bakker Stationsplein 3/);
    const english = await preview({ lang: 'en' });
    assert.ok(squash(english).includes(squash('Attn. mevrouw A. Bakker')), english);
    assert.ok(squash(english).includes(squash(`You can reach us by telephone on ${PHONE}`)), english);
  });

  test('the contact person is optional, checked, and stored encrypted with the letter', async () => {
    const without = await preview({ other_party_attention: '' });
    assert.ok(!without.includes('t.a.v.'), 'no attention line without a contact person');
    const page = await letterPage();
    const tooLong = await postForm(handler, url, fields(page, { other_party_attention: 'x'.repeat(101), action: 'send' }));
    assert.equal(tooLong.status, 422);
    assert.ok(byId(tooLong.html, 'other_party_attention-error'));

    const sent = await postForm(handler, url, fields(page, { action: 'send' }));
    assert.equal(sent.status, 303, sent.html?.slice(0, 1500));
    const [stored] = await sql(server, `SELECT other_party_attention_enc FROM case_letters WHERE report_id = ${id}`);
    assert.ok(stored.length > 0 && !stored.includes('Bakker'), 'encrypted, like the other party\'s name');
    const list = await letterPage();
    const [, letterId] = list.html.match(/data-letter="(\d+)"/);
    const pdf = await handler.fetch(`${server.url}/medewerkers/meldingen/${id}/brieven/${letterId}`);
    assert.ok(squash(await pdfText(Buffer.from(await pdf.arrayBuffer()))).includes(squash('t.a.v. mevrouw A. Bakker')));
  });
});
