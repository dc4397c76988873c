// The public site right to left (issue 15): the Arabic pages have dir="rtl" on <html>, mirror
// their layout (checked by where elements are), pass axe, and do not scroll sideways at 320 px.
// Every other public language passes axe on the home page too.
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

describe('Arabic, right to left', () => {
  let context;
  let page;
  before(async () => {
    context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    page = await context.newPage();
  });
  after(async () => { await context?.close(); });

  test('the pages are rtl, mirrored and accessible', async () => {
    for (const path of ['/?lang=ar', '/melden', '/privacy', '/melden/volgen', '/cijfers']) {
      await page.goto(localUrl(server, path));
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl', path);
      assert.equal(await page.getAttribute('html', 'lang'), 'ar', path);
      await assertAccessible(page, `${path} (ar)`);
    }
    await page.goto(localUrl(server, '/'));
    // Mirrored: the site's name starts at the right, the language picker is on the left.
    const brand = await page.locator('.brand').boundingBox();
    const picker = await page.locator('.lang-switch').boundingBox();
    assert.ok(brand.x > picker.x, `brand at ${brand.x}, picker at ${picker.x}`);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(brand.x + brand.width > width / 2, 'the name sits in the right half');
    // The picker's current language is marked for assistive technology.
    assert.equal(await page.locator('.lang-switch a[aria-current="true"]').getAttribute('lang'), 'ar');
  });

  test('no horizontal scrolling at 320 px', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await narrow.newPage();
    try {
      for (const path of ['/?lang=ar', '/melden?lang=ar']) {
        await p.goto(localUrl(server, path));
        const { scroll, client } = await p.evaluate(() => ({
          scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= client, `${path}: ${scroll} > ${client}`);
      }
    } finally {
      await narrow.close();
    }
  });
});

describe('the other public languages', () => {
  for (const lang of ['tr', 'pl', 'uk']) {
    test(`home page in ${lang} is accessible`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(localUrl(server, `/?lang=${lang}`));
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
        await assertAccessible(page, `home (${lang})`);
      } finally {
        await context.close();
      }
    });
  }
});
