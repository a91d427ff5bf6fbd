import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isEnumType, isInputObjectType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.ts';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

describe('the schema', () => {
  const schema = buildSchema();

  it('documents every type, field, argument and enum value (GraphiQL is the documentation)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the names of the public contract', () => {
    const query = Object.keys(schema.getQueryType()!.getFields());
    const mutation = Object.keys(schema.getMutationType()!.getFields());
    expect(query).toEqual(
      expect.arrayContaining([
        'priceSeries',
        'priceSeriesList',
        'strategies',
        'backtest',
        'portfolioBacktest',
        'serviceStats',
      ]),
    );
    expect(mutation).toEqual(
      expect.arrayContaining(['runPortfolioBacktest', 'optimizeStrategy', 'warmCache']),
    );
  });

  it('matches the committed schema/schema.graphql (run npm run codegen after changing types)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);
  });
});
