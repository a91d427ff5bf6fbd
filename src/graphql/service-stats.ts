import { builder } from './builder.ts';

interface ServiceStatsShape {
  uptimeS: number;
  startedAt: string;
  engineRuns: number;
}

const ServiceStats = builder.objectRef<ServiceStatsShape>('ServiceStats').implement({
  description: 'How the service is doing.',
  fields: (t) => ({
    uptimeS: t.exposeFloat('uptimeS', { description: 'Seconds since the process started serving.' }),
    startedAt: t.exposeString('startedAt', { description: 'When the process started (ISO-8601 UTC).' }),
    engineRuns: t.exposeInt('engineRuns', {
      description: 'Backtests computed by the engine (cache hits excluded).',
    }),
  }),
});

builder.queryField('serviceStats', (t) =>
  t.field({
    type: ServiceStats,
    description: 'Uptime, and (as metrics are collected) per-operation latency and cache hit rates.',
    resolve: (_root, _args, ctx) => ctx.services.stats.snapshot(),
  }),
);
