/** The `CODE: message` a failed job stores: exposed errors as they are, anything else masked. */
import { AppError } from '../errors.ts';
import { asInputError } from '../inputs/bad-input.ts';

export const UNEXPECTED_FAILURE = 'INTERNAL_SERVER_ERROR: the job failed unexpectedly';

export function toJobFailure(error: unknown): string {
  const coded = asInputError(error);
  if (coded instanceof AppError && coded.expose) return `${coded.code}: ${coded.message}`;
  return UNEXPECTED_FAILURE;
}

/** True when the error is the job's input (it would fail the same way again): no retry. */
export function isInputFailure(error: unknown): boolean {
  const coded = asInputError(error);
  return coded instanceof AppError && coded.expose;
}
