import { describe, expect, it } from 'vitest';
import { createLatencyWindow, percentile } from '../../src/observability/latency-window.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { createStatsCollector } from '../../src/observability/stats.ts';

describe('percentile (nearest rank)', () => {
  it('gives exact ranks of a known set', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('the latency window', () => {
  it('reports count and percentiles per operation over the recorded durations', () => {
    const window = createLatencyWindow({ windowMs: 60_000, maxSamples: 1000, maxOperations: 10 });
    // 1..100 ms, recorded in a shuffled order.
    const durations = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    for (const ms of durations) window.record('Prices', ms, 1_000);
    window.record('Stats', 3, 1_000);
    const [prices, stats] = window.summarize(1_000);
    expect(prices).toEqual({
      name: 'Prices',
      count: 100,
      totalCount: 100,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
      maxMs: 100,
    });
    expect(stats).toMatchObject({ name: 'Stats', count: 1, p50Ms: 3, p99Ms: 3 });
  });

  it('forgets samples older than the window but keeps the total count', () => {
    const window = createLatencyWindow({ windowMs: 10_000, maxSamples: 1000, maxOperations: 10 });
    window.record('Q', 500, 0);
    window.record('Q', 10, 8_000);
    window.record('Q', 20, 9_000);
    expect(window.summarize(12_000)[0]).toMatchObject({ count: 2, totalCount: 3, p99Ms: 20, maxMs: 20 });
    expect(window.slowest(12_000, 5).map((s) => s.durationMs)).toEqual([20, 10]);
  });

  it('keeps at most maxSamples per operation and maxOperations names', () => {
    const window = createLatencyWindow({ windowMs: 60_000, maxSamples: 3, maxOperations: 2 });
    for (const ms of [100, 1, 2, 3]) window.record('A', ms, 0);
    window.record('B', 5, 0);
    window.record('C', 6, 0);
    window.record('D', 7, 0);
    const summaries = window.summarize(0);
    expect(summaries.map((s) => s.name).sort()).toEqual(['A', 'B', 'other']);
    expect(summaries.find((s) => s.name === 'A')).toMatchObject({ count: 3, maxMs: 3 });
    expect(summaries.find((s) => s.name === 'other')).toMatchObject({ count: 2, p50Ms: 6 });
  });

  it('lists the slowest recent operations, slowest first', () => {
    const window = createLatencyWindow({ windowMs: 60_000, maxSamples: 100, maxOperations: 10 });
    window.record('A', 5, 1);
    window.record('B', 50, 2);
    window.record('A', 30, 3);
    window.record('C', 1, 4);
    expect(window.slowest(10, 2)).toEqual([
      { name: 'B', durationMs: 50, atMs: 2 },
      { name: 'A', durationMs: 30, atMs: 3 },
    ]);
  });
});

describe('the stats collector', () => {
  it('reports cache hit rates per layer, engine runs and the slowest operations with their time', async () => {
    let nowMs = Date.UTC(2024, 0, 2, 10, 0, 0);
    const metrics = createMetrics();
    const stats = createStatsCollector(() => nowMs, metrics);
    metrics.recordCache('memory', 'hit');
    metrics.recordCache('memory', 'hit');
    metrics.recordCache('memory', 'hit');
    metrics.recordCache('memory', 'miss');
    metrics.recordCache('database', 'stale');
    metrics.engineRunDuration.observe({ strategy: 'SmaCross' }, 0.001);
    stats.recordOperation('Slow', 1200);
    nowMs += 5_000;
    stats.recordOperation('Fast', 2);
    const snapshot = await stats.snapshot();
    expect(snapshot.uptimeS).toBe(5);
    expect(snapshot.engineRuns).toBe(1);
    expect(snapshot.cacheHitRates).toEqual([
      { layer: 'memory', hits: 3, misses: 1, stale: 0, hitRate: 0.75 },
      { layer: 'database', hits: 0, misses: 0, stale: 1, hitRate: 0 },
      { layer: 'result', hits: 0, misses: 0, stale: 0, hitRate: null },
    ]);
    expect(snapshot.slowestOperations[0]).toEqual({
      name: 'Slow',
      durationMs: 1200,
      at: '2024-01-02T10:00:00.000Z',
    });
  });
});
