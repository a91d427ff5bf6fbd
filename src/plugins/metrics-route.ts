import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../observability/metrics.ts';

/** `/metrics`: this instance's Prometheus registry in text format. */
export function useMetricsRoute(metrics: Metrics): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname !== '/metrics') return;
      const body = await metrics.registry.metrics();
      endResponse(
        new Response(body, {
          status: 200,
          headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
