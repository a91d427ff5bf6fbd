/** The Repository on embedded SQLite (better-sqlite3, synchronous; price writes on a thread of their own). */
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { toCoverageRange, toStoredAction, toStoredBar } from '../mappers.ts';
import { isUpToDate, journalMillis, MIGRATIONS_TABLE, migrationsFolder } from '../migrations.ts';
import { balancedOr, distinctRanges, splitByRange } from '../ranges.ts';
import type { Repository } from '../repository.ts';
import type { RangeRequest, StoredBar } from '../../market-data/price-store.ts';
import { withTimeout } from '../timeout.ts';
import { openSqlite } from './open.ts';
import { createPriceWriter } from './price-writer.ts';
import { createSqlitePriceWrites, type PriceWrite, runPriceWrite, UPSERT_BAR } from './price-writes.ts';
import { createSqliteRuns } from './runs.ts';
import { createSqliteStrategies } from './strategies.ts';
import { createSqliteJobs } from './jobs.ts';
import { corporateActions, coverage, priceBars } from './schema.ts';

export interface SqliteRepositoryOptions {
  path: string;
  /** Price writes on a thread of their own (default, for a database file) or on this one. */
  writerThread?: boolean;
  onQuery?: (sql: string) => void;
}

export function createSqliteRepository(options: SqliteRepositoryOptions): Repository {
  const client = openSqlite(options.path);
  const onQuery = options.onQuery;
  const db = drizzle({ client, logger: onQuery ? { logQuery: (query) => onQuery(query) } : false });
  const folder = migrationsFolder('sqlite');
  // Price writes go to a thread of their own (price-writer.ts), except on an in-memory database,
  // which no other connection can open.
  const inline = createSqlitePriceWrites(client, db);
  /** A price write on the writer thread, else here; `label` counts it when drizzle does not see it. */
  const write = async (task: PriceWrite, label: string) => {
    if (task.rows.length === 0) return;
    if (!writer) return runPriceWrite(inline, task);
    onQuery?.(label);
    await writer.run(task);
  };
  const writer =
    options.path === ':memory:' || options.writerThread === false
      ? undefined
      : createPriceWriter(options.path);

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
      // Prepared statements, which drizzle's logger does not see: counted on both paths.
      if (rows.length > 0 && !writer) onQuery?.(UPSERT_BAR);
      await write({ op: 'upsertBars', rows }, UPSERT_BAR);
    },

    upsertActions: (rows) => write({ op: 'upsertActions', rows }, 'insert into "corporate_actions"'),

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

    addCoverage: (ranges) => write({ op: 'addCoverage', rows: ranges }, 'insert into "coverage"'),

    ...createSqliteRuns(db),
    ...createSqliteStrategies(db),
    ...createSqliteJobs(db),

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
      await writer?.close();
      if (client.open) client.close();
    },
  };
}
