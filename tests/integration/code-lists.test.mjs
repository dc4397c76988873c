// Versioned code lists: the system admin adds and retires codes, each change makes a version,
// and staff classify a report again under the current version, which the report then keeps.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { staffLogin, submitValid, validReport } from './flows.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-88';

describe('code lists', () => {
  let server;
  let system;
  let handler;
  let caseLink;

  before(async () => {
    server = await startServer();
    for (const [email, role] of [['app@meldpunt.example', 'system_admin'], ['behandelaar@meldpunt.example', 'handler']]) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role], `${PASSWORD}\n`);
      assert.equal(r.code, 0, r.stderr);
    }
    system = await staffLogin(server.url, 'app@meldpunt.example', PASSWORD);
    handler = await staffLogin(server.url, 'behandelaar@meldpunt.example', PASSWORD);
    const ref = await submitValid(server.url, validReport({ wishes: ['advice'], domain: 'labour' }));
    const list = await (await handler.fetch(`${server.url}/medewerkers/meldingen`)).text();
    caseLink = list.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${ref}<`))[1];
  });
  after(() => server?.stop());

  test('only the system admin manages the lists', async () => {
    assert.equal((await handler.fetch(`${server.url}/medewerkers/codelijsten`, { redirect: 'manual' })).status, 403);
    const page = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    assert.equal(page.status, 200);
    assert.match(page.html, /id="code-list-version">2025\.1</);
    const refused = await postForm(handler, `${server.url}/medewerkers/codelijsten`, {
      csrf: page.csrf, list: 'domains', code: 'politics', label_nl: 'Politiek', label_en: 'Politics',
    });
    assert.equal(refused.status, 403);
  });

  test('a bad code is refused with the reason and what was typed stays', async () => {
    const page = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    const bad = await postForm(system, `${server.url}/medewerkers/codelijsten`, {
      csrf: page.csrf, list: 'domains', code: 'Politiek!', label_nl: 'Politiek', label_en: 'Politics',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /Een code heeft hoogstens 40 kleine letters/);
    assert.match(bad.html, /value="Politiek!"/);
    const exists = await postForm(system, `${server.url}/medewerkers/codelijsten`, {
      csrf: page.csrf, list: 'grounds', code: 'religion', label_nl: 'Godsdienst', label_en: 'Religion',
    });
    assert.equal(exists.status, 422);
    assert.match(exists.html, /Deze lijst heeft deze code al\./);
  });

  test('adding a code makes a new version, and a report classified with it keeps that version', async () => {
    const page = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    const added = await postForm(system, `${server.url}/medewerkers/codelijsten`, {
      csrf: page.csrf, list: 'domains', code: 'politics', label_nl: 'Politiek en publieke opinievorming', label_en: 'Politics and public opinion',
    });
    assert.equal(added.status, 303);
    const version = new URL(added.location, server.url).searchParams.get('versie');
    assert.match(version, /^\d{4}\.1$/);
    const after = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    assert.match(after.html, new RegExp(`id="code-list-version">${version.replace('.', '\\.')}<`));
    assert.match(after.html, /Politiek en publieke opinievorming/);

    const form = await getForm(handler, `${server.url}${caseLink}/classificatie`);
    assert.equal(form.status, 200);
    assert.match(form.html, /id="report-code-list-version">2025\.1</);
    assert.match(form.html, /value="politics"/);
    const saved = await postForm(handler, `${server.url}${caseLink}/classificatie`, {
      csrf: form.csrf, case_version: form.html.match(/name="case_version" value="(\d+)"/)[1],
      nature: 'hostile_treatment', grounds: ['origin', 'religion'], domain: 'politics',
    });
    assert.equal(saved.status, 303);
    const again = await getForm(handler, `${server.url}${caseLink}/classificatie`);
    assert.match(again.html, new RegExp(`id="report-code-list-version">${version.replace('.', '\\.')}<`));
    assert.match(again.html, /value="politics" checked/);
    assert.match(again.html, /value="hostile_treatment" checked/);
    // A stale form (the case changed since it was loaded) does not overwrite the change.
    const stale = await postForm(handler, `${server.url}${caseLink}/classificatie`, {
      csrf: form.csrf, case_version: form.html.match(/name="case_version" value="(\d+)"/)[1],
      nature: 'threat', grounds: ['age'], domain: 'labour',
    });
    assert.equal(stale.status, 409);
    assert.match((await getForm(handler, `${server.url}${caseLink}/classificatie`)).html, /value="hostile_treatment" checked/);
  });

  test('a retired code is no longer offered but stays on the report that has it', async () => {
    const page = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    const retired = await postForm(system, `${server.url}/medewerkers/codelijsten/intrekken`, {
      csrf: page.csrf, list: 'domains', code: 'politics',
    });
    assert.equal(retired.status, 303);
    const form = await getForm(handler, `${server.url}${caseLink}/classificatie`);
    assert.match(form.html, /value="politics" checked/, 'still on this report');
    assert.match(form.html, /\(ingetrokken\)/);
    const ref = await submitValid(server.url, validReport({ wishes: ['advice'] }));
    const list = await (await handler.fetch(`${server.url}/medewerkers/meldingen`)).text();
    const other = list.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${ref}<`))[1];
    const otherForm = await getForm(handler, `${server.url}${other}/classificatie`);
    assert.ok(!otherForm.html.includes('value="politics"'), 'not offered for a new classification');
    const refused = await postForm(handler, `${server.url}${other}/classificatie`, {
      csrf: otherForm.csrf, case_version: otherForm.html.match(/name="case_version" value="(\d+)"/)[1],
      nature: 'threat', grounds: ['age'], domain: 'politics',
    });
    assert.equal(refused.status, 422);
  });
  test('an added handling code is offered when closing and a case closes with it; retired, it is refused', async () => {
    let page = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    const added = await postForm(system, `${server.url}/medewerkers/codelijsten`, {
      csrf: page.csrf, list: 'handlings', code: 'buddy_project', label_nl: 'Maatjesproject', label_en: 'Buddy project',
    });
    assert.equal(added.status, 303, added.html?.slice(0, 500));
    const open = async () => {
      const ref = await submitValid(server.url, validReport({ wishes: ['advice'] }));
      const list = await (await handler.fetch(`${server.url}/medewerkers/meldingen`)).text();
      return list.match(new RegExp(`href="(/medewerkers/meldingen/\\d+)">${ref}<`))[1];
    };
    const link = await open();
    const casePage = await getForm(handler, `${server.url}${link}`);
    assert.match(casePage.html, /<input type="checkbox" id="handling-buddy_project" name="handlings" value="buddy_project">\s*<label for="handling-buddy_project">Maatjesproject<\/label>/);
    const version = () => casePage.html.match(/name="case_version" value="(\d+)"/)[1];
    const closed = await postForm(handler, `${server.url}${link}/afsluiten`, {
      csrf: casePage.csrf, case_version: version(), handlings: 'buddy_project', outcome: 'resolved',
    });
    assert.equal(closed.status, 303, closed.html?.slice(0, 800));
    const after = await getForm(handler, `${server.url}${link}`);
    assert.match(after.html, /id="case-handlings" data-handlings="buddy_project"/);

    page = await getForm(system, `${server.url}/medewerkers/codelijsten`);
    assert.equal((await postForm(system, `${server.url}/medewerkers/codelijsten/intrekken`, {
      csrf: page.csrf, list: 'handlings', code: 'buddy_project',
    })).status, 303);
    const other = await open();
    const otherPage = await getForm(handler, `${server.url}${other}`);
    assert.ok(!otherPage.html.includes('value="buddy_project"'), 'a retired handling is not offered');
    const refused = await postForm(handler, `${server.url}${other}/afsluiten`, {
      csrf: otherPage.csrf, case_version: otherPage.html.match(/name="case_version" value="(\d+)"/)[1], handlings: 'buddy_project', outcome: 'resolved',
    });
    assert.equal(refused.status, 422);
  });
});
