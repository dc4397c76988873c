// Referrals (doorverwijzing, issue 14): a handler records where a case was referred to (police,
// College voor de Rechten van de Mens, Kinderombudsman, the municipality, another body by name) and
// on which day; a wrong form comes back with the reason. A recorded referral is the handling
// "referral" when the case closes, also when the handler did not tick it, so the figures count it:
// one number, one truth, the same in the municipal report (page and CSV) and the national file.
// Runs on SQLite and, through MELDPUNT_TEST_DATABASE, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, inputs } from './html.mjs';
import { reportingYear, reportWithEmail, staffLogin, submitValid, isoDay } from './flows.mjs';
import { auditCount, sql } from './database.mjs';
import { municipalCsvTables, municipalPageTables, nationalCsv } from './figures-outputs.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-34';
const ROTTERDAM = 'GM0599';
const Y = reportingYear();

function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}

/** Today on the Dutch calendar, YYYY-MM-DD. */
function dutchToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

describe('a referral counts as the handling referral in the figures', () => {
  let server;
  let jar;
  const ids = [];

  async function post(id, path, fields) {
    const page = await getForm(jar, `${server.url}/medewerkers/meldingen/${id}`);
    return postForm(jar, `${server.url}/medewerkers/meldingen/${id}/${path}`,
      { csrf: page.csrf, case_version: hidden(page.html, 'case_version'), ...fields });
  }

  before(async () => {
    server = await startServer();
    const r = await server.run(['user', 'add', '--email', 'coord@adv.example', '--role', 'coordinator'], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
    jar = await staffLogin(server.url, 'coord@adv.example', PASSWORD);
    for (let i = 0; i < 12; i++) {
      const reference = await submitValid(server.url, reportWithEmail(`melder${i}@example.nl`,
        { incident_municipality: ROTTERDAM, residence_municipality: ROTTERDAM, wishes: ['advice'] }));
      const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
      ids.push(list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1]);
    }
  });
  after(() => server?.stop());

  test('the form refuses what is wrong, with the reason, and keeps what was typed', async () => {
    const page = await (await jar.fetch(`${server.url}/medewerkers/meldingen/${ids[0]}`)).text();
    assert.ok(byId(page, 'form-referral'), 'the referral form is on the case page');
    assert.equal(inputs(page, 'date').find((i) => i.id === 'referral-date').value, dutchToday(), 'today by default');
    const cases = [
      [{ destination: '', date: dutchToday() }, /Kies waarheen/],
      [{ destination: 'other', body: ' ', date: dutchToday() }, /naam van de instantie/],
      [{ destination: 'police', body: 'Bureau Noord', date: dutchToday() }, /alleen bij/],
      [{ destination: 'police', date: isoDay(3) }, /niet in de toekomst/],
      [{ destination: 'police', date: 'gisteren' }, /als datum/],
    ];
    for (const [fields, message] of cases) {
      const res = await post(ids[0], 'doorverwijzing', fields);
      assert.equal(res.status, 422, JSON.stringify(fields));
      assert.match(byId(res.html, 'referral-error').text, message);
      if (fields.body) assert.equal(inputs(res.html, 'body')[0].value, fields.body);
    }
    assert.equal(await auditCount(server, 'case.referral'), 0);
  });

  test('seven referrals, each with its destination and day, in the history and the audit log', async () => {
    const destinations = ['police', 'college_rechten_mens', 'kinderombudsman', 'municipality', 'other', 'police', 'municipality'];
    for (const [i, destination] of destinations.entries()) {
      const fields = { destination, date: recentDay(), ...(destination === 'other' ? { body: 'Juridisch Loket' } : {}) };
      const res = await post(ids[i], 'doorverwijzing', fields);
      assert.equal(res.status, 303, res.html?.slice(0, 1000));
      assert.match(res.location, /gedaan=doorverwezen/);
    }
    const page = await (await jar.fetch(`${server.url}/medewerkers/meldingen/${ids[4]}?gedaan=doorverwezen`)).text();
    assert.match(byId(page, 'case-done').text, /doorverwijzing is vastgelegd/);
    assert.match(page, /Doorverwezen naar: Een andere instantie[\s\S]*Juridisch Loket/);
    const police = await (await jar.fetch(`${server.url}/medewerkers/meldingen/${ids[0]}`)).text();
    assert.match(police, new RegExp(`Doorverwezen naar: Politie, op ${recentDay()}`));
    assert.equal(await auditCount(server, 'case.referral'), 7);
    const subjects = await sql(server, "SELECT subject FROM audit_log WHERE action = 'case.referral'");
    assert.ok(subjects.every((s) => !s.includes('Juridisch')), 'codes and the day only on the audit log');
    assert.ok(subjects.some((s) => s.endsWith(`other ${recentDay()}`)), subjects.join('\n'));
    const [stored] = await sql(server, `SELECT code || ' ' || detail FROM case_events WHERE kind = 'referred' AND report_id = ${ids[1]}`);
    assert.equal(stored, `college_rechten_mens ${recentDay()}`);
  });

  test('closing adds the handling referral; the municipal report and the national file count the same 7', async () => {
    // The handler ticks only a listening ear: the recorded referral is added, so "referred" is a
    // valid outcome. Five other cases get advice: the smallest shown cell, which the files hide
    // to protect the zeros (small-number suppression), so that the referral count stays visible.
    for (const id of ids.slice(0, 7)) {
      const res = await post(id, 'afsluiten', { handlings: ['listening_ear'], outcome: 'referred' });
      assert.equal(res.status, 303, res.html?.slice(0, 1500));
    }
    for (const id of ids.slice(7)) {
      const res = await post(id, 'afsluiten', { handlings: ['listening_ear', 'advice'], outcome: 'resolved' });
      assert.equal(res.status, 303, res.html?.slice(0, 1500));
    }
    const stored = await sql(server, "SELECT handling || ' ' || COUNT(*) FROM report_handlings GROUP BY handling ORDER BY handling");
    assert.deepEqual(stored, ['advice 5', 'listening_ear 12', 'referral 7']);

    // A closed case has no referral form, and a made-up one is refused.
    const closed = await (await jar.fetch(`${server.url}/medewerkers/meldingen/${ids[0]}`)).text();
    assert.equal(byId(closed, 'form-referral'), undefined);
    const late = await post(ids[0], 'doorverwijzing', { destination: 'police', date: dutchToday() });
    assert.equal(late.status, 422);

    const q = `gemeente=${ROTTERDAM}&jaar=${Y}`;
    const pageRes = await jar.fetch(`${server.url}/medewerkers/cijfers/gemeente?${q}`);
    assert.equal(pageRes.status, 200);
    const shown = municipalPageTables(await pageRes.text());
    const csvRes = await jar.fetch(`${server.url}/medewerkers/cijfers/gemeente.csv?${q}`);
    assert.equal(csvRes.status, 200);
    const csv = municipalCsvTables(await csvRes.text()).tables;
    for (const population of ['incident', 'residents']) {
      assert.equal(shown[`${population}-handling`].referral.current, '7', `${population} on the page`);
      assert.equal(csv[`${population}-handling`].referral.current, '7', `${population} in the CSV`);
      assert.equal(csv[`${population}-handling`].listening_ear.current, '12', `${population} in the CSV`);
    }
    const nationalRes = await jar.fetch(`${server.url}/medewerkers/cijfers/landelijk.csv?jaar=${Y}`);
    assert.equal(nationalRes.status, 200);
    const national = nationalCsv(await nationalRes.text());
    // The bureau's lines (bureau_id is its name as a key) and the roll-up (landelijk).
    const bureau = Object.keys(national.byBureau).find((key) => key !== 'landelijk');
    assert.ok(bureau, Object.keys(national.byBureau).join(', '));
    for (const key of [bureau, 'landelijk']) {
      assert.equal(national.byBureau[key]['handling/referral'], '7', `${key} referral`);
      assert.equal(national.byBureau[key]['handling/listening_ear'], '12', `${key} listening_ear`);
    }
  });
});

/** Yesterday on the Dutch calendar, unless that is last year: then today. */
function recentDay() {
  const today = dutchToday();
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return yesterday.slice(0, 4) === today.slice(0, 4) ? yesterday : today;
}
