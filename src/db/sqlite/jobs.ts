/** Jobs on SQLite. */
import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isUniqueViolation, jobChangeColumns, jobInsertRow, toStoredJob } from '../job-mappers.ts';
import { ACTIVE_JOB_STATES, type JobStore } from '../job-records.ts';
import { toIsoTimestamp } from '../mappers.ts';
import { jobs } from './schema.ts';

export function createSqliteJobs(db: BetterSQLite3Database): JobStore {
  return {
    async insertJob(job) {
      try {
        db.insert(jobs).values(jobInsertRow(job, toIsoTimestamp)).run();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async raiseProgress(id, runsDone, runsTotal) {
      const progress = runsTotal > 0 ? runsDone / runsTotal : 1;
      return (
        db
          .update(jobs)
          .set({ runsDone, runsTotal, progress })
          .where(and(eq(jobs.id, id), eq(jobs.state, 'RUNNING'), lt(jobs.runsDone, runsDone)))
          .run().changes > 0
      );
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
      const set = jobChangeColumns(changes, toIsoTimestamp);
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
