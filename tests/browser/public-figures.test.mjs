// Population figures and the public figures page in the browser, without JavaScript: a bureau
// admin enters inhabitants by keyboard (a mistake first, then right), in Dutch and English; the
// public page /cijfers reads in both languages and fits a window 1000 px wide; its "how we count"
// page (/cijfers/uitleg) is reached by keyboard; axe finds nothing on any of these pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportingYear, submitValid, validReport } from '../integration/flows.mjs';
import { sql } from '../integration/database.mjs';
import { assertAccessible, launchBrowser, localUrl } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const L = reportingYear() - 1;
let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server);
  // Hardinxveld-Giessendam: one of the longest names, for the width of the table.
  const area = await server.run(['bureau', 'area', '--bureau', '1', 'GM0363', 'GM0599', 'GM0344', 'GM0523']);
  assert.equal(area.code, 0, area.stderr);
  for (let i = 0; i < 8; i++) await submitValid(server.url, validReport({ incident_municipality: 'GM0363', residence_municipality: 'GM0363' }));
  for (let i = 0; i < 2; i++) await submitValid(server.url, validReport({ incident_municipality: 'GM0599', residence_municipality: 'GM0599' }));
  for (let i = 0; i < 6; i++) await submitValid(server.url, validReport({ incident_municipality: 'GM0344', residence_municipality: 'GM0344' }));
  await sql(server, `UPDATE reports SET reported_year = ${L}`);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an admin enters population figures by keyboard, without JavaScript; accessible in nl and en', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logInInBrowser(page, server);
  await page.getByRole('link', { name: 'Inwonertallen' }).click();
  await page.getByRole('heading', { level: 1, name: `Inwonertallen ${L}` }).waitFor();
  await assertAccessible(page, 'population form (nl)');
  const amsterdam = page.getByLabel('Amsterdam');
  await amsterdam.focus();
  await page.keyboard.type('8.000');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'De inwonertallen zijn niet opgeslagen' }).waitFor();
  assert.equal(await page.getByLabel('Amsterdam').inputValue(), '8.000', 'what was typed stays');
  assert.equal(await page.getByLabel('Amsterdam').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'population form with an error (nl)');
  await page.getByLabel('Amsterdam').fill('8000');
  await page.getByLabel('Amsterdam').press('Enter');
  await page.getByText('De inwonertallen zijn opgeslagen.').waitFor();
  assert.equal(await page.getByLabel('Amsterdam').inputValue(), '8000');

  await page.goto(localUrl(server, `/medewerkers/inwoners?jaar=${L}&lang=en`));
  await page.getByRole('heading', { level: 1, name: `Population figures ${L}` }).waitFor();
  await page.getByLabel('Rotterdam').fill('0');
  await page.getByRole('button', { name: 'Save population figures' }).click();
  await page.getByText('Rotterdam: Enter a number of inhabitants from 1 to 10,000,000.').waitFor();
  await assertAccessible(page, 'population form with an error (en)');
  await context.close();
});

test('the public figures page reads in nl and en without JavaScript; accessible', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(localUrl(server, '/'));
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cijfers over meldingen' }).click();
  await page.getByRole('heading', { level: 1, name: `Cijfers: meldingen van discriminatie in ${L}` }).waitFor();
  const table = page.getByRole('table', { name: /Meldingen per gemeente van het werkgebied/ });
  assert.equal((await table.locator('tr[data-code=GM0363] [data-col=incidents-current]').textContent()).trim(), '8');
  assert.equal((await table.locator('tr[data-code=GM0363] [data-col=incidents-rate]').textContent()).trim(), '1,0');
  assert.equal((await table.locator('tr[data-code=GM0599] [data-col=incidents-current]').textContent()).trim(), '< 5');
  await page.getByText('Een melding over meerdere gronden telt bij elke grond één keer mee').waitFor();
  await page.getByText('Een grond omvat de subgronden eronder').waitFor();
  // A sub-ground reads as part of its ground and stands indented under it.
  const grounds = page.locator('#t-grounds');
  const antiMuslim = grounds.locator('tr[data-code="religion.anti_muslim"] th');
  assert.equal((await antiMuslim.textContent()).trim(), 'waarvan tegen moslims');
  const left = async (cell) => (await cell.evaluate((th) => th.getBoundingClientRect().left + parseFloat(getComputedStyle(th).paddingLeft)));
  assert.ok(await left(antiMuslim) >= (await left(grounds.locator('tr[data-code=religion] th'))) + 12, 'indented under its ground');
  await assertAccessible(page, 'public figures (nl)');
  // The wide tables scroll, and their region takes keyboard focus.
  await page.locator('.table-scroll').first().focus();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'region');

  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: `Figures: reports of discrimination in ${L}` }).waitFor();
  assert.equal((await page.locator('#t-area-1 tr[data-code=GM0363] [data-col=incidents-rate]').textContent()).trim(), '1.0');
  await assertAccessible(page, 'public figures (en)');
  await context.close();
});

test('the public figures fit a window 1000 px wide: nothing overflows', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  for (const lang of ['nl', 'en']) {
    await page.goto(localUrl(server, `/cijfers?lang=${lang}`));
    await page.locator('#t-area-1').waitFor();
    const widths = await page.evaluate(() => ({
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      boxes: [...document.querySelectorAll('.table-scroll')].map((box) => [box.scrollWidth, box.clientWidth]),
      tables: [...document.querySelectorAll('table')].map((table) => [table.getBoundingClientRect().right, document.documentElement.clientWidth]),
    }));
    assert.ok(widths.page[0] <= widths.page[1], `${lang}: the page scrolls sideways (${widths.page})`);
    assert.ok(widths.boxes.length >= 2);
    for (const [scroll, client] of widths.boxes) assert.ok(scroll <= client, `${lang}: a table scrolls sideways in its box (${scroll} > ${client})`);
    for (const [right, client] of widths.tables) assert.ok(right <= client, `${lang}: a table ends beyond the window (${right} > ${client})`);
  }
  await context.close();
});

test('"how we count" is one keyboard step away from /cijfers; the page is accessible in nl and en', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(localUrl(server, '/cijfers'));
  // Tab through the page until the link has focus, then follow it with Enter.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('href') === '/cijfers/uitleg');
  }
  assert.ok(reached, 'the link to /cijfers/uitleg takes keyboard focus');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Zo tellen wij' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/cijfers/uitleg');
  for (const name of ['In welk jaar een melding telt', 'Gronden en subgronden', 'Massameldingen', 'Kleine aantallen', 'Gemeenten die zijn samengegaan']) {
    await page.getByRole('heading', { level: 2, name }).waitFor();
  }
  await page.getByText('U ziet dan „<\u00a05”.').waitFor();
  await assertAccessible(page, 'how we count (nl)');
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'How we count' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Grounds and their sub-grounds' }).waitFor();
  await assertAccessible(page, 'how we count (en)');
  await page.getByRole('link', { name: 'Back to the figures' }).click();
  await page.getByRole('heading', { level: 1, name: /^Figures: reports of discrimination in/ }).waitFor();
  await context.close();
});
