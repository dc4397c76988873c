// Health checks, security headers, language choice, home page, 404 and 405.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar, startServer } from './harness.mjs';
import { htmlLang, tags } from './html.mjs';
import { assertSecurityHeaders } from './security-headers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

describe('health', () => {
  test('GET /healthz is 200 "ok"', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.equal((await res.text()).trim(), 'ok');
  });

  test('GET /readyz is 200 when the database answers', async () => {
    const res = await fetch(`${server.url}/readyz`);
    assert.equal(res.status, 200);
  });
});

describe('security headers on every response', () => {
  const cases = [
    ['GET', '/'],
    ['GET', '/melden'],
    ['GET', '/healthz'],
    ['GET', '/readyz'],
    ['GET', '/medewerkers/login'],
    ['GET', '/medewerkers/meldingen'], // 303 to login
    ['GET', '/bestaat-niet'], // 404
    ['DELETE', '/melden'], // 405
    ['POST', '/melden'], // 403, no csrf
  ];
  for (const [method, path] of cases) {
    test(`${method} ${path}`, async () => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        redirect: 'manual',
        ...(method === 'POST' ? { body: 'description=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
      });
      await res.arrayBuffer();
      assertSecurityHeaders(res.headers, `${method} ${path} (${res.status})`);
    });
  }
});

describe('language', () => {
  test('Dutch by default', async () => {
    const res = await fetch(`${server.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    const html = await res.text();
    assert.equal(htmlLang(html), 'nl');
    assert.match(html, /Melden helpt/);
  });

  test('?lang=en switches to English, remembered in mp_lang; ?lang=nl switches back', async () => {
    const jar = new CookieJar();
    let res = await jar.fetch(`${server.url}/?lang=en`);
    assert.equal(res.status, 200);
    assert.equal(htmlLang(await res.text()), 'en');
    const c = jar.lastSetCookie('mp_lang');
    assert.ok(c, 'sets mp_lang');
    assert.equal(c.value, 'en');
    assert.equal(c.attrs.path, '/');
    assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax');

    res = await jar.fetch(`${server.url}/melden`);
    assert.equal(htmlLang(await res.text()), 'en', 'the cookie keeps English on the next page');

    res = await jar.fetch(`${server.url}/?lang=nl`);
    assert.equal(htmlLang(await res.text()), 'nl');
    res = await jar.fetch(`${server.url}/melden`);
    assert.equal(htmlLang(await res.text()), 'nl', 'back to Dutch on the next page');
  });

  test('an unknown ?lang value falls back to Dutch', async () => {
    const res = await fetch(`${server.url}/?lang=xx`);
    assert.equal(res.status, 200);
    assert.equal(htmlLang(await res.text()), 'nl');
  });
});

describe('home page', () => {
  test('links to /melden', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    assert.ok(tags(html, 'a').some((a) => a.attrs.href === '/melden'), 'a link with href="/melden"');
  });
});

describe('errors', () => {
  test('unknown path is a 404 HTML page in Dutch', async () => {
    const res = await fetch(`${server.url}/bestaat-niet`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.equal(htmlLang(await res.text()), 'nl');
  });

  test('unknown path is a 404 HTML page in English for an English visitor', async () => {
    const res = await fetch(`${server.url}/bestaat-niet`, { headers: { cookie: 'mp_lang=en' } });
    assert.equal(res.status, 404);
    assert.equal(htmlLang(await res.text()), 'en');
  });

  test('DELETE /melden is 405 with an Allow header', async () => {
    const res = await fetch(`${server.url}/melden`, { method: 'DELETE' });
    assert.equal(res.status, 405);
    const allow = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
    assert.ok(allow.includes('GET') && allow.includes('POST'), `Allow lists GET and POST (got "${allow}")`);
    assert.ok(!allow.includes('DELETE'));
  });
});

describe('static files', () => {
  test('CSS and JavaScript come with their type and caching headers', async () => {
    const css = await fetch(`${server.url}/static/css/site.css`);
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(css.headers.get('cache-control'), /max-age=\d+/);
    assert.match(await css.text(), /font-family/);
    const js = await fetch(`${server.url}/static/js/report_form.js`);
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(js.headers.get('x-content-type-options'), 'nosniff');
  });

  test('an unchanged file is answered 304 to If-None-Match', async () => {
    const first = await fetch(`${server.url}/static/css/site.css`);
    const etag = first.headers.get('etag');
    assert.ok(etag, 'has an ETag');
    const again = await fetch(`${server.url}/static/css/site.css`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('no directory listing and no unknown files', async () => {
    for (const path of ['/static/', '/static/css/', '/static/nope.css']) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /site\.css/, `${path} lists no files`);
    }
  });

  test('HEAD gives the headers without a body', async () => {
    const res = await fetch(`${server.url}/static/css/site.css`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.ok(Number(res.headers.get('content-length')) > 100);
    assert.equal(await res.text(), '');
  });
});
