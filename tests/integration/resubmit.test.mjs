// Sending the same filled-in form again (a double click, a resend after a lost connection) gives
// the same report, not a second one; each new form is a new report.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, CookieJar, getForm, postForm } from './harness.mjs';
import { validReport, addStaff, staffLogin, reportRows } from './flows.mjs';

let server;
let staff;
before(async () => {
  server = await startServer();
  await addStaff(server);
  staff = await staffLogin(server.url);
});
after(async () => {
  await server?.stop();
});

function hiddenValue(html, name) {
  return html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
}

async function referenceOf(res) {
  assert.equal(res.status, 303, res.html.slice(0, 500));
  const page = await fetch(new URL(res.location, server.url));
  return (await page.text()).match(/MP-\d{4}-\d{6}/)[0];
}

async function rowsMentioning(text) {
  const { rows } = await reportRows(server.url, staff);
  return rows.filter((r) => r.text.includes(text));
}

test('every form carries its own submission key', async () => {
  const a = await getForm(new CookieJar(), `${server.url}/melden`);
  const b = await getForm(new CookieJar(), `${server.url}/melden`);
  assert.match(hiddenValue(a.html, 'submission_key'), /^[A-Za-z0-9_-]{16,64}$/);
  assert.notEqual(hiddenValue(a.html, 'submission_key'), hiddenValue(b.html, 'submission_key'));
});

test('the same form sent twice, one after the other, is one report', async () => {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const fields = { csrf: form.csrf, submission_key: hiddenValue(form.html, 'submission_key'),
    ...validReport({ description: 'Tweemaal verstuurd, eenmaal geteld.' }) };
  const first = await referenceOf(await postForm(jar, `${server.url}/melden`, fields));
  const second = await referenceOf(await postForm(jar, `${server.url}/melden`, fields));
  assert.equal(second, first);
  assert.equal((await rowsMentioning('Tweemaal verstuurd, eenmaal geteld.')).length, 1);
});

test('the same form sent five times at once is one report', async () => {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const fields = { csrf: form.csrf, submission_key: hiddenValue(form.html, 'submission_key'),
    ...validReport({ description: 'Vijf keer tegelijk verstuurd.' }) };
  const answers = await Promise.all([...Array(5)].map(() => postForm(jar, `${server.url}/melden`, fields)));
  const references = await Promise.all(answers.map(referenceOf));
  assert.equal(new Set(references).size, 1, references.join(', '));
  assert.equal((await rowsMentioning('Vijf keer tegelijk verstuurd.')).length, 1);
});

test('a form that failed validation keeps its key, so fixing and sending it is still one report', async () => {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const key = hiddenValue(form.html, 'submission_key');
  const wrong = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, submission_key: key,
    ...validReport({ description: 'Eerst fout, dan goed.', incident_municipality: '' }) });
  assert.equal(wrong.status, 422);
  assert.equal(hiddenValue(wrong.html, 'submission_key'), key);
  const fields = { csrf: form.csrf, submission_key: key, ...validReport({ description: 'Eerst fout, dan goed.' }) };
  await referenceOf(await postForm(jar, `${server.url}/melden`, fields));
  await referenceOf(await postForm(jar, `${server.url}/melden`, fields));
  assert.equal((await rowsMentioning('Eerst fout, dan goed.')).length, 1);
});

test('two forms with the same text are two reports; a missing or malformed key does not block sending', async () => {
  for (const submission_key of [undefined, 'short', '<script>']) {
    const jar = new CookieJar();
    const form = await getForm(jar, `${server.url}/melden`);
    const fields = { csrf: form.csrf, ...validReport({ description: 'Zelfde tekst, ander formulier.' }) };
    if (submission_key !== undefined) fields.submission_key = submission_key;
    await referenceOf(await postForm(jar, `${server.url}/melden`, fields));
  }
  assert.equal((await rowsMentioning('Zelfde tekst, ander formulier.')).length, 3);
});
