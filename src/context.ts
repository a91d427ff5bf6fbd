import { createLoaders, type Loaders } from './loaders.ts';
import type { Services } from './services.ts';

/** Per-request GraphQL context: created by `createContext` for every request. */
export interface GraphQLContext {
  requestId: string;
  services: Services;
  loaders: Loaders;
  authorization: string | null;
  /**
   * Aborted at the operation's deadline or when the client goes away (set by useDeadline). The
   * resolvers that compute (engine runs, sweeps) check it before they start and a sweep stops on
   * it: the executor's own per-field check does not reach into a resolver, and the compiled
   * executor (graphql-jit) has none.
   */
  signal?: AbortSignal;
}

export function createContext(services: Services, request: Request): GraphQLContext {
  return {
    requestId: request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID(),
    services,
    loaders: createLoaders(services),
    authorization: request.headers.get('authorization'),
  };
}
