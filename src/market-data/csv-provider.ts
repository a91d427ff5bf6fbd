import { isTicker } from './ticker.ts';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError, UpstreamUnavailableError } from '../errors.ts';
import { type PriceCsvRow, parsePriceCsv } from './csv.ts';
import { toDailyRows } from './daily-rows.ts';
import { assertIsoDate } from '../dates.ts';
import type { DailyBar, PriceProvider, ProviderSeries } from './types.ts';

/**
 * Offline provider: `<dir>/<TICKER>.csv` in either price CSV layout (see csv.ts).
 * A file without Adj Close serves adjClose = close. The files carry no corporate actions.
 * Parsed files are kept in memory until their size or modification time changes.
 */

export interface CsvProviderOptions {
  dir: string;
  /** Reported as the series' exchange time zone; the CSV dates are taken as local dates. */
  timeZone?: string;
  currency?: string | null;
}

function toBar(row: PriceCsvRow): DailyBar {
  return {
    date: row.date,
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
    adjClose: row.adjClose ?? row.close,
    volume: row.volume,
  };
}

export function createCsvProvider(options: CsvProviderOptions): PriceProvider {
  const cache = new Map<string, { version: string; bars: DailyBar[] }>();

  async function load(symbol: string): Promise<DailyBar[]> {
    const path = join(options.dir, `${symbol}.csv`);
    let version: string;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new NotFoundError(`Unknown ticker ${symbol}`, 'ticker');
      version = `${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof NotFoundError) {
        throw new NotFoundError(`Unknown ticker ${symbol}`, 'ticker');
      }
      throw new UpstreamUnavailableError(`Price file for ${symbol} cannot be read`, error);
    }
    const cached = cache.get(symbol);
    if (cached?.version === version) return cached.bars;
    let rows: PriceCsvRow[];
    try {
      rows = parsePriceCsv(await readFile(path, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UpstreamUnavailableError(`Price file for ${symbol} is malformed: ${reason}`, error);
    }
    // An intraday file serves daily bars aggregated from its rows, never one row per day.
    const bars = toDailyRows(rows).rows.map(toBar);
    cache.set(symbol, { version, bars });
    return bars;
  }

  return {
    name: 'csv',
    async fetchDaily(ticker: string, from: string, to: string): Promise<ProviderSeries> {
      assertIsoDate(from, 'from');
      assertIsoDate(to, 'to');
      const symbol = ticker.trim().toUpperCase();
      if (!isTicker(symbol)) throw new NotFoundError(`Unknown ticker ${ticker}`, 'ticker');
      const bars = await load(symbol);
      return {
        ticker: symbol,
        currency: options.currency ?? null,
        exchangeTimezone: options.timeZone ?? 'UTC',
        bars: bars.filter((bar) => bar.date >= from && bar.date <= to).map((bar) => ({ ...bar })),
        actions: [],
      };
    },
  };
}
