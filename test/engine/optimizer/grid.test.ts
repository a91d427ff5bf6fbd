import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/errors.ts';
import { EngineError } from '../../../src/engine/errors.ts';
import { parseConstraint } from '../../../src/engine/optimizer/constraint.ts';
import { countGrid, expandGrid, iterateGrid, rangeValues } from '../../../src/engine/optimizer/grid.ts';

describe('rangeValues', () => {
  it('includes `to` when it is a whole number of steps away', () => {
    expect(rangeValues({ name: 'n', from: 5, to: 55, step: 5 })).toEqual([
      5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55,
    ]);
  });

  it('stops before `to` when it falls between grid points', () => {
    expect(rangeValues({ name: 'n', from: 1, to: 10, step: 4 })).toEqual([1, 5, 9]);
  });

  it('reaches an inclusive `to` with float steps and no binary noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004 and (0.3 − 0.1)/0.1 = 1.9999999999999998 in binary floats
    expect(rangeValues({ name: 'k', from: 0.1, to: 0.3, step: 0.1 })).toEqual([0.1, 0.2, 0.3]);
    expect(rangeValues({ name: 'k', from: 0, to: 1, step: 0.1 })).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    expect(rangeValues({ name: 'k', from: 1.5, to: 3, step: 0.25 })).toEqual([
      1.5, 1.75, 2, 2.25, 2.5, 2.75, 3,
    ]);
  });

  it('gives a single value when from equals to', () => {
    expect(rangeValues({ name: 'n', from: 7, to: 7, step: 3 })).toEqual([7]);
  });

  it.each([
    [{ name: 'fast', from: 1, to: 5, step: 0 }, 'grid.fast.step', /step must be/],
    [{ name: 'fast', from: 1, to: 5, step: -1 }, 'grid.fast.step', /step must be/],
    [
      { name: 'fast', from: 6, to: 5, step: 1 },
      'grid.fast.from',
      /from \(6\) must not be greater than to \(5\)/,
    ],
    [{ name: 'fast', from: Number.NaN, to: 5, step: 1 }, 'grid.fast.from', /finite/],
    [{ name: 'fast', from: 1, to: Number.POSITIVE_INFINITY, step: 1 }, 'grid.fast.to', /finite/],
  ])('rejects %o naming the param', (range, field, message) => {
    const error = catchError(() => rangeValues(range));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).field).toBe(field);
    expect((error as EngineError).message).toMatch(message);
    expect((error as EngineError).message).toContain('fast');
  });
});

describe('countGrid / expandGrid', () => {
  const fastSlow = [
    { name: 'fast', from: 5, to: 55, step: 5 },
    { name: 'slow', from: 10, to: 110, step: 10 },
  ];

  it('counts without expanding and agrees with the expansion', () => {
    expect(countGrid(fastSlow)).toBe(11 * 11);
    expect(expandGrid(fastSlow)).toHaveLength(121);
    expect(
      countGrid([
        { name: 'a', from: 0, to: 1e9, step: 1 },
        { name: 'b', from: 0, to: 1e9, step: 1 },
      ]),
    ).toBeCloseTo((1e9 + 1) ** 2, -3);
  });

  it('orders combinations like itertools.product: the last range varies fastest', () => {
    const grid = expandGrid([
      { name: 'a', from: 1, to: 2, step: 1 },
      { name: 'b', from: 10, to: 30, step: 10 },
    ]);
    expect(grid).toEqual([
      { a: 1, b: 10 },
      { a: 1, b: 20 },
      { a: 1, b: 30 },
      { a: 2, b: 10 },
      { a: 2, b: 20 },
      { a: 2, b: 30 },
    ]);
  });

  it('keeps exactly the 91 combinations with fast < slow (counted with nested loops)', () => {
    let expected = 0;
    for (let fast = 5; fast <= 55; fast += 5) {
      for (let slow = 10; slow <= 110; slow += 10) if (fast < slow) expected++;
    }
    expect(expected).toBe(91);
    const keep = parseConstraint('fast < slow', ['fast', 'slow']);
    const kept = expandGrid(fastSlow).filter(keep);
    expect(kept).toHaveLength(expected);
    expect(kept.every((p) => p.fast < p.slow)).toBe(true);
  });

  it('reproduces backtesting.py test_optimize: slow > 2*fast leaves 4 of 8 combinations', () => {
    // fast ∈ {2, 4}, slow ∈ {2, 5, 7, 9} is not an arithmetic range: build it from two grids
    const grid = [
      ...expandGrid([
        { name: 'fast', from: 2, to: 4, step: 2 },
        { name: 'slow', from: 5, to: 9, step: 2 },
      ]),
      ...expandGrid([
        { name: 'fast', from: 2, to: 4, step: 2 },
        { name: 'slow', from: 2, to: 2, step: 1 },
      ]),
    ];
    expect(grid).toHaveLength(8);
    const kept = grid.filter(parseConstraint('slow > 2*fast', ['fast', 'slow']));
    expect(kept).toEqual([
      { fast: 2, slow: 5 },
      { fast: 2, slow: 7 },
      { fast: 2, slow: 9 },
      { fast: 4, slow: 9 },
    ]);
  });

  it('refuses a grid over the combination limit before expanding', () => {
    const huge = [
      { name: 'a', from: 0, to: 1e6, step: 1 },
      { name: 'b', from: 0, to: 1e6, step: 1 },
    ];
    const error = catchError(() => expandGrid(huge, { maxCombinations: 20_000 }));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).field).toBe('grid');
    expect((error as EngineError).message).toMatch(/more than the limit of 20000/);
    expect(expandGrid(fastSlow, { maxCombinations: 121 })).toHaveLength(121);
  });

  it('iterates lazily but validates eagerly', () => {
    const it = iterateGrid([{ name: 'a', from: 0, to: 1e7, step: 1 }]);
    expect(it.next().value).toEqual({ a: 0 });
    expect(it.next().value).toEqual({ a: 1 });
    expect(() => iterateGrid([{ name: 'a', from: 0, to: 1, step: 0 }])).toThrow(EngineError);
  });

  it('rejects duplicate names and an empty grid', () => {
    const dup = catchError(() =>
      countGrid([
        { name: 'fast', from: 1, to: 2, step: 1 },
        { name: 'fast', from: 3, to: 4, step: 1 },
      ]),
    ) as EngineError;
    expect(dup.field).toBe('grid.fast');
    expect(dup.message).toMatch(/more than once/);
    expect((catchError(() => expandGrid([])) as EngineError).message).toMatch(/at least one/);
  });
});
