/** The dashboard's bundle (esbuild, built when missing or stale) and its route on the app in process. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDashboard,
  DEFAULT_PATHS,
  type DashboardPaths,
  isStale,
  loadDashboard,
} from '../../src/dashboard/bundle.ts';
import { useDashboard } from '../../src/dashboard/use-dashboard.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const webDir = resolve(import.meta.dirname, '..', '..', 'web');

describe('the dashboard bundle', () => {
  it('is built when missing, reused while fresh, and rebuilt when a source changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-web-'));
    // The real sources; an extra input file this test can touch stands for an edited source.
    const input = join(dir, 'input.txt');
    writeFileSync(input, 'v1');
    const paths: DashboardPaths = {
      sourceDir: webDir,
      outDir: join(dir, 'out'),
      inputs: [...DEFAULT_PATHS.inputs, input],
    };
    expect(isStale(paths)).toBe(true);
    const built = await loadDashboard(paths);
    expect([...built.keys()].sort()).toEqual(['/', '/dashboard/app.css', '/dashboard/app.js']);
    expect(isStale(paths)).toBe(false);
    // A fresh build is read back as it was written.
    const reread = await loadDashboard(paths);
    expect(reread.get('/dashboard/app.js')!.etag).toBe(built.get('/dashboard/app.js')!.etag);
    // Editing a source makes it stale; the next load builds again.
    const before = readFileSync(join(paths.outDir, '.built'), 'utf8');
    writeFileSync(input, 'v2');
    expect(isStale(paths)).toBe(true);
    await loadDashboard(paths);
    expect(isStale(paths)).toBe(false);
    expect(readFileSync(join(paths.outDir, '.built'), 'utf8')).not.toBe(before);
  });

  it('bundles lightweight-charts and the page, and references no other host for scripts or styles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-web-'));
    const assets = await buildDashboard({ ...DEFAULT_PATHS, outDir: join(dir, 'out') });
    const html = new TextDecoder().decode(assets.get('/')!.body);
    expect(html).toContain('src="/dashboard/app.js"');
    expect(html).toContain('href="/dashboard/app.css"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const css = new TextDecoder().decode(assets.get('/dashboard/app.css')!.body);
    expect(css).not.toMatch(/@import|url\((["']?)(https?:)?\/\//);
    const js = new TextDecoder().decode(assets.get('/dashboard/app.js')!.body);
    expect(js).toContain('DashboardBacktest');
    expect(js).toMatch(/createSeriesMarkers|attributionLogo/);
    expect(readFileSync(join(dir, 'out', 'app.js')).length).toBe(
      assets.get('/dashboard/app.js')!.body.length,
    );
  });
});

describe('the dashboard route', () => {
  let h: Harness;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-web-route-'));
    h = await createHarness({ databaseUrl: `file:${join(dir, 'db.sqlite')}` });
  });
  afterAll(() => h?.close());

  it('serves / and its files with a same-origin Content-Security-Policy, ETags and 404 for others', async () => {
    const page = await h.app.fetch('http://localhost/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await page.text()).toContain('data-view-panel="backtest"');
    const js = await h.app.fetch('http://localhost/dashboard/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = js.headers.get('etag')!;
    const again = await h.app.fetch('http://localhost/dashboard/app.js', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await h.app.fetch('http://localhost/dashboard/nope.js')).status).toBe(404);
    // GraphQL is where it was.
    expect(
      (await h.gql<{ strategies: unknown[] }>('{ strategies { name } }')).data!.strategies.length,
    ).toBeGreaterThan(0);
  });

  it('serves GraphiQL from the installed package, opening on an operation that needs no price data', async () => {
    const response = await h.app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//);
    expect(html).toContain('strategies');
  });
});

describe('the dashboard route without a build', () => {
  it('answers 503 saying how to build it, and tries again on the next request', async () => {
    let calls = 0;
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
      plugins: [
        useDashboard(() => {
          calls += 1;
          return Promise.reject(new Error('no sources, no build'));
        }),
      ],
    });
    for (const _ of [1, 2]) {
      const response = await yoga.fetch('http://localhost/');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:web');
    }
    expect(calls).toBe(2);
  });
});
