// The whole report form by keyboard only, in Dutch and in English: every question reached with
// Tab, answered with typing, Space and the arrow keys, steps changed with Enter, the summary
// corrected with "Change", and the report sent. No mouse, no scripted filling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportRows, staffLogin } from '../integration/flows.mjs';
import { launchBrowser, localUrl } from './browser.mjs';
import { tabTo, chooseRadio, tick, typeInto, selectByTyping } from './keyboard-input.mjs';

let server;
let browser;
let staff;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function nextStep(page, to) {
  await tabTo(page, `button[data-go="${to}"]`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), `step-${to}-title`, 'focus moves to the new step');
}

for (const lang of ['nl', 'en']) {
  describe(`keyboard only (${lang})`, () => {
    test('the whole form, the summary, a correction, and sending', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(localUrl(server, `/melden?lang=${lang}`));
      const description = lang === 'nl' ? 'Met alleen het toetsenbord gemeld.' : 'Reported with the keyboard only.';

      await chooseRadio(page, 'reporter_role', 'witness');
      await selectByTyping(page, '#residence_municipality', 'Utrecht', 'GM0344');
      await nextStep(page, 2);

      await typeInto(page, '#description', description);
      await chooseRadio(page, 'nature', 'threat');
      await tick(page, 'grounds-sexual_orientation');
      await tick(page, 'grounds-age');
      await nextStep(page, 3);

      await chooseRadio(page, 'domain', 'neighbourhood');
      await chooseRadio(page, 'incident_when', 'approximate');
      await tabTo(page, '#incident_month');
      await page.keyboard.press('ArrowDown'); // January
      await page.keyboard.press('ArrowDown'); // February
      assert.equal(await page.locator('#incident_month').inputValue(), '2');
      await typeInto(page, '#incident_year', '2025');
      await selectByTyping(page, '#incident_municipality', 'Amsterdam', 'GM0363');
      await chooseRadio(page, 'scope', 'incident');
      await nextStep(page, 4);

      await chooseRadio(page, 'anonymous', 'no');
      await tick(page, 'wishes-advice');
      await tick(page, 'wishes-mediation');
      await typeInto(page, '#contact_email', 'toetsenbord@example.nl');
      await chooseRadio(page, 'contact_preference', 'email');
      await tabTo(page, '#review-button');
      await page.keyboard.press('Enter');

      // The summary: correct the description with "Change", by keyboard.
      await page.locator('#report-review').waitFor();
      assert.match(await page.locator('main').innerText(), new RegExp(description.replace('.', '\\.')));
      await tabTo(page, 'button[value=edit-2]');
      await page.keyboard.press('Enter');
      await page.locator('#step-2').waitFor({ state: 'visible' });
      await tabTo(page, '#description');
      await page.keyboard.press('End');
      await page.keyboard.type(' (2)');
      await nextStep(page, 3);
      await nextStep(page, 4);
      await tabTo(page, '#review-button');
      await page.keyboard.press('Enter');
      await page.locator('#report-review').waitFor();

      await tick(page, 'consent-yes');
      await tabTo(page, '#send-button');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/melden\/ontvangen/);
      await context.close();

      const { rows } = await reportRows(server.url, staff);
      const row = rows.find((r) => r.text.includes(`${description} (2)`));
      assert.ok(row, 'the corrected report is stored');
      assert.ok(row.text.includes('2025-02'), 'approximate date');
      assert.ok(row.text.includes('toetsenbord@example.nl'));
      assert.ok(row.text.includes('Seksuele oriëntatie; Leeftijd'), row.text); // the staff list is in Dutch
    });
  });
}
