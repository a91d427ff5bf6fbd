/**
 * Error codes that reach clients as `extensions.code`. One more comes from graphql-yoga itself:
 * REQUEST_ENTITY_TOO_LARGE (HTTP 413) for a body over MAX_BODY_BYTES.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UPSTREAM_UNAVAILABLE'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'DEADLINE_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'PERSISTED_QUERY_ONLY'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'INTERNAL_SERVER_ERROR';

export interface AppErrorOptions {
  /** When false the error is masked as INTERNAL_SERVER_ERROR before it reaches a client. */
  expose?: boolean;
  cause?: unknown;
  /** The argument, input field or strategy param at fault (e.g. `input.params.fast`). */
  field?: string;
}

/** A domain error with a code; the GraphQL layer turns exposed ones into GraphQL errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly expose: boolean;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.expose = options.expose ?? code !== 'INTERNAL_SERVER_ERROR';
    this.field = options.field;
  }
}

export class BadInputError extends AppError {
  constructor(field: string, message: string, cause?: unknown) {
    super('BAD_USER_INPUT', message, { field, cause });
    this.name = 'BadInputError';
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, field?: string) {
    super('NOT_FOUND', message, { field });
    this.name = 'NotFoundError';
  }
}

export class UpstreamUnavailableError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('UPSTREAM_UNAVAILABLE', message, { cause });
    this.name = 'UpstreamUnavailableError';
  }
}
