import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossover, crossoverSignals } from '../../../src/engine/indicators/crossover.ts';

describe('crossoverSignals', () => {
  it('marks crosses up with +1 and down with −1, strictly, never through NaN', () => {
    const a = Float64Array.from([1, 3, 3, 1, Number.NaN, 5, 2]);
    const b = Float64Array.from([2, 2, 3, 2, 2, 2, 2]);
    expect([...crossoverSignals(a, b)]).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect([...crossoverSignals(b, a)]).toEqual([0, -1, 0, 0, 0, 0, 0]);
  });

  it('agrees with crossover(a, b, i) and crossover(b, a, i) at every bar (property)', () => {
    const series = fc.array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(Number.NaN)), {
      minLength: 2,
      maxLength: 60,
    });
    fc.assert(
      fc.property(series, series, (xs, ys) => {
        const n = Math.min(xs.length, ys.length);
        const a = Float64Array.from(xs.slice(0, n));
        const b = Float64Array.from(ys.slice(0, n));
        const signals = crossoverSignals(a, b);
        for (let i = 0; i < n; i += 1) {
          const want = crossover(a, b, i) ? 1 : crossover(b, a, i) ? -1 : 0;
          expect(signals[i]).toBe(want);
        }
      }),
    );
  });
});
