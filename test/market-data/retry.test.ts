import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../../src/errors.ts';
import {
  backoffDelayMs,
  createResilientFetch,
  type FetchFn,
  isRetryableStatus,
  rewriteOrigin,
} from '../../src/market-data/retry.ts';
import { silentLogger } from '../../src/observability/logger.ts';

describe('the concurrency bound of createResilientFetch', () => {
  it('keeps at most `limit` attempts in flight, starts them in arrival order and frees a slot on failure', async () => {
    let running = 0;
    let maxRunning = 0;
    const started: string[] = [];
    const fetch: FetchFn = async (input) => {
      const path = new URL(String(input)).pathname;
      started.push(path);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      if (path === '/0') throw new TypeError('fetch failed');
      return new Response('ok');
    };
    const limit = pLimit(3);
    const resilient = createResilientFetch({
      timeoutMs: 1000,
      retries: 0,
      limit,
      logger: silentLogger,
      fetch,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => resilient(`http://127.0.0.1:1/${i}`)),
    );
    expect(maxRunning).toBe(3);
    expect(started).toEqual(Array.from({ length: 10 }, (_, i) => `/${i}`));
    expect(results[0].status).toBe('rejected');
    expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(limit.activeCount).toBe(0);
    expect(limit.pendingCount).toBe(0);
  });
});

describe('backoff and classification', () => {
  it('draws full jitter below min(cap, base·2^attempt)', () => {
    expect(backoffDelayMs(0, 200, 2000, () => 0.999)).toBe(199);
    expect(backoffDelayMs(2, 200, 2000, () => 0.5)).toBe(400);
    expect(backoffDelayMs(10, 200, 2000, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(3, 200, 2000, () => 0)).toBe(0);
  });

  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404].some(isRetryableStatus)).toBe(false);
  });

  it('rewrites scheme, host and port, keeping path and query, and a base path prefix', () => {
    const url = 'https://query2.finance.yahoo.com/v8/finance/chart/AAPL?interval=1d&period1=1';
    expect(rewriteOrigin(url, undefined)).toBe(url);
    expect(rewriteOrigin(url, 'http://127.0.0.1:9999')).toBe(
      'http://127.0.0.1:9999/v8/finance/chart/AAPL?interval=1d&period1=1',
    );
    expect(rewriteOrigin(url, 'http://mirror.local/yahoo/')).toBe(
      'http://mirror.local/yahoo/v8/finance/chart/AAPL?interval=1d&period1=1',
    );
  });
});

describe('createResilientFetch', () => {
  function scripted(steps: Array<number | 'network'>) {
    const seen: string[] = [];
    const fetch: FetchFn = async (input) => {
      seen.push(String(input));
      const step = steps.shift() ?? 200;
      if (step === 'network') throw new TypeError('fetch failed');
      return new Response(step === 200 ? '{"ok":true}' : 'nope', { status: step });
    };
    const resilient = createResilientFetch({
      baseUrl: 'http://127.0.0.1:1',
      timeoutMs: 1000,
      retries: 2,
      limit: pLimit(2),
      logger: silentLogger,
      baseDelayMs: 1,
      maxDelayMs: 5,
      fetch,
    });
    return { resilient, seen };
  }

  it('retries network errors and returns the eventual answer with its body', async () => {
    const { resilient, seen } = scripted(['network', 'network', 200]);
    const response = await resilient('https://query2.finance.yahoo.com/x?y=1');
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toEqual(Array(3).fill('http://127.0.0.1:1/x?y=1'));
  });

  it('hands a 404 back at once', async () => {
    const { resilient, seen } = scripted([404]);
    expect((await resilient('https://query2.finance.yahoo.com/x')).status).toBe(404);
    expect(seen).toHaveLength(1);
  });

  it('throws UpstreamUnavailableError once the attempts are spent', async () => {
    const { resilient, seen } = scripted(['network', 502, 'network']);
    const error = await resilient('https://query2.finance.yahoo.com/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toMatch(/network error \(3 attempts\)/);
    expect(seen).toHaveLength(3);
  });
});
