// Staff search as a GET (issue 14): the search is an address (q= for the free text) that can be
// bookmarked and reopened, the form keeps what was searched for, every search is one audit entry
// without the text, and the closing note (afsluiting) is searched with the other free text. A
// handler of another bureau finds nothing of this bureau's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { elements, inputs } from './html.mjs';
import { addBureau, reportWithEmail, staffLogin, submitValid } from './flows.mjs';
import { sql } from './database.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-44';
const UTRECHT = 'GM0344'; // bureau 2's working area
const ROTTERDAM = 'GM0599'; // bureau 1's
const USERS = {
  handler1: ['zoeker1@adv.example', 'handler', []],
  handler2: ['zoeker2@adv.example', 'handler', ['--bureau', '2']],
};
const CLOSING_WORD = 'Zwanenburgkade';

function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}

function results(html) {
  return {
    references: elements(html, 'tr', (a) => a['data-reference']).map((r) => r.attrs['data-reference']),
    total: Number(elements(html, 'strong', (a) => a['data-count'] === 'total')[0]?.text),
  };
}

describe('search as a GET, including the closing note', () => {
  let server;
  const jars = {};
  const cases = {};

  async function caseId(jar, reference) {
    const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
    return list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1];
  }

  before(async () => {
    server = await startServer();
    assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    for (const name of ['closed', 'other']) {
      const reference = await submitValid(server.url, reportWithEmail(`${name}@example.nl`, {
        incident_municipality: ROTTERDAM, residence_municipality: ROTTERDAM, wishes: ['advice'],
      }));
      cases[name] = { reference, id: await caseId(jars.handler1, reference) };
    }
    // The word is only in the closing note: not in the description or the contact details.
    const page = await getForm(jars.handler1, `${server.url}/medewerkers/meldingen/${cases.closed.id}`);
    const closed = await postForm(jars.handler1, `${server.url}/medewerkers/meldingen/${cases.closed.id}/afsluiten`, {
      csrf: page.csrf, case_version: hidden(page.html, 'case_version'),
      handlings: ['advice'], outcome: 'resolved', text: `Opgelost na een gesprek aan de ${CLOSING_WORD}.`,
    });
    assert.equal(closed.status, 303, closed.html?.slice(0, 1000));
    // Stored encrypted: the word is not in the database in clear.
    const clear = await sql(server, `SELECT COUNT(*) FROM case_events WHERE text_enc LIKE '%${CLOSING_WORD}%'`);
    assert.deepEqual(clear, ['0']);
  });
  after(() => server?.stop());

  test('the search form is a GET form without an anti-forgery token, the text field is q', async () => {
    const html = await (await jars.handler1.fetch(`${server.url}/medewerkers/zoeken`)).text();
    const [form] = elements(html, 'form', (a) => a.id === 'search-form');
    assert.equal(form.attrs.method, 'get');
    assert.equal(inputs(form.html, 'csrf').length, 0);
    assert.equal(inputs(form.html, 'q').length, 1);
    assert.deepEqual(results(html).references, [], 'no results before searching');
  });

  test('words only in the closing note find the case; the address reopens the same search', async () => {
    const url = `${server.url}/medewerkers/zoeken?q=${encodeURIComponent(CLOSING_WORD.toLowerCase())}`;
    const first = await jars.handler1.fetch(url);
    assert.equal(first.status, 200);
    const html = await first.text();
    assert.deepEqual(results(html), { references: [cases.closed.reference], total: 1 });
    assert.equal(inputs(html, 'q')[0].value, CLOSING_WORD.toLowerCase(), 'the box keeps the query');
    // Bookmarked, or the back button: the same address gives the same results.
    const again = await (await jars.handler1.fetch(url)).text();
    assert.deepEqual(results(again).references, [cases.closed.reference]);
    // A browser's form submission sends spaces as '+', with the other fields empty.
    const typed = await (await jars.handler1.fetch(
      `${server.url}/medewerkers/zoeken?ref=&municipality=&q=gesprek+aan+de&page=1`)).text();
    assert.deepEqual(results(typed).references, [cases.closed.reference]);
    // One audit entry per search, with its filters but without the text searched for.
    const audited = await sql(server, "SELECT subject FROM audit_log WHERE action = 'search' ORDER BY id");
    assert.equal(audited.length, 3, audited.join('\n'));
    assert.ok(audited.every((s) => s.includes('text=yes') && !/zwanenburg|gesprek/i.test(s)), audited.join('\n'));
    // The request log writes the path, never the query.
    assert.ok(!server.stderr().toLowerCase().includes(CLOSING_WORD.toLowerCase()), 'not in the logs');
  });

  test('a search with filters only, and a bad field comes back with the message and the fields', async () => {
    const all = await (await jars.handler1.fetch(`${server.url}/medewerkers/zoeken?step=open`)).text();
    assert.deepEqual(results(all).references, [cases.other.reference]);
    const bad = await jars.handler1.fetch(`${server.url}/medewerkers/zoeken?q=x&from=gisteren`);
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /minstens 2 tekens/);
    assert.equal(inputs(html, 'q')[0].value, 'x');
    assert.equal(inputs(html, 'from')[0].value, 'gisteren');
  });

  test('a handler of another bureau finds nothing of this bureau\'s', async () => {
    const html = await (await jars.handler2.fetch(
      `${server.url}/medewerkers/zoeken?q=${encodeURIComponent(CLOSING_WORD)}`)).text();
    assert.deepEqual(results(html), { references: [], total: 0 });
    const byRef = await (await jars.handler2.fetch(
      `${server.url}/medewerkers/zoeken?ref=${encodeURIComponent(cases.closed.reference)}`)).text();
    assert.deepEqual(results(byRef), { references: [], total: 0 });
  });
});
