/**
 * The reference's `crossover(a, b)` evaluated at bar i: true iff a[i−1] < b[i−1] and a[i] > b[i]
 * (strict on both bars, so NaN never crosses). A number is a constant series. False for i < 1.
 */
export function crossover(a: ArrayLike<number> | number, b: ArrayLike<number> | number, i: number): boolean {
  if (i < 1) return false;
  const a0 = typeof a === 'number' ? a : a[i - 1];
  const a1 = typeof a === 'number' ? a : a[i];
  const b0 = typeof b === 'number' ? b : b[i - 1];
  const b1 = typeof b === 'number' ? b : b[i];
  return a0 < b0 && a1 > b1;
}

/**
 * `crossover` over whole series at once: +1 at bars where `a` crosses above `b`, −1 where `b`
 * crosses above `a`, else 0. One pass, no per-bar calls (a sweep builds one per param pair).
 */
export function crossoverSignals(a: Float64Array, b: Float64Array): Float64Array {
  const n = Math.min(a.length, b.length);
  const out = new Float64Array(a.length);
  let a0 = a[0];
  let b0 = b[0];
  for (let i = 1; i < n; i++) {
    const a1 = a[i];
    const b1 = b[i];
    if (a0 < b0 && a1 > b1) out[i] = 1;
    else if (b0 < a0 && b1 > a1) out[i] = -1;
    a0 = a1;
    b0 = b1;
  }
  return out;
}
