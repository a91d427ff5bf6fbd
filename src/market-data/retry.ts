import { UpstreamUnavailableError } from '../errors.ts';
import type { Logger } from '../observability/logger.ts';
import type { LimitFunction } from 'p-limit';
import { OFFLINE_ADVICE } from './offline-advice.ts';

/**
 * The HTTP layer under the Yahoo adapter: a `fetch` with an origin rewrite, a per-attempt
 * timeout, a concurrency limit and retries with full-jitter exponential backoff.
 * Retried: HTTP 429, HTTP 5xx, network errors and timeouts. Never retried: any other status
 * (a 404 is an answer), or an abort by the caller's own signal.
 * Once the attempts are spent the failure is logged as a warning when the previous request
 * succeeded (or there was none), else at debug, so an outage logs one warning, not one per request.
 * A network error or timeout adds what to do offline to the error's message.
 */

export type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ResilientFetchOptions {
  /** Replaces scheme, host and port of every URL (a path prefix on it is kept). */
  baseUrl?: string;
  /** Per attempt, covering headers and body. */
  timeoutMs: number;
  /** Extra attempts after the first. */
  retries: number;
  /** Bounds the attempts in flight (a `p-limit` limit function). */
  limit: LimitFunction;
  logger: Logger;
  baseDelayMs?: number;
  maxDelayMs?: number;
  fetch?: FetchFn;
  random?: () => number;
}

/** Full jitter: a uniform delay in [0, min(maxMs, baseMs·2^attempt)), attempt counting from 0. */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `url` with its origin replaced by `baseUrl`'s origin and path prefix. */
export function rewriteOrigin(url: string, baseUrl: string | undefined): string {
  if (!baseUrl) return url;
  const original = new URL(url);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function inputUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

export function createResilientFetch(options: ResilientFetchOptions): FetchFn {
  const { timeoutMs, retries, limit, logger } = options;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 2000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const random = options.random ?? Math.random;

  /** One attempt; the body is read inside the timeout so a stalled body also times out. */
  async function attempt(
    url: string,
    init: RequestInit | undefined,
    callerSignal?: AbortSignal,
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    return limit(async () => {
      const response = await fetchImpl(url, { ...init, signal });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    });
  }

  let failing = false;

  return async function resilientFetch(input, init) {
    const url = rewriteOrigin(inputUrl(input), options.baseUrl);
    const path = new URL(url).pathname;
    const callerSignal = init?.signal ?? undefined;
    const attempts = retries + 1;
    for (let i = 0; i < attempts; i += 1) {
      const last = i === attempts - 1;
      let failure: string;
      let cause: unknown;
      let retryAfterMs = 0;
      let unreachable = false;
      try {
        const response = await attempt(url, init, callerSignal);
        if (!isRetryableStatus(response.status)) {
          if (failing) logger.info({ path }, 'yahoo requests succeed again');
          failing = false;
          return response;
        }
        failure = `HTTP ${response.status}`;
        const retryAfterS = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfterS) && retryAfterS > 0)
          retryAfterMs = Math.min(maxDelayMs, retryAfterS * 1000);
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        const timedOut =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        failure = timedOut ? `timeout after ${timeoutMs} ms` : 'network error';
        cause = error;
        unreachable = true;
      }
      if (last) {
        if (failing) logger.debug({ path, attempts, failure }, 'yahoo request failed');
        else logger.warn({ path, attempts, failure }, 'yahoo request failed');
        failing = true;
        const advice = unreachable ? ` ${OFFLINE_ADVICE}` : '';
        throw new UpstreamUnavailableError(
          `Yahoo Finance unavailable: ${failure} (${attempts} attempts).${advice}`,
          cause,
        );
      }
      const delayMs = Math.max(retryAfterMs, backoffDelayMs(i, baseDelayMs, maxDelayMs, random));
      logger.debug({ path, attempt: i + 1, failure, delayMs }, 'yahoo request retry');
      await sleep(delayMs, callerSignal);
    }
    throw new UpstreamUnavailableError('Yahoo Finance unavailable');
  };
}
