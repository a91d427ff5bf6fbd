/**
 * Job leases on a real Redis (TEST_REDIS_URL; job ids unique to each run). Each "instance" has
 * its own coordination connection, some through a TCP proxy that can cut it (a process that died
 * or lost the network); short leases keep the suite quick.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../../src/cluster/redis-connection.ts';
import { createRedlockJobLeases } from '../../src/cluster/redlock-job-leases.ts';
import type { JobLease, JobLeases } from '../../src/jobs/job-leases.ts';
import { type Logger, silentLogger } from '../../src/observability/logger.ts';
import { requiredService } from '../faults/fault-support.ts';
import { captureLogger } from '../market-data/log-capture.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const redisUrl = requiredService('TEST_REDIS_URL', 'test/cluster/redlock-job-leases.test.ts');
const LEASE_MS = 600;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisUrl)('job leases (Redlock on Redis)', () => {
  const connections: Redis[] = [];
  const proxies: TcpProxy[] = [];
  const leaseSets: JobLeases[] = [];

  const proxy = async () => {
    const target = new URL(redisUrl!);
    const started = await startTcpProxy(target.hostname, Number(target.port || 6379));
    proxies.push(started);
    return started;
  };
  const ready = async (redis: Redis) => {
    await expect.poll(() => redis.status, { timeout: 10_000, interval: 20 }).toBe('ready');
  };
  /** An instance's leases on its own connection (through `via` when given). */
  const instance = async (options: { via?: TcpProxy; logger?: Logger } = {}) => {
    const url = options.via ? `redis://127.0.0.1:${options.via.port}` : redisUrl!;
    const redis = createRedisConnection({ url, logger: silentLogger });
    connections.push(redis);
    const leases = createRedlockJobLeases({
      redis,
      logger: options.logger ?? silentLogger,
      leaseMs: LEASE_MS,
    });
    leaseSets.push(leases);
    if (options.via === undefined) await ready(redis);
    return { redis, leases };
  };
  /** Polls takeOver until it wins; the milliseconds it took. */
  const takeOverWithin = async (leases: JobLeases, id: string, timeoutMs: number) => {
    const started = performance.now();
    for (;;) {
      const lease = await leases.takeOver(id);
      if (lease) return { lease, waitedMs: performance.now() - started };
      if (performance.now() - started > timeoutMs)
        throw new Error(`lease of ${id} not won in ${timeoutMs} ms`);
      await sleep(25);
    }
  };

  afterEach(async () => {
    for (const leases of leaseSets.splice(0)) await leases.close();
    for (const started of proxies.splice(0)) await started.stop();
  });
  afterAll(() => {
    for (const redis of connections) redis.disconnect();
  });

  it('two instances asking at once: one wins; the other wins at once after a release', async () => {
    const id = randomUUID();
    const [a, b] = [await instance(), await instance()];
    const [fromA, fromB] = await Promise.all([a.leases.takeOver(id), b.leases.takeOver(id)]);
    expect([fromA, fromB].filter((lease) => lease !== null)).toHaveLength(1);
    const [winner, loser] = fromA ? [a, b] : [b, a];
    expect(await loser.leases.takeOver(id)).toBeNull();
    await (fromA ?? fromB)!.release();
    expect(await loser.leases.takeOver(id)).not.toBeNull();
    expect(await winner.leases.takeOver(id)).toBeNull();
  });

  it('a live holder keeps its lease past its length; one that stops renewing loses it within a lease', async () => {
    const id = randomUUID();
    const cut = await proxy();
    const log = captureLogger('warn');
    const holder = await instance({ via: cut, logger: log.logger });
    await ready(holder.redis);
    const other = await instance();
    await holder.leases.hold(id);
    await sleep(LEASE_MS * 2.5);
    expect(await other.leases.takeOver(id)).toBeNull();

    // The holder loses Redis (as a process that died): it cannot renew.
    cut.setMode('down');
    const { waitedMs } = await takeOverWithin(other.leases, id, LEASE_MS * 4);
    expect(waitedMs).toBeLessThan(LEASE_MS + 400);

    // It comes back: the lease is another's now; it says so once and does not take it back.
    cut.setMode('up');
    await ready(holder.redis);
    await expect
      .poll(() => log.lines.filter((l) => l.msg?.startsWith('job lease lost')).length, { timeout: 5_000 })
      .toBe(1);
    expect(log.lines.find((l) => l.msg?.startsWith('job lease lost'))).toMatchObject({ job: id });
    expect(await (await instance()).leases.takeOver(id)).toBeNull();
    await sleep(LEASE_MS);
    expect(log.lines.filter((l) => l.msg?.startsWith('job lease lost'))).toHaveLength(1);
  }, 20_000);

  it('a holder takes back a lease Redis forgot before a reconnected instance may take the job over', async () => {
    const id = randomUUID();
    const [toHolder, toOther] = [await proxy(), await proxy()];
    const holder = await instance({ via: toHolder });
    const other = await instance({ via: toOther });
    await ready(holder.redis);
    await ready(other.redis);
    await holder.leases.hold(id);
    // Redis restarts empty: every connection drops and the lease is gone.
    toHolder.setMode('down');
    toOther.setMode('down');
    const direct = new Redis(redisUrl!);
    connections.push(direct);
    expect(await direct.del(`job:${id}`)).toBe(1);
    // The other instance is back first; within a lease of its reconnection it takes nothing over.
    toOther.setMode('up');
    await ready(other.redis);
    expect(await other.leases.takeOver(id)).toBeNull();
    toHolder.setMode('up');
    await ready(holder.redis);
    await expect.poll(() => direct.exists(`job:${id}`), { timeout: 2_000, interval: 20 }).toBe(1);
    await sleep(LEASE_MS);
    expect(await other.leases.takeOver(id)).toBeNull();
  }, 20_000);

  it('a job held by a process whose first connection is still under way gets its lease at once', async () => {
    const id = randomUUID();
    const other = await instance();
    const redis = createRedisConnection({ url: redisUrl!, logger: silentLogger });
    connections.push(redis);
    expect(redis.status).not.toBe('ready');
    const leases = createRedlockJobLeases({ redis, logger: silentLogger, leaseMs: LEASE_MS });
    leaseSets.push(leases);
    await leases.hold(id);
    expect(await other.leases.takeOver(id)).toBeNull();
  });

  it('a job held while Redis is unreachable takes its lease once Redis answers', async () => {
    const id = randomUUID();
    const cut = await proxy();
    cut.setMode('down');
    const holder = await instance({ via: cut });
    const other = await instance();
    const started = performance.now();
    const lease = await holder.leases.hold(id);
    expect(performance.now() - started).toBeLessThan(1_000);
    cut.setMode('up');
    await ready(holder.redis);
    await sleep(LEASE_MS);
    expect(await other.leases.takeOver(id)).toBeNull();
    await lease.release();
    expect(await other.leases.takeOver(id)).not.toBeNull();
  }, 20_000);

  it('takes nothing over while Redis is unreachable, and close frees every lease at once', async () => {
    const cut = await proxy();
    const a = await instance({ via: cut });
    await ready(a.redis);
    const b = await instance();
    const ids = [randomUUID(), randomUUID()];
    const held: JobLease[] = [];
    for (const id of ids) held.push((await b.leases.takeOver(id))!);
    expect(held.every((lease) => lease !== null)).toBe(true);
    cut.setMode('down');
    expect(await a.leases.takeOver(randomUUID())).toBeNull();
    await b.leases.close();
    const c = await instance();
    for (const id of ids) expect(await c.leases.takeOver(id)).not.toBeNull();
  });
});
