// Reading ZIP archives (and so XLSX workbooks) in tests, with node's zlib only: the central
// directory names the entries, each is stored or deflated.
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';

/** The entries of a ZIP: [{ name, data (Buffer) }] in the archive's order. */
export function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a ZIP has an end-of-central-directory record');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(buffer.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + compressed);
    assert.ok(method === 0 || method === 8, `${name}: stored or deflated`);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const unescapeXml = (s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/**
 * A workbook as a spreadsheet program shows it: [{ name, rows }] where rows[r][c] is
 * { number: true, value: 12 } or { number: false, value: 'text' } (undefined for an empty cell).
 */
export function readXlsx(buffer) {
  const files = new Map(unzip(buffer).map((e) => [e.name, e.data.toString('utf8')]));
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => unescapeXml([...m[1].matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join('')));
  const workbook = files.get('xl/workbook.xml');
  assert.ok(workbook, 'xl/workbook.xml');
  const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  return names.map((name, i) => {
    const xml = files.get(`xl/worksheets/sheet${i + 1}.xml`);
    assert.ok(xml, `sheet ${i + 1}`);
    assert.ok(!xml.includes('<f>'), 'no formulas');
    const rows = [];
    for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, letters, row, attrs, inner = ''] = m;
      const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const v = /<v>([^<]*)<\/v>/.exec(inner);
      if (!v) continue;
      rows[row - 1] ??= [];
      rows[row - 1][col] = /t="s"/.test(attrs) ? { number: false, value: shared[Number(v[1])] } : { number: true, value: Number(v[1]) };
    }
    return { name, rows };
  });
}
