/** Sends a typed document (schema/generated) to the app in process or to a real server. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface TypedResult<R> {
  data?: R | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

type Fetch = (url: string, init: RequestInit) => Promise<Response> | Response;

export async function execute<R, V>(
  fetcher: Fetch,
  baseUrl: string,
  document: TypedDocumentNode<R, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<TypedResult<R>> {
  const response = await fetcher(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as TypedResult<R>;
}
