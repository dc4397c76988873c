// A person adds evidence files to a report in the browser: files go with the form, a refused file
// brings the form back accessibly with the text kept, and the draft never holds files.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startServer } from '../integration/harness.mjs';
import { recentDate } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';

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

async function fill(page, description) {
  await page.getByLabel('Wat is er gebeurd?').fill(description);
  await page.getByLabel('Wanneer gebeurde het?').fill(recentDate());
  await page.getByLabel('In welke gemeente gebeurde het?').selectOption({ label: 'Amsterdam' });
  await page.getByLabel('In welke gemeente woont u?').selectOption({ label: 'Utrecht' });
  await page.getByLabel('Ja, ik wil anoniem blijven').check();
}

test('a photo and a PDF go with the report, and the draft holds no files', async () => {
  const page = await browser.newPage();
  const errors = watchConsole(page);
  await page.goto(localUrl(server, '/melden'));
  await assertAccessible(page, 'the form with the file input');
  await fill(page, 'Op het werk kreeg ik een brief; de foto laat het bord bij de ingang zien.');
  await page.getByLabel('Bestanden kiezen').setInputFiles([fixture('photo-gps.jpg'), fixture('letter.pdf')]);
  await page.waitForTimeout(400); // the draft is saved after a short pause
  const draft = await page.evaluate(() => localStorage.getItem('meldpunt-report-draft'));
  assert.ok(draft, 'a draft is kept');
  assert.ok(!draft.includes('photo-gps') && !draft.includes('evidence'), `no files in the draft: ${draft}`);
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  assert.match((await page.locator('.reference').first().textContent()).trim(), /^MP-\d{4}-\d{6}$/);
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('a refused file brings the form back with the text and a message, accessibly', async () => {
  const page = await browser.newPage();
  await page.goto(localUrl(server, '/melden'));
  const description = 'Een verhaal met een verkeerd bestand erbij.';
  await fill(page, description);
  await page.getByLabel('Bestanden kiezen').setInputFiles([
    { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>') },
  ]);
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.getByLabel('Wat is er gebeurd?').inputValue(), description);
  assert.match(await page.locator('.error-summary').textContent(), /foto\.png/);
  assert.ok(await page.locator('#evidence-dropped').isVisible(), 'asked to choose the files again');
  await assertAccessible(page, 'the form with a refused file');
  await page.close();
});
