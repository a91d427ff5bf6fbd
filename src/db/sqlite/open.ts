/** Opens the embedded SQLite database with the pragmas the service relies on. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function openSqlite(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  if (path !== ':memory:') client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  client.pragma('foreign_keys = OFF');
  return client;
}
