/** The row mapper of jobs, shared by both dialects. */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ACTIVE_JOB_STATES,
  type JobChanges,
  type JobKind,
  type JobState,
  type StoredJob,
} from './job-records.ts';
import { parseJson, toIsoTimestamp, toJsonText, toNumber } from './mappers.ts';

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

/**
 * Results over 1 MiB of JSON (a 20,000-run sweep is about 26 MB) are stored gzipped as base64
 * behind a `gzip:` mark, so they fit a MariaDB server's default max_allowed_packet (16 MiB).
 */
const COMPRESS_FROM_CHARS = 1 << 20;
const GZIP_MARK = 'gzip:';

function toResultText(result: unknown): string {
  const json = toJsonText(result);
  if (json.length < COMPRESS_FROM_CHARS) return json;
  return GZIP_MARK + gzipSync(json, { level: 6 }).toString('base64');
}

function parseResult(value: unknown): unknown {
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  if (typeof text === 'string' && text.startsWith(GZIP_MARK)) {
    return JSON.parse(gunzipSync(Buffer.from(text.slice(GZIP_MARK.length), 'base64')).toString('utf8'));
  }
  return parseJson(text);
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
    result: orNull(row.result, parseResult),
    error: row.error,
    createdAt: toIsoTimestamp(row.createdAt),
    startedAt: orNull(row.startedAt, toIsoTimestamp),
    finishedAt: orNull(row.finishedAt, toIsoTimestamp),
  };
}

type ToTimestamp = (iso: string) => string;

const stampWith =
  (toTimestamp: ToTimestamp) =>
  <T extends string | null | undefined>(value: T) =>
    (value === undefined || value === null ? value : toTimestamp(value)) as T extends string ? string : T;

/** The row a new job is stored as, timestamps in the dialect's format. */
export function jobInsertRow(job: StoredJob, toTimestamp: ToTimestamp) {
  const stamp = stampWith(toTimestamp);
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    jobKey: job.key,
    request: toJsonText(job.request),
    progress: job.progress,
    runsDone: job.runsDone,
    runsTotal: job.runsTotal,
    result: job.result === null ? null : toResultText(job.result),
    error: job.error,
    createdAt: toTimestamp(job.createdAt),
    startedAt: stamp(job.startedAt),
    finishedAt: stamp(job.finishedAt),
    activeKey: ACTIVE_JOB_STATES.includes(job.state) ? job.key : null,
  };
}

/** True for the error of an insert that a unique key refused (MySQL/MariaDB or SQLite), wrapped or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, errno } = e as { code?: unknown; errno?: unknown };
    if (code === 'ER_DUP_ENTRY' || errno === 1062) return true;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}

/** The columns a job update writes: only the changes given, timestamps in the dialect's format. */
export function jobChangeColumns(changes: JobChanges, toTimestamp: ToTimestamp) {
  const stamp = stampWith(toTimestamp);
  const set = {
    state: changes.state,
    progress: changes.progress,
    runsDone: changes.runsDone,
    runsTotal: changes.runsTotal,
    result:
      changes.result === undefined ? undefined : changes.result === null ? null : toResultText(changes.result),
    error: changes.error,
    startedAt: stamp(changes.startedAt),
    finishedAt: stamp(changes.finishedAt),
    // An ended job frees its key, so the same request can start a new job.
    activeKey: changes.state === undefined || ACTIVE_JOB_STATES.includes(changes.state) ? undefined : null,
  };
  return Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof typeof set]: Exclude<(typeof set)[K], undefined>;
  }>;
}
