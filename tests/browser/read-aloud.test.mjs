// Read-aloud (issue 15) in a real browser: the control passes axe; with JavaScript one button reads
// the sections in order and marks the section being read; without JavaScript each section has a
// working <audio>; the speech-language form sets the cookie; the reporter's own text is read back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { assertAccessible, launchBrowser, localUrl } from './browser.mjs';

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

// Every page language there is today; the language registry (issue 15, part 1) adds tr, ar, pl, uk.
const TEXT = {
  nl: { readAloud: 'Lees voor', reading: 'Bezig met voorlezen:', first: 'Melden helpt!', stop: 'Stop', mine: 'Lees mijn tekst voor' },
  en: { readAloud: 'Read aloud', reading: 'Reading aloud:', first: 'Reporting helps!', stop: 'Stop', mine: 'Read my text aloud' },
};

for (const lang of Object.keys(TEXT)) {
  describe(`read-aloud with JavaScript (${lang})`, () => {
    const t = TEXT[lang];
    let context;
    let page;
    before(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      await page.goto(localUrl(server, `/?lang=${lang}`));
    });
    after(async () => { await context?.close(); });

    test('the control passes axe, closed and open', async () => {
      await assertAccessible(page, `home with read-aloud (${lang})`);
      await page.locator('.read-aloud-details summary').click();
      await assertAccessible(page, `read-aloud box open (${lang})`);
      await page.locator('.read-aloud-details summary').click();
    });

    test('the button reads the sections in order and marks the one being read', async () => {
      const play = page.locator('[data-ra-play]');
      await play.focus();
      await page.keyboard.press('Enter');  // by keyboard
      const status = page.getByRole('status').filter({ hasText: t.reading });
      await assert.doesNotReject(status.waitFor({ timeout: 10000 }));
      assert.equal((await status.textContent()).trim(), `${t.reading} ${t.first}`);
      const marked = page.locator('main h1.read-aloud-current');
      assert.equal((await marked.textContent()).trim(), t.first);
      // The audio really plays (chromium decodes the Ogg/Opus and starts it).
      await page.locator('[data-read-aloud][data-ra-playing="1"]').waitFor({ state: 'attached', timeout: 15000 });
      // Pause and go on, by keyboard.
      await page.locator('[data-ra-pause]').focus();
      await page.keyboard.press('Enter');
      assert.match(await page.getByRole('status').filter({ hasText: lang === 'nl' ? 'Gepauzeerd' : 'Paused' }).textContent(), /./);
      await page.locator('[data-ra-play]').click();
      assert.equal(await page.locator('main h1.read-aloud-current').count(), 1);
      await page.locator('[data-ra-stop]').click();
      assert.equal(await page.locator('.read-aloud-current').count(), 0);
    });

    test('the speech-language form sets the cookie and the audio follows it', async () => {
      const other = lang === 'nl' ? 'en' : 'nl';
      await page.locator('.read-aloud-details summary').click();
      await page.locator('#read-aloud-language').selectOption(other);
      await Promise.all([page.waitForURL(/\/$|\/\?/), page.locator('.read-aloud-language button').click()]);
      const cookies = await context.cookies();
      assert.equal(cookies.find((c) => c.name === 'mp_speech')?.value, other);
      const src = await page.locator('.read-aloud audio').first().getAttribute('src');
      assert.match(src, new RegExp(`taal=${other}`));
      await context.clearCookies({ name: 'mp_speech' });
    });

    test('the report form reads the reporter\'s own description back', async () => {
      await page.goto(localUrl(server, '/melden'));
      const description = page.locator('#description');
      const button = page.getByRole('button', { name: t.mine });
      // The form shows one step at a time with JavaScript; the description is on step 2.
      await page.evaluate(() => { document.querySelectorAll('[hidden]').forEach((e) => { if (e.closest('form')) e.hidden = false; }); });
      await description.fill('Ik werd bij de deur geweigerd.');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/voorlezen/tekst')),
        button.click(),
      ]);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'audio/ogg');
    });
  });
}

describe('read-aloud without JavaScript', () => {
  let context;
  let page;
  before(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });
  after(async () => { await context?.close(); });

  test('each section has an <audio> whose source is Ogg/Opus audio', async () => {
    await page.goto(localUrl(server, '/privacy'));
    assert.equal(await page.locator('[data-ra-player]').isHidden(), true, 'no buttons that need a script');
    await page.locator('.read-aloud-details summary').click();
    const audios = page.locator('.read-aloud audio[controls]');
    const positions = await page.locator('.read-aloud [data-ra-section]').evaluateAll(
      (list) => list.map((li) => li.getAttribute('data-position')));
    assert.equal(new Set(positions).size, 6, 'six sections');
    assert.ok(await audios.count() > 6, 'the long ones in parts, each its own <audio>');
    await assertAccessible(page, 'read-aloud without JavaScript');
    for (const src of await audios.evaluateAll((list) => list.map((a) => a.getAttribute('src')))) {
      const res = await page.request.get(localUrl(server, src));
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'audio/ogg');
      assert.equal((await res.body()).subarray(0, 4).toString('latin1'), 'OggS');
    }
  });

  test('the speech-language form works without JavaScript', async () => {
    await page.goto(localUrl(server, '/privacy'));
    await page.locator('.read-aloud-details summary').click();
    await page.locator('#read-aloud-language').selectOption('en');
    await Promise.all([page.waitForURL(/\/privacy$/), page.locator('.read-aloud-language button').click()]);
    assert.equal((await context.cookies()).find((c) => c.name === 'mp_speech')?.value, 'en');
    assert.match(await page.locator('.read-aloud audio').first().getAttribute('src'), /taal=en/);
  });
});
