import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  derivedDataAvailable,
  expectClose,
  readSharedText,
  sharedDataAvailable,
  sharedDataDir,
  warnIfNoDerivedData,
  warnIfNoSharedData,
} from '../engine/support/data.ts';
import { ANCHOR_STATS } from '../support/anchor.ts';
import { runCli } from './run-cli.ts';

warnIfNoSharedData('CLI backtest on the reference data');
warnIfNoDerivedData('CLI backtest anchor case against the trade list and equity curve');

const GOOG = resolve(sharedDataDir, 'GOOG.csv');
const EURUSD = resolve(sharedDataDir, 'EURUSD.csv');

const expected = ANCHOR_STATS;

interface JsonTrade {
  size: number;
  entryBar: number;
  exitBar: number;
  entryPrice: number;
  exitPrice: number;
  sl: number | null;
  tp: number | null;
  pnl: number;
  commission: number;
  returnPct: number;
  entryDate: string;
  exitDate: string;
}

describe.skipIf(!sharedDataAvailable)('cli backtest', () => {
  it.skipIf(!derivedDataAvailable)(
    'prints the anchor case as JSON: every statistic, trade and equity point of the reference',
    async () => {
      const run = await runCli(['backtest', '--csv', GOOG, '--strategy', 'SmaCross', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as {
        stats: Record<string, number | string | null>;
        trades: JsonTrade[];
        equityCurve: { date: string; equity: number; drawdownPct: number }[];
      };
      // Exactly the BacktestStats keys, in backtesting.py's order.
      expect(Object.keys(json.stats)).toEqual(Object.keys(expected));
      for (const [key, value] of Object.entries(expected)) {
        if (typeof value === 'string') expect(json.stats[key], key).toBe(value);
        else expect(() => expectClose(json.stats[key] as number, value), key).not.toThrow();
      }
      const reference = readSharedText('reference/GOOG-SmaCross-10-30-finalize.trades.csv')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','));
      expect(json.trades).toHaveLength(66);
      reference.forEach((f, k) => {
        const t = json.trades[k];
        expect([t.size, t.entryBar, t.exitBar, t.entryDate, t.exitDate], `trade ${k}`).toEqual([
          Number(f[1]),
          Number(f[2]),
          Number(f[3]),
          f[11],
          f[12],
        ]);
        expectClose(t.entryPrice, Number(f[4]));
        expectClose(t.exitPrice, Number(f[5]));
        expectClose(t.pnl, Number(f[8]));
        expectClose(t.returnPct / 100, Number(f[10]));
        expect([t.sl, t.tp, t.commission]).toEqual([null, null, 0]);
      });
      const equity = readSharedText('reference/GOOG-SmaCross-10-30-finalize.equity.csv')
        .trim()
        .split('\n')
        .slice(1);
      expect(json.equityCurve).toHaveLength(equity.length);
      equity.forEach((line, k) => {
        const [time, value, drawdown] = line.split(',');
        expect(json.equityCurve[k].date).toBe(time);
        expectClose(json.equityCurve[k].equity, Number(value));
        expect(Math.abs(json.equityCurve[k].drawdownPct / 100 - Number(drawdown))).toBeLessThan(1e-12);
      });
    },
  );

  it('leaves the last trade open with --no-finalize and applies the engine flags', async () => {
    const args = ['backtest', '--csv', GOOG, '--strategy', 'SmaCross', '--json'];
    const open = JSON.parse((await runCli([...args, '--no-finalize'])).stdout);
    expect(open.stats.tradeCount).toBe(65);
    const costly = JSON.parse(
      (await runCli([...args, '--commission', '0.002', '--fixed-commission', '1'])).stdout,
    );
    expect(costly.stats.commissions).toBeGreaterThan(0);
    expect(costly.trades[0].commission).toBeCloseTo(
      2 +
        0.002 * Math.abs(costly.trades[0].size) * (costly.trades[0].entryPrice + costly.trades[0].exitPrice),
      9,
    );
  });

  it('runs hourly data with a datetime index and intraday durations', async () => {
    const run = await runCli(['backtest', '--csv', EURUSD, '--strategy', 'SmaCross', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.stats.start).toBe('2017-04-19T09:00:00');
    expect(json.stats.end).toBe('2018-02-07T15:00:00');
    // 2017-04-19 09:00 → 2018-02-07 15:00 is 294 days and 6 hours.
    expect(json.stats.durationDays).toBe(294.25);
    expect(json.trades[0].entryDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00$/);
    expect(json.stats.cagrPct).not.toBeNull();
  });

  it('prints a readable table without --json', async () => {
    const run = await runCli(['backtest', '--csv', GOOG, '--strategy', 'SmaCross']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Return \[%\]\s+414\.2299$/m);
    expect(run.stdout).toMatch(/^# Trades\s+66$/m);
    expect(run.stdout).toContain('66 closed trades');
    const lines = run.stdout.split('\n').filter((l) => /^(Start|SQN|Beta) /.test(l));
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
