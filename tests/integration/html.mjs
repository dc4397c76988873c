// Tiny helpers to read the server's HTML in tests, without a DOM library.
// They expect well-formed, server-rendered markup (quoted attributes, closed
// elements), which is what the templates produce.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references that an HTML escaper produces. */
export function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref.toLowerCase()] ?? m;
  });
}

/** Parse the attributes of a start tag's inside, e.g. ` name="x" required`. */
export function parseAttrs(inside) {
  const attrs = {};
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of inside.matchAll(re)) {
    attrs[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** All start tags `<name ...>` (name '*' for any) as { name, attrs, start, end } (end = index after '>'). */
export function tags(html, name) {
  const re = new RegExp(`<(${name === '*' ? '[a-z][a-z0-9-]*' : name})(?=[\\s>/])([^>]*)>`, 'gi');
  return [...html.matchAll(re)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: parseAttrs(m[2]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The inner HTML of the element whose start tag is `tag`, nesting-aware. */
function inner(html, tag) {
  const re = new RegExp(`<(/?)${tag.name}(?=[\\s>/])[^>]*>`, 'gi');
  re.lastIndex = tag.end;
  let depth = 1;
  for (let m; (m = re.exec(html)); ) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(tag.end, m.index);
  }
  return html.slice(tag.end);
}

/** Elements `<name ...>...</name>` matching a predicate on attrs: { attrs, html, text }. */
export function elements(html, name, pred = () => true) {
  return tags(html, name)
    .filter((t) => pred(t.attrs))
    .map((t) => {
      const body = inner(html, t);
      return { attrs: t.attrs, html: body, text: textOf(body), start: t.start };
    });
}

/** First element of any listed tag name with the given id, or undefined. */
export function byId(html, id, names = ['p', 'div', 'span', 'section', 'ul', 'table', 'form', 'main', 'strong', 'dd', 'td']) {
  for (const n of names) {
    const [el] = elements(html, n, (a) => a.id === id);
    if (el) return { name: n, ...el };
  }
  return undefined;
}

/** Elements whose class list contains `cls`. */
export function byClass(html, name, cls) {
  return elements(html, name, (a) => (a.class ?? '').split(/\s+/).includes(cls));
}

/** Visible text of an HTML fragment: tags removed, entities decoded, spaces collapsed. */
export function textOf(fragment) {
  return decode(fragment.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The options of `<select name=...>`: [{ value, text, selected }]. */
export function selectOptions(html, name) {
  const [sel] = elements(html, 'select', (a) => a.name === name);
  if (!sel) return undefined;
  return tags(sel.html, 'option').map((t) => {
    const rest = sel.html.slice(t.end);
    const text = textOf(rest.split(/<\/option>|<option[\s>]/i)[0]);
    return { value: t.attrs.value ?? text, text, selected: 'selected' in t.attrs };
  });
}

/** The attrs of every `<input name=...>` (several for radios). */
export function inputs(html, name) {
  return tags(html, 'input').filter((t) => t.attrs.name === name).map((t) => t.attrs);
}

/** The decoded content of `<textarea name=...>`, or undefined. */
export function textareaValue(html, name) {
  const [ta] = elements(html, 'textarea', (a) => a.name === name);
  // A single leading newline right after <textarea> is dropped by HTML parsers.
  return ta === undefined ? undefined : decode(ta.html.replace(/^\r?\n/, ''));
}

/** The html lang attribute. */
export function htmlLang(html) {
  return tags(html, 'html')[0]?.attrs.lang;
}

/** Rows of `<table id=...>`: [{ attrs, cells: [{ attrs, text, html }], text }]. */
export function tableRows(html, id) {
  const [table] = elements(html, 'table', (a) => a.id === id);
  if (!table) return undefined;
  return elements(table.html, 'tr').map((tr) => ({
    attrs: tr.attrs,
    html: tr.html,
    text: tr.text,
    cells: [...elements(tr.html, 'td'), ...elements(tr.html, 'th')].sort((a, b) => a.start - b.start),
  }));
}
