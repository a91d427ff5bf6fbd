import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const launcher = resolve('bin/backtest-graphql.js');
/** The machine's own node (often older than the project's Node 24), when there is one. */
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find(existsSync);

describe('bin/backtest-graphql.js', () => {
  const nodes = [process.execPath, ...(systemNode ? [systemNode] : [])];

  it.each(nodes)(
    'runs the CLI with the project’s Node and passes its exit code on (started by %s)',
    (node) => {
      const help = spawnSync(node, [launcher, '--help'], { encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: backtest-graphql <command>');
      const unknown = spawnSync(node, [launcher, 'frobnicate'], { encoding: 'utf8' });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('unknown command "frobnicate"');
      const missing = spawnSync(
        node,
        [launcher, 'backtest', '--csv', '/nonexistent.csv', '--strategy', 'SmaCross'],
        {
          encoding: 'utf8',
        },
      );
      expect(missing.status).toBe(1);
    },
  );
});
