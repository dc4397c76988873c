// The bureau's own face in a real browser (issue 15): with one bureau that set its details and
// colours, the new page "Andere manieren om te melden" and a themed public page pass axe in Dutch
// and in Arabic (right to left); the header has the bureau's colours (the token sheet applied) and
// mirrors in Arabic; the admin's page passes axe too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getForm, postForm, startServer } from '../integration/harness.mjs';
import { staffLogin } from '../integration/flows.mjs';
import { addStaffAccounts, assertAccessible, launchBrowser, localUrl, signedInContext } from './browser.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-51';
const ADMIN = 'beheer@face.example';
const PROFILE = {
  public_name: 'Discriminatie.nl Zuid',
  phone: '030 123 45 67',
  email: 'info@zuid.example',
  postal_address: 'Postbus 12\n3500 AA Utrecht',
  visiting_address: 'Stationsplein 1\n3511 AA Utrecht',
  opening_hours: 'ma-do 9.00-17.00\nvr 9.00-12.00',
  report_by_phone: '1',
  report_at_desk: '1',
  whatsapp: '06 1234 5678',
  primary_colour: '#5c0a5c',
  on_primary_colour: '#ffffff',
};

let server;
let browser;
before(async () => {
  server = await startServer();
  await addStaffAccounts(server, [[ADMIN, 'bureau_admin']], PASSWORD);
  const jar = await staffLogin(server.url, ADMIN, PASSWORD);
  const page = await getForm(jar, `${server.url}/medewerkers/gegevens-bureau`);
  const saved = await postForm(jar, `${server.url}/medewerkers/gegevens-bureau`, { csrf: page.csrf, ...PROFILE });
  assert.equal(saved.status, 303, saved.html?.slice(0, 1000));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the bureau\'s face', () => {
  for (const lang of ['nl', 'ar']) {
    test(`the other ways and a themed page are accessible in ${lang}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const page = await context.newPage();
      try {
        for (const path of [`/andere-manieren-om-te-melden?lang=${lang}`, '/', '/melden']) {
          await page.goto(localUrl(server, path));
          assert.equal(await page.getAttribute('html', 'lang'), lang, path);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr', path);
          assert.equal((await page.locator('.brand').innerText()).trim(), PROFILE.public_name);
          // The bureau's token sheet is applied: its colours on the header.
          const colours = await page.locator('.site-header').evaluate((e) => {
            const style = getComputedStyle(e);
            return [style.backgroundColor, style.color];
          });
          assert.deepEqual(colours, ['rgb(92, 10, 92)', 'rgb(255, 255, 255)'], path);
          assert.match(await page.locator('footer').innerText(), /030 123 45 67/);
          await assertAccessible(page, `${path} (${lang})`);
        }
        if (lang === 'ar') {
          // Mirrored: the bureau's name at the right, the language picker left of it.
          const brand = await page.locator('.brand').boundingBox();
          const picker = await page.locator('.lang-switch').boundingBox();
          assert.ok(brand.x > picker.x, `brand at ${brand.x}, picker at ${picker.x}`);
        }
        // Reached from the footer without JavaScript.
        await page.locator('footer a[href="/andere-manieren-om-te-melden"]').click();
        await page.waitForURL(/andere-manieren-om-te-melden/);
        assert.match(await page.locator('main').innerText(), /Stationsplein 1/);
      } finally {
        await context.close();
      }
    });
  }

  test('the admin\'s page for the details is accessible', async () => {
    const context = await signedInContext(browser, server, ADMIN, PASSWORD);
    const page = await context.newPage();
    try {
      await page.goto(localUrl(server, '/medewerkers/gegevens-bureau'));
      assert.equal(await page.locator('#profile-public_name').inputValue(), PROFILE.public_name);
      await assertAccessible(page, 'bureau details');
      // A refused pair of colours: the message is linked to its field.
      await page.locator('#profile-on_primary_colour').fill('#777777');
      await page.locator('#profile-primary_colour').fill('#ffffff');
      await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
      await page.locator('#profile-on_primary_colour-error').waitFor();
      assert.match(await page.locator('#profile-on_primary_colour').getAttribute('aria-describedby'), /profile-on_primary_colour-error/);
      await assertAccessible(page, 'bureau details with errors');
    } finally {
      await context.close();
    }
  });
});
