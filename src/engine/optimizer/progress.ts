/** Progress reporting and cooperative cancellation for long sweeps; both are checked between chunks. */
export interface ProgressHooks {
  /** Called after each chunk of runs with the runs done so far and the total planned. */
  readonly onProgress?: (runsDone: number, runsTotal: number) => void;
  /** Polled before each chunk; returning true stops the sweep with a CancelledError. */
  readonly isCancelled?: () => boolean;
  /** Runs per chunk (a whole number ≥ 1). Default 32. */
  readonly chunkSize?: number;
}

export const DEFAULT_CHUNK_SIZE = 32;

/** A sweep stopped because `isCancelled()` returned true; `runsDone` runs had completed. */
export class CancelledError extends Error {
  readonly runsDone: number;

  constructor(runsDone: number) {
    super(`cancelled after ${runsDone} runs`);
    this.name = 'CancelledError';
    this.runsDone = runsDone;
  }
}
