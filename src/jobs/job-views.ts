/** The results a job stores (plain JSON) and how engine results become them. */
import type { OptimizationView } from '../backtests/optimize-service.ts';
import { type EquityPoint, finiteOrNull, type PublicStats, toPublicStats } from '../backtests/result.ts';
import { utcMsToDate as isoDateOf } from '../dates.ts';
import type { Bars } from '../engine/bars.ts';
import type { WalkForwardResult } from '../engine/optimizer/walk-forward.ts';

export type { OptimizationView };

export interface WalkForwardWindowView {
  trainFrom: string;
  trainTo: string;
  testFrom: string;
  testTo: string;
  params: Record<string, number | boolean>;
  inSampleValue: number | null;
  outOfSample: PublicStats;
}

export interface WalkForwardView {
  windows: WalkForwardWindowView[];
  outOfSample: PublicStats;
  equityCurve: EquityPoint[];
  efficiency: number | null;
  runCount: number;
}

/** Dates are those of the bars (the first and last bar of each window); `to` is inclusive. */
export function toWalkForwardView(bars: Pick<Bars, 'time'>, result: WalkForwardResult): WalkForwardView {
  let peak = 0;
  const equityCurve: EquityPoint[] = [];
  for (let k = 0; k < result.equityCurve.length; k++) {
    const equity = result.equityCurve[k];
    peak = Math.max(peak, equity);
    const drawdownPct = peak > 0 ? (1 - equity / peak) * 100 : 0;
    equityCurve.push({ date: isoDateOf(bars.time[result.testFrom + k]), equity, drawdownPct });
  }
  return {
    windows: result.windows.map((w) => ({
      trainFrom: isoDateOf(w.trainStartTime),
      trainTo: isoDateOf(w.trainEndTime),
      testFrom: isoDateOf(w.testStartTime),
      testTo: isoDateOf(w.testEndTime),
      params: { ...w.params },
      inSampleValue: finiteOrNull(w.inSampleValue),
      outOfSample: toPublicStats(w.outOfSample),
    })),
    outOfSample: toPublicStats(result.outOfSample),
    equityCurve,
    efficiency: result.efficiency,
    runCount: result.runCount,
  };
}
