// The bundled entry point (dist/<name>.js, built by scripts/build-cli.js) when it is fresh, else
// null and the launcher runs the TypeScript sources. Fresh: the manifest lists the entry point
// and no source file the bundle was built from is missing or changed since the build started.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function freshBundle(root, name) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist', 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(manifest.entryPoints) || !manifest.entryPoints.includes(name)) return null;
  if (!Array.isArray(manifest.inputs) || typeof manifest.builtAtMs !== 'number') return null;
  for (const input of manifest.inputs) {
    const stats = statSync(join(root, input), { throwIfNoEntry: false });
    if (stats === undefined || stats.mtimeMs > manifest.builtAtMs) return null;
  }
  const bundle = join(root, 'dist', `${name}.js`);
  return statSync(bundle, { throwIfNoEntry: false }) === undefined ? null : bundle;
}
