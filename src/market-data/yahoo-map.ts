import type { CorporateAction, DailyBar, ProviderSeries } from './types.ts';
import { isTimeZone, toTradingDate } from './trading-date.ts';

/**
 * Pure mapping of a Yahoo v8 chart result (yahoo-finance2 `chart()` with `return: 'object'`)
 * to a ProviderSeries. Structural types only: this file does not import yahoo-finance2.
 */

type Instant = Date | number;

export interface ChartObjectLike {
  meta: { currency?: string | null; exchangeTimezoneName: string };
  timestamp?: number[];
  events?: {
    dividends?: Record<string, { amount: number; date: Instant }>;
    splits?: Record<string, { numerator: number; denominator: number; date: Instant }>;
  };
  indicators: {
    quote: Array<Partial<Record<'open' | 'high' | 'low' | 'close' | 'volume', Array<number | null>>>>;
    adjclose?: Array<{ adjclose?: Array<number | null> }>;
  };
}

/** Thrown when a response passed the library's schema but cannot be mapped. */
class UnmappableChartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnmappableChartError';
  }
}

function toEpochSeconds(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() / 1000 : instant;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function byDate<T extends { date: string }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * Bars dated by the exchange-local trading day of each timestamp, rows with a null price
 * dropped (Yahoo sends nulls for missing rows), missing adjclose taken as close, missing
 * volume as 0; events mapped to actions (split value = numerator / denominator); everything
 * outside [from, to] dropped. Output sorted by date, not otherwise validated.
 */
export function toProviderSeries(
  ticker: string,
  chart: ChartObjectLike,
  from: string,
  to: string,
): ProviderSeries {
  const timeZone = chart.meta.exchangeTimezoneName;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    throw new UnmappableChartError(`unknown exchange time zone ${JSON.stringify(timeZone)}`);
  }
  const inRange = (date: string): boolean => date >= from && date <= to;
  const timestamps = chart.timestamp ?? [];
  const quote = chart.indicators.quote[0] ?? {};
  const adjclose = chart.indicators.adjclose?.[0]?.adjclose;
  const columns = [quote.open, quote.high, quote.low, quote.close];
  if (timestamps.length > 0 && columns.some((c) => !Array.isArray(c) || c.length !== timestamps.length)) {
    throw new UnmappableChartError('quote columns do not match the timestamps');
  }

  const bars: DailyBar[] = [];
  for (let i = 0; i < timestamps.length; i += 1) {
    const open = quote.open?.[i];
    const high = quote.high?.[i];
    const low = quote.low?.[i];
    const close = quote.close?.[i];
    if (!isNumber(open) || !isNumber(high) || !isNumber(low) || !isNumber(close)) continue;
    const date = toTradingDate(timestamps[i], timeZone);
    if (!inRange(date)) continue;
    const adj = adjclose?.[i];
    const volume = quote.volume?.[i];
    bars.push({
      date,
      open,
      high,
      low,
      close,
      adjClose: isNumber(adj) ? adj : close,
      volume: isNumber(volume) ? volume : 0,
    });
  }

  const actions: CorporateAction[] = [];
  for (const split of Object.values(chart.events?.splits ?? {})) {
    const value = split.numerator / split.denominator;
    const date = toTradingDate(toEpochSeconds(split.date), timeZone);
    if (isNumber(value) && value > 0 && inRange(date)) actions.push({ date, kind: 'split', value });
  }
  for (const dividend of Object.values(chart.events?.dividends ?? {})) {
    const date = toTradingDate(toEpochSeconds(dividend.date), timeZone);
    if (isNumber(dividend.amount) && inRange(date))
      actions.push({ date, kind: 'dividend', value: dividend.amount });
  }

  return {
    ticker,
    currency: chart.meta.currency ?? null,
    exchangeTimezone: timeZone,
    bars: bars.sort(byDate),
    actions: actions.sort(byDate),
  };
}
