/** Bars for the benchmarks: GOOG from the shared data folder and deterministic random walks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateToUtcMs, utcMsToDate } from '../../src/dates.ts';
import { type Bars, barsFromColumns } from '../../src/engine/bars.ts';
import type { SeriesColumns } from '../../src/market-data/series.ts';
import { mulberry32 } from '../../test/support/random.ts';
import { sharedDataDir } from '../../test/support/shared-data.ts';

export const GOOG_CSV = join(sharedDataDir, 'GOOG.csv');

const DAY_MS = 86_400_000;

/** GOOG in backtesting.py's CSV layout (`,Open,High,Low,Close,Volume`) as columns with dates. */
export function readGoogColumns(): SeriesColumns {
  const lines = readFileSync(GOOG_CSV, 'utf8').trim().split('\n').slice(1);
  const columns: SeriesColumns = { dates: [], open: [], high: [], low: [], close: [], volume: [] };
  for (const line of lines) {
    const [date, open, high, low, close, volume] = line.split(',');
    columns.dates.push(date);
    columns.open.push(Number(open));
    columns.high.push(Number(high));
    columns.low.push(Number(low));
    columns.close.push(Number(close));
    columns.volume.push(Number(volume));
  }
  return columns;
}

/** Engine bars (datetime index at 00:00 UTC) from dated columns. */
export function columnsToBars(columns: SeriesColumns): Bars {
  return barsFromColumns(
    {
      time: columns.dates.map(dateToUtcMs),
      open: columns.open,
      high: columns.high,
      low: columns.low,
      close: columns.close,
      volume: columns.volume,
    },
    { isDatetime: true },
  );
}

export interface WalkOptions {
  seed?: number;
  /** First date; default 1900-01-01. */
  start?: string;
  /** Only Monday to Friday (default true); false uses every calendar day. */
  weekdays?: boolean;
}

/**
 * A deterministic random walk of `count` daily bars (about 1.5% daily volatility, slight drift),
 * with consistent OHLC: open and close within [low, high].
 */
export function randomWalkColumns(count: number, options: WalkOptions = {}): SeriesColumns {
  const random = mulberry32(options.seed ?? 42);
  const weekdays = options.weekdays ?? true;
  const columns: SeriesColumns = { dates: [], open: [], high: [], low: [], close: [], volume: [] };
  let t = dateToUtcMs(options.start ?? '1900-01-01');
  let close = 100;
  while (columns.dates.length < count) {
    const day = new Date(t).getUTCDay();
    if (!weekdays || (day !== 0 && day !== 6)) {
      const open = close * (1 + (random() - 0.5) * 0.01);
      close = Math.max(1, open * (1 + (random() - 0.49) * 0.03));
      const high = Math.max(open, close) * (1 + random() * 0.01);
      const low = Math.min(open, close) * (1 - random() * 0.01);
      columns.dates.push(utcMsToDate(t));
      columns.open.push(open);
      columns.high.push(high);
      columns.low.push(low);
      columns.close.push(close);
      columns.volume.push(Math.round(1e6 + random() * 1e6));
    }
    t += DAY_MS;
  }
  return columns;
}

/** The baseline loop: reads every close once. */
export function sumCloses(bars: Bars): number {
  const close = bars.close;
  let sum = 0;
  for (let k = 0; k < close.length; k++) sum += close[k];
  return sum;
}
