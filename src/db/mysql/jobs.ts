/** Jobs on MySQL / MariaDB. */
import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import { isUniqueViolation, jobChangeColumns, jobInsertRow, toStoredJob } from '../job-mappers.ts';
import { ACTIVE_JOB_STATES, type JobStore } from '../job-records.ts';
import { toMysqlDatetime } from '../mappers.ts';
import type { Retry } from './pool.ts';
import { jobs } from './schema.ts';

/** mysql2's result header of a write. */
const affectedRows = (result: unknown): number =>
  (Array.isArray(result) ? result[0] : result)?.affectedRows ?? 0;

export function createMysqlJobs(db: MySql2Database, retry: Retry): JobStore {
  const store: JobStore = {
    async insertJob(job) {
      try {
        await retry(() => db.insert(jobs).values(jobInsertRow(job, toMysqlDatetime)));
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A lost connection may have retried an insert that had landed: that job is this one.
        return (await store.findActiveJob(job.key))?.id === job.id;
      }
    },

    async raiseProgress(id, runsDone, runsTotal) {
      const progress = runsTotal > 0 ? runsDone / runsTotal : 1;
      const result = await retry(() =>
        db
          .update(jobs)
          .set({ runsDone, runsTotal, progress })
          .where(and(eq(jobs.id, id), eq(jobs.state, 'RUNNING'), lt(jobs.runsDone, runsDone))),
      );
      return affectedRows(result) > 0;
    },

    async loadJob(id) {
      const rows = await retry(() => db.select().from(jobs).where(eq(jobs.id, id)));
      return rows[0] ? toStoredJob(rows[0]) : null;
    },

    async listJobs({ limit, beforeId }) {
      const count = Math.floor(limit);
      if (!(count > 0)) return [];
      const cursor = sql`(select ${jobs.createdAt} from ${jobs} where ${jobs.id} = ${beforeId ?? ''})`;
      const where =
        beforeId === undefined
          ? undefined
          : or(lt(jobs.createdAt, cursor), and(eq(jobs.createdAt, cursor), lt(jobs.id, beforeId)));
      const rows = await retry(() =>
        db.select().from(jobs).where(where).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(count),
      );
      return rows.map(toStoredJob);
    },

    async updateJob(id, changes, inStates) {
      const set = jobChangeColumns(changes, toMysqlDatetime);
      if (Object.keys(set).length === 0) return false;
      const where = inStates ? and(eq(jobs.id, id), inArray(jobs.state, [...inStates])) : eq(jobs.id, id);
      const result = await retry(() => db.update(jobs).set(set).where(where));
      return affectedRows(result) > 0;
    },

    async findActiveJob(key) {
      const rows = await retry(() =>
        db
          .select()
          .from(jobs)
          .where(and(eq(jobs.jobKey, key), inArray(jobs.state, [...ACTIVE_JOB_STATES])))
          .orderBy(desc(jobs.createdAt))
          .limit(1),
      );
      return rows[0] ? toStoredJob(rows[0]) : null;
    },

    async listActiveJobs() {
      const rows = await retry(() =>
        db
          .select()
          .from(jobs)
          .where(inArray(jobs.state, [...ACTIVE_JOB_STATES]))
          .orderBy(asc(jobs.createdAt), asc(jobs.id)),
      );
      return rows.map(toStoredJob);
    },
  };
  return store;
}
