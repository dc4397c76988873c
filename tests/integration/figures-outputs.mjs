// Reading the figures outputs as a reader of each would (pages, CSV and XLSX files), and judging a
// shown cell against the number it stands for. Used by figures-consistency.test.mjs.
import assert from 'node:assert/strict';
import { decode, tableRows } from './html.mjs';
import { readXlsx } from './zip.mjs';
import { THRESHOLD } from './figures-expected.mjs';

// --- judging cells ---------------------------------------------------------------------------------

/** The state of a shown cell: 'shown' (a whole number), '< 5', 'x', or the text itself. */
export function stateOf(text) {
  if (/^\d+$/.test(text)) return 'shown';
  if (text === '< 5' || text === 'x') return text;
  return `"${text}"`;
}

/**
 * What is wrong with a suppressed cell showing `text` for the number `value`, or null: a number
 * must be the number and at least the threshold, "< 5" a number under it, "x" one of 5 or more.
 */
export function suppressedProblem(text, value) {
  if (text === undefined) return value === 0 ? null : `missing (${value})`;
  if (text === '< 5') return value < THRESHOLD ? null : `"< 5" for ${value}`;
  if (text === 'x') return value >= THRESHOLD ? null : `"x" for ${value}`;
  if (/^\d+$/.test(text)) {
    if (Number(text) !== value) return `${text} for ${value}`;
    return value >= THRESHOLD ? null : `${text} shown under the threshold`;
  }
  return `"${text}" for ${value}`;
}

/** What is wrong with an exact cell, or null. */
export function exactProblem(text, value) {
  if (text === undefined) return value === 0 ? null : `missing (${value})`;
  return text === String(value) ? null : `"${text}" for ${value}`;
}

/** [lowest, highest] a reader takes from a suppressed cell (absent: 0). */
export function boundsOf(text) {
  if (text === undefined) return [0, 0];
  if (text === '< 5') return [0, THRESHOLD - 1];
  if (text === 'x') return [THRESHOLD, Infinity];
  if (/^\d+$/.test(text)) return [Number(text), Number(text)];
  return [0, Infinity];
}

/**
 * Problems found, collected rather than thrown at the first, so that one run lists every
 * disagreement: check(problemOrNull, where); done() fails with the list.
 */
export class Findings {
  constructor() {
    this.problems = [];
    this.checked = 0;
  }

  check(problem, where) {
    this.checked++;
    if (problem) this.problems.push(`${where}: ${problem}`);
  }

  ok(condition, where) {
    this.check(condition ? null : 'no', where);
  }

  /**
   * Fails with the problems grouped by their shape (codes, years and numbers left out), each kind
   * with how often it occurs and its first instance; or tells how many checks passed.
   */
  done(t, limit = 40) {
    t?.diagnostic(`${this.checked} checks, ${this.problems.length} problems`);
    if (this.problems.length === 0) return;
    const kinds = new Map();
    for (const p of this.problems) {
      const shape = p.replace(/GM\d{4}/g, 'GM…').replace(/\d+/g, '#');
      if (!kinds.has(shape)) kinds.set(shape, { count: 0, first: p });
      kinds.get(shape).count++;
    }
    const lines = [...kinds.values()].slice(0, limit).map((k) => `${String(k.count).padStart(5)} × ${k.first}`);
    const more = kinds.size > limit ? `\n  … and ${kinds.size - limit} more kinds` : '';
    assert.fail(`${this.problems.length} of ${this.checked} checks failed, ${kinds.size} kinds (count × first instance):\n  ${lines.join('\n  ')}${more}`);
  }
}

// --- CSV ---------------------------------------------------------------------------------------------

/** RFC 4180 lines into cells (a byte order mark dropped). */
export function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line === '') continue;
    const cells = [];
    let i = 0;
    for (;;) {
      let cell = '';
      if (line[i] === '"') {
        i++;
        for (;;) {
          if (line[i] === '"' && line[i + 1] === '"') { cell += '"'; i += 2; } else if (line[i] === '"' || i >= line.length) { i++; break; } else cell += line[i++];
        }
      } else {
        while (i < line.length && line[i] !== ',') cell += line[i++];
      }
      cells.push(cell);
      if (i >= line.length) break;
      i++;
    }
    rows.push(cells);
  }
  return rows;
}

// --- the municipal report (page, CSV, XLSX) -------------------------------------------------------------

export const MUNICIPAL_TABLES = ['incident', 'residents'].flatMap((p) => ['summary', 'ground', 'domain', 'nature', 'handling'].map((d) => `${p}-${d}`));

/** The page's tables: "population-dimension" -> code -> { current, previous } as shown. */
export function municipalPageTables(html) {
  const result = {};
  for (const key of MUNICIPAL_TABLES) {
    const rows = tableRows(html, `t-${key}`);
    if (!rows) continue;
    result[key] = {};
    for (const row of rows) {
      const code = row.attrs['data-code'];
      if (!code) continue;
      const cell = (col) => {
        const c = row.cells.find((x) => x.attrs['data-col'] === col);
        return c ? decode(c.text.trim()) : undefined;
      };
      result[key][code] = { current: cell('current'), previous: cell('previous') };
    }
  }
  return result;
}

/** The CSV's lines: { years: [this, previous], tables: key -> code -> { current, previous, change }, lines }. */
export function municipalCsvTables(text) {
  const [header, ...body] = parseCsv(text);
  const tables = {};
  const lines = [];
  for (const line of body) {
    const [, table, code, , current, previous, change] = line;
    const key = table.replace('.', '-');
    tables[key] ??= {};
    tables[key][code] = { current, previous, change };
    lines.push(line);
  }
  return { years: [header[4], header[5]], tables, lines };
}

/**
 * Every data cell of the municipal workbook against the CSV of the same query, in order: the same
 * code, numbers as numbers, "< 5" and "x" as the same text. Returns problems.
 */
export function municipalXlsxProblems(buffer, csvLines) {
  const problems = [];
  let sheets;
  try {
    sheets = readXlsx(buffer);
  } catch (e) {
    return [`not a workbook: ${e.message}`];
  }
  const rows = [];
  for (const sheet of sheets.slice(1)) {
    for (const row of sheet.rows) {
      if (!row || row[2] === undefined || row[0]?.value === 'Code') continue;
      rows.push(row);
    }
  }
  if (rows.length !== csvLines.length) problems.push(`${rows.length} rows against the CSV's ${csvLines.length}`);
  csvLines.slice(0, rows.length).forEach((line, i) => {
    const [, table, code, , current, previous] = line;
    const row = rows[i];
    if (row[0]?.value !== code) problems.push(`row ${i + 1}: code ${row[0]?.value} where the CSV has ${table} ${code}`);
    for (const [cell, text, col] of [[row[2], current, 'this year'], [row[3], previous, 'previous year']]) {
      const same = /^\d+$/.test(text) ? cell?.number === true && cell.value === Number(text)
        : cell?.number === false && cell.value === text;
      if (!same) problems.push(`${table} ${code} ${col}: ${JSON.stringify(cell)} where the CSV has "${text}"`);
    }
  });
  return problems;
}

// --- the national file ------------------------------------------------------------------------------------

export const NATIONAL_HEADER = ['format_version', 'bureau_id', 'bureau_name', 'year', 'table', 'code', 'count'];

/**
 * The national CSV: { header, versions (set), rows: [{ bureau, name, year, table, code, count }],
 * byBureau: bureau_id -> "table/code" -> count text, names: bureau_id -> bureau_name }.
 */
export function nationalCsv(text) {
  const [header, ...body] = parseCsv(text);
  const result = { header, versions: new Set(), rows: [], byBureau: {}, names: {}, duplicates: [] };
  for (const [version, bureau, name, year, table, code, count] of body) {
    result.versions.add(version);
    result.rows.push({ bureau, name, year, table, code, count });
    result.names[bureau] = name;
    result.byBureau[bureau] ??= {};
    const key = `${table}/${code}`;
    if (key in result.byBureau[bureau]) result.duplicates.push(`${bureau} ${key}`);
    result.byBureau[bureau][key] = count;
  }
  return result;
}

/** The national workbook as the CSV's cells: "bureau|table/code" -> count text; problems of form. */
export function nationalXlsxCells(buffer) {
  const problems = [];
  const cells = new Map();
  let sheets;
  try {
    sheets = readXlsx(buffer);
  } catch (e) {
    return { cells, problems: [`not a workbook: ${e.message}`] };
  }
  for (const sheet of sheets.slice(1)) {
    const [header, ...rows] = sheet.rows;
    const names = (header ?? []).map((c) => c?.value);
    if (names.join(',') !== 'format_version,bureau_id,bureau_name,year,code,count') problems.push(`sheet ${sheet.name}: header ${names.join(',')}`);
    for (const row of rows) {
      if (!row) continue;
      const count = row[5];
      const text = count === undefined ? undefined : count.number ? String(count.value) : count.value;
      cells.set(`${row[1]?.value}|${sheet.name}/${row[4]?.value}`, text);
    }
  }
  return { cells, problems };
}

// --- the public CSV ------------------------------------------------------------------------------------------

/**
 * /cijfers.csv: { years: [this, previous], cells: "table/code/slot" -> text (the municipality rows
 * by code; area totals as "table/total:area"), areas: area name -> [codes] }.
 */
export function publicCsv(text) {
  const [header, ...body] = parseCsv(text);
  const cells = new Map();
  const areas = {};
  for (const [table, area, code, , current, previous] of body) {
    const key = code === 'total' && table !== 'grounds' ? `${table}/total:${area}` : `${table}/${code}`;
    cells.set(`${key}/0`, current);
    cells.set(`${key}/1`, previous);
    if (table === 'incidents' && code !== 'total') (areas[area] ??= []).push(code);
  }
  return { years: [header[4], header[5]], cells, areas };
}

// --- the dashboard ------------------------------------------------------------------------------------------

export const DASHBOARD_TABLES = ['month', 'ground', 'domain', 'nature', 'handling', 'municipality'];

/** The dashboard's tables: dimension -> code -> text shown. */
export function dashboardTables(html) {
  const result = {};
  for (const dim of DASHBOARD_TABLES) {
    const rows = tableRows(html, `t-${dim}`);
    if (!rows) continue;
    result[dim] = {};
    for (const row of rows) {
      const code = row.attrs['data-code'];
      if (!code) continue;
      result[dim][code] = decode(row.cells.find((c) => c.attrs['data-col'] === 'count')?.text.trim() ?? '');
    }
  }
  return result;
}
