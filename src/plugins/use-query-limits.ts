/**
 * Depth, alias and token limits (GraphQL Armor's rules), each refusing a request with
 * QUERY_TOO_COMPLEX and a message naming the limit. Armor's own errors come from its copy of
 * graphql (CommonJS); ours are reported instead so that yoga keeps their code and status.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type QueryLimit, queryTooComplex } from './limit-errors.ts';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

/** `Syntax Error: Query depth limit of 10 exceeded, found 12.` → `Query depth limit of 10 exceeded, found 12.` */
const messageOf = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');

const report =
  (limit: QueryLimit, hint: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const refused = queryTooComplex(`${messageOf(error)} ${hint}`, limit);
    if (context === null) throw refused;
    context.reportError(refused);
  };

export function useQueryLimits(limits: QueryLimits): Plugin {
  // Nested fragments count as levels (30 nested `... on Query {` are refused). `__schema` is left to
  // graphql's own introspection depth rule, so GraphiQL's introspection query (21 levels counted
  // this way) still works; production turns introspection off anyway.
  const depthRule = maxDepthRule({
    n: limits.maxDepth,
    flattenFragments: false,
    ignoreIntrospection: true,
    onReject: [report('depth', 'Select less deeply nested fields.')],
    propagateOnRejection: false,
  });
  const aliasesRule = maxAliasesRule({
    n: limits.maxAliases,
    onReject: [report('aliases', 'Use a list field such as priceSeriesList, or split the request.')],
    propagateOnRejection: false,
  });
  return {
    ...(maxTokensPlugin({
      n: limits.maxTokens,
      onReject: [report('tokens', 'Send a smaller document.')],
      propagateOnRejection: false,
    }) as Plugin),
    onValidate({ addValidationRule }) {
      addValidationRule(depthRule);
      addValidationRule(aliasesRule);
    },
  };
}
