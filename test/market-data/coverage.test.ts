import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/dates.ts';
import { mergeRanges, missingRanges } from '../../src/market-data/coverage.ts';

describe('missingRanges', () => {
  it('is the whole range when nothing is covered', () => {
    expect(missingRanges([], '2024-01-01', '2024-01-31')).toEqual([{ from: '2024-01-01', to: '2024-01-31' }]);
  });

  it('is empty for a sub-range of a covered range', () => {
    expect(missingRanges([{ from: '2023-01-01', to: '2023-12-31' }], '2023-03-01', '2023-04-30')).toEqual([]);
  });

  it('is only the extension when a stored range is extended by a month', () => {
    expect(missingRanges([{ from: '2023-01-01', to: '2023-06-30' }], '2023-01-01', '2023-07-31')).toEqual([
      { from: '2023-07-01', to: '2023-07-31' },
    ]);
  });

  it('finds holes on both sides and between ranges', () => {
    const covered = [
      { from: '2023-02-01', to: '2023-02-10' },
      { from: '2023-02-20', to: '2023-02-25' },
    ];
    expect(missingRanges(covered, '2023-01-25', '2023-03-05')).toEqual([
      { from: '2023-01-25', to: '2023-01-31' },
      { from: '2023-02-11', to: '2023-02-19' },
      { from: '2023-02-26', to: '2023-03-05' },
    ]);
  });

  it('gaps and covered days partition the requested range (property)', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2024-01-01', n));
    const range = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), range, (covered, wanted) => {
        const gaps = missingRanges(covered, wanted.from, wanted.to);
        for (let d = wanted.from; d <= wanted.to; d = addDays(d, 1)) {
          const isCovered = covered.some((c) => c.from <= d && d <= c.to);
          const inGap = gaps.filter((g) => g.from <= d && d <= g.to).length;
          expect(inGap).toBe(isCovered ? 0 : 1);
        }
      }),
    );
  });
});

describe('mergeRanges', () => {
  it('merges overlapping and adjacent ranges and keeps disjoint ones', () => {
    expect(
      mergeRanges([
        { from: '2024-01-10', to: '2024-01-20' },
        { from: '2024-01-01', to: '2024-01-09' },
        { from: '2024-01-15', to: '2024-01-25' },
        { from: '2024-02-01', to: '2024-02-02' },
      ]),
    ).toEqual([
      { from: '2024-01-01', to: '2024-01-25' },
      { from: '2024-02-01', to: '2024-02-02' },
    ]);
  });
});
