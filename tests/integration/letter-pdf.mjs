// What letter tests share: a letter PDF's text (pdftotext, poppler-utils), text compared without
// line breaks, a reply date on the Dutch calendar and a form's hidden value.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inputs } from './html.mjs';

const run = promisify(execFile);

/** Text without white space, hyphens or soft hyphens: lines and words may break anywhere in a PDF. */
export function squash(text) {
  return text.replace(/[\s\u00ad-]+/g, '');
}

/** The text of a PDF, through pdftotext. */
export async function pdfText(bytes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meldpunt-letter-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Today plus `days` on the Dutch calendar, as YYYY-MM-DD. */
export function dutchDay(days = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The value of a form's hidden input. */
export function hidden(html, name) {
  return inputs(html, name).find((a) => a.type === 'hidden')?.value;
}
