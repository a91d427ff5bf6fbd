import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { drawdownEpisodes, drawdownFractions } from '../../src/engine/stats-drawdown.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { expectAnchorStats } from '../support/anchor.ts';
import {
  derivedDataAvailable,
  expectClose,
  loadBars,
  readSharedText,
  sharedDataAvailable,
  warnIfNoDerivedData,
  warnIfNoSharedData,
} from './support/data.ts';

warnIfNoSharedData('engine anchor case (GOOG SmaCross 10/30, finalize)');
warnIfNoDerivedData('engine anchor trade list and equity curve');

function csvRows(name: string): string[][] {
  return readSharedText(name)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

describe.skipIf(!sharedDataAvailable)('anchor: GOOG SmaCross(10, 30) with finalize_trades', () => {
  const run = () =>
    runBacktest({ bars: loadBars('GOOG.csv'), strategy: smaCross, options: { finalizeTrades: true } });

  it('matches every statistic of the reference within 1e-9 relative', () => {
    const { stats } = run();
    // (The reference omits Commissions [$] when it is 0; the service reports 0.)
    expectAnchorStats({ ...stats });
  });

  it.skipIf(!derivedDataAvailable)('reproduces the reference trade list trade by trade', () => {
    const { trades, warmupBars } = run();
    expect(warmupBars).toBe(29);
    const reference = csvRows('reference/GOOG-SmaCross-10-30-finalize.trades.csv');
    expect(trades).toHaveLength(reference.length);
    expect(trades).toHaveLength(66);
    reference.forEach((f, k) => {
      const t = trades[k];
      const label = `trade ${k}`;
      expect(t.size, label).toBe(Number(f[1]));
      expect(t.entryBar, label).toBe(Number(f[2]));
      expect(t.exitBar, label).toBe(Number(f[3]));
      expectClose(t.entryPrice, Number(f[4]));
      expectClose(t.exitPrice, Number(f[5]));
      expect(t.sl, label).toBeNull();
      expect(t.tp, label).toBeNull();
      expectClose(t.pnl, Number(f[8]));
      expect(t.commission, label).toBe(Number(f[9]));
      expectClose(t.returnPct / 100, Number(f[10]));
      expect(new Date(t.entryTime).toISOString().slice(0, 10), label).toBe(f[11]);
      expect(new Date(t.exitTime).toISOString().slice(0, 10), label).toBe(f[12]);
      expect(`${(t.exitTime - t.entryTime) / 86_400_000} days`, label).toBe(f[13]);
    });
    expect(trades[0]).toMatchObject({ size: -55, entryPrice: 180.36, entryBar: 70, exitBar: 86 });
    expect(trades.at(-1)).toMatchObject({
      size: 64,
      entryPrice: 695,
      exitPrice: 797.8,
      entryBar: 2088,
      exitBar: 2147,
    });
  });

  it.skipIf(!derivedDataAvailable)(
    'reproduces the reference equity curve, drawdown and drawdown durations bar by bar',
    () => {
      const { equity, drawdownPct, stats } = run();
      const reference = csvRows('reference/GOOG-SmaCross-10-30-finalize.equity.csv');
      expect(equity).toHaveLength(reference.length);
      const episodes = drawdownEpisodes(drawdownFractions(equity), loadBars('GOOG.csv').time);
      const durationAt = new Map(episodes.endBars.map((bar, k) => [bar, episodes.durations[k] / 86_400_000]));
      reference.forEach((f, k) => {
        expectClose(equity[k], Number(f[1]));
        expect(Math.abs(drawdownPct[k] / 100 - Number(f[2])), `drawdown at ${k}`).toBeLessThan(1e-12);
        const referenceDuration = f[3] === '' ? undefined : Number(f[3].replace(' days', ''));
        expect(durationAt.get(k), `drawdown duration at ${k}`).toBe(referenceDuration);
      });
      expect(stats.equityFinal).toBe(equity.at(-1));
    },
  );
});
