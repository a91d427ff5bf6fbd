import type { Bars } from '../engine/bars.ts';
import { atr } from '../engine/indicators/atr.ts';
import { bollinger } from '../engine/indicators/bollinger.ts';
import { crossoverSignals } from '../engine/indicators/crossover.ts';
import { ema } from '../engine/indicators/ema.ts';
import { lag } from '../engine/indicators/lag.ts';
import { macd } from '../engine/indicators/macd.ts';
import { rollingMax, rollingMin } from '../engine/indicators/rolling-extrema.ts';
import { rollingStd } from '../engine/indicators/rolling-std.ts';
import { rsi } from '../engine/indicators/rsi.ts';
import { sma } from '../engine/indicators/sma.ts';
import type { InitContext } from '../engine/strategy.ts';
import type { RuleNode } from './ast.ts';
import { FUNCTIONS } from './functions.ts';
import { COMPOSITE_KEY_PREFIX, valueKey } from './keys.ts';
import { BINARY_FUNCTIONS, map1, map2, toArray, type Value } from './vector-ops.ts';

type Register = InitContext<unknown>['indicator'];

/**
 * Evaluates checked rule trees over whole series, once per init. Every call node with an
 * indicator function is registered with `indicator(key, …)` under its canonical key (warm-up
 * on); every other node that yields a series is registered under `rules:<key>` with
 * `{ warmup: false }`. Shared sub-expressions are computed once per init (and once per sweep
 * through the caller's cache); constants fold to numbers.
 */
export class RuleEvaluator {
  readonly #bars: Bars;
  readonly #params: Readonly<Record<string, number>>;
  readonly #register: Register;
  readonly #memo = new Map<string, Value>();

  constructor(bars: Bars, params: Readonly<Record<string, number>>, register: Register) {
    this.#bars = bars;
    this.#params = params;
    this.#register = register;
  }

  /** A condition as one 0/1 value per bar. */
  condition(root: RuleNode): Float64Array {
    return toArray(this.value(root), this.#bars.length);
  }

  value(node: RuleNode): Value {
    if (node.kind === 'number') return node.value;
    if (node.kind === 'name') {
      if (Object.hasOwn(this.#params, node.name)) return this.#params[node.name];
      return this.#bars[node.name as 'close'];
    }
    const key = valueKey(node, this.#params);
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    // Children first, every time: an indicator they hold must be registered (and count for the
    // warm-up) even when this node's own array comes from a cache filled by an earlier run.
    for (const child of childrenOf(node)) this.value(child);
    const value =
      node.kind === 'call' && FUNCTIONS[node.fn as 'sma'].indicator
        ? this.#indicator(node, key)
        : this.#composite(node, key);
    this.#memo.set(key, value);
    return value;
  }

  #composite(node: RuleNode, key: string): Value {
    const compute = (): Value => {
      const n = this.#bars.length;
      switch (node.kind) {
        case 'unary':
          return map1(this.value(node.arg), n, node.op === '-' ? (x) => -x : (x) => (x === 0 ? 1 : 0));
        case 'binary':
          return map2(this.value(node.left), this.value(node.right), n, BINARY_FUNCTIONS[node.op]);
        case 'call': {
          const [a, b] = node.args.map((arg) => this.value(arg));
          if (node.fn === 'abs') return map1(a, n, Math.abs);
          if (node.fn === 'min' || node.fn === 'max') return map2(a, b, n, BINARY_FUNCTIONS[node.fn]);
          const [up, over] = node.fn === 'crossover' ? [a, b] : [b, a];
          const signals = crossoverSignals(toArray(up, n), toArray(over, n));
          for (let i = 0; i < n; i++) signals[i] = signals[i] > 0 ? 1 : 0;
          return signals;
        }
        default:
          throw new TypeError(`not a composite node: ${node.kind}`);
      }
    };
    // A constant sub-expression (e.g. `fast * 2`) is folded, not cached.
    if (isConstant(node, this.#params)) return compute();
    return this.#register(COMPOSITE_KEY_PREFIX + key, () => compute() as Float64Array, { warmup: false });
  }

  #indicator(node: Extract<RuleNode, { kind: 'call' }>, key: string): Float64Array {
    const { high, low, close } = this.#bars;
    const n = this.#bars.length;
    const args = node.args;
    const window = (k: number) => this.value(args[k]) as number;
    const series = () => toArray(this.value(args[0]), n);
    const register = this.#register;
    switch (node.fn) {
      case 'sma':
        return register(key, () => sma(series(), window(1)));
      case 'ema':
        return register(key, () => ema(series(), window(1)));
      case 'rsi':
        return register(key, () => rsi(series(), window(1)));
      case 'atr':
        return register(key, () => atr(high, low, close, window(0)));
      case 'stdev':
        return register(key, () => rollingStd(series(), window(1)));
      case 'highest':
        return register(key, () => rollingMax(series(), window(1)));
      case 'lowest':
        return register(key, () => rollingMin(series(), window(1)));
      case 'prev':
        return register(key, () => lag(series(), window(1)));
      case 'change':
        return register(key, () => {
          const x = series();
          return map2(x, lag(x, window(1)), n, BINARY_FUNCTIONS['-']) as Float64Array;
        });
      case 'macd':
        return register(key, () => macd(series(), window(1), window(2), 1).macd);
      case 'macd_signal': {
        // The built-in MacdCross's indicator: [line, signal], under its key.
        const rows = register(
          `macd(${valueKey(args[0], this.#params)},${args
            .slice(1)
            .map((_, k) => window(k + 1))
            .join(',')})`,
          () => {
            const lines = macd(series(), window(1), window(2), window(3));
            return [lines.macd, lines.signal] as const;
          },
        );
        return rows[1];
      }
      case 'bb_upper':
      case 'bb_lower': {
        // The built-in BollingerReversion's indicator: [lower, middle, upper], under its key.
        const [x, period, k] = [valueKey(args[0], this.#params), window(1), window(2)];
        const bands = register(`bollinger(${x},${period},${k})`, () => {
          const b = bollinger(series(), period, k);
          return [b.lower, b.middle, b.upper] as const;
        });
        return node.fn === 'bb_upper' ? bands[2] : bands[0];
      }
      default:
        throw new TypeError(`not an indicator function: ${node.fn}`);
    }
  }
}

function isConstant(node: RuleNode, params: Readonly<Record<string, number>>): boolean {
  switch (node.kind) {
    case 'number':
      return true;
    case 'name':
      return Object.hasOwn(params, node.name);
    case 'unary':
      return isConstant(node.arg, params);
    case 'binary':
      return isConstant(node.left, params) && isConstant(node.right, params);
    case 'call':
      return (
        (node.fn === 'abs' || node.fn === 'min' || node.fn === 'max') &&
        node.args.every((arg) => isConstant(arg, params))
      );
  }
}

function childrenOf(node: RuleNode): readonly RuleNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    default:
      return [];
  }
}
