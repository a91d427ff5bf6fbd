/**
 * MySQL / MariaDB tables. Column names are explicit snake_case; dates are DATE columns read as
 * `YYYY-MM-DD` strings (no JS Date, so no time-zone conversion), prices are DOUBLE.
 * After a change: `npx drizzle-kit generate --config drizzle/mysql.config.ts`.
 */
import {
  bigint,
  date,
  datetime,
  double,
  index,
  int,
  longtext,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';

export const priceBars = mysqlTable(
  'price_bars',
  {
    ticker: varchar('ticker', { length: 32 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    open: double('open').notNull(),
    high: double('high').notNull(),
    low: double('low').notNull(),
    close: double('close').notNull(),
    adjClose: double('adj_close').notNull(),
    volume: double('volume').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.date] }), index('price_bars_date_idx').on(t.date)],
);

export const corporateActions = mysqlTable(
  'corporate_actions',
  {
    ticker: varchar('ticker', { length: 32 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    value: double('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.date, t.kind] })],
);

export const coverage = mysqlTable(
  'coverage',
  {
    ticker: varchar('ticker', { length: 32 }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    /** Epoch milliseconds. */
    fetchedAt: bigint('fetched_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.fromDate] })],
);

export const backtestRuns = mysqlTable(
  'backtest_runs',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    requestHash: varchar('request_hash', { length: 128 }).notNull().unique('backtest_runs_request_hash_uq'),
    /** JSON text, stored verbatim (a JSON column would reorder keys on MySQL 8). */
    request: text('request').notNull(),
    /** JSON text; results can be several MB. */
    result: longtext('result').notNull(),
    /** UTC, millisecond precision, read as a string (`YYYY-MM-DD HH:MM:SS.mmm`). */
    createdAt: datetime('created_at', { mode: 'string', fsp: 3 }).notNull(),
  },
  (t) => [index('backtest_runs_created_at_idx').on(t.createdAt)],
);

export const savedStrategies = mysqlTable('saved_strategies', {
  /** The name folded to lower case: names that differ only in case are one strategy. */
  nameKey: varchar('name_key', { length: 64 }).primaryKey(),
  name: varchar('name', { length: 64 }).notNull(),
  description: text('description').notNull(),
  /** JSON text of the canonical rules, stored verbatim. */
  rules: text('rules').notNull(),
  createdAt: datetime('created_at', { mode: 'string', fsp: 3 }).notNull(),
  updatedAt: datetime('updated_at', { mode: 'string', fsp: 3 }).notNull(),
});

export const jobs = mysqlTable(
  'jobs',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    kind: varchar('kind', { length: 16 }).notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    /** SHA-256 of the canonical request and its data; identical active requests share a job. */
    jobKey: varchar('job_key', { length: 64 }).notNull(),
    /** JSON text, stored verbatim. */
    request: text('request').notNull(),
    progress: double('progress').notNull(),
    runsDone: int('runs_done').notNull(),
    runsTotal: int('runs_total').notNull(),
    /** JSON text once SUCCEEDED; results can be several MB. */
    result: longtext('result'),
    error: text('error'),
    createdAt: datetime('created_at', { mode: 'string', fsp: 3 }).notNull(),
    startedAt: datetime('started_at', { mode: 'string', fsp: 3 }),
    finishedAt: datetime('finished_at', { mode: 'string', fsp: 3 }),
    /**
     * The job key while the job is QUEUED or RUNNING, null once it ended: unique, so the database
     * refuses a second active job with the same key whichever instance inserts it.
     */
    activeKey: varchar('active_key', { length: 64 }),
  },
  (t) => [
    index('jobs_created_at_idx').on(t.createdAt),
    index('jobs_job_key_idx').on(t.jobKey, t.state),
    uniqueIndex('jobs_active_key_idx').on(t.activeKey),
  ],
);
