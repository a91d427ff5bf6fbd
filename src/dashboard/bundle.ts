import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file of the built dashboard, as served. */
export interface DashboardFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  etag: string;
}

/** The built dashboard: URL path (`/`, `/dashboard/app.js`, …) → file. */
export type DashboardAssets = Map<string, DashboardFile>;

export interface DashboardPaths {
  /** The page's sources (`web/`). */
  sourceDir: string;
  /** Where the build is written (`dist/dashboard/`, ignored by git). */
  outDir: string;
  /** Other inputs of the bundle whose change makes a build stale. */
  inputs: string[];
}

/** The repository's root (written as a URL so that a bundle of this module in dist/ finds it too). */
const root = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_PATHS: DashboardPaths = {
  sourceDir: join(root, 'web'),
  outDir: join(root, 'dist', 'dashboard'),
  inputs: [
    join(root, 'schema', 'generated', 'persisted-documents.json'),
    join(root, 'node_modules', 'lightweight-charts', 'package.json'),
  ],
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const STAMP = '.built';

function addFiles(path: string, hash: Hash): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) addFiles(join(path, entry), hash);
    return;
  }
  hash.update(`${path}\0`);
  hash.update(readFileSync(path));
}

/** A SHA-256 of every source and input file (paths and contents): what a build was made from. */
export function sourceFingerprint(paths: DashboardPaths): string {
  const hash = createHash('sha256');
  addFiles(paths.sourceDir, hash);
  for (const input of paths.inputs) addFiles(input, hash);
  return hash.digest('hex');
}

/** True when the build in `outDir` is missing or was made from other sources than the current ones. */
export function isStale(paths: DashboardPaths): boolean {
  const stamp = join(paths.outDir, STAMP);
  if (statSync(stamp, { throwIfNoEntry: false }) === undefined) return true;
  return readFileSync(stamp, 'utf8').trim() !== sourceFingerprint(paths);
}

function toFile(name: string, bytes: Uint8Array): DashboardFile {
  const body = new Uint8Array(bytes);
  const ext = name.slice(name.lastIndexOf('.'));
  return {
    body,
    contentType: TYPES[ext] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

function urlPath(name: string): string {
  return name === 'index.html' ? '/' : `/dashboard/${name}`;
}

/** Reads a finished build from `outDir`. */
export function readBuild(outDir: string): DashboardAssets {
  const assets: DashboardAssets = new Map();
  for (const name of readdirSync(outDir)) {
    if (name === STAMP || name.endsWith('.tmp')) continue;
    assets.set(urlPath(name), toFile(name, readFileSync(join(outDir, name))));
  }
  return assets;
}

/**
 * Bundles `web/main.ts` (and the CSS it imports) with esbuild and copies `web/index.html`: every
 * script and style the page needs, nothing from another host. The files are written to `outDir`
 * when it is writable; they are returned either way.
 */
export async function buildDashboard(paths: DashboardPaths = DEFAULT_PATHS): Promise<DashboardAssets> {
  // esbuild is loaded only when a build is needed: a deployment with a prebuilt page never starts it.
  const { build } = await import('esbuild');
  const fingerprint = sourceFingerprint(paths);
  const result = await build({
    entryPoints: { app: join(paths.sourceDir, 'main.ts') },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    legalComments: 'eof',
    write: false,
    outdir: paths.outDir,
    logLevel: 'silent',
  });
  const files: [string, Uint8Array][] = result.outputFiles.map((f) => [basename(f.path), f.contents]);
  files.push(['index.html', readFileSync(join(paths.sourceDir, 'index.html'))]);
  try {
    mkdirSync(paths.outDir, { recursive: true });
    // Each file replaced whole (write, then rename), the stamp last: a process reading a fresh
    // build never sees half of one another process is writing.
    for (const [name, body] of [...files, [STAMP, Buffer.from(`${fingerprint}\n`)] as const]) {
      const temp = join(paths.outDir, `.${name}.${process.pid}.tmp`);
      writeFileSync(temp, body);
      renameSync(temp, join(paths.outDir, name));
    }
  } catch {
    // A read-only install serves the build from memory.
  }
  return new Map(files.map(([name, body]) => [urlPath(name), toFile(name, body)]));
}

/** The dashboard's files: the build in `outDir` when it was made from the current sources, else a new build. */
export async function loadDashboard(paths: DashboardPaths = DEFAULT_PATHS): Promise<DashboardAssets> {
  const hasSources = statSync(join(paths.sourceDir, 'main.ts'), { throwIfNoEntry: false }) !== undefined;
  if (!hasSources || !isStale(paths)) return readBuild(paths.outDir);
  return buildDashboard(paths);
}
