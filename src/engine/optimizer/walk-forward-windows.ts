import { EngineError } from '../errors.ts';

export interface WalkForwardWindowSpec {
  /** Bars in each training window (≥ 2); in anchored mode, the first one's length. */
  readonly trainBars: number;
  /** Bars in each test window (≥ 1); windows step by this many bars. */
  readonly testBars: number;
  /** Train every window from bar 0 (a growing window) instead of a rolling one. Default false. */
  readonly anchored?: boolean;
}

/** One window's bar indices; every `to` is exclusive. */
export interface WalkForwardBounds {
  readonly trainFrom: number;
  readonly trainTo: number;
  readonly testFrom: number;
  readonly testTo: number;
}

/**
 * The windows over `barCount` bars. Window k tests on [trainBars + k·testBars, + testBars) and
 * trains on the bars just before: the trainBars bars before it (rolling) or every bar from 0
 * (anchored), so the test windows tile [trainBars, barCount) without overlap or gap. The last
 * test window is cut short at the end of the data (at least one bar); no window has no test bar.
 * Throws EngineError (field `trainBars` or `testBars`) for a count that is not a whole number in
 * range, or (field `trainBars`) when the bars cannot hold one training window and one test bar.
 */
export function walkForwardWindows(barCount: number, spec: WalkForwardWindowSpec): WalkForwardBounds[] {
  const { trainBars, testBars } = spec;
  if (!Number.isSafeInteger(trainBars) || trainBars < 2) {
    throw new EngineError('trainBars', `trainBars must be a whole number ≥ 2, got ${trainBars}`);
  }
  if (!Number.isSafeInteger(testBars) || testBars < 1) {
    throw new EngineError('testBars', `testBars must be a whole number ≥ 1, got ${testBars}`);
  }
  if (barCount < trainBars + 1) {
    throw new EngineError(
      'trainBars',
      `${barCount} bars cannot hold a training window of ${trainBars} bars and a test bar`,
    );
  }
  const windows: WalkForwardBounds[] = [];
  for (let testFrom = trainBars; testFrom < barCount; testFrom += testBars) {
    windows.push({
      trainFrom: spec.anchored ? 0 : testFrom - trainBars,
      trainTo: testFrom,
      testFrom,
      testTo: Math.min(testFrom + testBars, barCount),
    });
  }
  return windows;
}
