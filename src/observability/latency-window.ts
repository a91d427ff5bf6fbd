/**
 * Recent operation latencies for `serviceStats`: per operation name, the samples of the last
 * `windowMs` (at most `maxSamples` each), their nearest-rank percentiles, and the slowest ones.
 * Memory is bounded: at most `maxOperations` names (later names count as `other`).
 */

export interface LatencyWindowOptions {
  windowMs: number;
  maxSamples: number;
  maxOperations: number;
}

export interface OperationSummary {
  name: string;
  /** Operations in the window. */
  count: number;
  /** Operations since start. */
  totalCount: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SlowOperation {
  name: string;
  durationMs: number;
  /** When the operation finished (epoch ms). */
  atMs: number;
}

interface Samples {
  durationsMs: number[];
  atMs: number[];
  totalCount: number;
}

const OTHER_OPERATION = 'other';

/**
 * The nearest-rank percentile of ascending values: the smallest value with at least p % of the
 * values at or below it (p50 of 1..100 is 50, p99 is 99). NaN for no values.
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sortedAscending[rank - 1];
}

export function createLatencyWindow(options: LatencyWindowOptions) {
  const byName = new Map<string, Samples>();

  const prune = (samples: Samples, nowMs: number) => {
    const oldest = nowMs - options.windowMs;
    let drop = 0;
    while (drop < samples.atMs.length && samples.atMs[drop] < oldest) drop += 1;
    const over = samples.atMs.length - drop - options.maxSamples;
    if (over > 0) drop += over;
    if (drop > 0) {
      samples.atMs.splice(0, drop);
      samples.durationsMs.splice(0, drop);
    }
  };

  return {
    record(name: string, durationMs: number, atMs: number): void {
      let key = name;
      if (!byName.has(key) && byName.size >= options.maxOperations) key = OTHER_OPERATION;
      let samples = byName.get(key);
      if (samples === undefined) {
        samples = { durationsMs: [], atMs: [], totalCount: 0 };
        byName.set(key, samples);
      }
      samples.durationsMs.push(durationMs);
      samples.atMs.push(atMs);
      samples.totalCount += 1;
      prune(samples, atMs);
    },

    /** Per-operation percentiles over the window ending at `nowMs`, busiest first. */
    summarize(nowMs: number): OperationSummary[] {
      const summaries: OperationSummary[] = [];
      for (const [name, samples] of byName) {
        prune(samples, nowMs);
        const sorted = [...samples.durationsMs].sort((a, b) => a - b);
        summaries.push({
          name,
          count: sorted.length,
          totalCount: samples.totalCount,
          p50Ms: percentile(sorted, 50),
          p95Ms: percentile(sorted, 95),
          p99Ms: percentile(sorted, 99),
          maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
        });
      }
      return summaries.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    },

    /** The `limit` slowest operations in the window ending at `nowMs`, slowest first. */
    slowest(nowMs: number, limit: number): SlowOperation[] {
      const all: SlowOperation[] = [];
      for (const [name, samples] of byName) {
        prune(samples, nowMs);
        samples.durationsMs.forEach((durationMs, i) => {
          all.push({ name, durationMs, atMs: samples.atMs[i] });
        });
      }
      return all.sort((a, b) => b.durationMs - a.durationMs || b.atMs - a.atMs).slice(0, limit);
    },
  };
}

export type LatencyWindow = ReturnType<typeof createLatencyWindow>;
