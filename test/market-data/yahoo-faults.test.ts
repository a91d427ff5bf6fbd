import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, UpstreamUnavailableError } from '../../src/errors.ts';
import { createYahooProvider, type YahooProviderOptions } from '../../src/market-data/yahoo-provider.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { chartMeta } from '../support/yahoo-chart.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';
import { captureLogger } from './log-capture.ts';

let server: YahooServer;
beforeAll(async () => {
  server = await startYahooServer({ recordedDir: null });
});
afterAll(() => server.close());

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'dir'] as const;
beforeEach(() => {
  server.reset();
  for (const method of consoleMethods) vi.spyOn(console, method);
});
afterEach(() => {
  // Nothing from the library may reach the console: it all goes to our Logger.
  for (const method of consoleMethods) expect(console[method]).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

function provider(overrides: Partial<YahooProviderOptions> = {}) {
  return createYahooProvider({
    baseUrl: server.url,
    timeoutMs: 1000,
    retries: 2,
    concurrency: 4,
    logger: silentLogger,
    baseDelayMs: 50,
    maxDelayMs: 200,
    ...overrides,
  });
}

const FROM = '2024-03-04';
const TO = '2024-03-08';

describe('retries', () => {
  it('retries HTTP 429 and answers data on the third attempt', async () => {
    server.setFault('BUSY', { status: 429, times: 2 });
    const series = await provider().fetchDaily('BUSY', FROM, TO);
    expect(series.bars).toHaveLength(5);
    expect(server.countFor('BUSY')).toBe(3);
  });

  it('gives up on HTTP 500 after exactly retries + 1 attempts', async () => {
    server.setFault('DOWN', { status: 500 });
    const error = await provider({ retries: 2 })
      .fetchDaily('DOWN', FROM, TO)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toMatch(/HTTP 500 \(3 attempts\)/);
    expect(server.countFor('DOWN')).toBe(3);
  });

  it('makes a single attempt when retries is 0', async () => {
    server.setFault('DOWN', { status: 503 });
    await expect(provider({ retries: 0 }).fetchDaily('DOWN', FROM, TO)).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
    expect(server.countFor('DOWN')).toBe(1);
  });

  it('applies a fault set for every ticker', async () => {
    server.setFault('*', { status: 500, times: 1 });
    expect((await provider().fetchDaily('ANY', FROM, TO)).bars).toHaveLength(5);
    expect(server.countFor('ANY')).toBe(2);
  });
});

describe('unknown tickers', () => {
  it('answers NotFoundError without retrying, then serves it from the negative cache', async () => {
    let nowMs = 1_000_000;
    const p = provider({ negativeCacheTtlMs: 60_000, now: () => nowMs });
    await expect(p.fetchDaily('UNKNOWN1', FROM, TO)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.countFor('UNKNOWN1')).toBe(1);
    await expect(p.fetchDaily('unknown1', FROM, TO)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.countFor('UNKNOWN1')).toBe(1);
    nowMs += 60_001;
    await expect(p.fetchDaily('UNKNOWN1', FROM, TO)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.countFor('UNKNOWN1')).toBe(2);
  });

  it('bounds the negative cache, forgetting the oldest entry first', async () => {
    const p = provider({ negativeCacheSize: 2 });
    for (const ticker of ['UNKNOWNA', 'UNKNOWNB', 'UNKNOWNC', 'UNKNOWNA', 'UNKNOWNC']) {
      await expect(p.fetchDaily(ticker, FROM, TO)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(server.countFor('UNKNOWNA')).toBe(2);
    expect(server.countFor('UNKNOWNC')).toBe(1);
  });

  it('rejects a ticker that is not a Yahoo symbol without asking', async () => {
    await expect(provider().fetchDaily('../etc/passwd', FROM, TO)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('bad responses', () => {
  it('turns malformed JSON into UpstreamUnavailableError, not retried, and logs it', async () => {
    const { logger, lines } = captureLogger();
    server.setFault('GARBLED', { malformed: true });
    const error = await provider({ logger })
      .fetchDaily('GARBLED', FROM, TO)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toBe('Yahoo Finance returned an unreadable response for GARBLED');
    expect(server.countFor('GARBLED')).toBe(1);
    expect(lines.some((l) => l.msg === 'yahoo response unusable' && l.symbol === 'GARBLED')).toBe(true);
  });

  it("turns a body failing the library's validation into UpstreamUnavailableError", async () => {
    const { logger, lines } = captureLogger();
    server.setFault('ODD', {
      body: { chart: { result: [{ meta: { symbol: 'ODD' }, indicators: { quote: [{}] } }], error: null } },
    });
    const error = await provider({ logger })
      .fetchDaily('ODD', FROM, TO)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toMatch(/unexpected shape for ODD/);
    expect(lines.some((l) => l.error === 'FailedYahooValidationError')).toBe(true);
  });
  it('turns a valid-looking body that cannot be mapped into UpstreamUnavailableError', async () => {
    const t = Date.parse('2024-03-04T14:30:00Z') / 1000;
    const quote = { open: [1], high: [2], low: [1], close: [1.5], volume: [10] };
    const body = (timeZone: string, timestamp: number[]) => ({
      chart: {
        result: [
          { meta: chartMeta('MAP', timeZone, 'USD', t, 1.5), timestamp, indicators: { quote: [quote] } },
        ],
        error: null,
      },
    });
    server.setFault('MAP', { body: body('America/New_York', [t, t + 86_400]) });
    await expect(provider().fetchDaily('MAP', FROM, TO)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    server.setFault('MAP', { body: body('Mars/Olympus_Mons', [t]) });
    await expect(provider().fetchDaily('MAP', FROM, TO)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    server.setFault('MAP', { body: body('America/New_York', [t]) });
    expect((await provider().fetchDaily('MAP', FROM, TO)).bars).toEqual([
      { date: '2024-03-04', open: 1, high: 2, low: 1, close: 1.5, adjClose: 1.5, volume: 10 },
    ]);
  });
});

describe('timeouts and cancellation', () => {
  it('rejects a hanging request within timeout × attempts plus backoff', async () => {
    server.setFault('STUCK', { hang: true });
    const timeoutMs = 300;
    const retries = 1;
    const started = performance.now();
    const error = await provider({ timeoutMs, retries })
      .fetchDaily('STUCK', FROM, TO)
      .catch((e: unknown) => e);
    const elapsedMs = performance.now() - started;
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toMatch(/timeout after 300 ms \(2 attempts\)/);
    expect(server.countFor('STUCK')).toBe(2);
    expect(elapsedMs).toBeGreaterThanOrEqual(timeoutMs * (retries + 1) - 20);
    expect(elapsedMs).toBeLessThan(timeoutMs * (retries + 1) + 3000);
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    server.setFault('STUCK', { hang: true });
    const controller = new AbortController();
    const pending = provider({ timeoutMs: 5000 }).fetchDaily('STUCK', FROM, TO, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('client went away')), 100);
    await expect(pending).rejects.toThrow('client went away');
    expect(server.countFor('STUCK')).toBe(1);
  });
});

describe('concurrency', () => {
  it('keeps at most `concurrency` requests in flight at the server', async () => {
    server.setFault('*', { latencyMs: 150 });
    const p = provider({ concurrency: 4 });
    const tickers = Array.from({ length: 10 }, (_, i) => `PAR${i}`);
    const results = await Promise.all(tickers.map((t) => p.fetchDaily(t, FROM, TO)));
    expect(results.every((s) => s.bars.length === 5)).toBe(true);
    expect(server.maxInFlight).toBe(4);
  });

  it('lets more through with a higher limit', async () => {
    server.setFault('*', { latencyMs: 150 });
    const p = provider({ concurrency: 10 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => p.fetchDaily(`WIDE${i}`, FROM, TO)));
    expect(server.maxInFlight).toBe(10);
  });
});
