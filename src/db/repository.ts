import type { CorporateAction, DailyBar } from '../market-data/types.ts';

/** A stored bar: the provider's bar keyed by ticker. */
export interface StoredBar extends DailyBar {
  ticker: string;
}

export interface StoredAction extends CorporateAction {
  ticker: string;
}

/** A stored, inclusive range of calendar dates for a ticker, and when it was fetched (epoch ms). */
export interface CoverageRange {
  ticker: string;
  from: string;
  to: string;
  fetchedAtMs: number;
}

export interface RangeRequest {
  ticker: string;
  from: string;
  to: string;
}

export interface StoredRun {
  id: string;
  requestHash: string;
  request: unknown;
  result: unknown;
  /** ISO-8601 UTC timestamp. */
  createdAt: string;
}

export interface ListRunsOptions {
  limit: number;
  /** Return runs created strictly before this run (cursor pagination, newest first). */
  beforeId?: string;
}

/** One interface for both SQL dialects. Dates are `YYYY-MM-DD` strings in and out. */
export interface Repository {
  readonly dialect: 'sqlite' | 'mysql';

  /** Idempotent bulk upsert keyed by (ticker, date); chunked internally, any number of rows. */
  upsertBars(rows: readonly StoredBar[]): Promise<void>;
  /** Idempotent bulk upsert keyed by (ticker, date, kind). */
  upsertActions(rows: readonly StoredAction[]): Promise<void>;

  /** Bars of one ticker in [from, to], sorted by date. */
  readBars(ticker: string, from: string, to: string): Promise<StoredBar[]>;
  /** Bars for several ranges in ONE SQL statement; result[i] answers ranges[i], sorted by date. */
  readBarsMany(ranges: readonly RangeRequest[]): Promise<StoredBar[][]>;
  /** Every stored action of these tickers, sorted by (ticker, date). */
  readActions(tickers: readonly string[]): Promise<StoredAction[]>;
  /** Deletes a ticker's bars, actions and coverage (before a full refetch after a split). */
  deleteTicker(ticker: string): Promise<void>;

  /** Coverage rows of these tickers, sorted by (ticker, from). */
  readCoverage(tickers: readonly string[]): Promise<CoverageRange[]>;
  /** Records covered ranges; overlapping or adjacent ranges of a ticker are merged into one row. */
  addCoverage(ranges: readonly CoverageRange[]): Promise<void>;

  /** Inserts a run unless one with the same requestHash exists; returns the stored run either way. */
  saveRun(run: StoredRun): Promise<StoredRun>;
  loadRun(id: string): Promise<StoredRun | null>;
  findRunByHash(requestHash: string): Promise<StoredRun | null>;
  listRuns(options: ListRunsOptions): Promise<StoredRun[]>;

  /** Resolves when the database answers a trivial query within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /** True when every migration in the dialect's folder has been applied. */
  isMigrated(): Promise<boolean>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Connection pool usage for metrics; absent where there is no pool (SQLite). */
  poolUsage?(): { open: number; free: number; queued: number };
}
