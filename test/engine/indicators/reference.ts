/**
 * Straightforward O(n·k) reference computations, written independently of src/, used to check
 * the indicators. Plain number arrays, no running sums.
 */

export function naiveMean(xs: number[], end: number, n: number): number {
  let s = 0;
  for (let j = end - n + 1; j <= end; j++) s += xs[j];
  return s / n;
}

/** Two-pass std of the window, computed on values shifted by the window's last value (exact for a constant window). */
export function naiveStd(xs: number[], end: number, n: number, ddof = 1): number {
  const shifted = xs.slice(end - n + 1, end + 1).map((x) => x - xs[end]);
  const m = naiveMean(shifted, n - 1, n);
  let s = 0;
  for (const d of shifted) s += (d - m) ** 2;
  return Math.sqrt(s / (n - ddof));
}

/** EMA written as the textbook definition: SMA seed at index start+n−1, then α-weighted. */
export function naiveEma(xs: number[], n: number): number[] {
  const out = xs.map(() => Number.NaN);
  let start = 0;
  while (start < xs.length && Number.isNaN(xs[start])) start++;
  if (start + n - 1 >= xs.length) return out;
  out[start + n - 1] = naiveMean(xs, start + n - 1, n);
  const a = 2 / (n + 1);
  for (let i = start + n; i < xs.length; i++) out[i] = a * xs[i] + (1 - a) * out[i - 1];
  return out;
}

/** Wilder RSI in the 100 − 100/(1+RS) form, with the 0/0 case as 50. */
export function naiveRsi(xs: number[], n: number): number[] {
  const out = xs.map(() => Number.NaN);
  if (xs.length <= n) return out;
  const gains = xs.map((x, i) => (i === 0 ? 0 : Math.max(x - xs[i - 1], 0)));
  const losses = xs.map((x, i) => (i === 0 ? 0 : Math.max(xs[i - 1] - x, 0)));
  let g = gains.slice(1, n + 1).reduce((a, b) => a + b, 0) / n;
  let l = losses.slice(1, n + 1).reduce((a, b) => a + b, 0) / n;
  const value = () => (l === 0 ? (g === 0 ? 50 : 100) : 100 - 100 / (1 + g / l));
  out[n] = value();
  for (let i = n + 1; i < xs.length; i++) {
    g = (g * (n - 1) + gains[i]) / n;
    l = (l * (n - 1) + losses[i]) / n;
    out[i] = value();
  }
  return out;
}

/** A deterministic pseudo-random walk (mulberry32), so failures are reproducible. */
export function randomWalk(length: number, seed: number, start = 100, volatility = 0.02): number[] {
  let state = seed >>> 0;
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: number[] = [];
  let price = start;
  for (let i = 0; i < length; i++) {
    price *= 1 + (rand() - 0.5) * 2 * volatility;
    out.push(price);
  }
  return out;
}

/** Relative closeness with NaN == NaN. */
export function close(a: number, b: number, rtol = 1e-9, atol = 1e-12): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}

export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-9): void {
  if (actual.length !== expected.length) {
    throw new Error(`length ${actual.length} != ${expected.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    if (!close(actual[i], expected[i], rtol)) {
      throw new Error(`index ${i}: ${actual[i]} != ${expected[i]}`);
    }
  }
}

export function countLeadingNaN(xs: ArrayLike<number>): number {
  let i = 0;
  while (i < xs.length && Number.isNaN(xs[i])) i++;
  return i;
}
