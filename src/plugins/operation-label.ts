import type { DocumentNode } from 'graphql';
import { Kind, getOperationAST } from 'graphql';

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const MAX_LABEL_CHARS = 80;

/**
 * What an operation is called in logs, metrics and `serviceStats`: its name, or for an anonymous
 * operation its root fields (`priceSeries+serviceStats`).
 */
export function operationLabel(document: DocumentNode, operationName: string | null | undefined): string {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 'unknown';
  if (operation.name) return operation.name.value;
  const fields = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value !== '__typename')
      fields.add(selection.name.value);
  }
  const label = [...fields].sort().join('+') || 'anonymous';
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/** The operation name a client sent, if it is a valid GraphQL name. */
export function requestedName(name: unknown): string | undefined {
  return typeof name === 'string' && NAME.test(name) ? name : undefined;
}

/** Keeps at most `max` distinct labels (metric label cardinality); later ones become `other`. */
export function createLabelBound(max: number) {
  const seen = new Set<string>();
  return (label: string): string => {
    if (seen.has(label)) return label;
    if (seen.size >= max) return 'other';
    seen.add(label);
    return label;
  };
}
