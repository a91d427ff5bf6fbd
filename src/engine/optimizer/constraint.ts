import { EngineError } from '../errors.ts';

/**
 * Optimization constraints: a small expression language over param names, compiled by a
 * hand-written tokenizer and recursive-descent parser (never eval).
 *
 *   or      := and (('||' | 'or') and)*
 *   and     := not (('&&' | 'and') not)*
 *   not     := ('!' | 'not') not | compare
 *   compare := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)*
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/' | '%') unary)*
 *   unary   := ('-' | '+') unary | primary
 *   primary := number | 'true' | 'false' | param | '(' or ')'
 *
 * Semantics follow the Python lambdas of backtesting.py's `constraint=`: `!`/`not` bind looser
 * than comparisons (`not fast < 5` is `not (fast < 5)`), comparisons chain (`2 <= fast < slow`
 * means `2 <= fast and fast < slow`), booleans count as 1/0 in arithmetic, `%` is the floored
 * modulo (the result has the divisor's sign), a number is true when non-zero and not NaN, and the result of
 * the whole expression decides by truthiness. Division by zero gives ±Infinity or NaN, and any
 * comparison with NaN is false.
 */

export type ConstraintParams = Readonly<Record<string, number | boolean>>;
export type ConstraintPredicate = (params: ConstraintParams) => boolean;

/** An invalid constraint expression; `position` is the 0-based character offset at fault. */
export class ConstraintError extends EngineError {
  readonly position: number;
  readonly expression: string;

  constructor(message: string, expression: string, position: number) {
    super('constraint', `${message} at position ${position}`);
    this.name = 'ConstraintError';
    this.expression = expression;
    this.position = position;
  }
}

export const MAX_CONSTRAINT_LENGTH = 1000;
const MAX_DEPTH = 64;

type TokenKind = 'number' | 'name' | 'op' | 'end';
interface Token {
  readonly kind: TokenKind;
  /** Canonical text: `and`/`or`/`not` become `&&`/`||`/`!`. */
  readonly text: string;
  /** The text as written, for messages. */
  readonly raw: string;
  readonly value: number;
  readonly position: number;
}

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')'];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const WORD_OPERATORS: Readonly<Record<string, string>> = { and: '&&', or: '||', not: '!' };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < expression.length) {
    const rest = expression.slice(pos);
    const space = /^\s+/.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      if (NAME.test(rest.slice(number[0].length))) {
        throw new ConstraintError(
          `unexpected "${rest[number[0].length]}" after a number`,
          expression,
          pos + number[0].length,
        );
      }
      tokens.push({
        kind: 'number',
        text: number[0],
        raw: number[0],
        value: Number(number[0]),
        position: pos,
      });
      pos += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const word = WORD_OPERATORS[name[0]];
      const kind = word ? 'op' : 'name';
      tokens.push({ kind, text: word ?? name[0], raw: name[0], value: 0, position: pos });
      pos += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (op) {
      tokens.push({ kind: 'op', text: op, raw: op, value: 0, position: pos });
      pos += op.length;
      continue;
    }
    const hint = HINTS[rest[0]] ?? '';
    throw new ConstraintError(`unexpected character "${rest[0]}"${hint}`, expression, pos);
  }
  const end = 'end of expression';
  tokens.push({ kind: 'end', text: end, raw: end, value: 0, position: expression.length });
  return tokens;
}

const HINTS: Readonly<Record<string, string>> = {
  '=': ' (use == to compare)',
  '&': ' (use && or and)',
  '|': ' (use || or or)',
};

type Value = number | boolean;
type Node = (params: ConstraintParams) => Value;

const num = (v: Value): number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const truthy = (v: Value): boolean => (typeof v === 'boolean' ? v : v !== 0 && !Number.isNaN(v));

const BINARY: Readonly<Record<string, (a: number, b: number) => Value>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => {
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r;
  },
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/**
 * Compiles a constraint over the given param names. Throws ConstraintError naming the position
 * of a syntax error or of an unknown param (with the known names). The predicate throws
 * ConstraintError if a referenced param is missing from its argument.
 */
export function parseConstraint(expression: string, paramNames: Iterable<string>): ConstraintPredicate {
  if (expression.length > MAX_CONSTRAINT_LENGTH) {
    throw new ConstraintError(
      `constraint is longer than ${MAX_CONSTRAINT_LENGTH} characters`,
      expression,
      MAX_CONSTRAINT_LENGTH,
    );
  }
  const known = new Set(paramNames);
  const tokens = tokenize(expression);
  let index = 0;
  let depth = 0;
  const peek = () => tokens[index];
  const isOp = (...ops: string[]) => peek().kind === 'op' && ops.includes(peek().text);
  const fail = (message: string, token = peek()): never => {
    throw new ConstraintError(message, expression, token.position);
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) fail(`expression is nested more than ${MAX_DEPTH} levels deep`);
    const node = parse();
    depth--;
    return node;
  };

  const parseOr = (): Node => {
    let left = parseAnd();
    while (isOp('||')) {
      index++;
      const a = left;
      const b = parseAnd();
      left = (p) => truthy(a(p)) || truthy(b(p));
    }
    return left;
  };
  const parseAnd = (): Node => {
    let left = parseNot();
    while (isOp('&&')) {
      index++;
      const a = left;
      const b = parseNot();
      left = (p) => truthy(a(p)) && truthy(b(p));
    }
    return left;
  };
  const parseNot = (): Node => {
    if (isOp('!')) {
      index++;
      const operand = nested(parseNot);
      return (p) => !truthy(operand(p));
    }
    return parseCompare();
  };
  const parseCompare = (): Node => {
    const first = parseSum();
    const links: { compare: (a: number, b: number) => Value; right: Node }[] = [];
    while (peek().kind === 'op' && COMPARISONS.has(peek().text)) {
      const compare = BINARY[tokens[index++].text];
      links.push({ compare, right: parseSum() });
    }
    if (links.length === 0) return first;
    return (p) => {
      let left = num(first(p));
      for (const link of links) {
        const right = num(link.right(p));
        if (!link.compare(left, right)) return false;
        left = right;
      }
      return true;
    };
  };
  const parseLeftAssoc = (ops: string[], operand: () => Node) => (): Node => {
    let left = operand();
    while (isOp(...ops)) {
      const apply = BINARY[tokens[index++].text];
      const a = left;
      const b = operand();
      left = (p) => apply(num(a(p)), num(b(p)));
    }
    return left;
  };
  const parseUnary = (): Node => {
    if (isOp('-', '+')) {
      const negate = tokens[index++].text === '-';
      const operand = nested(parseUnary);
      return negate ? (p) => -num(operand(p)) : (p) => num(operand(p));
    }
    return parsePrimary();
  };
  const parseProduct = parseLeftAssoc(['*', '/', '%'], parseUnary);
  const parseSum = parseLeftAssoc(['+', '-'], parseProduct);
  const parsePrimary = (): Node => {
    const token = peek();
    if (token.kind === 'number') {
      index++;
      return () => token.value;
    }
    if (token.kind === 'name') {
      index++;
      if (token.text === 'true' || token.text === 'True') return () => true;
      if (token.text === 'false' || token.text === 'False') return () => false;
      if (!known.has(token.text)) {
        const names = [...known].sort().join(', ') || 'none';
        fail(`unknown param "${token.text}" (known: ${names})`, token);
      }
      const name = token.text;
      return (p) => {
        const value = p[name];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw new ConstraintError(`param "${name}" has no value`, expression, token.position);
        }
        return value;
      };
    }
    if (isOp('(')) {
      index++;
      const inner = nested(parseOr);
      if (!isOp(')')) fail(`expected ")" but found ${describe(peek())}`);
      index++;
      return inner;
    }
    return fail(`expected a number, a param or "(" but found ${describe(token)}`);
  };

  if (peek().kind === 'end') fail('empty constraint');
  const root = parseOr();
  if (peek().kind !== 'end') fail(`unexpected ${describe(peek())}`);
  return (params) => truthy(root(params));
}

function describe(token: Token): string {
  return token.kind === 'end' ? token.raw : `"${token.raw}"`;
}
