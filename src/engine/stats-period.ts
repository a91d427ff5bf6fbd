import { MS_PER_DAY, monthNumber, weekday, weekNumber } from './calendar.ts';

export type Bucket = 'day' | 'week' | 'month' | 'year';

export interface Annualization {
  /** Periods per year: 252, 365, 52, 12 or 1. */
  readonly periodsPerYear: number;
  readonly bucket: Bucket;
}

/** Median of the differences of the last 100 index values (the reference's data period). */
export function dataPeriod(time: ArrayLike<number>): number {
  const n = time.length;
  const from = Math.max(0, n - 100);
  const diffs = new Float64Array(Math.max(0, n - from - 1));
  for (let k = from + 1; k < n; k++) diffs[k - from - 1] = time[k] - time[k - 1];
  if (diffs.length === 0) return Number.NaN;
  diffs.sort();
  const mid = diffs.length >> 1;
  return diffs.length % 2 === 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
}

/**
 * Ceiling unit for durations: the finest non-zero component of the period among days, hours,
 * minutes, seconds and milliseconds (pandas Timedelta.resolution_string).
 */
export function durationResolutionMs(periodMs: number): number {
  for (const unit of [MS_PER_DAY, 3_600_000, 60_000, 1000]) if (periodMs % unit === 0) return unit;
  return 1;
}

/** Rounds a duration up to the resolution; NaN stays NaN. */
export function ceilDuration(durationMs: number, resolutionMs: number): number {
  return Math.ceil(durationMs / resolutionMs) * resolutionMs;
}

/** Periods per year and bucket from the data period and the share of weekend bars. */
export function annualization(time: ArrayLike<number>): Annualization {
  const wholeDays = Math.floor(dataPeriod(time) / MS_PER_DAY);
  if (wholeDays === 7) return { periodsPerYear: 52, bucket: 'week' };
  if (wholeDays === 31) return { periodsPerYear: 12, bucket: 'month' };
  if (wholeDays === 365) return { periodsPerYear: 1, bucket: 'year' };
  let weekendBars = 0;
  for (let k = 0; k < time.length; k++) if (weekday(Math.floor(time[k] / MS_PER_DAY)) >= 5) weekendBars++;
  const haveWeekends = weekendBars / time.length > (2 / 7) * 0.6;
  return { periodsPerYear: haveWeekends ? 365 : 252, bucket: 'day' };
}

function bucketOf(timeMs: number, bucket: Bucket): number {
  const day = Math.floor(timeMs / MS_PER_DAY);
  if (bucket === 'day') return day;
  if (bucket === 'week') return weekNumber(day);
  const month = monthNumber(day);
  return bucket === 'month' ? month : Math.floor(month / 12);
}

/**
 * Simple returns between the last equity values of consecutive non-empty calendar buckets
 * (the first bucket has no return). 0/0 yields NaN, as pandas' pct_change does.
 */
export function periodicReturns(equity: ArrayLike<number>, time: ArrayLike<number>, bucket: Bucket): Float64Array {
  const n = equity.length;
  const out = new Float64Array(n);
  let count = -1;
  let previous = Number.NaN;
  let key = bucketOf(time[0], bucket);
  for (let k = 0; k < n; k++) {
    const nextKey = k === n - 1 ? Number.NaN : bucketOf(time[k + 1], bucket);
    if (nextKey === key) continue;
    key = nextKey;
    if (count >= 0) out[count] = equity[k] / previous - 1;
    previous = equity[k];
    count++;
  }
  return out.subarray(0, count);
}
