import { listStrategies, type StrategyInfo } from '../strategies/registry.ts';
import { builder } from './builder.ts';

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

const Strategy = builder.objectRef<StrategyInfo>('Strategy').implement({
  description: 'A built-in strategy.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Exact name to use in `strategy`.' }),
    description: t.exposeString('description', { description: 'What it trades on.' }),
    params: t.field({ type: [StrategyParam], description: 'Its parameters.', resolve: (s) => [...s.params] }),
  }),
});

builder.queryField('strategies', (t) =>
  t.field({
    type: [Strategy],
    description: 'The strategy catalogue.',
    resolve: () => [...listStrategies()],
  }),
);
