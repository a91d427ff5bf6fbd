import type { Bars } from './bars.ts';
import { logReturns } from './benchmark.ts';
import { type IndexProfile, profileIndex } from './stats-index.ts';
import type { IndicatorCache } from './strategy.ts';

/** Cache slots for per-series statistics inputs; the NUL prefix keeps them apart from strategy keys. */
const CLOSE_LOG_RETURNS_KEY = '\u0000logReturns(close)';
const INDEX_PROFILE_KEY = '\u0000indexProfile';

export interface SeriesStatsInputs {
  readonly closeLogReturns: Float64Array | undefined;
  readonly index: IndexProfile;
}

/**
 * Statistics inputs that depend only on the bars (log returns of Close for Beta, the time
 * index profile), memoized in the run's indicator cache so a sweep computes them once. The
 * profile is stored as one Float64Array: [dateOnly, periodsPerYear, resolutionMs, ...bucketEnds].
 */
export function seriesStatsInputs(bars: Bars, cache: IndicatorCache | undefined): SeriesStatsInputs {
  if (cache === undefined)
    return { closeLogReturns: undefined, index: profileIndex(bars.time, bars.isDatetime) };
  let closeLogReturns = cache.get(CLOSE_LOG_RETURNS_KEY) as Float64Array | undefined;
  if (closeLogReturns === undefined) {
    closeLogReturns = logReturns(bars.close);
    cache.set(CLOSE_LOG_RETURNS_KEY, closeLogReturns);
  }
  const packed = cache.get(INDEX_PROFILE_KEY) as Float64Array | undefined;
  if (packed === undefined) {
    const index = profileIndex(bars.time, bars.isDatetime);
    const encoded = new Float64Array(3 + index.bucketEnds.length);
    encoded.set([index.dateOnly ? 1 : 0, index.periodsPerYear, index.resolutionMs]);
    encoded.set(index.bucketEnds, 3);
    cache.set(INDEX_PROFILE_KEY, encoded);
    return { closeLogReturns, index };
  }
  return {
    closeLogReturns,
    index: {
      isDatetime: bars.isDatetime,
      dateOnly: packed[0] === 1,
      periodsPerYear: packed[1],
      resolutionMs: packed[2],
      bucketEnds: packed.subarray(3),
    },
  };
}
