/** A sweep's result from its chunks: the runs in grid order and the best as optimizeStrategy ranks it. */
import type { OptimizationView } from '../../backtests/optimize-service.ts';
import type { DataReport } from '../../backtests/warnings.ts';
import { bestRunIndex } from '../../engine/optimizer/optimize.ts';
import type { ParamRangeInput } from '../../inputs/optimize.ts';
import { type ChunkResult, decodeValue } from './job-data.ts';

export function combineChunks(
  chunks: readonly ChunkResult[],
  grid: readonly ParamRangeInput[],
  report: DataReport,
  elapsedMs: number,
): OptimizationView {
  const ordered = [...chunks].sort((a, b) => a.index - b.index);
  const runs = ordered.flatMap((chunk) => chunk.runs);
  const values = ordered.flatMap((chunk) => chunk.values.map((value) => ({ value: decodeValue(value) })));
  return {
    ...report,
    runCount: runs.length,
    elapsedMs,
    best: runs[bestRunIndex(values)],
    runs,
    grid: grid.map(({ name, from, to, step }) => ({ name, from, to, step })),
  };
}
