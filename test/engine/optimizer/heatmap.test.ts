import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/errors.ts';
import { toHeatmap } from '../../../src/engine/optimizer/heatmap.ts';
import { catchError } from '../../support/errors.ts';

const grid = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];

/** A 3-param grid a ∈ {1, 2}, b ∈ {10, 20, 30}, c ∈ {0, 1, 2} with a value per run. */
function threeParamRuns(value: (a: number, b: number, c: number) => number) {
  const runs = [];
  for (const a of [2, 1])
    for (const b of [30, 10, 20])
      for (const c of [0, 1, 2]) {
        runs.push({ params: { a, b, c, flag: true }, value: value(a, b, c) });
      }
  return runs;
}

describe('toHeatmap', () => {
  it('takes the best value over the third param per (x, y) cell, rows per x and columns per y', () => {
    // The best c differs from cell to cell: c = 2 when a + b is even, else c = 0.
    const value = (a: number, b: number, c: number) => a * 100 + b + ((a + b) % 2 === 0 ? c : -c);
    const heatmap = toHeatmap({ runs: threeParamRuns(value), grid, x: 'a', y: 'b' });
    expect(heatmap.x).toBe('a');
    expect(heatmap.y).toBe('b');
    expect(heatmap.xValues).toEqual([1, 2]);
    expect(heatmap.yValues).toEqual([10, 20, 30]);
    expect(heatmap.values).toEqual([
      [110, 120, 130],
      [212, 222, 232],
    ]);
  });

  it('swapping x and y transposes the table', () => {
    const value = (a: number, b: number, c: number) => a * b - c * c + (a === 2 && c === 1 ? 50 : 0);
    const ab = toHeatmap({ runs: threeParamRuns(value), grid, x: 'a', y: 'b' });
    const ba = toHeatmap({ runs: threeParamRuns(value), grid, x: 'b', y: 'a' });
    expect(ba.xValues).toEqual(ab.yValues);
    expect(ba.values).toEqual(ab.yValues.map((_, j) => ab.xValues.map((_, i) => ab.values[i][j])));
    // By hand: a = 2 cells take c = 1 (2b − 1 + 50), a = 1 cells take c = 0 (b).
    expect(ab.values).toEqual([
      [10, 20, 30],
      [69, 89, 109],
    ]);
  });

  it('skips NaN values and gives null for a cell with no run or only NaN runs', () => {
    const runs = [
      { params: { a: 1, b: 10, c: 0 }, value: Number.NaN },
      { params: { a: 1, b: 10, c: 1 }, value: -5 },
      { params: { a: 1, b: 20, c: 0 }, value: Number.NaN },
      { params: { a: 2, b: 10, c: 0 }, value: 7 },
      { params: { a: 2, b: 10, c: 1 }, value: Number.NaN },
    ];
    expect(toHeatmap({ runs, grid, x: 'a', y: 'b' }).values).toEqual([
      [-5, null],
      [7, null],
    ]);
  });

  it('an empty run list gives an empty table', () => {
    expect(toHeatmap({ runs: [], grid, x: 'a', y: 'c' })).toEqual({
      x: 'a',
      y: 'c',
      xValues: [],
      yValues: [],
      values: [],
    });
  });

  it.each([
    ['x', 'flag', 'b'],
    ['x', 'nope', 'b'],
    ['y', 'a', 'nope'],
    ['y', 'a', 'a'],
  ])('refuses with EngineError field %s for x=%s, y=%s', (field, x, y) => {
    const error = catchError(() => toHeatmap({ runs: threeParamRuns(() => 1), grid, x, y }));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).field).toBe(field);
  });

  it('refuses runs that lack the param (field x)', () => {
    const error = catchError(() =>
      toHeatmap({ runs: [{ params: { b: 1 }, value: 1 }], grid, x: 'a', y: 'b' }),
    );
    expect((error as EngineError).field).toBe('x');
  });
});
