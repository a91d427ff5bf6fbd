/** Jobs on SQLite. */
import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { toStoredJob } from '../job-mappers.ts';
import { ACTIVE_JOB_STATES, type JobChanges, type JobStore } from '../job-records.ts';
import { toIsoTimestamp, toJsonText } from '../mappers.ts';
import { jobs } from './schema.ts';

const stamp = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : toIsoTimestamp(value);

function toColumns(changes: JobChanges) {
  const set: Partial<typeof jobs.$inferInsert> = {
    state: changes.state,
    progress: changes.progress,
    runsDone: changes.runsDone,
    runsTotal: changes.runsTotal,
    result:
      changes.result === undefined ? undefined : changes.result === null ? null : toJsonText(changes.result),
    error: changes.error,
    startedAt: stamp(changes.startedAt),
    finishedAt: stamp(changes.finishedAt),
  };
  return Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
}

export function createSqliteJobs(db: BetterSQLite3Database): JobStore {
  return {
    async insertJob(job) {
      db.insert(jobs)
        .values({
          id: job.id,
          kind: job.kind,
          state: job.state,
          jobKey: job.key,
          request: toJsonText(job.request),
          progress: job.progress,
          runsDone: job.runsDone,
          runsTotal: job.runsTotal,
          result: job.result === null ? null : toJsonText(job.result),
          error: job.error,
          createdAt: toIsoTimestamp(job.createdAt),
          startedAt: stamp(job.startedAt),
          finishedAt: stamp(job.finishedAt),
        })
        .run();
    },

    async loadJob(id) {
      const row = db.select().from(jobs).where(eq(jobs.id, id)).get();
      return row ? toStoredJob(row) : null;
    },

    async listJobs({ limit, beforeId }) {
      const count = Math.floor(limit);
      if (!(count > 0)) return [];
      const cursor = db
        .select({ createdAt: jobs.createdAt })
        .from(jobs)
        .where(eq(jobs.id, beforeId ?? ''));
      const where =
        beforeId === undefined
          ? undefined
          : or(lt(jobs.createdAt, cursor), and(eq(jobs.createdAt, cursor), lt(jobs.id, beforeId)));
      return db
        .select()
        .from(jobs)
        .where(where)
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(count)
        .all()
        .map(toStoredJob);
    },

    async updateJob(id, changes, inStates) {
      const set = toColumns(changes);
      if (Object.keys(set).length === 0) return false;
      const where = inStates ? and(eq(jobs.id, id), inArray(jobs.state, [...inStates])) : eq(jobs.id, id);
      return db.update(jobs).set(set).where(where).run().changes > 0;
    },

    async findActiveJob(key) {
      const row = db
        .select()
        .from(jobs)
        .where(and(eq(jobs.jobKey, key), inArray(jobs.state, [...ACTIVE_JOB_STATES])))
        .orderBy(desc(jobs.createdAt))
        .limit(1)
        .get();
      return row ? toStoredJob(row) : null;
    },

    async listActiveJobs() {
      return db
        .select()
        .from(jobs)
        .where(inArray(jobs.state, [...ACTIVE_JOB_STATES]))
        .orderBy(asc(jobs.createdAt), asc(jobs.id))
        .all()
        .map(toStoredJob);
    },
  };
}
