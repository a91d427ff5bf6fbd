import { toAdjusted } from './adjust.ts';
import type { DailyBar } from './types.ts';

/** What a caller asks for: one ticker over an inclusive date range, adjusted or not. */
export interface SeriesKey {
  ticker: string;
  from: string;
  to: string;
  adjusted: boolean;
}

/** Where this request got a series from. */
export type SeriesSource = 'MEMORY' | 'DATABASE' | 'PROVIDER';

/** A price series as parallel arrays (what is cached, and what charts and the engine want). */
export interface SeriesColumns {
  dates: string[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

export interface PriceSeries extends SeriesKey {
  source: SeriesSource;
  /** Served from the store because the provider failed. */
  stale: boolean;
  columns: SeriesColumns;
  /** A digest of the data (dates and prices); changes whenever any served value changes. */
  fingerprint: string;
}

export function seriesKeyString(key: SeriesKey): string {
  return `${key.ticker}|${key.from}|${key.to}|${key.adjusted ? 'adj' : 'raw'}`;
}

/**
 * Columns for a key from validated bars (sorted, unique dates): only dates in [from, to];
 * with `adjusted`, OHLC scaled by adjClose/close so splits and dividends leave no jumps.
 */
export function toColumns(bars: readonly DailyBar[], key: SeriesKey): SeriesColumns {
  const columns: SeriesColumns = { dates: [], open: [], high: [], low: [], close: [], volume: [] };
  const inRange = bars.filter((bar) => bar.date >= key.from && bar.date <= key.to);
  for (const bar of key.adjusted ? toAdjusted(inRange) : inRange) {
    columns.dates.push(bar.date);
    columns.open.push(bar.open);
    columns.high.push(bar.high);
    columns.low.push(bar.low);
    columns.close.push(bar.close);
    columns.volume.push(bar.volume);
  }
  return columns;
}

/** FNV-1a over the dates and the bit patterns of every price: a cheap, exact change detector. */
export function fingerprintColumns(columns: SeriesColumns): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const buffer = new Float64Array(1);
  const words = new Uint32Array(buffer.buffer);
  const { dates, open, high, low, close, volume } = columns;
  const n = dates.length;
  h1 = Math.imul(h1 ^ n, 0x01000193) >>> 0;
  h2 = Math.imul(h2 ^ n, 0x5bd1e995) >>> 0;
  for (let i = 0; i < n; i += 1) {
    const date = dates[i];
    for (let c = 0; c < date.length; c += 1) {
      const word = date.charCodeAt(c);
      h1 = Math.imul(h1 ^ word, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ word, 0x5bd1e995) >>> 0;
    }
    // Each price as its two 32-bit words, in the order open, high, low, close, volume.
    for (let column = 0; column < 5; column += 1) {
      buffer[0] = (
        column === 0 ? open : column === 1 ? high : column === 2 ? low : column === 3 ? close : volume
      )[i];
      const lo = words[0];
      const hi = words[1];
      h1 = Math.imul(h1 ^ lo, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ lo, 0x5bd1e995) >>> 0;
      h1 = Math.imul(h1 ^ hi, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ hi, 0x5bd1e995) >>> 0;
    }
  }
  return `${n}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
