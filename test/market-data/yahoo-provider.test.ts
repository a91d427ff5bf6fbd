import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { weekdayOf } from '../../src/dates.ts';
import { createYahooProvider } from '../../src/market-data/yahoo-provider.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

let server: YahooServer;
beforeAll(async () => {
  server = await startYahooServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function provider() {
  return createYahooProvider({
    baseUrl: server.url,
    timeoutMs: 2000,
    retries: 0,
    concurrency: 4,
    logger: silentLogger,
  });
}

describe('generated series through yahoo-finance2', () => {
  it('answers one bar per weekday of [from, to], dated in New York, across a DST change', async () => {
    // US daylight saving starts on Sunday 2024-03-10: bars move from 14:30 to 13:30 UTC.
    const series = await provider().fetchDaily('synth', '2024-03-06', '2024-03-13');
    expect(series).toMatchObject({
      ticker: 'SYNTH',
      currency: 'USD',
      exchangeTimezone: 'America/New_York',
      actions: [],
    });
    expect(series.bars.map((b) => b.date)).toEqual([
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-11',
      '2024-03-12',
      '2024-03-13',
    ]);
    for (const bar of series.bars) {
      expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
      expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
      expect(bar.volume).toBeGreaterThan(0);
    }
  });

  it('counts the weekdays of a whole year', async () => {
    const series = await provider().fetchDaily('YEAR', '2023-01-01', '2023-12-31');
    expect(series.bars).toHaveLength(260); // 2023 has 260 weekdays
    expect(series.bars.every((b) => weekdayOf(b.date) !== 0 && weekdayOf(b.date) !== 6)).toBe(true);
  });

  it('asks Yahoo for one extra UTC day either side, and one chart request per call', async () => {
    await provider().fetchDaily('RANGE', '2024-03-04', '2024-03-08');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      ticker: 'RANGE',
      period1Date: '2024-03-03',
      period2Date: '2024-03-09',
      interval: '1d',
      events: 'div|split',
    });
  });

  it('dates an Auckland session by its local day although it opens on the previous UTC day', async () => {
    // 10:00 NZDT = 21:00 UTC the day before: the UTC date would be off by one everywhere.
    server.addSeries('KIWI', { timeZone: 'Pacific/Auckland', openTime: '10:00' });
    const series = await provider().fetchDaily('KIWI', '2024-03-04', '2024-03-08');
    expect(series.exchangeTimezone).toBe('Pacific/Auckland');
    expect(series.bars.map((b) => b.date)).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
    ]);
  });

  it('dates a Tokyo session opened before midnight UTC by its local day', async () => {
    server.addSeries('7203.T', { timeZone: 'Asia/Tokyo', openTime: '08:00', currency: 'JPY' });
    // 08:00 JST = 23:00 UTC the day before: Monday's bar carries Sunday's UTC date.
    const series = await provider().fetchDaily('7203.T', '2024-03-08', '2024-03-11');
    expect(series.currency).toBe('JPY');
    expect(series.bars.map((b) => b.date)).toEqual(['2024-03-08', '2024-03-11']);
  });

  it('drops the null rows Yahoo sends for missing days', async () => {
    server.addSeries('HOLEY', { nullDates: ['2024-03-06'] });
    const series = await provider().fetchDaily('HOLEY', '2024-03-04', '2024-03-08');
    expect(series.bars.map((b) => b.date)).toEqual(['2024-03-04', '2024-03-05', '2024-03-07', '2024-03-08']);
  });

  it('maps injected splits and dividends to actions on their local dates, inside the range only', async () => {
    server.addSeries('EVNT', {
      splits: [
        { date: '2024-03-06', numerator: 3, denominator: 2 },
        { date: '2024-04-10', numerator: 1, denominator: 10 },
      ],
      dividends: [{ date: '2024-03-07', amount: 0.5 }],
    });
    const series = await provider().fetchDaily('EVNT', '2024-03-04', '2024-03-08');
    expect(series.actions).toEqual([
      { date: '2024-03-06', kind: 'split', value: 1.5 },
      { date: '2024-03-07', kind: 'dividend', value: 0.5 },
    ]);
    const reverse = await provider().fetchDaily('EVNT', '2024-04-01', '2024-04-30');
    expect(reverse.actions).toEqual([{ date: '2024-04-10', kind: 'split', value: 0.1 }]);
  });

  it('answers an empty series for a range without data', async () => {
    server.addSeries('YOUNG', { start: '2024-01-02' });
    const series = await provider().fetchDaily('YOUNG', '2023-01-01', '2023-06-30');
    expect(series.bars).toEqual([]);
    expect(series.exchangeTimezone).toBe('America/New_York');
  });

  it('gives the same bars for a range fetched whole or in two pieces', async () => {
    const whole = await provider().fetchDaily('JOIN', '2024-02-01', '2024-02-29');
    const first = await provider().fetchDaily('JOIN', '2024-02-01', '2024-02-14');
    const second = await provider().fetchDaily('JOIN', '2024-02-15', '2024-02-29');
    expect([...first.bars, ...second.bars]).toEqual(whole.bars);
  });
});
