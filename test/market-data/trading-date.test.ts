import { describe, expect, it } from 'vitest';
import { addDays, assertIsoDate, isIsoDate, weekdayOf } from '../../src/dates.ts';
import { dateToEpochSeconds, isTimeZone, toTradingDate } from '../../src/market-data/trading-date.ts';

describe('toTradingDate', () => {
  it('uses the exchange-local day, not the UTC day', () => {
    // 2023-03-01T22:00:00Z is already 2 March in Auckland (UTC+13) but 1 March in New York.
    const t = Date.parse('2023-03-01T22:00:00Z') / 1000;
    expect(toTradingDate(t, 'Pacific/Auckland')).toBe('2023-03-02');
    expect(toTradingDate(t, 'America/New_York')).toBe('2023-03-01');
    expect(toTradingDate(t, 'UTC')).toBe('2023-03-01');
  });

  it('follows daylight saving time in New York', () => {
    // 09:30 EST = 14:30 UTC in January; 09:30 EDT = 13:30 UTC in July.
    expect(toTradingDate(Date.parse('2020-01-02T14:30:00Z') / 1000, 'America/New_York')).toBe('2020-01-02');
    expect(toTradingDate(Date.parse('2020-07-02T03:59:00Z') / 1000, 'America/New_York')).toBe('2020-07-01');
    expect(toTradingDate(Date.parse('2020-07-02T04:00:00Z') / 1000, 'America/New_York')).toBe('2020-07-02');
  });

  it('rejects an unknown time zone', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(() => toTradingDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('ISO dates', () => {
  it('accepts real days and rejects impossible or malformed ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-00-10')).toBe(false);
    expect(isIsoDate('2023-1-05')).toBe(false);
    expect(isIsoDate('2023-01-05T00:00:00Z')).toBe(false);
    expect(() => assertIsoDate('2023-02-30', 'from')).toThrow(/from must be a calendar date/);
    expect(assertIsoDate('2023-02-28')).toBe('2023-02-28');
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-10', 30)).toBe('2024-04-09');
  });

  it('converts dates to UTC epoch seconds and weekdays', () => {
    expect(dateToEpochSeconds('2020-01-01')).toBe(1577836800);
    expect(weekdayOf('2024-06-01')).toBe(6);
    expect(weekdayOf('2024-06-03')).toBe(1);
  });
});
