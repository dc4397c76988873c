// Flows shared by the mass-report suites: a report sent as a browser sends it with its receipt
// code, the reporter's follow-up page, and what the event's page shows.
import assert from 'node:assert/strict';
import { CookieJar, getForm, postForm } from './harness.mjs';
import { byClass, elements, tableRows, tags } from './html.mjs';
import { validReport } from './flows.mjs';

/** Send a report as a browser does and keep its receipt code: { reference, receipt }. */
export async function reportWithReceipt(server, overrides) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden`);
  const key = tags(form.html, 'input').find((t) => t.attrs.name === 'submission_key').attrs.value;
  const res = await postForm(jar, `${server.url}/melden`, { csrf: form.csrf, submission_key: key, ...validReport(overrides) });
  assert.equal(res.status, 303, res.html.slice(0, 500));
  const page = await (await jar.fetch(new URL(res.location, server.url))).text();
  const receipt = byClass(page, 'span', 'receipt-group').map((g) => g.text).join(' ');
  assert.match(receipt, /^\d{4}( \d{4}){4}$/);
  return { reference: byClass(page, 'strong', 'reference')[0].text, receipt };
}

/** The reporter's follow-up page after typing the receipt code. */
export async function followUp(server, receipt) {
  const jar = new CookieJar();
  const form = await getForm(jar, `${server.url}/melden/volgen`);
  const res = await postForm(jar, `${server.url}/melden/volgen`, { csrf: form.csrf, receipt });
  assert.equal(res.status, 303);
  return (await jar.fetch(`${server.url}/melden/volgen`)).text();
}

/** The bureau's messages on a follow-up page, as text. */
export function bureauMessages(html) {
  return elements(html, 'li', (a) => a['data-author'] === 'bureau').map((m) => byClass(m.html, 'div', 'message-body')[0].text);
}

/** The rows of table#linked that are reports: [{ id, step, reference }]. */
export function linkedRows(html) {
  return (tableRows(html, 'linked') ?? [])
    .filter((r) => r.attrs['data-id'])
    .map((r) => ({ id: r.attrs['data-id'], step: r.attrs['data-step'], reference: r.cells[0].text }));
}

/** The value of a form's input by name. */
export function hidden(html, name) {
  return tags(html, 'input').find((t) => t.attrs.name === name)?.attrs.value;
}
