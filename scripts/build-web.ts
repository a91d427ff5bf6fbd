/**
 * `npm run build:web`: bundles the dashboard (web/) into dist/dashboard/. Optional: the service
 * builds it on the first request for `/` when it is missing or was built from other sources.
 */
import { buildDashboard, DEFAULT_PATHS } from '../src/dashboard/bundle.ts';

const started = performance.now();
const assets = await buildDashboard();
const bytes = [...assets.values()].reduce((sum, file) => sum + file.body.length, 0);
process.stdout.write(
  `dashboard: ${assets.size} files, ${(bytes / 1024).toFixed(0)} KiB in ${DEFAULT_PATHS.outDir} ` +
    `(${(performance.now() - started).toFixed(0)} ms)\n`,
);
