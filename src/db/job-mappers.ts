/** The row mapper of jobs, shared by both dialects. */
import type { JobKind, JobState, StoredJob } from './job-records.ts';
import { parseJson, toIsoTimestamp, toNumber } from './mappers.ts';

export interface JobRecord {
  id: string;
  kind: string;
  state: string;
  jobKey: string;
  request: unknown;
  progress: unknown;
  runsDone: unknown;
  runsTotal: unknown;
  result: unknown;
  error: string | null;
  createdAt: unknown;
  startedAt: unknown;
  finishedAt: unknown;
}

const orNull = <T>(value: unknown, to: (v: unknown) => T): T | null =>
  value === null || value === undefined ? null : to(value);

export function toStoredJob(row: JobRecord): StoredJob {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    state: row.state as JobState,
    key: row.jobKey,
    request: parseJson(row.request),
    progress: toNumber(row.progress),
    runsDone: toNumber(row.runsDone),
    runsTotal: toNumber(row.runsTotal),
    result: orNull(row.result, parseJson),
    error: row.error,
    createdAt: toIsoTimestamp(row.createdAt),
    startedAt: orNull(row.startedAt, toIsoTimestamp),
    finishedAt: orNull(row.finishedAt, toIsoTimestamp),
  };
}
