import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { AppError } from '../errors.ts';

function findAppError(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof AppError) return current;
    // GraphQL errors keep the thrown error in `originalError`; ours chain through `cause`.
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
    const located =
      error !== appError && typeof (error as GraphQLError).message === 'string'
        ? (error as GraphQLError)
        : undefined;
    // Variable coercion wraps a scalar's error: keep graphql's message, which names the variable
    // and the path at fault (`Variable "$input" got invalid value … at "input.from"; …`).
    const coercion =
      located !== undefined && located.message !== appError.message ? located.message : undefined;
    const field = appError.field ?? (coercion === undefined ? undefined : coercionField(coercion));
    // A variable a scalar refused is answered like graphql's own variable errors: HTTP 400.
    const variable = coercion?.startsWith('Variable "$') === true;
    return new GraphQLError(coercion ?? appError.message, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: {
        code: appError.code,
        ...(field === undefined ? {} : { field }),
        ...(variable ? { http: { status: 400 } } : {}),
      },
    });
  }
  const coercion = variableCoercionError(error);
  if (coercion !== undefined) return coercion;
  return yogaMaskError(error, message, false);
}

/**
 * The input path graphql names in a variable coercion message (`… at "input.from"; …`), else
 * the variable itself (`Variable "$from" got invalid value …`). graphql 16 keeps the path only in
 * the message text, so it is read from there.
 */
function coercionField(message: string): string | undefined {
  return /at "([^"]+)"/.exec(message)?.[1] ?? /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message)?.[1];
}

/** No error, or a GraphQL error raised by graphql itself (not wrapping anything unexpected). */
function isPlainGraphQLError(error: unknown): boolean {
  if (error == null) return true;
  const candidate = error as { name?: unknown; originalError?: unknown };
  return candidate.name === 'GraphQLError' && candidate.originalError == null;
}

/**
 * The executor reports a variable of the wrong type (`Variable "$t" got invalid value 42; String
 * cannot represent …`, a missing required input field, an unknown enum value) with HTTP 400 and
 * no code. It is an input error like any other: BAD_USER_INPUT, naming the variable or field.
 */
function variableCoercionError(error: unknown): GraphQLError | undefined {
  const candidate = error as Partial<GraphQLError> | null;
  if (
    typeof candidate?.message !== 'string' ||
    !candidate.message.startsWith('Variable "$') ||
    !isPlainGraphQLError(candidate.originalError) ||
    candidate.extensions?.code !== undefined
  ) {
    return undefined;
  }
  const field = coercionField(candidate.message);
  return new GraphQLError(candidate.message, {
    nodes: candidate.nodes,
    source: candidate.source,
    positions: candidate.positions,
    extensions: {
      ...candidate.extensions,
      code: 'BAD_USER_INPUT',
      ...(field === undefined ? {} : { field }),
    },
  });
}

/** An input error raised while coercing an argument (e.g. by a scalar). */
export function badInput(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message);
}
