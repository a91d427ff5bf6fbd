import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunTypeScript, oldNodeMessage, REQUIRED_NODE } from '../../bin/node-version.js';
import packageJson from '../../package.json' with { type: 'json' };

/** The machine's own node, when there is one (often older than the project's Node 24). */
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find(existsSync);
const systemVersion = systemNode
  ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
  : undefined;

describe('the launchers’ Node version check', () => {
  it.each([
    ['v20.20.2', false],
    ['v22.17.1', false],
    ['v22.18.0', true],
    ['22.20.0', true],
    ['v23.5.0', false],
    ['v23.6.0', true],
    ['v24.0.0', true],
    ['v26.1.0', true],
  ])('%s runs the TypeScript sources: %s', (version, expected) => {
    expect(canRunTypeScript(version)).toBe(expected);
  });

  it('names the required version, the one found, and how to get a capable Node, on one line', () => {
    const message = oldNodeMessage('backtest-graphql', 'v20.20.2');
    expect(message).not.toContain('\n');
    expect(message).toContain('Node.js >= 22.18');
    expect(message).toContain('found v20.20.2');
    expect(message).toContain('`npm ci`');
    expect(message).toContain('https://nodejs.org/');
  });

  it('agrees with engines.node', () => {
    expect(packageJson.engines.node).toBe(`>=${REQUIRED_NODE}`);
  });

  it.skipIf(!systemVersion || canRunTypeScript(systemVersion))(
    'bin/start.js under an old Node without the project’s Node: the one line, exit 1, no stack trace',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'old-node-'));
      try {
        cpSync(resolve('bin'), join(dir, 'bin'), { recursive: true });
        const run = spawnSync(systemNode!, [join(dir, 'bin', 'start.js')], { encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`${oldNodeMessage('backtest-graphql', systemVersion!)}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
