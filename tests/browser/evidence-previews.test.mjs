// File previews on the case page in the browser (issue 14): the thumbnail of an image is loaded
// and drawn, a PDF shows the start of its text and a drawn picture of its first page, every file's download link is reached by
// keyboard, and the files section passes axe in Dutch and English.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CookieJar, getForm, repoRoot, startServer } from '../integration/harness.mjs';
import { byClass } from '../integration/html.mjs';
import { addStaff, staffLogin, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';

const fixture = (name) => readFile(path.join(repoRoot, 'tests', 'fixtures', 'evidence', name));
let server;
let browser;
let caseId;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const body = new FormData();
  for (const [name, value] of Object.entries({ csrf: form.csrf, ...validReport({ wishes: ['advice'] }) })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  body.append('evidence', new Blob([await fixture('screenshot.png')], { type: 'image/png' }), 'schermafdruk.png');
  body.append('evidence', new Blob([await fixture('letter.pdf')], { type: 'application/pdf' }), 'brief.pdf');
  const res = await jar.fetch(`${server.url}/melden`, { method: 'POST', body, redirect: 'manual' });
  assert.equal(res.status, 303);
  const page = await (await jar.fetch(new URL(res.headers.get('location'), server.url))).text();
  caseId = Number(byClass(page, 'strong', 'reference')[0].text.slice(-6));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the files section shows a drawn thumbnail and the start of a PDF, in Dutch and English', async () => {
  const jar = await staffLogin(server.url);
  const context = await browser.newContext();
  await context.addCookies([...jar.cookies].map(([name, value]) => ({ name, value, url: localUrl(server) })));
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}#files`));
  const thumb = page.getByRole('img', { name: 'Voorbeeld van de afbeelding schermafdruk.png' });
  await thumb.scrollIntoViewIfNeeded();
  const firstPage = page.getByRole('img', { name: 'Eerste pagina van de pdf brief.pdf' });
  await firstPage.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('#case-files img.file-thumb')];
    return imgs.length === 2 && imgs.every((img) => img.complete && img.naturalWidth > 0);
  });
  const size = await thumb.evaluate((img) => [img.naturalWidth, img.naturalHeight]);
  assert.ok(size[0] <= 240 && size[1] <= 240 && size[0] > 0, `a thumbnail: ${size}`);
  // The PDF's first page (200 by 100 points): 240 by 120 pixels.
  assert.deepEqual(await firstPage.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [240, 120]);
  assert.match(await page.locator('#case-files .file-preview-text').textContent(), /Brief van de verhuurder/);
  await assertAccessible(page, 'case page files with previews');

  // Every download link is reached with the Tab key.
  const links = page.locator('#case-files a');
  assert.equal(await links.count(), 2);
  await page.locator('#files-title').evaluate((h) => { h.tabIndex = -1; h.focus(); });
  const reached = [];
  for (let i = 0; i < 6 && reached.length < 2; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => (document.activeElement?.closest('#case-files') ? document.activeElement.textContent : null));
    if (name) reached.push(name);
  }
  assert.deepEqual(reached, ['schermafdruk.png', 'brief.pdf']);

  await page.goto(localUrl(server, `/medewerkers/meldingen/${caseId}?lang=en#files`));
  await page.getByRole('img', { name: 'Preview of the image schermafdruk.png' }).waitFor();
  await page.getByRole('img', { name: 'First page of the PDF brief.pdf' }).waitFor();
  await assertAccessible(page, 'case page files with previews in English');
  assert.deepEqual(errors, []);
  await context.close();
});
