import { listStrategies, type StrategyInfo } from '../strategies/registry.ts';
import { builder } from './builder.ts';

const StrategyParam = builder.objectRef<StrategyInfo['params'][number]>('StrategyParam').implement({
  description: 'A strategy parameter with its type, default and bounds.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name to use in `params`.' }),
    type: t.exposeString('type', { description: 'int, float or boolean.' }),
    default: t.float({
      nullable: true,
      description: 'Default value (booleans as 1 for true, 0 for false).',
      resolve: (p) => (typeof p.default === 'boolean' ? Number(p.default) : p.default),
    }),
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
