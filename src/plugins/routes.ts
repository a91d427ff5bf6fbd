import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Readiness } from '../db/readiness.ts';

/**
 * `/readyz` (database reachable and migrated): 200 when ready, else 503, with the report as
 * JSON naming what is missing (`database`, `migrations`, `cache`); `status` is `degraded` when
 * ready without the shared cache. `/healthz` (process alive, 200) is yoga's own health check, set by `healthCheckEndpoint`.
 */
export function useReadinessRoute(readiness: Readiness): Plugin {
  return useReadinessCheck({
    endpoint: '/readyz',
    async check() {
      const report = await readiness.check();
      return new Response(
        JSON.stringify({
          status: !report.ready ? 'not ready' : report.missing.length > 0 ? 'degraded' : 'ready',
          ...report,
        }),
        {
          status: report.ready ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        },
      );
    },
  });
}
