import { EngineError } from '../engine/errors.ts';
import { BadInputError } from '../errors.ts';

/**
 * Engine option fields that sit elsewhere in a request: engine options are top-level input fields
 * (`input.cash`), and the engine's commission pair is split into `commission` and
 * `fixedCommission`.
 */
const INPUT_FIELD_OF: Readonly<Record<string, string>> = {
  'options.cash': 'cash',
  'options.commission': 'commission',
  'options.commission.rate': 'commission',
  'options.commission.fixed': 'fixedCommission',
  'options.spread': 'spread',
  'options.margin': 'margin',
};

/** The input error for an engine error: `extensions.field` is `prefix` + the engine's field. */
export function toBadInput(error: EngineError, prefix = 'input.'): BadInputError {
  const field = `${prefix}${INPUT_FIELD_OF[error.field] ?? error.field}`;
  return new BadInputError(field, `${field}: ${error.message}`, error);
}

/** `error` as an input error when the engine refused the input; anything else unchanged. */
export function asInputError(error: unknown, prefix = 'input.'): unknown {
  return error instanceof EngineError ? toBadInput(error, prefix) : error;
}
