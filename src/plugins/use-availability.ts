import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';

export interface AvailabilityOptions {
  /** True once the database migrations are applied. */
  ready: () => boolean;
  retryAfterS: number;
  graphqlPath?: string;
}

/**
 * Until the database is migrated, `/graphql` answers HTTP 503 with Retry-After and one error,
 * code SERVICE_UNAVAILABLE, instead of running operations against missing tables. GraphiQL's
 * page (a GET asking for HTML) is still served.
 */
export function useAvailability(options: AvailabilityOptions): Plugin {
  const path = options.graphqlPath ?? '/graphql';
  const body = JSON.stringify({
    errors: [
      {
        message: `The service is starting: the database is not migrated yet. Retry in ${options.retryAfterS} s.`,
        extensions: { code: 'SERVICE_UNAVAILABLE' satisfies ErrorCode, retryAfterS: options.retryAfterS },
      },
    ],
  });
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== path || options.ready()) return;
      if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html')) return;
      endResponse(
        new Response(body, {
          status: 503,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': String(options.retryAfterS),
            'cache-control': 'no-store',
          },
        }),
      );
    },
  };
}
