// Duplicate hints and related cases (issue 14): the case page shows the bureau's other reports
// with the same e-mail address or a similar text ("Mogelijk dezelfde zaak"), never another
// bureau's; staff link two cases as related (shown on both pages, in both histories and audited
// on both) and unlink them; erasing a report's personal data removes its blind index and
// signature; `meldpunt duplicates backfill` makes the keys of reports that lack them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, elements, inputs, textOf } from './html.mjs';
import { addBureau, addStaff, reportWithEmail, staffLogin, submitValid, validReport } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-33';
const UTRECHT = 'GM0344'; // bureau 2's working area
const ROTTERDAM = 'GM0599'; // bureau 1's (every municipality outside an area)
const HERE = { incident_municipality: ROTTERDAM, residence_municipality: ROTTERDAM };
const THERE = { incident_municipality: UTRECHT, residence_municipality: UTRECHT };

const GYM = 'Bij de ingang van de sportschool aan de Lange Straat werd mij gezegd dat ik met mijn '
  + 'hoofddoek niet mocht sporten. De medewerker zei dat dit de regel is in alle vestigingen.';
const GYM_AGAIN = 'Bij de ingang van de sportschool aan de Lange Straat werd mij gezegd dat ik met mijn '
  + 'hoofddoek niet mocht sporten. De medewerker zei dat dit de regel is in alle filialen.';
const NEIGHBOUR = 'Mijn buurman scheldt mij al maanden uit vanwege mijn afkomst en heeft nu ook een '
  + 'briefje in de brievenbus gedaan met bedreigingen erop.';
const TAXI = 'De taxichauffeur weigerde mij en mijn blindengeleidehond mee te nemen naar het station, '
  + 'terwijl er genoeg plaats was in de auto.';

function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}

/** The hints on a case page: reference -> reasons text and codes. */
function hintsOf(html) {
  const list = byId(html, 'duplicate-hints', ['ul']);
  if (!list) return {};
  const hints = {};
  for (const li of elements(list.html, 'li', (a) => a.class === 'duplicate-hint')) {
    const reference = li.text.match(/MP-\d{4}-\d{6}/)[0];
    hints[reference] = {
      reasons: textOf(elements(li.html, 'span', (a) => a.class === 'duplicate-reasons')[0].html),
      codes: li.attrs['data-reasons'].trim().split(/\s+/).sort(),
    };
  }
  return hints;
}

function relatedOf(html) {
  const list = byId(html, 'related-list', ['ul']);
  // The references the list links to (the unlink button names its case too, for screen readers).
  return list ? [...list.html.matchAll(/<a href="[^"]*">(MP-\d{4}-\d{6})<\/a>/g)].map((m) => m[1]) : [];
}

describe('duplicate hints and related cases', () => {
  let server;
  let admin;
  let handler;
  let handler2;
  const cases = {}; // name -> { id, reference }

  async function caseId(jar, reference) {
    const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
    return list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1];
  }

  async function page(jar, name) {
    const res = await jar.fetch(`${server.url}/medewerkers/meldingen/${cases[name].id}`);
    assert.equal(res.status, 200);
    return res.text();
  }

  /** Links (or unlinks) `other` (a reference) from the case page of `name`. */
  async function relate(jar, name, other, change = 'link') {
    const form = await getForm(jar, `${server.url}/medewerkers/meldingen/${cases[name].id}`);
    return postForm(jar, `${server.url}/medewerkers/meldingen/${cases[name].id}/gerelateerd`,
      { csrf: form.csrf, case_version: hidden(form.html, 'case_version'), other, change });
  }

  before(async () => {
    server = await startServer();
    assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
    await addStaff(server);
    for (const [email, extra] of [['behandelaar@adv.example', []], ['behandelaar2@adv.example', ['--bureau', '2']]]) {
      const r = await server.run(['user', 'add', '--email', email, '--role', 'handler', ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, r.stderr);
    }
    admin = await staffLogin(server.url);
    handler = await staffLogin(server.url, 'behandelaar@adv.example', PASSWORD);
    handler2 = await staffLogin(server.url, 'behandelaar2@adv.example', PASSWORD);
    const reports = {
      gym: [handler, reportWithEmail('anna.jansen@example.nl', { ...HERE, description: GYM })],
      // The same reporter about something else, the address typed otherwise.
      sameEmail: [handler, reportWithEmail('  Anna.Jansen@Example.NL', { ...HERE, description: NEIGHBOUR })],
      // Someone else telling the same story.
      sameText: [handler, validReport({ ...HERE, description: GYM_AGAIN })],
      unrelated: [handler, validReport({ ...HERE, description: TAXI })],
      // The same address and text, at another bureau.
      elsewhere: [handler2, reportWithEmail('anna.jansen@example.nl', { ...THERE, description: GYM })],
    };
    for (const [name, [jar, fields]] of Object.entries(reports)) {
      const reference = await submitValid(server.url, fields);
      cases[name] = { reference, id: await caseId(jar, reference) };
    }
  });
  after(() => server?.stop());

  test('the case page hints at the same e-mail address and at a similar text, with the reason', async () => {
    const html = await page(handler, 'gym');
    assert.ok(byId(html, 'related', ['section']), 'the part is on the page');
    assert.match(byId(html, 'related', ['section']).text, /Mogelijk dezelfde zaak/);
    const hints = hintsOf(html);
    assert.deepEqual(Object.keys(hints).sort(), [cases.sameEmail.reference, cases.sameText.reference].sort());
    assert.equal(hints[cases.sameEmail.reference].reasons, 'zelfde e-mailadres');
    assert.deepEqual(hints[cases.sameEmail.reference].codes, ['email']);
    assert.equal(hints[cases.sameText.reference].reasons, 'lijkende tekst');
    assert.ok(!html.includes(cases.unrelated.reference), 'an unrelated report is not hinted');
    assert.ok(!html.includes(cases.elsewhere.reference), 'another bureau\'s report is never hinted');
    // A hint links to the other case and has the button to link it.
    assert.ok(html.includes(`href="/medewerkers/meldingen/${cases.sameEmail.id}"`));
    assert.match(byId(html, 'duplicate-hints', ['ul']).text, /Koppelen als gerelateerd/);
    // Both ways: the other report hints back.
    assert.ok(hintsOf(await page(handler, 'sameEmail'))[cases.gym.reference]);
    // Nothing personal is stored in the clear for it.
    const stored = await sql(server, `SELECT kind || ':' || key_hash FROM match_keys WHERE report_id = ${cases.gym.id}`);
    assert.ok(stored.some((k) => k.startsWith('email:')) && stored.some((k) => k.startsWith('text:')));
    assert.ok(!stored.join(' ').includes('anna'), 'keyed hashes only');
  });

  test('another bureau sees only its own reports: no hint from bureau 1', async () => {
    const html = await page(handler2, 'elsewhere');
    assert.deepEqual(hintsOf(html), {});
    assert.ok(byId(html, 'duplicates-empty'));
  });

  test('linking a hint as related shows the link on both cases, in both histories and audit entries', async () => {
    const res = await relate(handler, 'gym', cases.sameEmail.reference);
    assert.equal(res.status, 303, res.html?.slice(0, 1500));
    assert.match(res.location, /gedaan=gerelateerd/);
    const mine = await (await handler.fetch(`${server.url}${res.location}`)).text();
    assert.match(byId(mine, 'case-done').text, /gekoppeld als gerelateerd/);
    assert.deepEqual(relatedOf(mine), [cases.sameEmail.reference]);
    assert.ok(!hintsOf(mine)[cases.sameEmail.reference], 'a related case is no longer a hint');
    const theirs = await page(handler, 'sameEmail');
    assert.deepEqual(relatedOf(theirs), [cases.gym.reference]);
    assert.match(mine, new RegExp(`Gekoppeld als gerelateerd: ${cases.sameEmail.reference}`));
    assert.match(theirs, new RegExp(`Gekoppeld als gerelateerd: ${cases.gym.reference}`));
    assert.equal(await auditCount(server, 'case.related', `${cases.gym.reference}: link ${cases.sameEmail.reference}`), 1);
    assert.equal(await auditCount(server, 'case.related', `${cases.sameEmail.reference}: link ${cases.gym.reference}`), 1);
    // Linked again: refused, nothing added.
    const again = await relate(handler, 'sameEmail', cases.gym.reference);
    assert.equal(again.status, 422);
    assert.match(byId(again.html, 'related-error').text, /al gekoppeld/);
    assert.equal(await auditCount(server, 'case.related'), 2);
  });

  test('a reference of another bureau, a wrong one or the case itself is refused, and what was typed stays', async () => {
    const elsewhere = await relate(handler, 'gym', cases.elsewhere.reference);
    assert.equal(elsewhere.status, 422);
    assert.match(byId(elsewhere.html, 'related-error').text, /geen zaak met dit meldingsnummer/);
    assert.equal(inputs(elsewhere.html, 'other').find((i) => i.id === 'related-other').value, cases.elsewhere.reference);
    const wrong = await relate(handler, 'gym', 'MP-12');
    assert.equal(wrong.status, 422);
    assert.match(byId(wrong.html, 'related-error').text, /MP-2026-000042/);
    assert.equal(inputs(wrong.html, 'other').find((i) => i.id === 'related-other').value, 'MP-12');
    const itself = await relate(handler, 'gym', cases.gym.reference.toLowerCase());
    assert.equal(itself.status, 422);
    assert.match(byId(itself.html, 'related-error').text, /zichzelf/);
    assert.equal(await auditCount(server, 'case.related'), 2);
    assert.deepEqual(await sql(server, 'SELECT COUNT(*) FROM case_relations'), ['2']);
  });

  test('unlinking removes the link from both cases and records it on both', async () => {
    const res = await relate(handler, 'sameEmail', cases.gym.reference, 'unlink');
    assert.equal(res.status, 303, res.html?.slice(0, 1500));
    const theirs = await page(handler, 'sameEmail');
    const mine = await page(handler, 'gym');
    assert.deepEqual(relatedOf(theirs), []);
    assert.deepEqual(relatedOf(mine), []);
    assert.ok(byId(mine, 'related-empty'));
    assert.match(mine, new RegExp(`Ontkoppeld als gerelateerd: ${cases.sameEmail.reference}`));
    assert.ok(hintsOf(mine)[cases.sameEmail.reference], 'a hint again');
    assert.equal(await auditCount(server, 'case.related', '%: unlink %'), 2);
    const notLinked = await relate(handler, 'gym', cases.sameEmail.reference, 'unlink');
    assert.equal(notLinked.status, 422);
    assert.match(byId(notLinked.html, 'related-error').text, /niet gekoppeld/);
  });

  test('erasing a report\'s personal data removes its blind index and signature', async () => {
    assert.notEqual((await sql(server, `SELECT COUNT(*) FROM match_keys WHERE report_id = ${cases.sameText.id}`))[0], '0');
    const url = `${server.url}/medewerkers/meldingen/${cases.sameText.id}/wissen`;
    const form = await getForm(admin, url);
    assert.equal(form.status, 200);
    assert.equal((await postForm(admin, url, { csrf: form.csrf, confirm: 'yes' })).status, 303);
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM match_keys WHERE report_id = ${cases.sameText.id}`), ['0']);
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM match_signatures WHERE report_id = ${cases.sameText.id}`), ['0']);
    assert.ok(!hintsOf(await page(handler, 'gym'))[cases.sameText.reference], 'no longer hinted');
  });

  test('the backfill makes the keys of reports that have none, and hints follow', async () => {
    await sql(server, `DELETE FROM match_keys WHERE report_id = ${cases.sameEmail.id}`);
    await sql(server, `DELETE FROM match_signatures WHERE report_id = ${cases.sameEmail.id}`);
    assert.ok(!hintsOf(await page(handler, 'gym'))[cases.sameEmail.reference]);
    const r = await server.run(['duplicates', 'backfill', '--batch', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /keys made for 1 reports/);
    assert.deepEqual(hintsOf(await page(handler, 'gym'))[cases.sameEmail.reference]?.codes, ['email']);
    const none = await server.run(['duplicates', 'backfill']);
    assert.match(none.stdout, /keys made for 0 reports/);
  });
});
