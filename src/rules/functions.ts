/**
 * The functions of the rule language and their signatures. Argument kinds:
 * - `series`: any number-valued expression, evaluated bar by bar;
 * - `window`: a whole number >= 1, written as a number or a param name (a constant);
 * - `factor`: any number, written as a number or a param name (a constant).
 * `indicator` marks the functions whose values count for the warm-up (the bars before the first
 * `next()`), as the attribute indicators of the reference do.
 */

export type ArgKind = 'series' | 'window' | 'factor';
export type ValueType = 'number' | 'boolean';

export interface FunctionSpec {
  readonly args: readonly { readonly name: string; readonly kind: ArgKind }[];
  readonly result: ValueType;
  readonly indicator: boolean;
}

const series = (name: string) => ({ name, kind: 'series' as const });
const window = (name: string) => ({ name, kind: 'window' as const });
const factor = (name: string) => ({ name, kind: 'factor' as const });
const indicator = (...args: FunctionSpec['args']): FunctionSpec => ({
  args,
  result: 'number',
  indicator: true,
});
const plain = (result: ValueType, ...args: FunctionSpec['args']): FunctionSpec => ({
  args,
  result,
  indicator: false,
});

export type FunctionName =
  | 'sma'
  | 'ema'
  | 'rsi'
  | 'atr'
  | 'stdev'
  | 'highest'
  | 'lowest'
  | 'bb_upper'
  | 'bb_lower'
  | 'macd'
  | 'macd_signal'
  | 'crossover'
  | 'crossunder'
  | 'prev'
  | 'change'
  | 'abs'
  | 'min'
  | 'max';

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = {
  sma: indicator(series('x'), window('n')),
  ema: indicator(series('x'), window('n')),
  rsi: indicator(series('x'), window('n')),
  atr: indicator(window('n')),
  stdev: indicator(series('x'), window('n')),
  highest: indicator(series('x'), window('n')),
  lowest: indicator(series('x'), window('n')),
  bb_upper: indicator(series('x'), window('n'), factor('k')),
  bb_lower: indicator(series('x'), window('n'), factor('k')),
  macd: indicator(series('x'), window('fast'), window('slow')),
  macd_signal: indicator(series('x'), window('fast'), window('slow'), window('signal')),
  prev: indicator(series('x'), window('k')),
  change: indicator(series('x'), window('n')),
  crossover: plain('boolean', series('a'), series('b')),
  crossunder: plain('boolean', series('a'), series('b')),
  abs: plain('number', series('x')),
  min: plain('number', series('a'), series('b')),
  max: plain('number', series('a'), series('b')),
};

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

/** `sma(x, n)`: the signature as the error messages show it. */
export function signature(name: FunctionName): string {
  return `${name}(${FUNCTIONS[name].args.map((a) => a.name).join(', ')})`;
}
