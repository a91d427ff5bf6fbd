import { describe, expect, it } from 'vitest';
import type { DailyBar } from '../../src/market-data/types.ts';
import { validateBars } from '../../src/market-data/validate.ts';

function bar(date: string, patch: Partial<DailyBar> = {}): DailyBar {
  return { date, open: 10, high: 12, low: 9, close: 11, adjClose: 10.5, volume: 1000, ...patch };
}

describe('validateBars', () => {
  it('keeps clean bars untouched and reports nothing', () => {
    const input = [bar('2024-01-02'), bar('2024-01-03')];
    expect(validateBars(input)).toEqual({ bars: input, dropped: 0, repaired: 0, merged: 0 });
  });

  it.each([
    ['NaN open', { open: Number.NaN }],
    ['infinite high', { high: Number.POSITIVE_INFINITY }],
    ['zero low', { low: 0 }],
    ['negative close', { close: -1 }],
  ])('drops a row with a %s', (_label, patch) => {
    const result = validateBars([bar('2024-01-02'), bar('2024-01-03', patch)]);
    expect(result.bars.map((b) => b.date)).toEqual(['2024-01-02']);
    expect(result.dropped).toBe(1);
  });

  it('drops a row whose high is below its low', () => {
    const result = validateBars([bar('2024-01-02', { high: 8, low: 9, open: 8.5, close: 8.5 })]);
    expect(result).toEqual({ bars: [], dropped: 1, repaired: 0, merged: 0 });
  });

  it('drops a row with an impossible date', () => {
    expect(validateBars([bar('2023-02-30')]).dropped).toBe(1);
  });

  it('widens high and low to include an open or close outside them', () => {
    const result = validateBars([bar('2024-01-02', { open: 13, close: 8.5, high: 12, low: 9 })]);
    expect(result.bars[0]).toMatchObject({ open: 13, close: 8.5, high: 13, low: 8.5 });
    expect(result.repaired).toBe(1);
    expect(result.dropped).toBe(0);
  });

  it('repairs a non-finite or negative volume to 0 and a bad adjClose to close', () => {
    const result = validateBars([
      bar('2024-01-02', { volume: Number.NaN }),
      bar('2024-01-03', { volume: -5 }),
      bar('2024-01-04', { adjClose: Number.NaN }),
    ]);
    expect(result.bars.map((b) => b.volume)).toEqual([0, 0, 1000]);
    expect(result.bars[2].adjClose).toBe(11);
    expect(result.repaired).toBe(3);
  });

  it('counts a row needing several repairs once', () => {
    const result = validateBars([bar('2024-01-02', { open: 20, volume: -1 })]);
    expect(result.repaired).toBe(1);
    expect(result.bars[0]).toMatchObject({ high: 20, volume: 0 });
  });

  it('merges duplicate dates keeping the last valid row, and sorts by date', () => {
    const result = validateBars([
      bar('2024-01-04'),
      bar('2024-01-02', { close: 11 }),
      bar('2024-01-03'),
      bar('2024-01-02', { close: 11.5 }),
      bar('2024-01-02', { close: -1 }),
    ]);
    expect(result.bars.map((b) => b.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(result.bars[0].close).toBe(11.5);
    expect(result.merged).toBe(1);
    expect(result.dropped).toBe(1);
  });

  it('does not modify its input', () => {
    const input = [bar('2024-01-02', { open: 13 })];
    validateBars(input);
    expect(input[0].high).toBe(12);
  });
});
