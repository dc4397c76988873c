// Shared set-up for the browser tests: Debian's chromium driven by playwright-core,
// and axe-core for accessibility checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { staffLogin } from '../integration/flows.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Launch /usr/bin/chromium headless (never a downloaded browser). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The server's URL with the hostname localhost, as a visitor would type it. */
export function localUrl(server, path = '/') {
  return `http://localhost:${server.port}${path}`;
}

/**
 * Run axe on the current page and assert there are no WCAG 2.1 A/AA violations.
 * page.evaluate runs over the DevTools protocol, which the page's CSP does not
 * block, so no bypassCSP is needed.
 */
export async function assertAccessible(page, what) {
  if (!(await scriptsRun(page))) {
    await assertAccessibleCopy(page, what);
    return;
  }
  await runAxe(page, what);
}

async function runAxe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
  const report = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`);
  assert.equal(result.violations.length, 0, `${what}: axe found violations:\n${report.join('\n')}`);
}

/**
 * Whether the page runs scripts: in a context made with javaScriptEnabled: false, timers never
 * fire, so axe (which waits on them) would never return.
 */
async function scriptsRun(page) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(false), 1500); });
  const probe = page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve(true), 0))).catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * axe for a page shown without JavaScript: the same HTML (as the server sent it and the browser
 * parsed it), at the same address with the same style sheets and viewport, in a fresh page that
 * runs scripts. The page's own scripts stay off there too (they are dropped), so what is checked
 * is the page a visitor without JavaScript sees.
 */
async function assertAccessibleCopy(page, what) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const url = page.url();
  const context = await page.context().browser().newContext({ viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route((requestUrl) => requestUrl.href === url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(url);
    await runAxe(copy, `${what} (without JavaScript)`);
  } finally {
    await context.close();
  }
}

/**
 * Collect console errors (CSP violations, failed loads) and uncaught page errors,
 * to assert none happened. A missing /favicon.ico, which the browser asks for on
 * its own, is not counted.
 */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location()?.url ?? '')) errors.push(`${m.text()} (${m.location()?.url})`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Console errors apart from the browser's own line about a 422 answer (a form with errors). */
export function unexpectedErrors(errors) {
  return errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e));
}

/**
 * A browser context signed in as this staff member (the session cookie of a form login);
 * options go to newContext (e.g. { javaScriptEnabled: false }).
 */
export async function signedInContext(browser, server, email, password, options = {}) {
  const jar = await staffLogin(server.url, email, password);
  const context = await browser.newContext(options);
  await context.addCookies([...jar.cookies].map(([name, value]) => ({ name, value, url: localUrl(server) })));
  return context;
}

/** Add staff accounts through the CLI: [email, role] pairs, all with this password. */
export async function addStaffAccounts(server, accounts, password) {
  for (const [email, role] of accounts) {
    const r = await server.run(['user', 'add', '--email', email, '--role', role], `${password}\n`);
    assert.equal(r.code, 0, r.stderr);
  }
}

/** A report's case id, as the first page of the staff list of reports links it. */
export async function caseIdOf(server, jar, reference) {
  const list = await (await jar.fetch(`${server.url}/medewerkers/meldingen`)).text();
  return list.match(new RegExp(`href="/medewerkers/meldingen/(\\d+)">${reference}<`))[1];
}
