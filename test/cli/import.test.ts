import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../src/db/create-repository.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../engine/support/data.ts';
import { runCli } from './run-cli.ts';

warnIfNoSharedData('CLI import');

describe.skipIf(!sharedDataAvailable)('cli import, warm, migrate', () => {
  it('stores the validated bars and their coverage in the database of DATABASE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-import-'));
    const databaseUrl = `file:${join(dir, 'test.db')}`;
    const env = { DATABASE_URL: databaseUrl, WARM_ON_START: 'false' };
    const migrated = await runCli(['migrate'], env);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    const run = await runCli(
      ['import', '--ticker', 'goog', '--csv', resolve(sharedDataDir, 'GOOG.csv')],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imported 2148 bars of GOOG (2004-08-19 to 2013-03-01)');

    const repository = createRepository({ databaseUrl });
    try {
      const bars = await repository.readBars('GOOG', '2004-01-01', '2014-01-01');
      expect(bars).toHaveLength(2148);
      expect(bars[0]).toMatchObject({ ticker: 'GOOG', date: '2004-08-19', close: 100.34 });
      expect(bars.at(-1)).toMatchObject({ date: '2013-03-01', open: 797.8, close: 806.19, adjClose: 806.19 });
      const coverage = await repository.readCoverage(['GOOG']);
      expect(coverage.map((c) => [c.ticker, c.from, c.to])).toEqual([['GOOG', '2004-08-19', '2013-03-01']]);
    } finally {
      await repository.close();
    }
  });

  it('warm loads the configured tickers through the provider and prints one row per ticker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-warm-'));
    const env = {
      DATABASE_URL: `file:${join(dir, 'test.db')}`,
      PRICE_PROVIDER: 'csv',
      PRICE_CSV_DIR: sharedDataDir,
      WARM_YEARS: '30',
    };
    const partial = await runCli(['warm'], { ...env, WARM_TICKERS: 'GOOG,NOPE' });
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/^GOOG\s+ok\s+2148\s*$/m);
    expect(partial.stdout).toMatch(/^NOPE\s+failed\s+0\s+\S/m);
    const ok = await runCli(['warm'], { ...env, WARM_TICKERS: 'GOOG' });
    expect(ok.code).toBe(0);
  });

  it('refuses an invalid ticker as a usage error', async () => {
    const run = await runCli([
      'import',
      '--ticker',
      'not a ticker',
      '--csv',
      resolve(sharedDataDir, 'GOOG.csv'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--ticker: "not a ticker" is not a valid ticker symbol/);
  });
});
