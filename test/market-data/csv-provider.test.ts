import { sharedDataDir } from '../support/shared-data.ts';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamUnavailableError } from '../../src/errors.ts';
import { createCsvProvider } from '../../src/market-data/csv-provider.ts';

const GOOG = join(sharedDataDir, 'GOOG.csv');
const dir = mkdtempSync(join(tmpdir(), 'csv-provider-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'ACME.csv'),
  'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-03,11,12,10,11.5,11.2,200\n2024-01-02,10,11,9,10.5,10.2,100\n2024-01-04,12,13,11,12.5,12.1,300\n',
);
writeFileSync(join(dir, 'BROKEN.csv'), ',Open,High,Low,Close,Volume\n2024-01-02,1,2,x,2,3\n');

describe('createCsvProvider', () => {
  const provider = createCsvProvider({ dir });

  it('serves <TICKER>.csv sorted and cut to [from, to], ticker upper-cased', async () => {
    const series = await provider.fetchDaily('acme', '2024-01-02', '2024-01-03');
    expect(series.ticker).toBe('ACME');
    expect(series.actions).toEqual([]);
    expect(series.bars).toEqual([
      { date: '2024-01-02', open: 10, high: 11, low: 9, close: 10.5, adjClose: 10.2, volume: 100 },
      { date: '2024-01-03', open: 11, high: 12, low: 10, close: 11.5, adjClose: 11.2, volume: 200 },
    ]);
  });

  it.skipIf(!existsSync(GOOG))('uses close as adjClose when the file has none', async () => {
    copyFileSync(GOOG, join(dir, 'GOOG.csv'));
    const series = await provider.fetchDaily('GOOG', '2004-08-19', '2004-08-20');
    expect(series.bars.map((b) => [b.close, b.adjClose])).toEqual([
      [100.34, 100.34],
      [108.31, 108.31],
    ]);
  });

  it('answers NotFoundError for a missing file and for a ticker that is not a file name', async () => {
    await expect(provider.fetchDaily('NOPE', '2024-01-01', '2024-01-31')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(provider.fetchDaily('../ACME', '2024-01-01', '2024-01-31')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers UpstreamUnavailableError naming the line for a malformed file', async () => {
    const error = await provider.fetchDaily('BROKEN', '2024-01-01', '2024-01-31').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toMatch(/line 2: Low is not a number/);
  });

  it('sees a file rewritten after it was first read', async () => {
    writeFileSync(join(dir, 'FRESH.csv'), 'Date,Open,High,Low,Close\n2024-01-02,1,2,1,1.5\n');
    expect((await provider.fetchDaily('FRESH', '2024-01-01', '2024-01-31')).bars).toHaveLength(1);
    writeFileSync(
      join(dir, 'FRESH.csv'),
      'Date,Open,High,Low,Close\n2024-01-02,1,2,1,1.5\n2024-01-03,1,2,1,1.75\n',
    );
    expect((await provider.fetchDaily('FRESH', '2024-01-01', '2024-01-31')).bars).toHaveLength(2);
  });
});
