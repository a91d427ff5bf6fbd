/**
 * Validates an indicator window length: a whole number >= 1. Indicators throw a RangeError for
 * anything else; strategies validate their params before they get here, so this only fires on
 * programming errors.
 */
export function assertPeriod(n: number, name = 'n'): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${name} must be a whole number >= 1, got ${n}`);
  }
}

/** A Float64Array of `length` NaNs: the warm-up filler every indicator starts from. */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** Index of the first non-NaN value, or `values.length` when there is none. */
export function firstFinite(values: Float64Array): number {
  let i = 0;
  while (i < values.length && Number.isNaN(values[i])) i++;
  return i;
}
