/** Shared set-up for the data sections: temp SQLite files, the MariaDB URL, readers over a repository. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTtlCache, type TtlCache } from '../../src/cache/ttl-cache.ts';
import type { Repository } from '../../src/db/repository.ts';
import {
  type CachedSeries,
  createSeriesReader,
  type SeriesReader,
} from '../../src/market-data/read-through.ts';
import type { PriceSeries, SeriesKey } from '../../src/market-data/series.ts';
import type { PriceProvider } from '../../src/market-data/types.ts';
import { silentLogger } from '../../src/observability/logger.ts';

/** MariaDB server for the MySQL rows; `BENCH_MYSQL_URL` overrides, `TEST_DATABASE_URL` is also read. */
export const MYSQL_BASE_URL =
  process.env.BENCH_MYSQL_URL ?? process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A temp directory removed by the returned function. */
export function tempDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function memoryCache(namespace = 'series:v1'): TtlCache<CachedSeries> {
  return createTtlCache<CachedSeries>({ url: undefined, namespace, logger: silentLogger });
}

export function readerOver(
  repository: Repository,
  provider: PriceProvider,
  cache: TtlCache<CachedSeries> = memoryCache(),
): SeriesReader {
  return createSeriesReader({
    cache,
    repository,
    provider,
    logger: silentLogger,
    now: Date.now,
    ttl: { historicalS: 86_400, recentS: 3_600 },
  });
}

/** Loads one series and checks where it came from. */
export async function loadOne(
  reader: SeriesReader,
  key: SeriesKey,
  expected?: PriceSeries['source'],
): Promise<PriceSeries> {
  const [result] = await reader.loadMany([key]);
  if (result instanceof Error) throw result;
  if (expected !== undefined && result.source !== expected) {
    throw new Error(`${key.ticker}: expected source ${expected}, got ${result.source}`);
  }
  return result;
}
