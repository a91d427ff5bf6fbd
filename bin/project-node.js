// The project's own Node (the `node` package's node_modules/.bin/node) of this package or of a
// folder above it (hoisted installs), or null when it is not installed (e.g. `npm ci --omit=dev`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function projectNode(root) {
  const name = process.platform === 'win32' ? 'node.cmd' : 'node';
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
