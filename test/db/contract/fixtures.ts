/** Data for the repository contract. */
import type { StoredBar } from '../../../src/market-data/price-store.ts';
import { addDays } from '../../../src/dates.ts';

export { addDays };

/** Doubles whose shortest decimal form is long or whose binary form is inexact. */
export const AWKWARD_DOUBLES = [
  0.1 + 0.2,
  1 / 3,
  2 / 3,
  123456.789012345,
  1e-7,
  98765.4321e3,
  Math.PI * 1e10,
  Number.MIN_VALUE * 2 ** 60,
  2 ** 53 / 3,
  0.00012345678901234567,
  1 / 7e5,
];

/** `count` consecutive calendar-day bars from `start`, with prices derived from the index. */
export function makeBars(ticker: string, start: string, count: number, priceOffset = 0): StoredBar[] {
  return Array.from({ length: count }, (_, i) => {
    const base = 100 + priceOffset + i / 7;
    return {
      ticker,
      date: addDays(start, i),
      open: base,
      high: base + 1.25,
      low: base - 1.5,
      close: base + 0.1,
      adjClose: (base + 0.1) * 0.97,
      volume: 1_000_000 + i,
    };
  });
}

export const ALL_DATES = { from: '0001-01-01', to: '9999-12-31' } as const;

/** Dates around leap days, DST switches and year ends, for the time-zone round trip. */
export const TZ_DATES = ['2000-02-29', '2024-01-01', '2024-03-10', '2024-11-03', '2024-12-31'];
