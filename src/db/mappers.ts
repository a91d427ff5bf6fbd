/**
 * Row mappers shared by both dialects, so SQLite and MySQL hand out identical objects:
 * numbers as JS numbers, dates as `YYYY-MM-DD`, run timestamps as ISO-8601 UTC strings.
 */
import type { CorporateActionKind } from '../market-data/types.ts';
import type { StoredRun, StoredStrategy } from './repository.ts';
import type { CoverageRange, StoredAction, StoredBar } from '../market-data/price-store.ts';

export interface BarRecord {
  ticker: string;
  date: unknown;
  open: unknown;
  high: unknown;
  low: unknown;
  close: unknown;
  adjClose: unknown;
  volume: unknown;
}

export interface ActionRecord {
  ticker: string;
  date: unknown;
  kind: string;
  value: unknown;
}

export interface CoverageRecord {
  ticker: string;
  fromDate: unknown;
  toDate: unknown;
  fetchedAt: unknown;
}

export interface RunRecord {
  id: string;
  requestHash: string;
  request: unknown;
  result: unknown;
  createdAt: unknown;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A stored DATE as `YYYY-MM-DD`; refuses JS Dates, which would carry a time zone. */
export function toDateString(value: unknown): string {
  if (typeof value === 'string' && DATE_PATTERN.test(value.slice(0, 10))) return value.slice(0, 10);
  throw new TypeError(`expected a YYYY-MM-DD date from the database, got ${String(value)}`);
}

/** Validates a date on its way in. */
export function assertDate(value: string, field: string): string {
  const ms = DATE_PATTERN.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new TypeError(`${field} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(n) && value !== 'NaN') throw new TypeError(`expected a number, got ${String(value)}`);
  return n;
}

export function toStoredBar(row: BarRecord): StoredBar {
  return {
    ticker: row.ticker,
    date: toDateString(row.date),
    open: toNumber(row.open),
    high: toNumber(row.high),
    low: toNumber(row.low),
    close: toNumber(row.close),
    adjClose: toNumber(row.adjClose),
    volume: toNumber(row.volume),
  };
}

export function toStoredAction(row: ActionRecord): StoredAction {
  if (row.kind !== 'split' && row.kind !== 'dividend') {
    throw new TypeError(`unknown corporate action kind ${row.kind}`);
  }
  const kind: CorporateActionKind = row.kind;
  return { ticker: row.ticker, date: toDateString(row.date), kind, value: toNumber(row.value) };
}

export function toCoverageRange(row: CoverageRecord): CoverageRange {
  return {
    ticker: row.ticker,
    from: toDateString(row.fromDate),
    to: toDateString(row.toDate),
    fetchedAtMs: toNumber(row.fetchedAt),
  };
}

/** Any ISO-8601 timestamp, or MySQL's `YYYY-MM-DD HH:MM:SS[.fff]` (UTC), as `…T…Z` with milliseconds. */
export function toIsoTimestamp(value: unknown): string {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) {
    ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  } else if (typeof value === 'string' && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) ms = Date.parse(value);
  else ms = Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`expected a UTC timestamp, got ${String(value)}`);
  return new Date(ms).toISOString();
}

/** ISO timestamp → MySQL DATETIME(3) literal in UTC. */
export function toMysqlDatetime(iso: string): string {
  return toIsoTimestamp(iso).slice(0, 23).replace('T', ' ');
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

export function parseJson(value: unknown): unknown {
  if (typeof value === 'string') return JSON.parse(value);
  if (Buffer.isBuffer(value)) return JSON.parse(value.toString('utf8'));
  return value;
}

export function toStoredRun(row: RunRecord): StoredRun {
  return {
    id: row.id,
    requestHash: row.requestHash,
    request: parseJson(row.request),
    result: parseJson(row.result),
    createdAt: toIsoTimestamp(row.createdAt),
  };
}

export interface StrategyRecord {
  name: string;
  description: string;
  rules: unknown;
  createdAt: unknown;
  updatedAt: unknown;
}

export function toStoredStrategy(row: StrategyRecord): StoredStrategy {
  return {
    name: row.name,
    description: row.description,
    rules: parseJson(row.rules),
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}

/** The key a strategy name is stored under: names that differ only in case are one name. */
export const strategyNameKey = (name: string): string => name.toLowerCase();

/** The row a saved strategy is stored as, timestamps in the dialect's format. */
export function strategyRow(strategy: StoredStrategy, toTimestamp: (iso: string) => string) {
  return {
    nameKey: strategyNameKey(strategy.name),
    name: strategy.name,
    description: strategy.description,
    rules: toJsonText(strategy.rules),
    createdAt: toTimestamp(strategy.createdAt),
    updatedAt: toTimestamp(strategy.updatedAt),
  };
}
