import SchemaBuilder from '@pothos/core';
import type { GraphQLContext } from '../context.ts';

/** The Pothos builder: configuration only; types live in their own files. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    Date: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Price series, strategies, backtests and service statistics.' });
builder.mutationType({ description: 'Portfolio runs, optimizations and administrative cache warming.' });
