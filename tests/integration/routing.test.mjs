// Routing by today's municipality: in an installation with two bureaus, the second one's working
// area holding Amsterdam (GM0363, made with `meldpunt bureau`), reports about Weesp (GM0457,
// merged into Amsterdam in 2022) or by its residents go to the second bureau and keep their code;
// the first bureau does not see them. Weesp reports come from `meldpunt demo-data`, which names the
// old municipality before a merger (the report form offers today's municipalities only). Runs on
// SQLite, and on PostgreSQL when MELDPUNT_TEST_DATABASE is set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './harness.mjs';
import { addStaff, staffLogin, addBureau } from './flows.mjs';
import { sql } from './database.mjs';

const AMS = 'GM0363';
const WEESP = 'GM0457';
const HANDLER2 = 'behandelaar@adv-amsterdam.example';
const PASSWORD = 'lang-genoeg-wachtwoord-88';

describe('routing by today\'s municipality', () => {
  let server;

  before(async () => {
    // Without the retention job: it would anonymise the old closed demo cases at start.
    server = await startServer({ args: ['--retention-job', 'false'] });
    await addStaff(server);
    assert.equal(await addBureau(server, 'ADV Amsterdam', [AMS]), '2');
    const user = await server.run(['user', 'add', '--email', HANDLER2, '--role', 'handler', '--bureau', '2'], `${PASSWORD}\n`);
    assert.equal(user.code, 0, user.stderr);
    // Ten years back, to before the merger of Weesp on 2022-03-23.
    const demo = await server.run(['demo-data', '--reports', '4000', '--years', '10', '--seed', '5']);
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(async () => { await server?.stop(); });

  test('reports about Weesp go to the bureau of Amsterdam and keep their code', async () => {
    const rows = await sql(server, `SELECT id || ' ' || bureau_id FROM reports WHERE incident_municipality = '${WEESP}' AND mass_event_id IS NULL ORDER BY id`);
    assert.ok(rows.length > 0, 'demo data named Weesp');
    for (const row of rows) assert.match(row, / 2$/, `report ${row}: bureau 2`);
    // Every report (but the mass event's, which is the first bureau's) where its places say: only
    // the second bureau has a working area, so Amsterdam or Weesp as either place means bureau 2.
    const places = `('${AMS}', '${WEESP}')`;
    const misrouted = await sql(server, `SELECT COUNT(*) FROM reports WHERE mass_event_id IS NULL AND bureau_id <> CASE WHEN incident_municipality IN ${places} OR residence_municipality IN ${places} THEN 2 ELSE 1 END`);
    assert.deepEqual(misrouted, ['0']);
    const residents = await sql(server, `SELECT COUNT(*) FROM reports WHERE residence_municipality = '${WEESP}' AND mass_event_id IS NULL AND bureau_id = 2`);
    assert.ok(Number(residents[0]) > 0, 'residents of Weesp too');
  });

  test('the second bureau opens a Weesp case; the first bureau does not find it', async () => {
    const [id] = await sql(server, `SELECT MIN(id) FROM reports WHERE incident_municipality = '${WEESP}' AND mass_event_id IS NULL`);
    const amsterdam = await staffLogin(server.url, HANDLER2, PASSWORD);
    const page = await amsterdam.fetch(`${server.url}/medewerkers/meldingen/${id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Weesp/, 'the case names the municipality it was given');
    const first = await staffLogin(server.url);
    assert.equal((await first.fetch(`${server.url}/medewerkers/meldingen/${id}`)).status, 404);
  });
});
