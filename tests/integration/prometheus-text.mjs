// A strict reader of the Prometheus text exposition format (0.0.4), for tests: it throws on any
// line the format does not allow, and checks what a scraper relies on (HELP and TYPE before a
// family's samples, a family's lines together, no series twice, histograms cumulative with
// "+Inf" equal to "_count").
import assert from 'node:assert/strict';

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** Labels `{a="x",b="y"}` at text[pos] ('{'): { labels, end } with escapes undone. */
function readLabels(text, pos, line) {
  const labels = {};
  let i = pos + 1;
  while (text[i] !== '}') {
    const eq = text.indexOf('=', i);
    assert.ok(eq > i, `label name in: ${line}`);
    const name = text.slice(i, eq);
    assert.match(name, LABEL, `label name "${name}" in: ${line}`);
    assert.equal(text[eq + 1], '"', `quoted label value in: ${line}`);
    let value = '';
    let j = eq + 2;
    for (;;) {
      const c = text[j];
      assert.ok(c !== undefined, `unterminated label value in: ${line}`);
      if (c === '"') break;
      if (c === '\\') {
        const next = text[j + 1];
        assert.ok(['\\', '"', 'n'].includes(next), `bad escape \\${next} in: ${line}`);
        value += next === 'n' ? '\n' : next;
        j += 2;
        continue;
      }
      assert.notEqual(c, '\n');
      value += c;
      j += 1;
    }
    assert.equal(labels[name], undefined, `label ${name} twice in: ${line}`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i += 1;
    else assert.equal(text[i], '}', `"," or "}" after a label in: ${line}`);
  }
  return { labels, end: i + 1 };
}

function parseValue(text, line) {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  assert.match(text, /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, `number in: ${line}`);
  return Number(text);
}

/**
 * Parses and checks a scrape: { families: Map(name -> { help, type, samples: [{ name, labels,
 * value }] }) }. Throws (assert) on anything malformed.
 */
export function parseExposition(text) {
  assert.ok(text.endsWith('\n'), 'ends with a line feed');
  const families = new Map();
  const seenSeries = new Set();
  let current = null;
  const closed = new Set();
  for (const line of text.slice(0, -1).split('\n')) {
    assert.notEqual(line, '', 'no empty lines');
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) {
      const [, kind, name, ...rest] = line.split(' ');
      assert.match(name, NAME, `family name in: ${line}`);
      if (current && current !== name) closed.add(current);
      assert.ok(!closed.has(name), `family ${name} continues after another: ${line}`);
      const family = families.get(name) ?? { help: undefined, type: undefined, samples: [] };
      families.set(name, family);
      assert.equal(family.samples.length, 0, `${kind} of ${name} after its samples`);
      if (kind === 'HELP') {
        assert.equal(family.help, undefined, `HELP of ${name} twice`);
        family.help = rest.join(' ').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      } else {
        assert.equal(family.type, undefined, `TYPE of ${name} twice`);
        assert.equal(rest.length, 1);
        assert.ok(TYPES.has(rest[0]), `type in: ${line}`);
        family.type = rest[0];
      }
      current = name;
      continue;
    }
    assert.ok(!line.startsWith('#'), `only HELP and TYPE comments: ${line}`);
    const nameEnd = line.search(/[{ ]/);
    const name = line.slice(0, nameEnd);
    assert.match(name, NAME, `sample name in: ${line}`);
    let labels = {};
    let rest = line.slice(nameEnd);
    if (rest.startsWith('{')) {
      const read = readLabels(line, nameEnd, line);
      labels = read.labels;
      rest = line.slice(read.end);
    }
    assert.ok(rest.startsWith(' '), `a space before the value: ${line}`);
    const [valueText, timestamp, extra] = rest.slice(1).split(' ');
    assert.equal(extra, undefined, `nothing after value and timestamp: ${line}`);
    if (timestamp !== undefined) assert.match(timestamp, /^-?\d+$/);
    const value = parseValue(valueText, line);
    // The family this sample belongs to: its own name, or a histogram's base name.
    const base = families.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    const family = families.get(base);
    assert.ok(family, `sample ${name} without HELP/TYPE`);
    assert.ok(family.help !== undefined && family.type !== undefined, `HELP and TYPE of ${base}`);
    assert.equal(current, base, `sample ${name} away from its family`);
    if (base !== name) assert.equal(family.type, 'histogram', `${name} of a ${family.type}`);
    if (family.type === 'counter') assert.match(name, /_total$/, `counter ${name} ends in _total`);
    if (family.type === 'counter' || name.endsWith('_bucket') || name.endsWith('_count')) {
      assert.ok(value >= 0 && Number.isFinite(value), `${name} is a count: ${line}`);
    }
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    assert.ok(!seenSeries.has(key), `series twice: ${line}`);
    seenSeries.add(key);
    family.samples.push({ name, labels, value });
  }
  for (const [name, family] of families) {
    if (family.type === 'histogram') checkHistogram(name, family);
  }
  return { families };
}

function checkHistogram(name, family) {
  const groups = new Map();
  const keyOf = (labels) => JSON.stringify(Object.entries(labels).filter(([k]) => k !== 'le').sort());
  for (const s of family.samples) {
    const key = keyOf(s.labels);
    const g = groups.get(key) ?? { buckets: [], sum: undefined, count: undefined };
    groups.set(key, g);
    if (s.name === `${name}_bucket`) {
      assert.ok(s.labels.le !== undefined, `${name}_bucket has le`);
      g.buckets.push({ le: parseValue(s.labels.le, s.labels.le), value: s.value });
    } else if (s.name === `${name}_sum`) g.sum = s.value;
    else if (s.name === `${name}_count`) g.count = s.value;
  }
  for (const [key, g] of groups) {
    assert.ok(g.buckets.length > 0 && g.sum !== undefined && g.count !== undefined, `${name}${key} complete`);
    for (let i = 1; i < g.buckets.length; i++) {
      assert.ok(g.buckets[i].le > g.buckets[i - 1].le, `${name}${key} buckets ascending`);
      assert.ok(g.buckets[i].value >= g.buckets[i - 1].value, `${name}${key} buckets cumulative`);
    }
    const last = g.buckets.at(-1);
    assert.equal(last.le, Infinity, `${name}${key} ends with +Inf`);
    assert.equal(last.value, g.count, `${name}${key}: +Inf equals _count`);
  }
}

/** The value of one series (labels must match exactly those given), or undefined. */
export function valueOf(scrape, name, labels = {}) {
  const base = scrape.families.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
  const family = scrape.families.get(base);
  const want = JSON.stringify(Object.entries(labels).sort());
  const found = family?.samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want);
  return found?.value;
}
