/** The node arguments of package.json's `start` script (`node [flags] bin/start.js`), paths made absolute. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function npmStartArgs(): string[] {
  const root = resolve(import.meta.dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is not a node command: ${pkg.scripts.start}`);
  return args.map((arg) => (arg.startsWith('-') ? arg : resolve(root, arg)));
}
