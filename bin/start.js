#!/usr/bin/env node
// `npm start`: runs the service with a heap limit of its own (HEAP_LIMIT_MB, unless the
// command line or NODE_OPTIONS sets --max-old-space-size): in this process when it already has
// one and this Node runs TypeScript, else as a child of the project's Node (or this one) started
// with the limit. With no capable Node, one line saying which Node is needed, and exit 1. The
// service is the bundle built at install time when it is fresh (bin/bundle.js), else src/main.ts.
import { spawn } from 'node:child_process';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.js';
import { canRunTypeScript, oldNodeMessage } from './node-version.js';
import { projectNode } from './project-node.js';

/**
 * V8 otherwise lets the heap grow towards a quarter of the machine's memory before collecting
 * in earnest; the service's caches have their own budgets (CACHE_MEMORY_MB) well inside this.
 */
const HEAP_LIMIT_MB = 256;

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
  const heap = heapGiven ? [] : [`--max-old-space-size=${HEAP_LIMIT_MB}`];
  const ipc = process.send !== undefined;
  const child = spawn(node, [...heap, ...process.execArgv, main, ...process.argv.slice(2)], {
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
    shell: process.platform === 'win32',
    env: {
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
