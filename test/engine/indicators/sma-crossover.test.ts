import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossover } from '../../../src/engine/indicators/crossover.ts';
import { sma } from '../../../src/engine/indicators/sma.ts';

describe('sma (pandas rolling mean)', () => {
  it('is NaN for the first n−1 bars, then the window mean', () => {
    expect(Array.from(sma([1, 2, 3, 4, 5], 3))).toEqual([Number.NaN, Number.NaN, 2, 3, 4]);
    expect(Array.from(sma([4, 8], 1))).toEqual([4, 8]);
  });

  it('returns a repeated value exactly and is NaN while a NaN is in the window', () => {
    const out = sma([0.1, 0.1, 0.1, 0.1, Number.NaN, 3, 3, 3], 3);
    expect(out[2]).toBe(0.1);
    expect(out[3]).toBe(0.1);
    expect([out[4], out[5], out[6]].every(Number.isNaN)).toBe(true);
    expect(out[7]).toBe(3);
  });

  it('stays within 1e-12 relative of a naive window sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (xs, n) => {
          const out = sma(xs, n);
          for (let i = n - 1; i < xs.length; i++) {
            const naive = xs.slice(i - n + 1, i + 1).reduce((s, x) => s + x, 0) / n;
            expect(Math.abs(out[i] - naive)).toBeLessThanOrEqual(1e-12 * naive);
          }
        },
      ),
    );
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => sma([1, 2], 0)).toThrow(RangeError);
    expect(() => sma([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe('crossover (strict on both bars)', () => {
  it('is true only when a was strictly below b and is now strictly above', () => {
    expect(crossover([1, 3], [2, 2], 1)).toBe(true);
    expect(crossover([2, 3], [2, 2], 1)).toBe(false);
    expect(crossover([1, 2], [2, 2], 1)).toBe(false);
    expect(crossover([Number.NaN, 3], [2, 2], 1)).toBe(false);
    expect(crossover([1, 3], [2, 2], 0)).toBe(false);
  });

  it('treats a number as a constant series', () => {
    expect(crossover([40, 60], 50, 1)).toBe(true);
    expect(crossover(50, [60, 40], 1)).toBe(true);
    expect(crossover([60, 40], 50, 1)).toBe(false);
  });
});
