import { daysBetween } from '../dates.ts';
import { lastCompletedTradingDay } from '../market-data/recency.ts';
import type { PriceSeries, SeriesSource } from '../market-data/series.ts';
import { sourceOf } from './series-input.ts';

/** Calendar days a series may start after `from` (or end before `to`) without a warning. */
const CLIPPED_AFTER_DAYS = 7;

export interface RunFacts {
  readonly barCount: number;
  /** Bars before the first `next()` minus one (the engine's warm-up). */
  readonly warmupBars: number;
  /** A warm-up indicator has no value on any bar. */
  readonly neverWarm: boolean;
  readonly tradeCount: number;
  readonly params: Readonly<Record<string, number | boolean>>;
}

/**
 * What a trader must know about a run that the numbers do not say: the strategy never got past
 * its warm-up, it made no trade, or its params make it degenerate (a fast window not shorter than
 * the slow one). Depends only on the run, so it is cached with it.
 */
export function runWarnings(facts: RunFacts): string[] {
  const warnings: string[] = [];
  if (facts.neverWarm || facts.warmupBars + 1 >= facts.barCount) {
    warnings.push(
      `Only ${facts.barCount} bars in range: fewer than the strategy's indicators need to warm up, so it never traded. Widen the range or shorten the indicator windows.`,
    );
  } else if (facts.tradeCount === 0) {
    warnings.push('The strategy made no trades in this range.');
  }
  const { fast, slow } = facts.params;
  if (typeof fast === 'number' && typeof slow === 'number' && fast >= slow) {
    warnings.push(
      `params.fast (${fast}) is not less than params.slow (${slow}): the crossover signals are inverted or never fire.`,
    );
  }
  return warnings;
}

/**
 * What a trader must know about the data of this request: prices served from the store because
 * the provider failed, and a range that the data covers only in part.
 */
export function dataWarnings(series: PriceSeries, lastCompletedDay: string): string[] {
  const warnings: string[] = [];
  if (series.stale) {
    warnings.push(
      `${series.ticker}: the price provider failed, so stored prices were used; they may miss the latest bars or revisions.`,
    );
  }
  const dates = series.columns.dates;
  if (dates.length > 0) {
    const first = dates[0];
    const last = dates[dates.length - 1];
    if (daysBetween(series.from, first) > CLIPPED_AFTER_DAYS) {
      warnings.push(`${series.ticker}: data starts on ${first}, not ${series.from}; the range was clipped.`);
    }
    const expectedEnd = series.to < lastCompletedDay ? series.to : lastCompletedDay;
    if (daysBetween(last, expectedEnd) > CLIPPED_AFTER_DAYS) {
      warnings.push(`${series.ticker}: data ends on ${last}, not ${expectedEnd}; the range was clipped.`);
    }
  }
  return warnings;
}

/** What a result says about the data it was computed on. */
export interface DataReport {
  /** Some of the prices were served from the store because the provider failed. */
  stale: boolean;
  /** Where the prices came from: the farthest layer any of the series needed. */
  source: SeriesSource;
  warnings: string[];
}

export function dataReport(series: readonly PriceSeries[], nowMs: number): DataReport {
  const lastDay = lastCompletedTradingDay(nowMs);
  return {
    stale: series.some((s) => s.stale),
    source: sourceOf(series),
    warnings: series.flatMap((s) => dataWarnings(s, lastDay)),
  };
}
