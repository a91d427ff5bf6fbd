#!/usr/bin/env node
// `npm start` (`node <SERVICE_FLAGS> bin/start.js`): runs the service in this process. Started
// without a heap limit (`node bin/start.js`), or by a Node that cannot run TypeScript, it runs
// the service as a child instead: of this Node or the project's, with SERVICE_FLAGS and glibc's
// malloc held to two arenas. With no capable Node, one line saying which Node is needed, and
// exit 1. The service is the bundle built at install time when it is fresh (bin/bundle.js),
// else src/main.ts.
import { spawn } from 'node:child_process';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.js';
import { canRunTypeScript, oldNodeMessage } from './node-version.js';
import { projectNode } from './project-node.js';

/**
 * The service's own memory limits (the same as package.json's `start`): a 192 MB heap, which V8
 * would otherwise let grow towards a quarter of the machine's memory before collecting in
 * earnest (the caches have budgets well inside it, CACHE_MEMORY_MB), and 4 MB semi-spaces per
 * isolate (main thread and each worker) instead of up to 16 MB at high allocation rates.
 */
const SERVICE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = freshBundle(root, 'main');
const main = bundle ?? join(root, 'src', 'main.ts');
const heapGiven = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) =>
  /^--max[-_]old[-_]space[-_]size/.test(arg),
);

if (heapGiven && canRunTypeScript(process.version)) {
  // V8's code cache on disk: the bundle is compiled once, not on every start.
  if (bundle !== null) nodeModule.enableCompileCache?.();
  await import(pathToFileURL(main).href);
} else {
  const node = canRunTypeScript(process.version) ? process.execPath : projectNode(root);
  if (node === null) {
    process.stderr.write(`${oldNodeMessage('backtest-graphql', process.version)}\n`);
    process.exit(1);
  }
  const flags = heapGiven ? [] : SERVICE_FLAGS;
  const ipc = process.send !== undefined;
  const child = spawn(node, [...flags, ...process.execArgv, main, ...process.argv.slice(2)], {
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
    shell: process.platform === 'win32',
    env: {
      MALLOC_ARENA_MAX: '2',
      ...process.env,
      ...(bundle !== null && process.env.NODE_COMPILE_CACHE === undefined
        ? { NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache') }
        : {}),
    },
  });
  // A parent watching over IPC (a supervisor, the soak's memory probe) hears the service too.
  if (ipc) child.on('message', (message) => process.send?.(message));
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`backtest-graphql: cannot start ${node}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
