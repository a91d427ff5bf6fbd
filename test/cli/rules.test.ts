import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../engine/support/data.ts';
import { runCli } from './run-cli.ts';

warnIfNoSharedData('CLI rule strategies on GOOG');

const GOOG = resolve(sharedDataDir, 'GOOG.csv');
const SMA = ['--entry', 'crossover(sma(close, fast), sma(close, slow))'];
const SMA_SHORT = ['--short-entry', 'crossover(sma(close, slow), sma(close, fast))'];
const PARAMS = ['--rule-param', 'fast=10:1:200', '--rule-param', 'slow=30:2:400'];

const json = (stdout: string) => JSON.parse(stdout) as { stats: Record<string, unknown>; trades: unknown[] };

describe.skipIf(!sharedDataAvailable)('cli rule strategies', () => {
  it('backtests the SmaCross rule twin from flags and from a file, identical to the built-in', async () => {
    const builtIn = await runCli(['backtest', '--csv', GOOG, '--strategy', 'SmaCross', '--json']);
    const flags = await runCli(['backtest', '--csv', GOOG, ...SMA, ...SMA_SHORT, ...PARAMS, '--json']);
    expect(flags.code).toBe(0);
    expect(json(flags.stdout).trades).toHaveLength(66);
    expect(json(flags.stdout)).toEqual(json(builtIn.stdout));

    const file = join(mkdtempSync(join(tmpdir(), 'bt-rules-cli-')), 'sma.json');
    writeFileSync(
      file,
      JSON.stringify({
        entry: SMA[1],
        shortEntry: SMA_SHORT[1],
        params: [
          { name: 'fast', default: 10 },
          { name: 'slow', default: 30 },
        ],
      }),
    );
    const fromFile = await runCli(['backtest', '--csv', GOOG, '--rules', file, '--json']);
    expect(fromFile.code).toBe(0);
    expect(json(fromFile.stdout)).toEqual(json(builtIn.stdout));
  });

  it('backtests rule twins of DonchianBreakout and EmaCross, identical to the built-ins', async () => {
    const donchian = await runCli([
      'backtest',
      '--csv',
      GOOG,
      '--json',
      '--entry',
      'close > prev(highest(high, entryBars), 1)',
      '--exit',
      'close < prev(lowest(low, exitBars), 1)',
      '--rule-param',
      'entryBars=20',
      '--rule-param',
      'exitBars=10',
    ]);
    const donchianBuiltIn = await runCli([
      'backtest',
      '--csv',
      GOOG,
      '--strategy',
      'DonchianBreakout',
      '--json',
    ]);
    expect(donchian.code).toBe(0);
    expect(json(donchian.stdout).trades.length).toBeGreaterThan(10);
    expect(json(donchian.stdout)).toEqual(json(donchianBuiltIn.stdout));
    const ema = await runCli([
      'backtest',
      '--csv',
      GOOG,
      '--json',
      '--entry',
      'crossover(ema(close, fast), ema(close, slow))',
      '--short-entry',
      'crossover(ema(close, slow), ema(close, fast))',
      '--rule-param',
      'fast=12',
      '--rule-param',
      'slow=26',
    ]);
    const emaBuiltIn = await runCli(['backtest', '--csv', GOOG, '--strategy', 'EmaCross', '--json']);
    expect(ema.code).toBe(0);
    expect(json(ema.stdout)).toEqual(json(emaBuiltIn.stdout));
  });

  it('optimizes rule params to the built-in sweep’s best', async () => {
    const grid = [
      '--grid',
      'fast=5:55:5',
      '--grid',
      'slow=10:110:10',
      '--constraint',
      'fast < slow',
      '--json',
    ];
    const builtIn = await runCli(['optimize', '--csv', GOOG, '--strategy', 'SmaCross', ...grid]);
    const rules = await runCli(['optimize', '--csv', GOOG, ...SMA, ...SMA_SHORT, ...PARAMS, ...grid]);
    expect(rules.code).toBe(0);
    const best = (stdout: string) =>
      JSON.parse(stdout) as { runCount: number; best: { params: Record<string, number>; value: number } };
    expect(best(rules.stdout).runCount).toBe(91);
    expect(best(rules.stdout).best.value).toBe(best(builtIn.stdout).best.value);
    expect(best(rules.stdout).best.params.fast).toBe(best(builtIn.stdout).best.params.fast);
    expect(best(rules.stdout).best.params.slow).toBe(best(builtIn.stdout).best.params.slow);
  });

  it('names the flag at fault with the character offset, and exits 2', async () => {
    const bad = await runCli(['backtest', '--csv', GOOG, '--entry', 'close > smaa(close, 3)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--entry: .*smaa.*at character 8/);
    const param = await runCli([
      'backtest',
      '--csv',
      GOOG,
      '--entry',
      'close > sma(close, n)',
      '--rule-param',
      'n=x',
    ]);
    expect(param.code).toBe(2);
    expect(param.stderr).toMatch(/--rule-param n/);
    const both = await runCli(['backtest', '--csv', GOOG, '--strategy', 'SmaCross', ...SMA]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  });
});
