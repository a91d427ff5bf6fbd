import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../observability/logger.ts';
import { createRateLimiter, type RateDecision } from './token-bucket.ts';

export interface SharedRateLimiterOptions {
  redis: Redis;
  perMinute: number;
  logger: Logger;
  /** Per-instance buckets kept for the fallback (default 10 000 clients). */
  maxClients?: number;
  /** Called for every request decided without Redis (Redis down or too slow). */
  onFallback?: () => void;
}

/**
 * One rate limit for a client across every instance: `perMinute` requests per client in each
 * 60-second window, counted in Redis (rate-limiter-flexible's atomic increment with expiry). When
 * Redis fails or is not connected, each instance falls back to its own token bucket of the same
 * size, so the limit is at worst multiplied by the number of instances, never lifted.
 */
export function createSharedRateLimiter(options: SharedRateLimiterOptions) {
  const shared = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: 'ratelimit',
    points: options.perMinute,
    duration: 60,
    rejectIfRedisNotReady: true,
  });
  const local = createRateLimiter({ perMinute: options.perMinute, maxClients: options.maxClients ?? 10_000 });
  let lastWarnMs = 0;

  return {
    async take(key: string): Promise<RateDecision> {
      try {
        await shared.consume(key, 1);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterS: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        options.onFallback?.();
        const nowMs = Date.now();
        if (nowMs - lastWarnMs > 10_000) {
          lastWarnMs = nowMs;
          options.logger.warn(
            { err: rejection instanceof Error ? rejection.message : String(rejection) },
            'shared rate limit unavailable: limiting per instance',
          );
        }
        return local.take(key);
      }
    },
  };
}

export type SharedRateLimiter = ReturnType<typeof createSharedRateLimiter>;
