/**
 * SQLite tables. Column names are explicit snake_case; dates are `YYYY-MM-DD` TEXT, prices REAL.
 * After a change: `npx drizzle-kit generate --config drizzle/sqlite.config.ts`.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const priceBars = sqliteTable(
  'price_bars',
  {
    ticker: text('ticker').notNull(),
    date: text('date').notNull(),
    open: real('open').notNull(),
    high: real('high').notNull(),
    low: real('low').notNull(),
    close: real('close').notNull(),
    adjClose: real('adj_close').notNull(),
    volume: real('volume').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.date] }), index('price_bars_date_idx').on(t.date)],
);

export const corporateActions = sqliteTable(
  'corporate_actions',
  {
    ticker: text('ticker').notNull(),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    value: real('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.date, t.kind] })],
);

export const coverage = sqliteTable(
  'coverage',
  {
    ticker: text('ticker').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** Epoch milliseconds. */
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.fromDate] })],
);

export const backtestRuns = sqliteTable(
  'backtest_runs',
  {
    id: text('id').primaryKey(),
    requestHash: text('request_hash').notNull().unique('backtest_runs_request_hash_uq'),
    /** JSON text. */
    request: text('request').notNull(),
    /** JSON text. */
    result: text('result').notNull(),
    /** ISO-8601 UTC with milliseconds (`2024-01-02T03:04:05.678Z`); sorts as text. */
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('backtest_runs_created_at_idx').on(t.createdAt)],
);

export const savedStrategies = sqliteTable('saved_strategies', {
  /** The name folded to lower case: names that differ only in case are one strategy. */
  nameKey: text('name_key').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** JSON text of the canonical rules. */
  rules: text('rules').notNull(),
  /** ISO-8601 UTC with milliseconds. */
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    /** SHA-256 of the canonical request and its data; identical active requests share a job. */
    jobKey: text('job_key').notNull(),
    /** JSON text. */
    request: text('request').notNull(),
    progress: real('progress').notNull(),
    runsDone: integer('runs_done').notNull(),
    runsTotal: integer('runs_total').notNull(),
    /** JSON text once SUCCEEDED. */
    result: text('result'),
    error: text('error'),
    /** ISO-8601 UTC with milliseconds. */
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    /**
     * The job key while the job is QUEUED or RUNNING, null once it ended: unique, so the database
     * refuses a second active job with the same key whichever instance inserts it.
     */
    activeKey: text('active_key'),
  },
  (t) => [
    index('jobs_created_at_idx').on(t.createdAt),
    index('jobs_job_key_idx').on(t.jobKey, t.state),
    uniqueIndex('jobs_active_key_idx').on(t.activeKey),
  ],
);
