import { readFile } from 'node:fs/promises';
import { type Bars, toBars } from '../engine/bars.ts';
import { EngineError } from '../engine/errors.ts';
import { PriceCsvError, type PriceCsvRow, parsePriceCsv } from '../market-data/csv.ts';
import { runtimeError } from './errors.ts';

/** Reads a CSV file as text; a missing or unreadable file is a runtime error naming it. */
export async function readCsvText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw runtimeError(`--csv ${path}: cannot read the file (${reason})`);
  }
}

/** Parses price CSV text; a malformed file is a runtime error naming the file and line. */
export function parseCsvRows(path: string, text: string): PriceCsvRow[] {
  try {
    const rows = parsePriceCsv(text);
    if (rows.length === 0) throw runtimeError(`--csv ${path}: the file has no price rows`);
    return rows;
  } catch (error) {
    if (error instanceof PriceCsvError) throw runtimeError(`--csv ${path}: ${error.message}`);
    throw error;
  }
}

/**
 * Columnar bars of a price CSV (backtesting.py's or Yahoo's layout) on a datetime index: the
 * first column as written, read as a tz-naive wall time (an offset such as -05:00 is ignored,
 * as the reference works on the index as given). OHLC are the file's Open/High/Low/Close.
 */
export async function loadCsvBars(path: string): Promise<Bars> {
  const rows = parseCsvRows(path, await readCsvText(path));
  try {
    return toBars(
      rows.map((row) => ({
        time: row.timestamp.replace(/([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:Z|[+-]\d{2}:?\d{2})$/, '$1'),
        open: row.open,
        high: row.high,
        low: row.low,
        close: row.close,
        volume: row.volume,
      })),
      { isDatetime: true },
    );
  } catch (error) {
    if (error instanceof EngineError) throw runtimeError(`--csv ${path}: ${error.message}`);
    throw error;
  }
}
