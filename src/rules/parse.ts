import type jsep from 'jsep';
import { ARITHMETIC_OPS, type BinaryOp, COMPARISON_OPS, LOGICAL_OPS, type RuleNode } from './ast.ts';
import { isJsepSyntaxError, type PositionedParse, parseWithPositions } from './jsep-parser.ts';
import { MAX_EXPRESSION_CHARS, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NODES } from './limits.ts';
import { expressionError } from './rule-error.ts';

/**
 * Parses one trimmed rule expression into a RuleNode tree. Syntax only: names, arities and types
 * are the checker's. Precedence, loosest first: `or`, `and`, `not`, comparisons, `+ -`, `* /`,
 * unary `-`. As in Python, `not close > open` is `not (close > open)`, while `not` applied to a
 * parenthesized group or a call binds to just that. Throws EngineError(field, `… at character N`)
 * for a syntax error, an unsupported construct or a size limit.
 */
export function parseRuleExpression(text: string, field: string): RuleNode {
  if (text.length === 0) throw expressionError(field, 'the expression is empty', 0);
  if (text.length > MAX_EXPRESSION_CHARS) {
    throw expressionError(
      field,
      `the expression has ${text.length} characters, more than the limit of ${MAX_EXPRESSION_CHARS}`,
      MAX_EXPRESSION_CHARS,
    );
  }
  let parsed: PositionedParse;
  try {
    parsed = parseWithPositions(text);
  } catch (error) {
    if (isJsepSyntaxError(error)) throw expressionError(field, error.description, error.index);
    throw error;
  }
  const root = new Converter(parsed, field).convert(parsed.root, 0);
  checkSize(root, field);
  return root;
}

const UNSUPPORTED_OPS: Readonly<Record<string, string>> = {
  '&&': 'use "and" instead of "&&"',
  '||': 'use "or" instead of "||"',
  '!': 'use "not" instead of "!"',
  '===': 'use "==" instead of "==="',
  '!==': 'use "!=" instead of "!=="',
};

class Converter {
  readonly #parse: PositionedParse;
  readonly #field: string;
  /** Results that are a `not` written without parentheses around it. */
  readonly #bareNot = new WeakSet<RuleNode>();

  constructor(parse: PositionedParse, field: string) {
    this.#parse = parse;
    this.#field = field;
  }

  convert(node: jsep.Expression, parentAt: number): RuleNode {
    const at = this.#parse.starts.get(node) ?? parentAt;
    const result = this.#convert(node, at);
    if (result.kind === 'unary' && result.op === 'not' && !this.#parse.parenthesized.has(node)) {
      this.#bareNot.add(result);
    }
    return result;
  }

  #convert(node: jsep.Expression, at: number): RuleNode {
    switch (node.type) {
      case 'Literal': {
        const value = (node as jsep.Literal).value;
        if (typeof value !== 'number')
          throw this.#error(`${(node as jsep.Literal).raw} is not supported`, at);
        if (!Number.isFinite(value)) throw this.#error('the number is too large', at);
        return { kind: 'number', value, at };
      }
      case 'Identifier':
        return { kind: 'name', name: (node as jsep.Identifier).name, at };
      case 'UnaryExpression': {
        const { operator, argument } = node as jsep.UnaryExpression;
        if (operator !== '-' && operator !== 'not') throw this.#error(unsupportedOp(operator), at);
        const arg = this.convert(argument, at);
        if (operator === '-' && arg.kind === 'number') return { kind: 'number', value: -arg.value, at };
        return { kind: 'unary', op: operator, arg, at };
      }
      case 'BinaryExpression': {
        const { operator, left, right } = node as jsep.BinaryExpression;
        if (!ARITHMETIC_OPS.has(operator) && !COMPARISON_OPS.has(operator) && !LOGICAL_OPS.has(operator)) {
          throw this.#error(unsupportedOp(operator), at);
        }
        const op = operator as BinaryOp;
        const l = this.convert(left, at);
        const r = this.convert(right, at);
        return LOGICAL_OPS.has(op) ? { kind: 'binary', op, left: l, right: r, at } : this.#liftNot(op, l, r);
      }
      case 'CallExpression': {
        const { callee, arguments: args } = node as jsep.CallExpression;
        if (callee.type !== 'Identifier') throw this.#error('only functions can be called', at);
        const fn = (callee as jsep.Identifier).name;
        return { kind: 'call', fn, args: args.map((arg) => this.convert(arg, at)), at };
      }
      case 'Compound':
        throw this.#error('one expression expected; combine conditions with "and" / "or"', at);
      case 'SequenceExpression':
        throw this.#error('one expression expected inside parentheses', at);
      case 'ConditionalExpression':
        throw this.#error('"? :" is not supported', at);
      case 'MemberExpression':
        throw this.#error('"." and "[ ]" are not supported', at);
      case 'ArrayExpression':
        throw this.#error('arrays are not supported', at);
      default:
        throw this.#error(`${node.type === 'ThisExpression' ? 'this' : node.type} is not supported`, at);
    }
  }

  /** `not a OP b` with a bare `not` on the left means `not (a OP b)` for comparisons and arithmetic. */
  #liftNot(op: BinaryOp, left: RuleNode, right: RuleNode): RuleNode {
    if (left.kind === 'unary' && this.#bareNot.has(left)) {
      const lifted: RuleNode = {
        kind: 'unary',
        op: 'not',
        arg: this.#liftNot(op, left.arg, right),
        at: left.at,
      };
      this.#bareNot.add(lifted);
      return lifted;
    }
    return { kind: 'binary', op, left, right, at: left.at };
  }

  #error(message: string, at: number) {
    return expressionError(this.#field, message, at);
  }
}

function unsupportedOp(operator: string): string {
  return UNSUPPORTED_OPS[operator] ?? `the operator "${operator}" is not supported`;
}

/** Node count and depth limits, reported at the first node past the limit. */
function checkSize(root: RuleNode, field: string): void {
  let count = 0;
  const visit = (node: RuleNode, depth: number): void => {
    count++;
    if (count > MAX_EXPRESSION_NODES) {
      throw expressionError(field, `the expression has more than ${MAX_EXPRESSION_NODES} nodes`, node.at);
    }
    if (depth > MAX_EXPRESSION_DEPTH) {
      throw expressionError(
        field,
        `the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`,
        node.at,
      );
    }
    if (node.kind === 'unary') visit(node.arg, depth + 1);
    else if (node.kind === 'binary') {
      visit(node.left, depth + 1);
      visit(node.right, depth + 1);
    } else if (node.kind === 'call') for (const arg of node.args) visit(arg, depth + 1);
  };
  visit(root, 1);
}
