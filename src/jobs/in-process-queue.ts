import type { JobQueue } from './job-queue.ts';
import type { JobRunner } from './job-runner.ts';

/** The in-process adapter: the job runner's threads in this process. */
export function inProcessQueue(runner: JobRunner): JobQueue {
  return {
    async enqueue(job) {
      runner.enqueue(job);
    },
    async cancel(id) {
      if (await runner.cancelRunning(id)) return true;
      runner.dropQueued(id);
      return false;
    },
    holds: async (id) => runner.has(id),
    close: () => runner.close(),
  };
}
