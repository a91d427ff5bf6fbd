/** Small numeric helpers with numpy/pandas semantics (NaN-skipping where pandas skips). */

/** Python/numpy float power: 1 ** x = 1 and x ** 0 = 1 even for NaN (JS Math.pow gives NaN). */
export function pyPow(base: number, exponent: number): number {
  if (base === 1 || exponent === 0) return 1;
  return base ** exponent;
}

/** Mean of the non-NaN values (pandas skipna); NaN when there are none. */
export function nanMean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Sample variance (ddof 1) of the non-NaN values, two-pass; NaN for fewer than two values. */
export function nanVariance(values: ArrayLike<number>): number {
  const mean = nanMean(values);
  let sum = 0;
  let count = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isNaN(v)) {
      sum += (v - mean) * (v - mean);
      count++;
    }
  }
  return count < 2 ? Number.NaN : sum / (count - 1);
}

/** Max / min of the non-NaN values; NaN when there are none. */
export function nanMax(values: ArrayLike<number>): number {
  let out = Number.NEGATIVE_INFINITY;
  let seen = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v >= out) {
      out = v;
      seen = true;
    }
  }
  return seen ? out : Number.NaN;
}
export function nanMin(values: ArrayLike<number>): number {
  let out = Number.NaN;
  for (let k = 0; k < values.length; k++) if (values[k] < out || Number.isNaN(out)) out = values[k];
  return out;
}

/** The reference's geometric_mean: NaN counts as 0; 0 if any 1+r ≤ 0; NaN for no values. */
export function geometricMean(returns: ArrayLike<number>): number {
  let logSum = 0;
  for (let k = 0; k < returns.length; k++) {
    const growth = (Number.isNaN(returns[k]) ? 0 : returns[k]) + 1;
    if (growth <= 0) return 0;
    logSum += Math.log(growth);
  }
  return Math.exp(logSum / (returns.length || Number.NaN)) - 1;
}

/** Sample covariance over sample variance of y (np.cov(x, y)[0,1] / [1,1]); NaN propagates. */
export function covOverVar(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < n; k++) {
    sx += x[k];
    sy += y[k];
  }
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cyy = 0;
  for (let k = 0; k < n; k++) {
    const dy = y[k] - my;
    cxy += (x[k] - mx) * dy;
    cyy += dy * dy;
  }
  return cxy / (n - 1) / (cyy / (n - 1));
}
