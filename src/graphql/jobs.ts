import type { OptimizationView } from '../backtests/optimize-service.ts';
import type { StoredJob } from '../db/job-records.ts';
import type { WalkForwardView } from '../jobs/job-views.ts';
import { builder } from './builder.ts';
import { forwardPage } from './connection.ts';
import { OptimizationResult, OptimizeInput } from './optimize.ts';
import { WalkForwardInput, WalkForwardResult } from './walk-forward.ts';

const JobKind = builder.enumType('JobKind', {
  description: 'What a job computes.',
  values: {
    OPTIMIZATION: { description: 'A grid search (startOptimization).' },
    WALK_FORWARD: { description: 'A walk-forward analysis (startWalkForward).' },
  } as const,
});

const JobState = builder.enumType('JobState', {
  description: 'Where a job is in its life.',
  values: {
    QUEUED: { description: 'Waiting to run.' },
    RUNNING: { description: 'Running; progress grows.' },
    SUCCEEDED: { description: 'Done; the result is there.' },
    FAILED: { description: 'Stopped by an error (see error).' },
    CANCELLED: { description: 'Stopped by cancelJob.' },
  } as const,
});

const succeeded = (job: StoredJob, kind: StoredJob['kind']) =>
  job.kind === kind && job.state === 'SUCCEEDED' && job.result !== null;

const Job = builder.objectRef<StoredJob>('Job').implement({
  description: 'A stored optimization or walk-forward analysis, run in the background.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Job id.' }),
    kind: t.field({ type: JobKind, description: 'What it computes.', resolve: (j) => j.kind }),
    state: t.field({ type: JobState, description: 'Where it is.', resolve: (j) => j.state }),
    progress: t.exposeFloat('progress', { description: 'runsDone ÷ runsTotal, from 0 to 1.' }),
    runsDone: t.exposeInt('runsDone', { description: 'Backtest runs done.' }),
    runsTotal: t.exposeInt('runsTotal', { description: 'Backtest runs planned.' }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was started.',
      resolve: (j) => j.createdAt,
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last began running.',
      resolve: (j) => j.startedAt,
    }),
    finishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it ended.',
      resolve: (j) => j.finishedAt,
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed: `CODE: message`.' }),
    optimization: t.field({
      type: OptimizationResult,
      nullable: true,
      description: 'The result of a SUCCEEDED optimization.',
      resolve: (j) => (succeeded(j, 'OPTIMIZATION') ? (j.result as OptimizationView) : null),
    }),
    walkForward: t.field({
      type: WalkForwardResult,
      nullable: true,
      description: 'The result of a SUCCEEDED walk-forward analysis.',
      resolve: (j) => (succeeded(j, 'WALK_FORWARD') ? (j.result as WalkForwardView) : null),
    }),
  }),
});

builder.mutationField('startOptimization', (t) =>
  t.field({
    type: Job,
    description: 'Starts a grid search as a job; an identical request still running returns that job.',
    args: { input: t.arg({ type: OptimizeInput, required: true, description: 'The search.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.jobs.start('OPTIMIZATION', input, ctx.loaders.seriesByKey),
  }),
);

builder.mutationField('startWalkForward', (t) =>
  t.field({
    type: Job,
    description:
      'Starts a walk-forward analysis as a job; an identical request still running returns that job.',
    args: { input: t.arg({ type: WalkForwardInput, required: true, description: 'The analysis.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.jobs.start('WALK_FORWARD', input, ctx.loaders.seriesByKey),
  }),
);

builder.mutationField('cancelJob', (t) =>
  t.field({
    type: Job,
    description:
      'Cancels a queued or running job (it stops within a second); an ended job is returned as it is.',
    args: { id: t.arg.id({ required: true, description: 'Job id.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.jobs.cancel(String(id)),
  }),
);

builder.queryField('job', (t) =>
  t.field({
    type: Job,
    nullable: true,
    description: 'A job by id (null when there is none).',
    args: { id: t.arg.id({ required: true, description: 'Job id.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.jobs.get(String(id)),
  }),
);

builder.queryField('jobs', (t) =>
  t.connection(
    {
      type: Job,
      description: 'Jobs, newest first (forward pagination: first, after).',
      resolve: (_root, args, ctx) =>
        forwardPage(
          args,
          (job: StoredJob) => job.id,
          (limit, after) => ctx.services.jobs.list(limit, after),
        ),
    },
    { name: 'JobConnection', description: 'A page of jobs.' },
    { name: 'JobEdge', description: 'A job and its cursor.' },
  ),
);

builder.subscriptionField('jobProgress', (t) =>
  t.field({
    type: Job,
    description:
      'The job now, then at least every 2 % or every second while it runs, then its end state; the stream then ends.',
    args: { id: t.arg.id({ required: true, description: 'Job id.' }) },
    subscribe: (_root, { id }, ctx) => ctx.services.jobs.follow(String(id)),
    resolve: (job) => job,
  }),
);
