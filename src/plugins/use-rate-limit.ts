import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { clientAddress } from './client-address.ts';
import { type ClientLimiter, createRateLimiter, type RateDecision } from '../rate-limit/token-bucket.ts';

export interface RateLimitOptions {
  perMinute: number;
  trustProxy: boolean;
  /** Buckets kept at most (default 10 000 clients). */
  maxClients?: number;
  graphqlPath?: string;
  now?: () => number;
  /** Replaces the in-process token buckets (e.g. a limit shared through Redis). */
  limiter?: ClientLimiter;
}

/**
 * Per-client rate limiting of `/graphql` (health, readiness and metrics are never limited):
 * over the limit, HTTP 429 with Retry-After and one GraphQL error, code RATE_LIMITED.
 */
export function useRateLimit(options: RateLimitOptions): Plugin {
  if (options.perMinute <= 0) return {};
  const path = options.graphqlPath ?? '/graphql';
  const limiter: ClientLimiter =
    options.limiter ??
    createRateLimiter({
      perMinute: options.perMinute,
      maxClients: options.maxClients ?? 10_000,
      now: options.now,
    });
  const refuse = (decision: RateDecision, endResponse: (response: Response) => void) => {
    if (decision.allowed) return;
    const body = {
      errors: [
        {
          message: `Too many requests: at most ${options.perMinute} per minute per client. Retry in ${decision.retryAfterS} s.`,
          extensions: { code: 'RATE_LIMITED' satisfies ErrorCode, retryAfterS: decision.retryAfterS },
        },
      ],
    };
    endResponse(
      new Response(JSON.stringify(body), {
        status: 429,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(decision.retryAfterS),
          'cache-control': 'no-store',
        },
      }),
    );
  };
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname !== path) return;
      const decision = limiter.take(clientAddress(request, serverContext, options.trustProxy));
      if (decision instanceof Promise) return decision.then((d) => refuse(d, endResponse));
      refuse(decision, endResponse);
    },
  };
}
