/** Backtest runs on MySQL / MariaDB. */
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import { toJsonText, toMysqlDatetime, toStoredRun } from '../mappers.ts';
import type { Repository } from '../repository.ts';
import type { Retry } from './pool.ts';
import { backtestRuns } from './schema.ts';

type RunMethods = Pick<Repository, 'saveRun' | 'loadRun' | 'findRunByHash' | 'listRuns'>;

export function createMysqlRuns(db: MySql2Database, retry: Retry): RunMethods {
  const byHash = async (requestHash: string) => {
    const rows = await retry(() =>
      db.select().from(backtestRuns).where(eq(backtestRuns.requestHash, requestHash)),
    );
    return rows[0] ? toStoredRun(rows[0]) : null;
  };

  return {
    async saveRun(run) {
      const values = {
        id: run.id,
        requestHash: run.requestHash,
        request: toJsonText(run.request),
        result: toJsonText(run.result),
        createdAt: toMysqlDatetime(run.createdAt),
      };
      // A no-op update rather than INSERT IGNORE: IGNORE would also turn real errors
      // (truncation, bad values) into warnings.
      await retry(() =>
        db
          .insert(backtestRuns)
          .values(values)
          .onDuplicateKeyUpdate({ set: { id: sql.raw('`id`') } }),
      );
      const stored = await byHash(run.requestHash);
      if (!stored) throw new Error(`run id ${run.id} is already used by another request`);
      return stored;
    },

    async loadRun(id) {
      const rows = await retry(() => db.select().from(backtestRuns).where(eq(backtestRuns.id, id)));
      return rows[0] ? toStoredRun(rows[0]) : null;
    },

    findRunByHash: byHash,

    async listRuns({ limit, beforeId }) {
      const count = Math.floor(limit);
      if (!(count > 0)) return [];
      const cursor = sql`(select ${backtestRuns.createdAt} from ${backtestRuns} where ${backtestRuns.id} = ${beforeId ?? ''})`;
      const where =
        beforeId === undefined
          ? undefined
          : or(
              lt(backtestRuns.createdAt, cursor),
              and(eq(backtestRuns.createdAt, cursor), lt(backtestRuns.id, beforeId)),
            );
      const rows = await retry(() =>
        db
          .select()
          .from(backtestRuns)
          .where(where)
          .orderBy(desc(backtestRuns.createdAt), desc(backtestRuns.id))
          .limit(count),
      );
      return rows.map(toStoredRun);
    },
  };
}
