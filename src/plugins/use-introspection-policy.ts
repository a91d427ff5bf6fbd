import type { Plugin } from 'graphql-yoga';
import { NoSchemaIntrospectionCustomRule } from 'graphql';

/** `Cannot query field "barz" on type "PriceSeries". Did you mean "bars"?` loses its last sentence. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * With introspection off, the schema is not for discovery: `__schema` and `__type` are refused,
 * GraphiQL is not served (see app.ts), and no error message suggests field, argument, type or
 * enum value names.
 */
export function useIntrospectionPolicy(introspection: boolean): Plugin {
  if (introspection) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    onExecutionResult({ result }) {
      if (result === undefined || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) {
        if (error.message.includes('Did you mean')) {
          (error as { message: string }).message = error.message.replace(SUGGESTION, '');
        }
      }
    },
  };
}
