import { covOverVar } from './stats-math.ts';

export interface BenchmarkStats {
  /** Jensen's alpha in percent: Return − rf − β·(benchmark return − rf). */
  readonly alphaPct: number;
  readonly beta: number;
}

/** Log returns log(X[k]/X[k−1]) over all N−1 steps (a ratio of exactly 1 gives exactly 0). */
export function logReturns(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, values.length - 1));
  for (let k = 1; k < values.length; k++) {
    const ratio = values[k] / values[k - 1];
    out[k - 1] = ratio === 1 ? 0 : Math.log(ratio);
  }
  return out;
}

/** β = cov(ℓE, ℓB) / var(ℓB) of log returns (sample); NaN with fewer than two steps. */
export function betaOf(
  equity: ArrayLike<number>,
  benchmarkClose: ArrayLike<number>,
  benchmarkLogReturns?: Float64Array,
  equityLogReturns?: Float64Array,
): number {
  if (equity.length !== benchmarkClose.length) {
    throw new RangeError(`equity has ${equity.length} values, benchmark ${benchmarkClose.length}`);
  }
  if (equity.length < 3) return Number.NaN;
  return covOverVar(
    equityLogReturns ?? logReturns(equity),
    benchmarkLogReturns ?? logReturns(benchmarkClose),
  );
}

/**
 * Alpha and beta of an equity curve against any price series aligned on the same bars (the
 * reference's Alpha/Beta with that series as the market). The benchmark's buy-and-hold return
 * is measured from `startBar` (the strategy's warm-up bar in the reference) to the last bar.
 */
export function benchmarkStats(
  equity: ArrayLike<number>,
  benchmarkClose: ArrayLike<number>,
  options: { startBar?: number; riskFreeRate?: number } = {},
): BenchmarkStats {
  const startBar = options.startBar ?? 0;
  const rf = options.riskFreeRate ?? 0;
  const n = equity.length;
  const beta = betaOf(equity, benchmarkClose);
  const returnPct = ((equity[n - 1] - equity[0]) / equity[0]) * 100;
  const first = benchmarkClose[startBar];
  const benchmarkReturnPct = ((benchmarkClose[n - 1] - first) / first) * 100;
  return { alphaPct: returnPct - rf * 100 - beta * (benchmarkReturnPct - rf * 100), beta };
}
