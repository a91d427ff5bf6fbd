#!/usr/bin/env node
// `npm start`: runs the service in this process when this Node runs TypeScript, else with the
// project's own Node; with neither, one line saying which Node is needed, and exit 1. The
// service is the bundle built at install time when it is fresh (bin/bundle.js), else src/main.ts.
import { spawn } from 'node:child_process';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.js';
import { canRunTypeScript, oldNodeMessage } from './node-version.js';
import { projectNode } from './project-node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = freshBundle(root, 'main');
const main = bundle ?? join(root, 'src', 'main.ts');

if (canRunTypeScript(process.version)) {
  // V8's code cache on disk: the bundle is compiled once, not on every start.
  if (bundle !== null) nodeModule.enableCompileCache?.();
  await import(pathToFileURL(main).href);
} else {
  const node = projectNode(root);
  if (node === null) {
    process.stderr.write(`${oldNodeMessage('backtest-graphql', process.version)}\n`);
    process.exit(1);
  }
  const child = spawn(node, [main, ...process.argv.slice(2)], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
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
