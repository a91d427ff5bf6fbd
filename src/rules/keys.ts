import type { RuleNode } from './ast.ts';

/** Prefix of the cache keys of composite (non-indicator) nodes, apart from the built-ins' keys. */
export const COMPOSITE_KEY_PREFIX = 'rules:';

/** Names in cache keys: the engine names the built-in strategies use for the same computation. */
const KEY_NAMES: Readonly<Record<string, string>> = {
  highest: 'rollingMax',
  lowest: 'rollingMin',
  prev: 'lag',
};

/**
 * The canonical key of a node's value with the params bound: no spaces, params replaced by their
 * values, binary operations parenthesized, and the built-ins' spellings where they compute the
 * same thing, so `sma(close, fast)` with fast = 10 is `sma(close,10)` and
 * `prev(highest(high, n), 1)` is `lag(rollingMax(high,20),1)`, exactly as in SmaCross and
 * DonchianBreakout. crossunder(a, b) is keyed as crossover(b, a).
 */
export function valueKey(node: RuleNode, params: Readonly<Record<string, number>>): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'name':
      return Object.hasOwn(params, node.name) ? String(params[node.name]) : node.name;
    case 'unary':
      return node.op === '-' ? `(-${valueKey(node.arg, params)})` : `(not ${valueKey(node.arg, params)})`;
    case 'binary': {
      const op = node.op === 'and' || node.op === 'or' ? ` ${node.op} ` : node.op;
      return `(${valueKey(node.left, params)}${op}${valueKey(node.right, params)})`;
    }
    case 'call': {
      const args = node.args.map((arg) => valueKey(arg, params));
      if (node.fn === 'crossunder') return `crossover(${args[1]},${args[0]})`;
      return `${KEY_NAMES[node.fn] ?? node.fn}(${args.join(',')})`;
    }
  }
}
