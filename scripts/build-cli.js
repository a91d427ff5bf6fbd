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
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
/** Besides the sources: what changes when packages are installed or upgraded. */
const INSTALL_RECORDS = ['package.json', 'node_modules/.package-lock.json'];

// `new URL('./x.ts', import.meta.url)` (worker modules, migration folders) must keep pointing at
// the source tree when the code moves into dist/: rewrite the relative path for the bundle's place.
function sourceRelativeUrls(outdir) {
  const pattern = /new URL\(\s*(['"`])(\.\.?\/)/g;
  return {
    name: 'source-relative-urls',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const prefix = relative(outdir, dirname(args.path)).split('\\').join('/');
        const contents = text.replace(pattern, (_, quote, dot) => `new URL(${quote}${prefix}/${dot}`);
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
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(ENTRY_POINTS.map((name) => [name, join(ROOT, 'src', `${name}.ts`)])),
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
    plugins: [sourceRelativeUrls(outdir)],
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((file) => relative(ROOT, resolve(ROOT, file)))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules'));
  const inputs = [...sources, ...INSTALL_RECORDS.filter((file) => existsSync(join(ROOT, file)))];
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
