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
 */
export function parseFlags(command: string, argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  let help = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      throw usageError(`${command}: unexpected argument "${arg}"`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) throw usageError(`${command}: unknown flag --${name} (see ${command} --help)`);
    if (kind === 'switch') {
      if (eq >= 0) throw usageError(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[k + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw usageError(`--${name} needs a value`);
      }
      value = next;
      k++;
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
