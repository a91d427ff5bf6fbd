import { Redis } from 'ioredis';
import pTimeout from 'p-timeout';
import type { Logger } from '../observability/logger.ts';

export interface RedisConnectionOptions {
  url: string;
  logger: Logger;
  /** A command not answered within this is failed (the caller falls back), default 500 ms. */
  commandTimeoutMs?: number;
}

/**
 * The ioredis connection the instances coordinate through (single flight, rate limit). It never
 * queues commands while disconnected: they fail at once and each caller falls back to what this
 * process can do alone. It reconnects in the background, every 2 s at most.
 */
export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
    lazyConnect: false,
  });
  let lastWarnMs = 0;
  redis.on('error', (error: Error) => {
    // One line per 10 s while Redis is away, not one per reconnection attempt.
    const nowMs = Date.now();
    if (nowMs - lastWarnMs < 10_000) return;
    lastWarnMs = nowMs;
    options.logger.warn({ err: error.message }, 'coordination redis error');
  });
  return redis;
}

/** Whether Redis answers a PING within `timeoutMs`. */
export async function redisReachable(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  try {
    return (await pTimeout(redis.ping(), { milliseconds: timeoutMs })) === 'PONG';
  } catch {
    return false;
  }
}
