import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bollinger } from '../../../src/engine/indicators/bollinger.ts';
import { sma } from '../../../src/engine/indicators/sma.ts';
import { close, naiveMean, naiveStd, randomWalk } from './reference.ts';

describe('bollinger', () => {
  it('is SMA ± k sample standard deviations', () => {
    // n = 3: [1,2,3] → 2 ± 2·1; [2,3,4] → 3 ± 2·1
    const out = bollinger(Float64Array.from([1, 2, 3, 4]), 3, 2);
    expect(out.middle[1]).toBeNaN();
    expect(out.upper[1]).toBeNaN();
    expect(out.lower[1]).toBeNaN();
    expect([out.lower[2], out.middle[2], out.upper[2]].map((v) => +v.toFixed(12))).toEqual([0, 2, 4]);
    expect([out.lower[3], out.middle[3], out.upper[3]].map((v) => +v.toFixed(12))).toEqual([1, 3, 5]);
  });

  it('has a middle band equal to the rolling mean and symmetric bands of width 2·k·std', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 2, max: 30 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (values, n, k) => {
          const out = bollinger(Float64Array.from(values), n, k);
          for (let i = n - 1; i < values.length; i++) {
            expect(close(out.middle[i], naiveMean(values, i, n), 1e-12)).toBe(true);
            const half = k * naiveStd(values, i, n);
            expect(close(out.upper[i] - out.middle[i], half, 1e-6, 1e-9)).toBe(true);
            expect(close(out.middle[i] - out.lower[i], half, 1e-6, 1e-9)).toBe(true);
          }
        },
      ),
    );
  });

  it('uses n = 20 and k = 2 by default', () => {
    const xs = randomWalk(60, 11);
    const out = bollinger(Float64Array.from(xs));
    expect(out.middle[18]).toBeNaN();
    expect(close(out.upper[40], naiveMean(xs, 40, 20) + 2 * naiveStd(xs, 40, 20))).toBe(true);
  });
});

describe('bollinger middle band vs sma', () => {
  it('equals the engine SMA to rounding on a long series', () => {
    const xs = Float64Array.from(randomWalk(20_000, 13));
    const middle = bollinger(xs, 20, 2).middle;
    const reference = sma(xs, 20);
    for (let i = 0; i < xs.length; i++) {
      if (!close(middle[i], reference[i], 1e-12)) throw new Error(`at ${i}: ${middle[i]} vs ${reference[i]}`);
    }
  });
});
