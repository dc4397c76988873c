// The report form in steps: every question of the national classification, the summary to check
// before sending, "change", the consent, the anonymity rules, the honeypot and postcodes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, repoRoot, startServer } from './harness.mjs';
import { byId, elements, inputs, textareaValue, textOf } from './html.mjs';
import { addStaff, reportRows, staffLogin, validReport } from './flows.mjs';

let server;
let staff;
before(async () => {
  server = await startServer({ args: ['--postcode-file', path.join(repoRoot, 'tests/fixtures/postcodes.csv')] });
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(async () => { await server?.stop(); });

/** POST the report form with an action; returns { status, html, location, jar }. */
async function post(fields, action, { lang = 'nl' } = {}) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden?lang=${lang}`);
  const body = { csrf: form.csrf, submission_key: 'steps-test-key-' + Math.random().toString(36).slice(2, 12), ...fields };
  if (action) body.action = action;
  const res = await postForm(jar, `${server.url}/melden`, body);
  return { ...res, jar };
}

async function stored() {
  return (await reportRows(server.url, staff)).rows;
}

/** Values of the checked inputs of a radio group or check boxes. */
function checked(html, name) {
  return inputs(html, name).filter((a) => 'checked' in a).map((a) => a.value);
}

function errorFields(html) {
  const [summary] = elements(html, 'div', (a) => (a.class ?? '').split(/\s+/).includes('error-summary'));
  return summary ? [...summary.html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]) : [];
}

describe('the empty form', () => {
  test('asks every question of the classification, in five steps', async () => {
    const res = await fetch(`${server.url}/melden`);
    const html = await res.text();
    for (let step = 1; step <= 4; step++) assert.ok(byId(html, `step-${step}`), `step ${step}`);
    assert.match(html, /Stap 1 van 5/);
    const values = (name) => inputs(html, name).map((a) => a.value);
    assert.deepEqual(values('reporter_role'), ['victim', 'witness', 'on_behalf', 'observation']);
    assert.deepEqual(values('nature'), ['unequal_treatment', 'hostile_treatment', 'threat', 'violence', 'damage', 'public_statement', 'other']);
    assert.ok(values('grounds').includes('unknown') && values('grounds').includes('religion.antisemitism'));
    assert.equal(inputs(html, 'grounds')[0].type, 'checkbox', 'several grounds may be ticked');
    assert.equal(values('domain').length, 12);
    assert.deepEqual(values('scope'), ['incident', 'policy']);
    assert.deepEqual(values('incident_when'), ['exact', 'approximate']);
    assert.deepEqual(values('wishes'), ['registration_only', 'advice', 'letter', 'mediation', 'complaint_procedure', 'police_report', 'listening_ear']);
    assert.equal(inputs(html, 'residence_postcode').length, 1, 'postcode offered when a table is installed');
    assert.equal(inputs(html, 'website')[0].tabindex, '-1', 'the honeypot is out of the keyboard order');
    // The anonymity rule is explained before sending, next to each wish it rules out.
    const mediationHint = byId(html, 'wishes-mediation-hint');
    assert.match(mediationHint.text, /Niet mogelijk als u anoniem blijft/);
    assert.match(byId(html, 'wishes-letter-hint').text, /alleen over een algemene regel/);
    // The only submit button leads to the summary; nothing is sent from the form itself. (The
    // page's other form, the read-aloud control's speech language, goes elsewhere.)
    const [form] = elements(html, 'form', (a) => a.action === '/melden');
    const buttons = elements(form.html, 'button', (a) => a.type === 'submit');
    assert.deepEqual(buttons.map((b) => b.attrs.value), ['review']);
  });

  test('is in English with ?lang=en', async () => {
    const html = await (await fetch(`${server.url}/melden?lang=en`)).text();
    assert.match(html, /Step 1 of 5/);
    assert.match(html, /Against Jewish people \(antisemitism\)/);
  });
});

describe('check before sending', () => {
  test('"check your report" shows a summary in plain words and stores nothing', async () => {
    const before = (await stored()).length;
    const res = await post(validReport({ consent: '' }), 'review');
    assert.equal(res.status, 200, res.html.slice(0, 1500));
    assert.match(res.html, /Controleer uw melding/);
    const summary = textOf(res.html);
    assert.match(summary, /Het overkwam mij/);
    assert.match(summary, /Godsdienst; Tegen moslims/);
    assert.match(summary, /Werk, of solliciteren/);
    assert.match(summary, /Alleen mijn melding registreren/);
    // Everything travels on, as hidden fields, to "send" and "change".
    assert.deepEqual(inputs(res.html, 'grounds').map((a) => a.value), ['religion', 'religion.anti_muslim']);
    assert.equal(inputs(res.html, 'description')[0].value, validReport().description);
    assert.equal(inputs(res.html, 'consent')[0].type, 'checkbox');
    assert.ok(res.html.includes('href="/privacy"'), 'links to the privacy statement');
    assert.equal((await stored()).length, before, 'nothing stored by checking');
  });

  test('"change" brings the form back at that step with everything filled in', async () => {
    const res = await post(validReport({ description: 'Terug naar stap drie.', incident_when: 'approximate', incident_year: '2024', incident_month: '5' }), 'edit-3');
    assert.equal(res.status, 200);
    assert.match(res.html, /data-open-step="3"/);
    assert.equal(textareaValue(res.html, 'description'), 'Terug naar stap drie.');
    assert.deepEqual(checked(res.html, 'grounds'), ['religion', 'religion.anti_muslim']);
    assert.deepEqual(checked(res.html, 'incident_when'), ['approximate']);
    assert.equal(inputs(res.html, 'incident_year')[0].value, '2024');
    assert.match(res.html, /<option value="5" selected>/);
  });

  test('sending without consent returns to the summary with a message, nothing stored', async () => {
    const before = (await stored()).length;
    const res = await post(validReport({ consent: '' }), 'send');
    assert.equal(res.status, 422);
    assert.match(res.html, /Controleer uw melding/);
    assert.deepEqual(errorFields(res.html), ['consent']);
    assert.match(byId(res.html, 'consent-error').text, /Vink het vakje aan/);
    assert.equal((await stored()).length, before);
  });

  test('sending with consent stores the full classification', async () => {
    const res = await post(validReport({
      description: 'Volledig geclassificeerd.',
      reporter_role: 'witness', nature: 'hostile_treatment', grounds: ['origin', 'origin.anti_black', 'age'],
      domain: 'public_space', scope: 'incident', incident_when: 'approximate', incident_year: '2025', incident_month: '3',
      anonymous: 'no', contact_email: 'getuige@example.nl', contact_preference: 'email', contact_time: 'na vijven',
      wishes: ['advice', 'listening_ear'],
    }), 'send');
    assert.equal(res.status, 303, res.html.slice(0, 1500));
    const row = (await stored()).find((r) => r.text.includes('Volledig geclassificeerd.'));
    assert.ok(row, 'listed for staff');
    const field = (name) => (row.html.match(new RegExp(`data-field="${name}">([^<]*)<`)) ?? [])[1];
    assert.equal(field('reporter_role'), 'Ik zag het iemand anders overkomen');
    assert.equal(field('nature'), 'Beledigd, uitgescholden of vijandig behandeld');
    assert.equal(field('grounds'), 'Afkomst of huidskleur; Racisme tegen zwarte mensen; Leeftijd');
    assert.equal(field('domain'), 'Op straat of in het openbaar vervoer');
    assert.ok(row.text.includes('2025-03'), 'approximate date kept as year and month');
    assert.match(row.text, /Klacht:/, 'asking for help makes it a complaint (klacht)');
  });
});

describe('rules the form enforces', () => {
  const cases = [
    ['anonymous and a letter about an incident', { wishes: ['letter'] }, ['wishes']],
    ['anonymous and mediation', { wishes: ['mediation'] }, ['wishes']],
    ['anonymous and a police report', { wishes: ['advice', 'police_report'] }, ['wishes']],
    ['"only register" together with help', { wishes: ['registration_only', 'advice'] }, ['wishes']],
    ['no wish at all', { wishes: [] }, ['wishes']],
    ['no ground at all', { grounds: [] }, ['grounds']],
    ['an unknown ground', { grounds: ['hair'] }, ['grounds']],
    ['no reporter role', { reporter_role: '' }, ['reporter_role']],
    ['an unknown nature', { nature: 'rudeness' }, ['nature']],
    ['no domain', { domain: '' }, ['domain']],
    ['no scope', { scope: '' }, ['scope']],
    ['approximate without a year', { incident_when: 'approximate', incident_year: '' }, ['incident_year']],
    ['a month that does not exist', { incident_when: 'approximate', incident_year: '2024', incident_month: '13' }, ['incident_month']],
    ['a preferred contact way that does not exist', { anonymous: 'no', contact_email: 'a@example.nl', contact_preference: 'pigeon' }, ['contact_preference']],
    ['a postcode that is not Dutch', { residence_municipality: '', residence_postcode: 'AB 123' }, ['residence_postcode']],
    ['a postcode the table does not know', { incident_municipality: '', incident_postcode: '9999 ZZ' }, ['incident_postcode']],
  ];
  for (const [name, overrides, fields] of cases) {
    test(`${name}: 422, the form with every value kept, nothing stored`, async () => {
      const before = (await stored()).length;
      const res = await post(validReport({ description: `Regel: ${name}.`, ...overrides }), 'send');
      assert.equal(res.status, 422, res.html.slice(0, 1500));
      assert.deepEqual(errorFields(res.html), fields);
      assert.equal(textareaValue(res.html, 'description'), `Regel: ${name}.`);
      for (const f of fields) assert.ok(byId(res.html, `${f}-error`), `message beside ${f}`);
      assert.equal((await stored()).length, before);
    });
  }

  test('anonymous about a general rule may ask for a letter: the bureau acts itself', async () => {
    const res = await post(validReport({ description: 'Beleid van een verhuurder.', scope: 'policy', wishes: ['letter'] }), 'send');
    assert.equal(res.status, 303, res.html.slice(0, 1500));
  });

  test('a postcode stands in for the municipality, merged ones count for today\'s', async () => {
    const res = await post(validReport({
      description: 'Met postcodes gemeld.', residence_municipality: '', residence_postcode: '1381 AB',
      incident_municipality: '', incident_postcode: '3011',
    }), 'send');
    assert.equal(res.status, 303, res.html.slice(0, 1500));
    const row = (await stored()).find((r) => r.text.includes('Met postcodes gemeld.'));
    assert.ok(row.text.includes('Amsterdam') && row.text.includes('Rotterdam'), row.text);
    assert.ok(!row.text.includes('1381'), 'the postcode itself is not stored');
  });

  test('a filled-in honeypot is refused with a plain message and nothing is stored', async () => {
    const before = (await stored()).length;
    const res = await post(validReport({ description: 'Door een robot ingevuld.', website: 'http://spam.example' }), 'send');
    assert.equal(res.status, 422);
    assert.deepEqual(errorFields(res.html), ['website']);
    assert.equal(inputs(res.html, 'website')[0].value, '', 'the honeypot comes back empty');
    assert.equal((await stored()).length, before);
  });
});

describe('privacy statement', () => {
  for (const [lang, heading] of [['nl', 'Privacyverklaring'], ['en', 'Privacy statement']]) {
    test(`is a page in ${lang}, linked from every page`, async () => {
      const res = await fetch(`${server.url}/privacy?lang=${lang}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(html.includes(`<h1>${heading}</h1>`));
      const home = await (await fetch(`${server.url}/?lang=${lang}`)).text();
      assert.ok(home.includes('href="/privacy"'));
    });
  }
});
