import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../../bin/bundle.js';
import { buildBundles } from '../../scripts/build-cli.js';
import { sharedDataAvailable, sharedDataDir } from '../engine/support/data.ts';
import { startYahooServer } from '../support/yahoo-server.ts';
import { runCli, runNode } from './run-cli.ts';

const GOOG = resolve(sharedDataDir, 'GOOG.csv');

const withoutElapsed = (text: string) => JSON.stringify({ ...JSON.parse(text), elapsedMs: 0 });

describe.skipIf(!sharedDataAvailable)('the bundled CLI and service (scripts/build-cli.js)', () => {
  // Inside the project, as dist/ is: the bundle imports packages from node_modules.
  const outdir = resolve('.tmp', `bundle-test-${process.pid}`);
  beforeAll(async () => {
    await buildBundles(outdir);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('prints the same backtest as the sources', async () => {
    const args = ['backtest', '--csv', GOOG, '--strategy', 'SmaCross', '--json'];
    const [bundled, sources] = await Promise.all([runNode([join(outdir, 'cli.js'), ...args]), runCli(args)]);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout).stats.tradeCount).toBe(66);
    expect(bundled.stdout).toBe(sources.stdout);
  });

  it('runs a sweep big enough for the worker threads (bundled too) like the sources do', async () => {
    const sweep = ['--grid', 'fast=5:50:1', '--grid', 'slow=10:200:4', '--constraint', 'fast < slow'];
    const args = ['optimize', '--csv', GOOG, '--strategy', 'SmaCross', ...sweep, '--json'];
    const bundled = await runNode([join(outdir, 'cli.js'), ...args]);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    const sources = await runCli(args);
    expect(withoutElapsed(bundled.stdout)).toBe(withoutElapsed(sources.stdout));
  }, 60_000);

  it('starts the service, which finds its migrations, answers /readyz and fetches from Yahoo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-service-'));
    const yahoo = await startYahooServer({ recordedDir: null });
    const child = spawn(process.execPath, [join(outdir, 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        YAHOO_BASE_URL: yahoo.url,
        PORT: '0',
        DATABASE_URL: `file:${join(dir, 'service.db')}`,
        WARM_ON_START: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let logs = '';
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          logs += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(logs);
          if (match) done(match[1]);
        });
        child.on('exit', (code) => fail(new Error(`exited with ${code}: ${logs}`)));
      });
      let status = 0;
      for (let k = 0; k < 200 && status !== 200; k++) {
        status = (await fetch(`${url}/readyz`)).status;
        if (status !== 200) await new Promise((done) => setTimeout(done, 50));
      }
      expect(status).toBe(200);
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      const series = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ priceSeries(ticker: "BUNDLE", from: "2023-01-02", to: "2023-03-31") { source barCount } }',
        }),
      });
      const body = (await series.json()) as { data: { priceSeries: { source: string; barCount: number } } };
      expect(body.data.priceSeries.source).toBe('PROVIDER');
      expect(body.data.priceSeries.barCount).toBeGreaterThan(55);
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      await yahoo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('freshBundle (bin/bundle.js)', () => {
  const root = mkdtempSync(join(tmpdir(), 'bundle-fresh-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const builtAtMs = Date.now() - 60_000;
  const at = (ms: number) => new Date(ms);

  function layout(): void {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'dist', 'cli.js'), '');
    writeFileSync(join(root, 'src', 'a.ts'), '');
    writeFileSync(join(root, 'src', 'b.ts'), '');
    for (const file of ['src/a.ts', 'src/b.ts'])
      utimesSync(join(root, file), at(builtAtMs - 1000), at(builtAtMs - 1000));
    const manifest = { builtAtMs, entryPoints: ['cli'], inputs: ['src/a.ts', 'src/b.ts'] };
    writeFileSync(join(root, 'dist', 'manifest.json'), JSON.stringify(manifest));
  }

  it('is the bundle when no source it was built from changed since', () => {
    layout();
    expect(freshBundle(root, 'cli')).toBe(join(root, 'dist', 'cli.js'));
  });

  it('is null (run the sources) once a source is newer than the build', () => {
    layout();
    utimesSync(join(root, 'src', 'b.ts'), at(builtAtMs + 1000), at(builtAtMs + 1000));
    expect(freshBundle(root, 'cli')).toBeNull();
  });

  it('is null when a source is gone, the entry point was not built, or there is no manifest', () => {
    layout();
    expect(freshBundle(root, 'main')).toBeNull();
    rmSync(join(root, 'src', 'a.ts'));
    expect(freshBundle(root, 'cli')).toBeNull();
    layout();
    rmSync(join(root, 'dist', 'manifest.json'));
    expect(freshBundle(root, 'cli')).toBeNull();
  });
});
