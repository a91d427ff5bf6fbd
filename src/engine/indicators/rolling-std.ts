import { assertPeriod, nanArray } from './period.ts';

/**
 * When Σ(x−K)² − (Σ(x−K))²/n keeps less than this fraction of Σ(x−K)², the shift K is too far
 * from the window (a jump since the last recomputation) and the window is recomputed exactly.
 */
const CANCELLATION_LIMIT = 1e-6;

export interface RollingMoments {
  /** Rolling mean over the last n values (pandas `rolling(n).mean()`). */
  mean: Float64Array;
  /** Rolling standard deviation with `ddof` delta degrees of freedom. */
  std: Float64Array;
}

/**
 * Rolling mean and standard deviation over a window of `n` values, like pandas
 * `rolling(n).mean()` / `rolling(n).std(ddof)`: NaN for indices 0..n−2 and for every window that
 * holds a NaN; `ddof = 1` (sample std, pandas' default) unless told otherwise; NaN when
 * `n − ddof <= 0`.
 *
 * O(length) with running sums of (x − K) and (x − K)² around a shift K taken from the window.
 * The sums are recomputed from scratch every `n` bars, so rounding error cannot accumulate over
 * long series, and the shift keeps the cancellation in Σ(x−K)² − (Σ(x−K))²/n small; a window
 * where it is not small (a jump away from K) is recomputed exactly around its own mean. A window of
 * identical values has a std of exactly 0 and a mean equal to that value (as in pandas).
 */
export function rollingMeanStd(values: Float64Array, n: number, ddof = 1): RollingMoments {
  assertPeriod(n);
  const length = values.length;
  const mean = nanArray(length);
  const std = nanArray(length);
  const dof = n - ddof;
  let nanCount = 0;
  let run = 0;
  let shift = 0;
  let sum = 0;
  let sumSq = 0;
  let sinceRefresh = Number.POSITIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) nanCount++;
    run = i > 0 && x === values[i - 1] ? run + 1 : 1;
    const old = i >= n ? values[i - n] : Number.NaN;
    if (i >= n && Number.isNaN(old)) nanCount--;
    if (i < n - 1) continue;
    if (nanCount > 0) {
      sinceRefresh = Number.POSITIVE_INFINITY;
      continue;
    }
    if (run >= n) {
      mean[i] = x;
      std[i] = dof > 0 ? 0 : Number.NaN;
      sinceRefresh = Number.POSITIVE_INFINITY;
      continue;
    }
    if (sinceRefresh < n) {
      const dNew = x - shift;
      const dOld = old - shift;
      sum += dNew - dOld;
      sumSq += dNew * dNew - dOld * dOld;
      sinceRefresh++;
    }
    let m2 = sumSq - (sum * sum) / n;
    if (sinceRefresh >= n || !(m2 > sumSq * CANCELLATION_LIMIT)) {
      // Recompute around the window's own mean: exact two-pass, and a fresh shift.
      shift = values[i];
      let s = 0;
      for (let j = i - n + 1; j <= i; j++) s += values[j] - shift;
      shift += s / n;
      sum = 0;
      sumSq = 0;
      for (let j = i - n + 1; j <= i; j++) {
        const d = values[j] - shift;
        sum += d;
        sumSq += d * d;
      }
      sinceRefresh = 0;
      m2 = sumSq - (sum * sum) / n;
    }
    mean[i] = shift + sum / n;
    if (dof > 0) std[i] = Math.sqrt(m2 > 0 ? m2 / dof : 0);
  }
  return { mean, std };
}

/** Rolling standard deviation, pandas `rolling(n).std()` (ddof = 1 by default). */
export function rollingStd(values: Float64Array, n: number, ddof = 1): Float64Array {
  return rollingMeanStd(values, n, ddof).std;
}
