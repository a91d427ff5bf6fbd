import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import documents from '../../schema/generated/persisted-documents.json' with { type: 'json' };

const byHash: Record<string, string> = documents;

/** The document of a persisted operation, by its hash with or without the `sha256:` prefix. */
export function persistedDocument(hash: string): string | null {
  return byHash[hash] ?? byHash[`sha256:${hash}`] ?? null;
}

const HOW =
  'send { "extensions": { "persistedQuery": { "version": 1, "sha256Hash": "<hash>" } } } with a hash ' +
  'from schema/generated/persisted-documents.json (the operations of schema/operations/)';

/**
 * Persisted (trusted) documents: the operations of `schema/operations/`, whose sha256 hashes
 * `npm run codegen` writes to `schema/generated/persisted-documents.json`, can be sent by hash
 * alone. With `only` (PERSISTED_OPERATIONS_ONLY=true) nothing else runs: a query sent as text is
 * refused with code PERSISTED_QUERY_ONLY (HTTP 400) before it is parsed.
 */
export function usePersistedDocuments(only: boolean): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    getPersistedOperation: (hash) => persistedDocument(hash),
    customErrors: {
      persistedQueryOnly: {
        message: `This service runs only its persisted operations (PERSISTED_OPERATIONS_ONLY=true): ${HOW}.`,
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      notFound: {
        message: `Unknown persisted operation hash: ${HOW}.`,
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: only
          ? `No persisted operation hash in the request: ${HOW}.`
          : 'Must provide query string, or the hash of a persisted operation in extensions.persistedQuery.sha256Hash.',
        extensions: { code: only ? 'PERSISTED_QUERY_ONLY' : 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  });
}
