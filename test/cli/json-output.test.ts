import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedDataPath, warnIfNoSharedData } from '../support/shared-data.ts';

warnIfNoSharedData('CLI --json through npm');

describe('CLI --json output as the README shows it', () => {
  it('every README command with --json runs the CLI banner-free (npm run -s, or npx)', () => {
    const lines = readFileSync(resolve('README.md'), 'utf8')
      .split('\n')
      .filter(
        (line) => /\bcli\b.*--json|--json.*\bcli\b/.test(line) || /backtest-graphql .*--json/.test(line),
      );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line, line).not.toMatch(/npm run cli\b/);
    expect(lines.filter((line) => line.includes('npm run -s cli --')).length).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!sharedDataAvailable)(
    '`npm run -s cli -- backtest … --json` prints exactly one JSON document',
    () => {
      const run = spawnSync(
        'npm',
        [
          'run',
          '-s',
          'cli',
          '--',
          'backtest',
          '--csv',
          sharedDataPath('GOOG.csv'),
          '--strategy',
          'SmaCross',
          '--json',
        ],
        { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
      );
      expect(run.status).toBe(0);
      expect(run.stdout.startsWith('{')).toBe(true);
      expect((JSON.parse(run.stdout) as { trades: unknown[] }).trades).toHaveLength(66);
    },
  );
});
