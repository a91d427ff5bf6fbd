/** A job's live progress: its stored state, then every published change, until it has ended. */
import { ACTIVE_JOB_STATES, type JobStore, type StoredJob } from '../db/job-records.ts';
import { NotFoundError } from '../errors.ts';
import type { JobEvents } from './job-events.ts';

const ended = (job: Pick<StoredJob, 'state'>) => !ACTIVE_JOB_STATES.includes(job.state);

/**
 * Subscribes before reading the stored job, so no change is missed between the two; events older
 * than what was already sent (fewer runs done) are skipped, so runsDone never goes back. The last
 * value is the job as stored once it ended, result included.
 */
export async function* followJob(id: string, store: JobStore, events: JobEvents): AsyncGenerator<StoredJob> {
  const changes = events.subscribe(id);
  try {
    const current = await store.loadJob(id);
    if (!current) throw new NotFoundError(`no job with id ${JSON.stringify(id)}`, 'id');
    yield current;
    if (ended(current)) return;
    let runsDone = current.runsDone;
    for await (const change of changes) {
      if (ended(change)) {
        yield (await store.loadJob(id)) ?? change;
        return;
      }
      if (change.runsDone < runsDone) continue;
      runsDone = change.runsDone;
      yield change;
    }
  } finally {
    await changes.return?.();
  }
}
