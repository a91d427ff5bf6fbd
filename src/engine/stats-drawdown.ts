/** Drawdown series and episodes (as backtesting.py's compute_stats finds them). */

/** DD_i = 1 − E_i / max_{j≤i} E_j (a fraction). */
export function drawdownFractions(equity: ArrayLike<number>): Float64Array {
  const n = equity.length;
  const dd = new Float64Array(n);
  let peak = equity[0];
  for (let k = 0; k < n; k++) {
    const e = equity[k];
    // numpy's maximum.accumulate: a NaN stays the running peak from there on.
    if (e > peak) peak = e;
    else if (Number.isNaN(e)) peak = e;
    dd[k] = 1 - e / peak;
  }
  return dd;
}

export interface DrawdownEpisodes {
  /** Episode durations in index units (ms for a datetime index). */
  readonly durations: number[];
  /** Deepest drawdown fraction of each episode. */
  readonly peaks: number[];
  /** Bar where each episode ends (recovery, or the last bar). */
  readonly endBars: number[];
}

/**
 * Episodes between consecutive positions where DD = 0 (plus the last bar) that are more than
 * one bar apart. When there is none, the reference falls back to the non-zero DD values
 * themselves as both "durations" and "peaks" (so a one-bar drawdown on the last bar shows up
 * as a duration equal to that fraction); `fallback` reports that case.
 */
export function drawdownEpisodes(
  dd: Float64Array,
  time: ArrayLike<number>,
): DrawdownEpisodes & { fallback: boolean } {
  const n = dd.length;
  const durations: number[] = [];
  const peaks: number[] = [];
  const endBars: number[] = [];
  let prev = -1;
  for (let k = 0; k < n; k++) {
    if (dd[k] !== 0 && k !== n - 1) continue;
    if (prev >= 0 && k > prev + 1) {
      let peak = Number.NaN;
      for (let j = prev; j <= k; j++) if (dd[j] > peak || Number.isNaN(peak)) peak = dd[j];
      durations.push(time[k] - time[prev]);
      peaks.push(peak);
      endBars.push(k);
    }
    prev = k;
  }
  if (durations.length > 0) return { durations, peaks, endBars, fallback: false };
  for (let k = 0; k < n; k++) {
    if (dd[k] !== 0 && !Number.isNaN(dd[k])) {
      durations.push(dd[k]);
      peaks.push(dd[k]);
      endBars.push(k);
    }
  }
  return { durations, peaks, endBars, fallback: true };
}
