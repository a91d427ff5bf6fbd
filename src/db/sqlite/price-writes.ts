/**
 * The price writes on one SQLite connection (bars, corporate actions, coverage), synchronous as
 * better-sqlite3 is. The repository runs them on its own connection (an in-memory database) or
 * hands them to the writer thread (price-writer.ts), which runs these same functions on a
 * connection of its own.
 */
import { inArray, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type Database from 'better-sqlite3';
import type { CoverageRange, StoredAction, StoredBar } from '../../market-data/price-store.ts';
import { chunkRows, dedupeLast, SQLITE_MAX_PARAMS } from '../batch.ts';
import { mergeCoverage } from '../coverage-merge.ts';
import { assertDate, toCoverageRange } from '../mappers.ts';
import { corporateActions, coverage } from './schema.ts';

const BAR_ROWS_PER_STATEMENT = 128;

// Cached statements inside one transaction: far cheaper than building the SQL text of
// multi-row INSERTs per call. Rows go BAR_ROWS_PER_STATEMENT at a time through one statement,
// the rest one by one. Prepared on first use: the table exists only once migrations have run.
const BAR_COLUMNS = `("ticker", "date", "open", "high", "low", "close", "adj_close", "volume")`;
const BAR_CONFLICT = `on conflict ("ticker", "date") do update set "open" = excluded."open", "high" = excluded."high",
       "low" = excluded."low", "close" = excluded."close", "adj_close" = excluded."adj_close",
       "volume" = excluded."volume"`;
const valuesOf = (rows: number) => Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
export const UPSERT_BAR = `insert into "price_bars" ${BAR_COLUMNS} values ${valuesOf(1)} ${BAR_CONFLICT}`;
const UPSERT_BARS = `insert into "price_bars" ${BAR_COLUMNS} values ${valuesOf(BAR_ROWS_PER_STATEMENT)} ${BAR_CONFLICT}`;

/** One price write, as the repository hands it to the writer thread or runs it here. */
export type PriceWrite =
  | { op: 'upsertBars'; rows: readonly StoredBar[] }
  | { op: 'upsertActions'; rows: readonly StoredAction[] }
  | { op: 'addCoverage'; rows: readonly CoverageRange[] };

export function runPriceWrite(writes: SqlitePriceWrites, write: PriceWrite): void {
  if (write.op === 'upsertBars') writes.upsertBars(write.rows);
  else if (write.op === 'upsertActions') writes.upsertActions(write.rows);
  else writes.addCoverage(write.rows);
}

export interface SqlitePriceWrites {
  upsertBars(rows: readonly StoredBar[]): void;
  upsertActions(rows: readonly StoredAction[]): void;
  addCoverage(ranges: readonly CoverageRange[]): void;
}

// biome-ignore lint/suspicious/noExplicitAny: drizzle's database type is generic over the schema
type AnyDb = BetterSQLite3Database<any>;

export function createSqlitePriceWrites(client: Database.Database, db: AnyDb): SqlitePriceWrites {
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

  return {
    upsertBars(rows) {
      const unique = dedupeLast(rows, (r) => `${r.ticker}\u0000${assertDate(r.date, 'bar.date')}`);
      if (unique.length > 0) upsertBarRows(unique);
    },

    upsertActions(rows) {
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

    addCoverage(ranges) {
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
  };
}
