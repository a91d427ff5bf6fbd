import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors.ts';
import { type FlagSpec, parseFlags } from '../../src/cli/flags.ts';

const SPEC: FlagSpec = { csv: 'value', commission: 'value', param: 'list', grid: 'list', json: 'switch' };
const parse = (...argv: string[]) => parseFlags('optimize', argv, SPEC);

function usageMessage(argv: string[]): string {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} parsed`);
}

describe('parseFlags', () => {
  it('reads values, repeated list flags in order, switches and help', () => {
    const flags = parse(
      '--csv',
      'a.csv',
      '--param',
      'slow=30',
      '--param=longOnly=true',
      '--grid',
      'fast=2:9:1',
      '--grid=slow=10:50:10',
      '--json',
      '-h',
    );
    expect(flags.values).toEqual(new Map([['csv', 'a.csv']]));
    expect(flags.lists.get('param')).toEqual(['slow=30', 'longOnly=true']);
    expect(flags.lists.get('grid')).toEqual(['fast=2:9:1', 'slow=10:50:10']);
    expect(flags.switches).toEqual(new Set(['json']));
    expect(flags.help).toBe(true);
  });

  it('takes a value that starts with one dash, or any value after =', () => {
    expect(parse('--commission', '-0.001').values.get('commission')).toBe('-0.001');
    expect(parse('--commission=--x').values.get('commission')).toBe('--x');
    expect(parse('--csv=').values.get('csv')).toBe('');
  });

  it.each([
    [['--bogus'], /^optimize: unknown flag --bogus \(see optimize --help\)$/],
    [['-x'], /^optimize: unknown flag -x/],
    [['--csv'], /^--csv needs a value$/],
    [['--csv', '--json'], /^--csv needs a value$/],
    [['--csv', 'a', '--csv', 'b'], /^--csv is given more than once$/],
    [['--json=1'], /^--json takes no value$/],
    [['stray'], /^optimize: unexpected argument "stray"$/],
    [['--', 'x'], /^optimize: unexpected argument "--"$/],
  ])('%j is a usage error', (argv, message) => {
    expect(usageMessage(argv)).toMatch(message);
  });
});
