import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../errors.ts';

export type QueryLimit = 'depth' | 'aliases' | 'tokens' | 'cost';

/**
 * A request refused for its shape: `extensions.code` QUERY_TOO_COMPLEX, and `extensions.limit`
 * naming the limit. Like GraphQL validation errors: HTTP 400 for
 * `application/graphql-response+json` clients, 200 for plain `application/json` ones.
 */
export function queryTooComplex(
  message: string,
  limit: QueryLimit,
  extra: Record<string, number> = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode,
      limit,
      ...extra,
      http: { status: 400, spec: true },
    },
  });
}

/** The execution passed the request deadline: HTTP 504, `extensions.code` DEADLINE_EXCEEDED. */
export function deadlineExceeded(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The request took longer than ${timeoutMs} ms and was cancelled; try a shorter range or fewer series.`,
    { extensions: { code: 'DEADLINE_EXCEEDED' satisfies ErrorCode, timeoutMs, http: { status: 504 } } },
  );
}
