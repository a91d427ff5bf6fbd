/** Saved rule strategies on SQLite. */
import { asc, eq, gt } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { strategyNameKey, strategyRow, toIsoTimestamp, toStoredStrategy } from '../mappers.ts';
import type { Repository } from '../repository.ts';
import { savedStrategies } from './schema.ts';

type StrategyMethods = Pick<
  Repository,
  'saveStrategy' | 'loadStrategy' | 'listStrategies' | 'deleteStrategy'
>;

export function createSqliteStrategies(db: BetterSQLite3Database): StrategyMethods {
  return {
    async saveStrategy(strategy, { replace }) {
      const values = strategyRow(strategy, toIsoTimestamp);
      const insert = db.insert(savedStrategies).values(values);
      const { createdAt: _kept, nameKey: _key, ...changes } = values;
      const result = replace
        ? insert.onConflictDoUpdate({ target: savedStrategies.nameKey, set: changes }).run()
        : insert.onConflictDoNothing().run();
      return result.changes > 0;
    },

    async loadStrategy(name) {
      const row = db
        .select()
        .from(savedStrategies)
        .where(eq(savedStrategies.nameKey, strategyNameKey(name)))
        .get();
      return row ? toStoredStrategy(row) : null;
    },

    async listStrategies({ limit, afterName } = {}) {
      const after = afterName === undefined ? undefined : gt(savedStrategies.nameKey, strategyNameKey(afterName));
      const query = db.select().from(savedStrategies).where(after).orderBy(asc(savedStrategies.nameKey));
      return (limit === undefined ? query : query.limit(limit)).all().map(toStoredStrategy);
    },

    async deleteStrategy(name) {
      const result = db
        .delete(savedStrategies)
        .where(eq(savedStrategies.nameKey, strategyNameKey(name)))
        .run();
      return result.changes > 0;
    },
  };
}
