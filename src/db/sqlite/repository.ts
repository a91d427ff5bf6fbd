/** The Repository on embedded SQLite (better-sqlite3, synchronous, one connection). */
import { and, asc, between, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { chunkRows, dedupeLast, SQLITE_MAX_PARAMS } from '../batch.ts';
import { mergeCoverage } from '../coverage-merge.ts';
import { assertDate, toCoverageRange, toStoredAction, toStoredBar } from '../mappers.ts';
import { isUpToDate, journalMillis, MIGRATIONS_TABLE, migrationsFolder } from '../migrations.ts';
import { balancedOr, distinctRanges, splitByRange } from '../ranges.ts';
import type { RangeRequest, Repository, StoredBar } from '../repository.ts';
import { withTimeout } from '../timeout.ts';
import { openSqlite } from './open.ts';
import { createSqliteRuns } from './runs.ts';
import { corporateActions, coverage, priceBars } from './schema.ts';

export interface SqliteRepositoryOptions {
  path: string;
  onQuery?: (sql: string) => void;
}

function excluded(columns: Record<string, SQLiteColumn>): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(columns).map(([key, col]) => [key, sql.raw(`excluded."${col.name}"`)]),
  );
}

export function createSqliteRepository(options: SqliteRepositoryOptions): Repository {
  const client = openSqlite(options.path);
  const onQuery = options.onQuery;
  const db = drizzle({ client, logger: onQuery ? { logQuery: (query) => onQuery(query) } : false });
  const folder = migrationsFolder('sqlite');
  const { ticker: _bt, date: _bd, ...barValues } = getTableColumns(priceBars);
  const barUpdate = excluded(barValues);
  const barColumns = Object.keys(getTableColumns(priceBars)).length;

  async function readBarsMany(ranges: readonly RangeRequest[]): Promise<StoredBar[][]> {
    if (ranges.length === 0) return [];
    const predicates = distinctRanges(ranges).map((r) =>
      and(eq(priceBars.ticker, r.ticker), between(priceBars.date, r.from, r.to)),
    );
    const rows = db
      .select()
      .from(priceBars)
      .where(balancedOr(predicates))
      .orderBy(asc(priceBars.ticker), asc(priceBars.date))
      .all();
    return splitByRange(rows.map(toStoredBar), ranges);
  }

  return {
    dialect: 'sqlite',

    async upsertBars(rows) {
      const unique = dedupeLast(rows, (r) => `${r.ticker}\u0000${assertDate(r.date, 'bar.date')}`);
      db.transaction((tx) => {
        for (const chunk of chunkRows(unique, barColumns, SQLITE_MAX_PARAMS)) {
          tx.insert(priceBars)
            .values(chunk.map((r) => ({ ...r })))
            .onConflictDoUpdate({ target: [priceBars.ticker, priceBars.date], set: barUpdate })
            .run();
        }
      });
    },

    async upsertActions(rows) {
      const unique = dedupeLast(
        rows,
        (r) => `${r.ticker}\u0000${assertDate(r.date, 'action.date')}\u0000${r.kind}`,
      );
      db.transaction((tx) => {
        for (const chunk of chunkRows(unique, 4, SQLITE_MAX_PARAMS)) {
          tx.insert(corporateActions)
            .values(chunk.map((r) => ({ ticker: r.ticker, date: r.date, kind: r.kind, value: r.value })))
            .onConflictDoUpdate({
              target: [corporateActions.ticker, corporateActions.date, corporateActions.kind],
              set: { value: sql.raw('excluded."value"') },
            })
            .run();
        }
      });
    },

    async readBars(ticker, from, to) {
      const [bars] = await readBarsMany([{ ticker, from, to }]);
      return bars;
    },

    readBarsMany,

    async readActions(tickers) {
      if (tickers.length === 0) return [];
      const rows = db
        .select()
        .from(corporateActions)
        .where(inArray(corporateActions.ticker, [...tickers]))
        .orderBy(asc(corporateActions.ticker), asc(corporateActions.date), asc(corporateActions.kind))
        .all();
      return rows.map(toStoredAction);
    },

    async deleteTicker(ticker) {
      db.transaction((tx) => {
        tx.delete(priceBars).where(eq(priceBars.ticker, ticker)).run();
        tx.delete(corporateActions).where(eq(corporateActions.ticker, ticker)).run();
        tx.delete(coverage).where(eq(coverage.ticker, ticker)).run();
      });
    },

    async readCoverage(tickers) {
      if (tickers.length === 0) return [];
      const rows = db
        .select()
        .from(coverage)
        .where(inArray(coverage.ticker, [...tickers]))
        .orderBy(asc(coverage.ticker), asc(coverage.fromDate))
        .all();
      return rows.map(toCoverageRange);
    },

    async addCoverage(ranges) {
      if (ranges.length === 0) return;
      mergeCoverage(ranges); // validates before anything is written
      const tickers = [...new Set(ranges.map((r) => r.ticker))];
      db.transaction(
        (tx) => {
          const where = inArray(coverage.ticker, tickers);
          const existing = tx.select().from(coverage).where(where).all().map(toCoverageRange);
          const merged = mergeCoverage([...existing, ...ranges]);
          tx.delete(coverage).where(where).run();
          for (const chunk of chunkRows(merged, 4, SQLITE_MAX_PARAMS)) {
            tx.insert(coverage)
              .values(
                chunk.map((r) => ({
                  ticker: r.ticker,
                  fromDate: r.from,
                  toDate: r.to,
                  fetchedAt: r.fetchedAtMs,
                })),
              )
              .run();
          }
        },
        { behavior: 'immediate' },
      );
    },

    ...createSqliteRuns(db),

    async ping(timeoutMs) {
      await withTimeout(
        Promise.resolve().then(() => db.get(sql`select 1`)),
        timeoutMs,
        'database ping',
      );
    },

    async isMigrated() {
      const table = db.get<{ name: string } | undefined>(
        sql`select name from sqlite_master where type = 'table' and name = ${MIGRATIONS_TABLE}`,
      );
      if (!table) return isUpToDate(journalMillis(folder), []);
      const applied = db.all<{ created_at: number }>(
        sql`select created_at from ${sql.identifier(MIGRATIONS_TABLE)}`,
      );
      return isUpToDate(
        journalMillis(folder),
        applied.map((r) => Number(r.created_at)),
      );
    },

    async migrate() {
      migrate(db, { migrationsFolder: folder, migrationsTable: MIGRATIONS_TABLE });
    },

    async close() {
      if (client.open) client.close();
    },
  };
}
