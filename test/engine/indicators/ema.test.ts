import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ema } from '../../../src/engine/indicators/ema.ts';
import { countLeadingNaN, expectAllClose, naiveEma, randomWalk } from './reference.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('ema', () => {
  it('seeds with the SMA of the first n values, then uses alpha = 2/(n+1)', () => {
    // n = 3: seed (1+2+3)/3 = 2 at index 2; alpha = 0.5 → 2+.5·2 = 3, then 4, then 5.
    expect(Array.from(ema(f64([1, 2, 3, 4, 5, 6]), 3))).toEqual([NaN, NaN, 2, 3, 4, 5]);
  });

  it('skips leading NaNs before seeding (as needed for the MACD signal line)', () => {
    // n = 2 over [2, 4, 6, 8]: seed 3 at index 2; alpha = 2/3 → 3 + 2/3·3 = 5, then 7.
    const out = ema(f64([NaN, 2, 4, 6, 8]), 2);
    expect(countLeadingNaN(out)).toBe(2);
    expectAllClose(out.subarray(2), [3, 5, 7]);
  });

  it('has n−1 NaNs of warm-up and is all NaN when the series is shorter than n', () => {
    const xs = f64(randomWalk(50, 1));
    expect(countLeadingNaN(ema(xs, 10))).toBe(9);
    expect(countLeadingNaN(ema(xs, 50))).toBe(49);
    expect(countLeadingNaN(ema(xs, 51))).toBe(50);
  });

  it('is the identity for n = 1', () => {
    const xs = f64(randomWalk(20, 2));
    expect(Array.from(ema(xs, 1))).toEqual(Array.from(xs));
  });

  it('tracks a linear trend with a constant lag of (n−1)/2', () => {
    const xs = f64(Array.from({ length: 300 }, (_, i) => i));
    const out = ema(xs, 9);
    for (let i = 8; i < 300; i++) expect(out[i]).toBeCloseTo(i - 4, 9);
  });

  it('matches the textbook recursion on a long random walk', () => {
    const xs = randomWalk(5000, 3);
    expectAllClose(ema(f64(xs), 26), naiveEma(xs, 26));
  });

  it('converges to pandas ewm(span=n, adjust=False), which seeds with x[0]', () => {
    const xs = randomWalk(1000, 4);
    const a = 2 / 11;
    const pandas: number[] = [xs[0]];
    for (let i = 1; i < xs.length; i++) pandas.push(a * xs[i] + (1 - a) * pandas[i - 1]);
    const out = ema(f64(xs), 10);
    expect(Math.abs(out[999] - pandas[999]) / pandas[999]).toBeLessThan(1e-12);
    expect(Math.abs(out[9] - pandas[9])).toBeGreaterThan(0);
  });

  it('stays within the range of the values seen so far', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (values, n) => {
          const out = ema(f64(values), n);
          let lo = Infinity;
          let hi = -Infinity;
          for (let i = 0; i < values.length; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
            if (i < n - 1) expect(out[i]).toBeNaN();
            else {
              expect(out[i]).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
              expect(out[i]).toBeLessThanOrEqual(hi * (1 + 1e-12));
            }
          }
        },
      ),
    );
  });

  it('rejects a period that is not a whole number >= 1', () => {
    expect(() => ema(f64([1, 2]), 0)).toThrow(RangeError);
    expect(() => ema(f64([1, 2]), 2.5)).toThrow(/whole number/);
  });
});
