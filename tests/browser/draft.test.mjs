// "Never lose a report": the report form keeps a draft on the device (localStorage), with the
// form's submission key, so a reload, a lost connection or a server restart loses nothing, and a
// restored draft that is sent again is still one report.
//
// The browser talks to the server through a small proxy on a fixed port. localStorage belongs to
// an origin (host and port), and a restarted server listens on a new port; through the proxy the
// browser keeps one origin while the server behind it really stops and starts again. The proxy
// can also drop the answers to POSTs, like a connection that breaks after the report was sent.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, recentDate, reportRows, staffLogin } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, watchConsole } from './browser.mjs';

const DRAFT_KEY = 'meldpunt-report-draft';

const NL = {
  description: 'Wat is er gebeurd?',
  date: 'Wanneer gebeurde het?',
  incident: 'In welke gemeente gebeurde het?',
  residence: 'In welke gemeente woont u?',
  anonymous: 'Ja, ik wil anoniem blijven',
  contactMe: 'Nee, u mag contact met mij opnemen',
  name: 'Uw naam',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  submit: 'Melding versturen',
  note: 'Wat u typt, bewaren we ook op dit apparaat, zodat het niet verloren gaat. Gebruikt u een gedeelde computer?',
  clear: 'Bewaarde tekst wissen',
  cleared: 'De bewaarde tekst is gewist.',
  offline: 'De verbinding is weggevallen. Uw tekst is veilig op dit apparaat bewaard.',
  pending: 'Zodra er weer verbinding is, versturen we uw melding.',
  online: 'Er is weer verbinding.',
};

/** A proxy on a fixed port of 127.0.0.1 to whichever server is current. */
async function startProxy() {
  const state = { target: undefined, dropPostAnswers: false };
  const proxy = http.createServer((req, res) => {
    if (!state.target) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('The server is not running.');
      return;
    }
    const upstream = http.request({
      host: '127.0.0.1', port: state.target, method: req.method, path: req.url, headers: req.headers,
    }, (answer) => {
      if (state.dropPostAnswers && req.method === 'POST') {
        // The server has handled the request; the answer never reaches the browser.
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('The server is not reachable.');
    });
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: proxy.address().port,
    state,
    close() {
      proxy.closeAllConnections();
      return new Promise((resolve) => proxy.close(resolve));
    },
  };
}

let server;
let proxy;
let browser;
before(async () => {
  server = await startServer();
  await addStaff(server);
  proxy = await startProxy();
  proxy.state.target = server.port;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.stop();
});

/** The address as the browser sees it: always the proxy's port, whichever server runs behind it. */
function url(path) {
  return `http://localhost:${proxy.port}${path}`;
}

async function newPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page, errors: watchConsole(page) };
}

/** Fill in everything, the way a person does: by the labels. */
async function fillEverything(page, description) {
  await page.getByLabel(NL.description).fill(description);
  await page.getByLabel(NL.date).fill(recentDate());
  await page.getByLabel(NL.incident).selectOption({ label: 'Amsterdam' });
  await page.getByLabel(NL.residence).selectOption({ label: 'Utrecht' });
  await page.getByLabel(NL.contactMe).check();
  await page.getByLabel(NL.name).fill('Fatima de Vries');
  await page.getByLabel(NL.email).fill('fatima@example.nl');
  await page.getByLabel(NL.phone).fill('06 12345678');
}

/** Fill in an anonymous report. */
async function fillAnonymous(page, description) {
  await page.getByLabel(NL.description).fill(description);
  await page.getByLabel(NL.date).fill(recentDate());
  await page.getByLabel(NL.incident).selectOption({ label: 'Rotterdam' });
  await page.getByLabel(NL.residence).selectOption({ label: 'Delft' });
  await page.getByLabel(NL.anonymous).check();
}

/** What the form holds now, field by field, with the hidden submission key. */
function formState(page) {
  return page.locator('form[action="/melden"]').evaluate((form) => ({
    description: form.elements.description.value,
    incident_date: form.elements.incident_date.value,
    incident_municipality: form.elements.incident_municipality.value,
    residence_municipality: form.elements.residence_municipality.value,
    anonymous: form.querySelector('input[name=anonymous]:checked')?.value ?? '',
    contact_name: form.elements.contact_name.value,
    contact_email: form.elements.contact_email.value,
    contact_phone: form.elements.contact_phone.value,
    submission_key: form.elements.submission_key.value,
  }));
}

const EMPTY = {
  description: '', incident_date: '', incident_municipality: '', residence_municipality: '', anonymous: '',
  contact_name: '', contact_email: '', contact_phone: '',
};

function withoutKey(state) {
  const { submission_key: _, ...fields } = state;
  return fields;
}

/** The stored draft, parsed, or null. */
async function storedDraft(page) {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), DRAFT_KEY);
  return raw === null ? null : JSON.parse(raw);
}

/** Wait until the (debounced) draft holds this description. */
async function draftSaved(page, description) {
  await page.waitForFunction(([key, text]) => {
    try { return JSON.parse(window.localStorage.getItem(key))?.fields?.description === text; } catch { return false; }
  }, [DRAFT_KEY, description]);
}

/** Console errors apart from the browser's own line about a 422 answer (a form with errors). */
function unexpected(errors) {
  return errors.filter((e) => !/status of 422 \(Unprocessable Entity\)/.test(e));
}

async function referenceOn(page) {
  await page.waitForURL(/\/melden\/ontvangen\?r=/);
  const reference = (await page.locator('.reference').first().textContent()).trim();
  assert.match(reference, /^MP-\d{4}-\d{6}$/);
  return reference;
}

/** The staff list's rows that mention this text (as staff sees them, on the current server). */
async function reportsMentioning(text) {
  const jar = await staffLogin(server.url);
  const { rows } = await reportRows(server.url, jar);
  return rows.filter((r) => r.text.includes(text));
}

test('what was typed and chosen is back after a reload, with the same submission key', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const note = page.getByText(NL.note);
  assert.ok(await note.isVisible(), 'the note about the draft is shown');
  assert.ok(await page.getByRole('button', { name: NL.clear }).isVisible());
  await assertAccessible(page, 'form with the draft note');

  const description = 'In de bus zei de chauffeur dat ik “terug moest naar mijn eigen land”.';
  await fillEverything(page, description);
  const before = await formState(page);
  await draftSaved(page, description);
  const csrf = await page.locator('input[name=csrf]').inputValue();
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), DRAFT_KEY);
  assert.ok(!raw.includes(csrf), 'the anti-forgery token is never kept');
  assert.equal((await storedDraft(page)).submission_key, before.submission_key);

  await page.reload();
  assert.deepEqual(await formState(page), before, 'everything is back, and the key is the same');
  assert.ok(await page.getByLabel(NL.email).isVisible(), 'the contact fields are shown for "contact me"');

  // A fresh page (new tab, same device) gets the draft too, though the server sent a new key.
  const second = await context.newPage();
  await second.goto(url('/melden'));
  assert.deepEqual(await formState(second), before);
  await second.close();

  // Choosing to stay anonymous is kept as well.
  await page.getByLabel(NL.anonymous).check();
  await page.waitForFunction((key) => JSON.parse(window.localStorage.getItem(key)).fields.anonymous === 'yes', DRAFT_KEY);
  await page.reload();
  assert.equal((await formState(page)).anonymous, 'yes');
  assert.equal(await page.getByLabel(NL.email).isVisible(), false, 'contact fields hidden again');
  assert.deepEqual(errors, [], 'no console errors (e.g. CSP violations)');
  await context.close();
});

/** A text field of a form body as the browser sent it: multipart (the form takes files) or urlencoded. */
function formField(body, name) {
  const part = new RegExp(`name="${name}"\r\n\r\n([^\r]*)\r\n`).exec(body);
  return part ? part[1] : new URLSearchParams(body).get(name);
}

test('sending while offline waits, says so calmly, and sends once the connection is back: one report', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Offline verstuurd: de portier liet mij niet binnen om mijn huidskleur.';
  await fillAnonymous(page, description);
  const before = await formState(page);
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.postData() ?? ''); });

  await context.setOffline(true);
  const status = page.locator('.connection-status');
  assert.equal(await status.getAttribute('role'), 'status');
  await page.getByText(NL.offline).waitFor();
  assert.equal(await page.getByText(NL.pending).isVisible(), false, 'no promise to send before "send" was pressed');

  await page.getByRole('button', { name: NL.submit }).click();
  await page.getByText(NL.pending).waitFor();
  assert.match(page.url(), /\/melden$/, 'still on the form');
  assert.deepEqual(await formState(page), before, 'nothing typed is lost');
  assert.equal((await storedDraft(page)).fields.description, description, 'the draft is kept');
  assert.equal((await storedDraft(page)).submission_key, before.submission_key);
  assert.equal(posts.length, 0, 'nothing was sent');
  await assertAccessible(page, 'form with the offline notice');

  await context.setOffline(false);
  const reference = await referenceOn(page);
  assert.equal(posts.length, 1, 'sent once');
  assert.equal(formField(posts[0], 'submission_key'), before.submission_key, 'with the same key');
  assert.equal(await storedDraft(page), null, 'the confirmation page removed the draft');

  const rows = await reportsMentioning(description);
  assert.equal(rows.length, 1, 'exactly one report');
  assert.ok(rows[0].text.includes(reference));
  assert.deepEqual(errors, []);
  await context.close();
});

test('going offline and online again without sending only tells, and sends nothing', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  await page.getByLabel(NL.description).fill('Nog niet versturen.');
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST') posts++; });
  await context.setOffline(true);
  await page.getByText(NL.offline).waitFor();
  await context.setOffline(false);
  await page.getByText(NL.online).waitFor();
  assert.equal(await page.getByText(NL.offline).isVisible(), false);
  await page.waitForTimeout(300);
  assert.equal(posts, 0);
  assert.match(page.url(), /\/melden$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a report sent when the answer got lost is sent again from the draft: still one report', async () => {
  const { context, page } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Antwoord kwijt: op school werd mijn dochter buitengesloten om haar afkomst.';
  await fillAnonymous(page, description);
  const key = (await formState(page)).submission_key;

  proxy.state.dropPostAnswers = true;
  try {
    await page.getByRole('button', { name: NL.submit }).click();
    await page.waitForURL(/^chrome-error:/); // the browser's own "no answer" page
  } finally {
    proxy.state.dropPostAnswers = false;
  }
  assert.equal((await reportsMentioning(description)).length, 1, 'the server did store it');

  // The reporter does not know that, opens the form again and finds the text back.
  await page.goto(url('/melden'));
  const restored = await formState(page);
  assert.equal(restored.description, description);
  assert.equal(restored.submission_key, key);
  await page.getByRole('button', { name: NL.submit }).click();
  const reference = await referenceOn(page);

  const rows = await reportsMentioning(description);
  assert.equal(rows.length, 1, 'sending the draft again gave the same report, not a second one');
  assert.ok(rows[0].text.includes(reference));
  await context.close();
});

test('the draft survives a server restart, and is then sent as one report', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Na herstart: bij de woningcorporatie kreeg ik geen woning vanwege mijn naam.';
  await fillEverything(page, description);
  const before = await formState(page);
  await draftSaved(page, description);

  // Stop the server; its data stays. A new one starts on the same data, behind the same address.
  proxy.state.target = undefined;
  await server.stop({ keepData: true });
  server = await startServer({ dataDir: server.dataDir, database: server.database, resetDatabase: false });
  proxy.state.target = server.port;

  await page.reload();
  assert.deepEqual(await formState(page), before, 'everything is back after the restart');
  await page.getByRole('button', { name: NL.submit }).click();
  const reference = await referenceOn(page);
  const rows = await reportsMentioning(description);
  assert.equal(rows.length, 1);
  assert.ok(rows[0].text.includes(reference));
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Clear saved text" empties the form and the storage; a reload restores nothing', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Op een gedeelde computer getypt.';
  await fillEverything(page, description);
  const { submission_key: key } = await formState(page);
  await draftSaved(page, description);

  await page.getByRole('button', { name: NL.clear }).click();
  await page.getByText(NL.cleared).waitFor();
  const cleared = await formState(page);
  assert.deepEqual(withoutKey(cleared), EMPTY, 'the fields are empty');
  assert.notEqual(cleared.submission_key, key, 'what is typed next is a new report');
  assert.match(cleared.submission_key, /^[A-Za-z0-9_-]{16,64}$/);
  assert.equal(await storedDraft(page), null, 'nothing kept on the device');
  await assertAccessible(page, 'form after clearing');

  await page.reload();
  assert.deepEqual(withoutKey(await formState(page)), EMPTY, 'nothing is restored');
  assert.equal(await storedDraft(page), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a report was sent, the draft is gone: the form is empty again', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Verstuurd en daarna niet meer op het apparaat.';
  await fillAnonymous(page, description);
  const { submission_key: key } = await formState(page);
  await page.getByRole('button', { name: NL.submit }).click();
  await referenceOn(page);
  assert.equal(await storedDraft(page), null);

  await page.goto(url('/melden'));
  const state = await formState(page);
  assert.deepEqual(withoutKey(state), EMPTY);
  assert.notEqual(state.submission_key, key, 'a new form, a new key');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form sent back with errors shows what was sent, and keeps that as the draft', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  await page.locator('form[action="/melden"]').evaluate((f) => { f.noValidate = true; });
  const description = 'Eerst vergat ik de gemeente.';
  await page.getByLabel(NL.description).fill(description);
  const { submission_key: key } = await formState(page);
  // An older draft on the device must not overwrite what the server sent back: it is put in
  // place when the answer arrives, before the page's own script runs.
  await context.addInitScript((k) => {
    if (window.name !== 'stale-draft') return;
    window.name = '';
    window.localStorage.setItem(k, JSON.stringify({
      version: 1, submission_key: 'ouder-concept-0123456789', fields: { description: 'Een ouder concept.' },
    }));
  }, DRAFT_KEY);
  await page.evaluate(() => { window.name = 'stale-draft'; });
  await page.getByRole('button', { name: NL.submit }).click();
  await page.locator('.error-summary').waitFor();

  const state = await formState(page);
  assert.equal(await page.evaluate(() => window.name), '', 'the older draft was put in place');
  assert.equal(state.description, description);
  assert.equal(state.submission_key, key);
  const draft = await storedDraft(page);
  assert.equal(draft.fields.description, description);
  assert.equal(draft.submission_key, key);
  assert.ok(await page.getByText(NL.note).isVisible());
  await assertAccessible(page, 'form with errors and the draft note');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('in English, the note and the notices are in English', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden?lang=en'));
  assert.ok(await page.getByText('What you type is also kept on this device, so it is not lost. On a shared computer?').isVisible());
  assert.ok(await page.getByRole('button', { name: 'Clear saved text' }).isVisible());
  await page.getByLabel('What happened?').fill('Typed in English.');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.getByText('As soon as the connection is back, we will send your report.').waitFor();
  assert.ok(await page.getByText('The connection was lost. Your text is safe on this device.').isVisible());
  await assertAccessible(page, 'English form with the offline notice');
  await context.setOffline(false);
  // The report is incomplete: it comes back with errors, with the text still there.
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.getByLabel('What happened?').inputValue(), 'Typed in English.');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('without JavaScript the form works and the note and notices stay hidden', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url('/melden'));
  assert.equal(await page.getByText(NL.note).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: NL.clear }).isVisible(), false);
  assert.equal(await page.getByText(NL.offline).isVisible(), false);
  assert.equal(await page.getByText(NL.online).isVisible(), false);
  const description = 'Zonder JavaScript verstuurd.';
  await fillAnonymous(page, description);
  await page.getByRole('button', { name: NL.submit }).click();
  await referenceOn(page);
  assert.equal((await reportsMentioning(description)).length, 1);
  await context.close();
});
