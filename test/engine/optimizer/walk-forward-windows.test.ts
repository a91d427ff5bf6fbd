import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/errors.ts';
import { walkForwardWindows } from '../../../src/engine/optimizer/walk-forward-windows.ts';
import { catchError } from '../../support/errors.ts';

describe('walkForwardWindows', () => {
  it('rolling: each window trains on the trainBars bars before its test window; the last test is cut short', () => {
    expect(walkForwardWindows(23, { trainBars: 10, testBars: 5 })).toEqual([
      { trainFrom: 0, trainTo: 10, testFrom: 10, testTo: 15 },
      { trainFrom: 5, trainTo: 15, testFrom: 15, testTo: 20 },
      { trainFrom: 10, trainTo: 20, testFrom: 20, testTo: 23 },
    ]);
  });

  it('anchored: every window trains from bar 0, so the training window grows by testBars', () => {
    expect(walkForwardWindows(23, { trainBars: 10, testBars: 5, anchored: true })).toEqual([
      { trainFrom: 0, trainTo: 10, testFrom: 10, testTo: 15 },
      { trainFrom: 0, trainTo: 15, testFrom: 15, testTo: 20 },
      { trainFrom: 0, trainTo: 20, testFrom: 20, testTo: 23 },
    ]);
  });

  it('no window without a test bar: a test window ending exactly at the data is the last one', () => {
    expect(walkForwardWindows(20, { trainBars: 10, testBars: 5 }).map((w) => w.testTo)).toEqual([15, 20]);
    expect(walkForwardWindows(11, { trainBars: 10, testBars: 5 })).toEqual([
      { trainFrom: 0, trainTo: 10, testFrom: 10, testTo: 11 },
    ]);
  });

  it('test windows tile [trainBars, barCount) without gap or overlap', () => {
    for (const [n, train, test] of [
      [100, 7, 3],
      [57, 20, 37],
      [58, 20, 37],
      [30, 2, 1],
    ]) {
      for (const anchored of [false, true]) {
        const windows = walkForwardWindows(n, { trainBars: train, testBars: test, anchored });
        expect(windows[0].testFrom).toBe(train);
        expect(windows.at(-1)!.testTo).toBe(n);
        for (let k = 1; k < windows.length; k++) expect(windows[k].testFrom).toBe(windows[k - 1].testTo);
        for (const w of windows) {
          expect(w.trainTo).toBe(w.testFrom);
          expect(w.trainTo - w.trainFrom).toBe(anchored ? w.testFrom : train);
          expect(w.testTo - w.testFrom).toBeGreaterThanOrEqual(1);
          expect(w.testTo - w.testFrom).toBeLessThanOrEqual(test);
        }
      }
    }
  });

  it.each([
    ['trainBars', { trainBars: 0, testBars: 5 }],
    ['trainBars', { trainBars: -3, testBars: 5 }],
    ['trainBars', { trainBars: 1, testBars: 5 }],
    ['trainBars', { trainBars: 2.5, testBars: 5 }],
    ['trainBars', { trainBars: Number.NaN, testBars: 5 }],
    ['testBars', { trainBars: 10, testBars: 0 }],
    ['testBars', { trainBars: 10, testBars: -1 }],
    ['testBars', { trainBars: 10, testBars: 1.5 }],
    ['trainBars', { trainBars: 10, testBars: 5, barCount: 10 }],
    ['trainBars', { trainBars: 10, testBars: 5, barCount: 3 }],
  ] as [string, { trainBars: number; testBars: number; barCount?: number }][])(
    'refuses bad input with EngineError field %s (%o)',
    (field, spec) => {
      const error = catchError(() => walkForwardWindows(spec.barCount ?? 100, spec));
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).field).toBe(field);
    },
  );
});
