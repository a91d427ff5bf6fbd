/** The Repository on MySQL / MariaDB through a mysql2 pool. */
import { and, asc, between, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import { drizzle } from 'drizzle-orm/mysql2';
import { chunkRows, dedupeLast, MYSQL_MAX_PARAMS } from '../batch.ts';
import { mergeCoverage } from '../coverage-merge.ts';
import { assertDate, toCoverageRange, toStoredAction, toStoredBar } from '../mappers.ts';
import { balancedOr, distinctRanges, splitByRange } from '../ranges.ts';
import type { Repository } from '../repository.ts';
import type { RangeRequest, StoredBar } from '../../market-data/price-store.ts';
import { createExactSelect } from './exact-select.ts';
import { createMysqlHealth } from './health.ts';
import {
  createMysqlPool,
  createRetry,
  type MysqlPoolOptions,
  readPoolUsage,
  retryOnDeadlock,
} from './pool.ts';
import { createMysqlRuns } from './runs.ts';
import { createMysqlStrategies } from './strategies.ts';
import { createMysqlJobs } from './jobs.ts';
import { corporateActions, coverage, priceBars } from './schema.ts';

export interface MysqlRepositoryOptions extends MysqlPoolOptions {
  onQuery?: (sql: string) => void;
}

/** Rows per INSERT: well under the placeholder limit and max_allowed_packet. */
const MAX_ROWS_PER_INSERT = 2_000;

function fromValues(columns: Record<string, MySqlColumn>): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(columns).map(([key, col]) => [key, sql.raw(`values(\`${col.name}\`)`)]),
  );
}

export function createMysqlRepository(options: MysqlRepositoryOptions): Repository {
  const pool = createMysqlPool(options);
  const onQuery = options.onQuery;
  const db = drizzle({ client: pool, logger: onQuery ? { logQuery: (query) => onQuery(query) } : false });
  const retry = createRetry(options.poolSize);
  const exactSelect = createExactSelect(pool, retry, onQuery);
  let closed = false;
  const barFields = getTableColumns(priceBars);
  const { ticker: _t, date: _d, ...barValues } = barFields;
  const barUpdate = fromValues(barValues);
  const barFieldNames = Object.keys(barFields) as (keyof typeof barFields)[];
  const actionFields = getTableColumns(corporateActions);
  const actionFieldNames = Object.keys(actionFields) as (keyof typeof actionFields)[];

  async function readBarsMany(ranges: readonly RangeRequest[]): Promise<StoredBar[][]> {
    if (ranges.length === 0) return [];
    const predicates = distinctRanges(ranges).map((r) =>
      and(eq(priceBars.ticker, r.ticker), between(priceBars.date, r.from, r.to)),
    );
    const query = db
      .select(barFields)
      .from(priceBars)
      .where(balancedOr(predicates))
      .orderBy(asc(priceBars.ticker), asc(priceBars.date));
    const rows = await exactSelect(query, barFieldNames);
    return splitByRange(
      rows.map((r) => toStoredBar(r as Parameters<typeof toStoredBar>[0])),
      ranges,
    );
  }

  return {
    dialect: 'mysql',
    poolUsage: () => readPoolUsage(pool),

    async upsertBars(rows) {
      const unique = dedupeLast(rows, (r) => `${r.ticker}\u0000${assertDate(r.date, 'bar.date')}`);
      if (unique.length === 0) return;
      const chunks = chunkRows(unique, barFieldNames.length, MYSQL_MAX_PARAMS, MAX_ROWS_PER_INSERT);
      await retry(() =>
        db.transaction(async (tx) => {
          for (const chunk of chunks) {
            await tx
              .insert(priceBars)
              .values(
                chunk.map((r) => ({
                  ticker: r.ticker,
                  date: r.date,
                  open: r.open,
                  high: r.high,
                  low: r.low,
                  close: r.close,
                  adjClose: r.adjClose,
                  volume: r.volume,
                })),
              )
              .onDuplicateKeyUpdate({ set: barUpdate });
          }
        }),
      );
    },

    async upsertActions(rows) {
      const unique = dedupeLast(
        rows,
        (r) => `${r.ticker}\u0000${assertDate(r.date, 'action.date')}\u0000${r.kind}`,
      );
      if (unique.length === 0) return;
      const chunks = chunkRows(unique, actionFieldNames.length, MYSQL_MAX_PARAMS, MAX_ROWS_PER_INSERT);
      await retry(() =>
        db.transaction(async (tx) => {
          for (const chunk of chunks) {
            await tx
              .insert(corporateActions)
              .values(chunk.map((r) => ({ ticker: r.ticker, date: r.date, kind: r.kind, value: r.value })))
              .onDuplicateKeyUpdate({ set: { value: sql.raw('values(`value`)') } });
          }
        }),
      );
    },

    async readBars(ticker, from, to) {
      const [bars] = await readBarsMany([{ ticker, from, to }]);
      return bars;
    },

    readBarsMany,

    async readActions(tickers) {
      if (tickers.length === 0) return [];
      const query = db
        .select(actionFields)
        .from(corporateActions)
        .where(inArray(corporateActions.ticker, [...tickers]))
        .orderBy(asc(corporateActions.ticker), asc(corporateActions.date), asc(corporateActions.kind));
      const rows = await exactSelect(query, actionFieldNames);
      return rows.map((r) => toStoredAction(r as Parameters<typeof toStoredAction>[0]));
    },

    async deleteTicker(ticker) {
      await retry(() =>
        db.transaction(async (tx) => {
          await tx.delete(priceBars).where(eq(priceBars.ticker, ticker));
          await tx.delete(corporateActions).where(eq(corporateActions.ticker, ticker));
          await tx.delete(coverage).where(eq(coverage.ticker, ticker));
        }),
      );
    },

    async readCoverage(tickers) {
      if (tickers.length === 0) return [];
      const rows = await retry(() =>
        db
          .select()
          .from(coverage)
          .where(inArray(coverage.ticker, [...tickers]))
          .orderBy(asc(coverage.ticker), asc(coverage.fromDate)),
      );
      return rows.map(toCoverageRange);
    },

    async addCoverage(ranges) {
      if (ranges.length === 0) return;
      mergeCoverage(ranges); // validates before anything is written
      const tickers = [...new Set(ranges.map((r) => r.ticker))].sort();
      const where = inArray(coverage.ticker, tickers);
      const write = () =>
        db.transaction(async (tx) => {
          const existing = await tx
            .select()
            .from(coverage)
            .where(where)
            .orderBy(asc(coverage.ticker))
            .for('update');
          const merged = mergeCoverage([...existing.map(toCoverageRange), ...ranges]);
          await tx.delete(coverage).where(where);
          for (const chunk of chunkRows(merged, 4, MYSQL_MAX_PARAMS, MAX_ROWS_PER_INSERT)) {
            await tx.insert(coverage).values(
              chunk.map((r) => ({
                ticker: r.ticker,
                fromDate: r.from,
                toDate: r.to,
                fetchedAt: r.fetchedAtMs,
              })),
            );
          }
        });
      await retry(() => retryOnDeadlock(write));
    },

    ...createMysqlRuns(db, retry),
    ...createMysqlStrategies(db, retry),
    ...createMysqlJobs(db, retry),
    ...createMysqlHealth(pool, db, retry, onQuery),

    async close() {
      if (closed) return;
      closed = true;
      await pool.promise().end();
    },
  };
}
