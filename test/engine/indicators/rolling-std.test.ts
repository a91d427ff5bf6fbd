import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollingMeanStd, rollingStd } from '../../../src/engine/indicators/rolling-std.ts';
import { close, countLeadingNaN, naiveMean, naiveStd, randomWalk } from './reference.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('rollingStd', () => {
  it('is the sample std (ddof = 1) of the last n values', () => {
    // [1,2,3] → mean 2, Σd² = 2, /(3−1) → 1; [2,3,4] → 1; [3,4,10] → Σd² = 258/9, /2
    const out = rollingStd(f64([1, 2, 3, 4, 10]), 3);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1, 14);
    expect(out[3]).toBeCloseTo(1, 14);
    expect(out[4]).toBeCloseTo(Math.sqrt(129 / 9), 14);
  });

  it('gives the population std with ddof = 0', () => {
    expect(rollingStd(f64([1, 2, 3]), 3, 0)[2]).toBeCloseTo(Math.sqrt(2 / 3), 14);
  });

  it('is NaN everywhere for n = 1 with ddof = 1, like pandas', () => {
    expect(Array.from(rollingStd(f64([1, 2, 3]), 1)).every(Number.isNaN)).toBe(true);
  });

  it('is exactly 0 over a window of identical values, even after large values', () => {
    const out = rollingStd(f64([1e9, 3, 7.1, 7.1, 7.1, 7.1]), 3);
    expect(out[4]).toBe(0);
    expect(out[5]).toBe(0);
    expect(rollingMeanStd(f64([1e9, 3, 7.1, 7.1, 7.1, 7.1]), 3).mean[5]).toBe(7.1);
  });

  it('is NaN for every window that holds a NaN and recovers afterwards', () => {
    const out = rollingStd(f64([1, 2, NaN, 4, 5, 7]), 2);
    expect(out[1]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeNaN();
    expect(out[4]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(out[5]).toBeCloseTo(Math.SQRT2, 14);
  });

  it('does not drift over 100k bars of a trending series', () => {
    // a walk that grows by orders of magnitude plus a slow trend, against two-pass windows
    const xs = randomWalk(100_000, 9, 1, 0.05).map((x, i) => x + i * 0.01);
    for (const n of [2, 20, 250]) {
      const out = rollingMeanStd(f64(xs), n);
      expect(countLeadingNaN(out.std)).toBe(n - 1);
      for (let i = n - 1; i < xs.length; i += 97) {
        if (!close(out.std[i], naiveStd(xs, i, n), 1e-9)) {
          throw new Error(`n=${n} std at ${i}: ${out.std[i]} vs ${naiveStd(xs, i, n)}`);
        }
        if (!close(out.mean[i], naiveMean(xs, i, n), 1e-12)) {
          throw new Error(`n=${n} mean at ${i}: ${out.mean[i]} vs ${naiveMean(xs, i, n)}`);
        }
      }
      const last = xs.length - 1;
      expect(close(out.std[last], naiveStd(xs, last, n), 1e-9)).toBe(true);
    }
  });

  it('keeps relative accuracy when the std is tiny compared with the level', () => {
    const xs = randomWalk(5000, 10, 1, 1e-7).map((x) => 1e6 + x);
    const out = rollingStd(f64(xs), 20);
    for (let i = 19; i < xs.length; i++) {
      if (!close(out[i], naiveStd(xs, i, 20), 1e-6)) {
        throw new Error(`at ${i}: ${out[i]} vs ${naiveStd(xs, i, 20)}`);
      }
    }
  });

  it('matches the two-pass formula on arbitrary data, within rounding scaled to the data', () => {
    // The running sums hold squares of values up to 2n−1 bars back; after a large value leaves
    // the window, Σ(x−K)² keeps a rounding residue of order ε·n·M² (M = largest |x| that went
    // through the sums since the last recomputation), which the window's variance cannot be told
    // apart from. So the std of a window is only accurate to about √(ε·n)·M in absolute terms:
    // e.g. after ±1e4, a window [0, 0, 0, 0, 0, 5e-324] gives 8.5e-5, not 0 (pandas' online
    // algorithm has residues of the same kind, kept for the whole series). The bound below is
    // √(16·n·ε)·M, plus √(6·MIN_VALUE) for squares that underflow to subnormals.
    const tolerance = (values: number[], i: number, n: number) => {
      let magnitude = 0;
      for (let j = Math.max(0, i - 2 * n + 1); j <= i; j++)
        magnitude = Math.max(magnitude, Math.abs(values[j]));
      return Math.sqrt(16 * n * Number.EPSILON) * magnitude + Math.sqrt(6 * Number.MIN_VALUE);
    };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 2, max: 25 }),
        (values, n) => {
          const out = rollingStd(f64(values), n);
          for (let i = 0; i < values.length; i++) {
            if (i < n - 1) {
              expect(out[i]).toBeNaN();
              continue;
            }
            const expected = naiveStd(values, i, n);
            const atol = tolerance(values, i, n);
            if (!close(out[i], expected, 1e-7, atol)) {
              throw new Error(`n=${n} at ${i}: ${out[i]} vs two-pass ${expected} (atol ${atol})`);
            }
          }
        },
      ),
      { examples: [[[-9999.40991282362, 9999.859626671157, 0, 0, 0, 0, 0, 5e-324], 6]] },
    );
  });
});
