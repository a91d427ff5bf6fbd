import { Kind, type ValueNode, valueFromASTUntyped } from 'graphql';
import { isIsoDate } from '../dates.ts';
import { builder } from './builder.ts';
import { badInput } from './errors.ts';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw badInput(
      `Date must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`,
    );
  }
  return value;
}

// A literal of these scalars is one string, never a variable: parseLiteral takes the node only.
// (graphql-js's default takes the variables too, which graphql-jit reports on stderr as
// unsupported each time it compiles a query with such a literal.)
const stringLiteral = (ast: ValueNode): unknown =>
  ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast);

builder.scalarType('Date', {
  description: 'A calendar date as YYYY-MM-DD; for price bars, the exchange-local trading day.',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(stringLiteral(ast)),
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function parseInstant(value: unknown): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(`DateTime must be an ISO-8601 UTC instant, got ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  return new Date(value).toISOString();
}

builder.scalarType('DateTime', {
  description: 'An instant as ISO-8601 in UTC with milliseconds, e.g. 2024-05-06T07:08:09.123Z.',
  serialize: (value) => value,
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(stringLiteral(ast)),
});

builder.scalarType('ParamValue', {
  description: 'A strategy param value: a number, or true/false for a boolean param.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
    throw badInput(
      `ParamValue must be a finite number or a boolean, got ${JSON.stringify(value)?.slice(0, 40)}`,
    );
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.BOOLEAN) return ast.value;
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
    throw badInput('ParamValue must be a number or a boolean');
  },
});

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default:
      throw badInput('JSONObject literals cannot contain variables');
  }
}

function parseObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput('JSONObject must be an object');
  }
  return value as Record<string, unknown>;
}

builder.scalarType('JSONObject', {
  description: 'A JSON object, e.g. strategy params such as { "fast": 10, "slow": 30 }.',
  serialize: (value) => value,
  parseValue: parseObject,
  parseLiteral: (ast) => parseObject(literalToJson(ast)),
});
