/**
 * The writer thread's task (piscina): runs one price write on this thread's own connection to
 * the database file, opened on the first task for that file and kept while the thread lives.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openSqlite } from './open.ts';
import {
  createSqlitePriceWrites,
  type PriceWrite,
  runPriceWrite,
  type SqlitePriceWrites,
} from './price-writes.ts';

export type PriceWriteTask = PriceWrite & { path: string };

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
  runPriceWrite(writersFor(task.path), task);
}
