import { EngineError } from '../engine/errors.ts';
import type { RuleNode } from './ast.ts';
import { formatNode } from './format.ts';
import { expressionError } from './rule-error.ts';

/**
 * Bars before a node's first value on NaN-free data (its warm-up). Throws EngineError(field,
 * `… at character N`) naming the innermost call that needs more bars than `barCount`.
 */
export function checkLookback(
  root: RuleNode,
  field: string,
  params: Readonly<Record<string, number>>,
  barCount: number,
): number {
  const constant = (node: RuleNode): number => {
    if (node.kind === 'number') return node.value;
    if (node.kind === 'name' && Object.hasOwn(params, node.name)) return params[node.name];
    throw new EngineError(field, `expected a number or a param at character ${node.at}`);
  };
  const visit = (node: RuleNode): number => {
    switch (node.kind) {
      case 'number':
      case 'name':
        return 0;
      case 'unary':
        return visit(node.arg);
      case 'binary':
        return Math.max(visit(node.left), visit(node.right));
      case 'call': {
        const [x, a, b, c] = node.args;
        let bars: number;
        switch (node.fn) {
          case 'atr':
            bars = constant(x);
            break;
          case 'sma':
          case 'ema':
          case 'stdev':
          case 'highest':
          case 'lowest':
          case 'bb_upper':
          case 'bb_lower':
            bars = visit(x) + constant(a) - 1;
            break;
          case 'rsi':
          case 'prev':
          case 'change':
            bars = visit(x) + constant(a);
            break;
          case 'macd':
            bars = visit(x) + Math.max(constant(a), constant(b)) - 1;
            break;
          case 'macd_signal':
            bars = visit(x) + Math.max(constant(a), constant(b)) - 1 + constant(c) - 1;
            break;
          case 'crossover':
          case 'crossunder':
            bars = Math.max(visit(x), visit(a)) + 1;
            break;
          default:
            bars = Math.max(...node.args.map(visit));
        }
        if (bars >= barCount) {
          throw expressionError(
            field,
            `${formatNode(node)} needs at least ${bars + 1} bars, the series has ${barCount}`,
            node.at,
          );
        }
        return bars;
      }
    }
  };
  return visit(root);
}
