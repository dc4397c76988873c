// The public site in every language of its catalogs (issue 15): lang and dir on every public
// page, the picker (links, no JavaScript) naming each language in itself, the choice kept in a
// cookie, a third browser language taken up, staff pages kept Dutch and English, a report made
// in Turkish shown to staff with its language and answered by e-mail in Turkish, and the review
// table for the system admin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CookieJar, repoRoot, startServer } from './harness.mjs';
import { elements, htmlLang, tableRows, tags } from './html.mjs';
import { addStaff, reportWithEmail, staffLogin, submitReport } from './flows.mjs';
import { startSmtpServer } from './smtp.mjs';

const LANGUAGES = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
];
const PUBLIC_PAGES = ['/', '/melden', '/privacy', '/melden/volgen', '/cijfers', '/cijfers/uitleg', '/bestaat-niet'];

/** The translation of msgid in locale/<code>/meldpunt.po (single-line entries are enough here). */
function translation(code, msgid) {
  const po = readFileSync(path.join(repoRoot, 'locale', code, 'meldpunt.po'), 'utf8');
  const escaped = msgid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^msgid "${escaped}"\\nmsgstr ((?:".*"\\n?)+)`, 'm').exec(po);
  assert.ok(m, `${code} has ${msgid}`);
  return [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]).join('');
}

function htmlTag(html) {
  return tags(html, 'html')[0].attrs;
}

function pickerLinks(html) {
  const [nav] = elements(html, 'nav', (a) => (a.class ?? '').includes('lang-switch'));
  assert.ok(nav, 'a language picker in the header');
  return elements(nav.html, 'a');
}

describe('languages of the public site', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.stop());

  test('every public page has lang and dir of its language', async () => {
    for (const { code, dir } of LANGUAGES) {
      for (const page of PUBLIC_PAGES) {
        const res = await fetch(`${server.url}${page}?lang=${code}`);
        assert.ok([200, 404].includes(res.status), `${page} ${code}: ${res.status}`);
        const attrs = htmlTag(await res.text());
        assert.equal(attrs.lang, code, `${page} in ${code}`);
        assert.equal(attrs.dir, dir, `${page} in ${code}`);
      }
    }
  });

  test('the picker names each language in itself, as links to this page, and marks the current one', async () => {
    const html = await (await fetch(`${server.url}/privacy?lang=tr`)).text();
    const links = pickerLinks(html);
    assert.deepEqual(links.map((a) => a.text), LANGUAGES.map((l) => l.name));
    for (const [i, a] of links.entries()) {
      const { code, dir } = LANGUAGES[i];
      assert.equal(a.attrs.href, `/privacy?lang=${code}`);
      assert.equal(a.attrs.lang, code);
      assert.equal(a.attrs.hreflang, code);
      assert.equal(a.attrs.dir, dir);
      assert.equal(a.attrs['aria-current'], code === 'tr' ? 'true' : undefined, code);
    }
    // Following a link (no JavaScript needed) gives the page in that language.
    const polish = await fetch(new URL(links[3].attrs.href, server.url));
    const text = await polish.text();
    assert.equal(htmlLang(text), 'pl');
    assert.ok(text.includes(translation('pl', 'Privacy statement')), 'the Polish texts');
  });

  test('the chosen language is remembered in a cookie', async () => {
    const jar = new CookieJar();
    await jar.fetch(`${server.url}/?lang=ar`);
    assert.equal(jar.get('mp_lang'), 'ar');
    const later = await (await jar.fetch(`${server.url}/melden`)).text();
    assert.equal(htmlTag(later).lang, 'ar');
    assert.equal(htmlTag(later).dir, 'rtl');
    assert.ok(later.includes(translation('ar', 'Skip to main content')));
  });

  test('a browser that prefers a third language gets it; an English browser keeps Dutch', async () => {
    const turkish = await (await fetch(`${server.url}/`, { headers: { 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.8' } })).text();
    assert.equal(htmlLang(turkish), 'tr');
    const english = await (await fetch(`${server.url}/`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text();
    assert.equal(htmlLang(english), 'nl');
  });

  test('staff pages stay Dutch and English: a public language shows English', async () => {
    const jar = new CookieJar();
    await jar.fetch(`${server.url}/?lang=tr`);
    const login = await (await jar.fetch(`${server.url}/medewerkers/login`)).text();
    assert.equal(htmlLang(login), 'en');
    assert.deepEqual(pickerLinks(login).map((a) => a.attrs.lang), ['nl', 'en']);
  });

  test('the public figures page is translated too', async () => {
    const html = await (await fetch(`${server.url}/cijfers?lang=uk`)).text();
    assert.equal(htmlLang(html), 'uk');
    assert.ok(html.includes(translation('uk', 'Figures on reports')));
  });
});

describe('a report in Turkish', () => {
  let smtp;
  let server;
  before(async () => {
    smtp = await startSmtpServer();
    server = await startServer({
      args: ['--smtp-url', smtp.url, '--mail-from', 'Meldpunt Test <meldpunt@example.nl>',
        '--public-url', 'http://meldpunt.example', '--mail-retry-seconds', '1'],
    });
    await addStaff(server);
    await addStaff(server, 'app@meldpunt.example', 'lang-genoeg-wachtwoord-77', 'system_admin');
  });
  after(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  test('staff see the reporter\'s language, and the e-mails to the reporter are in Turkish', async () => {
    const address = `turkce-${randomBytes(4).toString('hex')}@example.nl`;
    const jar = new CookieJar();
    await jar.fetch(`${server.url}/melden?lang=tr`);
    const res = await submitReport(server.url, reportWithEmail(address), jar);
    assert.equal(res.status, 303, res.html.slice(0, 500));
    const received = await (await jar.fetch(new URL(res.location, server.url))).text();
    assert.equal(htmlLang(received), 'tr');
    const reference = received.match(/MP-\d{4}-\d{6}/)[0];

    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address));
    const [mail] = await smtp.to(address);
    assert.equal(mail.subject, translation('tr', 'We received your report'));
    // The date written out in Turkish (ICU, as Node's Intl writes it).
    const today = new Intl.DateTimeFormat('tr', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' })
      .format(new Date());
    assert.ok(mail.body.includes(today), `${today} in: ${mail.body}`);

    const staff = await staffLogin(server.url);
    const link = `${server.url}/medewerkers/meldingen/${Number(reference.slice(-6))}`;
    const page = await (await staff.fetch(link)).text();
    assert.equal(htmlLang(page), 'nl');
    const [language] = elements(page, 'dd', (a) => a.id === 'reporter-language');
    assert.ok(language, 'the case page names the reporter\'s language');
    assert.equal(language.text, 'Türkçe');
    assert.match(page, /Taal melder/);
  });

  test('the system admin sees each catalog with its review status; others may not', async () => {
    const admin = await staffLogin(server.url, 'app@meldpunt.example', 'lang-genoeg-wachtwoord-77');
    const res = await admin.fetch(`${server.url}/medewerkers/talen`);
    assert.equal(res.status, 200);
    const rows = tableRows(await res.text(), 'languages').filter((r) => r.attrs['data-lang']);
    assert.deepEqual(rows.map((r) => r.attrs['data-lang']), LANGUAGES.map((l) => l.code));
    const arabic = rows.find((r) => r.attrs['data-lang'] === 'ar');
    assert.ok(arabic.text.includes('العربية'));
    assert.ok(arabic.text.includes('van rechts naar links'));
    assert.ok(arabic.text.includes('niet nagekeken'), 'unreviewed translations say so');
    const bureauAdmin = await staffLogin(server.url);
    assert.equal((await bureauAdmin.fetch(`${server.url}/medewerkers/talen`)).status, 403);
  });
});
