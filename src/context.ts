import { createLoaders, type Loaders } from './loaders.ts';
import type { Services } from './services.ts';

/** Per-request GraphQL context: created by `createContext` for every request. */
export interface GraphQLContext {
  requestId: string;
  services: Services;
  loaders: Loaders;
  authorization: string | null;
}

export function createContext(services: Services, request: Request): GraphQLContext {
  return {
    requestId: request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID(),
    services,
    loaders: createLoaders(services),
    authorization: request.headers.get('authorization'),
  };
}
