import {
  defaultExtractPersistedOperationId,
  usePersistedOperations,
} from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
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
  const plugin: Plugin = usePersistedOperations({
    allowArbitraryOperations: !only,
    getPersistedOperation: (hash) => persistedDocument(hash),
    customErrors: {
      persistedQueryOnly: {
        message: `This service runs only its persisted operations (PERSISTED_OPERATIONS_ONLY=true): ${HOW}.`,
        extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies ErrorCode, http: { status: 400 } },
      },
      notFound: {
        message: `Unknown persisted operation hash: ${HOW}.`,
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' satisfies ErrorCode, http: { status: 400 } },
      },
      keyNotFound: {
        message: `No persisted operation hash in the request: ${HOW}.`,
        extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies ErrorCode, http: { status: 400 } },
      },
    },
  });
  if (only) return plugin;
  // Otherwise a request without a hash is yoga's as before (an empty query is still a parse error).
  return {
    ...plugin,
    onParams(payload) {
      if (defaultExtractPersistedOperationId(payload.params, payload.request, payload.context) === null)
        return;
      return plugin.onParams?.(payload);
    },
  };
}
