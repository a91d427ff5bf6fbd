import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Readiness } from '../db/readiness.ts';

/**
 * `/readyz` (database reachable and migrated): 200 when ready, else 503, with the report as
 * JSON. `/healthz` (process alive, 200) is yoga's own health check, set by `healthCheckEndpoint`.
 */
export function useReadinessRoute(readiness: Readiness): Plugin {
  return useReadinessCheck({
    endpoint: '/readyz',
    async check() {
      const report = await readiness.check();
      return new Response(JSON.stringify({ status: report.ready ? 'ready' : 'not ready', ...report }), {
        status: report.ready ? 200 : 503,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    },
  });
}
