/** Timing helpers: mitata for synchronous code, a warm-up + sample loop for asynchronous code. */
import { do_not_optimize, measure } from 'mitata';

export interface Summary {
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function summarize(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    medianMs: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    meanMs: total / sorted.length,
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    samples: sorted.length,
  };
}

export interface SyncOptions {
  /** Minimum measuring time in ms (default 600). */
  minTimeMs?: number;
  maxSamples?: number;
}

/**
 * Times a synchronous function with mitata (warm-up, batching of sub-microsecond calls,
 * garbage collection between trials when `--expose-gc` is given). Medians in milliseconds.
 */
export async function measureSync(fn: () => unknown, options: SyncOptions = {}): Promise<Summary> {
  const stats = await measure(() => do_not_optimize(fn()), {
    min_cpu_time: (options.minTimeMs ?? 600) * 1e6,
    max_samples: options.maxSamples ?? 1e9,
  });
  return {
    medianMs: stats.p50 / 1e6,
    p99Ms: stats.p99 / 1e6,
    meanMs: stats.avg / 1e6,
    minMs: stats.min / 1e6,
    maxMs: stats.max / 1e6,
    samples: stats.samples.length,
  };
}

export interface AsyncOptions {
  warmup?: number;
  minSamples?: number;
  maxSamples?: number;
  /** Stop after this much sampling time once minSamples are taken (default 1500 ms). */
  minTimeMs?: number;
  /** Called before each call, untimed (e.g. to build a fresh reader). */
  before?: (iteration: number) => unknown | Promise<unknown>;
}

/** Times an async function call by call: `warmup` untimed calls, then samples until the time budget. */
export async function sampleAsync(
  fn: (iteration: number) => Promise<unknown>,
  options: AsyncOptions = {},
): Promise<Summary> {
  const warmup = options.warmup ?? 5;
  const minSamples = options.minSamples ?? 10;
  const maxSamples = options.maxSamples ?? 10_000;
  const budgetMs = options.minTimeMs ?? 1500;
  let iteration = 0;
  for (let k = 0; k < warmup; k++) {
    await options.before?.(iteration);
    await fn(iteration++);
  }
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < maxSamples &&
    (samples.length < minSamples || performance.now() - started < budgetMs)
  ) {
    await options.before?.(iteration);
    const t0 = performance.now();
    await fn(iteration++);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}
