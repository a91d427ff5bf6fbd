/** Backtest runs on SQLite. */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { toIsoTimestamp, toJsonText, toStoredRun } from '../mappers.ts';
import type { Repository } from '../repository.ts';
import { backtestRuns } from './schema.ts';

type RunMethods = Pick<Repository, 'saveRun' | 'loadRun' | 'findRunByHash' | 'listRuns'>;

export function createSqliteRuns(db: BetterSQLite3Database): RunMethods {
  const byHash = (requestHash: string) =>
    db.select().from(backtestRuns).where(eq(backtestRuns.requestHash, requestHash)).get();

  return {
    async saveRun(run) {
      db.insert(backtestRuns)
        .values({
          id: run.id,
          requestHash: run.requestHash,
          request: toJsonText(run.request),
          result: toJsonText(run.result),
          createdAt: toIsoTimestamp(run.createdAt),
        })
        .onConflictDoNothing()
        .run();
      const stored = byHash(run.requestHash);
      if (!stored) throw new Error(`run id ${run.id} is already used by another request`);
      return toStoredRun(stored);
    },

    async loadRun(id) {
      const row = db.select().from(backtestRuns).where(eq(backtestRuns.id, id)).get();
      return row ? toStoredRun(row) : null;
    },

    async findRunByHash(requestHash) {
      const row = byHash(requestHash);
      return row ? toStoredRun(row) : null;
    },

    async listRuns({ limit, beforeId }) {
      const count = Math.floor(limit);
      if (!(count > 0)) return [];
      const cursor = db
        .select({ createdAt: backtestRuns.createdAt })
        .from(backtestRuns)
        .where(eq(backtestRuns.id, beforeId ?? ''));
      const where =
        beforeId === undefined
          ? undefined
          : or(
              lt(backtestRuns.createdAt, cursor),
              and(eq(backtestRuns.createdAt, cursor), lt(backtestRuns.id, beforeId)),
            );
      const rows = db
        .select()
        .from(backtestRuns)
        .where(where)
        .orderBy(desc(backtestRuns.createdAt), desc(backtestRuns.id))
        .limit(count)
        .all();
      return rows.map(toStoredRun);
    },
  };
}
