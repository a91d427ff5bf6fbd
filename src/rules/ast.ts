/**
 * The syntax tree of one rule expression. Every node records `at`, the 0-based character offset
 * of its first character in the (trimmed) expression text, for error messages.
 */

export type SeriesName = 'open' | 'high' | 'low' | 'close' | 'volume';

export const SERIES_NAMES: readonly SeriesName[] = ['open', 'high', 'low', 'close', 'volume'];

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;
export type UnaryOp = '-' | 'not';

export type RuleNode =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  /** A bar series or a param: resolved by the checker. */
  | { readonly kind: 'name'; readonly name: string; readonly at: number }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: RuleNode; readonly at: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: RuleNode;
      readonly right: RuleNode;
      readonly at: number;
    }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly RuleNode[]; readonly at: number };

export const ARITHMETIC_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/']);
export const COMPARISON_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);
export const LOGICAL_OPS: ReadonlySet<string> = new Set(['and', 'or']);
