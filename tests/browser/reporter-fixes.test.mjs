// Reporter-side fixes found in testing (issue 15), in a real browser: the way back to the
// follow-up page from every public page; one word for the code ("volgcode"; "tracking code" in
// English); each step of the form checked on "Volgende" with the server's own messages, and the
// form as one page without JavaScript; a refused file linked to its input; and no sideways
// scrolling at 320 CSS pixels (WCAG 1.4.10), also with long file names.
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startServer } from '../integration/harness.mjs';
import { assertAccessible, launchBrowser, localUrl, watchConsole } from './browser.mjs';
import { TEXT, fillSteps, press, reportValues } from './report-flow.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ env: { MELDPUNT_FOLLOWUP_BURST: '0' } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const PUBLIC_PAGES = ['/', '/privacy', '/melden', '/melden/volgen', '/cijfers'];
const LONG_NAME = `${'schermafbeelding-van-het-gesprek-met-de-verhuurder-'.repeat(3)}2026-11-03.pdf`;
const pdf = () => readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'evidence', 'letter.pdf'));
/** A file the server refuses: a web page that calls itself a PNG image, with a long name. */
const refused = () => ({ name: LONG_NAME.replace(/\.pdf$/, '.png'), mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>') });

/** The visible text of the main content, in lower case. */
async function mainText(page) {
  return (await page.locator('main').innerText()).toLowerCase();
}

/** Send an anonymous report through the form; returns { reference, receipt } and stays on the confirmation. */
async function sendReport(page, lang, description) {
  await fillSteps(page, lang, reportValues({ description, wishes: ['advice'] }));
  await press(page, TEXT[lang].review);
  await page.getByRole('heading', { level: 1, name: TEXT[lang].checkHeading }).waitFor();
  await page.getByLabel(TEXT[lang].consent).check();
  await press(page, TEXT[lang].send);
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  const reference = (await page.locator('.reference').first().textContent()).trim();
  const receipt = (await page.locator('#receipt').textContent()).trim().replace(/\s+/g, ' ');
  return { reference, receipt };
}

/** Sign in on the follow-up page with a receipt code. */
async function signIn(page, receipt, label) {
  await page.goto(localUrl(server, '/melden/volgen'));
  await page.getByLabel(label).fill(receipt);
  await page.locator('form[action="/melden/volgen"] button[type=submit]').click();
  await page.locator('#status').waitFor();
}

/**
 * The page does not scroll sideways: the document is no wider than the viewport. The message
 * names the elements that stick out, to find the cause.
 */
async function assertNoSidewaysScroll(page, what, width = 320) {
  const { scrollWidth, wide } = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const sticking = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > limit && box.width > 0 && !el.closest('.table-scroll')) {
        sticking.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} (${Math.round(box.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: sticking.slice(0, 8) };
  });
  assert.ok(scrollWidth <= width, `${what}: the page is ${scrollWidth}px wide at ${width}px; sticking out: ${wide.join(', ')}`);
}

describe('the way back to the follow-up page', () => {
  for (const [lang, name, long] of [['nl', 'Volg uw melding', 'Volg uw melding met uw volgcode'],
    ['en', 'Follow your report', 'Follow your report with your tracking code']]) {
    test(`a "${name}" link in the header of every public page, and on the home and privacy pages (${lang})`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(localUrl(server, `/?lang=${lang}`));
      for (const where of PUBLIC_PAGES) {
        await page.goto(localUrl(server, where));
        const link = page.locator('header').getByRole('link', { name, exact: true });
        assert.equal(await link.count(), 1, `the header link on ${where}`);
        assert.equal(await link.getAttribute('href'), '/melden/volgen');
        assert.ok(await link.isVisible(), `visible on ${where}`);
      }
      for (const where of ['/', '/privacy']) {
        await page.goto(localUrl(server, where));
        const link = page.locator('main').getByRole('link', { name: long, exact: true });
        assert.equal(await link.getAttribute('href'), '/melden/volgen', `the link in the text of ${where}`);
      }
      // By keyboard from the home page: the link comes right after the site's name.
      await page.goto(localUrl(server, '/'));
      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab'); // the site's name
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), name);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/melden\/volgen$/);
      assert.equal((await page.locator('h1').textContent()).trim(), name);
      await assertAccessible(page, `follow-up page reached from the header (${lang})`);
      // Staff pages do not have it.
      await page.goto(localUrl(server, '/medewerkers/login'));
      assert.equal(await page.locator('header').getByRole('link', { name, exact: true }).count(), 0, 'not on staff pages');
      await context.close();
    });
  }
});

describe('one word for the code', () => {
  for (const [lang, word, wrong] of [['nl', 'volgcode', /ontvangstcode/], ['en', 'tracking code', /receipt code/]]) {
    test(`"${word}" on the form, summary, confirmation, privacy and follow-up pages, and no other word (${lang})`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t = TEXT[lang];
      const seen = async (what) => {
        const text = await mainText(page);
        assert.ok(text.includes(word), `${what} says "${word}"`);
        assert.doesNotMatch(text, wrong, `${what} has no other word for the code`);
      };
      await page.goto(localUrl(server, `/melden?lang=${lang}`));
      // The form explains the code with the question about anonymity (step 4).
      await fillSteps(page, lang, reportValues({ wishes: ['advice'] }));
      await seen('the form');
      await press(page, t.review);
      await page.getByRole('heading', { level: 1, name: t.checkHeading }).waitFor();
      await seen('the summary');
      await page.getByLabel(t.consent).check();
      await press(page, t.send);
      await page.waitForURL(/\/melden\/ontvangen\?r=/);
      await seen('the confirmation');
      const receipt = (await page.locator('#receipt').textContent()).trim();
      await page.goto(localUrl(server, '/privacy'));
      await seen('the privacy statement');
      await page.goto(localUrl(server, '/melden/volgen'));
      await seen('the follow-up page');
      await signIn(page, receipt, lang === 'nl' ? 'Volgcode' : 'Tracking code');
      await seen('the thread');
      await context.close();
    });
  }
});

describe('each step is checked on "Volgende"', () => {
  test('an empty step: the error summary takes the focus, the step stays, the messages are the server\'s', async () => {
    // The server's messages for an empty form, as a browser without JavaScript gets them.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(localUrl(server, '/melden'));
    await press(noJs, TEXT.nl.review);
    await noJs.locator('.error-summary').waitFor();
    const serverMessages = await noJs.locator('.error-summary li').allTextContents();
    await plain.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(localUrl(server, '/melden'));
    await press(page, TEXT.nl.next);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary has the focus');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal((await summary.locator('h2').textContent()).trim(), 'Controleer het volgende');
    const shown = await summary.locator('li').allTextContents();
    assert.deepEqual(shown, ['Kies wie de melding doet.', 'Kies waar u woont.']);
    for (const message of shown) assert.ok(serverMessages.includes(message), `"${message}" is the server's text`);
    assert.ok(await page.locator('#step-1').isVisible(), 'still on step 1');
    assert.equal(await page.locator('#step-2').isVisible(), false);
    // Each message is beside its field and linked to it.
    assert.equal(await page.locator('#reporter_role-error').textContent(), 'Kies wie de melding doet.');
    assert.match(await page.locator('#reporter_role').getAttribute('aria-describedby'), /\breporter_role-error\b/);
    const residence = page.getByLabel('In welke gemeente woont u?');
    assert.equal(await residence.getAttribute('aria-invalid'), 'true');
    assert.match(await residence.getAttribute('aria-describedby'), /\bresidence_municipality-error\b/);
    await assertAccessible(page, 'step 1 with errors');
    // The link in the summary takes the reporter to the field.
    await summary.getByRole('link', { name: 'Kies waar u woont.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'residence_municipality');

    // Put right, the step may be left, and the summary and messages are gone.
    await page.getByLabel(TEXT.nl.role.victim, { exact: true }).check();
    await residence.selectOption({ label: 'Utrecht' });
    await press(page, TEXT.nl.next);
    assert.ok(await page.locator('#step-2').isVisible(), 'on to step 2');
    assert.equal(await page.locator('.error-summary').count(), 0, 'no summary left');
    assert.equal(await page.locator('#step-1 .field-error').count(), 0);
    assert.equal(await residence.getAttribute('aria-invalid'), null);

    // Step 3: a year that is not a year gets the server's format message.
    await page.getByLabel(TEXT.nl.description).fill('Bij de sportschool werd ik geweigerd.');
    await page.getByLabel(TEXT.nl.nature.unequal_treatment, { exact: true }).check();
    await page.getByLabel(TEXT.nl.grounds.origin, { exact: true }).check();
    await press(page, TEXT.nl.next);
    await page.getByLabel(TEXT.nl.domain.hospitality, { exact: true }).check();
    await page.getByLabel(TEXT.nl.approximate, { exact: true }).check();
    await page.getByLabel(TEXT.nl.year, { exact: true }).fill('20x5');
    await page.getByLabel(TEXT.nl.incident).selectOption({ label: 'Amsterdam' });
    await page.getByLabel(TEXT.nl.scope.incident, { exact: true }).check();
    await press(page, TEXT.nl.next);
    await page.locator('.error-summary').waitFor();
    assert.deepEqual(await page.locator('.error-summary li').allTextContents(), ['Vul een jaar in van vier cijfers, zoals 2025.']);
    assert.ok(await page.locator('#step-3').isVisible(), 'still on step 3');
    assert.equal(await page.getByLabel(TEXT.nl.year, { exact: true }).inputValue(), '20x5', 'what was typed is kept');
    await page.getByLabel(TEXT.nl.year, { exact: true }).fill('2025');
    await press(page, TEXT.nl.next);
    assert.ok(await page.locator('#step-4').isVisible(), 'on to step 4');

    assert.deepEqual(errors, [], 'no console errors in steps 1-3');

    // Step 4 goes to the server on "check your report", which answers in the same way: not
    // anonymous, but no way to reach the reporter.
    await page.getByLabel(TEXT.nl.anonymous.no, { exact: true }).check();
    await page.getByLabel(TEXT.nl.wishes.advice, { exact: true }).check();
    await press(page, TEXT.nl.review);
    await page.locator('.error-summary').waitFor();
    assert.ok(await page.locator('.error-summary').evaluate((el) => el === document.activeElement));
    assert.equal(await page.locator('.error-summary li').count(), 1);
    assert.equal(await page.getByLabel(TEXT.nl.email).getAttribute('aria-invalid'), 'true');
    assert.match(new URL(page.url()).pathname, /^\/melden$/);
    await assertAccessible(page, 'step 4 with an error');
    await page.getByLabel(TEXT.nl.email).fill('stap@example.nl');
    await press(page, TEXT.nl.review);
    await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
    await context.close();
  });

  test('"Terug" is never stopped by an empty step', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(localUrl(server, '/melden'));
    await page.locator('#progress a[href="#step-2"]').click();
    assert.ok(await page.locator('#step-2').isVisible());
    await press(page, TEXT.nl.back);
    assert.ok(await page.locator('#step-1').isVisible(), 'back on step 1');
    assert.equal(await page.locator('.error-summary').count(), 0);
    await context.close();
  });

  test('without JavaScript the whole form is one page, and it is sent', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(localUrl(server, '/melden'));
    for (const step of [1, 2, 3, 4]) assert.ok(await page.locator(`#step-${step}`).isVisible(), `step ${step} is shown`);
    assert.equal(await page.getByRole('button', { name: TEXT.nl.next }).count(), 0, 'no "Volgende" buttons');
    await fillSteps(page, 'nl', reportValues({ description: 'Zonder JavaScript, op één pagina.' }), { js: false });
    await press(page, TEXT.nl.review);
    await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
    await page.getByLabel(TEXT.nl.consent).check();
    await press(page, TEXT.nl.send);
    await page.waitForURL(/\/melden\/ontvangen\?r=/);
    assert.match((await page.locator('.reference').first().textContent()).trim(), /^MP-\d{4}-\d{6}$/);
    await context.close();
  });
});

describe('a refused file', () => {
  for (const [kind, file] of [
    ['forbidden', refused],
    ['too large', () => ({ name: 'groot.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024 + 1, 32)]) })],
  ]) {
    test(`a ${kind} file: the message is linked to the file input (aria-describedby, aria-invalid)`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(localUrl(server, '/melden'));
      await fillSteps(page, 'nl', reportValues({ description: `Een ${kind} bestand erbij.` }));
      await press(page, TEXT.nl.review);
      await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
      await page.getByLabel('Bestanden kiezen').setInputFiles([file()]);
      await page.getByLabel(TEXT.nl.consent).check();
      await press(page, TEXT.nl.send);
      await page.locator('.error-summary').waitFor();
      const input = page.getByLabel('Bestanden kiezen');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      const described = await input.evaluate((el) => (el.getAttribute('aria-describedby') || '').split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent.trim() ?? `(missing #${id})`).join(' | '));
      const message = (await page.locator('.error-summary li').first().textContent()).trim();
      assert.ok(described.includes(message), `the input is described by the message "${message}": ${described}`);
      // The summary's link goes to the input.
      await page.locator('.error-summary').getByRole('link', { name: message }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'evidence');
      await assertAccessible(page, `the summary with a ${kind} file`);
      await context.close();
    });
  }
});

describe('320 CSS pixels wide: no sideways scrolling (WCAG 1.4.10)', () => {
  let context;
  let page;
  before(async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    page = await context.newPage();
  });
  after(async () => { await context?.close(); });

  test('home, form steps, privacy, figures and the follow-up login', async () => {
    for (const where of ['/', '/privacy', '/cijfers', '/melden/volgen', '/melden?lang=en', '/?lang=nl']) {
      await page.goto(localUrl(server, where));
      await assertNoSidewaysScroll(page, where);
    }
    await page.goto(localUrl(server, '/melden'));
    await assertNoSidewaysScroll(page, 'form step 1');
    await press(page, TEXT.nl.next);
    await assertNoSidewaysScroll(page, 'form step 1 with errors');
    await page.getByLabel(TEXT.nl.role.witness, { exact: true }).check();
    await page.getByLabel(TEXT.nl.residence).selectOption({ label: 'Utrecht' });
    for (const step of [2, 3, 4]) {
      await page.locator(`#progress a[href="#step-${step}"]`).click();
      await assertNoSidewaysScroll(page, `form step ${step}`);
    }
    const plain = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(localUrl(server, '/melden'));
    await assertNoSidewaysScroll(noJs, 'the form without JavaScript');
    await plain.close();
  });

  test('the summary with a long file name, the confirmation, and the thread with a long attachment name', async () => {
    await page.goto(localUrl(server, '/melden'));
    await page.evaluate(() => localStorage.clear());
    await page.goto(localUrl(server, '/melden'));
    await fillSteps(page, 'nl', reportValues({ description: 'Smal scherm: een heel lang woord '.concat('x'.repeat(200)), wishes: ['advice'] }));
    await press(page, TEXT.nl.review);
    await page.getByRole('heading', { level: 1, name: TEXT.nl.checkHeading }).waitFor();
    await assertNoSidewaysScroll(page, 'the summary');
    await page.getByLabel('Bestanden kiezen').setInputFiles([{ name: LONG_NAME, mimeType: 'application/pdf', buffer: pdf() }]);
    await assertNoSidewaysScroll(page, 'the summary with a long file name chosen');
    // A refused file with a long name: the message names it.
    await page.getByLabel('Bestanden kiezen').setInputFiles([refused()]);
    await page.getByLabel(TEXT.nl.consent).check();
    await press(page, TEXT.nl.send);
    await page.locator('.error-summary').waitFor();
    await assertNoSidewaysScroll(page, 'the summary with a refused long file name');
    await page.getByLabel('Bestanden kiezen').setInputFiles([{ name: LONG_NAME, mimeType: 'application/pdf', buffer: pdf() }]);
    await page.getByLabel(TEXT.nl.consent).check();
    await press(page, TEXT.nl.send);
    await page.waitForURL(/\/melden\/ontvangen\?r=/);
    await assertNoSidewaysScroll(page, 'the confirmation with the code');
    const receipt = (await page.locator('#receipt').textContent()).trim();

    await signIn(page, receipt, 'Volgcode');
    await assertNoSidewaysScroll(page, 'the thread');
    await page.getByLabel('Uw bericht', { exact: true }).fill('Nog een bestand met een lange naam.');
    await page.getByLabel('Bestanden kiezen').setInputFiles([{ name: LONG_NAME, mimeType: 'application/pdf', buffer: pdf() }]);
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await page.getByText('Uw bericht is verstuurd.').waitFor();
    assert.match(await page.locator('.thread').textContent(), /schermafbeelding/);
    await assertNoSidewaysScroll(page, 'the thread with a long attachment name');
    // A refused file on the follow-up page.
    await page.getByLabel('Uw bericht', { exact: true }).fill('En een verkeerd bestand.');
    await page.getByLabel('Bestanden kiezen').setInputFiles([refused()]);
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await page.locator('#evidence-error').waitFor();
    const input = page.getByLabel('Bestanden kiezen');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.match(await input.getAttribute('aria-describedby'), /\bevidence-error\b/);
    await assertNoSidewaysScroll(page, 'the thread with a refused long file name');
    await assertAccessible(page, 'the thread at 320 px with a refused file');
  });

  test('staff pages still fit: the login page', async () => {
    await page.goto(localUrl(server, '/medewerkers/login'));
    await assertNoSidewaysScroll(page, 'the staff login');
  });
});
