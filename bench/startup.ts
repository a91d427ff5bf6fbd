/**
 * Start-up: whole processes as a user starts them, next to `node -e 0` (the floor: starting Node
 * itself) measured in the same run. The CLI through its launcher (bin/backtest-graphql.js, as
 * `npx backtest-graphql`): one GOOG backtest and the 91-run SmaCross sweep; the service as
 * `npm start` runs it (the node arguments of package.json's start script) on the embedded default (a new SQLite file, migrated on start), timed
 * from spawn to the first `/readyz` 200. With Python and backtesting.py installed, also its
 * whole-process backtest of GOOG.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { GOOG_CSV as DEFAULT_GOOG_CSV } from './lib/bars.ts';
import { tempDir } from './lib/fixtures.ts';
import { npmStartArgs } from './lib/npm-start.ts';
import { summarize } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';
import { freshBundle } from '../bin/bundle.js';
import { buildBundles } from '../scripts/build-cli.js';

const SAMPLES = Number(process.env.BENCH_STARTUP_SAMPLES ?? 7);
const ROOT = resolve(import.meta.dirname, '..');
const GOOG_CSV = process.env.BENCH_GOOG_CSV ?? DEFAULT_GOOG_CSV;
const LAUNCHER = join(ROOT, 'bin', 'backtest-graphql.js');
const BACKTEST = [LAUNCHER, 'backtest', '--csv', GOOG_CSV, '--strategy', 'SmaCross'];
const SWEEP = [
  ...[LAUNCHER, 'optimize', '--csv', GOOG_CSV, '--strategy', 'SmaCross'],
  ...['--grid', 'fast=5:55:5', '--grid', 'slow=10:110:10', '--constraint', 'fast < slow'],
];
const PYTHON_BACKTEST = `
import pandas as pd
from backtesting import Backtest, Strategy
from backtesting.lib import crossover
from backtesting.test import SMA
class SmaCross(Strategy):
    def init(self):
        self.a = self.I(SMA, self.data.Close, 10)
        self.b = self.I(SMA, self.data.Close, 20)
    def next(self):
        if crossover(self.a, self.b): self.position.close(); self.buy()
        elif crossover(self.b, self.a): self.position.close(); self.sell()
data = pd.read_csv(${JSON.stringify(GOOG_CSV)}, index_col=0, parse_dates=True)
print(Backtest(data, SmaCross, cash=10000, finalize_trades=True).run()['SQN'])
`;

/** Wall time of one whole process, in ms; throws on a non-zero exit. */
function wallMs(command: string, args: readonly string[]): number {
  const t0 = performance.now();
  const run = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function sample(fn: () => number, count = SAMPLES): ReturnType<typeof summarize> {
  fn(); // warm the file system cache
  return summarize(Array.from({ length: count }, fn));
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Spawn to the first `/readyz` 200, in ms, then stops the service. */
async function serviceReadyMs(dir: string, k: number): Promise<number> {
  const port = await freePort();
  const db = join(dir, `start-${k}.db`);
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, npmStartArgs(), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${db}`,
      LOG_LEVEL: 'warn',
      // Nothing to warm from here (no network): the default warm-up would only log failures.
      WARM_ON_START: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
      const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      if (response?.status === 200) return performance.now() - t0;
      await response?.body?.cancel();
      if (performance.now() - t0 > 20_000) throw new Error('the service was not ready within 20 s');
      await new Promise((done) => setTimeout(done, 5));
    }
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
}

await runSection('startup', 'Start-up', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  // The rows time what `npm ci` leaves: a bundle older than the sources (they were edited since)
  // would make the launchers run the sources, so it is built again first, as `npm ci` does.
  let rebuilt = false;
  if (
    existsSync(join(ROOT, 'dist', 'manifest.json')) &&
    (!freshBundle(ROOT, 'main') || !freshBundle(ROOT, 'cli'))
  ) {
    progress('the bundle is older than the sources: building it again');
    await buildBundles();
    rebuilt = true;
  }
  const bundled = existsSync(join(ROOT, 'dist', 'manifest.json'));
  progress('node -e 0');
  const floor = sample(() => wallMs(process.execPath, ['-e', '0']));
  rows.push({ id: 'node', label: 'node -e 0 (floor)', ...floor });
  const python = spawnSync('python3', ['-c', 'import backtesting'], { encoding: 'utf8' }).status === 0;
  if (python) {
    progress('backtesting.py');
    const py = sample(() => wallMs('python3', ['-c', PYTHON_BACKTEST]), 3);
    rows.push({
      id: 'python',
      label: 'backtesting.py GOOG SmaCross, whole process',
      ...py,
      baseline: 'node',
    });
  }
  const base = python ? 'python' : 'node';
  progress('CLI backtest');
  const backtest = sample(() => wallMs(process.execPath, BACKTEST));
  rows.push({
    id: 'cli-backtest',
    label: 'CLI backtest GOOG SmaCross, whole process',
    ...backtest,
    baseline: base,
    target: { text: '≤ 0.25 s wall', met: backtest.medianMs <= 250 },
  });
  progress('CLI optimize');
  const sweep = sample(() => wallMs(process.execPath, SWEEP));
  rows.push({
    id: 'cli-optimize',
    label: 'CLI optimize 91 runs GOOG, whole process',
    ...sweep,
    baseline: base,
    target: { text: '≤ 0.6 s wall', met: sweep.medianMs <= 600 },
  });
  progress('service start to /readyz');
  const temp = tempDir('startup');
  try {
    const times: number[] = [];
    await serviceReadyMs(temp.dir, -1);
    for (let k = 0; k < SAMPLES; k++) times.push(await serviceReadyMs(temp.dir, k));
    const ready = summarize(times);
    rows.push({
      id: 'service-ready',
      label: 'service start to /readyz 200 (SQLite, new file)',
      ...ready,
      baseline: 'node',
      target: { text: '≤ 1.5 s', met: ready.medianMs <= 1500 },
    });
  } finally {
    temp.remove();
  }
  notes.push(
    `Start-up: ${SAMPLES} samples per row after one untimed run; CLI through bin/backtest-graphql.js, the service as npm start runs it, ${
      bundled
        ? `both running the bundle built at install (dist/${rebuilt ? ', built again first: it was older than the sources' : ''})`
        : 'no bundle in dist/: both running the TypeScript sources'
    }${python ? '' : '; no Python with backtesting.py here, so the floor is `node -e 0`'}.`,
  );
  return { rows, notes };
});
process.exit(0);
