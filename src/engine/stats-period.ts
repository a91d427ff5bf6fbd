import { MS_PER_DAY } from './calendar.ts';

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
