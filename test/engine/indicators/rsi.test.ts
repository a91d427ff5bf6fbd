import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rsi } from '../../../src/engine/indicators/rsi.ts';
import { countLeadingNaN, expectAllClose, naiveRsi, randomWalk } from './reference.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('rsi', () => {
  it('matches a hand computation with Wilder smoothing', () => {
    // n = 2, changes +1, −0.5, +1, 0, −1.5
    // index 2: gain (1+0)/2 = .5, loss (0+.5)/2 = .25 → 100·.5/.75
    // index 3: gain (.5+1)/2 = .75, loss (.25+0)/2 = .125 → 100·.75/.875
    // index 4: gain .375, loss .0625 → same ratio
    // index 5: gain .1875, loss (.0625+1.5)/2 = .78125 → 100·.1875/.96875
    const out = rsi(f64([10, 11, 10.5, 11.5, 11.5, 10]), 2);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expectAllClose(out.subarray(2), [200 / 3, 600 / 7, 600 / 7, 18.75 / 0.96875]);
  });

  it('is 100 on a rising series, 0 on a falling one and 50 on a flat one', () => {
    const up = f64(Array.from({ length: 30 }, (_, i) => 100 + i));
    const down = f64(Array.from({ length: 30 }, (_, i) => 100 - i));
    const flat = f64(Array.from({ length: 30 }, () => 100));
    expect(Array.from(rsi(up, 14).subarray(14)).every((v) => v === 100)).toBe(true);
    expect(Array.from(rsi(down, 14).subarray(14)).every((v) => v === 0)).toBe(true);
    expect(Array.from(rsi(flat, 14).subarray(14)).every((v) => v === 50)).toBe(true);
  });

  it('has n NaNs of warm-up (n changes need n+1 closes)', () => {
    const xs = f64(randomWalk(40, 5));
    expect(countLeadingNaN(rsi(xs))).toBe(14);
    expect(countLeadingNaN(rsi(xs, 5))).toBe(5);
    expect(countLeadingNaN(rsi(f64(randomWalk(14, 5)), 14))).toBe(14);
  });

  it('matches the 100 − 100/(1+RS) reference on a long random walk', () => {
    const xs = randomWalk(20_000, 6);
    expectAllClose(rsi(f64(xs), 14), naiveRsi(xs, 14));
  });

  it('stays within [0, 100]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (values, n) => {
          const out = rsi(f64(values), n);
          for (let i = n; i < values.length; i++) {
            expect(out[i]).toBeGreaterThanOrEqual(0);
            expect(out[i]).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
