// The partner intake API (issue 17): a bureau admin makes API keys on /medewerkers/api-sleutels
// (shown once, stored hashed), a partner's server sends reports with POST /api/v1/reports as JSON
// under the report form's rules, with an Idempotency-Key, and gets the reference and receipt code;
// staff see the report with channel "app" and the partner's name. Errors are RFC 9457 problem
// details in Dutch or English. The OpenAPI document at /api/v1/openapi.json is validated as
// OpenAPI 3.1, and every real answer here is checked against its schema in that document.
// Runs on SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { getForm, postForm } from './harness.mjs';
import { startServer } from './harness.mjs';
import { addBureau, addStaff, recentDate, staffLogin } from './flows.mjs';
import { byId, elements } from './html.mjs';
import { sql as sqlOf } from './database.mjs';

const KEYS = '/medewerkers/api-sleutels';

let server;
let admin;
let ajv;
let documentBody;
const sql = (query) => sqlOf(server, query);

/** A valid report as a partner sends it: Rotterdam, so the first bureau's (it has no area). */
function partnerReport(overrides = {}) {
  return {
    reporter_role: 'victim',
    description: 'Bij de sollicitatie werd gezegd dat mijn hoofddoek niet past bij het bedrijf.',
    nature: 'unequal_treatment',
    grounds: ['religion', 'religion.anti_muslim'],
    domain: 'labour',
    incident_when: 'exact',
    incident_date: recentDate(),
    incident_municipality: 'GM0599',
    residence_municipality: 'GM0599',
    scope: 'incident',
    anonymous: true,
    wishes: ['advice'],
    consent: true,
    ...overrides,
  };
}

let idempotency = 0;
/** POST a report: { status, headers, body (parsed JSON) }. */
async function send(key, report, { idem = `test-${++idempotency}`, lang, raw, type = 'application/json' } = {}) {
  const headers = { 'content-type': type };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (idem !== null) headers['idempotency-key'] = idem;
  if (lang) headers['accept-language'] = lang;
  const res = await fetch(`${server.url}/api/v1/reports`, { method: 'POST', headers, body: raw ?? JSON.stringify(report) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** The answer matches the document's schema for this status and content type. */
function assertDocumented(res) {
  const op = documentBody.paths['/api/v1/reports'].post;
  const answer = op.responses[String(res.status)];
  assert.ok(answer, `status ${res.status} is documented`);
  const type = res.headers.get('content-type');
  const content = answer.content?.[type];
  assert.ok(content, `${type} is documented for ${res.status}`);
  assert.equal(res.headers.get('set-cookie'), null, 'the API never sets a cookie');
  const validate = ajv.getSchema(`openapi#/paths/~1api~1v1~1reports/post/responses/${res.status}/content/${type.replace('/', '~1')}/schema`);
  assert.ok(validate(res.body), JSON.stringify(validate.errors));
}

/** Make a key on the admin page: the key shown once. */
async function makeKey(partnerName, scope = 'bureau') {
  const page = await getForm(admin, `${server.url}${KEYS}`);
  assert.equal(page.status, 200);
  const res = await postForm(admin, `${server.url}${KEYS}`, { csrf: page.csrf, action: 'create', partner_name: partnerName, scope });
  assert.equal(res.status, 200, res.html.slice(0, 2000));
  const key = elements(res.html, 'input', (i) => i.id === 'new-key')[0]?.attrs.value;
  assert.match(key ?? '', /^mpk_[A-Za-z0-9_-]{43}$/);
  return key;
}

let bureauKey;
let routingKey;
before(async () => {
  server = await startServer();
  await addStaff(server);  // the first bureau's admin
  await addBureau(server, 'ADV Amsterdam', ['GM0363']);
  admin = await staffLogin(server.url);
  bureauKey = await makeKey('Gemeente-app Rotterdam');
  routingKey = await makeKey('Landelijk meldpunt', 'routing');
  const doc = await fetch(`${server.url}/api/v1/openapi.json`);
  assert.equal(doc.status, 200);
  documentBody = await doc.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(documentBody, 'openapi');
});
after(async () => { await server?.stop(); });

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1 and the same as the file in the repository', async () => {
    const result = await new Validator().validate(documentBody);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.equal(documentBody.openapi, '3.1.0');
    const { readFile } = await import('node:fs/promises');
    const { repoRoot } = await import('./harness.mjs');
    assert.deepEqual(JSON.parse(await readFile(`${repoRoot}/data/openapi.json`, 'utf8')), documentBody);
  });
});

describe('keys on the admin page', () => {
  test('are listed with partner, scope and state, and stored only hashed', async () => {
    const page = await (await admin.fetch(`${server.url}${KEYS}`)).text();
    assert.match(byId(page, 'partner-keys', ['table'])?.text ?? '', /Gemeente-app Rotterdam/);
    assert.doesNotMatch(page, /mpk_/, 'the key is shown once only');
    const hashes = await sql('SELECT key_hash FROM partner_api_keys ORDER BY id');
    assert.equal(hashes.length, 2);
    for (const hash of hashes) assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(Number((await sql("SELECT COUNT(*) FROM audit_log WHERE action = 'partner_key.create'"))[0]), 2);
  });
});

describe('POST /api/v1/reports', () => {
  test('a valid report: 201 with reference and receipt; staff see channel app and the partner', async () => {
    const res = await send(bureauKey, partnerReport());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assertDocumented(res);
    assert.match(res.body.reference, /^MP-\d{4}-\d{6}$/);
    assert.match(res.body.receipt_code, /^\d{20}$/);
    assert.equal(res.body.status, 'received');
    const id = Number(res.body.reference.split('-')[2]);
    assert.deepEqual(await sql(`SELECT channel || ' ' || bureau_id FROM reports WHERE id = ${id}`), ['app 1']);
    const page = await (await admin.fetch(`${server.url}/medewerkers/meldingen/${id}`)).text();
    const channel = byId(page, 'channel', ['dd']);
    assert.equal(channel.attrs['data-channel'], 'app');
    assert.match(channel.text, /Gemeente-app Rotterdam/);
    assert.equal(Number((await sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'partner_api.report' AND report_id = ${id}`))[0]), 1);
    // The receipt code works on the reporter's follow-up page like one from the form.
    const jar = (await import('./harness.mjs')).CookieJar;
    const follow = new jar();
    const form = await getForm(follow, `${server.url}/melden/volgen`);
    const login = await postForm(follow, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt: res.body.receipt_code });
    assert.equal(login.status, 303);
  });

  test('each invalid field gets its own entry, in Dutch by default and in English on request', async () => {
    const cases = [
      [{ reporter_role: 'alien' }, 'reporter_role', 'invalid_choice'],
      [{ description: '' }, 'description', 'required'],
      [{ description: 'x'.repeat(10_001) }, 'description', 'too_long'],
      [{ nature: undefined }, 'nature', 'required'],
      [{ grounds: [] }, 'grounds', 'required'],
      [{ grounds: 'religion' }, 'grounds', 'not_list'],
      [{ domain: 'moon' }, 'domain', 'invalid_choice'],
      [{ incident_date: '2020-13-45' }, 'incident_date', 'invalid_date'],
      [{ incident_municipality: 'GM9999' }, 'incident_municipality', 'unknown_municipality'],
      [{ scope: 42 }, 'scope', 'not_text'],
      [{ anonymous: 'yes' }, 'anonymous', 'not_boolean'],
      [{ anonymous: false }, 'contact_email', 'contact_required'],
      [{ anonymous: false, contact_email: 'geen-adres' }, 'contact_email', 'invalid_email'],
      [{ wishes: ['registration_only', 'advice'] }, 'wishes', 'registration_only_alone'],
      [{ consent: false }, 'consent', 'consent_required'],
      [{ incident_when: 'approximate', incident_year: 'last year' }, 'incident_year', 'not_whole_number'],
      [{ favourite_colour: 'blue' }, 'favourite_colour', 'unknown_field'],
    ];
    const before = await sql('SELECT COUNT(*) FROM reports');
    for (const [change, field, code] of cases) {
      const res = await send(bureauKey, partnerReport(change));
      assert.equal(res.status, 422, `${field}: ${JSON.stringify(res.body)}`);
      assertDocumented(res);
      assert.equal(res.body.type, 'urn:meldpunt:problem:invalid-report');
      const entry = res.body.errors.find((e) => e.field === field);
      assert.ok(entry, `${field} is named: ${JSON.stringify(res.body.errors)}`);
      assert.equal(entry.code, code, field);
      assert.ok(entry.message.length > 5);
    }
    const dutch = await send(bureauKey, partnerReport({ domain: 'moon' }));
    const english = await send(bureauKey, partnerReport({ domain: 'moon' }), { lang: 'en-GB,en;q=0.9,nl;q=0.5' });
    assert.equal(dutch.headers.get('content-language'), 'nl');
    assert.equal(english.headers.get('content-language'), 'en');
    assert.equal(english.body.title, 'The report is not valid');
    assert.notEqual(dutch.body.title, english.body.title);
    assert.notEqual(dutch.body.errors[0].message, english.body.errors[0].message);
    assert.deepEqual(await sql('SELECT COUNT(*) FROM reports'), before, 'nothing was stored');
  });

  test('an anonymous individual asking for a letter is refused with the reason', async () => {
    const res = await send(bureauKey, partnerReport({ wishes: ['letter'] }), { lang: 'en' });
    assert.equal(res.status, 422);
    assertDocumented(res);
    const entry = res.body.errors.find((e) => e.field === 'wishes');
    assert.equal(entry.code, 'not_when_anonymous');
    assert.match(entry.message, /anonym/i);
    // About a policy (algemeen beleid), an anonymous letter is allowed, as on the form.
    const policy = await send(bureauKey, partnerReport({ wishes: ['letter'], scope: 'policy' }));
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
  });

  test('a repeated Idempotency-Key: the same answer, one report; with another body refused', async () => {
    const report = partnerReport({ description: 'Een herhaalde melding over de portier van de club.' });
    const first = await send(bureauKey, report, { idem: 'retry-1' });
    const again = await send(bureauKey, report, { idem: 'retry-1' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assertDocumented(again);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await sql("SELECT COUNT(*) FROM reports WHERE channel = 'app' AND id IN (SELECT report_id FROM partner_reports)"),
      [String(Number((await sql('SELECT COUNT(*) FROM partner_reports'))[0]))]);
    const other = await send(bureauKey, { ...report, nature: 'threat' }, { idem: 'retry-1' });
    assert.equal(other.status, 422);
    assertDocumented(other);
    assert.equal(other.body.type, 'urn:meldpunt:problem:idempotency-key-reused');
    // The same Idempotency-Key from another partner is another report.
    const otherPartner = await send(routingKey, report, { idem: 'retry-1' });
    assert.equal(otherPartner.status, 201);
    assert.notEqual(otherPartner.body.reference, first.body.reference);
    const missing = await send(bureauKey, report, { idem: null });
    assert.equal(missing.status, 400);
    assertDocumented(missing);
    assert.equal(missing.body.type, 'urn:meldpunt:problem:idempotency-key');
  });

  test('a key of one bureau cannot send a report for another bureau; a routing key can', async () => {
    const amsterdam = partnerReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0363' });
    const refused = await send(bureauKey, amsterdam);
    assert.equal(refused.status, 422);
    assertDocumented(refused);
    assert.equal(refused.body.errors[0].field, 'incident_municipality');
    assert.equal(refused.body.errors[0].code, 'outside_working_area');
    const routed = await send(routingKey, amsterdam);
    assert.equal(routed.status, 201, JSON.stringify(routed.body));
    const id = Number(routed.body.reference.split('-')[2]);
    assert.deepEqual(await sql(`SELECT bureau_id FROM reports WHERE id = ${id}`), ['2']);
  });

  test('a missing, wrong or revoked key: 401', async () => {
    for (const key of [null, 'mpk_' + 'A'.repeat(43), 'not-a-key']) {
      const res = await send(key, partnerReport());
      assert.equal(res.status, 401, String(key));
      assertDocumented(res);
      assert.match(res.headers.get('www-authenticate'), /^Bearer/);
    }
    const key = await makeKey('Oude partner');
    assert.equal((await send(key, partnerReport())).status, 201);
    const page = await getForm(admin, `${server.url}${KEYS}`);
    const [id] = await sql("SELECT id FROM partner_api_keys WHERE partner_name = 'Oude partner'");
    const revoke = await postForm(admin, `${server.url}${KEYS}`, { csrf: page.csrf, action: 'revoke', key: id });
    assert.equal(revoke.status, 303);
    const res = await send(key, partnerReport());
    assert.equal(res.status, 401);
    assertDocumented(res);
    assert.match(res.body.detail, /ingetrokken/);
    const listed = await (await admin.fetch(`${server.url}${KEYS}`)).text();
    assert.match(elements(listed, 'tr', (a) => a['data-key'] === id)[0].text, /ingetrokken op/);
    assert.equal(Number((await sql("SELECT COUNT(*) FROM audit_log WHERE action = 'partner_key.revoke'"))[0]), 1);
    assert.ok(Number((await sql("SELECT COUNT(*) FROM audit_log WHERE action = 'partner_key.refused'"))[0]) >= 1);
  });

  test('malformed JSON and another content type are refused as problems', async () => {
    const broken = await send(bureauKey, null, { raw: '{"reporter_role": ' });
    assert.equal(broken.status, 400);
    assertDocumented(broken);
    assert.equal(broken.body.type, 'urn:meldpunt:problem:malformed-json');
    const deep = await send(bureauKey, null, { raw: JSON.stringify({ grounds: [['religion']] }) });
    assert.equal(deep.status, 400);
    const form = await send(bureauKey, null, { raw: 'reporter_role=victim', type: 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
    assertDocumented(form);
  });

  test('a body over 128 KiB, an unknown path and a wrong method are problems too, never HTML', async () => {
    const big = await send(bureauKey, null, { raw: JSON.stringify(partnerReport({ description: 'x'.repeat(140 * 1024) })) });
    assert.equal(big.status, 413);
    assertDocumented(big);
    assert.equal(big.body.type, 'urn:meldpunt:problem:http-413');
    assert.equal(big.body.title, 'Te veel gegevens verstuurd');
    const english = await send(bureauKey, null, { raw: 'x'.repeat(129 * 1024), lang: 'en' });
    assert.equal(english.status, 413);
    assert.equal(english.body.title, 'Too much data sent');
    const unknown = await fetch(`${server.url}/api/v1/bestaat-niet`, { headers: { authorization: `Bearer ${bureauKey}` } });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
    assert.equal((await unknown.json()).type, 'urn:meldpunt:problem:http-404');
    const method = await fetch(`${server.url}/api/v1/reports`, { method: 'DELETE', headers: { authorization: `Bearer ${bureauKey}` } });
    assert.equal(method.status, 405);
    assert.equal(method.headers.get('content-type'), 'application/problem+json');
    // Outside /api/ the same errors stay pages for browsers.
    const page = await fetch(`${server.url}/bestaat-niet`);
    assert.match(page.headers.get('content-type'), /^text\/html/);
  });
});

describe('the rate limit per key', () => {
  test('a key that sends too much gets 429 with Retry-After; another key is not held up', async () => {
    const key = await makeKey('Drukke partner');
    let limited;
    // A burst of 60, then two a second: well within 100 quick requests the limit is reached.
    for (let i = 0; i < 100 && !limited; i++) {
      const res = await send(key, null, { raw: '{' });
      if (res.status === 429) limited = res;
      else assert.equal(res.status, 400);
    }
    assert.ok(limited, 'the limit was reached');
    assertDocumented(limited);
    assert.equal(limited.body.type, 'urn:meldpunt:problem:rate-limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await send(routingKey, null, { raw: '{' })).status, 400);
  });
});
