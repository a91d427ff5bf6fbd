import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { donchian } from '../../../src/engine/indicators/donchian.ts';
import { lag } from '../../../src/engine/indicators/lag.ts';
import { rollingMax, rollingMin } from '../../../src/engine/indicators/rolling-extrema.ts';

describe('donchian', () => {
  it('is the highest high and lowest low of the last n bars, current bar included', () => {
    const high = Float64Array.from([5, 7, 6, 4, 3, 8]);
    const low = Float64Array.from([4, 5, 2, 3, 1, 6]);
    const out = donchian(high, low, 3);
    expect(Array.from(out.upper)).toEqual([NaN, NaN, 7, 7, 6, 8]);
    expect(Array.from(out.lower)).toEqual([NaN, NaN, 2, 2, 1, 1]);
    expect(Array.from(out.middle)).toEqual([NaN, NaN, 4.5, 4.5, 3.5, 4.5]);
  });

  it('bounds every bar of its window and touches one of them', () => {
    const bars = fc
      .array(
        fc.tuple(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true })),
        {
          minLength: 1,
          maxLength: 150,
        },
      )
      .map((rows) => ({ high: rows.map(([h]) => h), low: rows.map(([h, d]) => h - d) }));
    fc.assert(
      fc.property(bars, fc.integer({ min: 1, max: 40 }), ({ high, low }, n) => {
        const out = donchian(Float64Array.from(high), Float64Array.from(low), n);
        for (let i = 0; i < high.length; i++) {
          if (i < n - 1) {
            expect(out.upper[i]).toBeNaN();
            continue;
          }
          const window = high.slice(i - n + 1, i + 1);
          const lows = low.slice(i - n + 1, i + 1);
          expect(window.every((h) => out.upper[i] >= h)).toBe(true);
          expect(window).toContain(out.upper[i]);
          expect(lows.every((l) => out.lower[i] <= l)).toBe(true);
          expect(lows).toContain(out.lower[i]);
          expect(out.middle[i]).toBe((out.upper[i] + out.lower[i]) / 2);
        }
      }),
    );
  });

  it('rejects high and low of different lengths', () => {
    expect(() => donchian(new Float64Array(3), new Float64Array(2), 2)).toThrow(RangeError);
  });
});

describe('rollingMax / rollingMin', () => {
  it('is NaN for windows that hold a NaN', () => {
    const xs = Float64Array.from([1, 3, NaN, 2, 5, 4]);
    expect(Array.from(rollingMax(xs, 2))).toEqual([NaN, 3, NaN, NaN, 5, 5]);
    expect(Array.from(rollingMin(xs, 2))).toEqual([NaN, 1, NaN, NaN, 2, 4]);
  });

  it('handles a window longer than the series and a window of 1', () => {
    const xs = Float64Array.from([3, 1, 2]);
    expect(Array.from(rollingMax(xs, 5))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(rollingMin(xs, 1))).toEqual([3, 1, 2]);
  });

  it('copes with ties and long monotone runs (deque wrap-around)', () => {
    const xs = Float64Array.from([5, 5, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 6]);
    const naiveMax = Array.from(xs, (_, i) => (i < 3 ? NaN : Math.max(...xs.slice(i - 3, i + 1))));
    const naiveMin = Array.from(xs, (_, i) => (i < 3 ? NaN : Math.min(...xs.slice(i - 3, i + 1))));
    expect(Array.from(rollingMax(xs, 4))).toEqual(naiveMax);
    expect(Array.from(rollingMin(xs, 4))).toEqual(naiveMin);
  });
});

describe('lag', () => {
  it('shifts the series k bars later', () => {
    expect(Array.from(lag(Float64Array.from([1, 2, 3, 4]), 1))).toEqual([NaN, 1, 2, 3]);
    expect(Array.from(lag(Float64Array.from([1, 2, 3, 4]), 3))).toEqual([NaN, NaN, NaN, 1]);
    expect(Array.from(lag(Float64Array.from([1, 2]), 0))).toEqual([1, 2]);
  });
});
