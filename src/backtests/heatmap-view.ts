/** The heatmap of a stored optimization (see toHeatmap), with refused axes as input errors. */
import { type Heatmap, toHeatmap } from '../engine/optimizer/heatmap.ts';
import { asInputError } from '../inputs/bad-input.ts';
import type { OptimizationView } from './optimize-service.ts';

/** Throws BadInputError naming `x` or `y`. A run whose value is null counts as NaN (skipped). */
export function heatmapOf(view: Pick<OptimizationView, 'runs' | 'grid'>, x: string, y: string): Heatmap {
  try {
    const runs = view.runs.map((run) => ({ params: run.params, value: run.value ?? Number.NaN }));
    return toHeatmap({ runs, grid: view.grid, x, y });
  } catch (error) {
    throw asInputError(error, '');
  }
}
