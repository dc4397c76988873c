// The bureau's own face (issue 15): each bureau's admin sets its public name, contact, other ways
// to report, colours and logo on "Gegevens van het bureau". With two bureaus, the public pages
// show a neutral national face until the reporter's municipality is known; then the confirmation
// page, its header and footer, the e-mail to the reporter and the letters carry the bureau the
// report went to. Bad input is refused with a message at the field and kept as typed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, repoRoot, startServer } from './harness.mjs';
import { byClass, byId, elements, htmlLang, inputs, tags, textareaValue } from './html.mjs';
import { addBureau, reportWithEmail, staffLogin, submitReport, validReport } from './flows.mjs';
import { sql } from './database.mjs';
import { dutchDay, hidden, pdfText, squash } from './letter-pdf.mjs';
import { startSmtpServer } from './smtp.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-15';
const UTRECHT = 'GM0344'; // bureau 2's working area
const AMSTERDAM = 'GM0363'; // bureau 1's (every municipality outside another area)

const ZUID = {
  public_name: 'Discriminatie.nl Amsterdam',
  phone: '020 111 22 33',
  email: 'melden@amsterdam.example',
  postal_address: 'Postbus 100\n1000 AA Amsterdam',
  visiting_address: 'Damrak 1\n1012 LG Amsterdam',
  opening_hours: 'ma-vr 9.00-17.00',
  report_by_phone: '1',
  report_at_desk: '1',
  whatsapp: '06 1111 2222',
  primary_colour: '#8b0000',
  on_primary_colour: '#ffffff',
};
const UTR = {
  public_name: 'Art.1 Midden Utrecht',
  phone: '030 444 55 66',
  email: 'info@utrecht.example',
  postal_address: 'Postbus 200\n3500 AE Utrecht',
  visiting_address: 'Neude 11\n3512 AE Utrecht',
  opening_hours: 'di en do 10.00-16.00',
  report_by_phone: '1',
  report_at_desk: '',
  whatsapp: '',
  primary_colour: '#004d40',
  on_primary_colour: '#FFFFFF',
};

/** The header's brand text, the theme sheet's address and the footer's text of a page. */
function face(html) {
  const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
  const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
  const brand = byClass(header, 'a', 'brand')[0]?.text.replace(/\s+/g, ' ').trim();
  const theme = /<link rel="stylesheet" href="(\/huisstijl\/[^"]+)">/.exec(html)?.[1];
  const logo = /<img class="brand-logo" src="([^"]+)"/.exec(header)?.[1];
  return { brand, theme, logo, footer: footer.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe('the bureau\'s own face with two bureaus', () => {
  let smtp;
  let server;
  const admins = {};
  let handler2;

  async function saveProfile(jar, fields) {
    const page = await getForm(jar, `${server.url}/medewerkers/gegevens-bureau`);
    assert.equal(page.status, 200);
    return postForm(jar, `${server.url}/medewerkers/gegevens-bureau`, { csrf: page.csrf, ...fields });
  }

  /** Sends a report and opens its confirmation page: { html, reference }. */
  async function report(fields) {
    const res = await submitReport(server.url, fields);
    assert.equal(res.status, 303, res.html?.slice(0, 1000));
    const page = await res.jar.fetch(new URL(res.location, server.url));
    assert.equal(page.status, 200);
    const html = await page.text();
    return { html, reference: byClass(html, 'strong', 'reference')[0].text, location: res.location };
  }

  before(async () => {
    smtp = await startSmtpServer();
    server = await startServer({
      args: ['--smtp-url', smtp.url, '--mail-from', 'Meldpunt <meldpunt@example.nl>',
        '--public-url', 'http://meldpunt.example', '--mail-retry-seconds', '1',
        '--faces-refresh-seconds', '1'],
    });
    assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
    for (const [name, email, role, extra] of [
      ['1', 'beheer1@adv.example', 'bureau_admin', []],
      ['2', 'beheer2@adv.example', 'bureau_admin', ['--bureau', '2']],
      ['handler2', 'behandelaar2@adv.example', 'handler', ['--bureau', '2']],
    ]) {
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, r.stderr);
      const jar = await staffLogin(server.url, email, PASSWORD);
      if (name === 'handler2') handler2 = jar;
      else admins[name] = jar;
    }
  });
  after(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  test('bad details are refused with a message at each field and kept as typed', async () => {
    const res = await saveProfile(admins[2], { ...UTR, phone: 'bel ons', primary_colour: '#ffff00', on_primary_colour: '#ffffff' });
    assert.equal(res.status, 422);
    assert.match(byId(res.html, 'profile-phone-error').text, /telefoonnummer/);
    // Yellow on white: 1.07:1, far under 4.5:1; the message gives the ratio.
    assert.match(byId(res.html, 'profile-on_primary_colour-error').text, /contrast van 1\.07:1.*4\.5:1/);
    assert.equal(inputs(res.html, 'phone')[0].value, 'bel ons');
    assert.equal(inputs(res.html, 'primary_colour')[0].value, '#ffff00');
    assert.equal(textareaValue(res.html, 'postal_address'), UTR.postal_address);
    const tooLong = await saveProfile(admins[2], { ...UTR, opening_hours: 'x'.repeat(401) });
    assert.equal(tooLong.status, 422);
    assert.ok(byId(tooLong.html, 'profile-opening_hours-error'));
    const [count] = await sql(server, 'SELECT COUNT(*) FROM bureau_profiles');
    assert.equal(Number(count), 0, 'nothing was saved');
  });

  test('each admin saves their own bureau\'s details, audit-logged, and letters share them', async () => {
    for (const [n, fields] of [[1, ZUID], [2, UTR]]) {
      const res = await saveProfile(admins[n], fields);
      assert.equal(res.status, 303, res.html?.slice(0, 1500));
    }
    const again = await getForm(admins[2], `${server.url}/medewerkers/gegevens-bureau`);
    assert.equal(inputs(again.html, 'public_name')[0].value, UTR.public_name);
    assert.equal(inputs(again.html, 'on_primary_colour')[0].value, '#ffffff', 'colours are kept in lower case');
    const audit = await sql(server, "SELECT subject FROM audit_log WHERE action = 'bureau.profile' ORDER BY id");
    assert.equal(audit.length, 2);
    assert.match(audit[1], /^bureau 2: public_name phone email postal_address/);
    // One source: the letter template page's letterhead shows what was typed on the profile.
    const [letterhead] = await sql(server, "SELECT phone || '|' || email FROM letterheads WHERE bureau_id = 2");
    assert.equal(letterhead, `${UTR.phone}|${UTR.email}`);
  });

  test('before the municipality is known the pages show the neutral national face', async () => {
    for (const p of ['/', '/melden', '/privacy']) {
      const html = await (await fetch(`${server.url}${p}`)).text();
      const f = face(html);
      assert.equal(f.brand, 'Meldpunt Discriminatie', p);
      assert.equal(f.theme, undefined, `${p}: no bureau's colours`);
      assert.ok(!f.footer.includes(UTR.phone) && !f.footer.includes(ZUID.phone), `${p}: no bureau's contact`);
      assert.match(html, /href="\/andere-manieren-om-te-melden"/, `${p} links the other ways`);
    }
  });

  test('"Andere manieren om te melden" lists every bureau with its municipalities and ways', async () => {
    const res = await fetch(`${server.url}/andere-manieren-om-te-melden`);
    assert.equal(res.status, 200);
    const html = await res.text();
    // The page's own text, without the read-aloud box (which names each section).
    const text = html.replace(/<details class="read-aloud-details"[\s\S]*?<\/details>/, '')
      .replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(html, /<h1>Andere manieren om te melden<\/h1>/);
    const zuid = text.indexOf(ZUID.public_name);
    const utr = text.indexOf(UTR.public_name);
    assert.ok(zuid > 0 && utr > zuid, 'both bureaus, by id');
    const utrecht = text.slice(utr);
    assert.match(utrecht, /Voor deze gemeenten: Utrecht /);
    assert.ok(utrecht.includes(`Telefonisch ${UTR.phone}`), utrecht);
    assert.ok(!utrecht.includes('Aan onze balie'), 'bureau 2 offers no desk');
    const amsterdam = text.slice(zuid, utr);
    for (const s of ['Aan onze balie Damrak 1 1012 LG Amsterdam', `Via WhatsApp ${ZUID.whatsapp}`, `Per e-mail ${ZUID.email}`, 'Amsterdam']) {
      assert.ok(amsterdam.includes(s), `bureau 1 shows "${s}"`);
    }
    assert.match(html, /href="tel:0201112233"/);
    // Read aloud as shown: a section per bureau, whose audio reads its own details.
    const box = elements(html, 'details', (a) => a.class === 'read-aloud-details')[0];
    assert.ok(box, 'the page has a read-aloud box');
    assert.match(box.text, new RegExp(`Lees voor: ${UTR.public_name.replace('.', '\\.')}`));
    const src = tags(html, 'audio').map((t) => t.attrs.src).find((s) => /^\/voorlezen\/andere-manieren\//.test(s));
    const audio = await fetch(`${server.url}${src}`);
    assert.equal(audio.status, 200);
    assert.equal(Buffer.from(await audio.arrayBuffer()).subarray(0, 4).toString('latin1'), 'OggS');
    // In Arabic: the fixed texts translated, right to left, the bureau's own data as typed.
    const ar = await (await fetch(`${server.url}/andere-manieren-om-te-melden?lang=ar`)).text();
    assert.equal(htmlLang(ar), 'ar');
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.match(ar, /طرق أخرى للإبلاغ/);
    assert.ok(ar.includes(UTR.public_name));
  });

  test('the confirmation shows the bureau of the municipality; its colours and contact frame the page', async () => {
    const utrecht = await report(validReport({ incident_municipality: UTRECHT, residence_municipality: UTRECHT }));
    const at = utrecht.html.indexOf('id="bureau-contact-title">Wat er nu gebeurt');
    assert.ok(at > 0, 'the confirmation has "what happens next"');
    const section = utrecht.html.slice(at, utrecht.html.indexOf('</section>', at));
    assert.ok(section.includes(UTR.public_name) && section.includes(UTR.phone), 'what happens next names bureau 2');
    const f = face(utrecht.html);
    assert.equal(f.brand, UTR.public_name);
    assert.ok(f.footer.includes(UTR.phone) && f.footer.includes(UTR.email) && f.footer.includes('Neude 11'), f.footer);
    assert.match(f.theme, /^\/huisstijl\/2\/kleuren\.css\?v=[0-9a-f]{8}$/);
    const sheet = await fetch(`${server.url}${f.theme}`);
    assert.equal(sheet.status, 200);
    assert.match(sheet.headers.get('content-type'), /^text\/css/);
    assert.equal(sheet.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const css = await sheet.text();
    assert.match(css, /--utrecht-page-header-background-color: #004d40;/);
    assert.match(css, /--utrecht-page-header-color: #ffffff;/);
    // Another version than the current one is not cached for long.
    assert.equal((await fetch(`${server.url}/huisstijl/2/kleuren.css?v=0`)).headers.get('cache-control'), 'no-cache');

    const amsterdam = await report(validReport({ incident_municipality: AMSTERDAM, residence_municipality: AMSTERDAM }));
    assert.equal(face(amsterdam.html).brand, ZUID.public_name);
    assert.ok(amsterdam.html.includes(ZUID.phone) && !amsterdam.html.includes(UTR.phone));
    // A changed link shows no other bureau: the bureau is signed together with the reference.
    const swapped = amsterdam.location.replace(/&b=[^&]*/, '') + '&b=' +
      encodeURIComponent(new URL(utrecht.location, server.url).searchParams.get('b'));
    const forged = await (await fetch(new URL(swapped, server.url))).text();
    assert.equal(face(forged).brand, 'Meldpunt Discriminatie');
  });

  test('the e-mail to the reporter is signed by the report\'s bureau with its contact', async () => {
    const address = `melder-${Date.now()}@example.nl`;
    await report(reportWithEmail(address, { incident_municipality: UTRECHT, residence_municipality: UTRECHT }));
    await smtp.waitFor((all) => all.some((m) => m.rcptTo === address));
    const [mail] = await smtp.to(address);
    assert.match(mail.body, new RegExp(`Met vriendelijke groet,\\r?\\n${UTR.public_name}\\r?\\nTelefoon: ${UTR.phone}\\r?\\nE-mail: ${UTR.email}`));
    assert.ok(!mail.body.includes(ZUID.phone));
  });

  test('a letter of bureau 2 has its public name, phone, e-mail and postal address', async () => {
    const ref = (await report(validReport({ incident_municipality: UTRECHT, residence_municipality: UTRECHT, wishes: ['letter'],
      anonymous: 'no', contact_name: 'Test Melder', contact_email: 'brief@example.nl' }))).reference;
    const list = await (await handler2.fetch(`${server.url}/medewerkers/meldingen`)).text();
    const id = list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${ref}<`))[1];
    const url = `${server.url}/medewerkers/meldingen/${id}/brief`;
    const letterPage = async () => {
      const page = await getForm(handler2, url);
      return { ...page, version: hidden(page.html, 'case_version') };
    };
    for (const step of ['first_analysis', 'intake', 'approach_agreed']) {
      const page = await letterPage();
      const res = await postForm(handler2, `${server.url}/medewerkers/meldingen/${id}/stap`, { csrf: page.csrf, case_version: page.version, step });
      assert.equal(res.status, 303, `step ${step}`);
    }
    let page = await letterPage();
    const consent = await postForm(handler2, `${server.url}/medewerkers/meldingen/${id}/toestemming`,
      { csrf: page.csrf, case_version: page.version, consent: 'given', text: 'Gegeven bij de intake.' });
    assert.equal(consent.status, 303);
    page = await letterPage();
    const res = await handler2.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: page.csrf, case_version: page.version, other_party_name: 'Sportschool B.V.', other_party_attention: '',
        other_party_address: 'Stationsplein 3\n1012 AB Amsterdam', summary: 'Toegang geweigerd vanwege een hoofddoek.',
        lang: 'nl', reply_by: dutchDay(20), signed_by: 'Anna de Vries', action: 'preview',
      }).toString(),
    });
    assert.equal(res.status, 200, await res.clone().text().then((t) => t.slice(0, 1500)));
    const text = squash(await pdfText(Buffer.from(await res.arrayBuffer())));
    for (const expected of [UTR.public_name, `Tel. ${UTR.phone}`, UTR.email, 'Postbus 200', '3500 AE Utrecht']) {
      assert.ok(text.includes(squash(expected)), `the letter shows "${expected}": ${text}`);
    }
    assert.ok(!text.includes(squash(ZUID.phone)));
  });

  test('a logo is re-encoded to PNG, served with caching and shown; SVG is refused', async () => {
    const upload = async (bytes, type, name) => {
      const page = await getForm(admins[2], `${server.url}/medewerkers/gegevens-bureau`);
      const body = new FormData();
      body.append('csrf', page.csrf);
      body.append('logo', new Blob([bytes], { type }), name);
      const res = await admins[2].fetch(`${server.url}/medewerkers/gegevens-bureau/logo`, { method: 'POST', body });
      return { status: res.status, html: await res.text() };
    };
    const svg = await upload('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml', 'logo.svg');
    assert.equal(svg.status, 422);
    assert.match(byId(svg.html, 'profile-logo-error').text, /PNG-, JPEG- of WebP-afbeelding/);
    const jpeg = await readFile(path.join(repoRoot, 'tests/fixtures/evidence/photo-gps.jpg'));
    const ok = await upload(jpeg, 'image/jpeg', 'logo.jpg');
    assert.equal(ok.status, 303, ok.html.slice(0, 1000));
    const { html } = await report(validReport({ incident_municipality: UTRECHT, residence_municipality: UTRECHT }));
    const f = face(html);
    assert.match(f.logo, /^\/huisstijl\/2\/logo\.png\?v=\d+$/);
    const logo = await fetch(`${server.url}${f.logo}`);
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get('content-type'), 'image/png');
    assert.equal(logo.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const bytes = Buffer.from(await logo.arrayBuffer());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.ok(!bytes.includes(Buffer.from('Exif')), 'no metadata kept');
    const [audit] = await sql(server, "SELECT subject FROM audit_log WHERE action = 'bureau.logo'");
    assert.match(audit, /^bureau 2: \d+ bytes$/);
  });

  test('a bureau added with the command line shows on the public pages without a restart', async () => {
    const other = () => fetch(`${server.url}/andere-manieren-om-te-melden`).then((r) => r.text())
      .then((html) => html.replace(/<details class="read-aloud-details"[\s\S]*?<\/details>/, ''));
    assert.ok(!(await other()).includes('ADV Groningen'));
    // As an operator would, in another process, while the server runs.
    assert.equal(await addBureau(server, 'ADV Groningen', ['GM0014']), '3');
    const shown = async () => {
      const text = (await other()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const at = text.indexOf('ADV Groningen');
      return at < 0 ? '' : text.slice(at);
    };
    let groningen = '';
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !/Voor deze gemeenten: Groningen /.test(groningen);) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      groningen = await shown();
    }
    assert.match(groningen, /^ADV Groningen .*Voor deze gemeenten: Groningen /,
      'the new bureau with its working area, read again within --faces-refresh-seconds');
    const raw = await (await fetch(`${server.url}/andere-manieren-om-te-melden`)).text();
    const box = elements(raw, 'details', (a) => a.class === 'read-aloud-details')[0];
    assert.match(box.text, /Lees voor: ADV Groningen/, 'and it is read aloud too');
    // The report form, rendered again for the changed faces, still goes out compressed.
    const form = await fetch(`${server.url}/melden`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(form.headers.get('content-encoding'), 'gzip');
    assert.match(await form.text(), /name="submission_key"/);
  });
});

describe('the bureau\'s own face with one bureau', () => {
  let server;
  before(async () => {
    server = await startServer();
    const r = await server.run(['user', 'add', '--email', 'beheer@adv.example', '--role', 'bureau_admin'], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => server?.stop());

  test('its face is on every public page, also before a report', async () => {
    const admin = await staffLogin(server.url, 'beheer@adv.example', PASSWORD);
    const page = await getForm(admin, `${server.url}/medewerkers/gegevens-bureau`);
    const saved = await postForm(admin, `${server.url}/medewerkers/gegevens-bureau`, { csrf: page.csrf, ...ZUID });
    assert.equal(saved.status, 303);
    for (const p of ['/', '/melden', '/privacy', '/andere-manieren-om-te-melden', '/melden/volgen']) {
      const html = await (await new CookieJar().fetch(`${server.url}${p}`)).text();
      const f = face(html);
      assert.equal(f.brand, ZUID.public_name, p);
      assert.match(f.theme ?? '', /^\/huisstijl\/1\/kleuren\.css/, p);
      assert.ok(f.footer.includes(ZUID.phone) && f.footer.includes('Damrak 1'), `${p}: ${f.footer}`);
    }
    const other = await (await fetch(`${server.url}/andere-manieren-om-te-melden`)).text();
    assert.ok(!other.includes('Voor deze gemeenten'), 'one bureau: no list of municipalities');
  });
});
