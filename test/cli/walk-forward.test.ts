import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkForward } from '../../src/engine/optimizer/walk-forward.ts';
import { toWalkForwardView } from '../../src/jobs/job-views.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { toJsonText } from '../../src/cli/json-output.ts';
import { loadBars, sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../engine/support/data.ts';
import { runCli } from './run-cli.ts';

warnIfNoSharedData('CLI walk-forward on GOOG');

const GOOG = resolve(sharedDataDir, 'GOOG.csv');
const GRID = ['--grid', 'fast=5:30:5', '--grid', 'slow=20:80:20', '--constraint', 'fast < slow'];
const WINDOWS = ['--train-bars', '500', '--test-bars', '250'];
const ARGS = ['walk-forward', '--csv', GOOG, '--strategy', 'SmaCross', ...GRID, ...WINDOWS];

const engineView = (anchored: boolean, maximize = 'sqn') => {
  const bars = loadBars('GOOG.csv');
  const result = walkForward({
    bars,
    strategy: smaCross,
    grid: [
      { name: 'fast', from: 5, to: 30, step: 5 },
      { name: 'slow', from: 20, to: 80, step: 20 },
    ],
    constraint: 'fast < slow',
    maximize: maximize as 'sqn',
    options: { finalizeTrades: true },
    trainBars: 500,
    testBars: 250,
    anchored,
  });
  const { windows, outOfSample, equityCurve, efficiency } = toWalkForwardView(bars, result);
  return JSON.parse(toJsonText({ windows, outOfSample, equityCurve, efficiency }));
};

describe.skipIf(!sharedDataAvailable)('cli walk-forward', () => {
  it('prints a WalkForwardResult equal to the engine’s walkForward on the same bars', async () => {
    const run = await runCli([...ARGS, '--maximize', 'returnPct', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['windows', 'outOfSample', 'equityCurve', 'efficiency']);
    expect(Object.keys(json.windows[0])).toEqual([
      'trainFrom',
      'trainTo',
      'testFrom',
      'testTo',
      'params',
      'inSampleValue',
      'outOfSample',
    ]);
    expect(json).toEqual(engineView(false, 'returnPct'));
  });

  it('trains every window from the first bar with --anchored, and prints a table without --json', async () => {
    const json = JSON.parse((await runCli([...ARGS, '--anchored', '--json'])).stdout);
    expect(json).toEqual(engineView(true));
    expect(new Set(json.windows.map((w: { trainFrom: string }) => w.trainFrom)).size).toBe(1);
    const table = await runCli(ARGS);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`SmaCross on .*: ${json.windows.length} windows`));
    expect(table.stdout).toContain('efficiency');
  });

  it('refuses bad window sizes and missing flags as usage errors naming the flag', async () => {
    const zero = await runCli([
      'walk-forward',
      '--csv',
      GOOG,
      '--strategy',
      'SmaCross',
      ...GRID,
      '--train-bars',
      '500',
      '--test-bars',
      '0',
    ]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/^error: --test-bars: /);
    const tooLong = await runCli([
      'walk-forward',
      '--csv',
      GOOG,
      '--strategy',
      'SmaCross',
      ...GRID,
      '--train-bars',
      '999999',
      '--test-bars',
      '10',
    ]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/^error: --train-bars: /);
    const missing = await runCli([
      'walk-forward',
      '--csv',
      GOOG,
      '--strategy',
      'SmaCross',
      ...GRID,
      '--test-bars',
      '10',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--train-bars is required');
    expect(missing.stdout).toBe('');
  });
});
