import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { GraphQLContext } from '../context.ts';

/** The Pothos builder: configuration only; types live in their own files. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    ParamValue: { Input: number | boolean; Output: number | boolean };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin],
  // Connections only (edges, node, pageInfo); stored things keep their own ids and fields.
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item: pass it as `after` for the next page.' },
    edgesFieldOptions: { description: 'The items of this page with their cursors.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    cursorFieldOptions: { description: 'Opaque position of this item: pass it as `after`.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: { description: 'Page size (1 to 100, default 20).' },
    afterArgOptions: { description: 'Cursor after which the page starts (`pageInfo.endCursor`).' },
    lastArgOptions: { description: 'Not supported: lists page forward only.' },
    beforeArgOptions: { description: 'Not supported: lists page forward only.' },
  },
});

builder.queryType({ description: 'Price series, strategies, backtests and service statistics.' });
builder.mutationType({ description: 'Portfolio runs, optimizations and administrative cache warming.' });
builder.subscriptionType({ description: 'Live job progress over Server-Sent Events.' });
