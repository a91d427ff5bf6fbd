import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { AppError } from '../errors.ts';

function findAppError(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof AppError) return current;
    // Not `instanceof GraphQLError`: a second copy of graphql (ESM and CJS) fails that check.
    const wrapper = current as { originalError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.cause;
  }
  return undefined;
}

/**
 * Exposed domain errors become GraphQL errors with `extensions.code` (and `extensions.field`);
 * everything unexpected is masked as INTERNAL_SERVER_ERROR, with no message, SQL or stack.
 */
export function maskError(error: unknown, message: string): Error {
  const appError = findAppError(error);
  if (appError?.expose) {
    const located = (error as { path?: unknown }).path === undefined ? undefined : (error as GraphQLError);
    return new GraphQLError(appError.message, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: { code: appError.code, ...(appError.field === undefined ? {} : { field: appError.field }) },
    });
  }
  return yogaMaskError(error, message, false);
}

/** Input errors raised while coercing arguments (e.g. by a scalar) as BAD_USER_INPUT. */
export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(field === undefined ? {} : { field }) },
  });
}
