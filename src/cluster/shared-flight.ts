import { type Lock, Redlock } from '@sesamecare-oss/redlock';
import type { Redis } from 'ioredis';
import { AppError, NotFoundError, UpstreamUnavailableError } from '../errors.ts';
import type { Logger } from '../observability/logger.ts';
import type { FetchOptions, PriceProvider, ProviderSeries } from '../market-data/types.ts';
import { lockedByAnother } from './redlock-votes.ts';

/** How a provider call went through the shared single flight. */
export type FlightOutcome =
  /** This instance held the lease and called the provider. */
  | 'led'
  /** Another instance called the provider; its published answer was used. */
  | 'followed'
  /** Waited past the bound for a holder that neither published nor let go: called the provider. */
  | 'gave_up'
  /** Redis could not be used: called the provider (this process's own single flight still applies). */
  | 'alone';

export interface SharedFlightOptions {
  redis: Redis;
  logger: Logger;
  /** The lease a holder takes, extended while its provider call runs; a dead holder's lapses. */
  leaseMs?: number;
  /** How long a waiter waits for another instance's answer before calling the provider itself. */
  waitMs?: number;
  /** How long a published series stays for waiters and late comers. */
  answerTtlMs?: number;
  /** How long a published provider error stays: long enough for the waiters, not a cache of failures. */
  errorTtlMs?: number;
  /** Between two looks for an answer. */
  pollMs?: number;
  onOutcome?: (outcome: FlightOutcome) => void;
}

/** What the holder publishes: the provider's series, or the error it got (codes waiters re-throw). */
type Published =
  | { series: ProviderSeries }
  | { error: { code: 'NOT_FOUND' | 'UPSTREAM_UNAVAILABLE'; message: string; field?: string } };

/**
 * Publishes the answer only while `lockKey` still holds this holder's lock value: a holder whose
 * lease lapsed (paused, partitioned) and was taken over cannot overwrite the new holder's answer.
 */
const FENCED_SET = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function toPublished(error: unknown): Published | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code !== 'NOT_FOUND' && error.code !== 'UPSTREAM_UNAVAILABLE') return undefined;
  return { error: { code: error.code, message: error.message, field: error.field } };
}

function fromPublished(published: Published): ProviderSeries {
  if ('series' in published) return published.series;
  const { code, message, field } = published.error;
  throw code === 'NOT_FOUND' ? new NotFoundError(message, field) : new UpstreamUnavailableError(message);
}

/**
 * The single flight across instances. A provider call for (ticker, from, to) takes a Redlock
 * lease on that key first; the holder calls the provider and publishes the answer in Redis,
 * fenced by its lock value; the other instances wait for that answer and use it. A holder that
 * dies stops extending its lease, which lapses, and the next waiter takes over; a waiter never
 * waits past `waitMs`. Without Redis every call goes straight to the provider.
 */
export function withSharedFlight(provider: PriceProvider, options: SharedFlightOptions): PriceProvider {
  const leaseMs = options.leaseMs ?? 5000;
  const waitMs = options.waitMs ?? 30_000;
  const answerTtlMs = options.answerTtlMs ?? 60_000;
  const errorTtlMs = options.errorTtlMs ?? 5_000;
  const pollMs = options.pollMs ?? 50;
  const { redis } = options;
  const redlock = new Redlock([redis], {
    retryCount: 0,
    // The lock keys live in the connection's own database (the lock scripts SELECT it).
    db: redis.options.db ?? 0,
  });
  redlock.on('error', () => undefined);

  const readAnswer = async (answerKey: string): Promise<Published | undefined> => {
    const text = await redis.get(answerKey);
    return text === null ? undefined : (JSON.parse(text) as Published);
  };

  async function lead(
    lock: Lock,
    lockKey: string,
    answerKey: string,
    call: () => Promise<ProviderSeries>,
  ): Promise<ProviderSeries> {
    let current = lock;
    let ended = false;
    let timer: NodeJS.Timeout | undefined;
    // Keeps the lease while the provider call runs, extending it at half its length; stops when
    // the call ends, and with this process: a dead holder's lease lapses.
    const keepLease = () => {
      timer = setTimeout(
        () => {
          current.extend(leaseMs).then(
            (extended) => {
              current = extended;
              if (!ended) keepLease();
            },
            () => undefined,
          );
        },
        Math.max(10, current.expiration - Date.now() - Math.floor(leaseMs / 2)),
      );
    };
    keepLease();
    const publish = (published: Published) =>
      redis
        .eval(
          FENCED_SET,
          2,
          lockKey,
          answerKey,
          current.value,
          JSON.stringify(published),
          'series' in published ? answerTtlMs : errorTtlMs,
        )
        .catch((error: unknown) => {
          options.logger.warn({ err: (error as Error).message }, 'shared flight: answer not published');
        });
    try {
      const series = await call();
      await publish({ series });
      return series;
    } catch (error) {
      const published = toPublished(error);
      if (published) await publish(published);
      throw error;
    } finally {
      ended = true;
      clearTimeout(timer);
      await current.release().catch(() => undefined);
    }
  }

  return {
    name: provider.name,
    async fetchDaily(ticker: string, from: string, to: string, fetchOptions?: FetchOptions) {
      const call = () => provider.fetchDaily(ticker, from, to, fetchOptions);
      const flight = `${provider.name}:${ticker}:${from}:${to}`;
      const lockKey = `flight:lock:${flight}`;
      const answerKey = `flight:answer:${flight}`;
      const deadline = Date.now() + waitMs;
      const done = (outcome: FlightOutcome) => options.onOutcome?.(outcome);
      for (;;) {
        let step: { answer: Published } | { lock: Lock };
        try {
          const answer = await readAnswer(answerKey);
          step = answer !== undefined ? { answer } : { lock: await redlock.acquire([lockKey], leaseMs) };
        } catch (error) {
          if (!(await lockedByAnother(error))) {
            done('alone');
            return call();
          }
          if (Date.now() >= deadline) {
            done('gave_up');
            options.logger.warn({ ticker, from, to, waitMs }, 'shared flight: gave up waiting');
            return call();
          }
          await sleep(pollMs + Math.random() * pollMs);
          continue;
        }
        if ('answer' in step) {
          done('followed');
          return fromPublished(step.answer);
        }
        // Taken: an answer may have been published between the look and the acquisition.
        const late = await readAnswer(answerKey).catch(() => undefined);
        if (late !== undefined) {
          await step.lock.release().catch(() => undefined);
          done('followed');
          return fromPublished(late);
        }
        done('led');
        return lead(step.lock, lockKey, answerKey, call);
      }
    },
  };
}
