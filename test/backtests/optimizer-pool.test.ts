import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createOptimizerPool, type OptimizeJob } from '../../src/backtests/optimizer-pool.ts';
import { barsFromColumns } from '../../src/engine/bars.ts';
import { EngineError } from '../../src/engine/errors.ts';
import { optimize } from '../../src/engine/optimizer/optimize.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { headBars, loadBars, sharedDataAvailable, warnIfNoSharedData } from '../engine/support/data.ts';

warnIfNoSharedData('optimizer pool on GOOG');

const run = promisify(execFile);
/** A worker module of the given source, in a file of its own (worker threads load files). */
const workerModule = (code: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'optimizer-worker-')), 'worker.mjs');
  writeFileSync(file, code);
  return pathToFileURL(file);
};

describe.skipIf(!sharedDataAvailable)('optimizer pool', () => {
  const goog = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;
  const pool = createOptimizerPool({ size: 2, inlineBarSteps: 0 });
  afterAll(() => pool.close());

  const sweep: OptimizeJob = {
    bars: goog!,
    strategy: { name: 'SmaCross', rules: null },
    grid: [
      { name: 'fast', from: 5, to: 55, step: 5 },
      { name: 'slow', from: 10, to: 110, step: 10 },
    ],
    constraint: 'fast < slow',
    options: { finalizeTrades: true },
  };
  const single = (job: OptimizeJob) =>
    optimize({
      ...job,
      bars: barsFromColumns(job.bars, { isDatetime: job.bars.isDatetime }),
      strategy: smaCross,
    });

  it('stops a sweep whose signal aborts: it rejects with the reason, and the pool runs the next sweep', async () => {
    const big: OptimizeJob = {
      ...sweep,
      grid: [
        // About 17,000 runs: over a second on two threads.
        { name: 'fast', from: 2, to: 60, step: 1 },
        { name: 'slow', from: 10, to: 300, step: 1 },
      ],
    };
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const running = pool.optimize(big, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(running).rejects.toBe(reason);
    const already = new AbortController();
    already.abort(reason);
    await expect(pool.optimize(sweep, { signal: already.signal })).rejects.toBe(reason);
    expect((await pool.optimize(sweep)).runCount).toBe(91);
  });

  it('gives exactly the single-threaded result on the 91-run sweep', async () => {
    const result = await pool.optimize(sweep);
    const expected = single(sweep);
    expect(result.runCount).toBe(91);
    expect(result.runs).toEqual(expected.runs);
    expect(result.best).toEqual(expected.best);
    expect(result.elapsedMs).toBeGreaterThan(0);
  });

  it('runs concurrent jobs with their own params, options and statistic', async () => {
    const other: OptimizeJob = {
      ...sweep,
      bars: headBars(goog!, 600),
      grid: [{ name: 'fast', from: 2, to: 40, step: 1 }],
      params: { slow: 45, longOnly: true },
      maximize: 'returnPct',
      options: { commission: { fixed: 1, rate: 0.001 }, cash: 50_000, finalizeTrades: true },
    };
    const [a, b] = await Promise.all([pool.optimize(sweep), pool.optimize(other)]);
    expect(a.runs).toEqual(single(sweep).runs);
    const expected = single(other);
    expect(b.runs).toEqual(expected.runs);
    expect(b.best.params).toEqual(expected.best.params);
    expect(b.best.stats.commissions).toBeGreaterThan(0);
  });

  it('refuses bad jobs with the same field errors as the pure optimizer', async () => {
    const fieldOf = (job: OptimizeJob) =>
      pool.optimize(job).then(
        () => 'resolved',
        (error: unknown) => (error instanceof EngineError ? error.field : String(error)),
      );
    expect(await fieldOf({ ...sweep, strategy: { name: 'Nope', rules: null } })).toBe('strategy');
    expect(await fieldOf({ ...sweep, maximize: 'start' })).toBe('maximize');
    expect(await fieldOf({ ...sweep, maxRuns: 90 })).toBe('grid');
    expect(await fieldOf({ ...sweep, grid: [{ name: 'window', from: 1, to: 2, step: 1 }] })).toBe(
      'grid.window',
    );
    expect(await fieldOf({ ...sweep, options: { margin: 2 } })).toBe('options.margin');
  });

  it('keeps the caller’s event loop responsive while a large sweep runs', async () => {
    const big: OptimizeJob = {
      ...sweep,
      grid: [
        { name: 'fast', from: 2, to: 40, step: 2 },
        { name: 'slow', from: 10, to: 200, step: 5 },
      ],
    };
    let ticks = 0;
    let ticksWhenDone = -1;
    const timer = setInterval(() => ticks++, 10);
    try {
      const result = await pool.optimize(big).then((r) => {
        ticksWhenDone = ticks;
        return r;
      });
      expect(result.runCount).toBeGreaterThan(700);
    } finally {
      clearInterval(timer);
    }
    // Ten 10 ms timers fired while the sweep was running.
    expect(ticksWhenDone).toBeGreaterThanOrEqual(10);
  });

  it('runs sweeps up to inlineBarSteps (runs × bars) inline with the same result, larger ones on the workers', async () => {
    // Workers that die at once: a sweep that reaches them fails.
    const inline = createOptimizerPool({ size: 1, workerUrl: workerModule('process.exit(9)') });
    try {
      // 5 runs × 2148 bars: under the default 100,000 bar-steps.
      const job: OptimizeJob = { ...sweep, grid: [{ name: 'fast', from: 5, to: 25, step: 5 }] };
      const result = await inline.optimize(job);
      expect(result.runs).toEqual(single(job).runs);
      // 91 runs × 2148 bars: over it.
      await expect(inline.optimize(sweep)).rejects.toThrow(/crashed/);
    } finally {
      await inline.close();
    }
    const larger = createOptimizerPool({
      size: 1,
      inlineBarSteps: 91 * 2148,
      workerUrl: workerModule('process.exit(9)'),
    });
    try {
      expect((await larger.optimize(sweep)).runs).toEqual(single(sweep).runs);
    } finally {
      await larger.close();
    }
  });
});

describe.skipIf(!sharedDataAvailable)('optimizer pool failures', () => {
  const bars = sharedDataAvailable ? headBars(loadBars('GOOG.csv'), 200) : undefined;
  const job: OptimizeJob = {
    bars: bars!,
    strategy: { name: 'SmaCross', rules: null },
    grid: [{ name: 'fast', from: 2, to: 20, step: 1 }],
  };

  it('rejects the job with an Error when a worker dies mid-chunk, and again on the next job', async () => {
    const code = 'export default function runChunk() { process.exit(3); }';
    const pool = createOptimizerPool({ size: 2, inlineBarSteps: 0, workerUrl: workerModule(code) });
    try {
      await expect(pool.optimize(job)).rejects.toThrow(/optimizer worker crashed: .*exited with code: 3/);
      await expect(pool.optimize(job)).rejects.toThrow(/crashed/);
    } finally {
      await pool.close();
    }
  });

  it('rejects when the worker throws while loading', async () => {
    const pool = createOptimizerPool({
      size: 1,
      inlineBarSteps: 0,
      workerUrl: workerModule('throw new Error("boom")'),
    });
    try {
      await expect(pool.optimize(job)).rejects.toThrow(/crashed: boom/);
    } finally {
      await pool.close();
    }
  });

  it('rejects jobs after close', async () => {
    const pool = createOptimizerPool({ inlineBarSteps: 0 });
    await pool.close();
    await expect(pool.optimize(job)).rejects.toThrow(/closed/);
  });

  it('never keeps a process alive once its jobs are done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optimizer-pool-'));
    const script = join(dir, 'run.ts');
    const poolPath = resolve('src/backtests/optimizer-pool.ts');
    writeFileSync(
      script,
      `import { createOptimizerPool } from ${JSON.stringify(poolPath)};
       const t = Float64Array.from({ length: 60 }, (_, k) => k);
       const close = t.map((k) => 100 + 10 * Math.sin(k / 3));
       const pool = createOptimizerPool({ inlineBarSteps: 0 });
       const r = await pool.optimize({ bars: { isDatetime: false, time: t, open: close, high: close.map((c) => c + 1), low: close.map((c) => c - 1), close }, strategy: { name: 'SmaCross', rules: null }, grid: [{ name: 'fast', from: 2, to: 9, step: 1 }] });
       console.log(r.runCount);`,
    );
    const { stdout } = await run(process.execPath, [script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('8');
  });
});
