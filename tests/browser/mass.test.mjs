// Mass reports in the browser: a coordinator adds an event, counts and links the reports it
// brought in, sees a problem with the bulk answer next to its field, and compares the figures
// with and without the event; a coordinator of another bureau finds the same event and links
// that bureau's own report to it. Every state of the pages is checked with axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, isoDay, submitValid, validReport } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { logInInBrowser } from './staff-login.mjs';

const EMAIL = 'coordinator@meldpunt.example';
const EMAIL_2 = 'coordinator2@meldpunt.example'; // of bureau 2 (Utrecht)
const PASSWORD = 'lang-genoeg-wachtwoord-55';
const MASS = { nature: 'public_statement', domain: 'media', incident_municipality: 'none', residence_municipality: 'GM0599', wishes: ['advice'] };

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await addStaff(server, EMAIL, PASSWORD, 'coordinator');
  assert.equal((await server.run(['bureau', 'add', '--name', 'ADV Utrecht'])).code, 0);
  assert.equal((await server.run(['bureau', 'area', '--bureau', '2', 'GM0344'])).code, 0);
  const added = await server.run(['user', 'add', '--email', EMAIL_2, '--role', 'coordinator', '--bureau', '2'], `${PASSWORD}\n`);
  assert.equal(added.code, 0, added.stderr);
  for (let i = 0; i < 3; i++) await submitValid(server.url, validReport(MASS));
  await submitValid(server.url, validReport({ ...MASS, nature: 'threat', incident_municipality: 'GM0363' }));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a coordinator adds an event, links its reports and compares the figures', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: EMAIL, password: PASSWORD });
  await page.waitForURL(/\/medewerkers\/meldingen$/);

  await page.getByRole('link', { name: 'Massameldingen' }).click();
  await page.waitForURL(/\/medewerkers\/massameldingen$/);
  await assertAccessible(page, 'mass report list, empty');
  await page.getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
  await page.locator('.error-summary').waitFor();
  await assertAccessible(page, 'mass report list with problems');
  await page.getByLabel('Naam van de gebeurtenis').fill('Uitspraak in talkshow');
  await page.getByLabel('Datum waarop de gebeurtenis begon').fill(isoDay(-1));
  await page.getByLabel('Beschrijving (niet verplicht)').fill('NPO 1, gisteravond');
  await page.getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
  await page.waitForURL(/\/medewerkers\/massameldingen\/\d+\?aangemaakt=1$/);
  assert.equal((await page.locator('#event-name').textContent()).trim(), 'Uitspraak in talkshow');
  await assertAccessible(page, 'new mass report event');

  await page.getByLabel('Eerste dag').fill(isoDay(-1));
  await page.getByLabel('Laatste dag').fill(isoDay(1));
  await page.getByLabel('Wat er gebeurde').selectOption('public_statement');
  await page.getByRole('button', { name: 'Passende meldingen tellen' }).click();
  await page.locator('#match-count').waitFor();
  assert.equal((await page.locator('#match-count').textContent()).trim(), '3');
  await assertAccessible(page, 'mass report event with the count before linking');
  await page.getByRole('button', { name: 'Deze meldingen aan de gebeurtenis koppelen' }).click();
  await page.locator('#linked-now').waitFor();
  assert.equal((await page.locator('#linked-now').textContent()).trim(), '3');
  assert.equal(await page.locator('#linked tbody tr').count(), 3);
  await assertAccessible(page, 'mass report event with linked reports');

  await page.getByRole('button', { name: 'Naar alle gekoppelde meldingen sturen' }).click();
  await page.locator('#message-error').waitFor();
  assert.equal(await page.getByLabel('Bericht').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'mass report event with a problem in the answer');
  await page.getByLabel('Bericht').fill('Dank voor uw melding. Wij hebben de omroep geschreven.');
  await page.getByRole('button', { name: 'Naar alle gekoppelde meldingen sturen' }).click();
  await page.locator('#sent-count').waitFor();
  assert.equal((await page.locator('#sent-count').textContent()).trim(), '3');

  await page.getByRole('link', { name: 'Cijfers' }).click();
  await page.waitForURL(/\/medewerkers\/cijfers/);
  assert.equal((await page.locator('#mass-total').textContent()).trim(), '3');
  const total = async () => Number((await page.locator('#counts tfoot [data-col=incident]').textContent()).trim());
  assert.equal(await total(), 4);
  await page.locator('#massa').getByLabel('Zonder massameldingen').check();
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/massa=zonder/);
  assert.equal(await total(), 1);
  await assertAccessible(page, 'figures without mass reports');
  // The two forms sent back on purpose answer 422; nothing else may fail.
  assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
  await context.close();
});

test("another bureau's coordinator links that bureau's own report to the same event", async () => {
  // A reporter from Utrecht about the same statement: routed by residence to bureau 2.
  const reference = await submitValid(server.url, validReport({ ...MASS, residence_municipality: 'GM0344' }));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await logInInBrowser(page, server, { email: EMAIL_2, password: PASSWORD });
  await page.waitForURL(/\/medewerkers\/meldingen$/);
  await page.getByRole('link', { name: 'Massameldingen' }).click();
  await page.waitForURL(/\/medewerkers\/massameldingen$/);
  const row = page.locator('#mass-events tbody tr');
  assert.equal(await row.count(), 1);
  assert.equal((await row.locator('[data-col=bureau]').textContent()).trim(), 'Meldpunt');
  assert.equal((await row.locator('[data-col=elsewhere]').textContent()).trim(), '3');
  await assertAccessible(page, "mass report list with another bureau's event");
  await row.getByRole('link', { name: 'Uitspraak in talkshow' }).click();
  await page.waitForURL(/\/medewerkers\/massameldingen\/\d+$/);
  assert.equal((await page.locator('#count-elsewhere').textContent()).trim(), '3');
  assert.equal(await page.locator('#linked tbody tr').count(), 0, "the other bureau's reports are not shown");
  await page.getByLabel('Meldingsnummers', { exact: true }).fill(reference);
  await page.getByRole('button', { name: 'Deze meldingsnummers koppelen' }).click();
  await page.locator('#linked-now').waitFor();
  assert.equal((await page.locator('#linked-now').textContent()).trim(), '1');
  assert.equal(await page.locator('#linked tbody tr').count(), 1);
  assert.equal((await page.locator('#linked tbody tr .reference').textContent()).trim(), reference);
  await assertAccessible(page, "another bureau's mass report event with its own linked report");
  assert.deepEqual(errors, []);
  await context.close();
});
