/**
 * Fetched prices answer at once and are stored in the background. MariaDB sits behind a TCP
 * proxy, so a write can be made to fail ("down": connections cut and refused) and then succeed,
 * without touching the server other suites use.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTtlCache } from '../../src/cache/ttl-cache.ts';
import { createRepository } from '../../src/db/create-repository.ts';
import type { Repository } from '../../src/db/repository.ts';
import {
  type CachedSeries,
  createSeriesReader,
  type SeriesReader,
} from '../../src/market-data/read-through.ts';
import type { PriceSeries, SeriesKey } from '../../src/market-data/series.ts';
import { createYahooProvider } from '../../src/market-data/yahoo-provider.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { createTestDatabase, dropTestDatabase } from '../support/mysql.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';
import { type CapturedLog, captureLogger } from './log-capture.ts';

const mysqlUrl = process.env.TEST_DATABASE_URL;
const DB = 't_background_store';
const RANGE = { from: '2023-01-02', to: '2023-06-30' };

const key = (ticker: string): SeriesKey => ({ ticker, ...RANGE, adjusted: false });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe.skipIf(!mysqlUrl)('fetched prices stored in the background (MariaDB)', () => {
  let yahoo: YahooServer;
  let proxy: TcpProxy;
  let proxied: Repository;
  let direct: Repository;
  let lines: CapturedLog[];
  let reader: SeriesReader;

  /** A reader over `repository`; what it logs at warn and above goes to `lines`. */
  const readerOver = (repository: Repository, retryDelaysMs: readonly number[]) => {
    const captured = captureLogger('warn');
    lines = captured.lines;
    return createSeriesReader({
      cache: createTtlCache<CachedSeries>({ url: undefined, namespace: 'bg-test', logger: silentLogger }),
      repository,
      provider: createYahooProvider({
        baseUrl: yahoo.url,
        timeoutMs: 5_000,
        retries: 0,
        concurrency: 4,
        logger: silentLogger,
      }),
      logger: captured.logger,
      now: Date.now,
      ttl: { historicalS: 86_400, recentS: 3_600 },
      storeRetryDelaysMs: retryDelaysMs,
    });
  };
  const loadOne = async (target: SeriesReader, ticker: string): Promise<PriceSeries> => {
    const [result] = await target.loadMany([key(ticker)]);
    if (result instanceof Error) throw result;
    return result;
  };
  const storedCloses = async (ticker: string) =>
    (await direct.readBars(ticker, RANGE.from, RANGE.to)).map((b) => [b.date, b.close]);
  const answeredCloses = (series: PriceSeries) =>
    series.columns.dates.map((date, i) => [date, series.columns.close[i]]);

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    const url = await createTestDatabase(mysqlUrl!, DB);
    const target = new URL(url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 3306));
    const through = new URL(url);
    through.host = `127.0.0.1:${proxy.port}`;
    direct = createRepository({ databaseUrl: url });
    await direct.migrate();
    proxied = createRepository({ databaseUrl: through.toString() });
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await proxy?.stop();
    await yahoo?.close();
    if (mysqlUrl) await dropTestDatabase(mysqlUrl, DB).catch(() => undefined);
  });
  beforeEach(() => {
    yahoo.reset();
    proxy.setMode('up');
  });

  it('stores what it answered, with its coverage, so a new reader serves it from the DATABASE', async () => {
    reader = readerOver(proxied, [50]);
    const answered = await loadOne(reader, 'BGA');
    expect(answered.source).toBe('PROVIDER');
    await reader.flush();
    expect(await storedCloses('BGA')).toEqual(answeredCloses(answered));
    expect(await direct.readCoverage(['BGA'])).toMatchObject([{ ticker: 'BGA', ...RANGE }]);
    const again = await loadOne(readerOver(direct, [50]), 'BGA');
    expect(again.source).toBe('DATABASE');
    expect(again.columns).toEqual(answered.columns);
    expect(yahoo.countFor('BGA')).toBe(1);
  });

  it('answers unchanged while the database is down, logs the failed write and stores it once the database is back', async () => {
    const reference = await loadOne(readerOver(direct, [50]), 'BGREF'); // same generator, same bars
    reader = readerOver(proxied, [100, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    yahoo.setFault('BGB', { latencyMs: 400 });
    const loading = loadOne(reader, 'BGB');
    await until(() => yahoo.requests.some((r) => r.ticker === 'BGB'), 'the provider request');
    proxy.setMode('down');
    const answered = await loading;
    expect(answered.source).toBe('PROVIDER');
    expect(answered.stale).toBe(false);
    expect(answered.columns.dates).toEqual(reference.columns.dates);
    await until(() => lines.some((l) => l.msg === 'storing fetched prices failed: retrying'), 'a retry');
    const retry = lines.find((l) => l.msg === 'storing fetched prices failed: retrying')!;
    expect(retry).toMatchObject({ level: 40, tickers: ['BGB'], attempt: 1 });
    expect(await storedCloses('BGB')).toEqual([]);
    proxy.setMode('up');
    await reader.flush();
    expect(await storedCloses('BGB')).toEqual(answeredCloses(answered));
    expect(await direct.readCoverage(['BGB'])).toHaveLength(1);
    expect(lines.some((l) => l.level >= 50)).toBe(false);
  });

  it('gives up after its retries with an error log, recording no coverage: the next load fetches again', async () => {
    reader = readerOver(proxied, [50, 50]);
    yahoo.setFault('BGC', { latencyMs: 300 });
    const loading = loadOne(reader, 'BGC');
    await until(() => yahoo.requests.some((r) => r.ticker === 'BGC'), 'the provider request');
    proxy.setMode('down');
    expect((await loading).source).toBe('PROVIDER');
    await reader.flush();
    expect(lines.filter((l) => l.msg === 'storing fetched prices failed: retrying')).toHaveLength(2);
    expect(lines.find((l) => l.level === 50)).toMatchObject({ tickers: ['BGC'], attempts: 3 });
    proxy.setMode('up');
    expect(await direct.readCoverage(['BGC'])).toEqual([]);
    const fresh = readerOver(direct, [50]);
    expect((await loadOne(fresh, 'BGC')).source).toBe('PROVIDER');
    expect(yahoo.countFor('BGC')).toBe(2);
    await fresh.flush();
  });
});
