/** The Repository on embedded SQLite (better-sqlite3, synchronous, one connection). */
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chunkRows, dedupeLast, SQLITE_MAX_PARAMS } from '../batch.ts';
import { mergeCoverage } from '../coverage-merge.ts';
import { assertDate, toCoverageRange, toStoredAction, toStoredBar } from '../mappers.ts';
import { isUpToDate, journalMillis, MIGRATIONS_TABLE, migrationsFolder } from '../migrations.ts';
import { balancedOr, distinctRanges, splitByRange } from '../ranges.ts';
import type { Repository } from '../repository.ts';
import type { RangeRequest, StoredBar } from '../../market-data/price-store.ts';
import { withTimeout } from '../timeout.ts';
import { openSqlite } from './open.ts';
import { createSqliteRuns } from './runs.ts';
import { createSqliteStrategies } from './strategies.ts';
import { createSqliteJobs } from './jobs.ts';
import { corporateActions, coverage, priceBars } from './schema.ts';

const BAR_ROWS_PER_STATEMENT = 128;

export interface SqliteRepositoryOptions {
  path: string;
  onQuery?: (sql: string) => void;
}

export function createSqliteRepository(options: SqliteRepositoryOptions): Repository {
  const client = openSqlite(options.path);
  const onQuery = options.onQuery;
  const db = drizzle({ client, logger: onQuery ? { logQuery: (query) => onQuery(query) } : false });
  const folder = migrationsFolder('sqlite');
  // Cached statements inside one transaction: far cheaper than building the SQL text of
  // multi-row INSERTs per call. Rows go BAR_ROWS_PER_STATEMENT at a time through one statement,
  // the rest one by one. Prepared on first use: the table exists only once migrations have run.
  const BAR_COLUMNS = `("ticker", "date", "open", "high", "low", "close", "adj_close", "volume")`;
  const BAR_CONFLICT = `on conflict ("ticker", "date") do update set "open" = excluded."open", "high" = excluded."high",
       "low" = excluded."low", "close" = excluded."close", "adj_close" = excluded."adj_close",
       "volume" = excluded."volume"`;
  const valuesOf = (rows: number) =>
    Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const UPSERT_BAR = `insert into "price_bars" ${BAR_COLUMNS} values ${valuesOf(1)} ${BAR_CONFLICT}`;
  const UPSERT_BARS = `insert into "price_bars" ${BAR_COLUMNS} values ${valuesOf(BAR_ROWS_PER_STATEMENT)} ${BAR_CONFLICT}`;
  let upsertBarsTx: ((rows: readonly StoredBar[]) => void) | undefined;
  const upsertBarRows = (rows: readonly StoredBar[]) => {
    if (upsertBarsTx === undefined) {
      const one = client.prepare(UPSERT_BAR);
      const many = client.prepare(UPSERT_BARS);
      const args = new Array<string | number>(BAR_ROWS_PER_STATEMENT * 8);
      upsertBarsTx = client.transaction((batch: readonly StoredBar[]) => {
        let i = 0;
        for (; i + BAR_ROWS_PER_STATEMENT <= batch.length; i += BAR_ROWS_PER_STATEMENT) {
          for (let k = 0; k < BAR_ROWS_PER_STATEMENT; k++) {
            const r = batch[i + k];
            const at = k * 8;
            args[at] = r.ticker;
            args[at + 1] = r.date;
            args[at + 2] = r.open;
            args[at + 3] = r.high;
            args[at + 4] = r.low;
            args[at + 5] = r.close;
            args[at + 6] = r.adjClose;
            args[at + 7] = r.volume;
          }
          many.run(args);
        }
        for (; i < batch.length; i++) {
          const r = batch[i];
          one.run(r.ticker, r.date, r.open, r.high, r.low, r.close, r.adjClose, r.volume);
        }
      });
    }
    upsertBarsTx(rows);
  };

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
      if (unique.length === 0) return;
      onQuery?.(UPSERT_BAR);
      upsertBarRows(unique);
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
      if (client.open) client.close();
    },
  };
}
