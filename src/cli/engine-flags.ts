import { EngineError } from '../engine/errors.ts';
import { resolveOptions } from '../engine/options.ts';
import { resolveParams } from '../engine/params.ts';
import type { PlainBacktestOptions } from '../backtests/optimizer-pool.ts';
import { type AnyStrategyDefinition, getStrategy, strategyCatalogue } from '../strategies/registry.ts';
import { CliError, runtimeError, usageError } from './errors.ts';
import { type FlagSpec, type ParsedFlags, required, toNumber } from './flags.ts';

/** The flags shared by `backtest` and `optimize`. */
export const ENGINE_FLAGS: FlagSpec = {
  csv: 'value',
  strategy: 'value',
  param: 'list',
  cash: 'value',
  commission: 'value',
  'fixed-commission': 'value',
  spread: 'value',
  margin: 'value',
  'trade-on-close': 'switch',
  hedging: 'switch',
  'exclusive-orders': 'switch',
  'no-finalize': 'switch',
  json: 'switch',
};

const OPTION_FLAGS: Readonly<Record<string, string>> = {
  'options.cash': '--cash',
  'options.commission': '--commission',
  'options.commission.rate': '--commission',
  'options.commission.fixed': '--fixed-commission',
  'options.spread': '--spread',
  'options.margin': '--margin',
};

/** Engine options from the flags; trades are finalized unless --no-finalize. Validated here. */
export function toBacktestOptions(flags: ParsedFlags): PlainBacktestOptions {
  const number = (name: string) => {
    const text = flags.values.get(name);
    return text === undefined ? undefined : toNumber(`--${name}`, text);
  };
  const rate = number('commission');
  const fixed = number('fixed-commission');
  const options: PlainBacktestOptions = {
    cash: number('cash'),
    commission: fixed === undefined ? rate : { fixed, rate: rate ?? 0 },
    spread: number('spread'),
    margin: number('margin'),
    tradeOnClose: flags.switches.has('trade-on-close'),
    hedging: flags.switches.has('hedging'),
    exclusiveOrders: flags.switches.has('exclusive-orders'),
    finalizeTrades: !flags.switches.has('no-finalize'),
  };
  try {
    resolveOptions(options);
  } catch (error) {
    throw toCliError(error);
  }
  return options;
}

export function toStrategy(command: string, flags: ParsedFlags): AnyStrategyDefinition {
  const name = required(command, flags, 'strategy');
  const strategy = getStrategy(name);
  if (strategy === undefined) {
    const known = [...strategyCatalogue.keys()].join(', ');
    throw usageError(`--strategy: unknown strategy "${name}" (known: ${known})`);
  }
  return strategy;
}

/** `--param k=v` values: numbers, or true/false. Names and values are checked by the caller. */
export function toRawParams(flags: ParsedFlags): Record<string, number | boolean> {
  const params: Record<string, number | boolean> = {};
  for (const entry of flags.lists.get('param') ?? []) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? '' : entry.slice(0, eq).trim();
    if (name === '') throw usageError(`--param: expected name=value, got "${entry}"`);
    if (Object.hasOwn(params, name)) throw usageError(`--param ${name}: given more than once`);
    const text = entry.slice(eq + 1).trim();
    if (text === 'true' || text === 'false') params[name] = text === 'true';
    else params[name] = toNumber(`--param ${name}`, text);
  }
  return params;
}

/** Checks params against the strategy; the first problem becomes a usage error naming the param. */
export function checkParams(strategy: AnyStrategyDefinition, params: Record<string, unknown>): void {
  const resolved = resolveParams(strategy, params);
  if (!resolved.ok) {
    const [first] = resolved.errors;
    throw usageError(`--param ${first.param}: ${resolved.errors.map((e) => e.message).join('; ')}`);
  }
}

/**
 * An EngineError becomes a usage error naming the flag at fault (`--cash`, `--param fast`,
 * `--grid slow`, `--maximize`, `--constraint`); other engine errors are runtime errors.
 */
export function toCliError(error: unknown): Error {
  if (error instanceof CliError) return error;
  if (!(error instanceof EngineError)) return error instanceof Error ? error : new Error(String(error));
  const field = error.field;
  const flag =
    OPTION_FLAGS[field] ??
    (field.startsWith('params.') ? `--param ${field.slice(7)}` : undefined) ??
    (field === 'grid' || field.startsWith('grid.')
      ? `--grid${field.length > 4 ? ` ${field.split('.')[1]}` : ''}`
      : undefined) ??
    (field === 'maximize' || field === 'constraint' || field === 'strategy' ? `--${field}` : undefined);
  if (flag === undefined) return runtimeError(error.message);
  return usageError(`${flag}: ${error.message}`);
}
