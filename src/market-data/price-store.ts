import type { CorporateAction, DailyBar } from './types.ts';

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

/**
 * The price store the read-through path needs: stored bars, corporate actions and the ranges
 * already fetched. The database adapters implement it (see db/repository.ts).
 */
export interface PriceStore {
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
}
