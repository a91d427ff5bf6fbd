import { describe, expect, it } from 'vitest';
import { macd } from '../../../src/engine/indicators/macd.ts';
import { countLeadingNaN, expectAllClose, naiveEma, randomWalk } from './reference.ts';

describe('macd', () => {
  it('is EMA(fast) − EMA(slow) with an EMA(signal) of it, from naive EMAs', () => {
    const xs = randomWalk(3000, 7);
    const fast = naiveEma(xs, 12);
    const slow = naiveEma(xs, 26);
    const line = xs.map((_, i) => fast[i] - slow[i]);
    const signal = naiveEma(line, 9);
    const out = macd(Float64Array.from(xs));
    expectAllClose(out.macd, line);
    expectAllClose(out.signal, signal);
    expectAllClose(
      out.histogram,
      line.map((v, i) => v - signal[i]),
    );
  });

  it('warms up for slow−1 bars (macd) and slow+signal−2 bars (signal, histogram)', () => {
    const out = macd(Float64Array.from(randomWalk(100, 8)), 12, 26, 9);
    expect(countLeadingNaN(out.macd)).toBe(25);
    expect(countLeadingNaN(out.signal)).toBe(33);
    expect(countLeadingNaN(out.histogram)).toBe(33);
  });

  it('is (slow − fast)/2 on a linear trend, where each EMA lags by (n−1)/2', () => {
    const out = macd(
      Float64Array.from({ length: 200 }, (_, i) => 50 + i),
      12,
      26,
      9,
    );
    for (let i = 33; i < 200; i++) {
      expect(out.macd[i]).toBeCloseTo(7, 9);
      expect(out.signal[i]).toBeCloseTo(7, 9);
      expect(out.histogram[i]).toBeCloseTo(0, 9);
    }
  });

  it('turns positive when prices turn up after a decline', () => {
    const xs = [
      ...Array.from({ length: 60 }, (_, i) => 200 - i),
      ...Array.from({ length: 60 }, (_, i) => 141 + 2 * i),
    ];
    const out = macd(Float64Array.from(xs));
    expect(out.macd[59]).toBeLessThan(0);
    expect(out.macd[119]).toBeGreaterThan(0);
  });
});
