import { EngineError } from '../errors.ts';

/** What a heatmap needs of an optimization run (OptimizationRun fits). */
export interface HeatmapRun {
  readonly params: Readonly<Record<string, number | boolean>>;
  /** The maximized statistic; NaN for a run where it is undefined. */
  readonly value: number;
}

export interface Heatmap {
  readonly x: string;
  readonly y: string;
  /** The values of x found in the runs, ascending, without repeats. */
  readonly xValues: number[];
  readonly yValues: number[];
  /**
   * `values[i][j]` is the best value of the runs with x = xValues[i] and y = yValues[j], over
   * every value of the other params; null when no run has that pair or all of them are NaN.
   */
  readonly values: (number | null)[][];
}

export interface HeatmapInput {
  readonly runs: readonly HeatmapRun[];
  /** The optimized params (a grid's ParamRange list fits): x and y must be among them. */
  readonly grid: readonly { readonly name: string }[];
  readonly x: string;
  readonly y: string;
}

/**
 * The best value per (x, y) cell of an optimization, the maximum over the other params as
 * backtesting.py's plot_heatmaps (`heatmap.groupby([x, y]).max()`, NaN skipped), laid out as its
 * `.unstack()`: one row per x value, one column per y value. Throws EngineError (field `x` or
 * `y`) when a name is not a grid param, when x and y are the same param (field `y`), or when a
 * run has no numeric value for x or y.
 */
export function toHeatmap(input: HeatmapInput): Heatmap {
  const { runs, x, y } = input;
  const names = input.grid.map((range) => range.name);
  for (const [field, name] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (!names.includes(name)) {
      throw new EngineError(
        field,
        `"${name}" is not an optimized param (grid: ${names.join(', ') || 'none'})`,
      );
    }
  }
  if (x === y) throw new EngineError('y', `x and y must be different params, both are "${x}"`);

  const coordinate = (run: HeatmapRun, field: 'x' | 'y', name: string): number => {
    const value = run.params[name];
    if (typeof value !== 'number') {
      throw new EngineError(field, `a run has no numeric value for "${name}"`);
    }
    return value;
  };
  const xValues = sortedUnique(runs.map((run) => coordinate(run, 'x', x)));
  const yValues = sortedUnique(runs.map((run) => coordinate(run, 'y', y)));
  const xIndex = new Map(xValues.map((value, i) => [value, i]));
  const yIndex = new Map(yValues.map((value, j) => [value, j]));
  const values: (number | null)[][] = xValues.map(() => yValues.map(() => null));
  for (const run of runs) {
    if (Number.isNaN(run.value)) continue;
    const row = values[xIndex.get(coordinate(run, 'x', x))!];
    const j = yIndex.get(coordinate(run, 'y', y))!;
    const best = row[j];
    if (best === null || run.value > best) row[j] = run.value;
  }
  return { x, y, xValues, yValues, values };
}

function sortedUnique(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
