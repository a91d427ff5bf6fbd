import { EngineError } from '../engine/errors.ts';

/** An error in an expression: the message ends with ` at character <offset>`. */
export function expressionError(field: string, message: string, at: number): EngineError {
  return new EngineError(field, `${message} at character ${at}`);
}
