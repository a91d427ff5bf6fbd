import { ARITHMETIC_OPS, type RuleNode, SERIES_NAMES, type SeriesName } from './ast.ts';
import { FUNCTIONS, type FunctionName, isFunctionName, signature, type ValueType } from './functions.ts';
import { formatNode } from './format.ts';
import type { CanonicalRuleParam } from './rule-input.ts';
import { expressionError } from './rule-error.ts';
import { closestName } from './suggest.ts';

/** Where a param is used as a window (its values must be whole numbers >= 1). */
export interface WindowUse {
  readonly param: string;
  readonly fn: FunctionName;
  readonly at: number;
}

export function isSeriesName(name: string): name is SeriesName {
  return (SERIES_NAMES as readonly string[]).includes(name);
}

/**
 * Resolves names and checks arities and types of one parsed rule, which must be a condition.
 * Returns the params it uses as windows. Throws EngineError(field, `… at character N`).
 */
export function checkRule(
  root: RuleNode,
  field: string,
  params: ReadonlyMap<string, CanonicalRuleParam>,
): readonly WindowUse[] {
  const windows: WindowUse[] = [];
  const checker = new Checker(field, params, windows);
  if (checker.typeOf(root) !== 'boolean') {
    throw expressionError(
      field,
      `a rule must be a condition (a comparison, crossover, crossunder, and, or, not), got the number ${formatNode(root)}`,
      root.at,
    );
  }
  return windows;
}

class Checker {
  readonly #field: string;
  readonly #params: ReadonlyMap<string, CanonicalRuleParam>;
  readonly #windows: WindowUse[];

  constructor(field: string, params: ReadonlyMap<string, CanonicalRuleParam>, windows: WindowUse[]) {
    this.#field = field;
    this.#params = params;
    this.#windows = windows;
  }

  typeOf(node: RuleNode): ValueType {
    switch (node.kind) {
      case 'number':
        return 'number';
      case 'name':
        this.#resolveName(node.name, node.at);
        return 'number';
      case 'unary':
        this.#expect(node.arg, node.op === 'not' ? 'boolean' : 'number');
        return node.op === 'not' ? 'boolean' : 'number';
      case 'binary': {
        const logical = node.op === 'and' || node.op === 'or';
        this.#expect(node.left, logical ? 'boolean' : 'number');
        this.#expect(node.right, logical ? 'boolean' : 'number');
        return ARITHMETIC_OPS.has(node.op) ? 'number' : 'boolean';
      }
      case 'call':
        return this.#call(node);
    }
  }

  #expect(node: RuleNode, type: ValueType): void {
    if (this.typeOf(node) === type) return;
    const text = formatNode(node);
    throw this.#error(
      type === 'number'
        ? `the condition ${text} cannot be used as a number`
        : `the number ${text} cannot be used as a condition (compare it, e.g. ${text} > 0)`,
      node.at,
    );
  }

  #resolveName(name: string, at: number): 'series' | 'param' {
    if (isSeriesName(name)) return 'series';
    if (this.#params.has(name)) return 'param';
    if (isFunctionName(name)) throw this.#error(`${name} is a function: call it as ${signature(name)}`, at);
    throw this.#error(`unknown name "${name}"${hint(name, [...SERIES_NAMES, ...this.#params.keys()])}`, at);
  }

  #call(node: Extract<RuleNode, { kind: 'call' }>): ValueType {
    if (!isFunctionName(node.fn)) {
      throw this.#error(`unknown function "${node.fn}"${hint(node.fn, Object.keys(FUNCTIONS))}`, node.at);
    }
    const fn = node.fn;
    const spec = FUNCTIONS[fn];
    if (node.args.length !== spec.args.length) {
      const count = spec.args.length;
      throw this.#error(
        `${signature(node.fn)} takes ${count} argument${count === 1 ? '' : 's'}, got ${node.args.length}`,
        node.at,
      );
    }
    spec.args.forEach((arg, k) => {
      const value = node.args[k];
      if (arg.kind === 'series') {
        this.#expect(value, 'number');
        return;
      }
      const what = `${arg.name} of ${node.fn}`;
      if (value.kind === 'number') {
        if (arg.kind === 'window' && !(Number.isInteger(value.value) && value.value >= 1)) {
          throw this.#error(`the window ${what} must be a whole number >= 1, got ${value.value}`, value.at);
        }
        return;
      }
      if (value.kind !== 'name' || this.#resolveName(value.name, value.at) !== 'param') {
        throw this.#error(`${what} must be a number or a param name, got ${formatNode(value)}`, value.at);
      }
      if (arg.kind === 'window') {
        if (!this.#params.get(value.name)?.integer) {
          throw this.#error(`the window ${what} must be an integer param; ${value.name} is not`, value.at);
        }
        this.#windows.push({ param: value.name, fn, at: value.at });
      }
    });
    return spec.result;
  }

  #error(message: string, at: number) {
    return expressionError(this.#field, message, at);
  }
}

function hint(name: string, candidates: readonly string[]): string {
  const close = closestName(name, candidates);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}
