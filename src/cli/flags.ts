import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './errors.ts';

/** A flag's kind: `value` takes one argument, `list` may repeat, `switch` takes none. */
export type FlagKind = 'value' | 'list' | 'switch';
export type FlagSpec = Readonly<Record<string, FlagKind>>;

export interface ParsedFlags {
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
  readonly help: boolean;
}

/**
 * Parses `--name value`, `--name=value` and `--switch` against a spec (names without dashes).
 * `--help`/`-h` is always accepted. Unknown flags, positional arguments, a missing value, a
 * repeated single-value flag or a value given to a switch are usage errors naming the flag.
 *
 * `node:util` parseArgs splits the arguments into tokens. It runs non-strict so that a value may
 * start with a dash (`--commission -0.001`); the checks on the tokens below give the messages.
 */
export function parseFlags(command: string, argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, kind] of Object.entries(spec)) {
    options[name] = kind === 'switch' ? { type: 'boolean' } : { type: 'string', multiple: kind === 'list' };
  }
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') throw usageError(`${command}: unexpected argument "${token.value}"`);
    if (token.kind === 'option-terminator') throw usageError(`${command}: unexpected argument "--"`);
    const { name, rawName } = token;
    if (name === 'help') {
      if (token.inlineValue) throw usageError(`${rawName} takes no value`);
      help = true;
      continue;
    }
    const kind = Object.hasOwn(spec, name) && rawName.startsWith('--') ? spec[name] : undefined;
    if (kind === undefined) throw usageError(`${command}: unknown flag ${rawName} (see ${command} --help)`);
    if (kind === 'switch') {
      if (token.inlineValue) throw usageError(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    const value = token.value;
    // Without `=`, a following flag is not taken as the value.
    if (value === undefined || (!token.inlineValue && value.startsWith('--') && value.length > 2)) {
      throw usageError(`--${name} needs a value`);
    }
    if (kind === 'list') lists.set(name, [...(lists.get(name) ?? []), value]);
    else if (values.has(name)) throw usageError(`--${name} is given more than once`);
    else values.set(name, value);
  }
  return { values, lists, switches, help };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite decimal number, or a usage error naming `what` (e.g. `--cash`). */
export function toNumber(what: string, text: string): number {
  const value = Number(text.trim());
  if (!NUMBER.test(text.trim()) || !Number.isFinite(value)) {
    throw usageError(`${what}: expected a number, got "${text}"`);
  }
  return value;
}

/** The value of a required flag, or a usage error. */
export function required(command: string, flags: ParsedFlags, name: string): string {
  const value = flags.values.get(name);
  if (value === undefined || value.trim() === '') throw usageError(`${command}: --${name} is required`);
  return value;
}
