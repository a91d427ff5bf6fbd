/**
 * Engine: one SmaCross(10, 30) backtest on GOOG (2,148 bars) and on a 25,000-bar random walk,
 * each against a loop that only reads every close once; the 91-run grid sweep single-threaded
 * (pure optimize) and on the worker pool.
 */
import { existsSync } from 'node:fs';
import { runBacktest } from '../src/engine/backtest.ts';
import type { Bars } from '../src/engine/bars.ts';
import { optimize } from '../src/engine/optimizer/optimize.ts';
import type { IndicatorCache } from '../src/engine/strategy.ts';
import { canonicalRules } from '../src/rules/canonical.ts';
import { defineRuleStrategy } from '../src/rules/define.ts';
import { smaCross } from '../src/strategies/sma-cross.ts';
import { columnsToBars, randomWalkColumns, readGoogColumns, sumCloses } from './lib/bars.ts';
import { measureSync, sampleAsync, type Summary } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { formatCount } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';

const PARAMS = { fast: 10, slow: 30 };
const OPTIONS = { finalizeTrades: true };
const GRID = [
  { name: 'fast', from: 5, to: 55, step: 5 },
  { name: 'slow', from: 10, to: 110, step: 10 },
];
const CONSTRAINT = 'fast < slow';

function run(bars: Bars, indicatorCache?: IndicatorCache) {
  return runBacktest({ bars, strategy: smaCross, params: PARAMS, options: OPTIONS, indicatorCache });
}

function row(id: string, label: string, s: Summary, more: Partial<BenchRow> = {}): BenchRow {
  return { id, label, medianMs: s.medianMs, p99Ms: s.p99Ms, samples: s.samples, ...more };
}

const barsPerSecond = (bars: number, ms: number) => `${formatCount((bars / ms) * 1000)} bars/s`;

await runSection('engine', 'Engine', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const goog = columnsToBars(readGoogColumns());
  const walk = columnsToBars(randomWalkColumns(25_000, { seed: 7 }));
  const trades = run(goog).stats.tradeCount;
  notes.push(
    `GOOG SmaCross(10,30) with finalizeTrades: ${goog.length} bars, ${trades} trades (reference: 66).`,
  );

  progress('close-sum baselines and single runs');
  const googSum = await measureSync(() => sumCloses(goog));
  rows.push(
    row('goog-sum', `read every close, GOOG (${goog.length} bars)`, googSum, {
      extra: barsPerSecond(goog.length, googSum.medianMs),
    }),
  );
  const googRun = await measureSync(() => run(goog), { minTimeMs: 1500 });
  rows.push(
    row('goog-run', 'SmaCross(10,30) GOOG, finalizeTrades', googRun, {
      baseline: 'goog-sum',
      target: { text: '< 0.2 ms (backtesting.py ~30 ms)', met: googRun.medianMs < 0.2 },
      extra: barsPerSecond(goog.length, googRun.medianMs),
    }),
  );
  const memo: IndicatorCache = new Map();
  const googMemo = await measureSync(() => run(goog, memo), { minTimeMs: 1000 });
  rows.push(
    row('goog-run-memo', 'same, SMAs memoized (as the service)', googMemo, {
      baseline: 'goog-sum',
      extra: barsPerSecond(goog.length, googMemo.medianMs),
    }),
  );
  const walkSum = await measureSync(() => sumCloses(walk));
  rows.push(
    row('walk-sum', `read every close, walk (${walk.length} bars)`, walkSum, {
      extra: barsPerSecond(walk.length, walkSum.medianMs),
    }),
  );
  const walkRun = await measureSync(() => run(walk), { minTimeMs: 1500 });
  rows.push(
    row('walk-run', `SmaCross(10,30) walk (${walk.length} bars)`, walkRun, {
      baseline: 'walk-sum',
      extra: `${barsPerSecond(walk.length, walkRun.medianMs)}, ${((walkRun.medianMs * 1e6) / walk.length).toFixed(0)} ns/bar`,
    }),
  );

  progress('91-run sweep, single-threaded');
  const sweep = () =>
    optimize({ bars: goog, strategy: smaCross, grid: GRID, constraint: CONSTRAINT, options: OPTIONS });
  const runCount = sweep().runCount;
  const single = await measureSync(sweep, { minTimeMs: 2500 });
  rows.push(
    row('sweep', `sweep ${runCount} runs GOOG, 1 thread`, single, {
      baseline: 'goog-run',
      target: { text: '< 20 ms (backtesting.py 1.3–1.8 s)', met: single.medianMs < 20 },
      extra: `${(single.medianMs / runCount).toFixed(3)} ms/run`,
    }),
  );

  progress('91-run sweep of the rule twin, single-threaded');
  const ruleSmaCross = defineRuleStrategy(
    canonicalRules({
      entry: 'crossover(sma(close, fast), sma(close, slow))',
      shortEntry: 'crossover(sma(close, slow), sma(close, fast))',
      params: [
        { name: 'fast', default: 10 },
        { name: 'slow', default: 30 },
      ],
    }),
  );
  const ruleSweep = () =>
    optimize({ bars: goog, strategy: ruleSmaCross, grid: GRID, constraint: CONSTRAINT, options: OPTIONS });
  const ruleSingle = await measureSync(ruleSweep, { minTimeMs: 2500 });
  rows.push(
    row('rule-sweep', `same sweep, SmaCross written as rules`, ruleSingle, {
      baseline: 'sweep',
      target: { text: '≤ 1.5× the built-in sweep', met: ruleSingle.medianMs <= 1.5 * single.medianMs },
      extra: `${(ruleSingle.medianMs / runCount).toFixed(3)} ms/run`,
    }),
  );

  const poolUrl = new URL('../src/backtests/optimizer-pool.ts', import.meta.url);
  if (!existsSync(poolUrl)) {
    notes.push('Worker-pool sweep skipped: src/backtests/optimizer-pool.ts is absent.');
  } else {
    progress('91-run sweep, worker pool');
    const { createOptimizerPool } = await import(poolUrl.href);
    const pool = createOptimizerPool();
    const job = {
      bars: {
        isDatetime: true,
        time: goog.time,
        open: goog.open,
        high: goog.high,
        low: goog.low,
        close: goog.close,
        volume: goog.volume,
      },
      strategy: { name: 'SmaCross', rules: null },
      grid: GRID,
      constraint: CONSTRAINT,
      options: OPTIONS,
    };
    try {
      const pooled = await sampleAsync(() => pool.optimize(job), {
        warmup: 5,
        minSamples: 20,
        minTimeMs: 2500,
      });
      const size = Math.min(2, (await import('node:os')).availableParallelism());
      rows.push(
        row('sweep-pool', `sweep ${runCount} runs GOOG, pool (${size} workers)`, pooled, {
          baseline: 'sweep',
          target: { text: '< 20 ms', met: pooled.medianMs < 20 },
          extra: `${(pooled.medianMs / runCount).toFixed(3)} ms/run`,
        }),
      );
    } finally {
      await pool.close();
    }
  }
  return { rows, notes };
});
process.exit(0);
