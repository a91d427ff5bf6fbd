/**
 * The page's GraphQL client: it sends only the hashes of the persisted operations of
 * schema/operations (never a document), over POST, and subscriptions over Server-Sent Events.
 */
import documents from '../schema/generated/persisted-documents.json';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class OperationError extends Error {
  readonly errors: GraphQLErrorShape[];
  constructor(errors: GraphQLErrorShape[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'OperationError';
    this.errors = errors;
  }
}

const hashByName = new Map<string, string>();
for (const [key, text] of Object.entries(documents as Record<string, string>)) {
  const name = /\b(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(text)?.[1];
  if (name !== undefined) hashByName.set(name, key.replace(/^sha256:/, ''));
}

function body(operationName: string, variables: unknown): string {
  const sha256Hash = hashByName.get(operationName);
  if (sha256Hash === undefined) throw new Error(`${operationName} is not a persisted operation`);
  return JSON.stringify({
    operationName,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash } },
  });
}

interface Envelope<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** Runs a persisted query or mutation; any GraphQL error rejects with all of them. */
export async function request<T>(operationName: string, variables: unknown = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: body(operationName, variables),
    });
  } catch {
    throw new OperationError([{ message: 'The service does not answer. Is it running?' }]);
  }
  let envelope: Envelope<T>;
  try {
    envelope = (await response.json()) as Envelope<T>;
  } catch {
    throw new OperationError([{ message: `The service answered HTTP ${response.status} without JSON.` }]);
  }
  if (envelope.errors !== undefined && envelope.errors.length > 0) throw new OperationError(envelope.errors);
  if (envelope.data == null) throw new OperationError([{ message: `HTTP ${response.status}: no data.` }]);
  return envelope.data;
}

/** A persisted subscription over Server-Sent Events: `onNext` per event until the stream ends. */
export async function subscribe<T>(
  operationName: string,
  variables: unknown,
  onNext: (data: T) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: body(operationName, variables),
    signal,
  });
  if (!response.ok || response.body === null)
    throw new Error(`subscription answered HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines
        .find((l) => l.startsWith('event:'))
        ?.slice(6)
        .trim();
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      if (event === 'complete') return;
      if (data === '') continue;
      const envelope = JSON.parse(data) as Envelope<T>;
      if (envelope.errors !== undefined && envelope.errors.length > 0)
        throw new OperationError(envelope.errors);
      if (envelope.data != null) onNext(envelope.data);
    }
  }
}
