import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../engine/support/data.ts';
import { runCli } from './run-cli.ts';

warnIfNoSharedData('CLI error cases');

const GOOG = resolve(sharedDataDir, 'GOOG.csv');
const dir = mkdtempSync(join(tmpdir(), 'cli-errors-'));
const malformed = join(dir, 'malformed.csv');
writeFileSync(
  malformed,
  ',Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,two,0.5,1.5,10\n',
);

const base = ['backtest', '--csv', GOOG, '--strategy', 'SmaCross'];
const cases: [string, string[], number, RegExp][] = [
  ['no command', [], 2, /Usage: backtest-graphql <command>/],
  ['an unknown command', ['frobnicate'], 2, /unknown command "frobnicate"/],
  ['an unknown flag', [...base, '--bogus'], 2, /unknown flag --bogus/],
  ['a missing --csv', ['backtest', '--strategy', 'SmaCross'], 2, /--csv is required/],
  ['a flag without its value', [...base, '--cash'], 2, /--cash needs a value/],
  [
    'an unreadable CSV',
    ['backtest', '--csv', join(dir, 'absent.csv'), '--strategy', 'SmaCross'],
    1,
    /absent\.csv: cannot read the file/,
  ],
  [
    'a malformed CSV',
    ['backtest', '--csv', malformed, '--strategy', 'SmaCross'],
    1,
    /malformed\.csv: line 3: High is not a number/,
  ],
  [
    'an unknown strategy',
    ['backtest', '--csv', GOOG, '--strategy', 'Nope'],
    2,
    /--strategy: unknown strategy "Nope"/,
  ],
  ['an unknown param', [...base, '--param', 'window=3'], 2, /--param window: unknown param "window"/],
  ['a non-numeric param', [...base, '--param', 'fast=abc'], 2, /--param fast: expected a number, got "abc"/],
  ['a param out of bounds', [...base, '--param', 'fast=0'], 2, /--param fast: fast must be at least 1/],
  [
    'a boolean param given a number',
    [...base, '--param', 'longOnly=1'],
    2,
    /--param longOnly: longOnly must be a boolean/,
  ],
  ['--cash abc', [...base, '--cash', 'abc'], 2, /--cash: expected a number, got "abc"/],
  ['--margin 2', [...base, '--margin', '2'], 2, /--margin: .*\(0, 1\]/],
  ['a commission of 10%', [...base, '--commission', '0.1'], 2, /--commission: /],
  [
    'a bad grid',
    ['optimize', '--csv', GOOG, '--strategy', 'SmaCross', '--grid', 'fast=1:9'],
    2,
    /--grid: expected name=from:to:step/,
  ],
  [
    'a grid over an unknown param',
    ['optimize', '--csv', GOOG, '--strategy', 'SmaCross', '--grid', 'window=1:9:1'],
    2,
    /--grid window: "window" is not a param/,
  ],
  [
    'an unknown statistic',
    ['optimize', '--csv', GOOG, '--strategy', 'SmaCross', '--grid', 'fast=2:4:1', '--maximize', 'profit'],
    2,
    /--maximize: cannot maximize "profit"/,
  ],
  [
    'a bad constraint',
    ['optimize', '--csv', GOOG, '--strategy', 'SmaCross', '--grid', 'fast=2:4:1', '--constraint', 'fast = 2'],
    2,
    /--constraint: unexpected character "=" \(use == to compare\)/,
  ],
  ['a missing --grid', ['optimize', '--csv', GOOG, '--strategy', 'SmaCross'], 2, /at least one --grid/],
];

describe.skipIf(!sharedDataAvailable)('cli errors', () => {
  it.each(cases)(
    '%s: one message on stderr, no stack, the right exit code',
    async (_label, args, code, message) => {
      const run = await runCli(args);
      expect(run.code).toBe(code);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    },
  );

  it('prints help for every command on stdout with exit code 0', async () => {
    for (const command of ['backtest', 'optimize', 'import', 'warm', 'migrate']) {
      const run = await runCli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: backtest-graphql ${command}`);
    }
  });
});
