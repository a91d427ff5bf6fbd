import type { CatalogueEntry } from '../catalogue/strategy-service.ts';
import type { StrategyInfo } from '../strategies/registry.ts';
import { builder } from './builder.ts';
import { forwardPage } from './connection.ts';
import { RuleStrategyInput, RuleStrategyRef } from './rules.ts';

const ParamType = builder.enumType('ParamType', {
  description: 'The type of a strategy param.',
  values: {
    INT: { value: 'int', description: 'A whole number.' },
    FLOAT: { value: 'float', description: 'Any finite number.' },
    BOOLEAN: { value: 'boolean', description: 'true or false.' },
  } as const,
});

const StrategyParam = builder.objectRef<StrategyInfo['params'][number]>('StrategyParam').implement({
  description: 'A strategy parameter with its type, default and bounds.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name to use in `params`.' }),
    type: t.field({ type: ParamType, description: 'Its type.', resolve: (p) => p.type }),
    default: t.field({ type: 'ParamValue', description: 'Default value.', resolve: (p) => p.default }),
    min: t.float({ nullable: true, description: 'Lowest allowed value.', resolve: (p) => p.min }),
    max: t.float({ nullable: true, description: 'Highest allowed value.', resolve: (p) => p.max }),
    description: t.exposeString('description', { description: 'What the parameter does.' }),
  }),
});

const StrategyKind = builder.enumType('StrategyKind', {
  description: 'Where a strategy comes from.',
  values: {
    BUILT_IN: { description: 'Written in the service; its name is exact (case-sensitive).' },
    RULES: { description: 'A rule strategy saved with saveStrategy; its name matches in any case.' },
  } as const,
});

const Strategy = builder.objectRef<CatalogueEntry>('Strategy').implement({
  description: 'A strategy of the catalogue: a built-in or a saved rule strategy.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name to use in `strategy`.' }),
    kind: t.field({ type: StrategyKind, description: 'Built-in or saved rules.', resolve: (s) => s.kind }),
    description: t.exposeString('description', { description: 'What it trades on.' }),
    params: t.field({ type: [StrategyParam], description: 'Its parameters.', resolve: (s) => [...s.params] }),
    rules: t.field({
      type: RuleStrategyRef,
      nullable: true,
      description: 'The rules of a saved rule strategy (null for built-ins).',
      resolve: (s) => s.rules,
    }),
  }),
});

builder.queryField('strategies', (t) =>
  t.field({
    type: [Strategy],
    nullable: true,
    description: 'The strategy catalogue: the built-ins, then the saved rule strategies by name.',
    resolve: (_root, _args, ctx) => ctx.services.strategies.list(),
  }),
);

builder.queryField('savedStrategies', (t) =>
  t.connection(
    {
      type: Strategy,
      description:
        'The saved rule strategies by name (any case), a page at a time (forward pagination: first, after).',
      resolve: (_root, args, ctx) =>
        forwardPage(
          args,
          (s: CatalogueEntry) => s.name,
          (limit, after) => ctx.services.strategies.listSaved(limit, after),
        ),
    },
    { name: 'StrategyConnection', description: 'A page of saved strategies.' },
    { name: 'StrategyEdge', description: 'A saved strategy and its cursor.' },
  ),
);

builder.queryField('strategy', (t) =>
  t.field({
    type: Strategy,
    nullable: true,
    description: 'One strategy by name (built-ins exactly, saved ones in any case); null when there is none.',
    args: { name: t.arg.string({ required: true, description: 'Strategy name.' }) },
    resolve: (_root, { name }, ctx) => ctx.services.strategies.get(name),
  }),
);

const SaveStrategyInput = builder.inputType('SaveStrategyInput', {
  description: 'A rule strategy to save under a name, usable wherever a strategy name is.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: '1 to 64 letters, digits, _ or -, starting with a letter; not a built-in name.',
    }),
    description: t.string({ description: 'What it trades on (at most 500 characters).' }),
    rules: t.field({ type: RuleStrategyInput, required: true, description: 'The rules.' }),
    replace: t.boolean({ defaultValue: false, description: 'Replace a strategy saved under this name.' }),
  }),
});

builder.mutationField('saveStrategy', (t) =>
  t.field({
    type: Strategy,
    description: 'Saves a rule strategy; an existing name is replaced only with replace: true.',
    args: { input: t.arg({ type: SaveStrategyInput, required: true, description: 'The strategy.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.strategies.save(input),
  }),
);

builder.mutationField('deleteStrategy', (t) =>
  t.boolean({
    description: 'Deletes a saved rule strategy; false when there was none. Built-ins cannot be deleted.',
    args: { name: t.arg.string({ required: true, description: 'Strategy name (any case).' }) },
    resolve: (_root, { name }, ctx) => ctx.services.strategies.delete(name),
  }),
);
