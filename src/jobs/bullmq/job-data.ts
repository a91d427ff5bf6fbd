/**
 * What goes into Redis with a job: the planned task as JSON (typed arrays as number arrays, NaN
 * as null), the chunk ranges of a sweep, and a chunk's runs with their exact values (NaN and
 * ±Infinity kept, so the best run is chosen as the synchronous optimizer chooses it).
 */
import type { PublicRun } from '../../backtests/optimize-service.ts';
import { toPublicStats, finiteOrNull } from '../../backtests/result.ts';
import type { DataReport } from '../../backtests/warnings.ts';
import type { OptimizationRun } from '../../engine/optimizer/optimize.ts';
import type { TrainedWindow } from '../../engine/optimizer/walk-forward.ts';
import type { PlannedTask } from '../job-task.ts';

type Column = (number | null)[];

export interface TaskData {
  readonly jobId: string;
  readonly task: Omit<PlannedTask, 'bars'> & { bars: Record<string, Column | boolean> };
  readonly report: DataReport;
}

export interface ChunkData {
  readonly jobId: string;
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

export interface ChunkResult {
  readonly index: number;
  readonly runs: PublicRun[];
  /** Each run's value: a number, or 'NaN' / 'Infinity' / '-Infinity'. */
  readonly values: (number | string)[];
}

export function toTaskData(jobId: string, task: PlannedTask, report: DataReport): TaskData {
  const bars: Record<string, Column | boolean> = {};
  for (const [name, value] of Object.entries(task.bars)) {
    if (ArrayBuffer.isView(value)) {
      bars[name] = Array.from(value as Float64Array, (v) => (Number.isNaN(v) ? null : v));
    } else if (typeof value === 'boolean') bars[name] = value;
  }
  return { jobId, task: { ...task, bars }, report };
}

export function fromTaskData(data: TaskData): PlannedTask {
  const bars: Record<string, Float64Array | boolean> = {};
  for (const [name, value] of Object.entries(data.task.bars)) {
    bars[name] = typeof value === 'boolean' ? value : Float64Array.from(value, (v) => v ?? Number.NaN);
  }
  return { ...data.task, bars: bars as unknown as PlannedTask['bars'] };
}

/** Splits `total` runs into consecutive ranges of at most `size`: [from, to). */
export function chunkRanges(total: number, size: number): [from: number, to: number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < total; from += size) ranges.push([from, Math.min(total, from + size)]);
  return ranges;
}

const encodeValue = (v: number): number | string => (Number.isFinite(v) ? v : String(v));
export const decodeValue = (v: number | string | null): number =>
  typeof v === 'number' ? v : v === null ? Number.NaN : Number(v);

export interface WindowData {
  readonly jobId: string;
  readonly index: number;
}

/** A walk-forward window's best run, numbers that JSON cannot carry as strings. */
export interface WindowResult {
  readonly index: number;
  readonly best: Record<string, unknown>;
}

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

function mapNumbers(value: unknown, to: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapNumbers(v, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapNumbers(v, to)]));
  }
  return to(value);
}

export function toWindowResult(index: number, best: TrainedWindow): WindowResult {
  const encode = (v: unknown) => (typeof v === 'number' ? encodeValue(v) : v);
  return { index, best: mapNumbers(best, encode) as Record<string, unknown> };
}

export function fromWindowResult(result: WindowResult): TrainedWindow {
  const decode = (v: unknown) => (typeof v === 'string' && NON_FINITE.has(v) ? Number(v) : v);
  return mapNumbers(result.best, decode) as TrainedWindow;
}

export function toChunkResult(index: number, runs: readonly OptimizationRun[]): ChunkResult {
  return {
    index,
    runs: runs.map((run) => ({
      params: { ...run.params },
      value: finiteOrNull(run.value),
      stats: toPublicStats(run.stats),
    })),
    values: runs.map((run) => encodeValue(run.value)),
  };
}
