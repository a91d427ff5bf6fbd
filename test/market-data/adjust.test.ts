import { describe, expect, it } from 'vitest';
import { newActions, requiresRefetch, toAdjusted } from '../../src/market-data/adjust.ts';
import type { CorporateAction, DailyBar } from '../../src/market-data/types.ts';

describe('toAdjusted', () => {
  it('scales OHLC by adjClose / close and leaves volume alone', () => {
    const bars: DailyBar[] = [
      { date: '2024-01-02', open: 100, high: 110, low: 90, close: 105, adjClose: 84, volume: 500 },
    ];
    const [adjusted] = toAdjusted(bars);
    expect(adjusted.open).toBeCloseTo(80, 12);
    expect(adjusted.high).toBeCloseTo(88, 12);
    expect(adjusted.low).toBeCloseTo(72, 12);
    expect(adjusted.close).toBe(84);
    expect(adjusted.adjClose).toBe(84);
    expect(adjusted.volume).toBe(500);
    expect(bars[0].open).toBe(100);
  });

  it('passes a bar through when the factor is unusable', () => {
    const bars: DailyBar[] = [
      { date: '2024-01-02', open: 1, high: 2, low: 1, close: 2, adjClose: Number.NaN, volume: 3 },
    ];
    expect(toAdjusted(bars)).toEqual(bars);
  });
});

describe('corporate action detection', () => {
  const stored: CorporateAction[] = [
    { date: '2020-08-31', kind: 'split', value: 4 },
    { date: '2020-11-06', kind: 'dividend', value: 0.205 },
  ];

  it('finds actions that are absent from the store, by date and kind', () => {
    const fetched: CorporateAction[] = [
      ...stored,
      { date: '2021-02-05', kind: 'dividend', value: 0.205 },
      { date: '2020-08-31', kind: 'dividend', value: 0.82 },
    ];
    expect(newActions(stored, fetched)).toEqual([
      { date: '2020-08-31', kind: 'dividend', value: 0.82 },
      { date: '2021-02-05', kind: 'dividend', value: 0.205 },
    ]);
  });

  it('treats a changed value as new and an equal one as known', () => {
    const fetched: CorporateAction[] = [
      { date: '2020-08-31', kind: 'split', value: 4 + 1e-13 },
      { date: '2020-11-06', kind: 'dividend', value: 0.21 },
    ];
    expect(newActions(stored, fetched)).toEqual([{ date: '2020-11-06', kind: 'dividend', value: 0.21 }]);
  });

  it('requires a refetch for any new split or dividend and not for none', () => {
    expect(requiresRefetch([])).toBe(false);
    expect(requiresRefetch([{ date: '2024-01-02', kind: 'dividend', value: 0.1 }])).toBe(true);
    expect(requiresRefetch([{ date: '2024-01-02', kind: 'split', value: 2 }])).toBe(true);
  });
});
