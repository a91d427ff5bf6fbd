/** Size limits of a rule strategy, checked before anything is computed. */

/** Characters in one expression, after trimming. */
export const MAX_EXPRESSION_CHARS = 1000;
/** Syntax-tree nodes in one expression (numbers, names, operators and calls). */
export const MAX_EXPRESSION_NODES = 200;
/** Nesting depth of one expression's syntax tree (a lone name or number has depth 1). */
export const MAX_EXPRESSION_DEPTH = 24;
/** Declared params of one rule strategy. */
export const MAX_RULE_PARAMS = 32;
