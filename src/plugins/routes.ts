import type { Plugin } from 'graphql-yoga';
import type { Readiness } from '../db/readiness.ts';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

/** `/healthz` (process alive) and `/readyz` (database reachable and migrated) beside `/graphql`. */
export function useHealthRoutes(readiness: Readiness): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/healthz') {
        endResponse(json({ status: 'ok' }, 200));
      } else if (url.pathname === '/readyz') {
        const report = await readiness.check();
        endResponse(
          json({ status: report.ready ? 'ready' : 'not ready', ...report }, report.ready ? 200 : 503),
        );
      }
    },
  };
}
