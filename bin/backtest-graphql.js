#!/usr/bin/env node
// Launcher: runs src/cli.ts with the project's Node 24 (the `node` package in node_modules),
// whichever node started this script, and exits with the CLI's exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'src', 'cli.ts');

/** node_modules/.bin/node of this package or of a folder above it (hoisted installs). */
function projectNode() {
  const name = process.platform === 'win32' ? 'node.cmd' : 'node';
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** This node, when it runs TypeScript without flags (22.18+ or 23.6+). */
function currentNodeIfCapable() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const capable = major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
  return capable ? process.execPath : null;
}

const node = projectNode() ?? currentNodeIfCapable();
if (node === null) {
  process.stderr.write(
    `backtest-graphql: needs Node 24 (install the project's dependencies); found ${process.version}\n`,
  );
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
