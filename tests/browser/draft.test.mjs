// "Never lose a report": the report form keeps a draft on the device (localStorage), with the
// form's submission key, so a reload, a lost connection or a server restart loses nothing, and a
// restored draft that is sent again is still one report. The form has four steps and a summary
// page ("Check your report") that sends; only the form saves the draft, the summary leaves it as
// it is, and the confirmation page removes it.
//
// The browser talks to the server through a small proxy on a fixed port. localStorage belongs to
// an origin (host and port), and a restarted server listens on a new port; through the proxy the
// browser keeps one origin while the server behind it really stops and starts again. The proxy
// can also drop the answers to POSTs, like a connection that breaks after the report was sent.
import assert from 'node:assert/strict';

/**
 * The text fields of a posted form, urlencoded (the form) or multipart (the summary, which can
 * carry files), as a URLSearchParams.
 */
function formFieldsOf(request) {
  const body = request.postData() ?? '';
  const type = request.headers()['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) return new URLSearchParams(body);
  const fields = new URLSearchParams();
  for (const part of body.split(`--${boundary[1] ?? boundary[2]}`)) {
    const m = /^\r\nContent-Disposition: form-data; name="([^"]+)"(?!; filename)[^\r]*\r\n(?:[^\r]+\r\n)*\r\n([\s\S]*)\r\n$/i.exec(part);
    if (m) fields.append(m[1], m[2]);
  }
  return fields;
}
import http from 'node:http';
import { after, before, test } from 'node:test';
import { startServer } from '../integration/harness.mjs';
import { addStaff, reportRows, reportingYear, staffLogin } from '../integration/flows.mjs';
import { assertAccessible, launchBrowser, unexpectedErrors, watchConsole } from './browser.mjs';
import { TEXT, fillSteps, press, reportValues, reviewAndSend } from './report-flow.mjs';

const DRAFT_KEY = 'meldpunt-report-draft';
const T = TEXT.nl;

/** What the draft adds to the form and the summary, in Dutch and in English. */
const DRAFT_TEXT = {
  nl: {
    note: 'Wat u typt, bewaren we ook op dit apparaat, zodat het niet verloren gaat. Gebruikt u een gedeelde computer?',
    clear: 'Bewaarde tekst wissen',
    cleared: 'De bewaarde tekst is gewist.',
    offline: 'De verbinding is weggevallen. Uw tekst is veilig op dit apparaat bewaard.',
    pendingCheck: 'Zodra de verbinding terug is, gaan wij verder.', // on the form: "check" waits
    pendingSend: 'Zodra er weer verbinding is, versturen we uw melding.', // on the summary: "send" waits
    online: 'Er is weer verbinding.',
    errors: 'Controleer het volgende',
  },
  en: {
    note: 'What you type is also kept on this device, so it is not lost. On a shared computer?',
    clear: 'Clear saved text',
    cleared: 'The saved text has been cleared.',
    offline: 'The connection was lost. Your text is safe on this device.',
    pendingCheck: 'As soon as the connection is back, we will continue.',
    pendingSend: 'As soon as the connection is back, we will send your report.',
    online: 'The connection is back.',
    errors: 'Please check the following',
  },
};
const NL = DRAFT_TEXT.nl;
const EN = DRAFT_TEXT.en;
/** Contact fields that report-flow.mjs does not fill in. */
const CONTACT = { name: 'Uw naam', phone: 'Telefoonnummer', byPhone: 'Telefonisch', change: 'Wijzigen' };

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

/** A report with contact details, as a person fills it in; the values filled in are returned. */
async function fillWithContact(page, description) {
  const values = reportValues({
    description, residence: 'Utrecht', incident: 'Amsterdam', anonymous: 'no', wishes: ['advice'],
    email: 'fatima@example.nl',
  });
  await fillSteps(page, 'nl', values);
  await page.getByLabel(CONTACT.name).fill('Fatima de Vries');
  await page.getByLabel(CONTACT.phone).fill('06 12345678');
  await page.getByLabel(CONTACT.byPhone, { exact: true }).check();
  return values;
}

/** An anonymous report, as a person fills it in. */
async function fillAnonymous(page, description) {
  await fillSteps(page, 'nl', reportValues({ description, incident: 'Rotterdam', residence: 'Delft' }));
}

/** Open a step through the progress list, as a person can. */
async function openStep(page, step) {
  await page.locator('#progress').locator(`a[href="#step-${step}"]`).click();
  await page.locator(`#step-${step}`).waitFor({ state: 'visible' });
}

/** "Check your report" on the form: wait for the summary. */
async function toSummary(page, lang = 'nl') {
  await press(page, TEXT[lang].review);
  await page.getByRole('heading', { level: 1, name: TEXT[lang].checkHeading }).waitFor();
}

/**
 * Every answer the form holds now (hidden steps included), keyed by field name, in the draft's
 * shape: check boxes as the list of ticked values, radios as the chosen value ('' when none).
 * With the hidden submission key; without the anti-forgery token, the trap and the buttons.
 */
function formState(page) {
  return page.locator('form#report-form').evaluate((form) => {
    const state = {};
    for (const el of form.elements) {
      if (!el.name || ['csrf', 'website', 'action'].includes(el.name) || ['submit', 'button'].includes(el.type)) continue;
      if (el.type === 'checkbox') {
        state[el.name] ??= [];
        if (el.checked) state[el.name].push(el.value);
      } else if (el.type === 'radio') {
        state[el.name] ??= '';
        if (el.checked) state[el.name] = el.value;
      } else {
        state[el.name] = el.value;
      }
    }
    return state;
  });
}

function withoutKey(state) {
  const { submission_key: _, ...fields } = state;
  return fields;
}

/** Nothing typed or chosen: every field empty (the server preselects "I know the date" only). */
function assertEmpty(state, what) {
  const { submission_key: _, incident_when: when, ...fields } = state;
  assert.ok(Object.keys(fields).length >= 15, `${what}: the form's fields were read`);
  for (const [name, value] of Object.entries(fields)) {
    assert.deepEqual(value, Array.isArray(value) ? [] : '', `${what}: ${name} is empty`);
  }
  assert.ok(when === '' || when === 'exact', `${what}: no date choice kept (incident_when = ${when})`);
}

/** The stored draft as text, or null. */
function rawDraft(page) {
  return page.evaluate((key) => window.localStorage.getItem(key), DRAFT_KEY);
}

/** The stored draft, parsed, or null. */
async function storedDraft(page) {
  const raw = await rawDraft(page);
  return raw === null ? null : JSON.parse(raw);
}

/** Wait until the (debounced) draft holds exactly what the form holds now; returns the draft. */
async function draftMatchesForm(page) {
  const state = await formState(page);
  const deadline = Date.now() + 5000;
  for (;;) {
    const draft = await storedDraft(page);
    try {
      assert.ok(draft, 'a draft is stored');
      assert.deepEqual(draft.fields, withoutKey(state), 'the draft holds every answer of the form');
      assert.equal(draft.submission_key, state.submission_key, 'the draft holds the form\'s key');
      return draft;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.waitForTimeout(100);
    }
  }
}

/** Collect the POSTs this page sends, as parsed form fields. */
function watchPosts(page) {
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(formFieldsOf(r)); });
  return posts;
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
  await fillWithContact(page, description);
  const before = await formState(page);
  assert.equal(before.description, description);
  assert.equal(before.contact_phone, '06 12345678');
  assert.equal(before.anonymous, 'no');
  await draftMatchesForm(page);
  const csrf = await page.locator('input[name=csrf]').inputValue();
  const raw = await rawDraft(page);
  assert.ok(!raw.includes(csrf), 'the anti-forgery token is never kept');
  assert.equal(JSON.parse(raw).version, 2);

  await page.reload();
  assert.deepEqual(await formState(page), before, 'everything is back, and the key is the same');
  assert.ok(await page.locator('#step-1').isVisible(), 'the form opens at the first step');
  await openStep(page, 4);
  assert.ok(await page.getByLabel(T.email).isVisible(), 'the contact fields are shown for "contact me"');

  // A fresh page (new tab, same device) gets the draft too, though the server sent a new key.
  const second = await context.newPage();
  await second.goto(url('/melden'));
  assert.deepEqual(await formState(second), before);
  await second.close();

  // Choosing to stay anonymous is kept as well.
  await page.getByLabel(T.anonymous.yes, { exact: true }).check();
  await page.waitForFunction((key) => JSON.parse(window.localStorage.getItem(key)).fields.anonymous === 'yes', DRAFT_KEY);
  await page.reload();
  assert.equal((await formState(page)).anonymous, 'yes');
  await openStep(page, 4);
  assert.equal(await page.getByLabel(T.email).isVisible(), false, 'contact fields hidden again');
  assert.deepEqual(errors, [], 'no console errors (e.g. CSP violations)');
  await context.close();
});

test('the draft brings back ticked boxes, chosen options and the approximate date, and is sent as one report', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'In het café werd ik geweigerd; de portier zei iets over mijn geloof.';
  await fillSteps(page, 'nl', reportValues({
    description, role: 'witness', nature: 'unequal_treatment', grounds: ['origin', 'religion'], domain: 'hospitality',
    anonymous: 'no', wishes: ['advice', 'mediation'], email: 'getuige@example.nl',
  }));
  // Back to step 3: not the exact date after all, only the month and the year.
  const year = String(reportingYear() - 1);
  await press(page, T.back);
  await page.getByLabel(T.approximate, { exact: true }).check();
  await page.getByLabel(T.month, { exact: false }).selectOption({ label: 'maart' });
  await page.getByLabel(T.year, { exact: true }).fill(year);

  const before = await formState(page);
  const draft = await draftMatchesForm(page);
  assert.equal(draft.version, 2);
  assert.equal(draft.fields.reporter_role, 'witness');
  assert.equal(draft.fields.nature, 'unequal_treatment');
  assert.deepEqual(draft.fields.grounds, ['origin', 'religion'], 'check boxes as the list of ticked values');
  assert.equal(draft.fields.domain, 'hospitality');
  assert.equal(draft.fields.incident_when, 'approximate');
  assert.equal(draft.fields.incident_month, '3');
  assert.equal(draft.fields.incident_year, year);
  assert.equal(draft.fields.anonymous, 'no');
  assert.deepEqual(draft.fields.wishes, ['advice', 'mediation']);
  for (const kept of ['csrf', 'website', 'action', 'consent', 'submission_key']) {
    assert.ok(!(kept in draft.fields), `${kept} is not kept with the answers`);
  }

  // A new tab on the same device: everything is back, and what depends on it too.
  const again = await context.newPage();
  const againErrors = watchConsole(again);
  await again.goto(url('/melden'));
  assert.deepEqual(await formState(again), before, 'every box, option and date field is back');
  assert.equal(await again.getByLabel(T.role.witness, { exact: true }).isChecked(), true);
  await openStep(again, 2);
  assert.equal(await again.getByLabel(T.grounds.origin, { exact: true }).isChecked(), true);
  assert.equal(await again.getByLabel(T.grounds.religion, { exact: true }).isChecked(), true);
  assert.equal(await again.getByLabel(T.grounds.unknown, { exact: true }).isChecked(), false);
  await openStep(again, 3);
  assert.equal(await again.getByLabel(T.approximate, { exact: true }).isChecked(), true);
  assert.ok(await again.getByLabel(T.year, { exact: true }).isVisible(), 'month and year are shown');
  assert.equal(await again.getByLabel(T.year, { exact: true }).inputValue(), year);
  assert.equal(await again.getByLabel(T.date, { exact: true }).isVisible(), false, 'the exact date is not');
  await openStep(again, 4);
  const mediation = again.getByLabel(T.wishes.mediation, { exact: true });
  assert.ok(await mediation.isChecked());
  assert.ok(await mediation.isEnabled(), 'mediation stays possible: the reporter may be contacted');
  assert.ok(await again.getByLabel(T.email).isVisible());

  // And it is sent as it was filled in, once.
  await reviewAndSend(again, 'nl');
  const reference = await referenceOn(again);
  const rows = await reportsMentioning(description);
  assert.equal(rows.length, 1);
  assert.ok(rows[0].text.includes(reference));
  assert.match(rows[0].text, new RegExp(`maart ${year}|03-${year}|${year}-03`, 'i'), 'the approximate date was sent');
  assert.deepEqual([...errors, ...againErrors], []);
  await context.close();
});

test('"check" pressed while offline waits, says so calmly, and goes on to the summary once back', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Offline nagekeken: de portier liet mij niet binnen om mijn huidskleur.';
  await fillAnonymous(page, description);
  const before = await formState(page);
  const draft = await draftMatchesForm(page);
  const posts = watchPosts(page);

  await context.setOffline(true);
  const status = page.locator('#report-form .connection-status');
  assert.equal(await status.getAttribute('role'), 'status');
  await page.getByText(NL.offline).waitFor();
  assert.equal(await page.getByText(NL.pendingCheck).isVisible(), false, 'no promise before "check" was pressed');

  await press(page, T.review);
  await page.getByText(NL.pendingCheck).waitFor();
  assert.match(page.url(), /\/melden$/, 'still on the form');
  assert.ok(await page.locator('#step-4').isVisible(), 'still at the last step');
  assert.deepEqual(await formState(page), before, 'nothing typed is lost');
  assert.deepEqual((await storedDraft(page)).fields, draft.fields, 'the draft is kept');
  assert.equal((await storedDraft(page)).submission_key, before.submission_key);
  assert.equal(posts.length, 0, 'nothing was sent');
  await assertAccessible(page, 'form with the offline notice');

  await context.setOffline(false);
  await page.getByRole('heading', { level: 1, name: T.checkHeading }).waitFor();
  assert.equal(posts.length, 1, 'sent once');
  assert.equal(posts[0].get('action'), 'review', 'with the button that was pressed');
  assert.equal(posts[0].get('submission_key'), before.submission_key, 'with the same key');
  assert.match(await page.locator('main').innerText(), new RegExp(description));
  assert.equal(await page.locator('#report-review input[name=submission_key]').inputValue(), before.submission_key);
  assert.deepEqual((await storedDraft(page)).fields, draft.fields, 'the summary keeps the draft');
  assert.equal((await reportsMentioning(description)).length, 0, 'checking stores nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"send" pressed on the summary while offline waits, and sends once the connection is back: one report', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Offline verstuurd: bij de sportschool mocht ik niet binnen met mijn hoofddoek.';
  await fillAnonymous(page, description);
  const { submission_key: key } = await formState(page);
  const saved = await draftMatchesForm(page);
  await toSummary(page);
  const draft = await rawDraft(page);
  assert.deepEqual(JSON.parse(draft)?.fields, saved.fields, 'the summary keeps the draft');
  await page.getByLabel(T.consent).check();
  const posts = watchPosts(page);

  await context.setOffline(true);
  const status = page.locator('#report-review .connection-status');
  assert.equal(await status.getAttribute('role'), 'status');
  await page.getByText(NL.offline).waitFor();
  assert.equal(await page.getByText(NL.pendingSend).isVisible(), false, 'no promise before "send" was pressed');

  await press(page, T.send);
  await page.getByText(NL.pendingSend).waitFor();
  assert.ok(await page.getByRole('heading', { level: 1, name: T.checkHeading }).isVisible(), 'still on the summary');
  assert.ok(await page.getByLabel(T.consent).isChecked(), 'the consent is still ticked');
  assert.equal(await rawDraft(page), draft, 'the draft is kept as it was');
  assert.equal(posts.length, 0, 'nothing was sent');
  await assertAccessible(page, 'summary with the offline notice');

  await context.setOffline(false);
  const reference = await referenceOn(page);
  assert.equal(posts.length, 1, 'sent once');
  assert.equal(posts[0].get('action'), 'send', 'with the button that was pressed');
  assert.equal(posts[0].get('consent'), 'yes');
  assert.equal(posts[0].get('submission_key'), key, 'with the same key');
  assert.equal(await storedDraft(page), null, 'the confirmation page removed the draft');

  const rows = await reportsMentioning(description);
  assert.equal(rows.length, 1, 'exactly one report');
  assert.ok(rows[0].text.includes(reference));
  assert.deepEqual(errors, []);
  await context.close();
});

test('going offline and online again without pressing anything only tells, and sends nothing', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  await openStep(page, 2);
  await page.getByLabel(T.description).fill('Nog niet versturen.');
  const posts = watchPosts(page);
  await context.setOffline(true);
  await page.getByText(NL.offline).waitFor();
  await context.setOffline(false);
  await page.getByText(NL.online).waitFor();
  assert.equal(await page.getByText(NL.offline).isVisible(), false);
  await page.waitForTimeout(300);
  assert.equal(posts.length, 0);
  assert.match(page.url(), /\/melden$/);
  assert.ok(await page.locator('#step-2').isVisible(), 'still at the same step');

  // The same on the summary: it tells, and sends nothing by itself.
  const description = 'Nagekeken, maar nog niet verstuurd.';
  await openStep(page, 1);
  await fillAnonymous(page, description);
  await toSummary(page);
  posts.length = 0;
  await context.setOffline(true);
  await page.getByText(NL.offline).waitFor();
  await context.setOffline(false);
  await page.getByText(NL.online).waitFor();
  await page.waitForTimeout(300);
  assert.equal(posts.length, 0);
  assert.ok(await page.getByRole('heading', { level: 1, name: T.checkHeading }).isVisible());
  assert.equal((await reportsMentioning(description)).length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the summary leaves the draft as it is; "Change" brings it back into the form, with the same key', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Eerst nakijken, dan nog iets aanvullen.';
  await fillAnonymous(page, description);
  const before = await formState(page);
  const saved = await draftMatchesForm(page);

  await toSummary(page);
  const draft = await rawDraft(page); // the form saved it once more when "check" was pressed
  assert.deepEqual(JSON.parse(draft).fields, saved.fields, 'the draft holds what was checked');
  assert.equal(JSON.parse(draft).submission_key, before.submission_key);
  await press(page, T.send); // without the consent: the summary comes back with an error
  await page.locator('#consent-error').waitFor();
  assert.equal(await rawDraft(page), draft, 'the summary, shown again with the error, leaves the draft as it is');
  assert.ok(!draft.includes('consent'), 'the consent is never kept');

  await page.locator('section', { has: page.getByRole('heading', { name: 'Wat er gebeurde' }) })
    .getByRole('button', { name: CONTACT.change }).click();
  await page.locator('#step-2').waitFor({ state: 'visible' });
  assert.deepEqual(await formState(page), before, 'the form holds the draft\'s answers and key');
  const added = `${description} Het gebeurde twee keer.`;
  await page.getByLabel(T.description).fill(added);
  const changed = await draftMatchesForm(page);
  assert.equal(changed.fields.description, added, 'the change is kept in the draft');
  assert.equal(changed.submission_key, before.submission_key);

  await openStep(page, 4);
  await reviewAndSend(page, 'nl');
  const reference = await referenceOn(page);
  const rows = await reportsMentioning(added);
  assert.equal(rows.length, 1);
  assert.ok(rows[0].text.includes(reference));
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('a report sent when the answer got lost is sent again from the draft: still one report', async () => {
  const { context, page } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Antwoord kwijt: op school werd mijn dochter buitengesloten om haar afkomst.';
  await fillAnonymous(page, description);
  const before = await formState(page);
  await draftMatchesForm(page);
  await toSummary(page);
  await page.getByLabel(T.consent).check();

  proxy.state.dropPostAnswers = true;
  try {
    await press(page, T.send);
    await page.waitForURL(/^chrome-error:/); // the browser's own "no answer" page
  } finally {
    proxy.state.dropPostAnswers = false;
  }
  assert.equal((await reportsMentioning(description)).length, 1, 'the server did store it');

  // The reporter does not know that, opens the form again and finds everything back.
  await page.goto(url('/melden'));
  assert.deepEqual(await formState(page), before, 'the answers and the key are back');
  await openStep(page, 4);
  await reviewAndSend(page, 'nl');
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
  await fillWithContact(page, description);
  const before = await formState(page);
  await draftMatchesForm(page);

  // Stop the server; its data stays. A new one starts on the same data, behind the same address.
  proxy.state.target = undefined;
  await server.stop({ keepData: true });
  server = await startServer({ dataDir: server.dataDir, database: server.database, resetDatabase: false });
  proxy.state.target = server.port;

  await page.reload();
  assert.deepEqual(await formState(page), before, 'everything is back after the restart');
  await openStep(page, 4);
  await reviewAndSend(page, 'nl');
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
  await fillWithContact(page, description);
  await press(page, T.back);
  await page.getByLabel(T.approximate, { exact: true }).check();
  await page.getByLabel(T.year, { exact: true }).fill(String(reportingYear()));
  const { submission_key: key } = await formState(page);
  assert.equal((await draftMatchesForm(page)).fields.incident_when, 'approximate');

  await page.getByRole('button', { name: NL.clear }).click();
  await page.getByText(NL.cleared).waitFor();
  const cleared = await formState(page);
  assertEmpty(cleared, 'after clearing');
  assert.notEqual(cleared.submission_key, key, 'what is typed next is a new report');
  assert.match(cleared.submission_key, /^[A-Za-z0-9_-]{16,64}$/);
  assert.equal(await storedDraft(page), null, 'nothing kept on the device');
  await assertAccessible(page, 'form after clearing');

  await page.reload();
  const reloaded = await formState(page);
  assertEmpty(reloaded, 'after the reload');
  assert.notEqual(reloaded.submission_key, key);
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
  await draftMatchesForm(page);
  await reviewAndSend(page, 'nl');
  await referenceOn(page);
  assert.equal(await storedDraft(page), null);

  await page.goto(url('/melden'));
  const state = await formState(page);
  assertEmpty(state, 'a new form');
  assert.notEqual(state.submission_key, key, 'a new form, a new key');
  assert.equal(await storedDraft(page), null, 'opening the form keeps nothing yet');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form sent back with errors shows what was sent, and keeps that as the draft', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(url('/melden'));
  const description = 'Eerst vergat ik de gemeente.';
  await openStep(page, 2);
  await page.getByLabel(T.description).fill(description);
  await page.getByLabel(T.grounds.religion, { exact: true }).check();
  const { submission_key: key } = await formState(page);
  // An older draft on the device must not overwrite what the server sent back: it is put in
  // place when the answer arrives, before the page's own script runs.
  await context.addInitScript((k) => {
    if (window.name !== 'stale-draft') return;
    window.name = '';
    window.localStorage.setItem(k, JSON.stringify({
      version: 2, submission_key: 'ouder-concept-0123456789',
      fields: { description: 'Een ouder concept.', grounds: ['unknown'] },
    }));
  }, DRAFT_KEY);
  await page.evaluate(() => { window.name = 'stale-draft'; });
  await openStep(page, 4);
  await press(page, T.review);
  await page.locator('.error-summary').waitFor();

  const state = await formState(page);
  assert.equal(await page.evaluate(() => window.name), '', 'the older draft was put in place');
  assert.equal(state.description, description);
  assert.deepEqual(state.grounds, ['religion']);
  assert.equal(state.submission_key, key);
  const draft = await draftMatchesForm(page);
  assert.equal(draft.fields.description, description);
  assert.deepEqual(draft.fields.grounds, ['religion']);
  assert.equal(draft.submission_key, key);
  assert.ok(await page.getByText(NL.note).isVisible());
  await assertAccessible(page, 'form with errors and the draft note');
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('in English, the note and the notices are in English, on the form and on the summary', async () => {
  const { context, page, errors } = await newPage();
  const t = TEXT.en;
  await page.goto(url('/melden?lang=en'));
  assert.ok(await page.getByText(EN.note).isVisible());
  assert.ok(await page.getByRole('button', { name: EN.clear }).isVisible());
  await context.setOffline(true);
  await page.getByText(EN.offline).waitFor();
  await context.setOffline(false);
  await page.getByText(EN.online).waitFor();

  await openStep(page, 2);
  await page.getByLabel(t.description).fill('Typed in English.');
  await openStep(page, 4);
  await context.setOffline(true);
  await press(page, t.review);
  await page.getByText(EN.pendingCheck).waitFor();
  assert.ok(await page.getByText(EN.offline).isVisible());
  await assertAccessible(page, 'English form with the offline notice');
  await context.setOffline(false);
  // The report is incomplete: it comes back with errors, with the text still there.
  await page.locator('.error-summary').getByText(EN.errors).waitFor();
  await openStep(page, 2);
  assert.equal(await page.getByLabel(t.description).inputValue(), 'Typed in English.');

  // Completed, checked, and sent while offline from the summary.
  await openStep(page, 1);
  await fillSteps(page, 'en', reportValues({ description: 'Typed in English, then completed.' }));
  await toSummary(page, 'en');
  await page.getByLabel(t.consent).check();
  await context.setOffline(true);
  await press(page, t.send);
  await page.getByText(EN.pendingSend).waitFor();
  assert.ok(await page.getByText(EN.offline).isVisible());
  await assertAccessible(page, 'English summary with the offline notice');
  await context.setOffline(false);
  await referenceOn(page);
  assert.equal((await reportsMentioning('Typed in English, then completed.')).length, 1);
  assert.deepEqual(unexpectedErrors(errors), []);
  await context.close();
});

test('without JavaScript the form and the summary work and the note and notices stay hidden', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url('/melden'));
  assert.equal(await page.getByText(NL.note).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: NL.clear }).isVisible(), false);
  assert.equal(await page.getByText(NL.offline).isVisible(), false);
  assert.equal(await page.getByText(NL.online).isVisible(), false);
  const description = 'Zonder JavaScript verstuurd.';
  await fillSteps(page, 'nl', reportValues({ description }), { js: false });
  await toSummary(page);
  assert.equal(await page.getByText(NL.offline).isVisible(), false);
  assert.equal(await page.getByText(NL.online).isVisible(), false);
  await page.getByLabel(T.consent).check();
  await press(page, T.send);
  await referenceOn(page);
  assert.equal((await reportsMentioning(description)).length, 1);
  await context.close();
});
