import jsep from 'jsep';

/**
 * jsep with the rule language's word operators and node positions. jsep keeps its operator
 * tables on the class, so `and`, `or` (binary, the precedences of `&&` and `||`) and `not`
 * (unary) are added to them once, on the first parse; nothing else is changed. Positions come
 * from a subclass, not from jsep's global hooks: every node returned by a token or a binary
 * expression is mapped to the offset of its first character, and nodes written in parentheses
 * are remembered (a bare `not` before a comparison is read differently from a parenthesized one).
 */

export interface JsepSyntaxError {
  readonly index: number;
  readonly description: string;
}

export interface PositionedParse {
  readonly root: jsep.Expression;
  /** Offset of each node's first character (every node that can appear in a valid rule). */
  readonly starts: WeakMap<object, number>;
  readonly parenthesized: WeakSet<object>;
}

interface JsepParser {
  index: number;
  gobbleSpaces(): void;
  gobbleToken(): jsep.Expression | false | undefined;
  gobbleBinaryExpression(): jsep.Expression | false | undefined;
  gobbleGroup(): jsep.Expression | false | undefined;
  parse(): jsep.Expression;
}

const JsepClass = (jsep as unknown as { Jsep: new (expr: string) => JsepParser }).Jsep;

class PositionedParser extends JsepClass {
  readonly starts = new WeakMap<object, number>();
  readonly parenthesized = new WeakSet<object>();

  override gobbleToken(): jsep.Expression | false | undefined {
    this.gobbleSpaces();
    const start = this.index;
    const node = super.gobbleToken();
    if (node && !this.starts.has(node)) this.starts.set(node, start);
    return node;
  }

  override gobbleBinaryExpression(): jsep.Expression | false | undefined {
    const node = super.gobbleBinaryExpression();
    if (node) this.#fillBinary(node);
    return node;
  }

  override gobbleGroup(): jsep.Expression | false | undefined {
    const node = super.gobbleGroup();
    if (node) this.parenthesized.add(node);
    return node;
  }

  /** A binary node starts where its left operand starts. */
  #fillBinary(node: jsep.Expression): number | undefined {
    const known = this.starts.get(node);
    if (known !== undefined || node.type !== 'BinaryExpression') return known;
    const start = this.#fillBinary((node as jsep.BinaryExpression).left);
    if (start !== undefined) this.starts.set(node, start);
    return start;
  }
}

let configured = false;

function configure(): void {
  if (configured) return;
  jsep.addBinaryOp('or', 1);
  jsep.addBinaryOp('and', 2);
  jsep.addUnaryOp('not');
  configured = true;
}

/** Parses `text`; throws jsep's error (with `index` and `description`) on a syntax error. */
export function parseWithPositions(text: string): PositionedParse {
  configure();
  const parser = new PositionedParser(text);
  const root = parser.parse();
  return { root, starts: parser.starts, parenthesized: parser.parenthesized };
}

export function isJsepSyntaxError(error: unknown): error is Error & JsepSyntaxError {
  return (
    error instanceof Error &&
    typeof (error as Partial<JsepSyntaxError>).index === 'number' &&
    typeof (error as Partial<JsepSyntaxError>).description === 'string'
  );
}
