import { isTicker } from './ticker.ts';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import YahooFinance from 'yahoo-finance2';
import { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import { AppError, NotFoundError, UpstreamUnavailableError } from '../errors.ts';
import type { Logger } from '../observability/logger.ts';
import { createResilientFetch, type FetchFn } from './retry.ts';
import { addDays, assertIsoDate } from '../dates.ts';
import { dateToEpochSeconds } from './trading-date.ts';
import type { FetchOptions, PriceProvider, ProviderSeries } from './types.ts';
import { type ChartObjectLike, toProviderSeries } from './yahoo-map.ts';

/**
 * The Yahoo Finance adapter: the only module that imports yahoo-finance2.
 * Every HTTP request of the library goes through `createResilientFetch` (origin rewrite,
 * timeout, retries, concurrency limit); everything the library logs goes to our Logger.
 */

export interface YahooProviderOptions {
  /** Replaces the origin of every Yahoo request (mirrors, the test server). */
  baseUrl?: string;
  timeoutMs: number;
  retries: number;
  /** Requests in flight at once, per provider instance. */
  concurrency: number;
  logger: Logger;
  /** How long an unknown ticker answers NotFoundError without asking Yahoo again. */
  negativeCacheTtlMs?: number;
  negativeCacheSize?: number;
  /** Backoff base and cap between retries. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
}

const MAX_LOGGED_CHARS = 2000;

function describe(args: unknown[]): string {
  const text = args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
  return text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}…` : text;
}

/** yahoo-finance2's logger surface (info, warn, error, debug, dir) writing to ours. */
function toLibraryLogger(logger: Logger) {
  const log =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void =>
      logger[level](describe(args));
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    dir: log('debug'),
  };
}

type Failure = 'unknown-ticker' | 'no-data' | null;

/** The chart request's range for bars from `from` to `to`: one day either side, in UTC seconds. */
export const chartPeriods = (from: string, to: string) => ({
  period1: dateToEpochSeconds(addDays(from, -1)),
  period2: dateToEpochSeconds(addDays(to, 1)),
});

/** The events every chart request asks for, as its URL carries them. */
export const CHART_EVENTS = 'div|split';

export function createYahooProvider(options: YahooProviderOptions): PriceProvider {
  const logger = options.logger;
  const now = options.now ?? Date.now;
  // Unknown tickers, each forgotten after the TTL; past `max` the oldest is dropped (`has` does
  // not refresh an entry's recency, so the order is insertion order).
  const negative = new LRUCache<string, true>({
    max: options.negativeCacheSize ?? 1000,
    ttl: options.negativeCacheTtlMs ?? 5 * 60_000,
    perf: { now },
    // Read the clock on every lookup: lru-cache otherwise reuses one reading for 1 ms.
    ttlResolution: 0,
  });
  const resilientFetch = createResilientFetch({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    limit: pLimit(options.concurrency),
    logger,
    baseDelayMs: options.baseDelayMs,
    maxDelayMs: options.maxDelayMs,
  });
  const yahoo = new YahooFinance({
    logger: toLibraryLogger(logger.child({ source: 'yahoo-finance2' })),
    // On a validation failure the library would otherwise ask npm for its latest version.
    versionCheck: false,
    // We log one summary line per failure ourselves.
    validation: { logErrors: false, logOptionsErrors: false },
    suppressNotices: ['yahooSurvey', 'ripHistorical'],
    // Our limiter bounds requests in flight; the library's own queue must not be the bound.
    queue: { concurrency: 10_000 },
    cookieJar: new ExtendedCookieJar(),
    fetch: resilientFetch as typeof fetch,
  });

  async function fetchChart(
    symbol: string,
    from: string,
    to: string,
    signal?: AbortSignal,
  ): Promise<ProviderSeries> {
    let failure: Failure = null;
    // Non-OK answers are turned into our errors here, before the library sees them: it would
    // print the URL to the console and lose the status.
    const callFetch: FetchFn = async (input, init) => {
      const response = await resilientFetch(input, init);
      if (response.ok) return response;
      const body = (await response.text()).slice(0, 300);
      if (response.status === 404) {
        failure = 'unknown-ticker';
        throw new NotFoundError(`Unknown ticker ${symbol}`, 'ticker');
      }
      if (response.status === 400 && /data doesn.t exist/i.test(body)) {
        failure = 'no-data';
        throw new NotFoundError(`No data for ${symbol} from ${from} to ${to}`);
      }
      logger.warn({ symbol, status: response.status, body }, 'yahoo rejected the request');
      throw new UpstreamUnavailableError(
        `Yahoo Finance rejected the request for ${symbol} (HTTP ${response.status})`,
      );
    };
    try {
      // One day either side in UTC: an Auckland or Sydney session opens before midnight UTC of
      // its trading day. Bars are filtered to [from, to] by exchange-local date afterwards.
      const result = await yahoo.chart(
        symbol,
        {
          ...chartPeriods(from, to),
          interval: '1d',
          events: CHART_EVENTS,
          includePrePost: false,
          return: 'object',
        },
        { fetch: callFetch as typeof fetch, fetchOptions: signal ? { signal } : {} },
      );
      return toProviderSeries(symbol, result as unknown as ChartObjectLike, from, to);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (failure === 'unknown-ticker') negative.set(symbol, true);
      if (error instanceof AppError) throw error;
      const name = error instanceof Error ? error.name : typeof error;
      const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
      const errors = (error as { errors?: unknown }).errors;
      logger.warn(
        { symbol, from, to, error: name, message, errors: describe([errors ?? null]) },
        'yahoo response unusable',
      );
      if (name === 'FailedYahooValidationError') {
        throw new UpstreamUnavailableError(
          `Yahoo Finance returned data in an unexpected shape for ${symbol}`,
          error,
        );
      }
      throw new UpstreamUnavailableError(
        `Yahoo Finance returned an unreadable response for ${symbol}`,
        error,
      );
    }
  }

  return {
    name: 'yahoo',
    async fetchDaily(
      ticker: string,
      from: string,
      to: string,
      fetchOptions?: FetchOptions,
    ): Promise<ProviderSeries> {
      assertIsoDate(from, 'from');
      assertIsoDate(to, 'to');
      if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
      const symbol = ticker.trim().toUpperCase();
      if (!isTicker(symbol)) throw new NotFoundError(`Unknown ticker ${ticker}`, 'ticker');
      if (negative.has(symbol)) throw new NotFoundError(`Unknown ticker ${symbol}`, 'ticker');
      return fetchChart(symbol, from, to, fetchOptions?.signal);
    },
  };
}
