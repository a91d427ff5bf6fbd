import { describe, expect, it } from 'vitest';
import {
  copySign,
  DEFAULT_ORDER_SIZE,
  floorDiv,
  pairwiseSum,
  roundHalfEven,
} from '../../src/engine/py-numerics.ts';

describe('Python float floor division', () => {
  it('matches CPython where Math.floor(a / b) does not', () => {
    // Python: 1 // 0.1 == 9.0 (1 / 0.1 rounds to exactly 10.0, but 0.1 is slightly above 1/10).
    expect(Math.floor(1 / 0.1)).toBe(10);
    expect(floorDiv(1, 0.1)).toBe(9);
    // Python: 0.3 // 0.1 == 2.0, 0.7 // 0.1 == 6.0, 5.0 // 0.5 == 10.0
    expect(floorDiv(0.3, 0.1)).toBe(2);
    expect(floorDiv(0.7, 0.1)).toBe(6);
    expect(floorDiv(5, 0.5)).toBe(10);
  });

  it('handles signs like Python (floor toward −∞) and exact multiples', () => {
    // Python: -7.0 // 2.0 == -4.0, 7.0 // -2.0 == -4.0, -7.0 // -2.0 == 3.0, 6.0 // 3.0 == 2.0
    expect(floorDiv(-7, 2)).toBe(-4);
    expect(floorDiv(7, -2)).toBe(-4);
    expect(floorDiv(-7, -2)).toBe(3);
    expect(floorDiv(6, 3)).toBe(2);
    // Python: 0.0 // 5.0 == 0.0 and -0.0 // 5.0 == -0.0
    expect(Object.is(floorDiv(0, 5), 0)).toBe(true);
    expect(Object.is(floorDiv(-0, 5), -0)).toBe(true);
  });

  it('sizes the reference worked example: floor(9999.99…/112.965) = 88 units', () => {
    expect(floorDiv(10_000 * DEFAULT_ORDER_SIZE, 111.8575 + 1.1075)).toBe(88);
  });
});

describe("Python round() (banker's rounding)", () => {
  it('rounds ties to even', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 0, -2, -2]);
  });
  it('rounds non-ties to nearest', () => {
    expect([2.4999999999999996, 2.5000000000000004, 7.49, -7.51, 1e15 + 0.5].map(roundHalfEven)).toEqual([
      2, 3, 7, -8, 1e15,
    ]);
  });
  it('closing half of 5 units closes 2, half of 7 closes 4 (round(2.5) = 2, round(3.5) = 4)', () => {
    expect(roundHalfEven(5 * 0.5)).toBe(2);
    expect(roundHalfEven(7 * 0.5)).toBe(4);
  });
});

describe('constants and sign', () => {
  it('default order size is 1 − 2⁻⁵² = 0.9999999999999998, not 1', () => {
    expect(DEFAULT_ORDER_SIZE).toBe(0.9999999999999998);
    expect(DEFAULT_ORDER_SIZE < 1).toBe(true);
  });
  it('copySign follows the sign bit, including −0', () => {
    expect([copySign(3, -1), copySign(-3, 1), copySign(3, -0), copySign(0, -5)]).toEqual([-3, 3, -3, -0]);
  });
});

describe('numpy pairwise sum', () => {
  // Expected values are numpy 2.x's `np.sum` of the same float64 arrays.
  it('agrees with np.sum where a running sum differs', () => {
    expect(pairwiseSum(new Float64Array(10).fill(0.1))).toBe(1);
    expect(new Float64Array(10).fill(0.1).reduce((a, b) => a + b, 0)).toBe(0.9999999999999999);
    expect(pairwiseSum(new Float64Array(129).fill(0.1))).toBe(12.899999999999999);
    expect(pairwiseSum(new Float64Array(300).fill(0.1))).toBe(29.999999999999996);
    expect(pairwiseSum(new Float64Array(1000).fill(0.1))).toBe(100.00000000000001);
  });

  it('adds eight interleaved partial sums in numpy’s grouping before the tail', () => {
    // np.sum([1e16, 1, -1e16, 1, 3.3, 2.2, 1.1, 0.7, 9.1]) == 16.4 (a running sum gives 17.4)
    expect(pairwiseSum([1e16, 1, -1e16, 1, 3.3, 2.2, 1.1, 0.7, 9.1])).toBe(16.4);
  });

  it('sums short arrays left to right and a slice when asked', () => {
    expect(pairwiseSum([])).toBe(0);
    expect(pairwiseSum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    expect(pairwiseSum([5, 0.1, 0.2, 0.3, 5], 1, 3)).toBe(0.1 + 0.2 + 0.3);
  });
});
