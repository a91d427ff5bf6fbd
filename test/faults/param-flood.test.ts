/**
 * A client sending backtests with ever new params on one series (a hand-made sweep, or a hostile
 * flood) must not grow memory without bound: the indicator arrays memoized per series are capped.
 * Indicator arrays are Float64Arrays, so their memory shows in `arrayBuffers`, not in the heap.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createBacktestService } from '../../src/backtests/backtest-service.ts';
import { createTtlCache } from '../../src/cache/ttl-cache.ts';
import { fingerprintColumns, type PriceSeries } from '../../src/market-data/series.ts';
import { silentLogger } from '../../src/observability/logger.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function arrayBufferBytes(): number {
  gc();
  gc();
  return process.memoryUsage().arrayBuffers;
}

/** A 2,000-bar random walk: each memoized indicator array over it is 16 kB. */
function randomWalk(bars: number): PriceSeries {
  const dates: string[] = [];
  const close: number[] = [];
  let price = 100;
  let day = Date.UTC(2010, 0, 4);
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  while (dates.length < bars) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      price *= 1 + (random() - 0.5) * 0.04;
      dates.push(new Date(day).toISOString().slice(0, 10));
      close.push(price);
    }
    day += 86_400_000;
  }
  const columns = {
    dates,
    open: close.map((c) => c * 0.999),
    high: close.map((c) => c * 1.01),
    low: close.map((c) => c * 0.99),
    close,
    volume: close.map(() => 1e6),
  };
  return {
    ticker: 'FLOOD',
    from: dates[0],
    to: dates[dates.length - 1],
    adjusted: true,
    source: 'DATABASE',
    stale: false,
    columns,
    fingerprint: fingerprintColumns(columns),
  };
}

describe('backtests with ever new params on one series', () => {
  it('keep the memoized indicator memory bounded', async () => {
    const series = randomWalk(2000);
    const loader = { loadMany: async (keys: ArrayLike<unknown>) => Array.from(keys, () => series) };
    // A result cache that holds nothing, so every request runs the engine.
    const resultCache = createTtlCache<never>({
      url: undefined,
      namespace: 'flood',
      logger: silentLogger,
      maxBytes: 1,
    });
    const service = createBacktestService({
      resultCache,
      resultTtlMs: 1,
      limits: { maxTickers: 50, maxRangeYears: 50 },
      now: Date.now,
      saved: { find: async () => null },
    });
    const run = (fast: number, slow: number) =>
      service.run(
        { ticker: 'FLOOD', from: series.from, to: series.to, strategy: 'SmaCross', params: { fast, slow } },
        loader,
      );

    await run(10, 30);
    const before = arrayBufferBytes();
    let runs = 0;
    for (let fast = 2; fast <= 41; fast++) {
      for (let slow = 50; slow <= 90; slow += 1) {
        const outcome = await run(fast, slow);
        expect(outcome.cached).toBe(false);
        runs++;
      }
    }
    const grownBytes = arrayBufferBytes() - before;
    // 1,640 distinct params: kept, their signal and SMA arrays alone would be about 1,700 × 16 kB
    // = 27 MB. Bounded, a series keeps a few dozen arrays (well under 2 MB).
    expect(runs).toBe(1640);
    expect(grownBytes).toBeLessThan(6 * 2 ** 20);
  });
});
