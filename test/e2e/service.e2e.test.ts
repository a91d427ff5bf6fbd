/**
 * The real server (child process) on MariaDB with the real yahoo-finance2 client talking to the
 * local Yahoo test server, driven with the typed dashboard operations.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/dates.ts';
import {
  BacktestDocument,
  OptimizationHeatmapDocument,
  PortfolioRunDocument,
  PriceChartDocument,
  RunPortfolioDocument,
  ServiceStatsDocument,
} from '../../schema/generated/graphql.ts';
import { runCli } from '../cli/run-cli.ts';
import { createTestDatabase } from '../support/mysql.ts';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { execute } from '../support/typed.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const mysqlUrl = process.env.TEST_DATABASE_URL;
if (!mysqlUrl) {
  if (process.env.CI === 'true') throw new Error('TEST_DATABASE_URL must be set on CI');
  console.warn('[test/e2e] TEST_DATABASE_URL is not set: the end-to-end suite on MariaDB is skipped.');
}

describe.skipIf(!mysqlUrl)('the service end to end on MariaDB and the Yahoo test server', () => {
  let yahoo: YahooServer;
  let databaseUrl: string;
  let service: ServiceProcess;
  const start = async () => {
    const started = await startService({
      DATABASE_URL: databaseUrl,
      YAHOO_BASE_URL: yahoo.url,
      CACHE_TTL_RECENT_S: '1',
      MAX_OPTIMIZE_RUNS: '50000',
    });
    await started.ready();
    return started;
  };
  const gql = <R, V>(doc: Parameters<typeof execute<R, V>>[2], variables: V) =>
    execute(fetch, service.url, doc, variables);

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    databaseUrl = await createTestDatabase(mysqlUrl!, 't_e2e_service');
    service = await start();
    for (let i = 0; i < 60 && (await fetch(`${service.url}/readyz`)).status !== 200; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(async () => {
    await service?.stop();
    await yahoo?.close();
  });

  const input = {
    ticker: 'E2EA',
    from: '2016-01-01',
    to: '2020-12-31',
    strategy: 'SmaCross',
    params: { fast: 8, slow: 24 },
  };

  it('computes the same backtest as the CLI on the same data, within 1e-9', async () => {
    const chart = await gql(PriceChartDocument, { ticker: input.ticker, from: input.from, to: input.to });
    const c = chart.data!.priceSeries!.columns;
    const csv = [
      ',Open,High,Low,Close,Volume',
      ...c.dates.map((d, i) => `${d},${c.open[i]},${c.high[i]},${c.low[i]},${c.close[i]},${c.volume[i]}`),
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'bt-e2e-')), 'E2EA.csv');
    writeFileSync(file, `${csv.join('\n')}\n`);
    const cli = await runCli([
      'backtest',
      '--csv',
      file,
      '--strategy',
      'SmaCross',
      '--param',
      'fast=8',
      '--param',
      'slow=24',
      '--json',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout).stats as Record<string, unknown>;

    const r = await gql(BacktestDocument, { input });
    expect(r.errors).toBeUndefined();
    const stats = r.data!.backtest!.stats as Record<string, unknown>;
    for (const [key, want] of Object.entries(expected)) {
      const got = stats[key];
      if (typeof want === 'number' && typeof got === 'number') {
        expect(Math.abs(got - want), key).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      } else {
        expect(got, key).toEqual(want);
      }
    }
    expect(r.data!.backtest!.trades.length).toBe(JSON.parse(cli.stdout).trades.length);
  });

  it('answers the identical query from the result cache without running the engine', async () => {
    const runs = async () => (await gql(ServiceStatsDocument, {})).data!.serviceStats.engineRuns;
    await gql(BacktestDocument, { input });
    const before = await runs();
    const again = await gql(BacktestDocument, { input });
    expect(again.data!.backtest!.cached).toBe(true);
    expect(await runs()).toBe(before);
  });

  it('recomputes after new bars arrive for the ticker', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const live = { ...input, ticker: 'E2ELIVE', from: addDays(today, -200), to: today };
    yahoo.addSeries('E2ELIVE', { everyDay: true, start: addDays(today, -400), end: addDays(today, -2) });
    const first = await gql(BacktestDocument, { input: live });
    expect(first.errors).toBeUndefined();
    yahoo.addSeries('E2ELIVE', { everyDay: true, start: addDays(today, -400), end: today });
    await new Promise((r) => setTimeout(r, 1200)); // the recent series' TTL (CACHE_TTL_RECENT_S=1)
    const later = await gql(BacktestDocument, { input: live });
    expect(later.data!.backtest!.cached).toBe(false);
    expect(later.data!.backtest!.key).not.toBe(first.data!.backtest!.key);
    expect(later.data!.backtest!.stats.end).toBe(today);
    expect(later.data!.backtest!.equityCurve.length).toBeGreaterThan(first.data!.backtest!.equityCurve.length);
  });

  it('keeps a portfolio run retrievable by id after a restart', async () => {
    const run = await gql(RunPortfolioDocument, {
      input: {
        holdings: [
          { ticker: 'E2EA', weight: 0.5 },
          { ticker: 'E2EB', weight: 0.5 },
        ],
        from: '2018-01-01',
        to: '2019-12-31',
        rebalance: 'QUARTERLY',
      },
    });
    expect(run.errors).toBeUndefined();
    const id = run.data!.runPortfolioBacktest!.id;
    expect(await service.stop()).toBe(0);
    service = await start();
    const got = await gql(PortfolioRunDocument, { id });
    expect(got.data!.portfolioBacktest?.id).toBe(id);
    expect(got.data!.portfolioBacktest?.stats.equityFinal).toBe(
      run.data!.runPortfolioBacktest!.stats.equityFinal,
    );
  });

  it('keeps answering price series promptly while an optimization runs', async () => {
    yahoo.addSeries('E2EOPT', { start: '2000-01-03', end: '2020-12-31' });
    await gql(PriceChartDocument, { ticker: 'E2EOPT', from: '2000-01-01', to: '2020-12-31' });
    await gql(PriceChartDocument, { ticker: 'E2EA', from: '2016-01-01', to: '2020-12-31' });
    let optimizationDone = false;
    const optimization = gql(OptimizationHeatmapDocument, {
      input: {
        ticker: 'E2EOPT',
        from: '2000-01-01',
        to: '2020-12-31',
        strategy: 'SmaCross',
        grid: [
          { name: 'fast', from: 2, to: 60, step: 1 },
          { name: 'slow', from: 10, to: 200, step: 2 },
        ],
        constraint: 'fast < slow',
      },
    }).then((r) => {
      optimizationDone = true;
      return r;
    });
    const answeredDuring: boolean[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await gql(PriceChartDocument, { ticker: 'E2EA', from: '2016-01-01', to: '2020-12-31' });
      expect(r.data!.priceSeries!.source).toBe('MEMORY');
      answeredDuring.push(!optimizationDone);
    }
    const result = await optimization;
    expect(result.errors).toBeUndefined();
    expect(result.data!.optimizeStrategy!.runCount).toBeGreaterThan(4000);
    // Every chart request was answered while the optimization was still running.
    expect(answeredDuring).toEqual([true, true, true, true, true]);
  });
});
