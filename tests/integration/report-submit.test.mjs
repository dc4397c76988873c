// POST /melden: success, reference, validation (422 with values kept), escaping,
// and nothing stored on a rejected submission.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isPostgres, startServer } from './harness.mjs';
import { byClass, byId, inputs, selectOptions, textareaValue } from './html.mjs';
import {
  addStaff, counts, isoDay, reportingYear, reportRows, staffLogin, submitReport, submitValid, totalIncidents, validReport,
} from './flows.mjs';

let server;
let staff; // cookie jar of a logged-in staff member
before(async () => {
  server = await startServer();
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(async () => { await server?.stop(); });

/** All stored bytes as text: the SQLite files, or a pg_dump of the data. */
async function databaseDump() {
  if (isPostgres(server.database)) {
    const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', server.database], { maxBuffer: 256 << 20 });
    return stdout;
  }
  const dbFile = server.database.replace(/^sqlite:(\/\/)?/, '');
  const dir = path.dirname(dbFile);
  const files = (await readdir(dir)).filter((f) => f.startsWith(path.basename(dbFile)));
  const parts = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
  return Buffer.concat(parts).toString('latin1') + Buffer.concat(parts).toString('utf8');
}

const REF = /^MP-(\d{4})-(\d{6})$/;

describe('a valid report', () => {
  let first;

  test('is answered 303 to /melden/ontvangen?r=... and that page shows the reference', async () => {
    const res = await submitReport(server.url, validReport());
    assert.equal(res.status, 303, res.html.slice(0, 2000));
    const loc = new URL(res.location, server.url);
    assert.equal(loc.pathname, '/melden/ontvangen');
    assert.ok(loc.searchParams.get('r'), 'r parameter');
    const page = await res.jar.fetch(loc);
    assert.equal(page.status, 200);
    const [ref] = byClass(await page.text(), '*', 'reference');
    assert.ok(ref, 'an element with class "reference"');
    const m = REF.exec(ref.text);
    assert.ok(m, `reference format MP-YYYY-NNNNNN (got "${ref.text}")`);
    assert.equal(Number(m[1]), reportingYear(), 'year of reporting');
    first = ref.text;
  });

  test('the next report gets a higher sequence number', async () => {
    const second = await submitValid(server.url, validReport());
    assert.match(second, REF);
    assert.ok(second.slice(8) > first.slice(8), `${second} after ${first}`);
  });

  test('incident "none" and residence "unknown" are accepted', async () => {
    await submitValid(server.url, validReport({ incident_municipality: 'none', residence_municipality: 'unknown' }));
  });

  test('a date of 1900-01-01 is accepted', async () => {
    await submitValid(server.url, validReport({ incident_date: '1900-01-01' }));
  });

  test('10000 characters (not bytes) of description are accepted', async () => {
    await submitValid(server.url, validReport({ description: 'é'.repeat(10_000) }));
  });

  test('not anonymous with an e-mail address only, or a phone number only', async () => {
    await submitValid(server.url, validReport({ anonymous: 'no', contact_name: 'Sam', contact_email: 'sam@example.nl' }));
    await submitValid(server.url, validReport({ anonymous: 'no', contact_phone: '0201234567' }));
  });

  test('anonymous: contact fields are ignored and never stored', async () => {
    const marker = 'Zwijgzaam-Qx7';
    const ref = await submitValid(server.url, validReport({
      anonymous: 'yes',
      contact_name: `${marker} naam`,
      contact_email: `${marker.toLowerCase()}@example.nl`,
      contact_phone: '0612398745',
    }));
    assert.match(ref, REF);
    const dump = await databaseDump();
    assert.ok(!dump.includes(marker) && !dump.includes(marker.toLowerCase()), 'contact name/e-mail not in the database');
    assert.ok(!dump.includes('0612398745'), 'contact phone not in the database');
    const { html } = await reportRows(server.url, staff);
    assert.ok(!html.includes(marker) && !html.includes('0612398745'), 'not shown to staff either');
  });
});

describe('validation', () => {
  let snapshot;
  test('(snapshot of the stored reports)', async () => {
    snapshot = { counts: totalIncidents(await counts(server.url, staff)), rows: (await reportRows(server.url, staff)).rows.length };
  });

  /** Submit, expect 422 with the form, the error summary and FIELD-error for each field. */
  async function expectInvalid(fields, errorFields) {
    const res = await submitReport(server.url, fields);
    assert.equal(res.status, 422, `expected 422, got ${res.status}`);
    const html = res.html;
    const [summary] = byClass(html, 'div', 'error-summary');
    assert.ok(summary, 'div.error-summary');
    assert.equal(summary.attrs.role, 'alert', 'error summary has role="alert"');
    const anyOf = Array.isArray(errorFields[0]) ? errorFields : errorFields.map((f) => [f]);
    for (const alternatives of anyOf) {
      const found = alternatives.map((f) => byId(html, `${f}-error`, ['p'])).find(Boolean);
      assert.ok(found, `<p id="${alternatives.join('-error" or "')}-error">`);
      assert.ok(found.attrs.class.split(/\s+/).includes('field-error'), 'class field-error');
      assert.ok(found.text.length > 0, 'the error says something');
    }
    assertKept(html, fields);
    return html;
  }

  /** Every typed value comes back in the form. */
  function assertKept(html, fields) {
    if (fields.description !== undefined) assert.equal(textareaValue(html, 'description'), fields.description, 'description kept');
    if (fields.incident_date !== undefined) assert.equal(inputs(html, 'incident_date')[0]?.value ?? '', fields.incident_date, 'date kept');
    for (const name of ['incident_municipality', 'residence_municipality']) {
      const opts = selectOptions(html, name);
      assert.ok(opts, `select ${name}`);
      if (fields[name] && opts.some((o) => o.value === fields[name])) {
        assert.deepEqual(opts.filter((o) => o.selected).map((o) => o.value), [fields[name]], `${name} stays selected`);
      }
    }
    if (['yes', 'no'].includes(fields.anonymous)) {
      const checked = inputs(html, 'anonymous').filter((a) => 'checked' in a).map((a) => a.value);
      assert.deepEqual(checked, [fields.anonymous], 'anonymous choice kept');
    }
    if (fields.anonymous === 'no') {
      for (const name of ['contact_name', 'contact_email', 'contact_phone']) {
        assert.equal(inputs(html, name)[0]?.value ?? '', fields[name] ?? '', `${name} kept`);
      }
    }
    const csrf = inputs(html, 'csrf')[0];
    assert.ok(csrf?.value, 'the form again carries a csrf token');
  }

  const without = (name) => { const f = validReport(); delete f[name]; return f; };

  const cases = [
    ['missing incident municipality', validReport({ incident_municipality: '' }), ['incident_municipality']],
    ['incident municipality not sent at all', without('incident_municipality'), ['incident_municipality']],
    ['unknown code GM9999', validReport({ incident_municipality: 'GM9999' }), ['incident_municipality']],
    ['merged municipality GM0457 (Weesp)', validReport({ incident_municipality: 'GM0457' }), ['incident_municipality']],
    ['"unknown" is not an incident municipality', validReport({ incident_municipality: 'unknown' }), ['incident_municipality']],
    ['missing residence municipality', validReport({ residence_municipality: '' }), ['residence_municipality']],
    ['unknown residence code GM9999', validReport({ residence_municipality: 'GM9999' }), ['residence_municipality']],
    ['"none" is not a residence', validReport({ residence_municipality: 'none' }), ['residence_municipality']],
    ['empty description', validReport({ description: '' }), ['description']],
    ['description of 10001 characters', validReport({ description: 'x'.repeat(10_001) }), ['description']],
    ['date in the future', validReport({ incident_date: isoDay(3) }), ['incident_date']],
    ['date before 1900', validReport({ incident_date: '1899-12-31' }), ['incident_date']],
    ['date that does not exist', validReport({ incident_date: '2023-02-29' }), ['incident_date']],
    ['date in another format', validReport({ incident_date: '31-12-2023' }), ['incident_date']],
    ['missing date', validReport({ incident_date: '' }), ['incident_date']],
    ['anonymous not chosen', without('anonymous'), ['anonymous']],
    ['anonymous with a strange value', validReport({ anonymous: 'maybe' }), ['anonymous']],
    ['not anonymous without e-mail or phone', validReport({ anonymous: 'no', contact_name: 'Sam' }),
      [['contact_email', 'contact_phone']]],
    ['several errors at once, all reported', validReport({ description: '', incident_municipality: 'GM9999', incident_date: isoDay(3) }),
      ['description', 'incident_municipality', 'incident_date']],
  ];
  for (const [name, fields, errors] of cases) {
    test(`${name}: 422 with errors and the values kept`, async () => {
      await expectInvalid(fields, errors);
    });
  }

  test('HTML typed in the description comes back escaped', async () => {
    const evil = '<script>alert("xss")</script><img src=x onerror=alert(1)> & "quotes"';
    const html = await expectInvalid(validReport({ description: evil, incident_municipality: '' }), ['incident_municipality']);
    assert.ok(!html.includes('<script>alert'), 'no raw <script>');
    assert.ok(!html.includes('<img src=x'), 'no raw <img>');
    assert.ok(html.includes('&lt;script&gt;'), 'escaped as &lt;script&gt;');
  });

  test('a strange select value is not reflected raw', async () => {
    const res = await submitReport(server.url, validReport({ incident_municipality: '"><script>alert(1)</script>' }));
    assert.equal(res.status, 422);
    assert.ok(!res.html.includes('<script>alert(1)'), 'no raw <script>');
  });

  test('nothing was stored by the rejected submissions', async () => {
    const now = { counts: totalIncidents(await counts(server.url, staff)), rows: (await reportRows(server.url, staff)).rows.length };
    assert.deepEqual(now, snapshot);
  });
});
