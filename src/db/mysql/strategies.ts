/** Saved rule strategies on MySQL / MariaDB. */
import { asc, eq, gt } from 'drizzle-orm';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import { strategyNameKey, strategyRow, toMysqlDatetime, toStoredStrategy } from '../mappers.ts';
import type { Repository } from '../repository.ts';
import type { Retry } from './pool.ts';
import { savedStrategies } from './schema.ts';

type StrategyMethods = Pick<
  Repository,
  'saveStrategy' | 'loadStrategy' | 'listStrategies' | 'deleteStrategy'
>;

/** mysql2's result header of a write. */
const affectedRows = (result: unknown): number =>
  (Array.isArray(result) ? result[0] : result)?.affectedRows ?? 0;

function isDuplicateKey(error: unknown): boolean {
  for (let e = error as { errno?: number; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.errno === 1062) return true;
  }
  return false;
}

export function createMysqlStrategies(db: MySql2Database, retry: Retry): StrategyMethods {
  return {
    async saveStrategy(strategy, { replace }) {
      const values = strategyRow(strategy, toMysqlDatetime);
      const insert = db.insert(savedStrategies).values(values);
      if (replace) {
        const { name, description, rules, updatedAt } = values;
        await retry(() => insert.onDuplicateKeyUpdate({ set: { name, description, rules, updatedAt } }));
        return true;
      }
      // A plain insert: the affected-rows count of an upsert cannot tell "kept" from "inserted"
      // under mysql2's FOUND_ROWS flag, and INSERT IGNORE would hide real errors too.
      try {
        await retry(() => insert);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async loadStrategy(name) {
      const rows = await retry(() =>
        db
          .select()
          .from(savedStrategies)
          .where(eq(savedStrategies.nameKey, strategyNameKey(name))),
      );
      return rows[0] ? toStoredStrategy(rows[0]) : null;
    },

    async listStrategies({ limit, afterName } = {}) {
      const after = afterName === undefined ? undefined : gt(savedStrategies.nameKey, strategyNameKey(afterName));
      const rows = await retry(() => {
        const query = db.select().from(savedStrategies).where(after).orderBy(asc(savedStrategies.nameKey));
        return limit === undefined ? query : query.limit(limit);
      });
      return rows.map(toStoredStrategy);
    },

    async deleteStrategy(name) {
      const result = await retry(() =>
        db.delete(savedStrategies).where(eq(savedStrategies.nameKey, strategyNameKey(name))),
      );
      return affectedRows(result) > 0;
    },
  };
}
