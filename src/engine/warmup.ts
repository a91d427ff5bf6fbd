import type { Indicator } from './strategy.ts';

/** Position of the first non-NaN value; 0 for an all-NaN (or empty) series (numpy argmin of isnan). */
function firstValid(values: Float64Array): number {
  for (let k = 0; k < values.length; k++) if (!Number.isNaN(values[k])) return k;
  return 0;
}

/** Warm-up bars of one indicator: for k rows, the max over rows. */
export function indicatorWarmup(indicator: Indicator): number {
  if (indicator instanceof Float64Array) return firstValid(indicator);
  let warmup = 0;
  for (const row of indicator) warmup = Math.max(warmup, firstValid(row));
  return warmup;
}

/** Whether the indicator has a value (every row, for k rows) on at least one bar. */
export function hasValue(indicator: Indicator): boolean {
  const rows = indicator instanceof Float64Array ? [indicator] : indicator;
  return rows.every((row) => row.some((v) => !Number.isNaN(v)));
}
