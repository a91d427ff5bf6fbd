import { countGrid, type ParamRange } from '../engine/optimizer/grid.ts';

/**
 * Whether a sweep is small enough to run on the calling thread: at most `maxBarSteps` bar-steps
 * (runs before the constraint × bars). One thread does about 5 M bar-steps a second; handing a
 * sweep to worker threads costs their start (the CLI's, each loading the engine) or at least a
 * message round trip and their memory (the service's). A bad grid answers false: the pool
 * reports it as it always does.
 */
export function runsOnCallerThread(
  grid: readonly ParamRange[],
  barCount: number,
  maxBarSteps: number,
): boolean {
  let runs: number;
  try {
    runs = countGrid(grid);
  } catch {
    return false;
  }
  return runs * barCount <= maxBarSteps;
}
