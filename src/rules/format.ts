import type { RuleNode } from './ast.ts';

/**
 * A node as text, for messages and cache keys. `value` maps a param name to the text that stands
 * for it (its name in messages, its value in keys). Binary operations are parenthesized; calls
 * use `sep` between arguments.
 */
export function formatNode(node: RuleNode, value: (param: string) => string = (p) => p, sep = ', '): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'name':
      return value(node.name);
    case 'unary':
      return node.op === '-'
        ? `(-${formatNode(node.arg, value, sep)})`
        : `(not ${formatNode(node.arg, value, sep)})`;
    case 'binary': {
      const op = node.op === 'and' || node.op === 'or' ? ` ${node.op} ` : node.op;
      return `(${formatNode(node.left, value, sep)}${op}${formatNode(node.right, value, sep)})`;
    }
    case 'call':
      return `${node.fn}(${node.args.map((arg) => formatNode(arg, value, sep)).join(sep)})`;
  }
}
