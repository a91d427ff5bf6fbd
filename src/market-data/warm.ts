import { addDays, todayUtc } from '../dates.ts';
import type { Logger } from '../observability/logger.ts';
import type { SeriesReader } from './read-through.ts';

export interface WarmOutcome {
  ticker: string;
  ok: boolean;
  barCount: number;
  error: string | null;
}

export interface WarmRequest {
  tickers: readonly string[];
  from: string;
  to: string;
}

/** The range warming covers: the last `years` years up to today (UTC). */
export function warmRange(years: number, nowMs: number): { from: string; to: string } {
  const to = todayUtc(nowMs);
  return { from: addDays(to, -Math.round(years * 365.25)), to };
}

/**
 * Loads series through the normal read-through path (so they land in the store and cache).
 * Never throws: a failure is reported per ticker (and logged at debug; see logWarmOutcomes).
 */
export async function warmSeries(
  reader: SeriesReader,
  request: WarmRequest,
  logger: Logger,
): Promise<WarmOutcome[]> {
  const keys = request.tickers.map((ticker) => ({
    ticker,
    from: request.from,
    to: request.to,
    adjusted: true,
  }));
  let results: Awaited<ReturnType<SeriesReader['loadMany']>>;
  try {
    results = await reader.loadMany(keys);
  } catch (error) {
    results = keys.map(() => (error instanceof Error ? error : new Error(String(error))));
  }
  return results.map((result, i) => {
    const ticker = request.tickers[i];
    if (result instanceof Error) {
      logger.debug({ ticker, err: result.message }, 'warming failed');
      return { ticker, ok: false, barCount: 0, error: result.message };
    }
    return { ticker, ok: true, barCount: result.columns.dates.length, error: null };
  });
}

/**
 * One line for a whole warming run: `cache warmed` (info) when every ticker loaded, else one
 * warning naming the tickers that failed and each distinct error once.
 */
export function logWarmOutcomes(outcomes: readonly WarmOutcome[], logger: Logger): void {
  const failed = outcomes.filter((o) => !o.ok);
  const warmed = outcomes.length - failed.length;
  if (failed.length === 0) {
    logger.info({ warmed, failed: 0 }, 'cache warmed');
    return;
  }
  const errors = [...new Set(failed.map((o) => o.error ?? 'unknown error'))];
  logger.warn(
    { warmed, failed: failed.map((o) => o.ticker), err: errors.join(' | ') },
    `cache warming failed for ${failed.length} of ${outcomes.length} tickers`,
  );
}
