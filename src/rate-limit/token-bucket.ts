import { LRUCache } from 'lru-cache';

export interface RateLimiterOptions {
  /** Sustained requests per minute per client; also the burst a fresh client may spend at once. */
  perMinute: number;
  /** Buckets kept; the least recently seen client is forgotten first (bounded memory). */
  maxClients: number;
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterS: number };

/** Where decisions come from: this process's buckets, or a limiter shared by every instance. */
export interface ClientLimiter {
  take(key: string): RateDecision | Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per client key, in an LRU of at most `maxClients` buckets. A forgotten client
 * starts again with a full bucket, which only errs on the side of serving it.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const now = options.now ?? Date.now;
  const capacity = options.perMinute;
  const refillPerMs = options.perMinute / 60_000;
  const buckets = new LRUCache<string, Bucket>({ max: options.maxClients });

  return {
    take(key: string): RateDecision {
      const nowMs = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedMs: nowMs };
      bucket.tokens = Math.min(capacity, bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs);
      bucket.updatedMs = nowMs;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)),
      };
    },
    /** Clients currently tracked. */
    get size() {
      return buckets.size;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
