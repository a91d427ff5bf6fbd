/**
 * The job event port: every change of a job (state, progress) is published under its id and
 * read by the jobProgress subscription. In process it is graphql-yoga's pubsub on an in-memory
 * EventTarget; several instances share events by giving createJobEvents a distributed
 * EventTarget (e.g. @graphql-yoga/redis-event-target), the one place to change.
 */
import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';
import type { StoredJob } from '../db/job-records.ts';

/** A job as events carry it: without its result (subscribers load that once the job ended). */
export type JobSnapshot = Omit<StoredJob, 'result'> & { result: null };

type Topics = { 'job:changed': [id: string, job: JobSnapshot] };

export interface JobEvents {
  publish(job: StoredJob): void;
  /** Events of that job from now on; `return()` unsubscribes. */
  subscribe(id: string): AsyncIterableIterator<JobSnapshot>;
}

export function createJobEvents(eventTarget?: PubSubEventTarget<Topics>): JobEvents {
  const pubsub = createPubSub<Topics>(eventTarget ? { eventTarget } : {});
  return {
    publish: (job) => pubsub.publish('job:changed', job.id, { ...job, result: null }),
    subscribe: (id) => pubsub.subscribe('job:changed', id),
  };
}
