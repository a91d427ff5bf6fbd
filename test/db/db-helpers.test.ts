import { describe, expect, it } from 'vitest';
import { chunkRows, dedupeLast, MYSQL_MAX_PARAMS, SQLITE_MAX_PARAMS } from '../../src/db/batch.ts';
import { toDatabaseTarget } from '../../src/db/database-url.ts';
import { toDateString, toIsoTimestamp, toMysqlDatetime, toStoredRun } from '../../src/db/mappers.ts';
import { isUpToDate, journalMillis, migrationsFolder } from '../../src/db/migrations.ts';

describe('toDatabaseTarget', () => {
  it('defaults to the SQLite file under ./data and understands file:, :memory: and mysql://', () => {
    expect(toDatabaseTarget(undefined)).toEqual({ dialect: 'sqlite', path: './data/backtest.db' });
    expect(toDatabaseTarget('')).toEqual({ dialect: 'sqlite', path: './data/backtest.db' });
    expect(toDatabaseTarget('file:./tmp/x.db')).toEqual({ dialect: 'sqlite', path: './tmp/x.db' });
    expect(toDatabaseTarget('file:///var/lib/x.db')).toEqual({ dialect: 'sqlite', path: '/var/lib/x.db' });
    expect(toDatabaseTarget(':memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(toDatabaseTarget('mysql://u:p@h:3306/db')).toEqual({
      dialect: 'mysql',
      url: 'mysql://u:p@h:3306/db',
    });
    expect(() => toDatabaseTarget('postgres://h/db')).toThrow(/DATABASE_URL/);
  });
});

describe('chunkRows', () => {
  it('keeps rows × columns within the bound-parameter limit of each dialect', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => i);
    for (const limit of [SQLITE_MAX_PARAMS, MYSQL_MAX_PARAMS]) {
      const chunks = chunkRows(rows, 8, limit);
      expect(chunks.every((c) => c.length * 8 <= limit)).toBe(true);
      expect(chunks.flat()).toEqual(rows);
    }
    expect(chunkRows(rows, 8, MYSQL_MAX_PARAMS, 2_000).map((c) => c.length)).toEqual([
      2_000, 2_000, 2_000, 2_000, 2_000,
    ]);
    expect(chunkRows([], 8, 100)).toEqual([]);
  });

  it('dedupeLast keeps the last row per key', () => {
    expect(dedupeLast(['a1', 'b1', 'a2'], (s) => s[0])).toEqual(['b1', 'a2']);
  });
});

describe('mappers', () => {
  it('normalizes timestamps from either dialect to ISO UTC with milliseconds', () => {
    expect(toIsoTimestamp('2024-05-06 07:08:09.120')).toBe('2024-05-06T07:08:09.120Z');
    expect(toIsoTimestamp('2024-05-06T09:08:09+02:00')).toBe('2024-05-06T07:08:09.000Z');
    expect(toMysqlDatetime('2024-05-06T07:08:09.5Z')).toBe('2024-05-06 07:08:09.500');
    expect(() => toIsoTimestamp('2024-05-06T07:08:09')).toThrow(/UTC/);
  });

  it('refuses JS Dates where a DATE string is expected', () => {
    expect(toDateString('2024-05-06')).toBe('2024-05-06');
    expect(() => toDateString(new Date('2024-05-06T00:00:00Z'))).toThrow(/YYYY-MM-DD/);
  });

  it('parses stored JSON text', () => {
    const run = toStoredRun({
      id: 'a',
      requestHash: 'h',
      request: '{"x":1}',
      result: 'null',
      createdAt: '2024-01-01T00:00:00Z',
    });
    expect(run).toEqual({
      id: 'a',
      requestHash: 'h',
      request: { x: 1 },
      result: null,
      createdAt: '2024-01-01T00:00:00.000Z',
    });
  });
});

describe('migrations', () => {
  it('is up to date only when the newest journal entry has been applied', () => {
    expect(isUpToDate([1, 2], [])).toBe(false);
    expect(isUpToDate([1, 2], [1])).toBe(false);
    expect(isUpToDate([1, 2], [1, 2])).toBe(true);
    expect(isUpToDate([], [])).toBe(true);
  });

  it('finds both journals next to the source, with at least one migration each', () => {
    expect(journalMillis(migrationsFolder('mysql')).length).toBeGreaterThan(0);
    expect(journalMillis(migrationsFolder('sqlite')).length).toBeGreaterThan(0);
  });
});
