// The figures as they should be, computed from the database and data/gemeenten.csv alone, never
// from the code under test, by the counting rules of issue 12 (docs/design.md, "Figures tell one
// truth: the consistency test"):
// - a report counts in a parent ground when it has that ground or one of its sub-grounds, once;
//   sub-grounds keep their own rows (decision 1);
// - municipality codes roll up into today's municipality; a municipality's "incidents in" and
//   "residents of" count every report of the installation, by year of reporting, mass reports in
//   unless left out (decision 2);
// - the national file per bureau (the reports it holds): a row per today's municipality where it
//   holds reports plus its listed area, and `other` only for what is no municipality (decision 3);
// - months of the Dutch calendar (decision 4).
import { sql } from './database.mjs';
import { allMunicipalities } from './municipalities.mjs';

export const THRESHOLD = 5;

// --- municipalities -------------------------------------------------------------------------------

/**
 * { successor(code): today's code (codes not in the file stay as they are), isMunicipality(code):
 *   a CBS code of the file, current or merged, name(code) }.
 */
export function municipalityRegistry() {
  const rows = allMunicipalities();
  const byCode = new Map(rows.map((m) => [m.code, m]));
  const successor = (code) => {
    let c = code;
    for (let i = 0; i < 10 && byCode.get(c)?.merged_into; i++) c = byCode.get(c).merged_into;
    return c;
  };
  return {
    successor,
    isMunicipality: (code) => byCode.has(code),
    isCurrent: (code) => byCode.has(code) && !byCode.get(code).valid_to,
    name: (code) => byCode.get(code)?.name,
    predecessors: (code) => rows.filter((m) => m.valid_to && successor(m.code) === code).map((m) => m.code),
  };
}

// --- grounds (decision 1) -------------------------------------------------------------------------

/** The ground rows a report counts in: each of its grounds and the parent of each sub-ground, once. */
export function groundRowsOf(grounds) {
  const rows = new Set();
  for (const g of grounds) {
    rows.add(g);
    const dot = g.indexOf('.');
    if (dot > 0) rows.add(g.slice(0, dot));
  }
  return [...rows];
}

// --- the Dutch calendar (decision 4) ---------------------------------------------------------------

const dutchMonthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });

/** "YYYY-MM" of a Unix time in Europe/Amsterdam. */
export function dutchMonth(unixSeconds) {
  const parts = Object.fromEntries(dutchMonthFormat.formatToParts(new Date(unixSeconds * 1000)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

// --- the reports, read from the database -------------------------------------------------------------

/**
 * Every report with what the figures count: [{ id, bureau, reportedAt, reported, month,
 * incident, residence, domain, nature, complaint, mass (event id or null), grounds, handlings }].
 * Grounds and handlings from their own tables (the record), not from the row's copies.
 */
export async function loadReports(server) {
  const reports = new Map();
  const rows = await sql(server, `SELECT id, bureau_id, reported_at, reported_year, incident_municipality,
    residence_municipality, social_domain, nature, is_complaint, COALESCE(mass_event_id, 0) FROM reports`);
  for (const row of rows) {
    const [id, bureau, reportedAt, reported, incident, residence, domain, nature, complaint, mass] = row.split('|');
    reports.set(id, {
      id: Number(id), bureau: Number(bureau), reportedAt: Number(reportedAt), reported: Number(reported),
      month: dutchMonth(Number(reportedAt)), incident, residence, domain, nature, complaint: complaint === '1',
      mass: mass === '0' ? null : Number(mass), grounds: [], handlings: [],
    });
  }
  for (const [table, column, field] of [['report_grounds', 'ground', 'grounds'], ['report_handlings', 'handling', 'handlings']]) {
    for (const row of await sql(server, `SELECT report_id, ${column} FROM ${table}`)) {
      const [id, code] = row.split('|');
      reports.get(id)[field].push(code);
    }
  }
  return [...reports.values()];
}

/** Bureaus with their listed working areas: [{ id, name, area: [codes] }] by id. */
export async function loadBureaus(server) {
  const bureaus = (await sql(server, 'SELECT id, name FROM bureaus ORDER BY id')).map((row) => {
    const [id, ...name] = row.split('|');
    return { id: Number(id), name: name.join('|'), area: [] };
  });
  for (const row of await sql(server, 'SELECT bureau_id, municipality FROM bureau_municipalities ORDER BY municipality')) {
    const [id, code] = row.split('|');
    bureaus.find((b) => b.id === Number(id)).area.push(code);
  }
  return bureaus;
}

// --- counting ------------------------------------------------------------------------------------------

/** A counter of keys: add(key, n = 1), get(key) (0 when absent), entries. */
export class Counts {
  constructor() { this.map = new Map(); }
  add(key, n = 1) { this.map.set(key, (this.map.get(key) ?? 0) + n); }
  get(key) { return this.map.get(key) ?? 0; }
  keys() { return [...this.map.keys()]; }
}

/** The rows a report counts in per dimension (decision 1 for grounds; "open" without a handling). */
function dimensionRows(r) {
  return {
    ground: groundRowsOf(r.grounds),
    domain: [r.domain],
    nature: [r.nature],
    handling: r.handlings.length ? r.handlings : ['open'],
  };
}

export const POPULATIONS = ['incident', 'residents'];
export const DIMENSIONS = ['summary', 'ground', 'domain', 'nature', 'handling'];

/**
 * The municipal report of `municipality` for `year` by year of reporting: "population-dimension"
 * -> Counts of "code/slot" where slot 0 is the year and 1 the year before.
 */
export function expectedMunicipal(reports, registry, { municipality, year, withMass = true }) {
  const tables = {};
  for (const p of POPULATIONS) for (const d of DIMENSIONS) tables[`${p}-${d}`] = new Counts();
  for (const r of reports) {
    if (r.mass && !withMass) continue;
    if (r.reported !== year && r.reported !== year - 1) continue;
    const slot = r.reported === year ? 0 : 1;
    const here = registry.successor(r.incident) === municipality;
    const resident = registry.successor(r.residence) === municipality;
    for (const [pop, inPop] of [['incident', here], ['residents', resident]]) {
      if (!inPop) continue;
      const add = (dim, code) => tables[`${pop}-${dim}`].add(`${code}/${slot}`);
      for (const dim of DIMENSIONS) add(dim, 'total');
      if (pop === 'incident') add('summary', resident ? 'residents' : 'non_residents');
      else add('summary', here ? 'incident_here' : 'incident_elsewhere');
      for (const [dim, codes] of Object.entries(dimensionRows(r))) for (const c of codes) add(dim, c);
    }
  }
  return tables;
}

/**
 * The national file of `year` (all reports, mass included): bureau id -> Counts of "table/code",
 * and 'landelijk' for the roll-up. Municipality rows by today's code; `other` is what is no
 * municipality (online, unknown, abroad).
 */
export function expectedNational(reports, registry, year) {
  const result = { landelijk: new Counts() };
  const place = (code) => {
    const today = registry.successor(code);
    return registry.isMunicipality(today) ? today : 'other';
  };
  for (const r of reports) {
    if (r.reported !== year) continue;
    result[r.bureau] ??= new Counts();
    const add = (key) => { result[r.bureau].add(key); result.landelijk.add(key); };
    add('total/reports');
    add(`kind/${r.complaint ? 'klacht' : 'melding'}`);
    for (const [dim, codes] of Object.entries(dimensionRows(r))) for (const c of codes) add(`${dim}/${c}`);
    add(`incident_municipality/${place(r.incident)}`);
    add(`residence_municipality/${place(r.residence)}`);
  }
  return result;
}

/**
 * The staff dashboard of one municipality over the months of `year` (a report is in when it
 * happened there or its reporter lives there): dimension -> Counts of code, and the total.
 */
export function expectedDashboard(reports, registry, { municipality, year, withMass = true }) {
  const tables = { month: new Counts(), ground: new Counts(), domain: new Counts(), nature: new Counts(), handling: new Counts(), municipality: new Counts() };
  let total = 0;
  for (const r of reports) {
    if (r.mass && !withMass) continue;
    if (r.reported !== year) continue;
    const incident = registry.successor(r.incident);
    if (incident !== municipality && registry.successor(r.residence) !== municipality) continue;
    total++;
    tables.month.add(r.month);
    for (const [dim, codes] of Object.entries(dimensionRows(r))) for (const c of codes) tables[dim].add(c);
    tables.municipality.add(incident === municipality ? municipality : registry.isMunicipality(incident) ? 'outside_area' : 'none');
  }
  return { tables, total };
}

/**
 * The public figures of `year` with the year before (all reports, mass included): the count of
 * reports about incidents in / by residents of each today's municipality, and the national
 * ground table: "incidents/code/slot", "residents/code/slot", "grounds/code/slot".
 */
export function expectedPublic(reports, registry, year) {
  const counts = new Counts();
  for (const r of reports) {
    if (r.reported !== year && r.reported !== year - 1) continue;
    const slot = r.reported === year ? 0 : 1;
    counts.add(`incidents/${registry.successor(r.incident)}/${slot}`);
    counts.add(`residents/${registry.successor(r.residence)}/${slot}`);
    counts.add(`grounds/total/${slot}`);
    for (const g of groundRowsOf(r.grounds)) counts.add(`grounds/${g}/${slot}`);
  }
  return counts;
}
