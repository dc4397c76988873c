// Reading the server's database from a test, on SQLite (sqlite3) or PostgreSQL (psql).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { isPostgres } from './harness.mjs';

const run = promisify(execFile);

/** Run one SQL query against the server's database; the first column of every row, as text. */
export async function sql(server, query) {
  const { stdout } = isPostgres(server.database)
    ? await run('psql', [server.database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', query])
    : await run('sqlite3', [server.database.replace(/^sqlite:/, ''), query]);
  return stdout.trim().split('\n').filter((l) => l !== '');
}

/** How many audit records there are of one action (optionally with a subject LIKE pattern). */
export async function auditCount(server, action, subjectLike = '%') {
  const rows = await sql(server, `SELECT COUNT(*) FROM audit_log WHERE action = '${action}' AND subject LIKE '${subjectLike}'`);
  return Number(rows[0]);
}
