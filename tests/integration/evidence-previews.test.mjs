// Previews of a report's files on the case page (issue 14): an image gets a thumbnail made from
// the cleaned copy (a small WebP, private and never stored), a PDF the start of its text and a
// picture of its first page (the same kind of WebP), a broken or password-protected PDF a message
// saying so, any other file its name and an icon. A thumbnail needs the ticket the case page signed for that
// staff member; another bureau's staff get 404. The case open is one audit entry; thumbnails add
// none, and a download is still logged.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, repoRoot, startServer } from './harness.mjs';
import { byClass, byId, elements, tags } from './html.mjs';
import { addBureau, addStaff, staffLogin, validReport } from './flows.mjs';
import { sql } from './database.mjs';

const fixture = (name) => readFile(path.join(repoRoot, 'tests', 'fixtures', 'evidence', name));
const PASSWORD = 'lang-genoeg-wachtwoord-51';
const UTRECHT = 'GM0344'; // bureau 2's working area

let server;
let staff; // bureau 1 (the report's bureau)
let other; // bureau 2
before(async () => {
  server = await startServer();
  await addStaff(server);
  staff = await staffLogin(server.url);
  assert.equal(await addBureau(server, 'ADV Utrecht', [UTRECHT]), '2');
  const added = await server.run(['user', 'add', '--email', 'utrecht@adv.example', '--role', 'bureau_admin', '--bureau', '2'], `${PASSWORD}\n`);
  assert.equal(added.code, 0, added.stderr);
  other = await staffLogin(server.url, 'utrecht@adv.example', PASSWORD);
});
after(() => server?.stop());

/** Send a report with files ([{ name, type, bytes }]) from the public form; its case id. */
async function reportWithFiles(files) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const body = new FormData();
  for (const [name, value] of Object.entries({ csrf: form.csrf, ...validReport({ wishes: ['advice'] }) })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  for (const f of files) body.append('evidence', new Blob([f.bytes], { type: f.type }), f.name);
  const res = await jar.fetch(`${server.url}/melden`, { method: 'POST', body, redirect: 'manual' });
  assert.equal(res.status, 303, (await res.text()).slice(0, 500));
  const page = await (await jar.fetch(new URL(res.headers.get('location'), server.url))).text();
  const reference = byClass(page, 'strong', 'reference')[0].text;
  return Number(reference.slice(-6));
}

/** The files of the case page: per file its name, thumbnail address and preview text. */
function filesOf(html) {
  const list = byId(html, 'case-files', ['ul']);
  assert.ok(list, 'a list of files');
  return elements(list.html, 'li').map((li) => ({
    name: elements(li.html, 'a')[0].text,
    thumb: tags(li.html, 'img')[0]?.attrs.src ?? null,
    alt: tags(li.html, 'img')[0]?.attrs.alt ?? null,
    icon: tags(li.html, 'svg').length > 0,
    text: byClass(li.html, 'p', 'file-preview-text')[0]?.text ?? null,
    problem: byClass(li.html, 'p', 'file-preview-problem')[0]?.text ?? null,
  }));
}

/** The pixel size of a WebP (simple lossy VP8 or extended VP8X), from its header. */
function webpSize(bytes) {
  const chunk = bytes.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ') {
    assert.deepEqual([...bytes.subarray(23, 26)], [0x9d, 0x01, 0x2a], 'a VP8 key frame');
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  assert.equal(chunk, 'VP8X');
  return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
}

/** The same PDF with an encryption dictionary in its trailer: it opens only with a password. */
function lockedPdf(pdf) {
  const text = pdf.toString('latin1');
  const at = text.indexOf('<<', text.lastIndexOf('trailer')) + 2;
  const hex = 'A'.repeat(64);
  return Buffer.from(`${text.slice(0, at)} /Encrypt << /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${hex}> /P -4 >> ` +
    `/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]${text.slice(at)}`, 'latin1');
}

describe('file previews on the case page', () => {
  let id;
  let files;
  before(async () => {
    id = await reportWithFiles([
      { name: 'schermafdruk.png', type: 'image/png', bytes: await fixture('screenshot.png') },
      { name: 'brief verhuurder.pdf', type: 'application/pdf', bytes: await fixture('letter.pdf') },
      { name: 'notities.txt', type: 'text/plain', bytes: await fixture('notes.txt') },
    ]);
    const res = await staff.fetch(`${server.url}/medewerkers/meldingen/${id}`);
    assert.equal(res.status, 200);
    files = filesOf(await res.text());
  });

  test('an image shows a thumbnail that is a small WebP, private and not stored', async () => {
    const [image] = files;
    assert.equal(image.name, 'schermafdruk.png');
    assert.match(image.thumb, new RegExp(`^/medewerkers/meldingen/${id}/bestanden/\\d+/voorbeeld\\?t=`));
    assert.equal(image.alt, 'Voorbeeld van de afbeelding schermafdruk.png');
    const res = await staff.fetch(`${server.url}${image.thumb}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/webp');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RIFF');
    assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WEBP');
    assert.ok(bytes.length < 20_000, `a thumbnail, not the picture (${bytes.length} bytes)`);
    assert.ok(!bytes.includes(Buffer.from('EXIF')), 'no metadata chunk');
  });

  test('a PDF shows the start of its text and its first page, other files an icon and their name', async () => {
    const [, pdf, text] = files;
    assert.match(pdf.text, /Begin van de tekst: .*Brief van de verhuurder/);
    assert.match(pdf.thumb, new RegExp(`^/medewerkers/meldingen/${id}/bestanden/\\d+/voorbeeld\\?t=`));
    assert.equal(pdf.alt, 'Eerste pagina van de pdf brief verhuurder.pdf');
    assert.equal(pdf.problem, null);
    const res = await staff.fetch(`${server.url}${pdf.thumb}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/webp');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RIFF');
    assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WEBP');
    assert.ok(bytes.length < 20_000, `a thumbnail (${bytes.length} bytes)`);
    // The letter's page is 200 by 100 points: 240 by 120 pixels.
    assert.deepEqual(webpSize(bytes), { width: 240, height: 120 });
    assert.equal((await other.fetch(`${server.url}${pdf.thumb}`)).status, 404, "another bureau's staff");
    assert.equal(text.name, 'notities.txt');
    assert.equal(text.thumb, null);
    assert.equal(text.text, null);
    assert.ok(text.icon, 'a plain file icon');
  });

  test('a broken or password-protected PDF says so, with neither text nor picture', async () => {
    const letter = await fixture('letter.pdf');
    const caseId = await reportWithFiles([
      { name: 'kapot.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\nniet echt een pdf\n') },
      { name: 'op slot.pdf', type: 'application/pdf', bytes: lockedPdf(letter) },
    ]);
    const res = await staff.fetch(`${server.url}/medewerkers/meldingen/${caseId}`);
    assert.equal(res.status, 200);
    const [broken, locked] = filesOf(await res.text());
    assert.equal(broken.name, 'kapot.pdf');
    assert.match(broken.problem, /kon niet worden gelezen/);
    assert.equal(broken.thumb, null);
    assert.equal(broken.text, null);
    assert.ok(broken.icon);
    assert.equal(locked.name, 'op slot.pdf');
    assert.match(locked.problem, /beveiligd met een wachtwoord/);
    assert.equal(locked.thumb, null);
    assert.equal(locked.text, null);
  });

  test('a thumbnail needs the ticket of this staff member and file', async () => {
    const [image] = files;
    const bare = image.thumb.replace(/\?.*$/, '');
    assert.equal((await staff.fetch(`${server.url}${bare}`)).status, 404, 'no ticket');
    assert.equal((await staff.fetch(`${server.url}${bare}?t=${encodeURIComponent('1-1-1-99999999999.AAAA')}`)).status, 404, 'a forged ticket');
    // The ticket of one file does not open another.
    const fileId = Number(/bestanden\/(\d+)\//.exec(image.thumb)[1]);
    const otherFile = image.thumb.replace(`/bestanden/${fileId}/`, `/bestanden/${fileId + 1}/`);
    assert.equal((await staff.fetch(`${server.url}${otherFile}`)).status, 404, 'another file');
    // No session: to the login page.
    const anonymous = await fetch(`${server.url}${image.thumb}`, { redirect: 'manual' });
    assert.notEqual(anonymous.status, 200);
  });

  test("another bureau's staff get 404, with the ticket too", async () => {
    const [image] = files;
    assert.equal((await other.fetch(`${server.url}${image.thumb}`)).status, 404);
    assert.equal((await other.fetch(`${server.url}/medewerkers/meldingen/${id}`)).status, 404);
  });

  test('opening the case is one audit entry; thumbnails add none, a download adds one', async () => {
    const count = async (action) => Number((await sql(server, `SELECT COUNT(*) FROM audit_log WHERE report_id = ${id} AND action = '${action}'`))[0]);
    const reads = await count('report.read');
    const downloads = await count('download_evidence');
    const all = Number((await sql(server, `SELECT COUNT(*) FROM audit_log WHERE report_id = ${id}`))[0]);
    const res = await staff.fetch(`${server.url}/medewerkers/meldingen/${id}`);
    const page = filesOf(await res.text());
    for (let i = 0; i < 3; i++) {
      assert.equal((await staff.fetch(`${server.url}${page[0].thumb}`)).status, 200);
    }
    assert.equal(await count('report.read'), reads + 1, 'one entry for the case open');
    assert.equal(Number((await sql(server, `SELECT COUNT(*) FROM audit_log WHERE report_id = ${id}`))[0]), all + 1, 'nothing for the thumbnails');
    const download = await staff.fetch(`${server.url}${page[0].thumb.replace(/\/voorbeeld\?.*$/, '')}`);
    assert.equal(download.status, 200);
    assert.equal(await count('download_evidence'), downloads + 1);
  });
});
