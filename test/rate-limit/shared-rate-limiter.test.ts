/**
 * The rate limit shared by instances, on a real Redis (TEST_REDIS_URL; client keys unique to each
 * run). Each "instance" is a limiter with its own connection; Redis is cut with a TCP proxy.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.ts';
import { createSharedRateLimiter } from '../../src/rate-limit/shared-rate-limiter.ts';
import { requiredService } from '../faults/fault-support.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const redisUrl = requiredService('TEST_REDIS_URL', 'test/rate-limit/shared-rate-limiter.test.ts');
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let clients = 0;
const freshClient = () => `203.0.113.${run}.${clients++}`;

describe.skipIf(!redisUrl)('rate limit shared through Redis', () => {
  const connections: Redis[] = [];
  const proxies: TcpProxy[] = [];
  const connect = async (url = redisUrl!) => {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 300 });
    redis.on('error', () => undefined);
    connections.push(redis);
    if (redis.status !== 'ready') await new Promise<void>((r) => redis.once('ready', () => r()));
    return redis;
  };
  afterAll(async () => {
    for (const redis of connections) redis.disconnect();
    for (const proxy of proxies) await proxy.stop();
  });

  it('counts a client once across instances: the sixth request of five per minute is refused wherever it lands', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const onA = createSharedRateLimiter({ redis: a, perMinute: 5, logger: silentLogger });
    const onB = createSharedRateLimiter({ redis: b, perMinute: 5, logger: silentLogger });
    const client = freshClient();
    const decisions = [];
    for (const limiter of [onA, onB, onA, onB, onA, onB, onA]) decisions.push(await limiter.take(client));
    expect(decisions.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
    for (const refused of decisions.slice(5)) {
      expect(refused.allowed).toBe(false);
      const retryAfterS = (refused as { retryAfterS: number }).retryAfterS;
      expect(retryAfterS).toBeGreaterThanOrEqual(1);
      expect(retryAfterS).toBeLessThanOrEqual(60);
    }
    // Another client is counted apart.
    expect(await onB.take(freshClient())).toEqual({ allowed: true });
  });

  it('without Redis each instance limits on its own (counted as fallbacks), and shares again once Redis is back', async () => {
    const target = new URL(redisUrl!);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    proxies.push(proxy);
    const redis = await connect(`redis://127.0.0.1:${proxy.port}`);
    let fallbacks = 0;
    const limiter = createSharedRateLimiter({
      redis,
      perMinute: 3,
      logger: silentLogger,
      onFallback: () => {
        fallbacks += 1;
      },
    });
    const client = freshClient();
    proxy.setMode('down');
    const alone = [];
    for (let i = 0; i < 4; i += 1) alone.push((await limiter.take(client)).allowed);
    // Limited, not lifted: this instance's own bucket of the same size.
    expect(alone).toEqual([true, true, true, false]);
    expect(fallbacks).toBe(4);

    proxy.setMode('up');
    await expect.poll(() => redis.status, { timeout: 10_000, interval: 50 }).toBe('ready');
    const shared = createSharedRateLimiter({ redis: await connect(), perMinute: 3, logger: silentLogger });
    const back = freshClient();
    expect((await limiter.take(back)).allowed).toBe(true);
    expect((await shared.take(back)).allowed).toBe(true);
    expect((await limiter.take(back)).allowed).toBe(true);
    expect((await shared.take(back)).allowed).toBe(false);
    expect(fallbacks).toBe(4);
  });
});
