import { describe, expect, it } from 'vitest';
import { mergeCoverage, nextDay } from '../../src/db/coverage-merge.ts';

const r = (ticker: string, from: string, to: string, fetchedAtMs = 0) => ({ ticker, from, to, fetchedAtMs });

describe('nextDay', () => {
  it('crosses month, leap-day and year ends in any time zone', () => {
    expect(nextDay('2024-01-31')).toBe('2024-02-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2023-02-28')).toBe('2023-03-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
    expect(nextDay('2024-03-09')).toBe('2024-03-10');
  });
});

describe('mergeCoverage', () => {
  it('merges overlapping, contained and adjacent ranges per ticker, never across tickers', () => {
    expect(
      mergeCoverage([
        r('B', '2024-01-11', '2024-01-20', 2),
        r('A', '2024-01-05', '2024-01-07', 9),
        r('A', '2024-01-01', '2024-01-10', 1),
        r('A', '2024-01-11', '2024-01-15', 3),
        r('B', '2024-01-01', '2024-01-10', 1),
        r('A', '2024-01-17', '2024-01-20', 4),
      ]),
    ).toEqual([
      r('A', '2024-01-01', '2024-01-15', 3),
      r('A', '2024-01-17', '2024-01-20', 4),
      r('B', '2024-01-01', '2024-01-20', 2),
    ]);
  });

  it('takes the newest fetch time among ranges that share the end date', () => {
    expect(
      mergeCoverage([r('A', '2024-01-01', '2024-01-31', 5), r('A', '2024-01-15', '2024-01-31', 3)]),
    ).toEqual([r('A', '2024-01-01', '2024-01-31', 5)]);
  });

  it('rejects inverted ranges and malformed dates', () => {
    expect(() => mergeCoverage([r('A', '2024-02-01', '2024-01-01')])).toThrow(/inverted/);
    expect(() => mergeCoverage([r('A', '2024-2-01', '2024-03-01')])).toThrow(/YYYY-MM-DD/);
    expect(() => mergeCoverage([r('A', '2024-02-30', '2024-03-01')])).toThrow(/YYYY-MM-DD/);
  });
});
