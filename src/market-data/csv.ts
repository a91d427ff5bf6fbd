import { CsvError, parse } from 'csv-parse/sync';
import { isIsoDate } from '../dates.ts';

/**
 * Price CSV parsing, shared by the CSV provider and the CLI. Two layouts:
 * - backtesting.py's: `,Open,High,Low,Close,Volume`, an ISO date or datetime in the first column;
 * - Yahoo's download: `Date,Open,High,Low,Close,Adj Close,Volume`.
 * Columns are found by header name (case-insensitive, any order); extra columns are ignored.
 * Yahoo's placeholder rows whose values are all `null` are skipped. Fields are split by csv-parse
 * (RFC 4180 quoting: a quoted field may hold commas, doubled quotes and line breaks), trimmed;
 * blank lines are skipped; CRLF and LF line ends may be mixed.
 */

export type PriceCsvLayout = 'backtesting' | 'yahoo';

export interface PriceCsvRow {
  /** The first column exactly as written (a date or a datetime). */
  timestamp: string;
  /** Its calendar date, YYYY-MM-DD. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Null when the file has no Adj Close column. */
  adjClose: number | null;
  /** 0 when the file has no Volume column. */
  volume: number;
}

export interface ParsedPriceCsv {
  layout: PriceCsvLayout;
  rows: PriceCsvRow[];
}

/** A CSV that cannot be read as prices; `line` is 1-based. */
export class PriceCsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'PriceCsvError';
    this.line = line;
  }
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIME_HEADERS = new Set(['', 'date', 'datetime', 'timestamp', 'time']);
const ADJ_CLOSE_HEADERS = new Set(['adj close', 'adjclose', 'adj_close', 'adjusted close']);

interface CsvRecord {
  readonly fields: string[];
  /** 1-based line on which the record ends. */
  readonly line: number;
}

function splitRecords(text: string): CsvRecord[] {
  try {
    // With `info`, each record comes as { record, info }; the typings do not model that option.
    const records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      // The field count is checked below, with a message naming the line.
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ fields: record, line: info.lines }));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw new PriceCsvError(line, error.message.replace(/^[^:]*: /, '').replace(/ at line \d+/, ''));
    }
    throw error;
  }
}

interface Columns {
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

function readHeader(fields: string[]): Columns {
  const names = fields.map((f) => f.toLowerCase());
  if (!TIME_HEADERS.has(names[0])) {
    throw new PriceCsvError(
      1,
      `the first column must be the date (empty, Date or Datetime), found "${fields[0]}"`,
    );
  }
  const find = (name: string): number => names.indexOf(name);
  const columns: Columns = {
    open: find('open'),
    high: find('high'),
    low: find('low'),
    close: find('close'),
    adjClose: names.findIndex((n) => ADJ_CLOSE_HEADERS.has(n)),
    volume: find('volume'),
  };
  const missing = (['open', 'high', 'low', 'close'] as const).filter((key) => columns[key] < 0);
  if (missing.length > 0) {
    throw new PriceCsvError(
      1,
      `missing column(s) ${missing.map((m) => m[0].toUpperCase() + m.slice(1)).join(', ')}`,
    );
  }
  return columns;
}

function readNumber(field: string | undefined, column: string, line: number): number {
  if (field === undefined || !NUMBER.test(field)) {
    throw new PriceCsvError(line, `${column} is not a number: "${field ?? ''}"`);
  }
  return Number(field);
}

/** Parses a price CSV and tells which layout it was. Throws PriceCsvError naming the line. */
export function parsePriceCsvWithLayout(text: string): ParsedPriceCsv {
  const records = splitRecords(text);
  if (records.length === 0 || records[0].line !== 1)
    throw new PriceCsvError(1, 'empty file or missing header');
  const header = records[0].fields;
  const columns = readHeader(header);
  const layout: PriceCsvLayout =
    columns.adjClose >= 0 || header[0].toLowerCase() === 'date' ? 'yahoo' : 'backtesting';
  const rows: PriceCsvRow[] = [];
  for (let i = 1; i < records.length; i += 1) {
    const { fields, line: lineNo } = records[i];
    if (fields.length !== header.length) {
      throw new PriceCsvError(lineNo, `expected ${header.length} fields, found ${fields.length}`);
    }
    const timestamp = fields[0];
    const match = TIMESTAMP.exec(timestamp);
    if (match === null || !isIsoDate(match[1])) {
      throw new PriceCsvError(lineNo, `not an ISO date or datetime: "${timestamp}"`);
    }
    if (fields.slice(1).every((f) => f.toLowerCase() === 'null')) continue;
    rows.push({
      timestamp,
      date: match[1],
      open: readNumber(fields[columns.open], 'Open', lineNo),
      high: readNumber(fields[columns.high], 'High', lineNo),
      low: readNumber(fields[columns.low], 'Low', lineNo),
      close: readNumber(fields[columns.close], 'Close', lineNo),
      adjClose: columns.adjClose >= 0 ? readNumber(fields[columns.adjClose], 'Adj Close', lineNo) : null,
      volume: columns.volume >= 0 ? readNumber(fields[columns.volume], 'Volume', lineNo) : 0,
    });
  }
  return { layout, rows };
}

/** The rows of a price CSV in file order. Throws PriceCsvError naming the line. */
export function parsePriceCsv(text: string): PriceCsvRow[] {
  return parsePriceCsvWithLayout(text).rows;
}
