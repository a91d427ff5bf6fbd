import { describe, expect, it } from 'vitest';
import { cacheTtlMs, coverableUntil, lastCompletedTradingDay } from '../../src/market-data/recency.ts';
import { fingerprintColumns, toColumns } from '../../src/market-data/series.ts';
import { toSeriesKey, toSeriesKeys } from '../../src/inputs/series.ts';
import type { DailyBar } from '../../src/market-data/types.ts';

const bar = (date: string, close: number, adjClose: number): DailyBar => ({
  date,
  open: close - 1,
  high: close + 2,
  low: close - 2,
  close,
  adjClose,
  volume: 1000,
});

describe('toColumns', () => {
  const bars = [bar('2024-01-02', 100, 50), bar('2024-01-03', 110, 55), bar('2024-01-04', 120, 120)];

  it('keeps only dates in range and returns split-adjusted prices as given when not adjusted', () => {
    const c = toColumns(bars, { ticker: 'X', from: '2024-01-03', to: '2024-01-31', adjusted: false });
    expect(c.dates).toEqual(['2024-01-03', '2024-01-04']);
    expect(c.close).toEqual([110, 120]);
    expect(c.open).toEqual([109, 119]);
  });

  it('scales OHLC by adjClose/close when adjusted', () => {
    const c = toColumns(bars, { ticker: 'X', from: '2024-01-01', to: '2024-01-31', adjusted: true });
    expect(c.close).toEqual([50, 55, 120]);
    expect(c.open[0]).toBeCloseTo(99 * 0.5, 12);
    expect(c.high[1]).toBeCloseTo(112 * 0.5, 12);
    expect(c.volume).toEqual([1000, 1000, 1000]);
  });
});

describe('fingerprintColumns', () => {
  const key = { ticker: 'X', from: '2024-01-01', to: '2024-12-31', adjusted: false };
  const base = toColumns([bar('2024-01-02', 100, 100), bar('2024-01-03', 101, 101)], key);

  it('is stable for equal data and changes when any price, date or bar count changes', () => {
    expect(fingerprintColumns(structuredClone(base))).toBe(fingerprintColumns(base));
    const revised = structuredClone(base);
    revised.close[1] = 101.00000000000001;
    expect(fingerprintColumns(revised)).not.toBe(fingerprintColumns(base));
    const moved = structuredClone(base);
    moved.dates[1] = '2024-01-04';
    expect(fingerprintColumns(moved)).not.toBe(fingerprintColumns(base));
    const longer = toColumns(
      [bar('2024-01-02', 100, 100), bar('2024-01-03', 101, 101), bar('2024-01-04', 1, 1)],
      key,
    );
    expect(fingerprintColumns(longer)).not.toBe(fingerprintColumns(base));
  });
});

describe('recency', () => {
  const wednesday = Date.parse('2024-05-15T15:00:00Z');
  const monday = Date.parse('2024-05-13T15:00:00Z');

  it('knows the last completed trading day, skipping weekends', () => {
    expect(lastCompletedTradingDay(wednesday)).toBe('2024-05-14');
    expect(lastCompletedTradingDay(monday)).toBe('2024-05-10');
  });

  it('gives historical ranges the long TTL and recent ones the short TTL', () => {
    const ttl = { historicalS: 86400, recentS: 3600 };
    expect(cacheTtlMs('2024-05-01', wednesday, ttl)).toBe(86_400_000);
    expect(cacheTtlMs('2024-05-14', wednesday, ttl)).toBe(3_600_000);
    expect(cacheTtlMs('2024-05-15', wednesday, ttl)).toBe(3_600_000);
  });

  it('never records a day that may still be trading as covered', () => {
    expect(coverableUntil(wednesday)).toBe('2024-05-13');
  });
});

describe('series requests', () => {
  const limits = { maxTickers: 3, maxRangeYears: 2 };

  it('upper-cases tickers and defaults to adjusted', () => {
    expect(toSeriesKey({ ticker: ' brk-b ', from: '2024-01-01', to: '2024-02-01' }, limits)).toEqual({
      ticker: 'BRK-B',
      from: '2024-01-01',
      to: '2024-02-01',
      adjusted: true,
    });
  });

  it.each([
    [{ ticker: 'AA PL', from: '2024-01-01', to: '2024-02-01' }, 'ticker'],
    [{ ticker: '', from: '2024-01-01', to: '2024-02-01' }, 'ticker'],
    [{ ticker: 'AAPL', from: '2024-03-01', to: '2024-02-01' }, 'from'],
    [{ ticker: 'AAPL', from: '2020-01-01', to: '2024-02-01' }, 'to'],
    [{ ticker: 'AAPL', from: '2023-02-30', to: '2024-02-01' }, 'from'],
  ])('rejects %o naming %s', (args, field) => {
    expect(() => toSeriesKey(args, limits)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
    );
  });

  it('limits the number of tickers and names the bad one', () => {
    expect(() =>
      toSeriesKeys({ tickers: ['A', 'B', 'C', 'D'], from: '2024-01-01', to: '2024-01-02' }, limits),
    ).toThrow(expect.objectContaining({ field: 'tickers' }));
    expect(() =>
      toSeriesKeys({ tickers: ['A', 'B!'], from: '2024-01-01', to: '2024-01-02' }, limits),
    ).toThrow(expect.objectContaining({ field: 'tickers[1]' }));
  });
});
