import { daysBetween, isIsoDate } from '../dates.ts';
import { BadInputError } from '../errors.ts';
import type { SeriesKey } from '../market-data/series.ts';
import { isTicker } from '../market-data/ticker.ts';

export interface SeriesLimits {
  maxTickers: number;
  maxRangeYears: number;
}

/** Upper-cases and checks a ticker symbol; `field` names the argument in the error. */
export function toTicker(raw: string, field: string): string {
  const ticker = raw.trim().toUpperCase();
  if (!isTicker(ticker)) {
    throw new BadInputError(field, `${field}: "${raw.slice(0, 40)}" is not a valid ticker symbol`);
  }
  return ticker;
}

/** An optional ticker (null, undefined or empty → null), upper-cased and checked. */
export function toOptionalTicker(raw: string | null | undefined, field: string): string | null {
  return raw == null || raw === '' ? null : toTicker(raw, field);
}

/** Checks a date range: real dates, from <= to, no longer than the configured maximum. */
export function checkRange(from: string, to: string, limits: SeriesLimits, prefix = ''): void {
  if (!isIsoDate(from)) throw new BadInputError(`${prefix}from`, `${prefix}from: not a valid date`);
  if (!isIsoDate(to)) throw new BadInputError(`${prefix}to`, `${prefix}to: not a valid date`);
  if (from > to)
    throw new BadInputError(`${prefix}from`, `${prefix}from (${from}) is after ${prefix}to (${to})`);
  if (daysBetween(from, to) > limits.maxRangeYears * 366) {
    throw new BadInputError(
      `${prefix}to`,
      `The range ${from}..${to} is longer than ${limits.maxRangeYears} years`,
    );
  }
}

export function toSeriesKey(
  args: { ticker: string; from: string; to: string; adjusted?: boolean | null },
  limits: SeriesLimits,
  field = 'ticker',
): SeriesKey {
  const ticker = toTicker(args.ticker, field);
  checkRange(args.from, args.to, limits);
  return { ticker, from: args.from, to: args.to, adjusted: args.adjusted ?? true };
}

export function toSeriesKeys(
  args: { tickers: readonly string[]; from: string; to: string; adjusted?: boolean | null },
  limits: SeriesLimits,
): SeriesKey[] {
  if (args.tickers.length === 0) throw new BadInputError('tickers', 'tickers: give at least one ticker');
  if (args.tickers.length > limits.maxTickers) {
    throw new BadInputError('tickers', `tickers: at most ${limits.maxTickers} tickers per request`);
  }
  return args.tickers.map((ticker, i) =>
    toSeriesKey({ ticker, from: args.from, to: args.to, adjusted: args.adjusted }, limits, `tickers[${i}]`),
  );
}

/** The tickers of a warm-up request: 1 to `maxTickers`, each checked, and a checked range. */
export function toWarmRequest(
  args: { tickers: readonly string[]; from: string; to: string },
  limits: SeriesLimits,
): { tickers: string[]; from: string; to: string } {
  if (args.tickers.length === 0 || args.tickers.length > limits.maxTickers) {
    throw new BadInputError('tickers', `tickers: give 1 to ${limits.maxTickers} tickers`);
  }
  const tickers = args.tickers.map((ticker, i) => toTicker(ticker, `tickers[${i}]`));
  checkRange(args.from, args.to, limits);
  return { tickers, from: args.from, to: args.to };
}
