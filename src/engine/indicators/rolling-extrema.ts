import { assertPeriod, nanArray } from './period.ts';

/** Rolling maximum of the last n values (pandas `rolling(n).max()`); NaN for 0..n−2 and windows with a NaN. */
export function rollingMax(values: Float64Array, n: number): Float64Array {
  return rollingExtreme(values, n, true);
}

/** Rolling minimum of the last n values (pandas `rolling(n).min()`); NaN for 0..n−2 and windows with a NaN. */
export function rollingMin(values: Float64Array, n: number): Float64Array {
  return rollingExtreme(values, n, false);
}

/**
 * Monotonic-deque sliding window: O(length) whatever n. The deque holds indices whose values
 * are strictly decreasing (max) or increasing (min); its head is the window's extreme.
 */
function rollingExtreme(values: Float64Array, n: number, max: boolean): Float64Array {
  assertPeriod(n);
  const length = values.length;
  const out = nanArray(length);
  const deque = new Int32Array(Math.min(n, length) + 1);
  const capacity = deque.length;
  let head = 0;
  let size = 0;
  let nanCount = 0;
  for (let i = 0; i < length; i++) {
    const x = values[i];
    if (i >= n && Number.isNaN(values[i - n])) nanCount--;
    if (size > 0 && deque[head] <= i - n) {
      head = (head + 1) % capacity;
      size--;
    }
    if (Number.isNaN(x)) {
      nanCount++;
    } else {
      while (size > 0) {
        const last = values[deque[(head + size - 1) % capacity]];
        if (max ? last > x : last < x) break;
        size--;
      }
      deque[(head + size) % capacity] = i;
      size++;
    }
    if (i >= n - 1 && nanCount === 0) out[i] = values[deque[head]];
  }
  return out;
}
