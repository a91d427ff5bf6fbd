#!/usr/bin/env node
// Launcher: runs src/cli.ts with the project's Node 24 (the `node` package in node_modules),
// whichever node started this script, and exits with the CLI's exit code.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canRunTypeScript, oldNodeMessage } from './node-version.js';
import { projectNode } from './project-node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'src', 'cli.ts');

const node = projectNode(root) ?? (canRunTypeScript(process.version) ? process.execPath : null);
if (node === null) {
  process.stderr.write(`${oldNodeMessage('backtest-graphql', process.version)}\n`);
  process.exit(1);
}
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
