/**
 * Yahoo answers 429, 500, malformed JSON, or never answers, while the real service (a child
 * process on SQLite) serves requests through the real yahoo-finance2 client.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { startYahooServer, type YahooFault, type YahooServer } from '../support/yahoo-server.ts';
import { BASE_ENV, codes, gql, leakIn, statusOf, unhandledLogLines, waitUntil } from './fault-support.ts';

const TIMEOUT_MS = 600;
const RETRIES = 2;
const ATTEMPTS = RETRIES + 1;
/** Full-jitter backoff before retry i is below min(2000, 200·2^i) ms. */
const BACKOFF_MS = Array.from({ length: RETRIES }, (_, i) => Math.min(2000, 200 * 2 ** i)).reduce(
  (a, b) => a + b,
  0,
);
/** The longest a request may take when Yahoo fails: every attempt times out, every backoff is maximal. */
const DEADLINE_MS = TIMEOUT_MS * ATTEMPTS + BACKOFF_MS + 1_500;

const SERIES = `query ($t: String!, $to: Date!) {
  priceSeries(ticker: $t, from: "2023-01-02", to: $to) { source stale barCount }
}`;
const LIST = `query ($ts: [String!]!) {
  priceSeriesList(tickers: $ts, from: "2023-01-02", to: "2023-03-31") { ticker barCount }
}`;
const BACKTEST = `query ($t: String!) {
  backtest(input: { ticker: $t, from: "2023-01-02", to: "2023-06-30", strategy: "SmaCross",
                    params: { fast: 5, slow: 20 } }) { cached stats { tradeCount } }
}`;

interface SeriesData {
  priceSeries: { source: string; stale: boolean; barCount: number };
}

const FAULTS: { name: string; fault: YahooFault; attempts: number }[] = [
  { name: 'HTTP 429', fault: { status: 429 }, attempts: ATTEMPTS },
  { name: 'HTTP 500', fault: { status: 500 }, attempts: ATTEMPTS },
  // A 200 with a body that is not JSON is an answer, not a transient failure: never retried.
  { name: 'malformed JSON', fault: { malformed: true }, attempts: 1 },
  { name: 'a hang', fault: { hang: true }, attempts: ATTEMPTS },
];

describe('Yahoo failing while the service runs', () => {
  let yahoo: YahooServer;
  let service: ServiceProcess;

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    service = await startService({
      ...BASE_ENV,
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-yahoo-fault-')), 'test.db')}`,
      YAHOO_BASE_URL: yahoo.url,
      YAHOO_TIMEOUT_MS: String(TIMEOUT_MS),
      YAHOO_RETRIES: String(RETRIES),
      YAHOO_CONCURRENCY: '4',
    });
    await waitUntil(async () => (await statusOf(`${service.url}/readyz`)) === 200, 15_000, 'readiness');
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await yahoo?.close();
  });

  beforeEach(() => yahoo.reset());

  FAULTS.forEach(({ name, fault, attempts }, k) => {
    describe(`on ${name}`, () => {
      it('answers UPSTREAM_UNAVAILABLE after a bounded number of attempts, within the deadline', async () => {
        const ticker = `NEW${k}`;
        yahoo.setFault(ticker, fault);
        const answer = await gql(service.url, SERIES, { t: ticker, to: '2023-03-31' });
        expect(answer.data?.priceSeries ?? null).toBeNull();
        expect(codes(answer)).toEqual(['UPSTREAM_UNAVAILABLE']);
        expect(answer.errors?.[0].message).toMatch(/unavailable|unreadable|unexpected shape/i);
        expect(leakIn(answer)).toBeNull();
        expect(answer.ms).toBeLessThan(DEADLINE_MS);
        expect(yahoo.countFor(ticker)).toBe(attempts);
        // A backtest on such a ticker fails the same way.
        const backtest = await gql(service.url, BACKTEST, { t: ticker });
        expect(codes(backtest)).toEqual(['UPSTREAM_UNAVAILABLE']);
        expect(backtest.ms).toBeLessThan(DEADLINE_MS);
      });

      it('serves the stored part as stale when a wider range needs Yahoo, and fresh data once it is back', async () => {
        const ticker = `KEPT${k}`;
        const stored = await gql<SeriesData>(service.url, SERIES, { t: ticker, to: '2023-03-31' });
        expect(stored.data?.priceSeries).toMatchObject({ source: 'PROVIDER', stale: false });
        const storedBars = stored.data!.priceSeries.barCount;

        yahoo.setFault(ticker, fault);
        const stale = await gql<SeriesData>(service.url, SERIES, { t: ticker, to: '2023-06-30' });
        expect(stale.errors).toBeUndefined();
        expect(stale.data?.priceSeries).toEqual({ source: 'DATABASE', stale: true, barCount: storedBars });
        expect(stale.ms).toBeLessThan(DEADLINE_MS);

        yahoo.setFault(ticker, null);
        // A stale answer is not cached: the next request asks Yahoo again.
        const fresh = await gql<SeriesData>(service.url, SERIES, { t: ticker, to: '2023-06-30' });
        expect(fresh.data?.priceSeries.source).toBe('PROVIDER');
        expect(fresh.data?.priceSeries.stale).toBe(false);
        expect(fresh.data!.priceSeries.barCount).toBeGreaterThan(storedBars);
      });
    });
  });

  it('keeps every request of a burst within the deadline while Yahoo hangs (the concurrency limit counts against it)', async () => {
    yahoo.setFault('*', { hang: true });
    const tickers = Array.from({ length: 12 }, (_, i) => `HUNG${i}`);
    const answers = await Promise.all([
      gql(service.url, LIST, { ts: tickers }),
      ...tickers.map((t) => gql(service.url, SERIES, { t: `${t}X`, to: '2023-03-31' })),
    ]);
    // The list answers one error per ticker (each item fails on its own); the others one each.
    expect(codes(answers[0])).toEqual(tickers.map(() => 'UPSTREAM_UNAVAILABLE'));
    for (const answer of answers.slice(1)) expect(codes(answer)).toEqual(['UPSTREAM_UNAVAILABLE']);
    for (const answer of answers) expect(answer.ms).toBeLessThan(DEADLINE_MS);
    // The service still answers at once, and Yahoo was never asked more than the retry budget.
    expect((await gql(service.url, '{ strategies { name } }')).errors).toBeUndefined();
    for (const t of tickers) expect(yahoo.countFor(t)).toBeLessThanOrEqual(ATTEMPTS);
  });

  it('recovers from transient 429s within the retry budget without an error', async () => {
    yahoo.setFault('BLIP', { status: 429, times: RETRIES });
    const answer = await gql<SeriesData>(service.url, SERIES, { t: 'BLIP', to: '2023-03-31' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.priceSeries).toMatchObject({ source: 'PROVIDER', stale: false });
    expect(yahoo.countFor('BLIP')).toBe(ATTEMPTS);
  });

  it('logged no unhandled rejection and is still running', () => {
    expect(service.child.exitCode).toBeNull();
    expect(unhandledLogLines(service)).toEqual([]);
  });
});

describe('Yahoo hanging longer than the request deadline', () => {
  const REQUEST_TIMEOUT_MS = 1_500;
  let yahoo: YahooServer;
  let service: ServiceProcess;

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    service = await startService({
      ...BASE_ENV,
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-yahoo-deadline-')), 'test.db')}`,
      YAHOO_BASE_URL: yahoo.url,
      // Yahoo's own budget (3 attempts × 1 s + backoff) is longer than the request's.
      YAHOO_TIMEOUT_MS: '1000',
      YAHOO_RETRIES: '2',
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
    await waitUntil(async () => (await statusOf(`${service.url}/readyz`)) === 200, 15_000, 'readiness');
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await yahoo?.close();
  });

  it('answers DEADLINE_EXCEEDED at the deadline; the load failing later in the background harms nothing', async () => {
    yahoo.setFault('*', { hang: true });
    const answers = await Promise.all(
      ['SLOW1', 'SLOW2', 'SLOW1'].map((t) => gql(service.url, SERIES, { t, to: '2023-03-31' })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(504);
      expect(codes(answer)).toEqual(['DEADLINE_EXCEEDED']);
      expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1_500);
    }
    // Let the abandoned loads run out their retries and fail.
    await expect.poll(() => yahoo.countFor('SLOW1'), { timeout: 10_000 }).toBe(ATTEMPTS);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(yahoo.countFor('SLOW1')).toBe(ATTEMPTS);

    yahoo.setFault('*', null);
    const recovered = await gql<SeriesData>(service.url, SERIES, { t: 'SLOW1', to: '2023-03-31' });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.priceSeries).toMatchObject({ source: 'PROVIDER', stale: false });
    expect(service.child.exitCode).toBeNull();
    expect(unhandledLogLines(service)).toEqual([]);
  });
});
