#!/usr/bin/env node
// Launcher: runs the CLI with the project's Node 24 (the `node` package in node_modules),
// whichever node started this script, and exits with the CLI's exit code. The CLI is the bundle
// built at install time when it is fresh (bin/bundle.js), else src/cli.ts. When this process is
// already the project's Node, the CLI runs in it (one process start fewer).
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.js';
import { canRunTypeScript, oldNodeMessage } from './node-version.js';
import { projectNode } from './project-node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = freshBundle(root, 'cli');
const cli = bundle ?? join(root, 'src', 'cli.ts');

const node = projectNode(root) ?? (canRunTypeScript(process.version) ? process.execPath : null);
if (node === null) {
  process.stderr.write(`${oldNodeMessage('backtest-graphql', process.version)}\n`);
  process.exit(1);
}
const sameNode = (a, b) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};
if (sameNode(node, process.execPath)) {
  // V8's code cache on disk: the bundle is compiled once, not on every start.
  if (bundle !== null) nodeModule.enableCompileCache?.();
  // The CLI reads process.argv.slice(2) and sets process.exitCode, as when spawned.
  await import(pathToFileURL(cli).href);
} else {
  runChild();
}

function runChild() {
  const child = spawnSync(node, [cli, ...process.argv.slice(2)], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (child.error) {
    process.stderr.write(`backtest-graphql: cannot start ${node}: ${child.error.message}\n`);
    process.exit(1);
  }
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}
