import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REFERENCE_FILES } from '../support/reference-files.ts';
import { sharedDataAvailable, sharedDataPath, warnIfNoSharedData } from '../support/shared-data.ts';

warnIfNoSharedData('npm run fetch-data against a local server');

const script = resolve('test/support/fetch-data.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runFetch(baseUrl: string, dir: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, REFERENCE_DATA_BASE_URL: baseUrl, REFERENCE_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Serves the local copies at the raw.githubusercontent.com paths; `corrupt` names get other bytes. */
function serve(corrupt: Set<string>): Promise<{ server: Server; url: string; paths: string[] }> {
  const byPath = new Map(REFERENCE_FILES.map((f) => [`/${f.repo}/${f.commit}/${f.path}`, f.name]));
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    paths.push(path);
    const name = byPath.get(path);
    if (name === undefined) {
      res.writeHead(404).end('404: Not Found');
      return;
    }
    const bytes = readFileSync(sharedDataPath(name));
    res.writeHead(200).end(corrupt.has(name) ? Buffer.concat([bytes, Buffer.from('\n')]) : bytes);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths }),
    ),
  );
}

describe.skipIf(!sharedDataAvailable)('npm run fetch-data', () => {
  const dirs: string[] = [];
  const servers: Server[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'fetch-data-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(() => {
    for (const server of servers) server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads every file from its pinned upstream path, byte-identical, and keeps it on a rerun', async () => {
    const { server, url, paths } = await serve(new Set());
    servers.push(server);
    const dir = tempDir();
    const first = await runFetch(url, dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(new Set(paths)).toEqual(new Set(REFERENCE_FILES.map((f) => `/${f.repo}/${f.commit}/${f.path}`)));
    for (const file of REFERENCE_FILES)
      expect(
        readFileSync(join(dir, file.name)).equals(readFileSync(sharedDataPath(file.name))),
        file.name,
      ).toBe(true);
    const again = await runFetch(url, dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('fetched');
    expect(paths).toHaveLength(REFERENCE_FILES.length);
  });

  it('refuses a file whose SHA-256 differs: clear message, exit 1, file not written', async () => {
    const { server, url } = await serve(new Set(['GOOG.csv']));
    servers.push(server);
    const dir = tempDir();
    const run = await runFetch(url, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fetch-data: GOOG\.csv: checksum mismatch, refused \(SHA-256 [0-9a-f]{64}, expected 60e961a5/m,
    );
    expect(run.stderr).toContain('1 of 8 files not written');
    expect(existsSync(join(dir, 'GOOG.csv'))).toBe(false);
    expect(existsSync(join(dir, 'EURUSD.csv'))).toBe(true);
  });

  it('reports an unreachable source and exits 1', async () => {
    const { server, url } = await serve(new Set());
    await new Promise((done) => server.close(done));
    const run = await runFetch(url, tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fetch-data: GOOG.csv: cannot download');
  });
});
