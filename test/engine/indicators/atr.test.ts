import { describe, expect, it } from 'vitest';
import { atr, meanTrueRange, trueRange } from '../../../src/engine/indicators/atr.ts';
import { expectAllClose, randomWalk } from './reference.ts';

describe('atr', () => {
  const high = Float64Array.from([10, 11, 12, 11]);
  const low = Float64Array.from([9, 10, 10, 9]);
  const closes = Float64Array.from([9.5, 10.5, 11, 10]);

  it('takes the true range against the previous close', () => {
    // bar 1: max(1, |11−9.5|, |10−9.5|) = 1.5; bar 2: max(2, 1.5, .5) = 2; bar 3: max(2, 0, 2) = 2
    expect(Array.from(trueRange(high, low, closes))).toEqual([NaN, 1.5, 2, 2]);
  });

  it('seeds with the mean true range of bars 1..n, then smooths with alpha = 1/n', () => {
    // n = 2: seed (1.5+2)/2 = 1.75 at index 2; then (1.75·1 + 2)/2 = 1.875
    expect(Array.from(atr(high, low, closes, 2))).toEqual([NaN, NaN, 1.75, 1.875]);
  });

  it('matches a naive Wilder recursion on a long series', () => {
    const c = randomWalk(2000, 12);
    const h = c.map((x, i) => x * (1 + 0.01 * ((i % 7) / 7)));
    const l = c.map((x, i) => x * (1 - 0.01 * ((i % 5) / 5)));
    const tr = c.map((_, i) =>
      i === 0 ? NaN : Math.max(h[i] - l[i], Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])),
    );
    const expected = c.map(() => NaN);
    expected[14] = tr.slice(1, 15).reduce((a, b) => a + b, 0) / 14;
    for (let i = 15; i < c.length; i++) expected[i] = expected[i - 1] + (tr[i] - expected[i - 1]) / 14;
    expectAllClose(atr(Float64Array.from(h), Float64Array.from(l), Float64Array.from(c)), expected);
  });

  it('rejects inputs of different lengths', () => {
    expect(() => atr(high, low, closes.subarray(1))).toThrow(RangeError);
  });
});

describe('meanTrueRange (rolling-mean ATR of trailing stops)', () => {
  const high = Float64Array.from([10, 11, 12, 11, 13]);
  const low = Float64Array.from([9, 10, 10, 9, 10]);
  const closes = Float64Array.from([9.5, 10.5, 11, 10, 12]);
  // true ranges: NaN, 1.5, 2, 2, max(3, 3, 0) = 3

  it('is the plain mean of the last n true ranges, first defined at index n', () => {
    expect(Array.from(meanTrueRange(high, low, closes, 2))).toEqual([NaN, NaN, 1.75, 2, 2.5]);
  });

  it('fills the warm-up with the first value when asked', () => {
    expect(Array.from(meanTrueRange(high, low, closes, 2, true))).toEqual([1.75, 1.75, 1.75, 2, 2.5]);
  });

  it('stays all NaN when the series is shorter than the window', () => {
    expect(Array.from(meanTrueRange(high, low, closes, 5, true)).every(Number.isNaN)).toBe(true);
  });
});
