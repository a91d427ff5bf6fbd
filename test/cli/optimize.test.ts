import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimize } from '../../src/engine/optimizer/optimize.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { loadBars, sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../engine/support/data.ts';
import { runCli } from './run-cli.ts';

warnIfNoSharedData('CLI optimize on GOOG');

const GOOG = resolve(sharedDataDir, 'GOOG.csv');
const SWEEP = ['--grid', 'fast=5:55:5', '--grid', 'slow=10:110:10', '--constraint', 'fast < slow'];

describe.skipIf(!sharedDataAvailable)('cli optimize', () => {
  it('prints the 91-run sweep as an OptimizationResult whose best is the engine’s', async () => {
    const run = await runCli(['optimize', '--csv', GOOG, '--strategy', 'SmaCross', ...SWEEP, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['runCount', 'elapsedMs', 'best', 'runs']);
    expect(json.runCount).toBe(91);
    expect(json.runs).toHaveLength(91);
    expect(json.elapsedMs).toBeGreaterThan(0);
    const engine = optimize({
      bars: loadBars('GOOG.csv'),
      strategy: smaCross,
      grid: [
        { name: 'fast', from: 5, to: 55, step: 5 },
        { name: 'slow', from: 10, to: 110, step: 10 },
      ],
      constraint: 'fast < slow',
      options: { finalizeTrades: true },
    });
    expect(json.best.params).toEqual(engine.best.params);
    expect(json.best.value).toBe(engine.best.value);
    expect(json.best.stats.equityFinal).toBe(engine.best.stats.equityFinal);
    expect(json.runs.map((r: { params: object }) => r.params)).toEqual(engine.runs.map((r) => r.params));
    expect(json.runs.map((r: { value: number | null }) => r.value)).toEqual(
      engine.runs.map((r) => (Number.isFinite(r.value) ? r.value : null)),
    );
  });

  it('maximizes the requested statistic with fixed params, and prints a table without --json', async () => {
    const args = ['optimize', '--csv', GOOG, '--strategy', 'SmaCross', '--grid', 'fast=2:10:2'];
    const run = await runCli([...args, '--param', 'slow=40', '--maximize', 'returnPct', '--json']);
    const json = JSON.parse(run.stdout);
    const returns = json.runs.map((r: { stats: { returnPct: number } }) => r.stats.returnPct);
    expect(json.best.value).toBe(Math.max(...returns));
    expect(json.runs.every((r: { params: { slow: number } }) => r.params.slow === 40)).toBe(true);
    const table = await runCli([...args, '--param', 'slow=40']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('5 runs');
    expect(table.stdout).toMatch(/^best sqn = /m);
  });
});
