import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAdjusted } from '../../src/market-data/adjust.ts';
import { createYahooProvider } from '../../src/market-data/yahoo-provider.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { RECORDED_DIR, startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const AAPL_FILE = join(RECORDED_DIR, 'chart-AAPL-2020-08-31-to-2020-11-07.json');
const hasRecorded = existsSync(AAPL_FILE);
if (!hasRecorded) console.warn(`[skip] ${RECORDED_DIR} is absent: recorded Yahoo response tests skipped`);

describe.skipIf(!hasRecorded)('recorded Yahoo responses through yahoo-finance2', () => {
  let server: YahooServer;
  beforeAll(async () => {
    server = await startYahooServer();
  });
  afterAll(() => server?.close());
  const provider = () =>
    createYahooProvider({
      baseUrl: server.url,
      timeoutMs: 2000,
      retries: 0,
      concurrency: 4,
      logger: silentLogger,
    });

  it('AAPL around the 2020 4:1 split: split-adjusted bars, the split and the dividend', async () => {
    const recorded = JSON.parse(readFileSync(AAPL_FILE, 'utf8')).response.bodyJson.chart.result[0];
    const quote = recorded.indicators.quote[0];
    const adjclose = recorded.indicators.adjclose[0].adjclose;

    const series = await provider().fetchDaily('AAPL', '2020-08-31', '2020-11-07');
    expect(series.exchangeTimezone).toBe('America/New_York');
    expect(series.currency).toBe('USD');
    expect(series.bars).toHaveLength(49);
    expect(series.bars[0]).toEqual({
      date: '2020-08-31',
      open: 127.58000183105469,
      high: 131,
      low: 126,
      close: 129.0399932861328,
      adjClose: adjclose[0],
      volume: 225702700,
    });
    expect(series.bars.at(-1)?.date).toBe('2020-11-06');
    expect(series.bars.map((b) => b.close)).toEqual(quote.close);
    expect(series.actions).toEqual([
      { date: '2020-08-31', kind: 'split', value: 4 },
      { date: '2020-11-06', kind: 'dividend', value: 0.205 },
    ]);

    const adjusted = toAdjusted(series.bars);
    series.bars.forEach((raw, i) => {
      const factor = adjclose[i] / quote.close[i];
      expect(adjusted[i].close).toBe(adjclose[i]);
      expect(adjusted[i].open).toBeCloseTo(quote.open[i] * factor, 10);
      expect(adjusted[i].high).toBeCloseTo(quote.high[i] * factor, 10);
      expect(adjusted[i].low).toBeCloseTo(quote.low[i] * factor, 10);
      expect(adjusted[i].volume).toBe(raw.volume);
    });
    // Dividend-adjusted closes sit below the raw closes before the ex-date.
    expect(adjusted[0].close).toBeLessThan(series.bars[0].close);
  });

  it('AAPL cut to a sub-range keeps only its bars and no event outside it', async () => {
    const series = await provider().fetchDaily('AAPL', '2020-09-01', '2020-09-04');
    expect(series.bars.map((b) => b.date)).toEqual(['2020-09-01', '2020-09-02', '2020-09-03', '2020-09-04']);
    expect(series.actions).toEqual([]);
  });

  it('NVDA 2021: 252 bars and the 4:1 split on 2021-07-20', async () => {
    const series = await provider().fetchDaily('NVDA', '2021-02-01', '2022-01-31');
    expect(series.bars).toHaveLength(252);
    expect(series.actions).toEqual([{ date: '2021-07-20', kind: 'split', value: 4 }]);
  });

  it('MSFT 2021: four dividends with their amounts and ex-dates', async () => {
    const series = await provider().fetchDaily('MSFT', '2021-02-01', '2022-01-31');
    expect(series.bars).toHaveLength(252);
    expect(series.actions).toEqual([
      { date: '2021-02-17', kind: 'dividend', value: 0.56 },
      { date: '2021-05-19', kind: 'dividend', value: 0.56 },
      { date: '2021-08-18', kind: 'dividend', value: 0.56 },
      { date: '2021-11-17', kind: 'dividend', value: 0.62 },
    ]);
  });

  it('BTC-USD in UTC: bars dated by the UTC day', async () => {
    const series = await provider().fetchDaily('BTC-USD', '2020-01-01', '2020-01-02');
    expect(series.exchangeTimezone).toBe('UTC');
    expect(series.bars.map((b) => b.date)).toEqual(['2020-01-01', '2020-01-02']);
  });
});
