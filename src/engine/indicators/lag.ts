import { nanArray } from './period.ts';

/** The series shifted k bars later (pandas `shift(k)`): out[i] = values[i − k], NaN for i < k. */
export function lag(values: Float64Array, k = 1): Float64Array {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number >= 0, got ${k}`);
  const out = nanArray(values.length);
  for (let i = k; i < values.length; i++) out[i] = values[i - k];
  return out;
}
