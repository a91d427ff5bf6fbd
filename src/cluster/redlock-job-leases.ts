import { type Lock, Redlock } from '@sesamecare-oss/redlock';
import type { Redis } from 'ioredis';
import type { JobLease, JobLeases } from '../jobs/job-leases.ts';
import type { Logger } from '../observability/logger.ts';
import { lockedByAnother } from './redlock-votes.ts';

/** How long a new job's lease waits for a connection that has not been ready yet. */
const FIRST_CONNECTION_WAIT_MS = 1_000;

export interface RedlockJobLeasesOptions {
  /** The coordination connection (commands fail at once while it is down). */
  redis: Redis;
  logger: Logger;
  /** A lease's length; renewed every third of it, so a dead holder's job is free after at most this. */
  leaseMs?: number;
}

/** One job's lease as this process holds it: its current lock, or none while Redis is away. */
interface Held {
  readonly id: string;
  lock: Lock | undefined;
  /** Set once another holder was seen with it, so the loss is logged once. */
  lost: boolean;
}

/**
 * Job leases as Redlock locks (`@sesamecare-oss/redlock`) on `job:<id>` in the coordination
 * Redis. Every lease held here is renewed by one timer, every third of its length: extended while
 * it is still this holder's, taken again when it lapsed or vanished (Redis away longer than a
 * lease, or restarted empty). Redlock's `using` is not used: it cannot stop renewing without
 * releasing (a job that waits in the queue still needs its lease), it retries a failed extension
 * at once in a loop while Redis is down, and its timer keeps the process alive.
 *
 * No job is taken over while Redis is away, nor within one lease after the connection came back:
 * holders whose connections return later than this one's get that long to take back leases a
 * restarted Redis forgot.
 */
export function createRedlockJobLeases(options: RedlockJobLeasesOptions): JobLeases {
  const leaseMs = options.leaseMs ?? 10_000;
  const { redis, logger } = options;
  // The lock keys live in the connection's own database (the lock scripts SELECT it).
  const redlock = new Redlock([redis], { retryCount: 0, db: redis.options.db ?? 0 });
  redlock.on('error', () => undefined);
  const held = new Map<string, Held>();
  /** Releases under way, which close() waits for (the connection may be closed right after it). */
  const releasing = new Set<Promise<unknown>>();
  const resource = (id: string) => `job:${id}`;
  let timer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> | undefined;
  let closed = false;
  let disconnected = false;
  let graceUntilMs = 0;
  let connectedOnce = redis.status === 'ready';

  const onClose = () => {
    disconnected = true;
  };
  const onReady = () => {
    connectedOnce = true;
    if (!disconnected) return;
    disconnected = false;
    graceUntilMs = Date.now() + leaseMs;
    void renewAll();
  };
  redis.on('close', onClose);
  redis.on('ready', onReady);

  /** Resolves once a first connection under way is ready, or after a moment; at once otherwise. */
  const firstConnection = async () => {
    if (connectedOnce || closed) return;
    if (redis.status !== 'connecting' && redis.status !== 'connect') return;
    let done = () => {};
    const ready = new Promise<void>((resolve) => {
      done = resolve;
      redis.once('ready', done);
    });
    const waitTimer = setTimeout(done, FIRST_CONNECTION_WAIT_MS);
    await ready;
    clearTimeout(waitTimer);
    redis.off('ready', done);
  };

  /** A lock on the job's key now, or undefined (another holder has it, or Redis did not answer). */
  const acquire = async (id: string): Promise<{ lock?: Lock; lockedByAnother: boolean }> => {
    try {
      return { lock: await redlock.acquire([resource(id)], leaseMs), lockedByAnother: false };
    } catch (error) {
      return { lockedByAnother: await lockedByAnother(error) };
    }
  };

  async function renew(entry: Held): Promise<void> {
    if (held.get(entry.id) !== entry) return;
    const { lock } = entry;
    let next: Lock | undefined;
    // Redlock refuses to extend a lock past its expiration: that one is taken again below.
    if (lock !== undefined && lock.expiration > Date.now()) {
      try {
        next = await lock.extend(leaseMs);
      } catch (error) {
        // Redis did not answer: the lock stands there until it expires; try again next time.
        if (!(await lockedByAnother(error))) return;
        // Refused: the key vanished (Redis restarted empty) or another holder has it.
      }
    }
    if (next === undefined) {
      const taken = await acquire(entry.id);
      if (taken.lock === undefined) {
        if (taken.lockedByAnother && !entry.lost) {
          entry.lost = true;
          // The job keeps running here: its end state is written only while it is RUNNING, so
          // whichever instance ends it first stores the result (the same on both: the engine is
          // deterministic) and the other's write changes nothing. Stopping it here could lose the
          // job should the new holder die too.
          logger.warn({ job: entry.id }, 'job lease lost: another instance may run this job too');
        }
        return;
      }
      next = taken.lock;
      if (entry.lost) logger.info({ job: entry.id }, 'job lease taken back');
      entry.lost = false;
    }
    if (held.get(entry.id) === entry) entry.lock = next;
    else await next.release().catch(() => undefined);
  }

  function renewAll(): Promise<void> {
    // One pass at a time: a pass that outlasts the period is not overlapped by the next.
    renewing ??= Promise.all([...held.values()].map(renew))
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        renewing = undefined;
      });
    return renewing;
  }

  function keep(entry: Held): JobLease {
    if (closed) {
      void entry.lock?.release().catch(() => undefined);
      return { release: async () => undefined };
    }
    held.set(entry.id, entry);
    if (timer === undefined) {
      timer = setInterval(() => void renewAll(), Math.max(100, Math.floor(leaseMs / 3)));
      timer.unref();
    }
    return {
      async release() {
        if (held.get(entry.id) !== entry) return;
        held.delete(entry.id);
        const released = entry.lock?.release().catch(() => undefined);
        entry.lock = undefined;
        if (released === undefined) return;
        releasing.add(released);
        await released;
        releasing.delete(released);
      },
    };
  }

  return {
    shared: true,
    async hold(id) {
      if (closed) return { release: async () => undefined };
      // A first connection still under way (the process just started) is waited for a moment:
      // another instance, whose Redis answers, would otherwise find the new job's lease free.
      await firstConnection();
      const entry: Held = { id, lock: (await acquire(id)).lock, lost: false };
      return keep(entry);
    },
    async takeOver(id) {
      if (closed || held.has(id) || redis.status !== 'ready' || Date.now() < graceUntilMs) return null;
      const { lock } = await acquire(id);
      return lock === undefined ? null : keep({ id, lock, lost: false });
    },
    async close() {
      closed = true;
      clearInterval(timer);
      redis.off('close', onClose);
      redis.off('ready', onReady);
      await renewing;
      const entries = [...held.values()];
      held.clear();
      await Promise.all([
        ...releasing,
        ...entries.map((entry) => entry.lock?.release().catch(() => undefined)),
      ]);
    },
  };
}
