import { sharedDataDir } from '../support/shared-data.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PriceCsvError, parsePriceCsv, parsePriceCsvWithLayout } from '../../src/market-data/csv.ts';

const SHARED = sharedDataDir;
const GOOG = join(SHARED, 'GOOG.csv');
const EURUSD = join(SHARED, 'EURUSD.csv');
const hasShared = existsSync(GOOG) && existsSync(EURUSD);
if (!hasShared) console.warn(`[skip] ${SHARED} is absent: backtesting.py CSV tests skipped`);

describe.skipIf(!hasShared)("backtesting.py's layout", () => {
  it('reads GOOG.csv: every row, dates and numbers', () => {
    const { layout, rows } = parsePriceCsvWithLayout(readFileSync(GOOG, 'utf8'));
    expect(layout).toBe('backtesting');
    expect(rows).toHaveLength(2148);
    expect(rows[0]).toEqual({
      timestamp: '2004-08-19',
      date: '2004-08-19',
      open: 100,
      high: 104.06,
      low: 95.96,
      close: 100.34,
      adjClose: null,
      volume: 22351900,
    });
    expect(rows.at(-1)).toMatchObject({ date: '2013-03-01', close: 806.19, volume: 2175400 });
  });

  it('keeps the datetime of an intraday file and derives its date', () => {
    const rows = parsePriceCsv(readFileSync(EURUSD, 'utf8'));
    expect(rows[0]).toMatchObject({
      timestamp: '2017-04-19 09:00:00',
      date: '2017-04-19',
      open: 1.0716,
      volume: 1413,
    });
  });
});

describe("Yahoo's layout", () => {
  const yahooCsv = [
    'Date,Open,High,Low,Close,Adj Close,Volume',
    '2020-08-31,127.580002,131.000000,126.000000,129.039993,126.870415,225702700',
    '2020-09-01,132.759995,134.800003,130.529999,134.179993,131.924088,151948100',
    '2020-09-02,null,null,null,null,null,null',
    '',
  ].join('\r\n');

  it('reads Adj Close and skips the all-null placeholder rows', () => {
    const { layout, rows } = parsePriceCsvWithLayout(yahooCsv);
    expect(layout).toBe('yahoo');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      timestamp: '2020-09-01',
      date: '2020-09-01',
      open: 132.759995,
      high: 134.800003,
      low: 130.529999,
      close: 134.179993,
      adjClose: 131.924088,
      volume: 151948100,
    });
  });

  it('finds columns by name in any order and without Volume', () => {
    const rows = parsePriceCsv('date,close,open,low,high\n2024-01-02,11,10,9,12\n');
    expect(rows).toEqual([
      {
        timestamp: '2024-01-02',
        date: '2024-01-02',
        open: 10,
        high: 12,
        low: 9,
        close: 11,
        adjClose: null,
        volume: 0,
      },
    ]);
  });
});

describe('quoting', () => {
  it('keeps a quoted field that holds a comma as one field', () => {
    const text = [
      'Date,Open,High,Low,Close,Adj Close,Volume,Note',
      '2024-01-02,10,12,9,11,10.5,"1000","split 2:1, ex-date"',
      '"2024-01-03","11",13,10,12,11.5,2000,"said ""hold"""',
    ].join('\n');
    const { layout, rows } = parsePriceCsvWithLayout(text);
    expect(layout).toBe('yahoo');
    expect(rows).toEqual([
      {
        timestamp: '2024-01-02',
        date: '2024-01-02',
        open: 10,
        high: 12,
        low: 9,
        close: 11,
        adjClose: 10.5,
        volume: 1000,
      },
      {
        timestamp: '2024-01-03',
        date: '2024-01-03',
        open: 11,
        high: 13,
        low: 10,
        close: 12,
        adjClose: 11.5,
        volume: 2000,
      },
    ]);
  });

  it('reads mixed CRLF and LF line ends and names the line of a row after blank lines', () => {
    const text = ',Open,High,Low,Close,Volume\r\n2024-01-02,1,2,1,2,100\n\n  \r\n2024-01-05,1,2,x,2,100\n';
    expect(() => parsePriceCsv(text)).toThrow(/line 5: Low is not a number: "x"/);
  });

  it('rejects a quote left open with a PriceCsvError', () => {
    const text = ',Open,High,Low,Close,Volume\n2024-01-02,1,2,1,"2,100\n';
    expect(() => parsePriceCsv(text)).toThrow(PriceCsvError);
    expect(() => parsePriceCsv(text)).toThrow(/^line \d+: .*quote/);
  });
});

describe('bad CSV', () => {
  const header = ',Open,High,Low,Close,Volume';
  it.each([
    ['a missing column', 'Date,Open,High,Close\n2024-01-02,1,2,1', /line 1: missing column\(s\) Low/],
    [
      'a header without a date column',
      'Open,High,Low,Close\n1,2,1,2',
      /line 1: the first column must be the date/,
    ],
    ['an empty file', '', /line 1: empty file/],
    [
      'a short row',
      `${header}\n2024-01-02,1,2,1,2,100\n2024-01-03,1,2,1`,
      /line 3: expected 6 fields, found 4/,
    ],
    ['a bad number', `${header}\n2024-01-02,1,2,abc,2,100`, /line 2: Low is not a number: "abc"/],
    ['an empty number', `${header}\n2024-01-02,1,,1,2,100`, /line 2: High is not a number/],
    [
      'an impossible date',
      `${header}\n2023-02-30,1,2,1,2,100`,
      /line 2: not an ISO date or datetime: "2023-02-30"/,
    ],
    ['a non-ISO date', `${header}\n02/01/2024,1,2,1,2,100`, /line 2: not an ISO date/],
  ])('rejects %s with the line named', (_label, text, message) => {
    expect(() => parsePriceCsv(text)).toThrow(PriceCsvError);
    expect(() => parsePriceCsv(text)).toThrow(message);
  });
});
