// A person adds evidence files to a report in the browser, on the summary before sending: files
// go with it, a refused file brings the summary back accessibly with the text kept, and the
// draft never holds files. Staff see the files on the case page, accessibly.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startServer } from '../integration/harness.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { TEXT, fillSteps, press, reportValues } from './report-flow.mjs';
import { addStaff } from '../integration/flows.mjs';
import { logInInBrowser } from './staff-login.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'evidence', name);

/** Fill in the steps and go to the summary, where files are chosen. */
async function toSummary(page, description) {
  await fillSteps(page, 'nl', reportValues({ description }));
  await press(page, TEXT.nl.review);
  await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
}

test('a photo and a PDF go with the report, and the draft holds no files', async () => {
  const page = await browser.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/melden'));
  await toSummary(page, 'Op het werk kreeg ik een brief; de foto laat het bord bij de ingang zien.');
  await assertAccessible(page, 'the summary with the file input');
  await page.getByLabel('Bestanden kiezen').setInputFiles([fixture('photo-gps.jpg'), fixture('letter.pdf')]);
  await page.waitForTimeout(400);
  const draft = await page.evaluate(() => localStorage.getItem('meldpunt-report-draft'));
  assert.ok(draft, 'a draft is kept');
  assert.ok(!draft.includes('photo-gps') && !draft.includes('evidence'), `no files in the draft: ${draft}`);
  await page.getByLabel(TEXT.nl.consent).check();
  await press(page, TEXT.nl.send);
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  const reference = (await page.locator('.reference').first().textContent()).trim();
  assert.match(reference, /^MP-\d{4}-\d{6}$/);
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();

  // The case page lists both files with their download links.
  await addStaff(server);
  const staff = await browser.newPage();
  await logInInBrowser(staff, server);
  await staff.goto(localUrl(server, `/medewerkers/meldingen/${Number(reference.slice(-6))}`));
  const files = staff.locator('#case-files .case-file a');
  assert.equal(await files.count(), 2);
  assert.deepEqual(await files.allTextContents(), ['photo-gps.jpg', 'letter.pdf']);
  await assertAccessible(staff, 'the case page with files');
  await staff.close();
});

test('a refused file brings the summary back with the text and a message, accessibly', async () => {
  const page = await browser.newPage();
  await page.goto(localUrl(server, '/melden'));
  const description = 'Een verhaal met een verkeerd bestand erbij.';
  await toSummary(page, description);
  await page.getByLabel('Bestanden kiezen').setInputFiles([
    { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>') },
  ]);
  await page.getByLabel(TEXT.nl.consent).check();
  await press(page, TEXT.nl.send);
  await page.locator('.error-summary').waitFor();
  assert.match(await page.locator('main').innerText(), new RegExp(description));
  assert.match(await page.locator('.error-summary').textContent(), /foto\.png/);
  assert.ok(await page.locator('#evidence-dropped').isVisible(), 'asked to choose the files again');
  await assertAccessible(page, 'the summary with a refused file');
  await page.close();
});
