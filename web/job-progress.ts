import type { DashboardJobFragment, DashboardJobProgressSubscription } from '../schema/generated/graphql.ts';
import { OperationError, subscribe } from './api.ts';
import { h } from './dom.ts';

export interface ProgressView {
  element: HTMLElement;
  update(job: DashboardJobFragment): void;
}

const STATE_LABEL: Record<string, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

/** A job's progress bar (`data-testid="job-progress"`) with its state and run count. */
export function progressView(label: string): ProgressView {
  const bar = h('progress', { 'data-testid': 'job-progress', max: 1, value: 0, 'aria-label': label });
  const text = h('span', { className: 'job-text', 'aria-live': 'polite' }, 'Starting…');
  const element = h('div', { className: 'job', hidden: true }, bar, text);
  return {
    element,
    update(job) {
      element.hidden = false;
      bar.value = job.progress;
      bar.dataset.state = job.state;
      bar.dataset.runsDone = String(job.runsDone);
      const pct = `${Math.round(job.progress * 100)} %`;
      text.textContent = `${STATE_LABEL[job.state] ?? job.state}: ${job.runsDone} of ${job.runsTotal} runs (${pct})${job.error ? ` · ${job.error}` : ''}`;
    },
  };
}

/**
 * Follows a started job to its end and answers its final record, read with `fetchJob` (the
 * query that carries its result), when it SUCCEEDED; otherwise says why through `onFailure`
 * and answers null.
 */
export async function jobResult<J extends DashboardJobFragment>(
  started: DashboardJobFragment,
  view: ProgressView,
  fetchJob: () => Promise<J | null | undefined>,
  onFailure: (message: string) => void,
): Promise<J | null> {
  const ended = await followJob(started, view, async () => (await fetchJob())!);
  if (ended.state !== 'SUCCEEDED') {
    onFailure(ended.error ?? `The job ended ${ended.state}.`);
    return null;
  }
  return (await fetchJob()) ?? null;
}

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * Follows a job to its end over the `jobProgress` subscription (Server-Sent Events), polling
 * `poll` instead when the stream cannot be opened or breaks.
 */
export async function followJob(
  job: DashboardJobFragment,
  view: ProgressView,
  poll: () => Promise<DashboardJobFragment>,
): Promise<DashboardJobFragment> {
  let last = job;
  view.update(job);
  if (ENDED.has(job.state)) return job;
  try {
    await subscribe<DashboardJobProgressSubscription>('DashboardJobProgress', { id: job.id }, (data) => {
      last = data.jobProgress;
      view.update(last);
    });
  } catch (error) {
    if (error instanceof OperationError) throw error;
  }
  while (!ENDED.has(last.state)) {
    await new Promise((r) => setTimeout(r, 500));
    last = await poll();
    view.update(last);
  }
  return last;
}
