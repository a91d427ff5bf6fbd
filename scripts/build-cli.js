#!/usr/bin/env node
// Bundles the two entry points (src/cli.ts, src/main.ts) into plain JavaScript under dist/, so a
// process starts without stripping types from some hundred source files nor resolving thousands
// of package files. Runs at install time (`prepare`); plain JavaScript so that any Node runs it.
// Packages are bundled too, except those that load files of their own at run time (native
// addons, worker or Lua script files): those stay in node_modules. Lazily imported modules
// become their own chunks.
//
// dist/manifest.json records every source file the bundle holds, plus package.json and npm's
// record of node_modules. The launchers (bin/bundle.js) run a bundle only when none of those
// files is newer than it, else the sources: a stale bundle never runs old code. A failed build
// is reported and leaves no bundle; the launchers then run the sources, so installing never
// fails because of it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY_POINTS = ['cli', 'main'];
/** Packages left in node_modules: native addons, and packages that start workers or read their own files. */
const EXTERNAL = [
  'better-sqlite3',
  'pino',
  'pino-pretty',
  'thread-stream',
  'bullmq',
  'ioredis',
  'piscina',
  'esbuild',
  'playwright-core',
];
/** Besides the sources: what changes when packages are installed, upgraded or patched (patches/). */
const installRecords = () => [
  'package.json',
  'node_modules/.package-lock.json',
  ...(existsSync(join(ROOT, 'patches')) ? readdirSync(join(ROOT, 'patches')).map((f) => `patches/${f}`) : []),
];

const URL_PATTERN = /new URL\(\s*(['"`])(\.\.?\/[^'"`]*)/g;

/**
 * Every `.ts` file the sources start as a worker: `new URL('./x-worker.ts', import.meta.url)`.
 * Paths built from `import.meta.dirname` or `import.meta.filename` cannot be relocated into
 * dist/: such a source fails the build (the launchers then run the sources).
 */
function workerFiles() {
  const found = new Set();
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true })) {
    const file = join(ROOT, 'src', String(entry));
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(file, 'utf8');
    if (/import\.meta\.(dirname|filename)|__dirname|__filename/.test(text)) {
      throw new Error(`${relative(ROOT, file)} builds a path from its own location: use new URL('./…', import.meta.url)`);
    }
    if (!text.includes('import.meta.url')) continue;
    for (const match of text.matchAll(URL_PATTERN)) {
      if (match[2].endsWith('.ts') && !match[2].includes('${')) found.add(resolve(dirname(file), match[2]));
    }
  }
  return [...found];
}

const entryName = (file) => basename(file, '.ts');

// `new URL('./x.ts', import.meta.url)` must keep working once the code is in dist/: a worker
// module points at its own bundle (built as an entry point beside the others), anything else
// (migration folders) at the source tree, relative to where the bundle is.
function relocatedUrls(outdir, workers) {
  return {
    name: 'relocated-urls',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const here = dirname(args.path);
        const prefix = relative(outdir, here).split('\\').join('/');
        const contents = text.replace(URL_PATTERN, (_whole, quote, path) => {
          const target = resolve(here, path);
          if (workers.includes(target)) return `new URL(${quote}./${entryName(target)}.js`;
          return `new URL(${quote}${prefix}/${path}`;
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Builds the bundles into `outdir` (default dist/); resolves with the manifest written. */
export async function buildBundles(outdir = join(ROOT, 'dist')) {
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const startedAtMs = Date.now();
  const workers = workerFiles();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      ...Object.fromEntries(ENTRY_POINTS.map((name) => [name, join(ROOT, 'src', `${name}.ts`)])),
      ...Object.fromEntries(workers.map((file) => [entryName(file), file])),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'silent',
    plugins: [relocatedUrls(outdir, workers)],
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((file) => relative(ROOT, resolve(ROOT, file)))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules'));
  const inputs = [...sources, ...installRecords().filter((file) => existsSync(join(ROOT, file)))];
  // Built from the sources as they were when the build started: a later edit counts as newer.
  const manifest = { builtAtMs: startedAtMs, entryPoints: ENTRY_POINTS, inputs };
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const manifest = await buildBundles();
    process.stdout.write(`built dist/ from ${manifest.inputs.length} source files\n`);
  } catch (error) {
    rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
    process.stderr.write(`no bundle built (the launchers run the sources): ${error?.message ?? error}\n`);
  }
}
