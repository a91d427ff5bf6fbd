import { type BacktestWindowResult, runBacktestWindow } from '../backtest-window.ts';
import { type Bars, sliceBars } from '../bars.ts';
import { resolveOptions } from '../options.ts';
import { type BacktestStats, computeStats } from '../stats.ts';
import { nanMean } from '../stats-math.ts';
import type { ClosedTrade, IndicatorCache, ParamSpecs } from '../strategy.ts';
import { bestRunIndex, type OptimizationRun, runCombinations } from './optimize.ts';
import { CancelledError } from './progress.ts';
import type { NumericStatKey } from './stat-keys.ts';
import { comparableValue, efficiencyRatio } from './walk-forward-efficiency.ts';
import { planWalkForward, type WalkForwardInput, type WalkForwardPlan } from './walk-forward-plan.ts';
import { stitchOutOfSample } from './walk-forward-stitch.ts';
import type { WalkForwardBounds } from './walk-forward-windows.ts';

export interface WalkForwardWindow extends WalkForwardBounds {
  /** Times (as in `bars.time`) of the first and last bar of the training and of the test window. */
  readonly trainStartTime: number;
  readonly trainEndTime: number;
  readonly testStartTime: number;
  readonly testEndTime: number;
  /** The best params on the training bars (fixed params included). */
  readonly params: Readonly<Record<string, number | boolean>>;
  /** The maximized statistic of the best training run. */
  readonly inSampleValue: number;
  readonly inSample: BacktestStats;
  /** Cash the test run starts with: the initial cash, then the previous window's final equity. */
  readonly cash: number;
  /** Statistics of the test window alone (see runBacktestWindow). */
  readonly outOfSample: BacktestStats;
  /** The test window's trades, bar indices into the bars. */
  readonly trades: readonly ClosedTrade[];
  /** The window's efficiency (see WalkForwardResult.efficiency). */
  readonly efficiency: number | null;
}

export interface WalkForwardResult {
  readonly maximize: NumericStatKey;
  readonly windows: readonly WalkForwardWindow[];
  /** The stitched out-of-sample span [testFrom, testTo): from the first test bar to the end of the bars. */
  readonly testFrom: number;
  readonly testTo: number;
  /** Stitched out-of-sample equity at bars testFrom … testTo − 1 (cash carried from window to window). */
  readonly equityCurve: Float64Array;
  /** Every window's out-of-sample trades in order. */
  readonly trades: readonly ClosedTrade[];
  /** computeStats of the stitched equity and trades. */
  readonly outOfSample: BacktestStats;
  /**
   * The stitched out-of-sample value of the maximized statistic ÷ the mean in-sample value over
   * the windows (NaN skipped); for returnPct and equityFinal both sides are the annualized return
   * returnAnnPct (see ANNUALIZED_RETURN_STATS). A plain ratio: null when it is not finite.
   */
  readonly efficiency: number | null;
  /** In-sample runs done (the plan's runsTotal). */
  readonly runCount: number;
}

/**
 * Walk-forward analysis: for each window (see walkForwardWindows) the grid is optimized on the
 * training bars with planOptimization's combinations, runCombinations and bestRunIndex (exactly
 * what optimize does on those bars), then the best params are backtested on the test window with
 * runBacktestWindow, warmed on the training bars: the run covers [trainFrom, testTo), trades
 * only from testFrom, never sees a later bar and finalizes its trades on the window's last bar.
 * Window k + 1's test run starts with window k's final equity as cash; once that is 0 (ruin) the
 * later test windows stay flat at 0 without trading. The in-sample runs use `options` as given.
 * Validates everything first (planWalkForward: EngineError). Reports onProgress after every chunk
 * of in-sample runs and polls isCancelled before each chunk (CancelledError). Pure.
 */
export function walkForward<S extends ParamSpecs>(input: WalkForwardInput<S>): WalkForwardResult {
  const plan = planWalkForward(input);
  const combinations = plan.optimization.combinations.length;
  const bests = plan.windows.map((_, k) =>
    trainWindow(input, plan, k, {
      onProgress: (runsDone) => input.onProgress?.(k * combinations + runsDone, plan.runsTotal),
      isCancelled: input.isCancelled,
      runsBefore: k * combinations,
    }),
  );
  return assembleWalkForward(input, plan, bests);
}

/** The best run of one window, as walkForward trains it. */
export type TrainedWindow = Pick<OptimizationRun, 'params' | 'value' | 'stats'>;

/**
 * Optimizes window `index` of the plan on its training bars (one chunk of runs at a time,
 * isCancelled polled before each: CancelledError counting `runsBefore` + the runs done) and
 * returns its best run. The windows are independent, so they may be trained apart (in parallel).
 */
export function trainWindow<S extends ParamSpecs>(
  input: WalkForwardInput<S>,
  plan: WalkForwardPlan,
  index: number,
  hooks: {
    onProgress?: (runsDone: number) => void;
    isCancelled?: () => boolean;
    runsBefore?: number;
  } = {},
): TrainedWindow {
  const bounds = plan.windows[index];
  const { maximize, params: fixed, combinations } = plan.optimization;
  const train = sliceBars(input.bars, bounds.trainFrom, bounds.trainTo);
  const cache: IndicatorCache = new Map();
  const runs: OptimizationRun[] = [];
  for (let k = 0; k < combinations.length; k += plan.chunkSize) {
    if (hooks.isCancelled?.()) throw new CancelledError((hooks.runsBefore ?? 0) + runs.length);
    const done = runCombinations({
      bars: train,
      strategy: input.strategy,
      combinations: combinations.slice(k, k + plan.chunkSize),
      params: fixed,
      options: input.options ?? {},
      maximize,
      indicatorCache: cache,
    });
    for (const run of done) runs.push(run);
    hooks.onProgress?.(runs.length);
  }
  return runs[bestRunIndex(runs)];
}

/**
 * The analysis from every window's best run (trainWindow): each best backtested on its test
 * window, the cash carried from one window to the next, the out-of-sample equity stitched.
 */
export function assembleWalkForward<S extends ParamSpecs>(
  input: WalkForwardInput<S>,
  plan: WalkForwardPlan,
  bests: readonly TrainedWindow[],
): WalkForwardResult {
  const { bars, strategy } = input;
  const { maximize } = plan.optimization;
  const options = input.options ?? {};
  const resolved = resolveOptions(options);
  let cash = resolved.cash;
  const windows: WalkForwardWindow[] = [];
  const parts: BacktestWindowResult[] = [];
  const inSampleValues: number[] = [];

  for (const [k, bounds] of plan.windows.entries()) {
    const best = bests[k];
    const part =
      cash > 0
        ? runBacktestWindow({
            bars,
            strategy,
            params: best.params,
            options: { ...options, cash, finalizeTrades: true },
            warmFrom: bounds.trainFrom,
            from: bounds.testFrom,
            to: bounds.testTo,
          })
        : flatWindow(bars, bounds, resolved.riskFreeRate);
    parts.push(part);
    const startCash = cash;
    cash = part.equity[part.equity.length - 1];
    const inSample = comparableValue(best.stats, maximize);
    inSampleValues.push(inSample);
    windows.push({
      ...bounds,
      trainStartTime: bars.time[bounds.trainFrom],
      trainEndTime: bars.time[bounds.trainTo - 1],
      testStartTime: bars.time[bounds.testFrom],
      testEndTime: bars.time[bounds.testTo - 1],
      params: best.params,
      inSampleValue: best.value,
      inSample: best.stats,
      cash: startCash,
      outOfSample: part.stats,
      trades: part.trades,
      efficiency: efficiencyRatio(comparableValue(part.stats, maximize), inSample),
    });
  }

  const stitched = stitchOutOfSample(
    bars,
    windows.map((w, k) => ({ ...w, equity: parts[k].equity, warmupBars: parts[k].warmupBars })),
    resolved.riskFreeRate,
  );
  return {
    maximize,
    windows,
    testFrom: windows[0].testFrom,
    testTo: windows[windows.length - 1].testTo,
    equityCurve: stitched.equity,
    trades: stitched.trades,
    outOfSample: stitched.stats,
    efficiency: efficiencyRatio(comparableValue(stitched.stats, maximize), nanMean(inSampleValues)),
    runCount: plan.runsTotal,
  };
}

/** A test window after ruin: equity 0 throughout, no trades. */
function flatWindow(bars: Bars, bounds: WalkForwardBounds, riskFreeRate: number): BacktestWindowResult {
  const { testFrom, testTo } = bounds;
  const equity = new Float64Array(testTo - testFrom);
  const stats = computeStats({
    equity,
    bars: {
      time: bars.time.subarray(testFrom, testTo),
      close: bars.close.subarray(testFrom, testTo),
      isDatetime: bars.isDatetime,
    },
    trades: [],
    riskFreeRate,
  });
  return { trades: [], openTrades: [], equity, stats, warmupBars: 0, ruined: true };
}
