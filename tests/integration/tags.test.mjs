// Tags (labels, issue 14): a bureau admin adds, renames and retires the bureau's own tags; a
// handler puts them on cases and takes them off (in the history and the audit log); the list of
// reports shows them in its rows and filters on one (label=<id>); the tags page counts the open
// cases and all cases with each tag. Two bureaus: neither sees nor uses the other's tags.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from './harness.mjs';
import { byId, inputs, tableRows, textOf } from './html.mjs';
import { addBureau, reportWithEmail, staffLogin, submitValid } from './flows.mjs';
import { auditCount, sql } from './database.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-33';
const UTRECHT = 'GM0344'; // bureau 2's working area
const ROTTERDAM = 'GM0599'; // bureau 1's (every municipality outside an area)
const USERS = {
  admin1: ['beheer1@adv.example', 'bureau_admin', []],
  handler1: ['behandelaar1@adv.example', 'handler', []],
  admin2: ['beheer2@adv.example', 'bureau_admin', ['--bureau', '2']],
  handler2: ['behandelaar2@adv.example', 'handler', ['--bureau', '2']],
};

/** The rows of table#reports that are reports (not the header). */
function reportIds(html) {
  return (tableRows(html, 'reports') ?? []).filter((r) => r.attrs['data-id']);
}

function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}

describe('tags of a bureau on its cases', () => {
  let server;
  const jars = {};
  const cases = {}; // name -> { id, reference }
  const tagIds = {}; // name -> id

  async function caseId(jar, reference) {
    const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
    return list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1];
  }

  /** Adds a tag on the tags page as `who`; returns the response. */
  async function addTag(who, name) {
    const page = await getForm(jars[who], `${server.url}/medewerkers/labels`);
    assert.equal(page.status, 200);
    return postForm(jars[who], `${server.url}/medewerkers/labels`, { csrf: page.csrf, action: 'add', name });
  }

  async function tagIdOf(bureau, name) {
    return (await sql(server, `SELECT id FROM bureau_tags WHERE bureau_id = ${bureau} AND name = '${name}'`))[0];
  }

  /** Puts a tag on a case (change add) or takes it off (remove), from the case page. */
  async function tagCase(who, id, tag, change = 'add') {
    const page = await getForm(jars[who], `${server.url}/medewerkers/meldingen/${id}`);
    return postForm(jars[who], `${server.url}/medewerkers/meldingen/${id}/labels`,
      { csrf: page.csrf, case_version: hidden(page.html, 'case_version'), tag, change });
  }

  async function tagsRow(who, id) {
    const html = await (await jars[who].fetch(`${server.url}/medewerkers/labels`)).text();
    const row = (tableRows(html, 'tags') ?? []).find((r) => r.attrs['data-tag'] === String(id));
    return row && {
      open: Number(row.cells.find((c) => c.attrs.class === 'open-cases').text),
      all: Number(textOf(row.cells.find((c) => c.attrs.class === 'all-cases').html).match(/^\d+/)[0]),
    };
  }

  before(async () => {
    server = await startServer();
    assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
    for (const [name, [email, role, extra]] of Object.entries(USERS)) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      jars[name] = await staffLogin(server.url, email, PASSWORD);
    }
    for (const name of ['a', 'b', 'c']) {
      const reference = await submitValid(server.url, reportWithEmail('melder@example.nl', { incident_municipality: ROTTERDAM, residence_municipality: ROTTERDAM, wishes: ['letter'] }));
      cases[name] = { reference, id: await caseId(jars.handler1, reference) };
    }
    const reference = await submitValid(server.url, reportWithEmail('melder2@example.nl', { incident_municipality: UTRECHT, residence_municipality: UTRECHT, wishes: ['letter'] }));
    cases.utrecht = { reference, id: await caseId(jars.handler2, reference) };
  });
  after(() => server?.stop());

  test('the admin adds tags; a duplicate, an empty or a too long name is refused and kept', async () => {
    assert.equal((await addTag('admin1', 'Sportscholen')).status, 303);
    assert.equal((await addTag('admin1', 'Wijk Noord')).status, 303);
    const done = await (await jars.admin1.fetch(`${server.url}/medewerkers/labels?gedaan=toegevoegd`)).text();
    assert.match(byId(done, 'tags-done').text, /toegevoegd/);
    tagIds.sport = await tagIdOf(1, 'Sportscholen');
    tagIds.noord = await tagIdOf(1, 'Wijk Noord');

    const duplicate = await addTag('admin1', '  sportscholen ');
    assert.equal(duplicate.status, 422);
    assert.match(byId(duplicate.html, 'tag-name-error').text, /al een label met deze naam/);
    assert.equal(inputs(duplicate.html, 'name').find((i) => i.id === 'tag-name').value, 'sportscholen');
    const empty = await addTag('admin1', '   ');
    assert.equal(empty.status, 422);
    assert.match(byId(empty.html, 'tag-name-error').text, /naam/);
    const long = await addTag('admin1', 'x'.repeat(41));
    assert.equal(long.status, 422);
    assert.match(byId(long.html, 'tag-name-error').text, /40 tekens/);
    assert.equal(await auditCount(server, 'tag.add'), 2);

    // A handler does not manage tags.
    const refused = await jars.handler1.fetch(`${server.url}/medewerkers/labels`);
    assert.equal(refused.status, 403);
  });

  test('each bureau has its own tags: the same name twice, and never the other\'s', async () => {
    assert.equal((await addTag('admin2', 'Sportscholen')).status, 303);
    tagIds.utrecht = await tagIdOf(2, 'Sportscholen');
    assert.notEqual(tagIds.utrecht, tagIds.sport);
    const page2 = await (await jars.admin2.fetch(`${server.url}/medewerkers/labels`)).text();
    assert.ok(!page2.includes('Wijk Noord'), 'bureau 2 does not see bureau 1\'s tags');
    assert.equal(tableRows(page2, 'tags').filter((r) => r.attrs['data-tag']).length, 1);
    // Renaming or retiring the other bureau's tag: not found, and nothing changes.
    const form = await getForm(jars.admin2, `${server.url}/medewerkers/labels`);
    for (const action of ['rename', 'retire']) {
      const res = await postForm(jars.admin2, `${server.url}/medewerkers/labels`, { csrf: form.csrf, action, tag: tagIds.noord, name: 'Overgenomen' });
      assert.equal(res.status, 404, action);
    }
    assert.deepEqual(await sql(server, `SELECT name || ' ' || COALESCE(retired_at, 0) FROM bureau_tags WHERE id = ${tagIds.noord}`), ['Wijk Noord 0']);
  });

  test('a handler puts a tag on a case: on the page, in the history and the audit log', async () => {
    const before = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen/${cases.a.id}`)).text();
    assert.ok(byId(before, 'case-tags-empty'));
    const res = await tagCase('handler1', cases.a.id, tagIds.sport);
    assert.equal(res.status, 303, res.html?.slice(0, 1000));
    assert.match(res.location, /gedaan=label-toegevoegd/);
    const page = await (await jars.handler1.fetch(`${server.url}${res.location}`)).text();
    assert.match(byId(page, 'case-done').text, /label is aan de zaak toegevoegd/i);
    assert.match(byId(page, 'case-tag-list').text, /Sportscholen/);
    const history = byId(page, 'case-history') ?? { html: page };
    assert.match(history.html, /Label toegevoegd[\s\S]*Sportscholen/);
    // Only the tags not on the case yet are offered.
    const offered = [...page.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]);
    assert.ok(offered.includes(String(tagIds.noord)) && !offered.includes(String(tagIds.sport)));
    assert.equal(await auditCount(server, 'case.tag', `%: add ${tagIds.sport}`), 1);

    const again = await tagCase('handler1', cases.a.id, tagIds.sport);
    assert.equal(again.status, 422);
    assert.match(again.html, /heeft dit label al/);
    assert.equal((await tagCase('handler1', cases.b.id, tagIds.sport)).status, 303);
    assert.equal((await tagCase('handler1', cases.b.id, tagIds.noord)).status, 303);
  });

  test('another bureau\'s tag is refused on a case, and another bureau\'s case is not found', async () => {
    const foreign = await tagCase('handler1', cases.c.id, tagIds.utrecht);
    assert.equal(foreign.status, 422);
    assert.match(foreign.html, /Kies een van de labels/);
    assert.deepEqual(await sql(server, `SELECT COUNT(*) FROM case_tags WHERE report_id = ${cases.c.id}`), ['0']);
    const page = await getForm(jars.handler2, `${server.url}/medewerkers/meldingen/${cases.utrecht.id}`);
    const other = await postForm(jars.handler2, `${server.url}/medewerkers/meldingen/${cases.a.id}/labels`,
      { csrf: page.csrf, case_version: '1', tag: tagIds.utrecht, change: 'add' });
    assert.equal(other.status, 404);
    const own = await tagCase('handler2', cases.utrecht.id, tagIds.sport);
    assert.equal(own.status, 422, 'bureau 1\'s tag on bureau 2\'s case');
    assert.equal((await tagCase('handler2', cases.utrecht.id, tagIds.utrecht)).status, 303);
  });

  test('the list shows the tags in its rows and filters on one; a tag of another bureau is refused', async () => {
    const list = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen?label=${tagIds.sport}`)).text();
    const rows = reportIds(list);
    assert.deepEqual(rows.map((r) => r.attrs['data-id']).sort(), [cases.a.id, cases.b.id].sort());
    const rowB = rows.find((r) => r.attrs['data-id'] === cases.b.id);
    assert.match(rowB.cells[0].text, /Sportscholen/);
    assert.match(rowB.cells[0].text, /Wijk Noord/);
    // The filter names each tag with its open cases, the count of the tags page (one grouped read).
    assert.match(list, /<option value="\d+" selected>Sportscholen \(2 open\)</);
    assert.equal((await tagsRow('admin1', tagIds.sport)).open, 2);
    const noordOpen = (await tagsRow('admin1', tagIds.noord)).open;
    assert.match(list, new RegExp(`<option value="${tagIds.noord}">Wijk Noord \\(${noordOpen} open\\)<`));
    const noord = reportIds(await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen?label=${tagIds.noord}`)).text());
    assert.deepEqual(noord.map((r) => r.attrs['data-id']), [cases.b.id]);
    // The filter is in the audit entry of the listing.
    const [detail] = await sql(server, `SELECT subject FROM audit_log WHERE action = 'list_reports' AND subject LIKE '%label=${tagIds.noord}%'`);
    assert.match(detail, /^1 reports/);

    for (const wrong of [tagIds.utrecht, 'abc', '999999']) {
      const res = await jars.handler1.fetch(`${server.url}/medewerkers/meldingen?label=${wrong}`);
      assert.equal(res.status, 422, `label=${wrong}`);
      const html = await res.text();
      assert.ok(byId(html, 'label-error'), 'the reason at the field');
      assert.equal(tableRows(html, 'reports'), undefined, 'nothing listed');
    }
    const list2 = await (await jars.handler2.fetch(`${server.url}/medewerkers/meldingen?label=${tagIds.utrecht}`)).text();
    assert.deepEqual(reportIds(list2).map((r) => r.attrs['data-id']), [cases.utrecht.id]);
  });

  test('the tags page counts open and all cases; taking off, retiring and renaming', async () => {
    assert.deepEqual(await tagsRow('admin1', tagIds.sport), { open: 2, all: 2 });
    assert.deepEqual(await tagsRow('admin1', tagIds.noord), { open: 1, all: 1 });
    assert.deepEqual(await tagsRow('admin2', tagIds.utrecht), { open: 1, all: 1 });
    // Close case a as registration only: still counted in all, no longer open.
    await sql(server, `UPDATE reports SET case_step = 'closed' WHERE id = ${cases.a.id}`);
    assert.deepEqual(await tagsRow('admin1', tagIds.sport), { open: 1, all: 2 });

    const off = await tagCase('handler1', cases.b.id, tagIds.sport, 'remove');
    assert.equal(off.status, 303);
    assert.match(off.location, /gedaan=label-verwijderd/);
    const page = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen/${cases.b.id}`)).text();
    assert.match(page, /Label verwijderd[\s\S]*Sportscholen/);
    assert.deepEqual(await tagsRow('admin1', tagIds.sport), { open: 0, all: 1 });
    assert.equal(await auditCount(server, 'case.tag', `%: remove ${tagIds.sport}`), 1);

    const form = await getForm(jars.admin1, `${server.url}/medewerkers/labels`);
    const retired = await postForm(jars.admin1, `${server.url}/medewerkers/labels`, { csrf: form.csrf, action: 'retire', tag: tagIds.noord });
    assert.equal(retired.status, 303);
    // A retired tag is not offered, cannot be put on, stays on its case and still filters.
    const caseC = await (await jars.handler1.fetch(`${server.url}/medewerkers/meldingen/${cases.c.id}`)).text();
    assert.ok(!caseC.includes('Wijk Noord'));
    assert.equal((await tagCase('handler1', cases.c.id, tagIds.noord)).status, 422);
    const filtered = await jars.handler1.fetch(`${server.url}/medewerkers/meldingen?label=${tagIds.noord}`);
    assert.equal(filtered.status, 200);
    const renamed = await postForm(jars.admin1, `${server.url}/medewerkers/labels`, { csrf: form.csrf, action: 'rename', tag: tagIds.sport, name: 'Sportschool' });
    assert.equal(renamed.status, 303);
    const dup = await postForm(jars.admin1, `${server.url}/medewerkers/labels`, { csrf: form.csrf, action: 'rename', tag: tagIds.sport, name: 'wijk noord' });
    assert.equal(dup.status, 422);
    assert.equal(inputs(dup.html, 'name').find((i) => i.id === `tag-name-${tagIds.sport}`).value, 'wijk noord');
    for (const action of ['tag.rename', 'tag.retire']) assert.equal(await auditCount(server, action), 1, action);
  });
});
