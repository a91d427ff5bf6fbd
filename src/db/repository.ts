import type { PriceStore } from '../market-data/price-store.ts';
import type { JobStore } from './job-records.ts';

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

/** A saved rule strategy; `rules` is its canonical rules as plain JSON. */
export interface StoredStrategy {
  name: string;
  description: string;
  rules: unknown;
  /** ISO-8601 UTC timestamps. */
  createdAt: string;
  updatedAt: string;
}

export interface ListStrategiesOptions {
  limit?: number;
  /** Return strategies whose name sorts strictly after this one (any case). */
  afterName?: string;
}

/** One interface for both SQL dialects. Dates are `YYYY-MM-DD` strings in and out. */
export interface Repository extends PriceStore, JobStore {
  readonly dialect: 'sqlite' | 'mysql';

  /** Inserts a run unless one with the same requestHash exists; returns the stored run either way. */
  saveRun(run: StoredRun): Promise<StoredRun>;
  loadRun(id: string): Promise<StoredRun | null>;
  findRunByHash(requestHash: string): Promise<StoredRun | null>;
  listRuns(options: ListRunsOptions): Promise<StoredRun[]>;

  /**
   * Stores a strategy under its name, compared without regard to case. Without `replace` an
   * existing strategy of that name is left as it is and false is returned; with it, the stored
   * one is replaced (keeping its createdAt). True when the given strategy is now stored.
   */
  saveStrategy(strategy: StoredStrategy, options: { replace: boolean }): Promise<boolean>;
  /** The strategy of that name (any case), or null. */
  loadStrategy(name: string): Promise<StoredStrategy | null>;
  /**
   * Saved strategies by name (compared without regard to case): every one, or a page of at most
   * `limit` after the strategy named `afterName` (cursor pagination).
   */
  listStrategies(options?: ListStrategiesOptions): Promise<StoredStrategy[]>;
  /** Deletes the strategy of that name (any case); false when there was none. */
  deleteStrategy(name: string): Promise<boolean>;

  /** Resolves when the database answers a trivial query within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /** True when every migration in the dialect's folder has been applied. */
  isMigrated(): Promise<boolean>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Connection pool usage for metrics; absent where there is no pool (SQLite). */
  poolUsage?(): { open: number; free: number; queued: number };
}
