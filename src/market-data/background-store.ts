import type { Logger } from '../observability/logger.ts';
import type { PriceStore } from './price-store.ts';
import type { PendingWrite } from './ticker-sync.ts';

/**
 * Stores fetched prices after the response that needed them. Writes wait in one queue and are
 * written together, once no new write has come for a moment: every write waiting when a batch
 * starts goes into one upsert of bars, one of actions and one coverage update (coverage last,
 * so it never claims bars not yet stored). A
 * failed batch is logged and retried after each delay of `retryDelaysMs`; after the last one it
 * is logged as an error and dropped: nothing was recorded as covered, so the next load of those
 * dates fetches them again.
 */
export interface BackgroundStore {
  schedule(write: PendingWrite): void;
  /** Resolves once no write of these tickers is waiting or being written. */
  settled(tickers: readonly string[]): Promise<void>;
  /** Resolves once every write scheduled so far is stored or given up. */
  flush(): Promise<void>;
}

export interface BackgroundStoreDeps {
  repository: Pick<PriceStore, 'upsertBars' | 'upsertActions' | 'addCoverage'>;
  logger: Logger;
  /** Waits before each retry of a failed batch; default 0.25 s, 1 s, 4 s. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [250, 1000, 4000];
const ROWS_PER_SLICE = 500;
const QUIET_MS = 20;
const MAX_WAIT_MS = 500;

export function createBackgroundStore(deps: BackgroundStoreDeps): BackgroundStore {
  const retryDelaysMs = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let queue: PendingWrite[] = [];
  /** Writes per ticker waiting or being written. */
  const pending = new Map<string, number>();
  let draining: Promise<void> | null = null;
  let scheduled = 0;

  async function writeBatch(batch: readonly PendingWrite[]): Promise<void> {
    const bars = batch.flatMap((w) => w.bars);
    const actions = batch.flatMap((w) => w.actions);
    const coverage = batch.flatMap((w) => w.coverage);
    // In slices, yielding between them: an embedded (synchronous) database then never holds the
    // event loop for long while requests wait.
    for (let i = 0; i < bars.length; i += ROWS_PER_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      await deps.repository.upsertBars(bars.slice(i, i + ROWS_PER_SLICE));
    }
    if (actions.length > 0) await deps.repository.upsertActions(actions);
    await deps.repository.addCoverage(coverage);
  }

  async function writeWithRetries(batch: readonly PendingWrite[]): Promise<void> {
    const tickers = [...new Set(batch.map((w) => w.ticker))];
    for (let attempt = 0; ; attempt++) {
      try {
        await writeBatch(batch);
        return;
      } catch (error) {
        const err = (error as Error).message;
        if (attempt >= retryDelaysMs.length) {
          deps.logger.error(
            { tickers, attempts: attempt + 1, err },
            'storing fetched prices failed: given up (the next load fetches them again)',
          );
          return;
        }
        const delayMs = retryDelaysMs[attempt];
        deps.logger.warn(
          { tickers, attempt: attempt + 1, delayMs, err },
          'storing fetched prices failed: retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /**
   * Waits until no write has been scheduled for QUIET_MS (at most MAX_WAIT_MS): the loads of one
   * request finish close together, so their writes go in one batch after the response is out.
   */
  async function quiet(): Promise<void> {
    const started = Date.now();
    for (;;) {
      const seen = scheduled;
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      if (scheduled === seen || Date.now() - started >= MAX_WAIT_MS) return;
    }
  }

  async function drain(): Promise<void> {
    await quiet();
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await writeWithRetries(batch);
      for (const w of batch) {
        const left = (pending.get(w.ticker) ?? 1) - 1;
        if (left > 0) pending.set(w.ticker, left);
        else pending.delete(w.ticker);
      }
    }
    draining = null;
  }

  return {
    schedule(write) {
      scheduled++;
      queue.push(write);
      pending.set(write.ticker, (pending.get(write.ticker) ?? 0) + 1);
      draining ??= drain();
    },
    async settled(tickers) {
      while (draining !== null && tickers.some((t) => pending.has(t))) await draining;
    },
    async flush() {
      while (draining !== null) await draining;
    },
  };
}
