// GET /melden: the form, its CSRF token and its municipality lists.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, startServer } from './harness.mjs';
import { elements, inputs, selectOptions } from './html.mjs';
import { currentMunicipalities, mergedMunicipalities } from './municipalities.mjs';

let server;
let page; // { html, csrf, jar }
before(async () => {
  server = await startServer();
  const jar = new CookieJar();
  page = { ...(await getForm(jar, `${server.url}/melden`)), jar };
});
after(async () => { await server?.stop(); });

const codes = (opts) => opts.map((o) => o.value).filter((v) => /^GM\d{4}$/.test(v));

describe('GET /melden', () => {
  test('is a 200 HTML page', () => {
    assert.equal(page.status, 200);
    assert.match(page.res.headers.get('content-type'), /^text\/html/);
  });

  test('sets mp_csrf (HttpOnly, SameSite=Strict, Path=/) equal to the hidden csrf field', () => {
    const c = page.jar.lastSetCookie('mp_csrf');
    assert.ok(c, 'sets mp_csrf');
    assert.equal(c.attrs.httponly, true, 'HttpOnly');
    assert.equal(String(c.attrs.samesite).toLowerCase(), 'strict', 'SameSite=Strict');
    assert.equal(c.attrs.path, '/', 'Path=/');
    assert.ok(page.csrf && page.csrf.length >= 16, 'a hidden csrf input with a real token');
    assert.equal(page.csrf, c.value);
  });

  test('each visitor gets a different token', async () => {
    const other = await getForm(new CookieJar(), `${server.url}/melden`);
    assert.notEqual(other.csrf, page.csrf);
  });

  test('has the fields of the spec', () => {
    const html = page.html;
    assert.equal(elements(html, 'textarea', (a) => a.name === 'description').length, 1, 'textarea description');
    assert.equal(inputs(html, 'incident_date').length, 1, 'input incident_date');
    const radios = inputs(html, 'anonymous').filter((a) => a.type === 'radio').map((a) => a.value).sort();
    assert.deepEqual(radios, ['no', 'yes'], 'radios anonymous yes/no');
    for (const name of ['contact_name', 'contact_email', 'contact_phone']) {
      assert.equal(inputs(html, name).length, 1, `input ${name}`);
    }
    const [form] = elements(html, 'form', (a) => (a.method ?? '').toLowerCase() === 'post');
    assert.ok(form, 'a POST form');
    assert.ok([undefined, '', '/melden'].includes(form.attrs.action), `form posts to /melden (action=${form.attrs.action})`);
  });

  test('incident_municipality lists the current municipalities and "none"', () => {
    const opts = selectOptions(page.html, 'incident_municipality');
    assert.ok(opts, 'select incident_municipality');
    const expected = currentMunicipalities().map((m) => m.code).sort();
    assert.equal(expected.length, 342);
    assert.deepEqual(codes(opts).sort(), expected);
    assert.ok(opts.some((o) => o.value === 'none'), 'option none');
    const ams = opts.find((o) => o.value === 'GM0363');
    assert.match(ams.text, /Amsterdam/);
  });

  test('residence_municipality lists the current municipalities and "unknown"', () => {
    const opts = selectOptions(page.html, 'residence_municipality');
    assert.ok(opts, 'select residence_municipality');
    assert.deepEqual(codes(opts).sort(), currentMunicipalities().map((m) => m.code).sort());
    assert.ok(opts.some((o) => o.value === 'unknown'), 'option unknown');
  });

  test('merged municipalities are not offered', () => {
    const offered = new Set(codes(selectOptions(page.html, 'incident_municipality')));
    for (const m of mergedMunicipalities()) assert.ok(!offered.has(m.code), `${m.code} ${m.name} is not offered`);
    assert.ok(!offered.has('GM0457'), 'Weesp (merged into Amsterdam) is not offered');
  });
});
