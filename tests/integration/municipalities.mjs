// The municipality list from data/gemeenten.csv (code,name,safety_region,valid_to,merged_into).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

/** Split one CSV line with double-quoted fields. */
function splitCsv(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** All rows: [{ code, name, valid_to, merged_into }]. */
export function allMunicipalities() {
  const lines = readFileSync(path.join(repoRoot, 'data', 'gemeenten.csv'), 'utf8').trim().split(/\r?\n/);
  const head = splitCsv(lines.shift());
  return lines.map((l) => Object.fromEntries(splitCsv(l).map((v, i) => [head[i], v])));
}

/** Current municipalities (no valid_to). */
export function currentMunicipalities() {
  return allMunicipalities().filter((m) => !m.valid_to);
}

/** Municipalities that merged into another. */
export function mergedMunicipalities() {
  return allMunicipalities().filter((m) => m.valid_to);
}
