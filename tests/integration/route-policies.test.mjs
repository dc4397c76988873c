// Route policies (docs/routes.md): every state-changing route refuses a form without the
// anti-forgery token (403); every staff route sends a visitor without a session to the login page;
// and every role gets the documented answer on every staff route: 403 where docs/routes.md says
// its role lacks the route's permission, and never 403 where it has it. The routes and the role
// table are read from docs/routes.md, which a unit test keeps equal to the code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar, getForm, postForm, repoRoot, startServer } from './harness.mjs';
import { staffLogin, submitValid, validReport } from './flows.mjs';

const PASSWORD = 'lang-genoeg-wachtwoord-55';
const ROLES = {
  intake: [],
  handler: [],
  coordinator: [],
  bureau_admin: [],
  system_admin: [],
  municipality_viewer: ['--municipality', 'GM0344'],
};

function markdownRows(docs, marker) {
  const begin = docs.indexOf(`<!-- ${marker} -->`);
  const end = docs.indexOf(`<!-- /${marker} -->`);
  assert.ok(begin >= 0 && end > begin, `docs/routes.md has the ${marker} table`);
  return docs.slice(begin, end).split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Method') && !line.startsWith('| Permission'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'routes.md'), 'utf8');
const routes = markdownRows(docs, 'routes').map(([method, quoted, who, permission, checks]) => ({
  method, pattern: quoted.replaceAll('`', ''), who, permission, checks,
}));
// permission -> the roles that have it
const roleTable = markdownRows(docs, 'roles');
const roleNames = Object.keys(ROLES);
const allowed = new Map(roleTable.map(([permission, ...cells]) =>
  [permission, new Set(roleNames.filter((_, i) => cells[i] === 'yes'))]));

describe('route policies', () => {
  let server;
  let caseId;
  const jars = {};

  // A path of the pattern: {id} and the like become the id of a case of the first bureau.
  const pathOf = (route) => route.pattern.replace(/\{[a-z]+\}/g, String(caseId)).replace(/\/$/, '/x');

  before(async () => {
    server = await startServer();
    for (const [role, extra] of Object.entries(ROLES)) {
      const email = `${role.replaceAll('_', '-')}@meldpunt.example`;
      const r = await server.run(['user', 'add', '--email', email, '--role', role, ...extra], `${PASSWORD}\n`);
      assert.equal(r.code, 0, `${role}: ${r.stderr}`);
      jars[role] = await staffLogin(server.url, email, PASSWORD);
    }
    await submitValid(server.url, validReport({ wishes: ['advice'] }));
    const list = await (await jars.handler.fetch(`${server.url}/medewerkers/meldingen`)).text();
    caseId = Number(list.match(/href="\/medewerkers\/meldingen\/(\d+)"/)[1]);
  });
  after(() => server?.stop());

  test('the docs list the routes and every permission of the role table', () => {
    assert.ok(routes.length > 90, `${routes.length} routes`);
    for (const route of routes.filter((r) => r.who === 'staff' && r.permission !== 'any')) {
      assert.ok(allowed.has(route.permission), `${route.permission} is in the role table`);
    }
  });

  test('every POST without the anti-forgery token is refused with 403', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' && r.who !== 'partner')) {
      // Signed in as the bureau's administrator, with the token's cookie but not the field.
      const res = await postForm(jars.bureau_admin, `${server.url}${pathOf(route)}`, { name: 'x' });
      assert.equal(res.status, 403, `POST ${route.pattern}`);
    }
  });

  // Partner API routes (issue 17) take an API key only: a staff session is no key.
  test('every partner route without an API key is refused with 401, even with a session', async () => {
    const partnerRoutes = routes.filter((r) => r.who === 'partner');
    assert.ok(partnerRoutes.length > 0);
    for (const route of partnerRoutes) {
      const res = await jars.bureau_admin.fetch(`${server.url}${pathOf(route)}`, {
        method: route.method, headers: { 'content-type': 'application/json', 'idempotency-key': 'x' }, body: '{}',
      });
      assert.equal(res.status, 401, `${route.method} ${route.pattern}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
  });

  test('every staff route without a session goes to the login page', async () => {
    const visitor = new CookieJar();
    const { csrf } = await getForm(visitor, `${server.url}/melden`);
    for (const route of routes.filter((r) => r.who === 'staff')) {
      const url = `${server.url}${pathOf(route)}`;
      const res = route.method === 'POST'
        ? await postForm(visitor, url, { csrf })
        : await visitor.fetch(url).then((r) => ({ status: r.status, location: r.headers.get('location') }));
      assert.equal(res.status, 303, `${route.method} ${route.pattern}`);
      assert.equal(res.location, '/medewerkers/login', `${route.method} ${route.pattern}`);
    }
  });

  test('every role gets 403 exactly where the role table says it lacks the permission', async () => {
    const problems = [];
    for (const role of roleNames) {
      const jar = jars[role];
      const { csrf } = await getForm(jar, `${server.url}/medewerkers/sessies`);
      for (const route of routes.filter((r) => r.who === 'staff' && r.permission !== 'any')) {
        // Ending one's own sessions would sign this role out for the routes after it.
        if (route.pattern.startsWith('/medewerkers/sessies')) continue;
        const url = `${server.url}${pathOf(route)}`;
        const status = route.method === 'POST'
          ? (await postForm(jar, url, { csrf })).status
          : (await jar.fetch(url)).status;
        const expected = allowed.get(route.permission).has(role);
        if (expected ? status === 403 : status !== 403) {
          problems.push(`${role} ${route.method} ${route.pattern}: ${status}, ${expected ? 'allowed' : 'expected 403'}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
