/**
 * The writer thread's task (piscina): runs one price write on this thread's own connection to
 * the database file, opened on the first task for that file and kept while the thread lives.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { CoverageRange, StoredAction, StoredBar } from '../../market-data/price-store.ts';
import { openSqlite } from './open.ts';
import { createSqlitePriceWrites, type SqlitePriceWrites } from './price-writes.ts';

export type PriceWriteTask =
  | { path: string; op: 'upsertBars'; rows: readonly StoredBar[] }
  | { path: string; op: 'upsertActions'; rows: readonly StoredAction[] }
  | { path: string; op: 'addCoverage'; rows: readonly CoverageRange[] };

const writers = new Map<string, SqlitePriceWrites>();

function writersFor(path: string): SqlitePriceWrites {
  let writes = writers.get(path);
  if (writes === undefined) {
    const client = openSqlite(path);
    writes = createSqlitePriceWrites(client, drizzle({ client }));
    writers.set(path, writes);
  }
  return writes;
}

export default function write(task: PriceWriteTask): void {
  const writes = writersFor(task.path);
  if (task.op === 'upsertBars') writes.upsertBars(task.rows);
  else if (task.op === 'upsertActions') writes.upsertActions(task.rows);
  else writes.addCoverage(task.rows);
}
